"""Validate gold NER files (see eval/ner/GUIDELINES.md). Exit 1 on any problem."""
import json
import pathlib
import sys

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"}


def document_text(record, base):
    if "text" in record:
        return record["text"]
    path = (base / record["path"]).resolve()
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    return text


def check(path):
    problems = 0
    base = pathlib.Path(path).resolve().parent.parent.parent  # repository root
    counts = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        try:
            text = document_text(rec, base)
        except OSError as err:
            print(f"{path}:{n}: cannot read {rec.get('path')}: {err} (skipped)")
            continue
        last_end = -1
        for ent in rec["entities"]:
            s, e, lab = ent["start"], ent["end"], ent["label"]
            counts[lab] = counts.get(lab, 0) + 1
            where = f"{path}:{n} {rec['id']} [{s},{e}) {lab} {ent.get('text')!r}"
            if lab not in LABELS:
                print(f"{where}: unknown label"); problems += 1
            if not (0 <= s < e <= len(text)):
                print(f"{where}: offsets out of range"); problems += 1; continue
            if text[s:e] != ent["text"]:
                print(f"{where}: text at offsets is {text[s:e]!r}"); problems += 1
            if s < last_end:
                print(f"{where}: overlaps the previous entity / not sorted"); problems += 1
            last_end = e
            span = text[s:e]
            if span != span.strip():
                print(f"{where}: leading/trailing whitespace"); problems += 1
            if lab != "DATE" and span.lower().startswith("the "):
                print(f"{where}: leading 'the' in a name"); problems += 1
            if span.endswith("'s") or span.endswith("\u2019s"):
                print(f"{where}: trailing possessive"); problems += 1
            if s > 0 and text[s - 1].isalnum() or e < len(text) and text[e].isalnum():
                print(f"{where}: span cuts through a word"); problems += 1
    print(f"{path}: {sum(counts.values())} entities {dict(sorted(counts.items()))}, {problems} problems")
    return problems


if __name__ == "__main__":
    total = sum(check(p) for p in sys.argv[1:])
    sys.exit(1 if total else 0)
