"""Queries of the reflect area: debriefs, asked questions, stories, practice, fit, notes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from nextround.storage.repositories import Repository
from nextround.storage.tables.core import Application, Interview
from nextround.storage.tables.reflect import (
    AskedQuestion,
    Debrief,
    FitAssessment,
    FitWeights,
    PracticeCard,
    PracticeReview,
    ReflectionNote,
    Story,
)


class ReflectRepository(Repository):
    # --- debriefs -------------------------------------------------------------------------
    def debrief_for(self, interview_id: int) -> Debrief | None:
        return self.session.scalar(
            select(Debrief).where(
                Debrief.owner_id == self.owner_id, Debrief.interview_id == interview_id
            )
        )

    def debrief(self, debrief_id: int) -> Debrief:
        return self._get_owned(Debrief, debrief_id, "debrief")

    def debriefs(self, since: date | None = None) -> list[tuple[Debrief, Interview]]:
        query = (
            select(Debrief, Interview)
            .join(Interview, Interview.id == Debrief.interview_id)
            .where(Debrief.owner_id == self.owner_id)
            .order_by(Interview.scheduled_at, Debrief.id)
        )
        rows = [(d, i) for d, i in self.session.execute(query).all()]
        if since is not None:
            rows = [
                (d, i) for d, i in rows
                if (i.scheduled_at.date() if i.scheduled_at else d.created_at.date()) >= since
            ]
        return rows

    # --- asked questions ------------------------------------------------------------------
    def asked(self, asked_id: int) -> AskedQuestion:
        return self._get_owned(
            AskedQuestion, asked_id, "logged question",
            "List them with `nextround questions --json`.",
        )

    def asked_in(self, debrief_id: int) -> list[AskedQuestion]:
        return list(self.session.scalars(
            select(AskedQuestion)
            .where(AskedQuestion.owner_id == self.owner_id, AskedQuestion.debrief_id == debrief_id)
            .order_by(AskedQuestion.position, AskedQuestion.id)
        ))

    def all_asked(self) -> list[tuple[AskedQuestion, int]]:
        """Every logged question with the interview it was asked in."""
        query = (
            select(AskedQuestion, Debrief.interview_id)
            .join(Debrief, Debrief.id == AskedQuestion.debrief_id)
            .where(AskedQuestion.owner_id == self.owner_id)
            .order_by(AskedQuestion.id)
        )
        return [(a, i) for a, i in self.session.execute(query).all()]

    def learned_wordings(self) -> dict[str, list[str]]:
        """User wordings confirmed as a bank question: they teach the bank."""
        out: dict[str, list[str]] = {}
        for row in self.session.scalars(
            select(AskedQuestion).where(
                AskedQuestion.owner_id == self.owner_id,
                AskedQuestion.match == "confirmed",
                AskedQuestion.canonical_id.is_not(None),
            )
        ):
            out.setdefault(str(row.canonical_id), []).append(row.text)
        return out

    # --- stories --------------------------------------------------------------------------
    def story(self, story_id: int) -> Story:
        return self._get_owned(Story, story_id, "story", "List them with `nextround story list`.")

    def stories(self) -> list[Story]:
        return list(self.session.scalars(
            select(Story).where(Story.owner_id == self.owner_id).order_by(Story.id)
        ))

    # --- practice -------------------------------------------------------------------------
    def card(self, key: str) -> PracticeCard | None:
        return self.session.scalar(
            select(PracticeCard).where(
                PracticeCard.owner_id == self.owner_id, PracticeCard.question_key == key
            )
        )

    def cards(self) -> list[PracticeCard]:
        return list(self.session.scalars(
            select(PracticeCard).where(PracticeCard.owner_id == self.owner_id)
        ))

    def reviews(self, since: datetime | None = None) -> list[PracticeReview]:
        query = select(PracticeReview).where(PracticeReview.owner_id == self.owner_id)
        if since is not None:
            query = query.where(PracticeReview.reviewed_at >= since)
        return list(self.session.scalars(query.order_by(PracticeReview.reviewed_at)))

    def due_count(self, now: datetime) -> int:
        """How many practice questions are due at ``now``."""
        stmt = select(func.count()).select_from(PracticeCard).where(
            PracticeCard.owner_id == self.owner_id, PracticeCard.due <= now
        )
        return int(self.session.scalar(stmt) or 0)

    def next_interview(self, after: datetime) -> Interview | None:
        return self.session.scalar(
            select(Interview)
            .where(Interview.owner_id == self.owner_id, Interview.scheduled_at >= after)
            .order_by(Interview.scheduled_at)
            .limit(1)
        )

    # --- fit ------------------------------------------------------------------------------
    def fit_weights(self) -> dict[str, Any] | None:
        row = self.session.scalar(select(FitWeights).where(FitWeights.owner_id == self.owner_id))
        return dict(row.weights) if row else None

    def set_fit_weights(self, weights: dict[str, int], now: datetime) -> None:
        row = self.session.scalar(select(FitWeights).where(FitWeights.owner_id == self.owner_id))
        if row is None:
            self.add(FitWeights(owner_id=self.owner_id, weights=dict(weights), updated_at=now))
        else:
            row.weights = dict(weights)
            row.updated_at = now
            self.session.flush()

    def assessment(self, application_id: int) -> FitAssessment | None:
        return self.session.scalar(
            select(FitAssessment).where(
                FitAssessment.owner_id == self.owner_id,
                FitAssessment.application_id == application_id,
            )
        )

    def application(self, application_id: int) -> Application:
        return self._get_owned(
            Application, application_id, "application", "List them with `nextround app list`."
        )

    # --- notes from mentors and peers -----------------------------------------------------
    def notes(self, interview_ids: list[int] | None = None) -> list[ReflectionNote]:
        query = select(ReflectionNote).where(ReflectionNote.owner_id == self.owner_id)
        if interview_ids is not None:
            query = query.where(ReflectionNote.interview_id.in_(interview_ids))
        return list(self.session.scalars(query.order_by(ReflectionNote.id)))
