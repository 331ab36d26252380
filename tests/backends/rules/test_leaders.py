"""Leaders (backends/rules/leaders.py): delegation heads and receivers, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.extractor import extract_visits
from visit_extract.backends.rules.leaders import find_leaders
from visit_extract.schema import Leader

from .support import context_through


def _leaders(text: str) -> tuple[tuple[str, str | None] | None, list[tuple[str, str | None]]]:
    ctx = context_through(text, find_leaders)
    host = ctx.host.leader if ctx.host is not None else None
    return (
        (host.name, host.title) if host else None,
        [(s.leader.name, s.leader.title) for s in ctx.sides.values() if s.leader is not None],
    )


def _evidence(ctx: Context) -> list[tuple[str, str]]:
    sides = [ctx.host, *ctx.sides.values()]
    return [(e.field, e.quote) for s in sides if s is not None for e in s.evidence]


@pytest.mark.parametrize(
    ("text", "visitors"),
    [
        pytest.param(
            "Pemkab Klaten belajar ke Kabupaten Gianyar. Kepala Bagian Humas Setda Klaten Joko "
            "Susilo memberi keterangan.",
            [],
            id="a spokesperson is no leader",
        ),
        # without a cue, the visiting region's head of an office stands for the group
        pytest.param(
            "Dinas Pertanian Klaten belajar ke Kabupaten Gianyar. Kepala Dinas Pertanian Klaten "
            "Joko Susilo memberi keterangan.",
            [("Joko Susilo", "Kepala Dinas Pertanian")],
            id="an agency head leads the agencys delegation",
        ),
        # "selaku ketua rombongan" names the head
        pytest.param(
            "Tim Pemkot Salatiga berkunjung ke Kabupaten Gianyar. Asisten II Setda Salatiga "
            "Rudi Hartawan selaku ketua rombongan menyampaikan terima kasih.",
            [("Rudi Hartawan", "Asisten II")],
            id="the head named as leader of the group",
        ),
        pytest.param(
            "Komisi B DPRD Kabupaten Klaten berkunjung ke Kabupaten Gianyar. Rombongan "
            "diketuai oleh Sarwono Adi dan beranggotakan tujuh orang.",
            [("Sarwono Adi", None)],
            id="led by a name without title",
        ),
        pytest.param(
            "Komisi B DPRD Kabupaten Klaten studi banding ke Kabupaten Gianyar. Komisi itu "
            "dipimpin langsung ketuanya, Sarwono Adi, bersama enam anggota.",
            [("Sarwono Adi", "Ketua Komisi B")],
            id="led by its own chair",
        ),
        pytest.param(
            "Tim Pemkot Salatiga berkunjung ke Kabupaten Gianyar. Ketua rombongan, Kepala "
            "Bappeda Salatiga Rudi Hartawan, menyampaikan maksud kunjungan.",
            [("Rudi Hartawan", "Kepala Bappeda")],
            id="head of the group named after the words",
        ),
        pytest.param(
            'Rombongan Pemkab Klaten belajar ke Kabupaten Gianyar. "Kami ingin belajar," '
            "ujar Sri Wahyuni, Bupati Klaten sekaligus ketua rombongan.",
            [("Sri Wahyuni", "Bupati")],
            id="head of the group named name first",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Pertemuan dipimpin Sekda Gianyar "
            "Ketut Sudarsana, sementara Kepala Bagian Humas Klaten Joko Susilo bertanya.",
            [],
            id="a meeting chaired by the host is no led delegation",
        ),
        pytest.param(
            "Komisi C DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kabupaten Gianyar. "
            "Ketua DPRD Klaten Sarwono Adi yang dihubungi di kantornya mengaku belum tahu "
            "hasilnya.",
            [],
            id="a commission is not led by the dprd chair quoted at home",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Asisten II Setda Klaten Joko Susilo "
            "berkunjung ke Pasar Gianyar bersama staf.",
            [("Joko Susilo", "Asisten II")],
            id="an official who travels leads when nobody else is named",
        ),
        pytest.param(
            "Plt Bupati Klaten Sri Wahyuni memimpin studi banding ke Kabupaten Gianyar. Rombongan "
            "dipimpin Bupati Klaten Sri Wahyuni itu disambut hangat.",
            [("Sri Wahyuni", "Plt Bupati")],
            id="the fullest title the article gives the leader",
        ),
        pytest.param(
            "Wakil Ketua DPRD Kabupaten Klaten, Edy Sasongko, bersama anggota Komisi I kunjungan "
            "kerja ke DPRD Kabupaten Gianyar. Ketua DPRD Klaten Sarwono Adi tidak ikut.",
            [("Edy Sasongko", "Wakil Ketua DPRD")],
            id="who travels with the members leads and who stays does not",
        ),
        pytest.param(
            "Sebanyak 40 kepala desa dari Kabupaten Klaten studi banding ke Kabupaten Gianyar. "
            "Bupati Klaten Sri Wahyuni berpesan agar para kades belajar sungguh-sungguh.",
            [],
            id="the bupati who sends the village heads does not lead them",
        ),
    ],
)
def test_the_delegation_head(text: str, visitors: list[tuple[str, str | None]]) -> None:
    assert _leaders(text)[1] == visitors


def test_led_by_with_a_title_given_after_the_name() -> None:
    host, visitors = _leaders(
        "Rombongan Pemkab Klaten dipimpin oleh Budi Prasetyo selaku Sekretaris Daerah "
        "tiba di Kabupaten Gianyar. Rombongan diterima langsung oleh Bupati Gianyar Made "
        "Wirawan."
    )
    assert visitors == [("Budi Prasetyo", "Sekda")]
    assert host == ("Made Wirawan", "Bupati")


def test_without_led_by_a_senior_official_stands_for_the_delegation() -> None:
    text = (
        "Pemkab Klaten belajar ke Kabupaten Gianyar. Kepala Dinas Pertanian Klaten Joko "
        "Susilo memberi keterangan, sementara Bupati Klaten Sri Wahyuni ikut berdiskusi."
    )
    _, visitors = _leaders(text)
    assert visitors == [("Sri Wahyuni", "Bupati")]
    ctx = context_through(text, find_leaders)
    assert ("visitor.leader", "Bupati Klaten Sri Wahyuni") in _evidence(ctx)


# ------------------------------------------------------------- who leads the delegation


def test_a_stand_in_leads_for_the_absent_head() -> None:
    host, visitors = _leaders(
        "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Wali Kota Salatiga yang diwakili "
        "Inspektur Kota Salatiga Rudi Hartawan disambut Bupati Gianyar Made Wirawan."
    )
    assert visitors == [("Rudi Hartawan", "Inspektur")]
    assert host == ("Made Wirawan", "Bupati")


def test_the_hosts_stand_in_does_not_lead_the_visitors() -> None:
    host, visitors = _leaders(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Rombongan disambut Bupati "
        "Gianyar yang diwakili Sekretaris Daerah Ketut Sudarsana di ruang rapat."
    )
    assert host == ("Ketut Sudarsana", "Sekda")
    assert visitors == []


def test_a_stand_in_named_before_whom_they_represent() -> None:
    host, _ = _leaders(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Asisten I Setda Gianyar, Ni Luh "
        "Putu Ayu mewakili Bupati Gianyar, memaparkan program desa adat."
    )
    assert host == ("Ni Luh Putu Ayu", "Asisten I")


def test_the_visit_of_an_official_named_by_the_host() -> None:
    host, visitors = _leaders(
        "Wakil Bupati Gianyar Made Wirawan menerima kunjungan kerja Asisten III Setda Klaten "
        "Joko Susilo di Kabupaten Gianyar. Kepala Dinas Sosial Klaten Budi Santoso ikut."
    )
    # without the cue, the head of an office would stand for the group
    assert visitors == [("Joko Susilo", "Asisten III")]
    assert host == ("Made Wirawan", "Wakil Bupati")


# ------------------------------------------------------------- parties that are no region


def _outsider_leaders(text: str) -> dict[str, tuple[str, str | None]]:
    ctx = context_through(text, find_leaders)
    return {
        k: (o.party.leader.name, o.party.leader.title)
        for k, o in ctx.outsiders.items()
        if o.party.leader is not None
    }


def test_the_receiver_abroad_reaches_the_visit() -> None:
    visits = extract_visits(
        "Rombongan Pemkab Klaten dipimpin Bupati Klaten Sri Wahyuni studi banding ke Jepang. "
        "Mereka diterima Wali Kota Kawanishi, Taro Yamamoto, di balai kota.",
        None,
    )
    assert [(v.host.region, v.host.leader) for v in visits] == [
        ("Japan", Leader(name="Taro Yamamoto", title="Wali Kota"))
    ]


def test_each_host_of_a_tour_has_its_own_receiver() -> None:
    text = (
        "Bupati Klaten Sri Wahyuni studi banding ke Belanda dan Jerman. Di Belanda, rombongan "
        "diterima Duta Besar RI untuk Belanda, Rudi Hartono. Di Jerman, rombongan diterima "
        "Wali Kota Freiburg, Jonas Weber."
    )
    assert _outsider_leaders(text) == {
        "foreign:Netherlands": ("Rudi Hartono", "Duta Besar"),
        "foreign:Germany": ("Jonas Weber", "Wali Kota"),
    }
    ctx = context_through(
        "Rombongan Pemkab Klaten studi banding ke Kabupaten Gianyar dan Kota Denpasar. Di "
        "Gianyar rombongan diterima Wakil Bupati Gianyar Made Wirawan. Esoknya rombongan "
        "disambut Sekda Kota Denpasar Ketut Arsa di balai kota.",
        find_leaders,
    )
    got = {s.role.region.name: s.leader.name for s in ctx.hosts.values() if s.leader}
    assert got == {"Kabupaten Gianyar": "Made Wirawan", "Kota Denpasar": "Ketut Arsa"}


def test_the_head_of_a_national_delegation() -> None:
    got = _outsider_leaders(
        "Rombongan Komisi II DPR RI dipimpin Wakil Ketua Komisi II DPR, Yusuf Harahap, "
        "melakukan kunjungan kerja ke Belanda untuk studi banding sistem pemilu."
    )
    assert got == {"national:DPR RI": ("Yusuf Harahap", "Wakil Ketua Komisi II DPR")}


def test_a_national_delegation_is_not_led_by_a_regions_official() -> None:
    got = _outsider_leaders(
        "Tim Kementerian Dalam Negeri studi banding ke Kabupaten Gianyar. Pertemuan dipimpin "
        "Sekda Gianyar Ketut Sudarsana di ruang rapat."
    )
    assert "national:Kementerian Dalam Negeri" not in got


def test_a_ministrys_delegation_led_by_its_director() -> None:
    got = _outsider_leaders(
        "Tim Kementerian Dalam Negeri dipimpin Direktur Fasilitasi Dana Perimbangan, Rudi "
        "Santoso, studi banding ke Kabupaten Gianyar."
    )
    head = ("Rudi Santoso", "Direktur Fasilitasi Dana Perimbangan")
    assert got == {"national:Kementerian Dalam Negeri": head}


# ------------------------------------------------------------- heads named without a cue


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Pemkab Klaten studi banding ke Kabupaten Gianyar. Asisten Perekonomian Setda Klaten, "
         "Joko Purnomo, mengatakan pihaknya ingin belajar.",
         ("Joko Purnomo", "Asisten Perekonomian")),
        ("Pemkab Klaten studi banding ke Kabupaten Gianyar. Staf Ahli Bupati Klaten Bidang "
         "Pembangunan, Joko Purnomo, mengatakan pihaknya ingin belajar.",
         ("Joko Purnomo", "Staf Ahli Bupati Bidang Pembangunan")),
        ("Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Inspektur Kota Salatiga Rudi "
         "Hartawan mengatakan pihaknya ingin belajar.", ("Rudi Hartawan", "Inspektur")),
    ],
)  # fmt: skip
def test_the_only_senior_official_of_the_region_named_leads(
    text: str, head: tuple[str, str]
) -> None:
    _, visitors = _leaders(text)
    assert visitors == [head]


def test_a_head_of_region_named_without_the_region_is_placed_by_level() -> None:
    # a Bupati heads a regency: of a regency and a city, the regency's
    host, visitors = _leaders(
        'Pemkab Klaten studi banding ke Kota Denpasar. "Kami ingin belajar," kata Bupati Sri '
        "Wahyuni. Wali Kota Made Wiratama memaparkan program kota."
    )
    assert visitors == [("Sri Wahyuni", "Bupati")]
    assert host == ("Made Wiratama", "Wali Kota")
    # two regencies: the title does not tell whose Bupati is quoted
    _, visitors = _leaders(
        'Pemkab Klaten studi banding ke Kabupaten Gianyar. "Kami ingin belajar," kata Bupati '
        "Sri Wahyuni."
    )
    assert visitors == []


@pytest.mark.parametrize(
    "text",
    [
        'Pemkab Klaten studi banding ke Kabupaten Gianyar. "Kami ingin belajar," kata Budi '
        "Santoso selaku pimpinan rombongan.",
        "Rombongan Pemkab Klaten studi banding ke Kabupaten Gianyar dipimpin Budi Santoso. "
        "Budi Santoso yang juga Kepala Bappeda Klaten mengatakan ingin belajar.",
    ],
)
def test_the_head_named_by_a_bare_name(text: str) -> None:
    _, visitors = _leaders(text)
    assert [n for n, _ in visitors] == ["Budi Santoso"]


# ------------------------------------------------------------- who does not lead


@pytest.mark.parametrize(
    "text",
    [
        # the government's people do not lead the council's delegation, nor the other way
        "Komisi III DPRD Kabupaten Klaten kunjungan kerja ke DPRD Kabupaten Gianyar. Bupati "
        "Klaten Sri Wahyuni berharap kunjungan itu bermanfaat.",
        "DPRD Kabupaten Klaten studi banding ke Kabupaten Gianyar. Sekda Klaten Joko Susilo "
        "mengatakan pemkab mendukung.",
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Ketua DPRD Klaten Sarwono Adi "
        "mengatakan dewan mendukung langkah pemkab.",
        # who sends the delegation off stays at home
        "Bupati Klaten Sri Wahyuni memberangkatkan 40 kepala desa studi banding ke Kabupaten "
        "Gianyar.",
        "Sekda Klaten Joko Susilo melepas rombongan Pemkab Klaten yang studi banding ke "
        "Kabupaten Gianyar.",
    ],
)
def test_officials_who_do_not_travel_with_the_delegation(text: str) -> None:
    _, visitors = _leaders(text)
    assert visitors == []


# ------------------------------------------------------------- village delegations


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Pemerintah Desa Sukamaju, Kabupaten Klaten, studi banding ke Kabupaten Gianyar. Kepala "
         "Desa Sukamaju, Budi Santoso, mengatakan pihaknya ingin belajar BUMDes. Bupati Klaten "
         "Sri Wahyuni mendukung.", ("Budi Santoso", "Kepala Desa")),
        ("Sebanyak 40 kepala desa dari Kabupaten Klaten studi banding ke Kabupaten Gianyar. Camat "
         "Ngawen Kabupaten Klaten, Suharno, mengatakan kunjungan itu bermanfaat.",
         ("Suharno", "Camat")),
    ],
)  # fmt: skip
def test_the_head_of_a_village_delegation(text: str, head: tuple[str, str]) -> None:
    _, visitors = _leaders(text)
    assert visitors == [head]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        pytest.param(
            "Pansus IV DPRD Kabupaten Boyolali kunjungan kerja ke DPRD Kota Denpasar, Selasa "
            "(5/3). Pansus itu dipimpin ketuanya, Hendra Wijaya.",
            ("Hendra Wijaya", "Ketua Pansus IV DPRD"),
            id="a special committee's chair, not the host council's",
        ),
        pytest.param(
            "Dinas Perikanan Kabupaten Boyolali belajar ke Kabupaten Gianyar, Selasa (5/3). "
            "Rombongan dipimpin langsung oleh kepalanya Hendra Wijaya.",
            ("Hendra Wijaya", "Kepala Dinas Perikanan"),
            id="an agency's head",
        ),
        pytest.param(
            "Aparat Desa Karanganyar, Kabupaten Boyolali, studi banding ke Kabupaten Bangli, "
            "Selasa (5/3). Mereka dipimpin kepalanya, Hendra Wijaya.",
            ("Hendra Wijaya", "Kepala Desa"),
            id="a village's head",
        ),
        pytest.param(
            "Tim Penggerak PKK Kabupaten Boyolali studi banding ke Kabupaten Gianyar, Selasa "
            "(5/3). Rombongan dipimpin ketuanya, Ratna Sari.",
            ("Ratna Sari", "Ketua TP PKK"),
            id="a PKK's chair",
        ),
        pytest.param(
            "Dinas Perikanan Kabupaten Boyolali belajar ke Kabupaten Gianyar, Selasa (5/3). "
            "Rombongan dipimpin Hendra Wijaya.",
            ("Hendra Wijaya", None),
            id="no possessive, no title guessed",
        ),
    ],
)
def test_led_by_its_chair_or_head_named_by_a_possessive(
    text: str, leader: tuple[str, str | None]
) -> None:
    # "dipimpin ketuanya / kepalanya": the title is the chair or head of the body
    # named before the cue
    visit = extract_visits(text, None)[0]
    assert visit.visitor.leader is not None
    assert (visit.visitor.leader.name, visit.visitor.leader.title) == leader


@pytest.mark.parametrize(
    ("text", "head"),
    [
        pytest.param(
            "Komisi II DPRD Kabupaten Lumajang kunjungan kerja ke DPRD Kota Tarakan. Di sana "
            "rombongan komisi yang dipimpin Hendra Wijaya itu membahas retribusi.",
            ("Hendra Wijaya", None),
            id="rombongan komisi yang dipimpin",
        ),
        pytest.param(
            "Pemkab Lumajang studi banding ke Kabupaten Gianyar, Senin. Rombongan diterima "
            "Kepala Dinas Pertanian Gianyar, Wayan Sudira. Kunjungan yang dipimpin Asisten "
            "Perekonomian, Rina Lestari, itu membahas subak.",
            ("Rina Lestari", "Asisten Perekonomian"),
            id="kunjungan yang dipimpin, after the receiver",
        ),
        pytest.param(
            "Pemkot Tarakan studi tiru ke Kabupaten Banyuwangi. Setibanya di Banyuwangi, tim "
            "yang dipimpin langsung oleh Yohanes Lado langsung menuju Mal Pelayanan Publik.",
            ("Yohanes Lado", None),
            id="tim yang dipimpin langsung oleh",
        ),
    ],
)
def test_led_by_after_the_host_is_named(text: str, head: tuple[str, str | None]) -> None:
    # the last region named before "dipimpin" is the host, but the group words say whose
    assert _leaders(text)[1] == [head]


def test_the_host_led_by_its_own_chair_leads_no_delegation() -> None:
    text = (
        "Komisi II DPRD Kabupaten Lumajang kunjungan kerja ke Kota Tarakan. Mereka bertemu "
        "DPRD Kota Tarakan yang dipimpin Hendra Wijaya di ruang rapat."
    )
    assert _leaders(text)[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "Komisi I DPRD Kabupaten Sumenep kunjungan kerja ke Kota Tarakan. Rombongan dipimpin "
        "anggota Komisi I DPRD Sumenep, Hendra Wijaya, dan membahas perda.",
        "DPRD Kabupaten Sumenep studi banding ke Kota Tarakan. Rombongan dipimpin oleh salah "
        "satu anggota Badan Anggaran, Hendra Wijaya.",
        "Fraksi Gerindra DPRD Kabupaten Sumenep studi banding ke Kota Tarakan. Kunjungan "
        "dipimpin Anggota Fraksi, Hendra Wijaya, Senin.",
    ],
)
def test_led_by_a_member_named_after_what_they_belong_to(text: str) -> None:
    # a member holds no title of LABELING's kind: the name alone
    assert _leaders(text)[1] == [("Hendra Wijaya", None)]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        pytest.param(
            "Pemkab Sumenep studi tiru ke Kabupaten Jembrana, Selasa. Rombongan dipimpin Wakil "
            "Bupati Hendra Wijaya didampingi Kepala Bappeda Yohan Tabuni.",
            ("Hendra Wijaya", "Wakil Bupati"),
            id="dipimpin X didampingi Y",
        ),
        pytest.param(
            "Pemkab Sumenep studi tiru ke Kabupaten Jembrana, Selasa. Wakil Bupati Hendra Wijaya "
            "didampingi Kepala Bappeda Yohan Tabuni tiba di kantor bupati pukul 09.00.",
            ("Hendra Wijaya", "Wakil Bupati"),
            id="X didampingi Y tiba",
        ),
        pytest.param(
            "Pemkab Sumenep studi tiru ke Kabupaten Jembrana, Selasa. Kepala Bappeda Hendra "
            "Wijaya yang didampingi sekretarisnya memimpin rombongan itu.",
            ("Hendra Wijaya", "Kepala Bappeda"),
            id="X yang didampingi Y memimpin",
        ),
    ],
)
def test_a_head_with_companions_leads_and_receives_no_one(text: str, head: tuple[str, str]) -> None:
    # "didampingi" says who came along, not who received: the host has no receiver here
    host, visitors = _leaders(text)
    assert visitors == [head] and host is None


def test_a_receiver_with_companions_still_receives() -> None:
    text = (
        "Pemkab Sumenep studi tiru ke Kabupaten Jembrana, Selasa. Wakil Bupati Made Kembang "
        "didampingi Sekda dan sejumlah kepala OPD menerima rombongan di ruang rapat."
    )
    assert _leaders(text)[0] == ("Made Kembang", "Wakil Bupati")
