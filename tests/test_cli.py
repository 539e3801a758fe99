"""The command line: formats in and out, exit codes, demo."""
from __future__ import annotations

import json

import pytest

from cnquant.cli import main


def test_demo_writes_a_report(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["demo", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "targets found" in text and "met" in text
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "完成率" in html


def test_parse_csv_to_jsonl(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("目标\n新增停车位3500个\n加快推进项目建设\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(dst)]) == 0
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["value"] == "3500" and rows[0]["error"] is None
    assert rows[1]["error"]


def test_parse_raise_mode_exits_2_without_traceback(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("目标\n加快推进项目建设\n", encoding="utf-8")
    assert main(["parse", str(src), "--errors", "raise"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cnquant: ") and "Traceback" not in err


def test_missing_file_and_column(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    src = tmp_path / "in.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["check", str(src), "--target", "目标"]) == 2
    assert "no column" in capsys.readouterr().err


def test_extract_text_file(tmp_path, capsys):
    src = tmp_path / "r.txt"
    src.write_text("新增科技型中小企业300家以上,有效国家高新技术企业超600家。", encoding="utf-8")
    assert main(["extract", str(src)]) == 0
    assert "有效国家高新技术企业" in capsys.readouterr().out


def test_extract_columns_match_the_python_shells(tmp_path):
    # a text file gives the columns of a folder run (file, n, start, end …); a table those of
    # Series.cnq.extract (row, n, …), after the row's other columns
    from cnquant.scale import COLUMNS
    src = tmp_path / "r.txt"
    src.write_text("新增科技型中小企业300家以上,有效国家高新技术企业超600家。", encoding="utf-8")
    rows = _jsonl_rows(["extract", str(src)], tmp_path / "o.jsonl")
    assert list(rows[0]) == COLUMNS and [(r["file"], r["n"]) for r in rows] == [(str(src), 0), (str(src), 1)]
    f = tmp_path / "t.csv"
    f.write_text("序号,text\n1,新建城市书房12家\n2,新增停车位3500个和充电桩500个\n", encoding="utf-8")
    rows = _jsonl_rows(["extract", str(f)], tmp_path / "o2.jsonl")
    assert list(rows[0])[:3] == ["序号", "row", "n"]
    assert [(r["row"], r["n"]) for r in rows] == [(0, 0), (1, 0), (1, 1)]


def test_check_excel_round_trip(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    src = tmp_path / "t.xlsx"
    pd.DataFrame({"序号": [1, 2], "任务": ["学位", "就业"], "目标": ["新增学位4700个", "城镇新增就业2万人以上"],
                  "完成": ["4680个", "2.4万人"]}).to_excel(src, index=False)
    dst = tmp_path / "v.xlsx"
    assert main(["check", str(src), "-o", str(dst)]) == 0
    back = pd.read_excel(dst, dtype=str)
    assert back["状态"].tolist() == ["not_met", "met"] and back["完成率"].tolist()[1] == "120.0%"


def test_unknown_output_format(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("目标\n新增停车位3500个\n", encoding="utf-8")
    assert main(["parse", str(src), "-o", str(tmp_path / "x.pdf")]) == 2


def test_extract_folder_on_dask(tmp_path):
    pytest.importorskip("dask")
    d = tmp_path / "reports"
    d.mkdir()
    (d / "a.txt").write_text("新增停车位3500个。", encoding="utf-8")
    (d / "b.txt").write_text("新增学位4700个。确保城镇新增就业2万人以上。", encoding="utf-8")
    out = tmp_path / "t.csv"
    assert main(["extract", str(d), "--scheduler", "sync", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 4 and lines[1].startswith("a.txt")


def test_progress_bar_only_when_asked(capsys):
    from cnquant.cli import Progress

    bar = Progress(300, "check", enabled=True)
    for _ in range(300):
        bar.tick()
    err = capsys.readouterr().err
    assert "check [" in err and "300/300" in err and err.endswith("\n")
    quiet = Progress(300, "check")  # not a terminal under pytest: no output
    quiet.tick()
    assert capsys.readouterr().err == ""


def test_extract_with_a_plan_year(tmp_path, capsys):
    src = tmp_path / "2025_r.txt"
    src.write_text("2024年,全区实际使用外资3.6亿美元。新增停车位3500个。", encoding="utf-8")
    assert main(["extract", str(src), "--year", "filename"]) == 0
    out = capsys.readouterr().out
    assert "新增停车位" in out and "实际使用外资" not in out
    with pytest.raises(SystemExit):
        main(["extract", str(src), "--year", "twenty"])


def _jsonl_rows(args: list[str], out) -> list[dict]:
    """Run the CLI writing to ``out`` (a .jsonl path) and read the rows back."""
    assert main([*args, "-o", str(out)]) == 0
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def test_check_as_of_a_date_or_a_column(tmp_path, capsys):
    f = tmp_path / "t.csv"
    f.write_text("目标,完成,日期\n新增停车位3500个,2000个,2024-06-30\n城镇调查失业率控制在5.5%以内,5.8%,2024-12-31\n",
                 encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rows = _jsonl_rows(["check", str(f), "--as-of", "日期"], out)
    assert [(r["状态"], r["进度"]) for r in rows] == [("indeterminate", "ahead"), ("not_met", "")]
    rows = _jsonl_rows(["check", str(f), "--as-of", "2024-06-30"], out)
    assert [r["进度"] for r in rows] == ["ahead", "behind"]
    assert main(["check", str(f), "--as-of", "2024-13-01"]) == 2
    assert "--as-of takes a date" in capsys.readouterr().err


def test_extract_unwrap(tmp_path):
    para = "今年主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人以上,城镇调查失业率控制在5.5%以内。"
    f = tmp_path / "w.txt"
    f.write_text("\n".join([para[i:i + 17] for i in range(0, len(para), 17)] * 3), encoding="utf-8")
    rows = _jsonl_rows(["extract", str(f), "--unwrap"], tmp_path / "o.jsonl")
    assert sum(r["metric"] == "地区生产总值" for r in rows) == 3


def test_check_without_a_reported_column_is_an_error_not_a_guess(tmp_path, capsys):
    f = tmp_path / "t.csv"
    f.write_text("序号,任务,目标,实际\n1,绿道,新建绿道15公里,12公里\n", encoding="utf-8")
    assert main(["check", str(f)]) == 2
    assert "columns are 序号, 任务, 目标, 实际" in capsys.readouterr().err
    f.write_text("序号,任务,目标,实际完成\n1,绿道,新建绿道15公里,12公里\n", encoding="utf-8")
    assert _jsonl_rows(["check", str(f)], tmp_path / "o.jsonl")[0]["状态"] == "not_met"


def test_excel_percent_cells_keep_their_percent_sign(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["目标", "完成"])
    ws.append(["确保城镇调查失业率控制在5.5%以内", 0.058])
    ws["B2"].number_format = "0.0%"
    ws.append(["新增学位4700个", 4800])
    f = tmp_path / "t.xlsx"
    wb.save(f)
    rows = _jsonl_rows(["check", str(f)], tmp_path / "o.jsonl")
    assert [(r["完成"], r["状态"]) for r in rows] == [("5.8%", "not_met"), ("4800", "met")]


def test_check_reads_a_deadline_column(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("目标,完成,完成时限\n新建城市书房12家,10家,2024年11月底前\n新增停车位3500个,2000个,\n", encoding="utf-8")
    rows = _jsonl_rows(["check", str(f), "--as-of", "2024-12-05"], tmp_path / "o.jsonl")
    assert [r["状态"] for r in rows] == ["not_met", "indeterminate"]


def test_table_rows_keep_their_other_columns(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("序号,工作任务,牵头单位\n1,新建城市书房12家,区文广旅体局\n2,新增停车位3500个和充电桩500个,区住建局\n",
                 encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rows = _jsonl_rows(["extract", str(f), "--column", "工作任务"], out)
    assert [(r["序号"], r["牵头单位"], r["metric"]) for r in rows] == [
        ("1", "区文广旅体局", "新建城市书房"), ("2", "区住建局", "新增停车位"), ("2", "区住建局", "充电桩")]
    rows = _jsonl_rows(["parse", str(f), "--column", "工作任务"], out)
    assert [r["牵头单位"] for r in rows] == ["区文广旅体局", "区住建局"]
