"""The meetings in the admin: merge selected meetings (an action); on a meeting's page, split readouts off into a
new meeting or move readouts in by their ids. Every change marks the meetings as changed by hand
(``Meeting.edited``), which regrouping respects. Registered from readouts/admin.py."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from readouts.meetings.grouping import merge_meetings, move_readouts
from readouts.models import Meeting, Readout


class MeetingForm(forms.ModelForm):
    split_off = forms.ModelMultipleChoiceField(
        queryset=Readout.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="These readouts leave this meeting, together, for a new one.",
    )
    move_here = forms.CharField(
        required=False,
        label="Move readouts here",
        help_text="Ids of readouts of other meetings, separated by commas or spaces.",
    )

    class Meta:
        model = Meeting
        fields = ["edited"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["split_off"].queryset = self.instance.readouts.order_by("id").only("title", "publisher")
            self.fields["split_off"].label_from_instance = lambda readout: f"{readout.title} ({readout.publisher})"

    def clean_move_here(self):
        text = self.cleaned_data["move_here"].replace(",", " ").split()
        if not all(part.isascii() and part.isdigit() for part in text):
            raise forms.ValidationError("Enter readout ids (whole numbers), separated by commas or spaces.")
        ids = {int(part) for part in text}
        found = list(Readout.objects.filter(pk__in=ids).only("pk"))
        missing = ids - {readout.pk for readout in found}
        if missing:
            raise forms.ValidationError(f"No readout has the id {', '.join(map(str, sorted(missing)))}.")
        return found


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingForm
    list_display = ["__str__", "first_date", "accounts", "readout_count", "edited"]
    list_filter = ["edited"]
    date_hierarchy = "first_date"
    readonly_fields = ["first_date", "last_date", "accounts", "readout_count", "readout_links"]
    fields = ["first_date", "last_date", "accounts", "readout_count", "readout_links", "edited", "split_off"]
    actions = ["merge_selected"]

    def get_fields(self, request, obj=None):
        return self.fields + ["move_here"] if obj else self.fields

    @admin.display(description="Readouts")
    def readout_links(self, meeting):
        readouts = meeting.readouts.order_by("id").only("title", "publisher")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}, id {})</li>',
                (
                    (
                        reverse("admin:readouts_readout_change", args=[r.pk]),
                        r.title,
                        r.publisher or "no publisher",
                        r.pk,
                    )
                    for r in readouts
                ),
            ),
        )

    @admin.action(description="Merge the selected meetings into one")
    def merge_selected(self, request, queryset):
        meetings = list(queryset)
        if len(meetings) < 2:
            self.message_user(request, "Select two meetings or more to merge.", messages.WARNING)
            return
        merged = merge_meetings(meetings)
        self.message_user(request, f"{len(meetings)} meetings merged into {merged}.", messages.SUCCESS)

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        obj.save()
        if not change:
            return
        if form.cleaned_data.get("split_off"):
            new = move_readouts(form.cleaned_data["split_off"])
            self.message_user(request, f"Split off into {new}.", messages.SUCCESS)
        if form.cleaned_data.get("move_here"):
            move_readouts(form.cleaned_data["move_here"], obj)
        obj.refresh_from_db()
