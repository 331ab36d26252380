"""The people of one article, indexed for the leader cues.

Who is named at a place in the text (a found official, or a bare name read there),
who is named just before it, which region a person speaks for, and who stands in for
an absent head ("Wali Kota X yang diwakili <person>", "<person> mewakili Bupati X",
"Pemkab X melalui <person>"). Look-ups go by bisection, so that every cue costs the
same however many people and places the article names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.names import name_before, read_name
from visit_extract.backends.rules.people import AS_OFFICE, Person, same_person
from visit_extract.backends.rules.titles import title_at
from visit_extract.normalize.gazetteer import Region

_I = re.IGNORECASE

_AS = re.compile(r"[\s,]*(?:" + AS_OFFICE + r")?\s*", _I)
# "<title X> yang diwakili <person>", "Pemkab X melalui <person>"; "<person> mewakili <title X>"
# (the look-aheads list what each form may start with, a space, a comma or the first
# letter of one of its words: they spare the alternatives everywhere else)
_REPRESENTED = re.compile(
    r"(?=[\s,ydm])[\s,]*(?:(?:yang\s+)?di\s?wakili\s+(?:oleh\s+)?|melalui\s+)", _I
)
# The level of region a head's title names ("Wakil Bupati": a regency).
_LEVELS = {
    "Bupati": "regency", "Wakil Bupati": "regency", "Wali Kota": "city",
    "Wakil Wali Kota": "city", "Gubernur": "province", "Wakil Gubernur": "province",
}  # fmt: skip
_ACTING = re.compile(r"^(?:Plt|Plh|Pjs?) ")
_LEAD = re.compile(r"[ \t]*")
_REPRESENTS = re.compile(r"(?=[\s,hym])[\s,]*(?:hadir\s+|yang\s+)?mewakili\s+", _I)


class Roster:
    """The people and places of one article, for the leader stage.

    Attributes:
        text: the article text.
        people: officials found in it (:func:`~.people.find_people`), in text order.
        absent: heads who sent a stand-in, by their start offset -> the stand-in.
        stand_ins: stand-ins by the region code of the head they represent (None when
            the text does not tell).
    """

    def __init__(self, text: str, people: list[Person], mentions: list[Mention]) -> None:
        self.text = text
        self.people = people
        self.mentions = mentions
        self.absent: dict[int, Person] = {}
        self._starts = [p.start for p in people]
        # who a name refers back to, asked once per name (a cue may ask for every person)
        self._known: dict[tuple[str, bool], Person | None] = {}
        self._short: dict[tuple[str, None], Person | None] = {}
        self._placed = [p for p in people if p.region is not None]
        self._ends = [m.end for m in mentions]
        self._prefixes = [m.prefix_start for m in mentions]
        self._places = {m.start for m in mentions} | set(self._prefixes)
        self._placed_by_level: dict[int, str] = {}
        self.stand_ins = self._read_stand_ins()

    def at(self, pos: int) -> Person | None:
        """The person named at ``pos``: a found one (or whoever stands in for them), or
        a bare name read there, with the title and region the article gives it."""
        i = bisect_left(self._starts, pos)
        if i < len(self._starts) and self._starts[i] - pos <= 3:
            p = self.people[i]
            return self.absent.get(p.start, p)
        got = read_name(self.text, pos)
        if got is None:
            return self._titled_at(pos)
        name, a, b = got
        known = self._same(name, placed=False)
        sel = _AS.match(self.text, b)
        title = title_at(self.text, sel.end()) if sel and not self._named_at(sel.end()) else None
        if title is not None:
            return Person(name, title[0] or None, known.region if known else None, a, title[1], a)
        if known is not None:
            return Person(known.name, known.title, known.region, a, b, a)
        short = self._shorter(name)  # the whole name read here, the title given to part of it
        if short is not None:
            return Person(name, short.title, short.region, a, b, a)
        return Person(name, None, None, a, b, a)

    def _titled_at(self, pos: int) -> Person | None:
        """A title in lower case and a name after it, at a cue: "dipimpin wakil ketua
        komisi II Budi" (without its region such a title is not read anywhere else)."""
        lead = _LEAD.match(self.text, pos)
        start = lead.end() if lead else pos
        if self.text[start : start + 1].isupper():
            return None  # a capitalised title was read, or left out for a reason, before
        got = title_at(self.text, start)
        if got is None:
            return None
        named = read_name(self.text, got[1])
        if named is None or named[1] in self._places:
            return None  # no name, or a place: "dipimpin bupati Klaten"
        known = self._same(named[0], placed=False)
        region = known.region if known is not None else None
        return Person(named[0], got[0] or None, region, start, named[2], named[1])

    def _named_at(self, pos: int) -> bool:
        """Whether a person named title first starts at ``pos``: "dipimpin Budi, Kepala
        Dinas Sosial Joko dan ..." lists Joko with his title, it is not Budi's."""
        i = bisect_left(self._starts, pos)
        return i < len(self._starts) and self._starts[i] == pos and self.people[i].name_start > pos

    def named_before(self, pos: int) -> Person | None:
        """The person whose bare name ends just before ``pos`` ("Budi" in "kata Budi selaku
        ketua rombongan"), with the title and region the article gives the name."""
        got = name_before(self.text, pos)
        if got is None:
            return None
        name, a = got
        known = self._same(name, placed=False)
        if known is not None:
            return Person(known.name, known.title, known.region, a, pos, a)
        short = self._shorter(name)
        if short is not None:
            return Person(name, short.title, short.region, a, pos, a)
        return Person(name, None, None, a, pos, a)

    def before(self, pos: int, reach: int = 40) -> Person | None:
        """The person whose name (or title, name first) ends within ``reach`` before ``pos``."""
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.people[i].start < 250:
            p = self.people[i]
            if p.end <= pos and pos - p.end <= reach:
                return p
            i -= 1
        return None

    def region_of(self, p: Person) -> str | None:
        """The region code of a person, from another mention of the same name if need be,
        or from the level of their title (:meth:`place`)."""
        if p.region is not None:
            return p.region.code
        other = self._same(p.name, placed=True)
        if other is not None and other.region is not None:
            return other.region.code
        return self._placed_by_level.get(p.start)

    def place(self, parties: list[Region]) -> None:
        """Place the heads of region named without their region among the parties: "kata
        Bupati Sri Wahyuni" speaks for the one regency among them (not for a city).

        Args:
            parties: the regions of the article's hosts and delegations.
        """
        for p in self.people:
            level = _LEVELS.get(_ACTING.sub("", p.title or ""))
            if p.region is not None or level is None or self.region_of(p) is not None:
                continue
            codes = {r.code for r in parties if r.level == level}
            if len(codes) == 1:
                self._placed_by_level[p.start] = codes.pop()

    def speaks_for(self, p: Person | None, code: str | None, others: set[str]) -> bool:
        """Whether ``p`` may speak for the party of region ``code``: of that region or of
        none known (``code`` None, a foreign or national party: of no region in ``others``)."""
        if p is None:
            return False
        own = self.region_of(p)
        if own is None:
            return True
        return own == code if code is not None else own not in others

    def own(self, code: str) -> list[Person]:
        """The officials of region ``code`` who did not send a stand-in: named with the
        region, or placed there by :meth:`place`."""
        return [
            p
            for p in self.people
            if (p.region.code if p.region is not None else self._placed_by_level.get(p.start))
            == code
            and p.start not in self.absent
        ]

    def fullest(self, p: Person) -> Person:
        """The person with the fullest title the article gives them: "Plt Bupati" for a
        leader also called "Bupati", "Asisten Pemerintahan dan Kesra" for "Asisten"."""
        title = p.title or ""
        best = title
        for q in self.people:
            t = q.title or ""
            if (
                q.name == p.name
                and len(t) > len(best)
                and (not title or t.endswith(" " + title) or t.startswith(title + " "))
            ):
                best = t
        return p if best == title else replace(p, title=best)

    def regions_before(self, pos: int, reach: int, n: int) -> list[str]:
        """The codes of the last ``n`` regions named within ``reach`` before ``pos``."""
        i = bisect_right(self._ends, pos)
        return [m.region.code for m in self.mentions[max(0, i - n) : i] if pos - m.end < reach]

    def region_end_before(self, pos: int) -> int:
        """Where the last region named before ``pos`` ends (0 when none is)."""
        i = bisect_right(self._ends, pos)
        return self._ends[i - 1] if i else 0

    def region_after(self, pos: int, reach: int) -> str | None:
        """The code of the first region named within ``reach`` after ``pos``."""
        i = bisect_left(self._prefixes, pos)
        if i < len(self.mentions) and self.mentions[i].start - pos <= reach:
            return self.mentions[i].region.code
        return None

    def _same(self, name: str, placed: bool) -> Person | None:
        """:func:`~.people.same_person` among all people, or those with a region."""
        key = (name, placed)
        if key not in self._known:
            self._known[key] = same_person(self._placed if placed else self.people, name)
        return self._known[key]

    def _shorter(self, name: str) -> Person | None:
        """The one titled person named by part of ``name``: "dipimpin Budi Harjo" and
        later "Budi yang juga Kepala Bappeda" (None when no one, or several, are)."""
        key = (name, None)
        if key not in self._short:
            words = set(name.lower().split())
            found = {
                (p.name, p.title): p
                for p in self.people
                if p.title and set(p.name.lower().split()) < words
            }
            self._short[key] = next(iter(found.values())) if len(found) == 1 else None
        return self._short[key]

    def _read_stand_ins(self) -> dict[str | None, Person]:
        """Stand-ins by the region whose absent head they represent; fills ``absent``."""
        out: dict[str | None, Person] = {}
        for m in _REPRESENTED.finditer(self.text):
            head = self.before(m.start(), 3)
            if head is not None:
                code = self.region_of(head)
            else:
                code = next(iter(self.regions_before(m.start(), 26, 1)), None)
            sub = self.at(m.end())
            if sub is None:
                continue
            if head is not None:
                self.absent[head.start] = sub
            out.setdefault(code if code is not None else self.region_of(sub), sub)
        for m in _REPRESENTS.finditer(self.text):
            sub = self.before(m.start(), 3)
            if sub is None:
                continue
            head = self.at(m.end())
            code = self.region_of(head) if head else self.region_after(m.end(), 25)
            if head is not None and head.start in self._starts:
                self.absent[head.start] = sub
            out.setdefault(code if code is not None else self.region_of(sub), sub)
        return out
