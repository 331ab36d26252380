"""Invented articles that name a working visit ("kunjungan kerja", "kunker") and nothing
else of a study visit: no study term, no purpose of learning, no learning trip.

Regional news and host-side press releases report many visits to learn this way; a
superior's tour, a minister's supervision, a courtesy call or an invitation to a
ceremony are worded the same. The positives go between peers (LABELING.md: a delegation
of one regional body to another region or a ministry); the negatives are the other
kinds. Real region names, invented people and sentences.
"""

from __future__ import annotations

from datetime import date

from .class_articles import ClassArticle

# --- visits between peers, told as working visits ----------------------------------------

PEER_VISITS = [
    ClassArticle(
        "a DPRD commission to a city of its province",
        True,
        "MAGELANG - Komisi B DPRD Kabupaten Wonogiri melakukan kunjungan kerja ke Kota "
        "Magelang, Selasa (8/10/2019). Rombongan berjumlah 12 orang itu dipimpin Ketua "
        "Komisi B, Slamet Raharjo.\n"
        "Mereka diterima Asisten Perekonomian dan Pembangunan Setda Kota Magelang, Dwi "
        "Handayani, di ruang rapat Adipura. Pertemuan membahas penataan pasar tradisional "
        "dan penarikan retribusi los pasar.\n"
        "\u201cMagelang menarik retribusi lewat aplikasi, pedagang tidak perlu antre,\u201d "
        "kata Dwi.\n"
        "Baca juga: Jalan Lingkar Magelang Mulai Diaspal",
        published=date(2019, 10, 9),
        pair=("Kabupaten Wonogiri", "Kota Magelang"),
    ),
    ClassArticle(
        "a host-side release about guests from another province",
        True,
        "PEKALONGAN (Humas) - Pemerintah Kota Pekalongan menyambut rombongan kunjungan kerja "
        "Pemerintah Kabupaten Lampung Tengah di Ruang Jlamprang, Kamis (17/10/2019).\n"
        "Rombongan sebanyak 20 orang dipimpin Sekretaris Daerah Kabupaten Lampung Tengah, "
        "Fredi Santoso. Wakil Wali Kota Pekalongan, Ahmad Afzan, memaparkan program kampung "
        "batik dan pengelolaan limbah industri rumahan.\n"
        "Setelah pertemuan, tamu diajak berkeliling Kampung Batik Kauman.\n"
        "(hms/ed: Rina)",
        published=date(2019, 10, 18),
        pair=("Kabupaten Lampung Tengah", "Kota Pekalongan"),
    ),
    ClassArticle(
        "a village PKK to a city of its province",
        True,
        "METRO - Tim Penggerak PKK Kabupaten Pringsewu menggelar kunjungan kerja ke Kota "
        "Metro, Rabu (23/10/2019). Rombongan yang dipimpin Ketua TP PKK Pringsewu, Sri "
        "Lestari, diterima Ketua TP PKK Kota Metro, Wahyuni Sutanto, di Rumah Dinas Wali "
        "Kota.\n"
        "Dalam pertemuan itu, pengurus kedua daerah membahas pengelolaan bank sampah dan "
        "kebun gizi di pekarangan warga. Rombongan kemudian meninjau bank sampah di "
        "Kelurahan Yosodadi.\n"
        "\u201cKader kami di kelurahan sudah mandiri,\u201d ujar Wahyuni.",
        published=date(2019, 10, 24),
        pair=("Kabupaten Pringsewu", "Kota Metro"),
    ),
    ClassArticle(
        "a provincial DPRD to another province, in a short item",
        True,
        "Surabaya, Warta Dewan - Komisi I DPRD Provinsi Bengkulu kunker ke Pemerintah "
        "Provinsi Jawa Timur pada Senin (4/11/2019). Para anggota dewan ditemui Kepala Biro "
        "Pemerintahan Setdaprov Jatim, Bambang Sutrisno.\n"
        "Diskusi berkisar pada penataan batas desa dan penyelesaian sengketa batas wilayah "
        "antarkabupaten.",
        published=date(2019, 11, 5),
        pair=("Provinsi Bengkulu", "Provinsi Jawa Timur"),
    ),
    ClassArticle(
        "a regency's agency, told from the host's side",
        True,
        "BANTUL - Dinas Perdagangan Kabupaten Bantul mendapat kunjungan kerja dari Dinas "
        "Perdagangan Kabupaten Sumedang, Jumat (15/11/2019). Kepala Dinas Perdagangan "
        "Sumedang, Iwan Kurniawan, datang bersama 15 pegawai.\n"
        "Kepala Dinas Perdagangan Bantul, Sri Murni, menjelaskan cara dinasnya menata "
        "pedagang di Pasar Seni Gabusan.\n"
        "\u201cPasar ini ramai karena dekat jalur wisata,\u201d kata Sri Murni.\n"
        "Baca juga: Bantul Siaga Banjir di Pesisir Selatan",
        published=date(2019, 11, 16),
        pair=("Kabupaten Sumedang", "Kabupaten Bantul"),
    ),
    ClassArticle(
        "a DPRD committee's working visit to a ministry",
        True,
        "JAKARTA - Panitia Khusus Raperda Penyertaan Modal DPRD Kabupaten Kapuas Hulu "
        "melakukan kunjungan kerja ke Kementerian Dalam Negeri, Selasa (22/10/2019). "
        "Rombongan dipimpin Ketua Pansus, Markus Ading, dan diterima Kepala Subdirektorat "
        "BUMD Direktorat Jenderal Bina Keuangan Daerah.\n"
        "Pertemuan membahas batas penyertaan modal kepada perusahaan daerah air minum.",
        published=date(2019, 10, 23),
        pair=("Kabupaten Kapuas Hulu", None),
    ),
    ClassArticle(
        "village heads to a village in another province",
        True,
        "GIANYAR - Kepala desa se-Kecamatan Sukawati, Kabupaten Gianyar, melakukan kunjungan "
        "kerja ke Desa Pujon Kidul, Kabupaten Malang, Kamis (24/10/2019). Rombongan 14 kepala "
        "desa itu dipimpin Camat Sukawati, Made Arya.\n"
        "Mereka diterima Kepala Desa Pujon Kidul, Udi Hartoko, yang memaparkan pengelolaan "
        "kafe sawah milik BUMDes.",
        published=date(2019, 10, 25),
        pair=("Kabupaten Gianyar", "Kabupaten Malang"),
    ),
    ClassArticle(
        "a regent receives a working visit",
        True,
        "BANYUWANGI - Bupati Banyuwangi menerima kunjungan kerja rombongan Pemerintah "
        "Kabupaten Bulukumba di Pendopo Sabha Swagata Blambangan, Rabu (30/10/2019). "
        "Rombongan dipimpin Wakil Bupati Bulukumba, Tomy Satria.\n"
        "Dalam pertemuan itu Bupati memaparkan layanan Mal Pelayanan Publik.",
        published=date(2019, 10, 31),
        pair=("Kabupaten Bulukumba", "Kabupaten Banyuwangi"),
    ),
]

#: A working visit with its purpose of learning stated: the score decides alone.
LEARNING_WORKING_VISITS = [
    ClassArticle(
        "a mayor's working visit abroad to learn",
        True,
        "PROBOLINGGO - Wali Kota Probolinggo, Hadi Susanto, melakukan kunjungan kerja ke "
        "Kota Kitakyushu, Jepang, Senin (14/10/2019). Selama tiga hari, rombongan "
        "mempelajari cara kota itu memilah sampah rumah tangga dan mengolahnya menjadi "
        "energi.\n"
        "Rombongan diterima pejabat Dinas Lingkungan Kota Kitakyushu.\n"
        "\u201cPola pemilahan di sini akan kami coba di dua kelurahan,\u201d kata Hadi.",
        published=date(2019, 10, 15),
        pair=("Kota Probolinggo", "Japan"),
    ),
]

# --- the same words for other trips ------------------------------------------------------

OTHER_WORKING_VISITS = [
    ClassArticle(
        "a national figure's tour told from the plane's departure",
        False,
        "Ibu Negara bertolak ke Kota Palembang dalam rangka kunjungan kerja, Selasa "
        "(5/11/2019). Rombongan lepas landas dari Pangkalan TNI AU Halim Perdanakusuma, "
        "Jakarta, dan tiba di Palembang satu jam kemudian.\n"
        "Setiba di Palembang, rombongan disambut Gubernur Sumatera Selatan dan Wali Kota "
        "Palembang. Dalam kunjungan kerja itu, Ibu Negara meninjau PAUD dan puskesmas.",
        published=date(2019, 11, 6),
    ),
    ClassArticle(
        "a president's helicopter leaving one city for a regency",
        False,
        "Presiden melanjutkan kunjungan kerja di Jawa Timur, Rabu (6/11/2019). Pagi itu "
        "Presiden berangkat dengan helikopter dari Surabaya menuju Kabupaten Tulungagung, "
        "lalu disambut Bupati Tulungagung.\n"
        "Di Tulungagung, Presiden disambut Bupati Tulungagung, meresmikan bendungan dan "
        "membagikan sertifikat tanah kepada warga.",
        published=date(2019, 11, 7),
    ),
    ClassArticle(
        "a minister's remark on another region during his working visit",
        False,
        "\u201cProvinsi Aceh juga sudah melapor, semuanya aman,\u201d ujar Menteri Pertanian di "
        "sela kunjungan kerja di Kabupaten Grobogan, Jumat (8/11/2019).\n"
        "Dalam kunjungan itu menteri meninjau panen jagung dan menyerahkan bantuan pompa air "
        "kepada kelompok tani. Bupati Grobogan mendampingi menteri di lapangan.",
        published=date(2019, 11, 9),
    ),
    ClassArticle(
        "a governor's working visit to a regency of his province",
        False,
        "SUNGAI PENUH - Gubernur Jambi, Rahmat Hidayat, melakukan kunjungan kerja ke "
        "Kabupaten Kerinci, Sabtu (19/10/2019). Di Kecamatan Gunung Kerinci, gubernur "
        "berdialog dengan petani kentang dan menyerahkan bibit unggul.\n"
        "Ia didampingi Bupati Kerinci dan sejumlah kepala OPD provinsi.\n"
        "\u201cJalan produksi ke kebun akan kami perbaiki tahun depan,\u201d kata gubernur.",
        published=date(2019, 10, 20),
    ),
    ClassArticle(
        "a minister's working visit to a regency",
        False,
        "SUMBA TIMUR - Menteri Pertanian melakukan kunjungan kerja ke Kabupaten Sumba Timur, "
        "Senin (21/10/2019). Menteri meninjau lahan jagung dan berdialog dengan kelompok "
        "tani di Desa Kambata.\n"
        "Bupati Sumba Timur, Yusuf Lakamau, mendampingi menteri selama kunjungan.\n"
        "\u201cPanen di sini harus masuk gudang Bulog,\u201d ujar menteri.",
        published=date(2019, 10, 22),
    ),
    ClassArticle(
        "a regent's working visit to his own villages",
        False,
        "BOJONEGORO - Bupati Bojonegoro, Ratna Wulandari, melakukan kunjungan kerja ke Desa "
        "Ngumpakdalem, Kecamatan Dander, Kabupaten Bojonegoro, Selasa (29/10/2019). Bupati "
        "berdialog dengan warga soal air bersih dan jalan desa yang rusak.\n"
        "Kepala Desa Ngumpakdalem, Suparno, menyampaikan usulan sumur bor.\n"
        "Baca juga: Harga Gabah di Bojonegoro Naik",
        published=date(2019, 10, 30),
    ),
    ClassArticle(
        "a DPD senator gathers aspirations",
        False,
        "MATARAM - Anggota DPD RI asal Nusa Tenggara Barat, Lalu Wirya, melakukan kunjungan "
        "kerja ke Pemkot Mataram, Kamis (31/10/2019). Kunjungan itu bagian dari fungsi "
        "pengawasan atas pelaksanaan undang-undang pemerintahan daerah.\n"
        "Ia diterima Sekda Kota Mataram dan menampung aspirasi soal dana transfer.\n"
        "\u201cUsulan ini kami bawa ke rapat komite,\u201d kata Lalu Wirya.",
        published=date(2019, 11, 1),
    ),
    ClassArticle(
        "a mayor invited to a neighbour's anniversary",
        False,
        "SALATIGA - Wali Kota Semarang, Andi Prasetyo, melakukan kunjungan kerja ke Kota "
        "Salatiga untuk menghadiri peringatan hari jadi kota tersebut, Senin (24/7/2019). "
        "Ia hadir dalam upacara di Lapangan Pancasila bersama kepala daerah lain.\n"
        "Wali Kota Salatiga, Yuliyanto Darmo, mengucapkan terima kasih atas kehadiran para "
        "tamu.",
        published=date(2019, 7, 25),
    ),
    ClassArticle(
        "a regent's courtesy call on a neighbour",
        False,
        "KLATEN - Bupati Boyolali, Said Hidayat, melakukan kunjungan kerja ke Kabupaten "
        "Klaten, Jumat (8/11/2019). Kunjungan itu untuk bersilaturahmi dengan Bupati "
        "Klaten, Sri Mulyani, dan mempererat sinergi antardaerah.\n"
        "Kedua bupati berbincang santai di pendapa sambil menikmati kopi.\n"
        "Baca juga: Klaten Gelar Lomba Desa Wisata",
        published=date(2019, 11, 9),
    ),
    ClassArticle(
        "a regent calls on a neighbour before the election",
        False,
        "SRAGEN - Bupati Karanganyar, Budi Santosa, melakukan kunjungan kerja ke Kabupaten "
        "Sragen, Rabu (6/11/2019). Bupati Karanganyar bersilaturahmi dengan Bupati Sragen, "
        "Tuti Lestari, di rumah dinas.\n"
        "Keduanya berbincang soal persiapan pilkada dan keamanan di perbatasan.\n"
        "Baca juga: Sragen Tambah Armada Pemadam Kebakaran",
        published=date(2019, 11, 7),
    ),
    ClassArticle(
        "two regents coordinate a border road",
        False,
        "SRAGEN - Bupati Karanganyar, Budi Santosa, melakukan kunjungan kerja ke Kabupaten "
        "Sragen, Rabu (6/11/2019). Kunjungan itu untuk berkoordinasi soal perbaikan jalan di "
        "perbatasan kedua daerah.\n"
        "Bupati Sragen, Tuti Lestari, menyambut di pendapa.",
        published=date(2019, 11, 7),
    ),
    ClassArticle(
        "a regent receives an award at a ministry",
        False,
        "JAKARTA - Bupati Kulon Progo, Sutedjo Wibowo, melakukan kunjungan kerja ke "
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Kamis "
        "(21/11/2019). Di sana bupati menerima penghargaan zona integritas untuk RSUD Wates "
        "dari menteri.\n"
        "\u201cPenghargaan ini milik seluruh pegawai rumah sakit,\u201d kata Sutedjo.",
        published=date(2019, 11, 22),
    ),
    ClassArticle(
        "a mayor opens a tournament in a neighbouring city",
        False,
        "SINGKAWANG - Wali Kota Pontianak, Edi Susanto, melakukan kunjungan kerja ke Kota "
        "Singkawang untuk membuka turnamen bulu tangkis antarkota, Sabtu (16/11/2019). Ia "
        "disambut Wali Kota Singkawang di gedung olahraga.",
        published=date(2019, 11, 17),
    ),
    ClassArticle(
        "a regent at a ceremony abroad",
        False,
        "BANYUWANGI - Bupati Banyuwangi melakukan kunjungan kerja ke Jepang, Senin "
        "(14/10/2019). Bupati menghadiri upacara pembukaan pameran pariwisata di Tokyo dan "
        "memotong pita paviliun Indonesia.\n"
        "Ia didampingi Kepala Dinas Kebudayaan dan Pariwisata.\n"
        "\u201cPaviliun kita ramai dikunjungi,\u201d ujar bupati.",
        published=date(2019, 10, 15),
    ),
]

#: A governor's working visit to a regency of his own province, with a word of learning
#: near it: still his tour (LABELING.md: supervision by a superior).
SUPERIOR_TOURS_WITH_LEARNING = [
    ClassArticle(
        "a governor learning from farmers in his province",
        False,
        "BLORA - Gubernur Jawa Tengah melakukan kunjungan kerja ke Kabupaten Blora, Rabu "
        "(6/11/2019). Ia meninjau proyek jalan kabupaten dan berdialog dengan kelompok tani "
        "di Kecamatan Randublatung.\n"
        "Dalam kunjungan itu gubernur mempelajari pola tanam petani setempat yang bisa "
        "panen tiga kali setahun meski lahannya tadah hujan.\n"
        "Bupati Blora, Joko Prasetyo, mendampingi gubernur selama di lapangan.",
        published=date(2019, 11, 7),
    ),
    ClassArticle(
        "a governor's tour where the regent offers to share",
        False,
        "Gubernur Sumatera Barat melakukan kunker ke Kota Payakumbuh, Selasa (5/11/2019), "
        "untuk meresmikan jembatan dan meninjau pasar ternak.\n"
        "Wali Kota Payakumbuh, Riza Falepi Amran, mengatakan Payakumbuh siap berbagi "
        "pengalaman pengelolaan pasar ternak dengan daerah lain.\n"
        "Gubernur juga ingin belajar dari cara pedagang ternak di sana menata lapak.",
        published=date(2019, 11, 6),
    ),
    ClassArticle(
        "a vice governor's working visit with a lesson in a quote",
        False,
        "SIGLI - Wakil Gubernur Aceh melakukan kunjungan kerja ke Kabupaten Pidie, Kamis "
        "(7/11/2019). Dalam kunjungan itu ia meninjau rumah sakit daerah dan bertemu para "
        "keuchik.\n"
        "\u201cKita semua bisa belajar dari cara Pidie menata layanan rumah sakit,\u201d "
        "ujar wakil gubernur usai peninjauan.",
        published=date(2019, 11, 8),
    ),
]
