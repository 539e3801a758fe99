"""Dask runs equal single-process runs; value objects and errors pickle; threads agree."""
from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import pytest

import cnquant as cq

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    demo = resources.files("cnquant").joinpath("data", "demo", "report.txt").read_text(encoding="utf-8")
    (d / "demo.txt").write_text(demo, encoding="utf-8")
    (d / "b.txt").write_text("新增停車位3500個。确保城镇新增就业1.48万人以上。", encoding="utf-8")
    if SEEDS.is_dir():
        for f in SEEDS.glob("*.txt"):
            (d / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return d


def _single(folder: Path):
    from cnquant.scale import extract_file
    rows = []
    for f in sorted(folder.rglob("*.txt")):
        for r in extract_file(f):
            r["file"] = f.name
            rows.append(r)
    return sorted(rows, key=lambda r: (r["file"], r["start"], r["n"]))


def test_local_cluster_equals_single_process(tmp_path):
    distributed = pytest.importorskip("distributed")
    from cnquant.scale import extract_folder
    folder = _corpus(tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        with distributed.Client(cl) as client:
            df = extract_folder(folder, scheduler=client, output=tmp_path / "t.csv")
    assert df.to_dict("records") == _single(folder)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").count("\n") == len(df) + 1


def test_threads_scheduler_equals_single_process(tmp_path):
    pytest.importorskip("dask")
    from cnquant.scale import extract_folder
    folder = _corpus(tmp_path)
    assert extract_folder(folder, scheduler="threads").to_dict("records") == _single(folder)


def test_check_table_on_dask():
    pytest.importorskip("dask")
    import pandas as pd
    from cnquant.scale import check_table
    df = pd.DataFrame({"目标": ["新增学位4700个"] * 3 + ["不是目标"], "完成": ["4680个", "4700个", "5000个", "1个"]})
    out = check_table(df, scheduler="sync", partition_size=2)
    assert out["status"].tolist() == ["not_met", "met", "met", "error"]


def test_value_objects_and_errors_pickle():
    t = cq.parse_target("确保城镇登记失业率控制在3.5%以内")
    assert pickle.loads(pickle.dumps(t)) == t
    q = cq.parse_quantity("1.1万个")
    assert pickle.loads(pickle.dumps(q)) == q
    v = cq.check(t, "3.2%")
    assert pickle.loads(pickle.dumps(v)).status == "met"
    for err in (cq.ParseError("bad", "text", 1), cq.UnknownUnitError("公担", "3公担", 1),
                cq.IncompatibleUnitsError("人", "人次")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)


def test_eight_threads_agree_with_one(tmp_path):
    folder = _corpus(tmp_path)
    texts = [f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))] * 4

    def run(text):
        return [(t.span, t.measure.value, str(t.value), t.metric) for t in cq.extract(text)]

    one = [run(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        many = list(pool.map(run, texts))
    assert many == one


def test_plan_year_from_file_names(tmp_path):
    from cnquant.scale import extract_file, file_year
    f = tmp_path / "2025_x.txt"
    f.write_text("2024年,全区实际使用外资3.6亿美元。新增停车位3500个。", encoding="utf-8")
    assert file_year(f) == 2025 and file_year(tmp_path / "x12345.txt") is None
    assert [r["value"] for r in extract_file(f)] == ["360000000", "3500"]
    assert [r["value"] for r in extract_file(f, year="filename")] == ["3500"]
    with pytest.raises(TypeError, match="year"):
        extract_file(f, year="2025")


def test_extract_folder_unwraps_pdf_text(tmp_path):
    pytest.importorskip("dask")
    from cnquant.scale import extract_folder

    para = "今年主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人以上,城镇调查失业率控制在5.5%以内。"
    wrapped = "\n".join([para[i:i + 17] for i in range(0, len(para), 17)] * 3)
    (tmp_path / "a.txt").write_text(wrapped, encoding="utf-8")
    (tmp_path / "b.txt").write_text("地 区 生 产 总 值 增 长 6%左右。", encoding="utf-8")
    plain = extract_folder(tmp_path, scheduler="sync")
    joined = extract_folder(tmp_path, scheduler="sync", unwrap=True)
    assert (joined["metric"] == "地区生产总值").sum() == 4
    assert (plain["metric"] == "地区生产总值").sum() == 0


def test_gbk_files_are_read(tmp_path):
    from cnquant.scale import extract_file, read_document

    f = tmp_path / "gbk.txt"
    f.write_bytes("新增停车位3500个。".encode("gbk"))
    assert read_document(f) == "新增停车位3500个。"
    assert [r["value"] for r in extract_file(f)] == ["3500"]
    (tmp_path / "bom.txt").write_bytes("\ufeff新增停车位3500个。".encode("utf-8"))
    assert read_document(tmp_path / "bom.txt") == "新增停车位3500个。"


def test_parquet_output(tmp_path):
    pytest.importorskip("dask")
    import pandas as pd

    from cnquant.scale import extract_folder

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("新增停车位3500个,年均增长6%。", encoding="utf-8")
    out = tmp_path / "t.parquet"
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="cnquant\\[parquet\\]"):
            extract_folder(tmp_path / "docs", scheduler="sync", output=out)
        return
    df = extract_folder(tmp_path / "docs", scheduler="sync", output=out)
    back = pd.read_parquet(out)
    assert back["value"].tolist() == df["value"].tolist() == ["3500", "6"]
    assert back["annualized"].tolist() == [False, True]


def test_a_list_of_paths_keeps_them_apart(tmp_path):
    pytest.importorskip("dask")
    from cnquant.scale import extract_folder

    paths = []
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        p = tmp_path / d / "report.txt"
        p.write_text("新增停车位3500个。", encoding="utf-8")
        paths.append(p)
    df = extract_folder(paths, scheduler="sync")
    assert df["file"].nunique() == 2
