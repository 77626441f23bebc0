"""Exact-span scores of a trained checkpoint on the gold set, in Python (for ablations).

    python training/eval_gold.py --weights RUN/best.pt [--no-case] eval/ner/written.jsonl eval/ner/seeds.jsonl

The shipped model is scored by `attache eval-ner` (the Rust runtime, constrained decoding);
this script exists so that a training run, e.g. the case-feature ablation, can be compared on
the same gold set where the Rust side is not at hand (a GPU machine). Texts are cut into
lines and sentences, each tagged on its own; tags are decoded greedily with I- after a
different label read as B-.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter

import torch
from transformers import BertConfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import LABELS, encoder_dir, featurise, load_tokenizer  # noqa: E402
from model import Tagger  # noqa: E402

PIECE = re.compile(r"[^\n]+")
SENT_END = re.compile(r"[.!?][\"\u201d)]?(\s+)(?=[A-Z\"\u201c])")


def pieces(text):
    for line in PIECE.finditer(text):
        start = line.start()
        last = 0
        for m in SENT_END.finditer(line.group()):
            yield start + last, line.group()[last:m.start(1)]
            last = m.end(1)
        yield start + last, line.group()[last:]


def read_gold(paths):
    docs = []
    for path in paths:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(path))))
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            if "text" not in rec:
                candidates = [os.path.join(root, rec["path"]),
                              os.path.join(root, "training/data/gpu/seeds", os.path.basename(rec["path"]))]
                found = [c for c in candidates if os.path.exists(c)]
                if not found:
                    print(f"skipping {rec['id']}", file=sys.stderr)
                    continue
                rec["text"] = open(found[0], encoding="utf-8-sig").read()
            docs.append(rec)
    return docs


@torch.no_grad()
def predict(model, tok, text, use_case, device):
    spans = []
    for base, piece in pieces(text):
        if not piece.strip():
            continue
        ids, shapes, _, word_ids, word_spans = featurise(tok, piece, None, use_case)
        t = lambda x: torch.tensor([x], device=device)
        logits = model(t(ids), t([1] * len(ids)), t(shapes))[0]
        tags = logits.argmax(-1).tolist()
        seen, words = set(), []
        for i, w in enumerate(word_ids):
            if w is None or w in seen:
                continue
            seen.add(w)
            words.append((word_spans[w], LABELS[tags[i]]))
        current = None
        for (s, e), tag in words + [((0, 0), "O")]:
            label = tag[2:] if tag != "O" else None
            if current and (tag == "O" or tag.startswith("B-") or label != current[2]):
                spans.append((base + current[0], base + current[1], current[2]))
                current = None
            if label:
                if current is None:
                    current = [s, e, label]
                else:
                    current[1] = e
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--weights", required=True)
    ap.add_argument("--no-case", action="store_true")
    args = ap.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Tagger(BertConfig.from_pretrained(encoder_dir()))
    model.load_state_dict(torch.load(args.weights, weights_only=True, map_location="cpu"))
    model.to(device).eval()
    tok = load_tokenizer()
    counts = {label: Counter() for label in ["ALL", "PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]}
    for doc in read_gold(args.gold):
        gold = {(e["start"], e["end"], e["label"]) for e in doc["entities"]}
        pred = set(predict(model, tok, doc["text"], not args.no_case, device))
        for label, c in counts.items():
            g = {x for x in gold if label in ("ALL", x[2])}
            p = {x for x in pred if label in ("ALL", x[2])}
            c["tp"] += len(g & p)
            c["fp"] += len(p - g)
            c["fn"] += len(g - p)
    result = {}
    for label, c in counts.items():
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        result[label] = round(2 * p * r / max(p + r, 1e-9), 4)
    print(json.dumps({"weights": args.weights, "case": not args.no_case, "f1": result}))


if __name__ == "__main__":
    main()
