//! Date parsing shared by the dateline rules: numeric dates (`2023-08-01`, `02.08.2023`;
//! `19/03/2024` and `21-05-2024` day first, or month first when that is the only valid
//! reading, as `03/19/2024`; unpadded, `14/3/2026`, only when one reading is a date: `8/2/2023`
//! is left alone as ambiguous), dates with
//! month names in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
//! Swedish, Danish, Norwegian, Finnish, Czech, Slovak, Croatian, Serbian, Romanian, Turkish,
//! Russian, Ukrainian, Arabic, Greek, Hindi, Hebrew, Thai (abbreviated too: `ธ.ค.`), Indonesian
//! and Malay (with the year words `г.`, `року`;
//! a Thai year in the Buddhist era), CJK dates (`2026年12月6日`, `2026년 12월 6일`), the year
//! first with dots or slashes (`2026.03.18`, `2026/03/18`), an optional time; the result as
//! ISO 8601 (`2023-08-02` or `2023-08-02T15:19`).
//! Only real calendar dates parse: `31.02.2023` or `Feb 30, 2023` is no date at all, so no rule
//! takes it for one (the line stays unless something else removes it).

use super::shape::Lazy;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    // Italian, Portuguese, Dutch (names and the usual abbreviations not listed above)
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("aprile", 4),
    ("abr", 4),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("ago", 8),
    ("augustus", 8),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("okt", 10),
    ("novembro", 11),
    ("dicembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dez", 12),
    // Polish, in the genitive a date uses
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
];

/// Month names these languages write only after the day (`12. března 2024`, `7 ноября 2017`):
/// genitive and partitive forms, and the names of languages that put the day first.
const MONTHS_AFTER_DAY: &[(&str, u32)] = &[
    // Swedish, Danish, Norwegian (names not listed above)
    ("maj", 5),
    ("augusti", 8),
    ("marts", 3),
    ("desember", 12),
    // Finnish, in the partitive a date uses
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Czech and Slovak, in the genitive
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("januára", 1),
    ("februára", 2),
    ("apríla", 4),
    ("mája", 5),
    ("júna", 6),
    ("júla", 7),
    ("augusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("novembra", 11),
    ("decembra", 12),
    // Croatian, in the genitive (`listopada` is October there but November in Polish: left to
    // Polish), and Serbian and Bosnian in Latin script
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    ("studenoga", 11),
    ("studenog", 11),
    ("prosinca", 12),
    ("januara", 1),
    ("februara", 2),
    ("marta", 3),
    ("aprila", 4),
    ("juna", 6),
    ("jula", 7),
    ("avgusta", 8),
    ("oktobra", 10),
    // Romanian
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Russian and Ukrainian, in the genitive
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Arabic: the names Egypt and the Gulf use, and the Levant's where they are one word
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("أيلول", 9),
    // Greek, in the genitive a date uses (`4 Ιουνίου 2025`)
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    // Hindi (with and without the nukta, and both spellings of the nasal)
    ("जनवरी", 1),
    ("\u{92B}\u{93C}रवरी", 2),
    ("फरवरी", 2),
    ("मार्च", 3),
    ("अप्रैल", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("अगस्त", 8),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("अक्टूबर", 10),
    ("अक्तूबर", 10),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    // Hebrew, bare and with the prefix `ב` ("in") a date takes (`3 ביולי 2025`)
    ("ינואר", 1),
    ("בינואר", 1),
    ("פברואר", 2),
    ("בפברואר", 2),
    ("מרץ", 3),
    ("במרץ", 3),
    ("מרס", 3),
    ("במרס", 3),
    ("אפריל", 4),
    ("באפריל", 4),
    ("מאי", 5),
    ("במאי", 5),
    ("יוני", 6),
    ("ביוני", 6),
    ("יולי", 7),
    ("ביולי", 7),
    ("אוגוסט", 8),
    ("באוגוסט", 8),
    ("ספטמבר", 9),
    ("בספטמבר", 9),
    ("אוקטובר", 10),
    ("באוקטובר", 10),
    ("נובמבר", 11),
    ("בנובמבר", 11),
    ("דצמבר", 12),
    ("בדצמבר", 12),
    // Thai (its years count from the Buddhist era: see [`buddhist_era_year`])
    ("มกราคม", 1),
    ("กุมภาพันธ์", 2),
    ("มีนาคม", 3),
    ("เมษายน", 4),
    ("พฤษภาคม", 5),
    ("มิถุนายน", 6),
    ("กรกฎาคม", 7),
    ("สิงหาคม", 8),
    ("กันยายน", 9),
    ("ตุลาคม", 10),
    ("พฤศจิกายน", 11),
    ("ธันวาคม", 12),
    // Thai abbreviations, the final dot trimmed as [`month`] trims it (`5 ธ.ค. 2569`)
    ("ม.ค", 1),
    ("ก.พ", 2),
    ("มี.ค", 3),
    ("เม.ย", 4),
    ("พ.ค", 5),
    ("มิ.ย", 6),
    ("ก.ค", 7),
    ("ส.ค", 8),
    ("ก.ย", 9),
    ("ต.ค", 10),
    ("พ.ย", 11),
    ("ธ.ค", 12),
    // Indonesian and Malay (names and abbreviations not listed above: `5 Desember 2026`,
    // `3 Ogos 2025`)
    ("pebruari", 2),
    ("maret", 3),
    ("mac", 3),
    ("julai", 7),
    ("agustus", 8),
    ("agu", 8),
    ("agt", 8),
    ("ogos", 8),
    ("nopember", 11),
    ("desember", 12),
    ("des", 12),
    ("disember", 12),
];

/// Years between the Buddhist era's count and the common era's: Thai writes 2568 for 2025.
const BUDDHIST_ERA_OFFSET: u32 = 543;

/// `year` in the common era: a Thai month's year is in the Buddhist era when it is too late to
/// be a common era year deboil takes for a date once the offset is taken off (`5 มีนาคม 2568`
/// is 2025), else it is already in the common era (`5 มีนาคม 2025`).
fn buddhist_era_year(month_name: &str, year: u32) -> u32 {
    let thai = month_name
        .chars()
        .next()
        .is_some_and(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    if thai && year >= 1900 + BUDDHIST_ERA_OFFSET {
        year - BUDDHIST_ERA_OFFSET
    } else {
        year
    }
}

fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

/// [`month`], or a name written only after the day.
fn month_after_day(name: &str) -> Option<u32> {
    month(name).or_else(|| {
        let n = name.trim_end_matches('.').to_lowercase();
        MONTHS_AFTER_DAY
            .iter()
            .find(|(m, _)| *m == n)
            .map(|(_, v)| *v)
    })
}

/// A line that is a month's name and a year alone (`June 2025`, `Oktober 2015`), as a timeline
/// or a CV heads an entry whose day it does not know: its year and month, `2025-06`.
pub fn month_and_year(line: &str) -> Option<String> {
    let (name, year) = line.trim().split_once(' ')?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m = month_after_day(name.trim_end_matches(','))?;
    Some(format!("{year}-{m:02}"))
}

/// A date found at the start of a text, with the byte length it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub iso: String,
    pub len: usize,
}

/// A month's name: letters, and the combining vowel signs of the scripts that write them
/// (Devanagari, Thai: `जनवरी`, `มีนาคม`; their blocks, not every mark: the class is repeated,
/// and all of `\p{M}` makes the automaton far larger to build); two letters at least (`मई`),
/// at most [`MONTH_NAME_MAX_CHARS`], checked on the match (see [`month_name_fits`]). A Thai
/// abbreviation has a dot inside (`ธ.ค.`, `มี.ค.`).
const MONTH_NAME: &str = r"\p{L}(?:[\p{L}\x{0900}-\x{097F}\x{0E00}-\x{0E7F}]+|[\x{0E00}-\x{0E7F}]?\.[\x{0E00}-\x{0E7F}]{1,2})\.?";

/// Most characters of a month's name, its full stop aside.
const MONTH_NAME_MAX_CHARS: usize = 16;

/// Whether a [`MONTH_NAME`] match is short enough to be a month's name. The bound is checked
/// here, not counted in the regexes (`{1,15}`): a counted repetition of the large Unicode
/// class compiles fifteen copies of it, in each of the regex crate's automata. The regexes
/// match the same lines with the same groups either way: the name's characters are neither
/// white space nor a full stop, one of which must follow the name, so a name is always the
/// whole run of such characters, however the repetition is written; a run too long for the
/// bound matched nothing, and fails this check now.
fn month_name_fits(name: &str) -> bool {
    name.trim_end_matches('.')
        .chars()
        .nth(MONTH_NAME_MAX_CHARS)
        .is_none()
}

/// The word for "year" some languages write after it: Russian `г.` / `года`, Ukrainian `р.` /
/// `року`, Turkish `yılı` (`6 декабря 2026 г.`).
const YEAR_WORD: &str = r"(?:\s*(?:г|р)\.|\s+(?:года|року|yılı))";

/// A date in CJK order and signs, with an optional weekday in brackets and a time:
/// `2026年12月6日`, `2026年12月6日（日） 10時30分`, `2026년 12월 6일 10:30`.
static CJK_YMD: Lazy = Lazy::new(
    r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*[(（][^)）]{1,3}[)）])?(?:\s*(?:(上午|下午|午前|午後|오전|오후)\s*)?(\d{1,2})\s*[:：時时시]\s*(\d{1,2})\s*[分분]?)?",
);

/// How a time is joined to a date: `at`, `um`, `à`, `a las`, `alle`, `às`, `om`, `o`, `godz.`
/// (a macro, so that the regexes here and the dateline's trailing time write it once).
macro_rules! time_join {
    () => {
        r"(?:at|um|à|às|as|a\s+las|alle|om|o|godz\.?|เวลา)"
    };
}
pub(super) use time_join;
const TIME_JOIN: &str = time_join!();

/// A time after a numeric date: `, 15:19 Uhr`, ` um 10:29`, ` às 19h45`, ` 13:25 h`,
/// ` at 07:01pm` (the hour, the minute and am/pm are its three groups).
macro_rules! numeric_time {
    () => {
        concat!(
            r"(?:,?\s+(?:",
            time_join!(),
            r"\s+)?(\d{1,2})[:.h](\d{2})(?:\s*(?:uhr|h)\b|\s*(a\.?m\.?|p\.?m\.?))?)?"
        )
    };
}

static ISO: Lazy = Lazy::new(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",
);
static DMY: Lazy = Lazy::new(concat!(
    r"(?i)^(\d{1,2})\.(\d{1,2})\.(\d{4})",
    numeric_time!()
));
/// `19/03/2024`, `21-05-2024`, `14/4/2025`: day and month, padded or not (an unpadded date
/// whose day could be its month, `8/2/2023`, is left alone as ambiguous).
static SLASHED_DMY: Lazy = Lazy::new(concat!(
    r"(?i)^(\d{1,2})([/-])(\d{1,2})[/-](\d{4})",
    numeric_time!()
));
/// `2025.08.21`, `2025/08/21`: year first, with dots or slashes, a two-digit month and day.
static DOTTED_YMD: Lazy = Lazy::new(concat!(
    r"(?i)^(\d{4})(?:\.(\d{2})\.(\d{2})|/(\d{2})/(\d{2}))",
    numeric_time!()
));
static TIME_DMY: Lazy = Lazy::new(r"^(\d{1,2}):(\d{2})\s+(\d{1,2})[./](\d{1,2})[./](\d{4})");

fn named_dmy() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(&format!(
            r"(?i)^(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({MONTH_NAME})\s+(?:de\s+)?(\d{{4}}){YEAR_WORD}?(?:,?\s+{TIME_JOIN}?\s*(\d{{1,2}})[:.h](\d{{2}})\s*(am|pm)?)?"
        ))
        .expect("date regex")
    })
}

fn named_mdy() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(&format!(
            r"(?i)^({MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:,?\s+(?:at\s+)?(\d{{1,2}}):(\d{{2}})\s*(am|pm|a\.m\.|p\.m\.)?)?"
        ))
        .expect("date regex")
    })
}

/// Cheap necessary condition for [`parse_date_prefix`]: every date shape has a four-digit year
/// (`\d{4}`, four digits in a row), so four numeric characters in a row (a `\d` character is
/// numeric: see the test of the digit-led shapes' premise). Every caller asks it only before
/// [`parse_date_prefix`].
pub fn may_hold_date(s: &str) -> bool {
    // ASCII digits are numeric characters: counted on bytes first (no decoding, a loop the
    // compiler vectorises), which rules out every ASCII line with fewer than four of them (most
    // lines); the runs are looked for only on the others
    let ascii_digits = s.bytes().filter(u8::is_ascii_digit).count();
    if s.is_ascii() {
        return ascii_digits >= 4 && ascii_digit_run_of_four(s.as_bytes());
    }
    let mut run = 0;
    s.chars().any(|c| {
        run = if c.is_numeric() { run + 1 } else { 0 };
        run == 4
    })
}

/// Whether `bytes` hold four ASCII digits in a row.
fn ascii_digit_run_of_four(bytes: &[u8]) -> bool {
    let mut run = 0;
    bytes.iter().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Cheap necessary condition for [`named_mdy`]'s match at the start of `s`: the month's name
/// (letters and signs of the Devanagari and Thai blocks, none of them white space) and its
/// optional full stop are the first word, of two to seventeen characters and opening with a
/// letter, and the first character after the white space (`\s+`, Unicode white space as
/// [`char::is_whitespace`] tells it) that follows it is numeric (the day, `\d`).
fn may_open_month_first(s: &str) -> bool {
    let Some(end) = s.find(char::is_whitespace) else {
        return false;
    };
    let name = &s[..end];
    name.starts_with(char::is_alphabetic)
        && (2..=17).contains(&name.chars().count())
        && s[end..].trim_start().starts_with(char::is_numeric)
}

/// Days in month `m` (1 to 12) of year `y`, Gregorian leap years.
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A real calendar date in the years deboil takes for publication dates.
fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
}

fn iso(y: u32, m: u32, d: u32, time: Option<(u32, u32)>) -> String {
    match time {
        Some((h, mi)) if h < 24 && mi < 60 => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"),
        _ => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// Capture group `i` of `c` as a number.
pub fn num(c: &regex::Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

/// `h` on a 24-hour clock, from a 12-hour one when `ampm` says `am`/`pm` (`a.m.` too).
pub fn hour12(h: u32, ampm: Option<&str>) -> u32 {
    // Arabic writes ص (morning) and م (evening)
    match ampm.map(|s| s.to_lowercase().replace('.', "")) {
        Some(s) if (s == "pm" || s == "م") && h < 12 => h + 12,
        Some(s) if (s == "am" || s == "ص") && h == 12 => 0,
        _ => h,
    }
}

/// The date `y-m-d` (with a time) found in the first `len` bytes, when it is a valid date.
fn found(y: u32, m: u32, d: u32, time: Option<(u32, u32)>, len: usize) -> Option<FoundDate> {
    valid(y, m, d).then(|| FoundDate {
        iso: iso(y, m, d, time),
        len,
    })
}

/// Parses a date at the very start of `s`.
pub fn parse_date_prefix(s: &str) -> Option<FoundDate> {
    parse_date_prefix_ordered(s, false)
}

/// [`parse_date_prefix`], where an unpadded numeric date both of whose readings are dates
/// (`5/12/2026`) is read day first when `day_first` (the line's label or weekday is in a
/// language that writes the day first: `Thứ bảy, 5/12/2026`), and left alone otherwise.
pub fn parse_date_prefix_ordered(s: &str, day_first: bool) -> Option<FoundDate> {
    if !may_hold_date(s) {
        return None;
    }
    // the first four shapes open with a digit (`\d`), a month name with a letter: a line's
    // first character rules out one side or the other (see the test of this premise)
    let day_first_label = day_first;
    let digit_led = s.chars().next().is_some_and(char::is_numeric);
    if digit_led {
        if let Some(c) = CJK_YMD.captures(s) {
            let (y, m, d) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            let afternoon = c
                .get(4)
                .is_some_and(|p| matches!(p.as_str(), "下午" | "午後" | "오후"));
            let t = num(&c, 5).zip(num(&c, 6)).map(|(h, mi)| {
                if afternoon && h < 12 {
                    (h + 12, mi)
                } else {
                    (h, mi)
                }
            });
            return found(y, m, d, t, c[0].len());
        }
        if let Some(c) = TIME_DMY.captures(s) {
            let (h, mi, d, m, y) = (
                num(&c, 1)?,
                num(&c, 2)?,
                num(&c, 3)?,
                num(&c, 4)?,
                num(&c, 5)?,
            );
            return found(y, m, d, Some((h, mi)), c[0].len());
        }
        if let Some(c) = ISO.captures(s) {
            let (y, m, d) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            let t = num(&c, 4).zip(num(&c, 5));
            return found(y, m, d, t, c[0].len());
        }
        let clock = |c: &regex::Captures, at: usize| {
            let ampm = c.get(at + 2).map(|x| x.as_str());
            num(c, at)
                .zip(num(c, at + 1))
                .map(|(h, mi)| (hour12(h, ampm), mi))
        };
        if let Some(c) = DMY.captures(s) {
            let (d, m, y) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            return found(y, m, d, clock(&c, 4), c[0].len());
        }
        if let Some(c) = SLASHED_DMY.captures(s) {
            let (a, b, y) = (num(&c, 1)?, num(&c, 3)?, num(&c, 4)?);
            let t = clock(&c, 5);
            let padded = c[1].len() == 2 && c[3].len() == 2;
            let (day_first, month_first) = (valid(y, b, a), valid(y, a, b));
            // day first, as Europe writes it; month first when only that reading is a date.
            // Unpadded, only one reading may be a date (`14/4/2025`), or both the same one
            let (d, m) = if padded || a == b || day_first != month_first || day_first_label {
                if day_first {
                    (a, b)
                } else {
                    (b, a)
                }
            } else {
                return None;
            };
            return found(y, m, d, t, c[0].len());
        }
        if let Some(c) = DOTTED_YMD.captures(s) {
            let y = num(&c, 1)?;
            let (m, d) = num(&c, 2)
                .zip(num(&c, 3))
                .or_else(|| num(&c, 4).zip(num(&c, 5)))?;
            return found(y, m, d, clock(&c, 6), c[0].len());
        }
        if let Some(c) = named_dmy().captures(s) {
            if !month_name_fits(&c[2]) {
                return None;
            }
            let (d, m) = (num(&c, 1)?, month_after_day(&c[2])?);
            let y = buddhist_era_year(&c[2], num(&c, 3)?);
            let t = num(&c, 4)
                .zip(num(&c, 5))
                .map(|(h, mi)| (hour12(h, c.get(6).map(|x| x.as_str())), mi));
            return found(y, m, d, t, c[0].len());
        }
        return None;
    }
    if !may_open_month_first(s) {
        return None;
    }
    if let Some(c) = named_mdy().captures(s) {
        if !month_name_fits(&c[1]) {
            return None;
        }
        let (m, d, y) = (month(&c[1])?, num(&c, 2)?, num(&c, 3)?);
        let t = num(&c, 4)
            .zip(num(&c, 5))
            .map(|(h, mi)| (hour12(h, c.get(6).map(|x| x.as_str())), mi));
        return found(y, m, d, t, c[0].len());
    }
    None
}

/// The first words of the [`DATE_LABEL`]s and weekdays English writes; any other label or
/// weekday is in a language that writes the day before the month.
const ENGLISH_LABEL_WORDS: &[&str] = &[
    "date",
    "dated",
    "published",
    "posted",
    "updated",
    "last",
    "created",
    "modified",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// Whether `label`, a [`DATE_LABEL`] match, is a word of a language that writes the day
/// before the month (`Thứ bảy, `, `Sabtu, `, `Publié le `): an unpadded `5/12/2026` after it
/// is 5 December. No label, or an English one, says nothing (`5/12/2026` may be May 12).
pub fn label_orders_day_first(label: &str) -> bool {
    let first: String = label
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    !first.is_empty() && !ENGLISH_LABEL_WORDS.contains(&first.as_str())
}

/// Labels that introduce a date: "Published", "Updated on", "Veröffentlicht am", "Publié le",
/// "Publicado el", "Date" (and the like in Turkish, Greek, Hindi, Hebrew, Korean, Vietnamese and
/// Thai: `Yayınlanma:`, `Δημοσιεύθηκε:`, `अपडेटेड:`, `פורסם:`, `입력`, `Cập nhật`, `วันที่`),
/// and a weekday name (`Thứ hai,`, `الأحد`).
pub static DATE_LABEL: Lazy = Lazy::new(
    r"(?ix)^(?:
        (?:date|dated|published|posted|updated|last\s+updated|created|modified|veröffentlicht|aktualisiert|erstellt|stand|publiée?|mise?\s+à\s+jour|actualisé|publicado|actualizado|fecha|última\s+actualización
          |pubblicato|aggiornato|data|ultimo\s+aggiornamento|atualizado|actualizado|gepubliceerd|bijgewerkt|geplaatst|laatst\s+bijgewerkt|datum|opublikowano|ostatnia\s+aktualizacja|aktualizacja|zaktualizowano
          |yayınlanma|yayın\s+tarihi|güncelleme|son\s+güncelleme|güncellenme
          |δημοσιεύθηκε|δημοσίευση|ενημερώθηκε|ενημέρωση|τελευταία\s+ενημέρωση
          |प्रकाशित|अपडेटेड|अपडेट|פורסם|עודכן|עדכון|입력|수정|기사입력|업데이트|등록
          |cập\s+nhật|ngày\s+đăng|đăng\s+lúc|วันที่|เผยแพร่|อัปเดต
          |diterbitkan|dipublikasikan|diperbarui|diposting|dikemaskini)
        (?:\s+(?:on|am|le|el|at|a|il|em|op|dnia|pada))?\s*:?\s+
      | (?:发布时间|發布時間|发布日期|發佈時間|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|公開日|投稿日|更新日|掲載日)\s*[:：]?\s*
    )?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo
          |lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira
          |maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela
          |pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье
          |понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|субота|неділя
          |الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد
          |δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή
          |सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार
          |יום\s+(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)
          |thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật
          |senin|selasa|rabu|kamis|jumat|jum['’]at|sabtu|minggu|isnin|khamis|jumaat|ahad
          |วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?)\.?[,،]?\s+
      |(?:mo|di|mi|do|fr|sa|so)\.,?\s+)?",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_hold_date_looks_for_four_numeric_characters_in_a_row() {
        for s in [
            "12 34",
            "a1b2c3d4",
            "12٣ ٤",
            "1 2 3 4 5",
            "",
            "123",
            "1234",
            "12 May 2021",
            "a1b2c3",
            "١٢٣٤",
            "12٣٤",
            "１２３",
            "２０２１年",
            "№ 5½ ⅷ",
            "le 3 mai 202",
            "Ⅻ 12 3",
        ] {
            let in_a_row = s
                .split(|c: char| !c.is_numeric())
                .any(|run| run.chars().count() >= 4);
            assert_eq!(may_hold_date(s), in_a_row, "{s:?}");
        }
    }

    #[test]
    fn digit_led_and_month_led_shapes_open_with_different_characters() {
        // parse_date_prefix tries the digit-led regexes only on a line whose first character
        // is numeric, the month-led one only on the others
        let digit = regex::Regex::new(r"^\d").unwrap();
        let month = regex::Regex::new(&format!("(?i)^{MONTH_NAME}")).unwrap();
        let month_char = regex::Regex::new(r"(?i)^\p{L}").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            if digit.is_match(s) {
                assert!(c.is_numeric(), "{c:?}");
            }
            if month_char.is_match(s) {
                assert!(!c.is_numeric(), "{c:?}");
            }
        }
        assert!(month.is_match("Août") && month_char.is_match("É"));
        assert!(MONTH_NAME.starts_with(r"\p{L}"));
        assert_eq!(
            parse_date_prefix("August 1, 2023").map(|d| d.iso),
            Some("2023-08-01".into())
        );
        assert_eq!(
            parse_date_prefix("1. August 2023").map(|d| d.iso),
            Some("2023-08-01".into())
        );
    }

    #[test]
    fn month_first_dates_pass_their_cheap_test() {
        // the premises of may_open_month_first, on every character: a month name's characters
        // are no white space, its first is alphabetic, and `\s` is char::is_whitespace
        let name_char =
            regex::Regex::new(r"(?i)^[\p{L}\x{0900}-\x{097F}\x{0E00}-\x{0E7F}]$").unwrap();
        let first = regex::Regex::new(r"(?i)^\p{L}$").unwrap();
        let space = regex::Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            if name_char.is_match(s) {
                assert!(!c.is_whitespace(), "{c:?}");
            }
            if first.is_match(s) {
                assert!(c.is_alphabetic(), "{c:?}");
            }
            assert_eq!(space.is_match(s), c.is_whitespace(), "{c:?}");
        }
        for s in [
            "August 1, 2023",
            "Aug. 1st, 2023 at 3:04 pm",
            "März\u{a0}3, 2024",
            "Sept.  14 2019",
            "AUGUST 12TH 2021",
        ] {
            assert!(named_mdy().is_match(s), "{s}");
            assert!(may_open_month_first(s), "{s}");
        }
        for s in [
            "The 2024 budget",
            "Copyright Acme 2024",
            "August",
            "A 1 2024",
        ] {
            assert!(!named_mdy().is_match(s), "{s}");
        }
        assert!(!may_open_month_first("Copyright Acme 2024"));
        assert!(!may_open_month_first("August"));
    }

    #[test]
    fn month_names_are_bounded_as_the_counted_repetition_bounded_them() {
        let bounded = MONTH_NAME.replace("]+", "]{1,15}");
        let dmy =
            |name: &str| format!(r"(?i)^(\d{{1,2}})\.?\s+(?:de\s+)?({name})\s+(?:de\s+)?(\d{{4}})");
        let (old, new) = (
            regex::Regex::new(&dmy(&bounded)).unwrap(),
            regex::Regex::new(&dmy(MONTH_NAME)).unwrap(),
        );
        let long = "abcdefghijklmnop";
        for s in [
            "3 August 2024".to_string(),
            "3 de agosto de 2024".into(),
            format!("3 {long} 2024"),
            format!("3 {long}q 2024"),
            format!("3 {long}. 2024"),
            format!("3 de {long}q 2024"),
            format!("3 de {long}q de 2024"),
            "3 de de 2024".into(),
            "12 मार्च 2026".into(),
        ] {
            let old = old.captures(&s).map(|c| c[0].len());
            let new = new
                .captures(&s)
                .filter(|c| month_name_fits(&c[2]))
                .map(|c| c[0].len());
            assert_eq!(old, new, "{s}");
        }
        for (name, _) in MONTHS.iter().chain(MONTHS_AFTER_DAY.iter()) {
            assert!(month_name_fits(name), "{name}");
        }
    }

    fn p(s: &str) -> Option<String> {
        parse_date_prefix(s).map(|f| f.iso)
    }

    #[test]
    fn formats() {
        assert_eq!(p("15:19 02.08.2023 •").as_deref(), Some("2023-08-02T15:19"));
        assert_eq!(p("2023-08-01 Russia").as_deref(), Some("2023-08-01"));
        assert_eq!(
            p("02.08.2023, 15:19 Uhr").as_deref(),
            Some("2023-08-02T15:19")
        );
        assert_eq!(
            p("August 2, 2023 at 3:19 pm").as_deref(),
            Some("2023-08-02T15:19")
        );
        assert_eq!(p("2. August 2023").as_deref(), Some("2023-08-02"));
        assert_eq!(p("2 août 2023").as_deref(), Some("2023-08-02"));
        assert_eq!(p("2 de agosto de 2023").as_deref(), Some("2023-08-02"));
        assert_eq!(p("2 Aug 2023").as_deref(), Some("2023-08-02"));
        assert_eq!(p("31.13.2023"), None);
        assert_eq!(p("Augusta 2 2023"), None);
        assert_eq!(p("1,255 events"), None);
    }

    #[test]
    fn month_names_and_numeric_forms_of_more_languages() {
        assert_eq!(p("3 maggio 2022").as_deref(), Some("2022-05-03"));
        assert_eq!(
            p("3 maggio 2022 alle 9:05").as_deref(),
            Some("2022-05-03T09:05")
        );
        assert_eq!(p("9 de outubro de 2021").as_deref(), Some("2021-10-09"));
        assert_eq!(
            p("9 de outubro de 2021 às 7h30").as_deref(),
            Some("2021-10-09T07:30")
        );
        assert_eq!(
            p("30 augustus 2020, 21:10").as_deref(),
            Some("2020-08-30T21:10")
        );
        assert_eq!(p("1 października 2019").as_deref(), Some("2019-10-01"));
        assert_eq!(
            p("7 września 2019, 08:00").as_deref(),
            Some("2019-09-07T08:00")
        );
        for (text, iso) in [
            ("12 mars 2024", "2024-03-12"),
            ("3 augusti 2023", "2023-08-03"),
            ("5. marts 2024", "2024-03-05"),
            ("24. desember 2022", "2022-12-24"),
            ("12. maaliskuuta 2024", "2024-03-12"),
            ("7. července 2021", "2021-07-07"),
            ("15. októbra 2020", "2020-10-15"),
            ("3. svibnja 2024.", "2024-05-03"),
            ("14. jula 2019", "2019-07-14"),
            ("1 decembrie 2018", "2018-12-01"),
            ("29 Ekim 2023", "2023-10-29"),
            ("11 Kasım 2022", "2022-11-11"),
            ("7 ноября 2017", "2017-11-07"),
            ("24 серпня 2024", "2024-08-24"),
        ] {
            assert_eq!(p(text).as_deref(), Some(iso), "{text}");
        }
        // padded numeric dates with a slash or a dash: day first, month first when only that
        // reading is a date
        assert_eq!(p("25/11/2022").as_deref(), Some("2022-11-25"));
        assert_eq!(p("11/25/2022").as_deref(), Some("2022-11-25"));
        assert_eq!(p("06-07-2022 11:15").as_deref(), Some("2022-07-06T11:15"));
        assert_eq!(p("25/11/2022 14h05").as_deref(), Some("2022-11-25T14:05"));
        assert_eq!(
            p("12/31/2005 at 07:01pm").as_deref(),
            Some("2005-12-31T19:01")
        );
        assert_eq!(
            p("14/04/2020 at 3:00 pm").as_deref(),
            Some("2020-04-14T15:00")
        );
        assert_eq!(p("8/2/2023"), None, "unpadded: ambiguous");
        assert_eq!(p("13/13/2022"), None);
    }

    #[test]
    fn impossible_calendar_dates_are_no_dates() {
        assert_eq!(p("31.02.2023"), None);
        assert_eq!(p("Feb 30, 2023"), None);
        assert_eq!(p("2023-04-31"), None);
        assert_eq!(p("31 June 2023"), None);
        assert_eq!(p("15:19 31.09.2023"), None);
        assert_eq!(p("29.02.2023"), None);
        assert_eq!(p("29.02.2024").as_deref(), Some("2024-02-29"));
        assert_eq!(p("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(p("1900-02-29"), None);
        assert_eq!(p("31.12.2023").as_deref(), Some("2023-12-31"));
        assert_eq!(p("0.01.2023"), None);
    }

    #[test]
    fn year_words_cjk_dates_and_arabic_months() {
        assert_eq!(
            p("6 декабря 2026 г., 10:45").as_deref(),
            Some("2026-12-06T10:45")
        );
        assert_eq!(p("7 листопада 2025 р.").as_deref(), Some("2025-11-07"));
        assert_eq!(p("6 декабря 2026 года").as_deref(), Some("2026-12-06"));
        assert_eq!(p("2026年12月6日").as_deref(), Some("2026-12-06"));
        assert_eq!(
            p("2026年12月6日（日） 午後3時05分").as_deref(),
            Some("2026-12-06T15:05")
        );
        assert_eq!(
            p("2026년 12월 6일 10:30").as_deref(),
            Some("2026-12-06T10:30")
        );
        assert_eq!(p("6 ديسمبر 2026").as_deref(), Some("2026-12-06"));
        assert_eq!(p("12 أيار 2024").as_deref(), Some("2024-05-12"));
        // no such day
        assert_eq!(p("2026年2月30日"), None);
        assert_eq!(hour12(10, Some("م")), 22);
        assert_eq!(hour12(12, Some("ص")), 0);
    }

    #[test]
    fn greek_hindi_hebrew_and_thai_months() {
        for (text, iso) in [
            ("9 Μαρτίου 2026", "2026-03-09"),
            ("1 Αυγούστου 2024, 18:05", "2024-08-01T18:05"),
            ("15 मार्च 2026", "2026-03-15"),
            ("2 मई 2024", "2024-05-02"),
            ("7 \u{92B}\u{93C}रवरी 2024", "2024-02-07"),
            ("3 ביולי 2024", "2024-07-03"),
            ("30 נובמבר 2023", "2023-11-30"),
            // a Thai year in the Buddhist era, or already in the common one
            ("22 มีนาคม 2569", "2026-03-22"),
            ("22 มีนาคม 2026", "2026-03-22"),
            ("1 พฤศจิกายน 2567 เวลา 08:05", "2024-11-01T08:05"),
        ] {
            assert_eq!(p(text).as_deref(), Some(iso), "{text}");
        }
        // only a Thai month's year moves by the Buddhist era
        assert_eq!(p("22 March 2569"), None);
        assert_eq!(buddhist_era_year("มีนาคม", 2443), 1900);
        assert_eq!(buddhist_era_year("มีนาคม", 2100), 2100);
    }

    #[test]
    fn unpadded_numeric_dates_and_the_year_first() {
        // unpadded: only the reading that is a date, or the one both readings give
        assert_eq!(p("14/3/2026").as_deref(), Some("2026-03-14"));
        assert_eq!(p("3/14/2026").as_deref(), Some("2026-03-14"));
        assert_eq!(p("5/5/2026 07:15").as_deref(), Some("2026-05-05T07:15"));
        assert_eq!(p("3/4/2026"), None, "ambiguous");
        assert_eq!(p("14/13/2026"), None);
        // padded: day first as before
        assert_eq!(p("03/04/2026").as_deref(), Some("2026-04-03"));
        // the year first, dotted or slashed, a two-digit month and day
        assert_eq!(p("2026.03.14 09:12").as_deref(), Some("2026-03-14T09:12"));
        assert_eq!(p("2026/03/14").as_deref(), Some("2026-03-14"));
        assert_eq!(p("2026.02.30"), None);
        assert_eq!(p("2026.3.14"), None);
        assert_eq!(p("2026.03/14"), None);
    }

    #[test]
    fn labels_and_weekdays_of_more_languages() {
        for line in [
            "Yayınlanma: ",
            "Son güncelleme: ",
            "Δημοσιεύθηκε: ",
            "Ενημερώθηκε ",
            "प्रकाशित: ",
            "פורסם: ",
            "입력 ",
            "Cập nhật: ",
            "วันที่ ",
            "Thứ sáu, ",
            "Chủ nhật, ",
            "الجمعة ",
            "Κυριακή, ",
            "रविवार, ",
            "יום שלישי, ",
            "Publiée le ",
            "Mise à jour le ",
            "Mis à jour : ",
        ] {
            let m = DATE_LABEL.find(line).map(|m| m.end());
            assert_eq!(m, Some(line.len()), "{line:?}");
        }
    }

    #[test]
    fn a_month_and_a_year_alone() {
        assert_eq!(month_and_year("June 2025").as_deref(), Some("2025-06"));
        for line in ["Oktober 2015", "juin 2024", "Sept. 2019", "März, 2016"] {
            assert!(month_and_year(line).is_some(), "{line}");
        }
        for line in [
            "June",
            "2025",
            "June 25",
            "Baubeginn 2025",
            "June 2025 was hot",
        ] {
            assert_eq!(month_and_year(line), None, "{line}");
        }
    }
}
