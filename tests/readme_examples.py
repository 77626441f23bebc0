"""Runs README.md's analysis examples (DuckDB SQL and pandas) against a real output folder.

    python3 tests/readme_examples.py README.md DIR

DIR holds `output/`, the folder a run wrote (the examples read `output/*.jsonl`). The examples
are the fenced ```sql and ```python blocks between `<!-- analysis-examples:begin -->` and
`<!-- analysis-examples:end -->` in README.md, so what the README shows is what is tested.
Each SQL block must return rows; each Python block must run. A FutureWarning or
DeprecationWarning raised by the examples' own code fails too: the README must use current
syntax. Called by tests/analysis.rs.
"""

import io
import os
import re
import sys
import warnings
from contextlib import redirect_stdout

import duckdb
import pandas


def blocks(readme: str):
    text = open(readme, encoding="utf-8").read()
    try:
        section = text.split("<!-- analysis-examples:begin -->", 1)[1].split("<!-- analysis-examples:end -->", 1)[0]
    except IndexError:
        sys.exit("README.md has no <!-- analysis-examples:begin/end --> section")
    return re.findall(r"^```(sql|python)\n(.*?)^```", section, flags=re.S | re.M)


def main() -> int:
    readme, workdir = sys.argv[1], sys.argv[2]
    found = blocks(readme)
    os.chdir(workdir)
    print(f"duckdb {duckdb.__version__}, pandas {pandas.__version__}")
    failures = 0
    for n, (lang, code) in enumerate(found, 1):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if lang == "sql":
                    rows = duckdb.sql(code).fetchall()
                    print(f"block {n} sql: {len(rows)} rows")
                    for row in rows[:50]:
                        print("  ", row)
                    if not rows:
                        print(f"block {n}: the query returned no rows")
                        failures += 1
                else:
                    out = io.StringIO()
                    with redirect_stdout(out):
                        exec(compile(code, f"README.md block {n}", "exec"), {"__name__": "__readme__"})
                    printed = out.getvalue()
                    print(f"block {n} python: printed {len(printed.splitlines())} lines")
                    print(printed)
                    if not printed.strip():
                        print(f"block {n}: printed nothing")
                        failures += 1
            except Exception as e:  # report every block, then fail
                print(f"block {n} {lang} FAILED: {type(e).__name__}: {e}")
                failures += 1
        for w in caught:
            own = str(w.filename).startswith("README.md") or lang == "sql"
            if own and issubclass(w.category, (FutureWarning, DeprecationWarning)):
                print(f"block {n}: outdated syntax: {w.category.__name__}: {w.message}")
                failures += 1
    sql = sum(1 for lang, _ in found if lang == "sql")
    python = len(found) - sql
    print(f"ran {sql} sql and {python} python blocks, {failures} failures")
    return 1 if failures or not sql or not python else 0


if __name__ == "__main__":
    sys.exit(main())
