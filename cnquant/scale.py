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

import re
from pathlib import Path

__all__ = ["extract_file", "extract_folder", "check_table", "read_document", "write_parquet", "COLUMNS",
           "ENCODINGS"]

#: Columns of the target table (one row per target).
COLUMNS = ["file", "n", "start", "end", "measure", "comparator", "value", "low", "high", "unit", "modality",
           "direction", "reference", "metric", "cues", "deadline", "text", "annualized", "absent"]


_NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def file_year(path: str | Path) -> int | None:
    """The year a file's name gives (2024年XX县政府工作报告.txt: 2024), or None.

    >>> file_year("reports/2024_haishu.txt"), file_year("notes.txt")
    (2024, None)
    """
    m = _NAME_YEAR.search(Path(path).name)
    return None if m is None else int(m.group())


def _year_for(path: str, year) -> int | None:
    if year == "filename":
        return file_year(path)
    return year


#: Encodings tried in turn for a text file: UTF-8 (with or without a byte-order mark), then GB18030,
#: which covers the GBK and GB2312 files many government sites still publish.
ENCODINGS = ("utf-8-sig", "gb18030")


def read_document(path: str | Path) -> str:
    """The text of a document file, decoded as UTF-8 or else GB18030 (GBK, GB2312).

    Raises ``ValueError`` naming the file when neither decodes it.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "gbk.txt"
    >>> _ = f.write_bytes("新增停车位3500个。".encode("gbk"))
    >>> read_document(f)
    '新增停车位3500个。'
    """
    data = Path(path).read_bytes()
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: not UTF-8 or GB18030 (GBK) text")


def _rows(path: str, root: str | None, year=None, unwrap: bool = False) -> list[tuple]:
    """The target rows of one file as tuples in :data:`COLUMNS` order (tuples pickle smaller and
    faster than dicts on the way back from a worker process)."""
    from .extract import extract
    from .layout import undo_pdf_layout

    p = Path(path)
    text = read_document(p)
    if unwrap:
        text = undo_pdf_layout(text)
    name = str(p.relative_to(root)) if root else str(path)  # (a list of paths: each as given, so names never collide)
    return [(name, n, t.span[0], t.span[1], t.measure.value,
             None if t.comparator is None else t.comparator.value,
             None if t.value is None else format(t.value.magnitude, "f"),
             None if t.low is None else format(t.low.magnitude, "f"),
             None if t.high is None else format(t.high.magnitude, "f"),
             t.unit, None if t.modality is None else t.modality.value,
             None if t.direction is None else t.direction.value, t.reference,
             t.metric, "|".join(t.cues), t.deadline, t.text, t.annualized, t.absent)
            for n, t in enumerate(extract(text, year=_year_for(path, year)))]


def _partition_rows(paths: list[str], root: str | None, year=None, unwrap: bool = False) -> list[tuple]:
    out: list[tuple] = []
    for path in paths:
        out.extend(_rows(path, root, year, unwrap))
    return out


def _check_year_arg(year) -> None:
    from .reader import check_year

    if year != "filename":
        check_year(year)


def extract_file(path: str | Path, *, year: int | str | None = None, unwrap: bool = False) -> list[dict]:
    """The target rows of one text file, UTF-8 or GB18030 (decimals as strings, so rows are exact and portable).
    ``year``: the year the document plans for, ``"filename"`` (the year in the file's name) or
    None (the document's headings tell); see :func:`cnquant.extract`. ``unwrap=True`` first joins
    the lines a PDF extractor wrapped and closes letter-spacing (:func:`cnquant.undo_pdf_layout`;
    spans then refer to the result).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = f.write_text("新增停车位3500个。", encoding="utf-8")
    >>> [(r["metric"], r["value"], r["unit"]) for r in extract_file(f)]
    [('新增停车位', '3500', '个')]
    """
    _check_year_arg(year)
    return [dict(zip(COLUMNS, row)) for row in _rows(str(path), None, year, unwrap)]


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


def extract_folder(source, *, scheduler=None, output: str | Path | None = None, partition_size: int = 8,
                   year: int | str | None = None, unwrap: bool = False):
    """Extract every target of every ``*.txt`` file under a folder (or of a glob, or of a list of
    paths) on Dask, and return one pandas DataFrame (columns :data:`COLUMNS`), ordered by file and
    position. With ``output`` (``.csv``, or ``.parquet`` with the ``parquet`` extra) the table is also written there.
    ``year``: the year every document plans for, ``"filename"`` (each file's name gives it:
    2024_haishu.txt plans 2024) or None (each document's headings tell). ``unwrap=True``: the files
    are text extracted from PDFs, with lines wrapped at the page width; they are joined first
    and letter-spacing closed (:func:`cnquant.undo_pdf_layout`); ``start``/``end`` refer to the result.

    Reading is CPU-bound Python: ``scheduler="processes"`` (or a cluster) runs it in parallel,
    threads do not (see docs/performance.md). ``partition_size`` files make one Dask task.
    """
    try:
        import dask.bag as db
    except ImportError as e:  # pragma: no cover - depends on the extra
        raise ImportError("extract_folder needs Dask: pip install 'cnquant[dask]'") from e
    import pandas as pd

    _check_year_arg(year)
    files, root = _files(source)
    if not files:
        return pd.DataFrame(columns=COLUMNS)
    bag = db.from_sequence(files, partition_size=partition_size).map_partitions(_partition_rows, root, year, bool(unwrap))
    rows = _compute(bag, scheduler)
    df = pd.DataFrame.from_records(list(rows), columns=COLUMNS).sort_values(["file", "start", "n"], kind="stable")
    df = df.reset_index(drop=True)
    df = df.astype(object).where(df.notna(), None)  # missing is None in every column, not NaN
    for col in ("n", "start", "end"):
        df[col] = df[col].astype(int)
    if output is not None:
        out = str(output)
        if out.endswith(".parquet"):
            write_parquet(df, out)
        else:
            df.to_csv(out, index=False, encoding="utf-8")
    return df


def write_parquet(df, path: str | Path) -> None:
    """Write a table of targets or verdicts to Parquet; decimals are written as text, so they
    stay exact. Needs pyarrow (``pip install 'cnquant[parquet]'``)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise ImportError("writing Parquet needs pyarrow: pip install 'cnquant[parquet]' "
                          "(or write .csv)") from e
    out = df.copy()
    for c in out.columns:
        if out[c].dtype != object:
            continue
        values = [v for v in out[c] if v is not None and v == v]
        if values and all(isinstance(v, bool) for v in values):
            out[c] = out[c].astype("boolean")
        else:  # text, and decimals written as text
            out[c] = out[c].map(lambda v: None if v is None or v != v else str(v)).astype("string")
    out.to_parquet(path, index=False)


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

