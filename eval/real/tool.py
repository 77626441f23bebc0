#!/usr/bin/env python3
"""The real-news development set: reserved-URL check, validation, evidence offsets, open/locked split.

The article texts are excerpts of public news pages as stored by the project's search tool
(`pages` corpus). They are not ours, so they are never committed: they live in the ignored
folder `texts/`. What is committed is `articles.jsonl` (URL, the query that found it, outlet,
SHA-256 of the text) and the hand-made gold records.

  tool.py reserved URL...      says whether a URL is reserved for blind evaluation (skip it)
  tool.py finalize             drafts/*.gold.jsonl (evidence as quotes) -> gold.jsonl (evidence as
                               code-point offsets), checks every text, writes the split folders
                               texts/open, texts/locked and gold.open.jsonl, gold.locked.jsonl
  tool.py verify               after a re-fetch: checks every text against the SHA-256 in
                               articles.jsonl and writes texts/open and texts/locked
  tool.py status               counts per split, outlets, negatives, missing texts
  tool.py base                 writes the committed set back as drafts/base.*.jsonl, so that
                               `finalize` keeps it when a new share is added (drafts/ is ignored)
  tool.py subset OUT PREFIX... the articles whose ids start with a PREFIX (a batch of shares:
                               `subset /tmp/fresh rw rx ry rz`), as OUT/open, OUT/locked and
                               OUT/gold.open.jsonl, OUT/gold.locked.jsonl, for `attache eval`
                               (a fresh batch is scored apart before anyone reads it)
"""
import hashlib, json, os, sys, shutil, glob

HERE = os.path.dirname(os.path.abspath(__file__))
RESERVED = os.path.join(HERE, "..", "..", "..", "shared", "reserved-urls.sha256")
TEXTS = os.path.join(HERE, "texts")


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def split_of_url(url):
    """A fixed third is locked, by the URL alone (so adding articles never moves one): the
    SHA-256 of the URL, as a number, divisible by three."""
    return "locked" if int(sha(url), 16) % 3 == 0 else "open"


def reserved_set():
    try:
        return {l.strip() for l in open(RESERVED) if l.strip()}
    except FileNotFoundError:
        sys.exit(f"cannot read {RESERVED}: the reserved list must sit in ../shared beside this checkout")


def url_variants(url):
    u = url.strip()
    out = {u, u.rstrip("/"), u + "/"}
    for a, b in (("https://", "http://"), ("http://", "https://")):
        if u.startswith(a):
            v = b + u[len(a):]
            out |= {v, v.rstrip("/"), v + "/"}
    return out


def is_reserved(url, reserved):
    return any(sha(v) in reserved for v in url_variants(url))


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def text_of(aid):
    p = os.path.join(TEXTS, aid + ".txt")
    return open(p, encoding="utf-8").read() if os.path.exists(p) else None


def locate(text, quote):
    """Code-point [start, end] of quote in text, tolerant of whitespace differences."""
    i = text.find(quote)
    if i >= 0:
        return [i, i + len(quote)]
    import re
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pat, text)
    return [m.start(), m.end()] if m else None


def finalize():
    reserved = reserved_set()
    articles = []
    for p in sorted(glob.glob(os.path.join(HERE, "drafts", "*.articles.jsonl"))):
        articles += load_jsonl(p)
    seen, problems = {}, []
    for a in articles:
        if a["id"] in seen:
            problems.append(f"duplicate id {a['id']}")
        seen[a["id"]] = a
        if is_reserved(a["url"], reserved):
            problems.append(f"{a['id']}: URL is reserved for blind evaluation: remove it")
        t = text_of(a["id"])
        if t is None:
            # A committed article whose text could not be re-fetched keeps its recorded hash.
            if "sha256" in a and "chars" in a:
                print(f"{a['id']}: no texts/{a['id']}.txt; its recorded SHA-256 is kept")
            else:
                problems.append(f"{a['id']}: no texts/{a['id']}.txt")
            continue
        a["sha256"], a["chars"] = sha(t), len(t)
    urls = {}
    for a in articles:
        if a["url"] in urls:
            problems.append(f"{a['id']} and {urls[a['url']]} have the same URL")
        urls[a["url"]] = a["id"]
    for a in articles:
        a["split"] = split_of_url(a["url"])
    gold = []
    for p in sorted(glob.glob(os.path.join(HERE, "drafts", "*.gold.jsonl"))):
        for r in load_jsonl(p):
            ev = []
            for src in r["sources"]:
                aid = src[:-4] if src.endswith(".txt") else src
                if aid not in seen:
                    problems.append(f"gold record names unknown article {src}")
            t = text_of(r["sources"][0][:-4])
            for q in r.pop("evidence_quotes", []):
                loc = locate(t or "", q)
                if loc is None:
                    problems.append(f"{r['sources'][0]}: evidence quote not found: {q[:60]!r}")
                else:
                    ev.append(loc)
            if not ev and "evidence" not in r:
                problems.append(f"{r['sources'][0]}: record without evidence")
            r.setdefault("evidence", ev)
            gold.append(r)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    order = {a["id"]: i for i, a in enumerate(sorted(articles, key=lambda a: a["id"]))}
    gold.sort(key=lambda r: order[r["sources"][0][:-4]])
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as f:
        for a in sorted(articles, key=lambda a: a["id"]):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    split_of = {a["id"]: a["split"] for a in articles}
    for split in ("open", "locked"):
        d = os.path.join(TEXTS, split)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for a in articles:
            if a["split"] == split and text_of(a["id"]) is not None:
                shutil.copy(os.path.join(TEXTS, a["id"] + ".txt"), d)
        with open(os.path.join(HERE, f"gold.{split}.jsonl"), "w", encoding="utf-8") as f:
            # One line per article with the publication date its page shows, for `attache eval`.
            for a in sorted(articles, key=lambda a: a["id"]):
                if a["split"] == split:
                    f.write(json.dumps({"type": "document", "source": a["id"] + ".txt", "published": a.get("published")}) + "\n")
            for r in gold:
                if split_of[r["sources"][0][:-4]] == split:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    status()


def base():
    os.makedirs(os.path.join(HERE, "drafts"), exist_ok=True)
    with open(os.path.join(HERE, "drafts", "base.articles.jsonl"), "w", encoding="utf-8") as f:
        for a in load_jsonl(os.path.join(HERE, "articles.jsonl")):
            # The hash stays: finalize recomputes it from the text, or keeps it if the text is missing.
            a = {k: v for k, v in a.items() if k != "split"}
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "drafts", "base.gold.jsonl"), "w", encoding="utf-8") as f:
        for split in ("open", "locked"):
            for r in load_jsonl(os.path.join(HERE, f"gold.{split}.jsonl")):
                if r["type"] != "document":
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")


def status():
    arts = load_jsonl(os.path.join(HERE, "articles.jsonl"))
    golds = []
    for s in ("open", "locked"):
        p = os.path.join(HERE, f"gold.{s}.jsonl")
        golds += load_jsonl(p) if os.path.exists(p) else []
    golds = [r for r in golds if r.get("type") != "document"]
    with_rec = {src[:-4] for r in golds for src in r["sources"]}
    for s in ("open", "locked"):
        a = [x for x in arts if x.get("split") == s]
        g = [r for r in golds if any(x["id"] + ".txt" in r["sources"] for x in a)]
        neg = sum(1 for x in a if x["id"] not in with_rec)
        missing = sum(1 for x in a if text_of(x["id"]) is None)
        print(f"{s}: {len(a)} articles ({neg} with no record, {missing} texts missing), "
              f"{sum(r['type']=='meeting' for r in g)} meetings, {sum(r['type']=='agreement' for r in g)} agreements")
    print("outlets:", len({x.get("outlet") for x in arts}))


def verify():
    arts = load_jsonl(os.path.join(HERE, "articles.jsonl"))
    bad = 0
    for split in ("open", "locked"):
        d = os.path.join(TEXTS, split)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    for a in arts:
        t = text_of(a["id"])
        if t is None or sha(t) != a["sha256"]:
            bad += 1
            print(f"{a['id']}: " + ("missing" if t is None else "text differs from the annotated one") + f" ({a['url']})")
            continue
        shutil.copy(os.path.join(TEXTS, a["id"] + ".txt"), os.path.join(TEXTS, a["split"]))
    print(f"{len(arts) - bad} of {len(arts)} texts verified")
    sys.exit(1 if bad else 0)


def subset(out, prefixes):
    articles = load_jsonl(os.path.join(HERE, "articles.jsonl"))
    chosen = {a["id"]: a["split"] for a in articles if any(a["id"].startswith(p) for p in prefixes)}
    for split in ("open", "locked"):
        d = os.path.join(out, split)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for aid, s in sorted(chosen.items()):
            if s == split:
                t = text_of(aid)
                if t is None:
                    sys.exit(f"{aid}: no texts/{aid}.txt: re-fetch the texts first (README)")
                shutil.copy(os.path.join(TEXTS, aid + ".txt"), d)
        with open(os.path.join(out, f"gold.{split}.jsonl"), "w", encoding="utf-8") as f:
            for line in open(os.path.join(HERE, f"gold.{split}.jsonl"), encoding="utf-8"):
                r = json.loads(line)
                source = r.get("source") or r["sources"][0]
                if source[:-4] in chosen:
                    f.write(line)
        print(f"{split}: {sum(s == split for s in chosen.values())} articles -> {d}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "status"
    if cmd == "reserved":
        r = reserved_set()
        for u in sys.argv[2:]:
            print(("RESERVED " if is_reserved(u, r) else "ok ") + u)
    elif cmd == "base":
        base()
    elif cmd == "finalize":
        finalize()
    elif cmd == "verify":
        verify()
    elif cmd == "subset" and len(sys.argv) >= 4:
        subset(sys.argv[2], sys.argv[3:])
    else:
        status()
