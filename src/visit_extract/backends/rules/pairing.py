"""Direction and pairing: who visited whom.

Every actor gets a host and a visitor score: a region its role scores, a country or a
national body the weight of the visit events that name it. The main host is the
actor with the strongest host score (a regency inside a province named as the
destination wins over the province); failing that a foreign country or a ministry
named after a visit word, failing that the most named region that is not the visitor.
Each actor with strong enough visitor cues is a delegation. A delegation that the
events send to further hosts ("ke A dan B", "ke tiga negara, yaitu ...") makes one
visit per host; several delegations at one host make one visit each.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from visit_extract.backends.rules.actors import COUNTRY_WORDS, Actor, foreign_city
from visit_extract.backends.rules.context import Context, Outsider, Role
from visit_extract.backends.rules.events import VISIT_WORDS
from visit_extract.backends.rules.mentions import Mention, in_spans
from visit_extract.normalize import normalize_country
from visit_extract.normalize.gazetteer import Region
from visit_extract.schema import Party

_I = re.IGNORECASE

_NATIONAL_HOST = re.compile(
    r"\b(?:ke|di)\s+((?:Kantor\s+)?(?:Kementerian|Kemendagri|Kemenpan(?:-?RB)?|KemenPAN-RB|"
    r"Bappenas|Ditjen|Direktorat\s+Jenderal|Kemendes(?:a)?|Kemenkeu|Kemenkes|LAN|BPK\s+RI|KPK)"
    r"(?:\s+[A-Z][\w,-]*){0,6})"
)
_FOREIGN_HOST = re.compile(
    VISIT_WORDS
    + r"\b[^.\n]{0,80}?\b(?:ke|di)\s+(?:negara\s+|negeri\s+)?(?:[\w-]+\s+){0,3}?("
    + COUNTRY_WORDS
    + r")\b",
    _I,
)
_FOREIGN_HOST2 = re.compile(
    r"\b(?:digelar|diselenggarakan|oleh)\s+pemerintah\s+(" + COUNTRY_WORDS + r")\b", _I
)


EXTRA_RATIO = 0.6
#: Kemendagri code of DKI Jakarta, the seat of the ministries and national bodies.
_JAKARTA = "31"


@dataclass
class _Votes:
    """What the events say about each actor and each (visitor, host) pair."""

    host: dict[str, float]
    visitor: dict[str, float]
    pair: dict[tuple[str, str], float]
    first: dict[str, Actor]


def _votes(ctx: Context) -> _Votes:
    host: dict[str, float] = defaultdict(float)
    visitor: dict[str, float] = defaultdict(float)
    pair: dict[tuple[str, str], float] = defaultdict(float)
    first: dict[str, Actor] = {}
    for e in ctx.events:
        for h in e.hosts:
            host[h.key] += e.weight
            first.setdefault(h.key, h)
            for v_key in [v.key for v in e.visitors] or [""]:
                pair[(v_key, h.key)] += e.weight
        for v in e.visitors:
            visitor[v.key] += e.weight
            first.setdefault(v.key, v)
    return _Votes(host, visitor, pair, first)


def pair_parties(ctx: Context) -> bool:
    """Stage: choose the hosts and the visiting delegations, and pair them.

    Sets ``ctx.host_role`` and ``ctx.host_roles`` (region hosts), ``ctx.outsiders`` with
    ``ctx.host_party`` and ``ctx.host_evidence`` (a foreign or national host),
    ``ctx.visitors`` (region delegations) and ``ctx.pairs``.

    Args:
        ctx: a context whose ``roles`` and ``events`` are found.

    Returns:
        Whether there is at least one visit.
    """
    roles = ctx.roles
    votes = _votes(ctx)
    host_role = _choose_host(ctx, votes)
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
    main_host = host_role.region.code if host_role else _outside_host_key(ctx)
    if main_host is None:
        return False
    ctx.visitors = _visitors(ctx, candidates)
    lead_score = ctx.visitors[0].visitor if ctx.visitors else 0.0
    national = _national_visitor(ctx, votes, main_host, lead_score)
    if national is None and not ctx.visitors:
        # no delegation cue at all: the most named region that is not the host
        others = [r for r in roles.values() if r is not host_role]
        others.sort(key=lambda r: (r.count, r.visitor), reverse=True)
        if others and others[0].count >= 2:
            ctx.visitors = [others[0]]
        else:
            ctx.visitors = _teaser_visitor(ctx, host_role)
    visitor_keys = [r.region.code for r in ctx.visitors]
    if national is not None:
        ctx.visitors = [r for r in ctx.visitors if r.visitor >= 2.0]
        visitor_keys = [national, *(r.region.code for r in ctx.visitors)]
    if not visitor_keys:
        return False
    ctx.host_roles = [host_role] if host_role else []
    extra = _extra_hosts(ctx, votes, main_host, visitor_keys)
    for i, v in enumerate(visitor_keys):
        # each delegation goes where the events send it, the main one also where they
        # send someone unnamed; one the events send nowhere goes to the main host
        senders = (v, "") if i == 0 else (v,)
        went = [h for h in extra if max(votes.pair.get((s, h), 0.0) for s in senders) >= 2.0]
        # the main host: where the events send this delegation; for the main delegation
        # also when no event sends any other delegation there
        rivals = [o for o in visitor_keys if o != v]
        if (
            not went
            or max(votes.pair.get((s, main_host), 0.0) for s in senders) > 0
            or (i == 0 and not any(votes.pair.get((o, main_host), 0.0) for o in rivals))
        ):
            went.insert(0, main_host)
        ctx.pairs.extend((v, h) for h in went)
    return True


def _teaser_visitor(ctx: Context, host: Role | None) -> list[Role]:
    """The region the "Baca juga" teasers keep naming, when the story names no
    delegation: a regional outlet links its own region's stories, and the story is
    about a guest from there ("kami ingin belajar di sini", told by a visitor who
    never names his region). Only a region named twice there, not the host's area."""
    named: dict[str, list[Mention]] = {}
    for m in ctx.all_mentions:
        if not m.qualifier and in_spans(m.start, ctx.skip):
            named.setdefault(m.region.code, []).append(m)
    ranked = sorted(named.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return []
    region = ranked[0][0].region
    if host is not None and (region.code == host.region.code or _same_area(region, host.region)):
        return []
    role = ctx.roles.setdefault(region.code, Role(region))
    if not role.mentions:
        role.mentions = list(ranked[0])
        role.count = len(ranked[0])
    return [role]


def _outside_host_key(ctx: Context) -> str | None:
    """The key of the foreign or national main host, registered as an outsider."""
    party = ctx.host_party
    if party is None:
        return None
    key = f"foreign:{party.region}" if party.level == "foreign" else f"national:{party.institution}"
    ev = ctx.host_evidence[0]
    actor = Actor(key, ev.start or 0, ev.end or 0, party=party)
    ctx.outsiders[key] = Outsider(actor, "host", party, list(ctx.host_evidence))
    return key


def _national_visitor(ctx: Context, votes: _Votes, host: str, beat: float) -> str | None:
    """A national body the events send somewhere more strongly than any region (whose
    best visitor score is ``beat``)."""
    best = max(
        (k for k in votes.visitor if k.startswith("national:") and k != host),
        key=lambda k: votes.visitor[k] - votes.host.get(k, 0.0),
        default=None,
    )
    if (
        best is None
        or votes.visitor[best] < max(2.0, beat + 0.1)
        or votes.host.get(best, 0.0) >= votes.visitor[best]
    ):
        return None
    actor = votes.first[best]
    assert actor.party is not None
    ev = ctx.evidence("visitor.region", actor.start, actor.end)
    ctx.outsiders[best] = Outsider(actor, "visitor", actor.party, [ev])
    return best


def _extra_hosts(ctx: Context, votes: _Votes, main: str, visitors: list[str]) -> list[str]:
    """Further hosts the delegations' events go to, each one visit of its own."""
    taken = [main, *visitors]
    first = next((e for e in ctx.events if e.hosts), None)
    lead = {h.key for h in first.hosts} if first is not None else set()
    out: list[str] = []
    for key, score in sorted(votes.host.items(), key=lambda kv: -kv[1]):
        if key in taken or score < 2.0 or key.startswith("national:"):
            continue
        # the seat of a national host is no leg of its own
        if key == _JAKARTA and main.startswith("national:"):
            continue
        # a stop named once beside a destination the article keeps returning to is
        # a passing mention, not a leg of its own, unless the lead lists it
        if score < EXTRA_RATIO * votes.host.get(main, 0.0) and key not in lead:
            continue
        if max(votes.pair.get((v, key), 0.0) for v in ["", *visitors]) < 2.0:
            continue
        role = ctx.roles.get(key)
        if role is not None:
            if role.visitor > role.host:
                continue
            region = role.region
            if any(_same_area(region, o) for o in _regions(ctx, taken)):
                continue
        out.append(key)
        taken.append(key)
        if role is not None:
            ctx.host_roles.append(role)
        else:
            actor = votes.first[key]
            assert actor.party is not None
            ev = ctx.evidence("host.region", actor.start, actor.end)
            ctx.outsiders[key] = Outsider(actor, "host", actor.party, [ev])
    return out


def _regions(ctx: Context, keys: list[str]) -> list[Region]:
    return [ctx.roles[k].region for k in keys if k in ctx.roles]


_INSTITUTION = re.compile(
    r"\b(?:DPRD|Pemprov|Pemkab|Pemkot|Pemerintah|Gubernur|Wakil\s+Gubernur|Wagub|Bupati|"
    r"Wabup|Wali\s*[Kk]ota|Wawali|Sekda|Setda|Sekretariat|Dinas|Badan|Biro|Kantor|"
    # agencies and the PKK by their short names ("Bappeda Provinsi A", "TP PKK Provinsi A")
    r"Bappeda\w*|Bapenda|BPKAD|BKD|BKPSDM|BPSDM|BPBD|Inspektorat|RSUD|PKK|Dinkes|Dinsos|"
    r"Dishub|Disdik\w*|Dispar\w*|Diskominfo\w*|Disdukcapil|DPMD|DPMPTSP|Asisten)\b"
)


def _own_institution(ctx: Context, m: Mention | None) -> bool:
    """Whether the words right before a mention name an institution of the region."""
    return m is not None and bool(
        _INSTITUTION.search(ctx.text, max(0, m.prefix_start - 15), m.start)
    )


def _bare_province(ctx: Context, role: Role) -> bool:
    """A province named as a destination without an institution of its own ("ke
    Bali"), which a regency or city inside it may stand for; "DPRD Jatim" may not."""
    m = role.host_mention
    if role.region.level != "province" or m is None:
        return False
    return not _own_institution(ctx, m)


def _choose_host(ctx: Context, votes: _Votes) -> Role | None:
    """The host region's role; or None, with ``ctx.host_party`` set for a foreign
    country or a ministry named as the destination."""
    text = ctx.text
    ranked_hosts = sorted(ctx.roles.values(), key=lambda r: (r.host, r.count), reverse=True)
    if ranked_hosts and _bare_province(ctx, ranked_hosts[0]):
        # "studi banding ke Bali" after "pergi ke Denpasar": the city inside is the host
        inside = [
            r
            for r in ranked_hosts[1:]
            if r.host >= max(2.0, ranked_hosts[0].host / 2)
            and r.region.province == ranked_hosts[0].region.name
        ]
        if inside:
            ranked_hosts = [inside[0], *[r for r in ranked_hosts if r is not inside[0]]]
    best = ranked_hosts[0] if ranked_hosts and ranked_hosts[0].host >= 2.0 else None
    outside = max(
        (k for k in votes.host if k not in ctx.roles),
        key=lambda k: votes.host[k],
        default=None,
    )
    # "kunker ke Jakarta ... berkonsultasi dengan Kemendagri": the city only locates the
    # ministry; a destination named "Jakarta" alone yields to a national body hosting
    beat = best.host + 0.1 if best else 0.0
    if (
        best is not None
        and outside is not None
        and outside.startswith("national:")
        and (
            (best.region.code == _JAKARTA and _bare_province(ctx, best))
            # "DPRD A konsultasi ke Kemendes ... soal dana desa di A": the delegation's
            # own region, named once as a place, is no rival of the ministry it visits
            or best.visitor > best.host
        )
    ):
        beat = 0.0
    if outside is not None and votes.host[outside] >= max(2.0, beat):
        actor = votes.first[outside]
        assert actor.party is not None
        ctx.host_party = actor.party
        ctx.host_evidence.append(ctx.evidence("host.region", actor.start, actor.end))
        return None
    if best is not None:
        return best
    fm = _FOREIGN_HOST.search(text) or _FOREIGN_HOST2.search(text)
    if fm:
        # a destination abroad that is no known country leaves the host unknown
        word = fm.group(1)
        country = normalize_country(word) or foreign_city(word)
        if country and word[0].isupper():
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


def _visitors(ctx: Context, candidates: list[Role]) -> list[Role]:
    """One role per visiting delegation, the strongest first."""
    # A province is no party of its own when a regency or city inside it is named as
    # one about as strongly: "Kota Denpasar, Bali", "Kabupaten Joneponto Propinsi
    # Sulawesi Selatan"; a provincial delegation that names one of its regencies in
    # passing stays ("peserta dari Pemprov Papua ... Kabupaten Jayapura"), and so does
    # one named with its own institution or head: "Gubernur A dan Bupati B berangkat" is
    # the province's delegation, the regency travelling along (LABELING co-participants).
    named = [
        r for r in ctx.roles.values() if r.region.level != "province" and (r.visitor or r.host)
    ]
    candidates = [
        r
        for r in candidates
        if r.region.level != "province"
        or _own_institution(ctx, r.visitor_mention)
        or not any(
            o.region.province == r.region.name and o.visitor + o.host >= r.visitor / 2
            for o in named
        )
    ]
    visitors: list[Role] = []
    if candidates:
        visitors.append(candidates[0])
        for r in candidates[1:]:
            if r.visitor >= 2.0 and not _same_area(r.region, visitors[0].region):
                visitors.append(r)
    return visitors


def _same_area(a: Region, b: Region) -> bool:
    """A province and a regency inside it are one party's names, not two delegations."""
    return (a.level == "province" and b.province == a.name) or (
        b.level == "province" and a.province == b.name
    )
