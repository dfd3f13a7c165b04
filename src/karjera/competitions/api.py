"""JSON API routes of the competitions module, mounted under /api/v1/competitions/ by karjera.api.v1."""
from ninja import Router

router = Router(tags=["competitions"])
