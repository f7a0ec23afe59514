"""Statistics on the expressions that the publisher and language filters test.

`publisher=ministry` and `language=en` compile to UPPER("publisher"::text) LIKE UPPER('%ministry%') and
UPPER("language"::text) = UPPER('en'). Without statistics on those expressions PostgreSQL guesses a fixed,
tiny share of the readouts, so search planned 8 readouts for "ministry" (14,000 match) and ranked every match
of a word in all English readouts (half a second for "cooperation" over a million paragraphs) instead of
taking its approximate path. With these, the estimates come from the expressions' most common values.
"""

from django.db import migrations

FORWARD = [
    "CREATE STATISTICS readout_publisher_upper ON (upper((publisher)::text)) FROM readouts_readout",
    "CREATE STATISTICS readout_language_upper ON (upper((language)::text)) FROM readouts_readout",
    "ANALYZE readouts_readout",
]
BACKWARD = [
    "DROP STATISTICS readout_language_upper",
    "DROP STATISTICS readout_publisher_upper",
]


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0010_readout_updated_at_idx"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
