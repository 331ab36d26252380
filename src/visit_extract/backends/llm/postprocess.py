"""From the model's quoted answer to the public :class:`VisitExtraction`.

What code does better than a model is done here, after the model has answered:
regions to their Kemendagri names, honorifics and degrees stripped, titles normalised,
dates resolved against the publication date, and every quote grounded to offsets in
the *original* article text.
"""

from __future__ import annotations

import re
from datetime import date

from visit_extract import normalize
from visit_extract.backends.llm.grounding import Grounder
from visit_extract.backends.llm.response import LLMAnswer, LLMParty, LLMVisit, QuotedText
from visit_extract.backends.llm.textprep import PreparedText
from visit_extract.normalize.lexicon import KIND_ORDER, kind_of
from visit_extract.schema import Evidence, Leader, Party, Visit, check_partial_date

_OFFICIAL_PREFIX = re.compile(r"^(Kabupaten|Kota|Provinsi) \S", re.ASCII)


class _Builder:
    """Builds one extraction, collecting evidence and warnings."""

    def __init__(
        self, prepared: PreparedText, published: date | None, grounder: Grounder | None = None
    ):
        self.prepared = prepared
        self.published = published
        self.grounder = grounder if grounder is not None else Grounder(prepared.text)
        self.warnings: list[str] = []

    # -- evidence ----------------------------------------------------------------------

    def evidence(self, field: str, quote: str | None, out: list[Evidence]) -> None:
        """Ground ``quote`` and append its evidence (offsets into the original text)."""
        if not quote:
            return
        span = self.grounder.locate(quote)
        if span is None:
            # Validation already rejected ungrounded quotes; reaching this means the
            # answer came from somewhere that skipped it (a stale cache entry).
            self.warnings.append(f"{field}: quote not found in the article: {quote[:80]!r}")
            out.append(Evidence(field=field, quote=quote))
            return
        start, end = self.prepared.to_original(span.start, span.end)
        out.append(
            Evidence(field=field, quote=self.prepared.original[start:end], start=start, end=end)
        )

    # -- values --------------------------------------------------------------------------

    def region(self, party: LLMParty, field: str) -> str | None:
        if party.region is None:
            return None
        mention = party.region.value.strip()
        if party.level == "national":
            return None
        if party.level == "foreign":
            return normalize.normalize_country(mention) or mention
        region = normalize.normalize_region(mention, party.region.quote)
        if region is None and party.institution is not None:
            region = normalize.normalize_region(party.institution.value, party.region.quote)
        if region is not None:
            return region.name
        country = normalize.normalize_country(mention)
        if country is not None:
            return country
        if not _OFFICIAL_PREFIX.match(mention):
            self.warnings.append(f"{field}: {mention!r} is not a Kemendagri region name")
        return mention

    def party(self, raw: LLMParty, role: str, evidence: list[Evidence]) -> Party:
        region = self.region(raw, f"{role}.region")
        leader = None
        if raw.leader is not None:
            name = normalize.clean_name(raw.leader.name) or raw.leader.name.strip()
            title = normalize.normalize_title(raw.leader.title) if raw.leader.title else None
            leader = Leader(name=name, title=title or None)
            self.evidence(f"{role}.leader", raw.leader.quote, evidence)
        for name, quoted in (("region", raw.region), ("institution", raw.institution)):
            if isinstance(quoted, QuotedText):
                self.evidence(f"{role}.{name}", quoted.quote, evidence)
        size = None
        if raw.size is not None and role == "visitor":
            size = raw.size.value
            self.evidence(f"{role}.size", raw.size.quote, evidence)
        return Party(
            region=region,
            level=raw.level,
            branch=raw.branch,
            institution=raw.institution.value.strip() if raw.institution else None,
            leader=leader,
            size=size,
        )

    def kind(self, visit: LLMVisit) -> str:
        """The model's kind, raised to a higher-precedence term found in its quote."""
        if not visit.kind_quote:
            return visit.kind
        found, _ = kind_of(visit.kind_quote)
        if found != "other" and (
            visit.kind not in KIND_ORDER or KIND_ORDER.index(found) < KIND_ORDER.index(visit.kind)
        ):
            return found
        return visit.kind

    def dates(self, visit: LLMVisit) -> tuple[str | None, str | None]:
        """Dates resolved by code from the quoted expressions; the model's reading is
        kept only where code finds nothing and the text supports its precision."""
        start = end = None
        if visit.date_text:
            start, end = normalize.resolve_date(visit.date_text, self.published)
        if visit.end_date_text:
            e_start, e_end = normalize.resolve_date(visit.end_date_text, self.published)
            end = e_end or e_start or end
        if start is None and visit.start_date:
            start = self._supported(visit.start_date, visit.date_text)
        if end is None and visit.end_date and visit.end_date_text:
            end = self._supported(visit.end_date, visit.end_date_text)
        if start is not None and end is not None and end == start:
            end = None  # a one-day visit has no end date
        return start, end

    def _supported(self, value: str, text: str | None) -> str | None:
        """The model's date, with a year it cannot know removed."""
        try:
            check_partial_date(value)
        except ValueError:
            return None
        if value.startswith("--") or self.published is not None:
            return value
        if text and value[:4] in text:
            return value
        if len(value) == 10:  # a day and month whose year the text does not give
            self.warnings.append(f"date {value}: year not in the text, kept as --MM-DD")
            return "--" + value[5:]
        return None

    def visit(self, raw: LLMVisit, index: int) -> Visit:
        evidence: list[Evidence] = []
        visitor = self.party(raw.visitor, "visitor", evidence)
        host = self.party(raw.host, "host", evidence)
        kind = self.kind(raw)
        self.evidence("kind", raw.kind_quote, evidence)
        start, end = self.dates(raw)
        self.evidence("start_date", raw.date_text, evidence)
        self.evidence("end_date", raw.end_date_text, evidence)
        topics: list[str] = []
        seen: set[str] = set()
        for topic in raw.topics:
            phrase = " ".join(topic.topic.split())
            if phrase.casefold() in seen:
                continue
            seen.add(phrase.casefold())
            self.evidence(f"topics[{len(topics)}]", topic.quote, evidence)
            topics.append(phrase)
        domains = list(dict.fromkeys(raw.domains))
        if raw.agreement:
            self.evidence("agreement", raw.agreement_quote, evidence)
        return Visit(
            visitor=visitor,
            host=host,
            kind=kind,  # type: ignore[arg-type]
            start_date=start,
            end_date=end,
            topics=topics,
            domains=domains,
            agreement=raw.agreement,
            evidence=evidence,
        )


def build_visits(
    answer: LLMAnswer,
    prepared: PreparedText,
    published: date | None,
    *,
    grounder: Grounder | None = None,
) -> tuple[bool, list[Visit], list[str]]:
    """Turn a validated model answer into public visits.

    Args:
        answer: the model's answer (already validated against ``prepared.text``).
        prepared: the text the model saw, with its map to the original.
        published: the article's publication date.
        grounder: a :class:`Grounder` over ``prepared.text`` already built for this
            article (validation used one); a new one is built when None.

    Returns:
        ``(is_study_visit, visits, warnings)``.
    """
    if grounder is not None and grounder.text != prepared.text:
        raise ValueError("grounder was built for another text than prepared.text")
    builder = _Builder(prepared, published, grounder)
    visits = [builder.visit(v, i) for i, v in enumerate(answer.visits)]
    return answer.is_study_visit and bool(visits), visits, builder.warnings


__all__ = ["build_visits"]
