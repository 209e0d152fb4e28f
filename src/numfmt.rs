//! Exact decimal formatting of the numbers written into removal notes, without `core::fmt`.
//!
//! The classifier writes a weight and a stopword density into the note of every line it
//! removes (hundreds of thousands of notes per 25 MB), and `format!("{:.2}", x)` on an `f32`
//! goes through `core::fmt`'s exact float formatting (Grisu with a Dragon fallback), about 850
//! instructions a number. [`push_fixed`] does the same rounding with integer arithmetic: the
//! float's exact binary value times `10^precision`, rounded half to even, which is what `{:.N}`
//! prints. The output is byte-identical to `format!` (the tests compare the two over many
//! values); values it does not handle (NaN, infinities, huge magnitudes, more than 9 decimals)
//! go to `format!` itself.

use std::fmt::Write as _;

/// Appends `x` as `format!("{:.prec$}", x)` would write it.
pub fn push_fixed(out: &mut String, x: f32, prec: usize) {
    // 2^32 * 10^9 < 2^62: the scaled value fits a u64 with room for the shifts below
    if !x.is_finite() || x.abs() >= 4_294_967_296.0 || prec > 9 {
        let _ = write!(out, "{x:.prec$}");
        return;
    }
    let bits = x.to_bits();
    let negative = bits >> 31 == 1;
    let biased = ((bits >> 23) & 0xff) as i32;
    let fraction = u64::from(bits & 0x7f_ffff);
    // x = mantissa * 2^exp exactly
    let (mantissa, exp) = if biased == 0 {
        (fraction, -149)
    } else {
        (fraction | 1 << 23, biased - 150)
    };
    let pow = 10u64.pow(prec as u32);
    let scaled = mantissa * pow; // < 2^24 * 10^9 < 2^54
    let rounded = if exp >= 0 {
        // |x| < 2^32 and mantissa >= 2^23 (normal) give exp <= 8
        scaled << exp
    } else {
        let shift = exp.unsigned_abs();
        if shift >= 64 {
            // scaled < 2^54 < 2^63 <= half a unit in the last place
            0
        } else {
            let q = scaled >> shift;
            let rem = scaled & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            // round half to even, as core::fmt's exact mode does
            if rem > half || (rem == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    if negative {
        out.push('-');
    }
    push_u64(out, rounded / pow);
    if prec > 0 {
        out.push('.');
        let mut digits = [b'0'; 9];
        let mut f = rounded % pow;
        for d in digits[..prec].iter_mut().rev() {
            *d = b'0' + (f % 10) as u8;
            f /= 10;
        }
        // ASCII digits, each its own char (no UTF-8 check of the buffer, no copy call)
        out.extend(digits[..prec].iter().map(|&d| char::from(d)));
    }
}

/// Appends `n` in decimal, as `format!("{n}")` would write it.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits, each its own char (no UTF-8 check of the buffer, no copy call)
    out.extend(buf[i..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(x: f32, prec: usize) -> String {
        let mut s = String::new();
        push_fixed(&mut s, x, prec);
        s
    }

    fn check(x: f32) {
        for prec in [0, 1, 2, 3, 6, 9, 12] {
            assert_eq!(
                fixed(x, prec),
                format!("{x:.prec$}"),
                "{x:e} ({:#x}) at precision {prec}",
                x.to_bits()
            );
        }
    }

    #[test]
    fn edge_cases_match_format() {
        let cases = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            -2.5,
            0.25,
            0.75,
            0.125,
            0.375,
            -0.125,
            0.05,
            0.15,
            0.005,
            0.015,
            0.045,
            0.995,
            9.995,
            99.95,
            0.001,
            -0.001,
            -0.004,
            1.0 / 3.0,
            2.0 / 3.0,
            0.1,
            0.2,
            0.3,
            123.456,
            -987.654,
            65_536.5,
            16_777_215.0,
            16_777_217.0,
            4_294_967_040.0,
            4_294_967_296.0,
            1e10,
            -3.4e38,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            -f32::MIN_POSITIVE,
            1e-45,
            -1e-45,
            f32::EPSILON,
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for x in cases {
            check(x);
        }
    }

    #[test]
    fn ratios_and_weights_match_format() {
        // what the notes hold: shares n / words, and weights around the core search's range
        for words in 1..=120u32 {
            for n in 0..=words {
                check(n as f32 / words as f32);
            }
        }
        for i in -20_000..=20_000 {
            check(i as f32 * 0.0125);
            check(i as f32 / 7.0);
        }
    }

    #[test]
    fn bit_patterns_match_format() {
        // every 4099th bit pattern (about a million): all exponents, subnormals, both signs,
        // NaNs and infinities
        let mut bits = 0u32;
        while let Some(next) = bits.checked_add(4099) {
            check(f32::from_bits(bits));
            bits = next;
        }
        // the ties: values with few fraction bits, where rounding half to even decides
        for m in 0..4096u32 {
            for shift in 0..12 {
                check(m as f32 / (1u32 << shift) as f32);
                check(-(m as f32) / (1u32 << shift) as f32);
            }
        }
    }

    #[test]
    fn integers_match_format() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            let mut s = String::new();
            push_u64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
        for n in 0..100_000u64 {
            let mut s = String::new();
            push_u64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
