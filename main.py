"""Policy Reader: with no arguments the desktop app opens; any arguments go to the CLI."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
