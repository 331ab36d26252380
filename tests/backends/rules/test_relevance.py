"""Relevance filter: positives, the hard negatives named in LABELING.md and the dump.

Every text here is invented; each stands for one class of issue 9 (learning trips
without the usual words, host-side releases, trips abroad; and the negatives that must
stay negative).
"""

from __future__ import annotations

from datetime import date

import pytest

from visit_extract.backends.rules.relevance import relevance_features, relevance_score

POSITIVE = (
    "BANYUWANGI - Rombongan Pemerintah Kabupaten Sigi dipimpin Wakil Bupati Samuel Yansen "
    "menggelar studi banding di Kabupaten Banyuwangi, Kamis (14/3). Mereka disambut Sekda "
    "Banyuwangi di ruang rapat. Rombongan ingin belajar tentang Mal Pelayanan Publik dan "
    "pengelolaan BUMDes."
)
# Learning trips named without "studi banding" or "kunjungan kerja", reports from the
# host's side, trips abroad and national bodies learning (LABELING.md "Decided hard cases").
POSITIVES = {
    "studi lapangan": (
        "KLATEN - Tim Penggerak PKK Kabupaten Sragen melakukan studi lapangan ke Desa "
        "Jatirejo, Kabupaten Klaten, Selasa (12/3). Rombongan 35 orang dipimpin Ketua TP "
        "PKK Sragen Dwi Astuti ingin mempelajari pengelolaan bank sampah warga."
    ),
    "kunjungan belajar": (
        "Sebanyak 20 anggota DPRD Kota Tegal melakukan kunjungan belajar ke DPRD Kota "
        "Semarang, Kamis (7/11). Mereka diterima Wakil Ketua DPRD Semarang Budi Santoso dan "
        "berdiskusi tentang penyusunan perda bangunan gedung."
    ),
    "berguru": (
        "Pemerintah Kabupaten Bima berguru pengelolaan sampah ke Kota Malang. Kepala Dinas "
        "Lingkungan Hidup Bima bersama 12 staf tiba di Balai Kota Malang, Rabu (4/9), dan "
        "disambut Sekda Kota Malang."
    ),
    "kaji banding": (
        "Panitia Khusus DPRD Kabupaten Sintang melaksanakan kaji banding ke DPRD Kota "
        "Pontianak terkait raperda penyertaan modal, Jumat (15/2). Rombongan diterima Ketua "
        "Komisi II."
    ),
    "belajar ke": (
        "Puluhan kepala desa se-Kabupaten Lebak belajar pengelolaan BUMDes ke Kabupaten "
        "Gunungkidul, Sabtu (9/11). Mereka didampingi Kepala Dinas PMD Lebak dan diterima "
        "langsung Bupati Gunungkidul."
    ),
    "lawatan": (
        "Wali Kota Pekalongan memimpin lawatan ke Kota Surakarta untuk melihat langsung "
        "penataan pedagang kaki lima, Kamis (3/10). Lawatan itu diikuti kepala dinas "
        "perdagangan dan camat se-Kota Pekalongan."
    ),
    "working visit abroad on invitation": (
        "Bupati Banyuwangi melakukan kunjungan kerja ke Jepang memenuhi undangan pemerintah "
        "Kota Kitakyushu, Senin (14/10). Selama empat hari, bupati mempelajari sistem daur "
        "ulang sampah dan pengelolaan air bersih kota tersebut."
    ),
    "workshop abroad": (
        "Wali Kota Bogor mengikuti lokakarya tata kota di Seoul, Korea Selatan, 2-6 "
        "September. Dalam forum itu ia mempelajari pengelolaan transportasi publik. Pemkot "
        "Bogor berharap hasilnya dipakai Dinas Perhubungan Kota Bogor tahun depan."
    ),
    "tour of several countries": (
        "Gubernur Sulawesi Selatan bersama tiga bupati melawat ke Belanda, Jerman dan "
        "Belgia sejak Sabtu (5/10). Rombongan Pemprov Sulsel ingin belajar tata kelola "
        "irigasi dan pelabuhan dari ketiga negara itu."
    ),
    "host receives": (
        "Pemkab Jembrana menerima kunjungan rombongan Pemerintah Kabupaten Kupang, Rabu "
        "(18/9). Rombongan yang dipimpin Asisten I Setda Kupang itu ingin mengetahui program "
        "jaminan kesehatan daerah. Mereka disambut Sekda Jembrana."
    ),
    "host's arrival report": (
        "Kedatangan rombongan DPRD Kabupaten Sumbawa disambut Wakil Ketua DPRD Kabupaten "
        "Badung di ruang rapat, Selasa (10/12). Para legislator itu menggali informasi "
        "tentang pajak hotel dan restoran."
    ),
    "national body abroad": (
        "Komisi II DPR RI melakukan kunjungan kerja ke Korea Selatan untuk mempelajari "
        "sistem pemilu elektronik, Senin (8/7). Delegasi dipimpin Wakil Ketua Komisi II dan "
        "bertemu komisi pemilihan Korea di Seoul."
    ),
    "consultation at a ministry": (
        "Panitia Khusus DPRD Kabupaten Pati berkonsultasi ke Kementerian Dalam Negeri di "
        "Jakarta, Selasa (3/9), terkait raperda perlindungan anak. Rombongan diterima pejabat "
        "Direktorat Jenderal Otonomi Daerah."
    ),
    "bertandang": (
        "Rombongan DPRD Kabupaten Gresik bertandang ke DPRD Kota Surabaya, Selasa (8/10). "
        "Mereka ingin belajar penyusunan perda cagar budaya dan diterima Wakil Ketua DPRD "
        "Surabaya."
    ),
    "studying a concept and its effectiveness": (
        "Pemkab Pesawaran melakukan studi banding ke Kota Bandung untuk mempelajari konsep "
        "smart city. Rombongan dipimpin Sekda Pesawaran dan diterima Kepala Diskominfo "
        "Bandung. Menurut Sekda, konsep itu terbukti meningkatkan efektivitas pelayanan "
        "publik. Secara umum, kata dia, Bandung unggul dalam data terpadu."
    ),
    "one delegation after a tally": (
        "Banyuwangi sudah dikunjungi 120 daerah sepanjang tahun ini. Pekan ini, rombongan "
        "Pemerintah Kabupaten Alor datang untuk belajar pengelolaan pariwisata, Kamis "
        "(10/10). Wakil Bupati Alor memimpin 30 pejabat dan diterima Bupati Banyuwangi."
    ),
    "touring the host's sites": (
        "Rombongan Pemkab Bone Bolango melakukan studi banding ke Kabupaten Sumedang, Kamis "
        "(10/10). Rombongan meninjau Mal Pelayanan Publik, lalu meninjau command center dan "
        "memantau cara kerja aplikasi pengaduan. Mereka diterima Wakil Bupati Sumedang."
    ),
    "learning tourism": (
        "Dinas Pariwisata Kabupaten Belitung Timur studi banding ke Dinas Pariwisata "
        "Kabupaten Banyuwangi, Selasa (8/10). Mereka ingin belajar cara Banyuwangi menarik "
        "wisatawan. Jumlah wisatawan naik tiap tahun berkat festival, paket wisata desa dan "
        "promosi agen travel. Rombongan disambut Kepala Dinas Pariwisata Banyuwangi."
    ),
    "delegation without a visit word": (
        "Delegasi Pemerintah Kota Balikpapan tiba di Kota Surabaya, Senin (7/10), untuk "
        "mempelajari pengelolaan sampah. Delegasi dipimpin Asisten II Setda Balikpapan dan "
        "diterima Kepala Dinas Kebersihan Surabaya."
    ),
    "host receives guests": (
        "Wakil Bupati Sleman menerima tamu dari Pemerintah Kabupaten Bantaeng di ruang "
        "rapat, Rabu (9/10). Tamu yang dipimpin Sekda Bantaeng itu ingin mengadopsi program "
        "desa wisata Sleman."
    ),
    "digging for innovations": (
        "Pemkab Nganjuk menggali inovasi pelayanan publik di Kabupaten Sumedang, Selasa "
        "(8/10). Sekda Nganjuk bersama sepuluh kepala OPD diterima Wakil Bupati Sumedang. "
        "Mereka ingin mengadopsi aplikasi perizinan daring."
    ),
    "working visit to see another region's innovation": (
        "Bupati Lamongan melakukan kunjungan kerja ke Kabupaten Banyuwangi, Senin (7/10). "
        "Bupati bersama kepala OPD ingin melihat langsung penerapan Mal Pelayanan Publik. "
        "Rombongan disambut Sekda Banyuwangi."
    ),
    "criticism of one dated trip": (
        "JEMBER - Kunjungan kerja Komisi C DPRD Kabupaten Jember ke DPRD Kota Batam, Kamis "
        "(12/9), menuai kritik. Rombongan 14 anggota dewan yang dipimpin Ketua Komisi C "
        "Ahmad Fauzi itu hanya satu jam berada di gedung DPRD Batam. Mereka diterima "
        "Sekretaris DPRD Batam dan bertanya soal perda retribusi parkir. Pengamat menilai "
        "kunjungan itu pemborosan anggaran."
    ),
}
NEGATIVES = {
    "minister inspection": (
        "Menteri PUPR meninjau pembangunan bendungan di Kabupaten Lombok Barat dalam "
        "kunjungan kerja, Senin (3/5). Menteri didampingi Gubernur NTB memantau progres."
    ),
    "planned only": (
        "Sebanyak 40 pejabat Pemkab Garut akan menggelar studi banding ke Kabupaten "
        "Sumedang pada pekan depan untuk mempelajari aplikasi pelayanan, kata Sekda Garut."
    ),
    "student trip": (
        "Puluhan siswa SMA Negeri 3 melakukan kunjungan edukatif ke DPRD Kabupaten Jember, "
        "Selasa (2/4). Para pelajar diterima Sekretaris DPRD dan belajar tentang demokrasi."
    ),
    "explainer": (
        "Pendahuluan. Studi banding DPRD adalah kegiatan kunjungan kerja untuk mempelajari "
        "praktik lembaga lain. Artikel ini membahas konsep, manfaat studi banding dan "
        "efektivitas kunjungan yang sering dikritik sebagai pemborosan."
    ),
    "criticism in general": (
        "Anggota DPRD sering melakukan studi banding ke luar daerah untuk mempelajari "
        "praktik daerah lain. Kebiasaan itu dikritik sebagai pemborosan, sebab hasil studi "
        "banding jarang dilaporkan kepada publik."
    ),
    "tally of visitors": (
        "Sepanjang tahun ini, 42 instansi dari berbagai daerah sudah studi banding ke "
        "Kabupaten Banyuwangi, Senin (9/12). Kepala Bagian Humas menyebut puluhan pemda "
        "datang untuk belajar pelayanan publik, sehingga hotel ikut ramai."
    ),
    "cancelled": (
        "DPRD Kota Bekasi membatalkan kunjungan kerja ke Bali yang dijadwalkan pekan ini. "
        "Ketua DPRD mengatakan kunjungan ditunda karena pembahasan APBD belum selesai, "
        "Selasa (5/11)."
    ),
    "national monitoring": (
        "Tim Kementerian Dalam Negeri melakukan kunjungan kerja ke Kabupaten Lebak untuk "
        "memantau penyaluran dana desa, Rabu (6/3). Tim melakukan monitoring dan evaluasi "
        "bersama Inspektorat dan Dinas PMD."
    ),
    "superior's working visit": (
        "Gubernur Sulawesi Selatan melakukan kunjungan kerja ke Kabupaten Bone, Rabu (9/10). "
        "Gubernur disambut Bupati Bone dan jajaran. Dalam kunjungan itu gubernur ingin "
        "mengetahui perkembangan pembangunan bendungan dan berdialog dengan petani."
    ),
    "national body's working visit": (
        "Komisi IV DPR RI melakukan kunjungan kerja spesifik ke Kabupaten Banyuwangi, Kamis "
        "(10/10). Rombongan diterima Bupati Banyuwangi di pendopo. Para anggota dewan ingin "
        "melihat langsung penanganan kekeringan dan ketersediaan pupuk bagi petani."
    ),
    "foreign delegation": (
        "Delegasi pemerintah kota dari Vietnam melakukan studi banding ke Kota Surabaya, "
        "Senin (11/3). Rombongan tamu dari Vietnam itu ingin mempelajari pengelolaan taman "
        "kota dan disambut Wali Kota Surabaya."
    ),
    "students on a learning visit": (
        "Ratusan siswa SMA Negeri 1 Cianjur melakukan kunjungan belajar ke Gedung DPRD "
        "Kabupaten Cianjur, Rabu (13/3). Para pelajar diterima Sekretaris DPRD dan belajar "
        "tentang tugas dewan."
    ),
    "students studying away": (
        "Bupati Kerinci bertemu ratusan mahasiswa asal Kerinci yang tengah menimba ilmu di "
        "Yogyakarta, Sabtu (14/9). Bupati berpesan agar para mahasiswa kembali membangun "
        "daerah setelah lulus. Pemkab Kerinci juga menyiapkan beasiswa bagi mahasiswa "
        "berprestasi, kata Kepala Dinas Pendidikan Kerinci."
    ),
    "party trip": (
        "Pengurus DPD Partai Golkar Kabupaten Sleman melakukan studi banding ke DPD Partai "
        "Golkar Kota Surabaya untuk belajar strategi pemenangan pemilu, Minggu (10/3). "
        "Rombongan kader partai disambut ketua DPD setempat."
    ),
    "recess": (
        "Anggota DPRD Kabupaten Bogor melaksanakan reses di Desa Cibodas, Sabtu (2/3). "
        "Dalam kunjungan kerja reses itu ia menyerap aspirasi warga soal jalan rusak."
    ),
    "inauguration": (
        "Bupati Karawang meresmikan gedung Mal Pelayanan Publik, Senin (4/3). Dalam "
        "peresmian itu bupati berharap daerah lain bisa studi banding ke Karawang."
    ),
    "aid hand-over": (
        "Wakil Gubernur Jawa Barat melakukan kunjungan kerja ke Kabupaten Garut sekaligus "
        "menyerahkan bantuan bagi korban banjir, Jumat (8/3). Penyerahan bantuan dilakukan "
        "di posko pengungsian."
    ),
    "holiday": (
        "Melepas penat, puluhan anggota TP PKK Kecamatan Sukasari berlibur ke Kota "
        "Yogyakarta, Sabtu (2/3). Rombongan mengunjungi Malioboro dan belajar membatik di "
        "sebuah sanggar."
    ),
    "no visit at all": "Harga cabai di Pasar Induk naik tajam menjelang akhir pekan.",
}


def test_positive_scores_above_threshold() -> None:
    assert relevance_score(POSITIVE) >= 0.5


@pytest.mark.parametrize("name", sorted(POSITIVES))
def test_learning_trips_in_other_words_score_above_threshold(name: str) -> None:
    assert relevance_score(POSITIVES[name]) >= 0.5


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_hard_negatives_score_below_threshold(name: str) -> None:
    assert relevance_score(NEGATIVES[name]) < 0.5


def test_baca_juga_line_does_not_make_an_article_relevant() -> None:
    text = (
        "Harga cabai di pasar naik tajam menjelang akhir pekan, kata pedagang.\n"
        "Baca juga: Bupati Garut studi banding ke Banyuwangi, diterima Bupati Anas (3/5)\n"
        "Pedagang berharap pasokan kembali normal pekan depan."
    )
    assert relevance_score(text) < 0.5


def test_score_is_a_probability() -> None:
    for text in [POSITIVE, *POSITIVES.values(), *NEGATIVES.values()]:
        assert 0.0 <= relevance_score(text) <= 1.0


# Invented: a trip abroad reported without any study-visit term, its purpose only in
# "terinspirasi" and "mencari contoh".
INSPIRED_TRIP = (
    "Wali Kota Blitar melakukan kunjungan ke Jepang pada Senin (7/10). Salah satu tempat "
    "yang dikunjunginya adalah pusat daur ulang di Kitakyushu.\n"
    "Ia mengaku terinspirasi oleh cara kota itu mengolah sampah plastik.\n"
    '"Saya ingin Blitar punya yang seperti ini, jadi saya datang mencari contoh-contohnya '
    'langsung," katanya. Selama tiga hari kunjungan kerja di Jepang, ia juga bertemu warga '
    "Blitar yang bekerja di sana."
)


def test_learning_purpose_stated_as_inspiration_or_examples_counts() -> None:
    assert relevance_score(INSPIRED_TRIP) >= 0.5
    # the same trip with no learning purpose at all stays below the threshold
    plain = INSPIRED_TRIP.replace("terinspirasi oleh", "melihat").replace(
        "mencari contoh-contohnya", "menyapa warganya"
    )
    assert relevance_score(plain) < 0.5


def test_learning_at_a_named_place_is_a_visit_without_any_visit_word() -> None:
    text = (
        "BANYUWANGI - Pemprov Sumatera Barat belajar pengelolaan pasar ke Kabupaten "
        "Banyuwangi, Kamis (7/3). Asisten II Pemprov Sumbar Syamsul Bahri yang datang "
        "bersama beberapa kepala dinas disambut Sekda Banyuwangi Mujiono."
    )
    assert relevance_score(text) >= 0.5
    # "belajar ... ke" without a named place is not a trip
    general = text.replace("ke Kabupaten Banyuwangi", "ke depan").replace(
        "disambut", "berbicara dengan"
    )
    assert relevance_score(general) < 0.5


def test_criticism_counts_when_it_is_about_one_dated_trip() -> None:
    dated = POSITIVES["criticism of one dated trip"]
    assert relevance_features(dated)["anchored"] >= 1
    # the same piece without the trip's day and hosts is criticism in general
    undated = dated.replace(", Kamis (12/9),", "").replace("Mereka diterima", "Konon")
    assert relevance_features(undated)["anchored"] == 0
    assert relevance_score(undated) < relevance_score(dated)


@pytest.mark.parametrize(
    ("before", "kind"),
    [
        ("DPRD Kota Cirebon tidak bisa lagi", "generic"),
        ("Anggota dewan kerap", "generic"),
        ("Pemkab Garut dijadwalkan", "planned_stmt"),
        ("Sebanyak 30 anggota DPRD Kota Cirebon", "done"),
    ],
)
def test_what_stands_before_a_visit_says_whether_it_happened(before: str, kind: str) -> None:
    text = f"{before} melakukan studi banding ke Kabupaten Badung, Senin (4/11)."
    feats = relevance_features(text)
    assert feats[kind] == 1
    assert feats["realised"] == (1 if kind == "done" else 0)


@pytest.mark.parametrize(
    ("after", "planned"),
    [
        ("pekan depan", True),
        ("pada bulan mendatang untuk belajar pajak hotel", True),
        ("dalam waktu dekat", True),
        # the time of the purpose or of the lessons, not of the trip
        ("untuk menyiapkan program pajak tahun depan", False),
        ("yang hasilnya akan diterapkan tahun depan", False),
        ("Senin (4/11)", False),
    ],
)
def test_a_time_to_come_after_a_visit_makes_it_a_plan(after: str, planned: bool) -> None:
    text = f"Sebanyak 30 anggota DPRD Kota Cirebon studi banding ke Kabupaten Badung {after}."
    feats = relevance_features(text)
    assert (feats["planned_stmt"], feats["done"]) == ((1, 0) if planned else (0, 1))


def test_the_time_of_a_done_trips_lessons_is_no_plan() -> None:
    text = "Hasil studi banding ke Kabupaten Badung akan dipakai pekan depan."
    assert relevance_features(text)["planned_stmt"] == 0


@pytest.mark.parametrize(
    "lead",
    [
        "Pemkab Lombok Tengah akan menerapkan hasil studi banding ke Kabupaten Banyuwangi.",
        "Bupati Lombok Tengah ingin agar inovasi yang dipelajari saat studi banding ke "
        "Kabupaten Banyuwangi bisa diterapkan.",
    ],
    ids=["lessons-planned", "lessons-wished"],
)
def test_a_plan_for_the_lessons_is_no_plan_for_the_visit(lead: str) -> None:
    text = (
        f"{lead} Rombongan 25 pejabat Pemkab Lombok Tengah belajar Mal Pelayanan Publik di "
        "Banyuwangi, Kamis (10/10), dan diterima Sekda Banyuwangi."
    )
    feats = relevance_features(text)
    assert feats["first_planned"] == 0
    assert relevance_score(text) >= 0.5
    planned = text.replace(lead, "Pemkab Lombok Tengah akan melakukan studi banding.")
    assert relevance_features(planned)["first_planned"] == 1


def test_a_trip_of_a_year_before_last_is_a_record_not_news() -> None:
    text = (
        "DPRD Kabupaten Ende melakukan studi banding ke Kota Denpasar pada 3 Mei "
        "2015. Anggota dewan doyan studi banding, kata pengamat."
    )
    assert relevance_features(text, published=date(2015, 5, 6))["realised"] == 1
    late = relevance_features(text, published=date(2017, 8, 1))
    assert late["realised"] == 0 and late["old"] == 1
    assert relevance_score(text, published=date(2017, 8, 1)) < relevance_score(
        text, published=date(2015, 5, 6)
    )


def test_a_regulation_year_does_not_date_the_trip() -> None:
    text = (
        "Pansus DPRD Kabupaten Ende melakukan studi banding ke Kota Denpasar tentang Perda "
        "Nomor 5 Tahun 2012, Senin (4/11)."
    )
    assert relevance_features(text, published=date(2019, 11, 5))["old"] == 0


def test_a_tally_of_institutions_is_no_delegation() -> None:
    tally = NEGATIVES["tally of visitors"]
    assert relevance_features(tally)["crowd"] >= 1
    one = tally.replace("42 instansi dari berbagai daerah", "Pemkab Sigi")
    assert relevance_features(one)["crowd"] == 0
    assert relevance_score(one) > relevance_score(tally)


def test_a_headline_about_visits_as_a_topic() -> None:
    body = (
        "Anggota DPRD Kota Cirebon melakukan studi banding ke Kota Bogor, kata Ketua "
        "Komisi B. Studi banding itu untuk mempelajari perda pasar."
    )
    assert relevance_features(body, title="Anggaran Studi Banding Habis")["topic_headline"]
    assert not relevance_features(body, title="DPRD Cirebon Studi Banding ke Bogor")[
        "topic_headline"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wakil Bupati Bantul melakukan kunjungan kerja ke Jepang guna mempelajari "
        "pengelolaan sampah, Senin (26/1). Rombongan diterima pejabat kota Osaka.",
        "Wali Kota Batu melakukan studi banding ke Korea Selatan, Senin (7/10). Selama di "
        "Daejeon, rombongan Pemkot Batu didampingi Wali Kota Daejeon meninjau pusat kendali "
        "kota pintar.",
        "Rombongan Pemkab Bantaeng kembali dari Jepang, Minggu (13/10), setelah sepekan "
        "mempelajari teknologi pertanian. Bupati Bantaeng mengatakan rombongan banyak "
        "belajar dari petani Jepang.",
    ],
    ids=["received-by", "accompanied-by", "back-from"],
)
def test_a_delegation_abroad_is_no_foreign_delegation(text: str) -> None:
    assert relevance_features(text)["foreign_visitor"] == 0
    assert relevance_score(text) >= 0.5


def test_a_foreign_delegation_is_one() -> None:
    assert relevance_features(NEGATIVES["foreign delegation"])["foreign_visitor"] >= 1
