"""Generated documentation pages are up to date with the code and data they come from."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_api_reference_is_up_to_date():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_api_doc.py"), "--check"])
    assert out.returncode == 0, "docs/api.md is stale: run python scripts/gen_api_doc.py"


def test_units_page_is_up_to_date():
    before = (ROOT / "docs" / "units.md").read_text(encoding="utf-8")
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen_units_doc", ROOT / "scripts" / "gen_units_doc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.render() == before, "docs/units.md is stale: run python scripts/gen_units_doc.py"
