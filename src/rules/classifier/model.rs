//! The classifier's line model: a logistic model over generic per-line features and the line's
//! neighbourhood (local class, neighbours' classes and lengths, position on the page). Its
//! log-odds join the hand-set weights in the article-core search, so decisions stay in
//! contiguous runs, and let a line outside the core stay when the model is very sure of it.
//! None of the features depends on the core. The weights are fitted offline by
//! `tools/fit_c001.py` and embedded here as numbers; nothing in the features names a site, a URL
//! or a sentence.
//!
//! One linear pass over the lines (plus two sweeps for neighbours).

use super::{Class, Verdict};

/// Length of a feature vector.
pub const N: usize = 30;

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
    "prev_prose",
    "next_prose",
    "prev_bad",
    "next_bad",
    "position",
    "ln_window_words",
    "blank_before",
    "ln_prev_words",
    "ln_next_words",
    "ln_words_x_density",
    "ln_window_prose_words",
    "page_prose_share",
    "page_prose_share_x_good",
];

/// The shipped weights, in the order of [`NAMES`]: fitted by `tools/fit_c001.py` on one half of
/// a boilerplate dev set (the other half held out to check them).
#[rustfmt::skip]
pub const WEIGHTS: [f32; N] = [
    -1.8987, // bias
    -0.1025, // ln_words
    -2.6959, // stop_density
    1.4843, // terminal
    0.8901, // colon
    -0.1397, // bullet
    -0.5606, // has_link
    -0.5644, // link_share
    -0.3871, // separator_share
    -0.4562, // cap_share
    0.8282, // nonletter_share
    -1.9229, // comment_marker
    0.8652, // clock
    -3.7801, // copyright
    1.8126, // class_good
    -0.0101, // class_near
    0.1414, // class_short
    0.3698, // prev_prose
    0.1915, // next_prose
    -0.3309, // prev_bad
    -0.3952, // next_bad
    -1.2430, // position
    -0.1384, // ln_window_words
    0.7567, // blank_before
    0.1078, // ln_prev_words
    0.2434, // ln_next_words
    0.8010, // ln_words_x_density
    0.2073, // ln_window_prose_words
    0.0364, // page_prose_share
    -1.9740, // page_prose_share_x_good
];

fn ln1(x: f32) -> f32 {
    (1.0 + x).ln()
}

/// Feature vectors of every line (blank lines get zeros). `density` is each line's stopword
/// density in the page's language.
pub fn vectors(v: &[Verdict], density: &[f32]) -> Vec<[f32; N]> {
    let mut out = vec![[0.0f32; N]; v.len()];
    for_each_vector(v, density, |i, x| out[i] = *x);
    out
}

/// Calls `each` with the index and the feature vector of each non-blank line, in order (what
/// [`vectors`] holds for it): a caller that only scores the lines holds no vector per line.
pub fn for_each_vector(v: &[Verdict], density: &[f32], mut each: impl FnMut(usize, &[f32; N])) {
    let n = v.len();
    let blank = |i: usize| v[i].class == Class::Blank;
    let prose = |c: Class| matches!(c, Class::Good | Class::NearGood);
    // previous / next non-blank line
    let mut prev = vec![usize::MAX; n];
    let mut next = vec![usize::MAX; n];
    let mut last = usize::MAX;
    for (i, slot) in prev.iter_mut().enumerate() {
        *slot = last;
        if !blank(i) {
            last = i;
        }
    }
    last = usize::MAX;
    for i in (0..n).rev() {
        next[i] = last;
        if !blank(i) {
            last = i;
        }
    }
    let words = |i: usize| {
        if i == usize::MAX {
            0.0
        } else {
            v[i].features.words as f32
        }
    };
    let prose_words = |i: usize| {
        if i == usize::MAX || !prose(v[i].class) {
            0.0
        } else {
            v[i].features.words as f32
        }
    };
    let class = |i: usize| (i != usize::MAX).then(|| v[i].class);
    let nonblank = v.iter().filter(|x| x.class != Class::Blank).count().max(1);
    // share of the page's words in prose lines
    let (mut all_words, mut prose_all) = (0u32, 0u32);
    for x in v {
        all_words += x.features.words;
        if prose(x.class) {
            prose_all += x.features.words;
        }
    }
    let page_prose = prose_all as f32 / all_words.max(1) as f32;
    let mut rank = 0usize;
    for i in 0..n {
        if blank(i) {
            continue;
        }
        let f = &v[i].features;
        let nw = f.words as f32;
        let (p, q) = (prev[i], next[i]);
        let pp = if p == usize::MAX { p } else { prev[p] };
        let qq = if q == usize::MAX { q } else { next[q] };
        let (pw, qw) = (words(p), words(q));
        // every entry is set below
        let mut x = [0.0f32; N];
        x[0] = 1.0;
        x[1] = ln1(nw);
        x[2] = density[i];
        x[3] = f32::from(u8::from(f.terminal));
        x[4] = f32::from(u8::from(f.colon));
        x[5] = f32::from(u8::from(f.bullet));
        x[6] = f32::from(u8::from(f.links > 0));
        x[7] = if f.words == 0 {
            0.0
        } else {
            (f.links as f32 / nw).min(1.0)
        };
        x[8] = if f.words == 0 {
            1.0
        } else {
            (f.separators as f32 / nw).min(1.0)
        };
        x[9] = f.cap_share();
        x[10] = f.nonletter_share();
        x[11] = f32::from(u8::from(f.comment_marker));
        x[12] = f32::from(u8::from(f.clock));
        x[13] = f32::from(u8::from(f.copyright));
        x[14] = f32::from(u8::from(v[i].class == Class::Good));
        x[15] = f32::from(u8::from(v[i].class == Class::NearGood));
        x[16] = f32::from(u8::from(v[i].class == Class::Short));
        x[17] = f32::from(u8::from(class(p).is_some_and(prose)));
        x[18] = f32::from(u8::from(class(q).is_some_and(prose)));
        x[19] = f32::from(u8::from(class(p) == Some(Class::Bad)));
        x[20] = f32::from(u8::from(class(q) == Some(Class::Bad)));
        x[21] = rank as f32 / nonblank as f32;
        x[22] = ln1((nw + pw + qw) / 3.0);
        x[23] = f32::from(u8::from(i > 0 && blank(i - 1)));
        x[24] = ln1(pw);
        x[25] = ln1(qw);
        x[26] = ln1(nw) * density[i];
        x[27] = ln1(prose_words(pp) + prose_words(p) + prose_words(q) + prose_words(qq));
        x[28] = page_prose;
        x[29] = page_prose * x[14];
        rank += 1;
        each(i, &x);
    }
}

/// The model's log-odds that a line is content.
#[inline]
pub fn score(x: &[f32; N], w: &[f32; N]) -> f32 {
    x.iter().zip(w).map(|(a, b)| a * b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_gives_the_vectors_of_the_non_blank_lines() {
        let text = "A headline\n\nThe council met on Monday and approved the plan.\n\nShare";
        let doc = crate::doc::Document::from_text(text.to_string(), 1, 0);
        let p = super::super::Params::for_strictness(crate::rules::Strictness::Normal);
        let v = super::super::classify(&doc, &p);
        let density = vec![0.25; v.len()];
        let all = vectors(&v, &density);
        let mut seen = Vec::new();
        for_each_vector(&v, &density, |i, x| {
            assert_eq!(x, &all[i]);
            seen.push(i);
        });
        let non_blank: Vec<usize> = (0..v.len())
            .filter(|&i| v[i].class != Class::Blank)
            .collect();
        assert_eq!(seen, non_blank);
        assert!(seen.len() < v.len());
    }

    #[test]
    fn names_match_length() {
        assert_eq!(NAMES.len(), N);
        assert!(NAMES.iter().all(|n| !n.is_empty()));
    }
}
