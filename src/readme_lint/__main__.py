from __future__ import annotations

import sys

from readme_lint.cli.main import main

sys.exit(main())
