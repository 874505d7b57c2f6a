"""Reports on the pipeline, computed from the transition log (and the assessments), never from kept counters.

``scope`` says which applications a user's reports cover; ``pipeline`` and ``assessments`` aggregate them for a
period; ``charts`` draws the figures as SVG; each report is also a table and a CSV file with the same figures.
"""
