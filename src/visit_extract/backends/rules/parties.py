"""Parties: the level, branch and institution of the host and of each delegation.

Two stages around :mod:`~visit_extract.backends.rules.leaders`: :func:`open_sides`
reads, at each party's strongest mention, whether the text names a DPRD or a village
there (the leader search needs the branch); :func:`build_parties` then settles the
branch with the leader's title and builds the :class:`~visit_extract.schema.Party`.
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context, Role, Side
from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.people import title_rank
from visit_extract.normalize.lexicon import HEAD_TITLES, alternation
from visit_extract.schema import Leader, Party

# "PKK Desa Sukamaju Hilir, Kota X", "kepala desa se-Kecamatan X, Kabupaten Y"
_VILLAGE_BEFORE = re.compile(
    r"(?:\b(?:Desa|Kelurahan|Kalurahan|Kampung|Nagari|Gampong|Pekon|Pemdes)\s+"
    # "Desa Sukamaju, Kecamatan Cibadak Hilir, Kabupaten X": its district between
    r"(?:[A-Z][^.;]{0,30}|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3},?\s+Kec(?:amatan|\.)\s*"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})|"
    r"\b(?:[Kk]epala\s+[Dd]esa|[Kk]ades|[Pp]erbekel|[Pp]erangkat\s+[Dd]esa|[Aa]paratur\s+[Dd]esa|"
    r"[Pp]emerintah(?:an)?\s+[Dd]esa|"
    # the village heads and councils under their regional names ("kepala kampung" in
    # Papua, "wali nagari" in West Sumatra, "keuchik" in Aceh, "kuwu" in Cirebon)
    r"[Kk]epala\s+(?:[Kk]ampung|[Gg]ampong|[Pp]ekon|[Ll]embang|[Kk]alurahan)|[Ww]ali\s+[Nn]agari|"
    r"[KkGg]euchik|[Kk]uwu|[Bb]adan\s+[Pp]ermusyawaratan\s+[Dd]esa(?:\s*\(BPD\))?)"
    r"\s+(?:se-?[^.;]{0,40}|(?:dari|asal|di)\s+)?)[,\s]*$"
)
_DPRD = re.compile(r"\b(?:DPRD|DPRK|Komisi\s+[IVX\dA-E]+|Banmus|Pansus|Sekwan|Setwan|Dewan)\b")
# The words before a region that make its party the DPRD: "Komisi II DPRD [Kabupaten]",
# "Dewan Perwakilan Rakyat [Daerah]", "DPRD Kabupaten A dan [Kabupaten] B".
_DPRD_BEFORE = re.compile(
    r"\b(?:DPRD|DPRA|DPRK|DPRP|Dewan\s+Perwakilan\s+Rakyat(?:\s+Daerah)?|"
    r"Komisi\s+[IVX\dA-E]+|Banmus|Badan\s+Musyawarah|Pansus|Sekretariat\s+Dewan|Sekwan|Setwan)"
    r"\s+(?:(?!(?:ke|di|dari|menuju)\b)\w+\s+){0,2}$|"
    r"\bDPRD\s+(?:\w+\s+){1,4}(?:dan|serta)\s+$"
)
_EXEC = re.compile(
    r"\b(?:Pemkab|Pemkot|Pemprov|Pemda|Pemerintah|" + alternation(HEAD_TITLES) + r"|"
    r"Sekda|Setda|Dinas|Dispar\w*|Bappeda|Bapenda|OPD|SKPD|Asisten|Inspektorat|TKPK|"
    r"Diklatpim|"
    # the government's own service units and offices
    r"Mal\s+Pelayanan\s+Publik|MPP|RSUD|Puskesmas|Disdukcapil|Dukcapil|DPMPTSP|PTSP|"
    r"Satpol\s*PP|BPBD|BPKAD|Kecamatan|"
    # its bureaus and their heads, who often receive a DPRD unnamed ("diterima Kabag
    # Hukum Kabupaten X", "Karo Perekonomian Provinsi Y"), and its seats; capitalised,
    # since "bagian" and "kantor" are common words
    r"(?-i:Kabag|Kepala\s+Bagian|Bagian|Kabid|Kepala\s+Bidang|Kadis|Kepala\s+Badan|Biro|Karo|"
    r"Staf\s+Ahli|Balai\s+Kota|Pendopo|Kantor\s+(?:Bupati|Wali\s*[Kk]ota|Gubernur)|"
    r"Sekretariat\s+Daerah|Dinkes|Dinsos|Disdik\w*|Diskominfo|Dishub|Disnaker\w*|DLH))\b",
    re.IGNORECASE,
)
_VILLAGE_NAME = re.compile(r"\b(?:Desa|Kelurahan|Kampung)\s+[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3}")
# "Tim Penggerak PKK Kabupaten X", "TP-PKK X": the family-welfare movement, no government
_PKK_BEFORE = re.compile(r"\bPKK\s*(?:\([^)]*\)\s*)?$")
# "rombongan terdiri dari kepala desa, pengurus PKK, ...": the village head is one of them
_WITH_VILLAGE_HEAD = re.compile(
    r"\b(?:terdiri\s+(?:dari|atas)|beranggotakan|meliputi|termasuk)\s+(?:[^.;\n]{0,80}?\s)?"
    r"(?:kepala\s+desa|kades|perbekel|lurah|kuwu|wali\s+nagari|keuchik|geuchik)\b",
    re.IGNORECASE,
)
_PKK_VILLAGE = re.compile(
    r"\bPKK\s*(?:\([^)]*\)\s*)?(?:Desa|Kelurahan|Kalurahan|Kampung|Nagari|Gampong|Pekon)\s+"
    r"[A-Z][^.;]{0,40}$"
)
# "Pemerintah (Kota) X", "Gubernur Provinsi Ehime", "KBRI Belanda", "Kota Daejeon": a
# government of the place abroad after it (a few words may stand between, no stop)
_GOVERNMENT_ABROAD = re.compile(
    r"\b(?:[Pp]emerintah(?:[ \t]+(?:kota|provinsi|daerah|pusat))?|Pemkot|Pemprov|Gubernur|"
    r"Wali\s*[Kk]ota|Walikota|Mayor|Menteri|Kementerian|Kedutaan|Kedubes|KBRI|KJRI|Konsulat|"
    r"Duta\s+Besar|Dubes|Konjen|Konsul(?:\s+Jenderal)?|Prefektur|Provinsi|Kota|Balai\s+Kota)\b"
    # only names between: "Kedutaan Besar Republik (KBRI) Belanda", "Duta Besar RI untuk
    # Korea Selatan", not "... ke Jepang"
    r"(?:[ \t]*(?:[A-Z][\w'-]*|dan|di|untuk|\([^)\n]*\)|,))*[ \t]*$"
)
# "BUMDesma Rukun Makmur Kecamatan A, Kabupaten B", "Universitas X di Kota B": a host
# that is no government
_ORGANISATION_BEFORE = re.compile(
    r"\b((?:BUMDes(?:ma)?|Badan\s+Usaha\s+Milik\s+Desa|Koperasi|PT|Universitas|Institut|"
    r"Politeknik|Pondok\s+Pesantren|Ponpes|Yayasan|Pabrik|Bank\s+Sampah|Gapoktan|Pokdarwis|"
    r"Kelompok\s+(?:Tani|Wanita\s+Tani|Nelayan|Sadar\s+Wisata|Usaha)|Komunitas|Asosiasi|"
    r"Perumda|Perusda)"
    # a body with a name of its own ("BUMDesma Rukun Makmur"), not a topic ("belajar
    # pengelolaan BUMDes di A"); its name is capitalised words, not a sentence ("Perumda
    # A Kota B melakukan studi banding ke [Kota C]")
    r"(?:\s*\([^)\n]*\))?\s+(?:Bersama\s+)?[A-Z][\w'’&./-]*"
    r"(?:(?:[ \t]*,[ \t]*|[ \t]+)(?:[A-Z0-9][\w'’&./-]*|\([^)\n]*\)|dan|&)){0,9})"
    r"[,\s]*(?:di\s+)?$"
)
# The council's chairs named without "DPRD" ("Ketua Komisi II", "Ketua Pansus III",
# "Wakil Ketua Banggar"): LABELING's titles name the house ("Ketua Komisi II DPRD")
# The chair of one of the council's bodies sits in the DPRD, named with it or not
_BODY_CHAIR = re.compile(r"(?:Wakil\s+)?Ketua\s+(?:Komisi|Pansus|Banmus|Banggar|Bapemperda)\b")
_DPRD_CHAIR = re.compile(
    r"(?:Wakil\s+)?Ketua(?:\s+(?:Komisi|Pansus)\s+\S+|\s+(?:Pansus|Banmus|Banggar|Bapemperda)"
    r"|\s+[IVX]+)?$"
)


def open_side(ctx: Context, role: Role, as_visitor: bool) -> Side:
    """A party's side, read at its strongest visitor (or host) mention.

    Args:
        ctx: the article's context.
        role: the region's role scores.
        as_visitor: whether the region visits (else it hosts).

    Returns:
        The side with its cue, DPRD and village flags and its region evidence.
    """
    text = ctx.text
    prefix = "visitor" if as_visitor else "host"
    cue = (role.visitor_mention if as_visitor else role.host_mention) or role.mentions[0]
    # the DPRD is named at the strongest cue, or where the region's delegation goes (or
    # receives) more often than its government is ("KLATEN - Komisi A DPRD Klaten
    # berkunjung ke ..."; not "Bupati Klaten dan Ketua DPRD Klaten berkunjung ke ...")
    seen = _event_mentions(ctx, role.region.code, as_visitor)
    dprd = sum(_names_dprd(text, m) for m in seen)
    legislative = _names_dprd(text, cue) or dprd > sum(_names_government(text, m) for m in seen)
    village = bool(_VILLAGE_BEFORE.search(text[max(0, cue.prefix_start - 100) : cue.prefix_start]))
    side = Side(role, prefix, cue, legislative, village)
    side.evidence.append(ctx.evidence(f"{prefix}.region", cue.prefix_start, cue.end))
    return side


def _names_dprd(text: str, m: Mention) -> bool:
    before = text[max(0, m.prefix_start - 60) : m.prefix_start]
    return bool(_DPRD.search(text, m.prefix_start, m.end)) or bool(_DPRD_BEFORE.search(before))


def _names_government(text: str, m: Mention) -> bool:
    return bool(_EXEC.search(text, max(0, m.prefix_start - 30), m.start))


def _event_mentions(ctx: Context, code: str, as_visitor: bool) -> list[Mention]:
    """The mentions of region ``code`` that the visit events cast in the given role."""
    out = []
    for e in ctx.events:
        for a in e.visitors if as_visitor else e.hosts:
            if a.key == code and a.mention is not None:
                out.append(a.mention)
    return out


def open_sides(ctx: Context) -> None:
    """Stage: open a side for every region host (``ctx.host`` is the main one) and one
    side per visiting region."""
    ctx.hosts = {r.region.code: open_side(ctx, r, False) for r in ctx.host_roles}
    if ctx.host_role is not None:
        ctx.host = ctx.hosts[ctx.host_role.region.code]
    ctx.sides = {r.region.code: open_side(ctx, r, True) for r in ctx.visitors}


def build_parties(ctx: Context) -> None:
    """Stage: the finished :class:`Party` of every side.

    A region host becomes its DPRD when a DPRD delegation visits it and the article
    names the host's DPRD more often than its government.
    """
    for side in [*ctx.hosts.values(), *ctx.sides.values()]:
        side.party = _party(ctx, side)
    # A host abroad is its government only where the text names one ("Pemerintah
    # Jepang", "Gubernur Provinsi Ehime", "KBRI Belanda", "Kota Daejeon"); an institute,
    # a company or a village visited there is branch other (LABELING).
    for out in ctx.outsiders.values():
        party = out.party
        abroad = out.prefix == "host" and party.level == "foreign" and party.region
        if abroad and not _foreign_government(ctx, str(party.region)):
            out.party = party.model_copy(update={"branch": "other"})
    # A DPRD delegation visiting a region whose DPRD the article names is the guest of
    # that DPRD ("kunjungan kerja Komisi C DPRD X ke Y ... anggota DPRD Y"); so is one
    # whose host the article names by the region alone ("kunker ke Kabupaten Y"):
    # a DPRD's working visit goes to its counterpart unless a government receives it.
    if not any(s.party is not None and s.party.branch == "legislative" for s in ctx.sides.values()):
        return
    text = ctx.text
    for host in ctx.hosts.values():
        if host.party is None or host.party.branch != "executive" or host.party.leader:
            continue
        role = host.role
        dprd = sum(1 for m in role.mentions if "DPRD" in text[m.prefix_start : m.start])
        exe = sum(1 for m in role.mentions if _EXEC.search(text[m.prefix_start : m.start]))
        bare = not dprd and not any(_names_government(text, m) for m in role.mentions)
        if dprd > exe or (bare and not host.village):
            host.party = host.party.model_copy(
                update={"branch": "legislative", "institution": f"DPRD {role.region.name}"}
            )


def _foreign_government(ctx: Context, country: str) -> bool:
    """Whether a government word stands right before a name of ``country`` (its own
    name or one of its cities) anywhere in the text."""
    key = f"foreign:{country}"
    text = ctx.text
    return any(
        _GOVERNMENT_ABROAD.search(text, max(0, a.start - 45), a.start)
        for a in ctx.actors
        if a.key == key
    )


def _party(ctx: Context, side: Side) -> Party:
    region = side.role.region
    legislative = side.legislative
    leader: Leader | None = None
    if side.leader is not None:
        leader = Leader(name=side.leader.name, title=side.leader.title)
    if leader is not None and leader.title:
        if "DPRD" in leader.title or _BODY_CHAIR.match(leader.title):
            legislative = True
        elif title_rank(leader.title) >= 7:
            legislative = False
    if leader is not None and legislative and leader.title and _DPRD_CHAIR.match(leader.title):
        leader = Leader(name=leader.name, title=leader.title + " DPRD")
    start = side.cue.prefix_start
    pkk = (
        side.prefix == "visitor"
        and not legislative
        and (
            _PKK_BEFORE.search(ctx.text, max(0, start - 20), start)
            if not side.village
            # "TP PKK Desa Sendang, Kabupaten A": the village's PKK, unless the village
            # head travels in it (then it is the village government's delegation)
            else _PKK_VILLAGE.search(ctx.text, max(0, start - 70), start)
            and not _WITH_VILLAGE_HEAD.search(ctx.text)
        )
    )
    if pkk:
        # LABELING: a PKK delegation is a visitor of its tier, branch other
        return Party(
            region=region.name,
            level="village" if side.village else region.level,
            branch="other",
            institution=f"TP PKK {region.name}",
            leader=leader,
        )
    org = None
    if side.prefix == "host" and not legislative and not side.village:
        before = ctx.text[max(0, side.cue.prefix_start - 90) : side.cue.prefix_start]
        org = _ORGANISATION_BEFORE.search(before)
        if org is not None and _EXEC.search(before, org.end()):
            org = None
    if org is not None:
        # LABELING: a village enterprise, a cooperative, a university or a company
        # visited is a party of level and branch other, in the region it stands in
        return Party(
            region=region.name,
            level="other",
            branch="other",
            institution=org.group(1),
            leader=leader,
        )
    if legislative:
        institution = f"DPRD {region.name}"
    elif side.village:
        phrase = ctx.text[max(0, side.cue.prefix_start - 40) : side.cue.end]
        vm = _VILLAGE_NAME.search(phrase)
        institution = vm.group() if vm else f"Desa di {region.name}"
    else:
        institution = f"Pemerintah {region.name}"
    return Party(
        region=region.name,
        level="village" if side.village else region.level,
        branch="legislative" if legislative else "executive",
        institution=institution,
        leader=leader,
    )
