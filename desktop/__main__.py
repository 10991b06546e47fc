import sys

from desktop import cli

# Script commands ("due", "export", ...) never load Qt's widgets; everything else opens the app.
if cli.first_command(sys.argv[1:]) is not None:
    sys.exit(cli.main(sys.argv))

from desktop.app import main

sys.exit(main())
