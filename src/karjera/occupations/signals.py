"""Any change to the catalogue makes every process rebuild its search index and profile matrix."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import FeaturedProfession, Occupation


def catalogue_changed() -> None:
    from karjera.guidance.recommend import MATRIX, VALUES_MATRIX

    from .search import CATALOGUE

    CATALOGUE.bump()
    MATRIX.bump()
    VALUES_MATRIX.bump()


@receiver([post_save, post_delete], sender=Occupation)
@receiver([post_save, post_delete], sender=FeaturedProfession)
def _on_change(sender, **kwargs):
    catalogue_changed()
