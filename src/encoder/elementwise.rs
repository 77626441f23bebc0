//! The encoder's elementwise functions: GELU, the feed-forward activation (one `exp` per
//! intermediate value, 1,536 values per piece and layer), and softmax's `exp` in attention
//! (one per pair of pieces and head). With libm's scalar `expf` they took about a seventh of
//! the encoder's time.
//!
//! One algorithm written twice: eight lanes with AVX2 + FMA, and scalar with `mul_add`. Both
//! do the same IEEE operations in the same order (fused multiply-adds where the vector code
//! fuses, correctly rounded division, floor), so they give the same bits and a document's
//! outputs do not depend on the CPU it ran on. `erf` is Abramowitz & Stegun 7.1.26 (absolute
//! error < 1.5e-7); `exp` is Cephes' `expf` (range reduction by ln 2 in two parts, a degree-5
//! polynomial, the power of two built in the exponent bits; relative error about 1e-7).

const FRAC_1_SQRT_2: f32 = std::f32::consts::FRAC_1_SQRT_2;
const ERF_P: f32 = 0.327_591_1;
const ERF_A: [f32; 5] = [
    0.254_829_6,
    -0.284_496_74,
    1.421_413_8,
    -1.453_152_1,
    1.061_405_4,
];
const LOG2E: f32 = std::f32::consts::LOG2_E;
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;
const EXP_P: [f32; 6] = [
    1.987_569_1e-4,
    1.398_2e-3,
    8.333_452e-3,
    4.166_579_6e-2,
    0.166_666_65,
    0.5,
];
/// `exp` of anything below this is 0 for GELU's purposes (and 2^n stays a normal number).
const EXP_MIN: f32 = -87.0;

/// `exp(x)` for `x <= 0`.
#[inline(always)]
fn exp_nonpositive(x: f32) -> f32 {
    let x = x.max(EXP_MIN);
    let n = x.mul_add(LOG2E, 0.5).floor();
    let r = n.mul_add(-LN2_LO, n.mul_add(-LN2_HI, x));
    let mut p = EXP_P[0];
    for c in &EXP_P[1..] {
        p = p.mul_add(r, *c);
    }
    let y = p.mul_add(r * r, r) + 1.0;
    let scale = f32::from_bits(((n as i32 + 127) as u32) << 23);
    y * scale
}

/// `x * Phi(x)`, scalar (hardware FMA where the CPU has it; `mul_add` is a slow libm call
/// otherwise).
#[inline]
pub fn gelu(x: f32) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if has_avx2_fma() {
        // SAFETY: the CPU has FMA (checked above).
        return unsafe { gelu_fma(x) };
    }
    gelu_portable(x)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma")]
unsafe fn gelu_fma(x: f32) -> f32 {
    gelu_portable(x)
}

#[inline(always)]
fn gelu_portable(x: f32) -> f32 {
    let z = (x * FRAC_1_SQRT_2).abs();
    let t = 1.0 / ERF_P.mul_add(z, 1.0);
    let mut poly = ERF_A[4];
    for c in ERF_A[..4].iter().rev() {
        poly = poly.mul_add(t, *c);
    }
    poly *= t;
    let erf = 1.0 - poly * exp_nonpositive(-(z * z));
    0.5 * x * (1.0 + erf.copysign(x))
}

/// GELU of every value, in place.
pub fn gelu_in_place(values: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2_fma() {
        // SAFETY: the CPU has AVX2 and FMA (checked above).
        unsafe { avx2::gelu_in_place(values) };
        return;
    }
    for v in values.iter_mut() {
        *v = gelu_portable(*v);
    }
}

/// GELU of every value plus its column's bias (`values` is rows of `bias.len()`), in place:
/// the feed-forward layer's bias is added here rather than by the product, saving a pass.
pub fn gelu_bias_in_place(values: &mut [f32], bias: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2_fma() {
        // SAFETY: the CPU has AVX2 and FMA (checked above).
        unsafe { avx2::gelu_bias_in_place(values, bias) };
        return;
    }
    for row in values.chunks_mut(bias.len()) {
        for (v, &b) in row.iter_mut().zip(bias) {
            *v = gelu_portable(*v + b);
        }
    }
}

/// `exp` of every value, in place; the values must be `<= 0` (softmax after its maximum is
/// subtracted).
pub fn exp_nonpositive_in_place(values: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2_fma() {
        // SAFETY: the CPU has AVX2 and FMA (checked above).
        unsafe { avx2::exp_nonpositive_in_place(values) };
        return;
    }
    for v in values.iter_mut() {
        *v = exp_nonpositive(*v);
    }
}

fn has_avx2_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        static FEATURES: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *FEATURES.get_or_init(|| {
            std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::*;
    use std::arch::x86_64::*;

    /// # Safety
    /// The CPU must have AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gelu_in_place(values: &mut [f32]) {
        let mut chunks = values.chunks_exact_mut(8);
        for chunk in &mut chunks {
            let x = _mm256_loadu_ps(chunk.as_ptr());
            _mm256_storeu_ps(chunk.as_mut_ptr(), gelu8(x));
        }
        for v in chunks.into_remainder() {
            *v = gelu_portable(*v);
        }
    }

    /// # Safety
    /// The CPU must have AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gelu_bias_in_place(values: &mut [f32], bias: &[f32]) {
        for row in values.chunks_mut(bias.len()) {
            let mut chunks = row.chunks_exact_mut(8);
            let mut biases = bias.chunks_exact(8);
            for (chunk, b) in (&mut chunks).zip(&mut biases) {
                let x = _mm256_add_ps(_mm256_loadu_ps(chunk.as_ptr()), _mm256_loadu_ps(b.as_ptr()));
                _mm256_storeu_ps(chunk.as_mut_ptr(), gelu8(x));
            }
            for (v, &b) in chunks.into_remainder().iter_mut().zip(biases.remainder()) {
                *v = gelu_portable(*v + b);
            }
        }
    }

    /// # Safety
    /// The CPU must have AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn exp_nonpositive_in_place(values: &mut [f32]) {
        let mut chunks = values.chunks_exact_mut(8);
        for chunk in &mut chunks {
            let x = _mm256_loadu_ps(chunk.as_ptr());
            _mm256_storeu_ps(chunk.as_mut_ptr(), exp_nonpositive8(x));
        }
        for v in chunks.into_remainder() {
            *v = exp_nonpositive(*v);
        }
    }

    #[target_feature(enable = "avx2,fma")]
    unsafe fn exp_nonpositive8(x: __m256) -> __m256 {
        let x = _mm256_max_ps(x, _mm256_set1_ps(EXP_MIN));
        let n = _mm256_floor_ps(_mm256_fmadd_ps(
            x,
            _mm256_set1_ps(LOG2E),
            _mm256_set1_ps(0.5),
        ));
        let r = _mm256_fmadd_ps(
            n,
            _mm256_set1_ps(-LN2_LO),
            _mm256_fmadd_ps(n, _mm256_set1_ps(-LN2_HI), x),
        );
        let mut p = _mm256_set1_ps(EXP_P[0]);
        for c in &EXP_P[1..] {
            p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(*c));
        }
        let y = _mm256_add_ps(
            _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), r),
            _mm256_set1_ps(1.0),
        );
        let bits = _mm256_slli_epi32::<23>(_mm256_add_epi32(
            _mm256_cvttps_epi32(n),
            _mm256_set1_epi32(127),
        ));
        _mm256_mul_ps(y, _mm256_castsi256_ps(bits))
    }

    #[target_feature(enable = "avx2,fma")]
    unsafe fn gelu8(x: __m256) -> __m256 {
        let sign = _mm256_set1_ps(-0.0);
        let z = _mm256_andnot_ps(sign, _mm256_mul_ps(x, _mm256_set1_ps(FRAC_1_SQRT_2)));
        let t = _mm256_div_ps(
            _mm256_set1_ps(1.0),
            _mm256_fmadd_ps(_mm256_set1_ps(ERF_P), z, _mm256_set1_ps(1.0)),
        );
        let mut poly = _mm256_set1_ps(ERF_A[4]);
        for c in ERF_A[..4].iter().rev() {
            poly = _mm256_fmadd_ps(poly, t, _mm256_set1_ps(*c));
        }
        poly = _mm256_mul_ps(poly, t);
        let neg_z2 = _mm256_xor_ps(_mm256_mul_ps(z, z), sign);
        let erf = _mm256_sub_ps(
            _mm256_set1_ps(1.0),
            _mm256_mul_ps(poly, exp_nonpositive8(neg_z2)),
        );
        // copysign(erf, x)
        let signed = _mm256_or_ps(_mm256_andnot_ps(sign, erf), _mm256_and_ps(x, sign));
        let half_x = _mm256_mul_ps(_mm256_set1_ps(0.5), x);
        _mm256_mul_ps(half_x, _mm256_add_ps(_mm256_set1_ps(1.0), signed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// erf by its Maclaurin series (small x) or continued fraction (large x), in f64.
    fn erf64(x: f64) -> f64 {
        let a = x.abs();
        let v = if a < 3.0 {
            let (mut term, mut sum, mut n) = (a, a, 0.0);
            while term.abs() > 1e-17 {
                n += 1.0;
                term *= -a * a / n;
                sum += term / (2.0 * n + 1.0);
            }
            2.0 / std::f64::consts::PI.sqrt() * sum
        } else {
            let mut f = 0.0;
            for k in (1..60).rev() {
                f = (k as f64 / 2.0) / (a + f);
            }
            1.0 - (-a * a).exp() / std::f64::consts::PI.sqrt() / (a + f)
        };
        v.copysign(x)
    }

    fn samples() -> Vec<f32> {
        let mut xs: Vec<f32> = (-4000..=4000).map(|i| i as f32 * 0.0025).collect();
        xs.extend([
            -200.0,
            -90.0,
            -30.0,
            -13.3,
            -1e-30,
            0.0,
            -0.0,
            1e-30,
            13.3,
            30.0,
            90.0,
            200.0,
            f32::MIN_POSITIVE,
        ]);
        xs
    }

    #[test]
    fn matches_exact_gelu() {
        for x in samples() {
            let exact = 0.5 * x as f64 * (1.0 + erf64(x as f64 / std::f64::consts::SQRT_2));
            let got = gelu(x) as f64;
            assert!(
                (got - exact).abs() <= 2e-6 * (1.0 + exact.abs()),
                "x = {x}: {got} vs {exact}"
            );
        }
    }

    #[test]
    fn exp_is_accurate() {
        for i in 0..=8700 {
            let x = -(i as f32) * 0.01;
            let exact = (x as f64).exp();
            let got = exp_nonpositive(x) as f64;
            assert!(
                (got - exact).abs() <= 3e-7 * exact + 1e-38,
                "x = {x}: {got} vs {exact}"
            );
        }
    }

    #[test]
    fn vector_and_scalar_exp_give_the_same_bits() {
        let xs: Vec<f32> = (0..=9001)
            .map(|i| -(i as f32) * 0.0097)
            .chain([-0.0, -1e-30, -1e30])
            .collect();
        let mut vector = xs.clone();
        exp_nonpositive_in_place(&mut vector);
        for (x, v) in xs.iter().zip(&vector) {
            assert_eq!(exp_nonpositive(*x).to_bits(), v.to_bits(), "x = {x}");
        }
    }

    #[test]
    fn vector_and_scalar_give_the_same_bits() {
        let xs = samples();
        let mut vector = xs.clone();
        gelu_in_place(&mut vector);
        for (x, v) in xs.iter().zip(&vector) {
            assert_eq!(gelu(*x).to_bits(), v.to_bits(), "x = {x}");
            assert_eq!(gelu_portable(*x).to_bits(), v.to_bits(), "x = {x}");
        }
    }

    #[test]
    fn gelu_with_bias_is_gelu_of_the_sum_in_every_column() {
        // Rows of 13: one vector chunk and a scalar tail per row.
        let bias: Vec<f32> = (0..13).map(|i| (i as f32 - 6.0) * 0.37).collect();
        let xs: Vec<f32> = samples().into_iter().step_by(15).take(13 * 40).collect();
        let mut fused = xs.clone();
        gelu_bias_in_place(&mut fused, &bias);
        for (i, (x, v)) in xs.iter().zip(&fused).enumerate() {
            assert_eq!(
                gelu_portable(*x + bias[i % 13]).to_bits(),
                v.to_bits(),
                "value {i}"
            );
        }
    }
}
