"""Direction and pairing: which region hosts, which delegations visit it.

The host is the region with the strongest host cues; failing that a foreign country
("studi banding ke Jepang") or a ministry ("ke Kementerian PAN-RB"), failing that the
most named region that is not the visitor. Each visiting region with strong enough
visitor cues makes one visit to that host.
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context, Role
from visit_extract.backends.rules.roles import VISIT_WORDS
from visit_extract.normalize import normalize_country
from visit_extract.normalize.gazetteer import Region
from visit_extract.schema import Party

_I = re.IGNORECASE

_NATIONAL_HOST = re.compile(
    r"\b(?:ke|di)\s+((?:Kantor\s+)?(?:Kementerian|Kemendagri|Kemenpan(?:-?RB)?|KemenPAN-RB|"
    r"Bappenas|Ditjen|Direktorat\s+Jenderal|Kemendes(?:a)?|Kemenkeu|Kemenkes|LAN|BPK\s+RI|KPK)"
    r"(?:\s+[A-Z][\w,-]*){0,6})"
)
_FOREIGN_CITIES = {
    "tokyo": "Japan", "osaka": "Japan", "kyoto": "Japan", "seoul": "South Korea",
    "busan": "South Korea", "beijing": "China", "shanghai": "China", "guangzhou": "China",
    "kuala lumpur": "Malaysia", "penang": "Malaysia", "bangkok": "Thailand",
    "amsterdam": "Netherlands", "den haag": "Netherlands", "rotterdam": "Netherlands",
    "berlin": "Germany", "munich": "Germany", "sydney": "Australia", "melbourne": "Australia",
    "perth": "Australia", "london": "United Kingdom", "paris": "France",
    "washington": "United States", "new york": "United States", "taipei": "Taiwan",
    "hanoi": "Vietnam", "manila": "Philippines", "istanbul": "Turkey",
    "dubai": "United Arab Emirates",
}  # fmt: skip
_COUNTRY_WORDS = (
    r"Jepang|Korea\s+Selatan|Korsel|Tiongkok|China|Cina|Malaysia|Singapura|Thailand|Belanda|"
    r"Jerman|Australia|Amerika\s+Serikat|Inggris|Perancis|Prancis|Swiss|Selandia\s+Baru|"
    r"India|Vietnam|Filipina|Taiwan|Turki|Arab\s+Saudi|Austria|Belgia|Denmark|Swedia|"
    r"Norwegia|Finlandia|Italia|Spanyol|Kanada|Rusia|Timor\s+Leste|Brunei(?:\s+Darussalam)?|"
    r"Korea|Tokyo|Osaka|Kyoto|Seoul|Busan|Beijing|Shanghai|Guangzhou|Kuala\s+Lumpur|Penang|"
    r"Bangkok|Amsterdam|Den\s+Haag|Rotterdam|Berlin|Sydney|Melbourne|Perth|London|Paris|"
    r"Taipei|Hanoi|Manila|Istanbul|Dubai"
)
_FOREIGN_HOST = re.compile(
    VISIT_WORDS
    + r"\b[^.\n]{0,80}?\b(?:ke|di)\s+(?:negara\s+|negeri\s+)?(?:[\w-]+\s+){0,3}?("
    + _COUNTRY_WORDS
    + r")\b",
    _I,
)
_FOREIGN_HOST2 = re.compile(
    r"\b(?:digelar|diselenggarakan|oleh)\s+(?:Pemerintah|pemerintah)\s+(" + _COUNTRY_WORDS + r")\b"
)


def pair_parties(ctx: Context) -> bool:
    """Stage: choose the host and the visiting delegations.

    Sets ``ctx.host_role`` (a region host) or ``ctx.host_party`` with
    ``ctx.host_evidence`` (a foreign or national host), and ``ctx.visitors``.

    Args:
        ctx: a context whose ``roles`` are scored.

    Returns:
        Whether there is a host and at least one visitor, i.e. any visit at all.
    """
    roles = ctx.roles
    host_role = _choose_host(ctx)
    # Heads of region listed together count as visitors only when no delegation stands
    # out on its own ("Mereka adalah Bupati A, Bupati B ..."), not when the list only
    # names who else attended ("Delegasi lainnya terdiri dari Wali Kota A, ...").
    lead = max((r.visitor for r in roles.values() if r is not host_role), default=0.0)
    for r in roles.values():
        if r.listed and lead < 3.0:
            r.visitor += r.listed
    candidates = [
        r for r in roles.values() if r is not host_role and r.visitor > 0 and r.visitor >= r.host
    ]
    candidates.sort(key=lambda r: (r.visitor, r.count), reverse=True)
    if host_role is None and ctx.host_party is None and len(candidates) >= 1:
        # no host cue at all: the most named region that is not the visitor
        others = [r for r in roles.values() if r is not candidates[0]]
        others.sort(key=lambda r: (r.count, r.host), reverse=True)
        if others and others[0].count >= 2:
            host_role = others[0]
            candidates = [r for r in candidates if r is not host_role]
    ctx.host_role = host_role
    ctx.visitors = _visitors(roles, candidates, host_role)
    return (host_role is not None or ctx.host_party is not None) and bool(ctx.visitors)


def _choose_host(ctx: Context) -> Role | None:
    """The host region's role; or None, with ``ctx.host_party`` set for a foreign
    country or a ministry named as the destination."""
    text = ctx.text
    ranked_hosts = sorted(ctx.roles.values(), key=lambda r: (r.host, r.count), reverse=True)
    if ranked_hosts and ranked_hosts[0].region.level == "province":
        # "studi banding ke Bali" after "pergi ke Denpasar": the city inside is the host
        inside = [
            r
            for r in ranked_hosts[1:]
            if r.host >= max(2.0, ranked_hosts[0].host / 2)
            and r.region.province == ranked_hosts[0].region.name
        ]
        if inside:
            ranked_hosts = [inside[0], *[r for r in ranked_hosts if r is not inside[0]]]
    if ranked_hosts and ranked_hosts[0].host >= 2.0:
        return ranked_hosts[0]
    fm = _FOREIGN_HOST.search(text) or _FOREIGN_HOST2.search(text)
    if fm:
        # a destination abroad that is no known country leaves the host unknown
        word = fm.group(1)
        country = normalize_country(word) or _FOREIGN_CITIES.get(" ".join(word.lower().split()))
        if country:
            ctx.host_party = Party(
                region=country, level="foreign", branch="executive",
                institution=f"Pemerintah {word}",
            )  # fmt: skip
            ctx.host_evidence.append(ctx.evidence("host.region", fm.start(1), fm.end(1)))
        return None
    nm = _NATIONAL_HOST.search(text)
    if nm:
        ctx.host_party = Party(
            region=None, level="national", branch="executive", institution=nm.group(1)
        )
        ctx.host_evidence.append(ctx.evidence("host.region", nm.start(1), nm.end(1)))
        return None
    if ranked_hosts and ranked_hosts[0].host > 0:
        return ranked_hosts[0]
    return None


def _visitors(roles: dict[str, Role], candidates: list[Role], host_role: Role | None) -> list[Role]:
    """One role per visiting delegation, the strongest first."""
    # A province is only a party when no regency or city inside it is named as one:
    # "Kota Denpasar, Bali" or "Kabupaten Joneponto Propinsi Sulawesi Selatan".
    named = [r for r in roles.values() if r.region.level != "province" and (r.visitor or r.host)]
    candidates = [
        r
        for r in candidates
        if r.region.level != "province"
        or not any(o.region.province == r.region.name for o in named)
    ]
    visitors: list[Role] = []
    if candidates:
        visitors.append(candidates[0])
        for r in candidates[1:]:
            if r.visitor >= 2.0 and not _same_area(r.region, visitors[0].region):
                visitors.append(r)
    if not visitors and host_role is not None:
        others = [r for r in roles.values() if r is not host_role]
        others.sort(key=lambda r: (r.count, r.visitor), reverse=True)
        if others and others[0].count >= 2:
            visitors.append(others[0])
    return visitors


def _same_area(a: Region, b: Region) -> bool:
    """A province and a regency inside it are one party's names, not two delegations."""
    return (a.level == "province" and b.province == a.name) or (
        b.level == "province" and a.province == b.name
    )
