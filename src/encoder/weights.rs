//! Reading the shipped safetensors file (fp16, bf16 or f32 on disk) into f32 arrays.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use safetensors::{Dtype, SafeTensors};

/// Every tensor of a safetensors file, as f32 with its shape.
pub struct Weights {
    tensors: HashMap<String, (Vec<usize>, Vec<f32>)>,
    file: String,
}

impl Weights {
    pub fn read(path: &Path) -> Result<Self> {
        Self::read_where(path, |_| true)
    }

    /// Only the tensors named in `names` (the rest of the file is not converted).
    pub fn read_only(path: &Path, names: &[&str]) -> Result<Self> {
        Self::read_where(path, |name| names.contains(&name))
    }

    fn read_where(path: &Path, wanted: impl Fn(&str) -> bool) -> Result<Self> {
        use rayon::prelude::*;
        let bytes = map(path)?;
        let st = SafeTensors::deserialize(&bytes)
            .with_context(|| format!("{} is not a valid safetensors file", path.display()))?;
        let views: Vec<_> = st
            .tensors()
            .into_iter()
            .filter(|(name, _)| wanted(name))
            .collect();
        // Tensors convert independently, each the same way whatever the thread count.
        let tensors = views
            .into_par_iter()
            .map(|(name, view)| {
                let data = view.data();
                let values: Vec<f32> = match view.dtype() {
                    Dtype::F16 => data
                        .chunks_exact(2)
                        .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
                        .collect(),
                    Dtype::BF16 => data
                        .chunks_exact(2)
                        .map(|b| half::bf16::from_le_bytes([b[0], b[1]]).to_f32())
                        .collect(),
                    Dtype::F32 => data
                        .chunks_exact(4)
                        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                        .collect(),
                    other => bail!(
                        "{}: tensor {name} has unsupported type {other:?}",
                        path.display()
                    ),
                };
                Ok((name, (view.shape().to_vec(), values)))
            })
            .collect::<Result<HashMap<_, _>>>()?;
        Ok(Weights {
            tensors,
            file: path.display().to_string(),
        })
    }

    pub fn take(&mut self, name: &str, shape: &[usize]) -> Result<Vec<f32>> {
        let Some((found, values)) = self.tensors.remove(name) else {
            bail!("{}: no tensor {name}", self.file);
        };
        if found != shape {
            bail!(
                "{}: tensor {name} has shape {found:?}, expected {shape:?}",
                self.file
            );
        }
        Ok(values)
    }
}

/// A model file mapped into memory, read only. Mapped rather than read because three readers
/// take what they need of the same file (the encoder, the tag head's three small tensors, the
/// hash): reading it whole cost a fresh page per 4 KiB, each time.
pub fn map(path: &Path) -> Result<memmap2::Mmap> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    // SAFETY: nothing writes the model files while attache runs; every user of the map
    // bounds-checks what it reads (`SafeTensors::deserialize`) or reads it whole (the hash).
    unsafe { memmap2::Mmap::map(&file) }.with_context(|| format!("cannot read {}", path.display()))
}

/// `[rows, cols]` row-major -> `[cols, rows]` row-major.
pub fn transpose(values: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut out = vec![0f32; values.len()];
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] = values[r * cols + c];
        }
    }
    out
}
