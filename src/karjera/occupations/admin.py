from django.contrib import admin

from .models import EntrepreneurStory, FeaturedProfession, IscoGroup, Occupation


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


@admin.register(FeaturedProfession)
class FeaturedProfessionAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "name_en", "skills_latvia", "edited_in_admin", "updated_at")
    list_filter = ("skills_latvia", "edited_in_admin")
    search_fields = ("name_lv", "name_en", "occupation__name_lv")
    autocomplete_fields = ("occupation",)
    readonly_fields = ("edited_in_admin", "updated_at")
    fieldsets = [
        (None, {"fields": ("occupation", "name_lv", "name_en", "skills_latvia", "edited_in_admin", "updated_at")}),
        *[
            (part.replace("_", " ").capitalize(), {"fields": (f"{part}_lv", f"{part}_en")})
            for part in ("summary", "work", "workplace", "typical_day", "strengths", "education", "try_now")
        ],
    ]

    def save_model(self, request, obj, form, change):
        obj.edited_in_admin = True  # keep the content manager's text when shipped texts are reloaded
        super().save_model(request, obj, form, change)


@admin.register(EntrepreneurStory)
class EntrepreneurStoryAdmin(admin.ModelAdmin):
    list_display = ("name", "business", "municipality", "published", "consent_given_on")
    list_filter = ("published",)
    search_fields = ("name", "business")
    filter_horizontal = ("occupations",)
