//! R015: cookie notices and copyright lines.

use super::shape::{line_cues, Lazy, Openings, COOKIE_CUES};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A cookie-consent notice or a copyright line.
    ///
    /// Cookie notices: a line of at most 60 words that names cookie settings (`Cookie
    /// settings`, `Gestion des cookies`), or mentions cookies together with their consent
    /// vocabulary (use, accept, settings, policy, consent, browsing experience) and a word of
    /// the web or of a site speaking of itself (we, site, browser, wir, Webseite, nous,
    /// navigateur, utilizamos: "she uses cookies from her grandmother's recipe" stays) or in
    /// a button's few words (`Alle Cookies akzeptieren`), or a
    /// consent button alone ("Accept all", "Reject all", "Manage preferences"), in English,
    /// German ("Wir verwenden Cookies", "Alle akzeptieren"), French ("Ce site utilise des
    /// cookies", "Tout accepter"), Spanish ("Utilizamos cookies", "Aceptar todas"), Italian
    /// ("Questo sito utilizza cookie", where `cookie` is also the plural), Polish
    /// ("Informujemy, że korzystamy z cookies", "Ta strona korzysta z ciasteczek") and Dutch
    /// ("Wij gebruiken cookies"), and with their use or settings in Vietnamese ("Trang web này
    /// sử dụng cookie"), Indonesian and Malay ("Situs ini menggunakan cookie"), Chinese
    /// ("本网站使用Cookie"), Japanese ("当サイトはクッキーを使用しています"), Korean ("이
    /// 웹사이트는 쿠키를 사용합니다") and Thai ("เว็บไซต์นี้ใช้คุกกี้").
    /// Copyright lines: at most 30 words starting with `©`, `(c)` or `Copyright`, or carrying
    /// "All rights reserved" / "Alle Rechte vorbehalten" / "Tous droits réservés" /
    /// "Todos los derechos reservados". A line that opens so but reads as a sentence (more than
    /// 12 words, no digit, no `|`/`·`/`•`, no rights reserved: `Copyright infringement lawsuits
    /// rose sharply last year, according to ...`) is an article's and stays. So does a
    /// lettered list item `(c)`: one with `(a)`/`(b)` just before it or `(d)` just after, or
    /// whose `(c)` opens a lower-case clause without digits (`(c) use the service to send
    /// spam.`); `(c) 2024 Example Media` and `(c) copyright Example Media` are notices.
    ///
    /// Known false positives: an article about cookie law with a short sentence like "Sites
    /// must ask users to accept cookies." is removed.
    pub struct CookieOrCopyrightLine => ("R015", "cookie-or-copyright-line", Category::Chrome);
}

/// Cookies named with their use or acceptance: a notice only beside a word of the web
/// ([`WEB_CONTEXT`]); "she uses cookies from her grandmother's recipe" is none.
static COOKIE_USE: Lazy = Lazy::new(
    r"(?i)\bcookies\b.*\b(?:use|uses|using|accept|settings|policy|consent|preferences|experience|richtlinie|verwenden|nutzen|einstellungen|akzeptieren|utilise|utilisons|accepter|paramètres|utilizamos|utiliza|aceptar|configuración|política)\b|\b(?:use|uses|using|accept|allow|reject|verwenden|verwendet|verwendung|nutzen|nutzt|einsatz|akzeptieren|utilise|utilisons|accepter|utilizamos|utiliza|usamos|aceptar|korzystamy|używamy|wykorzystujemy|korzysta|używa|gebruiken|gebruikt|plaatsen|plaatst)\b.{0,40}\bcookies\b|\b(?:utilizza|utilizziamo|usa|usiamo|uso|accetti|accetta|acconsenti)\b.{0,40}\bcookies?\b|\b(?:korzystamy|używamy|wykorzystujemy|stosujemy|korzysta|używa|wykorzystuje|stosuje)\b.{0,40}\bciastecz(?:ka|ki|kach|kami|kom|ek)\b",
);

/// The cookie settings themselves (`Cookie settings`, `Gestion des cookies`): a notice alone.
static COOKIE_TERM: Lazy = Lazy::new(
    r"(?i)\bcookie[\s-]?(?:settings|policy|consent|preferences|banner|notice|richtlinie|einstellungen|hinweis|paramètres|política|configuración|instellingen|beleid)\b|\b(?:gestion|param[eè]tres|configuraci[oó]n|impostazioni|preferenze|informativa|defini[cç][oõ]es|configura[cç][oõ]es|gest[aã]o|pol[ií]tica|ustawienia|polityka|beheer)\s+(?:des\s+|de\s+|dei\s+|sui\s+|dos\s+|de\s+los\s+|plików\s+)?cookies?\b|\b(?:ustawienia|polityka)\s+ciasteczek\b",
);

/// Cookies named with their use in Vietnamese, Indonesian and Malay, Chinese, Japanese, Korean
/// and Thai (`sử dụng cookie`, `menggunakan cookie`, `使用Cookie`, `クッキーを使用`, `쿠키를
/// 사용`, `ใช้คุกกี้`): scripts without spaces between words, so no `\b`; a notice only beside a
/// word of the web ([`WEB_CONTEXT_ASIAN`]).
static COOKIE_USE_ASIAN: Lazy = Lazy::new(
    r"(?i)(?:sử\s+dụng|menggunakan|memakai|使用|利用|采用|採用|ใช้)\s*(?:các\s+|tệp\s+)?(?:cookies?|クッキー|쿠키|คุกกี้)|(?:cookies?|クッキー|쿠키)\s*(?:[(（][^)）]{1,10}[)）])?\s*(?:を|를|을)?\s*(?:使用|利用|사용|활용)",
);

/// The cookie settings or policy in the languages of [`COOKIE_USE_ASIAN`] (`Cookie设置`,
/// `クッキーポリシー`, `쿠키 설정`, `นโยบายคุกกี้`, `chính sách cookie`, `kebijakan cookie`): a
/// notice alone.
static COOKIE_TERM_ASIAN: Lazy = Lazy::new(
    r"(?i)(?:cookies?|クッキー|쿠키)\s*(?:설정|정책|ポリシー|設定|设置|設置|政策)|(?:นโยบาย|การตั้งค่า)\s*คุกกี้|(?:chính\s+sách|cài\s+đặt)\s+cookie|(?:kebijakan|pengaturan|dasar)\s+cookie",
);

/// A word of the web or of a site speaking of itself in the languages of
/// [`COOKIE_USE_ASIAN`] (`trang web`, `chúng tôi`, `situs`, `kami`, `本网站`, `我们`, `サイト`,
/// `웹사이트`, `เว็บไซต์`, `ประสบการณ์`).
static WEB_CONTEXT_ASIAN: Lazy = Lazy::new(
    r"(?i)trang\s+web|website|chúng\s+tôi|trải\s+nghiệm|situs|kami|pengalaman|laman\s+web|网站|網站|本站|我们|我們|体验|體驗|サイト|当社|ウェブ|体験|웹사이트|사이트|당사|경험|홈페이지|เว็บไซต์|ประสบการณ์|เรา",
);

/// Words of Indonesian and Malay cookie notices, which are ASCII (lowercase): a line without
/// one of these, in any case, and without a character past ASCII, is in none of
/// [`COOKIE_USE_ASIAN`]'s languages.
const ASCII_ASIAN_COOKIE_WORDS: [&str; 5] =
    ["menggunakan", "memakai", "kebijakan", "pengaturan", "dasar"];

/// A cookie notice in the languages of [`COOKIE_USE_ASIAN`]: the settings named, or their use
/// beside a word of the web (these scripts put no spaces between words: a sentence is a
/// button's few words, so the word of the web is always needed). Tried on an ASCII line only
/// when it holds an Indonesian or Malay notice's word.
fn asian_cookie_notice(line: &str) -> bool {
    (!line.is_ascii() || {
        let lower = line.to_ascii_lowercase();
        ASCII_ASIAN_COOKIE_WORDS.iter().any(|w| lower.contains(w))
    }) && (COOKIE_TERM_ASIAN.is_match(line)
        || COOKIE_USE_ASIAN.is_match(line) && WEB_CONTEXT_ASIAN.is_match(line))
}

/// A word of the web or of a site speaking of itself (`we`, `site`, `browser`, `Wir`,
/// `Webseite`, `nous`, `navigateur`, `utilizamos`, `korzystamy`, ...).
static WEB_CONTEXT: Lazy = Lazy::new(
    r"(?i)\b(?:we|our|us|sites?|websites?|web|pages?|browser|browsing|experience|analytics|third[-\s]party|personali[sz]e[ds]?|advertising|ads|traffic|visit|visits|visitors?|online|services?|wir|uns|unser\w*|webseiten?|internetseiten?|seiten?|nutzung|nutzererlebnis|besuch\w*|surfen|dienste|nous|notre|nos|navigateur|navigation|visite|expérience|utilisons|usamos|utilizamos|nuestr[oa]s?|sitio|navegador|navegación|navegar|experiencia|servicios|korzystamy|używamy|wykorzystujemy|stron[aiy]e?|serwis\w*|przeglądar\w*|utilizziamo|usiamo|sito|navigazione|nostr[oi]|navegação|nosso|wij|gebruiken|onze)\b",
);

static CONSENT_BUTTON: Lazy = Lazy::new(
    r"(?ix)^(?:accept|reject|decline|allow|deny)\b(?:\s+all)?(?:\s+cookies)?(?:\s*$|\s+[^\d\s:]|[^\w\s:]) | ^manage\s+(?:cookie\s+)?(?:preferences|settings|consent) | ^cookie\s+(?:settings|preferences|policy|notice)$
      | ^alle\s+(?:akzeptieren|ablehnen) | ^tout\s+(?:accepter|refuser) | ^aceptar\s+(?:todas?|cookies) | ^rechazar\s+todas?$",
);

/// The first two letters of every alternative of [`CONSENT_BUTTON`] (each anchored at the
/// start of the line): a line that opens otherwise is no consent button (see
/// [`Openings::may_open`]).
static CONSENT_BUTTON_OPENINGS: Openings =
    Openings::new(&[b"ac", b"re", b"de", b"al", b"ma", b"co", b"to"], false);

/// "All rights reserved" in the languages R015 knows, as a regex (without flags).
macro_rules! rights_reserved {
    () => {
        r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati|todos\s+os\s+direitos\s+reservados|alle\s+rechten\s+voorbehouden|wszelkie\s+prawa\s+zastrzeżone"
    };
}

static COPYRIGHT: Lazy = Lazy::new(concat!(
    r"(?i)^(?:©|\(c\)|copyright\b)|",
    rights_reserved!()
));

static RIGHTS_RESERVED: Lazy = Lazy::new(concat!("(?i)", rights_reserved!()));

/// A cookie notice needs `cookie` or Polish `ciastecz` (`ciasteczka`, `ciasteczek`: the first
/// two cues, lowercase) before [`COOKIE_TERM`] and [`COOKIE_USE`] are tried; a copyright line
/// one of the others before [`COPYRIGHT`] is.
pub(crate) const CUES: [&str; 16] = [
    "cookie",
    "ciastecz",
    "คุกกี้",
    "クッキー",
    "쿠키",
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "rechte vorbehalten",
    "droits réservés",
    "derechos reservados",
    "diritti riservati",
    "direitos reservados",
    "rechten voorbehouden",
    "prawa zastrzeżone",
];

/// Bits of [`CUES`]' `cookie`, `ciastecz` and the Thai, Japanese and Korean words for cookies
/// in [`COOKIE_CUES`]' answer; the other bits are copyright cues.
const COOKIE_CUE: u64 = 0b1_1111;

impl Rule for CookieOrCopyrightLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let words = doc.info(i).words;
            if words > 60 {
                // over every length limit below
                continue;
            }
            let line = doc.line(i);
            // the cues are cheap necessary conditions for the regexes
            let cues = COOKIE_CUES.of(line_cues(doc, i));
            // a consent button's few words (`Alle Cookies akzeptieren`) need no word of the web
            let button = words <= 4 && !line.trim_end().ends_with(['.', '!', '?']);
            let cookie = cues & COOKIE_CUE != 0
                && (COOKIE_TERM.is_match(line)
                    || COOKIE_USE.is_match(line) && (button || WEB_CONTEXT.is_match(line))
                    || asian_cookie_notice(line));
            let note = if cookie {
                "cookie notice"
            } else if words <= 4
                && CONSENT_BUTTON_OPENINGS.may_open(line)
                && CONSENT_BUTTON.is_match(line)
            {
                "consent button"
            } else if words <= 30
                && cues & !COOKIE_CUE != 0
                && COPYRIGHT.is_match(line)
                && !prose_about_copyright(line, words)
                && !lettered_list_item(doc, i, line)
            {
                "copyright line"
            } else {
                continue;
            };
            out.push(Removal::line(&Self::META, i).with_note(note));
        }
    }
}

/// Most words of a copyright notice that names no year, address or number and has no
/// separators.
const PLAIN_NOTICE_MAX_WORDS: u32 = 12;

/// Whether `line`, which opens with `©`, `(c)` or `Copyright`, is a sentence rather than a
/// notice: more than [`PLAIN_NOTICE_MAX_WORDS`] words, no digit (a notice names its year, a
/// footer its address), no `|`, `·` or `•` between links, no rights reserved, and no
/// `Copyright:`, `Copyright notice` or `Copyright ©` opening.
/// `Copyright infringement lawsuits rose sharply last year, according to ...` is an article's.
fn prose_about_copyright(line: &str, words: u32) -> bool {
    let second = line.split(' ').nth(1).unwrap_or_default();
    words > PLAIN_NOTICE_MAX_WORDS
        && !line.split(' ').next().unwrap_or_default().ends_with(':')
        && !["notice", "notice:", "statement", "statement:", "©"]
            .iter()
            .any(|w| second.eq_ignore_ascii_case(w))
        && !line.bytes().any(|b| b.is_ascii_digit() || b == b'|')
        && !line.contains(['·', '•'])
        && !RIGHTS_RESERVED.is_match(line)
}

/// Non-blank lines a lettered list item's neighbours are looked for among, on each side.
const LIST_NEIGHBOURS: usize = 3;

/// Whether `line` (line `i` of `doc`), which opens with `(c)`, is item (c) of a lettered list:
/// a line opening with `(a)` or `(b)` among the [`LIST_NEIGHBOURS`] non-blank lines before it or
/// one opening with `(d)` among those after it, or a lower-case clause after the `(c)` with no
/// digit, no `copyright` and no rights reserved (a notice names its year or its owner).
fn lettered_list_item(doc: &Document, i: usize, line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("(c) ")
        .or_else(|| line.strip_prefix("(C) "))
    else {
        return false;
    };
    let opens = |j: usize, letters: &[char]| {
        let l = doc.line(j).trim_start().as_bytes();
        l.len() > 3
            && l[0] == b'('
            && l[2] == b')'
            && l[3] == b' '
            && letters.contains(&(l[1] as char).to_ascii_lowercase())
    };
    let nonblank = |j: &usize| !doc.is_blank(*j);
    if (0..i)
        .rev()
        .filter(nonblank)
        .take(LIST_NEIGHBOURS)
        .any(|j| opens(j, &['a', 'b']))
        || (i + 1..doc.n_lines())
            .filter(nonblank)
            .take(LIST_NEIGHBOURS)
            .any(|j| opens(j, &['d']))
    {
        return true;
    }
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_lowercase())
        && !rest.to_lowercase().starts_with("copyright")
        && !rest.bytes().any(|b| b.is_ascii_digit())
        && !RIGHTS_RESERVED.is_match(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::cues_of_line;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&CookieOrCopyrightLine, text)
    }

    #[test]
    fn a_sentence_that_opens_with_copyright_is_no_notice() {
        let t = "Copyright infringement lawsuits rose sharply last year, according to a report published on Monday by a legal research firm.\n\
            © Photo agencies were among the most active plaintiffs, the report said, ahead of music labels.\n\
            Copyright © 2020 Example Media. All rights reserved.\n\
            © Example Media | Privacy Policy | Terms of Use | Contact us | Advertise with us | Jobs\n\
            Copyright Example Media, 1 Harbour Street, Springfield, and its licensors worldwide, for all text\n\
            © Example Media\n\
            Copyright notice: All reader-contributed material on this site is the property and responsibility of its author";
        assert_eq!(removed(t), vec![2, 3, 4, 5, 6]);
    }

    #[test]
    fn cookies_in_a_sentence_about_baking_are_no_notice() {
        let t = "The owner said she uses cookies from her grandmother's recipe.\n\
            The school uses cookies as a reward and the pupils accept them gladly.\n\
            Le boulanger utilise des cookies de sa grand-mère.\n\
            This site uses cookies to analyse traffic.\n\
            Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Verwendung von Cookies zu.\n\
            Questo sito utilizza cookie tecnici e di profilazione. Continuando la navigazione accetti l'uso dei cookie.\n\
            La nonna usa i cookie della ricetta di famiglia.\n\
            Alle Cookies akzeptieren\n\
            Nous utilisons des cookies pour améliorer votre expérience.\n\
            Op deze website gebruiken we cookies voor statistieken. Akkoord\n\
            De bakker gebruikt cookies van zijn oma als beloning.";
        assert_eq!(removed(t), vec![3, 4, 5, 7, 8, 9]);
    }

    #[test]
    fn cookie_notices_of_south_east_and_east_asia() {
        let t = "เว็บไซต์นี้ใช้คุกกี้เพื่อพัฒนาประสบการณ์การใช้งาน ยอมรับทั้งหมด\n\
            Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn.\n\
            Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.\n\
            本网站使用Cookie来改善您的浏览体验。\n\
            当サイトではクッキー（Cookie）を使用しています。\n\
            이 웹사이트는 쿠키를 사용합니다.\n\
            쿠키 설정\n\
            ยายใช้คุกกี้ที่อบเองเป็นของขวัญให้หลานทุกปี\n\
            Bà tôi dùng cookie tự nướng làm quà cho các cháu.\n\
            Anak-anak memakai cookie sebagai hadiah di sekolah.\n\
            奶奶用自己烤的曲奇做礼物。";
        assert_eq!(removed(t), vec![0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn consent_openings_let_every_alternative_through() {
        let lines = [
            "Accept",
            "Accept all",
            "Accept all cookies",
            "Accept cookies",
            "Reject all",
            "Decline",
            "Allow all cookies",
            "Deny",
            "Manage preferences",
            "Manage cookie settings",
            "Manage consent",
            "Cookie settings",
            "Cookie preferences",
            "Cookie policy",
            "Cookie notice",
            "Alle akzeptieren",
            "Alle ablehnen",
            "Tout accepter",
            "Tout refuser",
            "Aceptar todas",
            "Aceptar toda",
            "Aceptar cookies",
            "Rechazar todas",
            "Rechazar toda",
        ];
        crate::rules::shape::assert_openings_cover(
            &CONSENT_BUTTON_OPENINGS,
            &CONSENT_BUTTON,
            |l| l,
            &lines,
        );
        for l in ["OK", "Yes, accept", " Accept", "Settings"] {
            assert!(!CONSENT_BUTTON_OPENINGS.may_open(l) && !CONSENT_BUTTON.is_match(l));
        }
    }

    #[test]
    fn a_stamp_of_acceptance_and_its_date_is_no_consent_button() {
        for l in [
            "Accepted: 30 August 2023",
            "Accepted 30 August 2023",
            "Accept: 2023-08-30",
            "Rejected: 2 May 2024",
            "Allowance",
            "Declined payments",
        ] {
            assert!(!CONSENT_BUTTON.is_match(l), "{l:?}");
        }
        for l in ["Accept & close", "Accept all.", "Deny!", "Allow selection"] {
            assert!(CONSENT_BUTTON.is_match(l), "{l:?}");
        }
        let t = "Pollinators declined across Europe, and crop yields fell where wild bees were fewer.\n\
            Accepted: 30 August 2023";
        assert!(removed(t).is_empty());
    }

    #[test]
    fn cues_match_the_lowercased_line() {
        assert!(CUES.iter().all(|c| c.to_lowercase() == *c));
        for l in [
            "COOKIE Settings",
            "(C) 2024",
            "Tous droits RÉSERVÉS",
            "All Rights Reserved",
            "İ cookıe",
            "\u{212A}",
            "",
            "plain text",
            "Ciasteczka",
        ] {
            let lower = l.to_lowercase();
            let cues = COOKIE_CUES.of(cues_of_line(l));
            assert_eq!(
                cues & COOKIE_CUE != 0,
                CUES[..2].iter().any(|c| lower.contains(c)),
                "{l:?}"
            );
            assert_eq!(
                cues & !COOKIE_CUE != 0,
                CUES[2..].iter().any(|c| lower.contains(c)),
                "{l:?}"
            );
        }
    }

    #[test]
    fn notices_go() {
        let t = "We use cookies to improve your experience.\nAccept all\n© 2024 Example Media\nAlle Rechte vorbehalten.\nCe site utilise des cookies.\nCookie settings\nInformujemy, że korzystamy z cookies.";
        assert_eq!(removed(t), vec![0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn notices_in_more_languages_go() {
        let t = "Gestion des cookies\nConfiguración de cookies\nImpostazioni cookie\nDefinições de cookies\nCookie-instellingen\nUstawienia plików cookies\nTutti i diritti riservati\nTodos os direitos reservados.\nAlle rechten voorbehouden.\nWszelkie prawa zastrzeżone.";
        assert_eq!(removed(t), (0..10).collect::<Vec<_>>());
    }

    /// Polish also says cookies `ciasteczka`: a site's notice goes, a baker's cookies stay.
    #[test]
    fn a_polish_notice_about_ciasteczka_goes() {
        let t = "Ta strona korzysta z ciasteczek, aby działać poprawnie. Zamknij\nUżywamy ciasteczek na naszej stronie.\nUstawienia ciasteczek\nBabcia piekła ciasteczka z miodem w każdą niedzielę.\nDzieci używają ciasteczek jako nagrody w grze.";
        assert_eq!(removed(t), vec![0, 1, 2]);
    }

    /// Item (c) of a lettered list is no copyright sign; `(c)` before a year or an owner is.
    #[test]
    fn lettered_list_items_stay() {
        let list = "Members must not:\n(a) share their password;\n\n(b) open more than one account;\n(c) Resell tickets bought here.\nBreaking these rules ends the membership.";
        assert!(removed(list).is_empty());
        let next = "(c) Files older than a year\n(d) Files shared with others";
        assert!(removed(next).is_empty());
        assert!(removed("(c) use the tool to copy other people's work.").is_empty());
        let notices = "(c) 2024 Example Media\n(c) copyright by the authors\n(C) Example Media\n(c) all rights reserved";
        assert_eq!(removed(notices), vec![0, 1, 2, 3]);
    }

    #[test]
    fn baking_stays() {
        assert!(removed(
            "She baked cookies for the whole street every Sunday.\nCopywriters were hired.\nPut the dough on a cookie sheet and use foil on the edges."
        )
        .is_empty());
    }
}
