"""Predictions of the spaCy md teacher on the gold set, for `attache eval-ner`.

    python training/teacher.py eval/ner/written.jsonl eval/ner/seeds.jsonl --out eval/ner/teacher_md.jsonl

Entities of our six labels, with the same span normalisation the silver labels get
(silver.py: no leading "the" in names, no possessive), so the teacher is scored under the
project's conventions rather than penalised for OntoNotes details we chose to change.
"""
import argparse
import json
import os
import sys

import spacy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from silver import entities, teacher_paths  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    md_path, _ = teacher_paths()
    nlp = spacy.load(md_path)
    lines = []
    for path in args.gold:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(path))))
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            if "text" in rec:
                text = rec["text"]
            else:
                file = rec["path"] if os.path.exists(rec["path"]) else os.path.join(root, rec["path"])
                if not os.path.exists(file):
                    print(f"skipping {rec['id']}: {rec['path']} not found", file=sys.stderr)
                    continue
                text = open(file, encoding="utf-8-sig").read()
            ents = [{"start": s, "end": e, "label": l, "text": text[s:e]} for s, e, l in entities(nlp(text), text)]
            lines.append(json.dumps({"id": rec["id"], "entities": ents}, ensure_ascii=False))
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"wrote {len(lines)} documents to {args.out}")


if __name__ == "__main__":
    main()
