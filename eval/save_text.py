#!/usr/bin/env python3
"""Save one re-fetched page text where `attache eval` reads it, checked against its SHA-256.

Usage: python3 eval/save_text.py ID COPY_FILE

ID is an article id of eval/real/articles.jsonl or a page id of eval/pubdate/pages.jsonl.
COPY_FILE holds the search result's `excerpt`, either as plain text or as the JSON string
literal the search tool prints (quotes and escapes kept). The text is accepted only when its
SHA-256 is the annotated one; the search display shows a non-breaking space as a space, so up
to two spaces are tried as U+00A0 before giving up. On success the text is written to
eval/real/texts/ID.txt or eval/pubdate/texts/ID.txt; run that folder's `tool.py verify` after.
"""
import hashlib
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFESTS = {
    "real": os.path.join(HERE, "real", "articles.jsonl"),
    "pubdate": os.path.join(HERE, "pubdate", "pages.jsonl"),
}
NBSP = "\u00a0"


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_entry(doc_id):
    for set_name, path in MANIFESTS.items():
        with open(path, encoding="utf-8") as f:
            for line in f:
                entry = json.loads(line)
                if entry["id"] == doc_id:
                    return set_name, entry
    return None, None


def readings(raw):
    """The ways a copy can be meant: as typed, without the editor's final newline, as JSON."""
    seen = []
    for text in (raw, raw.rstrip("\n")):
        if text not in seen:
            seen.append(text)
        stripped = text.strip()
        if stripped.startswith('"') and stripped.endswith('"'):
            try:
                decoded = json.loads(stripped)
            except json.JSONDecodeError:
                continue
            if decoded not in seen:
                seen.append(decoded)
    return seen


def with_nbsp_restored(text, want):
    """The text with up to two of its spaces read as non-breaking ones, if one fits the hash."""
    if sha(text) == want:
        return text
    spaces = [i for i, c in enumerate(text) if c == " "]
    for count in (1, 2):
        if count == 2 and len(spaces) > 1500:
            break
        for picks in itertools.combinations(spaces, count):
            chars = list(text)
            for i in picks:
                chars[i] = NBSP
            candidate = "".join(chars)
            if sha(candidate) == want:
                return candidate
    return None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    doc_id, copy_file = sys.argv[1], sys.argv[2]
    set_name, entry = find_entry(doc_id)
    if entry is None:
        sys.exit(f"{doc_id}: no such id in {', '.join(MANIFESTS.values())}")
    with open(copy_file, encoding="utf-8") as f:
        raw = f.read()
    for text in readings(raw):
        found = with_nbsp_restored(text, entry["sha256"])
        if found is not None:
            out_dir = os.path.join(HERE, set_name, "texts")
            os.makedirs(out_dir, exist_ok=True)
            with open(os.path.join(out_dir, doc_id + ".txt"), "w", encoding="utf-8", newline="") as f:
                f.write(found)
            restored = found.count(NBSP) - text.count(NBSP)
            print(f"OK {doc_id}" + (f" ({restored} non-breaking space restored)" if restored else ""))
            return
    best = min(readings(raw), key=lambda t: abs(len(t) - entry.get("chars", 0)))
    sys.exit(
        f"MISMATCH {doc_id}: the copy has {len(best)} code points, the annotated text "
        f"{entry.get('chars')}; compare the copy with the search result character by character "
        "(line breaks, quotes, dashes, a dropped or doubled line) and save it again"
    )


if __name__ == "__main__":
    main()
