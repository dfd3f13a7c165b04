"""JSON API routes of the excursions module, mounted under /api/v1/excursions/ by karjera.api.v1."""
from ninja import Router

router = Router(tags=["excursions"])
