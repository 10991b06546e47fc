"""Follow-Up Desk: follow up with everyone who can affect a job search."""

__version__ = "0.1.0"

APP_NAME = "Follow-Up Desk"
# Used for the data directory and settings; no spaces keeps paths friendly on every OS.
APP_ID = "FollowUpDesk"
