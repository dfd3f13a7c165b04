"""Registration forms for schools: the choices are limited to the registrar's own schools and to skills
of competitions whose results are not out yet."""
from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from karjera.education.models import Institution

from .models import CompetitionSkill, Competitor, Expert


class _SchoolForm(forms.Form):
    competition_skill = forms.TypedChoiceField(label=_("Competition and skill"), coerce=int)
    school = forms.TypedChoiceField(label=_("School"), coerce=int)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)

    def __init__(self, skill_choices, school_choices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competition_skill"].choices = skill_choices
        self.fields["school"].choices = school_choices


class CompetitorForm(_SchoolForm):
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        cs = CompetitionSkill.objects.select_related("competition").get(pk=data["competition_skill"])
        competitor = Competitor(
            competition_skill=cs,
            number=0,
            first_name=data["first_name"],
            last_name=data["last_name"],
            date_of_birth=data["date_of_birth"],
            school=Institution.objects.get(pk=data["school"]),
        )
        competitor.clean()  # the competition's age rule
        self.competitor = competitor
        return data

    def save(self) -> Competitor:
        competitor = self.competitor
        for _attempt in range(3):
            top = Competitor.objects.filter(competition_skill=competitor.competition_skill).aggregate(n=Max("number"))["n"]
            competitor.number = (top or 0) + 1
            try:
                with transaction.atomic():
                    competitor.save()
                return competitor
            except IntegrityError:
                competitor.pk = None
        raise ValidationError(_("Please try again."))


class ExpertForm(_SchoolForm):
    email = forms.EmailField(label=_("E-mail"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        user = get_user_model().objects.filter(username__iexact=data["email"]).first()
        if user and Expert.objects.filter(user=user, competition_skill_id=data["competition_skill"]).exists():
            raise ValidationError(_("This person is already an expert of this skill."))
        return data

    def save(self) -> Expert:
        data = self.cleaned_data
        User = get_user_model()
        user = User.objects.filter(username__iexact=data["email"]).first()
        if user is None:
            # The agency sets the password when it confirms the expert.
            user = User(username=data["email"].lower(), email=data["email"], first_name=data["first_name"], last_name=data["last_name"])
            user.set_unusable_password()
            user.save()
        return Expert.objects.create(user=user, competition_skill_id=data["competition_skill"], school_id=data["school"])
