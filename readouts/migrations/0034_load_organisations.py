from django.db import migrations
from django.db.models import Q

from readouts.countries import country_records


def load(apps, schema_editor):
    # The international organisations of the parser's table join the countries; rows already there (and any
    # hand edits to them) are left as they are.
    Country = apps.get_model("readouts", "Country")
    for record in country_records():
        taken = Country.objects.filter(Q(code=record["code"]) | Q(name=record["name"]))
        if record["kind"] == "organization" and not taken.exists():
            Country.objects.create(**record)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0033_country_pair_meetings")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
