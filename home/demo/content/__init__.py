"""The demo content itself: texts written from the seed (WeGO's "Thematic Clusters" page), apart from the builders.

Cluster themes, the 2018 events and the GCTC programme come from the seed. Everything else is invented
for the demo and says so here: cluster leaders and their organisations are fictional people, case-study
cities and projects are fictional, contact addresses are placeholders at example.org.
"""
