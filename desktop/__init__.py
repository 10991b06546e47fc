"""Follow-Up Desk: follow up with everyone who can affect a job search."""

__version__ = "0.1.0"

APP_NAME = "Follow-Up Desk"
# Used for the data directory and settings; no spaces keeps paths friendly on every OS.
APP_ID = "FollowUpDesk"
# The command line's subcommands (desktop.cli): named here so that starting the window can
# tell "followup-desk due" from "followup-desk --data-dir DIR" without importing the CLI.
COMMANDS = ("due", "export", "import", "agenda", "letter", "backup", "check")
