"""The pure core: the parse adapter, syntax scanners, the document model and its records."""
