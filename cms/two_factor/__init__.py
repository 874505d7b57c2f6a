"""Two-factor authentication for staff: a code from an authenticator app (TOTP, django-otp) after the password."""
