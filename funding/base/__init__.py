"""The bottom of the pipeline: vocabularies, errors as data, where files live, and bounded
reading and atomic writing of any file. Imports nothing else from `funding` but `funding.i18n`'s forms."""
