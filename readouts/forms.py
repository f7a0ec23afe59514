"""The site's forms: the admin's paste-and-parse page (the raw text, then the parsed readout to review) and search."""

import json
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from readouts import search
from readouts.filters import PERSON_NAME_INPUT, PersonNameField, ReadoutFilter
from readouts.models import Country, DateBasis, Person, Readout, Statement
from readouts.parsing import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout
from readouts.parsing.types import ReadoutMetadata

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class RawTextForm(forms.Form):
    text = forms.CharField(
        label="Readout text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="Paste the readout as published: headline, dateline, paragraphs. HTML is fine.",
    )
    upload = forms.FileField(label="or a file", required=False, help_text="A .txt or .html file, UTF-8")
    # What is known of the text besides it, as import_readouts --metadata takes it: evidence the parser uses
    # before what the text itself says (a publication date gives the year of "on Tuesday").
    published_date = forms.DateField(
        required=False, help_text="YYYY-MM-DD, when the page gives it; the year and relative days count from it"
    )
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    publisher = forms.CharField(max_length=200, required=False)
    language = forms.RegexField(
        regex=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$",
        max_length=8,
        required=False,
        help_text="en, zh, ru, ...; empty to detect it",
        error_messages={"invalid": "A language code such as en, zh or pt-BR."},
    )
    title = forms.CharField(max_length=300, required=False, help_text="empty to take the headline from the text")

    def metadata(self) -> ReadoutMetadata:
        data = self.cleaned_data
        return ReadoutMetadata(
            published_date=data.get("published_date"),
            **{name: (data.get(name) or "").strip() for name in ("source_url", "publisher", "language", "title")},
        )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise ValidationError("The file is larger than 5 MB: that is not a readout.")
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(f"{upload.name} is not UTF-8 text.") from None
        if not cleaned.get("text", "").strip():
            raise ValidationError("Paste a readout or choose a file.")
        return cleaned


class ReviewedReadoutForm(forms.Form):
    raw_text = forms.CharField(widget=forms.HiddenInput, strip=False)
    # The metadata given with the text on the first page, as JSON: the parse that tells hand corrections from
    # what the parser derived is told it again.
    given_metadata = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(max_length=300)
    meeting_date = forms.DateField(required=False, help_text="YYYY-MM-DD; empty when the text does not tell")
    meeting_end_date = forms.DateField(required=False, help_text="the last day of a meeting over several days")
    published_date = forms.DateField(required=False)
    location = forms.CharField(max_length=200, required=False)
    publisher = forms.CharField(max_length=200, required=False)
    language = forms.CharField(max_length=8)
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")

    @classmethod
    def initial_from(cls, parsed: ParsedReadout, raw_text: str, metadata: ReadoutMetadata | None = None) -> dict:
        fields = ("title", "meeting_date", "meeting_end_date", "published_date", "location", "publisher", "language")
        return {
            "raw_text": raw_text,
            "given_metadata": json.dumps((metadata or ReadoutMetadata()).to_json()),
            "source_url": parsed.source_url,
            **{name: getattr(parsed, name) or "" for name in fields},
        }

    def clean_given_metadata(self) -> ReadoutMetadata:
        try:
            return ReadoutMetadata.from_json(json.loads(self.cleaned_data["given_metadata"] or "{}"))
        except (ValueError, TypeError, AttributeError):
            raise ValidationError("The page's metadata was altered; paste the text again.") from None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("meeting_date"), cleaned.get("meeting_end_date")
        if end and (start is None or end <= start):
            self.add_error("meeting_end_date", "The last day comes after the meeting date.")
        return cleaned


class ParticipantForm(forms.Form):
    name = forms.CharField(max_length=200)
    title = forms.CharField(max_length=300, required=False, help_text="held at this meeting")
    country = forms.ModelChoiceField(Country.objects.all(), required=False, to_field_name="name")


class ParagraphForm(forms.Form):
    """A paragraph as the reviewer leaves it; its speaker is one of ``speakers``, the participants' names."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 60}))
    kind = forms.ChoiceField(choices=Statement.Kind.choices)
    speaker = forms.ChoiceField(required=False, help_text="for statements: one of the participants")

    def __init__(self, *args, speakers=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = list(dict.fromkeys(name for name in speakers if name))
        # A name posted that is no participant's stays a choice, so that the review says who is missing
        # (reviewed_readout) rather than "not one of the available choices".
        posted = self.data.get(self.add_prefix("speaker"), "") if self.is_bound else ""
        if posted and posted not in names:
            names.append(posted)
        self.fields["speaker"].choices = [("", "Nobody (joint or narrative)"), *((name, name) for name in names)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Statement.Kind.STATEMENT and not cleaned.get("speaker"):
            raise ValidationError("A statement needs its speaker; otherwise choose joint or narrative.")
        if cleaned.get("kind") != Statement.Kind.STATEMENT:
            cleaned["speaker"] = ""
        return cleaned


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=1, can_delete=True)
ParagraphFormSet = forms.formset_factory(ParagraphForm, extra=0, can_delete=True)


def speaker_names(parsed: ParsedReadout | None = None, data=None) -> list[str]:
    """The names a paragraph's speaker is chosen from: the participants posted back (``data``, those not marked
    for removal), else the parsed ones."""
    if data is None:
        return [participant.name for participant in parsed.participants] if parsed else []
    try:
        count = min(int(data.get("participants-TOTAL_FORMS", 0)), 1000)
    except ValueError:
        count = 0
    names = (
        str(data.get(f"participants-{index}-name", "")).strip()
        for index in range(count)
        if not data.get(f"participants-{index}-DELETE")
    )
    return [name for name in names if name]


def participant_initial(parsed: ParsedReadout) -> list[dict]:
    return [{"name": p.name, "title": p.title, "country": p.country} for p in parsed.participants]


def paragraph_initial(parsed: ParsedReadout) -> list[dict]:
    return [{"text": p.text, "kind": str(p.kind), "speaker": p.speaker or ""} for p in parsed.paragraphs]


def reviewed_readout(form, participants, paragraphs, parsed: ParsedReadout) -> ParsedReadout:
    """The readout as the reviewer left it; raises ValidationError when a speaker is no participant."""
    people = [
        ParsedParticipant(name=f["name"], title=f["title"], country=f["country"].name if f["country"] else None)
        for f in live_forms(participants)
    ]
    names = {person.name for person in people}
    kept = []
    for index, paragraph in enumerate(paragraphs.forms):
        f = paragraph.cleaned_data
        if not f or f.get("DELETE"):
            continue
        if f["speaker"] and f["speaker"] not in names:
            raise ValidationError(f"{f['speaker']} speaks but is not among the participants.")
        # The parser's speaker left as it was stays a guess; one the reviewer chose is not.
        found = parsed.paragraphs[index] if index < len(parsed.paragraphs) else None
        guessed = bool(found and found.speaker_guessed and f["speaker"] == found.speaker)
        kept.append(
            ParsedParagraph(
                text=f["text"], speaker=f["speaker"] or None, kind=Kind(f["kind"]), speaker_guessed=guessed
            )
        )
    data = form.cleaned_data
    same_date = data["meeting_date"] == parsed.meeting_date
    if same_date:
        basis = parsed.meeting_date_basis
    else:
        basis = DateBasis.BY_HAND if data["meeting_date"] else DateBasis.NOT_FOUND
    return ParsedReadout(
        title=data["title"],
        published_date=data["published_date"],
        meeting_date=data["meeting_date"],
        meeting_end_date=data["meeting_end_date"],
        meeting_date_basis=str(basis),
        # A month and day without a year stay unless the reviewer gave a date.
        meeting_month=parsed.meeting_month if same_date else None,
        meeting_day=parsed.meeting_day if same_date else None,
        source_url=data["source_url"],
        location=data["location"],
        location_guessed=parsed.location_guessed and data["location"] == parsed.location,
        publisher=data["publisher"],
        language=data["language"],
        participants=people,
        paragraphs=kept,
        warnings=parsed.warnings,
        text=parsed.text,
    )


def live_forms(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


class SearchForm(forms.Form):
    """The paragraph-level part of a search; the readout filters come from ReadoutFilter."""

    q = forms.CharField(
        label="Search",
        required=False,
        strip=True,
        help_text='Words, "a phrase", or, -exclude',
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    speaker = PersonNameField(label="Said by", queryset=Person.objects.all(), required=False, widget=PERSON_NAME_INPUT)
    kind = forms.ChoiceField(
        label="Paragraphs",
        required=False,
        choices=[("", "All paragraphs"), *Statement.Kind.choices],
    )
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("relevance", "Most relevant"), ("newest", "Newest first"), ("oldest", "Oldest first")],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput)
    # The words as typed: no question about a person, no corrected spelling (the page's "search instead" links).
    as_typed = forms.BooleanField(required=False, widget=forms.HiddenInput)


# The search form's own parameters; every other one goes to ReadoutFilter, which narrows the readouts searched.
# (ReadoutFilter knows q, speaker, kind and sort too, for the search's downloads, which keep them.)
SEARCH_PARAMETERS = ("q", "speaker", "kind", "sort", "page", "as_typed")


@dataclass
class SearchRequest:
    form: SearchForm
    filterset: ReadoutFilter
    results: search.SearchResults | None = None

    @property
    def errors(self) -> dict:
        return {**self.form.errors, **self.filterset.form.errors}


def run_search(params, hit_readouts=None) -> SearchRequest:
    """Validate a search's query string and, when it holds words to search for, run it (the page and the API).
    ``hit_readouts``: what the caller shows of the readouts found (see search.search)."""
    filter_params = params.copy()
    for name in SEARCH_PARAMETERS:
        filter_params.pop(name, None)
    request = SearchRequest(SearchForm(params), ReadoutFilter(filter_params, queryset=Readout.objects.all()))
    if request.form.is_valid() and request.filterset.is_valid() and request.form.cleaned_data["q"]:
        options = request.form.cleaned_data
        request.results = search.answered(
            options["q"],
            as_typed=options["as_typed"],
            readouts=request.filterset.qs if request.filterset.active_filters() else None,
            paragraphs=request.filterset.paragraphs() if request.filterset.active_filters() else None,
            speaker=options["speaker"],
            kind=options["kind"],
            sort=options["sort"] or search.RELEVANCE,
            page=options["page"] or 1,
            hit_readouts=hit_readouts,
            language=request.filterset.form.cleaned_data.get("language") or None,
        )
    return request
