//! R018: photo captions that end in a photo credit ("... at the harbour. Photo: Jane Doe").

use super::shape::{self, LazyWords};
use super::{Category, Rule, RuleMeta, Strictness};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A photo caption: a short line that ends in a photo credit, such as
    /// `Striking workers outside the gates. Photograph: Jane Doe/Agency`,
    /// `Der Minister im Bundestag. (Foto: dpa)`, `El puerto de Montevideo. Foto: Archivo`,
    /// `The senator in 2019 (Jim Smith/AP)`, `The new rover (Credit: Space Agency)`,
    /// `Photo by Jane Doe/Getty Images`, `La vetrina in corso Buenos Aires. Foto Ansa`,
    /// `De Grote Markt. Beeld ANP`, `A Ribeira do Porto. LUSA/JOSÉ COELHO`.
    ///
    /// Scrapers print an image's caption where the image stood, between the article's
    /// paragraphs; it describes a picture the text no longer has. The credit is what marks the
    /// line as a caption: a credit label (`Photo`, `Photograph`, `Image`, `Picture`, `Credit`,
    /// `Foto`, `Bild`, `Bildquelle`, `Imagen`, `Fotografía`, `Crédit photo`) after the end of
    /// a sentence, after a separator or in brackets, with a name of at most eight words and no
    /// sentence in it; or a photo agency's name (Reuters, AFP, dpa, Getty Images, iStock,
    /// Shutterstock, Unsplash, picture alliance, ...) alone in the closing brackets, or after a
    /// photographer's name and a slash; and AP after a slash or `via` (`(Jim Smith/AP)`,
    /// `(Port Authority via AP)`). After the end of a sentence a credit needs no colon or
    /// brackets when it names an agency: `Foto Ansa`, `Beeld ANP`, `Fot. Anna Nowak / PAP`, or
    /// the agency, a slash and the photographer (`LUSA/JOÃO SILVA`). Labels are known in more
    /// languages and scripts too (`Фото: Анна Петрова`, `Fotoğraf: AA`, `Fot. Jan Nowak` after
    /// a sentence, `(تصوير: أحمد علي)`, `(사진: 김민수)`), and in CJK captions in full-width
    /// brackets glued to the caption (`新しい橋（写真：山田太郎）`, `（图片来源：新华社）`), and a
    /// Chinese news caption's reporter credit (`……参观。新华社记者 王明 摄`).
    ///
    /// Only lines of at most fifty words are captions; a credit-only line (`Foto: dpa`) is
    /// R014's.
    ///
    /// What goes depends on `--strictness`. A caption belongs to its article, and by default it
    /// stays (once: R001 and R002 take a repeated caption), but its credit is the picture's
    /// metadata, not the article's text: at `normal` only the credit is cut from the line
    /// (`Der Minister im Bundestag.` stays), with the separator or space before it. At `high` the
    /// whole caption goes, for corpora and search indexes that want prose without picture
    /// descriptions. At `low` the rule does not run.
    ///
    /// Known false positives: a short paragraph that ends by naming its source in brackets,
    /// when that source is a news agency (`... the ministry said (Reuters)`): at `normal` only
    /// the bracket goes.
    pub struct CreditedCaption => ("R018", "credited-caption", Category::Chrome);
}

/// What R018 removes of a credited caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    Nothing,
    Credit,
    Caption,
}

/// R018's switch: built from the run's strictness.
#[derive(Debug, Clone, Copy)]
pub struct CreditedCaptionRule {
    cut: Cut,
}

impl CreditedCaptionRule {
    pub fn new(strictness: Strictness) -> Self {
        let cut = match strictness {
            Strictness::Low => Cut::Nothing,
            Strictness::Normal => Cut::Credit,
            Strictness::High => Cut::Caption,
        };
        CreditedCaptionRule { cut }
    }
}

/// Words one of which a credited caption's tail holds: a cheap test before the regex.
static CUES: LazyWords = LazyWords::new(&[
    "photo",
    "image",
    "picture",
    "credit",
    "crédit",
    "foto",
    "bild",
    "imagen",
    "fotograf",
    "illustration",
    "grafik",
    "reuters",
    "afp",
    "ap)",
    "/ap",
    "dpa",
    "epa",
    "efe",
    "getty",
    "istock",
    "shutterstock",
    "unsplash",
    "pixabay",
    "imago",
    "alliance",
    "keystone",
    "ansa",
    "anadolu",
    "xinhua",
    "alamy",
    "adobe",
    "depositphotos",
    "flickr",
    "wikimedia",
    "colourbox",
    "fotolia",
    "télam",
    "telam",
    "europa press",
    "beeld",
    "fot.",
    "zdj.",
    "anp",
    "pap",
    "lusa",
    "belga",
    "brasil",
    "фото",
    "Фото",
    "ФОТО",
    "снимок",
    "Снимок",
    "fotoğraf",
    "görsel",
    "φωτογραφ",
    "Φωτογραφ",
    "צילום",
    "تصوير",
    "صورة",
    "عدسة",
    "写真",
    "撮影",
    "画像",
    "图",
    "圖",
    "摄影",
    "攝影",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "사진",
]);

/// The credit at the end of a caption; the credited name is in one of the `n` groups.
/// `LABEL` and `AGENCY` are filled in by [`credit_tail_pattern`]; [`CreditSearch`] searches it.
const CREDIT_TAIL_PATTERN: &str = r#"(?ix)
    (?P<before>^|[.!?…"”»)]\s+|\s+[|/–—-]\s+|\s+|[。．]|\p{Han}|\p{Hiragana}|\p{Katakana}|\p{Hangul})
    (?:
        [(\[]\s*(?P<label1>LABEL)(?:\s+(?:by|von|de|par))?\s*[:©]\s*(?P<n1>[^!?()\[\]:]{1,60})[)\]]
      | [(\[]\s*(?:LABEL)\s+(?:by|von|via|courtesy\s+of)\s+(?P<n2>[^!?()\[\]:]{1,60})[)\]]
      | (?P<label3>LABEL)(?:\s+(?:by|von|de|par))?\s*[:©]\s*(?P<n3>[^!?()\[\]:]{1,60})
      | (?:photo(?:graph)?|image|picture|foto|bild)s?\s+(?:by|von|courtesy\s+of)\s+(?P<n4>[^!?()\[\]:]{1,60})
      | \((?P<n5>[^()]{0,50}?(?:\b(?:AGENCY)\b|/\s*ap\b|\svia\s+ap\b)[^()]{0,50})\)
      | (?:foto|beeld|fot\.|zdj\.)\s+(?P<n6>[^!?()\[\]:]{0,50}?\b(?:AGENCY)\b[^!?()\[\]:]{0,30})
      | (?P<n7>(?:AGENCY)\s*/\s*[^!?()\[\]:/]{1,40})
      | (?:fot\.|zdj\.)\s*(?P<n8>[^!?()\[\]:.]{1,60})
      | [(（]\s*(?P<label9>WIDE)\s*[:：]\s*(?P<n9>[^!?()（）\[\]:：]{1,40})[)）]
      | [(（]?\s*(?P<n10>(?:OUTLET)?\s*(?:特约|特約)?(?:记者|記者|通讯员|通訊員)\s*\p{Han}{2,4}(?:\s*[、，,]\s*\p{Han}{2,4}){0,3})\s*(?:摄|攝)\s*[)）]?
    )\s*$"#;

/// Longest line that can be a caption, in words.
const MAX_CAPTION_WORDS: u32 = 50;

/// Longest credited name, in words.
const MAX_NAME_WORDS: usize = 8;

/// Only the line's tail is searched: a credit and the sentence end before it fit in it.
const TAIL_BYTES: usize = 160;

/// [`CREDIT_TAIL_PATTERN`] with its word lists spliced in.
fn credit_tail_pattern() -> String {
    let label = r"photo(?:graph)?s?|images?|pictures?|fotos?|bild(?:er)?|bildquelle|fotoquelle|bildnachweis|fotonachweis|symbolbild|imagen(?:es)?|fotograf[ií]as?|foto\s*credits?|(?:photo|image|picture)\s+credits?|cr[ée]dits?(?:\s+photo)?|cr[ée]ditos?|illustrations?|grafik|фото(?:графия)?|снимок|fotoğraf|görsel|φωτογραφία|צילום|تصوير|صورة|الصورة|عدسة|사진";
    // captions in CJK scripts credit in (full-width) brackets, glued to the caption
    let wide = r"写真(?:提供)?|撮影|画像(?:提供)?|图片?(?:来源)?|圖片?(?:來源)?|摄影|攝影|사진";
    // a Chinese news caption's `新华社记者 王明 摄` (agency or paper, reporter, name, "shot")
    let outlet = r"新华社|新華社|中新社|本报|本報|本台|本网|本網|人民网|人民網|新华网|新華網|中新网|中新網|央视|央視";
    let agency = r"reuters|afp|dpa|epa|efe|getty(?:\s+images)?|istock(?:photo)?(?:\.com)?|shutterstock|unsplash|pixabay|imago(?:\s+images)?|picture[\s-]+alliance|keystone|ansa|anadolu|xinhua|alamy|adobe\s*stock|depositphotos|flickr|wikimedia(?:\s+commons)?|colourbox|fotolia|t[ée]lam|europa\s+press|ap\s+photo|anp|pap|lusa|belga|ag[eê]ncia\s+brasil";
    CREDIT_TAIL_PATTERN
        .replace("LABEL", label)
        .replace("AGENCY", agency)
        .replace("WIDE", wide)
        .replace("OUTLET", outlet)
}

/// [`CREDIT_TAIL_PATTERN`]'s leftmost match, found by anchored searches at the positions where a match
/// can start, first to last.
///
/// The regex's own search for a pattern that ends in `$` reads the line backwards from its
/// end with a reverse lazy DFA, and the pattern's long counted repetitions (a name of up to 60
/// characters, in several forms at once) make it build new states on nearly every byte it
/// reads: some 400,000 instructions per line. Read forwards from a start, the forms part after
/// a few bytes, and a DFA that knows whether a match can start at a position costs a few
/// dozen instructions there. A leftmost-first regex's match is its match anchored at the
/// first position where one starts, so the captures are the same.
struct CreditSearch {
    /// A forward lazy DFA of the pattern's looser form (see [`shape::loosened`]): it matches
    /// from every start where the pattern matches (and from a few more).
    starts: regex_automata::hybrid::dfa::DFA,
    /// The pattern itself, asked for its captures anchored at a start the DFA allows.
    exact: regex_automata::meta::Regex,
}

static CREDIT_SEARCH: std::sync::OnceLock<CreditSearch> = std::sync::OnceLock::new();

thread_local! {
    /// The current thread's search caches of [`CREDIT_SEARCH`] (made on its first search).
    static CREDIT_CACHES: std::cell::RefCell<Option<(
        regex_automata::hybrid::dfa::Cache,
        regex_automata::meta::Cache,
    )>> = const { std::cell::RefCell::new(None) };
}

impl CreditSearch {
    fn get() -> &'static CreditSearch {
        CREDIT_SEARCH.get_or_init(|| {
            use regex_automata::{hybrid::dfa::DFA, meta, nfa::thompson};
            let pattern = credit_tail_pattern();
            let hir = regex_syntax::parse(&pattern).expect("built-in rule regex parses");
            let (loose, _) = shape::loosened(&pattern, hir).expect("the pattern has bounds");
            let nfa = shape::compile_nfa(&loose, thompson::WhichCaptures::None)
                .expect("built-in rule regex compiles");
            let starts = DFA::builder()
                .build_from_nfa(nfa)
                .expect("built-in rule regex compiles");
            // anchored searches over a short tail: the NFA engines answer them without the
            // lazy DFAs (and their reverse NFA) the regex would otherwise compile first
            let exact = meta::Regex::builder()
                .configure(meta::Config::new().hybrid(false).dfa(false))
                .build(&pattern)
                .expect("built-in rule regex compiles");
            CreditSearch { starts, exact }
        })
    }

    /// The captures of [`CREDIT_TAIL_PATTERN`]'s leftmost match in `tail`, as the regex crate's
    /// `captures` gives them.
    fn captures(&self, tail: &str) -> Option<regex_automata::util::captures::Captures> {
        use regex_automata::{Anchored, Input};
        CREDIT_CACHES.with_borrow_mut(|caches| {
            let (dfa_cache, cache) = caches
                .get_or_insert_with(|| (self.starts.create_cache(), self.exact.create_cache()));
            let b = tail.as_bytes();
            let mut caps = self.exact.create_captures();
            for p in (0..b.len()).filter(|&p| may_open_credit(b, p)) {
                let from = Input::new(tail).range(p..).anchored(Anchored::Yes);
                let from_here = self
                    .starts
                    .try_search_fwd(dfa_cache, &from.clone().earliest(true));
                if matches!(from_here, Ok(None)) {
                    continue;
                }
                self.exact.search_captures_with(cache, &from, &mut caps);
                if caps.is_match() {
                    return Some(caps);
                }
            }
            None
        })
    }
}

/// Whether [`CREDIT_TAIL_PATTERN`] can match from byte `p` of `b`: at the line's start (`^`), or where
/// its `before` group opens: a sentence's closing mark, a space, or a character that is not
/// ASCII (a closing quote, a CJK letter, a wide full stop). A continuation byte of a character
/// never starts a match.
fn may_open_credit(b: &[u8], p: usize) -> bool {
    p == 0
        || matches!(
            b[p],
            b'.' | b'!' | b'?' | b'"' | b')' | b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC0..
        )
}

/// What every form of [`CREDIT_TAIL_PATTERN`] needs in a normalised line's tail: a closing
/// bracket at the end (the bracketed forms), a colon or `©` (a label before the name), or
/// `by` / `von` / `courtesy` after a space (`Photo by ...`). Most prose has none of them, and
/// skips the regex.
fn may_end_in_credit(tail: &str) -> bool {
    let b = tail.as_bytes();
    if matches!(b.last(), Some(b')' | b']')) || memchr::memchr(b':', b).is_some() {
        return true;
    }
    // a full-width closing bracket or colon (`（写真：山田花子）`), or a Chinese reporter's
    // credit's closing "shot" (`新华社记者 王明 摄`)
    // (a `：` or `©` is no ASCII: an ASCII tail, most of them, skips both searches)
    let ascii = b.is_ascii();
    if tail.ends_with(['）', '摄', '攝']) || !ascii && tail.contains('：') {
        return true;
    }
    if !ascii && tail.contains('©') || memchr::memchr(b'/', b).is_some() {
        return true;
    }
    // a word after a space: `by ` / `von ` / `courtesy`, in any case; one pass over the
    // bytes, and the words compared only after a space and one of their first letters
    b.windows(2).enumerate().any(|(i, pair)| {
        if pair[0] != b' '
            || !matches!(
                pair[1].to_ascii_lowercase(),
                b'b' | b'v' | b'c' | b'f' | b'z'
            )
        {
            return false;
        }
        let rest = &b[i + 1..];
        let starts = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
        starts(b"by ")
            || starts(b"von ")
            || starts(b"courtesy")
            || starts(b"foto ")
            || starts(b"beeld ")
            || starts(b"fot. ")
            || starts(b"zdj. ")
    })
}

/// Whether `line` ends in a photo credit that makes it a caption.
#[cfg(test)]
fn is_credited_caption(line: &str) -> bool {
    credit_start(line).is_some()
}

/// Where the photo credit that makes `line` a caption begins (the byte offset of the space or
/// separator before it, or 0 for a line that is all credit); `None` when it is no caption.
fn credit_start(line: &str) -> Option<usize> {
    let line = line.trim_end();
    let mut start = line.len().saturating_sub(TAIL_BYTES);
    while !line.is_char_boundary(start) {
        start += 1;
    }
    let tail = &line[start..];
    if !may_end_in_credit(tail) || !CUES.is_match(tail) {
        return None;
    }
    let caps = CreditSearch::get().captures(tail)?;
    let group = |name: &str| {
        caps.get_group_by_name(name)
            .map(|g| (g.start, &tail[g.range()]))
    };
    // a credit label glued to the previous word by a plain space is prose
    // ("... viele Fotos: ..."), unless it opens the line or is in brackets
    let (before_start, before) = group("before").expect("the group always takes part");
    let plain_space = before_start > 0 && before.trim().is_empty();
    let unlabelled = group("n6").is_some() || group("n7").is_some() || group("n8").is_some();
    if plain_space && (group("label3").is_some() || group("n4").is_some() || unlabelled) {
        return None;
    }
    // a credit without a colon or brackets (`Foto Ansa`, `LUSA/JOSÉ COELHO`) only after the
    // end of a sentence
    let after_sentence =
        before.trim_start().is_empty() && before_start == 0 || before.starts_with(ENDS_CAPTION);
    if unlabelled && !after_sentence {
        return None;
    }
    let name = ["n1", "n2", "n3", "n4", "n5", "n8", "n9", "n10"]
        .iter()
        .find_map(|g| group(g))
        .map_or("", |(_, name)| name);
    if name.contains(". ") || name.split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    // `^` matched where the tail was cut from a longer line, not at the line's start
    if before.is_empty() && start > 0 {
        return None;
    }
    // the sentence's closing mark stays with the caption; the space after it goes
    // (a letter of a CJK script the credit's bracket is glued to is the caption's)
    let kept = if before.starts_with(char::is_alphabetic) {
        before.len()
    } else {
        before.len() - before.trim_start_matches(ENDS_CAPTION).len()
    };
    Some(start + before_start + kept)
}

/// The marks that end a caption's sentence before its credit (the `before` group's first set).
const ENDS_CAPTION: &[char] = &['.', '!', '?', '…', '"', '”', '»', ')', '。', '．'];

impl Rule for CreditedCaptionRule {
    fn meta(&self) -> &RuleMeta {
        &CreditedCaption::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        if self.cut == Cut::Nothing {
            return;
        }
        for i in doc.paragraphs() {
            if doc.info(i).words > MAX_CAPTION_WORDS {
                continue;
            }
            let line = doc.line(i);
            let Some(start) = credit_start(line) else {
                continue;
            };
            out.push(match self.cut {
                Cut::Credit => Removal::within(&CreditedCaption::META, i, start..line.len())
                    .with_note("a caption's photo credit"),
                _ => Removal::line(&CreditedCaption::META, i)
                    .with_note("caption with a photo credit"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&CreditedCaptionRule::new(Strictness::High), text)
    }

    #[test]
    fn captions_stay_below_high_strictness() {
        let text = "A harbour at dawn. Photo: Jane Doe\n";
        assert!(crate::rules::testing::removed_starts(
            &CreditedCaptionRule::new(Strictness::Low),
            text
        )
        .is_empty());
    }

    /// The text `line` keeps at normal strictness.
    fn kept_at_normal(line: &str) -> String {
        let doc = Document::from_text(line.to_string(), 1, 0);
        let mut out = Vec::new();
        CreditedCaptionRule::new(Strictness::Normal).check(&doc, &mut out);
        match out.as_slice() {
            [] => line.to_string(),
            [r] => {
                let w = r
                    .within
                    .clone()
                    .expect("normal strictness cuts within the line");
                assert_eq!(w.end, line.len());
                line[..w.start].to_string()
            }
            _ => panic!("one removal per line"),
        }
    }

    #[test]
    fn credits_of_more_languages_and_scripts_go() {
        for (line, kept) in [
            (
                "Новый мост через реку. Фото: Анна Петрова",
                "Новый мост через реку.",
            ),
            (
                "Hasat yapan bir üretici. Fotoğraf: AA",
                "Hasat yapan bir üretici.",
            ),
            ("Nowy most na rzece. Fot. Jan Nowak", "Nowy most na rzece."),
            ("新しい橋を渡る人々（写真：山田太郎）", "新しい橋を渡る人々"),
            ("新建的大桥。（图片来源：新华社）", "新建的大桥。"),
            ("新建的大桥（图：新华社）", "新建的大桥"),
            (
                "12月5日，游客在新建的大桥上参观。新华社记者 王明 摄",
                "12月5日，游客在新建的大桥上参观。",
            ),
            (
                "游客在大桥上参观 （本报记者 李华、张强 摄）",
                "游客在大桥上参观",
            ),
            ("游客在大桥上参观。記者陳大文攝", "游客在大桥上参观。"),
            ("الجسر الجديد (تصوير: أحمد علي)", "الجسر الجديد"),
            (
                "새 다리를 건너는 시민들 (사진: 김민수)",
                "새 다리를 건너는 시민들",
            ),
        ] {
            assert_eq!(kept_at_normal(line), kept, "{line:?}");
        }
        // a sentence that mentions a photo keeps its words
        for line in [
            "Фото с места событий показали вечером.",
            "写真を撮った人は山田さんだった。",
            "记者王明在大桥上拍摄",
            "新华社记者王明昨天在大桥上采访了游客。",
            "Fot. i tekst zostały zatwierdzone przez redakcję w piątek po południu, po długiej dyskusji.",
        ] {
            assert_eq!(kept_at_normal(line), line, "{line:?}");
        }
    }

    #[test]
    fn at_normal_strictness_only_the_credit_goes() {
        for (line, kept) in [
            (
                "Striking members of the union outside the gates. Photograph: Jane Doe/Agency",
                "Striking members of the union outside the gates.",
            ),
            (
                "Der Minister im Bundestag. (Foto: dpa)",
                "Der Minister im Bundestag.",
            ),
            (
                "Ein Journalist und Preisträger (REUTERS/Jane Doe)",
                "Ein Journalist und Preisträger",
            ),
            (
                "The harbour at dawn | Photo: Jane Doe",
                "The harbour at dawn",
            ),
            ("Photo by Jane Doe/Getty Images", ""),
            (
                "Il mercato coperto in piazza. Foto Ansa",
                "Il mercato coperto in piazza.",
            ),
            (
                "De nieuwe brug bij nacht. Beeld ANP",
                "De nieuwe brug bij nacht.",
            ),
            (
                "Nowy tramwaj na przystanku. Fot. Anna Nowak / PAP",
                "Nowy tramwaj na przystanku.",
            ),
            (
                "A ponte ao fim da tarde. LUSA/JOÃO SILVA",
                "A ponte ao fim da tarde.",
            ),
            (
                "A short walk to the harbour, nothing more.",
                "A short walk to the harbour, nothing more.",
            ),
        ] {
            assert_eq!(kept_at_normal(line), kept, "{line}");
        }
    }

    #[test]
    fn a_long_lines_tail_is_not_its_start() {
        // the tail searched starts at "Foto: ..." only because the line was cut there
        let line = format!(
            "{}Foto: Jane Doe",
            "x".repeat(TAIL_BYTES - "Foto: Jane Doe".len() + 1)
        );
        assert!(credit_start(&line).is_none());
    }

    #[test]
    fn captions_ending_in_a_credit_go() {
        for line in [
            "Striking members of the union outside the gates. Photograph: Jane Doe/Agency",
            "Der Minister im Bundestag. (Foto: dpa)",
            "El puerto de Montevideo. Foto: Archivo",
            "The senator arrives in Ohio, May 18, 2010. (Jim Smith/AP)",
            "A prototype of the new rover (Credit: Space Agency)",
            "Photo by Jane Doe/Getty Images",
            "Die Jugendverbände sprachen mit der Ministerin. (Bildquelle: Ring der Jugend )",
            "Ein Journalist und Preisträger (REUTERS/Jane Doe)",
            "Das Hermelin ist im Winter gut getarnt. (jdoe / iStock.com)",
            "Ships in the harbour at dawn. (Port Authority via AP)",
        ] {
            assert!(is_credited_caption(line), "{line}");
        }
        assert_eq!(removed("A harbour at dawn. Photo: Jane Doe\n"), vec![0]);
    }

    #[test]
    fn prose_that_mentions_photos_stays() {
        for line in [
            "Auch von innen macht das Buch Eindruck, es finden sich viele Fotos von Reisen",
            "She took the photo: a harbour at dawn. Then the boats came in and everyone left.",
            "Hospital Accounts Payable (AP )",
            "The payments went out (via APIs)",
            "Nigerian Lady Beaten And Disgraced For Allegedly Sleeping With Her Friend (Photos)",
            "We asked the agency for the image. It said no, and we printed the story anyway.",
            "Het kabinet wil meer geld voor het ANP/ANWB-overleg",
            "De foto ANP maakte werd beroemd",
            "Il fotografo ha venduto la foto Ansa a un giornale",
            "Ein Bericht über Reuters/Ipsos-Umfragen zur Wahl",
        ] {
            assert!(!is_credited_caption(line), "{line}");
        }
    }

    #[test]
    fn every_credit_passes_the_cheap_test() {
        for line in [
            "Striking members of the union outside the gates. Photograph: Jane Doe/Agency",
            "Der Minister im Bundestag. (Foto: dpa)",
            "A prototype of the new rover [Credit: Space Agency]",
            "Photo by Jane Doe/Getty Images",
            "PHOTO BY Jane Doe",
            "Ein Bild von Jane Doe",
            "The harbour © Jane Doe",
            "Ein Journalist und Preisträger (REUTERS/Jane Doe)",
            "Photo courtesy of the harbour museum",
            "Il mercato coperto in piazza. Foto Ansa",
            "De nieuwe brug bij nacht. Beeld ANP",
            "A ponte ao fim da tarde. LUSA/JOÃO SILVA",
            "Nowy most na rzece. Fot. Jan Nowak",
            "Nowy most na rzece. ZDJ. Jan Nowak",
            "Ein Bild VON Jane Doe",
            "Photo Courtesy Of the museum",
        ] {
            assert!(may_end_in_credit(line), "{line}");
        }
        assert!(!may_end_in_credit(
            "The council met on Tuesday to vote on the photo plan."
        ));
    }

    #[test]
    fn long_paragraphs_stay() {
        let long = format!("{} (Foto: dpa)", "word ".repeat(60));
        assert!(removed(&long).is_empty());
    }

    /// Every group of `caps` (of the regex crate's search) as a byte range.
    fn regex_groups(caps: &regex::Captures) -> Vec<Option<std::ops::Range<usize>>> {
        caps.iter().map(|m| m.map(|m| m.range())).collect()
    }

    #[test]
    fn the_anchored_search_finds_the_regexs_captures() {
        let captions = [
            "",
            "The harbour at dawn",
            "The harbour at dawn.",
            "Der Minister im Bundestag.",
            "Ein Journalist und Preisträger",
            "« Le port » au matin…",
            "Il mercato coperto in piazza!",
            "游客在大桥上参观。",
            "新しい橋を渡る人々",
            "Новый мост через реку.",
            "Photos of the day, by the photo desk:",
            "He said \"no\" (twice)",
            "A (long) day - in the harbour |",
        ];
        let credits = [
            "Photo: Jane Doe",
            "Photograph: Jane Doe/Agency",
            "(Foto: dpa)",
            "[Credit: Space Agency]",
            "(REUTERS/Jane Doe)",
            "(Jim Smith/AP)",
            "(Port Authority via AP)",
            "Photo by Jane Doe/Getty Images",
            "PHOTO BY Jane Doe",
            "Photo courtesy of the harbour museum",
            "Foto Ansa",
            "Beeld ANP",
            "Fot. Anna Nowak / PAP",
            "LUSA/JOÃO SILVA",
            "© Jane Doe",
            "Фото: Анна Петрова",
            "（写真：山田太郎）",
            "（图片来源：新华社）",
            "新华社记者 王明 摄",
            "（本报记者 李华、张强 摄）",
            "(تصوير: أحمد علي)",
            "(사진: 김민수)",
            "Bild: Max Mustermann, a name that runs on and on past sixty characters of text",
            "(the ministry said so, Reuters reported)",
            "photo: a: b",
            "Fotos: ",
            "Photo: Jane Doe. She left",
            "image",
        ];
        let joins = ["", " ", ". ", " | ", " - ", " — ", "  ", "\u{a0}"];
        let search = CreditSearch::get();
        let regex = regex::Regex::new(&credit_tail_pattern()).unwrap();
        let mut compared = 0;
        for caption in captions {
            for join in joins {
                for credit in credits {
                    let line = format!("{caption}{join}{credit}");
                    let line = line.trim_end();
                    // the tail as `credit_start` cuts it, and the whole line
                    let mut start = line.len().saturating_sub(TAIL_BYTES);
                    while !line.is_char_boundary(start) {
                        start += 1;
                    }
                    for tail in [&line[start..], line] {
                        let want = regex.captures(tail).map(|c| regex_groups(&c));
                        let got = search.captures(tail).map(|c| {
                            (0..c.group_len())
                                .map(|g| c.get_group(g).map(|s| s.range()))
                                .collect::<Vec<_>>()
                        });
                        assert_eq!(got, want, "{tail:?}");
                        compared += usize::from(want.is_some());
                    }
                }
            }
        }
        assert!(compared > 500, "{compared}");
    }

    #[test]
    fn a_match_starts_only_where_may_open_credit_allows() {
        // past the line's first byte (every search may start there), from every start state
        // of the looser pattern's DFA, a byte the test skips leads nowhere
        use regex_automata::{util::start, Anchored};
        let search = CreditSearch::get();
        let mut cache = search.starts.create_cache();
        for look_behind in 0..=255u8 {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(Some(look_behind));
            let sid = search.starts.start_state(&mut cache, &config).unwrap();
            for byte in 0..=255u8 {
                let next = search.starts.next_state(&mut cache, sid, byte).unwrap();
                let skipped = !may_open_credit(&[b'x', byte], 1);
                assert!(!skipped || next.is_dead(), "{look_behind:?} {byte:#x}");
            }
        }
    }
}
