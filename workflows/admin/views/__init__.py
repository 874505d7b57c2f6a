"""The workspace's views: listing, inspect, history, transitions (row and bulk), notes and the diagram."""
