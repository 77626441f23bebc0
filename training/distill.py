#!/usr/bin/env python3
"""Distil a shallower tagger from the shipped one (issue 10: fewer FLOPs per word).

    python training/distill.py --layers 0,2,4,5 --out /tmp/student

The student keeps the teacher's width, embeddings, case embeddings and classifier, and starts
from a subset of its layers (--layers, teacher indices). It learns to reproduce, per word piece,
the teacher's last hidden state (what the event heads read, so models/events keeps working on
it) and the teacher's tag distribution, with a little gold cross-entropy where a text has entity
labels. Windows are single sentences, as src/ner cuts them (at most 126 pieces).

Texts (nothing here is committed): the written training articles (training/data/events.jsonl),
generated sentences (training/data/synth.jsonl) and, with --extra, any folders of .txt articles
(for example the open part of eval/real/texts; never the locked part). The teacher's outputs are
computed once, kept in memory as fp16, and reused every epoch. The best epoch on a held-out
twentieth (by hash) is exported to OUT in the models/ner format (fp16), with its parity fixture.
"""
import argparse, hashlib, json, os, random, shutil, sys, time

import torch
from torch import nn
from safetensors.torch import save_file

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "events"))
import train_events as te  # noqa: E402
from features import LABELS, featurise, load_tokenizer  # noqa: E402
from model import Tagger  # noqa: E402

WIDTH = 126  # pieces of one window without [CLS]/[SEP], as src/ner cuts them


def article_items(tok, text):
    """(ids, shapes, labels=None) per sentence window of one article, teacher-only targets."""
    items = []
    for s, e in te.sentences(text):
        ids, shapes, _, _ = te.encode_sentence(tok, text[s:e])
        for a in range(0, max(1, len(ids)), 96):
            if ids[a:a + WIDTH]:
                items.append((ids[a:a + WIDTH], shapes[a:a + WIDTH], None))
            if a + WIDTH >= len(ids):
                break
    return items


def folder_items(tok, folder):
    """article_items of every .txt article in `folder`, in name order."""
    items = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            items += article_items(tok, open(os.path.join(folder, name), encoding="utf-8").read())
    return items


def synth_item(tok, it):
    ids, shapes, labels, _, _ = featurise(tok, it["text"], it["entities"], True)
    # featurise adds [CLS]/[SEP]; the items hold the inner pieces
    return ids[1:-1][:WIDTH], shapes[1:-1][:WIDTH], labels[1:-1][:WIDTH]


def batch_tensors(items, cls, sep):
    width = max(len(i[0]) for i in items) + 2
    ids = torch.zeros(len(items), width, dtype=torch.long)
    shapes, mask = torch.zeros_like(ids), torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for r, (a, s, l) in enumerate(items):
        n = len(a)
        ids[r, 0], ids[r, 1:n + 1], ids[r, n + 1] = cls, torch.tensor(a), sep
        shapes[r, 1:n + 1] = torch.tensor(s)
        mask[r, :n + 2] = 1
        if l is not None:
            labels[r, 1:n + 1] = torch.tensor(l)
    return ids, shapes, mask, labels


def batches(order, items, tokens):
    """Groups of similar length (order is sorted by length) of at most `tokens` positions."""
    out, cur, longest = [], [], 0
    for j in order:
        n = len(items[j][0]) + 2
        if cur and max(longest, n) * (len(cur) + 1) > tokens:
            out.append(cur); cur, longest = [], 0
        cur.append(j); longest = max(longest, n)
    if cur:
        out.append(cur)
    return out


def make_student(teacher, layers):
    config = teacher.bert.config.to_dict()
    config["num_hidden_layers"] = len(layers)
    from transformers import BertConfig
    student = Tagger(BertConfig.from_dict(config))
    state = teacher.state_dict()
    new = {}
    for k, v in state.items():
        if k.startswith("bert.encoder.layer."):
            idx = int(k.split(".")[3])
            if idx in layers:
                rest = k.split(".", 4)[4]
                new[f"bert.encoder.layer.{layers.index(idx)}.{rest}"] = v.clone()
        else:
            new[k] = v.clone()
    missing, unexpected = student.load_state_dict(new, strict=False)
    assert not unexpected and not [m for m in missing if "position_ids" not in m], (missing, unexpected)
    return student


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--teacher", default=os.path.join(ROOT, "models/l6/ner"))
    ap.add_argument("--layers", default="0,2,4,5", help="teacher layers the student starts from")
    ap.add_argument("--articles", default=os.path.join(ROOT, "training/data/events.jsonl"))
    ap.add_argument("--synth", default=os.path.join(ROOT, "training/data/synth.jsonl"))
    ap.add_argument("--synth-n", type=int, default=15000)
    ap.add_argument("--max-articles", type=int, default=0, help="read only this many articles (smoke tests)")
    ap.add_argument("--extra", nargs="*", default=[], help="folders of .txt articles (teacher targets only)")
    ap.add_argument("--init", help="start from this student state (a last.pt of an earlier run) instead of the teacher's layers")
    ap.add_argument("--out", default="/tmp/student")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--gold-weight", type=float, default=0.3)
    ap.add_argument("--hidden-weight", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=0, help="stop training after this many minutes (then export)")
    ap.add_argument("--stop-step", type=int, default=0, help="stop after this many steps in all (a --minutes run, replayed exactly)")
    args = ap.parse_args()
    torch.manual_seed(7)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    tok = load_tokenizer(os.path.join(args.teacher, "tokenizer.json"))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")

    items = []
    for k, line in enumerate(open(args.articles, encoding="utf-8")):
        if args.max_articles and k >= args.max_articles:
            break
        if line.strip():
            items += article_items(tok, json.loads(line)["text"])
    for folder in args.extra:
        items += folder_items(tok, folder)
    synth = [json.loads(l) for l in open(args.synth, encoding="utf-8") if l.strip()]
    random.Random(7).shuffle(synth)
    items += [synth_item(tok, it) for it in synth[:args.synth_n]]
    items = [it for it in items if it[0]]
    held = lambda j: int(hashlib.sha256(str(items[j][0][:12]).encode()).hexdigest(), 16) % 20 == 0
    dev = [j for j in range(len(items)) if held(j)]
    train = [j for j in range(len(items)) if not held(j)]
    pieces = sum(len(i[0]) for i in items)
    print(f"{len(items)} windows, {pieces} pieces ({len(train)} train / {len(dev)} dev), {time.time() - t0:.0f} s", flush=True)

    teacher = te.load_encoder(args.teacher)
    teacher.eval()
    targets = [None] * len(items)
    order = sorted(range(len(items)), key=lambda j: len(items[j][0]))
    with torch.inference_mode():
        for group in batches(order, items, 8192):
            ids, shapes, mask, _ = batch_tensors([items[j] for j in group], cls, sep)
            hidden, logits = teacher.encode(ids, mask, shapes)
            for r, j in enumerate(group):
                n = len(items[j][0]) + 2
                targets[j] = (hidden[r, :n].to(torch.float16).clone(), logits[r, :n].to(torch.float16).clone())
    print(f"teacher targets in {time.time() - t0:.0f} s", flush=True)

    student = make_student(teacher, [int(x) for x in args.layers.split(",")])
    if args.init:
        student.load_state_dict(torch.load(args.init))
    del teacher
    opt = torch.optim.AdamW(student.parameters(), lr=args.lr, weight_decay=0.01)
    rng = random.Random(7)
    train_sorted = sorted(train, key=lambda j: len(items[j][0]))
    groups = batches(train_sorted, items, args.batch_tokens)
    total = args.epochs * len(groups)
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: (s + 1) / warm if s < warm else max(0.02, (total - s) / (total - warm)))

    def loss_of(group):
        ids, shapes, mask, labels = batch_tensors([items[j] for j in group], cls, sep)
        hidden, logits = student.encode(ids, mask, shapes)
        th = torch.zeros_like(hidden); tl = torch.zeros_like(logits)
        for r, j in enumerate(group):
            n = len(items[j][0]) + 2
            th[r, :n] = targets[j][0].float(); tl[r, :n] = targets[j][1].float()
        real = mask.bool()
        mse = ((hidden - th) ** 2).mean(-1)[real].mean()
        kl = nn.functional.kl_div(logits.log_softmax(-1)[real], tl.log_softmax(-1)[real], log_target=True, reduction="batchmean")
        gold = nn.functional.cross_entropy(logits.reshape(-1, len(LABELS)), labels.reshape(-1), ignore_index=-100) \
            if (labels != -100).any() else torch.zeros(())
        agree = (logits.argmax(-1)[real] == tl.argmax(-1)[real]).float().mean()
        return args.hidden_weight * mse + kl + args.gold_weight * gold, mse, kl, agree

    @torch.no_grad()
    def evaluate():
        student.eval()
        sums, n = [0.0, 0.0, 0.0], 0
        for group in batches(sorted(dev, key=lambda j: len(items[j][0])), items, 8192):
            _, mse, kl, agree = loss_of(group)
            k = len(group)
            sums[0] += float(mse) * k; sums[1] += float(kl) * k; sums[2] += float(agree) * k; n += k
        student.train()
        return {"mse": sums[0] / n, "kl": sums[1] / n, "tag_agreement": sums[2] / n}

    base = evaluate()
    print("start dev", json.dumps({k: round(v, 5) for k, v in base.items()}), flush=True)
    best, best_state, best_scores, best_epoch = None, None, None, 0
    student.train()
    out_of_time = False
    for epoch in range(args.epochs):
        rng.shuffle(groups)
        te_ = time.time(); run = [0.0, 0.0, 0.0]
        for step, group in enumerate(groups):
            opt.zero_grad()
            loss, mse, kl, _ = loss_of(group)
            loss.backward()
            nn.utils.clip_grad_norm_(student.parameters(), 2.0)
            opt.step(); sched.step()
            run[0] += float(loss.detach()); run[1] += float(mse.detach()); run[2] += float(kl.detach())
            if (step + 1) % 200 == 0:
                n = step + 1
                print(f"epoch {epoch + 1} step {n}/{len(groups)}: loss {run[0] / n:.4f} mse {run[1] / n:.4f} kl {run[2] / n:.4f} ({time.time() - te_:.0f} s)", flush=True)
            done = epoch * len(groups) + step + 1
            if (args.minutes and time.time() - t0 > args.minutes * 60) or (args.stop_step and done >= args.stop_step):
                print(f"stopping after {done} steps in all", flush=True)
                out_of_time = True
                break
        scores = evaluate()
        print(f"epoch {epoch + 1}: dev {json.dumps({k: round(v, 5) for k, v in scores.items()})} ({time.time() - te_:.0f} s)", flush=True)
        if best is None or scores["kl"] + scores["mse"] < best:
            best, best_scores, best_epoch = scores["kl"] + scores["mse"], scores, epoch + 1
            best_state = {k: v.detach().clone() for k, v in student.state_dict().items()}
        torch.save(student.state_dict(), os.path.join(args.out, "last.pt"))
        if out_of_time:
            print("time budget reached", flush=True)
            break
    student.load_state_dict(best_state)
    student.eval()
    export(student, args, tok, cls, sep, {"layers": args.layers, "epoch": best_epoch, "dev": best_scores})


def export(student, args, tok, cls, sep, meta):
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in student.export_state().items() if "position_ids" not in k}
    save_file(state, os.path.join(args.out, "model.safetensors"), metadata={"format": "pt"})
    config = json.load(open(os.path.join(args.teacher, "config.json")))
    config["num_hidden_layers"] = len(args.layers.split(","))
    json.dump(config, open(os.path.join(args.out, "config.json"), "w"), indent=2)
    shutil.copy(os.path.join(args.teacher, "tokenizer.json"), os.path.join(args.out, "tokenizer.json"))
    labels = json.load(open(os.path.join(args.teacher, "labels.json")))
    labels["name"] = f"attache-ner-minilm-l{config['num_hidden_layers']}"  # run.json names the model by it
    json.dump(labels, open(os.path.join(args.out, "labels.json"), "w"), indent=1)
    json.dump(meta, open(os.path.join(args.out, "distill.json"), "w"), indent=1)
    import bench_torch
    bench_torch.parity(te.load_encoder(args.out), tok, os.path.join(args.out, "parity.json"), cls, sep)
    print("wrote", args.out, json.dumps(meta), flush=True)


if __name__ == "__main__":
    main()
