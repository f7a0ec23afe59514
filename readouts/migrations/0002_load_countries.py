from django.db import migrations

from readouts.countries import load_countries


def load(apps, schema_editor):
    load_countries(apps.get_model("readouts", "Country"))


class Migration(migrations.Migration):
    dependencies = [("readouts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
