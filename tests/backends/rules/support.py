"""Running the rules stages up to one of them, for the stage tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.extractor import STAGES
from visit_extract.backends.rules.mentions import find_regions
from visit_extract.backends.rules.pairing import pair_parties
from visit_extract.backends.rules.people import find_people
from visit_extract.backends.rules.roles import score_roles


def context_through(
    text: str, last: Callable[[Context], None], published: date | None = None
) -> Context:
    """The context of ``text`` after the stages up to and including ``last``.

    Fails the calling test when the text has no host and visitor to pair.
    """
    ctx = read_article(text, published)
    score_roles(ctx)
    assert pair_parties(ctx), "the test text must name a host and a visitor"
    for stage in STAGES:
        stage(ctx)
        if stage is last:
            return ctx
    raise ValueError(f"{last.__name__} is not a stage after pairing")


def people_of(text: str) -> list[tuple[str, str | None, str | None]]:
    """``(name, title, region name)`` of every official :func:`find_people` reads in ``text``."""
    return [
        (p.name, p.title, p.region.name if p.region else None)
        for p in find_people(text, find_regions(text))
    ]


#: Invented sentences that wake every rules step: dates, ranges and "kemarin", regions
#: with their prefixes and a locating province, officials with titles, visit and
#: learning cues, a size, topics, an agreement, a "Baca juga" line, a header stamp, a
#: name with an abbreviation inside and leader cues.
BUSY_SENTENCES = (
    "Senin (25/2) hingga Rabu (27/2/2019), 13/1/2020, kemarin, ",
    "Rombongan Pemkab Klaten yang dipimpin Wakil Bupati Rahmat Sudarsono berkunjung ke "
    "Kota Denpasar, Kamis (28/2), untuk studi banding tentang pengelolaan sampah. ",
    "Mereka diterima Wali Kota Denpasar Made Wiratama di ruang rapat pada 10-12 Maret "
    "2019 hingga 14 Maret 2019. ",
    "Sebanyak 40 orang anggota DPRD Provinsi Jawa Tengah belajar ke Kabupaten Banyuwangi "
    "soal Mal Pelayanan Publik dan BUMDes, Selasa lalu.\n",
    "Baca juga: Bupati Gianyar meresmikan pasar, Jumat (1/3)\n",
    "Kamis, 28 Februari 2019 10:15 WIB\n",
    "Sekda Ogan Komering Ulu (OKU) Timur ikut bersama Camat Sukamaju, dipimpin oleh "
    "Kepala Dinas Pariwisata Kota Makassar, diwakili Asisten II, selaku ketua rombongan. ",
    "Kedua daerah menandatangani nota kesepahaman kerja sama, kata Kepala Bappeda "
    "Kabupaten Sleman Agus Santoso, Rabu-Kamis (16-17/10). ",
)
#: Fillers by name: whole sentences; the same run on without a full stop or a line break
#: (a scrape that lost them: every "sentence" or "line" then spans the whole text); and
#: the repeated dates that issue 11 timed.
FILLERS = {
    "sentences": "".join(BUSY_SENTENCES),
    "run-on": "".join(BUSY_SENTENCES).replace(". ", ", ").replace(".\n", ", ").replace("\n", ", "),
    "dates": BUSY_SENTENCES[0],
}


def grown_text(size: int, filler: str = "sentences") -> str:
    """A visit report (one copy of every busy sentence) followed by repeats of a filler,
    cut to ``size`` characters: text for timing the rules on ever longer articles."""
    head = "".join(BUSY_SENTENCES) + "\n"
    chunk = FILLERS[filler]
    reps = max(0, size - len(head)) // len(chunk) + 1
    return (head + chunk * reps)[:size]
