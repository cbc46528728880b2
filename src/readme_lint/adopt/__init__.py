"""Adopting on an existing list: narrowing to changed lines, baselines, writing a configuration."""
