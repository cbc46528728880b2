"""The command line: argument handling, paths, and the click command."""
