"""JSON API routes of the monitoring module, mounted under /api/v1/monitoring/ by karjera.api.v1."""
from ninja import Router

router = Router(tags=["monitoring"])
