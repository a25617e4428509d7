"""Changes between versions and to the data: diffs and their reports, the change log, the
editor's table and drafts, and the curators' checks of quotes and new documents."""
