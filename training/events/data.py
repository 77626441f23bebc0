"""From converted event markup (markup.py convert) to per-sentence training examples.

The split into sentences and words follows the Rust pipeline closely enough for training:
sentences are lines, cut further after . ! ? before an upper-case start (with the usual
abbreviations kept whole); words are the tokenizer's pre-tokenizer words, each represented by
its first word piece, exactly as src/ner does.
"""
import re

KINDS = ["meeting", "talks", "visit", "call", "conference",
         "memorandum of understanding", "agreement", "treaty", "joint statement",
         "partnership", "contract", "protocol", "declaration"]
MEETING_KINDS = set(KINDS[:5])
TRIGGER_TAGS = ["O"] + [f"{p}-{k}" for k in KINDS for p in ("B", "I")]
REF_TAGS = ["O", "B-REF", "I-REF"]
STATUSES = ["occurred", "planned", "cancelled", "signed", "planned-agreement", "discussed"]
ROLES = ["participant", "visitor", "host", "party", "signatory", "place", "date"]
MENTION_LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "REF"]
ANTECEDENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
WORD_BUCKETS = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32]  # lower bounds of |word distance|
ANTECEDENT_SENTENCES = 5

ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "st", "sen", "rep", "gov", "prof", "u.s",
          "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "no", "vs", "jr", "sr", "inc", "corp", "co", "ltd", "he", "h.e", "maj", "capt", "adm", "sgt"}
SPLIT = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])")


def sentences(text):
    """Code-point spans of sentences."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        s = start
        for m in SPLIT.finditer(line):
            before = line[:m.start()].rsplit(None, 1)
            last = before[-1].lower().rstrip(".") if before else ""
            if last in ABBREV or (len(last) == 1 and last.isalpha()):
                continue
            e = start + m.start() + 1
            out.append(_trim(text, s, e))
            s = start + m.end()
        out.append(_trim(text, s, start + len(line)))
    return [sp for sp in out if sp[1] > sp[0]]


def _trim(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def distance_bucket(d):
    a = abs(d)
    b = max(i for i, lo in enumerate(WORD_BUCKETS) if a >= lo)
    return b if d >= 0 else len(WORD_BUCKETS) + b


def n_distance_buckets():
    return 2 * len(WORD_BUCKETS)


def role_distance(sentence_offset, word_distance):
    """Embedding index of a (trigger, mention) pair: sentence offset -1/0/+1 and signed words."""
    return (sentence_offset + 1) * n_distance_buckets() + distance_bucket(word_distance)


def antecedent_distance(sentence_offset, word_distance):
    return min(sentence_offset, ANTECEDENT_SENTENCES) * n_distance_buckets() + distance_bucket(word_distance)


def status_index(etype, status):
    if etype == "agreement" and status == "planned":
        return STATUSES.index("planned-agreement")
    return STATUSES.index(status)
