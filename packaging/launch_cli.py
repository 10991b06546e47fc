"""Entry point of ``followup-desk-cli``, the console twin of the frozen app.

On Windows the app itself is a windowed program with no console to print to; this one has
one, for the script commands (README "From a script"). Elsewhere it behaves the same.
"""

import sys

from desktop import cli

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv))
