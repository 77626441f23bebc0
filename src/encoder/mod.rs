//! The encoder: word pieces (and their case classes) of many windows -> hidden states.
//!
//! One backend per file, all behind [`Encoder`]; the NER heads (`ner::heads`) stay ours and
//! run on whatever a backend returns.
//!
//! | backend | what |
//! |---|---|
//! | `packed` (default) | our forward pass on the `gemm` crate: every real token of every window of a batch in one matrix, attention per window, no padding anywhere |
//! | `int8` | `packed` with int8 weights (per output channel) and int8 activations (per token), our AVX2 / AVX-512 VNNI kernels |
//! | `candle` | candle tensors on padded batches (the first backend) |
//! | `rust-bert` | rust-bert's `BertEncoder` on libtorch, our embedding layer; only with the cargo feature `rust-bert` (`scripts/rust-bert.sh`) |
//!
//! Every backend is deterministic: the hidden states of a window depend only on that window,
//! never on which other windows share its batch or on the thread count.

pub mod candle;
pub mod elementwise;
pub mod int8;
pub mod packed;
#[cfg(feature = "rust-bert")]
pub mod rustbert;
pub mod weights;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use anyhow::{bail, Result};
use serde::Deserialize;

/// The fields of the Hugging Face `config.json` the encoder needs.
#[derive(Debug, Clone, Deserialize)]
pub struct BertConfig {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f64,
    #[serde(default)]
    pub hidden_act: Option<String>,
}

fn default_eps() -> f64 {
    1e-12
}

impl BertConfig {
    pub fn check(&self) -> Result<()> {
        if self.hidden_act.as_deref().is_some_and(|a| a != "gelu") {
            bail!(
                "unsupported activation {:?} in config.json (only gelu)",
                self.hidden_act
            );
        }
        if self.num_attention_heads == 0 || self.hidden_size % self.num_attention_heads != 0 {
            bail!(
                "hidden size {} is not a multiple of {} heads",
                self.hidden_size,
                self.num_attention_heads
            );
        }
        Ok(())
    }
}

/// Windows of one batch, packed: window `w` is tokens `offsets[w]..offsets[w + 1]`, each
/// starting with `[CLS]` and ending with `[SEP]`; no padding.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    pub token_ids: Vec<u32>,
    pub shape_ids: Vec<u32>,
    pub offsets: Vec<usize>,
}

impl Packed {
    pub fn new() -> Self {
        Packed {
            token_ids: Vec::new(),
            shape_ids: Vec::new(),
            offsets: vec![0],
        }
    }

    pub fn push(&mut self, ids: &[u32], shapes: &[u32]) {
        self.token_ids.extend_from_slice(ids);
        self.shape_ids.extend_from_slice(shapes);
        self.offsets.push(self.token_ids.len());
    }

    pub fn windows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn tokens(&self) -> usize {
        self.token_ids.len()
    }

    pub fn window(&self, w: usize) -> std::ops::Range<usize> {
        self.offsets[w]..self.offsets[w + 1]
    }

    /// Length of the longest window.
    pub fn max_len(&self) -> usize {
        (0..self.windows())
            .map(|w| self.window(w).len())
            .max()
            .unwrap_or(0)
    }
}

/// A backend that runs the encoder.
pub trait Encoder: Send + Sync {
    /// Hidden states of every token of `input`, `[tokens * hidden]` row-major, in input order.
    fn encode(&self, input: &Packed) -> Result<Vec<f32>>;
    /// [`Self::encode`] computed on the calling thread only, bit for bit the same result, for
    /// running several batches side by side (only called where [`Self::serial`] says so).
    fn encode_serial(&self, input: &Packed) -> Result<Vec<f32>> {
        self.encode(input)
    }
    /// Whether [`Self::encode_serial`] keeps to the calling thread; backends that cannot
    /// run their batches one after another, each over all threads.
    fn serial(&self) -> bool {
        false
    }
    fn hidden(&self) -> usize;
    fn max_positions(&self) -> usize;
    /// Whether the backend computes padded rectangles (then batches should be cut so that
    /// little is padding) or only real tokens.
    fn pads(&self) -> bool;
}

/// Which backend runs the encoder (`--backend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    #[default]
    Packed,
    Int8,
    Candle,
    /// rust-bert on libtorch: only in builds with the cargo feature `rust-bert`.
    RustBert,
}

/// What `--backend rust-bert` says in a build without the feature.
pub const RUST_BERT_MISSING: &str =
    "the rust-bert backend is not in this build: build with `--features rust-bert`, \
     with libtorch from PyPI set up by scripts/rust-bert.sh, e.g. \
     `bash scripts/rust-bert.sh cargo run --release --features rust-bert -- --backend rust-bert` \
     (see README.md, Encoder backends)";

impl Backend {
    /// Every backend in this build.
    #[cfg(not(feature = "rust-bert"))]
    pub const ALL: [Backend; 3] = [Backend::Packed, Backend::Int8, Backend::Candle];
    #[cfg(feature = "rust-bert")]
    pub const ALL: [Backend; 4] = [
        Backend::Packed,
        Backend::Int8,
        Backend::Candle,
        Backend::RustBert,
    ];

    /// What `--backend auto` (the command line's default) runs: `int8` where this CPU has the
    /// int8 dot-product instructions (AVX-512 VNNI: the encoder about 2x faster than `packed`,
    /// entity and record scores equal or better, README "Speed"), `packed` elsewhere (where the
    /// int8 kernels are no faster than f32).
    pub fn fastest() -> Backend {
        if int8::has_dot_product_kernel() {
            Backend::Int8
        } else {
            Backend::Packed
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Packed => "packed",
            Backend::Int8 => "int8",
            Backend::Candle => "candle",
            Backend::RustBert => "rust-bert",
        }
    }

    /// What `run.json` records: the backend and the precision and kernels it runs.
    pub fn describe(self) -> String {
        match self {
            Backend::Packed => "packed cpu f32 (gemm)".to_string(),
            Backend::Int8 => format!("int8 cpu ({})", int8::kernel_name()),
            Backend::Candle => "candle cpu f32".to_string(),
            Backend::RustBert => "rust-bert cpu f32 (libtorch)".to_string(),
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Backend {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        if s == "auto" {
            return Ok(Backend::fastest());
        }
        if s == "rust-bert" && !cfg!(feature = "rust-bert") {
            return Err(RUST_BERT_MISSING.to_string());
        }
        Backend::ALL
            .into_iter()
            .find(|b| b.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Backend::ALL.iter().map(|b| b.name()).collect();
                format!("unknown backend {s:?} (one of: auto, {})", names.join(", "))
            })
    }
}

/// Loads the encoder weights of `weights` (a safetensors file) for `backend`. `n_shapes` is
/// the number of case classes whose embeddings join the input embeddings.
pub fn load(
    backend: Backend,
    weights: &Path,
    config: &BertConfig,
    n_shapes: usize,
) -> Result<Box<dyn Encoder>> {
    config.check()?;
    Ok(match backend {
        Backend::Candle => Box::new(candle::CandleEncoder::load(weights, config, n_shapes)?),
        Backend::Packed => Box::new(packed::PackedEncoder::load(
            weights, config, n_shapes, false,
        )?),
        Backend::Int8 => Box::new(packed::PackedEncoder::load(
            weights, config, n_shapes, true,
        )?),
        #[cfg(feature = "rust-bert")]
        Backend::RustBert => Box::new(rustbert::RustBertEncoder::load(weights, config, n_shapes)?),
        #[cfg(not(feature = "rust-bert"))]
        Backend::RustBert => bail!("{RUST_BERT_MISSING}"),
    })
}

#[cfg(test)]
mod tests {
    use super::Backend;

    #[test]
    fn backend_names_round_trip() {
        for backend in Backend::ALL {
            assert_eq!(backend.name().parse::<Backend>(), Ok(backend));
        }
        assert!("cuda"
            .parse::<Backend>()
            .unwrap_err()
            .contains("one of: auto, packed, int8, candle"));
    }

    /// `auto` names a real backend: int8 exactly where its dot-product kernel runs.
    #[test]
    fn auto_is_int8_where_the_dot_product_kernel_runs() {
        let auto = "auto".parse::<Backend>().unwrap();
        let expected = if super::int8::has_dot_product_kernel() {
            Backend::Int8
        } else {
            Backend::Packed
        };
        assert_eq!(auto, expected);
    }

    /// Without the feature, `--backend rust-bert` says how to get it.
    #[cfg(not(feature = "rust-bert"))]
    #[test]
    fn rust_bert_without_the_feature_says_how_to_build_it() {
        let message = "rust-bert".parse::<Backend>().unwrap_err();
        assert!(
            message.contains("--features rust-bert") && message.contains("scripts/rust-bert.sh"),
            "{message}"
        );
    }
}
