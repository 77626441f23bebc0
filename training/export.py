"""Write a trained tagger as the shipped model folder (fp16 safetensors + configs).

    python training/export.py --weights training/runs/main/best.pt --out models/ner
"""
import argparse
import json
import os
import shutil
import sys

import torch
from safetensors.torch import save_file
from transformers import BertConfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from features import LABELS, MAX_LEN, SHAPES, encoder_dir  # noqa: E402
from model import SHAPE_DIM, Tagger  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--name", default="attache-ner-minilm-l6")
    args = ap.parse_args()

    config = BertConfig.from_pretrained(encoder_dir())
    model = Tagger(config)
    model.load_state_dict(torch.load(args.weights, weights_only=True))
    os.makedirs(args.out, exist_ok=True)
    tensors = {k: v.detach().to(torch.float16).contiguous() for k, v in model.export_state().items()}
    tmp = os.path.join(args.out, "model.safetensors.tmp")
    save_file(tensors, tmp, metadata={"format": "pt", "name": args.name})
    os.replace(tmp, os.path.join(args.out, "model.safetensors"))
    shutil.copy(os.path.join(encoder_dir(), "config.json"), os.path.join(args.out, "config.json"))
    tok = json.load(open(os.path.join(encoder_dir(), "tokenizer.json"), encoding="utf-8"))
    tok["padding"] = None
    tok["truncation"] = None
    json.dump(tok, open(os.path.join(args.out, "tokenizer.json"), "w", encoding="utf-8"), ensure_ascii=False)
    json.dump({"name": args.name, "labels": LABELS, "shapes": SHAPES, "shape_dim": SHAPE_DIM,
               "max_len": MAX_LEN},
              open(os.path.join(args.out, "labels.json"), "w"), indent=1)
    size = os.path.getsize(os.path.join(args.out, "model.safetensors")) / 2**20
    print(f"wrote {args.out} ({size:.1f} MB weights)")


if __name__ == "__main__":
    main()
