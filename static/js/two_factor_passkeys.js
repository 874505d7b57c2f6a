// Once django-otp-webauthn's script has saved a new passkey, reload the account page: the list then shows it,
// with the confirmation among the admin's messages.
document.addEventListener("otp_webauthn.register_complete", () => {
    window.location.reload();
});
