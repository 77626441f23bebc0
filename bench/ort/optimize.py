"""Fuses and quantizes bench/ort/out/encoder.onnx (written by export.py) for ONNX Runtime.

    OUT/encoder.fused.onnx  fp32, after ONNX Runtime's BERT graph fusion
                            (onnxruntime.transformers.optimizer: Attention, SkipLayerNormalization,
                            BiasGelu / FastGelu, ...)
    OUT/encoder.int8.onnx   the fused graph, dynamically quantized: int8 weights per output
                            channel (quantize_dynamic, per_channel=True, QInt8 weights), uint8
                            activations quantized per tensor at run time

    bench/ort/.venv/bin/python bench/ort/optimize.py --out bench/ort/out
"""
import argparse
import collections
import json
import os

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers import optimizer


def op_counts(path):
    model = onnx.load(path, load_external_data=False)
    return dict(collections.Counter(n.op_type for n in model.graph.node).most_common())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/ner")
    ap.add_argument("--out", default="bench/ort/out")
    args = ap.parse_args()
    config = json.load(open(os.path.join(args.model, "config.json")))
    source = os.path.join(args.out, "encoder.onnx")
    fused = os.path.join(args.out, "encoder.fused.onnx")
    int8 = os.path.join(args.out, "encoder.int8.onnx")
    opt = optimizer.optimize_model(
        source,
        model_type="bert",
        num_heads=config["num_attention_heads"],
        hidden_size=config["hidden_size"],
        opt_level=0,
        use_gpu=False,
    )
    opt.save_model_to_file(fused)
    print(f"optimize: {fused}: fused operators {opt.get_fused_operator_statistics()}")
    # The fused contrib operators (Attention, SkipLayerNormalization) have no ONNX shape
    # inference, so the quantizer is told their outputs are float.
    quantize_dynamic(
        fused,
        int8,
        per_channel=True,
        weight_type=QuantType.QInt8,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    print(f"optimize: {int8}: {os.path.getsize(int8) / 1e6:.1f} MB, operators {op_counts(int8)}")


if __name__ == "__main__":
    main()
