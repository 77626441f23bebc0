#!/usr/bin/env python3
"""Event markup: the format our written training articles are annotated in, and its converter.

One article per file, `written/<writer>/<id>.txt`:

    id: wa0001
    published: 2024-03-05          (ISO day, or "none" when the page shows no date)
    style: wire                    (free word: wire, ministry, regional, blog, tv, ...)
    ===
    <the article, page furniture and all, with inline marks>
    ===
    E1 meeting talks occurred | participant=chinh,rutte host=chinh visitor=rutte place=hanoi date=d1 value=2024-03-05
    E2 agreement memorandum_of_understanding signed | party=vietnam,netherlands signatory=chinh place=hanoi date=d1 value=2024-03-05

Inline marks (never nested; the text itself must not use the characters [ ] { }; a plain | is fine):
    [Pham Minh Chinh|PERSON@chinh]   entity with label and referent key (key optional:
    [Reuters|ORG]                    give one when an event line uses the entity)
    [he|@chinh]  [the two leaders|@chinh+rutte]  [the Dutch premier|@rutte]
                                     a referring phrase that is not a name: pronoun, title
                                     phrase, "both sides", possessive "their" (key list)
    {held talks|E1}  {visit|E3}      an event trigger: the word(s) that state the event; an
                                     event may have several (headline "talks", body "call")

Event lines: `E<n> <type> <kind> <status> | role=key,key ... value=<ISO date or interval>`
    meeting kinds: meeting talks visit call conference; status: occurred planned cancelled
    agreement kinds: memorandum_of_understanding agreement treaty joint_statement partnership
                     contract protocol declaration; status: signed planned discussed
    roles: participant visitor host (meetings), party signatory (agreements), place, date
    value: the resolved date of the event (SPEC format) or omitted when nothing anchors it.

    markup.py check [FILES or DIRS]      validate, print problems and counts
    markup.py convert DIRS -o OUT.jsonl  one JSON object per article, code-point offsets
"""
import json, os, re, sys

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"}
MEETING_KINDS = {"meeting", "talks", "visit", "call", "conference"}
AGREEMENT_KINDS = {"memorandum_of_understanding", "agreement", "treaty", "joint_statement",
                   "partnership", "contract", "protocol", "declaration"}
STATUS = {"meeting": {"occurred", "planned", "cancelled"}, "agreement": {"signed", "planned", "discussed"}}
ROLES = {"meeting": {"participant", "visitor", "host", "place", "date"},
         "agreement": {"party", "signatory", "place", "date"}}
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
MARK = re.compile(r"\[([^\[\]{}|]+)\|([^\[\]{}|]*)\]|\{([^\[\]{}|]+)\|(E\d+)\}")


class Problem(Exception):
    pass


def parse(raw, name="?"):
    parts = raw.split("\n===\n")
    if len(parts) != 3:
        raise Problem(f"{name}: expected header, '===' line, text, '===' line, events")
    head, body, tail = parts
    meta = {}
    for line in head.strip().splitlines():
        if ":" not in line:
            raise Problem(f"{name}: bad header line {line!r}")
        k, v = line.split(":", 1)
        meta[k.strip()] = v.strip()
    if "id" not in meta:
        raise Problem(f"{name}: header has no id")
    published = meta.get("published", "none")
    if published != "none" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise Problem(f"{name}: published must be YYYY-MM-DD or none, not {published!r}")
    text, entities, refs, triggers = [], [], [], []
    pos = 0  # code points written so far
    last = 0
    for m in MARK.finditer(body):
        plain = body[last:m.start()]
        if any(c in plain for c in "[]{}"):
            raise Problem(f"{name}: stray mark character near {plain[-40:]!r}")
        text.append(plain)
        pos += len(plain)
        if m.group(1) is not None:
            surface, tag = m.group(1), m.group(2)
            start, end = pos, pos + len(surface)
            if surface != surface.strip():
                raise Problem(f"{name}: mark with outer spaces {surface!r}")
            if tag.startswith("@"):
                keys = [k for k in tag[1:].split("+") if k]
                if not keys:
                    raise Problem(f"{name}: empty reference {m.group(0)!r}")
                refs.append({"start": start, "end": end, "keys": keys})
            else:
                label, _, key = tag.partition("@")
                if label not in LABELS:
                    raise Problem(f"{name}: unknown label {label!r} in {m.group(0)!r}")
                entities.append({"start": start, "end": end, "label": label, "key": key or None})
        else:
            surface = m.group(3)
            start, end = pos, pos + len(surface)
            triggers.append({"start": start, "end": end, "event": m.group(4)})
        text.append(surface)
        pos += len(surface)
        last = m.end()
    rest = body[last:]
    if any(c in rest for c in "[]{}"):
        raise Problem(f"{name}: stray mark character near {rest[:40]!r}")
    text.append(rest)
    text = "".join(text)
    keys = {e["key"] for e in entities if e["key"]} | {k for r in refs for k in r["keys"]}
    named = {e["key"] for e in entities if e["key"]}
    events = []
    for line in tail.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        head_part, _, args = line.partition("|")
        words = head_part.split()
        if len(words) != 4:
            raise Problem(f"{name}: event line needs 'E<n> type kind status | ...': {line!r}")
        eid, etype, kind, status = words
        if etype not in STATUS:
            raise Problem(f"{name}: {eid}: type must be meeting or agreement")
        if kind not in (MEETING_KINDS if etype == "meeting" else AGREEMENT_KINDS):
            raise Problem(f"{name}: {eid}: kind {kind!r} is not a {etype} kind")
        if status not in STATUS[etype]:
            raise Problem(f"{name}: {eid}: status {status!r} is not a {etype} status")
        roles, value = {}, None
        for a in args.split():
            if "=" not in a:
                raise Problem(f"{name}: {eid}: bad argument {a!r}")
            role, vals = a.split("=", 1)
            if role == "value":
                if not VALUE.match(vals):
                    raise Problem(f"{name}: {eid}: bad date value {vals!r}")
                value = vals
                continue
            if role not in ROLES[etype]:
                raise Problem(f"{name}: {eid}: role {role!r} is not a {etype} role")
            for k in vals.split(","):
                if k not in keys:
                    raise Problem(f"{name}: {eid}: key {k!r} is not marked in the text")
                if k not in named:
                    raise Problem(f"{name}: {eid}: key {k!r} is only a reference; mark the name it stands for with @{k}")
            roles[role] = vals.split(",")
        if not any(t["event"] == eid for t in triggers):
            raise Problem(f"{name}: {eid} has no trigger {{...|{eid}}} in the text")
        events.append({"id": eid, "type": etype, "kind": kind.replace("_", " "), "status": status,
                       "roles": roles, "value": value})
    defined = {e["id"] for e in events}
    for t in triggers:
        if t["event"] not in defined:
            raise Problem(f"{name}: trigger for {t['event']} but no event line")
    return {"id": meta["id"], "published": None if published == "none" else published,
            "style": meta.get("style"), "text": text, "entities": entities, "refs": refs,
            "triggers": triggers, "events": events}


def files_of(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in sorted(os.walk(a)):
                for n in sorted(names):
                    if n.endswith(".txt"):
                        yield os.path.join(root, n)
        else:
            yield a


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("check", "convert"):
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    out = None
    if "-o" in args:
        i = args.index("-o")
        out, args = args[i + 1], args[:i] + args[i + 2:]
    docs, bad, ids = [], 0, set()
    for path in files_of(args or [os.path.join(os.path.dirname(__file__), "written")]):
        try:
            d = parse(open(path, encoding="utf-8").read(), path)
            if d["id"] in ids:
                raise Problem(f"{path}: duplicate id {d['id']}")
            ids.add(d["id"])
            docs.append(d)
        except Problem as e:
            bad += 1
            print(e)
    ev = [e for d in docs for e in d["events"]]
    print(f"{len(docs)} articles ok, {bad} with problems; {sum(not d['events'] for d in docs)} without events; "
          f"{sum(e['type']=='meeting' for e in ev)} meetings, {sum(e['type']=='agreement' for e in ev)} agreements; "
          f"{sum(len(d['entities']) for d in docs)} entities, {sum(len(d['refs']) for d in docs)} references, "
          f"{sum(len(d['triggers']) for d in docs)} triggers")
    if cmd == "convert" and out:
        with open(out, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    sys.exit(1 if bad and cmd == "check" else 0)


if __name__ == "__main__":
    main()
