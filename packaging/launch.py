"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

The same dispatch as ``python -m desktop``: a script command ("due", "export", ...) runs
without loading Qt's widgets, anything else opens the window through ``desktop.app.main``.
"""

import os
import sys

# qtawesome goes through qtpy, which would otherwise probe for bindings not shipped.
os.environ.setdefault("QT_API", "pyside6")

from desktop import cli

if __name__ == "__main__":
    if cli.first_command(sys.argv[1:]) is not None:
        sys.exit(cli.main(sys.argv))

    from desktop.app import main

    sys.exit(main())
