"""Cluster meetings: an event's sessions, registering for them, and their registrations' mails and screens."""
