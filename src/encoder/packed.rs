//! The `packed` and `int8` backends: our own BERT forward pass without padding.
//!
//! Every real token of every window of a batch is one row of a `[tokens, hidden]` matrix, so
//! each linear layer (Q/K/V fused, attention output, the two feed-forward layers) is one matrix
//! product over real tokens only; attention runs per window over that window's tokens, windows
//! in parallel. Bias is added by the pass after each product (GELU, residual + layer norm; the
//! fused Q/K/V product adds its own), GELU runs in place, residual + layer norm is one pass per
//! row.
//!
//! Determinism: every row of a product is computed by the same kernel in the same order of
//! the inner dimension whatever the number of rows or threads (`gemm` splits work over output
//! blocks, its inner blocking depends on the inner dimension only; the int8 kernels are exact
//! integer sums); attention and layer norm are per window / per row in a fixed order. So a
//! window's hidden states do not depend on its batch or on the thread count
//! (`tests/encoder_backends.rs` checks this).

use std::path::Path;

use anyhow::{bail, Result};
use rayon::prelude::*;

use super::int8::QLinear;
use super::weights::{transpose, Weights};
use super::{BertConfig, Encoder, Packed};

/// Rows per parallel task of the elementwise passes.
const ROWS_PER_TASK: usize = 32;

struct Norm {
    weight: Vec<f32>,
    bias: Vec<f32>,
    eps: f32,
}

impl Norm {
    fn load(w: &mut Weights, name: &str, dim: usize, eps: f64) -> Result<Self> {
        Ok(Norm {
            weight: w.take(&format!("{name}.weight"), &[dim])?,
            bias: w.take(&format!("{name}.bias"), &[dim])?,
            eps: eps as f32,
        })
    }

    /// Layer norm of one row in place.
    #[inline]
    fn apply(&self, row: &mut [f32]) {
        let n = row.len() as f32;
        let mean = sum8(row) / n;
        let mut var = [0f32; 8];
        let mut chunks = row.chunks_exact(8);
        for c in &mut chunks {
            for i in 0..8 {
                let d = c[i] - mean;
                var[i] += d * d;
            }
        }
        let mut v = var.iter().sum::<f32>();
        for &x in chunks.remainder() {
            v += (x - mean) * (x - mean);
        }
        let inv = 1.0 / (v / n + self.eps).sqrt();
        for ((x, &g), &b) in row.iter_mut().zip(&self.weight).zip(&self.bias) {
            *x = (*x - mean) * inv * g + b;
        }
    }
}

/// Sum in a fixed order, eight lanes at a time (vectorises without reassociation).
#[inline]
fn sum8(xs: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let mut chunks = xs.chunks_exact(8);
    for c in &mut chunks {
        for i in 0..8 {
            acc[i] += c[i];
        }
    }
    let mut s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for &x in chunks.remainder() {
        s += x;
    }
    s
}

#[derive(Clone, Copy)]
struct AttentionShape {
    h: usize,
    heads: usize,
    dh: usize,
    scale: f32,
}

/// Attention of one window (rows `start..` of `qkv`) into `out` (`[len, h]`), per head:
/// scores = Q K^T (scaled) and out = P V through `gemm` on strided views of `qkv` (no
/// copies), a softmax per row between them. `scores` holds `len * len` values. The same
/// window gives the same bits whatever else runs: `gemm` runs here on this thread only.
fn attend_window(
    shape: AttentionShape,
    qkv: &[f32],
    start: usize,
    out: &mut [f32],
    scores: &mut [f32],
) {
    let AttentionShape {
        h,
        heads,
        dh,
        scale,
    } = shape;
    let len = out.len() / h;
    let row = 3 * h;
    debug_assert!(scores.len() == len * len && qkv.len() >= (start + len) * row);
    for head in 0..heads {
        let q = qkv[start * row + head * dh..].as_ptr();
        let k = qkv[start * row + h + head * dh..].as_ptr();
        let v = qkv[start * row + 2 * h + head * dh..].as_ptr();
        // SAFETY: Q, K and V of the window are `len` rows of `dh` values `row` apart inside
        // `qkv` (asserted above); `scores` is `len * len`; the head's columns of `out` are
        // `len` rows of `dh` values `h` apart. Destinations alias no input.
        unsafe {
            gemm::gemm(
                len,
                len,
                dh,
                scores.as_mut_ptr(),
                1,
                len as isize,
                false,
                q,
                1,
                row as isize,
                k,
                row as isize,
                1,
                0.0f32,
                scale,
                false,
                false,
                false,
                gemm::Parallelism::None,
            );
        }
        for r in scores.chunks_mut(len) {
            let max = r.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
            for s in r.iter_mut() {
                *s -= max;
            }
            super::elementwise::exp_nonpositive_in_place(r);
            let mut total = 0.0;
            for s in r.iter() {
                total += *s;
            }
            let inv = 1.0 / total;
            for s in r.iter_mut() {
                *s *= inv;
            }
        }
        // SAFETY: as above.
        unsafe {
            gemm::gemm(
                len,
                dh,
                len,
                out[head * dh..].as_mut_ptr(),
                1,
                h as isize,
                false,
                scores.as_ptr(),
                1,
                len as isize,
                v,
                1,
                row as isize,
                0.0f32,
                1.0f32,
                false,
                false,
                false,
                gemm::Parallelism::None,
            );
        }
    }
}

/// A linear layer, f32 (for `gemm`) or int8.
enum Linear {
    F32 {
        /// `[in, out]` row-major.
        weight_t: Vec<f32>,
        bias: Vec<f32>,
        input: usize,
        output: usize,
    },
    Int8(QLinear),
}

impl Linear {
    /// `weight` is PyTorch's `[out, in]`.
    fn new(weight: &[f32], bias: Vec<f32>, input: usize, output: usize, quantized: bool) -> Self {
        if quantized {
            Linear::Int8(QLinear::new(weight, bias, input, output))
        } else {
            Linear::F32 {
                weight_t: transpose(weight, output, input),
                bias,
                input,
                output,
            }
        }
    }

    fn load(
        w: &mut Weights,
        name: &str,
        input: usize,
        output: usize,
        quantized: bool,
    ) -> Result<Self> {
        let weight = w.take(&format!("{name}.weight"), &[output, input])?;
        let bias = w.take(&format!("{name}.bias"), &[output])?;
        Ok(Self::new(&weight, bias, input, output, quantized))
    }

    fn output(&self) -> usize {
        match self {
            Linear::F32 { output, .. } => *output,
            Linear::Int8(q) => q.output(),
        }
    }

    /// `out[n, output] = x[n, input] W + b`, over the rayon pool if `parallel`, else on the
    /// calling thread (the same result either way).
    fn forward(&self, x: &[f32], n: usize, out: &mut [f32], parallel: bool) {
        if let Some(bias) = self.forward_leaving_bias(x, n, out, parallel) {
            let m = bias.len();
            let add = |rows: &mut [f32]| {
                for row in rows.chunks_mut(m) {
                    for (o, &b) in row.iter_mut().zip(bias) {
                        *o += b;
                    }
                }
            };
            if parallel {
                out.par_chunks_mut(m * ROWS_PER_TASK).for_each(add);
            } else {
                add(out);
            }
        }
    }

    /// `out = x W`, and the bias the caller still has to add (`None` when it is in already):
    /// the pass after a product (GELU, residual + layer norm) adds it on the way, which saves
    /// writing every output once more.
    fn forward_leaving_bias(
        &self,
        x: &[f32],
        n: usize,
        out: &mut [f32],
        parallel: bool,
    ) -> Option<&[f32]> {
        match self {
            Linear::F32 {
                weight_t,
                bias,
                input,
                output,
            } => {
                let (k, m) = (*input, *output);
                debug_assert_eq!(x.len(), n * k);
                debug_assert_eq!(out.len(), n * m);
                let threads = if parallel {
                    rayon::current_num_threads()
                } else {
                    1
                };
                let parallelism = if threads > 1 {
                    gemm::Parallelism::Rayon(threads)
                } else {
                    gemm::Parallelism::None
                };
                // SAFETY: the three buffers hold exactly n*m, n*k and k*m f32 with the row
                // strides given; the destination does not alias the inputs.
                unsafe {
                    gemm::gemm(
                        n,
                        m,
                        k,
                        out.as_mut_ptr(),
                        1,
                        m as isize,
                        false,
                        x.as_ptr(),
                        1,
                        k as isize,
                        weight_t.as_ptr(),
                        1,
                        m as isize,
                        1.0f32,
                        1.0f32,
                        false,
                        false,
                        false,
                        parallelism,
                    );
                }
                Some(bias)
            }
            Linear::Int8(q) if parallel => {
                q.forward(x, n, out);
                None
            }
            Linear::Int8(q) => {
                q.forward_serial(x, n, out);
                None
            }
        }
    }
}

struct Layer {
    qkv: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    intermediate: Linear,
    output: Linear,
    output_norm: Norm,
}

pub struct PackedEncoder {
    word_embeddings: Vec<f32>,
    /// Position embeddings with the token-type-0 embedding added.
    positions: Vec<f32>,
    case_in: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    hidden: usize,
    heads: usize,
    vocab: usize,
    n_shapes: usize,
    max_positions: usize,
}

impl PackedEncoder {
    pub fn load(
        path: &Path,
        config: &BertConfig,
        n_shapes: usize,
        quantized: bool,
    ) -> Result<Self> {
        let mut w = Weights::read(path)?;
        let h = config.hidden_size;
        let eps = config.layer_norm_eps;
        let inter = config.intermediate_size;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let p = format!("encoder.layer.{i}");
            let mut weight = Vec::with_capacity(3 * h * h);
            let mut bias = Vec::with_capacity(3 * h);
            for part in ["query", "key", "value"] {
                weight.extend(w.take(&format!("{p}.attention.self.{part}.weight"), &[h, h])?);
                bias.extend(w.take(&format!("{p}.attention.self.{part}.bias"), &[h])?);
            }
            layers.push(Layer {
                qkv: Linear::new(&weight, bias, h, 3 * h, quantized),
                attention_out: Linear::load(
                    &mut w,
                    &format!("{p}.attention.output.dense"),
                    h,
                    h,
                    quantized,
                )?,
                attention_norm: Norm::load(
                    &mut w,
                    &format!("{p}.attention.output.LayerNorm"),
                    h,
                    eps,
                )?,
                intermediate: Linear::load(
                    &mut w,
                    &format!("{p}.intermediate.dense"),
                    h,
                    inter,
                    quantized,
                )?,
                output: Linear::load(&mut w, &format!("{p}.output.dense"), inter, h, quantized)?,
                output_norm: Norm::load(&mut w, &format!("{p}.output.LayerNorm"), h, eps)?,
            });
        }
        let mut positions = w.take(
            "embeddings.position_embeddings.weight",
            &[config.max_position_embeddings, h],
        )?;
        let token_types = w.take("embeddings.token_type_embeddings.weight", &[2, h])?;
        for row in positions.chunks_mut(h) {
            for (x, &t) in row.iter_mut().zip(&token_types[..h]) {
                *x += t;
            }
        }
        Ok(PackedEncoder {
            word_embeddings: w
                .take("embeddings.word_embeddings.weight", &[config.vocab_size, h])?,
            positions,
            case_in: w.take("case_in.weight", &[n_shapes, h])?,
            embedding_norm: Norm::load(&mut w, "embeddings.LayerNorm", h, eps)?,
            layers,
            hidden: h,
            heads: config.num_attention_heads,
            vocab: config.vocab_size,
            n_shapes,
            max_positions: config.max_position_embeddings,
        })
    }

    fn check(&self, input: &Packed) -> Result<()> {
        if input.token_ids.len() != input.shape_ids.len()
            || input.offsets.last().copied().unwrap_or(0) != input.token_ids.len()
        {
            bail!("malformed packed batch");
        }
        if let Some(id) = input
            .token_ids
            .iter()
            .find(|&&id| id as usize >= self.vocab)
        {
            bail!(
                "word piece id {id} outside the vocabulary of {}",
                self.vocab
            );
        }
        if let Some(s) = input
            .shape_ids
            .iter()
            .find(|&&s| s as usize >= self.n_shapes)
        {
            bail!("case class {s} outside the {} known", self.n_shapes);
        }
        if input
            .offsets
            .windows(2)
            .any(|w| w[1] < w[0] || w[1] - w[0] > self.max_positions)
        {
            bail!(
                "a window is longer than the model's {} positions",
                self.max_positions
            );
        }
        Ok(())
    }

    /// Attention of every window over its own tokens: `qkv` `[n, 3h]` -> `context` `[n, h]`.
    fn attention(&self, input: &Packed, qkv: &[f32], context: &mut [f32], parallel: bool) {
        let h = self.hidden;
        let heads = self.heads;
        let dh = h / heads;
        let scale = 1.0 / (dh as f32).sqrt();
        // Split the context rows by window (windows are contiguous and in order).
        let mut parts: Vec<(usize, &mut [f32])> = Vec::with_capacity(input.windows());
        let mut rest = context;
        for w in 0..input.windows() {
            let (part, tail) = rest.split_at_mut(input.window(w).len() * h);
            parts.push((input.offsets[w], part));
            rest = tail;
        }
        let window = |scores: &mut Vec<f32>, (start, out): (usize, &mut [f32])| {
            let len = out.len() / h;
            scores.resize(len * len, 0.0);
            attend_window(
                AttentionShape {
                    h,
                    heads,
                    dh,
                    scale,
                },
                qkv,
                start,
                out,
                scores,
            );
        };
        if parallel {
            parts.into_par_iter().for_each_init(Vec::new, window);
        } else {
            let mut scores = Vec::new();
            for part in parts {
                window(&mut scores, part);
            }
        }
    }

    /// `x = norm(x + delta + bias)` per row (`bias`: what the product producing `delta` left).
    fn add_norm(
        x: &mut [f32],
        delta: &[f32],
        bias: Option<&[f32]>,
        norm: &Norm,
        h: usize,
        parallel: bool,
    ) {
        let rows = |(xs, ds): (&mut [f32], &[f32])| {
            for (row, d) in xs.chunks_mut(h).zip(ds.chunks(h)) {
                match bias {
                    Some(bias) => {
                        for ((x, &d), &b) in row.iter_mut().zip(d).zip(bias) {
                            *x += d + b;
                        }
                    }
                    None => {
                        for (x, &d) in row.iter_mut().zip(d) {
                            *x += d;
                        }
                    }
                }
                norm.apply(row);
            }
        };
        if parallel {
            x.par_chunks_mut(h * ROWS_PER_TASK)
                .zip(delta.par_chunks(h * ROWS_PER_TASK))
                .for_each(rows);
        } else {
            rows((x, delta));
        }
    }
}

impl PackedEncoder {
    /// The forward pass, each step over the rayon pool if `parallel`, else on the calling
    /// thread; every value is computed the same way in both cases.
    fn forward(&self, input: &Packed, parallel: bool) -> Result<Vec<f32>> {
        self.check(input)?;
        let h = self.hidden;
        let n = input.tokens();
        if n == 0 {
            return Ok(Vec::new());
        }
        // Embeddings: word + position (+ token type 0) + case class, then layer norm.
        let mut positions = vec![0usize; n];
        for w in 0..input.windows() {
            for (p, t) in input.window(w).enumerate() {
                positions[t] = p;
            }
        }
        let mut x = vec![0f32; n * h];
        let embed = |(chunk, rows): (usize, &mut [f32])| {
            for (i, row) in rows.chunks_mut(h).enumerate() {
                let t = chunk * ROWS_PER_TASK + i;
                let word = &self.word_embeddings[input.token_ids[t] as usize * h..][..h];
                let position = &self.positions[positions[t] * h..][..h];
                let case = &self.case_in[input.shape_ids[t] as usize * h..][..h];
                for j in 0..h {
                    row[j] = word[j] + case[j] + position[j];
                }
                self.embedding_norm.apply(row);
            }
        };
        if parallel {
            x.par_chunks_mut(h * ROWS_PER_TASK)
                .enumerate()
                .for_each(embed);
        } else {
            x.chunks_mut(h * ROWS_PER_TASK).enumerate().for_each(embed);
        }

        let mut qkv = vec![0f32; n * 3 * h];
        let mut context = vec![0f32; n * h];
        let mut delta = vec![0f32; n * h];
        let inter = self.layers.first().map_or(0, |l| l.intermediate.output());
        let mut inner = vec![0f32; n * inter];
        for layer in &self.layers {
            layer.qkv.forward(&x, n, &mut qkv, parallel);
            self.attention(input, &qkv, &mut context, parallel);
            let bias = layer
                .attention_out
                .forward_leaving_bias(&context, n, &mut delta, parallel);
            Self::add_norm(&mut x, &delta, bias, &layer.attention_norm, h, parallel);
            let bias = layer
                .intermediate
                .forward_leaving_bias(&x, n, &mut inner, parallel);
            let gelu = |rows: &mut [f32]| match bias {
                Some(bias) => super::elementwise::gelu_bias_in_place(rows, bias),
                None => super::elementwise::gelu_in_place(rows),
            };
            if parallel {
                inner.par_chunks_mut(inter * ROWS_PER_TASK).for_each(gelu);
            } else {
                gelu(&mut inner);
            }
            let bias = layer
                .output
                .forward_leaving_bias(&inner, n, &mut delta, parallel);
            Self::add_norm(&mut x, &delta, bias, &layer.output_norm, h, parallel);
        }
        Ok(x)
    }
}

impl Encoder for PackedEncoder {
    fn encode(&self, input: &Packed) -> Result<Vec<f32>> {
        self.forward(input, true)
    }

    fn encode_serial(&self, input: &Packed) -> Result<Vec<f32>> {
        self.forward(input, false)
    }

    fn serial(&self) -> bool {
        true
    }

    fn hidden(&self) -> usize {
        self.hidden
    }

    fn max_positions(&self) -> usize {
        self.max_positions
    }

    fn pads(&self) -> bool {
        false
    }
}
