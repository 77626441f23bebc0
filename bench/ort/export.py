"""Exports the shipped encoder to ONNX for the ONNX Runtime side of `attache bench`.

Runs with torch (training/.venv): builds MiniLM-L6 (HF BertModel, eager attention so that ONNX
Runtime's BERT fusion recognises the attention subgraph) plus the case embedding added to the
word-piece embeddings, loads models/ner/model.safetensors (fp16, computed in fp32), and writes

    OUT/encoder.onnx   inputs  input_ids [batch, len] int64, case_ids [batch, len] int64,
                               attention_mask [batch, len] int64 (1 real, 0 padding)
                       output  last_hidden_state [batch, len, hidden] float32

The tag head (case_out + classifier) stays out of the graph, as it stays out of the Rust
encoder backends: the comparison is of the encoder alone. Before writing, the torch output on
the parity sentences of the model folder is checked against the tag probabilities in
parity.json (what tests/ner_parity.rs checks the Rust backends against).

    training/.venv/bin/python bench/ort/export.py --model models/ner --out bench/ort/out
"""
import argparse
import json
import os

import torch
from safetensors.torch import load_file
from torch import nn
from transformers import BertConfig, BertModel


class Encoder(nn.Module):
    def __init__(self, config, n_shapes):
        super().__init__()
        self.bert = BertModel(config, add_pooling_layer=False)
        self.case_in = nn.Embedding(n_shapes, config.hidden_size)

    def forward(self, input_ids, case_ids, attention_mask):
        emb = self.bert.embeddings.word_embeddings(input_ids) + self.case_in(case_ids)
        return self.bert(inputs_embeds=emb, attention_mask=attention_mask).last_hidden_state


def load(model_dir):
    config = BertConfig.from_pretrained(model_dir, attn_implementation="eager")
    config._attn_implementation = "eager"
    labels = json.load(open(os.path.join(model_dir, "labels.json")))
    state = {k: v.float() for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()}
    model = Encoder(config, len(labels["shapes"]))
    encoder_state = {("bert." + k if not k.startswith("case_in") else k): v for k, v in state.items() if not k.startswith(("case_out", "classifier"))}
    model.load_state_dict(encoder_state, strict=True)
    model.eval()
    return model, state, config


def head_probs(hidden, shapes, state):
    """The tag head of src/ner/heads.rs: [hidden, case_out[shape]] -> classifier -> softmax."""
    feats = torch.cat([hidden, state["case_out.weight"][shapes]], dim=-1)
    return torch.softmax(feats @ state["classifier.weight"].T + state["classifier.bias"], dim=-1)


def check_parity(model, state, model_dir, cls, sep):
    path = os.path.join(model_dir, "parity.json")
    if not os.path.exists(path):
        return None
    worst = 0.0
    for case in json.load(open(path)):
        ids = torch.tensor([[cls] + case["ids"] + [sep]])
        shapes = torch.tensor([[0] + case["shapes"] + [0]])
        with torch.inference_mode():
            hidden = model(ids, shapes, torch.ones_like(ids))[0, 1:-1]
        probs = head_probs(hidden, shapes[0, 1:-1], state)
        worst = max(worst, (probs - torch.tensor(case["probs"])).abs().max().item())
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/ner")
    ap.add_argument("--out", default="bench/ort/out")
    ap.add_argument("--opset", type=int, default=17)
    args = ap.parse_args()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    model, state, config = load(args.model)
    vocab = json.load(open(os.path.join(args.model, "tokenizer.json")))["model"]["vocab"]
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    worst = check_parity(model, state, args.model, cls, sep)
    if worst is not None:
        print(f"export: torch encoder + head vs parity.json: max |probability diff| {worst:.2e}")
        if worst > 2e-3:
            raise SystemExit("export: the torch encoder does not reproduce parity.json")
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "encoder.onnx")
    ids = torch.tensor([[cls, 2000, 2001, 2002, sep, 0], [cls, 2003, 2004, sep, 0, 0]])
    shapes = torch.tensor([[0, 1, 2, 1, 0, 0], [0, 2, 2, 0, 0, 0]])
    mask = (torch.arange(6)[None, :] < torch.tensor([[5], [4]])).long()
    dynamic = {"input_ids": {0: "batch", 1: "len"}, "case_ids": {0: "batch", 1: "len"}, "attention_mask": {0: "batch", 1: "len"}, "last_hidden_state": {0: "batch", 1: "len"}}
    torch.onnx.export(
        model,
        (ids, shapes, mask),
        path,
        input_names=["input_ids", "case_ids", "attention_mask"],
        output_names=["last_hidden_state"],
        dynamic_axes=dynamic,
        opset_version=args.opset,
        do_constant_folding=True,
        dynamo=False,
    )
    print(f"export: wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB, opset {args.opset}, hidden {config.hidden_size}, {config.num_hidden_layers} layers)")


if __name__ == "__main__":
    main()
