from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import (Absorption, CriterionAnswer, FundingSource, Indicator, IndicatorValue, NetworkSnapshot, Programme,
                     SchoolQuestionnaire, SustainabilityCriterion, SustainabilityRound)


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 1


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "kind", "specific", "target", "achieved")
    list_filter = ("kind", "specific")
    inlines = [IndicatorValueInline]


class FundingSourceInline(admin.TabularInline):
    model = FundingSource
    extra = 0


class AbsorptionInline(admin.TabularInline):
    model = Absorption
    extra = 1


class NetworkInline(admin.TabularInline):
    model = NetworkSnapshot
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("code", "name_lv", "eligible_costs")
    inlines = [FundingSourceInline, AbsorptionInline, NetworkInline]


@admin.register(SustainabilityCriterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ("order", "name_lv", "name_en")


class QuestionnaireInline(admin.TabularInline):
    model = SchoolQuestionnaire
    extra = 3
    fields = ("school", "institution", "submitted_at", "link")
    readonly_fields = ("submitted_at", "link")
    raw_id_fields = ("institution",)

    @admin.display(description="link")
    def link(self, obj):
        if not obj.pk:
            return ""
        url = reverse("monitoring:questionnaire", args=[obj.token])
        return format_html('<a href="{}">{}</a>', url, url)


@admin.register(SustainabilityRound)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "year", "open", "reported_sent", "reported_received", "reported_sustained")
    inlines = [QuestionnaireInline]


class AnswerInline(admin.TabularInline):
    model = CriterionAnswer
    extra = 0


@admin.register(SchoolQuestionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ("school", "round", "submitted_at")
    list_filter = ("round",)
    inlines = [AnswerInline]


from .models import Question, Survey  # noqa: E402


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("name_lv", "audience", "open", "created_at")
    list_filter = ("audience", "open")
    readonly_fields = ("link",)
    inlines = [QuestionInline]

    @admin.display(description="link")
    def link(self, obj):
        if not obj.pk:
            return ""
        url = reverse("monitoring:survey", args=[obj.token])
        return format_html('<a href="{}">{}</a>', url, url)
