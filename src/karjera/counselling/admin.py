from django.contrib import admin

from .models import Method, PlanTemplate, StaffRole


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "municipality", "employment_model", "workload")
    list_filter = ("role", "employment_model")
    fields = ("user", "role", "schools", "municipality", "employment_model", "workload")
    filter_horizontal = ("schools",)
    search_fields = ("user__username",)
    autocomplete_fields = ("user",)


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    """Content managers add and edit methods here; `load_methods` refreshes the ones from files."""

    list_display = ("title_lv", "audience", "topic", "format", "grade_from", "grade_to", "duration_minutes", "from_file")
    list_filter = ("audience", "topic", "format", "from_file")
    search_fields = ("title_lv", "title_en", "slug", "search_text")
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("from_file",)


@admin.register(PlanTemplate)
class PlanTemplateAdmin(admin.ModelAdmin):
    list_display = ("slug", "position")
    readonly_fields = ("slug", "data", "position")
