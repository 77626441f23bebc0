#!/usr/bin/env python3
"""Silver training articles for the event reader from the real set's open part.

The real set (`eval/real/`) is annotated per record (kind, status, people or parties, place,
date, and the sentences that state it), not per mention. This script turns each open article
into the event reader's training form (what `markup.py convert` writes for the written
articles): the entity mentions the shipped tagger finds (attache's `documents.jsonl`, people
with the canonical name attache gives them), and for each gold record one event whose trigger
is the first trigger word of its kind in the record's first evidence sentence, and whose
roles are the mentions that name its people, parties and place. Records whose trigger cannot
be found are left out, and so is their article (a record with no trigger would teach the
reader that its words are no event).

The article texts are not ours: they are re-fetched into the ignored `eval/real/texts/`
(`eval/real/README.md`), and the output goes to the ignored `training/data/`. Only the open
part is read; `--skip` leaves out shares (id prefixes) kept for measuring.

    cargo run --release -- eval/real/texts/open -o /tmp/real_open --reader rules -q
    python3 training/events/real_silver.py --documents /tmp/real_open/documents.jsonl \\
        --gold eval/real/gold.open.jsonl -o training/data/real_silver.jsonl
"""
import argparse, json, re, sys, unicodedata

TRIGGERS = {
    "meeting": r"met|meet|meets|meeting|meetings|received|receives|receiving|hosted|hosts|summit|audience|talks|courtesy call|called on|gathering|session",
    "talks": r"talks|held talks|discussions|discussed|talked|consultations|negotiations|met|meeting",
    "visit": r"visit|visits|visited|visiting|trip|tour|arrived|arrives|travelled|traveled|travel|stop|leg",
    "call": r"phone call|telephone call|call|calls|phoned|spoke|conversation|telephoned|video call|videoconference",
    "conference": r"conference|session|forum|summit|meeting|dialogue|commission|committee|talks",
    "memorandum of understanding": r"memorandum of understanding|memoranda of understanding|memorandums of understanding|memorandum|mou|mous|memoranda",
    "agreement": r"agreement|agreements|deal|deals|accord|accords|pact|pacts|arrangement|fta|treaty",
    "treaty": r"treaty|treaties|pact|accord|agreement",
    "joint statement": r"joint statement|joint communique|joint communiqué|joint declaration|statement|communique|communiqué",
    "partnership": r"partnership|partnerships|agreement",
    "contract": r"contract|contracts|deal|deals|agreement|order",
    "protocol": r"protocol|protocols|agreement",
    "declaration": r"declaration|declarations|statement|agreement",
}


def fold(s):
    s = unicodedata.normalize("NFD", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def names_match(name, mention):
    a, b = fold(name), fold(mention)
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    # A surname alone ("Putin") or the full name inside a longer span ("President X").
    return (len(wb) == 1 and wb[0] == wa[-1] and len(wb[0]) > 2) or (len(wa) >= 2 and f" {a} " in f" {b} ")


def trigger_in(text, spans, kind, used):
    """The first trigger word of `kind` in the evidence sentences that no other record took."""
    pat = re.compile(r"\b(?:" + TRIGGERS[kind] + r")\b", re.I)
    for start, end in spans:
        for m in pat.finditer(text, start, end):
            if (m.start(), m.end()) not in used:
                return (m.start(), m.end())
    return None


def convert(doc, records):
    text = doc["text"]
    entities = [
        {"start": e["start"], "end": e["end"], "label": e["label"], "key": None, "canonical": e.get("canonical") or e["text"]}
        for e in doc["entities"]
    ]
    events, triggers, used, keys = [], [], set(), {}
    for n, r in enumerate(records, 1):
        if not r.get("evidence"):
            return None
        trig = trigger_in(text, r["evidence"], r["kind"], used)
        if trig is None:
            return None
        used.add(trig)
        eid = f"E{n}"
        triggers.append({"start": trig[0], "end": trig[1], "event": eid})
        spans = [tuple(x) for x in r["evidence"]]
        near = lambda e: any(a - 400 <= e["start"] and e["end"] <= b + 400 for a, b in spans)
        roles = {}

        def key_for(name, labels, role):
            key = keys.setdefault(fold(name), f"k{len(keys) + 1}")
            hits = [e for e in entities if e["label"] in labels and near(e)
                    and (names_match(name, e["canonical"]) or names_match(name, text[e["start"]:e["end"]]))]
            for e in hits:
                if e["key"] not in (None, key):
                    continue
                e["key"] = key
            if hits:
                roles.setdefault(role, [])
                if key not in roles[role]:
                    roles[role].append(key)

        if r["type"] == "meeting":
            people = r.get("participants", [])
            for i, p in enumerate(people):
                role = "participant"
                if r["kind"] == "visit":
                    role = "visitor" if i == 0 else "host"
                key_for(p, {"PERSON"}, role)
        else:
            for p in r.get("parties", []):
                key_for(p, {"GPE", "ORG", "NORP"}, "party")
        if r.get("location"):
            key_for(r["location"], {"GPE", "LOC", "ORG"}, "place")
        events.append({"id": eid, "type": r["type"], "kind": r["kind"], "status": r["status"], "roles": roles, "value": r.get("date")})
    for e in entities:
        e.pop("canonical")
    return {"id": doc["doc_id"], "published": doc.get("published"), "style": "real", "text": text,
            "entities": entities, "refs": [], "triggers": triggers, "events": events}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", required=True, help="attache's documents.jsonl over the open texts")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--skip", nargs="*", default=[], help="id prefixes to leave out")
    ap.add_argument("-o", "--out", required=True)
    args = ap.parse_args()
    by_doc = {}
    for line in open(args.gold, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "document":
            by_doc.setdefault(r["source"], [])
            continue
        by_doc.setdefault(r["sources"][0], []).append(r)
    kept = dropped = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for line in open(args.documents, encoding="utf-8"):
            doc = json.loads(line)
            name = doc["doc_id"]
            if any(name.startswith(p) for p in args.skip) or name not in by_doc:
                continue
            d = convert(doc, by_doc[name])
            if d is None:
                dropped += 1
                continue
            kept += 1
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{kept} articles written, {dropped} left out (a record with no trigger found)", file=sys.stderr)


if __name__ == "__main__":
    main()
