"""One home for paging through readouts, shared by the HTML lists and the API.

- Keyed pages: a selection that can slice itself by key (ReadoutQuerySet.slice_by_key) is paged by ids from an
  index, then rows, so that page 4,000 costs about what page 1 does.
- Capped counts: a selection narrowed by words (``q``) is counted up to ``WORDS_COUNT_CAP`` readouts, since
  counting every readout with a matching paragraph reads every match (200 ms for a word in 40% of the paragraphs
  of 100,000 readouts). The pages say "more than 1,000" and the API ``"count_capped": true``; the pages end at
  the cap.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from readouts.counts_cache import cached_counts
from readouts.models import Readout

PAGE_SIZE = 20
# Counting every readout with a paragraph that matches reads every match (200 ms for a word in 40% of the
# paragraphs of 100,000 readouts), so a list filtered by words counts up to this many and says "more than".
WORDS_COUNT_CAP = 1_000


class KeyedPaginator(Paginator):
    """A paginator that fetches a page of a selection that can slice itself by key (ReadoutQuerySet.slice_by_key):
    ids first, from an index, then the rows, so that page 4,000 costs about what page 1 does.

    ``members``, when given, are the ids of the selection's readouts found from the participations
    (Participation.objects.meetings_of): they are counted instead of the queryset, and a small selection is
    fetched through them instead of by testing its filters readout by readout.

    ``count_cap``, when given, stops counting there: ``count`` is then at most the cap, ``capped`` says whether
    there were more, and the pages end at the cap.

    ``meeting_count``: for a selection of readouts counted whole, the meetings they tell of (both sides' accounts
    and reprints of one meeting once), counted in the same query as the readouts; None when capped.

    ``counts_key``, when given, names the selection for readouts.counts_cache: its counts are then kept until
    the archive changes (a person's or a country's page, counted the same whatever page is shown)."""

    def __init__(self, object_list, per_page, members=None, count_cap=None, counts_key=None):
        super().__init__(object_list, per_page)
        self.members = members
        self.count_cap = count_cap
        self.counts_key = counts_key

    @cached_property
    def counted(self) -> tuple[int, int | None, bool]:
        if self.counts_key is not None:
            return cached_counts("page", *self.counts_key, compute=self.count_now)
        return self.count_now()

    def count_now(self) -> tuple[int, int | None, bool]:
        if self.members is not None:
            return *Readout.objects.filter(pk__in=self.members).count_with_meetings(), False
        if self.count_cap is None:
            if hasattr(self.object_list, "count_with_meetings"):
                return *self.object_list.count_with_meetings(), False
            return super().count, None, False
        found = self.object_list.order_by()[: self.count_cap + 1].count()
        return min(found, self.count_cap), None, found > self.count_cap

    @property
    def count(self):
        return self.counted[0]

    @property
    def meeting_count(self) -> int | None:
        return self.counted[1]

    @property
    def capped(self) -> bool:
        return self.counted[2]

    def page(self, number):
        slice_by_key = getattr(self.object_list, "slice_by_key", None)
        if slice_by_key is None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # A selection narrowed by words and counted below the cap is small and found by the full-text index.
        scattered = self.count_cap is not None and not self.capped
        rows = slice_by_key(bottom, top, total=self.count, members=self.members, scattered=scattered)
        return self._get_page(rows, number, self)


def count_cap_for(words) -> int | None:
    """The cap on counting a selection narrowed by these words (None: no words, count them all)."""
    return WORDS_COUNT_CAP if words else None


def paginate(request, queryset, per_page=PAGE_SIZE, param="page", members=None, count_cap=None, counts_key=None):
    """The requested page and, when the number is not a page (`999999`, `abc`), the nearest one and a message."""
    paginator = KeyedPaginator(queryset, per_page, members=members, count_cap=count_cap, counts_key=counts_key)
    asked = request.GET.get(param, "")
    # Below the first page the nearest page is the first; get_page() would give the last.
    page = paginator.get_page(1 if asked.lstrip().startswith("-") else asked)
    message = ""
    if asked and asked != str(page.number):
        shown = asked if len(asked) <= 12 else f"{asked[:12]}…"
        message = f"There is no page “{shown}”: showing page {page.number} of {paginator.num_pages}."
    return page, message


class ArchivePagination(PageNumberPagination):
    """The API's pages: ?page=N&page_size=M, 20 by default and 100 at most (a page size out of range is an error,
    not a surprise), keyed, and counted up to the cap when ``q`` narrows them (``count_capped`` says so)."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    count_cap = None

    def django_paginator_class(self, queryset, per_page):  # called as DRF calls its paginator class
        return KeyedPaginator(queryset, per_page, count_cap=self.count_cap)

    def paginate_queryset(self, queryset, request, view=None):
        self.count_cap = count_cap_for(request.query_params.get("q", "").strip())
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_capped": self.page.paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count_capped"] = {
            "type": "boolean",
            "description": f"True when ``q`` matched more than {WORDS_COUNT_CAP:,} readouts: ``count`` is then the "
            "cap, a lower bound, and the pages end there.",
        }
        described["required"] = [*described.get("required", []), "count_capped"]
        return described

    def get_page_size(self, request):
        asked = request.query_params.get(self.page_size_query_param)
        if asked is None:
            return self.page_size
        if not asked.isascii() or not asked.isdigit() or not 1 <= int(asked) <= self.max_page_size:
            message = f"Enter a whole number from 1 to {self.max_page_size}."
            raise exceptions.ValidationError({self.page_size_query_param: [message]})
        return int(asked)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            else:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters
