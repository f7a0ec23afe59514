from django.db import migrations

from readouts.countries import country_records


def add_demonyms(apps, schema_editor):
    # The data file's newer demonyms (Spanish and Portuguese ones: "chileno", "estadounidense") are added to the
    # countries already stored; what is there, hand edits included, is kept.
    Country = apps.get_model("readouts", "Country")
    stored = {country.code: country for country in Country.objects.all()}
    for record in country_records():
        country = stored.get(record["code"])
        if country is None:
            continue
        missing = [demonym for demonym in record["demonyms"] if demonym not in country.demonyms]
        if missing:
            country.demonyms = [*country.demonyms, *missing]
            country.save(update_fields=["demonyms"])


class Migration(migrations.Migration):
    dependencies = [("readouts", "0034_load_organisations")]

    operations = [migrations.RunPython(add_demonyms, migrations.RunPython.noop)]
