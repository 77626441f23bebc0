"""The ONNX Runtime side of `attache bench`: the encoder alone, fp32 and dynamic int8.

Reads the windows file that `attache bench` writes (--dump-windows keeps it): every window's
word-piece ids and case classes ([CLS] and [SEP] included), in the order the NER stage sorts
them, and the batches (ranges of windows) of two batchings, `padded` and `packed`. Each batch
is padded to its longest window (pad id 0, attention mask 0) and run by ONNX Runtime (one
inter-op thread, sequential execution, all graph optimisations) on two schedules: `together`,
one batch at a time with --threads intra-op threads, and `side-by-side`, one-thread runs of
--threads batches at once from a pool of Python threads (`run` releases the GIL); the time of one pass over all batches is the median of --repeat passes after
one warm-up pass, input arrays built beforehand.

Then it checks what ONNX Runtime computed against the hidden states `attache bench` wrote for
each of our backends: the largest |difference|, and how many word pieces get the same tag from
our tag head (models/ner: case_out + classifier, argmax), fp32 and int8 alike.

Prints progress on stderr and one JSON line on stdout (the last line), which attache reads.

    bench/ort/.venv/bin/python bench/ort/bench.py --windows FILE --onnx bench/ort/out --threads 2
"""
import argparse
import concurrent.futures
import json
import os
import statistics
import sys
import time

import numpy as np
import onnxruntime as ort
from safetensors.numpy import load_file

MODELS = [("fp32", "encoder.fused.onnx"), ("int8", "encoder.int8.onnx")]


def session(path, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def padded_batches(dump, ranges):
    """Input arrays of each batch, and each window's length."""
    out = []
    for start, end in ranges:
        ids = dump["ids"][start:end]
        width = max(len(w) for w in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        case_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, (w, s) in enumerate(zip(ids, dump["shapes"][start:end])):
            input_ids[row, : len(w)] = w
            case_ids[row, : len(s)] = s
            mask[row, : len(w)] = 1
        out.append({"input_ids": input_ids, "case_ids": case_ids, "attention_mask": mask})
    return out


def one_pass(sess, batches, keep=False, pool=None):
    """One pass over all batches: one after another, or (`pool`) side by side."""
    hidden = []
    if pool is None:
        results = (sess.run(["last_hidden_state"], feed) for feed in batches)
    else:
        results = pool.map(lambda feed: sess.run(["last_hidden_state"], feed), batches)
    for feed, (h,) in zip(batches, results):
        if keep:
            lengths = feed["attention_mask"].sum(axis=1)
            hidden.extend(h[row, :n] for row, n in enumerate(lengths))
    return np.concatenate(hidden) if keep else None


def tags(hidden, shapes, head):
    """Argmax of our tag head (src/ner/heads.rs) per position."""
    feats = np.concatenate([hidden, head["case_out.weight"][shapes]], axis=1)
    return np.argmax(feats @ head["classifier.weight"].T + head["classifier.bias"], axis=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", required=True)
    ap.add_argument("--onnx", default="bench/ort/out")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--model", help="model folder for the tag head (default: the one in the windows file)")
    args = ap.parse_args()
    dump = json.load(open(args.windows))
    hidden_dim = dump["hidden"]
    layouts = dict((name, ranges) for name, ranges in dump["layouts"])
    arrays = {name: padded_batches(dump, ranges) for name, ranges in layouts.items()}

    # Schedules: "together" (one batch at a time on --threads intra-op threads) and, with more
    # than one thread, "side-by-side" (one-thread runs of a second session, --threads at once).
    schedules = [("together", args.threads, None)]
    if args.threads > 1:
        schedules.append(("side-by-side", 1, concurrent.futures.ThreadPoolExecutor(args.threads)))
    timings, outputs = [], {}
    for precision, file in MODELS:
        for schedule, intra, pool in schedules:
            sess = session(os.path.join(args.onnx, file), intra)
            for layout, batches in arrays.items():
                kept = one_pass(sess, batches, keep=layout == "padded", pool=pool)
                if kept is not None and schedule == "together":
                    outputs[precision] = kept
                times = []
                for _ in range(max(1, args.repeat)):
                    started = time.perf_counter()
                    one_pass(sess, batches, pool=pool)
                    times.append(time.perf_counter() - started)
                computed = sum(b["input_ids"].size for b in batches)
                seconds = statistics.median(times)
                print(f"ort {precision} {layout} {schedule}: {seconds:.3f}s", file=sys.stderr)
                timings.append({"side": f"onnxruntime {precision}", "layout": layout, "schedule": schedule, "seconds": seconds, "computed": computed})

    # Agreement, over word pieces only ([CLS] / [SEP] are never tagged).
    shapes = np.concatenate([np.asarray(s, dtype=np.int64) for s in dump["shapes"]])
    pieces = np.concatenate([np.r_[False, np.ones(len(s) - 2, dtype=bool), False] for s in dump["shapes"]])
    model_dir = args.model or dump["model"]
    state = load_file(os.path.join(model_dir, "model.safetensors"))
    head = {k: state[k].astype(np.float32) for k in ("case_out.weight", "classifier.weight", "classifier.bias")}
    sides = {f"onnxruntime {p}": h for p, h in outputs.items()}
    for backend, path in dump["references"]:
        sides[f"attache {backend}"] = np.fromfile(path, dtype="<f4").reshape(-1, hidden_dim)
    decided = {name: tags(h, shapes, head)[pieces] for name, h in sides.items()}
    max_abs_diff, agreement = [], []
    fp32 = sides.get("onnxruntime fp32")
    for name, h in sides.items():
        if name.startswith("attache") and fp32 is not None:
            max_abs_diff.append([f"onnxruntime fp32 vs {name}", float(np.abs(fp32 - h).max())])
    names = list(sides)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if a.startswith("onnxruntime") or b.startswith("onnxruntime"):
                agreement.append([f"{a} vs {b}", float((decided[a] == decided[b]).mean())])
    print(json.dumps({
        "onnxruntime": ort.__version__,
        "threads": args.threads,
        "timings": timings,
        "max_abs_diff": max_abs_diff,
        "tag_agreement": agreement,
        "notes": [f"ONNX Runtime {ort.__version__}: fused fp32 graph ({MODELS[0][1]}), dynamic int8 ({MODELS[1][1]}: per-channel int8 weights, uint8 activations); {int(pieces.sum())} word pieces compared"],
    }))


if __name__ == "__main__":
    main()
