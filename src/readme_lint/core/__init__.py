"""The pure core, no I/O: the parse adapter, syntax scanners, the document model and its
records, and what is known about papers and lists (papers, conventions, duplicates, the TOC,
readme-lint comments)."""
