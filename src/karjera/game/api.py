"""JSON API routes of the game module, mounted under /api/v1/game/ by karjera.api.v1."""
from ninja import Router

router = Router(tags=["game"])
