import secrets
import threading

from django.db import models
from django.utils.translation import gettext_lazy as _

from .definitions import Instrument

# Resume codes avoid letters and digits that are easily confused (0/O, 1/I/L).
RESUME_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RESUME_LENGTH = 8


def new_session_id() -> str:
    return secrets.token_urlsafe(18)  # 144 random bits, 24 characters


def new_resume_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_LENGTH))


def normalise_resume_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


_instrument_cache: dict[tuple[int, str], Instrument] = {}
_instrument_lock = threading.Lock()


class InstrumentVersion(models.Model):
    """A frozen copy of one instrument file, so that each session keeps the version it was taken with."""

    slug = models.SlugField(max_length=40)
    version = models.CharField(max_length=20)
    definition = models.JSONField()
    checksum = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="unique_instrument_version")]
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")

    def __str__(self):
        return f"{self.slug} {self.version}"

    @property
    def instrument(self) -> Instrument:
        """The parsed definition, cached per process: a frozen version never changes once sessions use it."""
        key = (self.pk, self.checksum)
        cached = _instrument_cache.get(key)
        if cached is None:
            definition = InstrumentVersion.objects.values_list("definition", flat=True).get(pk=self.pk)
            cached = Instrument(definition)
            with _instrument_lock:
                _instrument_cache[key] = cached
        return cached


class TestSession(models.Model):
    """One pupil's attempt at one test. No account: the unguessable id is the key."""

    __test__ = False  # not a pytest test class, despite the name

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STATUS_CHOICES = [(IN_PROGRESS, _("in progress")), (COMPLETED, _("completed"))]

    id = models.CharField(max_length=32, primary_key=True, default=new_session_id, editable=False)
    resume_code = models.CharField(max_length=RESUME_LENGTH, unique=True, default=new_resume_code)
    instrument_version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="sessions")
    language = models.CharField(max_length=5, default="lv")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=IN_PROGRESS)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    timing = models.JSONField(default=dict, blank=True, help_text="When each timed subtest started (ISO time)")
    choices = models.JSONField(default=dict, blank=True, help_text="Choices beyond item answers (card-sort favourites)")

    class Meta:
        verbose_name = _("test session")
        verbose_name_plural = _("test sessions")

    def __str__(self):
        return f"{self.instrument_version} {self.resume_code}"

    @property
    def instrument(self) -> Instrument:
        return self.instrument_version.instrument

    @property
    def is_completed(self) -> bool:
        return self.status == self.COMPLETED

    @property
    def display_code(self) -> str:
        return f"{self.resume_code[:4]}-{self.resume_code[4:]}"


class Answer(models.Model):
    session = models.ForeignKey(TestSession, on_delete=models.CASCADE, related_name="answers")
    item_id = models.CharField(max_length=16)
    value = models.SmallIntegerField()
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "item_id"], name="one_answer_per_item")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")


class ItemCalibration(models.Model):
    """2PL parameters fitted by `calibrate` for one item position of a subtest (a family of generated
    items that share a kind and difficulty model)."""

    slug = models.SlugField(max_length=40)
    version = models.CharField(max_length=20)
    subtest = models.CharField(max_length=20)
    position = models.PositiveSmallIntegerField()
    a = models.FloatField()
    b = models.FloatField()
    people = models.PositiveIntegerField()
    fitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["slug", "version", "subtest", "position"], name="one_calibration_per_item_position")
        ]
        verbose_name = _("item calibration")
        verbose_name_plural = _("item calibrations")
