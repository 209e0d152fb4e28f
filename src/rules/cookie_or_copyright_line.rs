//! R015: cookie notices and copyright lines.

use super::shape::{line_cues, Lazy, Openings, COOKIE_CUES};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A cookie-consent notice or a copyright line.
    ///
    /// Cookie notices: a line of at most 60 words that mentions cookies together with their
    /// consent vocabulary (use, accept, settings, policy, consent, browsing experience), or a
    /// consent button alone ("Accept all", "Reject all", "Manage preferences"), in English,
    /// German ("Wir verwenden Cookies", "Alle akzeptieren"), French ("Ce site utilise des
    /// cookies", "Tout accepter"), Spanish ("Utilizamos cookies", "Aceptar todas") and Polish
    /// ("Informujemy, że korzystamy z cookies").
    /// Copyright lines: at most 30 words starting with `©`, `(c)` or `Copyright`, or carrying
    /// "All rights reserved" / "Alle Rechte vorbehalten" / "Tous droits réservés" /
    /// "Todos los derechos reservados".
    ///
    /// Known false positives: an article about cookie law with a short sentence like "Sites
    /// must ask users to accept cookies." is removed.
    pub struct CookieOrCopyrightLine => ("R015", "cookie-or-copyright-line", Category::Chrome);
}

static COOKIE: Lazy = Lazy::new(
    r"(?i)\bcookies\b.*\b(?:use|uses|using|accept|settings|policy|consent|preferences|experience|richtlinie|verwenden|nutzen|einstellungen|akzeptieren|utilise|utilisons|accepter|paramètres|utilizamos|utiliza|aceptar|configuración|política)\b|\bcookie[\s-]?(?:settings|policy|consent|preferences|banner|notice|richtlinie|einstellungen|hinweis|paramètres|política|configuración|instellingen|beleid)\b|\b(?:gestion|param[eè]tres|configuraci[oó]n|impostazioni|preferenze|informativa|defini[cç][oõ]es|configura[cç][oõ]es|gest[aã]o|pol[ií]tica|ustawienia|polityka|beheer)\s+(?:des\s+|de\s+|dei\s+|sui\s+|dos\s+|de\s+los\s+|plików\s+)?cookies?\b|\b(?:use|uses|using|accept|allow|reject|verwenden|nutzen|akzeptieren|utilise|utilisons|accepter|utilizamos|utiliza|usamos|aceptar|korzystamy|używamy|wykorzystujemy|korzysta|używa)\b.{0,40}\bcookies\b",
);

static CONSENT_BUTTON: Lazy = Lazy::new(
    r"(?ix)^(?:accept|reject|decline|allow|deny)(?:\s+all)?(?:\s+cookies)? | ^manage\s+(?:cookie\s+)?(?:preferences|settings|consent) | ^cookie\s+(?:settings|preferences|policy|notice)$
      | ^alle\s+(?:akzeptieren|ablehnen) | ^tout\s+(?:accepter|refuser) | ^aceptar\s+(?:todas?|cookies) | ^rechazar\s+todas?$",
);

/// The first two letters of every alternative of [`CONSENT_BUTTON`] (each anchored at the
/// start of the line): a line that opens otherwise is no consent button (see
/// [`Openings::may_open`]).
static CONSENT_BUTTON_OPENINGS: Openings =
    Openings::new(&[b"ac", b"re", b"de", b"al", b"ma", b"co", b"to"], false);

static COPYRIGHT: Lazy = Lazy::new(
    r"(?i)^(?:©|\(c\)|copyright\b)|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati|todos\s+os\s+direitos\s+reservados|alle\s+rechten\s+voorbehouden|wszelkie\s+prawa\s+zastrzeżone",
);

/// A cookie notice needs `cookie` (the first cue, lowercase) before [`COOKIE`] is tried; a
/// copyright line one of the others before [`COPYRIGHT`] is.
pub(crate) const CUES: [&str; 12] = [
    "cookie",
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

/// Bit of [`CUES`]' `cookie` in [`COOKIE_CUES`]' answer; the other bits are copyright cues.
const COOKIE_CUE: u64 = 1;

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
            let note = if cues & COOKIE_CUE != 0 && COOKIE.is_match(line) {
                "cookie notice"
            } else if words <= 4
                && CONSENT_BUTTON_OPENINGS.may_open(line)
                && CONSENT_BUTTON.is_match(line)
            {
                "consent button"
            } else if words <= 30 && cues & !COOKIE_CUE != 0 && COPYRIGHT.is_match(line) {
                "copyright line"
            } else {
                continue;
            };
            out.push(Removal::line(&Self::META, i).with_note(note));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::cues_of_line;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&CookieOrCopyrightLine, text)
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
        ] {
            let lower = l.to_lowercase();
            let cues = COOKIE_CUES.of(cues_of_line(l));
            assert_eq!(cues & COOKIE_CUE != 0, lower.contains("cookie"), "{l:?}");
            assert_eq!(
                cues & !COOKIE_CUE != 0,
                CUES[1..].iter().any(|c| lower.contains(c)),
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

    #[test]
    fn baking_stays() {
        assert!(removed(
            "She baked cookies for the whole street every Sunday.\nCopywriters were hired.\nPut the dough on a cookie sheet and use foil on the edges."
        )
        .is_empty());
    }
}
