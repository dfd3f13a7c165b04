"""Counts views of the public catalogue and education pages for the usage dashboards.

One place names the counted pages, so the apps that own them stay unaware of analytics. Only
successful GETs count, by page name (never an object id); the event holds no address, user agent
or lasting identifier (see analytics.record).
"""
from .analytics import record

COUNTED_PAGES = frozenset({
    "occupations:list", "occupations:detail", "entrepreneurship",
    "education:programmes", "education:programme", "education:institution",
    "education:calculator", "education:course_sets",
})


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and request.method == "GET"
            and response.status_code == 200
            and match.view_name in COUNTED_PAGES
        ):
            record(request, "page_view", match.view_name)
        return response
