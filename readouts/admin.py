from django.contrib import admin

from readouts.models import Country, Participation, Person, Readout, Statement


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "demonyms", "aliases"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
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
    fields = [("position", "kind", "speaker"), "text"]


@admin.register(Readout)
class ReadoutAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting_date", "location", "publisher", "language"]
    list_filter = ["publisher", "language", ("participations__person__country", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "meeting_date"
    search_fields = ["title", "location", "publisher", "participations__person__name"]
    search_help_text = "Title, location, publisher or a participant's name"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [ParticipationInline, StatementInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "meeting_date", "published_date", "location"]}),
        ("Source", {"fields": ["publisher", "source_url", "language"]}),
        (
            "Original text",
            {"classes": ["collapse"], "fields": ["raw_text", "content_hash", "created_at", "updated_at"]},
        ),
    ]
