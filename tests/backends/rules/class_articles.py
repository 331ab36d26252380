"""Invented news articles, several per failure class of issue 9, for the relevance tests.

Each is written the way regional news and government press releases are: a dateline,
quotes, a "Baca juga" line or an editor's tag, names of real regions with invented
people and sentences. Positives report one concrete study visit (LABELING.md); the
negatives are the kinds of trip or piece that must not pass for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ClassArticle:
    """One invented article of a class: ``visit`` is its LABELING.md verdict, ``pair``
    the (visitor region, host region) of its visit where the extraction is checked too."""

    name: str
    visit: bool
    text: str
    title: str | None = None
    published: date | None = None
    pair: tuple[str | None, str | None] | None = None


# --- learning trips without the usual words -------------------------------------------

LEARNING_WORDS = [
    ClassArticle(
        "studi komparasi",
        True,
        "TULUNGAGUNG, Radarkita.id - Komisi A DPRD Kabupaten Tulungagung menggelar studi "
        "komparasi ke DPRD Kota Yogyakarta, Rabu (16/10/2019). Rombongan yang terdiri dari "
        "sembilan anggota dewan itu dipimpin Ketua Komisi A, Heru Prasetyo.\n"
        "Kedatangan mereka diterima Wakil Ketua DPRD Kota Yogyakarta, Nurul Hidayati, di "
        "ruang rapat paripurna. Dalam pertemuan itu, kedua pihak bertukar pengalaman soal "
        "penyusunan perda penataan toko swalayan.\n"
        "Baca juga: Harga Cabai Rawit di Pasar Ngemplak Turun Lagi\n"
        "\u201cYogyakarta sudah lebih dulu punya aturan yang membatasi jarak minimarket dari "
        "pasar rakyat. Itu yang ingin kami pelajari,\u201d kata Heru usai pertemuan.\n"
        "Menurut dia, hasil kunjungan akan dibahas dalam rapat komisi pekan depan sebelum "
        "raperda diajukan ke badan pembentukan perda. (ed: Sari)",
        title="Komisi A DPRD Tulungagung Studi Komparasi Perda Toko Swalayan ke Yogyakarta",
        published=date(2019, 10, 17),
        pair=("Kabupaten Tulungagung", "Kota Yogyakarta"),
    ),
    ClassArticle(
        "menimba ilmu",
        True,
        "SRAGEN - Pemerintah Kabupaten Lombok Timur menimba ilmu pelayanan perizinan satu "
        "pintu di Kabupaten Sragen, Kamis (7/11/2019). Rombongan berjumlah 18 orang itu "
        "dipimpin Asisten Administrasi Umum Setda Lombok Timur, Lalu Hamdani.\n"
        "Mereka disambut Sekda Sragen, Tatag Prabawanto, di Ruang Sukowati. Setelah paparan, "
        "rombongan diajak melihat ruang layanan perizinan terpadu milik dinas yang buka "
        "hingga malam.\n"
        "\u201cSragen ini sering disebut contoh. Kami datang jauh-jauh supaya tahu caranya "
        "memangkas waktu izin,\u201d ujar Lalu Hamdani.\n"
        "Tatag menyebut pintu Sragen terbuka bagi daerah mana pun yang ingin belajar.\n"
        "Baca Juga: Jalan Lingkar Utara Sragen Mulai Diaspal",
        published=date(2019, 11, 8),
        pair=("Kabupaten Lombok Timur", "Kabupaten Sragen"),
    ),
    ClassArticle(
        "benchmarking",
        True,
        "SURABAYA, Kabarjatim.com - Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Palu "
        "melakukan benchmarking ke Bappeda Kota Surabaya, Selasa (22/10/2019). Sebanyak 12 "
        "pejabat perencana hadir dalam kegiatan tersebut.\n"
        "Kepala Bappeda Palu, Arfan Lamarauna, mengatakan timnya ingin melihat langsung "
        "sistem e-planning yang menghubungkan usulan musrenbang kelurahan dengan anggaran "
        "tiap dinas.\n"
        "\u201cKami bawa pulang catatan teknis, mulai dari server sampai pelatihan operator,"
        "\u201d ucap Arfan.\n"
        "Rombongan diterima Kepala Bappeda Surabaya, Ery Wicaksono, yang memaparkan "
        "perjalanan aplikasi itu sejak 2010.\n"
        "Editor: Dimas",
        published=date(2019, 10, 23),
        pair=("Kota Palu", "Kota Surabaya"),
    ),
    ClassArticle(
        "berguru",
        True,
        "SLEMAN - Tim Penggerak PKK Kabupaten Bireuen berguru ke Kabupaten Sleman soal "
        "pengelolaan posyandu remaja, Senin (4/11/2019). Rombongan dipimpin Ketua TP PKK "
        "Bireuen, Nurjannah Usman, bersama 20 kader.\n"
        "Kedatangan mereka disambut Ketua TP PKK Sleman, Endah Sri Murni, di Pendopo Parasamya. "
        "Para kader Bireuen kemudian mengunjungi posyandu remaja di Desa Wedomartani.\n"
        "Baca juga: Sleman Siagakan 40 Relawan Jelang Musim Hujan\n"
        "\u201cDi Bireuen posyandu remaja belum jalan. Dari Sleman kami dapat contoh jadwal, "
        "materi dan cara mengajak anak muda datang,\u201d kata Nurjannah.\n"
        "Endah berharap kerja sama antarpengurus PKK kedua daerah terus berlanjut.",
        published=date(2019, 11, 5),
        pair=("Kabupaten Bireuen", "Kabupaten Sleman"),
    ),
    ClassArticle(
        "studi lapangan",
        True,
        "MALANG - Puluhan penyuluh Dinas Pertanian Kabupaten Gowa melaksanakan studi lapangan "
        "ke sentra hortikultura di Kabupaten Malang, Jumat (18/10/2019).\n"
        "Rombongan dipimpin Kepala Dinas Pertanian Gowa, Muhammad Fajar, dan diterima Kepala "
        "Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Malang, Budi Santoso. "
        "Mereka mempelajari cara petani Poncokusumo menanam apel dan sayur organik di lereng.\n"
        "\u201cSetelah ini penyuluh kami latih petani Tinggimoncong dengan cara yang sama,"
        "\u201d tutur Fajar.\n"
        "Budi menjelaskan, Malang juga kerap dikunjungi penyuluh dari luar Jawa.\n"
        "Baca juga: Kopi Dampit Tembus Pasar Eropa",
        published=date(2019, 10, 19),
        pair=("Kabupaten Gowa", "Kabupaten Malang"),
    ),
    ClassArticle(
        "observation visit",
        True,
        "KUDUS - Tim Penggerak PKK Kabupaten Rembang melakukan observasi ke Kabupaten Kudus, "
        "Selasa (12/11/2019), untuk melihat pengelolaan posyandu lansia. Rombongan 30 orang "
        "dipimpin Ketua TP PKK Rembang, Hasiroh Hafidz.\n"
        "Mereka diterima Ketua TP PKK Kudus di Pendapa Kabupaten dan diajak ke posyandu lansia "
        "Desa Jati Wetan. Kader setempat menunjukkan kartu kesehatan dan senam lansia.\n"
        "\u201cDi Rembang posyandu lansia baru ada di separuh desa,\u201d kata Hasiroh.",
        published=date(2019, 11, 13),
        pair=("Kabupaten Rembang", "Kabupaten Kudus"),
    ),
]

# --- trips abroad: a foreign city, often named with its country -----------------------

ABROAD = [
    ClassArticle(
        "feasibility visit to a foreign city",
        True,
        "MEDAN - Wakil Wali Kota Medan, Hendra Sitorus, melakukan kunjungan ke Gwangju, "
        "Korea Selatan, 8-12 Oktober 2019. Kunjungan itu untuk menjajaki kerja sama "
        "pengolahan sampah menjadi energi listrik.\n"
        "Dalam keterangan tertulis yang diterima redaksi, Senin (14/10/2019), Hendra "
        "mengatakan rombongan meninjau instalasi pengolahan sampah milik Pemerintah Kota "
        "Gwangju dan berdiskusi dengan pengelolanya.\n"
        "\u201cKapasitasnya cocok dengan volume sampah Medan. Kami sedang menyusun kajian "
        "kelayakan,\u201d ujarnya.\n"
        "Hendra didampingi Kepala Dinas Kebersihan dan Pertamanan Medan serta pejabat "
        "Kedutaan Besar RI di Seoul.",
        title="Wawali Medan Jajaki Kerja Sama Sampah Jadi Listrik di Gwangju",
        published=date(2019, 10, 14),
        pair=("Kota Medan", "South Korea"),
    ),
    ClassArticle(
        "feasibility study abroad without a learning verb",
        True,
        "BADUNG - Bupati Badung, Nyoman Giri Prasta, bersama rombongan berada di Wellington, "
        "Selandia Baru, sejak Minggu (13/10/2019). Kunjungan itu dalam rangka studi "
        "kelayakan kereta ringan untuk kawasan Kuta dan Nusa Dua.\n"
        "Rombongan diterima Wali Kota Wellington dan mendapat paparan soal jaringan trem "
        "kota itu. Pemkab Badung juga dijajaki kerja sama pelatihan operator.\n"
        "\u201cKalau kajiannya layak, kami ajukan ke pemerintah pusat tahun depan,\u201d "
        "kata Giri dalam rilis Humas Pemkab Badung, Rabu (16/10/2019).\n"
        "Baca juga: Badung Bagikan Beasiswa untuk 500 Mahasiswa",
        published=date(2019, 10, 16),
        pair=("Kabupaten Badung", "New Zealand"),
    ),
    ClassArticle(
        "seeing a foreign city's system",
        True,
        "SEMARANG - Sekda Kota Semarang, Iswar Aminuddin, memimpin delegasi Pemkot Semarang "
        "ke Brisbane, Australia, pada 21-25 Oktober 2019. Delegasi ingin melihat langsung "
        "sistem pengendalian banjir di kota yang dilalui sungai besar itu.\n"
        "Di Brisbane, rombongan bertemu pejabat dewan kota dan meninjau kolam retensi serta "
        "pintu air otomatis.\n"
        "\u201cSemarang punya masalah rob dan banjir kiriman. Brisbane pernah mengalami hal "
        "serupa lalu membenahi tata airnya,\u201d kata Iswar, Minggu (27/10/2019).\n"
        "Hasil kunjungan akan dibahas bersama Dinas Pekerjaan Umum.",
        published=date(2019, 10, 28),
        # the pairing stage does not find this visit yet: relevance is tested alone
    ),
    ClassArticle(
        "invited abroad",
        True,
        "SEMARANG - Pimpinan DPRD Provinsi Jawa Tengah memenuhi undangan Pemerintah Provinsi "
        "Zuid-Holland ke Den Haag, Belanda, Senin (9/9/2019). Kunjungan kerja selama lima "
        "hari itu dipimpin Ketua DPRD Jateng, Bambang Kusriyanto.\n"
        "Rombongan mempelajari cara parlemen provinsi di Belanda mengawasi pengelolaan "
        "tanggul dan air bersih. Mereka juga bertemu dengan komisi lingkungan.\n"
        "\u201cKami ingin perda pengelolaan air kita lebih tegas soal pengawasan,\u201d kata "
        "Bambang.\n"
        "Baca juga: Ganjar Resmikan Jembatan Gantung di Banjarnegara",
        published=date(2019, 9, 11),
        # the pairing stage does not find this visit yet: relevance is tested alone
    ),
]

# --- the host's press release ----------------------------------------------------------

HOST_SIDE = [
    ClassArticle(
        "host receives a delegation",
        True,
        "MADIUN - Pemerintah Kota Madiun kedatangan rombongan Pemerintah Kabupaten Bone "
        "Bolango, Kamis (24/10/2019). Rombongan yang dipimpin Wakil Bupati Bone Bolango, "
        "Merlan Uloli, ingin belajar penataan kawasan pedagang kaki lima.\n"
        "Wali Kota Madiun, Maidi, menerima langsung rombongan di ruang Sabha Kota. Ia "
        "memaparkan cara pemkot memindahkan pedagang tanpa gejolak.\n"
        "\u201cKuncinya dialog. Pedagang diajak menentukan lokasi baru,\u201d kata Maidi.\n"
        "Usai paparan, rombongan meninjau Pahlawan Street Center.\n"
        "Baca juga: Madiun Targetkan 100 Ribu Wisatawan di Akhir Tahun",
        published=date(2019, 10, 25),
        pair=("Kabupaten Bone Bolango", "Kota Madiun"),
    ),
    ClassArticle(
        "host's regent receives a DPRD",
        True,
        "PURWAKARTA - Bupati Purwakarta, Anne Ratna Mustika, menerima kunjungan studi banding "
        "DPRD Kabupaten Sumbawa Barat di Bale Maya Datar, Selasa (5/11/2019).\n"
        "Rombongan sebanyak 15 orang itu dipimpin Wakil Ketua DPRD Sumbawa Barat, Kaharuddin "
        "Umar. Mereka menggali informasi tentang program pendidikan karakter di sekolah dasar.\n"
        "\u201cSilakan ambil yang baik dari Purwakarta,\u201d ucap Anne.\n"
        "Kaharuddin mengatakan, program serupa ingin diusulkan dalam APBD Sumbawa Barat.",
        published=date(2019, 11, 6),
        pair=("Kabupaten Sumbawa Barat", "Kabupaten Purwakarta"),
    ),
    ClassArticle(
        "a host famous for visits, and one delegation",
        True,
        "BATU - Kota Batu kembali menjadi jujugan studi banding. Kali ini rombongan Pemerintah "
        "Kabupaten Kepulauan Selayar datang untuk mempelajari pengelolaan desa wisata, Rabu "
        "(30/10/2019).\n"
        "Rombongan dipimpin Sekda Selayar, Marjani Sultan, dan diterima Wakil Wali Kota Batu, "
        "Punjul Santoso, di Balai Kota Among Tani. Setelah itu mereka berkeliling Desa Wisata "
        "Tulungrejo.\n"
        "\u201cSelayar punya pantai, tapi desanya belum mengelola wisata sendiri,\u201d kata "
        "Marjani.\n"
        "Baca juga: Tarif Parkir Alun-Alun Batu Naik",
        published=date(2019, 10, 31),
        pair=("Kabupaten Kepulauan Selayar", "Kota Batu"),
    ),
]

# --- national bodies learning, consultations -------------------------------------------

NATIONAL = [
    ClassArticle(
        "training cohort on a field study",
        True,
        "BANYUWANGI - Sebanyak 30 peserta Pelatihan Kepemimpinan Administrator (PKA) "
        "Lembaga Administrasi Negara melaksanakan studi lapangan di Kabupaten Banyuwangi, "
        "Rabu (2/10/2019). Mereka mempelajari inovasi pelayanan publik di Mal Pelayanan "
        "Publik Banyuwangi.\n"
        "Rombongan diterima Sekda Banyuwangi, Mujiono, di ruang rapat Pemkab.\n"
        "\u201cPeserta harus membawa pulang satu gagasan perubahan untuk instansinya,\u201d "
        "kata ketua rombongan, Agus Salim.",
        published=date(2019, 10, 3),
        pair=(None, "Kabupaten Banyuwangi"),
    ),
    ClassArticle(
        "DPRD consults a ministry",
        True,
        "JAKARTA - Panitia khusus DPRD Kabupaten Kepulauan Meranti berkonsultasi ke "
        "Kementerian Dalam Negeri, Kamis (10/10/2019), terkait raperda pengelolaan barang "
        "milik daerah.\n"
        "Rombongan yang dipimpin Ketua Pansus, Rusdi Abdullah, diterima pejabat Direktorat "
        "Jenderal Bina Keuangan Daerah.\n"
        "\u201cAda pasal soal sewa aset yang perlu dipastikan tidak bertentangan dengan "
        "aturan pusat,\u201d kata Rusdi.\n"
        "Baca juga: Meranti Kirim Bantuan ke Warga Pulau Rangsang",
        published=date(2019, 10, 11),
        # the pairing stage does not find this visit yet: relevance is tested alone
    ),
]

# --- harder positives: little of the usual wording --------------------------------------

PLAIN = [
    ClassArticle(
        "DPRD working visit to consult",
        True,
        "BALIKPAPAN - Komisi II DPRD Kota Bontang melakukan kunjungan kerja ke DPRD Kota "
        "Balikpapan, Senin (21/10/2019). Kunjungan dalam rangka konsultasi dan koordinasi "
        "terkait penyusunan raperda retribusi pasar.\n"
        "Rombongan delapan anggota dewan dipimpin Ketua Komisi II, Rustam Efendi, dan "
        "diterima Sekretaris DPRD Balikpapan, Irfan Taufik.\n"
        "\u201cBalikpapan sudah menerapkan tarif retribusi per meter persegi. Kami ingin "
        "tahu dasar hitungannya,\u201d kata Rustam.\n"
        "Irfan menyerahkan salinan perda dan kajian akademiknya kepada rombongan.",
        published=date(2019, 10, 22),
        pair=("Kota Bontang", "Kota Balikpapan"),
    ),
    ClassArticle(
        "host's short release with sharing",
        True,
        "Pemkab Klungkung Terima Kunjungan Pemkab Ende\n"
        "SEMARAPURA - Wakil Bupati Klungkung, Made Kasta, menerima rombongan dari Pemerintah "
        "Kabupaten Ende di Ruang Rapat Bupati, Kamis (31/10/2019). Kunjungan tersebut dalam "
        "rangka sharing informasi terkait pengelolaan sampah berbasis desa adat.\n"
        "Rombongan dipimpin Asisten II Setda Ende, Yohanes Laka. Made Kasta memaparkan "
        "peran desa adat dalam memungut iuran sampah.\n"
        "Baca juga: Klungkung Siapkan Pengamanan Galungan",
        published=date(2019, 11, 1),
        pair=("Kabupaten Ende", "Kabupaten Klungkung"),
    ),
    ClassArticle(
        "a tour of two countries",
        True,
        "PONTIANAK - Wali Kota Pontianak, Edi Kamtono, melakukan lawatan ke Jepang dan Korea "
        "Selatan selama sepekan sejak Minggu (6/10/2019). Ia didampingi Kepala Dinas "
        "Perhubungan dan Kepala Bappeda Kota Pontianak.\n"
        "Di Tokyo, rombongan mempelajari sistem bus terpadu. Sementara di Seoul, mereka "
        "melihat pengelolaan sungai di tengah kota.\n"
        "\u201cPontianak kota sungai. Kami ingin tepian Kapuas ditata seperti itu,\u201d "
        "tulis Edi dalam keterangan pers, Sabtu (12/10/2019).",
        published=date(2019, 10, 13),
        pair=("Kota Pontianak", "Japan"),
    ),
    ClassArticle(
        "a DPR body learns abroad",
        True,
        "JAKARTA - Badan Legislasi DPR RI melakukan studi banding ke Prancis terkait "
        "penyusunan RUU perlindungan data pribadi, 14-18 Oktober 2019. Delegasi dipimpin "
        "Wakil Ketua Baleg, Arif Nugroho.\n"
        "Di Paris, rombongan bertemu lembaga pengawas data Prancis dan mempelajari cara "
        "lembaga itu menjatuhkan sanksi.\n"
        "\u201cPrancis punya pengalaman panjang. Itu bahan penting bagi RUU kita,\u201d "
        "kata Arif, Minggu (20/10/2019).\n"
        "Baca juga: Paripurna DPR Sahkan Tiga RUU",
        published=date(2019, 10, 21),
        pair=(None, "France"),
    ),
    ClassArticle(
        "village heads on a learning trip",
        True,
        "GUNUNGKIDUL - Sebanyak 25 kepala desa se-Kecamatan Sukamaju, Kabupaten Luwu Utara, "
        "belajar pengelolaan BUMDes ke Desa Nglanggeran, Kabupaten Gunungkidul, Rabu "
        "(23/10/2019).\n"
        "Rombongan didampingi Camat Sukamaju, Andi Rahman, dan disambut kepala desa "
        "setempat. Pengelola BUMDes memaparkan cara desa mengelola wisata gunung api purba.\n"
        "\u201cDesa kami punya air terjun yang belum tergarap,\u201d kata salah satu kepala "
        "desa peserta.",
        published=date(2019, 10, 24),
        pair=("Kabupaten Luwu Utara", "Kabupaten Gunungkidul"),
    ),
    ClassArticle(
        "a regent wants to know the strategy",
        True,
        "BOJONEGORO - Bupati Blora, Djoko Nugroho, melakukan kunjungan kerja ke Kabupaten "
        "Bojonegoro, Jumat (25/10/2019). Bupati ingin mengetahui strategi Bojonegoro "
        "menurunkan angka kemiskinan lewat program padat karya.\n"
        "Rombongan Pemkab Blora diterima Bupati Bojonegoro, Anna Muawanah, di Pendopo "
        "Malowopati.\n"
        "\u201cKami sama-sama daerah penghasil minyak, tapi kemiskinan di Blora masih "
        "tinggi,\u201d kata Djoko.",
        published=date(2019, 10, 26),
        pair=("Kabupaten Blora", "Kabupaten Bojonegoro"),
    ),
]

# --- visits whose subject brings words of other trips -----------------------------------

NOISY = [
    ClassArticle(
        "learning a school programme",
        True,
        "KULON PROGO - Komisi IV DPRD Kabupaten Temanggung melakukan studi banding ke "
        "Kabupaten Kulon Progo, Kamis (17/10/2019), untuk mempelajari program sekolah gratis "
        "bagi siswa SD dan SMP.\n"
        "Rombongan diterima Kepala Dinas Pendidikan Kulon Progo, Sumarsana. Ia menjelaskan, "
        "setiap siswa dari keluarga miskin mendapat seragam, buku dan uang saku. Sekolah "
        "swasta juga mendapat bantuan operasional.\n"
        "\u201cSiswa SMP di desa terpencil kami antar jemput dengan bus sekolah,\u201d kata "
        "Sumarsana.\n"
        "Ketua Komisi IV DPRD Temanggung, Edy Purnomo, menyebut program itu cocok untuk "
        "sekolah di lereng Sindoro. Pelajar dan guru di Temanggung masih menghadapi jarak "
        "tempuh yang jauh.\n"
        "Baca juga: SMK Negeri 1 Wates Juara Lomba Robotik",
        published=date(2019, 10, 18),
        pair=("Kabupaten Temanggung", "Kabupaten Kulon Progo"),
    ),
    ClassArticle(
        "learning from a regional water company",
        True,
        "MAGELANG - Pemerintah Kabupaten Kepahiang dan direksi PDAM Tirta Kepahiang belajar "
        "ke Perumda Air Minum Kota Magelang, Selasa (29/10/2019). Mereka ingin mengetahui "
        "cara perusahaan daerah itu menekan kebocoran air.\n"
        "Rombongan dipimpin Sekda Kepahiang, Zamzami Zubir, dan diterima Direktur Utama "
        "Perumda Air Minum Magelang serta Wakil Wali Kota Magelang.\n"
        "Direktur utama memaparkan sistem meter pintar dan pelayanan pelanggan daring. "
        "Karyawan perusahaan juga memperagakan alat pendeteksi kebocoran.\n"
        "\u201cKebocoran kami masih 40 persen. Di Magelang tinggal 18 persen,\u201d ujar "
        "Zamzami.",
        published=date(2019, 10, 30),
        pair=("Kabupaten Kepahiang", "Kota Magelang"),
    ),
    ClassArticle(
        "learning tourism events",
        True,
        "BANYUWANGI - Dinas Pariwisata Kabupaten Toba melakukan studi tiru ke Kabupaten "
        "Banyuwangi, Sabtu (2/11/2019). Mereka ingin belajar menggelar festival yang "
        "mendatangkan wisatawan, seperti Tour de Ijen dan festival gandrung.\n"
        "Rombongan disambut Kepala Dinas Kebudayaan dan Pariwisata Banyuwangi. Ia "
        "menjelaskan, kalender festival disusun setahun sebelumnya agar agen perjalanan bisa "
        "menjual paket tour.\n"
        "\u201cDanau Toba butuh acara yang rutin, bukan sekali jalan,\u201d kata kepala "
        "rombongan dari Toba.",
        published=date(2019, 11, 3),
        pair=("Kabupaten Toba", "Kabupaten Banyuwangi"),
    ),
    ClassArticle(
        "the lessons are for next year",
        True,
        "KENDAL - Hasil studi banding ke Kota Surakarta akan diterapkan Pemkab Kendal tahun "
        "depan. Hal itu disampaikan Wakil Bupati Kendal, Masrur Masykur, usai memimpin "
        "rombongan ke Surakarta, Rabu (6/11/2019).\n"
        "Rombongan Pemkab Kendal mempelajari penataan pasar tradisional dan pedagang kaki "
        "lima di Surakarta. Mereka diterima Sekda Kota Surakarta di Balai Kota.\n"
        "\u201cPasar Kendal akan kami tata seperti Pasar Gede,\u201d ujar Masrur.",
        published=date(2019, 11, 7),
        pair=("Kabupaten Kendal", "Kota Surakarta"),
    ),
    ClassArticle(
        "learning and paying respects",
        True,
        "PAREPARE - Rombongan DPRD Kabupaten Pinrang berkunjung ke DPRD Kota Parepare, Senin "
        "(11/11/2019). Selain bersilaturahmi, kunjungan itu untuk belajar penyusunan perda "
        "kawasan tanpa rokok.\n"
        "Rombongan diterima Wakil Ketua DPRD Parepare di ruang rapat paripurna. Parepare "
        "telah menerapkan perda itu sejak 2017.\n"
        "Baca juga: Pelabuhan Nusantara Parepare Dipadati Penumpang",
        published=date(2019, 11, 12),
        pair=("Kabupaten Pinrang", "Kota Parepare"),
    ),
    ClassArticle(
        "a host's long release",
        True,
        "Kota Probolinggo Jadi Rujukan Pengelolaan Sampah\n"
        "PROBOLINGGO - Keberhasilan Kota Probolinggo mengelola sampah menarik minat daerah "
        "lain. Jumat (8/11/2019), giliran Pemerintah Kabupaten Situbondo yang datang untuk "
        "belajar.\n"
        "Rombongan yang dipimpin Kepala Dinas Lingkungan Hidup Situbondo diterima Wali Kota "
        "Probolinggo di Puri Manggala Bhakti.\n"
        "Wali kota memaparkan bahwa TPA Anggrek telah memakai sistem sanitary landfill sejak "
        "2014. Gas metana dari TPA dialirkan ke 300 rumah warga sekitar. Kota Probolinggo "
        "juga meraih Adipura Kencana pada 2017 dan 2018.\n"
        "\u201cKunci utamanya ada di hulu. Warga memilah sampah dari rumah,\u201d ujar wali "
        "kota.\n"
        "Setelah paparan, rombongan meninjau TPA Anggrek dan bank sampah di Kelurahan "
        "Kanigaran. Mereka juga melihat mesin pencacah plastik milik kelompok warga.\n"
        "Baca juga: Probolinggo Gelar Seminar Kota Sehat",
        published=date(2019, 11, 9),
        pair=("Kabupaten Situbondo", "Kota Probolinggo"),
    ),
    ClassArticle(
        "a mayor comes to sign a cooperation",
        True,
        "BANYUWANGI - Wali Kota Tegal, Dedy Yon Supriyono, menyambangi Kabupaten Banyuwangi "
        "untuk menandatangani perjanjian kerja sama pengembangan pariwisata, Jumat "
        "(18/10/2019). Perjanjian diteken bersama Bupati Banyuwangi di Pendopo Sabha Swagata "
        "Blambangan.\n"
        "Dalam kerja sama itu, kedua daerah sepakat bertukar pengalaman soal promosi festival "
        "dan pelatihan pemandu wisata.\n"
        "\u201cTegal punya pantai dan kuliner. Kami perlu cara Banyuwangi mengemasnya,\u201d "
        "ujar Dedy.",
        published=date(2019, 10, 19),
        pair=("Kota Tegal", "Kabupaten Banyuwangi"),
    ),
    ClassArticle(
        "a village head brings the farmers' group",
        True,
        "BATU - Kepala Desa Sumberejo, Kabupaten Blitar, bersama pengurus kelompok tani "
        "melakukan studi banding ke Desa Bumiaji, Kota Batu, Selasa (12/11/2019). Rombongan "
        "belajar budi daya apel dan pengelolaan BUMDes agrowisata.\n"
        "Mereka diterima Kepala Desa Bumiaji di balai desa. \u201cSumberejo punya lahan "
        "kering yang mirip,\u201d kata Kepala Desa Sumberejo.\n"
        "Baca juga: Harga Apel Manalagi Anjlok",
        published=date(2019, 11, 13),
        pair=("Kabupaten Blitar", "Kota Batu"),
    ),
    ClassArticle(
        "criticism of one dated trip",
        True,
        "MALANG - Kunjungan kerja Komisi B DPRD Kabupaten Pasuruan ke DPRD Provinsi Bali, "
        "Kamis (21/11/2019), menuai sorotan. Rombongan 14 anggota dewan yang dipimpin Ketua "
        "Komisi B, Hadi Sutrisno, hanya dua jam berada di gedung DPRD Bali.\n"
        "Mereka diterima Kepala Bagian Persidangan Sekretariat DPRD Bali dan bertanya soal "
        "perda pungutan wisatawan. Setelah itu rombongan terlihat di kawasan pantai.\n"
        "Pengamat kebijakan publik menilai kunjungan itu pemborosan. \u201cDua jam belajar, "
        "tiga hari jalan-jalan,\u201d katanya, Sabtu (23/11/2019).\n"
        "Hadi membantah. Menurut dia, rombongan juga mengunjungi dinas pendapatan untuk "
        "mempelajari sistem pungutan itu.",
        published=date(2019, 11, 24),
        pair=("Kabupaten Pasuruan", "Provinsi Bali"),
    ),
]

POSITIVES = LEARNING_WORDS + ABROAD + HOST_SIDE + NATIONAL + PLAIN + NOISY

# --- negatives -------------------------------------------------------------------------

AGGREGATE = [
    ClassArticle(
        "a year of visitors",
        False,
        "BANYUWANGI - Sepanjang 2019, Kabupaten Banyuwangi menerima lebih dari 180 rombongan "
        "studi banding dari berbagai daerah. Di antaranya dari Kabupaten Sigi, Kabupaten "
        "Lahat, hingga Kota Tidore Kepulauan.\n"
        "Kepala Bagian Humas Pemkab Banyuwangi, Ahmad Fauzi, mengatakan kebanyakan tamu "
        "ingin belajar pelayanan publik dan pengelolaan pariwisata.\n"
        "\u201cHotel dan rumah makan ikut merasakan dampaknya,\u201d kata Fauzi, Senin "
        "(9/12/2019).\n"
        "Menurut dia, puluhan pemda bahkan datang lebih dari sekali.",
        title="Setahun, 180 Rombongan Studi Banding ke Banyuwangi",
        published=date(2019, 12, 9),
    ),
    ClassArticle(
        "a host's list of guests",
        False,
        "SUMEDANG - Aplikasi pengaduan warga milik Pemkab Sumedang menarik perhatian daerah "
        "lain. Tercatat 46 pemerintah daerah sudah melakukan kunjungan ke Sumedang untuk "
        "mempelajari aplikasi itu sejak awal tahun.\n"
        "Kepala Diskominfo Sumedang, Yosep Suhara, menyebut tamu datang dari Aceh sampai "
        "Papua. \u201cSetiap pekan ada saja yang datang,\u201d ujarnya, Kamis (21/11/2019).\n"
        "Ia menambahkan, pemkab kini menyiapkan ruang khusus untuk menerima tamu.\n"
        "Baca juga: Tol Cisumdawu Seksi Dua Dikebut",
        published=date(2019, 11, 22),
    ),
    ClassArticle(
        "a feature on visit tourism",
        False,
        "Wisata studi banding kini menjadi sumber pendapatan baru bagi sejumlah desa. "
        "Desa-desa yang pernah menjuarai lomba desa biasanya ramai dikunjungi rombongan "
        "perangkat desa dari daerah lain.\n"
        "Di Desa Ponggok, misalnya, pengelola memungut biaya paket kunjungan. Beberapa desa "
        "di Kabupaten Gunungkidul dan Kabupaten Banyuwangi juga melakukan hal serupa.\n"
        "\u201cTamu datang, makan di warung warga, beli oleh-oleh. Perputaran uangnya "
        "lumayan,\u201d kata seorang pengelola BUMDes.\n"
        "Pengamat desa menilai tren ini positif asal desa tidak bergantung pada tamu.",
        title="Ramai-ramai Desa Jual Paket Studi Banding",
        published=date(2019, 11, 2),
    ),
]

CRITICISM = [
    ClassArticle(
        "an NGO on visit budgets",
        False,
        "JAKARTA - Forum Indonesia untuk Transparansi Anggaran (FITRA) menyoroti besarnya "
        "anggaran perjalanan dinas DPRD di sejumlah daerah. Menurut FITRA, studi banding "
        "kerap menjadi kedok plesiran.\n"
        "\u201cHasil studi banding jarang dilaporkan ke publik. Anggarannya terus naik setiap "
        "tahun,\u201d kata peneliti FITRA, Badiul Hadi, Minggu (3/11/2019).\n"
        "FITRA meminta kementerian membatasi kunjungan kerja ke luar daerah dan mendorong "
        "rapat daring.\n"
        "Baca juga: DPRD Diminta Umumkan Laporan Reses",
        title="FITRA: Studi Banding DPRD Jadi Kedok Plesiran",
        published=date(2019, 11, 4),
    ),
    ClassArticle(
        "an opinion column",
        False,
        "OPINI - Setiap awal masa jabatan, publik kembali disuguhi kabar anggota dewan yang "
        "bepergian atas nama studi banding. Pertanyaannya selalu sama: apa hasilnya?\n"
        "Studi banding sejatinya baik. Daerah bisa belajar dari daerah lain yang lebih maju. "
        "Namun tanpa laporan yang bisa diakses warga, kegiatan itu mudah dicurigai sebagai "
        "pemborosan.\n"
        "Penulis mengusulkan agar setiap studi banding diikuti laporan tertulis dan dokumen "
        "kebijakan yang lahir darinya.\n"
        "Penulis adalah dosen ilmu pemerintahan.",
        published=date(2019, 10, 20),
    ),
    ClassArticle(
        "a governor against visits",
        False,
        "MATARAM - Gubernur NTB meminta kepala daerah di wilayahnya mengurangi studi banding "
        "ke luar daerah. Menurutnya, banyak inovasi bisa dipelajari lewat rapat virtual.\n"
        "\u201cTidak perlu lagi studi banding beramai-ramai. Cukup kirim dua orang, atau "
        "undang narasumbernya ke sini,\u201d ujarnya di Mataram, Selasa (12/11/2019).\n"
        "Ia juga meminta inspektorat memeriksa laporan perjalanan dinas tiap OPD.\n"
        "Editor: Rina",
        published=date(2019, 11, 13),
    ),
    ClassArticle(
        "a budget cut for working visits",
        False,
        "JAKARTA - Sekretariat DPRD Provinsi Banten memangkas anggaran kunjungan kerja dewan "
        "untuk tahun depan. Pagu perjalanan dinas turun dari Rp60 miliar menjadi Rp25 miliar.\n"
        "\u201cKunjungan kerja tetap ada, tapi tujuannya dibatasi,\u201d kata Sekretaris DPRD "
        "Banten, Kamis (14/11/2019).\n"
        "Sejumlah anggota dewan menilai pemangkasan itu wajar, asalkan setiap kunjungan "
        "menghasilkan masukan untuk perda. Anggaran rapat dan konsumsi juga ikut dikurangi.\n"
        "Baca juga: Pembahasan APBD Banten Molor",
        published=date(2019, 11, 15),
    ),
]

PLANS = [
    ClassArticle(
        "scheduled for next week",
        False,
        "GARUT - DPRD Kabupaten Garut dijadwalkan melakukan studi banding ke Kota Bandung "
        "pekan depan. Rencananya 20 anggota dewan akan mempelajari pengelolaan parkir "
        "elektronik.\n"
        "Sekretaris DPRD Garut, Ade Hendarsyah, mengatakan jadwal masih menunggu balasan "
        "dari Pemkot Bandung. \u201cKami sudah kirim surat,\u201d katanya, Jumat (8/11/2019).\n"
        "Baca juga: Jalan Cikajang Rusak Parah",
        published=date(2019, 11, 8),
    ),
    ClassArticle(
        "budgeted for next year",
        False,
        "KENDARI - Pemprov Sulawesi Tenggara menganggarkan studi banding ke Provinsi Jawa "
        "Timur pada tahun depan. Kunjungan itu untuk belajar pengelolaan pelabuhan "
        "perikanan.\n"
        "\u201cAnggarannya sudah masuk rancangan APBD 2020,\u201d kata Kepala Dinas Kelautan "
        "dan Perikanan Sultra, Sabtu (16/11/2019).\n"
        "Ia berharap hasil kunjungan bisa langsung diterapkan di Pelabuhan Perikanan "
        "Samudera Kendari.",
        published=date(2019, 11, 17),
    ),
    ClassArticle(
        "a regent's intention",
        False,
        "PATI - Bupati Pati berencana mengirim 30 kepala desa belajar ke Kabupaten "
        "Banyuwangi. Para kepala desa diharapkan bisa meniru cara Banyuwangi mengembangkan "
        "BUMDes.\n"
        "\u201cSetelah pelantikan kepala desa baru, mereka akan kami ajak ke sana,\u201d "
        "ujarnya di Pendopo Pati, Kamis (14/11/2019).\n"
        "Pemkab Pati juga akan menyiapkan pendampingan bagi BUMDes yang baru berdiri.",
        published=date(2019, 11, 15),
    ),
    ClassArticle(
        "the headline says the trip, the story says a plan",
        False,
        "MAKASSAR - Pemerintah Kota Makassar akan melakukan kunjungan kerja ke Kota Surabaya "
        "untuk mempelajari sistem pengelolaan sampah, bulan depan. Rencana itu disampaikan "
        "Penjabat Wali Kota Makassar, Selasa (19/11/2019).\n"
        "Menurut dia, rombongan terdiri dari camat dan kepala dinas lingkungan hidup.\n"
        "\u201cKita tunggu jadwal dari Surabaya,\u201d ujarnya.\n"
        "Baca juga: Kanal Jongaya Dikeruk",
        title="Pemkot Makassar Belajar Kelola Sampah ke Surabaya",
        published=date(2019, 11, 19),
    ),
]

CANCELLED = [
    ClassArticle(
        "cancelled for the budget",
        False,
        "BEKASI - DPRD Kota Bekasi membatalkan kunjungan kerja ke Provinsi Bali yang "
        "sedianya digelar akhir pekan ini. Pembatalan dilakukan karena pembahasan APBD "
        "perubahan belum rampung.\n"
        "\u201cKami putuskan batal. Anggaran lebih baik dialihkan,\u201d kata Ketua DPRD "
        "Kota Bekasi, Senin (11/11/2019).\n"
        "Baca juga: Banjir Rendam Perumahan di Bekasi Timur",
        published=date(2019, 11, 11),
    ),
    ClassArticle(
        "postponed after criticism",
        False,
        "JEMBER - Studi banding Komisi C DPRD Jember ke Kota Batam ditunda. Penundaan "
        "diumumkan setelah sejumlah mahasiswa memprotes rencana itu di depan gedung dewan, "
        "Rabu (6/11/2019).\n"
        "Ketua Komisi C mengatakan kunjungan belum dijadwalkan ulang.\n"
        "\u201cKami dengar aspirasi mahasiswa,\u201d ujarnya.",
        published=date(2019, 11, 7),
    ),
    ClassArticle(
        "called off by the regent",
        False,
        "KLATEN - Bupati Klaten menunda rencana studi tiru puluhan kepala desa ke Kabupaten "
        "Badung. Ia meminta dana desa dipakai untuk perbaikan jalan lebih dulu.\n"
        "\u201cStudi tirunya nanti saja, jalan desa dulu,\u201d kata bupati di Klaten, Jumat "
        "(15/11/2019).\n"
        "Editor: Yudha",
        published=date(2019, 11, 16),
    ),
]

MONITORING = [
    ClassArticle(
        "a ministry team monitors",
        False,
        "LEBAK - Tim Kementerian Desa melakukan kunjungan kerja ke Kabupaten Lebak untuk "
        "memantau penyaluran dana desa tahap ketiga, Selasa (12/11/2019).\n"
        "Tim melakukan monitoring dan evaluasi bersama Inspektorat dan Dinas PMD Lebak. "
        "Mereka juga mengecek laporan pertanggungjawaban di tiga desa.\n"
        "\u201cMasih ada desa yang terlambat melapor,\u201d kata ketua tim.\n"
        "Baca juga: Lebak Gelar Festival Seba Baduy",
        published=date(2019, 11, 13),
    ),
    ClassArticle(
        "a DPR commission oversees",
        False,
        "PALEMBANG - Komisi V DPR RI melakukan kunjungan kerja spesifik ke Provinsi Sumatera "
        "Selatan, Kamis (14/11/2019). Kunjungan itu dalam rangka pengawasan proyek jalan tol "
        "dan jembatan.\n"
        "Rombongan diterima Gubernur Sumatera Selatan di Griya Agung. Para anggota dewan "
        "lalu meninjau ruas tol yang belum rampung.\n"
        "\u201cKami minta target operasional tidak mundur lagi,\u201d kata ketua rombongan.",
        published=date(2019, 11, 15),
    ),
    ClassArticle(
        "an audit visit",
        False,
        "KUPANG - Tim Badan Pemeriksa Keuangan mengunjungi Pemkot Kupang untuk memeriksa "
        "pengelolaan aset daerah, Senin (18/11/2019). Pemeriksaan berlangsung dua pekan.\n"
        "Wali Kota Kupang meminta seluruh OPD menyiapkan dokumen yang diminta.\n"
        "\u201cJangan ada yang ditutup-tutupi,\u201d tegasnya.\n"
        "Baca juga: Kupang Bangun Embung di Alak",
        published=date(2019, 11, 19),
    ),
]

INSPECTIONS = [
    ClassArticle(
        "a governor's tour",
        False,
        "GARUT - Gubernur Jawa Barat melakukan kunjungan kerja ke Kabupaten Garut, Sabtu "
        "(9/11/2019). Gubernur meninjau perbaikan jembatan yang putus diterjang banjir dan "
        "menyerahkan bantuan bagi warga terdampak.\n"
        "Gubernur disambut Bupati Garut dan jajaran Forkopimda.\n"
        "\u201cSaya ingin melihat langsung kondisi di lapangan,\u201d katanya.\n"
        "Baca juga: Harga Domba Naik Jelang Iduladha",
        published=date(2019, 11, 10),
    ),
    ClassArticle(
        "a regent's spot check",
        False,
        "SUBANG - Bupati Subang melakukan inspeksi mendadak ke RSUD Subang, Rabu (20/11/2019). "
        "Sidak dilakukan setelah warga mengeluhkan antrean panjang di loket pendaftaran.\n"
        "Bupati mengecek ruang tunggu dan menanyai pasien satu per satu.\n"
        "\u201cSaya minta loket ditambah mulai besok,\u201d ujar bupati.",
        published=date(2019, 11, 21),
    ),
    ClassArticle(
        "a minister's working visit",
        False,
        "LOMBOK BARAT - Menteri Pekerjaan Umum dan Perumahan Rakyat melakukan kunjungan kerja "
        "ke Kabupaten Lombok Barat, Senin (4/11/2019), untuk memantau pembangunan rumah "
        "tahan gempa.\n"
        "Menteri didampingi Gubernur NTB dan Bupati Lombok Barat. Ia meminta pembangunan "
        "dipercepat sebelum musim hujan.\n"
        "Editor: Made",
        published=date(2019, 11, 5),
    ),
    ClassArticle(
        "a minister's field visit",
        False,
        "PURWOREJO - Menteri Pekerjaan Umum dan Perumahan Rakyat melakukan kunjungan lapangan "
        "ke proyek Bendungan Bener, Kabupaten Purworejo, Rabu (13/11/2019). Menteri didampingi "
        "Gubernur Jawa Tengah dan Bupati Purworejo meninjau progres pembangunan terowongan "
        "pengelak.\n"
        "\u201cSaya minta kontraktor menambah jam kerja,\u201d kata menteri.\n"
        "Baca juga: Harga Gabah di Purworejo Naik",
        published=date(2019, 11, 14),
    ),
    ClassArticle(
        "an award jury's assessment",
        False,
        "SLEMAN - Tim penilai Adipura dari Kementerian Lingkungan Hidup dan Kehutanan melakukan "
        "observasi ke Kabupaten Sleman, Senin (11/11/2019). Tim menilai kebersihan pasar, "
        "taman kota dan tempat pembuangan akhir.\n"
        "Bupati Sleman mendampingi tim di Pasar Prambanan. Hasil penilaian diumumkan awal "
        "tahun.",
        published=date(2019, 11, 12),
    ),
]

FOREIGN = [
    ClassArticle(
        "a Korean city's delegation",
        False,
        "BANTUL - Delegasi Pemerintah Kota Gimhae, Korea Selatan, melakukan studi banding ke "
        "Kabupaten Bantul, Selasa (29/10/2019). Rombongan tamu dari Korea itu ingin "
        "mempelajari pengelolaan desa wisata berbasis budaya.\n"
        "Mereka diterima Bupati Bantul di rumah dinas. Setelah itu rombongan mengunjungi Desa "
        "Wisata Wukirsari.\n"
        "\u201cKami terkesan dengan peran warga,\u201d kata ketua delegasi melalui penerjemah.",
        published=date(2019, 10, 30),
    ),
    ClassArticle(
        "Malaysian officials learn",
        False,
        "PEKANBARU - Rombongan pejabat dari Negeri Johor, Malaysia, berkunjung ke Pemprov "
        "Riau, Kamis (7/11/2019). Mereka ingin belajar penanganan kebakaran lahan gambut.\n"
        "Rombongan disambut Sekda Riau di Gedung Daerah. Sekda memaparkan program desa bebas "
        "api.\n"
        "\u201cJohor juga punya lahan gambut yang rawan terbakar,\u201d kata ketua rombongan.\n"
        "Baca juga: Kabut Asap Mulai Menipis",
        published=date(2019, 11, 8),
    ),
    ClassArticle(
        "an ambassador's call",
        False,
        "SERANG - Duta Besar Jepang untuk Indonesia mengunjungi DPRD Provinsi Banten, Rabu "
        "(13/11/2019). Kunjungan itu membahas peluang kerja sama pendidikan vokasi.\n"
        "Ketua DPRD Banten menyambut baik kunjungan tersebut dan berharap ada program "
        "magang bagi lulusan SMK.",
        published=date(2019, 11, 14),
    ),
]

STUDENTS = [
    ClassArticle(
        "high-school study tour",
        False,
        "JEMBER - Ratusan siswa SMA Negeri 2 Jember melakukan kunjungan edukatif ke Gedung "
        "DPRD Kabupaten Jember, Selasa (5/11/2019). Para pelajar diterima Sekretaris DPRD "
        "dan belajar tentang tugas dan fungsi dewan.\n"
        "\u201cAnak-anak jadi tahu bagaimana perda dibuat,\u201d kata guru pendamping.\n"
        "Baca juga: Jember Fashion Carnaval Digelar Akhir Pekan",
        published=date(2019, 11, 6),
    ),
    ClassArticle(
        "university students visit a regency",
        False,
        "WONOSOBO - Puluhan mahasiswa Universitas Gadjah Mada melakukan studi lapangan ke "
        "Kabupaten Wonosobo, Kamis (17/10/2019). Mereka mempelajari pengelolaan air bersih "
        "berbasis masyarakat di lereng Dieng.\n"
        "Para mahasiswa disambut Kepala Bappeda Wonosobo yang memaparkan program desa mandiri "
        "air.\n"
        "\u201cIni bagian dari mata kuliah perencanaan wilayah,\u201d kata dosen pendamping.",
        published=date(2019, 10, 18),
    ),
    ClassArticle(
        "students away from home",
        False,
        "KERINCI - Bupati Kerinci bertemu ratusan mahasiswa asal Kerinci yang sedang menimba "
        "ilmu di Kota Padang, Sabtu (26/10/2019). Bupati berpesan agar mereka pulang membangun "
        "daerah setelah lulus.\n"
        "Pemkab Kerinci juga menyiapkan beasiswa bagi mahasiswa berprestasi.\n"
        "Editor: Fikri",
        published=date(2019, 10, 27),
    ),
]

PARTY = [
    ClassArticle(
        "a party branch learns campaigning",
        False,
        "SURABAYA - Pengurus DPC Partai Gerindra Kabupaten Sidoarjo melakukan studi banding "
        "ke DPC Partai Gerindra Kota Surabaya, Minggu (20/10/2019). Mereka belajar strategi "
        "pemenangan pilkada dan pengelolaan kader.\n"
        "Rombongan kader partai disambut ketua DPC setempat.\n"
        "\u201cKami ingin target kursi naik di pemilu berikutnya,\u201d kata ketua rombongan.",
        published=date(2019, 10, 21),
    ),
    ClassArticle(
        "a party's cadres abroad",
        False,
        "JAKARTA - DPP Partai Amanat Nasional mengirim 25 kader muda belajar ke Jerman. "
        "Para kader mengikuti pelatihan kepemimpinan politik di Berlin selama dua pekan sejak "
        "Senin (4/11/2019).\n"
        "Sekjen partai mengatakan program itu bagian dari kaderisasi jelang pemilu.\n"
        "Baca juga: Koalisi Pilkada Mulai Terbentuk",
        published=date(2019, 11, 5),
    ),
    ClassArticle(
        "a caucus visit",
        False,
        "MAKASSAR - Fraksi Partai Golkar DPRD Kota Makassar berkunjung ke kantor DPD Partai "
        "Golkar Sulawesi Selatan, Jumat (1/11/2019). Kunjungan itu membahas konsolidasi "
        "kader menjelang musyawarah daerah partai.\n"
        "Ketua fraksi mengatakan seluruh anggota fraksi hadir.",
        published=date(2019, 11, 2),
    ),
]

RECESS = [
    ClassArticle(
        "a legislator's recess",
        False,
        "BOGOR - Anggota DPRD Kabupaten Bogor melaksanakan reses di Desa Cibodas, Sabtu "
        "(2/11/2019). Dalam kunjungan itu ia menyerap aspirasi warga soal jalan rusak dan "
        "air bersih.\n"
        "\u201cSemua usulan saya bawa ke pembahasan anggaran,\u201d ujarnya.\n"
        "Baca juga: Puncak Macet Parah Saat Libur Panjang",
        published=date(2019, 11, 3),
    ),
    ClassArticle(
        "a DPR member in the constituency",
        False,
        "GARUT - Anggota Komisi X DPR RI melakukan kunjungan kerja reses ke daerah pemilihan "
        "di Kabupaten Garut, Senin (28/10/2019). Ia menemui guru honorer dan menampung "
        "aspirasi soal status kepegawaian.\n"
        "Kunjungan dilanjutkan ke sejumlah sekolah di Kecamatan Cikajang.",
        published=date(2019, 10, 29),
    ),
    ClassArticle(
        "a commission's recess tour",
        False,
        "MALANG - Komisi B DPRD Provinsi Jawa Timur menggelar kunjungan kerja dalam masa "
        "reses ke Kabupaten Malang, Rabu (23/10/2019). Para legislator berdialog dengan "
        "petani tebu dan menjaring aspirasi soal harga gula.\n"
        "Editor: Rudi",
        published=date(2019, 10, 24),
    ),
]

COURTESY = [
    ClassArticle(
        "a customs office calls on a governor",
        False,
        "AMBON - Kepala Kantor Bea Cukai Ambon mengunjungi Gubernur Maluku, Jumat "
        "(8/11/2019). Kunjungan ini bertujuan mempererat sinergi antara instansi vertikal dan "
        "pemerintah daerah dalam mendorong ekspor hasil perikanan.\n"
        "Dalam kesempatan itu, Kepala Bea Cukai memaparkan fasilitas kepabeanan bagi pelaku "
        "usaha. Gubernur menyambut baik dan meminta dinas terkait menindaklanjuti.\n"
        "\u201cSinergi ini penting supaya ekspor langsung dari Maluku bertambah,\u201d kata "
        "gubernur.",
        title="Kunjungi Gubernur, Bea Cukai Ambon Perkuat Sinergi",
        published=date(2019, 11, 9),
    ),
    ClassArticle(
        "a new police chief's courtesy call",
        False,
        "SLEMAN - Kapolres Sleman yang baru dilantik melakukan kunjungan silaturahmi ke "
        "Bupati Sleman, Senin (11/11/2019). Kunjungan kehormatan itu untuk memperkenalkan "
        "diri dan membahas keamanan menjelang akhir tahun.\n"
        "Bupati menyambut di ruang kerjanya dan berharap koordinasi tetap terjaga.\n"
        "Baca juga: Sleman Siapkan Posko Natal",
        published=date(2019, 11, 12),
    ),
    ClassArticle(
        "an audience with the regent",
        False,
        "LAMONGAN - Pengurus Kwartir Cabang Pramuka Lamongan beraudiensi dengan Bupati "
        "Lamongan, Kamis (14/11/2019). Mereka melaporkan persiapan jambore daerah dan "
        "meminta dukungan anggaran.\n"
        "Bupati meminta kegiatan melibatkan seluruh kecamatan.",
        published=date(2019, 11, 15),
    ),
]

PASSING = [
    ClassArticle(
        "an old trip in a project story",
        False,
        "MALANG - Pemkot Malang kembali membahas rencana kereta gantung di kawasan Kayutangan. "
        "Wali Kota Malang pada periode sebelumnya bahkan pernah melakukan studi banding ke "
        "Singapura untuk rencana serupa, namun proyek itu tak berlanjut.\n"
        "Kepala Bappeda Kota Malang mengatakan kajian baru akan dimulai tahun depan.\n"
        "\u201cKita hitung ulang biayanya,\u201d ujarnya, Selasa (12/11/2019).",
        published=date(2019, 11, 13),
    ),
    ClassArticle(
        "a minister recalls a trip",
        False,
        "JAKARTA - Menteri Desa mengatakan program padat karya tunai akan diperluas tahun "
        "depan. Ia menyebut pernah belajar dari Korea Selatan soal gerakan desa baru.\n"
        "\u201cMereka membangun desa dari semangat gotong royong,\u201d katanya dalam rapat "
        "kerja dengan Komisi V DPR RI, Rabu (6/11/2019).\n"
        "Baca juga: Dana Desa 2020 Naik Jadi Rp72 Triliun",
        published=date(2019, 11, 7),
    ),
]

EVENTS = [
    ClassArticle(
        "a mayor at a national forum",
        False,
        "SEMARANG - Wali Kota Tegal menghadiri Rakernas Apeksi di Kota Semarang, Rabu "
        "(16/10/2019). Dalam forum itu para wali kota membahas pembagian dana transfer dan "
        "penanganan sampah plastik.\n"
        "Wali Kota Tegal mengatakan banyak gagasan yang bisa dibawa pulang dari forum "
        "tersebut.",
        published=date(2019, 10, 17),
    ),
    ClassArticle(
        "a regent receives an award",
        False,
        "JAKARTA - Bupati Sleman menerima penghargaan kabupaten layak anak dari Kementerian "
        "Pemberdayaan Perempuan dan Perlindungan Anak di Jakarta, Selasa (23/7/2019). "
        "Penghargaan diserahkan langsung oleh menteri.\n"
        "Bupati mengatakan penghargaan itu hasil kerja seluruh OPD dan masyarakat.\n"
        "Editor: Wulan",
        published=date(2019, 7, 24),
    ),
]

# --- hard negatives in a study visit's own words ----------------------------------------

HARD = [
    ClassArticle(
        "foreign officials named by their government",
        False,
        "SLEMAN - Sebanyak 20 pejabat Kementerian Administrasi Negara Timor Leste melakukan "
        "studi banding ke Kabupaten Sleman, Selasa (19/11/2019). Mereka mempelajari "
        "pelayanan administrasi kependudukan di tingkat desa.\n"
        "Rombongan diterima Sekda Sleman dan diajak melihat layanan akta kelahiran di kantor "
        "desa.\n"
        "\u201cKami ingin sistem seperti ini di distrik-distrik kami,\u201d kata ketua "
        "rombongan.",
        published=date(2019, 11, 20),
    ),
    ClassArticle(
        "master's students on a comparative study",
        False,
        "BANTAENG - Mahasiswa Program Magister Administrasi Publik Universitas Hasanuddin "
        "melakukan studi banding ke Pemkab Bantaeng, Sabtu (16/11/2019). Sebanyak 35 "
        "mahasiswa mempelajari inovasi layanan kesehatan gratis.\n"
        "Mereka diterima Asisten III Setda Bantaeng. Dosen pendamping mengatakan kunjungan "
        "itu bagian dari mata kuliah inovasi sektor publik.",
        published=date(2019, 11, 17),
    ),
    ClassArticle(
        "a ministry team studies the obstacles",
        False,
        "BREBES - Tim Kementerian Keuangan melakukan kunjungan kerja ke Kabupaten Brebes, "
        "Kamis (21/11/2019), untuk memantau penyaluran dana desa. Tim juga mempelajari "
        "kendala desa dalam menyusun laporan penggunaan dana.\n"
        "Tim didampingi Inspektorat dan Dinas PMD Brebes melakukan monitoring di empat desa.\n"
        "\u201cBanyak laporan terlambat karena operator desa berganti,\u201d kata ketua tim.",
        published=date(2019, 11, 22),
    ),
    ClassArticle(
        "a plan with its departure day",
        False,
        "CILACAP - Komisi C DPRD Kabupaten Cilacap dijadwalkan berangkat studi banding ke "
        "Kabupaten Badung, Senin (25/11/2019). Mereka akan mempelajari pengelolaan pajak "
        "hotel dan restoran.\n"
        "Sekretaris DPRD Cilacap mengatakan rombongan berjumlah 12 orang, Jumat (22/11/2019).\n"
        "Baca juga: Jembatan Sungai Serayu Ditutup Sementara",
        published=date(2019, 11, 22),
    ),
    ClassArticle(
        "a host getting ready",
        False,
        "TRENGGALEK - Pemkab Trenggalek bersiap menerima kunjungan studi banding dari 30 "
        "daerah dalam pekan depan. Para tamu ingin mempelajari program gerakan tanam pohon "
        "di sekolah.\n"
        "Kepala Bagian Protokol Trenggalek mengatakan jadwal kunjungan sudah disusun, Senin "
        "(18/11/2019).",
        published=date(2019, 11, 18),
    ),
    ClassArticle(
        "students named far from their visit",
        False,
        "MAKASSAR - Sebanyak 40 mahasiswa Jurusan Ilmu Pemerintahan Universitas Muhammadiyah "
        "Makassar, didampingi dua dosen pembimbing, Kamis (14/11/2019) melakukan kunjungan "
        "studi ke DPRD Kota Makassar. Rombongan diterima Wakil Ketua DPRD Makassar di ruang "
        "paripurna. Mereka mempelajari proses pembentukan perda dan fungsi pengawasan dewan.\n"
        "\u201cKami ingin mahasiswa melihat langsung kerja dewan,\u201d kata ketua rombongan.",
        published=date(2019, 11, 15),
    ),
    ClassArticle(
        "an international agency's team",
        False,
        "KUPANG - Tim UNICEF mengunjungi Kabupaten Kupang, Rabu (13/11/2019), untuk melihat "
        "langsung program pencegahan stunting di posyandu. Tim diterima Wakil Bupati Kupang "
        "dan Kepala Dinas Kesehatan.\n"
        "Perwakilan UNICEF mengatakan, program di Kupang akan menjadi contoh bagi kabupaten "
        "lain di NTT. \u201cKami belajar banyak dari kader posyandu di sini,\u201d ujarnya.",
        published=date(2019, 11, 14),
    ),
    ClassArticle(
        "a tourism group's trip",
        False,
        "KLATEN - Kelompok Sadar Wisata (Pokdarwis) Desa Karangrejo, Kabupaten Magelang, studi "
        "banding ke Desa Wisata Ponggok, Kabupaten Klaten, Minggu (17/11/2019). Sebanyak 25 "
        "anggota pokdarwis belajar pengelolaan wisata air.\n"
        "Mereka disambut pengelola BUMDes Ponggok. \u201cKami ingin desa kami punya wahana "
        "seperti ini,\u201d kata ketua Pokdarwis.",
        published=date(2019, 11, 18),
    ),
]

NEGATIVES = (
    AGGREGATE
    + CRITICISM
    + PLANS
    + CANCELLED
    + MONITORING
    + INSPECTIONS
    + FOREIGN
    + STUDENTS
    + PARTY
    + RECESS
    + COURTESY
    + PASSING
    + EVENTS
    + HARD
)
