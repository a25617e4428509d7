"""The dataset and its registries: documents, disagreements, version files, the data package,
the citation, calls, and the loader that turns a checked file into a `Dataset`."""
