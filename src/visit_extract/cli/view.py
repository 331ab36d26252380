"""A short view of an extraction for a person at a terminal: what ``extract`` prints
instead of the full JSON (evidence, usage, timing) when nobody pipes it anywhere."""

from __future__ import annotations

from visit_extract.schema import Party, Visit, VisitExtraction


def _party(party: Party) -> str:
    """``Kabupaten Lahat (Bupati Cik Ujang, 60 people)``; ``?`` when nothing is known."""
    name = party.region or party.institution or "?"
    details = []
    if party.leader is not None:
        details.append(" ".join(p for p in (party.leader.title, party.leader.name) if p))
    if party.size:
        details.append(f"{party.size} people")
    return f"{name} ({', '.join(details)})" if details else name


def _dates(visit: Visit) -> str:
    if visit.start_date and visit.end_date and visit.end_date != visit.start_date:
        return f"{visit.start_date} to {visit.end_date}"
    return visit.start_date or visit.end_date or "not given"


def format_extraction(result: VisitExtraction) -> str:
    """A few lines per visit: who went where, when, what for.

    Args:
        result: one extraction.

    Returns:
        The lines, without a trailing newline.
    """
    made_by = result.backend + (f" {result.model}" if result.model else "")
    if result.score is not None:
        made_by += f", score {result.score:.2f}"
    answer = "yes" if result.is_study_visit else "no"
    lines = [f"{result.id or 'article'}: study visit: {answer} ({made_by})"]
    for number, visit in enumerate(result.visits, start=1):
        lines.append(f"  visit {number}: {_party(visit.visitor)} -> {_party(visit.host)}")
        lines.append(f"    kind: {visit.kind}; dates: {_dates(visit)}")
        if visit.topics:
            lines.append(f"    topics: {'; '.join(visit.topics)}")
        if visit.domains:
            lines.append(f"    domains: {', '.join(visit.domains)}")
        if visit.agreement:
            lines.append("    an agreement (MoU) was signed")
    lines += [f"  warning: {w}" for w in result.warnings]
    return "\n".join(lines)


#: The last line of the view, once per command.
MORE = "(--json prints everything: evidence quotes, usage, timing)"

__all__ = ["MORE", "format_extraction"]
