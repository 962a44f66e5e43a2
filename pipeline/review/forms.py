"""The review page's forms (Flask-WTF: every form carries a CSRF token) and the checks that
turn a correction form into a :class:`~pipeline.models.ClaimCorrection`.

The correction form is shown filled with the claim as it stands (the machine's, with the
earlier corrections); what the analyst changed is what the correction records. Checks,
each an error on its field: the predicate is one of the vocabulary; an argument's text is
empty (no argument) or occurs in the claim's sentence, and it is marked at the occurrence
nearest to where it was; an id is one word (a Wikipedia title with underscores) and needs
a text; a date value is a TIMEX3 value (SPEC section 3) and needs a text; a place's text
occurs in the body (the occurrence nearest to the sentence is marked); something changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flask_wtf import FlaskForm
from pydantic import ValidationError
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp

from ..errors import Errors
from ..models import MODALITIES, REVIEW_ACTIONS, Claim, ClaimCorrection

ID_PATTERN = r"^\S+$"
_ID_MESSAGE = "an id is one word: a Wikipedia title with underscores (Mohamed_Bazoum)"


class ActionForm(FlaskForm):
    """Accept or reject (the buttons of a claim)."""

    action = HiddenField(validators=[DataRequired(), AnyOf([a for a in REVIEW_ACTIONS if a != "correct"])])
    note = TextAreaField("note", validators=[Optional(), Length(max=2000)])


class CorrectionForm(FlaskForm):
    """Correct a claim: its predicate, arguments and their ids, negation, modality, date
    and place."""

    predicate = SelectField("predicate", validators=[DataRequired()])
    subject_text = StringField("subject", validators=[Optional(), Length(max=300)])
    subject_id = StringField(
        "subject id", validators=[Optional(), Length(max=200), Regexp(ID_PATTERN, message=_ID_MESSAGE)]
    )
    object_text = StringField("object", validators=[Optional(), Length(max=300)])
    object_id = StringField(
        "object id", validators=[Optional(), Length(max=200), Regexp(ID_PATTERN, message=_ID_MESSAGE)]
    )
    negated = BooleanField("negated")
    modality = SelectField("modality", choices=list(MODALITIES), validators=[DataRequired()])
    date_text = StringField("date", validators=[Optional(), Length(max=200)])
    date_value = StringField("date value", validators=[Optional(), Length(max=40)])
    place_text = StringField("place", validators=[Optional(), Length(max=200)])
    place_id = StringField(
        "place id", validators=[Optional(), Length(max=200), Regexp(ID_PATTERN, message=_ID_MESSAGE)]
    )
    note = TextAreaField("note", validators=[Optional(), Length(max=2000)])

    def set_predicates(self, names: Sequence[str]) -> CorrectionForm:
        self.predicate.choices = list(names)
        return self

    def fill(self, claim: Claim) -> CorrectionForm:
        """Show ``claim`` (on a GET: a form not submitted)."""
        self.predicate.data = claim.predicate
        for role in ("subject", "object"):
            arg = getattr(claim, role)
            getattr(self, f"{role}_text").data = arg.text if arg else ""
            getattr(self, f"{role}_id").data = (arg.id or "") if arg else ""
        self.negated.data = claim.negated
        self.modality.data = claim.modality
        self.date_text.data = claim.date.text if claim.date else ""
        self.date_value.data = (claim.date.value or "") if claim.date else ""
        self.place_text.data = claim.location.text if claim.location else ""
        self.place_id.data = (claim.location.id or "") if claim.location else ""
        return self


def _clean(value: str | None) -> str:
    return (value or "").strip()


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """Starts of ``needle`` in ``text[lo:hi]`` (as offsets into ``text``), whole words."""
    pattern = (r"\b" if needle[:1].isalnum() else "") + re.escape(needle) + (r"\b" if needle[-1:].isalnum() else "")
    return [lo + m.start() for m in re.finditer(pattern, text[lo:hi])]


def _nearest(starts: list[int], target: int) -> int:
    return min(starts, key=lambda s: (abs(s - target), s))


def to_correction(form: CorrectionForm, claim: Claim, body: str) -> ClaimCorrection | None:
    """The fields of ``form`` that differ from ``claim`` (the claim as it stands), checked
    against ``body``; ``None`` with the errors added to the form's fields when a check
    fails (module docstring)."""
    errors: dict[str, str] = {}
    changes: dict = {}
    s0, s1 = claim.evidence.start, claim.evidence.end
    if form.predicate.data != claim.predicate:
        changes["predicate"] = form.predicate.data
    for role in ("subject", "object"):
        text, kb_id = _clean(getattr(form, f"{role}_text").data), _clean(getattr(form, f"{role}_id").data) or None
        old = getattr(claim, role)
        if not text:
            if kb_id:
                errors[f"{role}_id"] = f"an id needs the {role}'s words in the sentence"
            elif old is not None:
                changes[role] = None
            continue
        if old is not None and text == old.text and kb_id == old.id:
            continue
        starts = _occurrences(body, text, s0, s1)
        if not starts:
            errors[f"{role}_text"] = f"{text!r} is not in the claim's sentence: type words of the sentence"
            continue
        start = _nearest(starts, old.start if old is not None else s0)
        changes[role] = {"text": text, "start": start, "end": start + len(text), "id": kb_id}
    if bool(form.negated.data) != claim.negated:
        changes["negated"] = bool(form.negated.data)
    if form.modality.data != claim.modality:
        changes["modality"] = form.modality.data
    date_text, date_value = _clean(form.date_text.data), _clean(form.date_value.data) or None
    old_date = (claim.date.text, claim.date.value) if claim.date else None
    if not date_text:
        if date_value:
            errors["date_text"] = "a date value needs the date's words"
        elif old_date is not None:
            changes["date"] = None
    elif (date_text, date_value) != old_date:
        changes["date"] = {"text": date_text, "value": date_value}
    place_text, place_id = _clean(form.place_text.data), _clean(form.place_id.data) or None
    old_place = claim.location
    if not place_text:
        if place_id:
            errors["place_text"] = "a place id needs the place's words in the article"
        elif old_place is not None:
            changes["location"] = None
    elif old_place is None or (place_text, place_id) != (old_place.text, old_place.id):
        starts = _occurrences(body, place_text, 0, len(body))
        if not starts:
            errors["place_text"] = f"{place_text!r} is not in the article"
        else:
            start = _nearest(starts, s0)
            changes["location"] = {"text": place_text, "start": start, "end": start + len(place_text), "id": place_id}
    if not errors and not changes:
        errors["predicate"] = "nothing changed: edit a field, or accept the claim as it is"
    correction = None
    if not errors:
        try:
            correction = ClaimCorrection.model_validate(changes)
        except ValidationError as exc:
            for problem in exc.errors():
                where = problem["loc"][0] if problem["loc"] else "predicate"
                name = {"date": "date_value", "location": "place_text"}.get(str(where), f"{where}_text")
                name = name if hasattr(form, name) else str(where) if hasattr(form, str(where)) else "predicate"
                errors.setdefault(name, _pydantic_message(problem))
    for name, message in errors.items():
        getattr(form, name).errors = [*getattr(form, name).errors, Errors.E120.format(field=name, reason=message)]
    return correction if not errors else None


def _pydantic_message(problem: dict) -> str:
    if problem.get("type") == "string_pattern_mismatch" and "value" in tuple(map(str, problem["loc"])):
        return "not a TIMEX3 value (2023-08-06, 2023-W32, 2023-07, 2019, P2W, PAST_REF...)"
    return str(problem.get("msg", "invalid"))
