from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from karjera.education.models import Institution, Municipality
from karjera.occupations.models import Occupation

from . import booking_rules
from .models import AGE_GROUPS, SECTORS, Offer, ShadowPlace


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("all"))] + SECTORS)
    age = forms.ChoiceField(label=_("Age group"), required=False, choices=[("", _("all"))] + AGE_GROUPS)
    occupation = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, language="lv", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("all"))] + [
            (m.code, m.name(language)) for m in Municipality.objects.filter(excursion_offers__status="published").distinct()
        ]


class RequestForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Time"), coerce=int)
    school = forms.TypedChoiceField(label=_("School"), coerce=int)
    group_name = forms.CharField(label=_("Group"), max_length=60, help_text=_("For example 8.b"))
    group_size = forms.IntegerField(label=_("Pupils in the group"), min_value=1, max_value=500)
    accompanying = forms.IntegerField(label=_("Accompanying adults"), min_value=0, max_value=50, initial=1)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    message = forms.CharField(label=_("Message to the host"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, slots=(), schools=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [(s.pk, s.label) for s in slots]
        self.fields["school"].choices = [(s.pk, s.name_lv) for s in schools]


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note to the school"), required=False, max_length=500)
    slot = forms.TypedChoiceField(label=_("Another time"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [("", "—")] + [(s.pk, s.label) for s in slots]


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class FeedbackForm(forms.Form):
    attended = forms.IntegerField(label=_("Pupils who came"), min_value=0, max_value=500)
    rating = forms.TypedChoiceField(label=_("How useful was the visit?"), coerce=int,
                                    choices=[(5, _("5 — very useful")), (4, "4"), (3, "3"), (2, "2"), (1, _("1 — not useful"))])
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class OfferForm(forms.ModelForm):
    age = forms.MultipleChoiceField(label=_("Age groups"), choices=AGE_GROUPS, widget=forms.CheckboxSelectMultiple)
    occupation_codes = forms.CharField(
        label=_("Occupations the pupils will see"), required=False, max_length=500,
        help_text=_("Names of occupations from the catalogue, separated by semicolons"))

    class Meta:
        model = Offer
        fields = ["title", "description", "sector", "municipality", "address", "min_group", "max_group",
                  "duration_minutes", "language", "accessible", "accessibility", "bring", "auto_confirm"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["age"].initial = self.instance.age_group_codes
            self.fields["occupation_codes"].initial = "; ".join(o.name_lv for o in self.instance.occupations.all())

    def clean_occupation_codes(self):
        names = [n.strip() for n in self.cleaned_data["occupation_codes"].split(";") if n.strip()]
        found, missing = [], []
        for name in names:
            occupation = Occupation.objects.filter(name_lv__iexact=name).first() or Occupation.objects.filter(name_en__iexact=name).first()
            (found.append(occupation) if occupation else missing.append(name))
        if missing:
            raise forms.ValidationError(_("Not in the occupation catalogue: %(names)s") % {"names": ", ".join(missing)})
        return found

    def clean(self):
        data = super().clean()
        if data.get("min_group") and data.get("max_group") and data["min_group"] > data["max_group"]:
            self.add_error("max_group", _("The largest group cannot be smaller than the smallest group."))
        return data


MAX_REPEAT_WEEKS = 26


class _SlotTimesForm(forms.Form):
    """The start and end of a time, shared by adding and editing one."""
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The end must be after the start."))
        if start and start <= timezone.now():
            self.add_error("starts_at", _("The start must be in the future."))
        return data


class SlotForm(_SlotTimesForm):
    capacity = forms.IntegerField(label=_("Places (pupils)"), min_value=1, max_value=1000)
    repeat_weeks = forms.IntegerField(label=_("Repeat weekly"), min_value=0, max_value=MAX_REPEAT_WEEKS, initial=0, required=False,
                                      help_text=_("How many more weeks the same time recurs (0 for once)"))


class SlotEditForm(_SlotTimesForm):
    capacity = forms.IntegerField(label=_("Places (pupils)"), min_value=0, max_value=1000,
                                  help_text=_("0 closes the time for new requests"))


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("publish", "publish"), ("reject", "reject")])
    note = forms.CharField(label=_("Note to the host"), required=False, max_length=500)


class ShadowPlaceForm(forms.ModelForm):
    class Meta:
        model = ShadowPlace
        fields = ["round", "title", "description", "municipality", "address", "date", "places", "grade_from", "grade_to"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "description": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("grade_from") and data.get("grade_to") and data["grade_from"] > data["grade_to"]:
            self.add_error("grade_to", _("The last grade cannot be before the first."))
        if data.get("places") == 0:
            self.add_error("places", _("At least one place."))
        return data


class ShadowApplicationForm(forms.Form):
    school = forms.TypedChoiceField(label=_("School"), coerce=int)
    pupil = forms.CharField(label=_("Pupil (first name and initial of the surname)"), max_length=40,
                            help_text=_("For example Anna K. — no full names or personal codes"))
    grade = forms.IntegerField(label=_("Grade"), min_value=1, max_value=12)
    first = forms.TypedChoiceField(label=_("First choice"), coerce=int)
    second = forms.TypedChoiceField(label=_("Second choice"), coerce=int, required=False, empty_value=None)
    third = forms.TypedChoiceField(label=_("Third choice"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, schools=(), places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.pk, s.name_lv) for s in schools]
        options = [(p.pk, f"{p.title} — {p.host.name}, {p.date:%d.%m.%Y}") for p in places]
        self.fields["first"].choices = options
        self.fields["second"].choices = [("", "—")] + options
        self.fields["third"].choices = [("", "—")] + options
        self.places = {p.pk: p for p in places}

    def clean(self):
        data = super().clean()
        choices = [data.get(k) for k in ("first", "second", "third") if data.get(k)]
        if choices and not booking_rules.valid_choices(choices):
            raise forms.ValidationError(_("Choose each place only once."))
        grade = data.get("grade")
        if grade and choices:
            unfit = [self.places[c].title for c in choices if not self.places[c].grade_from <= grade <= self.places[c].grade_to]
            if unfit:
                raise forms.ValidationError(_("These places do not take pupils of this grade: %(names)s") % {"names": ", ".join(unfit)})
        data["choices"] = choices
        return data


class PupilShadowForm(ShadowApplicationForm):
    """The pupil's own application: the school comes from the code the school handed out."""

    code = forms.CharField(label=_("Your school's code"), max_length=16,
                           help_text=_("Your teacher or career counsellor gives it to you"))

    field_order = ["code", "pupil", "grade", "first", "second", "third"]

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, schools=(), places=places, **kwargs)
        del self.fields["school"]
        self.order_fields(self.field_order)

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).upper()


def school_choices(actor):
    return Institution.objects.filter(pk__in=actor.schools).order_by("name_lv")
