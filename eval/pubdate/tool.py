#!/usr/bin/env python3
"""The real-page publication-date set: open/locked split and text verification.

  python3 tool.py split    sets each page's split (locked when the SHA-256 of its URL, read
                           as a number, is divisible by three, as in ../real) and writes
                           gold.open.jsonl, gold.locked.jsonl
  python3 tool.py verify   checks texts/<id>.txt against pages.jsonl and copies them into
                           texts/open and texts/locked, which `attache eval` reads
"""
import importlib.util, json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, "texts")

# The hashing and the locked-third rule are the records set's (../real/tool.py).
_spec = importlib.util.spec_from_file_location("real_tool", os.path.join(HERE, "..", "real", "tool.py"))
real_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_tool)
sha = real_tool.sha


def pages():
    with open(os.path.join(HERE, "pages.jsonl"), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def split():
    ps = pages()
    for p in ps:
        p["split"] = real_tool.split_of_url(p["url"])
    with open(os.path.join(HERE, "pages.jsonl"), "w", encoding="utf-8") as f:
        for p in ps:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    for s in ("open", "locked"):
        with open(os.path.join(HERE, f"gold.{s}.jsonl"), "w", encoding="utf-8") as f:
            for p in ps:
                if p["split"] == s:
                    f.write(json.dumps({"type": "document", "source": p["id"] + ".txt", "published": p["published"]}) + "\n")
        print(s, sum(p["split"] == s for p in ps))


def verify():
    bad = 0
    for s in ("open", "locked"):
        shutil.rmtree(os.path.join(TEXTS, s), ignore_errors=True)
        os.makedirs(os.path.join(TEXTS, s))
    ps = pages()
    for p in ps:
        path = os.path.join(TEXTS, p["id"] + ".txt")
        text = open(path, encoding="utf-8", newline="").read() if os.path.exists(path) else None
        if text is None or sha(text) != p["sha256"]:
            bad += 1
            print(f"{p['id']}: {'missing' if text is None else 'text differs'} ({p['url']})")
            continue
        shutil.copy(path, os.path.join(TEXTS, p["split"]))
    print(f"{len(ps) - bad} of {len(ps)} texts verified")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    {"split": split, "verify": verify}[sys.argv[1] if len(sys.argv) > 1 else "verify"]()
