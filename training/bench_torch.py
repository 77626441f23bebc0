"""The Python side of `attache bench-ner`: the shipped weights run by transformers/torch eager.

Gets the sentences from the Rust benchmark and cuts and batches them exactly as the Rust NER
stage does (windows of --max-len pieces every --stride pieces, longest first, --batch-tokens
per batch), then tags words by argmax. Prints one JSON line with the median time.

    python training/bench_torch.py --model models/ner --sentences s.json --repeat 5

With --parity OUT it instead writes, for a few fixed sentences, the word-piece ids and label
probabilities, which tests/ner_parity.rs compares with the Rust network.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
from safetensors.torch import load_file
from transformers import BertConfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import load_tokenizer, word_shape  # noqa: E402
from model import Tagger  # noqa: E402

PARITY_SENTENCES = [
    "Chinese Defense Minister Dong Jun met his Vietnamese counterpart Phan Van Giang in Beijing on August 20, 2024.",
    "HANOI, Dec. 19 (Reuters) - General Secretary To Lam received Kassym-Jomart Tokayev on Thursday.",
    "the dprk and rok held talks in late May at the U.S. State Department’s request.",
]


def load_model(model_dir):
    config = BertConfig.from_pretrained(model_dir)
    model = Tagger(config)
    state = {k: v.float() for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()}
    renamed = {(k if k.startswith(("case_", "classifier")) else "bert." + k): v for k, v in state.items()}
    model.load_state_dict(renamed)
    model.eval()
    return model


def encode(tok, sentence):
    enc = tok.encode(sentence, add_special_tokens=False)
    spans = {}
    for (s, e), w in zip(enc.offsets, enc.word_ids):
        spans[w] = (min(spans.get(w, (s, e))[0], s), max(spans.get(w, (s, e))[1], e))
    shapes = [word_shape(sentence[spans[w][0]:spans[w][1]]) for w in enc.word_ids]
    firsts = [i for i, w in enumerate(enc.word_ids) if i == 0 or enc.word_ids[i - 1] != w]
    return enc.ids, shapes, firsts


def windows(n, width, stride):
    out, start = [], 0
    while n:
        end = min(start + width, n)
        out.append([start, end, start, end])
        if end == n:
            break
        start += stride
    for i in range(1, len(out)):
        middle = (out[i][0] + out[i - 1][1]) // 2
        out[i - 1][3] = middle
        out[i][2] = middle
    return out


def run(model, tok, sentences, args, cls, sep):
    encoded = [encode(tok, s) for s in sentences]
    items = []
    for si, (ids, shapes, _) in enumerate(encoded):
        for w in windows(len(ids), args.max_len - 2, args.stride):
            items.append((si, *w))
    items.sort(key=lambda w: -(w[2] - w[1]))
    labels = [[0] * len(ids) for ids, _, _ in encoded]
    at = 0
    with torch.inference_mode():
        while at < len(items):
            width = items[at][2] - items[at][1] + 2
            rows = max(1, min(args.batch_tokens // width, len(items) - at))
            group = items[at:at + rows]
            ids = torch.zeros((rows, width), dtype=torch.long)
            shapes = torch.zeros_like(ids)
            mask = torch.zeros_like(ids)
            for r, (si, s, e, _, _) in enumerate(group):
                n = e - s
                ids[r, 0] = cls
                ids[r, 1:n + 1] = torch.tensor(encoded[si][0][s:e])
                ids[r, n + 1] = sep
                shapes[r, 1:n + 1] = torch.tensor(encoded[si][1][s:e])
                mask[r, :n + 2] = 1
            pred = model(ids, mask, shapes).argmax(-1)
            for r, (si, s, e, own_s, own_e) in enumerate(group):
                labels[si][own_s:own_e] = pred[r, 1 + own_s - s:1 + own_e - s].tolist()
            at += rows
    entities = 0
    for (_, _, firsts), tags in zip(encoded, labels):
        entities += sum(1 for i in firsts if tags[i] % 2 == 1)  # B- tags are odd ids
    return entities


def parity(model, tok, out, cls, sep):
    cases = []
    with torch.inference_mode():
        for sentence in PARITY_SENTENCES:
            ids, shapes, _ = encode(tok, sentence)
            t = torch.tensor([[cls] + ids + [sep]])
            s = torch.tensor([[0] + shapes + [0]])
            probs = model(t, torch.ones_like(t), s).softmax(-1)[0, 1:-1]
            cases.append({"sentence": sentence, "ids": ids, "shapes": shapes,
                          "probs": [[round(x, 6) for x in row] for row in probs.tolist()]})
    json.dump(cases, open(out, "w"), indent=None)
    print(f"wrote {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--sentences")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--stride", type=int, default=96)
    ap.add_argument("--batch-tokens", type=int, default=4096)
    ap.add_argument("--parity")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.model)
    tok = load_tokenizer(os.path.join(args.model, "tokenizer.json"))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    if args.parity:
        parity(model, tok, args.parity, cls, sep)
        return
    sentences = json.load(open(args.sentences, encoding="utf-8"))
    run(model, tok, sentences, args, cls, sep)  # warm-up
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        entities = run(model, tok, sentences, args, cls, sep)
        times.append(time.perf_counter() - started)
    print(json.dumps({"seconds": statistics.median(times), "entities": entities,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
