#!/usr/bin/env python3
"""Train the event reader's heads on the frozen shipped encoder; export them to models/events.

    python training/events/train_events.py --data training/data/events.jsonl --out models/events

--data is markup.py's conversion of training/events/written/. Seeded; a tenth of the articles
(by id hash) is held out and scored at the end of every epoch; the best epoch is exported.
"""
import argparse, hashlib, json, os, random, sys, time

import torch
from torch import nn
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from data import (KINDS, MEETING_KINDS, TRIGGER_TAGS, REF_TAGS, STATUSES, ROLES, MENTION_LABELS,  # noqa: E402
                  ANTECEDENT_LABELS, ANTECEDENT_SENTENCES, WORD_BUCKETS, sentences, role_distance,
                  antecedent_distance, status_index)
from features import word_shape, SHAPES  # noqa: E402
from heads import EventHeads, IN_DIM, DIM, PAIR, DILATIONS, DIST_DIM, LABEL_DIM  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
PARITY_SENTENCE = ("Indonesian President Prabowo Subianto held talks with Japanese Prime Minister Shigeru Ishiba "
                   "in Tokyo on Friday, and the two leaders witnessed the signing of a memorandum of understanding.")


def load_encoder(model_dir):
    from transformers import BertConfig
    from model import Tagger
    config = BertConfig.from_json_file(os.path.join(model_dir, "config.json"))
    tagger = Tagger(config)
    state = load_file(os.path.join(model_dir, "model.safetensors"))
    state = {(("bert." + k) if k.startswith(("embeddings.", "encoder.")) else k): v.float() for k, v in state.items()}
    missing, unexpected = tagger.load_state_dict(state, strict=False)
    if unexpected or [m for m in missing if "position_ids" not in m]:
        sys.exit(f"encoder weights do not fit: missing {missing}, unexpected {unexpected}")
    tagger.eval()
    return tagger


def encode_sentence(tok, text):
    """Word pieces, shapes, first piece of each word and word spans (code points) of one sentence."""
    enc = tok.encode(text, add_special_tokens=False)
    words, first, piece_word, last = [], [], [], None
    for i, (w, (s, e)) in enumerate(zip(enc.word_ids, enc.offsets)):
        if w is not None and w != last:
            first.append(i)
            words.append([s, e])
            last = w
        elif words:
            words[-1][1] = max(words[-1][1], e)
        else:
            first.append(i)
            words.append([s, e])
        piece_word.append(len(words) - 1)
    wshape = [word_shape(text[s:e]) for s, e in words]
    return enc.ids, [wshape[w] for w in piece_word], first, words


@torch.no_grad()
def word_features(tagger, sents, cls, sep, max_len=128, stride=96):
    """[words, 400] features per sentence, windows as src/ner cuts them."""
    return word_features_live(tagger, sents, cls, sep, max_len, stride)


def word_features_live(tagger, sents, cls, sep, max_len=128, stride=96):
    """word_features without torch.no_grad: gradients reach the encoder when it trains
    (training/events/joint.py)."""
    width = max_len - 2
    windows = []  # (sentence, start, end, own_start, own_end)
    for si, (ids, shapes, first, words) in enumerate(sents):
        n, start, firstw = len(ids), 0, len(windows)
        if n == 0:
            continue
        while True:
            end = min(start + width, n)
            windows.append([si, start, end, start, end])
            if end == n:
                break
            start += stride
        for w in range(firstw + 1, len(windows)):
            mid = (windows[w][1] + windows[w - 1][2]) // 2
            windows[w - 1][4] = mid
            windows[w][3] = mid
    piece_row = [[0] * len(s[0]) for s in sents]  # row of each piece in the stacked window outputs
    outputs, base = [], 0
    windows.sort(key=lambda w: -(w[2] - w[1]))
    for b in range(0, len(windows), 64):
        group = windows[b:b + 64]
        wmax = max(w[2] - w[1] for w in group) + 2
        ids = torch.zeros(len(group), wmax, dtype=torch.long)
        shp = torch.zeros_like(ids)
        mask = torch.zeros_like(ids)
        for r, (si, s, e, _, _) in enumerate(group):
            seq = [cls] + sents[si][0][s:e] + [sep]
            ids[r, :len(seq)] = torch.tensor(seq)
            shp[r, 1:1 + e - s] = torch.tensor(sents[si][1][s:e])
            mask[r, :len(seq)] = 1
        emb = tagger.bert.embeddings.word_embeddings(ids) + tagger.case_in(shp)
        hidden = tagger.bert(inputs_embeds=emb, attention_mask=mask).last_hidden_state
        feats = torch.cat([hidden, tagger.case_out(shp)], dim=-1)
        outputs.append(feats.reshape(-1, IN_DIM))
        for r, (si, s, e, os_, oe) in enumerate(group):
            for p in range(os_, oe):
                piece_row[si][p] = base + r * wmax + 1 + p - s
        base += len(group) * wmax
    if not outputs:
        return [torch.zeros(0, IN_DIM) for _ in sents]
    # one gather for every word's first piece (a single differentiable index), then split
    rows = [piece_row[si][p] for si, s in enumerate(sents) for p in s[2]]
    picked = torch.cat(outputs)[torch.tensor(rows, dtype=torch.long)]
    return list(torch.split(picked, [len(s[2]) for s in sents]))


def build(doc, tok, tagger, cls, sep):
    """Targets of one article, with its frozen features; tagger=None leaves the features out
    and keeps the encoded sentences ("sents") and entity BIO tags ("ner") for joint.py."""
    text = doc["text"]
    spans = sentences(text)
    sents = [encode_sentence(tok, text[s:e]) for s, e in spans]
    feats = word_features(tagger, sents, cls, sep) if tagger is not None else None
    # word spans in document code points, and a lookup char -> (sentence, word)
    words = [[(s + a, s + b) for a, b in sw[3]] for (s, _), sw in zip(spans, sents)]

    def locate(start, end):
        for si, (s, e) in enumerate(spans):
            if s <= start < e or (start <= s < end):
                ws = [i for i, (a, b) in enumerate(words[si]) if a < end and b > start]
                if ws:
                    return si, ws[0], ws[-1] + 1
        return None

    trig_tags = [[0] * len(w) for w in words]
    ref_tags = [[0] * len(w) for w in words]
    events = {e["id"]: e for e in doc["events"]}
    triggers = []
    for t in doc["triggers"]:
        loc = locate(t["start"], t["end"])
        ev = events[t["event"]]
        if loc is None:
            continue
        si, a, b = loc
        kind = KINDS.index(ev["kind"])
        trig_tags[si][a] = TRIGGER_TAGS.index(f"B-{KINDS[kind]}")
        for i in range(a + 1, b):
            trig_tags[si][i] = TRIGGER_TAGS.index(f"I-{KINDS[kind]}")
        triggers.append((si, a, b, ev))
    mentions = []
    for e in doc["entities"]:
        loc = locate(e["start"], e["end"])
        if loc:
            mentions.append((*loc, MENTION_LABELS.index(e["label"]), {e["key"]} if e["key"] else set()))
    for r in doc["refs"]:
        loc = locate(r["start"], r["end"])
        if loc:
            si, a, b = loc
            ref_tags[si][a] = 1
            for i in range(a + 1, b):
                ref_tags[si][i] = 2
            mentions.append((si, a, b, MENTION_LABELS.index("REF"), set(r["keys"])))
    mentions.sort(key=lambda m: (m[0], m[1]))
    role_pairs = []  # (trigger index, mention index, dist, targets)
    for ti, (si, a, b, ev) in enumerate(triggers):
        for mi, (sj, c, d, lab, keys) in enumerate(mentions):
            if abs(sj - si) > 1 or (sj == si and c < b and d > a):
                continue
            if sj == si:
                wd = c - a
            elif sj > si:
                wd = (len(words[si]) - a) + c
            else:
                wd = -(a + len(words[sj]) - c)
            target = [1.0 if keys & set(ev["roles"].get(r, [])) else 0.0 for r in ROLES]
            role_pairs.append((ti, mi, role_distance(sj - si, wd), target))
    ante_pairs = []
    for mi, (si, a, b, lab, keys) in enumerate(mentions):
        if lab != MENTION_LABELS.index("REF"):
            continue
        for mj, (sj, c, d, lab2, keys2) in enumerate(mentions):
            if MENTION_LABELS[lab2] not in ANTECEDENT_LABELS or not (si - ANTECEDENT_SENTENCES <= sj <= si):
                continue
            if sj == si and c >= a:
                continue
            wd = (a - c) if sj == si else a + (len(words[sj]) - c)
            ante_pairs.append((mi, mj, antecedent_distance(si - sj, wd), 1.0 if keys & keys2 else 0.0))
    extra = {}
    if feats is None:
        from features import LABEL_ID
        ner = [[0] * len(w) for w in words]
        for e in doc["entities"]:
            if ("B-" + e["label"]) not in LABEL_ID:
                continue
            for si, ws in enumerate(words):
                inside = [i for i, (a, b) in enumerate(ws) if a >= e["start"] and b <= e["end"]]
                for k, i in enumerate(inside):
                    ner[si][i] = LABEL_ID[("B-" if k == 0 else "I-") + e["label"]]
        extra = {"sents": sents, "ner": [torch.tensor(t, dtype=torch.long) for t in ner]}
    return {
        **extra,
        "id": doc["id"], "feats": [f.half() for f in feats] if feats is not None else None,
        "trig": [torch.tensor(t, dtype=torch.long) for t in trig_tags],
        "ref": [torch.tensor(t, dtype=torch.long) for t in ref_tags],
        "triggers": [(si, a, b, status_index(ev["type"], ev["status"])) for si, a, b, ev in triggers],
        "mentions": [(si, a, b, lab) for si, a, b, lab, _ in mentions],
        "roles": role_pairs, "ante": ante_pairs,
    }


def batch_words(model, exs):
    """Word vectors of every sentence of `exs`, padded: [sentences, max words, DIM], and the
    index of each example's first sentence. Padded positions stay zero after every layer, as
    the Rust heads treat words outside a sentence."""
    feats = [f for ex in exs for f in ex["feats"]]
    first, n = [], 0
    for ex in exs:
        first.append(n)
        n += len(ex["feats"])
    wmax = max([len(f) for f in feats] + [1])
    x = torch.zeros(len(feats), wmax, IN_DIM)
    mask = torch.zeros(len(feats), wmax, 1)
    for i, f in enumerate(feats):
        x[i, :len(f)] = f.float()
        mask[i, :len(f)] = 1
    h = nn.functional.gelu(model.proj(x)) * mask
    for conv in model.convs:
        h = (h + nn.functional.gelu(conv(h.transpose(1, 2)).transpose(1, 2))) * mask
    return h, first


def spans_mean(h, spans):
    """Mean word vector of each (sentence, first, end) span."""
    if not spans:
        return None
    cs = torch.cat([torch.zeros(h.shape[0], 1, h.shape[2]), h.cumsum(1)], dim=1)
    s = torch.tensor([sp[0] for sp in spans]); a = torch.tensor([sp[1] for sp in spans]); b = torch.tensor([sp[2] for sp in spans])
    return (cs[s, b] - cs[s, a]) / (b - a).unsqueeze(1).float()


def forward_batch(model, exs):
    h, first = batch_words(model, exs)
    out = {"trig": model.trigger(h), "ref": model.ref(h)}
    trig_spans, ment_spans, t_off, m_off = [], [], [], []
    for ex, f in zip(exs, first):
        t_off.append(len(trig_spans)); m_off.append(len(ment_spans))
        trig_spans += [(f + si, a, b) for si, a, b, _ in ex["triggers"]]
        ment_spans += [(f + si, a, b) for si, a, b, _ in ex["mentions"]]
    t_repr, m_repr = spans_mean(h, trig_spans), spans_mean(h, ment_spans)
    out["status"] = model.status(t_repr) if t_repr is not None else None
    roles = [(t_off[k] + p[0], m_off[k] + p[1], p[2], ex["mentions"][p[1]][3]) for k, ex in enumerate(exs) for p in ex["roles"]]
    if roles:
        ti, mi, di, li = (torch.tensor(c) for c in zip(*roles))
        out["roles"] = model.roles(t_repr[ti], m_repr[mi], di, li)
    ante = [(m_off[k] + p[0], m_off[k] + p[1], p[2], ex["mentions"][p[1]][3]) for k, ex in enumerate(exs) for p in ex["ante"]]
    if ante:
        ri, ci, di, li = (torch.tensor(c) for c in zip(*ante))
        out["ante"] = model.antecedents(m_repr[ri], m_repr[ci], di, li)
    return out


def padded_targets(exs, key, wmax):
    rows = [t for ex in exs for t in ex[key]]
    y = torch.full((len(rows), wmax), -100, dtype=torch.long)
    for i, t in enumerate(rows):
        y[i, :len(t)] = t
    return y


TRIGGER_WEIGHT = torch.tensor([1.0] + [3.0] * (len(TRIGGER_TAGS) - 1))
REF_WEIGHT = torch.tensor([1.0, 3.0, 3.0])


def loss_batch(model, exs):
    out = forward_batch(model, exs)
    wmax = out["trig"].shape[1]
    ce = nn.functional.cross_entropy
    loss = ce(out["trig"].reshape(-1, len(TRIGGER_TAGS)), padded_targets(exs, "trig", wmax).reshape(-1), weight=TRIGGER_WEIGHT, reduction="sum", ignore_index=-100)
    loss = loss + 0.5 * ce(out["ref"].reshape(-1, len(REF_TAGS)), padded_targets(exs, "ref", wmax).reshape(-1), weight=REF_WEIGHT, reduction="sum", ignore_index=-100)
    if out["status"] is not None:
        loss = loss + ce(out["status"], torch.tensor([t[3] for ex in exs for t in ex["triggers"]]), reduction="sum")
    if "roles" in out:
        loss = loss + nn.functional.binary_cross_entropy_with_logits(
            out["roles"], torch.tensor([p[3] for ex in exs for p in ex["roles"]]), reduction="sum")
    if "ante" in out:
        loss = loss + nn.functional.binary_cross_entropy_with_logits(
            out["ante"], torch.tensor([p[3] for ex in exs for p in ex["ante"]]), reduction="sum")
    return loss


def bio_spans(tags, names):
    spans, cur = set(), None
    for i, t in enumerate(list(tags) + [0]):
        n = names[t]
        if cur and not (n.startswith("I-") and n[2:] == cur[2]):
            spans.add((cur[0], i, cur[2])); cur = None
        if n.startswith("B-") or (n.startswith("I-") and cur is None):
            cur = (i, None, n[2:])
    return spans


@torch.no_grad()
def evaluate(model, dev):
    model.eval()
    tp = fp = fn = 0; st_ok = st_n = 0; r_tp = r_fp = r_fn = 0; a_ok = a_n = 0; rf_tp = rf_fp = rf_fn = 0
    for ex in dev:
        out = forward_batch(model, [ex])
        for si, (o, t) in enumerate(zip(out["trig"], ex["trig"])):
            o = o[:len(t)]
            p, g = bio_spans(o.argmax(-1).tolist(), TRIGGER_TAGS), bio_spans(t.tolist(), TRIGGER_TAGS)
            tp += len(p & g); fp += len(p - g); fn += len(g - p)
        for o, t in zip(out["ref"], ex["ref"]):
            o = o[:len(t)]
            p, g = bio_spans(o.argmax(-1).tolist(), REF_TAGS), bio_spans(t.tolist(), REF_TAGS)
            rf_tp += len(p & g); rf_fp += len(p - g); rf_fn += len(g - p)
        if out["status"] is not None:
            for o, (_, _, _, s) in zip(out["status"], ex["triggers"]):
                allowed = [0, 1, 2] if s < 3 else [3, 4, 5]
                st_ok += int(allowed[int(o[allowed].argmax())] == s); st_n += 1
        if "roles" in out:
            pred = (out["roles"] > 0).float(); gold = torch.tensor([p[3] for p in ex["roles"]])
            r_tp += float((pred * gold).sum()); r_fp += float((pred * (1 - gold)).sum()); r_fn += float(((1 - pred) * gold).sum())
        if "ante" in out:
            by_ref = {}
            for (ri, ci, _, y), s in zip(ex["ante"], out["ante"].tolist()):
                by_ref.setdefault(ri, []).append((s, y))
            for cands in by_ref.values():
                if any(y for _, y in cands):
                    a_n += 1; a_ok += int(max(cands)[1] == 1.0)
    f = lambda tp, fp, fn: 2 * tp / max(1e-9, 2 * tp + fp + fn)
    model.train()
    return {"trigger_f1": f(tp, fp, fn), "status_acc": st_ok / max(1, st_n), "role_f1": f(r_tp, r_fp, r_fn),
            "ref_f1": f(rf_tp, rf_fp, rf_fn), "antecedent_acc": a_ok / max(1, a_n)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", required=True)
    ap.add_argument("--model", default=os.path.join(ROOT, "models/ner"))
    ap.add_argument("--out", default=os.path.join(ROOT, "models/events"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--cache", default=os.path.join(ROOT, "training/data/events_features.pt"))
    ap.add_argument("--all", action="store_true", help="train on every article (no held-out tenth)")
    args = ap.parse_args()
    torch.manual_seed(7); random.seed(7)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    docs = [json.loads(l) for p in args.data for l in open(p, encoding="utf-8") if l.strip()]
    tok = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tok.no_padding(); tok.no_truncation()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    cache = torch.load(args.cache, weights_only=False) if os.path.exists(args.cache) else {}
    tagger = None
    examples, t0 = [], time.time()
    for d in docs:
        key = hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()
        if key not in cache:
            tagger = tagger or load_encoder(args.model)
            cache[key] = build(d, tok, tagger, cls, sep)
        examples.append(cache[key])
    os.makedirs(os.path.dirname(args.cache), exist_ok=True)
    torch.save({k: v for k, v in cache.items() if any(v is e for e in examples)}, args.cache)
    print(f"{len(examples)} articles featurised in {time.time() - t0:.0f} s", flush=True)
    is_dev = lambda ex: int(hashlib.sha256(ex["id"].encode()).hexdigest(), 16) % 10 == 0
    dev = [e for e in examples if is_dev(e)]
    train = examples if args.all else [e for e in examples if not is_dev(e)]
    model = EventHeads()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.01)
    total = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=max(1, total), pct_start=0.1)
    best, best_state = -1, None
    for epoch in range(args.epochs):
        random.shuffle(train)
        t0, running = time.time(), 0.0
        for b in range(0, len(train), args.batch):
            opt.zero_grad()
            loss = loss_batch(model, train[b:b + args.batch]) / args.batch
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step(); sched.step()
            running += float(loss.detach())
        scores = evaluate(model, dev)
        score = scores["trigger_f1"] + scores["role_f1"] + scores["status_acc"] + scores["antecedent_acc"]
        print(f"epoch {epoch + 1}: loss {running / max(1, len(train) / args.batch):.2f} dev {json.dumps({k: round(v, 3) for k, v in scores.items()})} ({time.time() - t0:.0f} s)", flush=True)
        if score > best or args.all:
            best, best_scores = score, scores
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    os.makedirs(args.out, exist_ok=True)
    tensors = {k: v.to(torch.float16).contiguous() for k, v in best_state.items()}
    save_file(tensors, os.path.join(args.out, "heads.safetensors.tmp"), metadata={"format": "pt"})
    os.replace(os.path.join(args.out, "heads.safetensors.tmp"), os.path.join(args.out, "heads.safetensors"))
    config = {"name": "attache-events-heads", "encoder": "models/ner", "in_dim": IN_DIM, "dim": DIM, "pair": PAIR,
              "dilations": DILATIONS, "dist_dim": DIST_DIM, "label_dim": LABEL_DIM, "kinds": KINDS,
              "trigger_tags": TRIGGER_TAGS, "ref_tags": REF_TAGS, "statuses": STATUSES, "roles": ROLES,
              "mention_labels": MENTION_LABELS, "word_buckets": WORD_BUCKETS,
              "antecedent_sentences": ANTECEDENT_SENTENCES,
              "articles": len(examples), "dev_articles": len(dev), "dev_scores": {k: round(v, 4) for k, v in best_scores.items()}}
    json.dump(config, open(os.path.join(args.out, "events.json"), "w"), indent=1)
    # Parity fixture: what the exported (fp16) heads give on a sentence, for the Rust test.
    model.load_state_dict({k: v.float() for k, v in tensors.items()})
    model.eval()
    tagger = tagger or load_encoder(args.model)
    tagger.eval()
    with torch.no_grad():
        feats = word_features(tagger, [encode_sentence(tok, PARITY_SENTENCE)], cls, sep)[0]
        h, _ = batch_words(model, [{"feats": [feats]}])
        parity = {"sentence": PARITY_SENTENCE, "words": int(h.shape[1]),
                  "trigger_logits": [round(float(v), 4) for v in model.trigger(h[0]).flatten()],
                  "ref_logits": [round(float(v), 4) for v in model.ref(h[0]).flatten()]}
    json.dump(parity, open(os.path.join(args.out, "parity.json"), "w"))
    print("wrote", args.out, json.dumps(config["dev_scores"]))


if __name__ == "__main__":
    main()
