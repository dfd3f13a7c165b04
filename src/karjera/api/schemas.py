"""Schemas every API module shares, so that all routes answer errors and refuse input alike."""
from typing import Annotated

from ninja import Schema
from pydantic import ConfigDict, Field

# JSON does not tell 3 from 3.0, so a whole number is a number that is a multiple of 1; strict parsing
# still refuses strings, booleans and fractions.
WholeNumber = Annotated[float, Field(multiple_of=1)]


def whole(ge: int | None = None, le: int | None = None):
    """A whole number within bounds (see WholeNumber)."""
    return Annotated[float, Field(multiple_of=1, ge=ge, le=le)]


class Strict(Schema):
    """Input that refuses unknown fields and coercion."""
    model_config = ConfigDict(extra="forbid", strict=True)


class ErrorOut(Schema):
    error: str
    message: str
