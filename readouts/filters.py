"""FilterSets shared by the HTML pages and, later, the API and exports.

Every filter calls a ReadoutQuerySet method; the FilterSet only turns query-string values into arguments.
Query-string parameters of ReadoutFilter:

- ``meeting_date_after``, ``meeting_date_before``: an inclusive range of meeting dates (YYYY-MM-DD).
- ``participant``: a person's slug (``wang-yi``).
- ``country``: an ISO 3166-1 alpha-2 code (``KZ`` or ``kz``): meetings with a participant from that country.
- ``counterpart``: a second country code. With ``country`` it selects the meetings between the two
  (``?country=KZ&counterpart=CN``); each of the two can also be used alone.
- ``location``, ``publisher``: case-insensitive text that the readout's location or publisher contains.
- ``sides``: ``both`` (meetings reported by both sides: accounts from publishers of two participants' countries),
  ``one`` (by one side only) or ``neither`` (only by publishers of no participant's country, such as agencies).
- ``language``: an ISO 639-1 code (``en``); the pages offer the languages the archive holds as a menu.
- ``sort``: ``newest`` (the default) or ``oldest``; ``relevance`` (a search's order, which its downloads keep)
  puts first the readouts whose best paragraph ranks highest for ``q``, and is newest first without ``q``.

- ``q``: full-text words (web-search syntax): readouts with a paragraph that matches. The search page
  (``/search/``) reads ``q`` itself, at paragraph level, and applies the other filters to the readouts.
- ``speaker`` (a person's slug) and ``kind`` (statement, joint, narrative): the paragraph scope of a search.
  With ``q`` they select the readouts with a paragraph that matches, said by the speaker, of the kind: one
  paragraph meeting all three, as the search page counts them (``matched_paragraphs``). A search's downloads keep
  them, so that its paragraphs export holds the paragraphs the page found.
"""

import copy
import datetime
import functools
import re

import django_filters
from django import forms
from django.core.cache import cache
from django.core.validators import RegexValidator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from readouts import search
from readouts.language_names import language_name
from readouts.models import Country, Meeting, Person, Readout, Statement


class DateInput(forms.DateInput):
    """A browser date picker that shows an invalid value (?meeting_date_after=abc) as empty: a date input may
    only hold YYYY-MM-DD, and the error message next to it already quotes the problem."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            try:
                return datetime.datetime.strptime(value, "%Y-%m-%d").date().isoformat()
            except ValueError:
                return None
        return super().format_value(value)


class QuickSelect(forms.Select):
    """A select whose option markup is made once, by ``options`` (a function returning every <option>, none marked
    selected, such as country_options), and only has the chosen option marked on each render: forms.Select renders
    a template per option (~20 ms for two hundred countries), and even building the options with format_html on
    each render cost ~1.3 ms a select, and a query of the countries."""

    def __init__(self, options, attrs=None, case=str.upper):
        super().__init__(attrs)
        self.options = options
        self.case = case  # of the options' values: ?country=kz selects KZ, ?language=EN selects en

    def render(self, name, value, attrs=None, renderer=None):
        selected = "" if value is None else self.case(str(value))
        # The options' values are escaped in the markup, so the chosen one's tag is found by escaping it too; a
        # value that no option has (ZZ) selects nothing, as a browser then shows the first option.
        tag = format_html('<option value="{}">', selected)
        options = self.options().replace(tag, f"{tag[:-1]} selected>", 1)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe(options))

    def use_required_attribute(self, initial):
        # As forms.Select decides (required only above an empty first option), from the markup: the first choice
        # would cost a query of the choices.
        return not self.is_hidden and self.options().startswith('<option value="">')


class CountryCodeField(forms.ModelChoiceField):
    """A country by its code, in either case, among every country (country_by_code(): no query once the countries
    are known); anything that cannot be a code is rejected before any lookup."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip().upper()
        if len(value) != 2 or not value.isascii() or not value.isalpha():
            raise forms.ValidationError("Enter a two-letter country code, such as KZ.", code="invalid_choice")
        country = country_by_code(value)
        if country is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return country

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class PersonNameField(forms.ModelChoiceField):
    """A person by name, by one of their aliases, or by the slug of their address (wang-yi, as older links have
    it): the name is what people type and what the autocomplete offers (readouts:person_names). A name that two
    people share is refused with their addresses' names, which select either."""

    slug_pattern = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # PostgreSQL's text cannot hold NUL, which no name has.
        value = " ".join(str(value).replace("\x00", " ").split())[:200]
        if not value:
            return None
        if self.slug_pattern.match(value):
            person = self.queryset.filter(slug=value.lower()).first()
            if person is not None:
                return person
        named = list(self.queryset.named(value)[:5])
        if len(named) == 1:
            return named[0]
        if named:
            slugs = ", ".join(person.slug for person in named)
            raise forms.ValidationError(f"Several people are called “{value}”: give one of {slugs}.")
        raise forms.ValidationError(f"No person with the name “{value}” is in the archive.", code="invalid_choice")

    def prepare_value(self, value):
        # A person chosen shows as their name; a value typed shows as typed.
        return value.name if isinstance(value, Person) else value


def country_choices():
    return [
        ("", "Any country"),
        *((code, f"{name} ({code})") for code, name in Country.objects.values_list("code", "name")),
    ]


# The country selects' option markup is kept in Django's cache: made from one query of the countries, then
# reused by every page with the filter form. Saving or deleting a country drops it (readouts/signals.py). The
# default cache is per process, so the timeout bounds how long the other processes of a server can still show
# a country as it was (an edit in the admin, a rare event); a shared cache (Redis, Memcached) drops it for all.
COUNTRY_OPTIONS_KEY = "readouts:country-options"
COUNTRY_OPTIONS_TIMEOUT = 300


def country_options():
    """Every country as an <option>, "Any country" first, none selected: the markup of QuickSelect."""
    options = cache.get(COUNTRY_OPTIONS_KEY)
    if options is None:
        options = format_html_join("", '<option value="{}">{}</option>', country_choices())
        cache.set(COUNTRY_OPTIONS_KEY, options, COUNTRY_OPTIONS_TIMEOUT)
    return options


def forget_country_options():
    """Drop what is kept of the countries: the selects' markup, and the countries by code."""
    cache.delete_many([COUNTRY_OPTIONS_KEY, COUNTRIES_KEY])


# Every country by its code, for the country filters, kept in the process while the cache holds its marker: gone
# with the country options when a country is saved or deleted (readouts/signals.py; in every process where the
# cache is shared), else after COUNTRY_OPTIONS_TIMEOUT. A page filtered by a country then looks it up without a
# query (a query, its ORM and a model instance cost 0.3 ms of Python and as much of SQL a page). Kept as
# instances in the process, not in the cache, which would unpickle two hundred countries for every page.
COUNTRIES_KEY = "readouts:countries-by-code"
known_countries: dict = {"by_code": None}


def country_by_code(code: str) -> Country | None:
    """The country of this code (in capitals), a copy of its own for the caller; None when there is none."""
    if known_countries["by_code"] is None or not cache.get(COUNTRIES_KEY):
        known_countries["by_code"] = {country.code: country for country in Country.objects.all()}
        cache.set(COUNTRIES_KEY, True, COUNTRY_OPTIONS_TIMEOUT)
    country = known_countries["by_code"].get(code)
    return None if country is None else copy.copy(country)


# The language menu's markup, cached as the countries' are. Languages appear with imports, not with an edit one can
# hook, so the timeout alone bounds how late a newly imported language shows in the menu (filtering by its code
# works at once).
LANGUAGE_OPTIONS_KEY = "readouts:language-options"
LANGUAGE_OPTIONS_TIMEOUT = 300


def language_options():
    """ "Any language" and each language the archive holds, by name ("Russian (ru)"), as <option>s."""
    options = cache.get(LANGUAGE_OPTIONS_KEY)
    if options is None:
        named = sorted((language_name(code), code) for code in Readout.objects.languages_held())
        choices = [("", "Any language"), *((code, f"{name} ({code})") for name, code in named)]
        options = format_html_join("", '<option value="{}">{}</option>', choices)
        cache.set(LANGUAGE_OPTIONS_KEY, options, LANGUAGE_OPTIONS_TIMEOUT)
    return options


def forget_language_options():
    cache.delete(LANGUAGE_OPTIONS_KEY)


# The API schema shows these as the strings they are in the query string (a code, a slug).
@extend_schema_field(OpenApiTypes.STR)
class CountryFilter(django_filters.ModelChoiceFilter):
    field_class = CountryCodeField


@extend_schema_field(OpenApiTypes.STR)
class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonNameField


class OrderField(django_filters.fields.ChoiceField):
    """The list's orders, and ``relevance``, which the lists do not offer but a search's downloads carry."""

    def valid_value(self, value):
        return value == RELEVANCE or super().valid_value(value)


@extend_schema_field(OpenApiTypes.STR)
class OrderFilter(django_filters.ChoiceFilter):
    field_class = OrderField


RELEVANCE = "relevance"
# The filters that select paragraphs rather than readouts: a readout is selected by one paragraph meeting all.
PARAGRAPH_FILTERS = ("q", "speaker", "kind")


# The list of names that the browser offers as one types (filled by static/js/person-names.js; without JavaScript
# a name is typed whole).
PERSON_NAME_INPUT = forms.TextInput(
    attrs={"placeholder": "e.g. Wang Yi", "autocomplete": "off", "spellcheck": "false", "list": "person-names"}
)


class FilterCopies(dict):
    """A FilterSet's filters (``base_filters``), which django-filter deep-copies for every filterset it makes: 0.5 ms
    of every list and search page for thirteen filters, their form fields and the querysets of their arguments.
    Each copy here is shallow instead: it shares its form field (the form class is made once from the filters'
    fields, ReadoutFilter.form_class(), and a form copies its fields itself) and its arguments (read, never changed,
    once the field is made), and it gets a FilterMethod of its own, which calls the method of the filterset it is
    given to (django-filter sets ``parent`` on each copy)."""

    def __deepcopy__(self, memo):
        copies = {}
        for name, filter_ in self.items():
            copied = copy.copy(filter_)  # its own __dict__: what the filterset sets on it stays on it
            if filter_.method is not None:
                copied.method = filter_.method  # the setter binds a new FilterMethod to the copy
            copies[name] = copied
        return copies


class ReadoutFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        after, before = cleaned_data.get("meeting_date_after"), cleaned_data.get("meeting_date_before")
        if after and before and after > before:
            raise forms.ValidationError("The first date of the range is after the last one.", code="date_range")
        return cleaned_data


class ReadoutFilter(django_filters.FilterSet):
    meeting_date_after = django_filters.DateFilter(
        label="Met on or after",
        method="filter_meeting_date_after",
        widget=DateInput(format="%Y-%m-%d"),
    )
    meeting_date_before = django_filters.DateFilter(
        label="Met on or before",
        method="filter_meeting_date_before",
        widget=DateInput(format="%Y-%m-%d"),
    )
    participant = PersonFilter(
        label="Participant",
        help_text="A person's name, in any of its spellings: Wang Yi, 王毅.",
        queryset=Person.objects.all(),
        to_field_name="slug",
        method="filter_participant",
        # A text box that suggests names (static/js/person-names.js): a select would list every person.
        widget=PERSON_NAME_INPUT,
    )
    country = CountryFilter(
        label="Country",
        queryset=Country.objects.all(),
        to_field_name="code",
        method="filter_country",
        empty_label="Any country",
        widget=QuickSelect(options=country_options),
    )
    counterpart = CountryFilter(
        label="Meeting with",
        queryset=Country.objects.all(),
        to_field_name="code",
        method="filter_country",
        empty_label="Any country",
        widget=QuickSelect(options=country_options),
    )
    q = django_filters.CharFilter(
        label="Words",
        method="filter_words",
        max_length=search.MAX_QUERY_LENGTH,
        help_text='Readouts with a paragraph that matches: words, "a phrase", or, -exclude',
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    location = django_filters.CharFilter(label="Location", method="filter_location", max_length=200)
    publisher = django_filters.CharFilter(label="Publisher", method="filter_publisher", max_length=200)
    language = django_filters.CharFilter(
        label="Language",
        method="filter_language",
        # No max_length: a <select> takes no maxlength; the pattern bounds the length.
        validators=[RegexValidator(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,4})?$", "Enter a language code, such as en.")],
        # A menu of the languages held; the query string still takes any code (?language=pt), as the API does.
        widget=QuickSelect(options=language_options, case=str.lower),
    )
    sides = django_filters.ChoiceFilter(
        label="Reported by",
        choices=Meeting.Sides.choices,
        method="filter_sides",
        empty_label="Either side or both",
        help_text="A side reports a meeting when a publisher of a participant's country gives an account of it.",
    )
    speaker = PersonFilter(
        label="Said by",
        queryset=Person.objects.all(),
        to_field_name="slug",
        method="filter_paragraphs",
        widget=PERSON_NAME_INPUT,
    )
    kind = django_filters.ChoiceFilter(
        label="Paragraphs", choices=Statement.Kind.choices, method="filter_paragraphs", empty_label="All paragraphs"
    )
    sort = OrderFilter(
        label="Order",
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
        method="sort_readouts",
        empty_label=None,
    )

    class Meta:
        model = Readout
        fields = []
        form = ReadoutFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The selects draw their options from country_options; these choices serve what lists them otherwise (a
        # form template looping over them): one query of codes and names for both fields, made only when listed,
        # where each field's own choices would fetch the countries again as model instances.
        choices = functools.cache(country_choices)
        for name in ("country", "counterpart"):
            self.form.fields[name].choices = choices

    @classmethod
    def get_filters(cls):
        return FilterCopies(super().get_filters())

    def get_form_class(self):
        # django-filter makes a new form class, with new fields, for every filterset: a millisecond of every list
        # and search page. The fields depend on nothing but the filters' declarations, so the class is made once.
        return self.form_class()

    @classmethod
    @functools.cache
    def form_class(cls):
        fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
        return type(f"{cls.__name__}Form", (cls._meta.form,), fields)

    def filter_meeting_date_after(self, queryset, name, value):
        return queryset.met_on_or_after(value)

    def filter_meeting_date_before(self, queryset, name, value):
        return queryset.met_on_or_before(value)

    def filter_participant(self, queryset, name, value):
        return queryset.with_participant(value)

    def filter_country(self, queryset, name, value):
        # country and counterpart together: involving(a).involving(b), which is ReadoutQuerySet.between(a, b).
        return queryset.involving(value)

    def filter_words(self, queryset, name, value):
        return self.filter_paragraphs(queryset, name, value)

    def filter_paragraphs(self, queryset, name, value):
        """q, speaker and kind select readouts together, through matched_paragraphs(): applied with the first of
        them in use, and left alone by the others."""
        used = [other for other in PARAGRAPH_FILTERS if self.form.cleaned_data.get(other)]
        if name != used[0]:
            return queryset
        if queryset.model is Statement:
            return queryset.filter(pk__in=self.matched_paragraphs().values("pk"))
        return queryset.with_paragraph_in(self.matched_paragraphs())

    def matched_paragraphs(self):
        """The paragraphs that q, speaker and kind select (each one that is given); None when none is."""
        data = self.form.cleaned_data
        if not any(data.get(name) for name in PARAGRAPH_FILTERS):
            return None
        paragraphs = Statement.objects.all()
        if data.get("q"):
            paragraphs = paragraphs.searched(data["q"], data.get("language") or None)
        if data.get("speaker"):
            paragraphs = paragraphs.filter(speaker=data["speaker"])
        if data.get("kind"):
            paragraphs = paragraphs.filter(kind=data["kind"])
        return paragraphs

    def filter_location(self, queryset, name, value):
        return queryset.at_location(value)

    def filter_publisher(self, queryset, name, value):
        return queryset.published_by(value)

    def filter_language(self, queryset, name, value):
        return queryset.in_language(value)

    def filter_sides(self, queryset, name, value):
        return queryset.reported_by(value)

    def sort_readouts(self, queryset, name, value):
        if value == "oldest":
            return queryset.oldest_first()
        if value == RELEVANCE and self.form.cleaned_data.get("q"):
            data = self.form.cleaned_data
            return queryset.most_relevant_first(self.matched_paragraphs(), data["q"], data.get("language") or None)
        return queryset.newest_first()

    def active_filters(self):
        """(label, shown value, parameter name) for each valid filter in use, sort order left out."""
        if not self.is_bound:
            return []
        self.form.is_valid()
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, ""):
                continue
            shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
            active.append((self.filters[name].label, shown, name))
        return active

    def meetings(self):
        """The meetings that the readouts these filters select tell of, each once, the latest first (``sort=oldest``:
        the earliest): /meetings/ and /api/meetings/. The sides are tested on the meetings themselves; filters that
        are not valid select none."""
        if not self.is_bound:
            return Meeting.objects.all()
        if not self.is_valid():
            return Meeting.objects.none()
        data = self.form.cleaned_data
        meetings = Meeting.objects.reported_by(data.get("sides"))
        if {name for _label, _value, name in self.active_filters()} - {"sides"}:
            meetings = meetings.of_readouts(self.qs)
        return meetings.oldest_first() if data.get("sort") == "oldest" else meetings

    def freshness_readouts(self):
        """The readouts whose number and latest change stand for this list's, for the ETag and Last-Modified of
        the API's lists and the feeds: its own, except when it is filtered by words. Finding those readouts reads
        every match (235 ms for a common word at 100,000 readouts), where the whole archive's state costs one
        index scan and changes whenever the list does (and more often)."""
        if self.is_valid() and self.form.cleaned_data.get("q"):
            return Readout.objects.all()
        return self.qs

    def paragraphs(self):
        """The paragraphs of the readouts these filters select (the order left out), for search: each filter
        calls the StatementQuerySet method of the name it calls on readouts, but the two dates go together to
        met_between(), which can answer a range of whole years from the full-text index."""
        paragraphs = Statement.objects.all()
        if self.is_bound and self.form.is_valid():
            values = dict(self.form.cleaned_data)
            dates = values.pop("meeting_date_after", None), values.pop("meeting_date_before", None)
            paragraphs = paragraphs.met_between(*dates)
            for name, value in values.items():
                if name != "sort":
                    paragraphs = self.filters[name].filter(paragraphs, value)
        return paragraphs
