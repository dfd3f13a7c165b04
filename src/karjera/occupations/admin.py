from django.contrib import admin

from .models import IscoGroup, Occupation


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "name_en", "isco", "job_zone")
    list_filter = ("job_zone",)
    search_fields = ("name_lv", "name_en", "search_name", "search_alt", "isco")
    readonly_fields = ("search_name", "search_alt")


@admin.register(IscoGroup)
class IscoGroupAdmin(admin.ModelAdmin):
    list_display = ("code", "name_lv", "name_en")
    search_fields = ("code", "name_lv", "name_en")
