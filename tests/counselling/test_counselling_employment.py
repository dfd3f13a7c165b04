"""The counsellor's employment model and workload: the demo fills them once and keeps later changes,
and the admin edits them."""
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from karjera.counselling.models import StaffRole

pytestmark = pytest.mark.django_db


def test_demo_counsellor_has_employment_model_and_workload():
    call_command("load_counselling_demo", stdout=io.StringIO())
    staff = StaffRole.objects.get(user__username="demo-konsultants")
    assert (staff.employment_model, staff.workload) == ("municipality", Decimal("1.00"))
    assert staff.get_employment_model_display() == "pašvaldības algots vairākām skolām"
    staff.employment_model, staff.workload = "mixed", Decimal("0.50")
    staff.save()
    call_command("load_counselling_demo", stdout=io.StringIO())
    staff.refresh_from_db()
    assert (staff.employment_model, staff.workload) == ("mixed", Decimal("0.50"))
    assert StaffRole.objects.get(user__username="demo-direktors").workload is None


def test_admin_form_has_the_fields(client):
    admin = get_user_model().objects.create_superuser("admins", password="Garš-parole-2026")
    client.force_login(admin)
    staff = StaffRole.objects.create(user=get_user_model().objects.create_user("k"), role="counsellor")
    html = client.get(f"/admin/counselling/staffrole/{staff.pk}/change/").content.decode()
    assert 'name="employment_model"' in html and 'name="workload"' in html
