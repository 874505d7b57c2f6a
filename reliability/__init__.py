"""Load and fault scripts with figures: ``make reliability`` (full) and ``make reliability-small`` (CI).

See ``reliability/README.md`` for what each scenario does, the figures it checks and one full run's table.
"""
