"""Policy Reader: with no arguments the desktop app opens; any arguments go to the CLI.

Also the entry point of the desktop bundle (packaging/policy-reader.spec):
``freeze_support()`` lets the frozen executable run the extraction worker processes
(without it every document of a bundled app comes out "damaged: the extractor crashed").
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.cli import main

    sys.exit(main())
