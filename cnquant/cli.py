"""The ``cnquant`` command line: parse, extract, check and demo on files.

    cnquant demo                                  # the bundled sample: targets, verdicts, HTML report
    cnquant parse phrases.csv --column 目标 -o targets.csv
    cnquant extract report.txt -o targets.jsonl
    cnquant extract reports/ --scheduler processes -o targets.csv   # a folder, on Dask
    cnquant check table.xlsx --target 目标 --reported 完成 --baseline 基期 -o verdicts.xlsx

Input: .txt (parse: one phrase a line; extract: the whole text), .csv, .jsonl/.json, .xlsx, or
``-`` for standard input (text). Output by extension (.csv, .jsonl, .xlsx), or a table on standard
output. A user error prints one line to standard error and exits 2 — never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

from . import __version__
from .numerals import _plain

__all__ = ["main"]


class UserError(Exception):
    """A problem with the user's input: printed as one line, exit status 2."""


class Progress:
    """A progress bar on standard error, shown only on a terminal and for long runs."""

    def __init__(self, total: int, label: str, *, enabled: bool | None = None) -> None:
        self.total, self.label, self.n = total, label, 0
        self.enabled = (sys.stderr.isatty() and total >= 200) if enabled is None else enabled
        self.step = max(1, total // 100)

    def tick(self) -> None:
        self.n += 1
        if self.enabled and (self.n % self.step == 0 or self.n == self.total):
            done = int(30 * self.n / max(self.total, 1))
            sys.stderr.write(f"\r{self.label} [{'#' * done}{'.' * (30 - done)}] {self.n}/{self.total}")
            if self.n == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


# ---------------------------------------------------------------- reading and writing tables
def _excel_cell(cell) -> str:
    """A cell as the sheet shows it: a number formatted as a percentage (0.058 shown as 5.8%) is
    written with its % sign, so it is not read as 0.058."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        d = Decimal(str(v))
        if "%" in (cell.number_format or ""):
            return f"{_plain(d * 100)}%"
        return str(_plain(d))
    return str(v)


def _read_excel(p: Path):
    import pandas as pd
    try:
        from openpyxl import load_workbook
    except ImportError as e:
        raise UserError("reading Excel needs openpyxl: pip install 'cnquant[excel]'") from e
    ws = load_workbook(p, read_only=True, data_only=True).worksheets[0]
    rows = [[_excel_cell(c) for c in row] for row in ws.iter_rows()]
    if not rows:
        return pd.DataFrame()
    header = [h or f"列{i + 1}" for i, h in enumerate(rows[0])]
    body = [r + [""] * (len(header) - len(r)) for r in rows[1:] if any(c.strip() for c in r)]
    return pd.DataFrame(body, columns=header, dtype=object)


def _read_table(path: str):
    import pandas as pd

    if path == "-":
        text = sys.stdin.read()
        return pd.DataFrame({"text": [line for line in text.splitlines() if line.strip()]}), text
    p = Path(path)
    if not p.exists():
        raise UserError(f"no such file: {path}")
    suffix = p.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            return pd.read_csv(p, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False), None
        if suffix in (".jsonl", ".json"):
            text = p.read_text(encoding="utf-8")
            rows = [json.loads(line) for line in text.splitlines() if line.strip()] if suffix == ".jsonl" \
                else json.loads(text)
            return pd.DataFrame(rows).astype(object), None
        if suffix in (".xlsx", ".xlsm"):
            return _read_excel(p), None
        from .scale import read_document
        text = read_document(p)
    except UnicodeDecodeError as e:
        raise UserError(f"{path} is not UTF-8 text") from e
    except (ValueError, json.JSONDecodeError) as e:
        raise UserError(f"cannot read {path}: {e}") from e
    return pd.DataFrame({"text": [line for line in text.splitlines() if line.strip()]}), text


def _write_table(df, out: str | None) -> None:
    if out is None or out == "-":
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.max_columns", 20, "display.width", 200,
                               "display.unicode.east_asian_width", True):
            print(df.to_string(index=False))
        return
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        df.to_csv(out, index=False, encoding="utf-8-sig")
    elif suffix in (".jsonl", ".json"):
        recs = [{k: (None if v is None or v != v else str(v) if not isinstance(v, (int, str, bool)) else v)
                 for k, v in rec.items()} for rec in df.to_dict(orient="records")]
        with open(out, "w", encoding="utf-8") as f:
            if suffix == ".json":  # an array, as .json input expects
                json.dump(recs, f, ensure_ascii=False, indent=1)
            else:
                for rec in recs:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif suffix == ".parquet":
        from .scale import write_parquet
        try:
            write_parquet(df, out)
        except ImportError as e:
            raise UserError(str(e)) from e
    elif suffix == ".xlsx":
        try:
            df.astype(str).replace({"None": "", "nan": ""}).to_excel(out, index=False)
        except ImportError as e:
            raise UserError("writing Excel needs openpyxl: pip install 'cnquant[excel]'") from e
    else:
        raise UserError(f"unknown output format {suffix!r}: use .csv, .jsonl, .json, .parquet or .xlsx")
    print(f"wrote {len(df)} rows to {out}", file=sys.stderr)


def _column(df, wanted: str | None, fallbacks: tuple[str, ...]) -> str:
    for c in ((wanted,) if wanted else ()) + fallbacks:
        if c in df.columns:
            return c
    if wanted:
        raise UserError(f"no column {wanted!r}; columns are {', '.join(map(str, df.columns))}")
    if len(df.columns) == 1:  # a plain list: its only column
        return df.columns[0]
    raise UserError(f"no column named {' or '.join(fallbacks)}; columns are {', '.join(map(str, df.columns))} "
                    "(name one with --column, --target or --reported)")


# ---------------------------------------------------------------- commands
def cmd_parse(a) -> int:
    import pandas as pd

    from .errors import ParseError
    from .pandas import TARGET_COLUMNS, _row
    from .parse import parse_target

    df, _ = _read_table(a.file)
    col = _column(df, a.column, ("目标", "target", "text"))
    bar = Progress(len(df), "parse")
    rows: list[dict] = []
    for v in df[col].tolist():
        try:
            r = _row(parse_target(str(v))) if str(v).strip() else {}
            r["error"] = None
        except ParseError as e:
            if a.errors == "raise":
                raise UserError(f"row {len(rows) + 1}: {e}") from e
            r = {"error": str(e)}
        rows.append({"input": v, **r})
        bar.tick()
    out = pd.DataFrame(rows, columns=["input", *TARGET_COLUMNS, "error"])
    _write_table(_with_inputs(df, col, out, list(range(len(df)))), a.output)
    return 0


def _with_inputs(df, col: str, out, at: list[int]):
    """The output rows with the input table's other columns (序号, 任务, 牵头单位 …) in front; ``at``
    is the input row of each output row. A name the output already uses gets the prefix 输入_."""
    import pandas as pd

    keep = [c for c in df.columns if c != col]
    if not keep or len(out) == 0:
        return out
    front = df[keep].iloc[at].reset_index(drop=True)
    front.columns = [f"输入_{c}" if c in out.columns else c for c in keep]
    return pd.concat([front, out.reset_index(drop=True)], axis=1)


def _year_arg(v: str):
    from .reader import check_year

    if v == "filename":
        return v
    try:
        return check_year(int(v))
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"--year takes a year such as 2025 or 'filename', not {v!r}") from e


def _file_or_int_year(year, path: str):
    if year == "filename":
        from .scale import file_year
        return file_year(path)
    return year


def cmd_extract(a) -> int:
    import pandas as pd

    from .extract import extract
    from .pandas import TARGET_COLUMNS, _row

    if Path(a.file).is_dir():  # a folder of documents: on Dask
        try:
            from .scale import extract_folder
            df = extract_folder(a.file, scheduler=a.scheduler, year=a.year, unwrap=a.unwrap)
        except ValueError as e:  # a file that is neither UTF-8 nor GB18030
            raise UserError(str(e)) from e
        except ImportError as e:
            raise UserError("extracting a folder needs Dask: pip install 'cnquant[dask]'") from e
        _write_table(df, a.output)
        return 0
    df, text = _read_table(a.file)
    rows: list[dict] = []
    if text is not None:  # a text file: the whole document (columns as for a folder)
        if a.unwrap:
            from .layout import undo_pdf_layout
            text = undo_pdf_layout(text)
        for n, t in enumerate(extract(text, year=_file_or_int_year(a.year, a.file))):
            rows.append({"file": a.file, "n": n, "start": t.span[0], "end": t.span[1], **_row(t)})
        out = pd.DataFrame(rows, columns=["file", "n", "start", "end", *TARGET_COLUMNS])
    else:  # a table: columns as for Series.cnq.extract, each target keeping its row's other columns
        col = _column(df, a.column, ("text", "句子", "内容"))
        bar = Progress(len(df), "extract")
        for i, v in enumerate(df[col].tolist()):
            for n, t in enumerate(extract(str(v), year=None if a.year == "filename" else a.year)):
                rows.append({"row": i, "n": n, "start": t.span[0], "end": t.span[1], **_row(t)})
            bar.tick()
        out = pd.DataFrame(rows, columns=["row", "n", "start", "end", *TARGET_COLUMNS])
        out = _with_inputs(df, col, out, [r["row"] for r in rows])
    _write_table(out, a.output)
    return 0


#: Columns of a task table that hold each task's deadline.
_DEADLINE_COLUMNS = ("完成时限", "时间节点", "完成时间")


def _cell(row, col):
    return str(row[col]) if col and str(row.get(col, "")).strip() not in ("", "nan", "None") else None


def _check_table(df, target, reported, baseline, errors, as_of=None, reference=None, year=None, deadline=None):
    from .check import check
    from .errors import ParseError

    bar = Progress(len(df), "check")
    out = []
    for _, row in df.iterrows():
        t, r = str(row[target]), str(row[reported])
        b = _cell(row, baseline)
        ref = _cell(row, reference)
        day = as_of
        if isinstance(as_of, str):  # a column of dates
            cell = _cell(row, as_of)
            try:
                day = None if cell is None else date.fromisoformat(cell[:10])
            except ValueError as e:
                raise UserError(f"row {len(out) + 1}: {as_of} {cell!r} is not a date (2024-06-30)") from e
        try:
            v = check(t, r, baseline=b, reference=ref, as_of=day, year=year, deadline=_cell(row, deadline))
            out.append({"状态": v.status, "完成率": "" if v.completion is None else f"{v.completion * 100:.1f}%",
                        "差距": "" if v.gap is None else str(v.gap), "进度": v.progress or "", "说明": v.reason,
                        "_verdict": v})
        except ParseError as e:
            if errors == "raise":
                raise UserError(f"row {len(out) + 1} ({t} | {r}): {e}") from e
            out.append({"状态": "error", "完成率": "", "差距": "", "进度": "", "说明": str(e), "_verdict": None})
        bar.tick()
    return out


def cmd_check(a) -> int:

    df, _ = _read_table(a.file)
    target = _column(df, a.target, ("目标", "target", "年度目标", "目标任务", "目标值"))
    reported = _column(df, a.reported, ("完成", "reported", "实际完成", "完成情况", "完成值", "实际值"))
    baseline = a.baseline if a.baseline in df.columns else ("基期" if "基期" in df.columns and not a.baseline else None)
    if a.baseline and a.baseline not in df.columns:
        raise UserError(f"no column {a.baseline!r}")
    if a.reference and a.reference not in df.columns:
        raise UserError(f"no column {a.reference!r}")
    as_of = None
    if a.as_of:
        if a.as_of in df.columns:
            as_of = a.as_of
        else:
            try:
                as_of = date.fromisoformat(a.as_of)
            except ValueError as e:
                raise UserError(f"--as-of takes a date (2024-06-30) or a column name, not {a.as_of!r}") from e
    if a.deadline and a.deadline not in df.columns:
        raise UserError(f"no column {a.deadline!r}")
    deadline = a.deadline or next((c for c in _DEADLINE_COLUMNS if c in df.columns), None)
    res = _check_table(df, target, reported, baseline, a.errors, as_of, a.reference, a.year, deadline)
    frame = df.copy()
    for k in ("状态", "完成率", "差距", "进度", "说明"):
        frame[k] = [r[k] for r in res]
    _write_table(frame, a.output)
    return 0


def cmd_demo(a) -> int:
    import pandas as pd

    from .extract import explain
    from .report import write_report

    base = resources.files("cnquant").joinpath("data", "demo")
    text = base.joinpath("report.txt").read_text(encoding="utf-8")
    mentions = explain(text)
    targets = [m.target for m in mentions if m.target is not None]
    print(f"cnquant {__version__} demo — a short work-report excerpt ({len(text)} characters)\n")
    rows = [{"指标": t.metric or "", "类型": t.measure.value, "比较": t.comparator.value if t.comparator else "",
             "目标值": "" if t.value is None else str(t.value), "约束": t.modality.value if t.modality else "",
             "原文": t.text} for t in targets]
    print(f"{len(targets)} targets found:")
    _write_table(pd.DataFrame(rows), None)
    skipped = [m for m in mentions if m.target is None]
    print(f"\n{len(skipped)} other numbers, each with the reason it is not a target:")
    for m in skipped:
        print(f"  {m.text:<14} {m.role:<10} {m.reason}")
    import io

    table = pd.read_csv(io.StringIO(base.joinpath("outcomes.csv").read_text(encoding="utf-8")), dtype=str,
                        keep_default_na=False)
    res = _check_table(table, "目标", "完成", "基期", "coerce")
    print("\nyear-end review of the outcomes table (序号 / 任务 / 目标 / 完成 / 完成率 / 状态):")
    view = table[["序号", "任务", "目标", "完成"]].copy()
    view["完成率"] = [r["完成率"] for r in res]
    view["状态"] = [r["状态"] for r in res]
    _write_table(view, None)
    counts = pd.Series([r["状态"] for r in res]).value_counts()
    print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    out = a.output or "cnquant_report.html"
    write_report(out, text=text, mentions=mentions, table=table, results=res)
    print(f"\nHTML report with a completion chart written to {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="cnquant", description="Targets in Chinese government planning documents: "
                                 "parse, extract, check.")
    ap.add_argument("--version", action="version", version=f"cnquant {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse a column of target phrases")
    p.add_argument("file", help="input file (.txt .csv .jsonl .xlsx) or - for standard input")
    p.add_argument("--column", help="the column holding the phrases (default 目标, target or text)")
    p.add_argument("-o", "--output", help="output file (.csv .jsonl .xlsx); default: print a table")
    p.add_argument("--errors", choices=("raise", "coerce"), default="coerce",
                   help="coerce (default) records the error in the row; raise stops at the first bad row")
    p.set_defaults(func=cmd_parse)
    e = sub.add_parser("extract", help="extract every target from text or a column of sentences")
    e.add_argument("file", help="a text file, a table, - for standard input, or a folder of *.txt files")
    e.add_argument("--column")
    e.add_argument("--scheduler", default="threads",
                   help="for a folder: Dask scheduler (threads, processes, sync) or a cluster address")
    e.add_argument("--year", type=_year_arg, default=None,
                   help="the year the documents plan for (a 2025 report plans 2025), or 'filename' to "
                        "take it from each file's name; default: each document's headings tell")
    e.add_argument("--unwrap", action="store_true",
                   help="the text comes from PDFs with lines wrapped at the page width: join them first "
                        "(start/end then refer to the unwrapped text)")
    e.add_argument("-o", "--output")
    e.set_defaults(func=cmd_extract)
    c = sub.add_parser("check", help="check a target column against a reported column")
    c.add_argument("file")
    c.add_argument("--target", help="target column (default 目标)")
    c.add_argument("--reported", help="reported column (default 完成)")
    c.add_argument("--baseline", help="baseline column (default 基期 when present)")
    c.add_argument("--reference", help="column of the values relative targets are tied to (与经济增长同步)")
    c.add_argument("--as-of", dest="as_of",
                   help="check progress on a date (2024-06-30), or the name of a column of dates")
    c.add_argument("--deadline", help="column of deadlines as the task table writes them (2024年11月底前); "
                                       "default 完成时限, 时间节点 or 完成时间 when present")
    c.add_argument("--year", type=int, default=None,
                   help="the year the targets are for (a 2025 report's targets are due in 2025); "
                        "default: the year of --as-of")
    c.add_argument("-o", "--output")
    c.add_argument("--errors", choices=("raise", "coerce"), default="coerce")
    c.set_defaults(func=cmd_check)
    d = sub.add_parser("demo", help="run the bundled sample and write an HTML report")
    d.add_argument("-o", "--output", help="HTML report path (default cnquant_report.html)")
    d.set_defaults(func=cmd_demo)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cnquant`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as e:
        print(f"cnquant: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - `cnquant … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
