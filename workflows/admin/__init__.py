"""The reviewer workspace in the Wagtail admin: reusable viewsets the site registers for its kinds."""
