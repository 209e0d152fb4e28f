//! Small helpers rules share: whole-line phrase matching on short lines, a lazily compiled
//! regex, lazily built word automata for cheap prefilters, and the cue scan several rules share
//! (one pass per line finds every sharing rule's cue words). Rules are about shapes of lines, so
//! these keep each rule file about its pattern.

use regex::Regex;

use crate::doc::Document;

/// Clones of each [`Lazy`] regex, used by threads in turn: a regex keeps its search caches in a
/// pool whose fast path serves one thread (its first user); every other thread takes a lock
/// per search. A clone has a pool of its own, so the workers of a small pool each get theirs.
const CLONES: usize = 4;

/// The slot of the current thread among [`CLONES`], given in the order threads first ask.
fn thread_slot() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    SLOT.with(|s| *s) % CLONES
}

/// A regex compiled once, on first use (see [`CLONES`] for why it is held several times),
/// with the [`Prefiltered`] search beside it.
pub struct Lazy(std::sync::OnceLock<[Prefiltered; CLONES]>, &'static str);

impl Lazy {
    pub const fn new(pattern: &'static str) -> Lazy {
        Lazy(std::sync::OnceLock::new(), pattern)
    }

    fn compiled(&self) -> &Prefiltered {
        let all = self.0.get_or_init(|| {
            let re = Prefiltered::new(self.1);
            std::array::from_fn(|_| re.clone())
        });
        &all[thread_slot()]
    }

    pub fn get(&self) -> &Regex {
        self.compiled().exact.get()
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.compiled().is_match(s)
    }

    /// The pattern's source.
    #[cfg(test)]
    pub fn pattern(&self) -> &'static str {
        self.1
    }

    /// The regex's captures of its first match in `s` (see [`Lazy::asked`]).
    pub fn captures<'h>(&self, s: &'h str) -> Option<regex::Captures<'h>> {
        self.asked(s, Regex::captures)
    }

    /// The regex's first match in `s` (see [`Lazy::asked`]).
    pub fn find<'h>(&self, s: &'h str) -> Option<regex::Match<'h>> {
        self.asked(s, Regex::find)
    }

    /// The byte length of the regex's match at the start of `s`: the end of [`Lazy::find`]'s
    /// match, for a pattern whose every match opens at the start (`^`). Such a pattern has its
    /// own forward lazy DFA (see [`Prefiltered`]), whose leftmost-first search ends where the
    /// regex's match ends (the regex crate finds a match's end with the same search): it
    /// answers, with no captures, reverse search or pool of the regex crate; the regex answers
    /// where the DFA gives up.
    pub fn prefix_len(&self, s: &str) -> Option<usize> {
        if let Some(found) = self.compiled().direct.as_ref().and_then(|d| d.match_end(s)) {
            return found;
        }
        self.find(s).map(|m| {
            debug_assert_eq!(
                m.start(),
                0,
                "prefix_len of a pattern not anchored at the start"
            );
            m.end()
        })
    }

    /// The byte range of the regex's first match in `s`, the one [`Lazy::find`] gives, without
    /// compiling the regex for it: until a rule compiles the regex, the [`Matcher`]'s PikeVM
    /// finds it. For rules that ask positions only on the few lines their pattern matches: the
    /// regex crate compiles much more than the [`Matcher`] (see there), up to about 60M
    /// instructions for a pattern with a long repetition of `.`, and a PikeVM search of a
    /// short line costs a small part of that.
    pub fn span(&self, s: &str) -> Option<std::ops::Range<usize>> {
        let compiled = self.compiled();
        compiled
            .may_match(s)
            .then(|| compiled.exact.span(s))
            .flatten()
    }

    /// `ask` of the regex on `s`, asked only where [`Prefiltered::may_match`] allows a match
    /// (so the regex is compiled only for a line its pattern can match).
    fn asked<'h, T>(
        &self,
        s: &'h str,
        ask: impl FnOnce(&Regex, &'h str) -> Option<T>,
    ) -> Option<T> {
        let compiled = self.compiled();
        compiled
            .may_match(s)
            .then(|| ask(compiled.exact.get(), s))
            .flatten()
    }
}

/// A regex, and beside it a cheaper search for a looser form of its pattern, which answers
/// first where the regex's own search is slow.
///
/// The looser pattern has no Unicode word boundaries (`\b`) and no upper bound on a long
/// counted repetition (`[^()]{1,60}` becomes `[^()]+`). It matches wherever the regex matches
/// (a boundary or a bound only narrows a match), so when it finds nothing, which is the answer
/// on nearly every line, the regex finds nothing either; where it finds a match, or gives up,
/// the regex decides. Both forms make the regex crate's fast engine (a lazy DFA) slow:
/// - it reads a Unicode word boundary only between ASCII bytes, so on a line with a curly
///   quote, a dash or an accented letter it gives up and a backtracker or the PikeVM searches
///   again, at several times the cost;
/// - a long counted repetition makes it build new states on nearly every line.
///
/// The looser pattern runs in a lazy DFA of its own (forward only, no captures): on lines that
/// are not ASCII when the regex only has word boundaries, on every line when it has a long
/// counted repetition.
///
/// A pattern anchored at the line's start and without Unicode word boundaries (most whole-line
/// phrase lists) is answered whole by a forward lazy DFA of its own (`direct`): that is the
/// engine the regex crate's `is_match` runs for such a pattern, but the regex crate compiles
/// much more first (an NFA with captures, a reverse NFA, a one-pass DFA), and compiling the
/// rules' regexes was most of the time of a one-page run. The regex itself is then compiled
/// only for a line the DFA matches and a rule wants captures or positions of.
///
/// Any other pattern is compiled on the first line that gets past the looser pattern (or on the
/// first line asked, without one): a pattern whose looser form never matches in a run compiles
/// nothing more, which is most of the cost of a small run. What is compiled then is the regex
/// when a rule asks for positions or captures, and otherwise only a [`Matcher`] (most rule
/// regexes are only asked whether they match).
struct Prefiltered {
    exact: Exact,
    /// The looser pattern's lazy DFA, with its cache; `None` when the pattern has neither.
    loose: Option<Dfa>,
    /// The pattern's own forward lazy DFA, for a pattern anchored at the start without Unicode
    /// word boundaries; `None` otherwise (the regex answers).
    direct: Option<Dfa>,
}

/// The regex crate's regex of a pattern, compiled on first use: once for all clones (in
/// `shared`), then cloned into each clone's own slot, so that each keeps its own search caches
/// (see [`CLONES`]).
struct Exact {
    pattern: std::sync::Arc<str>,
    shared: std::sync::Arc<std::sync::OnceLock<Regex>>,
    own: std::sync::OnceLock<Regex>,
    /// The pattern's yes/no engines, compiled on the first `is_match` that needs the regex
    /// while the regex is not compiled (see [`Matcher`]).
    matcher: std::sync::Arc<std::sync::OnceLock<Matcher>>,
    /// This clone's caches of the [`Matcher`]'s engines.
    matcher_caches: std::sync::OnceLock<std::sync::Mutex<MatcherCaches>>,
    /// The pattern parsed, when [`Prefiltered::new`] parsed it (the [`Matcher`] starts from it).
    hir: Option<std::sync::Arc<regex_syntax::hir::Hir>>,
    /// Whether the [`Matcher`] has a lazy DFA (see [`Matcher::new`]).
    matcher_dfa: bool,
}

impl Exact {
    fn new(
        pattern: &str,
        hir: Option<std::sync::Arc<regex_syntax::hir::Hir>>,
        matcher_dfa: bool,
    ) -> Exact {
        Exact {
            pattern: pattern.into(),
            shared: Default::default(),
            own: std::sync::OnceLock::new(),
            matcher: Default::default(),
            matcher_caches: std::sync::OnceLock::new(),
            hir,
            matcher_dfa,
        }
    }

    /// Whether the regex matches somewhere in `s`: the regex answers once it is compiled (a
    /// rule asked it for positions or captures), the [`Matcher`] otherwise.
    fn is_match(&self, s: &str) -> bool {
        if let Some(re) = self.own.get().or_else(|| self.shared.get()) {
            return re.is_match(s);
        }
        self.with_matcher(|matcher, caches| matcher.is_match(caches, s))
    }

    /// The byte range of the regex's first match in `s`: the regex finds it once it is
    /// compiled, the [`Matcher`] otherwise.
    fn span(&self, s: &str) -> Option<std::ops::Range<usize>> {
        if let Some(re) = self.own.get().or_else(|| self.shared.get()) {
            return re.find(s).map(|m| m.range());
        }
        self.with_matcher(|matcher, caches| matcher.span(caches, s))
    }

    /// `ask` of the [`Matcher`] (compiled on first use) with this clone's caches of it.
    fn with_matcher<T>(&self, ask: impl FnOnce(&Matcher, &mut MatcherCaches) -> T) -> T {
        let matcher = self
            .matcher
            .get_or_init(|| Matcher::new(&self.pattern, self.hir.as_deref(), self.matcher_dfa));
        let caches = self
            .matcher_caches
            .get_or_init(|| std::sync::Mutex::new(matcher.create_caches()));
        match caches.lock() {
            Ok(mut caches) => ask(matcher, &mut caches),
            Err(poisoned) => ask(matcher, &mut poisoned.into_inner()),
        }
    }

    fn get(&self) -> &Regex {
        self.own.get_or_init(|| {
            self.shared
                .get_or_init(|| Regex::new(&self.pattern).expect("built-in rule regex compiles"))
                .clone()
        })
    }
}

impl Clone for Exact {
    /// A clone shares the compiled regex and will hold a copy of its own.
    fn clone(&self) -> Exact {
        Exact {
            pattern: self.pattern.clone(),
            shared: self.shared.clone(),
            own: std::sync::OnceLock::new(),
            matcher: self.matcher.clone(),
            matcher_caches: std::sync::OnceLock::new(),
            hir: self.hir.clone(),
            matcher_dfa: self.matcher_dfa,
        }
    }
}

/// A regex's yes/no answer without the regex: a forward lazy DFA of the pattern, which reads
/// Unicode word boundaries on ASCII text only, and where it gives up (on a line that is not
/// ASCII), a bounded backtracker over the same NFA, or a PikeVM on a line too long for the
/// backtracker. All are engines the regex crate answers `is_match` with, and they answer the
/// same (the backtracker and the PikeVM find the same leftmost-first match too); but the regex
/// crate compiles much more first (an NFA with every capture group, a reverse NFA, literal
/// prefilters, a one-pass DFA), and most rule regexes are only ever asked whether they match.
/// The regex crate prefers the backtracker to the PikeVM where the line fits it, as here: it
/// costs a fraction of the PikeVM's steps on a line of a sentence or two.
struct Matcher {
    /// `None` for a pattern with a long counted repetition (see [`Matcher::new`]).
    dfa: Option<regex_automata::hybrid::dfa::DFA>,
    backtracker: regex_automata::nfa::thompson::backtrack::BoundedBacktracker,
    pikevm: regex_automata::nfa::thompson::pikevm::PikeVM,
}

/// A [`Matcher`]'s search caches.
struct MatcherCaches {
    dfa: Option<regex_automata::hybrid::dfa::Cache>,
    backtracker: regex_automata::nfa::thompson::backtrack::Cache,
    pikevm: regex_automata::nfa::thompson::pikevm::Cache,
}

impl Matcher {
    /// The matcher of `pattern`, of which `hir` is the parsed form when it was parsed before;
    /// with a lazy DFA when `with_dfa`. [`Prefiltered::new`] leaves the DFA out for a pattern
    /// with a long counted repetition (such as `\bcomments?\b.{0,30}\bmoderated\b`): its looser
    /// form answers first on every line, so the matcher is asked only on the few lines that
    /// form matched, and there a lazy DFA builds new states for each count of the repetition
    /// (and each mix of counts where the words before it recur), several kilobytes on each of
    /// those lines, which costs more than the backtracker's search of the line.
    fn new(pattern: &str, hir: Option<&regex_syntax::hir::Hir>, with_dfa: bool) -> Matcher {
        use regex_automata::{hybrid::dfa::DFA, nfa::thompson};
        let parsed;
        let hir = match hir {
            Some(hir) => hir,
            None => {
                parsed = regex_syntax::parse(pattern).expect("built-in rule regex parses");
                &parsed
            }
        };
        // the whole match only: its PikeVM needs the one implicit group
        let nfa = compile_nfa(hir, thompson::WhichCaptures::Implicit)
            .expect("built-in rule regex compiles");
        let dfa = with_dfa.then(|| {
            DFA::builder()
                .configure(
                    DFA::config()
                        .unicode_word_boundary(true)
                        .cache_capacity(LAZY_DFA_CACHE_CAPACITY),
                )
                .build_from_nfa(nfa.clone())
                .expect("built-in rule regex compiles")
        });
        let backtracker = thompson::backtrack::BoundedBacktracker::new_from_nfa(nfa.clone())
            .expect("built-in rule regex compiles");
        let pikevm =
            thompson::pikevm::PikeVM::new_from_nfa(nfa).expect("built-in rule regex compiles");
        Matcher {
            dfa,
            backtracker,
            pikevm,
        }
    }

    fn create_caches(&self) -> MatcherCaches {
        MatcherCaches {
            dfa: self.dfa.as_ref().map(|dfa| dfa.create_cache()),
            backtracker: self.backtracker.create_cache(),
            pikevm: self.pikevm.create_cache(),
        }
    }

    /// The byte range of the leftmost-first match in `s` (what the regex crate's `find`
    /// gives), found by the backtracker or, on a line too long for it, the PikeVM; both read
    /// Unicode word boundaries on any text.
    fn span(&self, caches: &mut MatcherCaches, s: &str) -> Option<std::ops::Range<usize>> {
        let input = regex_automata::Input::new(s);
        if s.len() <= self.backtracker.max_haystack_len() {
            if let Ok(found) = self
                .backtracker
                .try_find(&mut caches.backtracker, input.clone())
            {
                return found.map(|m| m.range());
            }
        }
        self.pikevm
            .find(&mut caches.pikevm, input)
            .map(|m| m.range())
    }

    fn is_match(&self, caches: &mut MatcherCaches, s: &str) -> bool {
        let input = regex_automata::Input::new(s).earliest(true);
        if let (Some(dfa), Some(cache)) = (&self.dfa, &mut caches.dfa) {
            if let Ok(found) = dfa.try_search_fwd(cache, &input) {
                return found.is_some();
            }
        }
        if s.len() <= self.backtracker.max_haystack_len() {
            if let Ok(found) = self
                .backtracker
                .try_is_match(&mut caches.backtracker, input.clone())
            {
                return found;
            }
        }
        self.pikevm.is_match(&mut caches.pikevm, input)
    }
}

/// The Thompson NFA of `hir` with the `captures` asked (`None` when it does not build), built
/// by this thread's compiler for that choice. A compiler allocates large tables on its first build (a cache of compiled
/// UTF-8 ranges of 10,000 entries among them) and frees them when dropped, which cost about
/// as much as compiling a small pattern; kept, it clears them between builds by a version
/// number. The NFA is the one a new compiler of the same configuration builds.
pub(super) fn compile_nfa(
    hir: &regex_syntax::hir::Hir,
    captures: regex_automata::nfa::thompson::WhichCaptures,
) -> Option<regex_automata::nfa::thompson::NFA> {
    use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};
    thread_local! {
        /// One compiler for each capture choice the rules ask (none, implicit, all).
        static COMPILERS: std::cell::RefCell<[Option<Compiler>; 3]> =
            const { std::cell::RefCell::new([None, None, None]) };
    }
    let slot = match captures {
        WhichCaptures::None => 0,
        WhichCaptures::Implicit => 1,
        WhichCaptures::All => 2,
    };
    COMPILERS.with(|compilers| {
        let mut compilers = compilers.borrow_mut();
        compilers[slot]
            .get_or_insert_with(|| {
                let mut compiler = Compiler::new();
                compiler.configure(Config::new().which_captures(captures));
                compiler
            })
            .build_from_hir(hir)
            .ok()
    })
}

/// Most bytes of a lazy DFA's cache of built states (the regex crate's default is 2 MiB). A
/// cache that fills is cleared and its states are built again as lines need them: R003's
/// widget-label list, with hundreds of alternatives, outgrew the default on a 25 MB run and
/// built its states twice. A cache holds only the states built, so a small pattern's cache
/// stays small; the answers are the same at any capacity (a search never gives up for a
/// cleared cache).
const LAZY_DFA_CACHE_CAPACITY: usize = 16 << 20;

/// A forward lazy DFA without captures, with its cache.
struct Dfa {
    dfa: std::sync::Arc<regex_automata::hybrid::dfa::DFA>,
    /// Made on the first search: of the [`CLONES`], a run uses only those of the threads that
    /// search (one with `-j1`), and making a cache costs as much as many searches.
    cache: std::sync::OnceLock<std::sync::Mutex<regex_automata::hybrid::dfa::Cache>>,
    /// Whether it answers on ASCII lines too (for a looser pattern: a bound was opened).
    on_ascii: bool,
}

impl Dfa {
    /// The DFA of `hir`; `None` when it does not build.
    fn build(hir: &regex_syntax::hir::Hir, on_ascii: bool) -> Option<Dfa> {
        use regex_automata::{hybrid::dfa::DFA, nfa::thompson};
        let nfa = compile_nfa(hir, thompson::WhichCaptures::None)?;
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(LAZY_DFA_CACHE_CAPACITY))
            .build_from_nfa(nfa)
            .ok()?;
        Some(Dfa {
            cache: std::sync::OnceLock::new(),
            dfa: std::sync::Arc::new(dfa),
            on_ascii,
        })
    }

    /// Whether the DFA matches somewhere in `s`; `None` where it gave up.
    fn search(&self, s: &str) -> Option<bool> {
        self.search_fwd(&regex_automata::Input::new(s).earliest(true))
            .map(|m| m.is_some())
    }

    /// The end of the DFA's leftmost-first match in `s` (`Some(None)`: no match); `None` where
    /// it gave up.
    fn match_end(&self, s: &str) -> Option<Option<usize>> {
        self.search_fwd(&regex_automata::Input::new(s))
            .map(|m| m.map(|m| m.offset()))
    }

    /// The DFA's forward search of `input` with this pattern's cache; `None` where it gave up.
    fn search_fwd(
        &self,
        input: &regex_automata::Input<'_>,
    ) -> Option<Option<regex_automata::HalfMatch>> {
        let cache = self
            .cache
            .get_or_init(|| std::sync::Mutex::new(self.dfa.create_cache()));
        let found = match cache.lock() {
            Ok(mut cache) => self.dfa.try_search_fwd(&mut cache, input),
            Err(poisoned) => self.dfa.try_search_fwd(&mut poisoned.into_inner(), input),
        };
        found.ok()
    }
}

impl Clone for Dfa {
    /// A clone shares the compiled automaton and will have a cache of its own.
    fn clone(&self) -> Dfa {
        Dfa {
            dfa: self.dfa.clone(),
            cache: std::sync::OnceLock::new(),
            on_ascii: self.on_ascii,
        }
    }
}

impl Clone for Prefiltered {
    /// A clone shares the compiled automata and has caches of its own.
    fn clone(&self) -> Prefiltered {
        Prefiltered {
            exact: self.exact.clone(),
            loose: self.loose.clone(),
            direct: self.direct.clone(),
        }
    }
}

impl Prefiltered {
    /// Compiles a built-in pattern (it panics on a pattern that does not compile: the rules'
    /// own tests compile every one).
    fn new(pattern: &str) -> Prefiltered {
        // only a pattern that may open with `^`, or has a boundary or a bound, is parsed here
        let hir = (pattern.contains('^')
            || pattern.contains("\\b")
            || pattern.contains("\\B")
            || pattern.contains('{'))
        .then(|| regex_syntax::parse(pattern).ok())
        .flatten();
        let parsed = hir.clone().map(std::sync::Arc::new);
        let direct = hir
            .as_ref()
            .filter(|h| {
                let props = h.properties();
                props
                    .look_set_prefix()
                    .contains(regex_syntax::hir::Look::Start)
                    && !props.look_set().contains_word_unicode()
            })
            .and_then(|h| Dfa::build(h, true));
        // a pattern answered by its own DFA needs no looser form: the DFA gives the answer the
        // looser pattern could only narrow (it gives up on no line: it has no Unicode word
        // boundary to quit on, and a lazy DFA with no cache-clear limit never gives up; were it
        // to, the regex answers)
        let loose = hir
            .filter(|_| direct.is_none())
            .and_then(|h| loosened(pattern, h))
            .and_then(|(hir, on_ascii)| Dfa::build(&hir, on_ascii));
        // the matcher of a pattern with a long counted repetition has no DFA (see
        // [`Matcher::new`]): its looser form opened a bound, so it answers on every line
        let exact = Exact::new(
            pattern,
            parsed,
            !loose.as_ref().is_some_and(|loose| loose.on_ascii),
        );
        Prefiltered {
            exact,
            loose,
            direct,
        }
    }

    fn is_match(&self, s: &str) -> bool {
        if let Some(found) = self.direct.as_ref().and_then(|d| d.search(s)) {
            return found;
        }
        self.loose_may_match(s) && self.exact.is_match(s)
    }

    /// False only where the regex cannot match `s`: the pattern's own DFA does not match, or
    /// the looser pattern finds nothing in it. True where neither answers (see [`Prefiltered`]).
    fn may_match(&self, s: &str) -> bool {
        match self.direct.as_ref().and_then(|d| d.search(s)) {
            Some(found) => found,
            None => self.loose_may_match(s),
        }
    }

    /// False only where the looser pattern finds nothing in `s` (a pattern with its own DFA
    /// has none: see [`Prefiltered::new`]).
    fn loose_may_match(&self, s: &str) -> bool {
        match &self.loose {
            Some(loose) => !((loose.on_ascii || !s.is_ascii()) && loose.search(s) == Some(false)),
            None => true,
        }
    }
}

/// A counted repetition whose upper bound is at least this is opened in the looser pattern.
const LONG_REPETITION: u32 = 10;

/// The looser form of `pattern` (see [`Prefiltered`]) and whether a bound was opened (so it
/// answers on ASCII lines too); `None` when the pattern has no Unicode word boundary and no
/// long counted repetition, or does not parse.
pub(super) fn loosened(
    pattern: &str,
    hir: regex_syntax::hir::Hir,
) -> Option<(regex_syntax::hir::Hir, bool)> {
    use regex_syntax::hir::{Hir, HirKind, Look};
    /// `hir` loosened; `opened` is set when a bound is opened.
    fn loosen(hir: Hir, opened: &mut bool) -> Hir {
        match hir.into_kind() {
            HirKind::Look(
                Look::WordUnicode
                | Look::WordUnicodeNegate
                | Look::WordStartUnicode
                | Look::WordEndUnicode
                | Look::WordStartHalfUnicode
                | Look::WordEndHalfUnicode,
            ) => Hir::empty(),
            HirKind::Repetition(mut r) => {
                if r.max.is_some_and(|m| m >= LONG_REPETITION) {
                    r.max = None;
                    *opened = true;
                }
                r.sub = Box::new(loosen(*r.sub, opened));
                Hir::repetition(r)
            }
            HirKind::Capture(mut c) => {
                c.sub = Box::new(loosen(*c.sub, opened));
                Hir::capture(c)
            }
            HirKind::Concat(subs) => {
                Hir::concat(subs.into_iter().map(|h| loosen(h, opened)).collect())
            }
            HirKind::Alternation(subs) => {
                Hir::alternation(subs.into_iter().map(|h| loosen(h, opened)).collect())
            }
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(l) => Hir::literal(l.0),
            HirKind::Class(c) => Hir::class(c),
            HirKind::Look(l) => Hir::look(l),
        }
    }
    if !pattern.contains("\\b") && !pattern.contains("\\B") && !pattern.contains('{') {
        return None;
    }
    let bounded = hir.properties().look_set().contains_word_unicode();
    let mut opened = false;
    let loose = loosen(hir, &mut opened);
    (bounded || opened).then_some((loose, opened))
}

/// A rule's list of cue words within the shared cue scan ([`SHARED_CUE_LISTS`]): where its
/// bits sit in a line's [`line_cues`].
#[derive(Debug, Clone, Copy)]
pub struct CueList {
    offset: u32,
    len: u32,
}

impl CueList {
    /// Bit `k` of the answer: word `k` of this list occurs in the lowercased line (what
    /// [`LazyWordSet::in_lowercased`] of the list would say).
    pub fn of(self, line_cues: u128) -> u64 {
        let mask = if self.len == 64 {
            u64::MAX
        } else {
            (1u64 << self.len) - 1
        };
        (line_cues >> self.offset) as u64 & mask
    }
}

/// The word lists that share one scan per line: every rule that gates its regexes on cue
/// words finds them in the one [`line_cues`] answer instead of scanning the line itself.
const SHARED_CUE_LISTS: [&[&str]; 3] = [
    super::call_to_action::CUE_WORD_LIST,
    &super::cookie_or_copyright_line::CUES,
    &super::site_notice_line::CUES,
];

const fn cue_list(k: usize) -> CueList {
    let mut offset = 0;
    let mut i = 0;
    while i < k {
        offset += SHARED_CUE_LISTS[i].len();
        i += 1;
    }
    assert!(SHARED_CUE_LISTS[k].len() <= 64);
    assert!(offset + SHARED_CUE_LISTS[k].len() <= 128);
    CueList {
        offset: offset as u32,
        len: SHARED_CUE_LISTS[k].len() as u32,
    }
}

/// Word lists of which the shared scan records only whether a line holds any word: one bit
/// each, above the [`SHARED_CUE_LISTS`]. Their rules keep a [`LazyWords`] of the same list,
/// run only where the bit is set (see [`may_hold_any`]).
/// An entry may be several lists (a rule's word list per kind): its bit says the line holds a
/// word of any of them.
const SHARED_ANY_LISTS: [&[&[&str]]; 6] = [
    &[super::promo_block::DISCLOSURE_WORDS],
    &[super::post_meta_footer::CUE_WORDS],
    &[super::glued_byline_time::RELATIVE_TIME_WORDS],
    super::reader_appeal::CUE_LISTS,
    &[super::call_to_action::STEMS],
    super::form_text::CUE_LISTS,
];

/// A list of [`SHARED_ANY_LISTS`]: the bit of a line's [`line_cues`] saying it holds a word of
/// the list.
#[derive(Debug, Clone, Copy)]
pub struct AnyCue(u32);

const fn any_cue(k: usize) -> AnyCue {
    let mut offset = 0;
    let mut i = 0;
    while i < SHARED_CUE_LISTS.len() {
        offset += SHARED_CUE_LISTS[i].len();
        i += 1;
    }
    assert!(offset + SHARED_ANY_LISTS.len() <= 128);
    AnyCue((offset + k) as u32)
}

/// R013's disclosure cues, R019's footer cues, R020's relative-time words, R025's appeal
/// words, R012's stems, R026's form words, in the shared scan.
pub const DISCLOSURE_ANY: AnyCue = any_cue(0);
pub const FOOTER_ANY: AnyCue = any_cue(1);
pub const RELATIVE_TIME_ANY: AnyCue = any_cue(2);
pub const APPEAL_ANY: AnyCue = any_cue(3);
pub const CTA_STEMS: AnyCue = any_cue(4);
pub const FORM_ANY: AnyCue = any_cue(5);

impl AnyCue {
    /// Whether a line's [`line_cues`] say it holds a word of the list.
    pub fn of(self, line_cues: u128) -> bool {
        line_cues >> self.0 & 1 != 0
    }
}

/// A necessary condition for [`LazyWords::is_match`] of `list`'s words on line `i` of `doc` (or
/// on a part of it): its bit in the shared scan, or true for a line too long to get cues. The
/// scan finds the words in the lowercased line, where every match of the [`LazyWords`] (which
/// ignores ASCII case only, and whose words are lowercase) is found too.
pub fn may_hold_any(doc: &Document, i: usize, list: AnyCue) -> bool {
    doc.info(i).words > CUE_MAX_WORDS || line_cues(doc, i) >> list.0 & 1 != 0
}

/// R012's cue words, R015's and R023's cues, in the shared scan.
pub const CTA_CUES: CueList = cue_list(0);
pub const COOKIE_CUES: CueList = cue_list(1);
pub const NOTICE_CUES: CueList = cue_list(2);

/// Lines of more words than this get no cues (every sharing rule skips longer lines first).
pub const CUE_MAX_WORDS: u32 = 60;

/// Every shared list's words in scan order, and each word's bit.
fn shared_words() -> (Vec<&'static str>, Vec<u128>) {
    let mut words: Vec<&str> = SHARED_CUE_LISTS
        .iter()
        .flat_map(|l| l.iter().copied())
        .collect();
    let mut bits: Vec<u128> = (0..words.len()).map(|k| 1u128 << k).collect();
    for (k, lists) in SHARED_ANY_LISTS.iter().enumerate() {
        for list in lists.iter() {
            words.extend_from_slice(list);
            bits.extend(list.iter().map(|_| 1u128 << any_cue(k).0));
        }
    }
    (words, bits)
}

/// The shared scan's automaton as a dense table: an Aho-Corasick automaton over every shared
/// word (ASCII case ignored) whose states are numbered densely, with each state's word bits
/// ORed into one mask. A line's cues are the OR of the masks of the states it walks through:
/// what ORing the bits of every overlapping match says (each match ends in a state that holds
/// its word), at a table step and an OR per byte instead of an iterator step per match.
struct CueScanner {
    /// Byte to column: the bytes of the words share a column with their other ASCII case;
    /// every other byte is column 0 (it is in no word, so it sends every state to the start).
    column: [u8; 256],
    columns: usize,
    /// `next[state * columns + column]`.
    next: Vec<u16>,
    /// The bits of the words that end in each state (suffixes included).
    mask: Vec<u128>,
    start: u16,
}

impl CueScanner {
    fn new(words: &[&str], bits: &[u128]) -> CueScanner {
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        let nfa = aho_corasick::nfa::noncontiguous::Builder::new()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("built-in word list compiles");
        let mut column = [0u8; 256];
        let mut reps = vec![0u8]; // column 0: a byte in no word
        for w in words {
            for b in w.bytes() {
                if column[usize::from(b)] == 0 {
                    let c = u8::try_from(reps.len()).expect("fewer than 256 distinct bytes");
                    reps.push(b);
                    column[usize::from(b)] = c;
                    column[usize::from(b.to_ascii_uppercase())] = c;
                    column[usize::from(b.to_ascii_lowercase())] = c;
                }
            }
        }
        assert!(column[0] == 0, "no word holds a NUL byte");
        let columns = reps.len();
        let start = nfa
            .start_state(Anchored::No)
            .expect("unanchored search is supported");
        // number the states reachable from the start, breadth first (`ids` by the NFA's own
        // state index, u16::MAX for a state not met yet)
        let mut ids = vec![u16::MAX; start.as_usize() + 1];
        let mut order = vec![start];
        ids[start.as_usize()] = 0;
        let mut next = Vec::new();
        let mut k = 0;
        while k < order.len() {
            let sid = order[k];
            for &b in &reps {
                let to = nfa.next_state(Anchored::No, sid, b);
                if ids.len() <= to.as_usize() {
                    ids.resize(to.as_usize() + 1, u16::MAX);
                }
                if ids[to.as_usize()] == u16::MAX {
                    ids[to.as_usize()] = u16::try_from(order.len())
                        .ok()
                        .filter(|&n| n < u16::MAX)
                        .expect("fewer than 65535 states");
                    order.push(to);
                }
                next.push(ids[to.as_usize()]);
            }
            k += 1;
        }
        let mask = order
            .iter()
            .map(|&sid| {
                (0..nfa.match_len(sid))
                    .map(|m| bits[nfa.match_pattern(sid, m).as_usize()])
                    .fold(0, |a, b| a | b)
            })
            .collect();
        CueScanner {
            column,
            columns,
            next,
            mask,
            start: 0,
        }
    }

    /// The OR of the bits of every word `hay` holds.
    #[inline]
    fn scan(&self, hay: &[u8]) -> u128 {
        let mut s = usize::from(self.start);
        let mut acc = 0u128;
        for &b in hay {
            s = usize::from(self.next[s * self.columns + usize::from(self.column[usize::from(b)])]);
            acc |= self.mask[s];
        }
        acc
    }
}

/// The dense automaton over every shared list.
fn shared_cues() -> &'static CueScanner {
    static SHARED_CUES: std::sync::OnceLock<CueScanner> = std::sync::OnceLock::new();
    SHARED_CUES.get_or_init(|| {
        let (words, bits) = shared_words();
        CueScanner::new(&words, &bits)
    })
}

/// The shared cue words line `i` of `doc` holds (see [`CueList::of`]); 0 for a line of more
/// than [`CUE_MAX_WORDS`] words. The whole document is scanned once, on the first call.
pub fn line_cues(doc: &Document, i: usize) -> u128 {
    let all = doc.cues.get_or_init(|| {
        let scanner = shared_cues();
        (0..doc.n_lines())
            .map(|j| {
                if doc.is_blank(j) || doc.info(j).words > CUE_MAX_WORDS {
                    return 0;
                }
                let line = doc.line(j);
                if line.is_ascii() || lowercase_changes_only_ascii(line) {
                    scanner.scan(line.as_bytes())
                } else {
                    scanner.scan(line.to_lowercase().as_bytes())
                }
            })
            .collect()
    });
    all[i]
}

/// [`line_cues`] of `line` alone (tests).
#[cfg(test)]
pub(crate) fn cues_of_line(line: &str) -> u128 {
    let doc = Document::from_text(line.to_string(), 1, 0);
    (0..doc.n_lines()).fold(0, |acc, i| acc | line_cues(&doc, i))
}

/// One automaton for a built-in word list, ignoring ASCII case.
fn ascii_caseless_automaton(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .expect("built-in word list compiles")
}

/// Words (all lowercase) found anywhere in a line by one automaton that ignores ASCII case,
/// built once, on first use: a cheap necessary condition to test before a rule's regex.
pub struct LazyWords(
    std::sync::OnceLock<aho_corasick::AhoCorasick>,
    &'static [&'static str],
);

impl LazyWords {
    pub const fn new(words: &'static [&'static str]) -> LazyWords {
        LazyWords(std::sync::OnceLock::new(), words)
    }

    fn get(&self) -> &aho_corasick::AhoCorasick {
        self.0.get_or_init(|| ascii_caseless_automaton(self.1))
    }

    /// Whether `s` holds one of the words, ignoring ASCII case only.
    pub fn is_match(&self, s: &str) -> bool {
        self.get().is_match(s)
    }
}

/// A kind of line a rule looks for: the words one of which the kind's lines hold, its regex,
/// and the note of its removals.
pub type Kind = (&'static LazyWords, &'static Lazy, &'static str);

/// The note of the first of `kinds` whose words are in `line` and whose regex matches it: each
/// regex runs only on lines that hold its kind's words. A match the line quotes (`click
/// "Forgot password"`) or a line that reports what someone said (`..., as the bank advised its
/// customers`) is the article's, not the site's: see [`quoted_at`] and [`REPORTED`].
pub fn first_kind(line: &str, kinds: &[Kind]) -> Option<&'static str> {
    kinds
        .iter()
        .find(|(words, re, _)| {
            words.is_match(line)
                && re.is_match(line)
                && re.span(line).is_some_and(|m| {
                    !quoted_at(line, m.start) && !quoted_at(line, m.end.saturating_sub(1))
                })
                && !REPORTED.is_match(line)
        })
        .map(|(_, _, note)| *note)
}

/// Whether byte `at` of `line` lies inside quotation marks: `"..."`, `“...”`, `„...“`,
/// `«...»`, `‹...›` (an unclosed mark quotes to the end of the line).
pub fn quoted_at(line: &str, at: usize) -> bool {
    let mut open: Option<char> = None;
    for (i, c) in line.char_indices() {
        if i >= at {
            break;
        }
        open = match (open, c) {
            (None, '"' | '“' | '„' | '«' | '‹') => Some(c),
            (Some('"'), '"') | (Some('“'), '”') | (Some('„'), '“' | '”') => None,
            (Some('«'), '»') | (Some('‹'), '›') => None,
            (o, _) => o,
        };
    }
    open.is_some()
}

/// A line that reports speech or advice: a verb of saying or a source (`said`, `told`,
/// `advised`, `according to`, `sagte`, `erklärte`, `laut`, `selon`, `a déclaré`, `dijo`,
/// `según`). Site text speaks to the reader; it does not attribute itself.
pub static REPORTED: Lazy = Lazy::new(
    r"(?i)\b(?:said|says|told|advised|warned|recommended|according\s+to|sagte|sagt|erklärte|warnte|riet|empfahl|laut|a\s+déclaré|a\s+dit|selon|dijo|explicó|advirtió|según)\b",
);

/// Whether `line.to_lowercase()` changes only ASCII letters: every other character is its own
/// lowercase (punctuation, CJK, kana and Hangul are told at once by range).
fn lowercase_changes_only_ascii(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(n) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let Some(c) = line[i + n..].chars().next() else {
            return true;
        };
        i += n + c.len_utf8();
        if matches!(c as u32, 0x2000..=0x20FF | 0x3000..=0x9FFF | 0xAC00..=0xD7A3) {
            continue;
        }
        let mut lower = c.to_lowercase();
        if lower.next() != Some(c) || lower.next().is_some() {
            return false;
        }
    }
    true
}

/// What [`core`] trims: whitespace, widget punctuation and bullets.
fn is_core_trim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ':' | '…' | '.' | '»' | '›' | '>' | '|' | '•' | '·' | '-' | '–' | '—' | '*' | '：'
        )
}

/// [`is_core_trim`] of an ASCII byte.
#[inline]
fn is_core_trim_ascii(b: u8) -> bool {
    matches!(
        b,
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b':' | b'.' | b'>' | b'|' | b'-' | b'*'
    )
}

/// Fewest words of the line that carries on a sentence in [`opens_a_sentence`].
const CARRIED_ON_WORDS: u32 = 3;

/// Whether line `i` opens a sentence that runs on over the line end: the next line follows it
/// directly (no blank line between), opens in lowercase with at least [`CARRIED_ON_WORDS`]
/// words and ends as a sentence or a clause does (`.`, `!`, `?`, `,`, `;`, `…`): `Listen` /
/// `and I listen.`, `Search` / `the corridors for what was left behind.`. A poem's or a
/// song's one-word line is the text's, not a widget's label, though it reads like one; a
/// menu's next item opens with a capital, a lowercase share bar ends with a name.
pub fn opens_a_sentence(doc: &Document, i: usize) -> bool {
    let next = i + 1;
    if next >= doc.n_lines() || doc.info(next).words < CARRIED_ON_WORDS {
        return false;
    }
    let line = doc.line(next).trim_end();
    line.ends_with(['.', '!', '?', ',', ';', '…']) && opens_in_lowercase(line)
}

/// Whether `line`'s first letter or digit is a lowercase letter: the line carries on a
/// sentence from the line above.
pub fn opens_in_lowercase(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// The line with trailing punctuation that widgets add (`:` and full-width `：`, `…`, `...`, `»`, `›`, `>`, `|`)
/// and surrounding bullets trimmed (`line.trim_matches(is_core_trim)`, with ASCII bytes told
/// without decoding).
pub fn core(line: &str) -> &str {
    &line[core_range(line)]
}

/// [`core`] of line `i` of `doc`. The cores of all its lines are found once, on the first call
/// (several rules read the cores of the same lines).
pub fn line_core(doc: &Document, i: usize) -> &str {
    let all = doc.cores.get_or_init(|| {
        (0..doc.n_lines())
            .map(|j| core_range(doc.line(j)))
            .collect()
    });
    &doc.line(i)[all[i].clone()]
}

/// The byte range of [`core`] within `line`.
fn core_range(line: &str) -> std::ops::Range<usize> {
    let bytes = line.as_bytes();
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        if b < 0x80 {
            if !is_core_trim_ascii(b) {
                break;
            }
            start += 1;
        } else {
            match line[start..].chars().next() {
                Some(c) if is_core_trim(c) => start += c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = bytes.len();
    while end > start {
        let b = bytes[end - 1];
        if b < 0x80 {
            if !is_core_trim_ascii(b) {
                break;
            }
            end -= 1;
        } else {
            match line[..end].chars().next_back() {
                Some(c) if is_core_trim(c) => end -= c.len_utf8(),
                _ => break,
            }
        }
    }
    start..end
}

/// Whether line `i` is non-blank, has at most `max_words` words, and its core matches `re`.
pub fn short_line_matches(doc: &Document, i: usize, max_words: u32, re: &Lazy) -> bool {
    let info = doc.info(i);
    !info.is_blank() && info.words <= max_words && re.is_match(line_core(doc, i))
}

/// The openings of an anchored case-insensitive pattern: the pairs of ASCII letters (lowercase)
/// its alternatives start with, and whether one may start with an ASCII digit. A cheap
/// necessary condition to test before the regex: see [`Openings::may_open`].
pub struct Openings {
    /// Bit `b` of entry `a`: the pattern may start with letters `a`, `b` (0 for `a`).
    pairs: [u32; 26],
    digits: bool,
}

impl Openings {
    /// `pairs`: every pair of first letters of the pattern's alternatives, lowercase (with each
    /// optional prefix and without it); `digits`: some alternative may start with a digit.
    pub const fn new(pairs: &[&[u8; 2]], digits: bool) -> Openings {
        let mut table = [0u32; 26];
        let mut k = 0;
        while k < pairs.len() {
            let [a, b] = *pairs[k];
            assert!(a.is_ascii_lowercase() && b.is_ascii_lowercase());
            table[(a - b'a') as usize] |= 1 << (b - b'a');
            k += 1;
        }
        Openings {
            pairs: table,
            digits,
        }
    }

    /// The openings of a list of openers: the texts a match opens with, lowercase (a phrase's
    /// first words, a fixed opening phrase), each opening with a letter or digit or with a
    /// byte outside ASCII (which [`Openings::may_open`] lets through, as a letter alone).
    pub const fn of_openers(openers: &[&str]) -> Openings {
        let mut table = [0u32; 26];
        let mut digits = false;
        let mut k = 0;
        while k < openers.len() {
            match *openers[k].as_bytes() {
                [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                    let (a, b) = (a.to_ascii_lowercase() - b'a', b.to_ascii_lowercase() - b'a');
                    table[a as usize] |= 1 << b;
                }
                [a, ..] if a.is_ascii_digit() => digits = true,
                [a, ..] => assert!(
                    a >= 0x80 || a.is_ascii_alphabetic(),
                    "an opener opens with other ASCII"
                ),
                [] => {}
            }
            k += 1;
        }
        Openings {
            pairs: table,
            digits,
        }
    }

    /// Whether a text (a line's [`core`]) may match the pattern, judging by its first two
    /// bytes. Only ASCII is turned down: a first byte that is neither a letter nor (with
    /// `digits`) a digit, and two letters that are not a pair in either case. An empty text, a
    /// non-ASCII byte (`ſ` and the Kelvin sign fold to ASCII letters), a letter alone or a
    /// letter before anything but a letter goes on to the regex.
    pub fn may_open(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let Some(&a) = bytes.first() else {
            return true;
        };
        if a >= 0x80 {
            return true;
        }
        if !a.is_ascii_alphabetic() {
            return self.digits && a.is_ascii_digit();
        }
        match bytes.get(1) {
            Some(&b) if b.is_ascii_alphabetic() => {
                let (a, b) = (a.to_ascii_lowercase() - b'a', b.to_ascii_lowercase() - b'a');
                self.pairs[a as usize] & (1 << b) != 0
            }
            _ => true,
        }
    }
}

/// Test support: every line of `lines` matches `re` (what `view` makes of it: its core, say, as
/// the rule sees it) and `openings` lets it through,
/// and so it does the line uppercased and lowercased where `re` matches that (`ß` uppercases
/// to `SS`); so does every line made from one of these by putting any two ASCII letters in
/// place of its first two characters that `re` matches.
#[cfg(test)]
pub fn assert_openings_cover(
    openings: &Openings,
    re: &Lazy,
    view: fn(&str) -> &str,
    lines: &[&str],
) {
    for l in lines {
        assert!(re.is_match(view(l)), "{l:?} should match the pattern");
        for v in [l.to_string(), l.to_uppercase(), l.to_lowercase()] {
            let c = view(&v);
            if !re.is_match(c) {
                continue;
            }
            assert!(openings.may_open(c), "{v:?} is turned down");
            let rest: String = c.chars().skip(2).collect();
            for a in (b'a'..=b'z').chain(b'A'..=b'Z') {
                for b in (b'a'..=b'z').chain(b'A'..=b'Z') {
                    let t = format!("{}{}{rest}", char::from(a), char::from(b));
                    if re.is_match(&t) {
                        assert!(openings.may_open(&t), "{t:?} is turned down");
                    }
                }
            }
        }
    }
}

/// Bits of a [`FirstWords`] set: one per hash value (a word's [`first_word_hash`], its top
/// bits), some 8,000, so that a few hundred words leave most of them unset.
const FIRST_WORD_BITS: usize = 1 << 13;

/// FNV-1a, on the bytes of a word (lowercase).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The bit of a word's hash `h` (see [`FIRST_WORD_BITS`]): the top bits of `h` times a
/// large odd number, which stirs every bit of `h` into them (FNV's own top bits hardly tell
/// short words apart).
const fn first_word_bit(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FIRST_WORD_BITS.trailing_zeros())) as usize
}

/// The hash of `word` (ASCII, lowercase), as [`FirstWords::may_open`] hashes a text's first
/// word.
const fn first_word_hash(word: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut k = 0;
    while k < word.len() {
        h = (h ^ word[k] as u64).wrapping_mul(FNV_PRIME);
        k += 1;
    }
    h
}

/// The first words of an anchored case-insensitive pattern: every run of ASCII letters
/// (lowercase) a match may open with, up to the byte after it (`0` for a match that opens with
/// a digit, the empty word for one that opens with other ASCII). A sharper necessary condition
/// than [`Openings`], a little dearer: see [`FirstWords::may_open`]. The words are held as
/// bits of their hashes: a word outside the set whose hash is a word's passes too (which only
/// costs the regex a look). A test derives the words from the pattern
/// ([`assert_first_words_of`]), so none can be missing.
pub struct FirstWords {
    /// The words listed (none for a set read off openers), for the test that they are the
    /// pattern's.
    #[cfg(test)]
    words: Option<&'static [&'static str]>,
    bits: [u64; FIRST_WORD_BITS / 64],
}

impl FirstWords {
    /// `words`: sorted, each ASCII lowercase letters (or `0`, or empty).
    pub const fn new(words: &'static [&'static str]) -> FirstWords {
        let mut bits = [0u64; FIRST_WORD_BITS / 64];
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            let mut j = 0;
            while j < w.len() {
                assert!(w[j].is_ascii_lowercase() || (w.len() == 1 && w[0] == b'0'));
                j += 1;
            }
            if k > 0 {
                // strictly ascending: no word twice, and a list one can read
                let v = words[k - 1].as_bytes();
                let mut j = 0;
                while j < v.len() && j < w.len() && v[j] == w[j] {
                    j += 1;
                }
                assert!(if j < v.len() && j < w.len() {
                    v[j] < w[j]
                } else {
                    v.len() < w.len()
                });
            }
            let bit = first_word_bit(first_word_hash(w));
            bits[bit / 64] |= 1 << (bit % 64);
            k += 1;
        }
        FirstWords {
            #[cfg(test)]
            words: Some(words),
            bits,
        }
    }

    /// The set of a list of openers: the texts a match opens with, lowercase (a phrase's first
    /// words, a fixed opening phrase), read as [`FirstWords::may_open`] reads a text: each
    /// one's opening run of ASCII letters, unless a byte outside ASCII follows the run (such a
    /// text goes through anyway); `0` for one opening with a digit, the empty word for one
    /// opening with other ASCII.
    pub const fn of_openers(openers: &[&str]) -> FirstWords {
        let mut bits = [0u64; FIRST_WORD_BITS / 64];
        let mut k = 0;
        while k < openers.len() {
            let text = openers[k].as_bytes();
            let mut h = FNV_OFFSET;
            let mut run = 0;
            while run < text.len() && text[run].is_ascii_alphabetic() {
                h = (h ^ text[run].to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
                run += 1;
            }
            let word = if run < text.len() {
                if text[run] >= 0x80 {
                    None
                } else if run == 0 && text[run].is_ascii_digit() {
                    Some(first_word_hash(b"0"))
                } else {
                    Some(h)
                }
            } else if run == 0 {
                None
            } else {
                Some(h)
            };
            if let Some(h) = word {
                let bit = first_word_bit(h);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            k += 1;
        }
        FirstWords {
            #[cfg(test)]
            words: None,
            bits,
        }
    }

    /// Whether a text (a line's [`core`]) may match the pattern, judging by its first word: its
    /// opening run of ASCII letters, lowercased (`0` when it opens with a digit, empty when
    /// with other ASCII). A word that is not one of the pattern's turns the text down (but for
    /// the odd one that shares a word's hash). An empty text, and one whose opening letters
    /// run into a byte that is not ASCII (`Menü`, `ſhare`: `ſ` and the Kelvin sign fold to
    /// ASCII letters), go on to the regex.
    pub fn may_open(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut h = FNV_OFFSET;
        let mut run = 0;
        while let Some(&b) = bytes.get(run) {
            if !b.is_ascii_alphabetic() {
                break;
            }
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            run += 1;
        }
        match bytes.get(run) {
            None if run == 0 => return true,
            Some(&b) if b >= 0x80 => return true,
            Some(b) if run == 0 && b.is_ascii_digit() => h = const { first_word_hash(b"0") },
            _ => {}
        }
        let bit = first_word_bit(h);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Test support: the first words of `pattern` (see [`FirstWords`]), read off its parsed form:
/// every run of ASCII letters its matches may open with, lowercase, up to an ASCII byte or the
/// end; a run that a character outside ASCII may follow (or open) needs no word, since
/// [`FirstWords::may_open`] lets such a text through. The pattern must be anchored at both ends
/// (otherwise more letters could follow a match). Panics on a run of letters repeated without
/// bound at the start.
#[cfg(test)]
pub fn first_words_of(pattern: &str) -> std::collections::BTreeSet<String> {
    use regex_syntax::hir::{Hir, HirKind, Look};
    use std::collections::BTreeSet;
    type Words = BTreeSet<String>;

    /// The open runs after `chars` (a set of characters, as ranges) follows each of `open`;
    /// the words it closes go into `closed`.
    fn step(ranges: &[(u32, u32)], open: &Words, closed: &mut Words) -> Words {
        let has = |lo: u8, hi: u8| {
            ranges
                .iter()
                .any(|&(s, e)| s <= u32::from(hi) && e >= u32::from(lo))
        };
        let mut next = Words::new();
        for run in open {
            for b in b'a'..=b'z' {
                if has(b, b) || has(b.to_ascii_uppercase(), b.to_ascii_uppercase()) {
                    next.insert(format!("{run}{}", char::from(b)));
                }
            }
            if has(b'0', b'9') {
                closed.insert(if run.is_empty() {
                    "0".into()
                } else {
                    run.clone()
                });
            }
            let other_ascii = (0u8..0x80)
                .filter(|b| !b.is_ascii_alphanumeric())
                .any(|b| has(b, b));
            if other_ascii {
                closed.insert(run.clone());
            }
            // a character outside ASCII: the text goes on to the regex, no word needed
        }
        next
    }

    fn walk(hir: &Hir, open: Words, closed: &mut Words) -> Words {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => open,
            HirKind::Literal(lit) => {
                let text = std::str::from_utf8(&lit.0).expect("a Unicode pattern");
                text.chars().fold(open, |open, c| {
                    step(&[(u32::from(c), u32::from(c))], &open, closed)
                })
            }
            HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
                let ranges: Vec<(u32, u32)> = class
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end())))
                    .collect();
                step(&ranges, &open, closed)
            }
            HirKind::Class(regex_syntax::hir::Class::Bytes(class)) => {
                let ranges: Vec<(u32, u32)> = class
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end())))
                    .collect();
                step(&ranges, &open, closed)
            }
            HirKind::Capture(cap) => walk(&cap.sub, open, closed),
            HirKind::Concat(subs) => subs.iter().fold(open, |open, h| walk(h, open, closed)),
            HirKind::Alternation(subs) => {
                let mut all = Words::new();
                for h in subs {
                    all.extend(walk(h, open.clone(), closed));
                }
                all
            }
            HirKind::Repetition(rep) => {
                let mut open = open;
                for _ in 0..rep.min {
                    open = walk(&rep.sub, open, closed);
                }
                // further rounds, up to the maximum or until they open no new run
                let mut all = open.clone();
                let mut frontier = open;
                let mut round = rep.min;
                while !frontier.is_empty() && rep.max.is_none_or(|max| round < max) {
                    let next = walk(&rep.sub, frontier, closed);
                    frontier = next.difference(&all).cloned().collect();
                    all.extend(frontier.iter().cloned());
                    round += 1;
                    assert!(round < 64, "a run of letters without bound at the start");
                }
                all
            }
        }
    }

    let hir = regex_syntax::parse(pattern).expect("built-in rule regex parses");
    let looks = hir.properties();
    assert!(
        looks.look_set_prefix().contains(Look::Start)
            && looks.look_set_suffix().contains(Look::End),
        "the pattern must be anchored at both ends"
    );
    let mut closed = Words::new();
    let open = walk(&hir, Words::from([String::new()]), &mut closed);
    // a match ending in its opening letters; an empty match goes on to the regex anyway
    closed.extend(open.into_iter().filter(|w| !w.is_empty()));
    closed
}

/// Test support: `words` are exactly the first words of `pattern` (see [`first_words_of`]).
#[cfg(test)]
pub fn assert_first_words_of(words: &FirstWords, pattern: &str) {
    let derived = first_words_of(pattern);
    let listed: std::collections::BTreeSet<String> = words
        .words
        .expect("a set of listed words")
        .iter()
        .map(|w| w.to_string())
        .collect();
    let missing: Vec<_> = derived.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&derived).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "first words missing: {missing:?}; not the pattern's: {extra:?}"
    );
}

/// [`short_line_matches`], with `openings` tested on the core before `re`.
pub fn short_line_opens_and_matches(
    doc: &Document,
    i: usize,
    max_words: u32,
    openings: &Openings,
    re: &Lazy,
) -> bool {
    let info = doc.info(i);
    if info.is_blank() || info.words > max_words {
        return false;
    }
    let core = line_core(doc, i);
    openings.may_open(core) && re.is_match(core)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words read off a pattern: optional parts with and without, letters joined across
    /// an optional space, a digit as `0`, other ASCII as the empty word; a run that a
    /// character outside ASCII follows needs no word.
    #[test]
    fn sets_read_off_openers_are_their_first_words_and_pairs() {
        let openers = [
            "started by",
            "candidatar-se",
            "s",
            "postúlate",
            "söka",
            "1st",
            "á",
        ];
        let words = FirstWords::of_openers(&openers);
        let listed = FirstWords::new(&["0", "candidatar", "s", "started"]);
        assert!(words.bits == listed.bits);
        let openings = Openings::of_openers(&openers);
        let listed = Openings::new(&[b"st", b"ca", b"po"], true);
        assert_eq!(
            (openings.pairs, openings.digits),
            (listed.pairs, listed.digits)
        );
    }

    #[test]
    fn first_words_are_read_off_the_pattern() {
        let words = first_words_of(r"(?i)^(?:print(?:\s+page)? | t\s?t | e-?mail | \d+\s*min | \(x\) | menü | schließen | über\s+uns)$".replace(' ', "").as_str());
        let expected = ["", "0", "email", "e", "print", "t", "tt"];
        assert_eq!(words, expected.iter().map(|w| w.to_string()).collect());
    }

    /// A text goes on by its first word, lowercased, and when that word runs into a character
    /// outside ASCII; any other word turns it down.
    #[test]
    fn first_words_let_through_their_texts_only() {
        const WORDS: FirstWords = FirstWords::new(&["0", "email", "print"]);
        for t in [
            "Print",
            "PRINT this",
            "print:",
            "Email",
            "12 min",
            "",
            "Menü",
            "ſhare",
            "Printſ",
        ] {
            assert!(WORDS.may_open(t), "{t:?}");
        }
        for t in ["Printer", "Prin", "(Print)", "Share", "E-Mail", "x"] {
            assert!(!WORDS.may_open(t), "{t:?}");
        }
    }

    /// The prefiltered search answers what the regex answers, on lines with and without word
    /// characters that are not ASCII next to the pattern's words (where a Unicode boundary and
    /// the lazy DFA's ASCII reading of it differ).
    #[test]
    fn prefiltered_search_answers_as_the_regex() {
        let patterns = [
            r"(?i)\bfoto\b",
            r"(?i)^(?:share|teilen)\b.{0,20}$",
            r"(?i)\b(?:über|à\s+lire)\b",
            r"(?i)\Bdown\B|\bnews",
            r"(?i)^photo\s*:",
            r"(?i)(?:^|\s)\((?P<n>[^()]{1,12})\)\s*$",
            r"(?i)\bvia\s+\w{2,10}$",
        ];
        let lines = [
            "Foto: dpa",
            "fotoğraf çekimi",
            "éfoto",
            "“Foto” – 2024",
            "Fotoß",
            "Share — on X",
            "Teilen über WhatsApp",
            "Shareé",
            "Mehr über uns",
            "überall",
            "À lire aussi",
            "Àlire",
            "sundowner news",
            "сундownер",
            "Photo : Jane Doe",
            "",
            "plain ascii line with foto and news",
            "The harbour (Reuters)",
            "The harbour (Jane Doe / Agency Name)",
            "Le port (AFP) ",
            "photo via abcdefghijklmnop",
            "photo via Ansa",
            "photo via Ånsa",
        ];
        for p in patterns {
            let pre = Prefiltered::new(p);
            let exact = Regex::new(p).unwrap();
            for l in lines {
                assert_eq!(pre.is_match(l), exact.is_match(l), "{p:?} on {l:?}");
            }
        }
    }

    /// The [`Matcher`] (a lazy DFA that gives up on Unicode word boundaries beside text that
    /// is not ASCII, then a backtracker or a PikeVM) says what the regex says, parsed here or
    /// handed its HIR, with its DFA or without.
    #[test]
    fn matcher_answers_as_the_regex() {
        let patterns = [
            r"(?i)\bfoto\b",
            r"(?i)\b(?:über|à\s+lire)\b",
            r"(?i)\Bdown\B|\bnews",
            r"(?i)all\s+rights\s+reserved",
            r"(?i)\bcookies?\b.{0,20}\b(?:use|accept)",
            r"(?ix) \b(?:pdf|docx?)\b \W{0,3} \(?\d+",
            r"^\p{Lu}[\p{L}.]+,\s+\d{1,2}",
            r"\w+@\w+",
        ];
        let lines = [
            "Foto: dpa",
            "fotoğraf çekimi",
            "éfoto",
            "“Foto” – 2024",
            "Mehr über uns",
            "überall",
            "À lire aussi",
            "sundowner news",
            "сундownер",
            "",
            "© 2024 ACME. All Rights Reserved.",
            "Alle Rechte vorbehalten — all rights reserved",
            "We use cookies; by continuing you accept",
            "Cookies, café: we accept",
            "Download the PDF (2 MB)",
            "Télécharger le pdf – (3 Mo)",
            "Zürich, 12. März",
            "zürich, 12",
            "Ünal, 3",
            "mail jörg@example",
            "plain words only",
        ];
        for p in patterns {
            let exact = Regex::new(p).unwrap();
            let hir = regex_syntax::parse(p).unwrap();
            let matchers = [
                Matcher::new(p, None, true),
                Matcher::new(p, Some(&hir), true),
                Matcher::new(p, Some(&hir), false),
            ];
            for matcher in matchers {
                let mut caches = matcher.create_caches();
                for l in lines {
                    let want = exact.is_match(l);
                    assert_eq!(matcher.is_match(&mut caches, l), want, "{p:?} on {l:?}");
                }
            }
        }
    }

    fn loose_of(pattern: &str) -> Option<(regex_syntax::hir::Hir, bool)> {
        loosened(pattern, regex_syntax::parse(pattern).unwrap())
    }

    #[test]
    fn only_patterns_with_word_boundaries_or_long_bounds_get_a_looser_form() {
        assert!(loose_of(r"(?i)^photo\s*:").is_none());
        assert!(loose_of(r"(?i)a\\b").is_none());
        assert!(loose_of(r"(?i)^\d{2,4}$").is_none());
        let (loose, opened) = loose_of(r"(?i)\bfoto\b").unwrap();
        assert!(!loose.properties().look_set().contains_word_unicode());
        assert!(!opened);
        let (loose, opened) = loose_of(r"(?i)^\((?P<n>[^()]{1,60})\)$").unwrap();
        assert!(opened);
        assert_eq!(loose.properties().maximum_len(), None);
        assert!(Prefiltered::new(r"(?i)\bfoto\b").loose.is_some());
        assert!(Prefiltered::new(r"(?i)^photo\s*:").loose.is_none());
        assert!(Prefiltered::new(r"(?i)\bfoto\b").exact.matcher_dfa);
        assert!(
            !Prefiltered::new(r"(?i)\bfoto\b.{0,40}\bdpa\b")
                .exact
                .matcher_dfa
        );
    }

    #[test]
    fn anchored_patterns_without_word_boundaries_are_answered_by_their_own_dfa() {
        let direct = Prefiltered::new(r"(?i)^(?:share|print)(?:\s+this)?$");
        assert!(direct.direct.is_some());
        assert!(direct.is_match("Share this") && !direct.is_match("Share that"));
        assert!(!direct.may_match("Share that"));
        // the regex crate's regex is compiled only when a rule asks for it
        assert!(direct.exact.shared.get().is_none());
        assert!(direct.exact.get().is_match("PRINT"));
        for other in [r"(?i)share$", r"(?i)^\bshare\b"] {
            let p = Prefiltered::new(other);
            assert!(p.direct.is_none(), "{other}");
            // the matcher answers, compiled on the first line asked; the regex is not
            assert!(p.exact.matcher.get().is_none(), "{other}");
            assert!(p.is_match("Share") && !p.is_match("shared"), "{other}");
            assert!(p.exact.matcher.get().is_some(), "{other}");
            assert!(p.exact.shared.get().is_none(), "{other}");
        }
        // a line the looser pattern turns away compiles nothing
        let p = Prefiltered::new(r"(?i)\bshare\b");
        assert!(!p.is_match("naïve") && p.exact.matcher.get().is_none());
        assert!(p.is_match("partagé: share") && p.exact.matcher.get().is_some());
        // once a rule asked for the regex, the regex answers
        let p = Prefiltered::new(r"(?i)\bshare\b");
        assert!(p.exact.get().is_match("share"));
        assert!(p.is_match("partagé: share") && p.exact.matcher.get().is_none());
    }

    #[test]
    fn shared_cue_bits_are_the_words_of_the_lowercased_line() {
        let lists = [CTA_CUES, COOKIE_CUES, NOTICE_CUES];
        for l in [
            "",
            "COOKIE Settings",
            "İ cookıe",
            "\u{212A}",
            "© 2024 Tous droits RÉSERVÉS",
            "Cookié COOKIÉ",
            "Σ cookie ΣΟΦΙΑ cookies ΑΣ",
            "Ⅻ COOKIE ⅻ Ⓒookie",
            "“Cookie” — 東京 한국 cookie",
            "Ǆ ǅ cookie",
            "Sign up for our NEWSLETTER and follow us",
            "\u{212A}APP US Über APPs",
            "This material may not be reproduced; JavaScript required",
            "ſign",
            "plain text",
        ] {
            let lower = l.to_lowercase();
            let cues = cues_of_line(l);
            for (list, words) in lists.iter().zip(SHARED_CUE_LISTS) {
                let expected = words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| lower.contains(*w))
                    .fold(0u64, |b, (k, _)| b | 1 << k);
                assert_eq!(list.of(cues), expected, "{l:?} {words:?}");
            }
        }
    }

    #[test]
    fn any_cue_bits_are_a_necessary_condition_for_the_lists_lazy_words() {
        let anys = [
            DISCLOSURE_ANY,
            FOOTER_ANY,
            RELATIVE_TIME_ANY,
            APPEAL_ANY,
            CTA_STEMS,
            FORM_ANY,
        ];
        for l in [
            "",
            "Already a SUBSCRIBER? Déjà ABONNÉ",
            "Bitte schalte deinen AdBlocker aus",
            "Das PASSWORT muss mindestens 8 Zeichen lang sein",
            "2 days AGO",
            "Just Now",
            "IL y a 3 jours",
            "Hace 2 horas",
            "Until he knows",
            "DIESER BEITRAG ENTHÄLT WERBUNG",
            "Dieser Beitrag enthält Werbung",
            "Ärzte: dieser Beitrag ENTHÄLT werbung",
            "İl y a \u{212A} Hace",
            "This post contains AFFILIATE links",
            "Liens SPONSORISÉS sponsorisés",
            "This entry was POSTED in News",
            "Σ was posted ΣΑ",
            "wa s posted",
            "plain text",
        ] {
            let doc = Document::from_text(l.to_string(), 1, 0);
            let lower = l.to_lowercase();
            for (any, lists) in anys.iter().zip(SHARED_ANY_LISTS) {
                let words: &'static [&'static str] = Box::leak(lists.concat().into_boxed_slice());
                let lazy = LazyWords::new(words).is_match(l);
                let bit = (0..doc.n_lines()).any(|i| may_hold_any(&doc, i, *any));
                assert!(bit || !lazy, "{l:?} {words:?}");
                assert_eq!(
                    bit,
                    words.iter().any(|w| lower.contains(w)),
                    "{l:?} {words:?}"
                );
            }
        }
        let long = format!("{} hace", "word ".repeat(CUE_MAX_WORDS as usize));
        let doc = Document::from_text(long, 1, 0);
        assert!(may_hold_any(&doc, 0, DISCLOSURE_ANY));
    }

    #[test]
    fn dense_scan_finds_what_overlapping_matches_find() {
        let (words, bits) = shared_words();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .unwrap();
        let scanner = CueScanner::new(&words, &bits);
        let mut hays: Vec<String> = vec![
            String::new(),
            words.concat(),
            words.join(" ").to_ascii_uppercase(),
            (0u8..128).map(char::from).collect(),
            "signal sign-up SIGNAL newsletters mailing-list \u{e9}\u{c9} enthält".into(),
        ];
        // pieces of words glued in a pseudo-random order: matches that overlap, nest and
        // share prefixes and suffixes
        let pieces: Vec<&str> = words
            .iter()
            .flat_map(|w| {
                let mid = (1..w.len()).find(|&m| w.is_char_boundary(m)).unwrap_or(0);
                let half = (w.len() / 2..w.len())
                    .find(|&m| w.is_char_boundary(m))
                    .unwrap_or(0);
                [*w, &w[..mid], &w[mid..], &w[..half], &w[half..]]
            })
            .chain([" ", "-", "É", "x"])
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut hay = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let piece = pieces[(seed % pieces.len() as u64) as usize];
                if seed & (1 << 40) != 0 {
                    hay.push_str(&piece.to_ascii_uppercase());
                } else {
                    hay.push_str(piece);
                }
            }
            hays.push(hay);
        }
        for hay in &hays {
            let expected = ac
                .find_overlapping_iter(hay)
                .fold(0, |a, m| a | bits[m.pattern().as_usize()]);
            assert_eq!(scanner.scan(hay.as_bytes()), expected, "{hay:?}");
        }
    }

    #[test]
    fn lines_past_the_word_limit_get_no_cues() {
        let long = format!("{} cookie", "word ".repeat(CUE_MAX_WORDS as usize));
        assert_eq!(cues_of_line(&long), 0);
        assert_ne!(cues_of_line("a cookie"), 0);
    }

    #[test]
    fn core_trims_what_trim_matches_trims() {
        for b in 0u8..0x80 {
            assert_eq!(is_core_trim_ascii(b), is_core_trim(char::from(b)), "{b}");
        }
        for l in [
            "",
            " ",
            "•",
            "• – Related Articles: …",
            "\u{3000}Menu\u{a0}»",
            "...",
            "a",
            "— é —",
            "*Share*",
            "x\u{2003}",
            "›› Next ››",
            "\t-\u{b}Reply\u{c}\r",
            "ÿ",
            "Über uns ·",
        ] {
            assert_eq!(core(l), l.trim_matches(is_core_trim), "{l:?}");
        }
    }

    #[test]
    fn openings_turn_down_only_ascii_pairs_not_listed() {
        static O: Openings = Openings::new(&[b"co", b"re"], true);
        for yes in [
            "",
            "Comments",
            "COMMENTS",
            "cO",
            "Reply",
            "12 comments",
            "7",
            "c",
            "c'",
            "r ",
            "é",
            "Ça",
            "\u{212A}ommentare",
            "\u{17f}ee",
            "c\u{e9}",
            "Ü",
        ] {
            assert!(O.may_open(yes), "{yes:?}");
        }
        for no in [
            "Home",
            "Ca",
            "ro",
            "\"Comments\"",
            "(12)",
            "_re",
            " co",
            "Xy",
        ] {
            assert!(!O.may_open(no), "{no:?}");
        }
        static N: Openings = Openings::new(&[b"co"], false);
        assert!(!N.may_open("12 comments") && N.may_open("co"));
    }

    #[test]
    fn core_trims_widget_punctuation() {
        // the cores a document keeps for its lines are the lines' cores
        let doc = Document::from_text(
            "• Related Articles:\n\nNo comments yet...\n»\n  Share | \n— Ünïcode …".into(),
            1,
            0,
        );
        for i in 0..doc.n_lines() {
            assert_eq!(line_core(&doc, i), core(doc.line(i)), "{i}");
        }
        assert_eq!(core("• Related Articles:"), "Related Articles");
        assert_eq!(core("No comments yet..."), "No comments yet");
        assert_eq!(core("»"), "");
    }

    #[test]
    fn quoted_at_knows_the_marks_of_several_languages() {
        let line = "click \"Forgot password\" or „Passwort vergessen“ or «mot de passe» now";
        let at = |w: &str| line.find(w).unwrap();
        assert!(quoted_at(line, at("Forgot")));
        assert!(quoted_at(line, at("Passwort")));
        assert!(quoted_at(line, at("passe")));
        assert!(!quoted_at(line, at("click")));
        assert!(!quoted_at(line, at("or „")));
        assert!(!quoted_at(line, at("now")));
    }

    /// A compiler kept between builds builds the NFA a new one builds, whatever it built
    /// before (its caches are cleared by version between builds).
    #[test]
    fn kept_compiler_builds_what_a_new_one_builds() {
        use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};
        let patterns = [
            r"(?i)\b(?:über|à\s+lire)\b.{0,20}\p{L}+",
            r"^\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?,\s+",
            r"(?ix)^(?:photo|foto|bild)\s*:\s*(?P<name>\w[\w\s.]*)$",
            r"(?i)\b(?:über|à\s+lire)\b.{0,20}\p{L}+",
        ];
        for captures in [
            WhichCaptures::None,
            WhichCaptures::Implicit,
            WhichCaptures::All,
        ] {
            for pattern in patterns {
                let hir = regex_syntax::parse(pattern).unwrap();
                let kept = compile_nfa(&hir, captures).unwrap();
                let new = Compiler::new()
                    .configure(Config::new().which_captures(captures))
                    .build_from_hir(&hir)
                    .unwrap();
                assert_eq!(format!("{kept:?}"), format!("{new:?}"), "{pattern}");
            }
        }
    }

    /// A span is the range the regex finds, whether the regex is compiled yet or not (then
    /// the matcher's PikeVM finds it), on ASCII lines and on lines with word characters that
    /// are not ASCII next to the pattern's words.
    #[test]
    fn span_is_what_the_regex_finds() {
        let patterns = [
            r"(?i)\bfoto\b",
            r"(?ix)\b(?:bitte|please)\s+(?:enter|gib)\b.{0,20}\b(?:e-?mail|adresse)",
            r"(?i)\b(?:über|à\s+lire)\b",
            r"(?i)\Bdown\B|\bnews",
            r"(?i)(?:^|\s)\((?P<n>[^()]{1,12})\)\s*$",
        ];
        let lines = [
            "Foto: dpa",
            "Fotograf foto",
            "please enter your e-mail",
            "Bitte gib hier deine Adresse ein",
            "pleaseenter",
            "Mehr über das Thema",
            "Zeitungsüber à lire",
            "breakdowns in the news",
            "ñews and newsletter",
            "A title (video)",
            "A title (a very long aside here)",
            "",
        ];
        for pattern in patterns {
            let regex = Regex::new(pattern).unwrap();
            let unasked = Box::leak(Box::new(Lazy::new(pattern)));
            for line in lines {
                let want = regex.find(line).map(|m| m.range());
                assert_eq!(unasked.span(line), want, "{pattern} on {line:?}");
            }
            // once a rule compiled the regex, the regex answers
            let asked = Box::leak(Box::new(Lazy::new(pattern)));
            let _ = asked.get();
            for line in lines {
                let want = regex.find(line).map(|m| m.range());
                assert_eq!(asked.span(line), want, "{pattern} on {line:?}");
            }
        }
    }
}
