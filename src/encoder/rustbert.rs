//! The `rust-bert` backend (cargo feature `rust-bert`): rust-bert's `BertEncoder` on libtorch
//! (through tch), fed by our own embedding layer.
//!
//! rust-bert's `BertEmbeddings` sums word, position and token-type embeddings only; our model
//! adds a case/shape embedding (`case_in`) to the word-piece embeddings, so the embedding
//! layer is written here exactly as in `candle.rs` (word + case, + position + token type 0,
//! layer norm) and its output goes to rust-bert's six `BertLayer`s. Every tensor comes from
//! the shipped safetensors (read by `weights.rs`, fp16 to f32), checked for its shape; the
//! forward pass runs in f32 on padded batches with an additive mask, as `candle` does.
//!
//! libtorch comes from PyPI's `torch` wheel: `scripts/rust-bert.sh` installs the version tch
//! wants and runs cargo with it.
//!
//! Determinism: torch's intra-op thread count is set, on the thread that runs the forward
//! pass, to the size of the rayon pool that calls `encode` (`--threads`), and the results do
//! not depend on it (tested bit for bit in `tests/encoder_backends.rs`).

use std::path::Path;
use std::sync::Mutex;

use anyhow::{anyhow, bail, Result};
use rust_bert::bert::{BertConfig as RbConfig, BertEncoder};
use rust_bert::Activation;
use tch::{nn, Device, Kind, Tensor};

use super::weights::Weights;
use super::{BertConfig, Encoder, Packed};

struct Model {
    /// Owns the variables `encoder` uses.
    _store: nn::VarStore,
    encoder: BertEncoder,
    word_embeddings: Tensor,
    position_embeddings: Tensor,
    token_type_zero: Tensor,
    case_in: Tensor,
    norm_weight: Tensor,
    norm_bias: Tensor,
}

/// The encoder on libtorch, through rust-bert.
pub struct RustBertEncoder {
    /// tch tensors are `Send` but not `Sync`; one forward pass at a time (each uses every
    /// torch thread anyway).
    model: Mutex<Model>,
    hidden: usize,
    eps: f64,
    max_positions: usize,
}

fn tensor(weights: &mut Weights, name: &str, shape: &[usize]) -> Result<Tensor> {
    let values = weights.take(name, shape)?;
    let dims: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    Ok(Tensor::from_slice(&values).view(dims.as_slice()))
}

impl RustBertEncoder {
    pub fn load(path: &Path, config: &BertConfig, n_shapes: usize) -> Result<Self> {
        if config.layer_norm_eps != 1e-12 {
            // rust-bert's BertSelfOutput / BertOutput fix eps at 1e-12.
            bail!(
                "the rust-bert backend needs layer_norm_eps 1e-12 (config.json has {})",
                config.layer_norm_eps
            );
        }
        let h = config.hidden_size;
        let rb_config = RbConfig {
            hidden_act: Activation::gelu,
            attention_probs_dropout_prob: 0.0,
            hidden_dropout_prob: 0.0,
            hidden_size: h as i64,
            initializer_range: 0.02,
            intermediate_size: config.intermediate_size as i64,
            max_position_embeddings: config.max_position_embeddings as i64,
            num_attention_heads: config.num_attention_heads as i64,
            num_hidden_layers: config.num_hidden_layers as i64,
            type_vocab_size: 2,
            vocab_size: config.vocab_size as i64,
            output_attentions: Some(false),
            output_hidden_states: Some(false),
            is_decoder: Some(false),
            id2label: None,
            label2id: None,
        };
        let mut weights = Weights::read(path)?;
        let mut store = nn::VarStore::new(Device::Cpu);
        let encoder = BertEncoder::new(store.root() / "encoder", &rb_config);
        // Every variable rust-bert created, filled from the file under the same name (the
        // Hugging Face names: encoder.layer.N.attention.self.query.weight, ...).
        let mut names: Vec<(String, Tensor)> = store.variables().into_iter().collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        tch::no_grad(|| -> Result<()> {
            for (name, mut var) in names {
                let shape: Vec<usize> = var.size().iter().map(|&d| d as usize).collect();
                let value = tensor(&mut weights, &name, &shape)?;
                var.f_copy_(&value)
                    .map_err(|e| anyhow!("{}: cannot load {name}: {e}", path.display()))?;
            }
            Ok(())
        })?;
        store.freeze();
        let model = Model {
            encoder,
            word_embeddings: tensor(
                &mut weights,
                "embeddings.word_embeddings.weight",
                &[config.vocab_size, h],
            )?,
            position_embeddings: tensor(
                &mut weights,
                "embeddings.position_embeddings.weight",
                &[config.max_position_embeddings, h],
            )?,
            token_type_zero: tensor(
                &mut weights,
                "embeddings.token_type_embeddings.weight",
                &[2, h],
            )?
            .get(0),
            case_in: tensor(&mut weights, "case_in.weight", &[n_shapes, h])?,
            norm_weight: tensor(&mut weights, "embeddings.LayerNorm.weight", &[h])?,
            norm_bias: tensor(&mut weights, "embeddings.LayerNorm.bias", &[h])?,
            _store: store,
        };
        Ok(RustBertEncoder {
            model: Mutex::new(model),
            hidden: h,
            eps: config.layer_norm_eps,
            max_positions: config.max_position_embeddings,
        })
    }
}

impl Encoder for RustBertEncoder {
    /// Pads the windows to the longest one, runs the padded batch, keeps the real positions.
    fn encode(&self, input: &Packed) -> Result<Vec<f32>> {
        let (b, t, h) = (input.windows(), input.max_len(), self.hidden);
        if b == 0 || t == 0 {
            return Ok(Vec::new());
        }
        let mut token_ids = vec![0i64; b * t];
        let mut shape_ids = vec![0i64; b * t];
        let mut mask = vec![0f32; b * t];
        let mut lengths = Vec::with_capacity(b);
        for w in 0..b {
            let range = input.window(w);
            let len = range.len();
            for (i, (&id, &shape)) in input.token_ids[range.clone()]
                .iter()
                .zip(&input.shape_ids[range])
                .enumerate()
            {
                token_ids[w * t + i] = id as i64;
                shape_ids[w * t + i] = shape as i64;
            }
            for m in &mut mask[w * t + len..(w + 1) * t] {
                *m = -1e9;
            }
            lengths.push(len);
        }
        let model = self
            .model
            .lock()
            .map_err(|_| anyhow!("the rust-bert encoder panicked in an earlier batch"))?;
        // On this thread, which runs the pass: torch's OpenMP threads follow `--threads`.
        tch::set_num_threads(rayon::current_num_threads() as i32);
        let all: Vec<f32> = tch::no_grad(|| -> Result<Vec<f32>> {
            let (bi, ti, hi) = (b as i64, t as i64, h as i64);
            let ids = Tensor::from_slice(&token_ids);
            let shapes = Tensor::from_slice(&shape_ids);
            let positions = model.position_embeddings.narrow(0, 0, ti) + &model.token_type_zero;
            let embedded = (model.word_embeddings.index_select(0, &ids)
                + model.case_in.index_select(0, &shapes))
            .view([bi, ti, hi])
                + positions.unsqueeze(0);
            let x = embedded.layer_norm(
                [hi],
                Some(&model.norm_weight),
                Some(&model.norm_bias),
                self.eps,
                false,
            );
            let mask = Tensor::from_slice(&mask).view([bi, 1, 1, ti]);
            let out = model
                .encoder
                .forward_t(&x, Some(&mask), None, None, false)
                .hidden_state;
            let out = out.to_kind(Kind::Float).contiguous().view([-1]);
            Vec::<f32>::try_from(&out).map_err(|e| anyhow!("rust-bert backend: {e}"))
        })?;
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
