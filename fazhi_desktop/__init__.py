"""法治评议 core: domain records, rules, storage, imports, exports and the command line.

Nothing in this package imports Qt widgets, so all of it runs and is tested headless.
"""

__version__ = "0.1.0"
APP_NAME = "法治评议"
APP_ID = "fazhi-review"
APPLICATION_ID = 0x465A5256  # PRAGMA application_id of our database files
SQLITE_HEADER = b"SQLite format 3\x00"
