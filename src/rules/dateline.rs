//! R021: a line that is only a date or time stamp; its date moves to the `date` field.

use super::dates::{
    hour12, label_orders_day_first, num, parse_date_prefix_ordered, time_join, DATE_LABEL,
};
use super::shape::Lazy;
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Field, Removal};

crate::declare_rule! {
    /// A dateline: a line that holds only a date, perhaps with a time, a label and separators
    /// (`15:19 02.08.2023 •`, `2023-08-01`, `August 2, 2023 at 3:19 pm`, `Published: 2 Aug
    /// 2023`, `Veröffentlicht am 2. August 2023`, `Publié le 2 août 2023`, `Publicado el 2 de
    /// agosto de 2023`); the time may also come first (`Updated 2:15 PM EST, Tue April 8,
    /// 2025`) or after a separator (`04.02.2025 - 13:25 Uhr`), a place may lead (`Madrid - 04
    /// feb 2025 - 13:25 CET`, `Kempten, 06.11.2024 – 17:12 Uhr`, `Paris, le 18 septembre
    /// 2024`), and a reading time may close it (`8 April 2025 • 4 min read`), or the post's
    /// author (`Published on March 3, 2024 by Jane Doe`, `Publié le 22 mai 2024 par Élodie`,
    /// `Posted on May 3, 2024 by admin`).
    /// Month names are known in English, German, French, Spanish, Italian, Portuguese, Dutch,
    /// Polish, and after the day in Swedish, Danish, Norwegian, Finnish, Czech, Slovak,
    /// Croatian, Serbian, Romanian, Turkish, Russian, Ukrainian, Arabic, Greek, Hindi, Hebrew
    /// and Thai (`12. března 2024`, `7 ноября 2017`, `6 декабря 2026 г.`, `6 ديسمبر 2026 -
    /// 10:20 ص`, `9 Μαρτίου 2026`, `15 मार्च 2026`, `3 ביולי 2024`, a Thai year in the Buddhist
    /// era); a weekday may follow the date (`6 Aralık 2026 Pazar, 09:30`); Chinese, Japanese
    /// and Korean dates are read in their own order and signs (`2026年12月6日 10時30分`, `2026년
    /// 12월 6일`), and a year first with dots or slashes (`2026.03.18 14:05`); an unpadded
    /// `14/3/2026` when only one reading is a date. Labels and weekdays of more languages lead
    /// (`Yayınlanma:`, `Δημοσιεύθηκε:`, `अपडेटेड:`, `פורסם:`, `입력`, `Thứ sáu,`, `Sabtu,`,
    /// `Diterbitkan pada`, `วันเสาร์ที่`, `发布时间：`, `الأحد`); after a label or weekday of a
    /// language that writes the day first an unpadded `5/12/2026` is 5 December (alone it stays
    /// ambiguous). Indonesian and Malay months (`5 Desember 2026`, `3 Ogos 2025`) and Thai
    /// abbreviated ones (`5 ธ.ค. 2569`) are known, a Chinese, Japanese or Korean weekday may
    /// follow the date (`2026年12月5日 星期六`, `2026년 12월 5일 토요일`), a zone may be an offset
    /// (`(GMT+7)`) or an Asian zone's name (`WIB`, `WITA`, `ICT`, `KST`), the story's source may
    /// close the line (`2026-12-05 08:32 来源：新华网`, `| Nguồn: Tuổi Trẻ`, `Sumber: Antara`: a
    /// label and at most five words), and a second labelled date may follow the first
    /// (`입력 2026.03.18 14:05 수정 2026.03.18 15:30`), or a labelled time alone (`Publié le 5
    /// mars 2024 à 08h30, mis à jour à 11h12`): the first is the document's.
    /// The line leaves the text and its date goes to the document's `date` field, as ISO 8601
    /// (`2023-08-02T15:19`); the first dateline of a document wins.
    ///
    /// Only short lines (at most twelve words) where nothing but separators, a weekday, a time,
    /// a time zone, a reading time or an author follows the date are matched, so a sentence
    /// starting with a date stays.
    ///
    /// Date lines that alternate with text are the entries of a timeline, a chronology, a CV or a
    /// list of events (`12 March 2016` / `Surveyors find rust.` / `4 October 2018` / `The council
    /// decides.` / ...), not datelines: at least three date lines in a row (a month and a year
    /// alone, `June 2025`, counts as one here), each followed by one line of text and the next date
    /// line right after it (blank lines aside), the dates in order (strictly rising or falling) and
    /// without a clock time, stay, and none of them gives the `date` field; C001 keeps such a
    /// timeline whole when the article core reaches into it.
    ///
    /// Known false positives: a timeline of only one or two entries loses its dates.
    pub struct Dateline => ("R021", "dateline", Category::Byline);
}

/// What may follow the date on a dateline: separators, a time zone, "Uhr".
fn is_trailer(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty()
        || rest
            .chars()
            .all(|c| matches!(c, '•' | '·' | '|' | '-' | '–' | '—' | ',' | '/' | ' '))
        // the full stop Croatian, Serbian and Hungarian put after a year: `3. svibnja 2024.`
        || rest == "."
        || matches!(
            rest.trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
            "uhr"
                | "h"
                | "utc"
                | "gmt"
                | "cet"
                | "cest"
                | "est"
                | "edt"
                | "pst"
                | "pdt"
                | "bst"
                | "msk"
                | "et"
                | "pt"
                | "ct"
                | "mt"
                | "cst"
                | "cdt"
                | "mst"
                | "mdt"
                | "ist"
                | "jst"
                | "aest"
                | "aedt"
                | "eet"
                | "eest"
                | "wet"
                | "west"
                | "mez"
                | "mesz"
                // Thai writes `น.` (nalika, "o'clock") after a time
                | "น."
                // Indonesia's three zones, and South-East and East Asia's
                | "wib"
                | "wita"
                | "wit"
                | "ict"
                | "myt"
                | "sgt"
                | "pht"
                | "hkt"
                | "kst"
        )
        || is_zone_offset(rest)
        || READING_TIME.is_match(rest)
}

/// An author after the date, as a blog's post stamp names its writer: `by Jane Doe`, `par
/// Élodie`, `| von Anna Reed`, `by admin`: a byline word, then one to four names (capitalised,
/// or a joining word between them: `Ana de la Cruz`), or a single handle in lowercase. `by the
/// council` or a sentence goes on past a name and is no author.
fn is_author_tail(rest: &str) -> bool {
    const BYLINE_WORDS: [&str; 10] = [
        "by", "par", "von", "por", "door", "di", "przez", "av", "af", "от",
    ];
    const JOINING: [&str; 14] = [
        "and", "und", "et", "y", "e", "&", "i", "van", "von", "de", "der", "da", "del", "la",
    ];
    let rest = rest.trim_start_matches(['•', '·', '|', '-', '–', '—', ',', '/', ' ']);
    let mut words = rest.split_whitespace();
    let Some(by) = words.next() else {
        return false;
    };
    if !BYLINE_WORDS.contains(&by.to_lowercase().as_str()) {
        return false;
    }
    let names: Vec<&str> = words.collect();
    let is_name = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let is_handle = |w: &str| {
        w.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
            && w.chars().any(char::is_alphabetic)
    };
    match names.as_slice() {
        [] => false,
        [one] => is_name(one) || is_handle(one),
        [first, middle @ .., last] => {
            names.len() <= 4
                && is_name(first)
                && is_name(last)
                && middle.iter().all(|w| is_name(w) || JOINING.contains(w))
        }
    }
}

/// Labels naming where a story comes from, as a news page writes them after its date
/// (`2026-12-05 08:32 来源：新华网`, `Nguồn: VnExpress`): Chinese, Japanese, Korean, Vietnamese,
/// Indonesian and Malay, Thai, and the languages of Europe.
const SOURCE_LABELS: &[&str] = &[
    "来源",
    "來源",
    "稿源",
    "出典",
    "出所",
    "출처",
    "nguồn",
    "sumber",
    "ที่มา",
    "source",
    "quelle",
    "fuente",
    "fonte",
    "bron",
    "źródło",
    "источник",
    "джерело",
    "kaynak",
];

/// Longest source after a date, in words: a name (`新华网`, `Kompas.com`), not a sentence.
const SOURCE_MAX_WORDS: usize = 5;

/// Whether `rest`, what follows a dateline's date, names the story's source: a source label,
/// a colon and a short name (`来源：新华网`, `| Sumber: Antara`).
fn is_source_tail(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['•', '·', '|', '-', '–', '—', ',', '/', ' ']);
    let Some((label, name)) = rest.split_once([':', '：']) else {
        return false;
    };
    let label = label.trim().to_lowercase();
    let words = name.split_whitespace().count();
    SOURCE_LABELS.contains(&label.as_str()) && (1..=SOURCE_MAX_WORDS).contains(&words)
}

/// A time zone given as an offset, bracketed or not: `(GMT+7)`, `UTC+03:00`, `GMT-5`.
fn is_zone_offset(rest: &str) -> bool {
    let zone = rest
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
        .trim();
    let zone = zone
        .strip_prefix('(')
        .and_then(|z| z.strip_suffix(')'))
        .unwrap_or(zone)
        .to_ascii_lowercase();
    let Some(offset) = ["gmt", "utc"].iter().find_map(|z| zone.strip_prefix(z)) else {
        return false;
    };
    let Some(hours) = offset.strip_prefix(['+', '-']) else {
        return false;
    };
    let (h, m) = hours.split_once(':').unwrap_or((hours, "00"));
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// A time before the date, with its zone: `2:15 PM EST, ` (then perhaps a weekday).
static LEADING_TIME: Lazy =
    Lazy::new(r"(?i)^(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?:\s+[a-z]{2,4})?\s*,?\s+");

/// A time after the date and a separator: ` - 13:25`, `, at 3:04 PM` (the date's own forms
/// take a time only right after it).
static TRAILING_TIME: Lazy = Lazy::new(concat!(
    r"(?i)^[\s•·|,–—-]*(?:",
    time_join!(),
    r"\s+)?(\d{1,2})[:.h](\d{2})\s*(a\.?m\.?|p\.?m\.?|ص|م)?"
));

/// A weekday after the date, as Turkish and others write it: `6 Aralık 2026 Pazar, 09:30`.
static WEEKDAY_AFTER: Lazy = Lazy::new(
    r"(?ix)^[\s,•·|–—-]*(?:
        monday|tuesday|wednesday|thursday|friday|saturday|sunday
      | montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag
      | lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche
      | lunes|martes|miércoles|jueves|viernes|sábado|domingo
      | pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar
      | понедельник|вторник|среда|четверг|пятница|суббота|воскресенье
      | الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد
      | 星期[一二三四五六日天]|礼拜[一二三四五六日天]|禮拜[一二三四五六日天]|周[一二三四五六日]|週[一二三四五六日]
      | [月火水木金土日]曜日|[월화수목금토일]요일
      | senin|selasa|rabu|kamis|jumat|sabtu|minggu
    )(?:\s|,|$)",
);

/// A place before the date: one or two capitalised words and a dash (`Madrid - `).
static PLACE: Lazy = Lazy::new(r"^\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?\s+[-–—|]\s+");

/// A reading time closing a dateline: `• 4 min read`, `| 3 Min. Lesezeit`.
static READING_TIME: Lazy = Lazy::new(
    r"(?i)^[\s•·|,–—-]*\d{1,3}\s*min(?:ute[ns]?|utos|uti)?\.?\s+(?:read|reading\s+time|lesezeit|de\s+lectura|de\s+lecture|di\s+lettura|de\s+leitura|leestijd|czytania)\s*$",
);

/// A time `h:mi` (12-hour with `ampm`) on the clock, or nothing.
fn clock(h: Option<u32>, mi: Option<u32>, ampm: Option<&str>) -> Option<(u32, u32)> {
    let (h, mi) = (hour12(h?, ampm), mi?);
    (h < 24 && mi < 60).then_some((h, mi))
}

/// A place before the date and a comma (`Kempten, `, `Paris, le `), tried when the line
/// does not parse as a dateline without it.
static PLACE_COMMA: Lazy =
    Lazy::new(r"^\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?,\s+(?:(?:le|el|am|den|il)\s+)?");

/// Parses a whole line as a dateline.
pub fn parse_dateline(line: &str) -> Option<String> {
    if !super::dates::may_hold_date(line) {
        return None;
    }
    let body = line.trim_start_matches(['•', '·', '|', '-', ' ']);
    let body = PLACE.prefix_len(body).map_or(body, |n| &body[n..]);
    parse_dateline_body(body).or_else(|| {
        let place = PLACE_COMMA.prefix_len(body)?;
        parse_dateline_body(&body[place..])
    })
}

/// [`parse_dateline`] of a line's text after any place.
fn parse_dateline_body(body: &str) -> Option<String> {
    let label_len = DATE_LABEL.prefix_len(body).unwrap_or(0);
    let mut rest = &body[label_len..];
    // a time first: `2:15 PM EST, Tue April 8, 2025`
    let mut time = None;
    let mut day_first = label_orders_day_first(&body[..label_len]);
    if let Some(c) = LEADING_TIME.captures(rest) {
        time = Some(clock(num(&c, 1), num(&c, 2), c.get(3).map(|m| m.as_str()))?);
        let after = &rest[c[0].len()..];
        let label_len = DATE_LABEL.prefix_len(after).unwrap_or(0);
        day_first |= label_orders_day_first(&after[..label_len]);
        rest = &after[label_len..];
    }
    let found = parse_date_prefix_ordered(rest, day_first)?;
    let mut after = &rest[found.len..];
    if let Some(w) = WEEKDAY_AFTER.prefix_len(after) {
        after = &after[w..];
    }
    // or after the date and a separator: `04.02.2025 - 13:25 Uhr`
    let has_time = found.iso.contains('T');
    if time.is_none() && !has_time {
        if let Some(c) = TRAILING_TIME.captures(after) {
            // `29:25` is no time, and the line no dateline
            time = Some(clock(num(&c, 1), num(&c, 2), c.get(3).map(|m| m.as_str()))?);
            after = &after[c[0].len()..];
        }
    }
    if !is_trailer(after)
        && !is_labelled_dateline(after)
        && !is_author_tail(after)
        && !is_source_tail(after)
    {
        return None;
    }
    Some(match time.filter(|_| !has_time) {
        Some((h, mi)) => format!("{}T{h:02}:{mi:02}", found.iso),
        None => found.iso,
    })
}

/// Whether `rest`, what follows a dateline's date, is a second labelled dateline, as a page
/// stamps when it was published and when it was updated on one line (`입력 2025.08.21 09:12 수정
/// 2025.08.21 10:40`, `Published 2 Aug 2023, updated 3 Aug 2023`): the first date is the
/// document's.
fn is_labelled_dateline(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['•', '·', '|', '-', '–', '—', ',', '/', ' ']);
    let Some(label) = DATE_LABEL.prefix_len(rest).filter(|&n| n > 0) else {
        return false;
    };
    parse_dateline_body(rest).is_some() || is_labelled_time(&rest[label..])
}

/// Whether `rest`, what follows a second date label, is a time alone, as a page stamps the
/// hour it updated a story published that day (`Publié le 5 mars 2024 à 08h30, mis à jour à
/// 11h12`, `Published March 5, 2024, updated 11:40 am`, `aktualisiert um 15:30 Uhr`).
fn is_labelled_time(rest: &str) -> bool {
    TRAILING_TIME.captures(rest).is_some_and(|c| {
        clock(num(&c, 1), num(&c, 2), c.get(3).map(|m| m.as_str())).is_some()
            && is_trailer(&rest[c[0].len()..])
    })
}

/// Fewest entries of a timeline (see [`timelines`]).
const TIMELINE_ENTRIES: usize = 3;

/// The timelines of `doc`, each from its first date line to its last entry's text line: runs of at
/// least [`TIMELINE_ENTRIES`] short lines that [`parse_dateline`] reads or that hold a month and a
/// year alone (`June 2025`), each followed by one non-blank line that is no date line, with the
/// next date line right below that (blank lines aside), the dates in order (strictly rising or
/// falling) and none with a clock time (a teaser's or a comment's stamp). A comment thread's dates
/// (name, date, comment) do not alternate so, and a dateline over an article whose first paragraph
/// a timeline follows is out of its order.
/// Found once per document (R021 and C001 both ask).
pub fn timelines(doc: &Document) -> &[std::ops::Range<usize>] {
    doc.timelines.get_or_init(|| find_timelines(doc))
}

/// Longest line R021 reads as a dateline, in words.
const DATELINE_MAX_WORDS: u32 = 12;

/// [`parse_dateline`] of each line of `doc` of at most [`DATELINE_MAX_WORDS`] words (`None` for
/// the others), parsed once per document.
fn line_datelines(doc: &Document) -> &[Option<String>] {
    doc.datelines.get_or_init(|| {
        (0..doc.n_lines())
            .map(|i| {
                let words = doc.info(i).words;
                (1..=DATELINE_MAX_WORDS)
                    .contains(&words)
                    .then(|| parse_dateline(doc.line(i)))
                    .flatten()
            })
            .collect()
    })
}

/// [`timelines`], searched.
fn find_timelines(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let parsed = line_datelines(doc);
    let lines: Vec<usize> = doc.paragraphs().collect();
    let dates: Vec<Option<String>> = lines
        .iter()
        .map(|&i| {
            let line = doc.line(i);
            if doc.info(i).words > DATELINE_MAX_WORDS {
                return None;
            }
            // a date with a clock time is a post's stamp (a teaser's, a comment's)
            parsed[i]
                .clone()
                .filter(|iso| !iso.contains('T'))
                .or_else(|| super::dates::month_and_year(line))
        })
        .collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        // a run: date, text, date, text, ... (each date with its text below it)
        let mut end = k;
        while end + 1 < lines.len() && dates[end].is_some() && dates[end + 1].is_none() {
            end += 2;
        }
        let entries = (end - k) / 2;
        let ordered = |from: usize| {
            let d: Vec<&String> = (from..end)
                .step_by(2)
                .filter_map(|e| dates[e].as_ref())
                .collect();
            d.windows(2).all(|w| w[0] < w[1]) || d.windows(2).all(|w| w[0] > w[1])
        };
        // the first date may be the article's dateline, out of the entries' order
        let first = if ordered(k) {
            Some(k)
        } else {
            Some(k + 2).filter(|&f| ordered(f))
        };
        if let Some(first) = first.filter(|&f| (end - f) / 2 >= TIMELINE_ENTRIES) {
            found.push(lines[first]..lines[end - 1] + 1);
        }
        k = if entries > 0 { end } else { k + 1 };
    }
    found
}

impl Rule for Dateline {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        let parsed = line_datelines(doc);
        if parsed.iter().all(Option::is_none) {
            return;
        }
        let timelines = timelines(doc);
        for i in doc.paragraphs() {
            if timelines.iter().any(|t| t.contains(&i)) {
                continue;
            }
            if let Some(iso) = parsed[i].clone() {
                out.push(
                    Removal::line(&Self::META, i)
                        .with_note(format!("dateline of {iso}"))
                        .moved_to(Field::Date, iso),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_lengths_are_the_regexes_match_ends() {
        let lines = [
            "",
            "Updated on March 3, 2024",
            "Veröffentlicht am 2. August 2023",
            "Madrid - 04 feb 2025 - 13:25 CET",
            "Kempten, 06.11.2024 – 17:12 Uhr",
            "Paris, le 18 septembre 2024",
            "Dimanche 3 mars",
            "Thứ sáu, 19/7/2026",
            "입력 2026.03.18 14:05",
            "Δημοσιεύθηκε: 1 Αυγούστου 2024",
            ", Pazar, 09:30",
            "Posted",
            "Date:",
            "Μadrid - x",
            "ÉLODIE DURAND — 3 mai",
            "No date here at all",
        ];
        for re in [&PLACE, &PLACE_COMMA, &DATE_LABEL, &WEEKDAY_AFTER] {
            for line in lines {
                assert_eq!(
                    re.prefix_len(line),
                    re.get().find(line).map(|m| m.end()),
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn datelines_of_more_languages_parse() {
        assert_eq!(
            parse_dateline("6 Aralık 2026 Pazar, 09:30").as_deref(),
            Some("2026-12-06T09:30")
        );
        assert_eq!(
            parse_dateline("6 ديسمبر 2026 - 10:20 م").as_deref(),
            Some("2026-12-06T22:20")
        );
        assert_eq!(
            parse_dateline("Суббота, 6 декабря 2026 г.").as_deref(),
            Some("2026-12-06")
        );
        assert_eq!(
            parse_dateline("2026年12月6日 10時30分").as_deref(),
            Some("2026-12-06T10:30")
        );
        // a weekday after the date does not let a sentence through
        assert_eq!(parse_dateline("6 Aralık 2026 Pazar günü açıldı"), None);
    }

    #[test]
    fn datelines_of_south_east_and_east_asia() {
        for (line, iso) in [
            // a Vietnamese weekday says the day comes first: 5 December, not 12 May
            ("Thứ bảy, 5/12/2026, 08:15 (GMT+7)", "2026-12-05T08:15"),
            ("Sabtu, 5 Desember 2026 | 09:45 WIB", "2026-12-05T09:45"),
            ("Khamis, 3 Ogos 2025, 14:10", "2025-08-03T14:10"),
            (
                "Diterbitkan pada 12 Agu 2025, 07:30 WITA",
                "2025-08-12T07:30",
            ),
            // a Thai abbreviated month, a year in the Buddhist era
            ("5 ธ.ค. 2569 เวลา 10:20 น.", "2026-12-05T10:20"),
            ("วันเสาร์ที่ 5 มี.ค. 2569", "2026-03-05"),
            // a date and its source
            ("2026-12-05 08:32 来源：新华网", "2026-12-05T08:32"),
            ("19/7/2026 | Nguồn: Tuổi Trẻ", "2026-07-19"),
            ("2026年12月5日 星期六 08:32", "2026-12-05T08:32"),
            ("发布时间：2026-12-05 08:32", "2026-12-05T08:32"),
            ("2026년 12월 5일 토요일", "2026-12-05"),
        ] {
            assert_eq!(parse_dateline(line).as_deref(), Some(iso), "{line}");
        }
        // without a label in a day-first language an unpadded date stays ambiguous
        assert_eq!(parse_dateline("5/12/2026, 08:15"), None);
        assert_eq!(parse_dateline("Saturday, 5/12/2026"), None);
        // a source is a short name, not a sentence
        assert_eq!(
            parse_dateline("2026-12-05 来源：新华网 记者 张三 李四 王五 报道 今天"),
            None
        );
        assert_eq!(parse_dateline("2026-12-05 Sumber: "), None);
    }

    #[test]
    fn datelines_of_labels_weekdays_and_zones_of_more_languages() {
        for (line, iso) in [
            ("Güncelleme: 03.11.2026 07:05", "2026-11-03T07:05"),
            ("Ενημερώθηκε: 1 Αυγούστου 2024, 18:05", "2024-08-01T18:05"),
            ("प्रकाशित: 2 मई 2024, 09:10 AM IST", "2024-05-02T09:10"),
            ("עודכן: 30.11.2023 21:40", "2023-11-30T21:40"),
            ("Chủ nhật, 19/7/2026, 19:00 (GMT+7)", "2026-07-19T19:00"),
            ("Cập nhật: 18/3/2026 06:45", "2026-03-18T06:45"),
            ("2026/03/14 22:10", "2026-03-14T22:10"),
            ("วันที่ 1 พฤศจิกายน 2567 เวลา 08:05 น.", "2024-11-01T08:05"),
            ("الجمعة 3 أكتوبر 2025 - 18:00", "2025-10-03T18:00"),
            ("4 July 2025 10:00 UTC+03:00", "2025-07-04T10:00"),
        ] {
            assert_eq!(parse_dateline(line).as_deref(), Some(iso), "{line}");
        }
        // a second labelled date on the line (updated): the first is the document's
        assert_eq!(
            parse_dateline("등록 2026.03.18 14:05 업데이트 2026.03.19 08:00").as_deref(),
            Some("2026-03-18T14:05")
        );
        assert_eq!(
            parse_dateline("Published 2 Aug 2023, updated 3 Aug 2023").as_deref(),
            Some("2023-08-02")
        );
        // or a labelled time alone (updated the same day)
        for (line, iso) in [
            (
                "Publié le 5 mars 2024 à 08h30, mis à jour à 11h12",
                "2024-03-05T08:30",
            ),
            ("Published March 5, 2024, updated 11:40 am", "2024-03-05"),
            (
                "Veröffentlicht am 08.04.2024, 14:20 Uhr, aktualisiert um 15:30 Uhr",
                "2024-04-08T14:20",
            ),
        ] {
            assert_eq!(parse_dateline(line).as_deref(), Some(iso), "{line}");
        }
        // but no sentence, and no zone that is not one
        assert_eq!(parse_dateline("Published 2 Aug 2023, updated 29:70"), None);
        assert_eq!(
            parse_dateline("Published 2 Aug 2023, updated at 10:30 after the vote"),
            None
        );
        assert_eq!(parse_dateline("2026.03.18 14:05 수정 요청"), None);
        assert_eq!(parse_dateline("Published 2 Aug 2023, updated often"), None);
        assert_eq!(parse_dateline("4 July 2025 (GMT+7 hours)"), None);
        assert_eq!(parse_dateline("3/4/2026 08:30"), None, "ambiguous");
    }

    #[test]
    fn datelines_with_an_author() {
        for (line, iso) in [
            ("Publié le 22 mai 2024 par Élodie", "2024-05-22"),
            ("Published on March 3, 2024 by Jane Doe", "2024-03-03"),
            ("Posted on May 3, 2024 by admin", "2024-05-03"),
            ("12. März 2024 | von Anna Reed", "2024-03-12"),
            (
                "Publicado el 4 de junio de 2024 por Ana de la Cruz",
                "2024-06-04",
            ),
            ("Ostatnia aktualizacja: 5 stycznia 2024", "2024-01-05"),
        ] {
            assert_eq!(parse_dateline(line).as_deref(), Some(iso), "{line}");
        }
        // no author: a lowercase phrase, a sentence, too many names, no name at all
        for line in [
            "Published on March 3, 2024 by the city council",
            "Published on March 3, 2024 by Jane Doe, who wrote it",
            "Published on March 3, 2024 by Jane Doe in News",
            "March 3, 2024 by One Two Three Four Five",
            "Published on March 3, 2024 by",
            "Published on March 3, 2024 with Jane Doe",
        ] {
            assert_eq!(parse_dateline(line), None, "{line}");
        }
        // a label this rule does not know stays (a policy's effective date)
        assert_eq!(parse_dateline("Effective date: March 1, 2024"), None);
    }

    #[test]
    fn zone_offsets() {
        for z in ["(GMT+7)", " UTC+03:00", ", (utc-5)", "GMT+05:30"] {
            assert!(is_zone_offset(z), "{z}");
        }
        for z in ["(GMT)", "GMT+", "GMT+123", "(GMT+7", "EST+5", "GMT+7:5"] {
            assert!(!is_zone_offset(z), "{z}");
        }
    }

    #[test]
    fn datelines_parse() {
        assert_eq!(
            parse_dateline("15:19 02.08.2023 •").as_deref(),
            Some("2023-08-02T15:19")
        );
        assert_eq!(
            parse_dateline("Published: 2 Aug 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Veröffentlicht am 2. August 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Publié le 2 août 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Publicado el 2 de agosto de 2023").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(
            parse_dateline("Tuesday, August 1, 2023").as_deref(),
            Some("2023-08-01")
        );
        assert_eq!(
            parse_dateline("2023-08-01 12:00 UTC").as_deref(),
            Some("2023-08-01T12:00")
        );
        // a dateline of a language that writes the month after the day, a full stop after the
        // year included
        assert_eq!(
            parse_dateline("3. svibnja 2024.").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            parse_dateline("12. března 2024").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(parse_dateline("3. svibnja 2024. godine"), None);
    }

    #[test]
    fn times_before_or_after_the_date_places_and_reading_times() {
        for (line, iso) in [
            ("Updated 2:15 PM EST, Tue April 8, 2025", "2025-04-08T14:15"),
            ("Published 3:04 PM GMT, March 11, 2025", "2025-03-11T15:04"),
            ("March 11, 2025 3:04 PM ET", "2025-03-11T15:04"),
            ("04.02.2025 - 13:25 Uhr", "2025-02-04T13:25"),
            ("Madrid - 04 feb 2025 - 13:25 CET", "2025-02-04T13:25"),
            ("Kempten, 06.11.2024 – 17:12 Uhr", "2024-11-06T17:12"),
            ("Paris, le 18 septembre 2024", "2024-09-18"),
            (
                "Santander, 16 de marzo de 2025 - 22:47 CET",
                "2025-03-16T22:47",
            ),
            ("8 April 2025 • 4 min read", "2025-04-08"),
            ("12. März 2024 | 3 Min. Lesezeit", "2024-03-12"),
        ] {
            assert_eq!(parse_dateline(line).as_deref(), Some(iso), "{line}");
        }
        // an impossible time is no dateline's; a sentence after a place stays
        assert_eq!(parse_dateline("04.02.2025 - 29:25 Uhr"), None);
        assert_eq!(parse_dateline("Madrid - 04 feb 2025 the talks began"), None);
        assert_eq!(
            parse_dateline("Paris, le 18 septembre 2024 à la mairie"),
            None
        );
        assert_eq!(parse_dateline("Paris, the city of light"), None);
    }

    #[test]
    fn sentences_with_dates_stay() {
        assert_eq!(parse_dateline("2 August 2023 was a hot day."), None);
        assert_eq!(parse_dateline("On 2 August 2023"), None);
    }

    #[test]
    fn moves_the_date() {
        let doc = Document::from_text("Title\n\n15:19 02.08.2023 •\n\nBody.".into(), 1, 0);
        let mut out = Vec::new();
        Dateline.check(&doc, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].moved_to,
            Some((Field::Date, "2023-08-02T15:19".into()))
        );
    }

    #[test]
    fn the_dates_of_a_timeline_stay() {
        use crate::rules::testing::removed_starts;
        let chronology = "Chronology\nA long introduction to the story of the bridge.\n\
            12 March 2016\nSurveyors find rust.\n4 October 2018\nThe council decides.\n\
            2 May 2021\nThe plans are approved.\nJune 2025\nWork starts.\n";
        let doc = Document::from_text(chronology.into(), 1, 0);
        assert_eq!(timelines(&doc), vec![2..10]);
        assert!(removed_starts(&Dateline, chronology).is_empty());
        // with blank lines between the entries too
        let spaced = chronology.replace('\n', "\n\n");
        assert!(removed_starts(&Dateline, &spaced).is_empty());
        // two entries are no timeline; a comment thread's dates (name, date, comment) do not
        // alternate with one line of text
        let two =
            "Title\n12 March 2016\nSurveyors find rust.\n4 October 2018\nThe council decides.\n";
        assert_eq!(removed_starts(&Dateline, two), [1, 3]);
        let thread = "Anna\n12 March 2016\nGreat text.\nBen\n13 March 2016\nI agree.\n\
            Cleo\n14 March 2016\nThanks!\n";
        assert_eq!(removed_starts(&Dateline, thread), [1, 4, 7]);
        // a dateline over the article and a timeline below it: the dateline still goes
        let dated =
            format!("Title\n2 August 2023\nThe text of the article begins here.\n{chronology}");
        assert_eq!(removed_starts(&Dateline, &dated), [1]);
    }

    #[test]
    fn impossible_dates_are_no_datelines() {
        assert_eq!(parse_dateline("31.02.2023"), None);
        assert_eq!(parse_dateline("Published: Feb 30, 2023"), None);
        assert_eq!(
            parse_dateline("Published: Feb 28, 2023").as_deref(),
            Some("2023-02-28")
        );
    }
}
