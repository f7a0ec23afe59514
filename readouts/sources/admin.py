"""The admin's sources section (the feeds, sitemaps and listings watched) and its "Import from a web address"
page; registered by readouts/admin.py."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from readouts.importing import FAILED
from readouts.models import Source

from .fetching import Fetcher
from .pages import import_address


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "url", "interval", "active", "last_checked_at", "last_summary", "failing"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["last_checked_at", "last_summary", "last_error", "last_error_at", "etag", "last_modified"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "url", "link_pattern", "interval", "active"]}),
        ("Last check", {"fields": readonly_fields}),
    ]

    @admin.display(boolean=True, description="Failing")
    def failing(self, source):
        return bool(source.last_error)


class WebAddressForm(forms.Form):
    url = forms.URLField(label="Web address", max_length=500, assume_scheme="https")


def import_web_address_view(model_admin, request):
    """Fetch one page and import it (or its revision); errors name the address and the reason."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = WebAddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Fetcher(retries=1) as fetcher:
            result = import_address(form.cleaned_data["url"], fetcher)
        if result.outcome != FAILED and result.readout is not None:
            messages.success(request, f"{result.outcome.capitalize()}: \u201c{result.readout}\u201d.")
            return redirect(reverse("admin:readouts_readout_change", args=[result.readout.pk]))
        form.add_error("url", f"{result.label}: {result.error}")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import from a web address",
        "form": form,
    }
    return TemplateResponse(request, "admin/readouts/readout/import_address.html", context)
