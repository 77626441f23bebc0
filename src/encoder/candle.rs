//! The `candle` backend: MiniLM-L6 (BERT) + case embeddings on candle tensors, padded batches.
//!
//! Written out rather than taken from candle-transformers so that the case embedding can join
//! the input embeddings, Q/K/V run as one fused matmul, and layer norm and softmax use candle's
//! fused CPU kernels. Weights are stored as fp16 and computed in f32.

use std::path::Path;

use super::{BertConfig, Encoder, Packed};
use anyhow::{Context, Result};
use candle_core::{CpuStorage, CustomOp1, DType, Device, Layout, Shape, Tensor};
use candle_nn::VarBuilder;
use rayon::prelude::*;

struct Linear {
    /// Stored transposed (`[in, out]`, contiguous) so the forward pass is a plain matmul.
    weight_t: Tensor,
    bias: Tensor,
}

impl Linear {
    fn load(vb: &VarBuilder, name: &str, in_dim: usize, out_dim: usize) -> Result<Self> {
        let weight = vb.get((out_dim, in_dim), &format!("{name}.weight"))?;
        let bias = vb.get(out_dim, &format!("{name}.bias"))?;
        Ok(Linear {
            weight_t: weight.t()?.contiguous()?,
            bias,
        })
    }

    fn fused(parts: &[Linear]) -> Result<Self> {
        let weights: Vec<&Tensor> = parts.iter().map(|p| &p.weight_t).collect();
        let biases: Vec<&Tensor> = parts.iter().map(|p| &p.bias).collect();
        Ok(Linear {
            weight_t: Tensor::cat(&weights, 1)?.contiguous()?,
            bias: Tensor::cat(&biases, 0)?,
        })
    }

    fn clone_weights(&self) -> Result<Self> {
        Ok(Linear {
            weight_t: self.weight_t.clone(),
            bias: self.bias.clone(),
        })
    }

    /// `x`: `[n, in]` -> `[n, out]`.
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(x.matmul(&self.weight_t)?.broadcast_add(&self.bias)?)
    }
}

/// `gelu(x + bias)` over the rows of `[n, bias.len()]` in one parallel pass: the feed-forward
/// activation is the largest elementwise step of the encoder (see [`super::elementwise`]).
struct BiasGelu {
    bias: Vec<f32>,
}

impl CustomOp1 for BiasGelu {
    fn name(&self) -> &'static str {
        "bias-gelu"
    }

    fn cpu_fwd(
        &self,
        storage: &CpuStorage,
        layout: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let CpuStorage::F32(data) = storage else {
            candle_core::bail!("bias-gelu wants f32")
        };
        let Some((start, end)) = layout.contiguous_offsets() else {
            candle_core::bail!("bias-gelu wants a contiguous input")
        };
        let input = &data[start..end];
        let width = self.bias.len();
        let mut out = vec![0f32; input.len()];
        out.par_chunks_mut(width * 16)
            .zip(input.par_chunks(width * 16))
            .for_each(|(o, i)| {
                for (row_o, row_i) in o.chunks_mut(width).zip(i.chunks(width)) {
                    for ((y, &x), &b) in row_o.iter_mut().zip(row_i).zip(&self.bias) {
                        *y = x + b;
                    }
                    super::elementwise::gelu_in_place(row_o);
                }
            });
        Ok((CpuStorage::F32(out), layout.shape().clone()))
    }
}

struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
    eps: f32,
}

impl LayerNorm {
    fn load(vb: &VarBuilder, name: &str, dim: usize, eps: f64) -> Result<Self> {
        Ok(LayerNorm {
            weight: vb.get(dim, &format!("{name}.weight"))?,
            bias: vb.get(dim, &format!("{name}.bias"))?,
            eps: eps as f32,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(candle_nn::ops::layer_norm(
            x,
            &self.weight,
            &self.bias,
            self.eps,
        )?)
    }
}

struct EncoderLayer {
    qkv: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    intermediate_gelu: BiasGelu,
    output: Linear,
    output_norm: LayerNorm,
}

/// The encoder on candle tensors.
pub struct CandleEncoder {
    word_embeddings: Tensor,
    position_embeddings: Tensor,
    token_type_zero: Tensor,
    case_in: Tensor,
    embedding_norm: LayerNorm,
    layers: Vec<EncoderLayer>,
    hidden: usize,
    heads: usize,
    max_positions: usize,
    device: Device,
}

impl CandleEncoder {
    pub fn load(weights: &Path, config: &BertConfig, n_shapes: usize) -> Result<Self> {
        let device = Device::Cpu;
        let bytes =
            std::fs::read(weights).with_context(|| format!("cannot read {}", weights.display()))?;
        let vb = VarBuilder::from_buffered_safetensors(bytes, DType::F32, &device)
            .with_context(|| format!("{} is not a valid safetensors file", weights.display()))?;
        let h = config.hidden_size;
        let eps = config.layer_norm_eps;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let p = format!("encoder.layer.{i}");
            let q = Linear::load(&vb, &format!("{p}.attention.self.query"), h, h)?;
            let k = Linear::load(&vb, &format!("{p}.attention.self.key"), h, h)?;
            let v = Linear::load(&vb, &format!("{p}.attention.self.value"), h, h)?;
            let intermediate = Linear::load(
                &vb,
                &format!("{p}.intermediate.dense"),
                h,
                config.intermediate_size,
            )?;
            layers.push(EncoderLayer {
                qkv: Linear::fused(&[q, k, v])?,
                attention_out: Linear::load(&vb, &format!("{p}.attention.output.dense"), h, h)?,
                attention_norm: LayerNorm::load(
                    &vb,
                    &format!("{p}.attention.output.LayerNorm"),
                    h,
                    eps,
                )?,
                intermediate: intermediate.clone_weights()?,
                intermediate_gelu: BiasGelu {
                    bias: intermediate.bias.to_vec1()?,
                },
                output: Linear::load(
                    &vb,
                    &format!("{p}.output.dense"),
                    config.intermediate_size,
                    h,
                )?,
                output_norm: LayerNorm::load(&vb, &format!("{p}.output.LayerNorm"), h, eps)?,
            });
        }
        Ok(CandleEncoder {
            word_embeddings: vb.get((config.vocab_size, h), "embeddings.word_embeddings.weight")?,
            position_embeddings: vb.get(
                (config.max_position_embeddings, h),
                "embeddings.position_embeddings.weight",
            )?,
            token_type_zero: vb
                .get((2, h), "embeddings.token_type_embeddings.weight")?
                .get(0)?,
            case_in: vb.get((n_shapes, h), "case_in.weight")?,
            embedding_norm: LayerNorm::load(&vb, "embeddings.LayerNorm", h, eps)?,
            layers,
            hidden: h,
            heads: config.num_attention_heads,
            max_positions: config.max_position_embeddings,
            device,
        })
    }

    /// Hidden states of every position of a padded batch `[rows, width]`.
    fn forward_padded(
        &self,
        token_ids: &[u32],
        shape_ids: &[u32],
        lengths: &[usize],
        b: usize,
        t: usize,
    ) -> Result<Tensor> {
        let h = self.hidden;
        let n = b * t;
        let ids = Tensor::from_slice(token_ids, n, &self.device)?;
        let shapes = Tensor::from_slice(shape_ids, n, &self.device)?;
        let mut mask = vec![0f32; n];
        for (row, &len) in lengths.iter().enumerate() {
            for m in &mut mask[row * t + len..(row + 1) * t] {
                *m = -1e9;
            }
        }
        let mask = Tensor::from_vec(mask, (b, 1, 1, t), &self.device)?;

        let positions = self
            .position_embeddings
            .narrow(0, 0, t)?
            .broadcast_add(&self.token_type_zero)?;
        let embedded = (self.word_embeddings.index_select(&ids, 0)?
            + self.case_in.index_select(&shapes, 0)?)?
        .reshape((b, t, h))?
        .broadcast_add(&positions)?
        .reshape((n, h))?;
        let mut x = self.embedding_norm.forward(&embedded)?;

        let heads = self.heads;
        let head_dim = h / heads;
        let scale = 1.0 / (head_dim as f64).sqrt();
        for layer in &self.layers {
            let qkv = layer.qkv.forward(&x)?;
            let split = |i: usize| -> Result<Tensor> {
                Ok(qkv
                    .narrow(1, i * h, h)?
                    .reshape((b, t, heads, head_dim))?
                    .transpose(1, 2)?
                    .contiguous()?)
            };
            let (q, k, v) = (split(0)?, split(1)?, split(2)?);
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(&mask)?;
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let context = probs.matmul(&v)?.transpose(1, 2)?.reshape((n, h))?;
            let attended = layer.attention_out.forward(&context)?;
            x = layer.attention_norm.forward(&(attended + &x)?)?;
            let inner = x
                .matmul(&layer.intermediate.weight_t)?
                .apply_op1_no_bwd(&layer.intermediate_gelu)?;
            let out = layer.output.forward(&inner)?;
            x = layer.output_norm.forward(&(out + &x)?)?;
        }
        Ok(x)
    }
}

impl Encoder for CandleEncoder {
    /// Pads the windows to the longest one, runs the padded batch, keeps the real positions.
    fn encode(&self, input: &Packed) -> Result<Vec<f32>> {
        let (b, t, h) = (input.windows(), input.max_len(), self.hidden);
        if b == 0 || t == 0 {
            return Ok(Vec::new());
        }
        let mut token_ids = vec![0u32; b * t];
        let mut shape_ids = vec![0u32; b * t];
        let mut lengths = Vec::with_capacity(b);
        for w in 0..b {
            let range = input.window(w);
            let len = range.len();
            token_ids[w * t..w * t + len].copy_from_slice(&input.token_ids[range.clone()]);
            shape_ids[w * t..w * t + len].copy_from_slice(&input.shape_ids[range]);
            lengths.push(len);
        }
        let x = self.forward_padded(&token_ids, &shape_ids, &lengths, b, t)?;
        let all = x.flatten_all()?.to_vec1::<f32>()?;
        let mut out = Vec::with_capacity(input.tokens() * h);
        for (w, &len) in lengths.iter().enumerate() {
            out.extend_from_slice(&all[w * t * h..(w * t + len) * h]);
        }
        Ok(out)
    }

    fn hidden(&self) -> usize {
        self.hidden
    }

    fn max_positions(&self) -> usize {
        self.max_positions
    }

    fn pads(&self) -> bool {
        true
    }
}
