"""Adding an internal note from the inspect view (through the notes service)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View

from ...exceptions import TransitionError
from ...services import note_add
from ..permission_policy import SubmissionPermissionPolicy
from .mixins import VisibleObjectMixin


class NoteAddView(VisibleObjectMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        if not SubmissionPermissionPolicy(self.model).user_has_permission(request.user, "view"):
            raise PermissionDenied
        self.object = self.get_visible_object(pk)
        try:
            note_add(application=self.object, user=request.user, text=request.POST.get("text", ""))
        except TransitionError as error:
            detail = "; ".join(str(text) for text in error.field_errors.values()) or str(error.message)
            messages.error(request, _("The note was not added: %(reason)s") % {"reason": detail})
        else:
            messages.success(request, _("Internal note added."))
        return HttpResponseRedirect(self.inspect_url + "#notes")
