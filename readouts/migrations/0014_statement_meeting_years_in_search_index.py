"""The paragraphs' meeting year joins their full-text GIN index, as its third column (readouts.models.MeetingYears).

Search with a range of whole years ("progress", 2015 to 2019) used to AND two bitmaps: the word's 47,000
paragraphs from the GIN index and the range's 190,000 from the date's btree, 11 ms before a row was read. With
the year in the GIN index one scan finds the 9,000 paragraphs of the word in those years (6 ms), and the planner
estimates them within a few percent from the index's statistics (gathered here by ANALYZE). The date's btree stays
for other ranges (StatementQuerySet.met_between).
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

import readouts.models


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0013_readout_place_and_publisher_filters"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statement",
            index=django.contrib.postgres.indexes.GinIndex(
                models.F("search_vector"),
                models.F("country_ids"),
                readouts.models.MeetingYears(),
                name="statement_search_gin",
            ),
        ),
        migrations.RemoveIndex(
            model_name="statement",
            name="statement_search_country_gin",
        ),
        # The years' statistics come with the index's, which only ANALYZE gathers: until then the planner would
        # guess a share of the paragraphs, and search would choose its exact or approximate path on that guess.
        migrations.RunSQL("ANALYZE readouts_statement", migrations.RunSQL.noop),
    ]
