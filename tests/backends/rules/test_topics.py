"""Topics (backends/rules/topics.py), on texts written for these tests."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.extractor import extract_visits
from visit_extract.backends.rules.mentions import ignored_spans
from visit_extract.backends.rules.topics import find_topics, topic_spans
from visit_extract.normalize.gazetteer import key

from .support import context_through


def _topics(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    spans = topic_spans(text, ignored_spans(text), names)
    for phrase, a, b in spans:
        assert text[a:b] == phrase
    return [phrase for phrase, _, _ in spans]


def test_phrases_after_a_learning_cue_split_at_commas_and_dan() -> None:
    text = "Mereka ingin belajar tentang pengelolaan sampah, bank sampah dan retribusi parkir."
    assert _topics(text) == ["pengelolaan sampah", "bank sampah", "retribusi parkir"]


def test_places_filler_and_repeats_are_not_topics() -> None:
    text = (
        "Rombongan belajar mengenai berbagai hal. Mereka berdiskusi tentang Kabupaten "
        "Gianyar. Rombongan belajar tentang tata kelola arsip, lalu terkait tata kelola "
        "arsip desa."
    )
    assert _topics(text) == ["tata kelola arsip"]


def test_a_phrase_cut_off_by_the_end_of_the_text_is_dropped() -> None:
    text = "Rombongan datang untuk belajar tentang pengelolaan air bersih, pasar dan pengel"
    assert _topics(text) == ["pengelolaan air bersih", "pasar"]


def test_read_also_lines_have_no_topics() -> None:
    text = "Baca juga: Pejabat belajar tentang kopi robusta\nRombongan belajar tentang pajak."
    assert _topics(text) == ["pajak"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a verb ends the phrase, and so does an attribution
        ("Tim itu belajar terkait penataan pedagang kaki lima menuturkan Budi.",
         ["penataan pedagang kaki lima"]),
        ("Mereka mempelajari retribusi parkir elektronik kata Sari kemarin.",
         ["retribusi parkir elektronik"]),
        # leading and trailing filler, and a possessive, are cut off
        ("Rombongan ingin belajar bagaimana cara pengelolaan posyandu itu.",
         ["pengelolaan posyandu"]),
        ("Mereka belajar tentang pola perizinannya yang sangat cepat.", ["pola perizinan"]),
        # words about the telling, not the programme, lead no topic
        ("Mereka belajar tentang rahasia sukses penataan pedagang kaki lima.",
         ["penataan pedagang kaki lima"]),
        ("Rombongan mendengar pemaparan terkait praktik pengelolaan bank sampah.",
         ["pengelolaan bank sampah"]),
        # a number ends the phrase: the year is not part of the report's name
        ("Dewan itu studi banding perihal LKPJ 2024 kepala daerah.", ["LKPJ"]),
        # a short bracket belongs to the phrase
        ("Mereka belajar terkait pelayanan terpadu satu pintu (PTSP) di kota itu.",
         ["pelayanan terpadu satu pintu (PTSP)"]),
        # "mulai dari" opens a list
        ("Rombongan belajar banyak hal, mulai dari bank sampah hingga kompos warga.",
         ["bank sampah", "kompos warga"]),
        # purpose verbs count only after a purpose word
        ("Mereka datang guna melihat tata kelola pasar desa.", ["tata kelola pasar desa"]),
        ("Mereka melihat tata kelola pasar desa.", []),
        # a second verb of the cue, "berbagai" and a common "pemerintah" stay
        ("Tim datang untuk melihat dan mempelajari berbagai layanan pajak daerah.",
         ["layanan pajak daerah"]),
        ("Mereka belajar terkait membangun jaringan irigasi.", ["jaringan irigasi"]),
        ("Mereka belajar tentang arsip kinerja pemerintah desa.",
         ["arsip kinerja pemerintah desa"]),
        # "saling tukar informasi untuk X"
        ("Kedua tim saling tukar informasi untuk peningkatan layanan kesehatan.",
         ["peningkatan layanan kesehatan"]),
        # a verb after a comma opens a new clause
        ("Mereka belajar tentang pajak hotel, mengingat Sleman berhasil.", ["pajak hotel"]),
    ],
)  # fmt: skip
def test_phrase_boundaries(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


@pytest.mark.parametrize(
    "text",
    [
        # filler made only of generic words
        "Rombongan belajar tentang berbagai program inovatif lainnya.",
        "Mereka belajar tentang strategi pembangunan dan potensi unggulan.",
        # pronouns, verbs in front, numbers of people, governments
        "Rombongan belajar terkait pihaknya yang sedang berbenah.",
        "Rombongan belajar tentang dua pimpinan daerah.",
        "Rombongan belajar tentang kebijakan Pemkab Sleman.",
        # a single word that names no policy area, or only may name one
        "Mereka belajar tentang presentasi.",
        "Mereka belajar tentang pemerintahan.",
        # a capitalised name that names no policy area: a site
        "Mereka belajar tentang Taman Sari Indah.",
        # the visit's own name
        "Mereka belajar tentang studi banding.",
        # words that name no policy area and no activity
        "Mereka bertanya tentang target tertentu.",
        # a possessive of a clause word ends the phrase before it
        "Warga bertanya tentang kemungkinan adanya pungutan.",
    ],
)
def test_items_that_name_no_programme_are_dropped(text: str) -> None:
    assert _topics(text) == []


def test_a_capitalised_programme_with_a_policy_word_is_kept() -> None:
    assert _topics("Mereka belajar tentang Smart Kampung.") == ["Smart Kampung"]


def test_an_activity_noun_makes_a_phrase_without_a_policy_word() -> None:
    assert _topics("Mereka belajar tentang penyusunan jadwal rapat.") == ["penyusunan jadwal rapat"]


def test_people_named_in_the_text_are_not_topics() -> None:
    text = "Mereka belajar tentang Wiryo Kusumo dan bank sampah."
    assert _topics(text, frozenset({key("Wiryo"), key("Kusumo")})) == ["bank sampah"]


def test_the_same_topic_in_other_words_is_kept_once() -> None:
    text = "Mereka belajar tentang pengelolaan bank sampah. Lalu terkait bank sampah warga."
    assert _topics(text) == ["pengelolaan bank sampah"]


def test_stage_sets_topics_and_their_domains() -> None:
    ctx = context_through(
        "Rombongan Pemkot Salatiga berkunjung ke Kabupaten Gianyar untuk belajar tentang "
        "pengelolaan sampah dan pelayanan perizinan.",
        find_topics,
    )
    assert [t for t, _, _ in ctx.topics] == ["pengelolaan sampah", "pelayanan perizinan"]
    assert ctx.domains == ["environment", "public_service"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # the fields of a cooperation, after "bekerja sama dalam"
        ("Kedua pemkot sepakat bekerjasama dalam pengelolaan air minum dan penataan pasar.",
         ["pengelolaan air minum", "penataan pasar"]),
        # ... or listed after it, in the same sentence or at the start of the next
        ("Kerja sama itu mencakup banyak bidang. Di antaranya bidang perikanan tangkap, "
         "promosi UMKM serta pelatihan guru.",
         ["perikanan tangkap", "promosi UMKM", "pelatihan guru"]),
        ("Nota kesepahaman itu meliputi bidang kesehatan ibu, beasiswa mahasiswa dan "
         "penanganan banjir.",
         ["kesehatan ibu", "beasiswa mahasiswa", "penanganan banjir"]),
        ("MoU yang diteken hari itu antara lain soal pajak restoran dan parkir elektronik.",
         ["pajak restoran", "parkir elektronik"]),
    ],
)  # fmt: skip
def test_the_scope_of_a_cooperation_gives_topics(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


def test_a_scope_set_out_one_field_a_line_keeps_each_line_whole() -> None:
    text = (
        "Ruang lingkup perjanjian ini meliputi:\n"
        "1. Pengembangan pasar rakyat dan koperasi\n"
        "2) Pelatihan tenaga kesehatan, bidan, dan perawat.\n"
        "- Pengelolaan sampah\n"
        "d. Bidang lain yang disepakati\n\n"
        "Acara ditutup dengan makan siang."
    )
    assert _topics(text) == [
        "Pengembangan pasar rakyat dan koperasi",
        "Pelatihan tenaga kesehatan, bidan, dan perawat",
        "Pengelolaan sampah",
    ]


def test_lines_without_a_list_marker_are_a_sentence() -> None:
    text = "Kerja sama ini meliputi:\npajak hotel dan retribusi parkir.\nLalu rombongan pulang."
    assert _topics(text) == ["pajak hotel", "retribusi parkir"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # an acronym whose initials reach back over "dan" or a comma joins the items
        ("Mereka belajar tentang pembinaan usaha mikro, kecil dan menengah (UMKM) di sana.",
         ["pembinaan usaha mikro, kecil dan menengah (UMKM)"]),
        ("Tim belajar terkait tugas unit layanan arsip dan dokumentasi (ULAD) di desa.",
         ["tugas unit layanan arsip dan dokumentasi (ULAD)"]),
        # an acronym of the last item alone joins nothing
        ("Mereka belajar tentang pajak dan pelayanan terpadu satu pintu (PTSP).",
         ["pajak", "pelayanan terpadu satu pintu (PTSP)"]),
        # a regulation keeps its subject after "tentang"
        ("Dewan studi banding terkait Raperda tentang Penataan Pedagang Kaki Lima di sana.",
         ["Raperda tentang Penataan Pedagang Kaki Lima"]),
        ("Mereka belajar tentang perda mengenai retribusi sampah dan pengelolaan pasar.",
         ["perda mengenai retribusi sampah", "pengelolaan pasar"]),
    ],
)  # fmt: skip
def test_names_that_hold_a_split_word_stay_whole(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a short clause ends an item of a comma list, and the list goes on
        ("Mereka ingin belajar retribusi pasar, layanan ambulans yang gratis, pengelolaan "
         "posyandu, hingga bank sampah.",
         ["retribusi pasar", "layanan ambulans", "pengelolaan posyandu", "bank sampah"]),
        ("Tim belajar tentang pajak daerah, perizinan lewat aplikasi di kecamatan, dan arsip "
         "desa.",
         ["pajak daerah", "perizinan", "arsip desa"]),
        # without a comma list before it, the clause ends the run
        ("Mereka belajar tentang pajak hotel yang tinggi, pajak parkir dan retribusi.",
         ["pajak hotel"]),
        # a verb after the comma opens a new clause
        ("Mereka belajar tentang pajak, retribusi yang naik, menurut Budi Santoso.",
         ["pajak", "retribusi"]),
    ],
)  # fmt: skip
def test_a_comma_list_goes_on_after_a_short_clause(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


@pytest.mark.parametrize(
    "text",
    [
        # who came, listed after a cue word: offices, not topics
        "Rombongan 40 orang itu datang, mulai dari dinas perikanan, Bappeda, koperasi dan UMKM.",
        "Semua hadir, mulai dari para kepala dinas, camat, hingga lurah dan pengelola pasar.",
        "Rombongan terdiri atas berbagai unsur, antara lain komisi II, pajak daerah dan PKK.",
    ],
)
def test_a_list_of_offices_is_no_list_of_topics(text: str) -> None:
    assert _topics(text) == []


def test_an_office_after_the_first_item_does_not_drop_the_list() -> None:
    text = "Mereka belajar tentang pajak daerah, dinas perizinan dan retribusi parkir."
    assert _topics(text) == ["pajak daerah", "retribusi parkir"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # "how a government does X": the topic is the object of the verb
        ("Mereka belajar bagaimana Kabupaten Sleman mengelola sampah plastik.",
         ["sampah plastik"]),
        ("Tim datang untuk belajar tentang cara mereka menata pasar tradisional.",
         ["pasar tradisional"]),
        ("Rombongan belajar tentang bagaimana pemkot bisa meningkatkan pajak hotel.",
         ["pajak hotel"]),
        ("Dewan ingin mempelajari gimana Pemkab Ngawi mendorong UMKM dan koperasi desa.",
         ["UMKM", "koperasi desa"]),
        # a subject that is no government or name: no topic is guessed
        ("Kami belajar bagaimana teknologi dapat meningkatkan layanan.", []),
    ],
)  # fmt: skip
def test_the_object_of_how_a_government_acts_is_the_topic(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # what the delegation came to take home names the topic
        ("Kunjungan bertujuan mendapatkan masukan dalam penyusunan kode etik dewan.",
         ["penyusunan kode etik dewan"]),
        ("Studi tiru ini untuk menguatkan pemahaman tata kelola anggaran oleh para kabag.",
         ["tata kelola anggaran"]),
        ("Pemkab mencari referensi soal pengelolaan terminal bus.",
         ["pengelolaan terminal bus"]),
        ("Rombongan mendapat gambaran penerapan parkir elektronik di sana.",
         ["penerapan parkir elektronik"]),
        # advice given to someone names nobody's topic
        ("Mereka memberi masukan kepada bupati.", []),
    ],
)  # fmt: skip
def test_what_the_visit_sought_names_the_topic(text: str, topics: list[str]) -> None:
    assert _topics(text) == topics


def _visit_topics(text: str) -> dict[str, list[str]]:
    """Topics of each visit, by the visitor's region name."""
    return {v.visitor.region or "": v.topics for v in extract_visits(text, None)}


def test_two_delegations_at_one_host_keep_their_own_topics() -> None:
    text = (
        "DPRD Kabupaten Gianyar menerima kunjungan kerja dari DPRD Kabupaten Sleman dan "
        "DPRD Kota Salatiga, Senin (3/2).\n"
        "DPRD Kabupaten Sleman ingin belajar terkait retribusi parkir dan pengelolaan "
        "pasar.\n"
        "Sementara DPRD Kota Salatiga datang untuk belajar tentang penanganan stunting.\n"
        "Keduanya juga belajar tentang tata kelola arsip."
    )
    topics = _visit_topics(text)
    assert topics["Kabupaten Sleman"] == [
        "retribusi parkir",
        "pengelolaan pasar",
        "tata kelola arsip",
    ]
    assert topics["Kota Salatiga"] == ["penanganan stunting", "tata kelola arsip"]


def test_a_topic_both_delegations_name_is_each_ones() -> None:
    text = (
        "Pemkab Gianyar menerima rombongan Pemkab Sleman dan Pemkot Salatiga, Senin (3/2).\n"
        "Rombongan Pemkab Sleman belajar tentang pajak hotel dan bank sampah.\n"
        "Rombongan Pemkot Salatiga belajar tentang bank sampah."
    )
    topics = _visit_topics(text)
    assert topics["Kabupaten Sleman"] == ["pajak hotel", "bank sampah"]
    assert topics["Kota Salatiga"] == ["bank sampah"]


def test_one_delegation_keeps_every_topic() -> None:
    text = (
        "Rombongan Pemkab Sleman berkunjung ke Kabupaten Gianyar, Senin (3/2).\n"
        "Rombongan belajar tentang pajak hotel. Pemkab Sleman juga belajar tentang bank sampah."
    )
    assert _visit_topics(text) == {"Kabupaten Sleman": ["pajak hotel", "bank sampah"]}
