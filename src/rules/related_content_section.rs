//! R010: a "Related Articles" / "Read next" section with the teasers under it.

use super::dates::parse_date_prefix;
use super::glued_byline_time::{is_bullet_source, is_relative_time};
use super::shape::{line_core, short_line_opens_and_matches, Lazy, Openings};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A related-content section: a heading such as "Related Articles", "More stories",
    /// "Read next", "You may also like", "Lesen Sie auch", "Mehr zum Thema", "À lire aussi",
    /// "Sur le même sujet", "Noticias relacionadas", "Te puede interesar", "Leggi anche",
    /// "Leia também", "Czytaj też", "İlgili haberler", "Читайте также", "Похожие новости",
    /// "Läs också", "Læs også", "Les også", "Lue myös", "Čtěte také", "Čítajte aj",
    /// "Citește și", "Kapcsolódó cikkek", "Pročitajte još",
    /// "اقرأ أيضا", "مقالات ذات صلة", "כתבות נוספות", "ये भी पढ़ें", "相关阅读", "関連記事", also with an article before it ("Die meistgelesenen
    /// Artikel") or a site name after it ("More stories from Example News"), and everything it
    /// carries: teaser headlines, source and time lines, and whole teaser articles.
    ///
    /// A heading phrase with one headline after a colon on the same line (`Read also: The
    /// council's new plan`, `Czytaj też: ...`, `関連記事：...` with the full-width colon) is a
    /// single read-also link: that line goes.
    ///
    /// Only a line that *is* the heading (at most eight words, the phrase alone, perhaps with a
    /// colon) starts a section; "read more" inside a sentence does not, and a heading followed
    /// directly by a paragraph of prose is only a link label (`Read more` under an excerpt): that
    /// line alone goes. So is a heading that is an entry of a menu: under an entry with the same
    /// bullet (`* More news` under `* Sport`), or right under a line whose first table cell is a
    /// section name too (`Latest News` under `Most Read Stories`, a sidebar of section
    /// names set beside the article's table).
    ///
    /// Extent: the section covers the lines that look like teasers: short lines (headlines,
    /// sources, times) and long teaser paragraphs, and stops at the first run of two paragraphs
    /// of prose (the article going on after an inline "Read more" box); the article's subheading
    /// over that prose stays when it stands apart from the teasers (a blank line above it where
    /// the teasers have none between them, or a single word under an unspaced block). When the heading comes
    /// after the article (no more words after it than before it), a long paragraph between
    /// short lines is a teaser; otherwise (a sidebar or list near the top) a long paragraph is a
    /// teaser only where a teaser marker (a relative time, a `• Source` line, a date line, a
    /// headline printed again) came up to four lines before it, and the first long paragraph
    /// without one ends the section.
    ///
    /// A wiki's references list goes too: a heading such as `References`, `Notes`,
    /// `Einzelnachweise`, `Références`, `Referencias` (perhaps with its `[edit]` link) with the
    /// citations right under it, each opening with a back link (`^ "Lake Bled". Retrieved ...`,
    /// `↑ Josef Ostler: ...`) or a number and naming where it was found (`Retrieved`,
    /// `Abgerufen am`, `Consulté le`, `Consultado el`, `ISBN`); and two or more citations
    /// opening with a back link in a row without the heading.
    ///
    /// Example: `Related Articles` followed by three teasers (headline twice, `Al Jazeera`,
    /// `time7 hours ago`, `• Al Jazeera`, headline, teaser paragraph): all removed.
    ///
    /// Known false positives: an article that goes on after a heading like "Most popular" with
    /// short lines and single paragraphs only (a list, a Q&A) loses that part; index pages (a list of post excerpts each under a short title) after a sidebar
    /// heading lose the excerpts that follow a repeated title or a time line.
    pub struct RelatedContentSection => ("R010", "related-content-section", Category::Chrome);
}

static HEADING: Lazy = Lazy::new(
    r"(?ix)^(?:the\s+|our\s+|die\s+|unsere\s+|les\s+|nos\s+|los\s+|las\s+|nuestras?\s+)?(?:
        related(?:\s+(?:articles?|stories|posts|news|content|coverage|reading|links|topics|videos))?
      | more\s+(?:stories|articles|news|videos|headlines|to\s+read|like\s+this|on\s+this(?:\s+(?:topic|story))?|from\s+.{2,40})
      | read\s+(?:next|more|also)(?:\s+(?:stories|articles))? | see\s+also | also\s+read | don'?t\s+miss
      | you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
      | recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))? | recommendations
      | most\s+(?:read|popular|viewed|shared|commented)(?:\s+(?:stories|articles))? | trending(?:\s+(?:now|stories|articles))?
      | popular(?:\s+(?:now|stories|articles|posts))? | top\s+stories | latest(?:\s+(?:news|stories|articles|posts))
      | editor'?s?\s+picks? | further\s+reading | in\s+other\s+news | what\s+to\s+read\s+next | up\s+next
      | lesen\s+sie\s+(?:auch|mehr) | auch\s+interessant | mehr\s+zum\s+thema | mehr\s+(?:aus|von)\s+.{2,40} | mehr\s+(?:artikel|nachrichten)
      | das\s+könnte\s+sie\s+(?:auch\s+)?interessieren | weitere\s+(?:artikel|beiträge|nachrichten|themen)
      | verwandte\s+(?:artikel|themen|beiträge) | ähnliche\s+(?:artikel|beiträge) | meistgelesen | meist\s+gelesen
      | (?:à|a)\s+lire\s+aussi | lire\s+aussi | sur\s+le\s+même\s+sujet | articles?\s+(?:similaires|liés|connexes)
      | vous\s+(?:aimerez|pourriez\s+aimer)\s+aussi | les\s+plus\s+lus | à\s+découvrir | (?:plus|encore)\s+d'articles
      | (?:también\s+)?(?:te|le|les)\s+puede\s+interesar | v[ií]deos?\s+recomendados? | beliebte\s+(?:beiträge|artikel)(?:\s+zum\s+thema)? | noticias\s+relacionadas | m[aá]s\s+noticias
      | lo\s+m[aá]s\s+le[ií]do | art[ií]culos\s+relacionados | te\s+recomendamos | relacionad[oa]s
      | lies\s+auch | meistgelesenen?(?:\s+(?:artikel|beiträge|nachrichten))? | weitere\s+(?:artikel|beiträge)\s+(?:zum|aus|von)\s+.{2,40}
      | pour\s+(?:approfondir|aller\s+plus\s+loin) | articles?\s+(?:correspondants|recommandés)
      | notas\s+relacionadas | (?:lea|lee|leé|ver|vea)\s+tambi[eé]n | (?:temas|art[ií]culos|notas|contenidos?|v[ií]deos)\s+relacionad[oa]s | m[aá]s\s+le[ií]d[oa]s
      | leggi\s+anche | articoli\s+correlati | potrebbe\s+interessarti | lees\s+ook | gerelateerde\s+artikelen
      | (?:leia|veja)\s+(?:tamb[eé]m|mais) | not[ií]cias\s+relacionadas | mais\s+lid[ao]s | czytaj\s+(?:też|także|również|więcej)
      | zobacz\s+(?:też|także|również) | najczęściej\s+czytane | polecane\s+artykuły | meest\s+gelezen | ook\s+interessant
      | ti\s+potrebbe\s+interessare
      | puedes\s+ver(?:\s+tambi[eé]n)?
      | neueste\s+(?:artikel|beiträge|nachrichten|meldungen) | meist\s*gesucht | meist-?diskutiert
      | (?:mehr|weitere)\s+kolumnen | weitere\s+beiträge\s+zu\s+diesem\s+(?:artikel|thema)
      | weitere\s+aktuelle\s+themen(?:\s+aus\s+.{2,40})? | themen\s+in\s+diesem\s+artikel
      | [iİ]lgili\s+haberler | bunlar[ıi]\s+da\s+(?:okuyun|ilginizi\s+çekebilir) | ayr[ıi]ca\s+okuyun
      | читайте\s+(?:также|тоже|також) | смотрите\s+также | по\s+теме | материалы\s+по\s+теме
      | (?:похожие|другие|последние)\s+(?:новости|статьи|материалы|публикации) | самое\s+(?:читаемое|популярное)
      | схожі\s+(?:новини|статті) | інші\s+новини | найпопулярніше | також\s+читайте
      | lue\s+(?:myös|lisää|aiheesta(?:\s+lisää)?) | aiheesta\s+muualla | luetuimmat
      | läs\s+(?:också|även|mer) | relaterade\s+(?:artiklar|nyheter) | mest\s+lästa
      | læs\s+(?:også|mere) | relaterede\s+(?:artikler|nyheder) | mest\s+læste
      | les\s+(?:også|mer) | relaterte\s+(?:saker|artikler|nyheter) | mest\s+lest
      | čtěte\s+(?:také|též|dále) | související\s+(?:články|zprávy) | nejčtenější
      | čítajte\s+(?:aj|tiež|ďalej) | súvisiace\s+(?:články|správy) | najčítanejšie
      | cite[șş]te\s+(?:[șş]i|mai\s+mult) | articole\s+(?:similare|asemănătoare|recomandate) | cele\s+mai\s+citite
      | kapcsolódó\s+(?:cikkek|hírek) | olvassa\s+el\s+ezt\s+is | legolvasottabb(?:ak)?
      | pročitajte\s+(?:još|i|također) | povezane\s+(?:vijesti|teme) | najčitanije
      | (?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|أيضًا) | (?:مقالات|أخبار|اخبار|مواضيع)\s+ذات\s+صلة | الأكثر\s+(?:قراءة|مشاهدة)
      | 相关(?:阅读|新闻|文章|推荐|报道|閱讀|新聞) | 相關(?:閱讀|新聞|文章|報導) | 延伸(?:阅读|閱讀) | 推荐阅读 | 热门(?:文章|新闻|推荐)
      | 猜你喜欢 | 関連記事 | 関連ニュース | あわせて読みたい | こちらもおすすめ | 人気記事
      | כתבות\s+נוספות | (?:כתבות|ידיעות)\s+קשורות | קראו\s+גם
      | (?:ये|यह)\s+भी\s+प\x{0922}\x{093C}\x{0947}\x{0902}
    )(?:\s+(?:on|at|from|auf|bei|von|sur|de|du|en|el|del)\s+[^!?]{1,39}[^.!?\s])?
    (?:\s*[:：]\s*(?P<teaser>\S.*))?$",
);

/// The first two letters of every alternative of [`HEADING`], and of its optional articles
/// ("the", "unsere", ...): a line whose core opens otherwise is not a heading (see
/// [`Openings::may_open`]).
static HEADING_OPENINGS: Openings = Openings::new(
    &[
        b"th", b"ou", b"di", b"un", b"le", b"no", b"lo", b"la", b"nu", b"re", b"mo", b"se", b"al",
        b"do", b"yo", b"tr", b"po", b"to", b"ed", b"fu", b"in", b"wh", b"up", b"au", b"me", b"da",
        b"we", b"ve", b"li", b"su", b"ar", b"vo", b"pl", b"en", b"ta", b"te", b"vi", b"be", b"ma",
        b"co", b"ge", b"cz", b"pu", b"ne", b"il", b"bu", b"ay", b"zo", b"na", b"oo", b"ti", b"lu",
        b"ai", b"so", b"ci", b"ce", b"ka", b"ol", b"pr",
    ],
    false,
);

/// Whether `text` (its [`core`](super::shape::core)) is a related-content section's heading
/// (`Related Articles`, `Lesen Sie auch`, `Leggi anche`), perhaps with one headline after a
/// colon.
pub(crate) fn is_related_heading(text: &str) -> bool {
    let core = super::shape::core(text);
    HEADING_OPENINGS.may_open(core) && HEADING.is_match(core)
}

/// A references list's heading (its edit link cut off first), lowercase: compared whole, with
/// no regex to compile (see [`is_references_heading`]).
const REFERENCES_HEADINGS: [&str; 21] = [
    "references",
    "notes",
    "notes and references",
    "citations",
    "footnotes",
    "sources",
    "einzelnachweise",
    "anmerkungen",
    "fußnoten",
    "quellen",
    "belege",
    "références",
    "notes et références",
    "referencias",
    "notas",
    "referências",
    "riferimenti",
    "note",
    "przypisy",
    "bronnen",
    "voetnoten",
];

/// Most bytes of a [`REFERENCES_HEADINGS`] heading (`notes et références`).
const REFERENCES_HEADING_MAX_BYTES: usize = 21;

/// Most words of a references heading.
const REFERENCES_HEADING_MAX_WORDS: u32 = 3;

/// Where a numbered citation says it was found: one of these words, whole, in the lowercased
/// line.
const CITATION_SOURCES: [&str; 10] = [
    "retrieved",
    "archived",
    "accessed",
    "abgerufen",
    "consulté",
    "consultado",
    "recuperado",
    "consultato",
    "isbn",
    "doi",
];

/// Whether `line` names where a citation was found (one of [`CITATION_SOURCES`] as a word).
fn names_citation_source(line: &str) -> bool {
    line.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CITATION_SOURCES.contains(&w))
}

/// Whether `line` is a citation of a references list: opening with a back link (`^`, `↑`), or
/// with a number (`1.`, `[1]`) and naming where it was found ([`CITATION_SOURCES`]).
fn is_citation(line: &str) -> bool {
    opens_with_back_link(line)
        || line.starts_with(|c: char| c.is_ascii_digit() || c == '[') && names_citation_source(line)
}

/// Whether `line` (a document's line: trimmed by reading) may be a citation by its first
/// byte alone: a back link, a digit or `[` (a cheap necessary condition for [`is_citation`],
/// tried before the heading above it).
fn opens_like_citation(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b'^' | b'[' | b'0'..=b'9') => true,
        Some(0xE2) => line.starts_with('↑'),
        _ => false,
    }
}

/// Whether `line` opens with a citation's back link, `^` or `↑`: a test of its first byte on
/// nearly every line (the rule asks it of each).
fn opens_with_back_link(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b'^') => true,
        Some(0xE2) => line.starts_with('↑'),
        _ => false,
    }
}

/// The end (exclusive) of the citations right under line `i` (blank lines between them
/// allowed), `i + 1` when none is.
fn citations_end(doc: &Document, i: usize) -> usize {
    let mut end = i + 1;
    for k in i + 1..doc.n_lines() {
        if doc.is_blank(k) {
            continue;
        }
        if !is_citation(doc.line(k)) {
            break;
        }
        end = k + 1;
    }
    end
}

/// Whether line `i` is a references list's heading over a citation: the next line that is not
/// blank opens like a citation (checked first: a first-character test), and line `i` is short
/// and, its edit link cut off, one of [`REFERENCES_HEADINGS`] in any case. Whether that line
/// is a citation indeed, [`citations_end`] says.
fn is_references_heading(doc: &Document, i: usize) -> bool {
    let info = doc.info(i);
    if info.is_blank() || info.words > REFERENCES_HEADING_MAX_WORDS + 4 {
        return false;
    }
    let Some(next) = (i + 1..doc.n_lines()).find(|&k| !doc.is_blank(k)) else {
        return false;
    };
    if !opens_like_citation(doc.line(next)) {
        return false;
    }
    let line = doc.line(i);
    let heading = super::section_edit_link::edit_link_start(line).map_or(line, |at| &line[..at]);
    let heading = super::shape::core(heading);
    heading.len() <= REFERENCES_HEADING_MAX_BYTES
        && REFERENCES_HEADINGS.contains(&heading.to_lowercase().as_str())
}

/// Teaser lines under a sidebar heading are shorter than this (words).
const TEASER_MAX_WORDS: u32 = 15;

/// A teaser marker: a relative time, a `• Source` line or a date line.
fn is_teaser_marker(doc: &Document, k: usize) -> bool {
    let info = doc.info(k);
    let line = doc.line(k);
    info.words <= 8
        && (is_relative_time(line)
            || is_bullet_source(line)
            || parse_date_prefix(line.trim_start_matches(|c: char| !c.is_alphanumeric())).is_some())
}

/// Line `i` and the non-blank line above it both open with the same list bullet: an entry of
/// a list (a menu), not the heading of a section.
fn in_bullet_list(doc: &Document, i: usize) -> bool {
    let bullet = |k: usize| {
        doc.line(k)
            .chars()
            .next()
            .filter(|c| matches!(c, '*' | '•' | '-' | '–' | '·' | '+'))
    };
    let prev = (0..i).rev().find(|&k| !doc.is_blank(k));
    bullet(i).is_some() && prev.is_some_and(|k| bullet(k) == bullet(i))
}

/// Line `i` sits right under another section name, with no blank line between: the line
/// above opens with a heading phrase in its first column cell (`Most Read Stories`, a
/// table cell beside other cells, over `Latest News`), so both are entries of a menu of
/// section names (a sidebar's `Forums` / `Most Read Stories` / `Latest News` / `Help`),
/// not the heading of a section with teasers under it. A line above that is a heading phrase
/// whole would have started a section taking line `i`; only a first cell is asked here.
fn under_section_name(doc: &Document, i: usize) -> bool {
    if i == 0 || doc.is_blank(i - 1) {
        return false;
    }
    let above = doc.line(i - 1);
    let Some(gap) = doc.column_gaps_in(i - 1).next() else {
        return false;
    };
    let Some(cell) = above.get(..gap) else {
        return false;
    };
    let cell = super::shape::core(cell);
    cell.split_whitespace().count() <= 8
        && HEADING_OPENINGS.may_open(cell)
        && HEADING.is_match(cell)
}

/// Line `i` is a heading phrase, a colon and one teaser headline (`Read also: The council's
/// new plan`, at most [`TEASER_MAX_WORDS`] words after the colon): the headline it links to.
fn inline_teaser(doc: &Document, i: usize) -> Option<&str> {
    let info = doc.info(i);
    let line = doc.line(i);
    if info.is_blank()
        || info.words > 8 + TEASER_MAX_WORDS
        || !(line.contains(':') || line.contains('：'))
    {
        return None;
    }
    let core = line_core(doc, i);
    if !HEADING_OPENINGS.may_open(core) {
        return None;
    }
    let teaser = HEADING.captures(core)?.name("teaser")?;
    (teaser.as_str().split_whitespace().count() <= TEASER_MAX_WORDS as usize)
        .then_some(teaser.as_str())
}

/// End (exclusive) of the teasers under a heading at line `i`.
/// When `need_marker` is false (the heading follows the article), a long paragraph alone is a
/// teaser too; only a run of two paragraphs of prose ends the section.
fn teaser_extent(doc: &Document, i: usize, need_marker: bool) -> usize {
    let n = doc.n_lines();
    let mut e = i + 1;
    // position (in non-blank lines since the heading) of the last teaser marker
    let mut last_marker: Option<usize> = None;
    // start of the previous non-blank line when it was long
    let mut prev_long: Option<usize> = None;
    let mut recent: Vec<u64> = Vec::new();
    let mut nb = 0usize;
    let mut ends_at_prose = false;
    while e < n {
        if doc.is_blank(e) {
            e += 1;
            continue;
        }
        let info = doc.info(e);
        if is_teaser_marker(doc, e) || recent.iter().rev().take(6).any(|&k| k == info.key) {
            last_marker = Some(nb);
        }
        if info.words >= TEASER_MAX_WORDS {
            if let Some(p) = prev_long {
                // two paragraphs of prose in a row: the article starts at the first
                e = p;
                ends_at_prose = true;
                break;
            }
            if need_marker && last_marker.is_none_or(|m| nb - m > 4) {
                ends_at_prose = true;
                break;
            }
            prev_long = Some(e);
        } else {
            prev_long = None;
        }
        recent.push(info.key);
        nb += 1;
        e += 1;
    }
    // do not take the blank lines before the prose that ends the section
    while e > i + 1 && doc.is_blank(e - 1) {
        e -= 1;
    }
    if ends_at_prose && ends_with_subheading(doc, i, e) {
        // nor the subheading over that prose, as blank lines trim it
        e = (i + 1..e).rev().find(|&k| !doc.is_blank(k)).unwrap_or(e);
        while e > i + 1 && doc.is_blank(e - 1) {
            e -= 1;
        }
    }
    e
}

/// Most words of the article's subheading that [`ends_with_subheading`] gives back.
const SUBHEADING_MAX_WORDS: u32 = 6;

/// Whether the last line of the section under the heading at `i` (lines `i + 1..end`, with the
/// article's prose at `end`) is the article's next subheading rather than a teaser: a short line
/// shaped as a headline (at most [`SUBHEADING_MAX_WORDS`] words, no sentence's or label's end,
/// no teaser marker), below at least one teaser, and set apart from the teasers as they are not
/// from each other: a blank line above it where none stands between the teasers (`Read more` /
/// two headlines / blank / `What changes for cyclists` / blank / prose), or, with no blank
/// line at all, a single word under teasers of three words or more (`Preparazione` under
/// `Leggi anche:` / `Amatriciana, la ricetta originale`). A teaser list that runs straight
/// into the article keeps its last headline in the section, and so does a list whose teasers
/// stand apart (a sidebar's `AdChoices` or a section label under a spaced teaser).
fn ends_with_subheading(doc: &Document, i: usize, end: usize) -> bool {
    let Some(last) = (i + 1..end).rev().find(|&k| !doc.is_blank(k)) else {
        return false;
    };
    let teasers: Vec<usize> = (i + 1..last).filter(|&k| !doc.is_blank(k)).collect();
    let Some(&last_teaser) = teasers.last() else {
        return false;
    };
    let line = doc.line(last).trim();
    let words = doc.info(last).words;
    let headline_shaped = (1..=SUBHEADING_MAX_WORDS).contains(&words)
        && !line.ends_with(['.', ',', ':', ';', '…'])
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
        && line.chars().any(char::is_alphabetic)
        && !is_teaser_marker(doc, last)
        && !teasers
            .iter()
            .any(|&k| doc.info(k).key == doc.info(last).key);
    if !headline_shaped {
        return false;
    }
    let apart = doc.is_blank(last - 1)
        && !(i + 1..last_teaser).any(|k| doc.is_blank(k))
        && teasers.iter().all(|&k| doc.info(k).words > 1);
    let lone_word = words == 1
        && !(i + 1..last).any(|k| doc.is_blank(k))
        && teasers.iter().all(|&k| doc.info(k).words >= 3);
    apart || lone_word
}

impl Rule for RelatedContentSection {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let n = doc.n_lines();
        let total: u32 = doc.info.iter().map(|i| i.words).sum();
        let mut before: u32 = 0;
        let mut i = 0;
        while i < n {
            if let Some(teaser) = inline_teaser(doc, i) {
                out.push(
                    Removal::lines(&Self::META, i..i + 1)
                        .with_note(format!("read-also link to {teaser:?}")),
                );
                before += doc.info(i).words;
                i += 1;
                continue;
            }
            // a references list: its heading and the citations under it, or a run of citations
            let back_link = opens_with_back_link(doc.line(i));
            if back_link || is_references_heading(doc, i) {
                let end = citations_end(doc, i);
                let citations = (i + 1..end).filter(|&k| !doc.is_blank(k)).count();
                if citations >= 1 {
                    out.push(Removal::lines(&Self::META, i..end).with_note(format!(
                        "references list of {} lines",
                        citations + usize::from(back_link)
                    )));
                    before += (i..end).map(|k| doc.info(k).words).sum::<u32>();
                    i = end;
                    continue;
                }
            }
            if short_line_opens_and_matches(doc, i, 8, &HEADING_OPENINGS, &HEADING) {
                let after = total - before - doc.info(i).words;
                let next = (i + 1..n).find(|&k| !doc.is_blank(k));
                let end = if next.is_some_and(|k| doc.info(k).words >= TEASER_MAX_WORDS)
                    || in_bullet_list(doc, i)
                    || under_section_name(doc, i)
                {
                    // a link label above prose ("Read more" under an excerpt), or an entry of a
                    // menu list (`* More news` under `* Sport`, `Latest News` under a
                    // `Most Read Stories` cell): the label only
                    i + 1
                } else {
                    teaser_extent(doc, i, after > before)
                };
                out.push(
                    Removal::lines(&Self::META, i..end)
                        .with_note(format!("section heading {:?}", doc.line(i))),
                );
                before += (i..end).map(|k| doc.info(k).words).sum::<u32>();
                i = end;
                continue;
            }
            before += doc.info(i).words;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::core;

    fn removed(text: &str) -> Vec<std::ops::Range<usize>> {
        crate::rules::testing::removed_ranges(&RelatedContentSection, text)
    }

    const BODY: &str = "The council met on Monday and agreed a new plan for the harbour, which will be dredged next spring at a cost shared by the port and the city.\nWork will start in March and last until the summer, the mayor said.";

    #[test]
    fn references_headings_fit_their_bounds() {
        for h in REFERENCES_HEADINGS {
            assert!(h.len() <= REFERENCES_HEADING_MAX_BYTES, "{h:?}");
            assert!(
                h.split(' ').count() <= REFERENCES_HEADING_MAX_WORDS as usize,
                "{h:?}"
            );
            assert_eq!(h, h.to_lowercase(), "{h:?}");
        }
    }

    #[test]
    fn a_citation_names_its_source_as_a_whole_word() {
        assert!(is_citation(
            "1. Doe, Jane. \"Harbours\". Retrieved 3 May 2020."
        ));
        assert!(is_citation(
            "[2] Lind, Erik (1998). ISBN 978-0-00-000000-0."
        ));
        assert!(is_citation(
            "3. Ormensee. In: Beispielportal, abgerufen am 4. Juni 2022."
        ));
        assert!(!is_citation("1. The harbour wall was built in 1890."));
        assert!(!is_citation("1. Doing it retrievedly"));
        assert!(!is_citation("See Retrieved 3 May 2020"));
    }

    #[test]
    fn a_references_list_goes_with_its_heading() {
        let t = format!("{BODY}\nReferences[edit]\n^ \"Harbour Wall\". Example.info. Retrieved 12 March 2021.\n^ Doe, Jane (2007). Harbours. p. 45.\n");
        assert_eq!(removed(&t), vec![2..5]);
        let t = format!("{BODY}\nEinzelnachweise[Bearbeiten | Quelltext bearbeiten]\n↑ Hafenamt: Jahresbericht 2019. S. 4.\n\n↑ Anna Berg: Der Hafen. Kiel 1980, S. 22.\n");
        assert_eq!(removed(&t), vec![2..6]);
        let t = format!("{BODY}\nNotes\n1. Doe, Jane. \"Harbours\". Retrieved 3 May 2020.\n");
        assert_eq!(removed(&t), vec![2..4]);
        // citations in a row without their heading
        let t = format!("{BODY}\n^ Doe, Jane (2007). Harbours.\n^ Roe, Ann (2010). Walls.\n");
        assert_eq!(removed(&t), vec![2..4]);
        // a heading over prose, a lone caret line, a numbered line naming no source stay
        let t = format!("Notes\nThe notes of the meeting were published on Friday by the council.\n{BODY}\n^ see above\nReferences\n1. The harbour wall was built in 1890.");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn the_articles_next_subheading_stays_out_of_the_section() {
        let prose = "Work on the new quay starts in the autumn and should be finished within two years, the port authority said.\nThe cost is shared between the city and the port, with a national grant covering a third of it.";
        // set apart by a blank line from teasers that stand together
        let spaced = format!(
            "Harbour plan approved\n\n{BODY}\n\nRead more\nTram line opens in the north\nPark closes for the winter\n\nWhat the plan means\n\n{prose}"
        );
        assert_eq!(removed(&spaced), vec![5..8]);
        // a single word under longer teasers, no blank line anywhere
        let packed = format!(
            "Harbour plan approved\n{BODY}\nRead more:\nThe tram line that opens in the north\nBackground\n{prose}"
        );
        assert_eq!(removed(&packed), vec![3..5]);
        // the last teaser over the article going on stays in the section
        let run_on = format!(
            "Harbour plan approved\n\n{BODY}\n\nRead more\nTram line opens in the north\nPark closes for the winter\n\n{prose}"
        );
        assert_eq!(removed(&run_on), vec![5..8]);
        // and so does a teaser set apart as the others are
        let all_spaced = format!(
            "Harbour plan approved\n\n{BODY}\n\nRead more\n\nTram line opens in the north\n\nPark closes for the winter\n\n{prose}"
        );
        assert_eq!(removed(&all_spaced), vec![5..10]);
        let spaced_word = format!(
            "Harbour plan approved\n\n{BODY}\n\nRead more\n\nThe tram line that opens in the north\n\nSponsored\n\n{prose}"
        );
        assert_eq!(removed(&spaced_word), vec![5..10]);
    }

    #[test]
    fn openings_let_every_alternative_through() {
        let phrases = [
            "Related",
            "Related articles",
            "Related stories",
            "Related posts",
            "Related news",
            "Related content",
            "Related coverage",
            "Related reading",
            "Related links",
            "Related topics",
            "Related videos",
            "More stories",
            "More articles",
            "More news",
            "More videos",
            "More headlines",
            "More to read",
            "More like this",
            "More on this",
            "More on this topic",
            "More from Example News",
            "Read next",
            "Read more",
            "Read also stories",
            "See also",
            "Also read",
            "Don't miss",
            "Dont miss",
            "You may also like",
            "You might enjoy",
            "You could be interested in",
            "Recommended",
            "Recommended for you",
            "Recommendations",
            "Most read",
            "Most popular stories",
            "Most viewed",
            "Most shared",
            "Most commented articles",
            "Trending",
            "Trending now",
            "Popular",
            "Popular posts",
            "Top stories",
            "Latest news",
            "Latest posts",
            "Editor's picks",
            "Editors pick",
            "Further reading",
            "In other news",
            "What to read next",
            "Up next",
            "Lesen Sie auch",
            "Lesen Sie mehr",
            "Auch interessant",
            "Mehr zum Thema",
            "Mehr aus Berlin",
            "Mehr von uns",
            "Mehr Artikel",
            "Mehr Nachrichten",
            "Das könnte Sie auch interessieren",
            "Das könnte Sie interessieren",
            "Weitere Artikel",
            "Weitere Beiträge",
            "Weitere Nachrichten",
            "Weitere Themen",
            "Verwandte Artikel",
            "Verwandte Themen",
            "Verwandte Beiträge",
            "Ähnliche Artikel",
            "Ähnliche Beiträge",
            "Meistgelesen",
            "Meist gelesen",
            "À lire aussi",
            "A lire aussi",
            "Lire aussi",
            "Sur le même sujet",
            "Articles similaires",
            "Article liés",
            "Articles connexes",
            "Vous aimerez aussi",
            "Vous pourriez aimer aussi",
            "Les plus lus",
            "À découvrir",
            "Plus d'articles",
            "Encore d'articles",
            "También te puede interesar",
            "Te puede interesar",
            "Le puede interesar",
            "Les puede interesar",
            "Videos recomendados",
            "Vídeo recomendado",
            "Beliebte Beiträge",
            "Beliebte Artikel zum Thema",
            "Noticias relacionadas",
            "Más noticias",
            "Mas noticias",
            "Lo más leído",
            "Lo mas leido",
            "Artículos relacionados",
            "Articulos relacionados",
            "Leia mais: A teaser",
            "Lees ook: A teaser",
            "Zobacz także:",
            "Najczęściej czytane",
            "Meest gelezen",
            "Ook interessant",
            "Ti potrebbe interessare",
            "Mais lidas",
            "Te recomendamos",
            "Relacionados",
            "Relacionadas",
            "Lies auch",
            "Meistgelesene",
            "Meistgelesenen Artikel",
            "Meistgelesene Nachrichten",
            "Weitere Artikel zum Thema Sport",
            "Weitere Beiträge aus Berlin",
            "Pour approfondir",
            "Pour aller plus loin",
            "Articles correspondants",
            "Article recommandés",
            "Notas relacionadas",
            "Lea también",
            "Lee tambien",
            "Leé también",
            "Ver también",
            "Vea también",
            "Temas relacionados",
            "Contenidos relacionados",
            "Contenido relacionados",
            "Vídeos relacionados",
            "Notas relacionados",
            "Más leídos",
            "Mas leidas",
            "Leggi anche",
            "Articoli correlati",
            "Potrebbe interessarti",
            "Lees ook",
            "Gerelateerde artikelen",
            "Leia também",
            "Veja tambem",
            "Notícias relacionadas",
            "Noticias relacionadas",
            "Czytaj też",
            "Czytaj także",
            "Czytaj również",
            "Czytaj więcej",
            "Puedes ver",
            "Puedes ver también",
            "Neueste Artikel",
            "Neueste Beiträge",
            "Neueste Nachrichten",
            "Neueste Meldungen",
            "Meistgesucht",
            "Meist gesucht",
            "Meistdiskutiert",
            "Meist-diskutiert",
            "Mehr Kolumnen",
            "Weitere Kolumnen",
            "Weitere Beiträge zu diesem Artikel",
            "Weitere Beiträge zu diesem Thema",
            "Weitere aktuelle Themen",
            "Weitere aktuelle Themen aus Bayern",
            "Themen in diesem Artikel",
            "Lue myös",
            "Lue aiheesta lisää",
            "Aiheesta muualla",
            "Luetuimmat",
            "Läs också",
            "Relaterade artiklar",
            "Mest lästa",
            "Læs også",
            "Relaterede artikler",
            "Mest læste",
            "Les også",
            "Relaterte saker",
            "Mest lest",
            "Čtěte také",
            "Související články",
            "Nejčtenější",
            "Čítajte aj",
            "Súvisiace články",
            "Najčítanejšie",
            "Citește și",
            "Articole similare",
            "Cele mai citite",
            "Kapcsolódó cikkek",
            "Olvassa el ezt is",
            "Legolvasottabb",
            "Pročitajte još",
            "Povezane vijesti",
            "Najčitanije",
            "Найпопулярніше",
            "Також читайте",
            "İlgili Haberler",
            "Ilgili haberler",
            "Bunları da okuyun",
            "Ayrıca okuyun",
            "Читайте также",
            "ЧИТАЙТЕ ТАКЖЕ",
            "Смотрите также",
            "По теме",
            "Материалы по теме",
            "Похожие новости",
            "Другие статьи",
            "Самое читаемое",
            "Читайте також",
            "Схожі новини",
            "اقرأ أيضا",
            "اقرأ أيضاً",
            "مقالات ذات صلة",
            "أخبار ذات صلة",
            "الأكثر قراءة",
            "相关阅读",
            "相关新闻",
            "相關新聞",
            "延伸阅读",
            "推荐阅读",
            "猜你喜欢",
            "関連記事",
            "あわせて読みたい",
        ];
        let mut lines: Vec<String> = Vec::new();
        for p in phrases {
            lines.push(p.to_string());
            for article in [
                "The", "Our", "Die", "Unsere", "Les", "Nos", "Los", "Las", "Nuestra", "Nuestras",
            ] {
                lines.push(format!("{article} {p}"));
            }
        }
        lines.push("Related articles on Example News".into());
        lines.push("Read also: The council's new plan".into());
        lines.push("• More stories:".into());
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        super::super::shape::assert_openings_cover(&HEADING_OPENINGS, &HEADING, core, &lines);
        for l in [
            "Home",
            "Sport",
            "He said",
            "Image: Reuters",
            "(Related)",
            "Kultur",
        ] {
            assert!(
                !HEADING_OPENINGS.may_open(l) && !HEADING.is_match(l),
                "{l:?}"
            );
        }
    }

    #[test]
    fn section_after_the_article_runs_to_the_end() {
        let t = format!("{BODY}\n\nRelated Articles\n\nTeaser headline one\nSource\n\nA long teaser paragraph with many words that looks like an article body but is only a teaser.");
        assert_eq!(removed(&t), vec![3..9]);
    }

    #[test]
    fn more_german_headings_start_a_section() {
        for h in [
            "Neueste Beiträge",
            "Meist gesucht:",
            "mehr Kolumnen",
            "WEITERE BEITRÄGE ZU DIESEM ARTIKEL",
            "Weitere aktuelle Themen aus der Arbeitswelt",
            "Themen in diesem Artikel",
        ] {
            let t = format!("{BODY}\n\n{h}\n\nTeaser headline one\nTeaser headline two");
            assert_eq!(removed(&t), vec![3..7], "{h}");
        }
    }

    #[test]
    fn sidebar_near_the_top_takes_only_teasers() {
        let t = format!("Lesen Sie auch:\nErster Teaser\nZweiter Teaser\n{BODY}\n{BODY}");
        assert_eq!(removed(&t), vec![0..3]);
    }

    const PARA: &str = "A teaser paragraph that runs on for a while, long enough to count as prose in the rule's eyes, about nothing.";

    #[test]
    fn teaser_articles_under_an_early_heading_go_until_the_prose_run() {
        let t = format!(
            "Short intro line\n{PARA}\nRelated stories\nTeaser headline\nNews Agency\n3 hours ago\n\
             • News Agency\nTeaser headline\n{PARA}\nOther teaser\n{PARA}\n{PARA}\n{PARA}"
        );
        // teasers with their paragraph go; the run of prose stays
        assert_eq!(removed(&t), vec![2..10]);
    }

    #[test]
    fn article_going_on_after_an_inline_box_stays() {
        let t = format!("{PARA}\n{PARA}\n{PARA}\nRead more\nA linked headline\nAnother linked headline\n{PARA}\n{PARA}");
        assert_eq!(removed(&t), vec![3..6]);
    }

    #[test]
    fn read_more_above_prose_is_a_label_only() {
        let t = format!("Read more\n{PARA}\n{PARA}\n{PARA}");
        assert_eq!(removed(&t), vec![0..1]);
    }

    #[test]
    fn headings_in_more_languages_and_with_a_site_name() {
        for h in [
            "Lies auch",
            "Die meistgelesenen Artikel",
            "Pour approfondir",
            "Notas relacionadas",
            "Czytaj też",
            "Leggi anche",
            "Leia também",
            "Mehr zum Thema auf Example.de",
            "Related stories from Example News",
        ] {
            let t = format!("{BODY}\n{h}\nTeaser headline one\nTeaser headline two");
            assert_eq!(removed(&t), vec![2..5], "{h}");
        }
        // a sentence that opens with such a phrase is not a heading
        let t = format!("{BODY}\nRelated stories on the harbour plan were published last week.");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn a_read_also_link_goes_alone() {
        for l in [
            "Read also: Harbour plan wins a prize",
            "Czytaj też: Czy port będzie większy?",
            "PUEDES VER: ¿Qué pasará con el puerto?",
            "Lesen Sie auch: Warum der Hafen wächst",
            "LE PUEDE INTERESAR: El puerto crece otra vez",
            "Leé también: El puerto crece otra vez",
            "כתבות נוספות: הנמל נפתח מחדש",
            "ये भी पढ़ें: बंदरगाह फिर से खुला",
            "関連記事：港が再び開く",
            "関連記事: 港が再び開く",
        ] {
            let t = format!("{BODY}\n{l}\nShort line after it\n{BODY}");
            assert_eq!(removed(&t), vec![2..3], "{l}");
        }
        // a colon with a sentence too long for a headline after it is not a link
        let t = format!("{BODY}\nRead also: {PARA} {PARA}\n{BODY}");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn a_menu_entry_is_a_label_only() {
        let t = format!("* Sport\n* Weather\n* More news\n* Contact\nHeadline\n{BODY}");
        assert_eq!(removed(&t), vec![2..3]);
    }

    /// A heading right under a cell that is a section name too is an entry of a sidebar menu
    /// set beside the article's table (`Most read` cell, then `Latest news`): the label only,
    /// and the article's stages below it stay, short lines and single paragraphs as they are.
    #[test]
    fn a_heading_under_a_section_name_cell_is_a_label_only() {
        let stages = "Stage 2: Lakeside loop\nDistance: 92 km\nRoute: Two laps of the lake road with the climb to the old quarry on each lap, then a flat run back along the harbour front to the finish.\nLast winner: Anna Berg\n\nStage 3: Coast road\nDistance: 140 km\nRoute: From the harbour along the coast road to the lighthouse and back over the moor, with the wind as the main obstacle of the day.\nLast winner: Ola Lind";
        let menu = format!("Harbour Tour 2024\n{BODY}\nForums\nMost read\tMost read\nLatest news\nHelp\tStage 2\n\n{stages}");
        assert_eq!(removed(&menu), vec![5..6]);
        // the same heading under a plain menu entry still heads a section over the stages
        let plain =
            format!("Harbour Tour 2024\n{BODY}\nForums\nHelp\nLatest news\nStage 2\n\n{stages}");
        assert_eq!(removed(&plain)[0].start, 5);
        assert!(removed(&plain)[0].end > 8);
        // a cell under the heading line is no section name above it
        let below =
            format!("Harbour Tour 2024\n{BODY}\nLatest news\nMost read\tMost read\n\n{stages}");
        assert!(removed(&below)[0].end > 4);
    }

    /// A "read more" button in Spanish (a cookie banner's, a teaser's) is a label for R003, not a
    /// heading: as one it took the recipe's headline and dateline below it.
    #[test]
    fn a_spanish_read_more_button_heads_no_section() {
        let t = format!("Usamos cookies propias.\nLeer más\nTarta de manzana de la abuela\n12 de marzo de 2024\n{BODY}");
        assert!(removed(&t).is_empty());
    }

    #[test]
    fn phrase_inside_a_sentence_stays() {
        let t =
            format!("{BODY}\nRead more about the plan on the council's website, the mayor said.");
        assert!(removed(&t).is_empty());
    }
}
