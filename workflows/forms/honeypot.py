"""What every form a visitor fills without an account shares: labels without a colon, and the honeypot field."""

from ..abuse import HONEYPOT_FIELD_NAME, HoneypotField


class WithHoneypot:
    """Mixed in before ``forms.Form`` or ``forms.ModelForm``; templates render ``form.honeypot`` hidden."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD_NAME] = HoneypotField()

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD_NAME]
