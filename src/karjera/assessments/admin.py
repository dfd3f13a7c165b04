from django.contrib import admin

from .models import InstrumentVersion, TestSession


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    list_display = ("slug", "version", "created_at")
    readonly_fields = ("slug", "version", "definition", "checksum", "created_at")


@admin.register(TestSession)
class TestSessionAdmin(admin.ModelAdmin):
    """Counts and status only: answers are a pupil's personal data and are not shown here."""

    list_display = ("instrument_version", "status", "language", "created_at", "completed_at")
    list_filter = ("status", "instrument_version", "language")
    fields = ("instrument_version", "status", "language", "created_at", "completed_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
