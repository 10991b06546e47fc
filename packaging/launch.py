"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

The same dispatch as ``python -m desktop``: a script command ("due", "export", ...) runs
without loading Qt's widgets, anything else opens the window through ``desktop.app.main``.
"""

import os
import sys

# qtawesome goes through qtpy, which would otherwise probe for bindings not shipped.
os.environ.setdefault("QT_API", "pyside6")

from desktop import COMMANDS

if __name__ == "__main__":
    # desktop.cli (and with it the whole domain) is imported only for a script command: the
    # window's start paints before it loads the database stack (see desktop.app).
    if any(arg in COMMANDS for arg in sys.argv[1:]):
        from desktop import cli

        if cli.first_command(sys.argv[1:]) is not None:
            sys.exit(cli.main(sys.argv))

    from desktop.app import main

    sys.exit(main())
