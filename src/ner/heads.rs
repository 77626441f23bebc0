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
    pub fn load(
        path: &Path,
        hidden: usize,
        n_shapes: usize,
        shape_dim: usize,
        labels: usize,
    ) -> Result<Self> {
        let mut w = Weights::read_only(
            path,
            &["case_out.weight", "classifier.weight", "classifier.bias"],
        )?;
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
        self.case_out
            .get(shape as usize * d..(shape as usize + 1) * d)
            .ok_or_else(|| anyhow::anyhow!("case class {shape} unknown to the model"))
    }

    /// Label logits `[labels]` of one token from its hidden state and case class.
    pub fn logits(&self, hidden: &[f32], shape: u32, out: &mut [f32]) -> Result<()> {
        let (h, d) = (self.hidden, self.shape_dim);
        let Some(case) = self
            .case_out
            .get(shape as usize * d..(shape as usize + 1) * d)
        else {
            bail!("case class {shape} unknown to the model");
        };
        if hidden.len() != h || out.len() != self.labels {
            bail!("tag head got {} hidden values for {h}", hidden.len());
        }
        for (label, o) in out.iter_mut().enumerate() {
            let row = &self.weight[label * (h + d)..(label + 1) * (h + d)];
            *o = self.bias[label] + dot8(&row[..h], hidden) + dot8(&row[h..], case);
        }
        Ok(())
    }
}

/// Dot product in eight interleaved sums added in a fixed order: it vectorises (a single
/// running sum cannot be reordered by the compiler) and gives the same bits on every CPU.
#[inline]
fn dot8(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (mut xs, mut ys) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut xs).zip(&mut ys) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let mut s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (x, y) in xs.remainder().iter().zip(ys.remainder()) {
        s += x * y;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::dot8;

    #[test]
    fn dot8_is_the_dot_product() {
        // 19 values: two chunks of eight and a tail of three.
        let a: Vec<f32> = (0..19).map(|i| i as f32 * 0.5 - 3.0).collect();
        let b: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.25).collect();
        let exact: f64 = a
            .iter()
            .zip(&b)
            .map(|(x, y)| f64::from(*x) * f64::from(*y))
            .sum();
        assert!(
            (f64::from(dot8(&a, &b)) - exact).abs() < 1e-4,
            "{} vs {exact}",
            dot8(&a, &b)
        );
        assert_eq!(dot8(&[], &[]), 0.0);
    }
}
