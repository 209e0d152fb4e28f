//! The plain-text block classifier behind rule C001: per-line features, a jusText-style local
//! class, a logistic line model (see [`model`]) whose confidence adds weight to likely content,
//! the article core found as the densest region of prose, and context smoothing that keeps
//! an article's short lines (subheadings, list items, datelines) and drops chrome around it.
//!
//! Everything here is one linear pass over the document's lines plus a few passes over a small
//! per-line array; no per-line allocation beyond the removal notes.

pub mod features;
pub mod model;
mod records;
pub mod stopwords;
mod verse;

use features::{is_currency_mark, Features, CURRENCY_SIGNS};
use stopwords::LANGS;

use crate::doc::Document;
use crate::rules::glued_byline_time::is_relative_time;
use crate::rules::Strictness;
use crate::rules::{author_box, related_content_section, tag_list};

/// The classifier's thresholds and weights; [`Params::for_strictness`] gives the shipped sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Lines with fewer words are `Short` (judged by their context).
    pub short_words: u32,
    /// A `Good` line has at least this many words ...
    pub good_words: u32,
    /// ... and at least this stopword density.
    pub good_density: f32,
    /// A `NearGood` line has at least this stopword density.
    pub near_density: f32,
    /// Weight per word of a `Good` line in the core search (capped at `word_cap` words).
    pub good_weight: f32,
    /// Weight per word of a `NearGood` line.
    pub near_weight: f32,
    pub word_cap: f32,
    /// Penalty of a `Short` line in the core search.
    pub short_penalty: f32,
    /// Penalty of a `Bad` line: a constant plus a weight per word.
    pub bad_penalty: f32,
    pub bad_word_penalty: f32,
    /// A further region of prose becomes part of the article when its weight reaches this share
    /// of the best region's ...
    pub extra_core_share: f32,
    /// ... and this absolute weight.
    pub extra_core_min: f32,
    /// A page of items: when the positive weight outside the core and the comment thread is
    /// more than this multiple of the core's weight, every further region of prose that weighs
    /// at least `item_min` joins the core ...
    pub item_page_share: f32,
    /// ... (see `item_page_share`).
    pub item_min: f32,
    /// Outside the core (and the comment thread), a `Good` line with at least this many words
    /// stays.
    pub outside_keep_words: u32,
    /// Outside the core (and the comment thread), a `Good` line of at least
    /// `topic_keep_words` words stays when at least `topic_keep_share` of its distinct long
    /// words (five letters or more) also occur in the core: the article's own topic, cut off
    /// from the core by chrome, not a teaser or a site blurb.
    pub topic_keep_words: u32,
    pub topic_keep_share: f32,
    /// Non-blank lines just above the core inspected for a headline, byline or dateline.
    pub head_window: u32,
    /// A run of at most this many short lines between two prose lines (a subheading, a short
    /// list; a list under a subheading of up to `HEADED_LIST_LINES`, see `headed_list`)
    /// costs only `gap_penalty` per line in the core search; a list of any length
    /// between two prose lines (numbered `1.`, `2.`, ..., introduced by a colon, of
    /// quantities, of rising times) costs 1 per line.
    pub gap_lines: u32,
    pub gap_penalty: f32,
    /// Penalty of a comment header or footer line (`Reply`, `Name says:`, a clock time): a
    /// barrier that keeps a comment thread out of the article core.
    pub marker_penalty: f32,
    /// The document's first line is its title when it is headline-shaped and at most this many
    /// non-blank lines sit between it and the article core.
    pub title_reach: u32,
    /// The line model: logistic weights over [`model::NAMES`].
    pub model: &'static [f32; model::N],
    /// In the core search a line the model thinks content (positive log-odds) gains its
    /// log-odds times ln(1 + words) times this on top of its hand weight.
    pub model_word_weight: f32,
    /// In a reader-comment thread below the article (see [`comment_thread`]) prose weighs this
    /// share of its weight ...
    pub thread_weight: f32,
    /// ... where a thread starts after at least this much prose weight ...
    pub thread_min_prose: f32,
    /// ... at a comment header or footer with another one within this many non-blank lines.
    pub thread_confirm: u32,
    /// `--keep-comments`: the comment thread's text stays (its markers, `Reply`, `Name says:`,
    /// a comment's clock line, and the chrome among its comments still go).
    pub keep_comments: bool,
}

impl Params {
    pub fn for_strictness(s: Strictness) -> Params {
        let normal = Params {
            short_words: 7,
            good_words: 10,
            good_density: 0.25,
            near_density: 0.15,
            good_weight: 1.0,
            near_weight: 0.2,
            word_cap: 80.0,
            short_penalty: 8.0,
            bad_penalty: 16.0,
            bad_word_penalty: 0.3,
            extra_core_share: 0.5,
            extra_core_min: 20.0,
            item_page_share: 1.0,
            item_min: 10.0,
            outside_keep_words: 1000,
            topic_keep_words: 15,
            topic_keep_share: 0.5,
            head_window: 3,
            gap_lines: 4,
            gap_penalty: 4.0,
            marker_penalty: 40.0,
            title_reach: 6,
            model: &model::WEIGHTS,
            model_word_weight: 1.5,
            thread_weight: 0.3,
            thread_min_prose: 60.0,
            thread_confirm: 12,
            keep_comments: false,
        };
        match s {
            Strictness::Normal => normal,
            Strictness::Low => Params {
                short_penalty: 4.0,
                bad_penalty: 8.0,
                extra_core_share: 0.3,
                extra_core_min: 40.0,
                head_window: 4,
                thread_weight: 0.6,
                ..normal
            },
            Strictness::High => Params {
                short_penalty: 12.0,
                bad_penalty: 20.0,
                marker_penalty: 200.0,
                head_window: 2,
                thread_weight: 0.15,
                ..normal
            },
        }
    }
}

/// Local class of a line, before context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Blank,
    Good,
    NearGood,
    Short,
    Bad,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Blank => "blank",
            Class::Good => "good",
            Class::NearGood => "near-good",
            Class::Short => "short",
            Class::Bad => "bad",
        }
    }
}

/// Why a line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Outside every region of prose.
    OutsideCore,
    /// Inside the article, but chrome-shaped (separators, links, no prose).
    ChromeInCore,
    /// A short line whose neighbours are chrome.
    ShortInChrome,
    /// Outside the article, in the reader-comment thread below it.
    CommentThread,
    /// An entry of a table of contents: a subheading printed again further down.
    TableOfContents,
    /// A forum post's header (author, rank, date, `#3`) on a page that is a thread.
    PostHeader,
    /// A menu whose entries the input joined with runs of two or three spaces (see
    /// [`spaced_menu`]).
    SpacedMenu,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OutsideCore => "outside the article core",
            Reason::ChromeInCore => "chrome-shaped line inside the article",
            Reason::ShortInChrome => "short line between chrome lines",
            Reason::CommentThread => "in the comment thread below the article",
            Reason::TableOfContents => "table of contents entry (the subheading follows below)",
            Reason::PostHeader => "a forum post's header",
            Reason::SpacedMenu => "a menu: its entries joined by runs of spaces",
        }
    }
}

/// The classifier's verdict on one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub class: Class,
    /// The line's weight in the core search (positive: prose).
    pub score: f32,
    /// `Some` when the line goes.
    pub remove: Option<Reason>,
    pub features: Features,
}

/// Fewest words of a paragraph, where context decides on the lines around paragraphs: two
/// of them make the lines below the article core its last sections when no chrome follows
/// them (see [`classify_lines`]), and one heads each entry of a live blog ([`live_entries`]).
const PARAGRAPH_WORDS: u32 = 8;

/// The document's dominant stopword language (index into [`LANGS`]), or `None` when too few
/// stopwords were seen to tell.
pub fn dominant_language(feats: &[Features]) -> Option<usize> {
    let mut totals = [0u32; LANGS.len()];
    let mut words = 0u32;
    for f in feats {
        words += f.words;
        for (t, s) in totals.iter_mut().zip(f.stop.iter()) {
            *t += u32::from(*s);
        }
    }
    let (best, &n) = totals
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, usize::MAX - i))?;
    if words >= 50 && n * 12 < words {
        // a few stray hits in a page of another language
        return Some(LANG_UNKNOWN);
    }
    (n >= 5).then_some(best)
}

/// Returned by [`dominant_language`] when the page has words but too few stopwords of any list.
pub const LANG_UNKNOWN: usize = usize::MAX;

/// Fewest lines in a second language that make a page bilingual ...
const SECOND_LANGUAGE_LINES: u32 = 2;
/// ... and fewest words in them.
const SECOND_LANGUAGE_WORDS: u32 = 20;

/// The languages a page's lines are judged in: the dominant one and, on a bilingual page
/// (a notice printed in English and French, a paragraph and its translation), a second one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLanguages {
    pub main: Option<usize>,
    pub second: Option<usize>,
}

impl PageLanguages {
    /// The language a line's stopword density is read in: the second one where it reads
    /// denser there.
    pub fn of_line(&self, f: &Features) -> Option<usize> {
        match (self.main, self.second) {
            (Some(m), Some(s)) if stop_density(f, Some(s)) > stop_density(f, Some(m)) => Some(s),
            (m, _) => m,
        }
    }

    fn density(&self, f: &Features) -> f32 {
        stop_density(f, self.of_line(f))
    }
}

/// The page's languages: [`dominant_language`], and a second language when at least
/// [`SECOND_LANGUAGE_LINES`] sentences of [`SECOND_LANGUAGE_WORDS`] words in all read as prose
/// in it (stopword density of a good line) and not in the dominant one (below a near-good
/// line's). Stray chrome in another language (a `Share this` line) is too little to count.
pub fn page_languages(feats: &[Features], p: &Params) -> PageLanguages {
    let main = dominant_language(feats);
    let Some(m) = main.filter(|&m| m != LANG_UNKNOWN) else {
        return PageLanguages { main, second: None };
    };
    let mut lines = [0u32; LANGS.len()];
    let mut words = [0u32; LANGS.len()];
    for f in feats {
        if f.words < SHORT_SENTENCE_WORDS || stop_density(f, Some(m)) >= p.near_density {
            continue;
        }
        let best = (0..LANGS.len())
            .filter(|&l| l != m)
            .max_by(|&a, &b| f.stop_density(a).total_cmp(&f.stop_density(b)));
        if let Some(b) = best.filter(|&b| f.stop_density(b) >= p.good_density) {
            lines[b] += 1;
            words[b] += f.words;
        }
    }
    let second = (0..LANGS.len())
        .filter(|&l| lines[l] >= SECOND_LANGUAGE_LINES && words[l] >= SECOND_LANGUAGE_WORDS)
        .max_by_key(|&l| (lines[l], words[l], usize::MAX - l));
    PageLanguages { main, second }
}

/// Share of capitalised words from which a long line with no sentence end is a list of names
/// or tags (`Aachen Agfa Vista 400 Berlin CineStill ...`), not prose.
const NAME_LIST_CAP_SHARE: f32 = 0.7;

/// What stands in for the stopword density of a line when no list fits the page: sentence
/// shape. A long sentence reads as prose, a short one (`馆内藏书超过十万册。`, `Η είσοδος είναι
/// δωρεάν.`) as near-prose, like a short sentence of a listed language; a list item (a bullet)
/// ending in `?` or `!` is a teaser's headline as often. A line ending in a colon introduces
/// what follows (`专家指出，城市空中交通目前仍面临三大难题：`): a sentence too, if not a whole one.
fn shape_density(f: &Features) -> f32 {
    if f.terminal && f.words >= 8 {
        0.3
    } else if f.words >= 12 && (f.terminal || f.cap_share() < NAME_LIST_CAP_SHARE)
        || (f.terminal || f.colon) && !f.bullet && f.words >= SHORT_SENTENCE_WORDS
    {
        0.2
    } else {
        0.1
    }
}

fn stop_density(f: &Features, lang: Option<usize>) -> f32 {
    match lang {
        // no stopword list fits the page: sentence shape stands in for function words
        Some(LANG_UNKNOWN) => shape_density(f),
        // a language of endings: its list finds few words, and shape counts too
        Some(l) if stopwords::SPARSE_LANGS >> l & 1 == 1 => f.stop_density(l).max(shape_density(f)),
        Some(l) if stopwords::ARTICLELESS_LANGS >> l & 1 == 1 => {
            f.stop_density(l) * stopwords::ARTICLELESS_SCALE
        }
        Some(l) => f.stop_density(l),
        None => (0..LANGS.len())
            .map(|l| f.stop_density(l))
            .fold(0.0, f32::max),
    }
}

/// Chrome shapes no context can rescue: separator runs, link lists, copyright lines.
fn chrome_shaped(f: &Features) -> bool {
    f.words == 0
        || f.copyright
        || (f.links > 0 && f.links * 3 >= f.words)
        || (f.separators >= 2 && f.separators * 5 >= f.words)
        || (f.separators >= 1 && f.words <= 6)
        || f.alpha_words == 0
}

/// Fewest words of a short sentence (`Tickets cost 3 euros.`): with final punctuation and
/// function words it is prose, not a label.
const SHORT_SENTENCE_WORDS: u32 = 4;

fn local_class(f: &Features, langs: &PageLanguages, p: &Params) -> Class {
    if f.code {
        // a command or a line of code: judged by its context, like a list item
        return Class::Short;
    }
    if chrome_shaped(f) || f.comment_marker || f.clock {
        return Class::Bad;
    }
    let d = langs.density(f);
    // a short sentence (final punctuation, function words) is prose, not a label
    let sentence = f.terminal && f.words >= SHORT_SENTENCE_WORDS && d >= p.near_density;
    if f.words < p.short_words && !sentence {
        return Class::Short;
    }
    if d >= p.good_density && f.words >= p.good_words {
        return Class::Good;
    }
    if d >= p.near_density || (f.terminal && d >= p.near_density * 0.5) {
        return Class::NearGood;
    }
    if unlisted_short(f, langs) {
        // with no stopword list for the page, a line of a few words without final punctuation
        // (a list item, a subheading, a sentence left unpunctuated) tells too little to be
        // chrome by itself: its context decides, as for a short line. A title-case run of
        // names (a menu of a cased script) is chrome still.
        return Class::Short;
    }
    Class::Bad
}

/// A line of a page without a stopword list that [`local_class`] judges by its context only
/// because nothing in it tells prose from chrome: fewer than [`UNLISTED_LINE_WORDS`] words, no
/// final punctuation, not a title-case run of names. When its context does not take it in (a
/// short run or a list between prose lines), it is chrome: see [`classify_lines`].
fn unlisted_short(f: &Features, langs: &PageLanguages) -> bool {
    langs.main == Some(LANG_UNKNOWN)
        && !f.terminal
        && f.words < UNLISTED_LINE_WORDS
        && f.cap_share() < NAME_LIST_CAP_SHARE
}

/// Below this many words a line of a page without a stopword list and without final
/// punctuation is judged by its context (from this many on, [`shape_density`] reads it as
/// near-prose when it is not a title-case list of names).
const UNLISTED_LINE_WORDS: u32 = 12;

fn weight(c: Class, f: &Features, p: &Params) -> f32 {
    let w = (f.words as f32).min(p.word_cap);
    match c {
        Class::Blank => 0.0,
        Class::Good => p.good_weight * w,
        Class::NearGood => p.near_weight * w,
        Class::Short => -p.short_penalty,
        Class::Bad => -(p.bad_penalty + p.bad_word_penalty * w),
    }
}

/// Lines `i` and `i + 1` are one sentence broken over a line end (a poem's or a song's lines,
/// a hard-wrapped paragraph): `i` does not end the sentence (no final punctuation, no colon)
/// and either ends with a comma or semicolon or `i + 1` opens in lowercase; neither is
/// chrome-shaped, a comment's header or a bullet item.
fn continues(doc: &Document, out: &[Verdict], i: usize) -> bool {
    let (Some(a), Some(b)) = (out.get(i), out.get(i + 1)) else {
        return false;
    };
    let plain = |v: &Verdict| {
        v.class != Class::Blank
            && !chrome_shaped(&v.features)
            && !v.features.comment_marker
            && !v.features.bullet
            && !v.features.code
    };
    if !plain(a) || !plain(b) || a.features.terminal || a.features.colon {
        return false;
    }
    let line = doc.line(i).trim_end();
    line.ends_with(features::CLAUSE_ENDS)
        || doc
            .line(i + 1)
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
}

/// Sentences broken over line ends: each run of lines that [`continues`] is judged as one
/// paragraph, so that a stanza of short lines or a hard-wrapped paragraph weighs what its
/// prose weighs. A run's lines take the run's class when it is a good line (a paragraph's
/// length and function words) and each line's share of the run's weight; other runs (a
/// lowercase tag list, a comment's `Reply to This` over `twitter facebook`) keep their lines'
/// own classes.
fn join_broken_sentences(doc: &Document, out: &mut [Verdict], langs: &PageLanguages, p: &Params) {
    let n = out.len();
    let mut i = 0;
    while i < n {
        let start = i;
        while continues(doc, out, i) {
            i += 1;
        }
        let end = i + 1;
        i += 1;
        if end - start < 2 {
            continue;
        }
        let mut joined = out[start].features;
        for v in &out[start + 1..end] {
            verse::add_line(&mut joined, &v.features);
        }
        joined.terminal = out[end - 1].features.terminal;
        joined.colon = out[end - 1].features.colon;
        let class = local_class(&joined, langs, p);
        if class != Class::Good {
            continue;
        }
        let total = weight(class, &joined, p);
        for v in &mut out[start..end] {
            if matches!(v.class, Class::Short | Class::Bad | Class::NearGood) {
                v.class = class;
                v.score = total * v.features.words as f32 / joined.words.max(1) as f32;
            }
        }
    }
}

/// The core search takes at most this many runs (each costs a pass over the document).
const MAX_CORE_RUNS: usize = 256;

/// Best-sum run of `w` among indices not yet taken; returns (start, end, sum).
fn best_run(w: &[f32], taken: &[bool]) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let mut start = 0;
    let mut sum = 0.0f32;
    for i in 0..w.len() {
        if taken[i] {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w[i];
        if sum > 0.0 && best.is_none_or(|b| sum > b.2) {
            best = Some((start, i + 1, sum));
        }
    }
    best
}

/// The lines of a reader-comment thread: from the first comment header or footer (`Reply`,
/// `Name says:`, `12 Comments`) that comes after `thread_min_prose` of prose weight and has
/// another comment header, footer or clock line within `thread_confirm` non-blank lines below
/// it (a counted heading naming the article, `27 comments to ...`, needs none), to the end of
/// the document. A comment widget's line (`widget[i]`, R011's: `Комментарии (2)`, `رد`) is
/// such a header or footer too, in the scripts whose words the features do not read.
fn comment_thread(out: &[Verdict], w: &[f32], p: &Params, widget: &[bool]) -> Vec<bool> {
    let n = out.len();
    let widget_line = |i: usize| widget.get(i).copied().unwrap_or(false);
    let mut prose_before = 0.0f32;
    let mut start = n;
    for i in 0..n {
        // a widget's counted heading (`Комментарии (2)`, `التعليقات (2)`) is no share button:
        // it opens a thread below a short article too
        let min_prose = if widget_line(i) && out[i].features.digits > 0 {
            p.thread_min_prose * COUNTED_WIDGET_PROSE_SHARE
        } else {
            p.thread_min_prose
        };
        if (out[i].features.thread_marker || widget_line(i))
            && prose_before >= min_prose
            && (out[i].features.thread_heading
                || (i + 1..n)
                    .filter(|&j| out[j].class != Class::Blank)
                    .take(p.thread_confirm as usize)
                    .any(|j| out[j].features.comment_marker || widget_line(j)))
            && !(counted(&out[i].features) && first_long_gap(out, w, i) > prose_before)
        {
            start = i;
            break;
        }
        prose_before += w[i].max(0.0);
    }
    (0..n).map(|i| i >= start).collect()
}

/// With `--keep-comments`, whether a line of the comment thread is a comment's text: prose, a
/// sentence, or a short line (`Great piece!`, a commenter's name) not between two chrome
/// lines; not a comment's header or footer (`Reply`, `Name says:`, its clock line) nor a
/// chrome-shaped line (a link row, a copyright line).
fn comment_text(v: &Verdict, above: Option<Class>, below: Option<Class>) -> bool {
    let f = &v.features;
    if f.comment_marker || f.clock || chrome_shaped(f) {
        return false;
    }
    match v.class {
        Class::Good | Class::NearGood => true,
        Class::Bad => f.terminal,
        Class::Short => !(above == Some(Class::Bad) && below == Some(Class::Bad)),
        Class::Blank => false,
    }
}

/// The share of `thread_min_prose` after which a comment widget's counted heading starts a
/// thread.
const COUNTED_WIDGET_PROSE_SHARE: f32 = 1.0 / 3.0;

/// A thread's comments are short beside an article: more words than this between two of a
/// thread's first comment markers, outweighing the prose above the first marker, means the
/// marker was a comment count or a byline beside the headline, with the article below it.
const THREAD_GAP_WORDS: u32 = 300;

/// A comment count (`12 Comments`, `New, 6 comments`): it may sit beside the headline, above
/// the article, as well as above the thread.
fn counted(f: &Features) -> bool {
    f.thread_heading || f.digits > 0
}

/// The prose weight of the first stretch without a comment marker longer than
/// [`THREAD_GAP_WORDS`] words below line `start`, before three markers have been seen; 0 when
/// the markers keep coming (or the document ends first).
fn first_long_gap(out: &[Verdict], w: &[f32], start: usize) -> f32 {
    let mut markers = 1;
    let mut words = 0u32;
    let mut gap_start = start + 1;
    for k in start + 1..out.len() {
        let v = &out[k];
        if v.features.comment_marker {
            markers += 1;
            if markers >= 3 {
                return 0.0;
            }
            words = 0;
            gap_start = k + 1;
        } else {
            words += v.features.words;
            if words > THREAD_GAP_WORDS {
                let end = (k..out.len())
                    .find(|&j| out[j].features.comment_marker)
                    .unwrap_or(out.len());
                return w[gap_start..end].iter().map(|x| x.max(0.0)).sum();
            }
        }
    }
    0.0
}

/// Whether the short lines in `start..end` (blank lines aside) are one numbered list: each opens
/// with the next number (`1.`, `2)`, ...), from 1: the steps or points of an article, however
/// many, not a menu.
fn numbered_list(doc: &Document, out: &[Verdict], start: usize, end: usize) -> bool {
    let mut next = 1u32;
    for (j, v) in out.iter().enumerate().take(end).skip(start) {
        if v.class == Class::Blank {
            continue;
        }
        let line = doc.line(j).trim_start();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let number: Option<u32> = line[..digits].parse().ok();
        let marked = matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
        if number != Some(next) || !marked {
            return false;
        }
        next += 1;
    }
    next > 1
}

/// The time a line opens with, in seconds (`02:15 Why glaciers make noise`, `1:02:15 ...`,
/// `14:32 ...`), or a match's minute mark (`45' ...`, `45'+2 ...`, `90+4' ...`, see
/// [`minute_mark`]), and the words after it (one or more: a schedule's `20:40 Interval`).
fn timed_line(line: &str) -> Option<(u32, usize)> {
    let line = line.trim_start();
    if !line.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (stamp, rest) = line.split_once(' ')?;
    let stamp = stamp.trim_end_matches(['-', '–', '—']);
    let words = || {
        rest.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    if let Some(t) = minute_mark(stamp) {
        return Some((t, words())).filter(|&(_, w)| w >= 1);
    }
    let mut parts = stamp.split(':');
    let first = parts.next()?;
    if first.is_empty() || first.len() > 2 {
        return None;
    }
    let mut seconds = first.parse::<u32>().ok()?;
    let mut fields = 1;
    for part in parts {
        if part.len() != 2 {
            return None;
        }
        let v = part.parse::<u32>().ok().filter(|&v| v < 60)?;
        seconds = seconds * 60 + v;
        fields += 1;
    }
    let words = words();
    ((2..=3).contains(&fields) && words >= 1).then_some((seconds, words))
}

/// A match's minute mark, as a live ticker opens its entries: `45'`, `45'+2` or `90+4'` (the
/// added time after the plus; `’` and `′` for the apostrophe too), as a time whose order is the
/// match's: the minute in sixties and the added minutes below (`45'+2` before `46'`). `12.` and
/// a bare `12` are none.
fn minute_mark(stamp: &str) -> Option<u32> {
    let (main, added) = stamp.split_once('+').unwrap_or((stamp, ""));
    fn marked(s: &str) -> Option<&str> {
        s.strip_suffix(['\'', '’', '′'])
    }
    let (minute, added) = match (marked(main), marked(added)) {
        // `45'+2`, `45'`
        (Some(m), None) => (m, added),
        // `90+4'`
        (None, Some(a)) if !added.is_empty() => (main, a),
        _ => return None,
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(minute, 1..=3) || !(added.is_empty() || digits(added, 1..=2)) {
        return None;
    }
    let minute: u32 = minute.parse().ok()?;
    let added: u32 = if added.is_empty() {
        0
    } else {
        added.parse().ok()?
    };
    (minute <= 130 && added < 60).then_some(minute * 60 + added)
}

/// Whether the words after the times of a run of timed lines make it a list of entries: at
/// most one entry in three is a single word (a schedule's `20:40 Interval`); the rest have more.
fn entries_worded(words: impl Iterator<Item = usize>) -> bool {
    let (mut single, mut more) = (0, 0);
    for w in words {
        if w == 1 {
            single += 1;
        } else {
            more += 1;
        }
    }
    single * 2 <= more
}

/// A line that is a release's version number alone: `4.1.3`, `v2.0`, `V 1.10.2`, perhaps
/// bracketed (`[4.1.3]`) as changelogs head their sections, perhaps with the release's date
/// after it (`2.4.0 (2026-11-30)`, `[1.0.0] - 2017-06-20`, `v2.1 – March 3, 2026`); a bare
/// `3.5` (a rating, a price) and a date (`24.11.2021`, `12.11.21`) are none. A version label
/// may stand before the number (`Version 3.2.0`, `Release 2.0`, `Versión 1.4`; see
/// [`VERSION_LABELS`]): after it, two parts (`Version 2.0`) are a version as after a `v`.
fn is_version_heading(line: &str) -> bool {
    let line = line.trim();
    let (labelled, line) = match line.split_once(' ') {
        // (the number after it is the cheap test, the label's the dear one)
        Some((word, rest))
            if opens_with_version_number(rest.trim_start()) && is_version_label(word) =>
        {
            (true, rest.trim_start())
        }
        _ => (false, line),
    };
    if !opens_with_version_number(line) {
        // most lines: no date after them is parsed
        return false;
    }
    let version = match line.split_once(' ') {
        Some((v, date)) if is_release_date(date) => v,
        // `V 1.10.2`: the prefix and the number apart, perhaps a date after them
        Some(("v" | "V", rest)) => match rest.trim_start().split_once(' ') {
            Some((number, date)) if is_release_date(date) => {
                return is_version_number(&format!("v{number}"), labelled);
            }
            _ => line,
        },
        _ => line,
    };
    is_version_number(version, labelled)
}

/// Words that name a release before its version number (lower case): `Version 3.2.0`,
/// `Release 2.0`, `Versión 1.4`, `Версия 2.1`.
const VERSION_LABELS: &[&str] = &[
    "version",
    "release",
    "versión",
    "versão",
    "versao",
    "versione",
    "versie",
    "versio",
    "wersja",
    "verze",
    "verzió",
    "sürüm",
    "версия",
    "версія",
    "versiune",
    "verzija",
    "versjon",
];

/// `word` is a version label (see [`VERSION_LABELS`]), in any case.
fn is_version_label(word: &str) -> bool {
    (5..=14).contains(&word.len())
        && VERSION_LABELS
            .iter()
            .any(|label| word.chars().flat_map(char::to_lowercase).eq(label.chars()))
}

/// `line` (trimmed) opens as every version number [`is_version_heading`] accepts does, past
/// its brackets, its `v` and the spaces after that: one or two digits and a dot (`4.`, `10.`).
/// A cheap test that turns down most lines before their tails are parsed as dates.
fn opens_with_version_number(line: &str) -> bool {
    let t = line.trim_start_matches('[');
    let t = t.strip_prefix(['v', 'V']).unwrap_or(t).trim_start();
    match t.as_bytes() {
        [a, b'.', ..] | [a, b'0'..=b'9', b'.', ..] => a.is_ascii_digit(),
        _ => false,
    }
}

/// The date after a release's version number: a whole date, perhaps in parentheses or after a
/// dash (`(2026-11-30)`, `- 2017-06-20`, `– March 3, 2026`).
fn is_release_date(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['-', '–', '—', ' ']).trim();
    let rest = match rest.strip_prefix('(') {
        Some(inner) => match inner.strip_suffix(')') {
            Some(inner) => inner.trim(),
            None => return false,
        },
        None => rest,
    };
    crate::rules::dates::parse_date_prefix(rest).is_some_and(|d| d.len == rest.len())
}

/// A version number alone (see [`is_version_heading`]); `labelled`: a version label stood
/// before it.
fn is_version_number(line: &str, labelled: bool) -> bool {
    let t = line.trim().trim_start_matches('[').trim_end_matches(']');
    let (prefixed, number) = match t.strip_prefix(['v', 'V']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    let parts: Vec<&str> = number.split('.').collect();
    // one or two digits each, no leading zero: `24.11.2021` and `01.30.05` are dates
    let numeric = parts.iter().all(|p| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && !(p.len() == 2 && p.starts_with('0'))
    });
    let value = |k: usize| parts.get(k).and_then(|p| p.parse::<u32>().ok());
    // `12.11.21` reads as a day, a month and a year
    let date_like = parts.len() == 3
        && parts[2].len() == 2
        && value(0).is_some_and(|d| (1..=31).contains(&d))
        && value(1).is_some_and(|m| (1..=12).contains(&m));
    numeric
        && if prefixed || labelled {
            parts.len() >= 2
        } else {
            parts.len() >= 3 && !date_like
        }
}

/// Fewest release headings of a changelog (see [`release_sections`]).
const RELEASES: usize = 2;

/// The lines of a changelog the article core reaches into: a stretch of at least
/// [`RELEASES`] sections, each opened by a release's version heading (see
/// [`is_version_heading`]) and holding at least one line below it (its `Added` / `Fixed`
/// subheadings and entries), up to the first line a rule removes, a chrome-shaped line, a
/// comment marker or the comment thread, less the short lines without a sentence's end that
/// close it (a footer's labels; so an entry of the last release without a full stop goes
/// too when it is the stretch's last line). A core that holds a line of it holds all of it: a
/// release's entries are few-worded and may fall outside the core one by one, and what a
/// reader needs is every release whole, under its version. A version selector (headings
/// with nothing between them) is none.
fn release_sections(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_thread: &[bool],
    in_core: &[bool],
) -> Vec<bool> {
    let n = out.len();
    let mut sections = vec![false; n];
    let heading = |j: usize| {
        out[j].class == Class::Short
            && out[j].features.digits > 0
            && is_version_heading(doc.line(j))
    };
    let stops = |j: usize| {
        let f = &out[j].features;
        ruled.get(j).copied().unwrap_or(false)
            || in_thread[j]
            || f.comment_marker
            || out[j].class != Class::Blank && chrome_shaped(f) && !heading(j)
    };
    let mut i = 0;
    while i < n {
        if out[i].class == Class::Blank || !heading(i) {
            i += 1;
            continue;
        }
        // the stretch from this heading to the first line that stops it, less the short lines
        // that end it with no sentence (a footer's `Edit this page`, `Back to top`)
        let start = i;
        let mut end = start;
        while end < n && !stops(end) {
            end += 1;
        }
        let next = end;
        while end > start + 1 {
            let v = &out[end - 1];
            let trailing = v.class == Class::Blank
                || v.class == Class::Short && !v.features.terminal && !heading(end - 1);
            if !trailing {
                break;
            }
            end -= 1;
        }
        let mut headings = 0;
        let mut empty = false;
        let mut lines_below = 0;
        for j in (start..end).filter(|&j| out[j].class != Class::Blank) {
            if heading(j) {
                empty |= headings > 0 && lines_below == 0;
                headings += 1;
                lines_below = 0;
            } else {
                lines_below += 1;
            }
        }
        empty |= lines_below == 0;
        if headings >= RELEASES && !empty && in_core[start..end].iter().any(|&c| c) {
            sections[start..end].iter_mut().for_each(|s| *s = true);
        }
        i = next.max(start + 1);
    }
    sections
}

/// Most bytes of a speaker's label before its colon (`Frage:`, `Jana Vogt:`, `Q:`).
const SPEAKER_LABEL_BYTES: usize = 32;

/// Most words of a speaker's label.
const SPEAKER_LABEL_WORDS: usize = 3;

/// The speaker's label a line of an interview or a dialogue opens with (`Frage: Warum?`,
/// `Vogt: Ja.`, `Q: And then?`): one to [`SPEAKER_LABEL_WORDS`] capitalised words of letters
/// (a dot, hyphen or apostrophe inside a name aside), a colon, a space and words. No digit (a
/// time, a score, a table's row), no label of the whole line (`Ingredients:`).
///
/// A role may name its speaker in brackets after it (`HOST (Dana Ruiz): Welcome back.`,
/// `GUEST (Prof. Ian Mbeki): Thanks.`), each part of one to [`SPEAKER_LABEL_WORDS`] words.
fn speaker_label(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let head = &line.as_bytes()[..line.len().min(SPEAKER_LABEL_BYTES + 1)];
    let colon = memchr::memchr(b':', head)?;
    let label = &line[..colon];
    let rest = line[colon + 1..].strip_prefix(' ')?;
    if !rest.chars().any(char::is_alphabetic) {
        return None;
    }
    let named = |part: &str| {
        let mut words = 0;
        part.split(' ').all(|word| {
            words += 1;
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && words <= SPEAKER_LABEL_WORDS
        })
    };
    let bracketed = label
        .strip_suffix(')')
        .and_then(|l| l.split_once(" ("))
        .filter(|(role, name)| named(role) && named(name));
    (bracketed.is_some() || named(label)).then_some(label)
}

/// A speaker's turn ends like a sentence ([`features::ends_a_sentence_mark`]: `.`, `?`, `!`,
/// `…` and their forms in other scripts), perhaps inside a closing quote or bracket.
fn turn_ends_sentence(line: &str) -> bool {
    features::ends_a_sentence_mark(line.trim_end_matches(['"', '”', '“', '»', '«', '\'', '’', ')']))
}

/// Fewest turns of an interview (see [`interview_runs`]).
const INTERVIEW_TURNS: usize = 4;

/// Most non-blank lines between two turns of an interview (an answer's further paragraphs).
const INTERVIEW_TURN_LINES: usize = 3;

/// The spans of an interview's or a dialogue's turns: runs of lines that open with a speaker's
/// label (see [`speaker_label`]), at most [`INTERVIEW_TURN_LINES`] other lines between two of
/// them, with at least [`INTERVIEW_TURNS`] turns by two or three speakers, each speaking at
/// least twice (one line more may open like a turn: a headline's `Interview:`, left out of the
/// span), and the speaker changing at half the turns or more (`Frage:` / `Vogt:` /
/// `Frage:` ...); a question among the turns, and at least half of them ending like a
/// sentence. A table of properties (`Protein: 14 g` / `Fat: 12 g`) or a form's labels name
/// each row once; a timetable's (`Fall: CEP 400` / `Spring: LAI 414`) or a card's (`Anna:
/// Berlin`) rows ask nothing. Each span runs from the first turn to the last.
fn interview_runs(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut turns: Vec<(usize, &str)> = Vec::new();
    let mut since_turn = 0;
    let flush = |turns: &mut Vec<(usize, &str)>, runs: &mut Vec<std::ops::Range<usize>>| {
        if turns.len() >= INTERVIEW_TURNS {
            let mut speakers: Vec<(&str, usize)> = Vec::new();
            for &(_, label) in turns.iter() {
                match speakers.iter_mut().find(|(s, _)| *s == label) {
                    Some((_, k)) => *k += 1,
                    None => speakers.push((label, 1)),
                }
            }
            let changes = turns.windows(2).filter(|w| w[0].1 != w[1].1).count();
            let ends = |j: usize| {
                let line = doc.line(j).trim_end();
                (turn_ends_sentence(line), line.ends_with(['?', '？']))
            };
            let (sentences, questions) = turns.iter().fold((0, 0), |(s, q), &(j, _)| {
                let (sentence, question) = ends(j);
                (s + usize::from(sentence), q + usize::from(question))
            });
            // (a headline may open like a turn, `Interview: Why the ferry came back`)
            let recurring = |label: &str| speakers.iter().any(|&(s, k)| s == label && k >= 2);
            let once = speakers.iter().filter(|&&(_, k)| k == 1).count();
            let first = turns.iter().find(|&&(_, l)| recurring(l));
            let last = turns.iter().rfind(|&&(_, l)| recurring(l));
            if (2..=3).contains(&(speakers.len() - once))
                && once <= 1
                && 2 * changes >= turns.len()
                && questions > 0
                && 2 * sentences >= turns.len()
            {
                if let (Some(&(a, _)), Some(&(b, _))) = (first, last) {
                    runs.push(a..b + 1);
                }
            }
        }
        turns.clear();
    };
    for j in 0..doc.n_lines() {
        if doc.is_blank(j) {
            continue;
        }
        match speaker_label(doc.line(j)) {
            Some(label) => {
                turns.push((j, label));
                since_turn = 0;
            }
            None => {
                since_turn += 1;
                if since_turn > INTERVIEW_TURN_LINES {
                    flush(&mut turns, &mut runs);
                }
            }
        }
    }
    flush(&mut turns, &mut runs);
    runs
}

/// Fewest time stamps of a transcript (see [`transcript_runs`]).
const TRANSCRIPT_STAMPS: usize = 3;

/// Most words of a sound cue in a transcript (`[Music]`, `(laughs)`, `[Applause]`).
const SOUND_CUE_WORDS: u32 = 3;

/// A transcript's time stamp, in seconds: `0:12`, `12:01`, `00:12:01`, `1:02:33`, perhaps in
/// square or round brackets (`[00:01:23]`, `(12:01)`). A stamp of two parts is read as
/// minutes and seconds; only the order of a transcript's stamps matters.
fn stamp_seconds(stamp: &str) -> Option<u32> {
    let stamp = match stamp.as_bytes().first()? {
        b'[' => stamp.strip_prefix('[')?.strip_suffix(']')?,
        b'(' => stamp.strip_prefix('(')?.strip_suffix(')')?,
        _ => stamp,
    };
    let mut parts = stamp.split(':');
    let lead = parts.next()?;
    if !(1..=2).contains(&lead.len()) || !lead.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut seconds = lead.parse::<u32>().ok()?;
    let mut n = 1;
    for part in parts {
        n += 1;
        let sixty = part.len() == 2
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.as_bytes()[0] < b'6';
        if !sixty || n > 3 {
            return None;
        }
        seconds = seconds * 60 + part.parse::<u32>().ok()?;
    }
    (n >= 2).then_some(seconds)
}

/// The time stamp a transcript's line holds alone (`00:12:01`, `[00:01:23]`), in seconds.
fn lone_stamp(line: &str) -> Option<u32> {
    // the longest, `[00:00:00]`, is 10 bytes
    if line.len() > 10
        || !line.as_bytes().first()?.is_ascii_digit() && !line.starts_with(['[', '('])
    {
        return None;
    }
    stamp_seconds(line)
}

/// A transcript's turn (see [`speaker_label`]), perhaps under a time stamp on the same line
/// (`[00:01:05] Dana Ruiz: And that works at scale?`): its speaker, and the stamp in seconds.
fn stamped_turn(line: &str) -> Option<(&str, Option<u32>)> {
    if let Some((t, rest)) = stamp_head(line) {
        return speaker_label(rest).map(|s| (s, Some(t)));
    }
    speaker_label(line).map(|s| (s, None))
}

/// The time stamp that opens a line before a space (`[00:01:05] Dana Ruiz: ...`), in seconds,
/// and the rest of the line after that space.
fn stamp_head(line: &str) -> Option<(u32, &str)> {
    let first = *line.as_bytes().first()?;
    if !(first.is_ascii_digit() || first == b'[' || first == b'(') {
        return None;
    }
    let (head, rest) = line.split_once(' ')?;
    Some((stamp_seconds(head)?, rest))
}

/// The spans of a transcript's turns: speakers' turns (see [`speaker_label`]) under time
/// stamps that stand alone on their lines (`00:12:01`, `[00:01:23]`, `0:12`) or open the
/// turns' lines (`[00:01:05] Dana Ruiz: ...`), at least [`TRANSCRIPT_STAMPS`] stamps in
/// rising order and two speakers at least. Between them may stand an answer's further
/// paragraphs (a line of [`PARAGRAPH_WORDS`] words or a sentence of three) and sound cues in
/// brackets (`[Music]`); a stamp alone must head a turn or a paragraph. Each span runs from
/// the first stamp or turn to the last turn or paragraph. A comment's clock (`Anna 12:30`,
/// `12:30 Reply`) heads no speaker's turn.
fn transcript_runs(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let lines: Vec<usize> = (0..doc.n_lines()).filter(|&j| !doc.is_blank(j)).collect();
    let mut k = 0;
    while k < lines.len() {
        // a turn opens a transcript only under a stamp on its line: the speaker's label is
        // asked only after one (what `stamped_turn` answers there)
        let opens = lone_stamp(doc.line(lines[k])).is_some()
            || stamp_head(doc.line(lines[k]))
                .is_some_and(|(_, rest)| speaker_label(rest).is_some());
        if !opens {
            k += 1;
            continue;
        }
        let (mut stamps, mut last_stamp) = (0, None::<u32>);
        let mut speakers: Vec<&str> = Vec::new();
        let (mut end, mut heading) = (None, false);
        let mut m = k;
        while m < lines.len() {
            let j = lines[m];
            let line = doc.line(j);
            let mut rises = |t: u32| {
                let ok = last_stamp.is_none_or(|l| t > l);
                stamps += usize::from(ok);
                last_stamp = Some(t);
                ok
            };
            if let Some(t) = lone_stamp(line) {
                if heading || !rises(t) {
                    break;
                }
                heading = true;
            } else if let Some((speaker, t)) = stamped_turn(line) {
                if t.is_some_and(|t| !rises(t)) {
                    break;
                }
                if !speakers.contains(&speaker) {
                    speakers.push(speaker);
                }
                (end, heading) = (Some(j), false);
            } else {
                let info = doc.info(j);
                let paragraph = info.words >= PARAGRAPH_WORDS
                    || info.words >= 3 && features::ends_a_sentence_mark(line.trim_end());
                let cue = !heading
                    && info.words <= SOUND_CUE_WORDS
                    && (line.starts_with('[') && line.ends_with(']')
                        || line.starts_with('(') && line.ends_with(')'));
                if paragraph && end.is_some() {
                    (end, heading) = (Some(j), false);
                } else if !cue {
                    break;
                }
            }
            m += 1;
        }
        match end {
            Some(end) if stamps >= TRANSCRIPT_STAMPS && speakers.len() >= 2 => {
                runs.push(lines[k]..end + 1);
                k = m;
            }
            _ => k += 1,
        }
    }
    runs
}

/// Fewest entries of a chapter list or timeline.
const TIMED_ENTRIES: usize = 3;

/// Lines of the document that are entries of a chapter list, a timeline or a live ticker: runs
/// of at least [`TIMED_ENTRIES`] consecutive non-blank lines that open with a time (or a
/// match's minute mark, `76' Goal!`) and words after it, the times rising (`00:00 Cold open`,
/// `02:15 Why glaciers make noise`, ...) or falling (a ticker's newest entry first: at least
/// half the entries then end like a sentence); an entry of
/// one word (`20:40 Interval`) counts where the entries of more words are at least twice as
/// many (see [`entries_worded`]). A comment's clock (`Anna 12:30`, `12:30 Reply`) stands
/// alone between comment texts.
fn timed_entries(doc: &Document) -> Vec<usize> {
    let mut entries = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut last = None;
    let mut rising: Option<bool> = None;
    // a falling run is a ticker, newest entry first, when its entries are sentences, mostly (a
    // box of the latest headlines, each under its time, is none)
    let sentences = |run: &[(usize, usize)]| {
        let ends = |j: usize| features::ends_a_sentence_mark(doc.line(j).trim_end());
        2 * run.iter().filter(|&&(j, _)| ends(j)).count() >= run.len()
    };
    let mut flush = |run: &mut Vec<(usize, usize)>, rising: Option<bool>| {
        if run.len() >= TIMED_ENTRIES
            && entries_worded(run.iter().map(|&(_, w)| w))
            && (rising != Some(false) || sentences(run))
        {
            entries.extend(run.iter().map(|&(j, _)| j));
        }
        run.clear();
    };
    for j in 0..doc.n_lines() {
        if doc.is_blank(j) {
            continue;
        }
        let timed = timed_line(doc.line(j));
        // the run's direction, from its first two times: rising, or falling as a live
        // ticker's newest entry comes first
        let goes_on = |t: u32| {
            last.is_some_and(|l: u32| t != l && rising.is_none_or(|r| (t > l) == r))
                && !run.is_empty()
        };
        match timed {
            Some((t, words)) if goes_on(t) => {
                rising = last.map(|l| t > l);
                run.push((j, words));
            }
            Some((_, words)) => {
                flush(&mut run, rising);
                rising = None;
                run.push((j, words));
            }
            None => flush(&mut run, rising),
        }
        last = timed.map(|(t, _)| t);
    }
    flush(&mut run, rising);
    entries
}

/// A time alone on its line (`22:15`, `9:05`), in minutes.
fn lone_time(line: &str) -> Option<u32> {
    let line = line.trim();
    // `h:mm` or `hh:mm`: a longer line is no time, and skips the search for the colon
    if line.len() > 5 {
        return None;
    }
    let (h, m) = line.split_once(':')?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// A live blog's time lines: at least [`TIMED_ENTRIES`] lines that are a time alone, in
/// rising or falling order, each followed by one or more paragraphs (of
/// [`PARAGRAPH_WORDS`] words or more, or a sentence of three) and by nothing else up to
/// the next time (a comment's clock comes with its author's name or a `Reply`).
fn live_entries(doc: &Document) -> Vec<usize> {
    let mut found = Vec::new();
    let mut run: Vec<(usize, u32)> = Vec::new();
    let mut paragraphs = 0;
    let mut close = |run: &mut Vec<(usize, u32)>, paragraphs: usize| {
        // the last time line is an entry only with a paragraph below it
        if paragraphs == 0 {
            run.pop();
        }
        let rising = run.windows(2).all(|w| w[0].1 < w[1].1);
        let falling = run.windows(2).all(|w| w[0].1 > w[1].1);
        if run.len() >= TIMED_ENTRIES && (rising || falling) {
            found.extend(run.iter().map(|&(j, _)| j));
        }
        run.clear();
    };
    for j in (0..doc.n_lines()).filter(|&j| !doc.is_blank(j)) {
        if let Some(t) = lone_time(doc.line(j)) {
            if !run.is_empty() && paragraphs == 0 {
                close(&mut run, 0);
            }
            run.push((j, t));
            paragraphs = 0;
        } else if run.is_empty() {
            continue;
        } else if doc.info(j).words >= PARAGRAPH_WORDS
            || doc.info(j).words >= 3 && features::ends_a_sentence_mark(doc.line(j).trim_end())
        {
            paragraphs += 1;
        } else {
            // a short line (a name, `Reply`) ends the run at the entry above it
            close(&mut run, paragraphs);
            paragraphs = 0;
        }
    }
    close(&mut run, paragraphs);
    found
}

/// `line` asks something: it ends in a question mark (ASCII, full-width or Arabic; closing
/// quotes and brackets aside are rare on a question line and not looked past).
fn asks(line: &str) -> bool {
    line.trim_end().ends_with(['?', '？', '؟'])
}

/// Line `k` is a question of an FAQ's: it asks (see [`asks`]) in at most
/// [`FAQ_QUESTION_WORDS`] words, with no link, no rule's removal, no comment marker, not of
/// the comment thread, not chrome-shaped.
fn faq_question(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_thread: &[bool],
    k: usize,
) -> bool {
    let f = &out[k].features;
    asks(doc.line(k))
        && f.words <= FAQ_QUESTION_WORDS
        && f.links == 0
        && !f.comment_marker
        && !chrome_shaped(f)
        && !in_thread[k]
        && !ruled.get(k).copied().unwrap_or(false)
}

/// Line `k` answers an FAQ's question: a sentence that neither asks nor exclaims, with no link,
/// no rule's removal, no comment marker, not of the comment thread, not chrome-shaped.
fn faq_answer(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_thread: &[bool],
    k: usize,
) -> bool {
    let f = &out[k].features;
    f.terminal
        && !doc
            .line(k)
            .trim_end()
            .ends_with(features::QUESTION_AND_EXCLAMATION_MARKS)
        && f.links == 0
        && !f.comment_marker
        && !chrome_shaped(f)
        && !in_thread[k]
        && !ruled.get(k).copied().unwrap_or(false)
}

/// Most words of an FAQ's question line (see [`faq_question`]).
const FAQ_QUESTION_WORDS: u32 = 20;

/// Fewest questions answered inside the core (see [`asked_and_answered`]) for the questions
/// and answers right below it to be the FAQ's last pairs.
const FAQ_PAIRS: usize = 2;

/// How many lines of the core ask (see [`asks`]) and have right below them (blank lines aside)
/// a line of the core that answers: a sentence that does not ask or exclaim.
fn asked_and_answered(doc: &Document, out: &[Verdict], in_core: &[bool]) -> usize {
    let mut pairs = 0;
    let mut asked = false;
    for (j, v) in out.iter().enumerate() {
        if v.class == Class::Blank {
            continue;
        }
        let line = doc.line(j);
        let answers = in_core[j]
            && v.features.terminal
            && !line
                .trim_end()
                .ends_with(features::QUESTION_AND_EXCLAMATION_MARKS);
        pairs += usize::from(asked && answers);
        asked = in_core[j] && asks(line);
    }
    pairs
}

/// Lines `start..end` (short lines and blanks, between prose lines) are a chapter list or a
/// timeline: every line but the run's first (its heading, `In this episode`) opens with a
/// time and words, the times rise, and the entries are worded as [`timed_entries`] asks.
fn timed_list(doc: &Document, out: &[Verdict], start: usize, end: usize) -> bool {
    let lines: Vec<usize> = (start..end)
        .filter(|&j| out[j].class != Class::Blank)
        .collect();
    let timed: Option<Vec<(u32, usize)>> = lines
        .iter()
        .skip(usize::from(
            lines
                .first()
                .is_some_and(|&j| timed_line(doc.line(j)).is_none()),
        ))
        .map(|&j| timed_line(doc.line(j)))
        .collect();
    timed.is_some_and(|t| {
        t.len() >= TIMED_ENTRIES
            && t.windows(2).all(|w| w[0].0 < w[1].0)
            && entries_worded(t.iter().map(|&(_, w)| w))
    })
}

/// Longest list an introducing colon carries across between two prose lines (items).
const INTRODUCED_ITEMS: usize = 12;

/// Lines `start..end` (short lines and blanks, between prose lines) are a list a colon
/// introduces: the prose line above or the run's first line ends with `:` (or its second,
/// under a subheading: no bullet, no sentence's end), and every item
/// after it reads as part of that sentence: it ends with `,`, `;` or `.` (or their full-width
/// and other scripts' forms), or opens in lowercase or in an uncased script (`Inflation by country:` / `Germany: 2.3 per cent,` / ...); after two such items
/// the run's last line may be anything (the next section's subheading). Once a list has an
/// item, a line ending in `:` may introduce the next one (a review's `Pros:` and `Cons:`).
/// A menu or a share bar under `Follow us:` (capitalised labels, no punctuation) is not one.
fn introduced_list(doc: &Document, out: &[Verdict], start: usize, end: usize) -> bool {
    let mut lines = (start..end).filter(|&j| out[j].class != Class::Blank);
    let above = (0..start).rev().find(|&j| out[j].class != Class::Blank);
    let intro_above = above.is_some_and(|j| out[j].features.colon);
    if !intro_above {
        // the run opens with its introducing line, perhaps under the section's subheading
        let first = lines.next();
        let opens = first.is_some_and(|j| out[j].features.colon)
            || first.is_some_and(|j| !out[j].features.terminal && !out[j].features.bullet)
                && lines.next().is_some_and(|j| out[j].features.colon);
        if !opens {
            return false;
        }
    }
    let mut items = 0;
    // items since the latest introducing line
    let mut introduced = 0;
    let mut lines = lines.peekable();
    while let Some(j) = lines.next() {
        if lines.peek().is_none() && items >= 2 && introduced > 0 {
            // the last line may be the next section's subheading
            break;
        }
        if out[j].features.colon {
            if introduced == 0 {
                return false;
            }
            introduced = 0;
            continue;
        }
        let line = doc.line(j).trim();
        let punctuated =
            line.ends_with(features::CLAUSE_ENDS) || line.ends_with(features::FULL_STOPS);
        // opens in lowercase, or in a script without case (Arabic, Hebrew, Hindi, Chinese),
        // where no capital tells a label from a list item
        let uncapitalised = line
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| !c.is_uppercase());
        if !(punctuated || uncapitalised) {
            return false;
        }
        items += 1;
        introduced += 1;
    }
    introduced > 0 && (2..=INTRODUCED_ITEMS).contains(&items)
}

/// Most words of a label that heads a list (`Themen:`, `On the agenda:`).
const LIST_LABEL_WORDS: u32 = 3;

/// Lines `start..end` (short lines and blanks, between prose lines) are a list under a label
/// inside the article's text: the prose line above ends like a sentence, the run's first line
/// is a label of at most [`LIST_LABEL_WORDS`] words ending with `:` (`Themen:`, `Topics:`; a
/// sentence ending with `:` above a list, `please share it on:`, introduces a share bar as
/// often as the article's list); then two to [`INTRODUCED_ITEMS`] items, none with a colon, a link,
/// a chrome shape or a rule's removal, half of them or more of two words or more (an agenda's
/// `Repairs to the primary school` / `Parking charges`, not a share bar's `Follow us:` /
/// `Facebook` / `Instagram`).
fn labelled_list(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    start: usize,
    end: usize,
) -> bool {
    let mut lines = (start..end).filter(|&j| out[j].class != Class::Blank);
    let Some(above) = (0..start).rev().find(|&j| out[j].class != Class::Blank) else {
        return false;
    };
    let af = &out[above].features;
    let labelled = lines.next().is_some_and(|j| {
        let f = &out[j].features;
        f.colon && f.words <= LIST_LABEL_WORDS && !ruled.get(j).copied().unwrap_or(false)
    });
    if !(labelled && af.terminal && !af.colon) {
        return false;
    }
    let (mut items, mut worded) = (0, 0);
    for j in lines {
        let f = &out[j].features;
        if f.colon
            || f.links > 0
            || chrome_shaped(f)
            || ruled.get(j).copied().unwrap_or(false)
            || doc.line(j).contains(':')
        {
            return false;
        }
        items += 1;
        worded += usize::from(f.words >= 2);
    }
    (2..=INTRODUCED_ITEMS).contains(&items) && 2 * worded >= items
}

/// Fewest entries of a table of contents.
const TOC_MIN_ENTRIES: usize = 3;

/// Longest entry of a table of contents, in words.
const TOC_ENTRY_WORDS: u32 = 12;

/// Longest label of a table of contents (`Contents`, `Inhaltsverzeichnis`), in words.
const TOC_LABEL_WORDS: u32 = 3;

/// The lines of tables of contents: a run of at least [`TOC_MIN_ENTRIES`] short lines (blank
/// lines between them allowed) each printed exactly once more below the run, in the same
/// order, with prose between every two of the copies (the subheadings of the article the table
/// links to; a site menu printed again in the footer has no prose between its copies, and the
/// section names and bylines of teaser lists recur more often), and a label of a few words
/// right above the run. Lines the rules remove (`ruled`) are no entries.
fn toc_entries(doc: &Document, out: &[Verdict], ruled: &[bool], keys: &PageKeys) -> Vec<bool> {
    let n = out.len();
    let mut toc = vec![false; n];
    let entry = |i: usize| {
        out[i].class != Class::Blank
            && out[i].features.words <= TOC_ENTRY_WORDS
            && doc.info(i).key != 0
            && !ruled.get(i).copied().unwrap_or(false)
    };
    // cheap test first: some run of that many short lines
    let mut run = 0;
    let has_run = (0..n).any(|i| {
        if out[i].class == Class::Blank {
            return false;
        }
        run = if entry(i) { run + 1 } else { 0 };
        run >= TOC_MIN_ENTRIES
    });
    if !has_run {
        return toc;
    }
    // the one other copy of line `i`, when it is below line `after`: the same line, or the
    // subheading a numbered entry links to (`2.1 Early years` above `Early years[edit]`)
    let second_copies = keys.second_copies(doc);
    let heading_copies = numbered_heading_copies(doc, out);
    let copy_below = |i: usize, after: usize| {
        second_copies[i]
            .or(heading_copies[i])
            .filter(|&second| second > after)
    };
    // prose lines before each line, so that "prose between two copies" is one subtraction
    let mut prose_before = Vec::with_capacity(n + 1);
    prose_before.push(0u32);
    for v in out {
        let last = prose_before.last().copied().unwrap_or(0);
        prose_before.push(last + u32::from(v.class == Class::Good));
    }
    let prose_between = |a: usize, b: usize| prose_before[b] > prose_before[a + 1];
    let mut i = 0;
    while i < n {
        if !entry(i) {
            i += 1;
            continue;
        }
        // the longest run from `i` whose copies follow in order, prose between them
        let mut entries: Vec<usize> = Vec::new();
        let mut copies: Vec<usize> = Vec::new();
        let mut j = i;
        while j < n {
            if out[j].class == Class::Blank {
                j += 1;
                continue;
            }
            if !entry(j) {
                break;
            }
            let after = copies.last().copied().unwrap_or(j).max(j);
            let Some(c) = copy_below(j, after) else {
                break;
            };
            if copies.last().is_some_and(|&p| !prose_between(p, c)) {
                break;
            }
            entries.push(j);
            copies.push(c);
            j += 1;
        }
        let last = entries.last().copied().unwrap_or(i);
        if entries.len() >= TOC_MIN_ENTRIES && copies[0] > last {
            for &e in &entries {
                toc[e] = true;
            }
            let label = (0..i).rev().find(|&k| out[k].class != Class::Blank);
            if let Some(k) = label.filter(|&k| {
                let f = &out[k].features;
                out[k].class == Class::Short && f.words <= TOC_LABEL_WORDS && !f.terminal
            }) {
                toc[k] = true;
            }
        }
        // a run from a later line of this one would end where this one did: each line is
        // tried once, so a long page costs a linear pass
        i = j.max(i + 1);
    }
    toc
}

/// The length of the section number that opens `line`, with the space after it (`1 `, `2.1 `,
/// `3. `), when words follow it.
fn section_number_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut k = 0;
    let len = loop {
        let digits = bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        k += digits;
        match bytes.get(k) {
            Some(b'.') if bytes.get(k + 1).is_some_and(u8::is_ascii_digit) => k += 1,
            Some(b'.') if bytes.get(k + 1) == Some(&b' ') => break k + 2,
            Some(b' ') => break k + 1,
            _ => return None,
        }
    };
    line[len..]
        .chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some(len)
}

/// For each line of `doc` that opens with a section number (see [`section_number_len`]), the
/// line below it printed once more as its subheading without the number (a wiki's numbered
/// table of contents: `2.1 Early years` ... `Early years`, perhaps with its edit link,
/// `Early years[edit]`); `None` for the others. Looked for only when a run of
/// [`TOC_MIN_ENTRIES`] numbered short lines is on the page.
fn numbered_heading_copies(doc: &Document, out: &[Verdict]) -> Vec<Option<usize>> {
    let n = out.len();
    let mut copies = vec![None; n];
    let short = |i: usize| out[i].class != Class::Blank && out[i].features.words <= TOC_ENTRY_WORDS;
    let numbered = |i: usize| short(i) && section_number_len(doc.line(i)).is_some();
    let mut run = 0;
    let has_run = (0..n).any(|i| {
        if out[i].class == Class::Blank {
            return false;
        }
        run = if numbered(i) { run + 1 } else { 0 };
        run >= TOC_MIN_ENTRIES
    });
    if !has_run {
        return copies;
    }
    // every short line keyed by its heading text: the number and the edit link taken off
    let mut keyed: Vec<(u64, usize, bool)> = (0..n)
        .filter(|&i| short(i))
        .filter_map(|i| {
            let line = doc.line(i);
            let number = section_number_len(line);
            let line = &line[number.unwrap_or(0)..];
            let line = crate::rules::section_edit_link::edit_link_start(line)
                .map_or(line, |at| &line[..at]);
            let key = crate::dedup::key::line_key_hash(line);
            (key != 0).then_some((key, i, number.is_some()))
        })
        .collect();
    keyed.sort_unstable();
    // a numbered line and one unnumbered copy below it, and no other line of that heading
    for same in keyed.chunk_by(|a, b| a.0 == b.0) {
        if let [(_, entry, true), (_, heading, false)] = same {
            copies[*entry] = Some(*heading);
        }
    }
    copies
}

/// Longest line, in words, of a widget the rules remove that the headline search looks past
/// (`Share on X`, `Copy link`) ...
const SHARE_LABEL_WORDS: u32 = 4;

/// ... and how many such lines it looks past.
const SHARE_LABELS_SKIPPED: u32 = 8;

/// The hashes of the long words of the core's prose lines (see [`for_long_word_hashes`]).
fn core_vocabulary(
    doc: &Document,
    out: &[Verdict],
    in_core: &[bool],
) -> rustc_hash::FxHashSet<u64> {
    let mut vocabulary = rustc_hash::FxHashSet::default();
    let mut scratch = String::new();
    for i in (0..out.len())
        .filter(|&i| in_core[i] && matches!(out[i].class, Class::Good | Class::NearGood))
    {
        for_long_word_hashes(doc.line(i), &mut scratch, |h| {
            vocabulary.insert(h);
        });
    }
    vocabulary
}

/// (distinct long words of `line` that `vocabulary` holds, distinct long words of `line`);
/// `seen` and `scratch` are reused buffers.
fn shared_words(
    line: &str,
    vocabulary: &rustc_hash::FxHashSet<u64>,
    seen: &mut rustc_hash::FxHashSet<u64>,
    scratch: &mut String,
) -> (usize, usize) {
    seen.clear();
    let mut shared = 0usize;
    for_long_word_hashes(line, scratch, |h| {
        if seen.insert(h) && vocabulary.contains(&h) {
            shared += 1;
        }
    });
    (shared, seen.len())
}

/// Fewest words of a headline found by its words.
const HEADLINE_MIN_WORDS: u32 = 4;

/// Non-blank lines, not removed by rules, above the core searched for a headline by its words.
const HEADLINE_REACH: usize = 8;

/// Most non-blank lines above an article's first line that [`headline_over_head_block`] reads
/// (the headline among them) ...
const HEAD_BLOCK_LINES: usize = 8;

/// ... of which at most this many are short lines no rule removes (a byline, a photo credit, a
/// widget's label the rules do not know) ...
const HEAD_BLOCK_SHORT_LINES: usize = 4;

/// ... each of at most this many words, or, opening with a label (`Penulis: Rina Wulandari |
/// Editor: Budi Santoso`, see [`opens_with_a_label`]), of at most [`HEAD_BLOCK_LABELLED_WORDS`].
const HEAD_BLOCK_SHORT_WORDS: u32 = 3;
const HEAD_BLOCK_LABELLED_WORDS: u32 = 8;

/// A dateline between an article's headline and its text, which the walks up from the text
/// look past: a few words holding a clock time, or more digits and marks than letters
/// (`14.03.2026 | 09:12`).
fn dateline_shaped(f: &Features) -> bool {
    f.words <= 8 && (f.clock || f.nonletter_share() > 0.5)
}

/// Whether `line`'s first word holds a colon: a label and its value (`Text: Anna Reed`, `Foto:
/// ...`, `字号：大 中 小`, `分享到：微信 微博`).
fn opens_with_a_label(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|w| w.contains([':', '：']))
}

/// The headline over an article's head block, when neither the head window's walk nor the
/// headline's words found it: walking up from the core's first line `c0` past the lines rules
/// remove (a share bar, a dateline), datelines, and at most [`HEAD_BLOCK_SHORT_LINES`] short
/// lines (a byline, `Text: Name`, a photo credit, a widget's label no rule knows), the first
/// line shaped like a headline of at least [`HEADLINE_MIN_WORDS`] words; within
/// [`HEAD_BLOCK_LINES`] non-blank lines, and none when a longer line, a bulleted or
/// chrome-shaped one (a menu's entry, `NAME / THE PAPER`) or a core line comes first. The
/// walk counts each of those lines against its window, so a page that stacks a date, a byline,
/// a photo credit and share buttons between headline and text runs out of window below its
/// headline; and the headline's words may not be the text's (another inflection:
/// `робототехники` over `робототехника`).
fn headline_over_head_block(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_core: &[bool],
    c0: usize,
) -> Option<usize> {
    let (mut lines, mut short) = (0, 0);
    for j in (0..c0).rev() {
        let f = &out[j].features;
        if out[j].class == Class::Blank || f.words == 0 {
            // (a bare bullet or rule: nothing to count)
            continue;
        }
        lines += 1;
        if in_core[j] || lines > HEAD_BLOCK_LINES {
            return None;
        }
        if ruled.get(j).copied().unwrap_or(false) || dateline_shaped(f) {
            // a share bar the rules remove, a dateline
            continue;
        }
        let line = doc.line(j);
        let labelled = opens_with_a_label(line);
        if f.words >= HEADLINE_MIN_WORDS
            && !labelled
            && !f.terminal
            && !f.colon
            && f.digits == 0
            && !f.comment_marker
            && !chrome_shaped(f)
            && item_number(line).is_none()
            && headline_shaped_line(line, f)
        {
            return Some(j);
        }
        if f.bullet || chrome_shaped(f) {
            // a menu's entry, a credit with a separator or a handle: no article's head block
            return None;
        }
        short += 1;
        let short_words = if labelled {
            HEAD_BLOCK_LABELLED_WORDS
        } else {
            HEAD_BLOCK_SHORT_WORDS
        };
        if short > HEAD_BLOCK_SHORT_LINES || f.words > short_words {
            return None;
        }
    }
    None
}

/// Line `h` has a longer headline right under it (the next non-blank line above `c0` no rule
/// removes): headline-shaped, of at least [`HEADLINE_MIN_WORDS`] words and more than `h`'s,
/// with no digit, label, colon or sentence's end. `h` is then a section's or a site's name
/// (`World News`, `Music and Stage Guide`), not the article's headline; a company's, a place's
/// or a date's line under a headline is shorter or holds digits.
fn headline_below(doc: &Document, out: &[Verdict], ruled: &[bool], h: usize, c0: usize) -> bool {
    let next = (h + 1..c0).find(|&k| {
        out[k].class != Class::Blank
            && out[k].features.words > 0
            && !ruled.get(k).copied().unwrap_or(false)
    });
    next.is_some_and(|k| {
        let f = &out[k].features;
        let line = doc.line(k);
        f.words >= HEADLINE_MIN_WORDS
            && f.words > out[h].features.words
            && f.digits == 0
            && !f.terminal
            && !f.colon
            && !opens_with_a_label(line)
            && !chrome_shaped(f)
            && headline_shaped_line(line, f)
    })
}

/// The tokens that split a breadcrumb's or a menu's entries (a dash joins clauses and names as
/// often: `Chemie A - Z`, `Wer kommt - wer geht?`).
const MENU_SEPARATORS: [&str; 8] = ["/", ">", "»", "›", "|", "→", "·", "•"];

/// A breadcrumb or a menu on one line (`Accueil / Agenda / Concerts`, `Home > Kitchen`, `The
/// Paper » Science »`, a [`spaced_menu`]): chrome-shaped, split by a [`MENU_SEPARATORS`] token
/// or by narrow gaps, with no digit (a dateline's `14 | 03 | 2026` is none), no link (a bare
/// address, `http://.../signup`, ends a newsletter's box, and the line under it is the next
/// box's) and no sentence's end.
fn menu_line(line: &str, f: &Features) -> bool {
    f.words > 0
        && chrome_shaped(f)
        && f.digits == 0
        && f.links == 0
        && !f.terminal
        && (f.spaced_menu
            || line
                .split_whitespace()
                .any(|t| MENU_SEPARATORS.contains(&t) || t.contains('|')))
}

/// Fewest entries of a [`spaced_menu`] ...
const SPACED_MENU_ENTRIES: usize = 3;
/// ... most words of each ...
const SPACED_MENU_ENTRY_WORDS: usize = 3;
/// ... and most words of the whole line.
const SPACED_MENU_WORDS: usize = 24;

/// The number of entries of line `i` when it is a menu whose links an extractor joined with
/// narrow gaps, two or three spaces in the input (`Home␣␣Episodes␣␣About␣␣Contact`; see
/// [`Document::narrow_gaps_in`]: each gap is one space in the text): at least
/// [`SPACED_MENU_ENTRIES`] entries between the gaps, each of one to [`SPACED_MENU_ENTRY_WORDS`]
/// words (at most [`SPACED_MENU_WORDS`] in all) with a capital letter, every word that holds a
/// letter opening with one (`&` or `10` may stand between), none ending a sentence or a clause
/// or with a colon, and no entry twice (a table's header names its units again:
/// `Inches␣␣Millimeters␣␣Inches␣␣Millimeters`). A sentence with two spaces after its full
/// stop, a headline with a stray double space (an entry of more words, a lowercase word), a
/// line of a script without capitals are none. Nor is a table's row: a line right above or
/// below it with gaps of its own, narrow or column gaps, that is no such menu too, is the
/// table's next row (a header `Name␣␣Surname␣␣Occupation` over rows of names and numbers); a
/// line with a column gap is left to the table and column rules.
fn spaced_menu(doc: &Document, i: usize) -> Option<usize> {
    let entries = spaced_menu_entries(doc, i)?;
    let gapped_row = |j: usize| {
        (doc.narrow_gaps_in(j).next().is_some() || doc.column_gaps_in(j).next().is_some())
            && spaced_menu_entries(doc, j).is_none()
    };
    let beside = [i.checked_sub(1), Some(i + 1).filter(|&j| j < doc.n_lines())];
    (!beside.into_iter().flatten().any(gapped_row)).then_some(entries)
}

/// The shape half of [`spaced_menu`]: line `i`'s entries, without looking at its neighbours.
fn spaced_menu_entries(doc: &Document, i: usize) -> Option<usize> {
    if doc.column_gaps_in(i).next().is_some() {
        return None;
    }
    let line = doc.line(i);
    let mut gaps = doc.narrow_gaps_in(i).peekable();
    gaps.peek()?;
    let ends = gaps.chain([line.len()]);
    let (mut start, mut words) = (0, 0);
    let mut entries: Vec<&str> = Vec::new();
    for end in ends {
        let entry = line.get(start..end)?.trim();
        start = end + 1;
        if entries.contains(&entry) {
            return None;
        }
        entries.push(entry);
        let n = entry.split_whitespace().count();
        words += n;
        let capitalised = entry.split_whitespace().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(|c| !c.is_lowercase())
        });
        if !(1..=SPACED_MENU_ENTRY_WORDS).contains(&n)
            || !capitalised
            || !entry.chars().any(char::is_uppercase)
            || entry.ends_with(features::FULL_STOPS)
            || entry.ends_with(features::QUESTION_AND_EXCLAMATION_MARKS)
            || entry.ends_with(features::COLONS)
            || entry.ends_with(features::CLAUSE_ENDS)
            || entry.ends_with('…')
        {
            return None;
        }
    }
    (entries.len() >= SPACED_MENU_ENTRIES && words <= SPACED_MENU_WORDS).then_some(entries.len())
}

/// `line` is a post's tags or categories joined by commas (`Corona & die Folgen, Debatte,
/// Deutschland, Politik`): at least three comma-split parts, most of them of at most
/// [`TERM_WORDS`] words. A headline holds a comma or two between longer clauses.
fn tags_line(line: &str) -> bool {
    let (mut parts, mut short) = (0, 0);
    for part in line.split(',') {
        parts += 1;
        short += usize::from(part.split_whitespace().count() <= TERM_WORDS);
    }
    parts >= 3 && short * 2 > parts
}

/// Whether `line` opens as a headline does: with a letter or a digit, or a quotation mark or a
/// bracket before one; not with an arrow or a symbol (`← Older post`, `+ 10`).
fn opens_like_a_headline(line: &str) -> bool {
    line.trim_start()
        .chars()
        .find(|c| !"\"'“”„‘’«»‹›([¿¡".contains(*c))
        .is_some_and(char::is_alphanumeric)
}

/// The headline right under a breadcrumb or a menu, above an article's head block: walking up
/// from the core's first line `c0` past the lines rules remove, over at most
/// [`HEAD_BLOCK_LINES`] non-blank lines of at most [`HEAD_BLOCK_LABELLED_WORDS`] words each (a
/// date, a place, a company, a price, a rating, an infobox's row), to a [`menu_line`]: the
/// line right under it, when it is shaped like a headline of at least [`HEADLINE_MIN_WORDS`]
/// words (digits allowed: `Festival 2026`) that [`opens_like_a_headline`], with no colon
/// (`You are in: ...`, `Photo: ...`), no sentence's end, no trailing comma, not a list of
/// terms or tags ([`terms_line`], [`tags_line`]), and no longer headline right under it ([`headline_below`]). Words
/// of three or fewer under a menu are as often its widgets (`Copy this link`, `Print Email
/// Subscribe`) or a section's name (`Latest NFL News`). The head window looks only a few lines
/// above the text, and a venue's or a company's line of four words in it passes for the
/// headline found; the lines between headline and text are left to the other rules. None when
/// a core line, a longer line below the headline, a bulleted line, or the document's start
/// (the title's own rule) comes first.
fn headline_under_menu(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_core: &[bool],
    c0: usize,
) -> Option<usize> {
    let mut lines = 0;
    // the last line walked (the headline when a menu stands right above it), and whether a
    // line longer than a head block's came before it
    let mut below: Option<usize> = None;
    let mut long_below = false;
    for j in (0..c0).rev() {
        let f = &out[j].features;
        if out[j].class == Class::Blank || f.words == 0 {
            continue;
        }
        lines += 1;
        if in_core[j] || lines > HEAD_BLOCK_LINES + 1 {
            return None;
        }
        if menu_line(doc.line(j), f) {
            let h = below?;
            if headline_below(doc, out, ruled, h, c0) {
                // the line under the menu names the section; the headline is the next one
                return None;
            }
            let (fh, line) = (&out[h].features, doc.line(h));
            let headline = fh.words >= HEADLINE_MIN_WORDS
                && !fh.terminal
                && !fh.colon
                && !fh.comment_marker
                && !chrome_shaped(fh)
                && !dateline_shaped(fh)
                && !ruled.get(h).copied().unwrap_or(false)
                && item_number(line).is_none()
                && !terms_line(line)
                && !tags_line(line)
                && !line.contains([':', '：'])
                && !line.trim_end().ends_with([',', ';'])
                && opens_like_a_headline(line)
                && headline_shaped_line(line, fh);
            return headline.then_some(h);
        }
        if long_below || f.bullet {
            return None;
        }
        if ruled.get(j).copied().unwrap_or(false) {
            continue;
        }
        long_below = f.words > HEAD_BLOCK_LABELLED_WORDS || f.terminal && f.words > 1;
        below = Some(j);
    }
    None
}

/// Longest line, in words, read as a menu entry above a headline.
const MENU_ITEM_WORDS: u32 = 2;

/// Line `j`, above an article's headline, is a menu's last entry, not a kicker: it has at
/// most [`MENU_ITEM_WORDS`] words and so has the non-blank line above it, or a rule removed
/// that line (`Home`). A kicker (`Culture`) stands alone under longer lines.
fn menu_item_above(out: &[Verdict], ruled: &[bool], j: usize) -> bool {
    if out[j].features.words > MENU_ITEM_WORDS {
        return false;
    }
    let above = (0..j).rev().find(|&k| out[k].class != Class::Blank);
    above.is_some_and(|k| {
        ruled.get(k).copied().unwrap_or(false)
            || out[k].features.words <= MENU_ITEM_WORDS && !out[k].features.colon
    })
}

/// Most entries of a menu of one-word lines (see [`opens_a_menu`]).
const MENU_ENTRIES: usize = 7;

/// Line `i` is the first entry of a menu: it and the lines right under it (no blank line
/// between) are two to [`MENU_ENTRIES`] one-word lines (`Sport` / `News` / `Economy`), not a
/// headline.
fn opens_a_menu(out: &[Verdict], i: usize) -> bool {
    let entry =
        |v: &Verdict| v.class != Class::Blank && v.features.words == 1 && !v.features.terminal;
    let entries = out[i..].iter().take_while(|v| entry(v)).count();
    (2..=MENU_ENTRIES).contains(&entries)
}

/// Fewest terms of a list of terms on one line (see [`terms_line`]) ...
const TERMS_MIN: usize = 3;
/// ... and most words of each.
const TERM_WORDS: usize = 3;

/// `line` is a list of terms on one line: at least [`TERMS_MIN`] terms split by commas or
/// semicolons, each of one to [`TERM_WORDS`] words and holding a letter, with no sentence end
/// and no colon, and no space before a comma (`pollination, crop yield, wild bees`, a paper's
/// keywords; `Salz, Pfeffer, Muskat`). A date (`Monday, 5 May, 2024`) is none, nor a list of
/// longer phrases, nor a run of links a scraper joined with ` , ` (`In Living , Homestory`),
/// nor a labelled row (`Cast: A, B, C`, `Tags: x, y, z`: a page's fields, judged as such),
/// nor a byline (a term holding `by`: `by Ann Lee, Editor, The Weekly`).
fn terms_line(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with(features::FULL_STOPS)
        || line.contains([':', '：'])
        || !line.contains([',', ';'])
        || line.contains(" ,")
        || line.contains(" ;")
    {
        return false;
    }
    let mut terms = 0;
    for term in line.split([',', ';']) {
        let words = term.split_whitespace().count();
        let byline = term
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("by"));
        if !(1..=TERM_WORDS).contains(&words) || !term.chars().any(char::is_alphabetic) || byline {
            return false;
        }
        terms += 1;
    }
    terms >= TERMS_MIN
}

/// Fewest rows of a table flattened to text.
const TABLE_MIN_ROWS: usize = 3;

/// Most lines beside a table's rows in a run of short lines judged a table (a header row, a
/// caption above, the next part's heading below); the rows are twice as many at least.
const TABLE_OTHER_LINES: usize = 3;

/// What a row of a table between prose lines costs in the core search.
const TABLE_ROW_COST: f32 = 0.5;

/// Most words of a table's row.
const TABLE_ROW_WORDS: u32 = 16;

/// Fewest numbers in a table's row (a numbered list's `3 Step number 3` has two).
const TABLE_ROW_NUMBERS: usize = 3;

/// How many tokens of `line` are numbers (`112`, `4,9`, `-3.5`, `€89.00`, `80%`).
fn numbers_in(line: &str) -> usize {
    // every number opens with an ASCII digit: a line without one (most lines) skips the split
    if !has_ascii_digit(line.as_bytes()) {
        return 0;
    }
    line.split_whitespace()
        .filter(|t| {
            t.trim_start_matches(|c: char| {
                matches!(c, '-' | '+' | '(') || CURRENCY_SIGNS.contains(&c)
            })
            .starts_with(|c: char| c.is_ascii_digit())
        })
        .count()
}

/// Whether `bytes` hold an ASCII digit: [`u8::is_ascii_digit`] of every byte, tested 16 bytes
/// at a time without stopping inside a block, so that each block is a few vector instructions
/// where a byte-by-byte search with an early exit is a branch per byte (most lines hold no
/// digit and are read to the end either way).
fn has_ascii_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            return true;
        }
    }
    blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// The rows of tables flattened to text (`Innsbruck 112 mm 140 mm 131 mm 383 mm`): runs of at
/// least [`TABLE_MIN_ROWS`] consecutive lines of at most [`TABLE_ROW_WORDS`] words, no bullet
/// and no sentence's end, that hold the same number of numbers, [`TABLE_ROW_NUMBERS`] or
/// more.
fn table_rows(doc: &Document, out: &[Verdict]) -> Vec<bool> {
    let n = out.len();
    let mut rows = vec![false; n];
    let row_numbers = |i: usize| {
        let f = &out[i].features;
        let fits =
            out[i].class != Class::Blank && !f.bullet && !f.terminal && f.words <= TABLE_ROW_WORDS;
        let k = if fits { numbers_in(doc.line(i)) } else { 0 };
        (k >= TABLE_ROW_NUMBERS).then_some(k)
    };
    let mut i = 0;
    while i < n {
        let Some(k) = row_numbers(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < n && row_numbers(i) == Some(k) {
            i += 1;
        }
        if i - start >= TABLE_MIN_ROWS {
            rows[start..i].iter_mut().for_each(|r| *r = true);
        }
    }
    column_table_rows(doc, out, &mut rows);
    rows
}

/// Most words of a subheading inside a table printed in columns (`Up to 4 years`).
const COLUMN_SUBHEADING_WORDS: u32 = 6;

/// Marks in `rows` the rows of tables a text browser printed in columns (`Alpine Mk 2    370 €
/// yes    1,7`): runs of at least [`TABLE_MIN_ROWS`] lines of at most [`TABLE_ROW_WORDS`]
/// words, no bullet and no sentence's end, each with a word and a column gap (a wide gap
/// between cells, see [`Document::column_gaps`]), more than half of them ending in a number
/// (a price, a grade, a count: the last column's; a model name's
/// digits make the rows' counts of numbers differ, so [`table_rows`]'s equal counts miss
/// them); blank lines and a table's subheading of a few words without a gap (`Up to 4
/// years`, one line) may come between the rows. Menus and footers printed as columns, and a menu
/// printed beside the article's column (`October 2004    Posted by Ann at 05:35 PM`), end
/// in no number in most rows; a calendar's rows of days hold no word.
fn column_table_rows(doc: &Document, out: &[Verdict], rows: &mut [bool]) {
    if doc.column_gaps.is_empty() {
        return;
    }
    let n = out.len();
    let fits = |i: usize| {
        let f = &out[i].features;
        out[i].class != Class::Blank && !f.bullet && !f.terminal && f.words <= TABLE_ROW_WORDS
    };
    // a row names something (a calendar's rows of days are a widget's)
    let row = |i: usize| {
        fits(i) && out[i].features.alpha_words > 0 && doc.column_gaps_in(i).next().is_some()
    };
    // a number in the last column (a price, a grade, a count), not in a date or a time inside
    // the text of a page column printed beside a menu
    let numbered = |i: usize| {
        doc.line(i)
            .split_whitespace()
            .next_back()
            .is_some_and(|t| numbers_in(t) > 0)
    };
    let mut i = 0;
    while i < n {
        if !row(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut count = 1;
        let mut with_number = usize::from(numbered(i));
        let mut j = i + 1;
        // one subheading at a time: a menu's items, one a line, are no table's subheadings
        let mut subheading = false;
        while j < n {
            if out[j].class == Class::Blank {
                j += 1;
            } else if row(j) {
                count += 1;
                with_number += usize::from(numbered(j));
                j += 1;
                end = j;
                subheading = false;
            } else if !subheading && fits(j) && out[j].features.words <= COLUMN_SUBHEADING_WORDS {
                j += 1;
                subheading = true;
            } else {
                break;
            }
        }
        if count >= TABLE_MIN_ROWS && with_number * 2 > count {
            for r in start..end {
                rows[r] = out[r].class != Class::Blank;
            }
        }
        i = end;
    }
}

/// Most words of an ingredient whose quantity is not its first word (`Juice of 1 lemon`).
const QUANTITY_ITEM_WORDS: u32 = 6;

/// Lines `start..end` (short lines and blanks, between prose lines) are a list of quantities,
/// a recipe's ingredients: at least three items that open with a number and then a lowercase
/// word (`30 g butter`, `3 leeks`, `1 kg kyslej kapusty`), open in lowercase (`salt and
/// pepper`) or, in a few words, hold such a quantity further in (`Zest of 2 lemons`), every
/// line but the run's first and last (its headings: `Ingredients`, `Method`)
/// such an item, but for at most two of a few words at the list's end, after three items
/// (`Juice of half a lemon`, `Salt and pepper`: what goes in without a measure). A menu's or a
/// teaser list's capitalised entries (`1 Most read story`) are not.
fn quantity_list(doc: &Document, out: &[Verdict], start: usize, end: usize) -> bool {
    let lines: Vec<usize> = (start..end)
        .filter(|&j| out[j].class != Class::Blank)
        .collect();
    let is_item = |j: usize| {
        if out[j].features.bullet {
            // a text browser's `o` bullet opens in lowercase too: a bulleted menu is no recipe
            return false;
        }
        let mut words = doc.line(j).split_whitespace();
        let first = words.next().unwrap_or("");
        let lowercase = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
        let amount = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '½' | '¼' | '¾'))
        };
        if first.starts_with(|c: char| c.is_ascii_digit()) {
            item_number(doc.line(j)).is_none()
                && amount(first)
                && words.next().is_some_and(lowercase)
        } else {
            // `salt and pepper`, or a quantity further in: `Zest of 2 lemons`
            lowercase(first)
                || out[j].features.words <= QUANTITY_ITEM_WORDS && {
                    let mut rest = words.peekable();
                    let mut found = false;
                    while let Some(w) = rest.next() {
                        if amount(w) && rest.peek().is_some_and(|n| lowercase(n)) {
                            found = true;
                            break;
                        }
                    }
                    found
                }
        }
    };
    // every line but the first and the last is an item (those two may be headings) ...
    let middle = lines.get(1..lines.len().saturating_sub(1)).unwrap_or(&[]);
    if middle.iter().all(|&j| is_item(j)) && lines.iter().filter(|&&j| is_item(j)).count() >= 3 {
        return true;
    }
    // ... or three items and more, then at most two without a quantity at the list's end
    // (`Salt and pepper`, `Fresh parsley`): a few words, no bullet, no sentence, no colon
    let lead = middle.iter().take_while(|&&j| is_item(j)).count();
    let rest = &middle[lead..];
    lead >= 3
        && rest.len() <= 2
        && rest.iter().all(|&j| {
            let f = &out[j].features;
            !f.bullet && !f.terminal && !f.colon && (2..=QUANTITY_ITEM_WORDS).contains(&f.words)
        })
}

/// Most short lines of a list under a subheading (the subheading, its items, a short sentence
/// closing it) that [`headed_list`] lets bridge two prose lines.
const HEADED_LIST_LINES: u32 = 8;

/// Lines `start..end` (short lines and blanks, between prose lines) are a list under a
/// subheading (`What changes` over `Longer opening hours`, `A quiet room with 80 seats`, ...):
/// the run opens with a heading (no final punctuation, no colon, no bullet), no line of it or
/// next to it is one a rule removes, no line of it holds a link or a separator, and at most a
/// third of its lines are a single word. A menu's labels, a share bar, a teaser card's
/// `Recipe` / `90 min` / `easy` and a box of repeated `Learn more` buttons are not one, nor is
/// a run that shows the marks of a page's chrome rather than an article's list:
/// - a line of it comes twice on the page (in the run or anywhere else, compared by its key:
///   case, bullets and punctuation aside): a card's `Terms apply`, a form's `All makes`, a
///   results table's repeated heading, a menu entry that heads the section below it;
/// - a line of it holds a calendar date: a post's or a teaser's dateline, a byline;
/// - most of its lines of two words and more capitalise (nearly) every word: menu entries,
///   teaser titles, product and section names (`Health Concern`, `Limited Time Offer`); not on
///   a German page, where every noun is capitalised;
/// - three of its lines open or end with the same two words: a list of links or buttons
///   (`Go to the ...`, `... fabric projects`).
fn headed_list(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    page: &PageKeys,
    langs: &PageLanguages,
    start: usize,
    end: usize,
) -> bool {
    let is_ruled = |j: usize| ruled.get(j).copied().unwrap_or(false);
    let above = (0..start).rev().find(|&j| out[j].class != Class::Blank);
    if above.is_some_and(is_ruled) || is_ruled(end) {
        return false;
    }
    let lines: Vec<usize> = (start..end)
        .filter(|&j| out[j].class != Class::Blank)
        .collect();
    let Some(&first) = lines.first() else {
        return false;
    };
    let f = &out[first].features;
    if f.terminal || f.colon || f.bullet {
        return false;
    }
    let plain = |j: usize| {
        let f = &out[j].features;
        !is_ruled(j) && f.links == 0 && f.separators == 0
    };
    let single = lines
        .iter()
        .filter(|&&j| out[j].features.words == 1)
        .count();
    if !(lines.iter().all(|&j| plain(j)) && single * 3 <= lines.len()) {
        return false;
    }
    if lines
        .iter()
        .any(|&j| page.repeated(doc, j) || holds_date(doc.line(j)))
    {
        return false;
    }
    // menu entries and teaser titles: most lines of two words and more in Title Case (not on
    // a German page, where every noun is capitalised)
    if langs.main.is_none_or(|m| LANGS.get(m) != Some(&"de")) {
        let worded = lines.iter().filter(|&&j| out[j].features.alpha_words >= 2);
        let (mut n, mut titled) = (0usize, 0usize);
        for &j in worded {
            let f = &out[j].features;
            n += 1;
            titled += usize::from(f.cap_words * 4 >= f.alpha_words * 3);
        }
        if titled >= 2 && titled * 3 >= n * 2 {
            return false;
        }
    }
    !shared_affix(doc, &lines)
}

/// Fewest rows of the block of properties over a list that [`rows_over_list`] takes in.
const ROWS_OVER_LIST: usize = 2;

/// Lines `start..end` (short lines and blanks, between prose lines or above the core) are a
/// block of properties over a list: [`ROWS_OVER_LIST`] or more rows `Label: value` in a row
/// (a recipe's `Prep Time: 15 mins` / `Servings: 4`, a guide's `Difficulty: easy` / `Time:
/// 2 hours`), each label a different one (a teaser list's `Music: ...` / `Music: ...` is no
/// block of properties), no link, nothing a rule removes, then a list that [`quantity_list`] or (in at
/// most [`HEADED_LIST_LINES`] lines) [`headed_list`] reads as one: the ingredients or the
/// tools under their subheading, perhaps over the next section's subheading (`Method`).
fn rows_over_list(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    page: &PageKeys,
    langs: &PageLanguages,
    start: usize,
    end: usize,
) -> bool {
    let is_ruled = |j: usize| ruled.get(j).copied().unwrap_or(false);
    let mut labels: Vec<String> = Vec::new();
    let mut list_start = end;
    for j in (start..end).filter(|&j| out[j].class != Class::Blank) {
        let f = &out[j].features;
        if is_ruled(j) || f.links > 0 || !spec_row(doc.line(j)) {
            list_start = j;
            break;
        }
        let label = doc
            .line(j)
            .trim()
            .split(':')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if labels.contains(&label) {
            // a label over and over (`Music: ...` / `Music: ...`) heads teasers, not properties
            return false;
        }
        labels.push(label);
    }
    if labels.len() < ROWS_OVER_LIST || list_start == end {
        return false;
    }
    let list_lines = (list_start..end)
        .filter(|&j| out[j].class != Class::Blank)
        .count();
    quantity_list(doc, out, list_start, end)
        || list_lines <= HEADED_LIST_LINES as usize
            && headed_list(doc, out, ruled, page, langs, list_start, end)
}

/// Most short lines above a run of the core that [`list_above`] reads.
const LIST_ABOVE_LINES: usize = 16;

/// The lines of a headed list right above line `c0`, a core run's first line (a recipe's
/// steps under `Instructions`, a guide's under `Steps`): the run of short lines (blanks
/// between them allowed) above it, of at most [`LIST_ABOVE_LINES`], holds a heading (no final
/// punctuation, no colon, no bullet), its items and the next section's subheading last, read
/// as a list by [`quantity_list`] (three items at least) or, over a block of properties, by
/// [`rows_over_list`]; no line of it holds a link, a chrome shape or a rule's removal, nor
/// belongs to the comment thread. The longest such run is taken; empty when there is none.
fn list_above(
    doc: &Document,
    out: &[Verdict],
    ruled: &[bool],
    in_thread: &[bool],
    page: &PageKeys,
    langs: &PageLanguages,
    c0: usize,
) -> std::ops::Range<usize> {
    let plain = |j: usize| {
        let f = &out[j].features;
        !ruled.get(j).copied().unwrap_or(false)
            && !in_thread[j]
            && f.links == 0
            && !f.comment_marker
            && !chrome_shaped(f)
    };
    // the short lines right above the core run, nearest first
    let shorts: Vec<usize> = (0..c0)
        .rev()
        .filter(|&j| out[j].class != Class::Blank)
        .take_while(|&j| out[j].class == Class::Short && plain(j))
        .take(LIST_ABOVE_LINES)
        .collect();
    let heading = |j: usize| {
        let f = &out[j].features;
        !f.terminal && !f.colon && !f.bullet && f.words > 0 && f.words <= SPEC_HEADING_WORDS
    };
    // the subheading over the core run, then the list's last item and heading at least
    if shorts.first().is_none_or(|&j| !heading(j)) {
        return c0..c0;
    }
    for &s in shorts.iter().skip(3).rev() {
        let listed = heading(s) && quantity_list(doc, out, s, c0)
            || rows_over_list(doc, out, ruled, page, langs, s, c0);
        if listed {
            return s..c0;
        }
    }
    c0..c0
}

/// Every keyed line of a page as `(key, line)`, sorted, built on first use: the copies of a
/// line sit side by side (one vector per page, not one per distinct line). The table of
/// contents search and [`headed_list`]'s test of a repeated line read it.
struct PageKeys(std::cell::OnceCell<Vec<(u64, usize)>>);

impl PageKeys {
    fn new() -> PageKeys {
        PageKeys(std::cell::OnceCell::new())
    }

    /// Every keyed line as `(key, line)`, sorted.
    fn keyed(&self, doc: &Document) -> &[(u64, usize)] {
        self.0.get_or_init(|| {
            let mut keyed: Vec<(u64, usize)> = (0..doc.n_lines())
                .filter(|&i| !doc.is_blank(i) && doc.info(i).key != 0)
                .map(|i| (doc.info(i).key, i))
                .collect();
            keyed.sort_unstable();
            keyed
        })
    }

    /// The lines whose key is `key` (see [`crate::doc::LineInfo::key`]), in page order.
    fn copies(&self, doc: &Document, key: u64) -> &[(u64, usize)] {
        let keyed = self.keyed(doc);
        let at = keyed.partition_point(|&(k, _)| k < key);
        let len = keyed[at..].partition_point(|&(k, _)| k == key);
        &keyed[at..at + len]
    }

    /// For each line of the page, the line of its one other copy when it is the first of
    /// exactly two ([`PageKeys::copies`] of its key is `[line, other]`), else `None`: one pass
    /// for the whole page where a search per line asked [`PageKeys::copies`] line by line.
    fn second_copies(&self, doc: &Document) -> Vec<Option<usize>> {
        let mut second = vec![None; doc.n_lines()];
        for copies in self.keyed(doc).chunk_by(|a, b| a.0 == b.0) {
            if let [(_, first), (_, other)] = copies {
                second[*first] = Some(*other);
            }
        }
        second
    }

    /// Line `j` has words and comes more than once on the page.
    fn repeated(&self, doc: &Document, j: usize) -> bool {
        let info = doc.info(j);
        !info.is_blank() && info.key_words > 0 && self.copies(doc, info.key).len() > 1
    }
}

/// `line` holds a calendar date (`November 20, 2019`, `19.05.2007`, `2019-11-20`) at the start
/// of one of its words.
fn holds_date(line: &str) -> bool {
    if !crate::rules::dates::may_hold_date(line) {
        return false;
    }
    let mut at_word = true;
    line.char_indices().any(|(k, c)| {
        let opens = at_word && !c.is_whitespace();
        at_word = c.is_whitespace();
        opens && crate::rules::dates::parse_date_prefix(&line[k..]).is_some()
    })
}

/// Three of `lines` open with the same two words, or end with the same two words (bullets
/// aside, case folded).
fn shared_affix(doc: &Document, lines: &[usize]) -> bool {
    let words = |j: usize| {
        doc.line(j)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
    };
    let same = |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    };
    let pair_eq = |a: &[&str], b: &[&str]| {
        a.len() == 2 && b.len() == 2 && same(a[0], b[0]) && same(a[1], b[1])
    };
    let heads: Vec<Vec<&str>> = lines.iter().map(|&j| words(j).take(2).collect()).collect();
    let tails: Vec<Vec<&str>> = lines
        .iter()
        .map(|&j| {
            let w: Vec<&str> = words(j).collect();
            w[w.len().saturating_sub(2)..].to_vec()
        })
        .collect();
    [heads, tails].iter().any(|ends| {
        ends.iter()
            .any(|a| ends.iter().filter(|b| pair_eq(a, b)).count() >= 3)
    })
}

/// The number a list item opens with: `7.` or `7)` then a space (`7. Serve warm.`).
fn item_number(line: &str) -> Option<u32> {
    item_mark(line).map(|(number, _)| number)
}

/// The number a list item opens with and the mark after it (`.` or `)`): see [`item_number`].
fn item_mark(line: &str) -> Option<(u32, u8)> {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.as_bytes().get(digits..)?;
    let mark = *rest.first()?;
    let marked = matches!(mark, b'.' | b')') && rest.get(1).is_none_or(|b| b.is_ascii_whitespace());
    (digits > 0 && digits <= 3 && marked)
        .then(|| line[..digits].parse().ok().map(|number| (number, mark)))
        .flatten()
}

/// The items of the article's numbered lists that the decisions removed as chrome inside the
/// core ([`Reason::ChromeInCore`]: a short item without function words, `3. Kein Zucker`),
/// between kept items of the same list: the nearest line above, blank lines aside, opens with
/// the number before it and the same mark (`2.` over `3.`, `2)` over `3)`), or the nearest line
/// below with the number after it, and that line is kept (no rule's removal, no decision's).
/// Such an item is the list's, however it reads; one of chrome no context rescues (a link, a
/// separator row, a copyright line: [`chrome_shaped`]), a comment's marker or a clock time is
/// none, and so is an item beside a column gap, or next to one: a side column's list (`Most
/// viewed`) printed beside the article, whose numbered cells a rule may cut from lines the
/// classifier sees whole. Judged on the decisions as they were, so no rescue carries down a list of removed
/// items.
fn items_between_kept_items(doc: &Document, out: &[Verdict], ruled: &[bool]) -> Vec<usize> {
    let n = out.len();
    let kept = |j: usize| out[j].remove.is_none() && !ruled.get(j).copied().unwrap_or(false);
    let nonblank = |j: &usize| out[*j].class != Class::Blank;
    let mut items = Vec::new();
    for (i, v) in out.iter().enumerate() {
        if v.remove != Some(Reason::ChromeInCore) || ruled.get(i).copied().unwrap_or(false) {
            continue;
        }
        let f = &v.features;
        if chrome_shaped(f) || f.comment_marker || f.clock {
            continue;
        }
        let Some((number, mark)) = item_mark(doc.line(i)) else {
            continue;
        };
        if doc.column_gaps_in(i).next().is_some() {
            continue;
        }
        let item_of = |j: usize, want: u32| {
            kept(j)
                && item_mark(doc.line(j)) == Some((want, mark))
                && doc.column_gaps_in(j).next().is_none()
        };
        let above = (0..i)
            .rev()
            .find(nonblank)
            .is_some_and(|j| number > 0 && item_of(j, number - 1));
        let below = (i + 1..n)
            .find(nonblank)
            .is_some_and(|j| item_of(j, number + 1));
        if above || below {
            items.push(i);
        }
    }
    items
}

/// The number of a forum post's number line (`#3`, `Post #3`), as forum software prints it
/// in each post's header.
fn post_number(line: &str) -> Option<u32> {
    let line = line.trim();
    let digits = line
        .strip_prefix('#')
        .or_else(|| {
            let (word, rest) = line.split_once('#')?;
            matches!(
                word.trim().to_ascii_lowercase().as_str(),
                "post" | "beitrag" | "message"
            )
            .then_some(rest)
        })?
        .trim_start();
    (!digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The lines of a forum thread's posts: on a page whose posts are numbered in their headers
/// (`#1`, `#2`, ... in a row) and whose article core starts inside the first post (no article
/// above the thread), the prose right below each number line, up to a reply label or the first
/// line that is no prose (the next post's author). There the replies are the content (the
/// answer to the question), not a comment thread below an article.
fn thread_posts(
    doc: &Document,
    out: &[Verdict],
    in_core: &[bool],
    ruled: &[bool],
) -> (Vec<bool>, Vec<bool>) {
    let n = out.len();
    let mut posts = vec![false; n];
    let mut headers = vec![false; n];
    let numbers: Vec<(usize, u32)> = (0..n)
        .filter(|&i| out[i].class != Class::Blank && out[i].features.words <= 2)
        .filter_map(|i| Some((i, post_number(doc.line(i))?)))
        .collect();
    let in_order = numbers.windows(2).all(|w| w[1].1 == w[0].1 + 1);
    let Some(&(first, _)) = numbers.first() else {
        return (posts, headers);
    };
    if numbers.len() < 2 || !in_order || in_core[..first].iter().any(|&c| c) {
        return (posts, headers);
    }
    // each header: the number line and the short lines right above it (author, rank, date),
    // after the post above ends; the first post's is as deep as the others' (the thread's
    // title may stand right above it)
    let mut header = |k: usize, most: usize| {
        headers[k] = true;
        let above = (0..k).rev().filter(|&j| out[j].class != Class::Blank);
        let mut depth = 0;
        for j in above.take(most) {
            let f = &out[j].features;
            if f.words > POST_HEADER_WORDS
                || f.terminal
                || f.thread_marker
                || ruled.get(j).copied().unwrap_or(false)
            {
                break;
            }
            headers[j] = true;
            depth += 1;
        }
        depth
    };
    let depth = numbers[1..]
        .iter()
        .map(|&(k, _)| header(k, POST_HEADER_LINES))
        .max()
        .unwrap_or(0);
    header(first, depth);
    for (m, &(k, _)) in numbers.iter().enumerate() {
        let end = numbers.get(m + 1).map_or(n, |&(next, _)| next);
        for j in k + 1..end {
            let v = &out[j];
            if v.class == Class::Blank {
                continue;
            }
            let f = &v.features;
            // a quote's attribution in the post (`rustyspoke said:`): the quote and the reply
            // under it are the post's
            if f.colon
                && f.words <= POST_HEADER_WORDS
                && (f.thread_marker || f.comment_marker)
                && !ruled.get(j).copied().unwrap_or(false)
            {
                continue;
            }
            let prose =
                matches!(v.class, Class::Good | Class::NearGood) || f.terminal && !chrome_shaped(f);
            if !prose || f.thread_marker || f.links > 0 || ruled.get(j).copied().unwrap_or(false) {
                break;
            }
            posts[j] = true;
        }
    }
    (posts, headers)
}

/// Non-blank lines above a post's number line read as its header, at most ...
const POST_HEADER_LINES: usize = 3;

/// ... each of at most this many words (`OldRoseGrower`, `Well-known member`, `Aug 14, 2026`).
const POST_HEADER_WORDS: u32 = 4;

/// Fewest rows of a table of properties below the article (see [`spec_table_below`]), and
/// most words of its subheading.
const SPEC_ROWS: usize = 3;
const SPEC_HEADING_WORDS: u32 = 4;

/// Most words of a table of properties' label, and of its value (a teaser list's `REGION:
/// Headline of eight words` is no property).
const SPEC_LABEL_WORDS: usize = 4;
const SPEC_VALUE_WORDS: usize = 6;

/// The lines of a table of properties right below line `last` (the core's last): a subheading
/// (a short line that is no sentence), then [`SPEC_ROWS`] or more rows `Label: value` in a
/// row, each a capitalised (not all-capitals) label of a few words, a colon and a value of a
/// few words, with no link, nothing a rule removes and nothing of a comment thread. Empty when
/// there is none.
fn spec_table_below(below: Below<'_>, last: usize) -> Vec<usize> {
    let Below { doc, out, .. } = below;
    let mut lines = lines_below(out, last);
    let plain = |j: usize| below.plain(j);
    let Some(head) = lines.next() else {
        return Vec::new();
    };
    let hf = &out[head].features;
    if !plain(head) || hf.terminal || hf.colon || hf.words == 0 || hf.words > SPEC_HEADING_WORDS {
        return Vec::new();
    }
    let mut table = vec![head];
    table.extend(lines.take_while(|&j| plain(j) && spec_row(doc.line(j))));
    if table.len() > SPEC_ROWS {
        table
    } else {
        Vec::new()
    }
}

/// The non-blank lines below line `last`, in order (what the searches below the core walk).
fn lines_below(out: &[Verdict], last: usize) -> impl Iterator<Item = usize> + '_ {
    (last + 1..out.len()).filter(move |&j| out[j].class != Class::Blank)
}

/// What the searches right below the core ([`spec_table_below`], [`section_below`],
/// [`sign_off_below`]) read: the document, the lines' verdicts, the lines the specific rules
/// remove and the lines of the comment thread.
#[derive(Clone, Copy)]
struct Below<'a> {
    doc: &'a Document,
    out: &'a [Verdict],
    ruled: &'a [bool],
    in_thread: &'a [bool],
}

impl Below<'_> {
    /// Line `j` below the core may be the article's: no link, no rule's removal, no comment
    /// marker or copyright, nothing of the comment thread, not chrome-shaped.
    fn plain(&self, j: usize) -> bool {
        let f = &self.out[j].features;
        !self.ruled.get(j).copied().unwrap_or(false)
            && !self.in_thread[j]
            && f.links == 0
            && !f.comment_marker
            && !f.copyright
            && !chrome_shaped(f)
    }
}

/// `line` is a row of a table of properties: a capitalised (not all-capitals) label of at
/// most [`SPEC_LABEL_WORDS`] words, a colon and a value of at most [`SPEC_VALUE_WORDS`].
fn spec_row(line: &str) -> bool {
    let line = line.trim();
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    let value_words = value.split_whitespace().count();
    (1..=SPEC_LABEL_WORDS).contains(&label_words)
        && (1..=SPEC_VALUE_WORDS).contains(&value_words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().any(char::is_lowercase)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// Fewest sentences of a section below the core (see [`section_below`]).
const SECTION_SENTENCES: usize = 2;

/// The lines of the article's next section right below line `last` (the core's last, or the
/// last of the sections found below it so far): perhaps a subheading (a short line that is no
/// sentence, of at most [`SPEC_HEADING_WORDS`] words), then a run of sentences ending in a full
/// stop (`Freezes well for up to 3 months.`, `Serves 4. Prep time 10 minutes.`; no cut teaser
/// `...`, no separator) and, under a subheading, rows of a table of properties (`Protein:
/// 16g`): at least [`SECTION_SENTENCES`] sentences or [`SPEC_ROWS`] rows; no line with a link,
/// a rule's removal, a comment marker or of the comment thread. A recipe's notes, a product's
/// data, closing sentences: short, few function words, but shaped as the article's text, not
/// as chrome's labels. Empty when there is none, and never a subheading without its lines.
fn section_below(below: Below<'_>, last: usize) -> Vec<usize> {
    let Below { doc, out, .. } = below;
    let mut lines = lines_below(out, last).peekable();
    let plain = |j: usize| below.plain(j);
    // a teaser's cut (`...`), a call (`!`), a question and a credit's dash are no sentences
    // of the article's
    let sentence = |j: usize| {
        let f = &out[j].features;
        let line = doc.line(j).trim_end();
        f.terminal
            && f.words >= SHORT_SENTENCE_WORDS
            && f.separators == 0
            && !f.clock
            && !line.ends_with(features::QUESTION_AND_EXCLAMATION_MARKS)
            && !line.ends_with('…')
            && !line.ends_with("..")
    };
    let row = |j: usize| {
        let line = doc.line(j).trim_end();
        spec_row(line) && !line.ends_with('…') && !line.ends_with(features::FULL_STOPS)
    };
    let Some(&first) = lines.peek() else {
        return Vec::new();
    };
    let mut section = Vec::new();
    let hf = &out[first].features;
    if plain(first)
        && !hf.terminal
        && !hf.colon
        && !hf.bullet
        && (1..=SPEC_HEADING_WORDS).contains(&hf.words)
        && !spec_row(doc.line(first))
    {
        section.push(first);
        lines.next();
    }
    // rows want their subheading: `Tags: ...` / `Filed under: ...` below an article are its
    // metadata
    let headed = !section.is_empty();
    let (mut sentences, mut rows) = (0, 0);
    for j in lines {
        if !plain(j) {
            break;
        }
        if sentence(j) {
            sentences += 1;
        } else if headed && row(j) {
            rows += 1;
        } else {
            break;
        }
        section.push(j);
    }
    // one sentence alone, under a subheading or not, is as often a widget's (an author's
    // line, a form's message, a copyright) as the article's
    if sentences >= SECTION_SENTENCES || headed && rows >= SPEC_ROWS {
        section
    } else {
        Vec::new()
    }
}

/// Most words of a list's subheading below the core (`O que este espaço oferece`) and of each
/// of its items (see [`list_below`]).
const LIST_HEADING_WORDS: u32 = 6;
const LIST_ITEM_WORDS: u32 = 12;

/// Fewest items of a list below the core (see [`list_below`]).
const LIST_BELOW_ITEMS: usize = 3;

/// Fewest rows of a list of scores or of chapters below the core (see [`list_below`]).
const LIST_BELOW_ROWS: usize = 2;

/// What shape of row, with its numbers, a list below the core may be made of (see
/// [`list_below`]): a result (`Harbour City 2-1 Westfield Rovers`) or a chapter mark of a
/// recording (`04:12 How the wind makes cables hum`), the time in seconds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Row {
    Score,
    Chapter(u32),
}

/// `line` is a row of a list of results or of chapters (bullet aside):
/// - a score: words, a score `2-1`, `2 - 1`, `2–1` or `2:1` (a colon only when it is no clock
///   time: one digit after it, or more than 24 before it, `98:87`), words; no other digit;
/// - a chapter mark: a time `04:12` or `1:02:45` (perhaps in brackets), perhaps a dash or a
///   bar, then words, the first of them opening with a letter.
fn list_row(line: &str) -> Option<Row> {
    let line = line
        .trim()
        .trim_start_matches(['*', '-', '•', '·', '+', '–'])
        .trim_start();
    chapter_mark(line)
        .map(Row::Chapter)
        .or_else(|| score_row(line).then_some(Row::Score))
}

/// The time in seconds of a chapter mark `04:12 Words` (see [`list_row`]).
fn chapter_mark(line: &str) -> Option<u32> {
    let (time, rest) = line.split_once(char::is_whitespace)?;
    let time = time
        .strip_prefix(['(', '['])
        .and_then(|t| t.strip_suffix([')', ']']))
        .unwrap_or(time);
    let parts: Vec<&str> = time.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[1..].iter().any(|p| p.len() != 2)
    {
        return None;
    }
    let mut seconds = 0u32;
    for (k, p) in parts.iter().enumerate() {
        let v: u32 = p.parse().ok()?;
        if k > 0 && v >= 60 {
            return None;
        }
        seconds = seconds * 60 + v;
    }
    let rest = rest
        .trim_start()
        .trim_start_matches(['-', '–', '—', '|'])
        .trim_start();
    rest.chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some(seconds)
}

/// Words for hours after a range of them (`9-18 Uhr`), lowercased, no full stop.
const HOUR_WORDS: &[&str] = &[
    "uhr", "h", "hrs", "hours", "am", "pm", "a.m", "p.m", "horas", "heures", "ore", "godz", "óra",
    "uur",
];

/// `line` is a result `Words 2-1 Words` (see [`list_row`]); a range of hours (`Mo-Fr 9-18
/// Uhr`) is none.
fn score_row(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let number = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let score = |left: &str, mark: char, right: &str| {
        number(left)
            && number(right)
            && (mark != ':' || right.len() == 1 || left.parse::<u32>().is_ok_and(|v| v > 24))
    };
    let wordy = |ts: &[&str]| {
        !ts.is_empty()
            && ts.iter().any(|t| t.chars().any(char::is_alphabetic))
            && ts.iter().all(|t| !t.bytes().any(|b| b.is_ascii_digit()))
    };
    // a range of hours is no score (`Mo-Fr 9-18 Uhr`, `Sat 10-4 pm`)
    let hours = |ts: &[&str]| {
        ts.first().is_some_and(|t| {
            let t = t.trim_end_matches('.').to_lowercase();
            HOUR_WORDS.contains(&t.as_str())
        })
    };
    (1..tokens.len().saturating_sub(1)).any(|k| {
        let t = tokens[k];
        let one = t.char_indices().any(|(i, c)| {
            matches!(c, '-' | '–' | ':') && score(&t[..i], c, &t[i + c.len_utf8()..])
        });
        if one {
            return wordy(&tokens[..k]) && wordy(&tokens[k + 1..]) && !hours(&tokens[k + 1..]);
        }
        k + 3 < tokens.len()
            && matches!(tokens[k + 1], "-" | "–" | ":")
            && score(
                t,
                tokens[k + 1].chars().next().unwrap_or('-'),
                tokens[k + 2],
            )
            && wordy(&tokens[..k])
            && wordy(&tokens[k + 3..])
            && !hours(&tokens[k + 3..])
    })
}

/// The lines of a list right below line `last` (the core's last, or the last of the sections
/// found below it so far): under a subheading (a short line that is no sentence, no label
/// ending in `:`, no bullet) when line `last` ends a sentence, or going on from line `last`
/// when that is itself a list item or a subheading (the core took a list's first items: it
/// ends on a line that is no sentence). Then [`LIST_BELOW_ITEMS`] to [`INTRODUCED_ITEMS`]
/// items on the lines right below the subheading (or line `last`; below a blank line when line
/// `last` is a subheading of two words or more, no bullet: the core took the heading, not its
/// list, and then the items are that whole block), one block without a blank line: lines of
/// at most [`LIST_ITEM_WORDS`] words, no sentence, none ending in `:`, none holding a digit
/// (an address, a price, a score, a teaser's date) or a column gap, none with a link, a rule's
/// removal or a comment marker. Or, of one
/// shape from the first line on (see [`list_row`]), [`LIST_BELOW_ROWS`] to
/// [`INTRODUCED_ITEMS`] results (`Results` / `Harbour City 2-1 Westfield Rovers` / `Northgate
/// 0-0 Eastbridge`) or chapters of a recording, their times rising (`Show notes` / `00:00
/// Introduction` / `04:12 How the wind makes cables hum`): these hold their numbers and may
/// be in Title Case, chrome's lists rarely have the shape. The list must end where chrome starts: at
/// the document's end, a line a rule removes, a chrome line (a bad line, a link list, a
/// separator, a copyright), a date or a clock, or the comment thread (the rest of a list the
/// core ends in: in its own block, right below its last item); not at prose the core left
/// out (a teaser, a comment), at a label or at a line with a number. A
/// menu, a share bar, a list of teasers or of a site's sections are not one: at most half of
/// the list's lines are a single word, its lines of two words and more are not mostly in
/// Title Case (not on a German page), no three of its lines open or end with the same two
/// words, none comes twice on the page. Empty when there is none.
fn list_below(below: Below<'_>, page: &PageKeys, langs: &PageLanguages, last: usize) -> Vec<usize> {
    let Below {
        doc,
        out,
        ruled,
        in_thread,
    } = below;
    let is_ruled = |j: usize| ruled.get(j).copied().unwrap_or(false);
    let lf = &out[last].features;
    let goes_on =
        out[last].class != Class::Bad && !lf.terminal && !lf.colon && lf.words <= LIST_ITEM_WORDS;
    let mut list = Vec::new();
    // the line the items follow
    let mut above = last;
    if !goes_on {
        let Some(head) = lines_below(out, last).next() else {
            return list;
        };
        let hf = &out[head].features;
        if !below.plain(head)
            || out[head].class == Class::Bad
            || hf.terminal
            || hf.colon
            || hf.bullet
            || hf.clock
            || hf.words > LIST_HEADING_WORDS
            || holds_date(doc.line(head))
        {
            return list;
        }
        list.push(head);
        above = head;
    }
    // a subheading the core ends on (no list item: no bullet; a list the core ends in goes
    // on in its own block) may head its items below a blank line (`What you need` / blank /
    // `* A valid ID` / ...): they are the next block, all of it, and chrome starts at the
    // next block, as under a subheading below the core (whose items stand right below it: a
    // heading below the article over a block of links below a blank line is as often a menu's)
    let headed_by_last = goes_on
        && !lf.bullet
        && lf.words >= 2
        && out.get(last + 1).is_some_and(|v| v.class == Class::Blank);
    if headed_by_last {
        match lines_below(out, last).next() {
            Some(first) => above = first - 1,
            None => return list,
        }
    }
    let goes_on = goes_on && !headed_by_last;
    // the items stand on the lines right below it, one block (a blank line between two of
    // them parts a page's blocks: teaser cards, a menu's groups)
    let lines = (above + 1..out.len()).take_while(|&j| out[j].class != Class::Blank);
    let item = |j: usize| {
        let f = &out[j].features;
        below.plain(j)
            && out[j].class != Class::Bad
            && doc.column_gaps_in(j).next().is_none()
            && !f.terminal
            && !f.colon
            && !f.clock
            && f.digits == 0
            && f.words <= LIST_ITEM_WORDS
    };
    // a list of results or of a recording's chapters has its numbers: every row has the shape
    // of the first, right below the line the items follow (a chapter's time later than the
    // one before)
    let rows = out
        .get(above + 1)
        .filter(|v| v.class != Class::Blank)
        .and_then(|_| list_row(doc.line(above + 1)));
    let mut time = None;
    let mut row = |j: usize| {
        let f = &out[j].features;
        let shaped = match (rows, list_row(doc.line(j))) {
            (Some(Row::Score), Some(Row::Score)) => true,
            (Some(Row::Chapter(_)), Some(Row::Chapter(t))) if time.is_none_or(|p| t > p) => {
                time = Some(t);
                true
            }
            _ => false,
        };
        shaped
            && below.plain(j)
            && out[j].class != Class::Bad
            && doc.column_gaps_in(j).next().is_none()
            && !f.terminal
            && !f.colon
            && f.words <= LIST_ITEM_WORDS
    };
    let mut items = 0;
    // the line that ends the list: the next one after the block's last item, blank lines aside
    let mut end = None;
    let mut last_item = above;
    for j in lines {
        let fits = if rows.is_some() { row(j) } else { item(j) };
        if fits {
            list.push(j);
            items += 1;
            last_item = j;
        } else {
            end = Some(j);
            break;
        }
    }
    if headed_by_last && end.is_some() {
        // a block the heading's items do not fill (a menu whose next entry is chrome-shaped)
        return Vec::new();
    }
    if end.is_none() && !goes_on {
        end = lines_below(out, last_item).next();
    } else if end.is_none() {
        // the rest of a list the core ends in: chrome right below its last item, or nothing
        // (a block of teaser titles the core ends on runs on to its blank line all the same)
        end = (last_item + 1..out.len()).find(|&j| out[j].class != Class::Blank);
        if end.is_some() {
            return Vec::new();
        }
    }
    // where the list ends, chrome starts (or the document ends)
    let chrome_below = end.is_none_or(|e| {
        let f = &out[e].features;
        is_ruled(e)
            || in_thread[e]
            || out[e].class == Class::Bad
            || !below.plain(e)
            || f.clock
            || holds_date(doc.line(e))
    });
    let fewest = if rows.is_some() {
        LIST_BELOW_ROWS
    } else {
        LIST_BELOW_ITEMS
    };
    if !chrome_below || !(fewest..=INTRODUCED_ITEMS).contains(&items) {
        return Vec::new();
    }
    if rows.is_some() {
        // team names are in Title Case, a chapter's title may be
        return if list.iter().any(|&j| page.repeated(doc, j)) {
            Vec::new()
        } else {
            list
        };
    }
    let single = list.iter().filter(|&&j| out[j].features.words == 1).count();
    if single * 2 > list.len() {
        return Vec::new();
    }
    // menu entries and teaser titles: most lines of two words and more in Title Case (not on
    // a German page, where every noun is capitalised)
    if langs.main.is_none_or(|m| LANGS.get(m) != Some(&"de")) {
        let (mut n, mut titled) = (0usize, 0usize);
        for &j in list.iter().filter(|&&j| out[j].features.alpha_words >= 2) {
            let f = &out[j].features;
            n += 1;
            titled += usize::from(f.cap_words * 4 >= f.alpha_words * 3);
        }
        if titled >= 2 && titled * 3 >= n * 2 {
            return Vec::new();
        }
    }
    if shared_affix(doc, &list) || list.iter().any(|&j| page.repeated(doc, j)) {
        return Vec::new();
    }
    list
}

/// Most words of a sign-off line (`x Franzi`, `Liebe Grüße, Anna`) or of a closing remark
/// above it (`Viel Glück!`).
const SIGN_OFF_WORDS: usize = 4;

/// Words that open a sign-off, lowercase: a greeting, a kiss, a thanks (one word or two).
const SIGN_OFF_OPENERS: &[&str] = &[
    "x",
    "xx",
    "xxx",
    "xo",
    "xoxo",
    "euer",
    "eure",
    "cheers",
    "ciao",
    "bisous",
    "besos",
    "saludos",
    "abrazos",
    "baci",
    "cordialement",
    "regards",
    "grüße",
    "gruß",
    "lg",
    "thanks",
    "yours",
    "sincerely",
    "hugs",
    "greetings",
];
const SIGN_OFF_OPENER_PAIRS: &[&str] = &[
    "liebe grüße",
    "viele grüße",
    "herzliche grüße",
    "beste grüße",
    "bis bald",
    "bis dann",
    "alles liebe",
    "best regards",
    "kind regards",
    "warm regards",
    "best wishes",
    "with love",
    "much love",
    "thank you",
    "un abrazo",
    "bien à",
    "a presto",
];

/// The words of a short line without digits, links or addresses, or `None`.
fn sign_off_words(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    if line.chars().any(|c| c.is_ascii_digit() || c == '@')
        || line.contains("http")
        || line.contains("www.")
    {
        return None;
    }
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=SIGN_OFF_WORDS).contains(&words.len()).then_some(words)
}

/// `line` signs a post off: an opener of [`SIGN_OFF_OPENERS`] or [`SIGN_OFF_OPENER_PAIRS`]
/// followed by a name (capitalised words: `x Franzi`, `XX, Die Redaktion`) or by a comma
/// that leaves the name to the next line (`Cheers,`). No question or label (`Eure Meinung?`).
fn sign_off(line: &str) -> bool {
    let Some(words) = sign_off_words(line) else {
        return false;
    };
    if line.trim_end().ends_with(['?', ':', '？', '：']) {
        return false;
    }
    let lower = |w: &str| w.to_lowercase();
    let rest = if words.len() >= 2
        && SIGN_OFF_OPENER_PAIRS
            .contains(&format!("{} {}", lower(words[0]), lower(words[1])).as_str())
    {
        &words[2..]
    } else if SIGN_OFF_OPENERS.contains(&lower(words[0]).as_str()) {
        &words[1..]
    } else {
        return false;
    };
    if rest.is_empty() {
        line.trim_end().ends_with(',')
    } else {
        rest.iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }
}

/// The lines of a sign-off right below line `last` (the core's last): perhaps a closing
/// remark (a short line ending in `!`: `Viel Glück!`), then a sign-off line (see
/// [`sign_off`]); a sign-off ending in a comma may go on over further short lines ending in
/// a comma (`Love and hugs,`) to a name (`Cheryl`). The post's author signing it, not a
/// widget: no line with a link, a rule's removal, a comment marker or of the comment thread.
/// Empty when there is none.
fn sign_off_below(below: Below<'_>, last: usize) -> Vec<usize> {
    let Below { doc, out, .. } = below;
    let mut lines = lines_below(out, last).take(8).peekable();
    let plain = |j: usize| below.plain(j) && !out[j].features.bullet;
    let mut kept = Vec::new();
    if let Some(&j) = lines.peek() {
        let line = doc.line(j).trim_end();
        if plain(j) && line.ends_with('!') && sign_off_words(line).is_some() && !sign_off(line) {
            kept.push(j);
            lines.next();
        }
    }
    let Some(j) = lines.next().filter(|&j| plain(j) && sign_off(doc.line(j))) else {
        return Vec::new();
    };
    kept.push(j);
    let mut open = doc.line(j).trim_end().ends_with(',');
    while open {
        let Some(j) = lines.next().filter(|&j| plain(j)) else {
            break;
        };
        let line = doc.line(j).trim_end();
        let Some(words) = sign_off_words(line) else {
            break;
        };
        if line.ends_with(',') {
            kept.push(j);
        } else if words.len() <= 3
            && !out[j].features.terminal
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            kept.push(j);
            open = false;
        } else {
            break;
        }
    }
    kept
}

/// Items of a numbered list with fewer words are a menu's or an index's (`4. Ankle Pain`), not
/// an article's steps: no list is extended from or over them.
const STEP_WORDS: u32 = 5;

/// The items of numbered lists that core runs end (or start) with, outside the core: the lines
/// right below (above) a run's last (first) line, blank lines aside, that open with the next
/// (previous) numbers, outside the comment thread; all of them steps of [`STEP_WORDS`] words or
/// more. They stay as the article's, whatever their class.
fn whole_numbered_lists(
    doc: &Document,
    out: &[Verdict],
    in_core: &[bool],
    in_thread: &[bool],
) -> Vec<bool> {
    let n = out.len();
    let mut listed = vec![false; n];
    let nonblank = |j: usize| out[j].class != Class::Blank;
    let number = |j: usize| {
        (out[j].features.words >= STEP_WORDS)
            .then(|| item_number(doc.line(j)))
            .flatten()
    };
    for i in 0..n {
        if !in_core[i] || !nonblank(i) {
            continue;
        }
        let Some(k) = number(i) else { continue };
        // downwards from the run's last line
        if !(i + 1..n)
            .find(|&j| nonblank(j))
            .is_some_and(|j| in_core[j])
        {
            let mut want = k + 1;
            let mut j = i + 1;
            while j < n {
                if !nonblank(j) {
                    j += 1;
                    continue;
                }
                if in_core[j] || in_thread[j] || number(j) != Some(want) {
                    break;
                }
                listed[j] = true;
                want += 1;
                j += 1;
            }
        }
        // upwards from the run's first line
        if k > 1
            && !(0..i)
                .rev()
                .find(|&j| nonblank(j))
                .is_some_and(|j| in_core[j])
        {
            let mut want = k - 1;
            let mut j = i;
            while want >= 1 && j > 0 {
                j -= 1;
                if !nonblank(j) {
                    continue;
                }
                if in_core[j] || in_thread[j] || number(j) != Some(want) {
                    break;
                }
                listed[j] = true;
                want -= 1;
            }
        }
    }
    listed
}

/// Calls `f` with each word of `line` of five letters or more, lowercased (in `scratch`), and
/// with each pair of neighbouring Han characters (see [`for_long_words_by_char`]). The
/// classifier reads their hashes ([`for_long_word_hashes`]); the tests read the words.
#[cfg(test)]
fn for_long_words(line: &str, scratch: &mut String, f: impl FnMut(&str)) {
    if line.is_ascii() {
        for_long_ascii_words(line, scratch, f);
    } else {
        for_long_words_by_char(line, scratch, f);
    }
}

/// [`for_long_words`] of an ASCII line, on bytes: there a character is a byte and alphanumeric
/// means ASCII alphanumeric, so the same words come out without decoding characters or going
/// through a `char` pattern (the article's vocabulary reads every long word of its core).
#[cfg(test)]
fn for_long_ascii_words(line: &str, scratch: &mut String, mut f: impl FnMut(&str)) {
    for_long_ascii_words_as_written(line, |word| {
        scratch.clear();
        scratch.push_str(word);
        scratch.make_ascii_lowercase();
        f(scratch);
    });
}

/// The words [`for_long_ascii_words`] gives, as the line writes them (not lowercased).
fn for_long_ascii_words_as_written(line: &str, mut f: impl FnMut(&str)) {
    let bytes = line.as_bytes();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        if end - start >= 5 {
            f(&line[start..end]);
        }
        start = end + 1;
    }
}

/// Calls `f` with [`long_word_hash`] of each word [`for_long_words`] gives: an ASCII line's
/// words are hashed as the line writes them, lowercased on the way, without a copy.
fn for_long_word_hashes(line: &str, scratch: &mut String, mut f: impl FnMut(u64)) {
    if line.is_ascii() {
        for_long_ascii_words_as_written(line, |w| f(long_word_hash(w.as_bytes(), true)));
    } else {
        for_long_words_by_char(line, scratch, |w| f(long_word_hash(w.as_bytes(), false)));
    }
}

/// A hash of a long word's lowercase form (the vocabulary's and the asked lines' words meet by
/// it, nothing else reads it): the word's bytes eight at a time, folded by multiplication and
/// mixed at the end. With `ascii_lower` the bytes are ASCII letters and digits, lowercased here
/// by their 0x20 bit (which a digit has already): the hash of their lowercase form.
fn long_word_hash(word: &[u8], ascii_lower: bool) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let lower = if ascii_lower {
        0x2020_2020_2020_2020
    } else {
        0
    };
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        h = (h.rotate_left(26) ^ (u64::from_le_bytes(eight) | lower)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = 0u64;
        for (k, &b) in rest.iter().enumerate() {
            last |= u64::from(b) << (8 * k);
        }
        let lower_rest = lower >> (8 * (8 - rest.len()));
        h = (h.rotate_left(26) ^ (last | lower_rest)).wrapping_mul(K);
    }
    // SplitMix64's finaliser: the last chunk's bytes reach every bit
    let h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// [`for_long_words`] of any line, character by character. Chinese and Japanese write no
/// spaces, so a "word" there is a whole clause that no other line repeats: a run of Han
/// characters gives its pairs of neighbours instead (`成都地铁` -> `成都`, `都地`, `地铁`), which
/// is how the words of a headline and of its article's text meet.
fn for_long_words_by_char(line: &str, scratch: &mut String, mut f: impl FnMut(&str)) {
    // one decoding pass cuts the words and learns what each needs (its length in characters,
    // whether it holds a Han character, whether it is ASCII): the search for Han characters
    // and the count of five characters then read no word a second time
    let mut word = |word: &str, chars: usize, han: bool, ascii: bool| {
        if han {
            let mut rest = word;
            while let Some(start) = rest.find(is_han) {
                let run = &rest[start..];
                let end = run.find(|c: char| !is_han(c)).unwrap_or(run.len());
                let mut chars = run[..end].char_indices().peekable();
                while let (Some((a, _)), Some(&(b, c))) = (chars.next(), chars.peek()) {
                    f(&run[a..b + c.len_utf8()]);
                }
                rest = &run[end..];
            }
            return;
        }
        if chars < 5 {
            return;
        }
        scratch.clear();
        if ascii {
            scratch.push_str(word);
            scratch.make_ascii_lowercase();
        } else {
            scratch.extend(word.chars().flat_map(char::to_lowercase));
        }
        f(scratch);
    };
    let (mut start, mut chars, mut han, mut ascii) = (0, 0, false, true);
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // an ASCII byte is a character of its own: most characters of most lines are read
        // without decoding
        let (alphanumeric, width, c_han) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1, false)
        } else {
            let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            (crate::chars::is_alphanumeric(c), c.len_utf8(), is_han(c))
        };
        if alphanumeric {
            chars += 1;
            han |= c_han;
            ascii &= b.is_ascii();
        } else {
            word(&line[start..i], chars, han, ascii);
            (start, chars, han, ascii) = (i + width, 0, false, true);
        }
        i += width;
    }
    word(&line[start..], chars, han, ascii);
}

/// A Han (CJK ideograph) character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Headline-shaped: a few words, no separators or links, not ending like a sentence fragment,
/// not a list item (a bulleted line above an article is a menu entry, not its title).
fn headline_shaped(f: &Features) -> bool {
    f.words >= 1 && f.words <= 20 && f.separators == 0 && f.links == 0 && !f.copyright && !f.bullet
}

/// [`headline_shaped`], or a headline whose one separator is a dash between two clauses of at
/// least three words each (`Record number of reindeer died – herders demand support`), as
/// Nordic and much European news writes them; a page title's `Headline – Site Name` has a
/// shorter tail, a menu more separators. A hyphen does not count: `Posted by x - Tuesday, ...`,
/// `Site tagline - date` lines join clauses with it.
fn headline_shaped_line(line: &str, f: &Features) -> bool {
    if headline_shaped(f) {
        return true;
    }
    let plain = Features {
        separators: 0,
        ..*f
    };
    if f.separators != 1 || !headline_shaped(&plain) {
        return false;
    }
    if item_number(line).is_some() {
        return false;
    }
    [" – ", " — "].iter().any(|dash| {
        line.split_once(dash).is_some_and(|(head, tail)| {
            head.split_whitespace().count() >= 3 && tail.split_whitespace().count() >= 3
        })
    })
}

/// A headline of a few words around one en or em dash (`Artist – Song title`, `Headline –
/// Site`): not [`headline_shaped_line`] when a part is short, but what a menu's last entries
/// sit on as a headline does.
fn dash_headline(line: &str, f: &Features) -> bool {
    f.separators == 1
        && headline_shaped(&Features {
            separators: 0,
            ..*f
        })
        && (line.contains(" – ") || line.contains(" — "))
}

/// Most words of a line that [`introduced_address`] reads as one address.
const ADDRESS_WORDS: u32 = 2;

/// Inside the article core, a line that is an address and nothing else (an e-mail or a web
/// address: `reports@example.org`, `www.example.org/form`) between two prose lines of the
/// article, the one above introducing it with a colon (`Send your reports to this address:`):
/// the address the sentence gives, not chrome. A footer's or a share bar's address sits below
/// the article or under a label, not between two of its sentences; a bulleted link is a list's
/// entry, judged as one.
fn introduced_address(out: &[Verdict], in_core: &[bool], i: usize) -> bool {
    let f = &out[i].features;
    if f.links == 0 || f.links < f.words || f.words > ADDRESS_WORDS || f.bullet || f.comment_marker
    {
        return false;
    }
    let prose = |j: usize| in_core[j] && matches!(out[j].class, Class::Good | Class::NearGood);
    let above = (0..i).rev().find(|&j| out[j].class != Class::Blank);
    let below = (i + 1..out.len()).find(|&j| out[j].class != Class::Blank);
    above.is_some_and(|j| prose(j) && out[j].features.colon) && below.is_some_and(prose)
}

/// Most blank lines between a [`dash_subheading`] and the prose below it.
const SUBHEADING_GAP_LINES: usize = 1;

/// Inside the article core, a subheading written as two parts around one dash or hyphen
/// (`Holland – a nation of traders`, `Brand X – knitwear made in Europe`, `Stage 2 - Doubt`):
/// headline-shaped but for the dash (no link, no bullet, at most 20 words), each part holding
/// a word, no clock, not ending in a year, with the article's prose (a good or near-good line
/// of the core, no second column beside it) right below it, at most [`SUBHEADING_GAP_LINES`]
/// blank line between. Its one separator makes it chrome-shaped when short, and its few
/// function words a bad line when longer; a breadcrumb or a menu has more separators, a page
/// title's `Headline – Site` sits above the article, a teaser's `Title – Site` line has a
/// teaser, not the article's prose, below it, a comment's header (`Name - March 3, 2021`)
/// ends in its date, and a sidebar's `Spotlight - West` printed beside the article has the
/// article's column on the line below it, after a wide gap. Rows of chrome that come in the
/// same shape over prose (an offer's price, a byline's relative time, a label, a listing's
/// meta row, a reader comment opened by a name) are none: see [`dash_row_chrome`].
fn dash_subheading(doc: &Document, out: &[Verdict], in_core: &[bool], i: usize) -> bool {
    let f = &out[i].features;
    if f.separators != 1
        || f.comment_marker
        || f.clock
        || !headline_shaped(&Features {
            separators: 0,
            ..*f
        })
    {
        return false;
    }
    let has_word = |s: &str| s.chars().any(char::is_alphabetic);
    let split = [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| doc.line(i).split_once(dash));
    let Some((head, tail)) = split else {
        return false;
    };
    if !has_word(head) || !has_word(tail) || ends_in_year(tail) {
        return false;
    }
    if dash_row_chrome(doc, out, i, head, tail) {
        return false;
    }
    (i + 1..out.len())
        .take(SUBHEADING_GAP_LINES + 1)
        .find(|&j| out[j].class != Class::Blank)
        .is_some_and(|j| {
            in_core[j]
                && matches!(out[j].class, Class::Good | Class::NearGood)
                && doc.column_gaps_in(j).next().is_none()
        })
}

/// A line around one dash that is a row of chrome, not a subheading, whatever lies below it:
/// an offer's price ([`priced`]: `SAVE $40 - Garden chairs`), a byline's or a listing's
/// relative time on either side of the dash (`By Ann Lee – 2 days ago`, `vor 3 Stunden`; see
/// [`is_relative_time`]), a label before it (`Related Topics – ...`, `Tags: – ...`; see
/// [`label_head`]), a listing's meta row whose `Label:` the next or previous row opens with too
/// (`Job type: Full time - Leeds`), and a reader comment opened by its addressee's name
/// ([`comment_opening`]: `Chris – Yes, I've posted.` under its author's name).
fn dash_row_chrome(doc: &Document, out: &[Verdict], i: usize, head: &str, tail: &str) -> bool {
    let line = doc.line(i);
    priced(line, head)
        || is_relative_time(head.trim().trim_end_matches(['.', ')']))
        || is_relative_time(tail.trim().trim_end_matches(['.', ')']))
        || label_head(head)
        || meta_row(doc, i)
        || comment_opening(doc, out, i, head, tail)
}

/// Words of an offer opening a line, as shops shout them (`SAVE $40 - ...`, `OFF 20 - ...`).
const OFFER_WORDS: &[&str] = &["SAVE", "OFF", "SALE", "DEAL"];

/// The line names a price: a currency sign next to a number (`$400.00`, `€ 12`, `12€`; see
/// [`CURRENCY_SIGNS`]), a number beside a currency's name or code (`1000 Euro`, `USD 40`; see
/// [`is_currency_mark`]), a percentage (`20%`,
/// `30,3 %`), or, before the dash, a shouted offer word ([`OFFER_WORDS`]).
fn priced(line: &str, head: &str) -> bool {
    let is_number = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let mut prev: Option<&str> = None;
    for t in line.split_whitespace() {
        let number = t.bytes().any(|b| b.is_ascii_digit());
        if number && (t.contains(CURRENCY_SIGNS) || t.ends_with('%')) {
            return true;
        }
        if let Some(p) = prev {
            let amount_after = is_number(t) && is_currency_mark(p);
            let amount_before = is_number(p) && (t == "%" || is_currency_mark(t));
            if amount_after || amount_before {
                return true;
            }
        }
        prev = Some(t);
    }
    head.split_whitespace().any(|w| OFFER_WORDS.contains(&w))
}

/// Labels that open a row of links or terms, not a section, that no rule's heading test knows
/// (lowercase; the label may end in a colon): the others are a tag list's labels
/// ([`tag_list::is_label`]), a related-content section's headings
/// ([`related_content_section::is_related_heading`]) and an author box's
/// ([`author_box::is_author_heading`]).
const ROW_LABELS: &[&str] = &[
    "labels",
    "keywords",
    "posted in",
    "share",
    "siehe auch",
    "voir aussi",
    "pingback",
    "trackback",
];

/// Most words of a [`ROW_LABELS`] label.
const ROW_LABEL_WORDS: usize = 4;

/// The part before the dash is a label or opens with one: it ends in a colon (`Related: –
/// ...`), is one of [`ROW_LABELS`] or a tag list's, a related-content section's or an author
/// box's heading (`Related Topics – Games, Consoles`, `About the Author – Ann Lee`) or opens
/// with one and a colon (`Related: Ferry fares rise – Harbour News`,
/// `Pingback: ... – Site`).
fn label_head(head: &str) -> bool {
    let head = head.trim();
    if head.ends_with([':', '：']) {
        return true;
    }
    let label = head.split_once(": ").map_or(head, |(label, _)| label);
    label.split_whitespace().count() <= ROW_LABEL_WORDS && {
        let lower = label.to_lowercase();
        ROW_LABELS.contains(&lower.as_str())
            || tag_list::is_label(label)
            || related_content_section::is_related_heading(label)
            || author_box::is_author_heading(label)
    }
}

/// Most words of a meta row's label (`Job type:`, `Ort:`).
const META_LABEL_WORDS: usize = 3;

/// Non-blank lines either side of a meta row searched for its label's next or previous row.
const META_ROW_REACH: usize = 3;

/// The label a line opens with: up to [`META_LABEL_WORDS`] words before a colon and a space
/// (`Job type: Full time`), the first word capitalised.
fn meta_label(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(": ")?;
    let words = label.split_whitespace().count();
    ((1..=META_LABEL_WORDS).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains(CURRENCY_SIGNS)
        && !rest.trim().is_empty())
    .then_some(label)
}

/// A listing's meta row (`Job type: Full time Harbour Ltd - Leeds`): it opens with a
/// [`meta_label`] that another row within [`META_ROW_REACH`] non-blank lines opens with too.
/// A kicker's headline (`Update: ... – ...`) has no row of the same label beside it.
fn meta_row(doc: &Document, i: usize) -> bool {
    let Some(label) = meta_label(doc.line(i)) else {
        return false;
    };
    let same = |j: usize| meta_label(doc.line(j)) == Some(label);
    let before = (0..i)
        .rev()
        .filter(|&j| !doc.is_blank(j))
        .take(META_ROW_REACH);
    let after = (i + 1..doc.n_lines())
        .filter(|&j| !doc.is_blank(j))
        .take(META_ROW_REACH);
    before.chain(after).any(same)
}

/// Fewest words after the dash that make a comment's sentence when it does not end like one.
const COMMENT_SENTENCE_WORDS: usize = 10;

/// Most words of the line naming a comment's author (or its date) above the comment.
const AUTHOR_LINE_WORDS: u32 = 4;

/// A reader comment opening with its addressee's name or an interjection and a dash (`Chris –
/// Yes, I've posted.`, `OK – I wasn't timing it, but it took a second or so`): one capitalised
/// word before the dash, a sentence after it (ending like one, or of at least
/// [`COMMENT_SENTENCE_WORDS`] words), and right above it (a blank line between at most) the
/// comment's author or date: a short line of capitalised words or numbers, no sentence
/// (`Paul H. Byerly`, `* Ann Lee`, `Tuesday November 19, 2019`), or a comment marker. A
/// subheading sits under the prose of the section before it, or under the title.
fn comment_opening(doc: &Document, out: &[Verdict], i: usize, head: &str, tail: &str) -> bool {
    let mut head_words = head.split_whitespace();
    let one_name = head_words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && head_words.next().is_none();
    let tail_words = tail.split_whitespace().count();
    if !one_name || !(out[i].features.terminal || tail_words >= COMMENT_SENTENCE_WORDS) {
        return false;
    }
    (0..i)
        .rev()
        .take(SUBHEADING_GAP_LINES + 1)
        .find(|&j| out[j].class != Class::Blank)
        .is_some_and(|j| {
            let f = &out[j].features;
            let capitalised = doc
                .line(j)
                .split_whitespace()
                .filter(|w| !matches!(*w, "*" | "•" | "-" | "+"))
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            f.comment_marker
                || f.clock
                || (1..=AUTHOR_LINE_WORDS).contains(&f.words)
                    && capitalised
                    && !f.terminal
                    && !f.colon
                    && f.links == 0
        })
}

/// The text's last word is a year (`1999`, `2012.`, `(2003)`).
fn ends_in_year(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|w| features::is_year(w.trim_matches(|c: char| !c.is_ascii_digit())))
}

/// A headline behind a one-word kicker and a bar: `Update | Crash victims identified`, with at
/// least three words after the bar. A page title's `Headline | Site Name` has its short part
/// after the bar; a byline's `Name Surname | Tags: ...` two words before it.
fn kicker_headline(line: &str, f: &Features) -> bool {
    let plain = Features {
        separators: 0,
        ..*f
    };
    if f.separators != 1 || !headline_shaped(&plain) {
        return false;
    }
    line.split_once(" | ").is_some_and(|(head, tail)| {
        head.split_whitespace().count() == 1 && tail.split_whitespace().count() >= 3
    })
}

/// At most this many non-blank lines (short ones: an answer's command lines, its vote count)
/// between a question's comment marker and the core below it.
const ANSWER_LEAD_LINES: usize = 6;

/// A question's post holds a line of prose of at least this many words.
const QUESTION_WORDS: u32 = 20;

/// At most this many words of prose above a thread's first post: its title, not an article.
const POST_TITLE_WORDS: u32 = 20;

/// A thread of posts (a Q&A page, a forum thread) whose first post, the question, sits under
/// the page's title and ends at a comment marker (`Add a comment`, `Reply`, a widget's line:
/// `widget[j]`), with the core (the answer) found right below that marker: the question's
/// prose lines. The question is the page's
/// content as much as its answer. `None` when the core has prose above the marker or no such
/// marker right above it; the lines between marker and core are left to the decisions.
fn question_above_core(
    out: &[Verdict],
    ruled: &[bool],
    widget: &[bool],
    in_core: &[bool],
) -> Option<std::ops::Range<usize>> {
    let c0 = in_core.iter().position(|&c| c)?;
    let flag = |v: &[bool], j: usize| v.get(j).copied().unwrap_or(false);
    let marker = |j: usize| out[j].features.comment_marker || flag(widget, j);
    // right above the core: the marker, with at most a few short or removed lines between
    let mut between = 0;
    let mut m = None;
    for j in (0..c0).rev() {
        if out[j].class == Class::Blank {
            continue;
        }
        if marker(j) {
            m = Some(j);
            break;
        }
        between += 1;
        if between > ANSWER_LEAD_LINES || !(out[j].class == Class::Short || flag(ruled, j)) {
            return None;
        }
    }
    // a button under the post (`Add a comment`), not a count under a headline (`12 Comments`)
    let m = m.filter(|&m| out[m].features.digits == 0 && !out[m].features.thread_heading)?;
    // above the marker: the post's prose, nothing a rule removes, no chrome shape
    let mut k = m;
    let mut long = false;
    for j in (0..m).rev() {
        let v = &out[j];
        if v.class == Class::Blank {
            continue;
        }
        // (a bulleted line is a teaser's, not a post's)
        if !matches!(v.class, Class::Good | Class::NearGood)
            || flag(ruled, j)
            || marker(j)
            || chrome_shaped(&v.features)
            || v.features.bullet
        {
            break;
        }
        long |= v.class == Class::Good && v.features.words >= QUESTION_WORDS;
        k = j;
    }
    // the page's first post: above it no more prose than a title
    let above: u32 = (0..k)
        .filter(|&j| matches!(out[j].class, Class::Good | Class::NearGood))
        .map(|j| out[j].features.words)
        .sum();
    (k < m && long && above <= POST_TITLE_WORDS).then_some(k..m)
}

/// At least this many non-blank lines of a first post below the core's end, above the thread
/// (a list with its introducing line or a closing question: a single line there is as often
/// a share bar's or a teaser's).
const POST_TAIL_MIN_LINES: usize = 3;

/// At most this many non-blank lines of a first post below the core's end, above the thread.
const POST_TAIL_LINES: usize = 12;

/// The first post's tail on a page that is a thread of posts: the lines between the end of the
/// core and the comment thread's first marker (`Name said:`), when every one of them is the
/// post's (prose or a short line: a list of what the poster tried; no rule's removal, no
/// chrome shape, no comment marker) and the last ends a sentence (`Any ideas?`).
fn post_tail_above_thread(
    out: &[Verdict],
    ruled: &[bool],
    in_core: &[bool],
    in_thread: &[bool],
) -> Option<std::ops::Range<usize>> {
    let t = in_thread.iter().position(|&t| t)?;
    let e = in_core[..t].iter().rposition(|&c| c)?;
    let lines: Vec<usize> = (e + 1..t)
        .filter(|&j| out[j].class != Class::Blank)
        .collect();
    let last = *lines.last()?;
    let post_line = |j: usize| {
        let f = &out[j].features;
        out[j].class != Class::Bad
            && !ruled.get(j).copied().unwrap_or(false)
            && !f.comment_marker
            && !f.clock
            && !chrome_shaped(f)
    };
    (lines.len() >= POST_TAIL_MIN_LINES
        && lines.len() <= POST_TAIL_LINES
        && lines.iter().all(|&j| post_line(j))
        && out[last].features.terminal)
        .then_some(e + 1..t)
}

/// The weight of a comment thread's first marker in the core search: no run of prose outweighs
/// it, so the core ends above the thread (or lies within it, on a page that is mostly thread).
const THREAD_WALL: f32 = -1000.0;

/// Classifies every line of `doc`.
pub fn classify(doc: &Document, p: &Params) -> Vec<Verdict> {
    classify_vectors(doc, p).0
}

/// [`classify`], knowing which lines the specific rules already remove (`ruled[i]`) and which
/// of them are a comment widget's (`widget[i]`: `Комментарии (2)`, `رد`, headings and buttons
/// that mark a comment thread as its own headers and footers do).
pub fn classify_ruled(
    doc: &Document,
    p: &Params,
    ruled: &[bool],
    widget: &[bool],
    tails_cut: &[(usize, usize)],
) -> Vec<Verdict> {
    classify_lines(doc, p, ruled, widget, tails_cut, false).0
}

/// The verdicts with the line model's feature vectors: what `tools/fit_c001.py` fits on.
pub fn classify_vectors(doc: &Document, p: &Params) -> (Vec<Verdict>, Vec<[f32; model::N]>) {
    classify_lines(doc, p, &[], &[], &[], true)
}

/// Local classes, the line model, the core search, the headline rescue and the decisions with
/// context; also returns the line model's feature vectors when `vectors` is set (they are
/// the largest part of the classifier's memory per line, so they go once scored otherwise).
fn classify_lines(
    doc: &Document,
    p: &Params,
    ruled: &[bool],
    widget: &[bool],
    tails_cut: &[(usize, usize)],
    vectors: bool,
) -> (Vec<Verdict>, Vec<[f32; model::N]>) {
    let n = doc.n_lines();
    let mut scratch = String::new();
    let mut tails = tails_cut.iter().peekable();
    let feats: Vec<Features> = (0..n)
        .map(|i| {
            // a line whose tail a rule cuts (a heading's edit link) is judged without it
            let mut line = doc.line(i);
            while let Some(&&(at, start)) = tails.peek().filter(|(at, _)| *at <= i) {
                tails.next();
                if at == i {
                    line = line.get(..start).unwrap_or(line);
                }
            }
            if doc.is_blank(i) {
                return Features::default();
            }
            let mut f = features::extract(line, &mut scratch);
            // a menu whose entries narrow gaps join: each gap a separator, as a `|` would be
            if !doc.narrow_gaps.is_empty() {
                if let Some(entries) = spaced_menu(doc, i) {
                    f.spaced_menu = true;
                    f.separators += (entries - 1) as u32;
                }
            }
            f
        })
        .collect();
    let mut feats = feats;
    let live = live_entries(doc);
    let timed = timed_entries(doc);
    for &j in timed.iter().chain(&live) {
        // a chapter list's or a timeline's entry, not a comment's clock
        feats[j].clock = false;
        feats[j].comment_marker = feats[j].thread_marker;
    }
    // a transcript's time stamps head its turns, like a live blog's times its entries
    let transcripts = transcript_runs(doc);
    let mut live = live;
    for run in &transcripts {
        for j in run.clone() {
            feats[j].clock = false;
            feats[j].comment_marker = feats[j].thread_marker;
            if lone_stamp(doc.line(j)).is_some() {
                live.push(j);
            }
        }
    }
    if !transcripts.is_empty() {
        live.sort_unstable();
        live.dedup();
    }
    let mut live = live.into_iter().peekable();
    let langs = page_languages(&feats, p);
    // the features move into the verdicts (no second copy per line held to the end)
    let mut out: Vec<Verdict> = feats
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let f = &f;
            let heads_entry = live.next_if_eq(&i).is_some();
            let class = if doc.is_blank(i) {
                Class::Blank
            } else if heads_entry || f.digits > 0 && f.words <= 6 && is_version_heading(doc.line(i))
            {
                // a changelog's `4.1.3` or a live blog's `22:15` heads a section, like a
                // subheading
                Class::Short
            } else {
                local_class(f, &langs, p)
            };
            let mut score = weight(class, f, p);
            if f.comment_marker {
                score = score.min(-p.marker_penalty);
            }
            Verdict {
                class,
                score,
                remove: None,
                features: *f,
            }
        })
        .collect();

    join_broken_sentences(doc, &mut out, &langs, p);
    // a poem's or a song's stanzas, and a quotation's attribution line, are written in words
    verse::join_stanzas(doc, &mut out, ruled, &langs, p);
    verse::attach_attributions(doc, &mut out);
    // a table's rows (few function words, many numbers) are judged by their context, like
    // the items of a list
    let table = table_rows(doc, &out);
    for (v, _) in out.iter_mut().zip(&table).filter(|(_, &t)| t) {
        if v.class == Class::Bad && !chrome_shaped(&v.features) {
            v.class = Class::Short;
            v.score = -p.short_penalty;
        }
    }
    // and so is a list of terms on one line (a paper's keywords, a recipe's spices): a bad
    // line by its function words, no chrome by its shape
    for (i, v) in out.iter_mut().enumerate() {
        if v.class == Class::Bad
            && !chrome_shaped(&v.features)
            && !v.features.comment_marker
            && !v.features.clock
            && terms_line(doc.line(i))
        {
            v.class = Class::Short;
            v.score = -p.short_penalty;
        }
    }
    // so are a schedule's or a chapter list's entries (`21:00 Closing act: the Big Band (Main
    // stage)`): a row of names after a time is no chrome by itself, however many words it has,
    // and a long one must not break the run of short lines the list checks below judge
    for &j in &timed {
        let v = &mut out[j];
        if v.class == Class::Bad
            && v.features.words <= TABLE_ROW_WORDS
            && !v.features.comment_marker
            && !chrome_shaped(&v.features)
        {
            v.class = Class::Short;
            v.score = -p.short_penalty;
        }
    }

    // context: a short run between prose lines is a subheading or a short list, and cheap
    let page_keys = PageKeys::new();
    let mut w: Vec<f32> = out.iter().map(|v| v.score).collect();
    let prose = |c: Class| matches!(c, Class::Good | Class::NearGood);
    // the lists (longer than a short run) that bridge two prose lines
    let mut bridged: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if out[i].class != Class::Short {
            i += 1;
            continue;
        }
        let start = i;
        let mut shorts = 0;
        while i < n && matches!(out[i].class, Class::Short | Class::Blank) {
            shorts += u32::from(out[i].class == Class::Short);
            i += 1;
        }
        let before = (0..start)
            .rev()
            .map(|j| out[j].class)
            .find(|c| *c != Class::Blank);
        let after = out.get(i).map(|v| v.class);
        // a table, perhaps under a header row, a caption and a heading of the next part
        let lines = (start..i).filter(|&j| out[j].class != Class::Blank);
        let rows = lines.clone().filter(|&j| table[j]).count();
        let others = lines.filter(|&j| !table[j]).count();
        let tabled = rows >= TABLE_MIN_ROWS.max(2 * others) && others <= TABLE_OTHER_LINES;
        // a block of code or commands between prose lines is a how-to's own, however long
        let listed = tabled
            || (start..i).any(|j| out[j].features.code)
            || numbered_list(doc, &out, start, i)
            || timed_list(doc, &out, start, i)
            || introduced_list(doc, &out, start, i)
            || quantity_list(doc, &out, start, i)
            || labelled_list(doc, &out, ruled, start, i)
            || rows_over_list(doc, &out, ruled, &page_keys, &langs, start, i);
        // a list under a subheading, longer than a short run: the article's own
        let headed = shorts > p.gap_lines
            && shorts <= HEADED_LIST_LINES
            && headed_list(doc, &out, ruled, &page_keys, &langs, start, i);
        if (shorts <= p.gap_lines || listed || headed)
            && before.is_some_and(prose)
            && after.is_some_and(prose)
        {
            if listed || headed {
                bridged.push(start..i);
            }
            for j in start..i {
                if out[j].class == Class::Short {
                    // a list's items (numbered, introduced, quantities) are the article's own,
                    // and a table's rows (often many, each a cell's few words) cost half that
                    w[j] = if tabled {
                        -TABLE_ROW_COST
                    } else if listed {
                        -1.0
                    } else {
                        -p.gap_penalty
                    };
                    out[j].score = w[j];
                }
            }
        } else {
            // a page's line judged by its context alone (see [`unlisted_short`]) that no
            // article's run takes in (a long run of labels: a menu, a footer's links) is
            // chrome, as a line of its length is on a page with a stopword list
            for j in start..i {
                let v = &mut out[j];
                if v.class == Class::Short
                    && v.features.words >= p.short_words
                    && !v.features.code
                    && unlisted_short(&v.features, &langs)
                    && local_class(&v.features, &langs, p) == Class::Short
                {
                    v.class = Class::Bad;
                    v.score = weight(Class::Bad, &v.features, p);
                    w[j] = v.score;
                }
            }
        }
    }

    // the line model's log-odds join the hand weights, on the content side only: a line the
    // model thinks content weighs more (long lines the more), so an article's parts cut off by
    // chrome join its core; lowering lines the model thinks chrome cut short articles' tails
    let density: Vec<f32> = out.iter().map(|v| langs.density(&v.features)).collect();
    // each line's vector is scored as it is made (and kept only when the caller asks for them)
    let mut xs = if vectors {
        vec![[0.0f32; model::N]; n]
    } else {
        Vec::new()
    };
    let mut log_odds = vec![0.0f32; n];
    model::for_each_vector(&out, &density, |i, x| {
        log_odds[i] = model::score(x, p.model);
        if let Some(kept) = xs.get_mut(i) {
            *kept = *x;
        }
    });
    drop(density);
    for i in 0..n {
        if out[i].class == Class::Blank {
            continue;
        }
        let lo = log_odds[i].max(0.0);
        w[i] += lo * p.model_word_weight * (1.0 + out[i].features.words as f32).ln();
        out[i].score = w[i];
    }

    // a table of contents between the article's first lines and the rest costs little in the
    // core search (its entries go all the same: the subheadings follow below)
    let toc = toc_entries(doc, &out, ruled, &page_keys);
    for i in (0..n).filter(|&i| toc[i]) {
        w[i] = -1.0;
        out[i].score = w[i];
    }

    // the article core: the best-weighted run of lines, plus further runs that weigh enough
    let mut in_core = vec![false; n];
    // a comment thread below the article: from the first comment header or footer that follows
    // some prose and is confirmed by another one close below, prose weighs less, so that the
    // thread neither outweighs the article nor extends it
    // a line a specific rule removes is known chrome of a known extent: in the core search it
    // costs what a short line costs, whatever its own shape (a removed teaser paragraph adds no
    // weight, an ad marker inside the article is no stronger a barrier than a short line)
    for (i, _) in ruled.iter().enumerate().filter(|(_, r)| **r) {
        if i < n && out[i].class != Class::Blank {
            w[i] = -p.short_penalty;
        }
    }
    let in_thread = comment_thread(&out, &w, p, widget);
    for i in 0..n {
        if in_thread[i] && w[i] > 0.0 {
            w[i] *= p.thread_weight;
            out[i].score = w[i];
        }
    }
    // the thread's first marker is a wall: the article core does not run on into the comments
    // (a toolbar or a byline between them, once removed by a rule, is too weak a barrier)
    if let Some(s) = in_thread.iter().position(|&t| t).filter(|&s| s > 0) {
        w[s] = w[s].min(THREAD_WALL);
    }
    let mut first: Option<f32> = None;
    let mut core_sum = 0.0f32;
    // lines no further run may take: the core's, and (once the core lies above the thread)
    // the comment thread's, so that a heavy thread does not join as a second region
    let mut taken = in_core.clone();
    for _ in 0..MAX_CORE_RUNS {
        let Some((a, b, s)) = best_run(&w, &taken) else {
            break;
        };
        match first {
            None => {
                first = Some(s);
                if !in_thread[a] {
                    for (t, &th) in taken.iter_mut().zip(&in_thread) {
                        *t |= th;
                    }
                }
            }
            Some(f0) if s < f0 * p.extra_core_share || s < p.extra_core_min => break,
            Some(_) => {}
        }
        in_core[a..b].iter_mut().for_each(|c| *c = true);
        taken[a..b].iter_mut().for_each(|c| *c = true);
        core_sum += s;
    }
    // a page of many items (a catalogue, a link list, a log, an index of abstracts): when the
    // prose left outside the core outweighs the core, the core is one item among many, and
    // every region of prose outside the comment thread joins it
    let outside: f32 = (0..n)
        .filter(|&i| !in_core[i] && !in_thread[i])
        .map(|i| w[i].max(0.0))
        .sum();
    if first.is_some() && outside > p.item_page_share * core_sum {
        let mut taken: Vec<bool> = (0..n).map(|i| in_core[i] || in_thread[i]).collect();
        for _ in 0..MAX_CORE_RUNS {
            match best_run(&w, &taken) {
                Some((a, b, s)) if s >= p.item_min => {
                    in_core[a..b].iter_mut().for_each(|c| *c = true);
                    taken[a..b].iter_mut().for_each(|c| *c = true);
                }
                _ => break,
            }
        }
    }
    // a list that bridges two prose lines of the article (a schedule, steps, a list under a
    // subheading) is the article's, even where its lines cost more than the prose below it
    // weighs (a long list above a last short paragraph the core search takes as a second run)
    for run in bridged {
        let above = (0..run.start).rev().find(|&j| out[j].class != Class::Blank);
        let below = (run.end..n).find(|&j| out[j].class != Class::Blank);
        if above.is_some_and(|j| in_core[j]) && below.is_some_and(|j| in_core[j]) {
            in_core[run].iter_mut().for_each(|c| *c = true);
        }
    }
    // a headed list right above a run of the core (a recipe's ingredients over its steps,
    // perhaps under its times and servings) is the article's, however little it weighs there
    if first.is_some() {
        let starts: Vec<usize> = (0..n)
            .filter(|&i| {
                in_core[i]
                    && (0..i)
                        .rev()
                        .find(|&j| out[j].class != Class::Blank)
                        .is_some_and(|j| !in_core[j])
            })
            .collect();
        for c0 in starts {
            let run = list_above(doc, &out, ruled, &in_thread, &page_keys, &langs, c0);
            in_core[run].iter_mut().for_each(|c| *c = true);
        }
    }
    // no prose anywhere (a short note, a caption, a list): nothing anchors a judgement, so the
    // classifier leaves the document to the rules rather than emptying it
    if first.is_none() {
        return (out, xs);
    }
    // a run of records the core touches (a job board's ads, a race calendar's events: blocks
    // of the same field rows, most with a line of prose) is the page's own data, every record
    // of it, field rows and titles included (see [`records`]); a run that comes to touch the
    // core through another one joins too
    let mut in_record = vec![false; n];
    let runs = records::record_runs(doc, &out, ruled, &in_thread);
    let mut joined = vec![false; runs.len()];
    loop {
        let mut grew = false;
        for (run, joined) in runs.iter().zip(joined.iter_mut()).filter(|(_, j)| !**j) {
            let above = (0..run.span.start)
                .rev()
                .find(|&j| out[j].class != Class::Blank);
            let below = (run.span.end..n).find(|&j| out[j].class != Class::Blank);
            let touches = in_core[run.span.clone()].iter().any(|&c| c)
                || above.is_some_and(|j| in_core[j])
                || below.is_some_and(|j| in_core[j]);
            if touches {
                for &j in &run.data {
                    in_core[j] = true;
                    in_record[j] = true;
                }
                *joined = true;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    // a thread of posts: its first post (the question) is content, above the core as below it
    for posted in [
        question_above_core(&out, ruled, widget, &in_core),
        post_tail_above_thread(&out, ruled, &in_core, &in_thread),
    ]
    .into_iter()
    .flatten()
    {
        in_core[posted].iter_mut().for_each(|c| *c = true);
    }
    // an interview or a transcript the core reaches into is the article, every turn of it (a
    // last short answer, `Vogt: Ja.`, would otherwise fall outside the core, and a
    // transcript's stamps with it), and so is a sentence right below its last turn (who held
    // it, `Das Gespräch führte ...`, `This interview has been edited.`)
    let unruled = |j: usize| !ruled.get(j).copied().unwrap_or(false) && !in_thread[j];
    for run in interview_runs(doc).into_iter().chain(transcripts) {
        if !(run.clone().all(unruled) && in_core[run.clone()].iter().any(|&c| c)) {
            continue;
        }
        let end = run.end;
        in_core[run].iter_mut().for_each(|c| *c = true);
        if let Some(j) = (end..n).find(|&j| out[j].class != Class::Blank) {
            let f = &out[j].features;
            let closing = unruled(j)
                && f.words >= SHORT_SENTENCE_WORDS
                && f.links == 0
                && !f.comment_marker
                && !f.clock
                && !chrome_shaped(f)
                && doc.line(j).trim_end().ends_with('.');
            in_core[j] |= closing;
        }
    }
    // the article's last sections: when everything below the core is prose and the short lines
    // between prose lines (subheadings, a short list), up to the end of the document, with no
    // sign of chrome (a chrome-shaped line, a line a rule removes, a comment marker, a
    // separator or a link in a prose line), nothing but the article is there to end it (a dump
    // of extracted articles has no footer); at least two paragraphs of [`PARAGRAPH_WORDS`]
    // words, not an author's one-line bio or a teaser's two
    if let Some(last) = in_core.iter().rposition(|&c| c) {
        let below = last + 1..n;
        let clean = below.clone().all(|i| {
            let v = &out[i];
            v.class == Class::Blank
                || !ruled.get(i).copied().unwrap_or(false)
                    && !v.features.comment_marker
                    && !in_thread[i]
                    && match v.class {
                        Class::Good | Class::NearGood => {
                            v.features.separators == 0 && v.features.links == 0
                        }
                        // a subheading or a list item between prose lines (it costs less
                        // than a short line there), or a short sentence
                        Class::Short => {
                            w[i] > -p.short_penalty
                                || v.features.code
                                || v.features.terminal && !chrome_shaped(&v.features)
                        }
                        Class::Bad | Class::Blank => false,
                    }
        });
        let paragraphs = below
            .clone()
            .filter(|&i| prose(out[i].class) && out[i].features.words >= PARAGRAPH_WORDS)
            .count();
        if clean && paragraphs >= 2 {
            in_core[below].iter_mut().for_each(|c| *c = true);
        }
    }

    // the document's last line, a sentence right below the core, perhaps under a last block of
    // code (`Serves 8. Prep time 15 minutes.`, `That is all there is to it.`), under a
    // dateline (`6 December 2026, 10:45`, a line R021 reads as a date, with no commenter's
    // name or reply label around it) or under a question when the core is questions and their
    // answers (an FAQ's last pair, `How do I pay?` / `By card or bank transfer.`): nothing
    // follows to end the article
    if let Some(last) = in_core.iter().rposition(|&c| c) {
        let below: Vec<usize> = (last + 1..n)
            .filter(|&j| out[j].class != Class::Blank)
            .collect();
        let dateline = |k: usize| {
            !out[k].features.thread_marker
                && crate::rules::dateline::parse_dateline(doc.line(k)).is_some()
        };
        // an FAQ's last pairs: every line below is a question and its answer, in turn, and
        // the core answers questions too
        let question = |k: usize| faq_question(doc, &out, ruled, &in_thread, k);
        let answer = |k: usize| faq_answer(doc, &out, ruled, &in_thread, k);
        if below.first().is_some_and(|&k| question(k))
            && below.len().is_multiple_of(2)
            && below.chunks(2).all(|p| question(p[0]) && answer(p[1]))
            && asked_and_answered(doc, &out, &in_core) >= FAQ_PAIRS
        {
            for &k in &below {
                in_core[k] = true;
            }
        }
        if let Some((&j, between)) = below.split_last() {
            let f = &out[j].features;
            let code = between
                .iter()
                .all(|&k| out[k].features.code && !ruled.get(k).copied().unwrap_or(false));
            let dated = matches!(between, [k] if dateline(*k));
            if (code || dated)
                && f.terminal
                && f.words >= SHORT_SENTENCE_WORDS
                && f.links == 0
                && !chrome_shaped(f)
                && !f.comment_marker
                && !in_thread[j]
                && !ruled.get(j).copied().unwrap_or(false)
            {
                for k in below {
                    in_core[k] = true;
                }
            }
        }
    }

    // a table of properties under a subheading right below the core (`Specifications` /
    // `Pump pressure: 15 bar` / `Water tank: 2.0 litres` / ...): a product's or a place's data,
    // the article's last section
    let mut spec = vec![false; n];
    let below = Below {
        doc,
        out: &out,
        ruled,
        in_thread: &in_thread,
    };
    if let Some(last) = in_core.iter().rposition(|&c| c) {
        for j in spec_table_below(below, last) {
            in_core[j] = true;
            spec[j] = true;
        }
    }

    // a changelog the core reaches into is the article, every release of it under its version
    for (j, _) in release_sections(doc, &out, ruled, &in_thread, &in_core)
        .iter()
        .enumerate()
        .filter(|(_, &r)| r)
    {
        in_core[j] = true;
    }

    // a timeline the core reaches into is the article's, every entry of it (its last entries'
    // short lines, `June 2025` / `Work starts.`, would otherwise fall outside the core), and so
    // is a ticker's run of timed entries (`63' Post!`, `1' Kick-off!`)
    // (a ticker's entries are sentences, mostly: a list of timed headlines is no ticker)
    let timed_runs = timed
        .chunk_by(|a, b| (a + 1..*b).all(|k| doc.is_blank(k)))
        .filter(|r| 2 * r.iter().filter(|&&j| out[j].features.terminal).count() >= r.len())
        .map(|r| r[0]..r[r.len() - 1] + 1);
    for run in crate::rules::dateline::timelines(doc)
        .iter()
        .cloned()
        .chain(timed_runs)
    {
        let whole = run
            .clone()
            .all(|j| !ruled.get(j).copied().unwrap_or(false) && !in_thread[j]);
        if whole && in_core[run.clone()].iter().any(|&c| c) {
            in_core[run].iter_mut().for_each(|c| *c = true);
        }
    }

    // the article's next sections right below the core (a recipe's notes and nutrition, a
    // closing sentence, a closing list of tips): sentences and rows of properties, each
    // section perhaps under its subheading, or a list ended by chrome (see [`list_below`])
    if let Some(mut last) = in_core.iter().rposition(|&c| c) {
        loop {
            let mut section = section_below(below, last);
            if section.is_empty() {
                section = list_below(below, &page_keys, &langs, last);
            }
            let Some(&end) = section.last() else {
                break;
            };
            for &j in &section {
                in_core[j] = true;
                spec[j] = true;
            }
            last = end;
        }
    }

    // the author's sign-off right below a run of the article (`x Franzi`, `Cheers,` / `Tom`)
    let run_ends: Vec<usize> = (0..n)
        .filter(|&i| {
            in_core[i]
                && (i + 1..n)
                    .find(|&j| out[j].class != Class::Blank)
                    .is_none_or(|j| !in_core[j])
        })
        .collect();
    for last in run_ends {
        for j in sign_off_below(below, last) {
            in_core[j] = true;
            spec[j] = true;
        }
    }

    // a numbered list the core holds part of is the article's own, all of it: a step that only
    // lists ingredients or tools (few function words, a bad line) still belongs to its list
    let listed = whole_numbered_lists(doc, &out, &in_core, &in_thread);
    // a forum thread's replies are its content
    let (posted, post_header) = thread_posts(doc, &out, &in_core, ruled);

    // a headline, byline or dateline right above a core run belongs to the article
    let mut head = vec![false; n];
    for i in 0..n {
        if in_core[i] && (i == 0 || !in_core[i - 1]) {
            let mut seen = 0;
            let mut skipped = 0;
            // the core may open with the headline itself
            // (or with a changelog's first version heading: a heading all the same)
            // (`Artist – Song title`, a dash after a short name, heads an article too)
            let mut headline_below = out[i].features.words >= 3
                && !out[i].features.terminal
                && (headline_shaped_line(doc.line(i), &out[i].features)
                    || dash_headline(doc.line(i), &out[i].features))
                || out[i].class == Class::Short
                    && out[i].features.digits > 0
                    && is_version_heading(doc.line(i));
            let mut j = i;
            while j > 0 && seen < p.head_window {
                j -= 1;
                if out[j].class == Class::Blank {
                    continue;
                }
                let f = &out[j].features;
                if !in_core[j] && f.words == 0 {
                    // a bare bullet or a rule: nothing to count
                    continue;
                }
                if !in_core[j] && dateline_shaped(f) {
                    // a dateline between headline and text: look past it (it goes)
                    seen += 1;
                    continue;
                }
                if seen == 0
                    && ruled.get(j).copied().unwrap_or(false)
                    && f.words <= SHARE_LABEL_WORDS
                    && skipped < SHARE_LABELS_SKIPPED
                {
                    // a share bar the rules remove right above the text
                    skipped += 1;
                    continue;
                }
                if in_core[j]
                    || !headline_shaped_line(doc.line(j), &out[j].features)
                    || out[j].class == Class::Bad && out[j].features.words > 20
                {
                    break;
                }
                if chrome_shaped(&out[j].features)
                    || headline_below && menu_item_above(&out, ruled, j)
                {
                    break;
                }
                head[j] = true;
                // a headline (not a sentence) is what a menu's last entries sit on
                headline_below = out[j].features.words >= 3 && !out[j].features.terminal;
                seen += 1;
            }
        }
    }

    // position: a headline-shaped first line a few lines above the first core line is the title
    // (UI labels between the two are for the other rules to judge; lines the rules remove do
    // not count). When rules removed lines above it (`Skip to content`, `Home`), a line of one
    // or two words is the menu's next item (`News`), not the page's title.
    let unjudged =
        |j: usize| out[j].class != Class::Blank && !ruled.get(j).copied().unwrap_or(false);
    let first = (0..n).find(|&i| unjudged(i)).filter(|&i| {
        let after_ruled = (0..i).any(|j| out[j].class != Class::Blank);
        (!after_ruled || out[i].features.words >= 3) && !opens_a_menu(&out, i)
    });
    let core_start = in_core.iter().position(|&c| c);
    if let (Some(f0), Some(c0)) = (first, core_start) {
        let between = (f0 + 1..c0).filter(|&j| unjudged(j)).count();
        let fx = &out[f0].features;
        if f0 < c0
            && between <= p.title_reach as usize
            && headline_shaped_line(doc.line(f0), fx)
            && !chrome_shaped(fx)
            && !fx.comment_marker
            && !fx.terminal
        {
            head[f0] = true;
        }
    }

    // the core's vocabulary, for a headline the walk above did not reach and for long prose
    // lines outside the core
    let mut scratch = String::new();
    let vocabulary = std::cell::OnceCell::new();
    let core_words = || vocabulary.get_or_init(|| core_vocabulary(doc, &out, &in_core));
    let mut seen = rustc_hash::FxHashSet::default();

    // a headline above the article's first lines that the walk did not reach (a standfirst, a
    // byline and a share bar between them): the nearest headline-shaped line of a few words
    // within reach whose long words are mostly the article's own
    if let Some(c0) = core_start {
        // (a byline's two or three words are no headline, nor a dateline's, nor a widget's
        // label that a rule removes: `分享到：微信 微博 QQ空间`)
        let headline_found = (0..c0).any(|j| {
            let f = &out[j].features;
            head[j]
                && f.words >= HEADLINE_MIN_WORDS
                && !f.terminal
                && f.digits == 0
                && !ruled.get(j).copied().unwrap_or(false)
        });
        if !headline_found {
            let mut found_by_words = false;
            let candidates = (0..c0)
                .rev()
                .filter(|&j| {
                    // (a bare bullet or rule is no line a headline could be)
                    out[j].class != Class::Blank
                        && out[j].features.words > 0
                        && !ruled.get(j).copied().unwrap_or(false)
                })
                .take(HEADLINE_REACH);
            for j in candidates {
                let f = &out[j].features;
                if f.words < HEADLINE_MIN_WORDS
                    || item_number(doc.line(j)).is_some()
                    || !(headline_shaped_line(doc.line(j), f) || kicker_headline(doc.line(j), f))
                    || chrome_shaped(f)
                    || f.comment_marker
                {
                    continue;
                }
                let v = core_words();
                let (shared, distinct) = shared_words(doc.line(j), v, &mut seen, &mut scratch);
                if shared >= 2 && shared * 2 >= distinct {
                    head[j] = true;
                    found_by_words = true;
                    // a standfirst (a sentence with a full stop) stands under the headline: look
                    // on above it; a question or a cry is the headline itself
                    if !doc.line(j).trim_end().ends_with(features::FULL_STOPS) {
                        break;
                    }
                }
            }
            // its words are mostly not the text's (another inflection: `робототехники` over
            // `робототехника`): the headline over the head block, found by its place, when at
            // least one of its long words is the text's, or it has none to compare (a menu's
            // or a widget's line shares none)
            if !found_by_words {
                if let Some(j) = headline_over_head_block(doc, &out, ruled, &in_core, c0) {
                    let v = core_words();
                    let (shared, distinct) = shared_words(doc.line(j), v, &mut seen, &mut scratch);
                    head[j] = shared >= 1 || distinct == 0;
                }
            }
        }
    }

    // a headline right under a breadcrumb or a menu, above a head block longer than the head
    // window (a date, a place, a price between it and the text)
    if let Some(c0) = core_start {
        if let Some(j) = headline_under_menu(doc, &out, ruled, &in_core, c0) {
            head[j] = true;
        }
    }

    let topic_candidate = |i: usize| {
        !in_core[i]
            && !in_thread[i]
            && !head[i]
            && out[i].class == Class::Good
            && out[i].features.words >= p.topic_keep_words
    };
    let mut on_topic = vec![false; n];
    for i in (0..n).filter(|&i| topic_candidate(i)) {
        let v = core_words();
        let (shared, distinct) = shared_words(doc.line(i), v, &mut seen, &mut scratch);
        on_topic[i] = distinct > 0 && shared as f32 >= p.topic_keep_share * distinct as f32;
    }

    // decisions with context; a short line reads the nearest decided class (Good, NearGood or
    // Bad) on each side, found for every line in one pass each way (a scan per line was
    // quadratic in a long run of short lines, such as a pasted code block)
    let decided = |c: Class| matches!(c, Class::Good | Class::NearGood | Class::Bad);
    let mut decided_above: Vec<Option<Class>> = Vec::with_capacity(n);
    let mut last = None;
    for v in &out {
        decided_above.push(last);
        if decided(v.class) {
            last = Some(v.class);
        }
    }
    let mut decided_below: Vec<Option<Class>> = vec![None; n];
    let mut last = None;
    for i in (0..n).rev() {
        decided_below[i] = last;
        if decided(out[i].class) {
            last = Some(out[i].class);
        }
    }
    // with `--keep-comments`, the replies: from the comment thread's start, or from the first
    // comment marker below the core's first line when no thread was confirmed (a forum's
    // `Name schrieb:` under a short first post)
    let replies_from = if p.keep_comments {
        let thread = in_thread.iter().position(|&t| t).unwrap_or(n);
        core_start
            .and_then(|c0| {
                (c0..thread).find(|&j| {
                    out[j].features.thread_marker || widget.get(j).copied().unwrap_or(false)
                })
            })
            .unwrap_or(thread)
    } else {
        n
    };
    for i in 0..n {
        let v = out[i];
        if v.class == Class::Blank {
            continue;
        }
        let reason = if toc[i] {
            Some(Reason::TableOfContents)
        } else if post_header[i] {
            Some(Reason::PostHeader)
        } else if spec[i] || in_record[i] {
            // a row of a table of properties, whatever its shape (`Power: 1,600 W`), and a
            // record's field row or title
            None
        } else if !in_core[i] {
            let keep = head[i]
                || on_topic[i]
                || listed[i]
                || posted[i]
                || (p.keep_comments
                    && i >= replies_from
                    && comment_text(&v, decided_above[i], decided_below[i]))
                || (v.class == Class::Good
                    && v.features.words >= p.outside_keep_words
                    && !in_thread[i]);
            (!keep).then_some(if in_thread[i] {
                Reason::CommentThread
            } else {
                Reason::OutsideCore
            })
        } else {
            match v.class {
                Class::Good | Class::NearGood | Class::Blank => None,
                // a sentence inside the article (a reference, a footnote, a figure's line):
                // few function words, but it ends like prose and has no chrome shape
                Class::Bad
                    if v.features.terminal
                        && !chrome_shaped(&v.features)
                        && !v.features.comment_marker
                        && !v.features.clock =>
                {
                    None
                }
                // a subheading around a dash (`Holland – a nation of traders`) over its
                // section's prose
                Class::Bad if dash_subheading(doc, &out, &in_core, i) => None,
                // an address the sentence above gives (`... write to:` / `tips@example.org`)
                Class::Bad if introduced_address(&out, &in_core, i) => None,
                Class::Bad => Some(Reason::ChromeInCore),
                Class::Short => (decided_above[i] == Some(Class::Bad)
                    && decided_below[i] == Some(Class::Bad))
                .then_some(Reason::ShortInChrome),
            }
        };
        // a spaced menu goes as what it is
        out[i].remove = match reason {
            Some(Reason::OutsideCore | Reason::ChromeInCore | Reason::ShortInChrome)
                if v.features.spaced_menu =>
            {
                Some(Reason::SpacedMenu)
            }
            r => r,
        };
    }
    for i in items_between_kept_items(doc, &out, ruled) {
        out[i].remove = None;
    }
    (out, xs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of the long-word walks, over a line with a scratch string.
    type LongWordWalk = fn(&str, &mut String, &mut dyn FnMut(&str));

    fn long_words(line: &str, each: LongWordWalk) -> Vec<String> {
        let mut found = Vec::new();
        each(line, &mut String::new(), &mut |w| found.push(w.to_string()));
        found
    }

    #[test]
    fn long_word_hashes_are_the_hashes_of_the_lowercase_long_words() {
        for line in [
            "",
            "Council approves the new HARBOUR plan, at last.",
            "abcdefgh ABCDEFGHIJKLMNOP x1234567 Xy9Zw8Vu7Ts6",
            "“Harbour” walls’ RENOVATION—début, Straße x12345",
            "成都地铁30号线，今日開通した",
        ] {
            let mut hashes = Vec::new();
            for_long_word_hashes(line, &mut String::new(), |h| hashes.push(h));
            let words = long_words(line, |l, s, f| for_long_words(l, s, f));
            let of_words: Vec<u64> = words
                .iter()
                .map(|w| long_word_hash(w.as_bytes(), false))
                .collect();
            assert_eq!(hashes, of_words, "{line:?}");
        }
        // case is folded, and words that differ in any byte differ
        assert_eq!(
            long_word_hash(b"HarBour", true),
            long_word_hash(b"harbour", false)
        );
        assert_ne!(
            long_word_hash(b"harbour", false),
            long_word_hash(b"harbous", false)
        );
        assert_ne!(
            long_word_hash(b"harbour", false),
            long_word_hash(b"harbour0", false)
        );
    }

    fn language_of(lines: &[&str]) -> Option<&'static str> {
        let mut scratch = String::new();
        let feats: Vec<Features> = lines
            .iter()
            .map(|l| features::extract(l, &mut scratch))
            .collect();
        dominant_language(&feats).map(|l| LANGS.get(l).copied().unwrap_or("unknown"))
    }

    #[test]
    fn the_page_language_is_the_list_with_most_hits() {
        // close neighbours (ru/uk, cs/sk, hr) each have their own list
        let pages: [(&str, &[&str]); 5] = [
            ("pl", &[
                "Największy okręt marynarki szykuje się do rejsu, a to ma być powrót potęgi.",
                "Z perspektywy sojuszników to nowa jakość i siła, ale także sygnał zmiany.",
                "Dla przeciwników jest to ostrzeżenie, że kraj odbudowuje siły na morzu.",
            ]),
            ("ru", &[
                "Он сказал, что это было не так, и мы не знали, что делать.",
                "Когда она пришла, все уже были там, и никто не мог понять почему.",
            ]),
            ("uk", &[
                "Він сказав, що це було не так, і ми не знали, що робити далі.",
                "Коли вона прийшла, всі вже були там, але ніхто не міг пояснити чому.",
            ]),
            ("sk", &[
                "Mesto povedalo, že nová cesta bude hotová až na jeseň, ale ľudia sú netrpezliví.",
                "Podľa starostu sa práce začnú v máji a budú trvať aj cez leto.",
            ]),
            ("hr", &[
                "Gradonačelnik je rekao da će radovi na cesti početi u svibnju i trajati do jeseni.",
                "Građani su zadovoljni, ali se boje da će gužve ljeti biti još veće nego prije.",
            ]),
        ];
        for (code, lines) in pages {
            assert_eq!(language_of(lines), Some(code), "{lines:?}");
        }
        // an English page of text-browser menus: the `o` bullets count for no language
        let mut menu = vec!["o Garage Door and Basement Sealing Expert"; 30];
        menu.push("The council said on Monday that the plan would go ahead in the spring.");
        assert_eq!(language_of(&menu), Some("en"));
    }

    /// A page with no prose line anywhere (a shop's menu, a product grid, a footer): no run of
    /// lines weighs anything in the core search, so nothing anchors a judgement and the
    /// classifier removes none of its lines (the rules remove the chrome they know).
    #[test]
    fn a_page_without_a_prose_line_is_left_to_the_rules() {
        let text = "Home\nShop\nOur stores\nContact\n\nWool scarves\n\nRed wool scarf\n24.90 EUR\n\
                    Grey wool scarf\n22.50 EUR\nBlue wool scarf\n26.00 EUR\n\n\
                    Imprint | Privacy | Cookies\n";
        let doc = Document::from_text(text.to_string(), 1, 0);
        for strictness in [Strictness::Low, Strictness::Normal, Strictness::High] {
            let verdicts = classify(&doc, &Params::for_strictness(strictness));
            assert!(verdicts
                .iter()
                .all(|v| !matches!(v.class, Class::Good | Class::NearGood)));
            assert!(verdicts.iter().all(|v| v.remove.is_none()), "{verdicts:#?}");
        }
    }

    #[test]
    fn with_no_stopword_list_a_long_line_of_names_is_no_prose() {
        let mut scratch = String::new();
        let unknown = Some(LANG_UNKNOWN);
        let tags = features::extract(
            "Aachen Agfa Vista 400 Australien Berlin Carl Chuck CineStill 800 Deutschland Filmswap Fuji Kodak",
            &mut scratch,
        );
        assert!(stop_density(&tags, unknown) < 0.15);
        let prose = features::extract(
            "Kemarin sore hujan deras turun di kota dan banyak jalan tergenang air sampai malam hari",
            &mut scratch,
        );
        assert!(stop_density(&prose, unknown) >= 0.2);
    }

    /// In a language of endings a sentence with few function words is still prose: sentence
    /// shape counts beside the list; in a Slavic one the list's density counts more; elsewhere
    /// the list alone decides.
    #[test]
    fn languages_of_endings_count_sentence_shape_too() {
        let mut scratch = String::new();
        let lang = |code: &str| LANGS.iter().position(|&l| l == code);
        let turkish = features::extract(
            "Esnaf endişeli, çünkü inşaat alanına yakın dükkân sahipleri müşteri kaybından korkuyor.",
            &mut scratch,
        );
        assert!(turkish.stop_density(lang("tr").unwrap()) < 0.15);
        assert!(stop_density(&turkish, lang("tr")) >= 0.3);
        let english = features::extract(
            "Shares rose sharply today across Asian markets despite weak export figures.",
            &mut scratch,
        );
        let en = stop_density(&english, lang("en"));
        assert!(en < 0.15, "{en}");
        // a Slavic language has no articles: its density counts half as much again
        let ukrainian = features::extract(
            "Фонд бібліотеки налічує понад двадцять тисяч видань, серед яких багато книжок для дітей.",
            &mut scratch,
        );
        let uk = lang("uk").unwrap();
        let listed = ukrainian.stop_density(uk);
        assert!(listed > 0.1 && listed < 0.25, "{listed}");
        assert_eq!(stop_density(&ukrainian, Some(uk)), listed * 1.5);
    }

    #[test]
    fn second_copies_are_the_pairs_copies_finds() {
        let text = "Contents of the page\nWhy the ferry came back\nWhat the harbour says\n\
                    How the town voted\n\nWhy the ferry came back\nThe text of the first part.\n\n\
                    What the harbour says\nWhat the harbour says\nHow the town voted\n\
                    How the town voted\nHow the town voted\nA line printed once\n";
        let doc = Document::from_text(text.to_string(), 1, 0);
        let keys = PageKeys::new();
        let second = keys.second_copies(&doc);
        assert_eq!(second.len(), doc.n_lines());
        for (i, &s) in second.iter().enumerate() {
            let pair = match keys.copies(&doc, doc.info(i).key) {
                [(_, first), (_, other)] if !doc.is_blank(i) && *first == i => Some(*other),
                _ => None,
            };
            assert_eq!(s, pair, "line {i}");
        }
        // printed twice, three times and four times
        assert_eq!(second[1], Some(5));
        assert_eq!((second[2], second[3], second[13]), (None, None, None));
    }

    #[test]
    fn has_ascii_digit_is_any_byte_an_ascii_digit() {
        let lines = [
            "",
            "no digit at all in this rather long line of plain words",
            "a digit at the very end of a line longer than one block 7",
            "9 at the start",
            "in the second block of sixteen bytes: 12 of them",
            "٣ Arabic-Indic digits are no ASCII digits ٤٥٦ nor are ² and ½",
            "0123456789abcdef0",
        ];
        for line in lines {
            assert_eq!(
                has_ascii_digit(line.as_bytes()),
                line.bytes().any(|b| b.is_ascii_digit()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn list_items_open_with_a_number_and_a_dot_or_bracket() {
        assert_eq!(item_number("7. Serve warm."), Some(7));
        assert_eq!(item_number("  12) Done"), Some(12));
        assert_eq!(item_number("3."), Some(3));
        for line in [
            "2.5 kg of flour",
            "1984 was a year",
            "No. 5",
            "7.Serve",
            "1234. x",
        ] {
            assert_eq!(item_number(line), None, "{line}");
        }
    }

    #[test]
    fn list_items_give_their_mark_with_their_number() {
        assert_eq!(item_mark("7. Serve warm."), Some((7, b'.')));
        assert_eq!(item_mark("  12) Done"), Some((12, b')')));
        assert_eq!(item_mark("3.5 litres"), None);
        assert_eq!(item_mark("1234. Too long"), None);
    }

    /// A short German article around a numbered list: `{a}`, `{b}` and `{c}` are the marks of
    /// its three items, `{item}` the middle item's text (a bad line: no function words).
    fn breakfast_list(a: &str, b: &str, c: &str, item: &str) -> String {
        format!(
            "Wer morgens gut isst, kommt leichter durch den Vormittag. Die Ernährungsberaterin \
             Jana Weiß hat für uns zusammengefasst, worauf es bei der ersten Mahlzeit des Tages \
             wirklich ankommt und welche Fehler sich leicht vermeiden lassen.\n\
             {a} Nehmen Sie sich Zeit und essen Sie im Sitzen, nicht nebenbei im Auto oder am \
             Schreibtisch.\n\
             {b} {item}\n\
             {c} Kombinieren Sie Vollkorn mit etwas Eiweiß, damit der Hunger nicht schon nach \
             einer Stunde zurückkommt.\n\
             Wer diese Regeln beherzigt, braucht keine teuren Spezialprodukte. Ein einfaches \
             Müsli mit Joghurt und Beeren erfüllt die meisten davon bereits, sagt Weiß, und es \
             lässt sich am Vorabend vorbereiten.\n"
        )
    }

    const TERSE_ITEM: &str = "Vollkornbrot statt Toastbrot, Marmelade nur sparsam";

    #[test]
    fn a_terse_item_between_kept_items_of_its_list_stays() {
        for (a, b, c) in [("2.", "3.", "4."), ("2)", "3)", "4)")] {
            let r = reasons(&breakfast_list(a, b, c, TERSE_ITEM));
            assert_eq!(r[2].0, format!("{b} {TERSE_ITEM}"));
            assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // one kept neighbour is enough, above or below
        for (a, b, c) in [("2.", "3.", "9."), ("1.", "3.", "4.")] {
            let r = reasons(&breakfast_list(a, b, c, TERSE_ITEM));
            assert_eq!(r[2], (format!("{b} {TERSE_ITEM}"), None), "{r:#?}");
        }
        // a row of separators stays chrome, even in the list
        let row = "Start | Rezepte | Kontakt | Suche";
        let r = reasons(&breakfast_list("2.", "3.", "4.", row));
        assert_eq!(
            r[2],
            (format!("3. {row}"), Some(Reason::ChromeInCore)),
            "{r:#?}"
        );
    }

    #[test]
    fn a_terse_item_needs_a_kept_neighbour_of_its_own_list() {
        // neighbours of another mark, or numbered out of order, are another list
        for (a, b, c) in [("2)", "3.", "4)"), ("5.", "3.", "7.")] {
            let r = reasons(&breakfast_list(a, b, c, TERSE_ITEM));
            assert_eq!(
                r[2],
                (format!("{b} {TERSE_ITEM}"), Some(Reason::ChromeInCore)),
                "{r:#?}"
            );
        }
    }

    /// The time a line opens with when two or more words follow it.
    fn leading_time(line: &str) -> Option<u32> {
        timed_line(line)
            .filter(|&(_, words)| words >= 2)
            .map(|(t, _)| t)
    }

    #[test]
    fn chapter_entries_open_with_a_time_and_words() {
        assert_eq!(leading_time("02:15 Why glaciers make noise"), Some(135));
        assert_eq!(leading_time("1:02:15 Meltwater and moulins"), Some(3735));
        assert_eq!(leading_time("14:32 – Pegel steigt weiter"), Some(872));
        for line in [
            "14:32",
            "12:30 Reply",
            "2:75 bad minutes here",
            "123:00 too many digits",
            "Anna 12:30 said this",
            "3.5 stars for the film",
        ] {
            assert_eq!(leading_time(line), None, "{line}");
        }
        let doc = Document::from_text(
            "In this episode\n00:00 Cold open: an icequake\n02:15 Why glaciers make noise\n\
             09:40 The first recordings\nAnna 12:30\nGreat episode!\n18:05 Reply now please\n"
                .to_string(),
            1,
            0,
        );
        // three rising entries; a lone clock line between comments is none
        assert_eq!(timed_entries(&doc), vec![1, 2, 3]);
        // a schedule with a one-word entry among longer ones; one-word entries alone are none
        let doc = Document::from_text(
            "20:00 Ravel: a suite\n20:40 Interval\n21:00 Debussy: a prelude\n\n\
             Anna\n12:30 Reply\n12:45 Reply\n13:05 Reply\n"
                .to_string(),
            1,
            0,
        );
        assert_eq!(timed_entries(&doc), vec![0, 1, 2]);
        assert_eq!(timed_line("20:40 Interval"), Some((20 * 60 + 40, 1)));
        assert_eq!(leading_time("20:40 Interval"), None);
    }

    #[test]
    fn a_ticker_s_minute_marks_are_entry_times() {
        assert_eq!(minute_mark("45'"), Some(45 * 60));
        assert_eq!(minute_mark("45'+2"), Some(45 * 60 + 2));
        assert_eq!(minute_mark("90+4'"), Some(90 * 60 + 4));
        assert_eq!(minute_mark("12’"), Some(12 * 60));
        for stamp in ["12.", "12", "45+2", "'", "1234'", "45'+x", "+2'"] {
            assert_eq!(minute_mark(stamp), None, "{stamp}");
        }
        // a falling ticker keeps every entry, its short last ones too
        let text = format!(
            "{LEDE}90'+3 Full time! The home side hold on and go top of the table.\n\
             88' Booked for a late tackle on the wing.\n76' Goal! A header at the far post.\n\
             45'+2 Half time.\n1' Kick-off!\n"
        );
        let doc = Document::from_text(text.clone(), 1, 0);
        assert_eq!(timed_entries(&doc), vec![3, 4, 5, 6, 7]);
        let r = reasons(&text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a box of the latest headlines under falling times is no ticker
        let doc = Document::from_text(
            "19:00 Council opens the new harbour wall\n18:44 Ferry returns after repairs\n\
             18:17 Storm closes the coast road\n"
                .to_string(),
            1,
            0,
        );
        assert!(timed_entries(&doc).is_empty());
    }

    #[test]
    fn a_short_schedule_bridges_two_paragraphs() {
        let text = format!(
            "{LEDE}20:00 Ravel: a suite for piano\n20:40 Interval\n21:00 Debussy: a prelude\n\
             If it rains, the concert is cancelled; check the website of the park on the day.\n"
        );
        let r = reasons(&text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a comment thread's clock lines do not: each stands between comments
        let thread = format!(
            "{LEDE}Anna, 12:40\nI was there last year and it was lovely, bring a warm jumper.\n\
             Ben, 13:05\nThe second half was the best part of the evening for me.\n"
        );
        let r = reasons(&thread);
        assert!(r[4].1.is_some() && r[6].1.is_some(), "{r:#?}");
    }

    #[test]
    fn a_schedule_with_a_long_row_and_a_subheading_below_bridges_two_paragraphs() {
        // the last row has seven words and no function word: a row of names, not chrome; and
        // the list costs more than the short paragraph below it weighs
        let text = "Harbour Days 2026\n\
            On Saturday 13 June the old harbour opens its quays for the tenth Harbour Days. Three \
            stages, a fish market and the restored ferry welcome visitors from noon until late \
            in the evening.\n\
            Programme\n12:00 Doors open\n13:00 Harbour Brass Band (Main stage)\n\
            14:30 Anna Berg Trio (Tent)\n21:00 Closing act: Marco Bakker Big Band (Main stage)\n\
            Getting there\n\
            The harbour is a short walk from the station. There is little parking, so come by \
            bike or by bus if you can.\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn version_headings_are_versions_not_dates_or_ratings() {
        for line in [
            "4.1.3",
            "v2.0",
            "V 1.10.2",
            "[4.2.0]",
            "10.15.7",
            "0.9.1",
            // with the release's date
            "2.4.0 (2026-11-30)",
            "[1.0.0] - 2017-06-20",
            "v2.1 – March 3, 2026",
            "V 1.10.2 (2026-01-05)",
            // after a version label
            "Version 3.2.0",
            "Version 2.0",
            "release v1.4.2",
            "Versión 1.4 (2026-03-01)",
            "ВЕРСИЯ 2.1.0",
        ] {
            assert!(is_version_heading(line), "{line}");
        }
        for line in [
            "3.5 (2026-11-30)",
            "2.4.0 (soon)",
            "2.4.0 (2026-11-30) is out",
            "2.4.0 2026-11-30 notes",
            "3.5",
            "24.11.2021",
            "12.11.21",
            "01.30.05",
            "4.1.3 is out",
            "v",
            "1..2",
            "Version 3",
            "Version 24.11.2021",
            "Version 2.0 is out",
            "Release notes 2.0",
            "Chapter 2.1",
        ] {
            assert!(!is_version_heading(line), "{line}");
        }
    }

    #[test]
    fn version_numbers_open_with_one_or_two_digits_and_a_dot() {
        for line in [
            "4.1.3",
            "v2.0",
            "V 1.10.2 (2026-01-05)",
            "[10.15.7]",
            "24.11.2021",
        ] {
            assert!(opens_with_version_number(line), "{line}");
        }
        for line in [
            "v",
            "3 comments",
            "100.5 FM",
            "2024 review",
            "March 3, 2026",
            ".5",
            "",
        ] {
            assert!(!opens_with_version_number(line), "{line}");
        }
    }

    /// The reasons [`classify`] gives each line of `text` (normal strictness).
    fn reasons(text: &str) -> Vec<(String, Option<Reason>)> {
        let doc = Document::from_text(text.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        (0..doc.n_lines())
            .filter(|&i| !doc.is_blank(i))
            .map(|i| (doc.line(i).to_string(), v[i].remove))
            .collect()
    }

    /// The article core's prose paragraphs, for the tests of what follows it.
    const LEDE: &str = "Harbour ferry returns after two years of repairs\n\
        The old harbour ferry will carry passengers again from Saturday, the port authority \
        announced on Thursday, after a refit that took almost two years and cost twice the first \
        estimate.\n\
        Crews replaced the engine, the deck and most of the wiring. The ferry keeps its wooden \
        benches, which volunteers sanded and painted by hand over the winter.\n";

    #[test]
    fn a_short_list_a_colon_introduces_under_a_subheading_costs_little() {
        let text = format!(
            "{LEDE}On board\nThe refit brought three changes:\n- a ramp for prams\n\
             - racks for bicycles\nThe ferry also has a new bell, cast in the town's foundry.\n"
        );
        let doc = Document::from_text(text, 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        let scores: Vec<f32> = (3..7).map(|i| v[i].score).collect();
        assert_eq!(scores, [-1.0; 4], "{:?}", doc.line(3));
        assert!(v.iter().all(|x| x.remove.is_none()));
    }

    #[test]
    fn the_last_sections_of_an_article_stay_when_nothing_follows_them() {
        // low weights below the core (sentences with few function words), nothing after them
        let lede = "Schwimmbad öffnet nach Sanierung\n\
            Nach zwei Jahren Bauzeit öffnet das Hallenbad in Kornstett am Samstag wieder. Die \
            Sanierung hat mehr gekostet als geplant, doch der Gemeinderat hält das Ergebnis für \
            gelungen.\n\
            Neu sind ein Lehrschwimmbecken, eine Sauna und ein barrierefreier Eingang, der von \
            der Straße aus ohne Stufen zu erreichen ist.\n";
        let tail = "Preise\n\
            Einzelkarte vier Euro, Familienkarte zehn Euro. Dazu Rabatte für Vereine.\n\
            Kritik\n\
            Anwohner befürchten Parkprobleme. Eine Zählung folgt im Frühjahr.\n\
            Testphase zunächst ein Jahr.\n";
        let r = reasons(&format!("{lede}{tail}"));
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // chrome below them ends the article: a footer, or an author's one-line bio
        for end in [
            "Home | About | Contact\n",
            "Ines Vidal\nInes Vidal is a reporter for the Evening Post.\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            let last = &r[r.len() - 1];
            assert_eq!(last.1, Some(Reason::OutsideCore), "{r:#?}");
        }
    }

    #[test]
    fn a_subheading_around_a_dash_over_its_section_stays() {
        let section = "The deck\n\
            Volunteers sanded the old benches by hand, and the yard fitted new railings along \
            both sides of the deck before the first trial trip.\n";
        for heading in [
            "Wooden benches – sanded by hand",
            "Step 2 - the deck",
            "NORDHAFEN WERFT – Schiffbau seit 1890",
        ] {
            let text = format!("{LEDE}{}", section.replace("The deck", heading));
            let r = reasons(&text);
            assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // a breadcrumb (two separators), a link, or a heading over no prose stays chrome
        for line in [
            "Home – News – Harbour",
            "Ferry timetable – ferry.example.com",
        ] {
            let text = format!("{LEDE}{}", section.replace("The deck", line));
            let r = reasons(&text);
            assert_eq!(
                r[3],
                (line.to_string(), Some(Reason::ChromeInCore)),
                "{r:#?}"
            );
        }
        let text = format!("{LEDE}Harbour news – the ferry\n\n\nMore stories\n");
        let r = reasons(&text);
        assert!(r[3].1.is_some(), "{r:#?}");
        // a comment's header ends in its date; a sidebar's entry has the article's column
        // beside the line below it
        let text = format!(
            "{LEDE}{}",
            section.replace("The deck", "Old Sailor - March 3, 2021")
        );
        assert_eq!(reasons(&text)[3].1, Some(Reason::ChromeInCore));
        let beside = section.replacen("\n", "\nEvents\t", 1);
        let text = format!("{LEDE}{}", beside.replace("The deck", "Spotlight - West"));
        assert_eq!(reasons(&text)[3].1, Some(Reason::ChromeInCore), "{text}");
    }

    #[test]
    fn an_address_a_sentence_introduces_between_prose_stays() {
        let section = |intro: &str, address: &str| {
            format!(
                "{LEDE}{intro}\n{address}\nThe port authority will answer every letter within \
                 two weeks, and the best stories will hang in the waiting room.\n"
            )
        };
        for address in [
            "memories@ferry.example.org",
            "https://ferry.example.org/memories",
        ] {
            let text = section(
                "Passengers who remember the old ferry may send their stories to this address:",
                address,
            );
            let r = reasons(&text);
            assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // no colon above it, a bulleted link or a share bar's handles: chrome still
        for (intro, line) in [
            (
                "Passengers who remember the old ferry may send their stories by letter.",
                "memories@ferry.example.org",
            ),
            (
                "Passengers who remember the old ferry may send their stories to this address:",
                "* memories@ferry.example.org",
            ),
            (
                "Passengers who remember the old ferry may send their stories to this address:",
                "ferry.example.org | harbour.example.org | port.example.org",
            ),
        ] {
            let r = reasons(&section(intro, line));
            assert_eq!(r[4].0, line, "{r:#?}");
            assert!(r[4].1.is_some(), "{r:#?}");
        }
    }

    #[test]
    fn chrome_rows_around_a_dash_are_no_subheadings() {
        let section = "The deck\n\
            Volunteers sanded the old benches by hand, and the yard fitted new railings along \
            both sides of the deck before the first trial trip.\n";
        let chrome = |line: &str| {
            let text = format!("{LEDE}{}", section.replace("The deck", line));
            let r = reasons(&text);
            assert_eq!(r[3].0, line);
            r[3].1.is_some()
        };
        // an offer's price: a currency amount, a percentage, a currency's name, a shouted offer
        for line in [
            "SAVE $40.00 - Teak garden bench with cushions",
            "Teak Deck Chair - 20% Off",
            "Harbour Tours – Tickets € 12",
            "1000 Euro Kredit - Sofortzusage für Bootsbesitzer",
            "SAVE – Teak Deck Chairs",
        ] {
            if !chrome(line) {
                eprintln!("FAILX {line}");
            }
        }
        // a relative time on either side of the dash, in the languages R020 knows
        for line in [
            "By ANNA BERG – 1 day ago",
            "Harbour Desk - 3 hours ago",
            "Redaktion Hafen – vor 2 Stunden",
            "Rédaction du port – il y a 3 jours",
            "Mesa del puerto – hace 2 horas",
        ] {
            if !chrome(line) {
                eprintln!("FAILX {line}");
            }
        }
        // a label before the dash
        for line in [
            "Related Topics – ferries, harbour, repairs",
            "Tags: – ferries, harbour",
            "Related: Ferry fares rise again – Harbour News",
            "About the Author - Mara Lindqvist",
            "Verwandte Themen: Fähren – Hafen",
        ] {
            if !chrome(line) {
                eprintln!("FAILX {line}");
            }
        }
        // a listing's meta rows share their label
        let closing = "The ferry will run four times a day in summer and twice a day in winter, \
            and the first trip on Saturday is free for everyone who lives on the island.\n";
        let listing = "Deckhand\n\
            Job type: Full time Harbour Lines - Leeds Region\n\
            Harbour Lines is looking for a deckhand to join the crew of its new ferry, which \
            sails between the two harbours from the first of May, and trains every new hand on \
            board.\n\
            Skipper\n\
            Job type: Part time Port Authority - Hull Region\n\
            The port authority needs a skipper for its pilot boat at weekends and on the \
            evenings of the summer festival, when the harbour is at its busiest.\n";
        let r = reasons(&format!("{LEDE}{listing}{closing}"));
        assert_eq!(r[4].1, Some(Reason::ChromeInCore), "{r:#?}");
        assert_eq!(r[7].1, Some(Reason::ChromeInCore), "{r:#?}");
        // a reader comment opened by the addressee's name, under its author's name
        for line in ["Chris – Yes, posted.", "LOL – two comments up. Magic!"] {
            let text = format!(
                "{LEDE}Paul H. Oakes\n\n{}{closing}",
                section.replace("The deck", line)
            );
            let r = reasons(&text);
            assert_eq!(
                r[4],
                (line.to_string(), Some(Reason::ChromeInCore)),
                "{r:#?}"
            );
        }
        // subheadings of these shapes but for their chrome stay: a stage, a schedule's
        // entry, a one-word head under prose, a `Kicker:` headline with no row beside it
        for line in [
            "Stage 2 - Doubt",
            "June 10 – Tampa, FL",
            "Quince - patience pays off.",
            "Update: the deck – sanded by hand",
            "Holland – a nation of traders",
        ] {
            if chrome(line) {
                eprintln!("FAILY {line}");
            }
        }
    }

    #[test]
    fn prices_are_currency_amounts_percentages_and_offer_words() {
        for (line, head) in [
            ("SAVE $400.00 - a chair", "SAVE $400.00"),
            ("a chair - 12€", "a chair"),
            ("a chair - € 12", "a chair"),
            ("a chair - 12 €", "a chair"),
            ("a chair - USD 40", "a chair"),
            ("a chair - 40 dollars", "a chair"),
            ("a chair - 30,3 %", "a chair"),
            ("a chair - -20%", "a chair"),
            ("DEAL - a chair", "DEAL"),
        ] {
            assert!(priced(line, head), "{line}");
        }
        for (line, head) in [
            ("Figure 8 – Expenses ($ and % of GDP)", "Figure 8"),
            ("Stage 2 - Doubt", "Stage 2"),
            ("West Ham 2 - 1 Fulham", "West Ham 2"),
            ("Save the date - a chair", "Save the date"),
            ("a chair - 40 pounds", "a chair"),
        ] {
            assert!(!priced(line, head), "{line}");
        }
    }

    #[test]
    fn row_labels_are_the_rules_headings_and_a_few_of_their_own() {
        for head in [
            "Related Topics",
            "Filed under",
            "Schlagwörter",
            "Topics",
            "You may also like",
            "Lesen Sie auch",
            "Über den Autor",
            "Keywords",
            "Pingback: a post on ferries",
            "Tags:",
        ] {
            assert!(label_head(head), "{head}");
        }
        for head in ["Holland", "Stage 2", "The deck", "Tagesschau", "Update"] {
            assert!(!label_head(head), "{head}");
        }
    }

    #[test]
    fn a_poem_s_stanzas_are_sentences_broken_over_lines() {
        let poem = "Home | Poems | Poets\n\
            The Salt Road\n\n\
            My grandmother walked the salt road\nwith a basket and a borrowed coat,\n\
            past the church with the broken bell\nand the well where the swallows wrote.\n\n\
            She sang of boats that never came,\nof a brother lost at sea,\n\
            and the tide that took the harbour wall\nand gave it back to me.\n";
        let r = reasons(poem);
        let gone: Vec<&str> = r
            .iter()
            .filter(|(_, why)| why.is_some())
            .map(|(l, _)| l.as_str())
            .collect();
        assert_eq!(gone, ["Home | Poems | Poets"], "{r:#?}");
        // a lowercase tag list is no sentence: its lines stay short lines
        let doc = Document::from_text(format!("{LEDE}python\nrust\nlinux\n"), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert!((3..6).all(|i| v[i].class == Class::Short));
    }

    #[test]
    fn a_bilingual_notice_is_judged_in_both_languages() {
        let text = "Water supply will be interrupted on Rue Sainte-Catherine between 9 and 3 \
            on Tuesday, while crews replace a section of the main pipe.\n\
            L'alimentation en eau sera interrompue sur la rue Sainte-Catherine le mardi, \
            pendant le remplacement d'une section de la conduite principale.\n\
            Residents are advised to store drinking water the evening before.\n\
            Il est conseillé aux résidents de faire une réserve d'eau potable la veille.\n\
            For questions, call the city at any time.\n\
            Pour toute question, appelez la ville.\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        let feats: Vec<Features> = text
            .lines()
            .map(|l| features::extract(l, &mut String::new()))
            .collect();
        let langs = page_languages(&feats, &Params::for_strictness(Strictness::Normal));
        let code = |l: Option<usize>| l.map(|l| LANGS[l]);
        assert_eq!(
            (code(langs.main), code(langs.second)),
            (Some("fr"), Some("en"))
        );
    }

    #[test]
    fn short_sentences_of_a_language_without_a_list_are_prose() {
        let text = "市立図書館が新しく開館\n\n\
            土曜日、市の中心部に新しい図書館が開館した。建設には三年かかり、二百席の閲覧室と子ども向けのコーナーが設けられた。\n\
            蔵書は十万冊を超える。\n市民は誰でも無料で利用できる。\n図書館は年中無休だ。\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn a_run_of_labels_no_article_takes_in_is_chrome_in_a_language_without_a_list() {
        // a page without a stopword list: an unpunctuated label of seven words or more in a
        // run of labels below the article too long for a subheading's list (a menu) weighs as
        // chrome, as on a listed page
        let text = "市は、駅前に建てていた新しい図書館が来月十日にオープンすると発表しました。建物は五階建てで、本を二十万冊置くことができます。\n\n\
            新しい図書館には、子どもが本を読むための広い部屋や、勉強に使うことができる机がたくさんあります。夜は九時まで開いています。\n\n\
            いろいろな分野のニュースを見る\n\nお知らせ\n\n今週のニュース\n\n天気\n\nスポーツ\n\n\
            ランキング\n\n前のページ\n\n次のページ\n\n\
            このサイトの使い方について知る\n\n\
            このサイトは、日本に住む外国人の皆さんや子どもたちのために、やさしい日本語でニュースを伝えています。\n";
        let doc = Document::from_text(text.to_string(), 1, 0);
        let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
        let class_of = |line: &str| {
            let i = (0..doc.n_lines()).find(|&i| doc.line(i) == line).unwrap();
            v[i].class
        };
        assert_eq!(class_of("いろいろな分野のニュースを見る"), Class::Bad);
        assert_eq!(class_of("このサイトの使い方について知る"), Class::Bad);
        // the short labels stay short lines, judged by their context
        assert_eq!(class_of("今週のニュース"), Class::Short);
        // the same label as a subheading between two paragraphs is judged by them
        let text = "市は、駅前に建てていた新しい図書館が来月十日にオープンすると発表しました。建物は五階建てで、本を二十万冊置くことができます。\n\n\
            いろいろな分野の本を読むことができる\n\n\
            新しい図書館には、子どもが本を読むための広い部屋や、勉強に使うことができる机がたくさんあります。夜は九時まで開いています。\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn a_list_and_its_intro_stay_in_a_language_without_a_list() {
        // an intro ending in a full-width colon, items ending in a full-width semicolon, an
        // unpunctuated subheading and an unpunctuated sentence between paragraphs
        let text = "据介绍，本次试运行采用的是国产电动垂直起降飞行器，每架可搭载四名乘客和一名飞行员。试运行期间，航线每天往返十二次。\n\
            专家指出，城市空中交通目前仍面临三大难题：\n\
            一是电池续航有限；\n二是起降场地不足；\n三是空域管理复杂。\n\
            业内人士认为，随着技术的成熟和成本的下降，空中出租车有望在未来十年内成为大城市通勤的重要补充。\n\
            城市空中交通仍面临三大难题\n\
            该负责人在接受采访时表示安全始终是第一位的\n\
            他说，公司计划明年在另外两座城市开通航线，并将继续与监管部门合作完善相关标准。\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // the same items in Greek, bulleted under a colon
        let text = "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέο σχέδιο ύψους πέντε δισεκατομμυρίων ευρώ για τη στήριξη των μικρών επιχειρήσεων.\n\
            Το σχέδιο περιλαμβάνει:\n\
            - δάνεια με επιτόκιο που δεν ξεπερνά το πέντε τοις εκατό\n\
            - φοροαπαλλαγές για δύο χρόνια\n\
            - δωρεάν προγράμματα κατάρτισης\n\
            Ο πρόεδρος του συνδέσμου βιομηχανιών δήλωσε ότι το σχέδιο αποτελεί πραγματική ευκαιρία για τους νέους.\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // an uncased script's unpunctuated items under a colon, a pull quote below them
        let text = "أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم المشروعات الصغيرة والمتوسطة بقيمة خمسة مليارات دولار على مدى ثلاث سنوات.\n\n\
            وتشمل الخطة:\n- قروض ميسرة بفائدة منخفضة\n- إعفاءات ضريبية لمدة عامين\n- برامج تدريب مجانية\n\n\
            \"هذه فرصة حقيقية\"\n\n\
            قال رئيس اتحاد الصناعات إن الخطة تمثل فرصة حقيقية للشباب، لكنه طالب بتبسيط الإجراءات الإدارية حتى تصل الأموال إلى مستحقيها.\n";
        let r = reasons(text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn a_how_to_keeps_its_commands_between_its_sentences() {
        let text = format!(
            "{LEDE}Install the tools first, then create the environment in the project folder:\n\
             sudo apt install python3-venv\npython3 -m venv .venv\nsource .venv/bin/activate\n\
             pip install requests==2.31.0\npip freeze > requirements.txt\n\
             If the second command fails, the venv package is missing; install it and try again.\n"
        );
        let r = reasons(&text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn numbered_steps_of_shell_commands_and_a_brace_block_stay_in_the_article() {
        // commands chained with `&&` or carrying a short flag (`-y`) are code, so the steps
        // between the lede and the closing tip cost little; a code block's lone braces stay
        let text = format!(
            "{LEDE}Steps\n1. Refresh the index:\nsudo apt-get update && sudo apt-get upgrade -y\n\
             2. Add the tools:\nsudo apt-get install -y rsync pigz\n\
             The settings file is a short object with two keys, and the agent reads it at start:\n\
             {{\n  \"bucket\": \"archive\",\n  \"days\": 30\n}}\n\
             Tip: the first full run takes a few hours on a large disk, so let it finish overnight.\n"
        );
        let r = reasons(&text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn a_forum_thread_keeps_its_replies_and_drops_the_post_headers() {
        let thread = "Tomato leaves turning yellow from the bottom up\n\
            greenthumb\nNew member\nAug 14, 2026\n#1\n\
            My tomato plants have yellow leaves at the bottom that slowly move up the plant. \
            The fruit looks fine so far. Is this a disease or am I doing something wrong?\nReply\n\
            RoseGrower\nWell-known member\nAug 14, 2026\n#2\n\
            Sounds like early blight or simply a lack of magnesium. Do the yellow leaves have \
            brown spots with rings, or are they yellow between the veins?\nReply\n\
            greenthumb\nNew member\nAug 15, 2026\n#3\nYellow between the veins, no spots.\nReply\n\
            RoseGrower\nWell-known member\nAug 15, 2026\n#4\n\
            Then it is almost certainly magnesium. Dissolve a spoon of Epsom salts in a gallon of \
            water and spray the leaves once a week.\nReply\n";
        let r = reasons(thread);
        let kept: Vec<&str> = r
            .iter()
            .filter(|(_, why)| why.is_none())
            .map(|(l, _)| l.as_str())
            .collect();
        assert_eq!(kept.len(), 5, "{r:#?}");
        assert!(kept[0].starts_with("Tomato"), "{kept:?}");
        assert!(kept[3] == "Yellow between the veins, no spots.", "{kept:?}");
        assert!(kept[4].starts_with("Then it is"), "{kept:?}");
        for header in ["Well-known member", "New member", "#2"] {
            assert!(r
                .iter()
                .any(|(l, why)| l == header && *why == Some(Reason::PostHeader)));
        }
        // with two-line headers the thread's title right above the first one stays
        let short = "Tomato help\ngreenthumb\nAug 14, 2026\n#1\n\
            My tomato plants have yellow leaves at the bottom that slowly move up the plant.\nReply\n\
            RoseGrower\nAug 14, 2026\n#2\n\
            Sounds like early blight or simply a lack of magnesium in the bags.\nReply\n";
        let r = reasons(short);
        assert_eq!(r[0].1, None, "{r:#?}");
        assert_eq!(r[1].1, Some(Reason::PostHeader), "{r:#?}");
        // a reply that quotes the post above keeps the quote and the answer under it
        let quoting = "Chain skipping after new cassette?\nrustyspoke\n#1\n\
            I fitted a new cassette last weekend and now the chain skips on the smallest cogs \
            under load. The chain is about 2,000 km old.\n\
            dropbarDave\n#2\nrustyspoke said:\nThe chain is about 2,000 km old.\n\
            That's your answer. Measure it with a chain checker and replace it if it is worn.\n\
            velomeg\n#3\nAgree with Dave. Also check the B-tension screw.\n";
        let r = reasons(quoting);
        let kept = |start: &str| {
            r.iter()
                .any(|(l, why)| l.starts_with(start) && why.is_none())
        };
        assert!(
            kept("The chain is about") && kept("That's your answer"),
            "{r:#?}"
        );
        assert!(!kept("rustyspoke said:"), "{r:#?}");
        // numbered reader comments under a news article are a comment thread still
        let comments = format!(
            "{LEDE}Anna\n#1\nI took this ferry every day for years and I am so glad it is back.\nReply\n\
             Ben\n#2\nTwice the first estimate is a scandal, and nobody will answer for it.\nReply\n"
        );
        let r = reasons(&comments);
        assert!(
            r.iter()
                .any(|(l, why)| l.starts_with("Twice") && why.is_some()),
            "{r:#?}"
        );
    }

    #[test]
    fn a_table_of_properties_below_the_article_stays() {
        let spec = "Specifications\nPump pressure: 15 bar\nWater tank: 2.0 litres\n\
                    Power: 1,600 W\nDimensions: 33 x 31 x 40 cm\n";
        let r = reasons(&format!("{LEDE}{spec}"));
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a teaser list's `REGION: headline` rows, or two rows only, are no such table
        for end in [
            "News\nKATRINA: Hurricane victims say agents advised against flood cover\n\
             IRAQ: Army to end its expansive and exclusive deal\n\
             US: The rise and fall of a war profiteer in Baghdad\n",
            "Details\nPower: 1,600 W\nWeight: 9.4 kg\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            assert_eq!(r[r.len() - 1].1, Some(Reason::OutsideCore), "{r:#?}");
        }
    }

    /// A changelog's page: a menu, two lines of prose, then releases whose entries are few
    /// words each.
    const CHANGELOG: &str = "Docs\nBlog\nDownload\n\
        2.4.0 (2026-11-30)\nAdded\nSupport for TOML configuration files.\n\
        New --quiet flag to hide progress output.\nWindows ARM64 builds.\nChanged\n\
        The default timeout is now thirty seconds, which is what most of the users of the tool \
        had asked for in the last year.\n\
        Log lines now include the name of the thread that wrote them, so that you can follow \
        one download from its start to its end.\n\
        Fixed\nCrash when the input file was empty.\n\
        2.3.1 (2026-10-02)\nFixed\nConfig files with a BOM were rejected.\nTypo in the help text.\n\
        2.3.0 (2026-09-15)\nAdded\nProxy support via HTTPS_PROXY.\n";

    #[test]
    fn a_changelog_the_core_reaches_into_stays_whole() {
        let r = reasons(CHANGELOG);
        // every release, under its version; the menu's entries above it go
        assert!(r[3..].iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(r[1..3].iter().all(|(_, why)| why.is_some()), "{r:#?}");
        // a version selector (versions with nothing under them) is no changelog
        let doc = Document::from_text(format!("{LEDE}4.1.3\n4.1.2\n4.1.1\n"), 1, 0);
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        let n = out.len();
        let in_core = vec![true; n];
        let none = vec![false; n];
        assert!(!release_sections(&doc, &out, &none, &none, &in_core).contains(&true));
        // nor are releases the core does not reach (a download page's sidebar)
        let doc = Document::from_text(format!("{LEDE}Old\n4.1.3\nFixes.\n4.1.2\nFixes.\n"), 1, 0);
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        let n = out.len();
        let in_core: Vec<bool> = (0..n).map(|i| i <= 3).collect();
        let none = vec![false; n];
        assert!(!release_sections(&doc, &out, &none, &none, &in_core).contains(&true));
    }

    #[test]
    fn a_changelog_under_labelled_versions_stays_whole() {
        // `Version 3.0.0` heads a release as `3.0.0` does: every release stays, its section
        // labels (`Added`, `Removed`) and the older release's few-worded entries with it
        let text = CHANGELOG
            .replace("2.4.0 (2026-11-30)", "Version 2.4.0 (2026-11-30)")
            .replace("2.3.1 (2026-10-02)", "Version 2.3.1")
            .replace("2.3.0 (2026-09-15)", "Release 2.3");
        let r = reasons(&text);
        assert!(r[3..].iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(r[1..3].iter().all(|(_, why)| why.is_some()), "{r:#?}");
    }

    #[test]
    fn a_timeline_the_core_reaches_into_stays_whole() {
        // the last entries (`June 2025` / `Work starts.`) are short lines below the core
        let text = format!(
            "{LEDE}12 March 2016\nSurveyors find rust on the girders of the old bridge.\n\
             4 October 2018\nThe council decides to build a new one.\n\
             June 2025\nWork starts.\n"
        );
        let r = reasons(&text);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn the_sections_right_below_the_article_stay() {
        // a recipe's notes (sentences under a subheading), its nutrition (rows of
        // properties) and a closing sentence, all of few function words
        let tail = "Notes\nFreezes well for up to 3 months.\nUse chipotle powder for more heat.\n\
                    Nutrition\nCalories: 280kcal\nProtein: 16g\nFat: 5g\n\
                    Serves 4. Prep time 10 minutes. Cook time 30 minutes.\n";
        let r = reasons(&format!("{LEDE}{tail}"));
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a subheading without its sentences and rows without their subheading are none
        for end in [
            "Notes\nShare\n",
            "Tags: ferry, harbour\nFiled under: Local news\nAuthor: Jane Doe\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            assert_eq!(r[r.len() - 1].1, Some(Reason::OutsideCore), "{r:#?}");
        }
    }

    #[test]
    fn a_list_right_below_the_article_stays_where_chrome_ends_it() {
        // a closing list under a subheading, ended by the document's end or by a share bar
        let list = "What to bring\nSturdy shoes for the wet gangway\nA warm jacket for the deck\n\
                    Cash for the kiosk on board\n";
        for end in ["", "Facebook | Twitter | Email\n"] {
            let r = reasons(&format!("{LEDE}{list}{end}"));
            let items = r.len() - usize::from(!end.is_empty());
            assert!(r[..items].iter().all(|(_, why)| why.is_none()), "{r:#?}");
            assert!(r[items..].iter().all(|(_, why)| why.is_some()), "{r:#?}");
        }
        // a list of teaser titles in Title Case, a menu of single words, a list that runs into
        // a line with a number (a teaser's), or one too short, go
        for tail in [
            "More from the harbour\nFerry Timetables Change In May\nNew Pier Opens For Anglers\n\
             Harbour Festival Returns In June\n",
            "Sections\nNews\nSport\nWeather\nTravel\n",
            "Read next\nA new pier for the anglers\nThe festival comes back\nWhere to park now\n\
             Ten years of the ferry in 40 photos\n",
            "What to bring\nSturdy shoes for the wet gangway\nA warm jacket for the deck\n",
        ] {
            let r = reasons(&format!("{LEDE}{tail}"));
            let lede = LEDE.lines().count();
            assert!(
                r[lede..]
                    .iter()
                    .all(|(_, why)| why == &Some(Reason::OutsideCore)),
                "{r:#?}"
            );
        }
    }

    #[test]
    fn results_and_chapters_are_rows_of_a_list() {
        for line in [
            "Harbour City 2-1 Westfield Rovers",
            "* Northgate 0 - 0 Eastbridge",
            "FC Nordhafen 2:1 SV Weststadt",
            "Lakeside Lions 98:87 Hill Town",
            "Kingsbury 3–2 Millford Athletic",
        ] {
            assert_eq!(list_row(line), Some(Row::Score), "{line}");
        }
        assert_eq!(
            list_row("04:12 How the wind makes cables hum"),
            Some(Row::Chapter(252))
        );
        assert_eq!(
            list_row("(1:02:05) - Listener questions"),
            Some(Row::Chapter(3725))
        );
        assert_eq!(list_row("[00:00] Intro"), Some(Row::Chapter(0)));
        // hours, clocks, dates, a lone time and numbers with no names are neither
        for line in [
            "Mo-Fr 9-18 Uhr",
            "Sat 10-4 pm",
            "Doors 7:30 Main hall",
            "Harbour City 2-1",
            "2-1 Westfield Rovers",
            "Founded 1911-1914 by sailors",
            "Harbour City 2-1 Westfield Rovers (3-4 on penalties)",
            "04:12",
            "04:75 Wind",
            "12:04 2026",
            "Scores 2-1 and 3-0 tonight",
        ] {
            assert_eq!(list_row(line), None, "{line}");
        }
    }

    #[test]
    fn results_and_chapters_under_a_subheading_below_the_article_stay() {
        for (rows, chrome) in [
            (
                "Results\nHarbour City 2-1 Westfield Rovers\nNorthgate 0-0 Eastbridge\n",
                "Facebook | Twitter | Email\n",
            ),
            (
                "Show notes\n00:00 Introduction\n04:12 How the wind makes cables hum\n\
                 17:45 Dampers and what they do\n",
                "Facebook | Twitter | Email\n",
            ),
        ] {
            let r = reasons(&format!("{LEDE}\n{rows}\n{chrome}"));
            let last = r.len() - 1;
            assert!(r[..last].iter().all(|(_, why)| why.is_none()), "{r:#?}");
            assert!(r[last].1.is_some(), "{r:#?}");
        }
        // a list of times going back (a feed's newest first), or of one row, is no chapter list
        for rows in [
            "Latest\n14:20 Council meets\n13:05 Road closed\n12:40 Ferry late\n",
            "Results\nHarbour City 2-1 Westfield Rovers\n",
        ] {
            let r = reasons(&format!("{LEDE}\n{rows}\nFacebook | Twitter | Email\n"));
            let lede = LEDE.lines().count();
            assert!(r[lede..].iter().all(|(_, why)| why.is_some()), "{r:#?}");
        }
    }

    #[test]
    fn a_list_below_a_blank_line_under_the_article_s_last_subheading_stays() {
        // the core ends on the subheading; its items are the next block, ended by chrome
        let list = "What every passenger should bring along for the crossing\n\n\
                    * Sturdy shoes for the wet gangway\n* A warm jacket for the deck\n\
                    * Cash for the kiosk on board\n\n";
        let doc = format!("{LEDE}{list}Facebook | Twitter | Email\n");
        let r = reasons(&doc);
        let items = r.len() - 1;
        assert!(r[..items].iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(r[items].1.is_some(), "{r:#?}");
        // a block the heading's items do not fill, or with a single-word menu, goes
        for tail in [
            "What every passenger should bring along for the crossing\n\n\
             * Sturdy shoes for the wet gangway\n* A warm jacket for the deck\n\
             * Cash for the kiosk on board\nTimetables - Fares - Contact\n",
            "What every passenger should bring along for the crossing\n\n\
             * News\n* Sport\n* Weather\n* Travel\n\nFacebook | Twitter | Email\n",
        ] {
            let r = reasons(&format!("{LEDE}{tail}"));
            let lede = LEDE.lines().count() + 1;
            assert!(r[lede..].iter().all(|(_, why)| why.is_some()), "{r:#?}");
        }
    }

    #[test]
    fn a_last_sentence_right_below_the_article_stays() {
        for end in [
            "Serves 8. Prep time 15 minutes.\n",
            "def main():\n    print(\"hello\")\nThat is all there is to it.\n",
            // under a dateline (R021 takes the dateline itself)
            "6 December 2026, 10:45\nThe city says it will plant 400 new trees in the spring.\n",
            "2026年12月5日 10:30\n市政府表示，明年还将在城北再建一座同样规模的公园。\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            let last = r.len() - 1;
            assert_eq!(r[last].1, None, "{r:#?}");
            assert!(r[..last - 1].iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // a sentence of links, a sentence under a menu, or a comment under its author's name
        // and time, is no part of it
        for end in [
            "More at www.example.com and www.example.org.\n",
            "Home\nAbout\nThat is all there is to it.\n",
            "Jane Doe\n6 December 2026, 10:45\nThanks, this was a great read for me.\n",
            "Jane Doe 10:45\nThanks, this was a great read for me.\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            assert_eq!(r[r.len() - 1].1, Some(Reason::OutsideCore), "{r:#?}");
        }
    }

    #[test]
    fn an_faq_s_last_question_and_answer_stay() {
        let faq = "Questions about the ferry\n\
            When does the ferry run?\n\
            It leaves the harbour every hour from seven in the morning.\n\
            Can I take my bicycle on board?\n\
            Yes, bicycles travel free of charge on every crossing.\n\
            Is there a café on board?\n\
            Yes, on the upper deck.\n";
        for last in [
            "How do I pay?\nBy card or in cash.\n",
            // French typography: a space, or a no-break space, before the mark
            "Comment payer ?\nPar carte ou en espèces.\n",
            "Comment payer\u{a0}?\nPar carte ou en espèces.\n",
            // two pairs below the core
            "Do you ship abroad?\nYes, and to Switzerland.\nHow do I pay?\nBy card or in cash.\n",
        ] {
            let r = reasons(&format!("{faq}{last}"));
            assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // a question and a sentence below an article that asks nothing are no FAQ's pair
        let r = reasons(&format!("{LEDE}Any thoughts?\nWrite to us at the desk.\n"));
        assert_eq!(r[r.len() - 1].1, Some(Reason::OutsideCore), "{r:#?}");
    }

    #[test]
    fn a_short_list_under_a_label_between_prose_lines_stays() {
        let list = |label: &str, items: &str| {
            format!(
                "{LEDE}{label}\n{items}Residents may put questions to the port authority \
                 before the first sailing, at the harbour office.\n"
            )
        };
        for (label, items) in [
            (
                "Themen:",
                "Haushalt 2027\nSanierung der Grundschule\nRadweg an der Bahnhofstraße\n",
            ),
            (
                "On the agenda:",
                "Timetables\nTicket prices for families\nThe winter service\n",
            ),
        ] {
            let r = reasons(&list(label, items));
            assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        }
        // a share bar's one-word labels are no such list
        let r = reasons(&list(
            "Follow us:",
            "Facebook\nInstagram\nNewsletter\nPodcast\n",
        ));
        assert!(r.iter().any(|(_, why)| why.is_some()), "{r:#?}");
    }

    #[test]
    fn a_speaker_s_label_opens_a_turn() {
        for (line, label) in [
            ("Frage: Warum passiert es dann nicht?", Some("Frage")),
            ("Q: And then?", Some("Q")),
            ("Jana Vogt: Ja.", Some("Jana Vogt")),
            ("O'Neill: No.", Some("O'Neill")),
            ("Frage: Zum Schluss: Sind Sie optimistisch?", Some("Frage")),
            // a row of a table, a time, a label alone, a sentence with a colon late in it
            ("Protein: 14 g", Some("Protein")),
            ("Ingredients:", None),
            ("10:45 Kick-off", None),
            ("Step 2: stir", None),
            ("the answer: yes", None),
            ("This is what the council said on Monday: no.", None),
        ] {
            assert_eq!(speaker_label(line), label, "{line:?}");
        }
    }

    #[test]
    fn a_role_may_name_its_speaker_in_brackets() {
        for (line, label) in [
            ("HOST (Dana Ruiz): Welcome back.", Some("HOST (Dana Ruiz)")),
            (
                "GUEST (Prof. Ian Mbeki): Thanks.",
                Some("GUEST (Prof. Ian Mbeki)"),
            ),
            // a count in brackets, a lowercase part
            ("Comments (3): none yet", None),
            ("Host (the first one): hello", None),
        ] {
            assert_eq!(speaker_label(line), label, "{line:?}");
        }
    }

    #[test]
    fn a_transcript_s_stamps_are_times_of_two_or_three_parts() {
        for (stamp, seconds) in [
            ("0:12", Some(12)),
            ("12:01", Some(721)),
            ("00:12:01", Some(721)),
            ("1:02:33", Some(3753)),
            ("[00:01:23]", Some(83)),
            ("(12:01)", Some(721)),
            ("12:5", None),
            ("123:45", None),
            ("1:60", None),
            ("1:02:03:04", None),
            ("12.30", None),
            ("[12:01", None),
            ("12", None),
        ] {
            assert_eq!(stamp_seconds(stamp), seconds, "{stamp:?}");
        }
    }

    #[test]
    fn a_transcript_s_turns_run_between_its_stamps() {
        let runs = |text: &str| {
            let doc = Document::from_text(text.to_string(), 1, 0);
            transcript_runs(&doc)
        };
        let turns = "00:10:01\nAnna Berg: Why did the ferry stop?\n00:10:05\nTom Hale: No.\n\
            00:10:07\nAnna Berg: Why not?\n[00:10:09] Tom Hale: The engine broke down.\n";
        assert_eq!(runs(turns), vec![0..7]);
        // a sound cue and an answer's further paragraph inside, chrome below
        let more = format!(
            "Transcript\n{turns}[Music]\nTom Hale: And the crews had gone.\n\
             They found other work on the coast, and most of them never came back.\n\
             Share this episode\n"
        );
        assert_eq!(runs(&more), vec![1..11]);
        for text in [
            // two stamps only
            "00:10:01\nAnna Berg: Why?\n00:10:05\nTom Hale: No.\n",
            // one speaker
            "0:01\nAnna Berg: One.\n0:02\nAnna Berg: Two.\n0:03\nAnna Berg: Three.\n",
            // falling times
            "0:03\nAnna Berg: One.\n0:02\nTom Hale: Two.\n0:01\nAnna Berg: Three.\n",
            // a comment thread's clocks over names and texts
            "12:30\nAnna\nGreat piece.\n12:45\nTom\nI disagree.\n13:02\nAnna\nWhy?\n",
        ] {
            assert!(runs(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_transcript_s_stamps_and_short_turns_stay() {
        let transcript = "00:12:01\n\
            Anna Berg: Will the town pay for the new harbour wall, given how tight the budget \
            already is this year?\n\
            00:12:09\n\
            Tom Hale: No.\n\
            00:12:10\n\
            Anna Berg: Not even with the grant from the region that was promised last spring?\n\
            00:12:18\n\
            Tom Hale: Not yet.\n\
            00:12:21\n\
            Tom Hale: The grant pays for studies, and the wall itself needs a loan that the \
            council has not voted on.\n";
        let r = reasons(transcript);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }

    #[test]
    fn an_interview_s_last_short_turns_stay() {
        let interview = "Interview: Why the harbour ferry came back\n\
            The port's director on the refit, the cost and the crews who kept the old boat alive.\n\
            Q: Was the refit worth what it cost?\n\
            A: Yes. It cost twice the estimate, but a new boat would have cost ten times as much.\n\
            Q: What took so long?\n\
            A: The engine. Nobody builds that model any more, so every part had to be made.\n\
            Q: Will it sail in winter?\n\
            A: No.\n\
            The interview was conducted by Jane Doe.\n";
        let r = reasons(interview);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // the sentence right below the last turn stays with chrome below it, and the chrome goes
        let r = reasons(&format!("{interview}Share this article\nRead more\n"));
        let (stay, go) = r.split_at(r.len() - 2);
        assert!(stay.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(go.iter().all(|(_, why)| why.is_some()), "{r:#?}");
        // the same lines without the questions are no interview: the last short line goes
        let rows = "Harbour ferry returns after two years of repairs\n\
            The old harbour ferry will carry passengers again from Saturday, the port authority \
            announced on Thursday, after a refit that took almost two years and cost twice the \
            first estimate.\n\
            Crews replaced the engine, the deck and most of the wiring, and volunteers sanded \
            and painted the benches.\n\
            Summer: daily departures every hour.\n\
            Winter: weekends only.\n\
            Summer: bikes travel free.\n\
            Winter: no bikes.\n";
        let r = reasons(rows);
        assert_eq!(r[r.len() - 1].1, Some(Reason::OutsideCore), "{r:#?}");
    }

    #[test]
    fn an_interview_needs_two_speakers_taking_turns_and_a_question() {
        let runs = |text: &str| {
            let doc = Document::from_text(text.to_string(), 1, 0);
            interview_runs(&doc)
        };
        let qa = "Q: Why?\nA: Because.\nQ: When?\nA: Soon.\n";
        assert_eq!(runs(qa), vec![0..4]);
        // a headline that opens like a turn is no turn of the span
        assert_eq!(runs(&format!("Interview: The ferry\n{qa}")), vec![1..5]);
        // an answer's second paragraph stays inside the run
        assert_eq!(
            runs("Q: Why?\nA: Because.\nAnd for no other reason.\nQ: When?\nA: Soon.\n"),
            vec![0..5]
        );
        for text in [
            // three turns only
            "Q: Why?\nA: Because.\nQ: When?\n",
            // a table of properties: each label once
            "Calories: 310 kcal.\nProtein: 14 g?\nFat: 12 g.\nSalt: 1 g.\n",
            // no question
            "Q: Why.\nA: Because.\nQ: When.\nA: Soon.\n",
            // a timetable's rows, no sentences
            "Fall: CEP 400?\nSpring: LAI 414\nFall: electives\nSpring: thesis\n",
            // two speak once
            "Q: Why?\nA: Because.\nQ: When?\nB: Soon.\n",
        ] {
            assert!(runs(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_sign_off_below_the_article_stays() {
        for (end, kept) in [
            ("x Franzi\nShare this article\n", 1),
            ("XX, Die Redaktion\nRelated Posts\n", 1),
            ("Viel Glück!\nEuer Tom\nNewsletter\n", 2),
            ("Cheers,\nLove and hugs,\nCheryl\nArchives\n", 3),
            ("Liebe Grüße, Anna\n", 1),
            // the name the comma promised is not there: the sign-off stays alone
            ("Cheers,\nread more about it here\n", 1),
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            let core = LEDE.lines().count();
            let (stay, go) = r[core..].split_at(kept);
            assert!(stay.iter().all(|(_, why)| why.is_none()), "{end:?}: {r:#?}");
            assert!(go.iter().all(|(_, why)| why.is_some()), "{end:?}: {r:#?}");
        }
        // no opener, a question, a link, a date, a lone `x`, a remark without a sign-off, or
        // a sign-off that is not the next line below the article: none is one
        for end in [
            "Best Sellers\n",
            "Eure Meinung?\n",
            "xx, www.example.com\n",
            "Cheers 2026\n",
            "x\n",
            "Enjoy!\nShare\n",
            "Share\nx Franzi\n",
        ] {
            let r = reasons(&format!("{LEDE}{end}"));
            let core = LEDE.lines().count();
            assert!(
                r[core..].iter().all(|(_, why)| why.is_some()),
                "{end:?}: {r:#?}"
            );
        }
    }

    #[test]
    fn a_recipe_s_ingredients_and_a_table_s_rows_bridge_prose() {
        let recipe = format!(
            "{LEDE}Ingredients\n200 g plain flour\n150 g caster sugar\n3 eggs\n\
             Zest of 2 lemons\nJuice of 1 lemon\nMethod\n\
             Heat the oven to 180C and line a round tin with baking paper before you start.\n"
        );
        let r = reasons(&recipe);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        let table = format!(
            "{LEDE}Station Jun Jul Aug Total\nBolzano 61 mm 48 mm 55 mm 164 mm\n\
             Innsbruck 112 mm 140 mm 131 mm 383 mm\nLugano 98 mm 77 mm 102 mm 277 mm\n\
             Innsbruck recorded its wettest July since 2009, and the ferry was late all summer.\n"
        );
        let r = reasons(&table);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // rows of different shapes are no table
        let doc = Document::from_text(
            "Bolzano 61 mm 48 mm\nInnsbruck 112 mm 140 mm 131 mm\nLugano 98 mm\n".to_string(),
            1,
            0,
        );
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert!(!table_rows(&doc, &out).contains(&true));
    }

    #[test]
    fn a_table_printed_in_columns_bridges_prose_and_a_menu_column_does_not() {
        // rows whose model names hold digits: their counts of numbers differ
        let table = format!(
            "{LEDE}Results\nModel\tPrice yes\tGrade\nUp to 50 lux\n\
             Trail 2 Pro + Mount\t49 € yes\t1,8\nTrail 2\t39 € yes\t2,0\n\
             Eco\t25 € no\t2,6\nOver 50 lux\nNight 800\t89 € yes\t1,6\n\
             The mount of the Night 300 broke on the third ride over cobbles, and the X5 came loose twice.\n"
        );
        let doc = Document::from_text(table.clone(), 1, 0);
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert_eq!(table_rows(&doc, &out).iter().filter(|&&t| t).count(), 7);
        let r = reasons(&table);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a menu printed beside the article's column: no number ends most rows
        let menu =
            "News\tPosted by Ann at 05:35 PM\nSport\tComments (3)\nWeather\tDecember 4, 2006\n\
                    Lottery\tRead more\n";
        let doc = Document::from_text(menu.to_string(), 1, 0);
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert!(!table_rows(&doc, &out).contains(&true));
        // nor are a calendar's rows of days (no word) a table
        let calendar = "1\t2\n3\t4\t5\t6\n10\t11\t12\t13\t14\n17\t18\n";
        let doc = Document::from_text(calendar.to_string(), 1, 0);
        let out = classify(&doc, &Params::for_strictness(Strictness::Normal));
        assert!(!table_rows(&doc, &out).contains(&true));
    }

    /// A live blog: a time alone above each entry. The times head the entries like
    /// subheadings; they are no comment clocks that make a thread of the entries.
    const LIVE_BLOG: &str = "Storm live: the latest\n\
        High winds have closed the coast road and two ferry routes since early this morning, \
        the council says.\n\
        09:10\n\
        Power is out in about four hundred homes on the northern edge of town, the network \
        operator says.\n\
        09:45\n\
        The coastguard says all fishing boats are back in harbour and every crew has been \
        accounted for.\n\
        10:20\n\
        Schools on the coast will close at noon and parents are asked to collect their children \
        early.\n\
        10:55\n\
        The road should reopen by evening if the wind drops as forecast, a police spokesman \
        said.\n\
        11:30\n\
        A tree has come down on the railway line near the old mill.\n";

    #[test]
    fn a_live_blog_keeps_its_entries_and_their_times() {
        let doc = Document::from_text(LIVE_BLOG.to_string(), 1, 0);
        assert_eq!(live_entries(&doc), [2, 4, 6, 8, 10]);
        let r = reasons(LIVE_BLOG);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        // a last entry of one short sentence still counts
        let short_end = LIVE_BLOG.replace(
            "A tree has come down on the railway line near the old mill.",
            "All trains have stopped.",
        );
        let doc = Document::from_text(short_end, 1, 0);
        assert_eq!(live_entries(&doc), [2, 4, 6, 8, 10]);
        // a comment thread: each clock comes with its author's name
        let thread = "Anna\n12:30\nI could not agree more with every word of this piece, thank you.\n\
            Ben\n12:45\nThe second half of the article misses the point about the ferries entirely.\n\
            Cleo\n13:05\nWe lost power for six hours last winter and nobody told us anything.\n";
        let doc = Document::from_text(thread.to_string(), 1, 0);
        assert_eq!(live_entries(&doc), Vec::<usize>::new());
    }

    const TOC_PAGE: &str = "How to keep hens that lay all year\n\
        Keeping a few hens in the garden is easier than most people think, and with the right \
        food, light and shelter they will lay eggs for most of the year.\n\
        Contents\n\
        Choosing the breed\n\
        Building the coop\n\
        Feeding the flock\n\
        Light in winter\n\
        The moult\n\
        Choosing the breed\n\
        Some breeds lay far more eggs than others, but the best layers are often the least hardy and need more care in cold weather.\n\
        Building the coop\n\
        A coop needs a dry floor, a perch for every hen and a nest box for every three or four birds, with a door that shuts at night.\n\
        Feeding the flock\n\
        Layers pellets give the hens what they need, and kitchen scraps should never be more than a small part of what they eat.\n\
        Light in winter\n\
        Hens lay when the days are long, so many keepers add a lamp in the coop to make up for the short days of winter.\n\
        The moult\n\
        Once a year the hens lose their feathers and stop laying for a few weeks while the new feathers grow back.\n";

    /// A table of contents between the lede and the article: its entries go, the lede and the
    /// subheadings below stay.
    #[test]
    fn a_table_of_contents_goes_and_the_lede_above_it_stays() {
        let r = reasons(TOC_PAGE);
        let reason = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, r)| *r);
        assert_eq!(reason("Contents"), Some(Some(Reason::TableOfContents)));
        assert!(r.iter().any(|(l, _)| l.starts_with("Keeping a few hens")));
        assert_eq!(reason("How to keep hens that lay all year"), Some(None));
        assert_eq!(reason("Keeping a few hens in the garden is easier than most people think, and with the right food, light and shelter they will lay eggs for most of the year."), Some(None));
        // each entry of the table goes, and its subheading below stays
        let copies: Vec<_> = r
            .iter()
            .filter(|(l, _)| l == "Choosing the breed" || l == "The moult")
            .map(|(_, r)| *r)
            .collect();
        let toc = Some(Reason::TableOfContents);
        assert_eq!(copies, [toc, toc, None, None]);
    }

    /// A wiki's numbered table of contents (`1 History`, `2.1 Early years`) links to its
    /// subheadings printed without the numbers, perhaps with their edit links: its entries go,
    /// every one of them, and the subheadings stay.
    #[test]
    fn a_numbered_table_of_contents_goes_and_its_subheadings_stay() {
        let page = "Contents\n1 History\n1.1 The first keeper\n2 Design\n3 Current use\n\
            The lighthouse on the headland guided ships past the shoals for more than a hundred years before a beacon replaced it.\n\
            History[edit]\n\
            It was built after a schooner was wrecked on the shoals, and the stone came by boat from a quarry across the bay.\n\
            The first keeper[edit]\n\
            The first keeper kept the light for thirty years and wrote down the weather every day in a logbook.\n\
            Design\n\
            The tower is built of granite, and its lantern held an oil lamp until a rotating lens replaced it.\n\
            Current use [ edit ]\n\
            Since the light went out, the keeper's cottage has housed a small museum about the bay and its wrecks.\n";
        let r = reasons(page);
        let reason = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, r)| *r);
        let toc = Some(Some(Reason::TableOfContents));
        for entry in [
            "Contents",
            "1 History",
            "1.1 The first keeper",
            "2 Design",
            "3 Current use",
        ] {
            assert_eq!(reason(entry), toc, "{entry}");
        }
        for heading in [
            "History[edit]",
            "The first keeper[edit]",
            "Design",
            "Current use [ edit ]",
        ] {
            assert_eq!(reason(heading), Some(None), "{heading}");
        }
    }

    #[test]
    fn section_numbers_open_entries_with_words_after_them() {
        assert_eq!(section_number_len("1 History"), Some(2));
        assert_eq!(section_number_len("2.1 Early years"), Some(4));
        assert_eq!(section_number_len("3. Design"), Some(3));
        assert_eq!(section_number_len("12.3.4 Énergie"), Some(7));
        for line in [
            "1990 Season",
            "2024 results",
            "3 %",
            "History",
            "1.",
            "",
            "1.2.",
            "7-day forecast",
        ] {
            assert_eq!(section_number_len(line), None, "{line}");
        }
    }

    /// A menu printed again in the footer (no prose between its copies) and teaser labels that
    /// recur more than twice are no table of contents.
    #[test]
    fn repeated_menus_and_teaser_labels_are_no_table_of_contents() {
        let menu = "News\nSport\nCulture\nTravel\n";
        let page = format!("{menu}{}{menu}", TOC_PAGE);
        let r = reasons(&page);
        assert!(r
            .iter()
            .filter(|(l, _)| l == "Sport")
            .all(|(_, r)| *r != Some(Reason::TableOfContents)));
        let teasers = "World\nTalks resume in Geneva\nJane Doe\n\
            Ministers met again on Monday after a week of silence, and both sides said that progress had been made on the main points.\n";
        let page = format!("{}{teasers}{teasers}{teasers}", TOC_PAGE);
        let r = reasons(&page);
        assert!(r
            .iter()
            .filter(|(l, _)| l == "World" || l == "Jane Doe")
            .all(|(_, r)| *r != Some(Reason::TableOfContents)));
    }

    /// On ASCII lines the byte path finds the words the character path finds, in order.
    #[test]
    fn ascii_long_words_are_the_char_path_words() {
        for line in [
            "",
            "short a bb ccc dddd",
            "Council approves the new harbour plan.",
            "  leading,trailing;;punctuation--EVERYWHERE__here  ",
            "abcde",
            "x12345y O'Brien's don't Isn't 2024-01-05 www.example.com/path?query=value",
            "tabs\tand\nnewlines\u{b}vertical\u{c}feeds\rreturns",
        ] {
            let by_byte = long_words(line, |l, s, f| for_long_ascii_words(l, s, f));
            let by_char = long_words(line, |l, s, f| for_long_words_by_char(l, s, f));
            assert_eq!(by_byte, by_char, "{line:?}");
        }
        assert_eq!(
            long_words("Harbour WALLS, winter", |l, s, f| for_long_words(l, s, f)),
            ["harbour", "walls", "winter"]
        );
        // a line with a few non-ASCII characters: quotes and dashes cut words, letters join them
        assert_eq!(
            long_words(
                "“Harbour” walls’ RENOVATION—début, Straße x12345",
                |l, s, f| { for_long_words(l, s, f) }
            ),
            [
                "harbour",
                "walls",
                "renovation",
                "début",
                "straße",
                "x12345"
            ]
        );
        // Han runs give their pairs of neighbours; kana and digits between them cut the runs
        assert_eq!(
            long_words("成都地铁30号线，今日開通した", |l, s, f| {
                for_long_words(l, s, f)
            }),
            ["成都", "都地", "地铁", "号线", "今日", "日開", "開通"]
        );
    }

    #[test]
    fn a_list_under_a_subheading_bridges_the_article_s_paragraphs() {
        let list = "What the refit brought\nA new engine\nWider benches\nLamps below deck\n\
                    A heated cabin for winter\nNobody complained.\n";
        let tail = "Timetables will stay as they were, although an extra evening crossing may \
                    follow if enough tickets sell in June.\n\
                    The mayor said she hopes to take the first trip herself, together with the \
                    volunteers who restored the benches.\n";
        let footer = "Contact | Imprint | Privacy | Cookies\n";
        let r = reasons(&format!("{LEDE}{list}{tail}{footer}"));
        let footer_line = footer.trim_end();
        for (l, why) in &r {
            assert_eq!(why.is_some(), l == footer_line, "{r:#?}");
        }
        // a run of single-word labels (a teaser card, a menu) under a heading is no such list,
        // nor a run that holds a line twice
        for (run, headed) in [
            (list, true),
            (
                "More from us\nHarbour\nFerries\nWeather\nTides\nEvents\n",
                false,
            ),
            (
                "Offers\nLearn more here\nTerms apply\nLearn more here\nTerms apply\n",
                false,
            ),
        ] {
            assert_eq!(
                headed_run(&format!("{LEDE}{run}{tail}"), run),
                headed,
                "{run:?}"
            );
        }
    }

    /// [`headed_list`] on the run `run` that follows [`LEDE`]'s three lines in `text`.
    fn headed_run(text: &str, run: &str) -> bool {
        let p = Params::for_strictness(Strictness::Normal);
        let doc = Document::from_text(text.to_string(), 1, 0);
        let out = classify(&doc, &p);
        let feats: Vec<Features> = out.iter().map(|v| v.features).collect();
        let langs = page_languages(&feats, &p);
        let end = 3 + run.lines().count();
        headed_list(&doc, &out, &[], &PageKeys::new(), &langs, 3, end)
    }

    #[test]
    fn a_run_with_the_marks_of_chrome_is_no_list_under_a_subheading() {
        let tail = "Timetables will stay as they were, although an extra evening crossing may \
                    follow if enough tickets sell in June.\n";
        // the control: sentence-case items under a heading
        let list = "What the refit brought\nA new engine\nWider benches\nLamps below deck\n\
                    A heated cabin for winter\n";
        assert!(headed_run(&format!("{LEDE}{list}{tail}"), list));
        // a line that comes again further down the page (a card's button, a form's label)
        let card = "Card offers\nCashback on groceries\nTerms apply\nNo fee in the first year\n\
                    Apply in a few minutes\n";
        let page = format!("{LEDE}{card}{tail}Travel cards\nTerms apply\n");
        assert!(!headed_run(&page, card));
        assert!(headed_run(&format!("{LEDE}{card}{tail}"), card));
        // a dateline among the lines (a list of posts)
        let posts = "Latest posts\nHow we painted the hull\n12 March 2024\n\
                     A winter on the slipway\nThe new bell arrives\n";
        assert!(!headed_run(&format!("{LEDE}{posts}{tail}"), posts));
        // most lines in Title Case: a menu of services, teaser titles
        let menu = "Our services\nHull Repairs And Painting\nEngine Service Plans\n\
                    Winter Storage Deals\nMooring Space Rentals\n";
        assert!(!headed_run(&format!("{LEDE}{menu}{tail}"), menu));
        // three lines that open, or end, with the same two words: links, buttons
        let links = "Browse the shop\nGo to the rope section\nGo to the paint section\n\
                     Go to the sail section\nOpening hours of the shop\n";
        assert!(!headed_run(&format!("{LEDE}{links}{tail}"), links));
        let galleries = "Pictures from the week\nThe old ferry photo gallery\n\
                         Our new pier photo gallery\nA winter harbour photo gallery\n\
                         Send us your pictures\n";
        assert!(!headed_run(&format!("{LEDE}{galleries}{tail}"), galleries));
    }

    #[test]
    fn a_german_list_of_nouns_is_no_title_case_menu() {
        let lede = "Neue Bibliothek am Hafen\n\
            Die neue Bibliothek am Hafen öffnet am Samstag ihre Türen, nachdem die Bauarbeiten \
            fast zwei Jahre gedauert haben und die Kosten deutlich gestiegen sind.\n\
            Die Stadt hat das alte Lagerhaus dafür umgebaut, und viele Freiwillige haben bei der \
            Einrichtung der Räume mitgeholfen.\n";
        let list = "Was sich ändert\nLängere Öffnungszeiten\nSchnelleres Internet\n\
                    Neue Sitzplätze am Fenster\nEin Café im Erdgeschoss\n";
        let tail = "Der Eintritt bleibt frei, und die Ausleihe kostet auch in Zukunft nichts, \
                    wie die Leiterin am Montag noch einmal betonte.\n";
        assert!(headed_run(&format!("{lede}{list}{tail}"), list));
    }

    #[test]
    fn a_menu_of_one_word_lines_above_the_headline_is_no_title() {
        let menu = format!("Sport\nWeather\nTravel\n\n{LEDE}");
        let r = reasons(&menu);
        for entry in ["Sport", "Weather", "Travel"] {
            let why = r.iter().find(|(l, _)| l == entry).map(|(_, why)| *why);
            assert!(matches!(why, Some(Some(_))), "{entry}: {r:#?}");
        }
        // a one-word headline over its prose is the title
        let r = reasons(&format!(
            "Storm\n\n{}",
            &LEDE[LEDE.find('\n').unwrap() + 1..]
        ));
        assert_eq!(r[0], ("Storm".to_string(), None), "{r:#?}");
        assert!(opens_a_menu(
            &classify(
                &Document::from_text("Sport\nNews\n".into(), 1, 0),
                &Params::for_strictness(Strictness::Normal)
            ),
            0
        ));
    }

    /// A page's head block under a menu: a dateline, two labelled credits and a widget's label
    /// no rule knows between the headline and the text, more lines than the head window
    /// reaches.
    const HEAD_BLOCK: &str = "Home\nNews\nSport\n\
        Shipyards reopen for winter ferry repairs\n\
        5 December 2026, 11:20\n\
        Text: Anna Reed\n\
        Photo: port office\n\
        Text settings\n";

    /// The text under [`HEAD_BLOCK`]: of the headline's long words it holds one (`ferry`),
    /// too few for the search by the headline's words.
    const HEAD_BLOCK_TEXT: &str = "The old ferry will carry passengers again from Saturday, the \
        port authority announced on Thursday, after a refit that took almost two years.\n\
        Crews replaced the engine, the deck and most of the wiring. The boat keeps its wooden \
        benches, which volunteers sanded and painted by hand over the cold months.\n";

    #[test]
    fn the_headline_over_a_head_block_the_window_does_not_reach_stays() {
        let r = reasons(&format!("{HEAD_BLOCK}{HEAD_BLOCK_TEXT}"));
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert_eq!(
            why("Shipyards reopen for winter ferry repairs"),
            Some(None),
            "{r:#?}"
        );
        // the menu above it still goes
        assert!(matches!(why("Sport"), Some(Some(_))), "{r:#?}");
        // a bulleted menu entry between the two ends the head block: the line over it is the
        // menu's, not the article's headline
        let menu = HEAD_BLOCK.replacen("Text: Anna Reed", "* Weather", 1);
        let r = reasons(&format!("{menu}{HEAD_BLOCK_TEXT}"));
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert!(
            matches!(
                why("Shipyards reopen for winter ferry repairs"),
                Some(Some(_))
            ),
            "{r:#?}"
        );
        // and a headline that shares no long word with the text is no headline of it
        let other = HEAD_BLOCK.replacen("ferry", "cargo", 1);
        let r = reasons(&format!("{other}{HEAD_BLOCK_TEXT}"));
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert!(
            matches!(
                why("Shipyards reopen for winter cargo repairs"),
                Some(Some(_))
            ),
            "{r:#?}"
        );
    }

    #[test]
    fn a_widget_label_the_rules_remove_is_no_headline_found() {
        // a font-size control and a share bar of five words or more, which rules remove, fill
        // the head window; the headline above them is still searched for, and found
        let text = format!(
            "Home\nNews\nSport\nShipyards reopen for winter ferry repairs\n\
             5 December 2026, 11:20\nShare this story on Facebook Twitter\n\
             Font size: small medium large\n{HEAD_BLOCK_TEXT}"
        );
        let doc = Document::from_text(text, 1, 0);
        let mut ruled = vec![false; doc.n_lines()];
        ruled[5] = true;
        ruled[6] = true;
        let p = Params::for_strictness(Strictness::Normal);
        let v = classify_ruled(&doc, &p, &ruled, &[], &[]);
        assert_eq!(v[3].remove, None, "{:?}", v[3]);
    }

    #[test]
    fn an_ingredient_list_may_end_with_items_without_a_measure() {
        let recipe = format!(
            "{LEDE}Ingredients\n250 g rye flour\n2 tsp dried yeast\n300 ml warm water\n\
             1 tbsp honey\nA handful of seeds\nSea salt\nMethod\n\
             Mix everything in a bowl, cover it with a towel and leave the dough to rise overnight.\n"
        );
        let r = reasons(&recipe);
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
    }
    #[test]
    fn a_keyword_list_between_abstract_and_introduction_keeps_the_introduction() {
        let abstract_ = "Alpine meadows flower earlier after warm winters, but how much the soil \
            moisture of the previous autumn shapes the timing of spring flowering has rarely been \
            measured. We followed flowering in 64 meadow plots over nine years and show that dry \
            autumns delay the spring flowering of most species by up to eleven days. The delay \
            was largest for shallow-rooted grasses and smallest for deep-rooted herbs, which \
            suggests that the response of the meadows to drier autumns will depend on which \
            species dominate them.";
        let intro = "Most alpine plants have only a few weeks between snowmelt and the first \
            frost of autumn, so the day on which they flower decides how many seeds they ripen.";
        let r = reasons(&format!(
            "Abstract\n{abstract_}\nKeywords\nsoil moisture, flowering time, alpine meadows, \
             drought\nIntroduction\n{intro}\n"
        ));
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(terms_line("Bodenfeuchte; Blühzeitpunkt; alpine Wiesen"));
        for other in [
            "salt, pepper",
            "Monday, 5 May, 2024",
            "We came, we saw, we stayed.",
            "Lena M. Berg1, Omar Haddad2 & Ines Costa1",
            "Keywords:",
            "In Living , Homestory , Interior design , Berlin",
            "Cast: Ann Lee, Bo Marsh, Cy Ortiz",
            "Tags: soil, drought, meadows",
            "by Ann Lee, Editor, The Weekly",
            "- Ann Thursday, 13 Jul, 2006 by Ann",
        ] {
            assert!(!terms_line(other), "{other}");
        }
    }

    /// A page's text under a head block longer than the head window, for
    /// [`headline_under_menu`]'s tests.
    const UNDER_MENU_TEXT: &str = "Over four evenings the park hosts some thirty bands from \
        across the region, from street brass to chamber orchestras, on three stages set up \
        between the rose garden and the lake.\n\
        Gates open at six and the last concerts end around midnight; free shuttles run to the \
        nearest tram stops until one in the morning.\n";

    #[test]
    fn the_headline_under_a_breadcrumb_over_a_long_head_block_stays() {
        // a date, a place and a ticket link fill the head window; the place's five words
        // passed for the headline found, and the headline (a year in it) went
        let text = format!(
            "Home / Events / Music\nRiverside Summer Nights 2026\nFrom 3 to 6 July 2026\n\
             Old Harbour Park, north gate\nTickets\n{UNDER_MENU_TEXT}"
        );
        let r = reasons(&text);
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert_eq!(why("Riverside Summer Nights 2026"), Some(None), "{r:#?}");
        assert!(
            matches!(why("Home / Events / Music"), Some(Some(_))),
            "{r:#?}"
        );
        // a product's name over its price and rating; a job's title over company, place, pay
        for head in [
            "Home > Garden > Lighting\nSolar Lantern Outdoor Set of Four\n€34.90\n\
             4.6 out of 5 stars (212 reviews)\nFree delivery\nIn stock\n",
            "Careers | Open positions\nStage Crew Night Supervisor\nHarbour Events Ltd\n\
             Bristol, UK\nFull-time\nGBP 32,000 a year\n",
        ] {
            let r = reasons(&format!("{head}{UNDER_MENU_TEXT}"));
            let title = head.lines().nth(1).unwrap();
            let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
            assert_eq!(why(title), Some(None), "{r:#?}");
        }
    }

    /// `text` normalised as the pipeline does it, its narrow gaps told to the document.
    fn gapped_doc(text: &str) -> Document {
        let (text, narrow) = crate::input::normalize::normalize_marking_narrow_gaps(text);
        let mut doc = Document::from_text(text, 1, 0);
        doc.narrow_gaps = narrow;
        doc
    }

    #[test]
    fn a_spaced_menu_is_short_capitalised_entries_between_narrow_gaps() {
        let entries = |text: &str| spaced_menu(&gapped_doc(text), 0);
        assert_eq!(entries("Home  Episodes  About  Contact"), Some(4));
        assert_eq!(entries("HOME   RSS FEEDS   SEARCH"), Some(3));
        assert_eq!(entries("Contact Us  About Us  My Account"), Some(3));
        assert_eq!(entries("News & Events  Top 10  Shop"), Some(3));
        assert_eq!(entries("Startseite  Über Uns  Kontakt"), Some(3));
        for line in [
            // the same words joined by single spaces, or by wide gaps (a table's cells)
            "Home Episodes About Contact",
            "Home    Episodes    About",
            // two entries only
            "Home  Episodes",
            // a sentence with two spaces after its full stop
            "The results came in late.  Nobody was surprised.  Least of all the mayor",
            // a headline with a stray double space: an entry of four words, a lowercase word
            "Storm Damage  Along the Coast  Tonight",
            "The Lighthouse  Keeper of Fennick  Point",
            // an entry in sentence case (a headline's clauses could be)
            "Startseite  Über uns  Kontakt",
            // an entry ends a sentence or a clause, or holds no capital letter
            "Sale  Free Delivery!  Shop",
            "Herndon, VA  22071  USA",
            "Read more:  Sport  Weather",
            "首页  新闻  体育",
            // an entry named twice (a table's units, a row of values)
            "Inches  Millimeters  Inches  Millimeters",
        ] {
            assert_eq!(entries(line), None, "{line:?}");
        }
        // a table's header over its rows is none; a menu over a menu is
        let doc = gapped_doc("Name  Surname  Occupation\n1  Alma  Reyes  Pilot\n");
        assert_eq!(spaced_menu(&doc, 0), None);
        let doc = gapped_doc("Home  News  Sport\nLogin  Register  Help\n");
        assert_eq!(
            (spaced_menu(&doc, 0), spaced_menu(&doc, 1)),
            (Some(3), Some(3))
        );
    }

    #[test]
    fn a_spaced_menu_goes_and_the_headline_under_it_stays() {
        let reasons = |text: &str| {
            let doc = gapped_doc(text);
            let v = classify(&doc, &Params::for_strictness(Strictness::Normal));
            (0..doc.n_lines())
                .filter(|&i| !doc.is_blank(i))
                .map(|i| (doc.line(i).to_string(), v[i].remove))
                .collect::<Vec<_>>()
        };
        // right above the text, and above a head block longer than the head window
        for head in [
            "Home  Episodes  About  Contact\nRiverside Summer Nights 2026\n",
            "Home  Events  Music\nRiverside Summer Nights 2026\nFrom 3 to 6 July 2026\n\
             Old Harbour Park, north gate\nTickets\n",
        ] {
            let r = reasons(&format!("{head}{UNDER_MENU_TEXT}"));
            let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
            let menu = crate::input::normalize::normalize(head.lines().next().unwrap());
            assert_eq!(why(&menu), Some(Some(Reason::SpacedMenu)), "{r:#?}");
            assert_eq!(why("Riverside Summer Nights 2026"), Some(None), "{r:#?}");
        }
        // a headline and a sentence with a double space stay
        let r = reasons(&format!(
            "Riverside  Summer Nights 2026\n{UNDER_MENU_TEXT}Gates close at one.  Shuttles run \
             to the nearest tram stops until two in the morning, the organisers say.\n"
        ));
        assert!(r.iter().all(|(_, why)| why.is_none()), "{r:#?}");
        assert!(
            r.iter().any(|(l, _)| l.starts_with("Riverside Summer")),
            "{r:#?}"
        );
    }

    #[test]
    fn tags_joined_by_commas_are_no_headline() {
        assert!(tags_line(
            "Corona & die Folgen, Debatte, Deutschland, Politik"
        ));
        assert!(tags_line("News, Sport, Weather"));
        assert!(!tags_line("Festival des Nuits d'Été 2026"));
        assert!(!tags_line(
            "Dresdner Stollenfest, wo jahrhundertelange Tradition auf Können trifft"
        ));
        assert!(opens_like_a_headline("„Wir bleiben“ sagen die Fischer"));
        assert!(opens_like_a_headline("2026 Riverside Nights"));
        assert!(!opens_like_a_headline(
            "← August 12 – Perseids meteor shower"
        ));
        assert!(!opens_like_a_headline("+ 10"));
        // a breadcrumb is a menu line; a bare address or a dash between two names is none
        let menu = |l: &str| menu_line(l, &features::extract(l, &mut String::new()));
        assert!(menu("Accueil / Agenda / Concerts"));
        assert!(menu("The Paper » Science »"));
        assert!(!menu("http://www.example.org/newsletter-signup"));
        assert!(!menu("Chemie A - Z"));
        assert!(!menu("14 | 03 | 2026"));
    }

    #[test]
    fn a_section_title_under_a_breadcrumb_over_the_headline_goes() {
        // the line under the breadcrumb is the section's name when a longer headline follows
        let text = format!(
            "Home / Events / Music\nWhat's On\nRiverside nights return to the park\n\
             By Anna Reed\nFrom 3 to 6 July 2026\nOld Harbour Park\n{UNDER_MENU_TEXT}"
        );
        let r = reasons(&text);
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert!(matches!(why("What's On"), Some(Some(_))), "{r:#?}");
        let r = reasons(&text.replacen("What's On", "Music and Stage Guide", 1));
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert!(
            matches!(why("Music and Stage Guide"), Some(Some(_))),
            "{r:#?}"
        );
        // no breadcrumb over the head block: nothing is found by place (the document's first
        // line is the title's own rule)
        let r = reasons(&format!(
            "A long line of a sidebar that tells of something else entirely, not the article.\n\
             Riverside Summer Nights 2026\nFrom 3 to 6 July 2026\nOld Harbour Park, north \
             gate\nTickets\n{UNDER_MENU_TEXT}"
        ));
        let why = |line: &str| r.iter().find(|(l, _)| l == line).map(|(_, why)| *why);
        assert!(
            matches!(why("Riverside Summer Nights 2026"), Some(Some(_))),
            "{r:#?}"
        );
    }

    /// A recipe's intro, its times and servings, its ingredients under their subheading and its
    /// steps under theirs.
    const RECIPE: &str = "This soup is the one I make whenever the first cold week arrives: it \
        takes twenty minutes and tastes of a whole afternoon on the stove.\n\
        Prep Time: 5 mins\n\
        Cook Time: 20 mins\n\
        Servings: 4\n\
        Ingredients\n\
        1 onion, chopped\n\
        2 carrots, sliced\n\
        1 litre vegetable stock\n\
        200 g red lentils\n\
        salt and pepper\n\
        Instructions\n\
        Soften the onion and the carrots in a little oil for five minutes.\n\
        Add the stock and the lentils and simmer them until the lentils fall apart.\n\
        Season the soup, blend half of it and stir it back into the pot before serving.\n";

    #[test]
    fn rows_and_a_headed_list_between_the_intro_and_the_steps_are_the_article_s() {
        // (the classifier alone: the menu above is the rules' to remove)
        let text = format!("Home\nSoups\nContact\n{RECIPE}");
        let got = reasons(&text);
        assert!(got[3..].iter().all(|(_, r)| r.is_none()), "{got:?}");
    }

    #[test]
    fn a_headed_list_right_above_the_steps_joins_the_core() {
        // no intro: the steps are the core, the materials over them under their subheading
        let text = "Inicio\nBricolaje\nContacto\nMateriales\n2 tablas de pino\n\
            4 listones de haya\n12 tornillos para madera\n1 pliego de lija\n1 bote de pintura\n\
            cola blanca\nPasos\n\
            Corta las tablas a la medida que necesites y lija bien todos los bordes.\n\
            Une las tablas con los tornillos, comprobando que la estructura quede recta.\n\
            Pinta la estantería con dos manos de pintura y deja que se seque toda la noche.\n";
        let got = reasons(text);
        assert!(got[3..].iter().all(|(_, r)| r.is_none()), "{got:?}");
    }

    #[test]
    fn rows_over_a_list_of_teaser_titles_stay_out_of_the_article() {
        // a block of properties over headlines in Title Case is a sidebar, not a recipe's list
        let text = format!(
            "{LEDE}Category: Local News\nAuthor: Staff\nMost Read\nCouncil Approves New Budget\n\
             Harbour Ferry Returns Early\nCity Marathon Draws Record Crowd\n\
             The ferry's timetable will be posted at the pier and on the port authority's notice \
             board in the coming days.\n"
        );
        let got = reasons(&text);
        let kept: Vec<&str> = got
            .iter()
            .filter(|(l, r)| r.is_none() && l.contains("Record Crowd"))
            .map(|(l, _)| l.as_str())
            .collect();
        assert!(kept.is_empty(), "{got:?}");
    }
}
