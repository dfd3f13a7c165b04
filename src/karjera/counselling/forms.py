from django import forms
from django.utils.translation import gettext_lazy as _

from karjera.assessments import engine

from .models import STAGES, Consultation, PlanActivity


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=100)
    grade = forms.IntegerField(label=_("Grade"), min_value=1, max_value=12, required=False)
    school = forms.TypedChoiceField(label=_("School"), coerce=int)
    tests = forms.MultipleChoiceField(label=_("Tests"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, schools=(), language="lv", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.pk, s.name(language)) for s in schools]
        self.fields["tests"].choices = [(slug, i.text("name", language)) for slug, i in engine.available().items()]
        self.fields["tests"].initial = list(engine.available())


class JoinForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name in the group"), max_length=40,
        help_text=_("A first name or a nickname is enough. Your counsellor sees it only if you share your results."),
    )
    shares = forms.BooleanField(label=_("Share my results with the group's counsellor"), required=False)

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Write a name."))
        return name


class NoteForm(forms.Form):
    text = forms.CharField(label=_("New note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["held_on", *[code for code, _n, _h in STAGES], "follow_up_on", "follow_up_done"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}),
            **{code: forms.Textarea(attrs={"rows": 3}) for code, _n, _h in STAGES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name, hint in STAGES:
            self.fields[code].label = name
            self.fields[code].help_text = hint


class PlanForm(forms.Form):
    school = forms.TypedChoiceField(label=_("School"), coerce=int)
    school_year = forms.RegexField(label=_("School year"), regex=r"^20\d\d/20\d\d$", max_length=9,
                                   help_text=_("For example 2026/2027"))
    template = forms.ChoiceField(label=_("Start from"))

    def __init__(self, *args, schools=(), templates=(), language="lv", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.pk, s.name(language)) for s in schools]
        self.fields["template"].choices = [(t["slug"], t["title"][language]) for t in templates]

    def clean_school_year(self):
        value = self.cleaned_data["school_year"]
        start, end = (int(x) for x in value.split("/"))
        if end != start + 1:
            raise forms.ValidationError(_("The second year must follow the first, as in 2026/2027."))
        return value


class ActivityForm(forms.ModelForm):
    methods_text = forms.CharField(label=_("Methods (their short names, separated by commas)"), required=False, max_length=1000)

    class Meta:
        model = PlanActivity
        fields = ["age_group", "month", "title", "description", "responsible"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
