"""Each person's number of meetings, kept as a materialised view (readouts.models.PersonMeetings) like the pair
counts of migration 0027: a meeting reported by several readouts counts once, and a readout not grouped yet is a
meeting of its own (-id, which no meeting id takes)."""

import django.db.models.deletion
from django.db import migrations, models

PERSON_MEETINGS = """
CREATE MATERIALIZED VIEW readouts_personmeetings AS
SELECT p.person_id, count(DISTINCT coalesce(r.meeting_id, -r.id))::integer AS meetings
FROM readouts_participation p
JOIN readouts_readout r ON r.id = p.readout_id
GROUP BY p.person_id
"""
# Unique, so that it can be refreshed CONCURRENTLY (readouts.models.refresh_materialized_view).
INDEX = "CREATE UNIQUE INDEX personmeetings_person ON readouts_personmeetings (person_id)"
DROP = "DROP MATERIALIZED VIEW readouts_personmeetings"


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0031_readout_generated_index"),
    ]

    operations = [
        migrations.RunSQL([PERSON_MEETINGS, INDEX], [DROP]),
        migrations.CreateModel(
            name="PersonMeetings",
            fields=[
                (
                    "person",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="kept_meetings",
                        serialize=False,
                        to="readouts.person",
                    ),
                ),
                ("meetings", models.IntegerField()),
            ],
            options={
                "verbose_name_plural": "person meetings",
                "db_table": "readouts_personmeetings",
                "managed": False,
            },
        ),
    ]
