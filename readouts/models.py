"""The archive's data: countries, people, readouts, who took part, and what was said."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.functions import MD5
from django.urls import reverse


class Country(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        ORGANIZATION = "organization", "International organization"

    code = models.CharField("ISO 3166-1 alpha-2 code", max_length=2, unique=True)
    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.STATE)
    demonyms = ArrayField(models.CharField(max_length=60), default=list, blank=True, help_text="Kazakh, Chinese, ...")
    aliases = ArrayField(models.CharField(max_length=100), default=list, blank=True, help_text="Other names")

    class Meta:
        verbose_name_plural = "countries"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"),
            models.CheckConstraint(condition=Q(kind__in=["state", "organization"]), name="country_kind_valid"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("readouts:country_detail", args=[self.code.lower()])


class Person(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="people")
    aliases = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, help_text="Other spellings and short forms"
    )

    class Meta:
        verbose_name_plural = "people"
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="person_name_idx"),
            GinIndex(fields=["aliases"], name="person_aliases_gin"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("readouts:person_detail", args=[self.slug])


class ReadoutQuerySet(models.QuerySet):
    def with_details(self):
        """Participants (with people and countries) and statements (with speakers): three queries in all."""
        return self.prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person__country")),
            Prefetch("statements", queryset=Statement.objects.select_related("speaker")),
        )

    def newest_first(self):
        return self.order_by(models.F("meeting_date").desc(nulls_last=True), "-id")


class Readout(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    meeting_date = models.DateField(null=True, blank=True, help_text="Empty when the text does not tell")
    published_date = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=8, default="en", help_text="ISO 639-1 code")
    raw_text = models.TextField(help_text="The text as it was imported")
    # md5 is immutable in PostgreSQL, so the database keeps the key itself (sha256 of text is not).
    # It only detects identical texts; nothing trusts it for security.
    content_hash = models.GeneratedField(
        expression=MD5("raw_text"), output_field=models.CharField(max_length=32), db_persist=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReadoutQuerySet.as_manager()

    class Meta:
        ordering = [models.F("meeting_date").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="readout_text_unique"),
            models.UniqueConstraint(
                fields=["meeting_date", "slug"], name="readout_date_slug_unique", nulls_distinct=False
            ),
            models.CheckConstraint(condition=~Q(raw_text=""), name="readout_raw_text_not_empty"),
        ]
        indexes = [
            models.Index(fields=["meeting_date", "id"], name="readout_meeting_date_idx"),
            models.Index(fields=["publisher"], name="readout_publisher_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.meeting_date is None:
            return reverse("readouts:readout_undated", args=[self.slug])
        day = self.meeting_date
        return reverse("readouts:readout_detail", args=[day.year, f"{day.month:02}", f"{day.day:02}", self.slug])


class Participation(models.Model):
    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    title = models.CharField(max_length=300, blank=True, help_text="The title the person held at this meeting")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["readout", "order"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "person"], name="participation_person_once"),
            models.UniqueConstraint(fields=["readout", "order"], name="participation_order_unique"),
        ]
        indexes = [models.Index(fields=["person", "readout"], name="participation_person_idx")]

    def __str__(self):
        return f"{self.title} {self.person}".strip()


class Statement(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement", "Statement"
        JOINT = "joint", "Joint"
        NARRATIVE = "narrative", "Narrative"

    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveIntegerField(help_text="1 for the first paragraph")
    text = models.TextField()
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.NARRATIVE)

    class Meta:
        ordering = ["readout", "position"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "position"], name="statement_position_unique"),
            models.CheckConstraint(condition=Q(position__gte=1), name="statement_position_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=["statement", "joint", "narrative"]), name="statement_kind_valid"
            ),
            # A speaker is set exactly when the paragraph is somebody's statement.
            models.CheckConstraint(
                condition=Q(kind="statement", speaker__isnull=False)
                | (~Q(kind="statement") & Q(speaker__isnull=True)),
                name="statement_speaker_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["speaker", "readout"], name="statement_speaker_idx")]

    def __str__(self):
        return f"{self.readout_id} ¶{self.position}"

    def get_absolute_url(self):
        return f"{self.readout.get_absolute_url()}#p{self.position}"
