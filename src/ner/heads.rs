//! The tagging head, ours whatever backend runs the encoder: the hidden state of a word piece
//! joined with the embedding of its case class, then one linear layer to label logits.

use std::path::Path;

use anyhow::{bail, Result};

use crate::encoder::weights::Weights;

pub struct TagHead {
    /// `[n_shapes, shape_dim]`.
    case_out: Vec<f32>,
    /// `[labels, hidden + shape_dim]`.
    weight: Vec<f32>,
    bias: Vec<f32>,
    hidden: usize,
    shape_dim: usize,
    labels: usize,
}

impl TagHead {
    pub fn load(path: &Path, hidden: usize, n_shapes: usize, shape_dim: usize, labels: usize) -> Result<Self> {
        let mut w = Weights::read_only(path, &["case_out.weight", "classifier.weight", "classifier.bias"])?;
        Ok(TagHead {
            case_out: w.take("case_out.weight", &[n_shapes, shape_dim])?,
            weight: w.take("classifier.weight", &[labels, hidden + shape_dim])?,
            bias: w.take("classifier.bias", &[labels])?,
            hidden,
            shape_dim,
            labels,
        })
    }

    /// Width of what the classifier reads: hidden state and case embedding.
    pub fn feature_dim(&self) -> usize {
        self.hidden + self.shape_dim
    }

    /// The case embedding of a case class (the tail of the classifier's input).
    pub fn case_embedding(&self, shape: u32) -> Result<&[f32]> {
        let d = self.shape_dim;
        self.case_out.get(shape as usize * d..(shape as usize + 1) * d).ok_or_else(|| anyhow::anyhow!("case class {shape} unknown to the model"))
    }

    /// Label logits `[labels]` of one token from its hidden state and case class.
    pub fn logits(&self, hidden: &[f32], shape: u32, out: &mut [f32]) -> Result<()> {
        let (h, d) = (self.hidden, self.shape_dim);
        let Some(case) = self.case_out.get(shape as usize * d..(shape as usize + 1) * d) else {
            bail!("case class {shape} unknown to the model");
        };
        if hidden.len() != h || out.len() != self.labels {
            bail!("tag head got {} hidden values for {h}", hidden.len());
        }
        for (label, o) in out.iter_mut().enumerate() {
            let row = &self.weight[label * (h + d)..(label + 1) * (h + d)];
            let mut s = self.bias[label];
            for (a, b) in row[..h].iter().zip(hidden) {
                s += a * b;
            }
            for (a, b) in row[h..].iter().zip(case) {
                s += a * b;
            }
            *o = s;
        }
        Ok(())
    }
}
