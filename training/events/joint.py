#!/usr/bin/env python3
"""Fine-tune the shipped encoder jointly on entities and events (one forward pass per batch).

    python training/events/joint.py --data training/data/events.jsonl \
        --replay training/data/synth.jsonl [training/data/silver.jsonl] --out /tmp/joint

Starts from models/ner (tagger) and models/events (heads). Loss per batch of articles: the
event losses of train_events.loss_batch on features computed live through the encoder (same
windows: 128 pieces, stride 96), plus entity tag cross-entropy on the articles' entity labels
and on a batch of replay NER sentences (a few thousand sampled per epoch) so the tagger does
not forget; with --teacher, a KL term to a frozen tagger's tags on sentence windows of the
articles (and --anchor folders) anchors the entity classifier instead (training/student.sh
uses it to train the 4-layer student with the 6-layer model as teacher). Same held-out tenth
(id hash) and dev score as train_events.py; the best epoch is exported to OUT/ner (models/ner format) and OUT/events (models/events format).
"""
import argparse, hashlib, json, os, random, shutil, sys, time

import torch
from torch import nn
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import train_events as te  # noqa: E402
from heads import EventHeads  # noqa: E402
from features import LABELS, featurise  # noqa: E402
import distill  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))


def live_batch(tagger, exs, cls, sep):
    """Fill ex["feats"] with live (grad) features; return NER logits and gold word tags."""
    sents = [s for ex in exs for s in ex["sents"]]
    feats = te.word_features_live(tagger, sents, cls, sep)
    k = 0
    for ex in exs:
        n = len(ex["sents"])
        ex["feats"] = feats[k:k + n]
        k += n
    x = torch.cat([f for f in feats if len(f)])
    y = torch.cat([t for ex in exs for t, f in zip(ex["ner"], ex["feats"]) if len(f)])
    return tagger.classifier(tagger.dropout(x)), y


def replay_loss(tagger, enc, idx):
    width = max(len(enc[j][0]) for j in idx)
    ids = torch.zeros((len(idx), width), dtype=torch.long)
    shapes, mask = torch.zeros_like(ids), torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for r, j in enumerate(idx):
        a, s, l = enc[j]
        ids[r, :len(a)] = torch.tensor(a); shapes[r, :len(a)] = torch.tensor(s)
        mask[r, :len(a)] = 1; labels[r, :len(a)] = torch.tensor(l)
    logits = tagger(ids, mask, shapes)
    return nn.functional.cross_entropy(logits.reshape(-1, len(LABELS)), labels.reshape(-1), ignore_index=-100)


def anchor_loss(tagger, teacher, items, idx, cls, sep):
    """KL from the frozen teacher's tag distribution to the tagger's on sentence windows: keeps
    the entity tags where the teacher had them while the encoder learns events."""
    ids, shapes, mask, _ = distill.batch_tensors([items[j] for j in idx], cls, sep)
    with torch.no_grad():
        _, target = teacher.encode(ids, mask, shapes)
    _, logits = tagger.encode(ids, mask, shapes)
    real = mask.bool()
    return nn.functional.kl_div(logits.log_softmax(-1)[real], target.log_softmax(-1)[real], log_target=True, reduction="batchmean")


def export(tagger, heads, out, model_dir, events_dir, tok, cls, sep, meta):
    ner_dir, ev_dir = os.path.join(out, "ner"), os.path.join(out, "events")
    os.makedirs(ner_dir, exist_ok=True); os.makedirs(ev_dir, exist_ok=True)
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in tagger.export_state().items() if "position_ids" not in k}
    save_file(state, os.path.join(ner_dir, "model.safetensors"), metadata={"format": "pt"})
    for f in ("config.json", "tokenizer.json", "labels.json"):
        shutil.copy(os.path.join(model_dir, f), os.path.join(ner_dir, f))
    # reload exactly what was written (fp16) for both parity fixtures
    tag16 = te.load_encoder(ner_dir)
    import bench_torch
    bench_torch.parity(tag16, tok, os.path.join(ner_dir, "parity.json"), cls, sep)
    hstate = {k: v.detach().to(torch.float16).contiguous() for k, v in heads.state_dict().items()}
    save_file(hstate, os.path.join(ev_dir, "heads.safetensors"), metadata={"format": "pt"})
    cfg = json.load(open(os.path.join(events_dir, "events.json")))
    cfg.update(meta)
    # the encoder these heads read: attache refuses heads paired with another model
    with open(os.path.join(ner_dir, "model.safetensors"), "rb") as f:
        cfg["encoder_sha256"] = hashlib.sha256(f.read()).hexdigest()
    json.dump(cfg, open(os.path.join(ev_dir, "events.json"), "w"), indent=1)
    h16 = EventHeads(); h16.load_state_dict({k: v.float() for k, v in hstate.items()}); h16.eval()
    with torch.no_grad():
        feats = te.word_features(tag16, [te.encode_sentence(tok, te.PARITY_SENTENCE)], cls, sep)[0]
        h, _ = te.batch_words(h16, [{"feats": [feats]}])
        parity = {"sentence": te.PARITY_SENTENCE, "words": int(h.shape[1]),
                  "trigger_logits": [round(float(v), 4) for v in h16.trigger(h[0]).flatten()],
                  "ref_logits": [round(float(v), 4) for v in h16.ref(h[0]).flatten()]}
    json.dump(parity, open(os.path.join(ev_dir, "parity.json"), "w"))


@torch.no_grad()
def evaluate(tagger, heads, dev, cls, sep):
    tagger.eval()
    for ex in dev:
        ex["feats"] = te.word_features(tagger, ex["sents"], cls, sep)
    scores = te.evaluate(heads, dev)
    tagger.train()
    return scores


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", default=[os.path.join(ROOT, "training/data/events.jsonl")])
    ap.add_argument("--replay", nargs="*", default=[os.path.join(ROOT, "training/data/synth.jsonl")])
    ap.add_argument("--model", default=os.path.join(ROOT, "models/ner"))
    ap.add_argument("--events", default=os.path.join(ROOT, "models/events"))
    ap.add_argument("--out", default="/tmp/joint")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=8, help="articles per step")
    ap.add_argument("--replay-per-epoch", type=int, default=3000)
    ap.add_argument("--enc-lr", type=float, default=2e-5)
    ap.add_argument("--head-lr", type=float, default=5e-4)
    ap.add_argument("--ner-weight", type=float, default=1.0)
    ap.add_argument("--max-steps", type=int, default=0, help="stop each epoch after this many steps (timing)")
    ap.add_argument("--dev-limit", type=int, default=0, help="score only this many dev articles (smoke tests)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--teacher", help="frozen tagger (models/ner format) whose tags anchor the entity classifier")
    ap.add_argument("--anchor", nargs="*", default=[], help="folders of .txt articles for the teacher anchor "
                    "(the written articles' sentences are always used)")
    ap.add_argument("--anchor-per-step", type=int, default=32)
    ap.add_argument("--anchor-weight", type=float, default=1.0)
    args = ap.parse_args()
    torch.manual_seed(7); random.seed(7)
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(args.threads)
    tok = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tok.no_padding(); tok.no_truncation()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    docs = [json.loads(l) for p in args.data for l in open(p, encoding="utf-8") if l.strip()]
    t0 = time.time()
    examples = [te.build(d, tok, None, cls, sep) for d in docs]
    is_dev = lambda ex: int(hashlib.sha256(ex["id"].encode()).hexdigest(), 16) % 10 == 0
    dev = [e for e in examples if is_dev(e)]
    train = [e for e in examples if not is_dev(e)]
    replay = [json.loads(l) for p in args.replay for l in open(p, encoding="utf-8") if l.strip()]
    print(f"{len(train)} train / {len(dev)} dev articles, {len(replay)} replay sentences ({time.time() - t0:.0f} s)", flush=True)
    tagger = te.load_encoder(args.model); tagger.train()
    teacher, anchor = None, []
    if args.teacher:
        teacher = te.load_encoder(args.teacher); teacher.eval()
        for d in docs:
            anchor += distill.article_items(tok, d["text"])
        for folder in args.anchor:
            anchor += distill.folder_items(tok, folder)
        print(f"{len(anchor)} anchor windows for the teacher {args.teacher}", flush=True)
    heads = EventHeads()
    heads.load_state_dict({k: v.float() for k, v in load_file(os.path.join(args.events, "heads.safetensors")).items()})
    heads.train()
    enc_params = list(tagger.bert.parameters()) + list(tagger.case_in.parameters())
    top_params = list(tagger.case_out.parameters()) + list(tagger.classifier.parameters())
    opt = torch.optim.AdamW([{"params": enc_params, "lr": args.enc_lr},
                             {"params": top_params, "lr": args.head_lr / 5},
                             {"params": list(heads.parameters()), "lr": args.head_lr}], weight_decay=0.01)
    steps_per_epoch = (len(train) + args.batch - 1) // args.batch
    per_step = max(1, args.replay_per_epoch // steps_per_epoch)
    if args.max_steps:
        steps_per_epoch = min(steps_per_epoch, args.max_steps)
    total = args.epochs * steps_per_epoch
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)) if s >= warm else (s + 1) / warm)
    rng = random.Random(7)
    base = evaluate(tagger, heads, dev[:args.dev_limit] if args.dev_limit else dev, cls, sep)
    print("start dev", json.dumps({k: round(v, 4) for k, v in base.items()}), flush=True)
    best, best_scores = base["trigger_f1"] + base["role_f1"] + base["status_acc"] + base["antecedent_acc"], base
    best_state = None
    for epoch in range(args.epochs):
        rng.shuffle(train)
        sample = rng.sample(replay, min(len(replay), per_step * steps_per_epoch))
        renc = []
        for it in sample:
            ids, shapes, labels, _, _ = featurise(tok, it["text"], it["entities"], True)
            renc.append((ids, shapes, labels))
        t_ep, run_ev, run_ner, run_rep, run_anc = time.time(), 0.0, 0.0, 0.0, 0.0
        for step in range(steps_per_epoch):
            ts = time.time()
            exs = train[step * args.batch:(step + 1) * args.batch]
            opt.zero_grad()
            logits, y = live_batch(tagger, exs, cls, sep)
            ev = te.loss_batch(heads, exs) / len(exs)
            ner = nn.functional.cross_entropy(logits, y)
            rep = replay_loss(tagger, renc, list(range(step * per_step, (step + 1) * per_step))) if renc else torch.zeros(())
            loss = ev + args.ner_weight * (ner + rep)
            if teacher is not None:
                anc = anchor_loss(tagger, teacher, anchor, rng.sample(range(len(anchor)), args.anchor_per_step), cls, sep)
                loss = loss + args.anchor_weight * anc
                run_anc += float(anc.detach())
            loss.backward()
            nn.utils.clip_grad_norm_(list(tagger.parameters()) + list(heads.parameters()), 5.0)
            opt.step(); sched.step()
            for ex in exs:
                ex["feats"] = None
            run_ev += float(ev.detach()); run_ner += float(ner.detach()); run_rep += float(rep.detach())
            if step < 3 or (step + 1) % 10 == 0:
                n = step + 1
                print(f"epoch {epoch + 1} step {n}/{steps_per_epoch}: ev {run_ev / n:.3f} ner {run_ner / n:.3f} replay {run_rep / n:.3f} anchor {run_anc / n:.3f} ({time.time() - ts:.1f} s/step, {time.time() - t_ep:.0f} s)", flush=True)
        scores = evaluate(tagger, heads, dev[:args.dev_limit] if args.dev_limit else dev, cls, sep)
        score = scores["trigger_f1"] + scores["role_f1"] + scores["status_acc"] + scores["antecedent_acc"]
        print(f"epoch {epoch + 1}: dev {json.dumps({k: round(v, 4) for k, v in scores.items()})} ({time.time() - t_ep:.0f} s)", flush=True)
        torch.save({"tagger": tagger.state_dict(), "heads": heads.state_dict(), "epoch": epoch + 1, "scores": scores},
                   os.path.join(args.out, f"epoch{epoch + 1}.pt"))
        if score > best:
            best, best_scores = score, scores
            best_state = (epoch + 1, {k: v.detach().clone() for k, v in tagger.state_dict().items()},
                          {k: v.detach().clone() for k, v in heads.state_dict().items()})
    if best_state is None:
        print("no epoch beat the shipped heads on dev; exporting the last epoch anyway for evaluation", flush=True)
        best_state = (args.epochs, tagger.state_dict(), heads.state_dict()); best_scores = scores
    tagger.load_state_dict(best_state[1]); heads.load_state_dict(best_state[2])
    meta = {"encoder": "models/ner (fine-tuned jointly, training/events/joint.py)", "joint_epoch": best_state[0],
            "dev_scores": {k: round(v, 4) for k, v in best_scores.items()}}
    export(tagger, heads, args.out, args.model, args.events, tok, cls, sep, meta)
    print("wrote", args.out, json.dumps(meta), flush=True)


if __name__ == "__main__":
    main()
