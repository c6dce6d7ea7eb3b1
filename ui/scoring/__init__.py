"""Scoring: the per-unit score grid, completeness, results, audit log, external values, chair's prompts."""
