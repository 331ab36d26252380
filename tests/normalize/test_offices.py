"""Offices inside titles (normalize/offices.py): short forms, invented titles."""

from __future__ import annotations

import pytest

from visit_extract.normalize.offices import short_offices


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("Kepala Badan Kepegawaian Daerah", "Kepala BKD"),
        ("Kepala Badan Riset Daerah (Barida)", "Kepala Barida"),
        ("Kepala Disdukcapil", "Kepala Dinas Kependudukan dan Pencatatan Sipil"),
        ("Kadinkes", "Kepala Dinas Kesehatan"),
        ("Kadispertan", "Kepala Dinas Pertanian"),
        ("Plt Kadisnakertrans", "Plt Kepala Dinas Tenaga Kerja dan Transmigrasi"),
        ("Kepala Disperkim", "Kepala Dinas Perumahan dan Kawasan Permukiman"),
        ("Kepala Dispusip", "Kepala Dinas Perpustakaan dan Kearsipan"),
        ("Kepala Seksi Tata Ruang Dinas PUPR", "Kepala Seksi Tata Ruang"),
        ("Kasubag Program Bappeda", "Kasubag Program"),
        ("Dubes RI untuk Belanda", "Duta Besar"),
        ("Menkeu", "Menteri Keuangan"),
        ("Sekertaris Dinas Sosial", "Sekretaris Dinas Sosial"),
        ("Kepala Kantor Dinas Koperasi dan UKM", "Kepala Dinas Koperasi dan UKM"),
        ("Kepala Kantor Kementerian Agama", "Kepala Kantor Kementerian Agama"),
        ("Asisten Pemerintah dan Kesra", "Asisten Pemerintahan dan Kesra"),
        (
            "Kepala Dinas Sosial Pemerintah Kabupaten Sleman",
            "Kepala Dinas Sosial Pemerintah Kabupaten Sleman",
        ),
        # the holding office by its acronym only, after the part's own words
        ("Kepala Bidang Pemerintahan Desa DPMD", "Kepala Bidang Pemerintahan Desa"),
        ("Kabid Kedaruratan dan Logistik BPBD", "Kabid Kedaruratan dan Logistik"),
        ("Kepala Seksi Pengaduan DPMPTSP", "Kepala Seksi Pengaduan"),
        # an acronym that names the part itself stays
        ("Kepala Bidang PMD", "Kepala Bidang PMD"),
        # an agency by its initials is spelt out, like one written in one word
        ("Kepala DLH", "Kepala Dinas Lingkungan Hidup"),
        ("Plt Kepala DPMD", "Plt Kepala Dinas Pemberdayaan Masyarakat dan Desa"),
        ("Sekretaris DPMPTSP", "Sekretaris Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        # a Badan, and the public-order unit, by their usual short names
        ("Kepala Badan Penelitian dan Pengembangan Daerah", "Kepala Balitbangda"),
        ("Kepala Badan Pengelola Keuangan dan Aset Daerah", "Kepala BPKAD"),
        ("Kepala Satuan Polisi Pamong Praja", "Kepala Satpol PP"),
        # no office to shorten: unchanged
        ("Wakil Bupati", "Wakil Bupati"),
        ("Kepala Dinas Sosial", "Kepala Dinas Sosial"),
    ],
)
def test_offices_in_their_short_form(written: str, short: str) -> None:
    assert short_offices(written) == short
