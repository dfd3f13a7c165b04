"""JSON API routes of the counselling module, mounted under /api/v1/counselling/ by karjera.api.v1."""
from ninja import Router

router = Router(tags=["counselling"])
