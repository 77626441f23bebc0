//! int8 linear layers: weights quantized per output channel at load, activations per token
//! (row) at run time, both symmetric to [-127, 127]; products summed exactly in i32, then
//! scaled back to f32 and the f32 bias added.
//!
//! Kernels, chosen at run time: AVX2 (`vpmaddwd` on pairs of i16-widened values, a 6x16 tile
//! of i32 accumulators) and a portable one. Both sum the same integers exactly and share the
//! f32 epilogue, so every machine gives bit-identical results (`avx2_kernel_equals_portable`
//! checks it).

use rayon::prelude::*;

/// Output columns per packed panel.
const NR: usize = 16;
/// Rows per register tile.
const MR: usize = 6;
/// Rows per parallel task.
const ROWS_PER_TASK: usize = 48;

/// Which kernel this machine runs.
pub fn kernel_name() -> &'static str {
    if has_avx2() {
        "avx2 i16 madd"
    } else {
        "portable"
    }
}

#[inline]
fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if std::env::var_os("ATTACHE_INT8_PORTABLE").is_some() {
            return false;
        }
        is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

pub struct QLinear {
    input: usize,
    output: usize,
    /// `input` rounded up to even.
    k2: usize,
    /// Panels of `NR` output columns: `[panel][k / 2][NR][2]` i16 (pairs of inputs adjacent).
    packed: Vec<i16>,
    /// Per output column: weight scale.
    scales: Vec<f32>,
    bias: Vec<f32>,
}

/// Symmetric int8 quantization of a vector: scale and rounded values.
#[inline]
fn quantize_row(x: &[f32], out: &mut [i16]) -> f32 {
    let max = x.iter().fold(0f32, |m, &v| m.max(v.abs()));
    if max == 0.0 || !max.is_finite() {
        out.fill(0);
        return 0.0;
    }
    let inv = 127.0 / max;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = (v * inv).round().clamp(-127.0, 127.0) as i16;
    }
    max / 127.0
}

impl QLinear {
    /// `weight`: PyTorch's `[output, input]` row-major.
    pub fn new(weight: &[f32], bias: Vec<f32>, input: usize, output: usize) -> Self {
        let k2 = input.div_ceil(2) * 2;
        let panels = output.div_ceil(NR);
        let mut packed = vec![0i16; panels * k2 * NR];
        let mut scales = vec![0f32; output];
        let mut q = vec![0i16; input];
        for c in 0..output {
            scales[c] = quantize_row(&weight[c * input..(c + 1) * input], &mut q);
            let (panel, col) = (c / NR, c % NR);
            for (k, &v) in q.iter().enumerate() {
                packed[panel * k2 * NR + (k / 2) * NR * 2 + col * 2 + k % 2] = v;
            }
        }
        QLinear { input, output, k2, packed, scales, bias }
    }

    pub fn output(&self) -> usize {
        self.output
    }

    /// `out[n, output] = x[n, input] W + b`.
    pub fn forward(&self, x: &[f32], n: usize, out: &mut [f32]) {
        self.forward_with(x, n, out, has_avx2(), true)
    }

    /// [`Self::forward`] on the calling thread only (same results).
    pub fn forward_serial(&self, x: &[f32], n: usize, out: &mut [f32]) {
        self.forward_with(x, n, out, has_avx2(), false)
    }

    fn forward_with(&self, x: &[f32], n: usize, out: &mut [f32], avx2: bool, parallel: bool) {
        let (k, k2, m) = (self.input, self.k2, self.output);
        debug_assert!(x.len() == n * k && out.len() == n * m);
        let task = |(out, x): (&mut [f32], &[f32])| {
            let rows = x.len() / k;
            // Quantized rows, padded to a whole tile of zero rows and an even inner length.
            let tiles = rows.div_ceil(MR);
            let mut a = vec![0i16; tiles * MR * k2];
            let mut row_scales = vec![0f32; tiles * MR];
            for r in 0..rows {
                row_scales[r] = quantize_row(&x[r * k..(r + 1) * k], &mut a[r * k2..r * k2 + k]);
            }
            let mut acc = [[0i32; NR]; MR];
            for panel in 0..m.div_ceil(NR) {
                let b = &self.packed[panel * k2 * NR..(panel + 1) * k2 * NR];
                let cols = (m - panel * NR).min(NR);
                for tile in 0..tiles {
                    let a_tile = &a[tile * MR * k2..(tile + 1) * MR * k2];
                    if avx2 {
                        #[cfg(target_arch = "x86_64")]
                        // SAFETY: AVX2 was detected; the slices hold MR rows of k2 and k2 * NR values.
                        unsafe {
                            avx2::tile(a_tile, b, k2, &mut acc)
                        };
                    } else {
                        portable_tile(a_tile, b, k2, &mut acc);
                    }
                    for (i, acc_row) in acc.iter().enumerate() {
                        let r = tile * MR + i;
                        if r >= rows {
                            break;
                        }
                        let sa = row_scales[r];
                        let o = &mut out[r * m + panel * NR..r * m + panel * NR + cols];
                        for (j, o) in o.iter_mut().enumerate() {
                            let c = panel * NR + j;
                            *o = acc_row[j] as f32 * (sa * self.scales[c]) + self.bias[c];
                        }
                    }
                }
            }
        };
        if parallel {
            out.par_chunks_mut(m * ROWS_PER_TASK).zip(x.par_chunks(k * ROWS_PER_TASK)).for_each(task);
        } else {
            out.chunks_mut(m * ROWS_PER_TASK).zip(x.chunks(k * ROWS_PER_TASK)).for_each(task);
        }
    }
}

fn portable_tile(a: &[i16], b: &[i16], k2: usize, acc: &mut [[i32; NR]; MR]) {
    for (r, acc_row) in acc.iter_mut().enumerate() {
        let a_row = &a[r * k2..(r + 1) * k2];
        let mut sums = [0i32; NR];
        for p in 0..k2 / 2 {
            let (a0, a1) = (a_row[2 * p] as i32, a_row[2 * p + 1] as i32);
            let bp = &b[p * NR * 2..(p + 1) * NR * 2];
            for c in 0..NR {
                sums[c] += a0 * bp[2 * c] as i32 + a1 * bp[2 * c + 1] as i32;
            }
        }
        *acc_row = sums;
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{MR, NR};
    use std::arch::x86_64::*;

    /// `acc[r][c] = sum_k a[r][k] * b[k][c]` for a tile of MR rows and NR columns.
    #[target_feature(enable = "avx2")]
    pub unsafe fn tile(a: &[i16], b: &[i16], k2: usize, acc: &mut [[i32; NR]; MR]) {
        debug_assert!(a.len() >= MR * k2 && b.len() >= k2 * NR);
        let mut c = [_mm256_setzero_si256(); 2 * MR];
        let ap = a.as_ptr();
        let bp = b.as_ptr();
        for p in 0..k2 / 2 {
            let b0 = _mm256_loadu_si256(bp.add(p * 2 * NR) as *const __m256i);
            let b1 = _mm256_loadu_si256(bp.add(p * 2 * NR + 16) as *const __m256i);
            for r in 0..MR {
                let pair = (ap.add(r * k2 + 2 * p) as *const i32).read_unaligned();
                let av = _mm256_set1_epi32(pair);
                c[2 * r] = _mm256_add_epi32(c[2 * r], _mm256_madd_epi16(av, b0));
                c[2 * r + 1] = _mm256_add_epi32(c[2 * r + 1], _mm256_madd_epi16(av, b1));
            }
        }
        for r in 0..MR {
            _mm256_storeu_si256(acc[r].as_mut_ptr() as *mut __m256i, c[2 * r]);
            _mm256_storeu_si256(acc[r].as_mut_ptr().add(8) as *mut __m256i, c[2 * r + 1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(n: usize, seed: u32) -> Vec<f32> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (s >> 8) as f32 / (1u32 << 24) as f32 * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn int8_linear_is_close_to_f32() {
        let (k, m, n) = (70, 37, 13);
        let w = data(k * m, 1);
        let b = data(m, 2);
        let x = data(n * k, 3);
        let q = QLinear::new(&w, b.clone(), k, m);
        let mut out = vec![0f32; n * m];
        q.forward(&x, n, &mut out);
        for r in 0..n {
            for c in 0..m {
                let xr = &x[r * k..(r + 1) * k];
                let wc = &w[c * k..(c + 1) * k];
                let exact: f32 = xr.iter().zip(wc).map(|(a, b)| a * b).sum::<f32>() + b[c];
                // Rounding moves each value by at most half a step (max / 127 / 2).
                let max = |v: &[f32]| v.iter().fold(0f32, |m, x| m.max(x.abs()));
                let l1 = |v: &[f32]| v.iter().map(|x| x.abs()).sum::<f32>();
                let bound = (max(xr) * l1(wc) + max(wc) * l1(xr)) / 254.0 + k as f32 * max(xr) * max(wc) / (254.0 * 254.0) + 1e-4;
                assert!((out[r * m + c] - exact).abs() <= bound, "{r},{c}: {} vs {exact} (bound {bound})", out[r * m + c]);
            }
        }
    }

    #[test]
    fn avx2_kernel_equals_portable() {
        if !has_avx2() {
            return;
        }
        let (k, m, n) = (384, 40, 50);
        let q = QLinear::new(&data(k * m, 4), data(m, 5), k, m);
        let x = data(n * k, 6);
        let mut fast = vec![0f32; n * m];
        let mut slow = vec![0f32; n * m];
        q.forward_with(&x, n, &mut fast, true, true);
        q.forward_with(&x, n, &mut slow, false, true);
        assert_eq!(fast.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), slow.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn rows_do_not_depend_on_their_batch() {
        let (k, m) = (64, 32);
        let q = QLinear::new(&data(k * m, 7), data(m, 8), k, m);
        let x = data(100 * k, 9);
        let mut all = vec![0f32; 100 * m];
        q.forward(&x, 100, &mut all);
        let mut one = vec![0f32; m];
        q.forward(&x[57 * k..58 * k], 1, &mut one);
        assert_eq!(&all[57 * m..58 * m], &one[..]);
    }
}
