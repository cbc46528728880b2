"""The lint engine: rule selection, the run, suppression, hints and the fixer."""
