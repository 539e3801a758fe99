"""Beyond one process: extraction over a folder of documents and checking of a large table on Dask.

Dask is optional (``pip install 'cnquant[dask]'``). Work is shipped as file paths and rows; each
worker imports cnquant and builds its own unit registry lazily (nothing large is pickled). The
scheduler is Dask's: ``"threads"`` (default), ``"processes"``, ``"sync"``, or the address of a
distributed cluster (``"tcp://10.0.0.5:8786"``) or a ``distributed.Client``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("新增停车位3500个。确保城镇登记失业率控制在3.5%以内。", encoding="utf-8")
>>> df = extract_folder(d, scheduler="sync")
>>> df[["file", "start", "end", "metric", "comparator", "value", "unit"]].to_dict("records")[0]
{'file': 'a.txt', 'start': 0, 'end': 10, 'metric': '新增停车位', 'comparator': '>=', 'value': '3500', 'unit': '个'}
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["extract_file", "extract_folder", "check_table", "COLUMNS"]

#: Columns of the target table (one row per target).
COLUMNS = ["file", "n", "start", "end", "measure", "comparator", "value", "low", "high", "unit", "modality",
           "direction", "reference", "metric", "cues", "deadline", "text"]


def _records(path: str, root: str | None) -> list[dict]:
    from .extract import extract

    p = Path(path)
    text = p.read_text(encoding="utf-8")
    name = str(p.relative_to(root)) if root else p.name
    rows = []
    for n, t in enumerate(extract(text)):
        rows.append({
            "file": name, "n": n, "start": t.span[0], "end": t.span[1], "measure": t.measure.value,
            "comparator": None if t.comparator is None else t.comparator.value,
            "value": None if t.value is None else format(t.value.magnitude, "f"),
            "low": None if t.low is None else format(t.low.magnitude, "f"),
            "high": None if t.high is None else format(t.high.magnitude, "f"),
            "unit": t.unit, "modality": None if t.modality is None else t.modality.value,
            "direction": None if t.direction is None else t.direction.value, "reference": t.reference,
            "metric": t.metric, "cues": "|".join(t.cues), "deadline": t.deadline, "text": t.text,
        })
    return rows


def extract_file(path: str | Path) -> list[dict]:
    """The target rows of one UTF-8 text file (decimals as strings, so rows are exact and portable)."""
    return _records(str(path), None)


def _files(source) -> tuple[list[str], str | None]:
    if isinstance(source, (str, Path)):
        p = Path(source)
        if p.is_dir():
            return sorted(str(f) for f in p.rglob("*.txt")), str(p)
        if any(ch in str(source) for ch in "*?["):
            base = Path(str(source).split("*")[0]).parent
            return sorted(str(f) for f in base.glob(str(Path(source).relative_to(base)))), str(base)
        return [str(p)], str(p.parent)
    files = [str(f) for f in source]
    return files, None


def _compute(bag, scheduler):
    if scheduler is None or isinstance(scheduler, str) and scheduler in ("threads", "processes", "sync",
                                                                          "single-threaded"):
        return bag.compute(scheduler=scheduler or "threads")
    if isinstance(scheduler, str):  # the address of a distributed scheduler
        from distributed import Client

        with Client(scheduler) as client:
            return client.compute(bag).result()
    return scheduler.compute(bag).result()  # a distributed.Client


def extract_folder(source, *, scheduler=None, output: str | Path | None = None, partition_size: int = 8):
    """Extract every target of every ``*.txt`` file under a folder (or of a glob, or of a list of
    paths) on Dask, and return one pandas DataFrame (columns :data:`COLUMNS`), ordered by file and
    position. With ``output`` (``.csv`` or ``.parquet``) the table is also written there.
    """
    try:
        import dask.bag as db
    except ImportError as e:  # pragma: no cover - depends on the extra
        raise ImportError("extract_folder needs Dask: pip install 'cnquant[dask]'") from e
    import pandas as pd

    files, root = _files(source)
    if not files:
        return pd.DataFrame(columns=COLUMNS)
    bag = db.from_sequence(files, partition_size=partition_size).map(_records, root).flatten()
    rows = _compute(bag, scheduler)
    df = pd.DataFrame(list(rows), columns=COLUMNS).sort_values(["file", "start", "n"], kind="stable")
    df = df.reset_index(drop=True)
    df = df.astype(object).where(df.notna(), None)  # missing is None in every column, not NaN
    for col in ("n", "start", "end"):
        df[col] = df[col].astype(int)
    if output is not None:
        out = str(output)
        if out.endswith(".parquet"):
            df.to_parquet(out, index=False)
        else:
            df.to_csv(out, index=False, encoding="utf-8")
    return df


def _check_rows(rows: list[tuple]) -> list[dict]:
    from .check import check
    from .errors import ParseError

    out = []
    for i, t, r, b in rows:
        try:
            v = check(t, r, baseline=b)
            out.append({"row": i, "status": v.status,
                        "completion": None if v.completion is None else format(v.completion, "f"),
                        "reason": v.reason})
        except ParseError as e:
            out.append({"row": i, "status": "error", "completion": None, "reason": str(e)})
    return out


def check_table(frame, target: str = "目标", reported: str = "完成", baseline: str | None = None, *,
                scheduler=None, partition_size: int = 5000):
    """Check a (large) pandas DataFrame of targets and reported values on Dask; returns a frame with
    status, completion and reason, on the input's index order (a row that cannot be read gets
    status ``"error"`` and the message)."""
    import dask.bag as db
    import pandas as pd

    rows = list(zip(range(len(frame)), frame[target].astype(str), frame[reported].astype(str),
                    frame[baseline].where(frame[baseline].astype(str).str.strip() != "", None)
                    if baseline else [None] * len(frame)))
    bag = db.from_sequence(rows, partition_size=partition_size).map_partitions(_check_rows)
    result = pd.DataFrame(list(_compute(bag, scheduler))).sort_values("row")
    result.index = frame.index
    return result.drop(columns="row")

