"""Two-factor authentication for staff: after the password, a code from an authenticator app (TOTP, django-otp),
a passkey (WebAuthn, django-otp-webauthn) or a backup code."""
