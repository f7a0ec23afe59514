"""Cached markup that a change of the data it was made from must drop (connected in ReadoutsConfig.ready)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from readouts.filters import forget_country_options
from readouts.models import Country


@receiver(post_save, sender=Country, dispatch_uid="forget_country_options_on_save")
@receiver(post_delete, sender=Country, dispatch_uid="forget_country_options_on_delete")
def country_changed(sender, **kwargs):
    forget_country_options()
    # Once more after the commit: a page rendered between the change and its commit may have cached the old list.
    transaction.on_commit(forget_country_options)
