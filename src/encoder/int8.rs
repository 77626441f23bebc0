//! int8 linear layers: weights quantized per output channel at load, activations per token
//! (row) at run time, both symmetric to [-127, 127]; products summed exactly in i32, then
//! scaled back to f32 and the f32 bias added.
//!
//! Kernels, chosen at run time, each with its own weight layout made at load:
//! - AVX-512 VNNI (`vpdpbusd`: four u8 x i8 products summed into each i32 lane, 64 per
//!   instruction). It wants unsigned activations, so each row goes in shifted by 128 and
//!   `128 * sum(w)` per column comes off again: the same integers, exactly.
//! - AVX2 (`vpmaddwd` on pairs of i16-widened values, a 6x16 tile of i32 accumulators), with
//!   the quantization and epilogue vectorised beside it like the VNNI kernel's.
//! - portable.
//!
//! All three sum the same integers exactly and share the f32 epilogue, so every machine gives
//! bit-identical results (`fast_kernels_equal_portable` checks it). `ATTACHE_INT8_KERNEL=
//! vnni|avx2|portable` picks a slower kernel than the machine could run (for benchmarks).

use rayon::prelude::*;

/// Rows per parallel task.
const ROWS_PER_TASK: usize = 48;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kernel {
    Vnni512,
    Avx2,
    Portable,
}

impl Kernel {
    fn name(self) -> &'static str {
        match self {
            Kernel::Vnni512 => "avx512 vnni u8*i8 dot",
            Kernel::Avx2 => "avx2 i16 madd",
            Kernel::Portable => "portable",
        }
    }

    /// Rows and output columns of one register tile.
    fn tile(self) -> (usize, usize) {
        match self {
            Kernel::Vnni512 => (vnni::MR, vnni::NR),
            Kernel::Avx2 | Kernel::Portable => (MR, NR),
        }
    }

    /// The fastest kernel this machine runs, or the one `ATTACHE_INT8_KERNEL` names if the
    /// machine can run it.
    fn detect() -> Kernel {
        let (vnni, avx2) = machine_features();
        let best = if vnni {
            Kernel::Vnni512
        } else if avx2 {
            Kernel::Avx2
        } else {
            Kernel::Portable
        };
        match std::env::var("ATTACHE_INT8_KERNEL").as_deref() {
            Ok("portable") => Kernel::Portable,
            Ok("avx2") if avx2 => Kernel::Avx2,
            _ => best,
        }
    }
}

fn machine_features() -> (bool, bool) {
    #[cfg(target_arch = "x86_64")]
    {
        let vnni = is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vnni");
        (vnni, is_x86_feature_detected!("avx2"))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        (false, false)
    }
}

fn kernel() -> Kernel {
    static KERNEL: std::sync::OnceLock<Kernel> = std::sync::OnceLock::new();
    *KERNEL.get_or_init(Kernel::detect)
}

/// Whether this machine runs the int8 dot-product kernel (AVX-512 VNNI), where int8 is about
/// twice as fast as f32; `ATTACHE_INT8_KERNEL` set to a slower kernel answers no.
pub fn has_dot_product_kernel() -> bool {
    kernel() == Kernel::Vnni512
}

/// Which kernel this machine runs.
pub fn kernel_name() -> &'static str {
    kernel().name()
}

/// Output columns per packed panel (AVX2 and portable kernels).
const NR: usize = 16;
/// Rows per register tile (AVX2 and portable kernels).
const MR: usize = 6;

pub struct QLinear {
    input: usize,
    output: usize,
    kernel: Kernel,
    /// Weights in `kernel`'s layout.
    packed: Packed,
    /// Per output column: weight scale.
    scales: Vec<f32>,
    bias: Vec<f32>,
}

enum Packed {
    /// Panels of `NR` output columns: `[panel][k2 / 2][NR][2]` i16 (pairs of inputs adjacent),
    /// `k2` = `input` rounded up to even.
    Pairs { k2: usize, weights: Vec<i16> },
    /// Panels of `vnni::NR` output columns: `[panel][k4 / 4][vnni::NR][4]` i8 (quads of inputs
    /// adjacent), `k4` = `input` rounded up to a multiple of 4; and per column `128 * sum(w)`,
    /// what the shift of the activations to u8 adds.
    Quads {
        k4: usize,
        weights: Vec<i8>,
        shift: Vec<i32>,
    },
}

/// A quantized value as a kernel stores it: i8 or i16 (signed levels) or u8 (levels + 128).
trait Level: Copy {
    /// `v` is a level in [-127, 127] plus the caller's offset (0 or 128), so it fits.
    fn from_level(v: i32) -> Self;
}

impl Level for i8 {
    fn from_level(v: i32) -> Self {
        v as i8
    }
}

impl Level for i16 {
    fn from_level(v: i32) -> Self {
        v as i16
    }
}

impl Level for u8 {
    fn from_level(v: i32) -> Self {
        v as u8
    }
}

/// Symmetric int8 quantization of a vector: scale and rounded values (`out` gets them plus
/// `offset`: 0, or 128 for the unsigned activations of the VNNI kernel). Ties round to even,
/// as the vector conversion instructions do.
#[inline]
fn quantize_row<T: Level>(x: &[f32], offset: i32, out: &mut [T]) -> f32 {
    debug_assert!(offset == 0 || offset == 128);
    let max = x.iter().fold(0f32, |m, &v| m.max(v.abs()));
    if max == 0.0 || !max.is_finite() {
        out.fill(T::from_level(offset));
        return 0.0;
    }
    let inv = 127.0 / max;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = T::from_level((v * inv).round_ties_even().clamp(-127.0, 127.0) as i32 + offset);
    }
    max / 127.0
}

impl QLinear {
    /// `weight`: PyTorch's `[output, input]` row-major.
    pub fn new(weight: &[f32], bias: Vec<f32>, input: usize, output: usize) -> Self {
        Self::with_kernel(weight, bias, input, output, kernel())
    }

    fn with_kernel(
        weight: &[f32],
        bias: Vec<f32>,
        input: usize,
        output: usize,
        kernel: Kernel,
    ) -> Self {
        let mut scales = vec![0f32; output];
        let mut q = vec![0i8; input];
        let packed = match kernel {
            Kernel::Avx2 | Kernel::Portable => {
                let k2 = input.div_ceil(2) * 2;
                let mut weights = vec![0i16; output.div_ceil(NR) * k2 * NR];
                for c in 0..output {
                    scales[c] = quantize_row(&weight[c * input..(c + 1) * input], 0, &mut q);
                    let (panel, col) = (c / NR, c % NR);
                    for (k, &v) in q.iter().enumerate() {
                        weights[panel * k2 * NR + (k / 2) * NR * 2 + col * 2 + k % 2] = v as i16;
                    }
                }
                Packed::Pairs { k2, weights }
            }
            Kernel::Vnni512 => {
                let (k4, nr) = (input.div_ceil(4) * 4, vnni::NR);
                let mut weights = vec![0i8; output.div_ceil(nr) * k4 * nr];
                let mut shift = vec![0i32; output];
                for c in 0..output {
                    scales[c] = quantize_row(&weight[c * input..(c + 1) * input], 0, &mut q);
                    shift[c] = 128 * q.iter().map(|&v| v as i32).sum::<i32>();
                    let (panel, col) = (c / nr, c % nr);
                    for (k, &v) in q.iter().enumerate() {
                        weights[panel * k4 * nr + (k / 4) * nr * 4 + col * 4 + k % 4] = v;
                    }
                }
                Packed::Quads { k4, weights, shift }
            }
        };
        QLinear {
            input,
            output,
            kernel,
            packed,
            scales,
            bias,
        }
    }

    pub fn output(&self) -> usize {
        self.output
    }

    /// `out[n, output] = x[n, input] W + b`.
    pub fn forward(&self, x: &[f32], n: usize, out: &mut [f32]) {
        self.forward_with(x, n, out, true)
    }

    /// [`Self::forward`] on the calling thread only (same results).
    pub fn forward_serial(&self, x: &[f32], n: usize, out: &mut [f32]) {
        self.forward_with(x, n, out, false)
    }

    fn forward_with(&self, x: &[f32], n: usize, out: &mut [f32], parallel: bool) {
        let (k, m) = (self.input, self.output);
        debug_assert!(x.len() == n * k && out.len() == n * m);
        let task = |(out, x): (&mut [f32], &[f32])| self.rows(x, out);
        if parallel {
            out.par_chunks_mut(m * ROWS_PER_TASK)
                .zip(x.par_chunks(k * ROWS_PER_TASK))
                .for_each(task);
        } else {
            out.chunks_mut(m * ROWS_PER_TASK)
                .zip(x.chunks(k * ROWS_PER_TASK))
                .for_each(task);
        }
    }

    /// One task's rows: quantize them, then sweep every panel of columns tile by tile.
    fn rows(&self, x: &[f32], out: &mut [f32]) {
        let (k, m) = (self.input, self.output);
        let rows = x.len() / k;
        let (mr, nr) = self.kernel.tile();
        // Rows padded to a whole tile; the padding rows' sums are never read.
        let tiles = rows.div_ceil(mr);
        let mut row_scales = vec![0f32; tiles * mr];
        match &self.packed {
            Packed::Pairs { k2, weights } => {
                let k2 = *k2;
                let avx2 = self.kernel == Kernel::Avx2;
                let mut a = vec![0i16; tiles * mr * k2];
                for r in 0..rows {
                    let (xr, ar) = (&x[r * k..(r + 1) * k], &mut a[r * k2..r * k2 + k]);
                    row_scales[r] = if avx2 {
                        #[cfg(target_arch = "x86_64")]
                        // SAFETY: AVX2 was detected (the only way to `Kernel::Avx2`).
                        unsafe {
                            avx2::quantize_row(xr, ar)
                        }
                        #[cfg(not(target_arch = "x86_64"))]
                        unreachable!()
                    } else {
                        quantize_row(xr, 0, ar)
                    };
                }
                // Integer sums of one tile, row-major `[mr][nr]` (the portable kernel's; the
                // AVX2 kernel keeps its own in registers and scales them there).
                let mut acc = vec![0i32; mr * nr];
                for panel in 0..m.div_ceil(nr) {
                    let b = &weights[panel * k2 * nr..(panel + 1) * k2 * nr];
                    let cols = panel * nr..m.min((panel + 1) * nr);
                    for tile in 0..tiles {
                        let a_tile = &a[tile * mr * k2..(tile + 1) * mr * k2];
                        if avx2 {
                            let tile_rows = tile * mr..rows.min((tile + 1) * mr);
                            let epilogue = self.epilogue_of(&cols, &row_scales[tile_rows.clone()]);
                            let out = &mut out[tile_rows.start * m + cols.start..];
                            #[cfg(target_arch = "x86_64")]
                            // SAFETY: AVX2 was detected; the slices hold MR rows of k2 and
                            // k2 * NR values, and `out` the tile's rows at stride m.
                            unsafe {
                                avx2::tile(a_tile, b, k2, &epilogue, out, m)
                            };
                        } else {
                            portable_tile(a_tile, b, k2, &mut acc);
                            self.epilogue(tile, panel, &acc, rows, &row_scales, out);
                        }
                    }
                }
            }
            Packed::Quads { k4, weights, shift } => {
                let k4 = *k4;
                // Unsigned activations: 128 stands for 0 (the padding too).
                let mut a = vec![128u8; tiles * mr * k4];
                for r in 0..rows {
                    let (xr, ar) = (&x[r * k..(r + 1) * k], &mut a[r * k4..r * k4 + k]);
                    #[cfg(target_arch = "x86_64")]
                    // SAFETY: AVX-512 F, BW and VNNI were detected (the only way to this layout).
                    let scale = unsafe { vnni::quantize_row(xr, ar) };
                    #[cfg(not(target_arch = "x86_64"))]
                    let scale = quantize_row(xr, 128, ar);
                    row_scales[r] = scale;
                }
                for panel in 0..m.div_ceil(nr) {
                    let b = &weights[panel * k4 * nr..(panel + 1) * k4 * nr];
                    let cols = panel * nr..(m).min((panel + 1) * nr);
                    for tile in 0..tiles {
                        let a_tile = &a[tile * mr * k4..(tile + 1) * mr * k4];
                        let tile_rows = tile * mr..rows.min((tile + 1) * mr);
                        let epilogue = self.epilogue_of(&cols, &row_scales[tile_rows.clone()]);
                        let out = &mut out[tile_rows.start * m + cols.start..];
                        #[cfg(target_arch = "x86_64")]
                        // SAFETY: AVX-512 F, BW and VNNI were detected (the only way to this
                        // layout); the slices hold MR rows of k4 and k4 * NR values, and `out`
                        // the tile's rows at stride m.
                        unsafe {
                            vnni::tile(a_tile, b, k4, &shift[cols.clone()], &epilogue, out, m)
                        };
                        #[cfg(not(target_arch = "x86_64"))]
                        unreachable!(
                            "the VNNI layout is only made on x86_64: {:?}",
                            (
                                a_tile.len(),
                                b.len(),
                                &shift,
                                &epilogue.row_scales,
                                out.len()
                            )
                        );
                    }
                }
            }
        }
    }

    /// What the vector kernels need to finish a tile: the panel's columns' scales and bias, and
    /// the tile's real rows' scales.
    fn epilogue_of<'a>(
        &'a self,
        cols: &std::ops::Range<usize>,
        row_scales: &'a [f32],
    ) -> Epilogue<'a> {
        Epilogue {
            scales: &self.scales[cols.clone()],
            bias: &self.bias[cols.clone()],
            row_scales,
        }
    }

    /// Scales one tile's integer sums back to f32 and adds the bias (the VNNI kernel does the
    /// same operations in registers: `vnni::tile`).
    #[allow(clippy::too_many_arguments)]
    fn epilogue(
        &self,
        tile: usize,
        panel: usize,
        acc: &[i32],
        rows: usize,
        row_scales: &[f32],
        out: &mut [f32],
    ) {
        let m = self.output;
        let (mr, nr) = self.kernel.tile();
        let cols = (m - panel * nr).min(nr);
        for (i, acc_row) in acc.chunks_exact(nr).enumerate() {
            let r = tile * mr + i;
            if r >= rows {
                break;
            }
            let sa = row_scales[r];
            let o = &mut out[r * m + panel * nr..r * m + panel * nr + cols];
            for (j, o) in o.iter_mut().enumerate() {
                let c = panel * nr + j;
                *o = acc_row[j] as f32 * (sa * self.scales[c]) + self.bias[c];
            }
        }
    }
}

/// What turns a tile's integer sums into outputs in the AVX2 and VNNI kernels, per column of
/// the panel and per row of the tile (only the tile's real rows).
pub(crate) struct Epilogue<'a> {
    scales: &'a [f32],
    bias: &'a [f32],
    row_scales: &'a [f32],
}

/// `acc[r * NR + c] = sum_k a[r][k] * b[k][c]` for a tile of MR rows and NR columns.
fn portable_tile(a: &[i16], b: &[i16], k2: usize, acc: &mut [i32]) {
    for (r, sums) in acc.chunks_exact_mut(NR).enumerate() {
        let a_row = &a[r * k2..(r + 1) * k2];
        sums.fill(0);
        for p in 0..k2 / 2 {
            let (a0, a1) = (a_row[2 * p] as i32, a_row[2 * p + 1] as i32);
            let bp = &b[p * NR * 2..(p + 1) * NR * 2];
            for c in 0..NR {
                sums[c] += a0 * bp[2 * c] as i32 + a1 * bp[2 * c + 1] as i32;
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{Epilogue, MR, NR};
    use std::arch::x86_64::*;

    /// `out[r * stride + c] = (sum_k a[r][k] * b[k][c]) * (row_scale[r] * scale[c]) + bias[c]`
    /// for the tile's real rows and the panel's real columns: `vpmaddwd` on pairs of i16
    /// (`a`: `[MR][k2]`, `b`: `[k2 / 2][NR][2]`), then the portable epilogue's operations in
    /// its order on the registers.
    #[target_feature(enable = "avx2")]
    pub unsafe fn tile(
        a: &[i16],
        b: &[i16],
        k2: usize,
        e: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        let (rows, cols) = (e.row_scales.len(), e.scales.len());
        assert!(a.len() >= MR * k2 && b.len() >= k2 * NR && rows <= MR && cols <= NR);
        assert!(e.bias.len() == cols && out.len() >= (rows.max(1) - 1) * stride + cols);
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
        for half in 0..2 {
            let at = half * 8;
            let lanes = cols.saturating_sub(at).min(8);
            if lanes == 0 {
                continue;
            }
            let mask = first_lanes(lanes);
            let scales = _mm256_maskload_ps(e.scales.as_ptr().add(at), mask);
            let bias = _mm256_maskload_ps(e.bias.as_ptr().add(at), mask);
            for r in 0..rows {
                let sums = _mm256_cvtepi32_ps(c[2 * r + half]);
                let scale = _mm256_mul_ps(_mm256_set1_ps(e.row_scales[r]), scales);
                let v = _mm256_add_ps(_mm256_mul_ps(sums, scale), bias);
                _mm256_maskstore_ps(out.as_mut_ptr().add(r * stride + at), mask, v);
            }
        }
    }

    /// All ones in the first `n` (at most 8) i32 lanes.
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn first_lanes(n: usize) -> __m256i {
        _mm256_cmpgt_epi32(
            _mm256_set1_epi32(n as i32),
            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
        )
    }

    /// [`super::quantize_row`] with offset 0, vectorised (the same bits): the largest
    /// magnitude, then each value times `127 / max`, rounded to even, clamped, narrowed to i16.
    #[target_feature(enable = "avx2")]
    pub unsafe fn quantize_row(x: &[f32], out: &mut [i16]) -> f32 {
        assert_eq!(x.len(), out.len());
        let n = x.len();
        let body = n / 16 * 16;
        let sign = _mm256_set1_ps(-0.0);
        let infinity = _mm256_set1_ps(f32::INFINITY);
        let mut max = _mm256_setzero_ps();
        let mut finite = true;
        for i in (0..n / 8 * 8).step_by(8) {
            let magnitude = _mm256_andnot_ps(sign, _mm256_loadu_ps(x.as_ptr().add(i)));
            // Infinities and NaN leave the row to the portable path (which zeroes it).
            finite &= _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_NLT_UQ>(magnitude, infinity)) == 0;
            max = _mm256_max_ps(max, magnitude);
        }
        let mut lanes = [0f32; 8];
        _mm256_storeu_ps(lanes.as_mut_ptr(), max);
        let mut max = lanes.iter().fold(0f32, |m, &v| m.max(v));
        for &v in &x[n / 8 * 8..] {
            finite &= v.is_finite();
            max = max.max(v.abs());
        }
        if !finite || max == 0.0 {
            return super::quantize_row(x, 0, out);
        }
        let scale = 127.0 / max;
        let inv = _mm256_set1_ps(scale);
        let (low, high) = (_mm256_set1_epi32(-127), _mm256_set1_epi32(127));
        let level = |v: __m256| {
            // Round to nearest, ties to even (the MXCSR default Rust leaves in place).
            let q = _mm256_cvtps_epi32(_mm256_mul_ps(v, inv));
            _mm256_min_epi32(_mm256_max_epi32(q, low), high)
        };
        for i in (0..body).step_by(16) {
            let q0 = level(_mm256_loadu_ps(x.as_ptr().add(i)));
            let q1 = level(_mm256_loadu_ps(x.as_ptr().add(i + 8)));
            // `packs` interleaves the 128-bit halves; the permute puts them back in order.
            let q = _mm256_permute4x64_epi64::<0b11_01_10_00>(_mm256_packs_epi32(q0, q1));
            _mm256_storeu_si256(out.as_mut_ptr().add(i) as *mut __m256i, q);
        }
        for (o, &v) in out[body..].iter_mut().zip(&x[body..]) {
            *o = (v * scale).round_ties_even().clamp(-127.0, 127.0) as i16;
        }
        max / 127.0
    }
}

/// The AVX-512 VNNI kernel: a tile of `MR` rows by `NR` columns (two 16-lane registers per row,
/// 16 accumulators), four inputs per step; the activations' quantization and the f32 epilogue
/// vectorised beside it, with the portable path's operations in its order (same bits).
mod vnni {
    pub const MR: usize = 8;
    pub const NR: usize = 32;
    use super::Epilogue;

    /// `out[r * stride + c] = (sum_k a[r][k] * b[k][c] - shift[c]) * (row_scale[r] * scale[c])
    /// + bias[c]` for the tile's real rows and the panel's real columns; `a` unsigned
    /// (`[MR][k4]`), `b` signed in quads (`[k4 / 4][NR][4]`).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    pub unsafe fn tile(
        a: &[u8],
        b: &[i8],
        k4: usize,
        shift: &[i32],
        e: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        use std::arch::x86_64::*;
        let (rows, cols) = (e.row_scales.len(), e.scales.len());
        assert!(a.len() >= MR * k4 && b.len() >= k4 * NR && rows <= MR && cols <= NR);
        assert!(
            shift.len() == cols
                && e.bias.len() == cols
                && out.len() >= (rows.max(1) - 1) * stride + cols
        );
        let mut c = [_mm512_setzero_si512(); 2 * MR];
        let ap = a.as_ptr();
        let bp = b.as_ptr();
        for p in 0..k4 / 4 {
            let b0 = _mm512_loadu_si512(bp.add(p * 4 * NR) as *const _);
            let b1 = _mm512_loadu_si512(bp.add(p * 4 * NR + 64) as *const _);
            for r in 0..MR {
                let quad = (ap.add(r * k4 + 4 * p) as *const i32).read_unaligned();
                let av = _mm512_set1_epi32(quad);
                c[2 * r] = _mm512_dpbusd_epi32(c[2 * r], av, b0);
                c[2 * r + 1] = _mm512_dpbusd_epi32(c[2 * r + 1], av, b1);
            }
        }
        // Columns of each half: a mask for a panel narrower than NR.
        let masks = [half_mask(cols), half_mask(cols.saturating_sub(16))];
        for half in 0..2 {
            let m = masks[half];
            if m == 0 {
                continue;
            }
            let at = half * 16;
            let shift = _mm512_maskz_loadu_epi32(m, shift.as_ptr().add(at.min(cols)) as *const i32);
            let scales = _mm512_maskz_loadu_ps(m, e.scales.as_ptr().add(at.min(cols)));
            let bias = _mm512_maskz_loadu_ps(m, e.bias.as_ptr().add(at.min(cols)));
            for r in 0..rows {
                let sums = _mm512_cvtepi32_ps(_mm512_sub_epi32(c[2 * r + half], shift));
                let scale = _mm512_mul_ps(_mm512_set1_ps(e.row_scales[r]), scales);
                let v = _mm512_add_ps(_mm512_mul_ps(sums, scale), bias);
                _mm512_mask_storeu_ps(out.as_mut_ptr().add(r * stride + at), m, v);
            }
        }
    }

    /// The mask of the first `n` (at most 16) lanes.
    #[inline]
    fn half_mask(n: usize) -> u16 {
        if n >= 16 {
            u16::MAX
        } else {
            (1u16 << n) - 1
        }
    }

    /// [`super::quantize_row`] with offset 128, vectorised (the same bits): the largest
    /// magnitude, then each value times `127 / max`, rounded to even, clamped, shifted to u8.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    pub unsafe fn quantize_row(x: &[f32], out: &mut [u8]) -> f32 {
        use std::arch::x86_64::*;
        assert_eq!(x.len(), out.len());
        let n = x.len();
        let mask_at = |i: usize| half_mask(n - i);
        let mut max = _mm512_setzero_ps();
        let mut finite = true;
        let mut i = 0;
        while i < n {
            let v = _mm512_maskz_loadu_ps(mask_at(i), x.as_ptr().add(i));
            let magnitude = _mm512_abs_ps(v);
            // Infinities and NaN leave the row to the portable path (which zeroes it).
            finite &=
                _mm512_cmp_ps_mask::<_CMP_NLT_UQ>(magnitude, _mm512_set1_ps(f32::INFINITY)) == 0;
            max = _mm512_max_ps(max, magnitude);
            i += 16;
        }
        let max = _mm512_reduce_max_ps(max);
        if !finite || max == 0.0 {
            return super::quantize_row(x, 128, out);
        }
        let inv = _mm512_set1_ps(127.0 / max);
        let (low, high, offset) = (
            _mm512_set1_epi32(-127),
            _mm512_set1_epi32(127),
            _mm512_set1_epi32(128),
        );
        let mut i = 0;
        while i < n {
            let m = mask_at(i);
            let v = _mm512_maskz_loadu_ps(m, x.as_ptr().add(i));
            // Round to nearest, ties to even (the MXCSR default Rust leaves in place).
            let q = _mm512_cvtps_epi32(_mm512_mul_ps(v, inv));
            let q = _mm512_add_epi32(_mm512_min_epi32(_mm512_max_epi32(q, low), high), offset);
            _mm_mask_storeu_epi8(
                out.as_mut_ptr().add(i) as *mut i8,
                m,
                _mm512_cvtepi32_epi8(q),
            );
            i += 16;
        }
        max / 127.0
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
                let bound = (max(xr) * l1(wc) + max(wc) * l1(xr)) / 254.0
                    + k as f32 * max(xr) * max(wc) / (254.0 * 254.0)
                    + 1e-4;
                assert!(
                    (out[r * m + c] - exact).abs() <= bound,
                    "{r},{c}: {} vs {exact} (bound {bound})",
                    out[r * m + c]
                );
            }
        }
    }

    /// The kernels this machine can run besides the portable one.
    fn fast_kernels() -> Vec<Kernel> {
        let (vnni, avx2) = machine_features();
        [(Kernel::Vnni512, vnni), (Kernel::Avx2, avx2)]
            .into_iter()
            .filter(|&(_, ok)| ok)
            .map(|(k, _)| k)
            .collect()
    }

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|v| v.to_bits()).collect()
    }

    #[test]
    fn fast_kernels_equal_portable() {
        // Sizes off every tile and quad boundary; then the widest layer at full scale, where
        // the unsigned shift of the VNNI kernel sums to its largest.
        let extreme = |n: usize| {
            (0..n)
                .map(|i| if i % 3 == 0 { -1.0 } else { 1.0 })
                .collect::<Vec<f32>>()
        };
        let cases = [
            (385, 70, 50, data(385 * 70, 4), data(50 * 385, 6)),
            (1536, 33, 9, extreme(1536 * 33), extreme(9 * 1536)),
        ];
        for (k, m, n, w, x) in cases {
            let slow = QLinear::with_kernel(&w, data(m, 5), k, m, Kernel::Portable);
            let mut expected = vec![0f32; n * m];
            slow.forward(&x, n, &mut expected);
            for kernel in fast_kernels() {
                let fast = QLinear::with_kernel(&w, data(m, 5), k, m, kernel);
                for parallel in [true, false] {
                    let mut got = vec![0f32; n * m];
                    fast.forward_with(&x, n, &mut got, parallel);
                    assert_eq!(
                        bits(&got),
                        bits(&expected),
                        "{kernel:?}, k {k}, parallel {parallel}"
                    );
                }
            }
        }
    }

    #[test]
    fn vector_quantization_equals_portable() {
        let (vnni, avx2) = machine_features();
        let mut rows = vec![
            data(37, 10),
            data(16, 11),
            data(40, 13),
            vec![0.0; 5],
            vec![],
        ];
        // Ties at the scale of the row (0.5 * 127 / 127), an infinity, a NaN, tiny values;
        // each also long enough for the vector loops, with the odd value in the body and tail.
        let ties = vec![1.0, 0.5 / 127.0, 1.5 / 127.0, -2.5 / 127.0, -1.0];
        rows.push(ties.clone());
        rows.push(ties.iter().cycle().take(37).copied().collect());
        for odd in [f32::INFINITY, f32::NAN, f32::NEG_INFINITY] {
            rows.push(vec![1.0, odd, 0.3]);
            for at in [3, 35] {
                let mut long = data(37, 14);
                long[at] = odd;
                rows.push(long);
            }
        }
        rows.push(data(40, 12).iter().map(|v| v * 1e-30).collect());
        for x in rows {
            if vnni {
                let (mut fast, mut slow) = (vec![0u8; x.len()], vec![0u8; x.len()]);
                // SAFETY: the machine has AVX-512 F, BW and VNNI (checked above).
                let fast_scale = unsafe { vnni::quantize_row(&x, &mut fast) };
                let slow_scale = quantize_row(&x, 128, &mut slow);
                assert_eq!(
                    (fast_scale.to_bits(), &fast),
                    (slow_scale.to_bits(), &slow),
                    "vnni {x:?}"
                );
            }
            #[cfg(target_arch = "x86_64")]
            if avx2 {
                let (mut fast, mut slow) = (vec![0i16; x.len()], vec![0i16; x.len()]);
                // SAFETY: the machine has AVX2 (checked above).
                let fast_scale = unsafe { avx2::quantize_row(&x, &mut fast) };
                let slow_scale = quantize_row(&x, 0, &mut slow);
                assert_eq!(
                    (fast_scale.to_bits(), &fast),
                    (slow_scale.to_bits(), &slow),
                    "avx2 {x:?}"
                );
            }
        }
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
