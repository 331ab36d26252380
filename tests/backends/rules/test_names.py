"""Names (backends/rules/names.py): what a name is and where it ends, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.names import looks_like_name, name_before, read_name

from .support import people_of


def test_degrees_before_the_comma_are_skipped() -> None:
    text = "Bambang Irawan, S.Sos., MM, Kepala Bappeda"
    assert name_before(text, text.index(", Kepala")) == ("Bambang Irawan", 0)


@pytest.mark.parametrize(
    "name",
    [
        "I Gusti Agung Ngurah Rai",
        "Ni Made Sri Wahyuni",
        "Anak Agung Gede Putra",
        "Cokorda Istri Dewi",
        "Andi Makmur",
        "La Ode Rahim",
        "Tumpal Hutapea",
        "Yohanis Wenda",
        "Sutrisno",
        "Lalu Gede Pranata",
        "Dina Mariana",
    ],
)
def test_names_of_every_region_read_whole(name: str) -> None:
    assert looks_like_name(name)
    assert people_of(f"Ia disambut Wakil Bupati Gianyar {name} di pendopo.") == [
        (name, "Wakil Bupati", "Kabupaten Gianyar")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Surat itu diteken Sekretaris Daerah pada pagi hari.",
        "Hadir Kepala Dinas Komunikasi dan Informatika.",
        "Kepala Bagian Organisasi Setda belum hadir.",
        "Ia kembali menjadi Bupati Klaten Januari lalu.",
        "Wakil Bupati Klaten Senin pagi tiba.",
        "Yang datang asisten pelatih tim itu.",
        "Pengganti Inspektur Jenderal Budi belum ada.",
        "Target itu kata Bupati Klaten. Anggaran naik.",
    ],
)
def test_words_that_are_no_names(text: str) -> None:
    assert people_of(text) == []


def test_ranks_are_no_part_of_the_name() -> None:
    assert people_of("Hadir Kepala BNNP Brigjen Pol Rudi Santoso di sana.") == [
        ("Rudi Santoso", "Kepala BNNP", None)
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Moch. Saleh Bantilan", "Moch Saleh Bantilan"),
        ("Dr. dr. Hj. Rina Sari, M.Kes", "Rina Sari"),
        ("Prof. Dr. Ir. H. M. Rahman Hakim, M.Agr.", "M Rahman Hakim"),
        ("A. Kaswadi Rasak", "A Kaswadi Rasak"),
        # honorifics and initials glued together, apostrophes inside
        ("H.M. Hartopo", "Hartopo"),
        ("HM.Hartopo", "Hartopo"),
        ("Drs.H.Agus Salim", "Agus Salim"),
        ("H. M. Yusuf", "M Yusuf"),
        ("Ma'ruf Syafi'i", "Ma'ruf Syafi'i"),
        # a physician's "dr" without its full stop
        ("dr Rina Sari", "Rina Sari"),
        ("drg Yulia Hapsari, M.Kes", "Yulia Hapsari"),
    ],
)
def test_abbreviations_and_honorifics_inside_names(written: str, name: str) -> None:
    assert people_of(f"Bupati Klaten {written} hadir.") == [(name, "Bupati", "Kabupaten Klaten")]


@pytest.mark.parametrize(
    "text",
    [
        "Kepala Subdirektorat Pemasaran hadir di sana.",
        "Kepala Biro Pers Istana hadir di sana.",
        "Duta Besar Kerajaan Arab Saudi hadir di sana.",
        "Menteri Luar Negeri Polandia hadir di sana.",
        "Kepala Kantor Bea Cukai Bengkulu hadir di sana.",
        "Kepala Dinas Penerangan Angkatan Darat hadir di sana.",
        "Direktur Jenderal Pengendalian Perubahan Iklim hadir di sana.",
        "Wali Kota Busan. Kota itu ramai.",
        "Asisten Google hadir di sana.",
    ],
)
def test_units_places_and_words_are_no_names(text: str) -> None:
    assert people_of(text) == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the country of a foreign post stands between the title and the name
        ("Menteri Dalam Negeri Inggris Jane Cooper hadir.",
         ("Jane Cooper", "Menteri Dalam Negeri", None)),
        ("Menteri Kesehatan (Menkes) RI Nila Sari hadir.",
         ("Nila Sari", "Menteri Kesehatan", None)),
        # a verb capitalised after a line break ends the name
        ("Ketua TP PKK Kabupaten Klaten, Rina Dewi\nMenyampaikan salam.",
         ("Rina Dewi", "Ketua TP PKK", "Kabupaten Klaten")),
        # a degree written apart, a title of address in full
        ("Camat Ngawen, Alfian S Sos hadir.", ("Alfian", "Camat", None)),
        ("Bupati Klaten Profesor Nelson Wowor hadir.",
         ("Nelson Wowor", "Bupati", "Kabupaten Klaten")),
        # "Anak Agung" opens a name, "Perlindungan Anak" ends a unit; a city may be a given name
        ("Kepala Dinas Sosial Anak Agung Putra hadir.",
         ("Anak Agung Putra", "Kepala Dinas Sosial", None)),
        ("Wakil Bupati Klaten Paris Yasin hadir.",
         ("Paris Yasin", "Wakil Bupati", "Kabupaten Klaten")),
    ],
)  # fmt: skip
def test_where_a_name_starts_and_ends(text: str, person: tuple[str, str, str | None]) -> None:
    assert people_of(text) == [person]


def test_a_sentence_end_before_the_comma_is_no_name_first() -> None:
    assert people_of("Itu kata Budi Santoso. ,Kepala Dinas Sosial hadir.") == []


def test_headline_words_are_no_name() -> None:
    assert people_of("Di Luar Negeri, Wali Kota Tetap Beri Arahan Secara Virtual") == []


@pytest.mark.parametrize(
    "name", ["IGN Jaya Negara", "I Gusti Ngurah Jaya Negara", "IB Rai Mantra", "AA Gede Agung"]
)
def test_balinese_initials_and_names_that_go_on_with_negara(name: str) -> None:
    assert people_of(f"Wali Kota Denpasar {name} hadir.") == [(name, "Wali Kota", "Kota Denpasar")]


def test_negara_starts_no_name() -> None:
    assert people_of("Demi bangsa dan Negara, Kepala Dinas Sosial hadir.") == []


@pytest.mark.parametrize(
    "text",
    [
        "kata Budi dalam keterangan yang diterima SINDOnews, Rabu.",
        "ujar Rina saat ditemui Kompas.com di kantornya.",
        "kata dia ketika ditemui Tribunjateng.com, Senin.",
        "dalam rilis yang diterima Antaranews di Mataram.",
        "saat ditemui Suarasurabaya.net usai rapat.",
        "kata Yohanes kepada Detikcom di Kupang.",
    ],
)
def test_news_outlets_are_no_names(text: str) -> None:
    # the outlet stands where a receiver's name would: "diterima <name>", "ditemui <name>"
    at = text.index(next(w for w in ("diterima ", "ditemui ", "kepada ") if w in text))
    at = text.index(" ", at) + 1
    assert read_name(text, at) is None


def test_a_name_glued_to_the_next_sentence_is_no_web_address() -> None:
    # scrapers drop the space after a full stop; only a site's ending makes an address
    text = "Wakil Bupati Klaten Budi Santoso.Ini kunjungan kedua."
    assert people_of(text) == [("Budi Santoso", "Wakil Bupati", "Kabupaten Klaten")]


def test_a_ministry_in_its_short_form_is_no_name() -> None:
    # the ministry stands where the name would; better no one than the ministry as a person
    for text in ["Kepala Biro Humas Kemkominfo, Yosef Tanu, hadir.", "Sekjen Kemkes Rina hadir."]:
        assert all(not name.startswith("Kem") for name, _, _ in people_of(text))
