"""Demo content for the site, loaded by `manage.py load_initial_data` (see loader.demo_content_load)."""
