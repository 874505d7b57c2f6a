"""The member directory (/members/): the listed member cities and partner organisations, their map and their API.

- ``selectors``: ``directory()``, the listed entries and the counts, one query per kind, cached until a roster moves.
- ``services``: the listing consent (given, withdrawn, recorded) and a city's place on the map.
- ``entries``: what type an entry is (a city, or a partner's organisation type).
- ``gazetteer`` and ``worldmap``: the offline place look-up and the map drawn from Natural Earth outlines.
"""
