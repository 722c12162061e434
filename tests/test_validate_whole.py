"""A table small enough is validated whole first: the report is the one the short report
(checks counted column by column, Pandera on a sample) gives without that first run."""

import pandas as pd
import pytest

from etl.contract import validate as V


def reports(frames: dict[str, pd.DataFrame]) -> dict[str, list]:
    return {name: V.check_frame(name, frame, V.FIRST) for name, frame in frames.items()}


def test_the_seed_tables_pass_with_and_without_the_whole_run(seed_frames, monkeypatch):
    assert reports(seed_frames) == {name: [] for name in seed_frames}
    monkeypatch.setattr(V, "WHOLE", -1)
    assert reports(seed_frames) == {name: [] for name in seed_frames}


@pytest.mark.parametrize("breakage", ["value", "unique", "column", "dtype"])
def test_a_broken_table_is_reported_as_without_the_whole_run(seed_frames, monkeypatch, breakage):
    frame = seed_frames["expulsion_stats"].copy()
    if breakage == "value":
        frame.loc[frame.index[-1], "value"] = -1.0
    elif breakage == "unique":
        frame.loc[frame.index[-1], "stat_id"] = frame["stat_id"].iloc[0]
    elif breakage == "column":
        frame["extra"] = 1
    else:
        frame["line_start"] = frame["line_start"].astype("float64")
    assert V._passes("expulsion_stats", frame) is False
    whole = V.check_frame("expulsion_stats", frame, V.FIRST)
    assert whole
    monkeypatch.setattr(V, "WHOLE", -1)
    assert V.check_frame("expulsion_stats", frame, V.FIRST) == whole
