import sys

from desktop import COMMANDS

# Script commands ("due", "export", ...) never load Qt's widgets; everything else opens the
# app (without loading the CLI's imports, the whole domain, before the window paints).
if any(arg in COMMANDS for arg in sys.argv[1:]):
    from desktop import cli

    if cli.first_command(sys.argv[1:]) is not None:
        sys.exit(cli.main(sys.argv))

from desktop.app import main

sys.exit(main())
