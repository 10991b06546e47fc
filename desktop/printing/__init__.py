"""Page rendering with QtGui only: what the preview shows is what the printer prints.

No widgets here, so the command line can render with an offscreen QGuiApplication.
"""
