from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.urls import path

from .importer import ImportFailed, import_files
from .models import AdmissionRule, CourseSet, Institution, Municipality, Programme


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "kind", "region")
    list_filter = ("kind", "region")


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "kind", "municipality", "demo")
    list_filter = ("kind", "demo", "municipality__region")
    search_fields = ("name_lv", "name_en", "registry_number")
    change_list_template = "education/admin_institutions.html"

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view), name="education_import")] + super().get_urls()

    def import_view(self, request):
        """Upload the documented CSV/JSON files; all or nothing, with every bad row listed."""
        errors = []
        if request.method == "POST":
            uploads = {f.name: f.read() for f in request.FILES.getlist("files")}
            try:
                counts = import_files(uploads)
            except ImportFailed as exc:
                errors = exc.errors
            else:
                messages.success(request, ", ".join(f"{k}: {v}" for k, v in counts.items()))
                return redirect("admin:education_institution_changelist")
        return render(request, "education/admin_import.html", {**self.admin_site.each_context(request), "errors": errors, "title": "Import education data"})


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("code", "name_lv", "institution", "kind", "lqf_level", "entry")
    list_filter = ("kind", "entry", "lqf_level", "isced_field")
    search_fields = ("code", "name_lv", "name_en", "institution__name_lv")
    raw_id_fields = ("institution", "admission_rule")
    filter_horizontal = ("course_sets",)
    exclude = ("search_text",)


@admin.register(CourseSet)
class CourseSetAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "institution")
    search_fields = ("name_lv", "institution__name_lv")


@admin.register(AdmissionRule)
class AdmissionRuleAdmin(admin.ModelAdmin):
    list_display = ("key", "name")
