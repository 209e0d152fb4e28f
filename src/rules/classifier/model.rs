//! The classifier's second stage: a logistic model over generic per-line features and the first
//! stage's context (local class, article core, neighbours, distance to the core) that makes the
//! final keep/remove decision. The weights are fitted offline by `tools/fit_c001.py` and embedded
//! here as numbers; nothing in the features names a site, a URL or a sentence.
//!
//! One linear pass over the lines (plus two sweeps for neighbours and distances).

use super::{Class, Verdict};

/// Length of a feature vector.
pub const N: usize = 32;

/// Names of the vector's entries, in order (for the fitting tool and the report).
pub const NAMES: [&str; N] = [
    "bias",
    "ln_words",
    "stop_density",
    "terminal",
    "colon",
    "bullet",
    "has_link",
    "link_share",
    "separator_share",
    "cap_share",
    "nonletter_share",
    "comment_marker",
    "clock",
    "copyright",
    "class_good",
    "class_near",
    "class_short",
    "in_core",
    "head",
    "stage1_kept",
    "prev_in_core",
    "next_in_core",
    "prev_prose",
    "next_prose",
    "ln_core_distance",
    "position",
    "above_core",
    "below_core",
    "ln_window_words",
    "blank_before",
    "ln_prev_words",
    "ln_next_words",
];

/// The per-line inputs of the model, besides the verdict itself.
pub struct LineCtx<'a> {
    pub verdicts: &'a [Verdict],
    pub in_core: &'a [bool],
    /// Stopword density of each line in the page's language.
    pub density: &'a [f32],
}

fn ln1(x: f32) -> f32 {
    (1.0 + x).ln()
}

/// Feature vectors of every line (blank lines get zeros).
pub fn vectors(ctx: &LineCtx) -> Vec<[f32; N]> {
    let v = ctx.verdicts;
    let n = v.len();
    let blank = |i: usize| v[i].class == Class::Blank;
    // previous / next non-blank line, nearest core line on each side
    let mut prev = vec![usize::MAX; n];
    let mut next = vec![usize::MAX; n];
    let mut dist_up = vec![u32::MAX; n];
    let mut dist_down = vec![u32::MAX; n];
    let mut last = usize::MAX;
    let mut d = u32::MAX;
    for i in 0..n {
        prev[i] = last;
        if !blank(i) {
            d = if ctx.in_core[i] {
                0
            } else {
                d.saturating_add(1)
            };
            dist_up[i] = d;
            last = i;
        }
    }
    last = usize::MAX;
    d = u32::MAX;
    for i in (0..n).rev() {
        next[i] = last;
        if !blank(i) {
            d = if ctx.in_core[i] {
                0
            } else {
                d.saturating_add(1)
            };
            dist_down[i] = d;
            last = i;
        }
    }
    let nonblank = v.iter().filter(|x| x.class != Class::Blank).count().max(1);
    let first_core = ctx.in_core.iter().position(|&c| c);
    let last_core = ctx.in_core.iter().rposition(|&c| c);
    let prose = |c: Class| matches!(c, Class::Good | Class::NearGood);
    let mut out = vec![[0.0f32; N]; n];
    let mut rank = 0usize;
    for i in 0..n {
        if blank(i) {
            continue;
        }
        let f = &v[i].features;
        let words = f.words as f32;
        let x = &mut out[i];
        let (p, q) = (prev[i], next[i]);
        let pw = if p == usize::MAX {
            0.0
        } else {
            v[p].features.words as f32
        };
        let qw = if q == usize::MAX {
            0.0
        } else {
            v[q].features.words as f32
        };
        let dist = dist_up[i].min(dist_down[i]);
        x[0] = 1.0;
        x[1] = ln1(words);
        x[2] = ctx.density[i];
        x[3] = f32::from(u8::from(f.terminal));
        x[4] = f32::from(u8::from(f.colon));
        x[5] = f32::from(u8::from(f.bullet));
        x[6] = f32::from(u8::from(f.links > 0));
        x[7] = if f.words == 0 {
            0.0
        } else {
            (f.links as f32 / words).min(1.0)
        };
        x[8] = if f.words == 0 {
            1.0
        } else {
            (f.separators as f32 / words).min(1.0)
        };
        x[9] = f.cap_share();
        x[10] = f.nonletter_share();
        x[11] = f32::from(u8::from(f.comment_marker));
        x[12] = f32::from(u8::from(f.clock));
        x[13] = f32::from(u8::from(f.copyright));
        x[14] = f32::from(u8::from(v[i].class == Class::Good));
        x[15] = f32::from(u8::from(v[i].class == Class::NearGood));
        x[16] = f32::from(u8::from(v[i].class == Class::Short));
        x[17] = f32::from(u8::from(ctx.in_core[i]));
        x[18] = f32::from(u8::from(!ctx.in_core[i] && v[i].remove.is_none()));
        x[19] = f32::from(u8::from(v[i].remove.is_none()));
        x[20] = f32::from(u8::from(p != usize::MAX && ctx.in_core[p]));
        x[21] = f32::from(u8::from(q != usize::MAX && ctx.in_core[q]));
        x[22] = f32::from(u8::from(p != usize::MAX && prose(v[p].class)));
        x[23] = f32::from(u8::from(q != usize::MAX && prose(v[q].class)));
        x[24] = if dist == u32::MAX {
            ln1(64.0)
        } else {
            ln1(dist.min(64) as f32)
        };
        x[25] = rank as f32 / nonblank as f32;
        x[26] = f32::from(u8::from(first_core.is_some_and(|c| i < c)));
        x[27] = f32::from(u8::from(last_core.is_some_and(|c| i > c)));
        x[28] = ln1((words + pw + qw) / 3.0);
        x[29] = f32::from(u8::from(i > 0 && blank(i - 1)));
        x[30] = ln1(pw);
        x[31] = ln1(qw);
        rank += 1;
    }
    out
}

/// The model's score of a line (positive: keep).
#[inline]
pub fn score(x: &[f32; N], w: &[f32; N]) -> f32 {
    x.iter().zip(w).map(|(a, b)| a * b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_length() {
        assert_eq!(NAMES.len(), N);
        assert!(NAMES.iter().all(|n| !n.is_empty()));
    }
}
