//! The event reader's network: small heads on the shared encoder's word features, mirrored
//! from `training/events/heads.py` (tensor names are the file format).
//!
//! Sizes are tiny next to the encoder (a projection, three dilated convolutions over words and
//! a few linear layers), so plain loops over `f32` rows are fast enough and keep the results
//! independent of batching and thread count.

use std::path::Path;

use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Tensor};
use serde::Deserialize;

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
}

/// A dense layer, `weight` row-major `[out, in]` as torch stores it.
struct Dense {
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
}

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

/// `Conv1d(dim, dim, 3, dilation=d, padding=d)` over a sentence's words.
struct Conv {
    /// `[out, in, 3]` rearranged to three `[in, out]` matrices, one per tap.
    taps_t: Vec<Tensor>,
    bias: Vec<f32>,
    dilation: usize,
}

pub struct EventHeads {
    pub config: HeadsConfig,
    proj: Dense,
    /// `proj.weight` transposed, `[in, dim]`, for the matrix product over all words.
    proj_t: Tensor,
    convs: Vec<Conv>,
    trigger: Dense,
    reference: Dense,
    status: Dense,
    role_dist: Vec<f32>,
    ante_dist: Vec<f32>,
    label: Vec<f32>,
    dist_dim: usize,
    label_dim: usize,
    role_hidden: Dense,
    role_out: Dense,
    ante_hidden: Dense,
    ante_out: Dense,
}

impl EventHeads {
    pub fn load(dir: &Path) -> Result<Self> {
        let config: HeadsConfig = serde_json::from_str(
            &std::fs::read_to_string(dir.join("events.json"))
                .with_context(|| format!("cannot read {} (the shipped event reader is models/events)", dir.join("events.json").display()))?,
        )
        .context("events.json is malformed")?;
        let path = dir.join("heads.safetensors");
        let tensors = candle_core::safetensors::load(&path, &Device::Cpu)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let get = |name: &str| -> Result<(Vec<usize>, Vec<f32>)> {
            let t: &Tensor = tensors.get(name).with_context(|| format!("{} has no tensor {name}", path.display()))?;
            Ok((t.dims().to_vec(), t.to_dtype(DType::F32)?.flatten_all()?.to_vec1()?))
        };
        let dense = |name: &str| -> Result<Dense> {
            let (dims, weight) = get(&format!("{name}.weight"))?;
            let (_, bias) = get(&format!("{name}.bias"))?;
            if dims.len() != 2 || dims[0] != bias.len() {
                bail!("{name}: unexpected shape {dims:?}");
            }
            Ok(Dense { weight, bias, inputs: dims[1] })
        };
        let mut convs = Vec::new();
        for (i, &dilation) in config.dilations.iter().enumerate() {
            let (dims, w) = get(&format!("convs.{i}.weight"))?;
            let (_, bias) = get(&format!("convs.{i}.bias"))?;
            let (out, inp, k) = (dims[0], dims[1], dims[2]);
            if k != 3 {
                bail!("convs.{i}: kernel {k}, expected 3");
            }
            let mut taps_t = Vec::new();
            for tap in 0..3 {
                let mut m = vec![0f32; inp * out];
                for o in 0..out {
                    for j in 0..inp {
                        m[j * out + o] = w[(o * inp + j) * 3 + tap];
                    }
                }
                taps_t.push(Tensor::from_vec(m, (inp, out), &Device::Cpu)?);
            }
            convs.push(Conv { taps_t, bias, dilation });
        }
        let (rd, role_dist) = get("role_dist.weight")?;
        let (_, ante_dist) = get("ante_dist.weight")?;
        let (ld, label) = get("label.weight")?;
        let proj = dense("proj")?;
        let proj_t = Tensor::from_vec(proj.weight.clone(), (proj.out(), proj.inputs), &Device::Cpu)?.t()?.contiguous()?;
        let heads = EventHeads {
            proj,
            proj_t,
            convs,
            trigger: dense("trigger")?,
            reference: dense("ref")?,
            status: dense("status")?,
            role_dist,
            ante_dist,
            label,
            dist_dim: rd[1],
            label_dim: ld[1],
            role_hidden: dense("role_hidden")?,
            role_out: dense("role_out")?,
            ante_hidden: dense("ante_hidden")?,
            ante_out: dense("ante_out")?,
            config,
        };
        if heads.proj.inputs != heads.config.in_dim || heads.trigger.out() != heads.config.trigger_tags.len() {
            bail!("{}: heads do not match events.json", path.display());
        }
        Ok(heads)
    }

    /// Word vectors of a document's sentences: `[words, in_dim]` encoder features each ->
    /// `[words, dim]` each. All words of the document go through each layer as one matrix
    /// product; a convolution tap reads zero beyond its sentence's ends, as in training.
    pub fn words(&self, sentences: &[(&[f32], usize)]) -> Result<Vec<Vec<f32>>> {
        let (d, inp) = (self.config.dim, self.config.in_dim);
        let total: usize = sentences.iter().map(|s| s.1).sum();
        if total == 0 {
            return Ok(sentences.iter().map(|_| Vec::new()).collect());
        }
        let mut x = Vec::with_capacity(total * inp);
        for (f, _) in sentences {
            x.extend_from_slice(f);
        }
        let x = Tensor::from_vec(x, (total, inp), &Device::Cpu)?;
        let mut h: Vec<f32> = x.matmul(&self.proj_t)?.flatten_all()?.to_vec1()?;
        for (v, b) in h.iter_mut().zip(self.proj.bias.iter().cycle()) {
            *v = gelu(*v + b);
        }
        // Sentence of each word row, and its position in the sentence.
        let mut bounds = Vec::with_capacity(total);
        for (_, n) in sentences {
            for i in 0..*n {
                bounds.push((i, *n));
            }
        }
        for conv in &self.convs {
            let mut acc = vec![0f32; total * d];
            for (o, b) in acc.iter_mut().zip(conv.bias.iter().cycle()) {
                *o = *b;
            }
            for (tap, weight_t) in conv.taps_t.iter().enumerate() {
                let shift = (tap as isize - 1) * conv.dilation as isize;
                let mut shifted = vec![0f32; total * d];
                for (row, &(i, n)) in bounds.iter().enumerate() {
                    let at = i as isize + shift;
                    if at >= 0 && (at as usize) < n {
                        let src = (row as isize + shift) as usize;
                        shifted[row * d..(row + 1) * d].copy_from_slice(&h[src * d..(src + 1) * d]);
                    }
                }
                let y: Vec<f32> = Tensor::from_vec(shifted, (total, d), &Device::Cpu)?.matmul(weight_t)?.flatten_all()?.to_vec1()?;
                for (a, v) in acc.iter_mut().zip(y) {
                    *a += v;
                }
            }
            for (v, a) in h.iter_mut().zip(acc) {
                *v += gelu(a);
            }
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut at = 0;
        for (_, n) in sentences {
            out.push(h[at * d..(at + n) * d].to_vec());
            at += n;
        }
        Ok(out)
    }

    /// Trigger-tag and reference-tag logits of each word.
    pub fn word_logits(&self, h: &[f32], words: usize) -> (Vec<f32>, Vec<f32>) {
        let d = self.config.dim;
        let (mut trig, mut refs, mut y) = (Vec::new(), Vec::new(), Vec::new());
        for w in 0..words {
            let x = &h[w * d..(w + 1) * d];
            self.trigger.apply(x, &mut y);
            trig.extend_from_slice(&y);
            self.reference.apply(x, &mut y);
            refs.extend_from_slice(&y);
        }
        (trig, refs)
    }

    pub fn status_logits(&self, span: &[f32]) -> Vec<f32> {
        let mut y = Vec::new();
        self.status.apply(span, &mut y);
        y
    }

    fn pair(&self, hidden: &Dense, out: &Dense, a: &[f32], b: &[f32], dist: &[f32], label: &[f32]) -> Vec<f32> {
        let mut z = Vec::with_capacity(hidden.inputs);
        z.extend_from_slice(a);
        z.extend_from_slice(b);
        z.extend(a.iter().zip(b).map(|(x, y)| x * y));
        z.extend_from_slice(dist);
        z.extend_from_slice(label);
        let mut y = Vec::new();
        hidden.apply(&z, &mut y);
        for v in &mut y {
            *v = gelu(*v);
        }
        let mut o = Vec::new();
        out.apply(&y, &mut o);
        o
    }

    /// Role logits (one per role) of a (trigger, mention) pair.
    pub fn role_logits(&self, trigger: &[f32], mention: &[f32], distance: usize, label: usize) -> Vec<f32> {
        let dist = &self.role_dist[distance * self.dist_dim..(distance + 1) * self.dist_dim];
        let lab = &self.label[label * self.label_dim..(label + 1) * self.label_dim];
        self.pair(&self.role_hidden, &self.role_out, trigger, mention, dist, lab)
    }

    /// Logit that `candidate` is what the referring phrase `reference` stands for.
    pub fn antecedent_logit(&self, reference: &[f32], candidate: &[f32], distance: usize, label: usize) -> f32 {
        let dist = &self.ante_dist[distance * self.dist_dim..(distance + 1) * self.dist_dim];
        let lab = &self.label[label * self.label_dim..(label + 1) * self.label_dim];
        self.pair(&self.ante_hidden, &self.ante_out, reference, candidate, dist, lab)[0]
    }

    fn bucket(&self, d: isize) -> usize {
        let a = d.unsigned_abs();
        let b = self.config.word_buckets.iter().rposition(|&lo| a >= lo).unwrap_or(0);
        if d >= 0 { b } else { self.config.word_buckets.len() + b }
    }

    /// Embedding row of a (trigger, mention) pair: sentence offset -1/0/+1, signed word distance.
    pub fn role_distance(&self, sentence_offset: isize, words: isize) -> usize {
        (sentence_offset + 1) as usize * 2 * self.config.word_buckets.len() + self.bucket(words)
    }

    pub fn antecedent_distance(&self, sentences_back: usize, words: isize) -> usize {
        sentences_back.min(self.config.antecedent_sentences) * 2 * self.config.word_buckets.len() + self.bucket(words)
    }
}

