import json
from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from readouts import forms
from readouts.ingest import PARTICIPANTS, STATEMENTS, Outcome, edited_parts, find_stored, ingest, mark_edited
from readouts.models import UNCERTAIN_DATE_BASES, Country, DateBasis, Participation, Person, Readout, Statement
from readouts.parsing import ParsedReadout, ParseError, parse_readout
from readouts.parsing.guesses import named_once
from readouts.parsing.types import ReadoutMetadata
from readouts.sources.admin import import_web_address_view  # also registers SourceAdmin


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "demonyms", "aliases"]


class HistoryAdmin(SimpleHistoryAdmin):
    """Each change with who made it and when, and a revert to any earlier version (django-simple-history)."""

    # The package's list, less an inline style attribute that the Content-Security-Policy would refuse.
    object_history_list_template = "admin/readouts/object_history_list.html"


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "country"]
    list_select_related = ["country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person"]
    ordering = ["order"]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["speaker"]
    ordering = ["position"]
    fields = [("position", "kind", "speaker", "speaker_guessed"), "text"]


@admin.register(Readout)
class ReadoutAdmin(HistoryAdmin):
    list_display = ["title", "meeting_date", "location", "publisher", "language"]
    # A source URL typed without a scheme is https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["publisher", "language", ("participations__person__country", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "meeting_date"
    search_fields = ["title", "location", "publisher", "participations__person__name"]
    search_help_text = "Title, location, publisher or a participant's name"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [ParticipationInline, StatementInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "meeting_date",
                    "meeting_end_date",
                    "published_date",
                    ("location", "location_guessed"),
                ]
            },
        ),
        ("How the date was found", {"fields": ["meeting_date_basis", "meeting_month", "meeting_day"]}),
        ("Source", {"fields": ["publisher", "source_url", "language"]}),
        (
            "Original text",
            {"classes": ["collapse"], "fields": ["raw_text", "content_hash", "created_at", "updated_at"]},
        ),
    ]

    object_history_template = "admin/readouts/readout/object_history.html"

    def save_model(self, request, obj, form, change):
        date_changed = {"meeting_date", "meeting_end_date"} & set(form.changed_data)
        if change and date_changed and "meeting_date_basis" not in form.changed_data:
            # A date typed by hand is no longer the parser's inference.
            obj.meeting_date_basis = DateBasis.BY_HAND if obj.meeting_date else DateBasis.NOT_FOUND
        if change and "location" in form.changed_data and "location_guessed" not in form.changed_data:
            obj.location_guessed = False  # a place typed by hand is no guess
        super().save_model(request, obj, form, change)
        if change:
            mark_edited(obj, form.changed_data)

    def history_view(self, request, object_id, extra_context=None):
        """The readout's own versions, then the changes to its participants and statements (each revertible on
        its own history page)."""
        readout_id = int(object_id) if str(object_id).isdigit() else None
        participations = Participation.history.select_related("history_user", "person")
        statements = Statement.history.select_related("history_user")
        related = [
            ("Participants", "admin:readouts_participation_history", participations.filter(readout_id=readout_id)),
            ("Statements", "admin:readouts_statement_history", statements.filter(readout_id=readout_id)),
        ]
        return super().history_view(request, object_id, {**(extra_context or {}), "related_history": related})

    def save_formset(self, request, form, formset, change):
        for paragraph in formset.forms:
            changed = set(paragraph.changed_data)
            if formset.model is Statement and "speaker" in changed and "speaker_guessed" not in changed:
                paragraph.instance.speaker_guessed = False  # a speaker chosen by hand is no guess
        super().save_formset(request, form, formset, change)
        if change and formset.has_changed():
            mark_edited(form.instance, [PARTICIPANTS if formset.model is Participation else STATEMENTS])

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_view)
        address_view = self.admin_site.admin_view(lambda request: import_web_address_view(self, request))
        return [
            path("import/", import_view, name="readouts_readout_import"),
            path("import-address/", address_view, name="readouts_readout_import_address"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Paste or upload a raw readout, review what the parser found beside the text, correct it, save."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": "Import from text"}
        if request.method == "POST" and "save" in request.POST:
            review = self.bound_review_forms(request.POST)
            readout = self.save_reviewed(request, *review)
            if readout is not None:
                return redirect(reverse("admin:readouts_readout_change", args=[readout.pk]))
            return TemplateResponse(
                request,
                "admin/readouts/readout/import_review.html",
                {**context, **review_context(*review, parsed=reparsed(review[0]))},
            )
        raw_form = forms.RawTextForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and raw_form.is_valid():
            raw_text = raw_form.cleaned_data["text"]
            metadata = raw_form.metadata()
            try:
                parsed = parse_readout(raw_text, metadata=metadata)
            except ParseError as error:
                raw_form.add_error(None, f"This cannot be read as a readout: {error}.")
            else:
                stored = find_stored(raw_text)
                if stored is not None:
                    messages.warning(request, f"This text is already in the archive as \u201c{stored}\u201d.")
                    return redirect(reverse("admin:readouts_readout_change", args=[stored.pk]))
                review = self.initial_review_forms(parsed, raw_text, metadata)
                return TemplateResponse(
                    request,
                    "admin/readouts/readout/import_review.html",
                    {**context, **review_context(*review, parsed=parsed), "warnings": parsed.warnings},
                )
        return TemplateResponse(request, "admin/readouts/readout/import.html", {**context, "form": raw_form})

    @staticmethod
    def initial_review_forms(parsed, raw_text, metadata=None):
        return (
            forms.ReviewedReadoutForm(initial=forms.ReviewedReadoutForm.initial_from(parsed, raw_text, metadata)),
            forms.ParticipantFormSet(initial=forms.participant_initial(parsed), prefix="participants"),
            forms.ParagraphFormSet(
                initial=forms.paragraph_initial(parsed),
                prefix="paragraphs",
                form_kwargs={"speakers": forms.speaker_names(parsed)},
            ),
        )

    @staticmethod
    def bound_review_forms(data):
        return (
            forms.ReviewedReadoutForm(data),
            forms.ParticipantFormSet(data, prefix="participants"),
            forms.ParagraphFormSet(
                data, prefix="paragraphs", form_kwargs={"speakers": forms.speaker_names(data=data)}
            ),
        )

    def save_reviewed(self, request, form, participants, paragraphs):
        """The saved readout, or None with the problems attached to the forms."""
        if not (form.is_valid() and participants.is_valid() and paragraphs.is_valid()):
            return None
        raw_text, metadata = form.cleaned_data["raw_text"], form.cleaned_data["given_metadata"]
        try:
            derived = parse_readout(raw_text, metadata=metadata)
            reviewed = forms.reviewed_readout(form, participants, paragraphs, derived)
        except (ParseError, ValidationError) as error:
            form.add_error(None, str(error.message if isinstance(error, ValidationError) else error))
            return None
        result = ingest(reviewed, raw_text, source_url=form.cleaned_data["source_url"], metadata=metadata)
        if result.outcome == Outcome.UNCHANGED:
            messages.warning(request, "This text was already in the archive; nothing was changed.")
        else:
            mark_edited(result.readout, edited_parts(derived, reviewed))
            messages.success(request, f"Imported \u201c{result.readout}\u201d. Everything stays editable below.")
        return result.readout


@admin.register(Statement)
class StatementAdmin(HistoryAdmin):
    """Paragraphs one by one: mostly edited within their readout, listed here for their history and reverts."""

    list_display = ["readout", "position", "kind", "speaker"]
    list_select_related = ["readout", "speaker"]
    list_filter = ["kind"]
    search_fields = ["text", "readout__title"]
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["readout"]
    fields = ["readout", ("position", "kind", "speaker"), "text"]


@admin.register(Participation)
class ParticipationAdmin(HistoryAdmin):
    list_display = ["person", "title", "readout", "order"]
    list_select_related = ["person", "readout"]
    search_fields = ["person__name", "title", "readout__title"]
    autocomplete_fields = ["person"]
    raw_id_fields = ["readout"]


@dataclass(frozen=True)
class ReviewedParagraph:
    form: object  # a ParagraphForm
    original: str  # the paragraph as the parser read it from the text
    speaker_guessed: bool  # the parser's speaker, whom the paragraph does not name, is still the one chosen


@dataclass(frozen=True)
class ReviewedField:
    field: object  # a bound field of ReviewedReadoutForm
    note: str  # how the parser found it, when that is a guess ("year inferred"); empty otherwise


def reparsed(form) -> ParsedReadout | None:
    """The parse of the text under review again (for its marks, after a save that failed), or None."""
    try:
        metadata = ReadoutMetadata.from_json(json.loads(form["given_metadata"].value() or "{}"))
        return parse_readout(form["raw_text"].value() or "", metadata=metadata)
    except (ParseError, ValueError, TypeError, AttributeError):
        return None


def review_context(form, participants, paragraphs, parsed: ParsedReadout | None = None) -> dict:
    """The review's forms with what the parser guessed marked: the date's basis when the text does not establish
    it, a place from the dateline, each paragraph's speaker whom it does not name, the participants named once;
    each paragraph beside the original it was read from."""
    originals = parsed.paragraphs if parsed else []
    rows = []
    for index, paragraph in enumerate(paragraphs.forms):
        found = originals[index] if index < len(originals) else None
        guessed = bool(found and found.speaker_guessed and paragraph["speaker"].value() == found.speaker)
        rows.append(ReviewedParagraph(paragraph, found.text if found else "", guessed))
    notes = {}
    if parsed is not None:
        basis = DateBasis(parsed.meeting_date_basis or "")
        if basis in UNCERTAIN_DATE_BASES or (basis == DateBasis.NOT_FOUND and parsed.meeting_date):
            notes["meeting_date"] = f"Guessed: {basis.label}"
        elif basis == DateBasis.NOT_FOUND:
            notes["meeting_date"] = "Not found in the text"
        if parsed.location_guessed:
            notes["location"] = "Guessed: where the text was filed (its dateline)"
    once = set(named_once(parsed.text, parsed.participants)) if parsed else set()
    return {
        "form": form,
        "readout_fields": [ReviewedField(field, notes.get(field.name, "")) for field in form.visible_fields()],
        "participants": participants,
        "participant_rows": [(row, row["name"].value() in once) for row in participants.forms],
        "paragraphs": paragraphs,
        "paragraph_rows": rows,
        "raw_text": form["raw_text"].value(),
    }


# The meetings and their merge, split and move (readouts.meetings.admin).
from readouts.meetings import admin as meetings_admin  # noqa: E402, F401
