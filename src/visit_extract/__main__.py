import sys

from visit_extract.cli import main

sys.exit(main())
