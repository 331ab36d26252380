"""The offline ``rules`` backend: no key, no network, a few milliseconds an article."""

from __future__ import annotations

import re
import time

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.extractor import finish, read_pairs
from visit_extract.backends.rules.relevance import (
    may_be_relevant,
    relevance_score,
    working_visit_named,
    working_visit_only,
)
from visit_extract.config import Settings
from visit_extract.normalize import published_from_url
from visit_extract.normalize.chars import RepairedText, repair_text
from visit_extract.registry import BackendCapabilities
from visit_extract.schema import Article, Evidence, Visit, VisitExtraction

#: Score at or above which an article is taken for a study-visit report.
THRESHOLD = 0.5
#: Score at or above which an article stays a study-visit report even when the rules
#: find no visiting party and host in it. Below it, such an article is reported as no
#: study visit (with a warning), so that ``is_study_visit`` and ``visits`` agree; above
#: it the score is trusted over the extractor, which misses some hosts (a ministry, a
#: country) that the score has no doubt about.
CONFIDENT = 0.9


class RulesBackend:
    """Relevance filter plus rules extractor.

    ``extract`` returns ``is_study_visit`` from :func:`relevance_score` (0.5 is the
    decision point) and, for relevant articles, the visits the rules find, each with
    evidence quotes whose offsets point into the original ``Article.text``. The rules
    read the text with its mojibake repaired (``"‚Äú"`` is a quote mark, not letters
    glued to the next word), and the evidence is mapped back to the text as scraped. A relevant
    article in which no visit is found counts as a study visit only when its score
    reaches :data:`CONFIDENT`.
    """

    name = "rules"
    #: As cheap as the relevance pre-filter itself, so batch runs do not pre-filter for
    #: it; CPU-bound under the GIL, so one article at a time (a batch over 2,000 dev
    #: articles ran at the same rate with 1, 2 and 8 threads).
    capabilities = BackendCapabilities(prefilter=False, concurrency=1)

    def __init__(self, settings: Settings | None = None) -> None:
        """Create the backend.

        Args:
            settings: accepted for the registry's ``(Settings) -> backend`` factory
                signature; the rules have no options.
        """
        self.settings = settings

    def extract(self, article: Article) -> VisitExtraction:
        """Extract the study visits of one article.

        Args:
            article: the checked article.

        Returns:
            The extraction with ``backend="rules"`` and ``score`` = relevance score.
        """
        started = time.perf_counter()
        text, title, repaired = article.text, article.title, None
        # the repair costs a pass over the text: only for articles that may be relevant
        if may_be_relevant(text, title):
            repaired = repair_text(text)
            text = repaired.text if repaired is not None else text
            fixed_title = repair_text(title) if title is not None else None
            title = fixed_title.text if fixed_title is not None else title
        score = relevance_score(text, title, article.published)
        # a dated URL path (/2019/02/26/) stands in for a missing publication date
        published = article.published or published_from_url(article.url)
        ctx = None
        if score < THRESHOLD and working_visit_only(text, title):
            # a "kunjungan kerja" and nothing else: the pair the extractor finds decides
            ctx = read_pairs(text, published)
            if ctx is not None and _peer_visit(ctx):
                score = relevance_score(text, title, article.published, paired=True)
        relevant = score >= THRESHOLD
        visits: list[Visit] = []
        if relevant:
            ctx = ctx or read_pairs(text, published)
            if ctx is not None and _superior_tour(ctx) and working_visit_named(text, title):
                # a governor's "kunjungan kerja" to one of his regencies is supervision
                score = relevance_score(text, title, article.published, superior=True)
                relevant = score >= THRESHOLD
        if relevant:
            visits = finish(ctx) if ctx is not None else []
        if repaired is not None:
            visits = [_quoting_original(visit, repaired) for visit in visits]
        warnings = []
        if relevant and not visits:
            if score >= CONFIDENT:
                warnings.append(
                    "study-visit article, but no visiting party and host could be found"
                )
            else:
                relevant = False
                warnings.append(
                    f"relevance {score:.2f}, but no visiting party and host could be found: "
                    "reported as no study visit"
                )
        return VisitExtraction(
            id=article.id,
            is_study_visit=relevant,
            visits=visits,
            score=round(score, 4),
            backend="rules",
            latency_s=time.perf_counter() - started,
            warnings=warnings,
        )


def _peer_visit(ctx: Context) -> bool:
    """Whether a visit of ``ctx`` goes between peers and has a sentence that names both
    its visitor and its host (a dateline or a region named in passing pairs no one; nor
    does the bare place a minister's plane left from, nor a region in a quote before
    "ujar X di sela kunjungan kerja")."""
    text = ctx.text
    named = {
        (v.key, h.key)
        for e in ctx.events
        for v in e.visitors
        if not (
            v.mention is not None
            and v.mention.prefix_start == v.mention.start
            and _DEPARTED_FROM.search(text, max(0, v.start - 80), v.start)
        )
        and not (v.end <= e.start and _QUOTE_MARK.search(text, v.end, e.start))
        for h in e.hosts
    }
    return any(pair in named and between_peers(*pair) for pair in ctx.pairs)


# "berangkat pukul 08.10 dari Pangkalan Udara Halim, Jakarta": a place of departure
_DEPARTED_FROM = re.compile(
    r"\b(?:berangkat|bertolak|lepas\s+landas|terbang|diberangkatkan)\b(?:\s+\S+){0,3}?"
    r"\s+dari\b[^.;\n]*$",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _superior_tour(ctx: Context) -> bool:
    """Whether every visit of ``ctx`` goes from a province to a regency or city of its
    own (region codes "33" and "33.16")."""
    return bool(ctx.pairs) and all(
        v[:1].isdigit() and "." not in v and h.startswith(v + ".") for v, h in ctx.pairs
    )


def between_peers(visitor: str, host: str) -> bool:
    """Whether a visit between two actor keys goes between peers: a regional body to
    another region that is neither its own province nor one of its own regencies (a
    governor's "kunjungan kerja" to a regency is supervision), or to a national body
    (a consultation, LABELING.md). A national body's tour of a region is oversight; a
    trip abroad needs a stated purpose, which the score reads (ceremonies and
    promotions abroad are working visits too).

    Args:
        visitor: the visiting actor's key (a region code such as ``"33.12"``,
            ``"national:<name>"`` or ``"foreign:<country>"``).
        host: the host actor's key, in the same forms.

    Returns:
        True for a visit between peers.
    """
    if not visitor[:1].isdigit():
        return False
    if host.startswith("national:"):
        return True
    if not host[:1].isdigit() or host == visitor:
        return False
    return not (host.startswith(visitor + ".") or visitor.startswith(host + "."))


def _quoting_original(visit: Visit, repaired: RepairedText) -> Visit:
    """``visit`` with its evidence offsets and quotes taken from the original text."""
    evidence = []
    for ev in visit.evidence:
        if ev.start is None or ev.end is None:
            evidence.append(ev)
            continue
        start, end = repaired.to_original(ev.start, ev.end)
        evidence.append(
            Evidence(field=ev.field, quote=repaired.original[start:end], start=start, end=end)
        )
    return visit.model_copy(update={"evidence": evidence})
