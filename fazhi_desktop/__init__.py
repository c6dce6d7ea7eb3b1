"""法治评议 core: domain records, rules, storage, imports, exports and the command line.

Nothing in this package imports Qt widgets, so all of it runs and is tested headless.
"""

__version__ = "0.1.0"
APP_NAME = "法治评议"
APP_ID = "fazhi-review"
