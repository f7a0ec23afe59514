"""ReadoutFilter and the QuerySet methods it calls."""

import datetime
from html.parser import HTMLParser

import pytest
from django.core.cache import cache

from readouts.filters import COUNTRY_OPTIONS_KEY, ReadoutFilter, country_by_code, country_options
from readouts.models import Country, Readout

pytestmark = pytest.mark.django_db


def slugs(queryset):
    return [readout.slug for readout in queryset]


def filtered(**data):
    filterset = ReadoutFilter(data, queryset=Readout.objects.newest_first())
    assert filterset.is_valid(), filterset.errors
    return slugs(filterset.qs)


def test_no_filter_gives_every_readout_newest_first_and_undated_last(archive):
    assert filtered() == [
        "tokayev-and-wang-yi-talk-in-beijing",
        "lavrov-i-van-i",
        "wang-yi-meets-president-tokayev",
        "tokayev-meets-wang-yi",
        "tokayev-receives-wang-yi",
        "guterres-meets-tokayev",
    ]


def test_oldest_first_keeps_undated_readouts_last(archive):
    assert filtered(sort="oldest")[0] == "tokayev-receives-wang-yi"
    assert filtered(sort="oldest")[-1] == "guterres-meets-tokayev"


def test_the_date_range_includes_both_ends(archive):
    assert set(filtered(meeting_date_after="2022-06-07", meeting_date_before="2022-07-01")) == {
        "tokayev-meets-wang-yi",
        "wang-yi-meets-president-tokayev",
        "lavrov-i-van-i",
    }


def test_participant_by_slug(archive):
    assert filtered(participant="sergey-lavrov") == ["lavrov-i-van-i"]
    assert len(filtered(participant="KASSYM-JOMART-TOKAYEV")) == 5


def test_country_in_either_case_and_the_pair_of_countries(archive):
    assert len(filtered(country="cn")) == 5
    assert filtered(country="RU", counterpart="CN") == ["lavrov-i-van-i"]
    assert filtered(country="CN", counterpart="RU") == ["lavrov-i-van-i"]
    assert filtered(counterpart="RU") == ["lavrov-i-van-i"]
    assert filtered(country="RU", counterpart="KZ") == []


def test_between_is_involving_both(archive):
    kazakhstan, china = Country.objects.get(code="KZ"), Country.objects.get(code="CN")
    assert Readout.objects.between(kazakhstan, china).count() == 4
    assert Readout.objects.involving(kazakhstan).count() == 5


def test_location_and_publisher_match_contained_text_in_any_case(archive):
    assert filtered(location="beij") == ["tokayev-and-wang-yi-talk-in-beijing"]
    assert filtered(location="москва") == ["lavrov-i-van-i"]
    assert filtered(publisher="ministry of foreign") == ["wang-yi-meets-president-tokayev"]
    assert filtered(publisher="100%") == []


@pytest.mark.parametrize("text", ["ministry of foreign", "AKORDA", "мид", "a", "", "100%", "_", "nobody"])
def test_the_publishers_containing_a_text_are_those_of_the_readouts_it_selects(archive, text):
    """publishers_containing skips along the publisher index instead of testing readouts: the same names."""
    selected = set(Readout.objects.published_by(text).values_list("publisher", flat=True))
    assert sorted(Readout.objects.publishers_containing(text)) == sorted(selected)


def test_language(archive):
    assert filtered(language="RU") == ["lavrov-i-van-i"]
    assert len(filtered(language="en")) == 5


def test_filters_combine(archive):
    assert filtered(participant="wang-yi", country="KZ", location="nur", meeting_date_after="2022-01-01") == [
        "wang-yi-meets-president-tokayev",
        "tokayev-meets-wang-yi",
    ]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"meeting_date_after": "2022-02-30"}, "meeting_date_after"),
        ({"participant": "no-such-person"}, "participant"),
        ({"participant": "wang yi; --"}, "participant"),
        ({"country": "XX"}, "country"),
        ({"counterpart": "Kazakhstan"}, "counterpart"),
        ({"country": "\x00\x00"}, "country"),
        ({"location": "a\x00b"}, "location"),
        ({"language": "e1"}, "language"),
        ({"meeting_date_after": "2022-02-01", "meeting_date_before": "2022-01-01"}, "__all__"),
    ],
)
def test_invalid_values_are_form_errors_not_exceptions(archive, data, field):
    filterset = ReadoutFilter(data, queryset=Readout.objects.all())
    assert not filterset.is_valid()
    assert field in filterset.errors


def test_filtersets_made_together_each_filter_by_their_own_values(archive):
    # Each filterset's filters are shallow copies of the class's (filters.FilterCopies): each calls the methods of
    # its own filterset, and the class's filters stay unbound.
    kazakh = ReadoutFilter({"country": "KZ"}, queryset=Readout.objects.all())
    russian = ReadoutFilter({"language": "ru"}, queryset=Readout.objects.all())
    assert [readout.slug for readout in russian.qs] == ["lavrov-i-van-i"]
    assert "lavrov-i-van-i" not in {readout.slug for readout in kazakh.qs}
    for filterset in (kazakh, russian):
        for filter_ in filterset.filters.values():
            assert filter_.parent is filterset and filter_.filter.f is filter_
            assert filter_ is not ReadoutFilter.base_filters[filter_.field_name]
    assert not any(hasattr(filter_, "parent") for filter_ in ReadoutFilter.base_filters.values())


def test_active_filters_name_what_is_applied(archive):
    filterset = ReadoutFilter(
        {"participant": "wang-yi", "country": "kz", "meeting_date_after": "2022-01-01", "sort": "oldest"},
        queryset=Readout.objects.all(),
    )
    assert filterset.active_filters() == [
        ("Met on or after", "2022-01-01", "meeting_date_after"),
        ("Participant", "Wang Yi", "participant"),
        ("Country", "Kazakhstan", "country"),
    ]


def test_with_all_participants_of_nobody_is_nothing(archive):
    assert not Readout.objects.with_all_participants([]).exists()
    assert Readout.objects.with_all_participants([archive.lavrov, archive.wang]).get() == archive.russian


def test_neighbours_skip_other_readouts_of_the_same_meeting(archive):
    same_people = Readout.objects.with_all_participants([archive.tokayev, archive.wang])
    assert same_people.before(archive.main).first() == archive.earlier
    assert same_people.after(archive.main).first() == archive.later
    assert not same_people.before(archive.undated).exists()
    assert list(Readout.objects.same_meeting_as(archive.main, [archive.tokayev])) == [archive.other_publisher]
    assert archive.main.meeting_date == datetime.date(2022, 6, 7)


# The country selects: option markup made once and kept in the cache, the chosen country marked on each render


class Options(HTMLParser):
    """(value, label, selected) of each <option> of some markup."""

    def __init__(self, html):
        super().__init__()
        self.found, self.value, self.selected = [], None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "option":
            attrs = dict(attrs)
            self.value, self.selected = attrs["value"], "selected" in attrs

    def handle_data(self, data):
        if self.value is not None:
            self.found.append((self.value, data, self.selected))
            self.value = None


def country_select(data, name="country"):
    return Options(str(ReadoutFilter(data, queryset=Readout.objects.all()).form[name])).found


def chosen(options):
    return [value for value, _label, selected in options if selected]


def test_the_country_selects_list_any_country_then_every_country_by_name(archive):
    options = country_select({})
    assert options[0] == ("", "Any country", True)
    assert options[1:] == [
        (code, f"{name} ({code})", False) for code, name in Country.objects.values_list("code", "name")
    ]
    assert len(options) > 190


@pytest.mark.parametrize("name", ["country", "counterpart"])
@pytest.mark.parametrize("value, selected", [("KZ", ["KZ"]), ("kz", ["KZ"]), ("", [""]), ("ZZ", []), ('"><b>', [])])
def test_the_chosen_country_is_the_one_selected_in_either_case(archive, name, value, selected):
    # ZZ is no country: nothing is marked, and the browser shows the first option, "Any country".
    assert chosen(country_select({name: value}, name)) == selected


def test_a_value_with_markup_stays_text(archive):
    html = str(
        ReadoutFilter({"country": '"><script>alert(1)</script>'}, queryset=Readout.objects.all()).form["country"]
    )
    assert "<script>" not in html
    assert html.count("<option") == Country.objects.count() + 1


def test_a_country_added_renamed_or_removed_shows_in_the_selects_at_once(archive):
    country_select({})  # the option markup is now in the cache
    Country.objects.create(code="XK", name="Kosovo")
    assert ("XK", "Kosovo (XK)", False) in country_select({})
    assert chosen(country_select({"counterpart": "xk"}, "counterpart")) == ["XK"]

    china = Country.objects.get(code="CN")
    china.name = "People's Republic of China"
    china.save()
    options = country_select({})
    assert ("CN", "People's Republic of China (CN)", False) in options
    assert ("CN", "China (CN)", False) not in options

    Country.objects.get(code="XK").delete()
    assert "XK" not in [value for value, _label, _selected in country_select({})]


def test_a_list_cached_before_the_commit_is_dropped_at_the_commit(archive, django_capture_on_commit_callbacks):
    before = country_options()
    with django_capture_on_commit_callbacks(execute=True):
        Country.objects.create(code="XK", name="Kosovo")
        # Meanwhile another process, which cannot see the new row yet, renders a page and caches what it sees.
        cache.set(COUNTRY_OPTIONS_KEY, before)
    assert ("XK", "Kosovo (XK)", False) in country_select({})


def test_the_countries_are_fetched_once_not_for_every_page(client, archive, django_assert_num_queries):
    client.get("/search/")
    with django_assert_num_queries(0):  # the search form alone, empty: nothing to look up but the countries
        html = client.get("/search/").content.decode()
    assert '<option value="KZ">Kazakhstan (KZ)</option>' in html


def test_a_country_is_looked_up_by_its_code_once_and_anew_after_a_change(archive, django_assert_num_queries):
    assert country_by_code("KZ").name == "Kazakhstan"
    with django_assert_num_queries(0):
        for code in ("kz", "KZ"):
            filterset = ReadoutFilter({"country": code}, queryset=Readout.objects.all())
            assert filterset.is_valid() and filterset.form.cleaned_data["country"].name == "Kazakhstan"
        assert country_by_code("ZZ") is None
        assert "country" in ReadoutFilter({"country": "ZZ"}, queryset=Readout.objects.all()).errors
    assert filtered(country="kz") == filtered(country="KZ") != []
    # Each caller has a copy of its own: a change to it stays with it.
    country_by_code("KZ").name = "Changed"
    assert country_by_code("KZ").name == "Kazakhstan"
    kazakhstan = Country.objects.get(code="KZ")
    kazakhstan.name = "Republic of Kazakhstan"
    kazakhstan.save()  # readouts/signals.py drops what is known of the countries
    assert country_by_code("KZ").name == "Republic of Kazakhstan"
    Country.objects.create(code="XK", name="Kosovo")
    assert country_by_code("XK").name == "Kosovo"
