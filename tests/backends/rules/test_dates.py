"""The visit's dates (backends/rules/dates.py), on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.dates import find_dates, visit_dates
from visit_extract.backends.rules.extractor import extract_visits

from .support import context_through

PUBLISHED = date(2020, 3, 6)


def _dates(text: str, published: date | None = PUBLISHED) -> tuple[str | None, str | None, str]:
    start, end, span = visit_dates(read_article(text, published))
    return start, end, text[span[0] : span[1]] if span else ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jumat, 6 Maret 2020 10:15 WIB\nPemkot Salatiga belajar ke Kabupaten Gianyar, "
            "Kamis (5/3).",
            ("2020-03-05", None, "Kamis (5/3)"),
        ),
        (
            "Aplikasi itu diluncurkan Senin (2/3). Rombongan Pemkot Salatiga tiba di "
            "Gianyar, Rabu (4/3).",
            ("2020-03-04", None, "Rabu (4/3)"),
        ),
        (
            "Rombongan tiba Selasa (3/3). Mereka berada di Gianyar hingga Kamis (5/3).",
            ("2020-03-03", "2020-03-05", "Selasa (3/3)"),
        ),
        (
            "Kunjungan berlangsung 2-4 Maret 2020 di Gianyar.",
            ("2020-03-02", "2020-03-04", "2-4 Maret 2020"),
        ),
        ("Kunjungan itu digelar kemarin di aula kantor bupati.", ("2020-03-05", None, "kemarin")),
    ],
    ids=["header-stamp-skipped", "other-event-skipped", "later-end", "range", "kemarin"],
)
def test_visit_dates(text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert _dates(text) == expected


def test_a_posting_stamp_is_the_publication_not_the_visit() -> None:
    text = "Diposting 6 Maret 2020\nPemkot Salatiga belajar ke Kabupaten Gianyar."
    assert _dates(text) == (None, None, "")


def test_a_year_written_later_completes_the_day() -> None:
    text = "Rombongan tiba Selasa (3/3). Kunjungan hari kedua, Rabu (3/3/2020) pagi, ke pasar."
    assert _dates(text, None)[:2] == ("2020-03-03", None)


def test_a_bare_weekday_needs_the_visits_words() -> None:
    assert _dates("Hujan deras turun Senin sore.") == (None, None, "")
    assert _dates("Rombongan tiba Senin sore.")[0] == "2020-03-02"


def test_dates_in_read_also_passages_are_ignored() -> None:
    text = "Baca juga: Rombongan tiba Senin (2/3)\nRombongan berkunjung Rabu (4/3)."
    assert _dates(text)[0] == "2020-03-04"


def _stage(text: str, published: date | None = PUBLISHED) -> tuple[str | None, str | None]:
    """Dates from the stage in the pipeline, after the host and visitors are known."""
    ctx = context_through(text, find_dates, published)
    return ctx.start_date, ctx.end_date


VISIT = (
    "Rombongan Pemkab Klaten yang dipimpin Bupati Klaten Sri Wahyuni berkunjung ke Kabupaten "
    "Gianyar untuk belajar soal pasar desa. Mereka diterima Bupati Gianyar Made Wirata. "
)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # said to the press, nothing shows it was away from the visit: a day of the visit
        (
            '"Kami belajar banyak," kata Bupati Klaten Sri Wahyuni kepada wartawan, Rabu (4/3).',
            "2020-03-04",
        ),
        # said at the host
        ('"Kami belajar banyak," ujar Sri Wahyuni di Gianyar, Rabu (4/3).', "2020-03-04"),
        # said in the host's province: at the host
        ('"Kami belajar banyak," ujar Sri Wahyuni di Bali, Rabu (4/3).', "2020-03-04"),
        # said back home: the day of the statement, not of the visit
        ('"Kami belajar banyak," ujar Sri Wahyuni di Klaten, Rabu (4/3).', None),
        # a commentator's day
        ('"Itu pemborosan," kata pengamat kebijakan Rudi Hartono, Rabu (4/3).', None),
        ('"Itu pemborosan," tegas Ketua LSM Pantau Anggaran, Rabu (4/3).', None),
    ],
    ids=["to-the-press", "at-the-host", "host-province", "back-home", "observer", "ngo"],
)
def test_the_day_someone_spoke(statement: str, expected: str | None) -> None:
    assert _stage(VISIT + statement) == (expected, None)


def test_an_older_visit_by_others_told_as_past_changes_nothing() -> None:
    text = (
        VISIT + "Pasar desa itu juga dikunjungi rombongan menteri beberapa waktu lalu. "
        '"Kami belajar banyak," kata Sri Wahyuni kepada wartawan, Rabu (4/3).'
    )
    assert _stage(text) == ("2020-03-04", None)


def test_a_ministry_is_visited_in_jakarta() -> None:
    text = (
        "Rombongan Komisi I DPRD Kabupaten Klaten berkonsultasi ke Kementerian Dalam Negeri "
        'soal tata tertib dewan. "Kami mendapat banyak masukan," ujar Ketua Komisi I Budi '
        "Santosa di Jakarta, Rabu (4/3)."
    )
    assert _stage(text) == ("2020-03-04", None)


def test_a_visit_told_as_past_is_not_dated_by_a_later_statement() -> None:
    text = (
        "Rombongan Pemkab Klaten berkunjung ke Kabupaten Gianyar beberapa waktu lalu. "
        '"Hasilnya akan kami terapkan," kata Bupati Klaten Sri Wahyuni, Kamis (5/3).'
    )
    assert _stage(text) == (None, None)


def test_a_range_after_sejak_is_the_visit_not_a_founding_date() -> None:
    text = VISIT + "Kegiatan itu berlangsung sejak 2 hingga 4 Maret 2020 di Gianyar."
    assert _stage(text) == ("2020-03-02", "2020-03-04")
    founded = VISIT + "Pasar itu berdiri sejak 12 Maret 2012, kata kepala desa."
    assert _stage(founded) == (None, None)


def test_the_inauguration_of_officials_is_another_event() -> None:
    text = (
        "Sebelum berangkat, anggota DPRD Klaten dilantik Senin (2/3). "
        + VISIT
        + "Mereka tiba Rabu (4/3)."
    )
    assert _stage(text) == ("2020-03-04", None)


def test_a_day_still_to_come_is_a_plan() -> None:
    text = VISIT + "Kunjungan balasan digelar 20 Maret mendatang. Mereka tiba Rabu (4/3)."
    assert _stage(text) == ("2020-03-04", None)
    text = VISIT + "Kunjungan balasan digelar 20 Maret 2020. Mereka tiba Rabu (4/3)."
    assert _stage(text) == ("2020-03-04", None)
    # without a publication date nothing is known to be still to come
    assert _stage(text, None) == ("2020-03-20", None)


def test_a_month_dates_the_visit_only_outside_a_period() -> None:
    assert _stage(VISIT + "Kunjungan itu berlangsung akhir Februari 2020.") == ("2020-02", None)
    text = VISIT + "Sepanjang Januari hingga awal Maret 2020 ada 12 rombongan berkunjung."
    assert _stage(text) == (None, None)


def test_ranges_written_with_a_dash_or_across_months() -> None:
    assert _stage(VISIT + "Mereka tiba Senin (2/3) - Rabu (4/3).") == ("2020-03-02", "2020-03-04")
    assert _stage(VISIT + "Kunjungan digelar Sabtu-Minggu (29/2-1/3).") == (
        "2020-02-29",
        "2020-03-01",
    )
    assert _stage(VISIT + "Rombongan tiba Jumat pekan lalu.") == ("2020-02-28", None)


def test_last_week_is_a_fallback_at_its_own_precision() -> None:
    text = "Pekan lalu rombongan Pemkab Klaten berkunjung ke Kabupaten Gianyar."
    # Thursday 12 March: last week ran from 2 to 8 March
    assert _stage(text, date(2020, 3, 12)) == ("2020-03", None)
    # Friday 6 March: last week straddled February and March
    assert _stage(text) == ("2020", None)
    # an exact day in a sentence about the visit wins over it
    text = (
        "Pekan lalu rombongan Pemkab Klaten berkunjung ke Kabupaten Gianyar. "
        "Rombongan tiba di Gianyar, Selasa (25/2)."
    )
    assert _stage(text) == ("2020-02-25", None)


def test_the_day_a_trip_ends_is_its_last_day_never_its_first() -> None:
    text = (
        "Bupati Klaten menyudahi lawatannya ke Kabupaten Gianyar pada 6 Maret 2020. "
        "Rombongan Pemkab Klaten tiba di Gianyar pada 2 Maret 2020."
    )
    assert _stage(text) == ("2020-03-02", "2020-03-06")
    text = VISIT + "Mereka tiba Senin (2/3) dan pulang Kamis (5/3)."
    assert _stage(text) == ("2020-03-02", "2020-03-05")
    # a visit under way at publication (6 March) may end after it
    text = VISIT + "Mereka tiba Rabu (4/3) dan pulang Senin (9/3)."
    assert _stage(text) == ("2020-03-04", "2020-03-09")


def _legs(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each visit's dates by host region name, as the extractor assembles them."""
    return {str(v.host.region): (v.start_date, v.end_date) for v in extract_visits(text, PUBLISHED)}


def test_legs_dated_apart_keep_their_own_dates() -> None:
    assert _legs(
        "Rombongan DPRD Kota Salatiga tiba di Kabupaten Gianyar, Senin (2/3), untuk belajar "
        "tata kelola pasar. Rabu (4/3), rombongan bergeser ke Kota Denpasar untuk studi "
        "banding soal parkir."
    ) == {"Kabupaten Gianyar": ("2020-03-02", None), "Kota Denpasar": ("2020-03-04", None)}


def test_a_tour_dated_once_dates_every_leg() -> None:
    assert _legs(
        "Pemkab Klaten melakukan studi banding ke Kabupaten Gianyar dan Kota Denpasar, 2-4 "
        "Maret 2020. Di Gianyar, rombongan belajar soal pajak daring."
    ) == {
        "Kabupaten Gianyar": ("2020-03-02", "2020-03-04"),
        "Kota Denpasar": ("2020-03-02", "2020-03-04"),
    }


def test_delegations_arriving_on_different_days() -> None:
    ctx = context_through(
        "Kabupaten Gianyar menerima dua rombongan pekan ini. Rombongan DPRD Kabupaten "
        "Klaten datang pada Senin (2/3). Adapun rombongan DPRD Kabupaten Boyolali tiba "
        "Rabu (4/3).",
        find_dates,
        PUBLISHED,
    )
    assert ctx.start_date == "2020-03-02"
    rabu = ctx.text.index("Rabu (4/3)")
    assert ctx.leg_dates[("33.09", "51.04")] == ("2020-03-04", None, (rabu, rabu + 10))
    assert ctx.leg_dates[("33.10", "51.04")][0] == "2020-03-02"


def test_a_range_of_weekdays_before_a_range_of_days() -> None:
    text = "Rombongan Pemkot Salatiga studi banding ke Gianyar, Senin-Selasa, 2-3 Maret 2020."
    assert _dates(text, date(2020, 3, 20)) == (
        "2020-03-02",
        "2020-03-03",
        "Senin-Selasa, 2-3 Maret 2020",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rombongan Pemkot Salatiga studi banding ke Gianyar pada Senin (2/3) dan Selasa (3/3).",
            ("2020-03-02", "2020-03-03"),
        ),
        # two days far apart are two events, not one visit's first and last
        (
            "Rombongan Pemkot Salatiga studi banding ke Gianyar pada Senin (2/3) dan Jumat (6/3).",
            ("2020-03-02", None),
        ),
        # a founding date after "sejak" is still no visit's
        (
            "Pasar itu berdiri sejak 12 Januari 2010. Rombongan Pemkot Salatiga berkunjung ke "
            "pasar itu.",
            (None, None),
        ),
    ],
)
def test_last_days_joined_by_and_and_trips_home(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert _dates(text)[:2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Pemkot Salatiga studi banding ke Gianyar pekan lalu. "Kami belajar banyak," kata '
            "Wali Kota Salatiga, Kamis (5/3).",
            # last week ran from 24 February to 1 March: only the year is certain
            "2020",
        ),
        (
            'Pemkot Salatiga studi banding ke Gianyar pada Januari 2020. "Kami belajar banyak '
            'di sana," ujar Sekda Salatiga, Kamis (5/3).',
            "2020-01",
        ),
        # the day someone spoke is a visit day when the trip is dated on it as well
        (
            'Pemkot Salatiga studi banding ke Gianyar pekan lalu. "Kini kami belajar lagi," '
            "kata Sekda, Kamis (5/3). Kamis (5/3) rombongan kedua berangkat ke Gianyar.",
            "2020-03-05",
        ),
    ],
)
def test_a_statement_day_after_a_vaguely_dated_visit(text: str, expected: str) -> None:
    assert _dates(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date alone on its line is a byline's or a page's stamp, not the visit's
        (
            "Pemkot Salatiga Belajar ke Gianyar\n6 Maret 2020\nPemkot Salatiga studi banding ke "
            "Gianyar.",
            None,
        ),
        ("Oleh Redaksi\nJumat 6 Maret 2020\nPemkot Salatiga studi banding ke Gianyar.", None),
        (
            "Pemkot Salatiga studi banding ke Gianyar.\nPenulis: Ani | Editor: Budi | 06/03/2020",
            None,
        ),
        ("Pemkot Salatiga studi banding ke Gianyar.\n(6/3/2020)", None),
        # the end of a sentence a scraper broke is still the visit's day
        ("Pemkot Salatiga studi banding ke Gianyar,\nKamis (5/3).", "2020-03-05"),
        (
            "Pemkot Salatiga studi banding ke Gianyar pada\nKamis (5/3)\nuntuk belajar.",
            "2020-03-05",
        ),
    ],
)
def test_stamps_on_lines_of_their_own(text: str, expected: str | None) -> None:
    assert _dates(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pemkot Salatiga ke Gianyar. Data per 31 Desember 2019 mencatat 40 pasar.", None),
        ("Pemkot Salatiga ke Gianyar. Wali Kota Gianyar lahir pada 5 Agustus 1970.", None),
        # a day written with its weekday is the news cycle's, the visit's at best
        ('Pemkot Salatiga ke Gianyar. "Bagus," kata Sekda Gianyar, Kamis (5/3).', "2020-03-05"),
    ],
)
def test_away_from_the_visit_only_a_day_with_its_weekday_dates_it(
    text: str, expected: str | None
) -> None:
    assert _dates(text)[0] == expected


def test_going_home_closes_the_trip_going_back_to_the_host_does_not() -> None:
    home = context_through(
        "Rombongan Pemkot Salatiga studi banding ke Kabupaten Gianyar sejak Senin (2/3). "
        "Rombongan kembali ke Salatiga pada Rabu (4/3).",
        find_dates,
        PUBLISHED,
    )
    assert (home.start_date, home.end_date) == ("2020-03-02", "2020-03-04")
    again = context_through(
        "Pemkot Salatiga pernah studi banding ke Kabupaten Gianyar pada 3 Maret 2019. Kini "
        "rombongan kembali ke Gianyar, Kamis (5/3).",
        find_dates,
        PUBLISHED,
    )
    assert (again.start_date, again.end_date) == ("2020-03-05", None)


def test_a_weekday_of_a_habit_is_no_date() -> None:
    text = (
        "Anggota DPRD Salatiga rajin kunjungan kerja: di kantor hanya hari Selasa saja, "
        "setiap Kamis kunker lagi. Kunker ke Gianyar digelar Rabu (4/3)."
    )
    assert _dates(text)[0] == "2020-03-04"


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("Mereka berada di Gianyar dari 2 sampai 4 Maret.", ("2020-03-02", "2020-03-04")),
        ("Agenda itu berlangsung tiga hari, Senin-Rabu.", ("2020-03-02", "2020-03-04")),
        ("Rombongan tiba Senin hingga Rabu (2-4/3).", ("2020-03-02", "2020-03-04")),
        ("Rombongan tiba Senin dan Selasa (2-3/3).", ("2020-03-02", "2020-03-03")),
        ("Kunjungan digelar Senin (2/3) sampai Rabu.", ("2020-03-02", "2020-03-04")),
        ("Kunjungan digelar 2, 3 dan 4 Maret 2020.", ("2020-03-02", "2020-03-04")),
        ("Kunjungan digelar pada Maret 3, 2020.", ("2020-03-03", None)),
        ("Kunjungan dimulai Senin (2/3) dan selesai Rabu (4/3).", ("2020-03-02", "2020-03-04")),
        ("Rombongan tiba di Gianyar pagi tadi.", ("2020-03-06", None)),
        # the date right after "hari ini" says which day that was
        ("Rombongan tiba hari ini, Kamis (5/3).", ("2020-03-05", None)),
        ("Pertemuan semacam itu digelar sejak 2015 hingga hari ini.", (None, None)),
        ("Kunjungan itu berlangsung Februari lalu.", ("2020-02", None)),
        # a weekday some weeks back pins down no day, nor last week
        ("Rombongan tiba Kamis dua pekan lalu.", (None, None)),
    ],
)
def test_date_forms_in_a_sentence_about_the_visit(
    told: str, expected: tuple[str | None, str | None]
) -> None:
    assert _stage(VISIT + told) == expected


@pytest.mark.parametrize(
    "lead",
    [
        "Pemkab Klaten menimba ilmu soal pasar desa di Kabupaten Gianyar, 3 Maret 2020.",
        "Pemkab Klaten berguru soal pasar desa ke Kabupaten Gianyar pada 3 Maret 2020.",
        "DPRD Kabupaten Klaten bertandang ke DPRD Kabupaten Gianyar, 3 Maret 2020.",
    ],
)
def test_learning_verbs_date_the_visit(lead: str) -> None:
    assert _dates(lead)[:2] == ("2020-03-03", None)


def test_today_in_a_quote_is_the_day_of_speaking() -> None:
    told = '"Hari ini kami belajar pasar desa," kata Sekda Klaten kepada wartawan.'
    assert _stage(VISIT + told) == (None, None)
    told = "“Kami tiba hari ini dan langsung belajar,” ujar Sekda Klaten."
    assert _stage(VISIT + told) == (None, None)


# Published a Friday two weeks after the visit: the last Monday before publication is not
# the Monday the text dates, so only the written date gives the right day.
LATE = date(2020, 3, 20)


@pytest.mark.parametrize(
    "told",
    [
        "Rombongan tiba Senin sore (2/3/2020).",
        "Rombongan tiba di Gianyar pada Senin malam, 2 Maret 2020.",
        "Rombongan tiba Senin dini hari (2/3).",
        "Rombongan tiba pada hari Senin tanggal 2 Maret 2020.",
        "Rombongan tiba Senin, tgl 2/3/2020.",
        "Rombongan tiba pada Senin (2 Maret 2020).",
        "Rombongan tiba Senin lalu (2/3/2020).",
        "Rombongan tiba Senin kemarin, 2 Maret.",
        "Rombongan tiba Senin pagi, 02-03-2020.",
        "Rombongan tiba Senin pekan lalu (2/3).",
    ],
)
def test_a_weekday_apart_from_its_date_is_read_with_it(told: str) -> None:
    assert _stage(VISIT + told, LATE) == ("2020-03-02", None)
    assert _stage(VISIT + told, None)[0] in ("2020-03-02", "--03-02")


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        (
            "Rombongan tiba Senin (2/3). Festival Pasar Desa itu digelar 2-6 Maret 2020.",
            ("2020-03-02", None),
        ),
        (
            "Rombongan tiba Senin (2/3) dan ikut membuka Munas Asosiasi Desa yang berlangsung "
            "mulai 2-5 Maret.",
            ("2020-03-02", None),
        ),
        (
            "Rombongan tiba Senin (2/3). Pameran UMKM di alun-alun dibuka 2 hingga 8 Maret.",
            ("2020-03-02", None),
        ),
        # the trip's own range still gives its last day
        (
            "Rombongan tiba Senin (2/3). Selama tiga hari, 2-4 Maret 2020, mereka berkeliling.",
            ("2020-03-02", "2020-03-04"),
        ),
        (
            "Rombongan tiba Senin (2/3). Festival itu mereka ikuti 2-3 Maret.",
            ("2020-03-02", "2020-03-03"),
        ),
    ],
)
def test_an_events_own_programme_is_not_the_trips_last_day(
    told: str, expected: tuple[str | None, str | None]
) -> None:
    assert _stage(VISIT + told) == expected


@pytest.mark.parametrize(
    "told",
    [
        "Perda pasar desa yang dipelajari rombongan itu disahkan pada 12 Februari 2020.",
        "Aturan itu ditetapkan bupati, Rabu (12/2/2020).",
        "Banjir yang melanda pasar terjadi pada Rabu, 12 Februari 2020.",
        "Peraturan yang dibahas dalam kunjungan itu diterbitkan 12 Februari 2020 lalu.",
    ],
)
def test_a_rule_passed_or_an_incident_is_another_event(told: str) -> None:
    assert _stage(VISIT + told) == (None, None)
    assert _stage(VISIT + told + " Rombongan tiba Kamis (5/3).") == ("2020-03-05", None)


@pytest.mark.parametrize(
    "told",
    [
        "Bupati Gianyar berencana membalas kunjungan itu pada 20 April 2020.",
        "Kunjungan balasan dijadwalkan pada Senin (20/4/2020).",
        "Rencananya, rombongan Gianyar datang ke Klaten pada 20 April 2020.",
        "Penandatanganan kerja sama diagendakan Senin, 20 April 2020.",
    ],
)
def test_without_a_publication_date_a_plan_still_dates_nothing(told: str) -> None:
    assert _stage(VISIT + told, None) == (None, None)
    # the visit's own day still counts, before or after the plan
    assert _stage(VISIT + "Mereka tiba Kamis (5/3/2020). " + told, None)[0] == "2020-03-05"
    assert _stage(VISIT + told + " Mereka tiba Kamis (5/3/2020).", None)[0] == "2020-03-05"


@pytest.mark.parametrize(
    "past",
    [
        "Kunjungan itu berlangsung beberapa waktu lalu.",
        "Studi banding tersebut digelar belum lama ini.",
        "Kunjungan kerja ini dilakukan baru-baru ini.",
    ],
)
def test_the_visit_pointed_back_to_as_past_is_not_dated_by_a_statement(past: str) -> None:
    said = ' "Pasar kami jadi contoh," kata Sekda Gianyar kepada wartawan, Senin (2/3/2020).'
    assert _stage(VISIT + past + said, LATE) == (None, None)
    # a statement with no past told before it is still the visit's day
    assert _stage(VISIT + said, LATE)[0] == "2020-03-02"


@pytest.mark.parametrize(
    "told",
    [
        "Kunjungan berlangsung 02/03/2020 - 04/03/2020.",
        "Kunjungan berlangsung 2/3/2020–4/3/2020 di Gianyar.",
        "Kunjungan dilaksanakan pada hari Senin s/d Rabu tanggal 2 s/d 4 Maret 2020.",
        "Kunjungan dilaksanakan Senin-Rabu tgl 2-4 Maret 2020.",
    ],
)
def test_ranges_written_in_full_or_after_weekdays_and_tanggal(told: str) -> None:
    assert _stage(VISIT + told, None) == ("2020-03-02", "2020-03-04")
    assert _stage(VISIT + told, LATE) == ("2020-03-02", "2020-03-04")


@pytest.mark.parametrize("published", [None, PUBLISHED])
def test_a_day_without_its_year_after_sejak_is_no_period(published: date | None) -> None:
    told = "Kunjungan berlangsung selama dua hari sejak Senin (2/3)."
    assert _stage(VISIT + told, published)[0] in ("2020-03-02", "--03-02")
    # a month after "sejak" still is a period
    assert _stage(VISIT + "Kerja sama itu berjalan sejak Januari 2019.", published) == (None, None)


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("Rombongan berada di Gianyar selama satu minggu.", None),
        ("Kunjungan itu berlangsung dua minggu.", None),
        ("Kunjungan minggu ini diikuti 20 orang.", None),
        ("Kunjungan itu digelar akhir minggu ini.", None),
        ("Rombongan tiba pada minggu pertama bulan itu.", None),
        ("Mereka belajar di pasar desa beberapa minggu.", None),
        # Sunday, written as one
        ("Rombongan tiba hari minggu.", "2020-03-01"),
        ("Rombongan tiba Minggu di Gianyar.", "2020-03-01"),
    ],
)
def test_minggu_as_a_week_is_no_sunday(told: str, expected: str | None) -> None:
    assert _stage(VISIT + told)[0] == expected


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("Kunjungan itu digelar bulan kemarin.", "2020-02"),
        ("Rombongan tiba minggu lalu.", "2020-03"),
        ("Rombongan tiba minggu kemarin.", "2020-03"),
        ("Kunjungan itu digelar Februari kemarin.", "2020-02"),
        # last year is no day, and no year the rules read either
        ("Kunjungan serupa juga dilakukan tahun kemarin.", None),
        ("Rombongan tiba kemarin.", "2020-03-11"),
    ],
)
def test_kemarin_after_a_week_month_or_year_is_that_period(told: str, expected: str | None) -> None:
    # published Thursday 12 March 2020: last week (2-8 March) lies in March, last month is
    # February
    assert _stage(VISIT + told, date(2020, 3, 12))[0] == expected


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ('"Kemarin kami belajar di pasar desa," kata Sekda Klaten, Kamis (5/3).', "2020-03-04"),
        ("“Kami kemarin datang untuk belajar,” ujar Sekda Klaten, 5 Maret 2020.", "2020-03-04"),
        (
            '"Rombongan tiba kemarin," tutur Sekda Gianyar kepada wartawan, Selasa (3/3).',
            "2020-03-02",
        ),
        # without a dated attribution, "kemarin" is the day before publication
        ('"Kemarin kami belajar di pasar desa," kata Sekda Klaten.', "2020-03-05"),
    ],
)
def test_kemarin_in_a_quote_is_the_day_before_the_speaker_spoke(told: str, expected: str) -> None:
    assert _stage(VISIT + told)[0] == expected
