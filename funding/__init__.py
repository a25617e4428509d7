"""EU and Dutch public funding for batteries, as data with a source behind every figure.

The subpackages are the stages the data goes through, bottom-up: `i18n` (the text catalogue with
the vocabularies and the languages), `base` (errors, paths, bounded reading and writing), `intake`
(one CSV file checked into records), `registry` (the dataset and its registries), `selecting`
(filters, totals, figures), `changes` (diffs, edits, curators' checks), then `charts` and `exports`
(what readers see) and `cli`. A module imports only from its own stage or those below it
(tests/test_layers.py)."""
