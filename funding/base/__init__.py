"""Just above the catalogue: errors as data (said in any language), where files live, and bounded
reading and atomic writing of any file."""
