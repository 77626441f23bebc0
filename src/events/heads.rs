//! The event reader's network: small heads on the shared encoder's word features, mirrored
//! from `training/events/heads.py` (tensor names are the file format).
//!
//! Sizes are small next to the encoder (a projection, three dilated convolutions over words and
//! a few linear layers). The projection and convolutions run as matrix products over all words
//! of a document, the word-level layers as batched loops that keep each sum's order, and the
//! pair scorers with their hidden layer split by input block (see [`PairScorer`]). Everything
//! runs on the calling thread (documents already run in parallel), so the results do not
//! depend on the thread count.

use std::path::Path;

use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Tensor};
use serde::Deserialize;

use crate::encoder::elementwise::gelu_in_place;
use crate::ner::gelu;

/// `events.json` of the model folder: sizes and label inventories.
#[derive(Debug, Clone, Deserialize)]
pub struct HeadsConfig {
    pub name: String,
    pub in_dim: usize,
    pub dim: usize,
    pub pair: usize,
    pub dilations: Vec<usize>,
    pub kinds: Vec<String>,
    pub trigger_tags: Vec<String>,
    pub ref_tags: Vec<String>,
    pub statuses: Vec<String>,
    pub roles: Vec<String>,
    pub mention_labels: Vec<String>,
    pub word_buckets: Vec<usize>,
    pub antecedent_sentences: usize,
    /// SHA-256 of the `model.safetensors` the heads were trained on: heads read hidden states
    /// of that encoder only (absent in heads from before it was written).
    #[serde(default)]
    pub encoder_sha256: Option<String>,
}

/// A dense layer, `weight` row-major `[out, in]` as torch stores it.
struct Dense {
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
}

/// Rows that [`Dense::apply_rows`] runs side by side.
const ROWS: usize = 8;

impl Dense {
    fn out(&self) -> usize {
        self.bias.len()
    }

    fn apply(&self, x: &[f32], y: &mut Vec<f32>) {
        y.clear();
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: AVX2 was detected at run time.
            unsafe { self.apply_avx2(x, y) };
            return;
        }
        self.apply_plain(x, y);
    }

    #[inline(always)]
    fn apply_plain(&self, x: &[f32], y: &mut Vec<f32>) {
        for (o, b) in self.bias.iter().enumerate() {
            let row = &self.weight[o * self.inputs..(o + 1) * self.inputs];
            y.push(b + dot(row, x));
        }
    }

    /// [`Self::apply_plain`] compiled for AVX2 (no FMA): the same operations in the same
    /// order, so the same bits.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn apply_avx2(&self, x: &[f32], y: &mut Vec<f32>) {
        self.apply_plain(x, y)
    }

    /// [`Self::apply`] on every row of `x` (`[n, inputs]`), into `y` (`[n, out]`), with the
    /// same bits: each output is the same eight-lane [`dot`] in the same order, but eight rows
    /// run side by side (their lane sums fill the vector registers), where one row alone is a
    /// chain of dependent additions.
    fn apply_rows(&self, x: &[f32], y: &mut Vec<f32>) {
        y.clear();
        y.resize(x.len() / self.inputs * self.out(), 0.0);
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: AVX2 was detected at run time.
            unsafe { self.apply_rows_avx2(x, y) };
            return;
        }
        self.apply_rows_plain(x, y);
    }

    #[inline(always)]
    fn apply_rows_plain(&self, x: &[f32], y: &mut [f32]) {
        let (k, m) = (self.inputs, self.out());
        let chunks = k / 8;
        // Eight rows transposed, `[k, ROWS]`; the slots of missing rows in the last block keep
        // old values, whose results are never stored.
        let mut xt = vec![0f32; k * ROWS];
        for (block, rows) in x.chunks(k * ROWS).enumerate() {
            let n = rows.len() / k;
            for (r, row) in rows.chunks(k).enumerate() {
                for (i, &v) in row.iter().enumerate() {
                    xt[i * ROWS + r] = v;
                }
            }
            for o in 0..m {
                let w = &self.weight[o * k..(o + 1) * k];
                // acc[l][r]: lane l of `dot` for row r.
                let mut acc = [[0f32; ROWS]; 8];
                for c in 0..chunks {
                    for (l, acc) in acc.iter_mut().enumerate() {
                        let wv = w[c * 8 + l];
                        let xs = &xt[(c * 8 + l) * ROWS..][..ROWS];
                        for r in 0..ROWS {
                            acc[r] += wv * xs[r];
                        }
                    }
                }
                for r in 0..n {
                    let lanes: [f32; 8] = std::array::from_fn(|l| acc[l][r]);
                    let mut sum: f32 = lanes.iter().sum();
                    let row = &rows[r * k..(r + 1) * k];
                    for i in chunks * 8..k {
                        sum += w[i] * row[i];
                    }
                    y[(block * ROWS + r) * m + o] = self.bias[o] + sum;
                }
            }
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn apply_rows_avx2(&self, x: &[f32], y: &mut [f32]) {
        self.apply_rows_plain(x, y)
    }
}

fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        static AVX2: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *AVX2.get_or_init(|| std::is_x86_feature_detected!("avx2"))
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight independent sums: the compiler vectorises this, and the order is fixed.
    let mut acc = [0f32; 8];
    let chunks = a.len() / 8;
    for c in 0..chunks {
        for l in 0..8 {
            acc[l] += a[c * 8 + l] * b[c * 8 + l];
        }
    }
    let mut sum: f32 = acc.iter().sum();
    for i in chunks * 8..a.len() {
        sum += a[i] * b[i];
    }
    sum
}

/// `out[n, m] = x[n, k] · w_t[k, m]` (row-major, `out` overwritten) with `gemm` on the calling
/// thread; `n` is `x.len() / k`.
fn matmul(x: &[f32], w_t: &[f32], k: usize, m: usize, out: &mut [f32]) {
    let n = x.len() / k;
    assert!(
        x.len() == n * k && w_t.len() == k * m && out.len() == n * m,
        "matmul shapes"
    );
    if n == 0 || m == 0 {
        return;
    }
    // SAFETY: the three buffers hold exactly n*k, k*m and n*m f32 (checked above) with the
    // row strides given; `out` is a distinct `&mut` so it aliases neither input.
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
            w_t.as_ptr(),
            1,
            m as isize,
            0.0f32,
            1.0f32,
            false,
            false,
            false,
            gemm::Parallelism::None,
        );
    }
}

/// `[rows, cols]` row-major -> `[cols, rows]`.
fn transpose(w: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut t = vec![0f32; w.len()];
    for r in 0..rows {
        for c in 0..cols {
            t[c * rows + r] = w[r * cols + c];
        }
    }
    t
}

/// `Conv1d(dim, dim, 3, dilation=d, padding=d)` over a sentence's words.
struct Conv {
    /// `[out, in, 3]` rearranged to three `[in, out]` matrices, one per tap.
    taps_t: Vec<Vec<f32>>,
    bias: Vec<f32>,
    dilation: usize,
}

/// One candidate of a pair scorer: the second vector `b`, its [`PairScorer::right`] row, and
/// its distance and label embedding rows.
pub(super) struct PairInput<'a> {
    pub vector: &'a [f32],
    pub right: &'a [f32],
    pub distance: usize,
    pub label: usize,
}

/// `out(gelu(hidden([a; b; a*b; dist; label])))`, the training code's pair scorer, with
/// `hidden`'s weight split by input block: `W = [Wa | Wb | Wab | Wd | Wl]`, so
///
/// `W·z + c = (c + Wa·a) + Wb·b + Wab·(a*b) + Wd·dist + Wl·label`.
///
/// This is the same linear map, term for term (exact in real arithmetic; in f32 only the order
/// of the additions differs, a rounding in the last bits). `c + Wa·a` is computed once per
/// trigger or reference, `Wb·b` once per mention, `Wd·dist` and `Wl·label` once per embedding
/// row at load, so a pair costs the `Wab·(a*b)` product (one matrix product over all
/// candidates of an `a`), four additions, the activation and the output layer.
pub(super) struct PairScorer {
    /// `Wa`, `Wb`, `Wab` transposed, `[dim, hidden]` each.
    a_t: Vec<f32>,
    b_t: Vec<f32>,
    ab_t: Vec<f32>,
    /// `Wd · e` for each distance embedding row `e`, `[rows, hidden]`.
    dist: Vec<f32>,
    /// `Wl · e` for each label embedding row, `[labels, hidden]`.
    label: Vec<f32>,
    bias: Vec<f32>,
    out: Dense,
    dim: usize,
    hidden: usize,
}

impl PairScorer {
    fn new(
        hidden: Dense,
        out: Dense,
        dim: usize,
        dist_emb: &[f32],
        dist_dim: usize,
        label_emb: &[f32],
        label_dim: usize,
    ) -> Result<Self> {
        let h = hidden.out();
        if hidden.inputs != 3 * dim + dist_dim + label_dim || out.inputs != h {
            bail!("pair layers do not fit [a; b; a*b; dist; label]");
        }
        let block = |from: usize, width: usize| -> Vec<f32> {
            let mut w = Vec::with_capacity(h * width);
            for o in 0..h {
                w.extend_from_slice(&hidden.weight[o * hidden.inputs + from..][..width]);
            }
            w
        };
        // Rows of the embedding tables through their weight block: `[rows, h]`.
        let table = |from: usize, width: usize, emb: &[f32]| -> Vec<f32> {
            let w = block(from, width);
            let mut t = Vec::with_capacity(emb.len() / width * h);
            for e in emb.chunks(width) {
                t.extend((0..h).map(|o| dot(&w[o * width..(o + 1) * width], e)));
            }
            t
        };
        Ok(PairScorer {
            a_t: transpose(&block(0, dim), h, dim),
            b_t: transpose(&block(dim, dim), h, dim),
            ab_t: transpose(&block(2 * dim, dim), h, dim),
            dist: table(3 * dim, dist_dim, dist_emb),
            label: table(3 * dim + dist_dim, label_dim, label_emb),
            bias: hidden.bias,
            out,
            dim,
            hidden: h,
        })
    }

    /// Width of the hidden layer (of a [`Self::left`] or [`Self::right`] row).
    pub(super) fn hidden(&self) -> usize {
        self.hidden
    }

    /// `c + Wa·a` of each row of `a` (`[n, dim]` -> `[n, hidden]`).
    pub(super) fn left(&self, a: &[f32]) -> Vec<f32> {
        let mut y = vec![0f32; a.len() / self.dim * self.hidden];
        matmul(a, &self.a_t, self.dim, self.hidden, &mut y);
        for (v, c) in y.iter_mut().zip(self.bias.iter().cycle()) {
            *v = c + *v;
        }
        y
    }

    /// `Wb·b` of each row of `b` (`[n, dim]` -> `[n, hidden]`).
    pub(super) fn right(&self, b: &[f32]) -> Vec<f32> {
        let mut y = vec![0f32; b.len() / self.dim * self.hidden];
        matmul(b, &self.b_t, self.dim, self.hidden, &mut y);
        y
    }

    /// Output logits (`[pairs.len(), outputs]`) of `a` (whose [`Self::left`] row is `left`)
    /// paired with each candidate.
    pub(super) fn score(&self, a: &[f32], left: &[f32], pairs: &[PairInput]) -> Vec<f32> {
        let h = self.hidden;
        let mut products = Vec::with_capacity(pairs.len() * self.dim);
        for p in pairs {
            products.extend(a.iter().zip(p.vector).map(|(x, y)| x * y));
        }
        let mut z = vec![0f32; pairs.len() * h];
        matmul(&products, &self.ab_t, self.dim, h, &mut z);
        for (row, p) in z.chunks_mut(h).zip(pairs) {
            let dist = &self.dist[p.distance * h..][..h];
            let label = &self.label[p.label * h..][..h];
            for o in 0..h {
                row[o] = gelu(left[o] + p.right[o] + row[o] + dist[o] + label[o]);
            }
        }
        let mut out = Vec::new();
        self.out.apply_rows(&z, &mut out);
        out
    }
}

pub struct EventHeads {
    pub config: HeadsConfig,
    /// `proj.weight` transposed, `[in, dim]`, and its bias.
    proj_t: Vec<f32>,
    proj_bias: Vec<f32>,
    convs: Vec<Conv>,
    /// The trigger-tag layer and the reference-tag layer as one (their outputs side by side).
    tags: Dense,
    status: Dense,
    pub(super) roles: PairScorer,
    pub(super) antecedents: PairScorer,
}

impl EventHeads {
    pub fn load(dir: &Path) -> Result<Self> {
        let config: HeadsConfig = serde_json::from_str(
            &std::fs::read_to_string(dir.join("events.json")).with_context(|| {
                format!(
                    "cannot read {} (the shipped event reader is models/events)",
                    dir.join("events.json").display()
                )
            })?,
        )
        .context("events.json is malformed")?;
        let path = dir.join("heads.safetensors");
        let tensors = candle_core::safetensors::load(&path, &Device::Cpu)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let get = |name: &str| -> Result<(Vec<usize>, Vec<f32>)> {
            let t: &Tensor = tensors
                .get(name)
                .with_context(|| format!("{} has no tensor {name}", path.display()))?;
            Ok((
                t.dims().to_vec(),
                t.to_dtype(DType::F32)?.flatten_all()?.to_vec1()?,
            ))
        };
        let dense = |name: &str| -> Result<Dense> {
            let (dims, weight) = get(&format!("{name}.weight"))?;
            let (_, bias) = get(&format!("{name}.bias"))?;
            if dims.len() != 2 || dims[0] != bias.len() {
                bail!("{name}: unexpected shape {dims:?}");
            }
            Ok(Dense {
                weight,
                bias,
                inputs: dims[1],
            })
        };
        let mut convs = Vec::new();
        for (i, &dilation) in config.dilations.iter().enumerate() {
            let (dims, w) = get(&format!("convs.{i}.weight"))?;
            let (_, bias) = get(&format!("convs.{i}.bias"))?;
            let (out, inp, k) = (dims[0], dims[1], dims[2]);
            if k != 3 || out != config.dim || inp != config.dim {
                bail!(
                    "convs.{i}: shape {dims:?}, expected [{0}, {0}, 3]",
                    config.dim
                );
            }
            let mut taps_t = Vec::new();
            for tap in 0..3 {
                let mut m = vec![0f32; inp * out];
                for o in 0..out {
                    for j in 0..inp {
                        m[j * out + o] = w[(o * inp + j) * 3 + tap];
                    }
                }
                taps_t.push(m);
            }
            convs.push(Conv {
                taps_t,
                bias,
                dilation,
            });
        }
        let (rd, role_dist) = get("role_dist.weight")?;
        let (_, ante_dist) = get("ante_dist.weight")?;
        let (ld, label) = get("label.weight")?;
        let proj = dense("proj")?;
        let (trigger, reference) = (dense("trigger")?, dense("ref")?);
        if proj.inputs != config.in_dim
            || proj.out() != config.dim
            || trigger.out() != config.trigger_tags.len()
            || reference.out() != config.ref_tags.len()
        {
            bail!("{}: heads do not match events.json", path.display());
        }
        let tags = Dense {
            weight: [trigger.weight, reference.weight].concat(),
            bias: [trigger.bias, reference.bias].concat(),
            inputs: trigger.inputs,
        };
        let dim = config.dim;
        Ok(EventHeads {
            proj_t: transpose(&proj.weight, proj.out(), proj.inputs),
            proj_bias: proj.bias,
            convs,
            tags,
            status: dense("status")?,
            roles: PairScorer::new(
                dense("role_hidden")?,
                dense("role_out")?,
                dim,
                &role_dist,
                rd[1],
                &label,
                ld[1],
            )?,
            antecedents: PairScorer::new(
                dense("ante_hidden")?,
                dense("ante_out")?,
                dim,
                &ante_dist,
                rd[1],
                &label,
                ld[1],
            )?,
            config,
        })
    }

    /// Word vectors of a document's sentences: `[words, in_dim]` encoder features each ->
    /// `[words, dim]` for all words of the document, sentence after sentence. All words go
    /// through each layer as one matrix product; a convolution tap reads zero beyond its
    /// sentence's ends, as in training.
    pub fn words(&self, sentences: &[(&[f32], usize)]) -> Vec<f32> {
        let (d, inp) = (self.config.dim, self.config.in_dim);
        let total: usize = sentences.iter().map(|s| s.1).sum();
        if total == 0 {
            return Vec::new();
        }
        let mut x = Vec::with_capacity(total * inp);
        for (f, _) in sentences {
            x.extend_from_slice(f);
        }
        let mut h = vec![0f32; total * d];
        matmul(&x, &self.proj_t, inp, d, &mut h);
        drop(x);
        for (v, b) in h.iter_mut().zip(self.proj_bias.iter().cycle()) {
            *v += b;
        }
        gelu_in_place(&mut h);
        // Sentence of each word row, and its position in the sentence.
        let mut bounds = Vec::with_capacity(total);
        for (_, n) in sentences {
            for i in 0..*n {
                bounds.push((i, *n));
            }
        }
        let mut acc = vec![0f32; total * d];
        let mut shifted = vec![0f32; total * d];
        let mut y = vec![0f32; total * d];
        for conv in &self.convs {
            for row in acc.chunks_mut(d) {
                row.copy_from_slice(&conv.bias);
            }
            for (tap, weight_t) in conv.taps_t.iter().enumerate() {
                let shift = (tap as isize - 1) * conv.dilation as isize;
                let input = if shift == 0 {
                    &h
                } else {
                    for (row, &(i, n)) in bounds.iter().enumerate() {
                        let at = i as isize + shift;
                        let dst = &mut shifted[row * d..(row + 1) * d];
                        if at >= 0 && (at as usize) < n {
                            let src = (row as isize + shift) as usize;
                            dst.copy_from_slice(&h[src * d..(src + 1) * d]);
                        } else {
                            dst.fill(0.0);
                        }
                    }
                    &shifted
                };
                matmul(input, weight_t, d, d, &mut y);
                for (a, v) in acc.iter_mut().zip(&y) {
                    *a += v;
                }
            }
            gelu_in_place(&mut acc);
            for (v, a) in h.iter_mut().zip(&acc) {
                *v += a;
            }
        }
        h
    }

    /// Trigger-tag and reference-tag logits of each word (`[words, trigger tags]`,
    /// `[words, ref tags]`) from [`Self::words`]' vectors.
    pub fn word_logits(&self, h: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let mut both = Vec::new();
        self.tags.apply_rows(h, &mut both);
        let kt = self.config.trigger_tags.len();
        let (mut trig, mut refs) = (Vec::new(), Vec::new());
        for row in both.chunks(self.tags.out()) {
            trig.extend_from_slice(&row[..kt]);
            refs.extend_from_slice(&row[kt..]);
        }
        (trig, refs)
    }

    pub fn status_logits(&self, span: &[f32]) -> Vec<f32> {
        let mut y = Vec::new();
        self.status.apply(span, &mut y);
        y
    }

    fn bucket(&self, d: isize) -> usize {
        let a = d.unsigned_abs();
        let b = self
            .config
            .word_buckets
            .iter()
            .rposition(|&lo| a >= lo)
            .unwrap_or(0);
        if d >= 0 {
            b
        } else {
            self.config.word_buckets.len() + b
        }
    }

    /// Embedding row of a (trigger, mention) pair: sentence offset -1/0/+1, signed word distance.
    pub fn role_distance(&self, sentence_offset: isize, words: isize) -> usize {
        (sentence_offset + 1) as usize * 2 * self.config.word_buckets.len() + self.bucket(words)
    }

    pub fn antecedent_distance(&self, sentences_back: usize, words: isize) -> usize {
        sentences_back.min(self.config.antecedent_sentences) * 2 * self.config.word_buckets.len()
            + self.bucket(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic values in about [-4, 4].
    fn values(n: usize, seed: u64) -> Vec<f32> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 8.0
            })
            .collect()
    }

    fn heads() -> EventHeads {
        EventHeads::load(&crate::events::default_dir()).expect("shipped event reader")
    }

    #[test]
    fn batched_rows_give_the_bits_of_one_row_at_a_time() {
        let heads = heads();
        let dim = heads.config.dim;
        for rows in [1, 7, 8, 19] {
            let x = values(rows * dim, rows as u64);
            let mut batched = Vec::new();
            heads.tags.apply_rows(&x, &mut batched);
            let mut one = Vec::new();
            let mut single = Vec::new();
            for row in x.chunks(dim) {
                heads.tags.apply(row, &mut one);
                single.extend_from_slice(&one);
            }
            assert_eq!(
                batched.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                single.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
            );
        }
    }

    /// The split pair scorers against the training code's formula: one hidden layer over the
    /// concatenation `[a; b; a*b; dist; label]`.
    #[test]
    fn split_pair_scorers_match_the_concatenated_layer() {
        let dir = crate::events::default_dir();
        let tensors =
            candle_core::safetensors::load(dir.join("heads.safetensors"), &Device::Cpu).unwrap();
        let get = |name: &str| -> Vec<f32> {
            tensors[name]
                .to_dtype(DType::F32)
                .unwrap()
                .flatten_all()
                .unwrap()
                .to_vec1()
                .unwrap()
        };
        let heads = heads();
        let dim = heads.config.dim;
        let labels = get("label.weight");
        for (scorer, prefix, dist_name) in [
            (&heads.roles, "role", "role_dist.weight"),
            (&heads.antecedents, "ante", "ante_dist.weight"),
        ] {
            let (w, c) = (
                get(&format!("{prefix}_hidden.weight")),
                get(&format!("{prefix}_hidden.bias")),
            );
            let (wo, co) = (
                get(&format!("{prefix}_out.weight")),
                get(&format!("{prefix}_out.bias")),
            );
            let dists = get(dist_name);
            let (dd, ld) = (
                dists.len() / (scorer.dist.len() / scorer.hidden),
                labels.len() / (scorer.label.len() / scorer.hidden),
            );
            let a = values(dim, 7);
            let bs = values(5 * dim, 8);
            let rights = scorer.right(&bs);
            let pairs: Vec<PairInput> = (0..5)
                .map(|j| PairInput {
                    vector: &bs[j * dim..(j + 1) * dim],
                    right: &rights[j * scorer.hidden..(j + 1) * scorer.hidden],
                    distance: j * 3,
                    label: j % 7,
                })
                .collect();
            let got = scorer.score(&a, &scorer.left(&a), &pairs);
            let outputs = co.len();
            for (j, p) in pairs.iter().enumerate() {
                let mut z = a.clone();
                z.extend_from_slice(p.vector);
                z.extend(a.iter().zip(p.vector).map(|(x, y)| x * y));
                z.extend_from_slice(&dists[p.distance * dd..(p.distance + 1) * dd]);
                z.extend_from_slice(&labels[p.label * ld..(p.label + 1) * ld]);
                let hidden: Vec<f32> = c
                    .iter()
                    .enumerate()
                    .map(|(o, c)| gelu(c + dot(&w[o * z.len()..(o + 1) * z.len()], &z)))
                    .collect();
                for r in 0..outputs {
                    let want = co[r] + dot(&wo[r * hidden.len()..(r + 1) * hidden.len()], &hidden);
                    let ours = got[j * outputs + r];
                    assert!(
                        (ours - want).abs() <= 1e-4 * (1.0 + want.abs()),
                        "{prefix} pair {j} output {r}: {ours} vs {want}"
                    );
                }
            }
        }
    }
}
