from django.contrib import admin

from .models import Feedback, Host, HostMember, Offer, Request, ShadowApplication, ShadowPlace, ShadowRound, Slot


class SlotInline(admin.TabularInline):
    model = Slot
    extra = 0


@admin.register(Host)
class HostAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "email", "demo")
    search_fields = ("name",)


@admin.register(HostMember)
class HostMemberAdmin(admin.ModelAdmin):
    list_display = ("user", "host")
    autocomplete_fields = ("user", "host")


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("title", "host", "municipality", "sector", "status", "demo")
    list_filter = ("status", "sector")
    search_fields = ("title", "search_text")
    inlines = [SlotInline]
    filter_horizontal = ("occupations",)


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin):
    list_display = ("offer", "school", "group_name", "group_size", "status", "created_at")
    list_filter = ("status",)
    readonly_fields = ("offer", "slot", "school", "requested_by", "group_size", "status")


admin.site.register(Feedback)


@admin.register(ShadowRound)
class ShadowRoundAdmin(admin.ModelAdmin):
    list_display = ("name", "apply_until", "assigned_at")


@admin.register(ShadowPlace)
class ShadowPlaceAdmin(admin.ModelAdmin):
    list_display = ("title", "host", "round", "date", "places", "status")
    list_filter = ("status", "round")


@admin.register(ShadowApplication)
class ShadowApplicationAdmin(admin.ModelAdmin):
    list_display = ("pupil", "grade", "school", "round", "approval", "assigned")
    list_filter = ("round", "approval")
