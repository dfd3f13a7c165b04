"""The agency's back office for competitions. Marks are entered on the marking pages, where versions,
sign-offs and the audit trail apply, so the admin only shows them."""
from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import (
    Aspect,
    Competition,
    CompetitionSkill,
    Competitor,
    Expert,
    InternationalResult,
    Mark,
    MarkAudit,
    MarkingScheme,
    ProgrammeEvent,
    SchoolRegistrar,
    SignOff,
    Skill,
    SubCriterion,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name_lv", "kind", "starts_on", "venue", "results_released", "demo"]
    list_filter = ["kind", "results_released", "demo"]
    search_fields = ["name_lv", "name_en", "slug"]
    filter_horizontal = ["managers"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["host"]
    readonly_fields = ["released_at"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name_lv", "name_en", "slug"]
    search_fields = ["name_lv", "name_en"]


class CompetitorInline(admin.TabularInline):
    model = Competitor
    extra = 0
    autocomplete_fields = ["school"]


class ExpertInline(admin.TabularInline):
    model = Expert
    extra = 0
    autocomplete_fields = ["school"]
    raw_id_fields = ["user"]


@admin.register(CompetitionSkill)
class CompetitionSkillAdmin(admin.ModelAdmin):
    list_display = ["competition", "skill"]
    list_filter = ["competition"]
    search_fields = ["skill__name_lv", "competition__name_lv"]
    inlines = [CompetitorInline, ExpertInline]


class SubCriterionInline(admin.TabularInline):
    model = SubCriterion
    extra = 0
    show_change_link = True

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.locked) and super().has_change_permission(request, obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


class SchemeFileForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (XLSX)"))


@admin.register(MarkingScheme)
class MarkingSchemeAdmin(admin.ModelAdmin):
    list_display = ["competition_skill", "locked_at"]
    readonly_fields = ["locked_at", "problem_list", "spreadsheet"]
    inlines = [SubCriterionInline]
    actions = ["lock"]

    @admin.display(description=_("Problems"))
    def problem_list(self, obj):
        return "; ".join(services.scheme_problem_texts(obj)) or _("none: adds up to 100")

    @admin.display(description=_("Spreadsheet"))
    def spreadsheet(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        export = format_html('<a href="{}">{}</a>', reverse("admin:competitions_markingscheme_export", args=[obj.pk]),
                             gettext("Export as XLSX"))
        if obj.locked:
            return export
        return format_html('{} · <a href="{}">{}</a>', export,
                           reverse("admin:competitions_markingscheme_import", args=[obj.pk]), gettext("Import from XLSX"))

    def get_urls(self):
        own = [
            path("<int:pk>/export/", self.admin_site.admin_view(self.export_view), name="competitions_markingscheme_export"),
            path("<int:pk>/import/", self.admin_site.admin_view(self.import_view), name="competitions_markingscheme_import"),
        ]
        return own + super().get_urls()

    def export_view(self, request, pk):
        scheme = get_object_or_404(MarkingScheme, pk=pk)
        if not self.has_view_permission(request, scheme):
            return HttpResponse(status=403)
        response = HttpResponse(
            services.export_scheme(scheme),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="marking-scheme-{scheme.pk}.xlsx"'
        return response

    def import_view(self, request, pk):
        scheme = get_object_or_404(MarkingScheme, pk=pk)
        if not self.has_change_permission(request, scheme):
            return HttpResponse(status=403)
        problems = []
        form = SchemeFileForm()
        if request.method == "POST":
            form = SchemeFileForm(request.POST, request.FILES)
            if form.is_valid():
                problems = services.import_scheme(scheme, form.cleaned_data["file"].read())
                if not problems:
                    self.message_user(request, gettext("The marking scheme was imported."), messages.SUCCESS)
                    return redirect("admin:competitions_markingscheme_change", scheme.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import a marking scheme"),
            "scheme": scheme,
            "form": form,
            "problems": problems,
            "opts": self.model._meta,
        }
        return render(request, "admin/competitions/markingscheme/import.html", context, status=422 if problems else 200)

    @admin.action(description=_("Lock the selected marking schemes (marking can start)"))
    def lock(self, request, queryset):
        for scheme in queryset:
            problems = services.lock_scheme(scheme)
            if problems:
                self.message_user(request, f"{scheme}: " + " ".join(problems), messages.ERROR)
            else:
                self.message_user(request, f"{scheme}: " + str(_("locked")), messages.SUCCESS)


class AspectInline(admin.TabularInline):
    model = Aspect
    extra = 0

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.scheme.locked) and super().has_change_permission(request, obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(SubCriterion)
class SubCriterionAdmin(admin.ModelAdmin):
    list_display = ["scheme", "code", "name_lv"]
    inlines = [AspectInline]

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.scheme.locked) and super().has_change_permission(request, obj)


@admin.register(Mark)
class MarkAdmin(ReadOnlyAdmin):
    list_display = ["competitor", "aspect", "value", "version", "updated_by", "updated_at"]
    list_filter = ["competitor__competition_skill__competition"]


@admin.register(MarkAudit)
class MarkAuditAdmin(ReadOnlyAdmin):
    list_display = ["mark", "user", "at", "before", "after"]


@admin.register(SignOff)
class SignOffAdmin(ReadOnlyAdmin):
    list_display = ["competition_skill", "day", "signed_by", "signed_at"]


@admin.register(ProgrammeEvent)
class ProgrammeEventAdmin(admin.ModelAdmin):
    list_display = ["title_lv", "competition", "kind", "starts_at", "place"]
    list_filter = ["competition", "kind"]


@admin.register(InternationalResult)
class InternationalResultAdmin(admin.ModelAdmin):
    list_display = ["event", "edition", "skill_lv", "result", "demo"]
    list_filter = ["event", "result"]


@admin.register(SchoolRegistrar)
class SchoolRegistrarAdmin(admin.ModelAdmin):
    list_display = ["user", "school"]
    autocomplete_fields = ["school"]
    raw_id_fields = ["user"]
