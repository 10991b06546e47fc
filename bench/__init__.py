"""Benchmarks for Follow-Up Desk: ``python bench/run.py`` runs them all and writes
docs/benchmarks.md. Every number is compared with a floor measured in the same run."""
