"""For other apps' pages: `{% load excursions_links %}{% excursion_link occupation.pk %}` shows a link to
the published offers where pupils see that occupation, or nothing when there are none."""
from django import template
from django.urls import reverse
from django.utils.http import urlencode

from ..models import PUBLISHED, Offer

register = template.Library()


@register.inclusion_tag("excursions/_occupation_link.html")
def excursion_link(occupation_id):
    count = Offer.objects.filter(status=PUBLISHED, occupations__pk=occupation_id).distinct().count()
    return {"count": count, "url": reverse("excursions:offers") + "?" + urlencode({"occupation": occupation_id})}
