"""The matching rules of LABELING.md "Scoring", article by article.

:func:`score_article` compares one prediction with one gold label and returns, per
scored field, the counts ``(correct, predicted, gold)`` that :mod:`.metrics` sums and
bootstraps, plus the field-level disagreements shown in reports. The comparison keys
(regions, names, titles, phrases) come from :mod:`.keys`, never from an extractor's
normaliser, so that changing an extractor cannot move the yardstick.

Counting convention (LABELING.md, Scoring 3-4): for a single-valued field *predicted*
counts non-null predictions, *gold* non-null gold values and *correct* non-null
predictions equal to a non-null gold value. So null/null adds nothing (it is "correct"
in the sense that it is neither a false positive nor a miss), a value where gold is null
is a false positive, null where gold has a value a miss, and a wrong value both.
``kind`` and ``agreement`` are never null, so every visit counts for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from visit_extract.eval.datasets import GoldParty, GoldVisit
from visit_extract.eval.keys import (
    TITLE_ABBREVIATIONS,
    name_tokens,
    phrase_tokens,
    region_key,
    title_key,
)
from visit_extract.schema import Party, Visit

#: Predictions are schema visits, gold labels :class:`GoldVisit` (leader name may be null).
AnyVisit = Visit | GoldVisit
AnyParty = Party | GoldParty

#: Every scored name, in report order: the article and visit levels, then the fields.
FIELDS: tuple[str, ...] = (
    "visitor.region",
    "host.region",
    "visitor.level",
    "host.level",
    "visitor.branch",
    "host.branch",
    "visitor.leader.name",
    "host.leader.name",
    "visitor.leader.title",
    "host.leader.title",
    "visitor.size",
    "kind",
    "start_date",
    "end_date",
    "topics",
    "domains",
    "agreement",
)
SET_FIELDS: frozenset[str] = frozenset({"topics", "domains"})
METRICS: tuple[str, ...] = ("article", "visit", *FIELDS)

Counts = tuple[int, int, int]
"""``(correct, predicted, gold)``."""

ZERO: Counts = (0, 0, 0)


def add(a: Counts, b: Counts) -> Counts:
    """Sum two count triples."""
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


# --- matching rules -----------------------------------------------------------------------


def names_match(predicted: str, gold: str) -> bool:
    """LABELING.md name rule.

    Equal token sets, or one set containing the other with at least two tokens in
    common ("Agus Djiwa" matches "Agus Ambo Djiwa"; "Agus" alone does not). A
    single-token name therefore matches only the same single token.
    """
    p, g = name_tokens(predicted), name_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    return (p <= g or g <= p) and len(p & g) >= 2


def phrases_match(a: str, b: str) -> bool:
    """LABELING.md topic rule: token-set Jaccard >= 0.5, or one set contains the other."""
    ta, tb = phrase_tokens(a), phrase_tokens(b)
    if not ta or not tb:
        return False
    if ta <= tb or tb <= ta:
        return True
    return len(ta & tb) / len(ta | tb) >= 0.5


# --- field access and comparison ----------------------------------------------------------


def _party(visit: AnyVisit, path: str) -> AnyParty:
    return visit.visitor if path.startswith("visitor.") else visit.host


def field_value(visit: AnyVisit, name: str) -> Any:
    """The value of a scored field on a visit (None when absent)."""
    if name in ("kind", "start_date", "end_date", "agreement", "topics", "domains"):
        return getattr(visit, name)
    party = _party(visit, name)
    attr = name.split(".", 1)[1]
    if attr.startswith("leader."):
        return getattr(party.leader, attr.split(".")[1]) if party.leader else None
    return getattr(party, attr)


def _same(name: str, predicted: Any, gold: Any) -> bool:
    """Whether two non-null single values match under the field's rule."""
    if name.endswith(".region"):
        return region_key(predicted) == region_key(gold)
    if name.endswith(".leader.name"):
        return names_match(predicted, gold)
    if name.endswith(".leader.title"):
        return title_key(predicted) == title_key(gold)
    if isinstance(predicted, str) and isinstance(gold, str):
        return predicted.strip() == gold.strip()
    return bool(predicted == gold)


def max_matching(
    n_left: int, n_right: int, ok: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching between ``range(n_left)`` and ``range(n_right)``.

    Kuhn's augmenting paths: exact, and deterministic (earlier items are tried first).
    """
    match_right: list[int | None] = [None] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in range(n_right):
            if not seen[j] and ok(i, j):
                seen[j] = True
                owner = match_right[j]
                if owner is None or augment(owner, seen):
                    match_right[j] = i
                    return True
        return False

    for i in range(n_left):
        augment(i, [False] * n_right)
    return sorted((i, j) for j, i in enumerate(match_right) if i is not None)


def set_counts(name: str, predicted: Sequence[str], gold: Sequence[str]) -> Counts:
    """Counts of a set field: ``topics`` by the phrase rule one to one, ``domains`` exact."""
    if name == "domains":
        p, g = set(predicted), set(gold)
        return (len(p & g), len(p), len(g))
    pairs = max_matching(
        len(predicted), len(gold), lambda i, j: phrases_match(predicted[i], gold[j])
    )
    return (len(pairs), len(predicted), len(gold))


def set_difference(
    name: str, predicted: Sequence[str], gold: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The items of a set field left unmatched: ``(extra predictions, missed gold)``."""
    if name == "domains":
        return [p for p in predicted if p not in gold], [g for g in gold if g not in predicted]
    pairs = max_matching(
        len(predicted), len(gold), lambda i, j: phrases_match(predicted[i], gold[j])
    )
    used_p, used_g = {i for i, _ in pairs}, {j for _, j in pairs}
    return (
        [p for i, p in enumerate(predicted) if i not in used_p],
        [g for j, g in enumerate(gold) if j not in used_g],
    )


def field_counts(name: str, predicted: Any, gold: Any) -> Counts:
    """Counts of one field on a pair of visits (either side None for an unpaired visit)."""
    if name in SET_FIELDS:
        return set_counts(name, predicted or [], gold or [])
    has_p, has_g = predicted is not None, gold is not None
    correct = int(has_p and has_g and _same(name, predicted, gold))
    return (correct, int(has_p), int(has_g))


def party_matches(predicted: AnyParty, gold: AnyParty) -> bool:
    """Whether two parties are the same for visit pairing.

    Regions are compared after normalisation. Where the gold region is null (a ministry,
    an unknown party) the institution decides, by the topic phrase rule so that
    "Kementerian Dalam Negeri" matches "Kementerian Dalam Negeri (Ditjen Otonomi
    Daerah)"; with neither region nor institution in gold, a null predicted region matches.
    """
    if gold.region is not None:
        return predicted.region is not None and region_key(predicted.region) == region_key(
            gold.region
        )
    if gold.institution is not None:
        return predicted.institution is not None and phrases_match(
            predicted.institution, gold.institution
        )
    return predicted.region is None


def visits_pair(predicted: AnyVisit, gold: AnyVisit) -> bool:
    """Whether a predicted and a gold visit may be paired: visitor and host both match."""
    return party_matches(predicted.visitor, gold.visitor) and party_matches(
        predicted.host, gold.host
    )


def _agreement_score(predicted: AnyVisit, gold: AnyVisit) -> int:
    """How many fields two pairable visits agree on (to break ties between pairings)."""
    score = 0
    for name in FIELDS:
        c = field_counts(name, field_value(predicted, name), field_value(gold, name))
        score += c[0] == c[1] == c[2]
    return score


def pair_visits(predicted: Sequence[AnyVisit], gold: Sequence[AnyVisit]) -> list[tuple[int, int]]:
    """Pair predicted and gold visits one to one (LABELING.md, Scoring 2).

    Maximises the number of pairs whose visitor and host match; among pairings with that
    many pairs, prefers the one whose pairs agree on the most fields, so that two
    delegations to the same host are each scored against their own gold visit.

    Returns:
        ``(predicted index, gold index)`` pairs, sorted.
    """
    edges = {
        (i, j): _agreement_score(p, g)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if visits_pair(p, g)
    }
    if not edges:
        return []
    # Max-weight matching with weight BIG + agreement: BIG exceeds any total of
    # agreements, so the number of pairs is maximised first. Small sizes (a few visits
    # an article) allow an exact search over gold assignments with pruning.
    big = (len(FIELDS) + 1) * (min(len(predicted), len(gold)) + 1) * 4
    return _best_assignment(len(predicted), len(gold), {k: big + v for k, v in edges.items()})


def _best_assignment(
    n_pred: int, n_gold: int, weights: dict[tuple[int, int], int]
) -> list[tuple[int, int]]:
    """Exact maximum-weight matching by Hungarian algorithm on a square matrix."""
    n = max(n_pred, n_gold)
    # Hungarian minimises cost; negate weights, missing edges cost 0 (left unpaired).
    cost = [[-weights.get((i, j), 0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]
    return sorted((i, j) for i, j in pairs if (i, j) in weights)


# --- one article --------------------------------------------------------------------------


@dataclass
class Disagreement:
    """One field on which a prediction and the gold label differ.

    ``pred_visit``/``gold_visit`` index the visits (None for the article level or an
    unpaired side); ``predicted``/``gold`` are the values as given.
    """

    field: str
    predicted: Any
    gold: Any
    pred_visit: int | None = None
    gold_visit: int | None = None


@dataclass
class ArticleScore:
    """Everything the scorer found on one article."""

    counts: dict[str, Counts]
    pairs: list[tuple[int, int]]
    disagreements: list[Disagreement] = field(default_factory=list)


def _visit_label(visit: AnyVisit) -> str:
    visitor = visit.visitor.region or visit.visitor.institution
    host = visit.host.region or visit.host.institution
    return f"{visitor} -> {host}"


def score_article(
    predicted_is_visit: bool,
    predicted: Sequence[AnyVisit],
    gold_is_visit: bool,
    gold: Sequence[AnyVisit],
) -> ArticleScore:
    """Score one article's prediction against its gold label.

    Args:
        predicted_is_visit: the predicted ``is_study_visit``.
        predicted: the predicted visits.
        gold_is_visit: the gold ``is_study_visit``.
        gold: the gold visits.

    Returns:
        Counts for ``article``, ``visit`` and every field of :data:`FIELDS`, the visit
        pairs, and the disagreements.
    """
    counts: dict[str, Counts] = dict.fromkeys(METRICS, ZERO)
    disagreements: list[Disagreement] = []
    counts["article"] = (
        int(predicted_is_visit and gold_is_visit),
        int(predicted_is_visit),
        int(gold_is_visit),
    )
    if predicted_is_visit != gold_is_visit:
        disagreements.append(Disagreement("article", predicted_is_visit, gold_is_visit))

    pairs = pair_visits(predicted, gold)
    counts["visit"] = (len(pairs), len(predicted), len(gold))
    for i, j in pairs:
        for name in FIELDS:
            p_val, g_val = field_value(predicted[i], name), field_value(gold[j], name)
            c = field_counts(name, p_val, g_val)
            counts[name] = add(counts[name], c)
            if c[0] != c[1] or c[0] != c[2]:
                disagreements.append(Disagreement(name, p_val, g_val, i, j))
    paired_p = {i for i, _ in pairs}
    paired_g = {j for _, j in pairs}
    for i, visit in enumerate(predicted):
        if i in paired_p:
            continue
        disagreements.append(Disagreement("visit", _visit_label(visit), None, i, None))
        for name in FIELDS:
            counts[name] = add(counts[name], field_counts(name, field_value(visit, name), None))
    for j, visit in enumerate(gold):
        if j in paired_g:
            continue
        disagreements.append(Disagreement("visit", None, _visit_label(visit), None, j))
        for name in FIELDS:
            counts[name] = add(counts[name], field_counts(name, None, field_value(visit, name)))
    return ArticleScore(counts=counts, pairs=pairs, disagreements=disagreements)


__all__ = [
    "FIELDS",
    "METRICS",
    "SET_FIELDS",
    "TITLE_ABBREVIATIONS",
    "ArticleScore",
    "Counts",
    "Disagreement",
    "field_counts",
    "field_value",
    "max_matching",
    "name_tokens",
    "names_match",
    "pair_visits",
    "party_matches",
    "phrase_tokens",
    "phrases_match",
    "region_key",
    "score_article",
    "set_difference",
    "title_key",
    "visits_pair",
]
