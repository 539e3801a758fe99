"""Write docs/api.md from the docstrings of cnquant's public names (run after changing the API).

    python scripts/gen_api_doc.py          # writes docs/api.md
    python scripts/gen_api_doc.py --check  # exit 1 when docs/api.md is out of date (used by a test)
"""
from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

MODULES = [
    ("cnquant", "The package (import cnquant)"),
    ("cnquant.pandas", "pandas accessors (import cnquant.pandas)"),
    ("cnquant.scale", "Dask: folders of documents and large tables (import cnquant.scale)"),
    ("cnquant.strategies", "hypothesis strategies (import cnquant.strategies; needs the test extra)"),
    ("cnquant.testing", "Assertion helpers (import cnquant.testing)"),
]
DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"

HEAD = """# API reference

Generated from the docstrings by `scripts/gen_api_doc.py` (a test fails when this page is out of
date). Value objects are frozen dataclasses; magnitudes are `Decimal`; every error on bad input is
a `ParseError`, which is a `ValueError`. The narrative pages explain each area:
[semantics](semantics.md), [extraction](extraction.md), [checking](checking.md).
"""


def _prose(obj) -> str:
    doc = inspect.getdoc(obj) or ""
    out = []
    for line in doc.splitlines():
        if line.lstrip().startswith(">>>"):
            break
        out.append(line)
    return "\n".join(out).strip()


def _signature(name: str, obj) -> str:
    try:
        sig = str(inspect.signature(obj, eval_str=True))
    except (NameError, TypeError, ValueError):
        try:
            sig = str(inspect.signature(obj))
        except (TypeError, ValueError):
            return name
    return f"{name}{sig}"


def render() -> str:
    parts = [HEAD]
    for mod_name, title in MODULES:
        mod = importlib.import_module(mod_name)
        parts.append(f"\n## {title}\n")
        for name in mod.__all__:
            obj = getattr(mod, name)
            if name == "ureg":
                parts.append("### `ureg`\n\nThe single pint registry built from `units_zh.txt` "
                             "(built on first access).\n")
                continue
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                parts.append(f"### `{name}`\n\n`{type(obj).__name__}` constant: `{obj!r:.120}`\n")
                continue
            kind = "class" if inspect.isclass(obj) else "function"
            parts.append(f"### `{name}`\n\n```text\n{kind} {_signature(name, obj)}\n```\n\n{_prose(obj)}\n")
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        return 0 if DOC.read_text(encoding="utf-8") == text else 1
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
