"""Convert the hand-written, hand-annotated paragraphs in written.src.txt into written.jsonl.

    cd /work/main && python3 eval/ner/markup.py && python3 training/check_gold.py eval/ner/written.jsonl

The second set, written later and kept apart (ids from w201):

    python3 eval/ner/markup.py eval/ner/written_b.src.txt eval/ner/written_b.jsonl --first 201

Source format (eval/ner/written.src.txt), UTF-8:
- One paragraph per block; blocks are separated by blank lines. Lines of a block are joined with
  a single space.
- An entity is written `[surface|LABEL]`; LABEL is PERSON, ORG, GPE, LOC, NORP, DATE or one of the
  short forms P, O, G, L, N, D. Everything else is plain text.
- `\\[`, `\\]`, `\\|` and `\\\\` are literal characters.
- A line starting with `#` is a comment. `#ignore: a | b` lists strings of that paragraph that are
  deliberately NOT annotated (ship names, events, ...), so the coverage check below skips them.
- Paragraph ids are assigned in order: w001, w002, ... (from `--first N` when given)

Checks (the script exits 1 on an error, warnings are printed):
- syntax errors, unknown labels, spans with outer whitespace or cutting through a word (error);
- coverage: an occurrence of any annotated non-DATE surface string of the whole file (or of a
  WATCH word) that is not inside a span or an ignore string (error);
- paragraphs outside 40-120 words (warning);
- with --review: capitalised words that no span covers, per paragraph, for a manual pass.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "written.src.txt")
OUT = os.path.join(HERE, "written.jsonl")

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"}
SHORT = {"P": "PERSON", "O": "ORG", "G": "GPE", "L": "LOC", "N": "NORP", "D": "DATE"}

# Checked for unannotated occurrences in every paragraph, besides the annotated surfaces.
WATCH = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
         "January", "February", "March", "April", "June", "July", "August", "September",
         "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.",
         "Dec.", "yesterday", "today", "tomorrow", "last week", "next week", "last month",
         "next month", "last year", "next year", "this year", "ago", "Party", "Navy", "Army",
         "Ministry", "Asia"]


class SourceError(Exception):
    pass


def parse_block(block, where):
    """Return (text, entities, ignore) for one block of source lines."""
    ignore = []
    lines = []
    for line in block:
        if line.startswith("#ignore:"):
            ignore += [s.strip() for s in line[len("#ignore:"):].split("|") if s.strip()]
        elif line.startswith("#"):
            continue
        else:
            lines.append(line.strip())
    src = " ".join(lines)
    out = []
    ents = []
    i = 0
    open_at = None  # (position in out, start index in src)
    while i < len(src):
        c = src[i]
        if c == "\\":
            if i + 1 >= len(src) or src[i + 1] not in "[]|\\":
                raise SourceError(f"{where}: bad escape at {src[i:i + 10]!r}")
            out.append(src[i + 1])
            i += 2
            continue
        if c == "[":
            if open_at is not None:
                raise SourceError(f"{where}: nested '[' at {src[i:i + 30]!r}")
            open_at = (len("".join(out)), i)
            i += 1
            continue
        if c == "|" and open_at is not None:
            j = src.find("]", i)
            if j < 0:
                raise SourceError(f"{where}: unclosed span at {src[open_at[1]:open_at[1] + 30]!r}")
            lab = src[i + 1:j].strip()
            lab = SHORT.get(lab, lab)
            if lab not in LABELS:
                raise SourceError(f"{where}: unknown label {lab!r} at {src[open_at[1]:j + 1]!r}")
            text_so_far = "".join(out)
            s = open_at[0]
            ents.append({"start": s, "end": len(text_so_far), "label": lab,
                         "text": text_so_far[s:]})
            open_at = None
            i = j + 1
            continue
        if c in "]|":
            raise SourceError(f"{where}: stray {c!r} at {src[max(0, i - 20):i + 10]!r}")
        out.append(c)
        i += 1
    if open_at is not None:
        raise SourceError(f"{where}: unclosed span at {src[open_at[1]:open_at[1] + 30]!r}")
    text = "".join(out)
    if text != text.strip() or "  " in text:
        raise SourceError(f"{where}: stray whitespace in text")
    for e in ents:
        s, t = e["start"], e["end"]
        if not e["text"] or e["text"] != e["text"].strip():
            raise SourceError(f"{where}: empty span or outer whitespace in {e['text']!r}")
        if (s > 0 and text[s - 1].isalnum()) or (t < len(text) and text[t].isalnum()):
            raise SourceError(f"{where}: span {e['text']!r} cuts through a word")
    for ig in ignore:
        if ig not in text:
            raise SourceError(f"{where}: ignore string {ig!r} not in the paragraph")
    return text, ents, ignore


def read_blocks(path):
    blocks, cur, start = [], [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                blocks.append((start, cur))
            cur, start = [], None
            continue
        if start is None:
            start = n
        cur.append(line)
    if cur:
        blocks.append((start, cur))
    # a block made only of comments is not a paragraph
    return [(n, b) for n, b in blocks if any(not l.startswith("#") for l in b)]


def occurrences(text, s):
    pre = r"(?<![\w.])" if s[0].isalnum() else ""
    post = r"(?!\w)" if (s[-1].isalnum() or s[-1] == ".") else ""
    return [(m.start(), m.end()) for m in re.finditer(pre + re.escape(s) + post, text)]


def main():
    global SRC, OUT
    review = "--review" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--review"]
    first = 1
    if "--first" in args:
        at = args.index("--first")
        first = int(args[at + 1])
        del args[at:at + 2]
    if args:
        SRC, OUT = args
    records = []
    try:
        for k, (lineno, block) in enumerate(read_blocks(SRC), first):
            rid = f"w{k:03d}"
            text, ents, ignore = parse_block(block, f"{os.path.basename(SRC)}:{lineno} ({rid})")
            records.append((rid, lineno, text, ents, ignore))
    except SourceError as err:
        print("ERROR:", err, file=sys.stderr)
        sys.exit(1)

    surfaces = set(WATCH) | {e["text"] for _, _, _, ents, _ in records for e in ents
                             if e["label"] != "DATE"}
    errors = 0
    counts = {}
    for rid, lineno, text, ents, ignore in records:
        spans = [(e["start"], e["end"]) for e in ents]
        regions = spans + [(m.start(), m.end()) for ig in ignore
                           for m in re.finditer(re.escape(ig), text)]
        regions += [(m.start(), m.end()) for m in re.finditer(r"https?://\S+", text)]

        def covered(a, b):
            return any(s <= a and b <= e for s, e in regions)

        for w in sorted(surfaces):
            for a, b in occurrences(text, w):
                if not covered(a, b):
                    print(f"UNANNOTATED {rid} (line {lineno}) {w!r}: "
                          f"...{text[max(0, a - 40):b + 40]}...")
                    errors += 1
        words = len(text.split())
        if not 40 <= words <= 120:
            print(f"warning: {rid} (line {lineno}) has {words} words")
        if review:
            loose = [m.group() for m in re.finditer(r"\b[A-Z]\w*", text)
                     if not covered(m.start(), m.end())]
            print(f"{rid}: {len(ents)} entities; uncovered capitalised: {' '.join(loose)}")
        for e in ents:
            counts[e["label"]] = counts.get(e["label"], 0) + 1
    if errors:
        print(f"ERROR: {errors} unannotated occurrences; annotate them or add an #ignore line",
              file=sys.stderr)
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as f:
        for rid, _, text, ents, _ in records:
            ents = sorted(ents, key=lambda e: e["start"])
            f.write(json.dumps({"id": rid, "text": text, "entities": ents},
                               ensure_ascii=False) + "\n")
    total = sum(counts.values())
    print(f"wrote {OUT}: {len(records)} paragraphs, {total} entities {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
