"""Cross-outlet dedupe of reported visits into events."""

from __future__ import annotations

from datetime import date

from visit_extract.batch.dedupe import VisitRecord, assign_events, date_interval
from visit_extract.schema import Party, Visit


def _visit(v: str | None, h: str | None, start: str | None = None, **kw: object) -> Visit:
    return Visit(
        visitor=Party(region=v, branch=kw.get("vb")),  # type: ignore[arg-type]
        host=Party(region=h),
        start_date=start,
        end_date=kw.get("end"),  # type: ignore[arg-type]
    )


def _rec(article: str, visit: Visit, published: str | None = None, index: int = 0) -> VisitRecord:
    pub = date.fromisoformat(published) if published else None
    return VisitRecord(article_id=article, index=index, visit=visit, published=pub)


def test_date_interval_forms() -> None:
    pub = date(2019, 2, 26)
    assert date_interval(_visit("a", "b", "2019-02-25"), None) == (date(2019, 2, 25),) * 2
    assert date_interval(_visit("a", "b", "2019-02"), None) == (
        date(2019, 2, 1),
        date(2019, 2, 28),
    )
    assert date_interval(_visit("a", "b", "2019"), None) == (date(2019, 1, 1), date(2019, 12, 31))
    assert date_interval(_visit("a", "b", "--12-30"), pub) == (date(2018, 12, 30),) * 2
    assert date_interval(_visit("a", "b", "--12-30"), None) is None
    assert date_interval(_visit("a", "b"), pub) == (pub, pub)
    assert date_interval(_visit("a", "b", "2019-02-25", end="2019-02-27"), None) == (
        date(2019, 2, 25),
        date(2019, 2, 27),
    )


def test_same_visit_from_two_outlets_is_one_event() -> None:
    recs = [
        _rec("kompas-1", _visit("Kabupaten Lahat", "Kabupaten Banyuwangi", "2019-02-25")),
        _rec("antara-7", _visit("kabupaten lahat", "Kabupaten  Banyuwangi"), "2019-02-27"),
        _rec("tribun-3", _visit("Kabupaten Lahat", "Kabupaten Banyuwangi", "2019-05-02")),
    ]
    assert assign_events(recs, window_days=7) == 2
    assert recs[0].event_id == recs[1].event_id != recs[2].event_id
    assert recs[0].event_articles == ("antara-7", "kompas-1")
    assert recs[2].event_articles == ("tribun-3",)
    # stable ids
    again = [_rec(r.article_id, r.visit, None, r.index) for r in recs]
    again[1].published = recs[1].published
    assign_events(again, window_days=7)
    assert [r.event_id for r in again] == [r.event_id for r in recs]


def test_not_merged_same_article_branch_conflict_or_unknowns() -> None:
    v = "Kabupaten Lahat"
    h = "Kota Denpasar"
    recs = [
        _rec("a1", _visit(v, h, "2019-02-25"), index=0),
        _rec("a1", _visit(v, h, "2019-02-25"), index=1),  # same article: two delegations
        _rec("a2", _visit(v, h, "2019-02-25", vb="legislative")),
        _rec("a3", _visit(v, h, "2019-02-25", vb="executive")),
        _rec("a4", _visit(None, h, "2019-02-25")),
        _rec("a5", _visit(None, h, "2019-02-25")),
        _rec("a6", _visit(v, h)),  # no date at all
    ]
    assign_events(recs, window_days=7)
    events = {r.event_id for r in recs}
    assert recs[0].event_id != recs[1].event_id
    assert recs[2].event_id != recs[3].event_id
    assert recs[4].event_id != recs[5].event_id
    assert len(events) == 5  # a2 joins one a1 visit, a3 the other; a4, a5, a6 alone
