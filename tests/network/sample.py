"""Hand-made inputs with known answers (invented regions, outlets and wording).

The batch sample: one visit of Tapanuli Selatan to Bukittinggi reported by three
outlets, each spelling the visitor differently ("Kabupaten Tapanuli Selatan",
"Tapsel", "Pemkab Tapanuli Selatan"); a learning chain back in time
Tapanuli Selatan <- Bukittinggi <- Sleman <- Surabaya <- Japan; Padang visiting
Bukittinggi twice; a Sleman visit to Bantul that comes *after* Bukittinggi learned
from Sleman (so it must not extend the chain); a visit to a ministry (no host region);
an error row and a skipped row.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TAPSEL, BUKITTINGGI, SLEMAN, SURABAYA, PADANG, BANTUL = (
    "12.03",
    "13.75",
    "34.04",
    "35.78",
    "13.71",
    "34.02",
)
JAPAN = "foreign:Japan"
#: The event told by three outlets (a1, a2, a3).
MERGED_ARTICLES = ["a1", "a2", "a3"]


def party(region: str | None, level: str | None = "regency", **extra: Any) -> dict[str, Any]:
    return {"region": region, "level": level, "branch": "executive", **extra}


def visit(
    visitor: dict[str, Any],
    host: dict[str, Any],
    start: str | None,
    topics: list[str],
    domains: list[str],
    *,
    kind: str = "studi_banding",
    quote: str | None = None,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "visitor": visitor,
        "host": host,
        "kind": kind,
        "start_date": start,
        "topics": topics,
        "domains": domains,
    }
    if quote:
        row["evidence"] = [{"field": "host.region", "quote": quote}]
    return row


def extraction(article_id: str, *visits: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": article_id,
        "is_study_visit": bool(visits),
        "visits": list(visits),
        "backend": "rules",
    }


def batch_rows() -> list[dict[str, Any]]:
    city = "city"
    return [
        extraction(
            "a1",
            visit(
                party("Kabupaten Tapanuli Selatan"),
                party("Kota Bukittinggi", city),
                "2021-03-08",
                ["pengelolaan bank sampah"],
                ["environment"],
                quote="rombongan belajar memilah sampah di Bukittinggi",
            ),
        ),
        extraction(
            "a2",
            visit(
                party("Tapsel"),
                party("Bukittinggi", city),
                "2021-03-09",
                ["bank sampah"],
                ["environment"],
                kind="kunjungan_kerja",
            ),
        ),
        extraction(
            "a3",
            visit(party("Pemkab Tapanuli Selatan"), party("Kota Bukittinggi", city), None, [], []),
        ),
        extraction(
            "a4",
            visit(
                party("Kota Bukittinggi", city),
                party("Kabupaten Sleman"),
                "2020-06-02",
                ["bank sampah"],
                ["environment"],
                quote="tim kota itu mencatat cara Sleman menimbang sampah",
            ),
        ),
        extraction(
            "a5",
            visit(
                party("Kabupaten Sleman"),
                party("Kota Surabaya", city),
                "2019-01-15",
                ["implementasi kota cerdas"],
                ["digital"],
            ),
        ),
        extraction(
            "a6",
            visit(
                party("Kota Padang", city),
                party("Kota Bukittinggi", city),
                "2021-09-01",
                ["penerapan smart city"],
                ["digital"],
            ),
        ),
        extraction(
            "a7",
            visit(
                party("Kota Padang", city),
                party("Kota Bukittinggi", city),
                "2022-02-01",
                ["Smart City"],
                ["digital"],
            ),
        ),
        extraction(
            "a8",
            visit(
                party("Kabupaten Tapanuli Selatan"), party(None, "national"), "2021-05-05", [], []
            ),
        ),
        {"id": "a9", "error": {"type": "ProviderError", "message": "boom", "attempts": 3}},
        {"id": "a10", "skipped": "prefilter", "score": 0.1},
        extraction(
            "a11",
            visit(
                party("Kota Surabaya", city),
                party("Japan", "foreign"),
                "2018-05-01",
                ["kota cerdas"],
                ["digital"],
            ),
        ),
        extraction(
            "a12",
            visit(
                party("Kabupaten Sleman"),
                party("Kabupaten Bantul"),
                "2022-01-10",
                ["pasar desa"],
                ["economy"],
            ),
        ),
        extraction("a13"),
    ]


def articles() -> list[dict[str, Any]]:
    published = {
        "a1": "2021-03-10",
        "a2": "2021-03-11",
        "a3": "2021-03-12",
        "a4": "2020-06-03",
        "a5": "2019-01-16",
        "a6": "2021-09-02",
        "a7": "2022-02-02",
        "a8": "2021-05-06",
        "a11": "2018-05-02",
        "a12": "2022-01-11",
        "a13": "2022-01-12",
    }
    return [
        {
            "id": aid,
            "url": f"https://warta-{aid}.example/berita/{aid}",
            "outlet": f"warta-{aid}.example",
            "title": f"Judul rekaan {aid}",
            "published": day,
            "text": "teks rekaan",
        }
        for aid, day in published.items()
    ]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def write_batch(folder: Path) -> tuple[Path, Path]:
    """The batch output and its input articles."""
    return (
        write_jsonl(folder / "out.jsonl", batch_rows()),
        write_jsonl(folder / "dump.jsonl", articles()),
    )


def write_gold_set(folder: Path) -> Path:
    """An eval-set folder: Sleman spelled "Kab. Sleman", a leader named only by title,
    a negative article and a consultation of a ministry (no host region)."""
    folder.mkdir(parents=True, exist_ok=True)
    host = party("Kab. Sleman", leader={"name": None, "title": "Bupati"})
    labels = [
        {
            "id": "g1",
            "is_study_visit": True,
            "visits": [
                {
                    **visit(party("Kabupaten Bantul"), host, "2020-02-03", ["BUMDes"], ["village"]),
                    "end_date": None,
                    "agreement": True,
                }
            ],
            "notes": "invented label note",
        },
        {
            "id": "g2",
            "is_study_visit": True,
            "visits": [
                visit(party("Kabupaten Sleman"), party(None, "national"), None, [], []),
                visit(
                    party("Kabupaten Sleman"),
                    party("Kota Surabaya", "city"),
                    None,
                    ["Badan Usaha Milik Desa"],
                    ["village"],
                ),
            ],
            "notes": None,
        },
        {"id": "g3", "is_study_visit": False, "visits": [], "notes": "a festival, no visit"},
    ]
    write_jsonl(folder / "gold.jsonl", labels)
    write_jsonl(
        folder / "articles.jsonl",
        [
            {"id": "g1", "url": "https://kabar.example/g1", "outlet": "kabar.example",
             "title": "Rekaan satu", "published": "2020-02-04", "text": "teks"},
            {"id": "g2", "url": None, "outlet": "lain.example", "title": None,
             "published": "2021-07-07", "text": "teks"},
            {"id": "g3", "url": None, "outlet": None, "title": None, "published": None,
             "text": "teks"},
        ],
    )  # fmt: skip
    return folder
