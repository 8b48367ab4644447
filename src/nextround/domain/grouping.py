"""Group questions however worded and map each group to a canonical bank question or none."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from nextround.domain.question_bank import QuestionBank, load_rules
from nextround.domain.question_text import TextRules, conflicts, consensus_poles

Vectors = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Vectors]

_BLOCK = 2048  # rows of the similarity matrix held at once; bounds memory for 10,000 questions
NEAR_EXACT = 0.95  # cosine at which two wordings are the same question for certain
_NEIGHBOURS = 12  # candidate partners per question outside the bank
BLEND = 0.5  # weight of a bank entry's centre against its nearest wording


class Band(enum.StrEnum):
    AUTO = "auto"  # merged with the canonical question without asking
    SUGGEST = "suggest"  # probably the canonical question: ask the user
    NEW = "new"  # not in the bank


@dataclass(frozen=True)
class Thresholds:
    """Similarities (of boilerplate-free text) that bound the bands.

    A question's score for a bank entry blends the cosine to the entry's centre with the
    cosine to its nearest wording; its lead is how far that score is ahead of the best other
    entry. Chosen on the team's own questions and held-out bank wordings, never on
    evaluation data."""

    auto: float = 0.72
    suggest: float = 0.66
    margin: float = 0.06  # lead needed to take a score between `suggest` and `auto`
    floor: float = 0.50  # below this a question is never given a bank question
    lead: float = 0.12  # lead needed to take a score between `floor` and `suggest`
    sure: float = 0.75  # a bank match this close needs no corroboration
    corroborate: float = 0.3  # least similarity of an unsure match to another member
    pair: float = 0.80  # average similarity for two questions outside the bank to share a group
    attach: float = 0.75  # similarity to a matched question that lets a weak match join it


@dataclass(frozen=True)
class Match:
    index: int
    canonical_id: str | None  # the best bank question, whatever the band
    score: float
    band: Band


@dataclass
class Group:
    canonical_id: str | None
    members: list[int]
    uncertain: list[int] = field(default_factory=list)


@dataclass
class GroupingResult:
    groups: list[Group]
    matches: list[Match]


@functools.cache
def _rules() -> TextRules:
    return TextRules.from_data(load_rules())


@functools.cache
def _families() -> dict[str, str]:
    """Bank id -> the id that stands for its family. A family is one question asked two ways
    (the "what would you do if" form and the "tell me about a time" form): its entries do not
    compete for a question's lead and may share a group."""
    out: dict[str, str] = {}
    for fam in load_rules().get("family", []):
        members = [str(m) for m in fam["members"]]
        for m in members:
            out[m] = members[0]
    return out


def family_of(question_id: str) -> str:
    """The id standing for the question's family (its own id when it has no twin)."""
    return _families().get(question_id, question_id)


def _by_family(canon: Sequence[str | None]) -> dict[str, list[int]]:
    """Family id -> the questions matched to an entry of that family."""
    members: dict[str, list[int]] = {}
    for i, c in enumerate(canon):
        if c is not None:
            members.setdefault(family_of(c), []).append(i)
    return members


def best_matches(
    texts: Sequence[str],
    bank: QuestionBank,
    embed: EmbedFn,
    thresholds: Thresholds = Thresholds(),
    rules: TextRules | None = None,
    vectors: Vectors | None = None,
) -> list[Match]:
    """For each question, its closest bank question by any wording, and how sure that is."""
    rules = rules or _rules()
    if not texts:
        return []
    if vectors is None:
        vectors = embed([rules.core(t) for t in texts])
    if not len(bank):
        return [Match(i, None, 0.0, Band.NEW) for i in range(len(texts))]
    wordings: list[str] = []
    owner: list[int] = []
    entry_poles = []
    entry_asks = np.zeros((len(bank), max(len(rules.asks), 1)), dtype=bool)
    for e, q in enumerate(bank.questions):
        ws = q.all_wordings
        wordings.extend(rules.core(w) for w in ws)
        owner.extend([e] * len(ws))
        entry_poles.append(consensus_poles([rules.poles(w) for w in ws]))
        for w in ws:
            if (a := rules.ask(w)) >= 0:
                entry_asks[e, a] = True
    bank_vectors = embed(wordings)
    owners = np.asarray(owner)
    centroids = np.zeros((len(bank), bank_vectors.shape[1]), dtype=np.float32)
    np.add.at(centroids, owners, bank_vectors)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    q_poles = np.asarray([rules.poles(t) for t in texts], dtype=np.int64).reshape(len(texts), -1)
    e_poles = np.asarray(entry_poles, dtype=np.int64).reshape(len(bank), -1)
    q_asks = np.asarray([rules.ask(t) for t in texts], dtype=np.int64)
    ids = [q.id for q in bank.questions]
    families: dict[str, list[int]] = {}
    for e, qid in enumerate(ids):
        families.setdefault(family_of(qid), []).append(e)
    kin = [m for m in families.values() if len(m) > 1]
    out: list[Match] = []
    starts = np.flatnonzero(np.r_[True, np.diff(owners) != 0])
    for lo in range(0, len(texts), _BLOCK):
        block = vectors[lo : lo + _BLOCK]
        centre = block @ centroids.T
        # The centre keeps one odd wording from pulling unrelated questions in; the nearest
        # wording catches a paraphrase the centre misses. Together they beat either alone.
        nearest = np.maximum.reduceat(block @ bank_vectors.T, starts, axis=1)
        per_entry = BLEND * centre + (1.0 - BLEND) * nearest
        # A wording the bank already holds (one the user confirmed, say) matches its entry
        # outright, even if it sits far from the entry's centre.
        per_entry = np.where(nearest >= NEAR_EXACT, np.maximum(per_entry, nearest), per_entry)
        qp = q_poles[lo : lo + _BLOCK, None, :]
        clash = ((qp >= 0) & (e_poles[None] >= 0) & (qp != e_poles[None])).any(axis=2)
        # A question plainly asking for a number, a list or a credential is a different
        # question from an entry none of whose wordings asks for that, however close the topic.
        qa = q_asks[lo : lo + _BLOCK]
        clash |= (qa[:, None] >= 0) & ~entry_asks[:, np.maximum(qa, 0)].T
        per_entry = np.where(clash, -1.0, per_entry)
        # Entries of one family count once when measuring how far the best is ahead.
        per_family = per_entry
        if kin:
            per_family = per_entry.copy()
            for members in kin:
                per_family[:, members[0]] = per_entry[:, members].max(axis=1)
                per_family[:, members[1:]] = -1.0
        if per_entry.shape[1] > 1:
            top2 = -np.partition(-per_family, 1, axis=1)[:, :2]
            best_score, runner_up = top2.max(axis=1), top2.min(axis=1)
        else:
            best_score, runner_up = per_entry[:, 0], np.full(per_entry.shape[0], -1.0)
        best = per_entry.argmax(axis=1)
        for r in range(per_entry.shape[0]):
            score = float(best_score[r])
            if score <= -1.0:
                out.append(Match(lo + r, None, 0.0, Band.NEW))
                continue
            ahead = score - float(runner_up[r])
            out.append(Match(lo + r, ids[int(best[r])], score, _band(score, ahead, thresholds)))
    return out


def _band(score: float, ahead: float, th: Thresholds) -> Band:
    if score >= th.auto and ahead >= th.margin / 2:
        return Band.AUTO
    if score >= th.suggest and ahead >= th.margin:
        return Band.SUGGEST
    if score >= th.floor and ahead >= th.lead:
        return Band.SUGGEST
    return Band.NEW


class _Clusters:
    """Union-find that merges only when the average similarity across two clusters is high
    enough and no polarity or canonical conflict appears: average rather than single linkage
    stops chains of near neighbours from drifting into one huge group."""

    def __init__(self, vectors: Vectors, poles: list[tuple[int, ...]], canon: list[str | None]):
        self.parent = list(range(len(poles)))
        self.sums = vectors.astype(np.float64).copy()
        self.sizes = [1] * len(poles)
        self.poles = [list(p) for p in poles]
        self.canon = list(canon)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, min_average: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self.canon[ra], self.canon[rb]
        if ca is not None and cb is not None and family_of(ca) != family_of(cb):
            return False
        if conflicts(self.poles[ra], self.poles[rb]):
            return False
        average = float(self.sums[ra] @ self.sums[rb]) / (self.sizes[ra] * self.sizes[rb])
        if average < min_average:
            return False
        if self.sizes[ra] < self.sizes[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.sums[ra] += self.sums[rb]
        self.sizes[ra] += self.sizes[rb]
        self.poles[ra] = [
            x if x >= 0 else y for x, y in zip(self.poles[ra], self.poles[rb], strict=True)
        ]
        self.canon[ra] = ca if ca is not None else cb
        return True


def _corroborate(
    canon: list[str | None], matches: Sequence[Match], vectors: Vectors, th: Thresholds
) -> None:
    """A bank match short of certain joins others only if it also resembles one of them.

    A bank entry covers a topic; two one-off questions on the same topic (working nights:
    are you willing, have you done it) sharing an entry was the main way questions that
    belong to no group ended up in one."""
    for ids in _by_family(canon).values():
        if len(ids) < 2:
            continue
        unsure = [i for i in ids if matches[i].score < th.sure]
        if not unsure:
            continue
        sims = vectors[unsure] @ vectors[ids].T
        for r, i in enumerate(unsure):
            sims[r, ids.index(i)] = -1.0
        for r, i in enumerate(unsure):
            if float(sims[r].max()) < th.corroborate:
                canon[i] = None


def _attach(
    canon: list[str | None], matches: Sequence[Match], vectors: Vectors, th: Thresholds
) -> set[int]:
    """A question whose best bank question was too unsure to take joins that question's
    group when it is also close to a question already matched there: the user's own wording
    counts as one more wording of the entry. Returns the questions that joined this way."""
    members = _by_family(canon)
    joined: set[int] = set()
    for i, c in enumerate(canon):
        best = matches[i].canonical_id
        if c is not None or best is None or matches[i].score < th.floor:
            continue
        ids = members.get(family_of(best))
        if not ids:
            continue
        sims = vectors[ids] @ vectors[i]
        k = int(np.argmax(sims))
        if float(sims[k]) >= th.attach:
            canon[i] = canon[ids[k]]
            joined.add(i)
    return joined


def group_questions(
    texts: Sequence[str],
    bank: QuestionBank,
    embed: EmbedFn,
    thresholds: Thresholds = Thresholds(),
    *,
    merge_suggested: bool = True,
) -> GroupingResult:
    """Every input index lands in exactly one group.

    Questions sure to be a bank question join that question's group; suggested ones join it
    too (flagged uncertain) when `merge_suggested`; the rest are clustered among themselves
    and with the bank-matched ones."""
    rules = _rules()
    if not texts:
        return GroupingResult([], [])
    vectors = embed([rules.core(t) for t in texts])
    matches = best_matches(texts, bank, embed, thresholds, rules, vectors)
    # The kind of answer asked for rides along as one more dimension whose poles never merge.
    poles = [(*rules.poles(t), rules.ask(t)) for t in texts]
    accepted = {Band.AUTO, Band.SUGGEST} if merge_suggested else {Band.AUTO}
    canon = [m.canonical_id if m.band in accepted else None for m in matches]
    _corroborate(canon, matches, vectors, thresholds)
    attached = _attach(canon, matches, vectors, thresholds)
    clusters = _Clusters(vectors, poles, canon)
    first_of: dict[str, int] = {}
    for i, c in enumerate(canon):
        if c is not None:
            f = family_of(c)
            if f in first_of:
                clusters.union(first_of[f], i, -1.0)
            else:
                first_of[f] = i
    loose = [i for i, c in enumerate(canon) if c is None]
    edges: list[tuple[float, int, int]] = []
    for lo in range(0, len(loose), _BLOCK):
        rows = loose[lo : lo + _BLOCK]
        sims = vectors[rows] @ vectors.T
        # Only each question's nearest neighbours: a crowd of look-alike questions must not
        # turn into millions of candidate pairs.
        k = min(_NEIGHBOURS, sims.shape[1])
        near = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row_near in enumerate(near.tolist()):
            i = rows[r]
            for j in row_near:
                sim = float(sims[r, j])
                if sim >= thresholds.pair and i != j and (canon[j] is not None or i < j):
                    edges.append((sim, i, j))
    edges.sort(reverse=True)
    for _, i, j in edges:
        clusters.union(i, j, thresholds.pair)
    by_root: dict[int, Group] = {}
    for i in range(len(texts)):
        root = clusters.find(i)
        group = by_root.setdefault(root, Group(clusters.canon[root], []))
        group.members.append(i)
        if canon[i] is not None and (matches[i].band is Band.SUGGEST or i in attached):
            group.uncertain.append(i)
    groups = sorted(by_root.values(), key=lambda g: (-len(g.members), g.members[0]))
    return GroupingResult(groups, matches)
