//! R023: a site's standing notices: reuse and liability disclaimers, comment-moderation rules,
//! log-in prompts, browser and plug-in requirements, consent placeholders for embeds.

use super::shape::{line_cues, Lazy, NOTICE_CUES};
use super::word_phrase::{holds_phrase, phrase_at, word_spans};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line of at most 40 words that is one of a site's standing notices, printed the same
    /// under every article:
    ///
    /// - **reuse notice**: "This material may not be published, broadcast, rewritten or
    ///   redistributed" (a material, content, article, story, site or document that may not be
    ///   reproduced, republished, reprinted, ...);
    /// - **licence notice**: "Except where otherwise noted, content on this site is licensed
    ///   under a Creative Commons licence", "Alle Inhalte dieses Blogs stehen unter CC BY-SA
    ///   4.0" (a licence named for the site, its content or "this work", or after "unless
    ///   otherwise noted");
    /// - **review statement**: "Medically reviewed by ...", "Fact-checked by ...", "... wurde
    ///   von Medizinern geprüft";
    /// - **liability disclaimer**: "... is not responsible for the content of external sites";
    /// - **policy links**: "Privacy Policy" and "Terms of Service / Use / Conditions" in one line
    ///   of at most 30 words;
    /// - **moderation rules**: "Please be respectful ... comments", "No personal attacks",
    ///   "Comments may be reviewed before they are displayed", "Comments are moderated",
    ///   a bare "Community guidelines" link;
    /// - **browser requirement**: "You need the latest Flash Player", "Please enable JavaScript
    ///   to view the comments", "Your browser does not support ..." and their German, French and
    ///   Spanish forms ("Bitte aktivieren Sie JavaScript", "Activez JavaScript",
    ///   "Habilite JavaScript");
    /// - **log-in prompt**: "You must be logged in to post a comment", "Please sign in to
    ///   comment", "Bitte loggen Sie sich vor dem Kommentieren ein";
    /// - **embed placeholder**: what stands in for an embedded post or video until the reader
    ///   agrees to load it: "I agree to external content being displayed", "Ich bin damit
    ///   einverstanden, dass mir externe Inhalte angezeigt werden", "An dieser Stelle findet ihr
    ///   einen externen Inhalt von Instagram", "Wir respektieren deine Privatsphäre und stellen
    ///   ohne dein Einverständnis keine Verbindung zu Twitter her";
    /// - **subscription notice**: a newsletter's footer saying why the reader gets it ("You
    ///   received this email because you signed up ...", "Du erhältst diese E-Mail, weil ...",
    ///   "Vous recevez cet e-mail car ...", "Has recibido este correo porque ...", "Hai
    ///   ricevuto questa email perché ..."), and its links, in a line of at most eight words
    ///   that does not end like a sentence (`Unsubscribe`, `Update your preferences`,
    ///   `Newsletter abbestellen`, `Se désabonner`, `Darse de baja`, `Cancella iscrizione`).
    ///
    /// Each kind needs its own pair of cues (a modal verb with a reuse verb, a moderation phrase
    /// with a comment word, a plug-in with a requirement), so an article that mentions Flash
    /// Player or a court's respect stays.
    ///
    /// Known false positives: a statute's "This Act may not be reproduced ..." clause; an
    /// article quoting a comment policy word for word.
    pub struct SiteNoticeLine => ("R023", "site-notice-line", Category::Chrome);
}

static REUSE: Lazy = Lazy::new(
    r"(?i)\b(?:material|content|contents|article|story|site|document|text|feed)s?\b.{0,40}\b(?:(?:may|must|shall)\s+not|cannot|can\s+not)\s+be\s+(?:reproduced|published|broadcast|rewritten|redistributed|republished|reprinted|copied|distributed|retransmitted)\b|\bnachdruck\b.{0,30}\b(?:nur|verboten|untersagt|genehmigung)\b",
);

/// A content licence, for the site or its texts: "Except where otherwise noted, content on this
/// site is licensed under a Creative Commons licence", "Alle Inhalte dieses Blogs stehen unter
/// CC BY-SA 4.0".
static LICENSE: Lazy = Lazy::new(
    r"(?ix)
      \b(?:except\s+where\s+otherwise\s+noted|unless\s+otherwise\s+(?:noted|stated|indicated|specified)|if\s+not\s+(?:explicitly\s+)?specified\s+otherwise|sofern\s+nicht\s+anders|soweit\s+nicht\s+anders|salvo\s+(?:que\s+se\s+indique|indicación)|sauf\s+mention)\b.{0,80}\b(?:licen[sc]\w*|lizenz\w*|creative[-\s]commons|cc[-\s]by)
    | \b(?:this|dieser|diese[rs]?|alle|all)\s+(?:\w+\s+){0,2}(?:website|site|inhalte|content|contents|work|blog|blogs|seite|texte|artikel)\b.{0,60}\b(?:creative[-\s]commons|cc[-\s]by)",
);

/// A review statement a health or fact-checking site prints on every page: "Medically reviewed
/// by ...", "Fact-checked by ...", "Dieser Text entspricht den Vorgaben der ärztlichen
/// Fachliteratur ... und wurde von Medizinern geprüft".
static REVIEWED: Lazy = Lazy::new(
    r"(?ix)\b(?:medically\s+reviewed\s+by|fact[-\s]checked\s+by|von\s+(?:medizinern|ärzten|ärztinnen|fachärzten|experten)\s+(?:geprüft|überprüft)|entspricht\s+den\s+vorgaben\s+der\s+(?:ärztlichen|medizinischen)\s+fachliteratur)",
);

static NOT_RESPONSIBLE: Lazy = Lazy::new(
    r"(?i)\bnot\s+responsible\s+for\s+the\s+content\s+of\s+(?:external|linked|third[-\s]party|other)\b|\bnicht\s+verantwortlich\s+für\s+(?:den|die)\s+inhalte?\s+(?:externer|verlinkter)\b",
);

static POLICY_LINKS: Lazy = Lazy::new(
    r"(?i)\bprivacy\s+policy\b.{0,60}\bterms\s+(?:of|and)\s+(?:service|use|conditions)\b|\bterms\s+(?:of|and)\s+(?:service|use|conditions)\b.{0,60}\bprivacy\s+policy\b",
);

static MODERATION: Lazy = Lazy::new(
    r"(?ix)
      \b(?:personal\s+attacks|be\s+respectful|off[-\s]topic)\b.{0,80}\b(?:comments?|posts?|removed|deleted|insults?|threats?|commenters?)\b
    | \b(?:comments?|posts?)\b.{0,40}\b(?:personal\s+attacks|be\s+respectful|off[-\s]topic)\b
    | \bcomments?\b.{0,30}\b(?:may|will|are|is)\s+(?:be\s+)?(?:reviewed|moderated|removed|deleted|screened)\b
    | ^(?:our\s+)?(?:community\s+(?:guidelines|standards)|comment(?:ing)?\s+guidelines)\.?$",
);

static LOGIN_TO_COMMENT: Lazy = Lazy::new(
    r"(?ix)
      \b(?:logged|log|sign(?:ed)?)\s+in\s+to\s+(?:post\s+|leave\s+|add\s+|write\s+)?(?:a\s+)?(?:comments?|reply)\b
    | \bloggen\s+sie\s+sich\b.{0,30}\bkommentier
    | \b(?:angemeldet|eingeloggt)\s+sein\b.{0,30}\bkommentar
    | \bum\s+(?:einen\s+kommentar\s+(?:zu\s+)?(?:schreiben|verfassen|abzugeben)|zu\s+kommentieren)\b.{0,40}\b(?:anmelden|einloggen|registrieren)",
);

static EMBED_CONSENT: Lazy = Lazy::new(
    r"(?ix)
      \bexterne[nr]?\s+inhalte?\b.{0,80}\b(?:einverstanden|angezeigt|anzeigen|zustimm\w*|ergänzt|laden)\b
    | \b(?:einverstanden|zustimm\w*)\b.{0,60}\bexterne[nr]?\s+inhalte?\b
    | \bwir\s+respektieren\s+(?:deine|ihre|eure)\s+privatsphäre\b
    | \b(?:external|third[-\s]party)\s+(?:content|media|embeds?)\b.{0,60}\b(?:consent|agree|accept|load|loaded|displayed|enable)\b
    | \b(?:consent|agree|accept)\b.{0,60}\b(?:external|third[-\s]party)\s+(?:content|media)\b",
);

static BROWSER: Lazy = Lazy::new(
    r"(?ix)
      \b(?:need|needs|require|requires|required|install|download|upgrade|update|get|latest|enable|enabled)\b.{0,60}\b(?:flash\s+player|flash\s+plug-?in|javascript)\b
    | \b(?:flash\s+player|javascript)\b.{0,40}\b(?:required|disabled|enabled|turned\s+off|is\s+needed)\b
    | \bbrowser\s+(?:does\s+not|doesn't|cannot|can't)\s+support\b
    | \b(?:upgrade|update)\s+(?:to\s+)?(?:your|a\s+newer|a\s+modern)\s+browser\b
    | \bjavascript\b.{0,30}\b(?:aktivieren|aktiviert|activer|activé|habilitar|habilitado|activar|activado)\b
    | \b(?:aktivieren\s+sie|activez|habilite|active)\b.{0,20}\bjavascript\b",
);

/// Why the reader gets a newsletter: "You received this email because ...": one of these
/// phrases, then at most three characters that are not letters or digits, then one of
/// [`SUBSCRIPTION_REASONS`] (so "she received this email from the council" stays). Each is a
/// [word phrase](super::word_phrase) (`a|b` either word, a leading `?` an optional word),
/// matched by hand over the lowercased line's words.
const SUBSCRIPTION_NOTICES: [&str; 5] = [
    "received|receiving|getting this email|e-mail|newsletter",
    "erhältst|erhalten diese|diesen|dieses email|e-mail|newsletter|nachricht",
    "vous recevez cet|ce|cette email|e-mail|courriel|message|newsletter|lettre",
    "has|ha|habéis|han recibido este|esta correo|email|e-mail|mensaje|boletín|boletin|newsletter",
    "hai|avete|ha ricevuto questa email|e-mail|mail|newsletter|comunicazione",
];

/// The reason's words after a [`SUBSCRIPTION_NOTICES`] phrase.
const SUBSCRIPTION_REASONS: [&str; 14] = [
    "because",
    "as",
    "since",
    "weil",
    "da",
    "denn",
    "car",
    "parce que",
    "puisque",
    "porque",
    "ya que",
    "perché",
    "poiché",
    "in quanto",
];

/// A newsletter footer's subscription links (`Unsubscribe`, `Update your preferences`), tried
/// on lines of at most [`SUBSCRIPTION_LINKS_MAX_WORDS`] words (phrases as in
/// [`SUBSCRIPTION_NOTICES`]).
const SUBSCRIPTION_LINKS: [&str; 7] = [
    "unsubscribe",
    "abbestellen",
    "se désabonner|désinscrire",
    "darse de baja",
    "disiscriviti",
    "cancella|cancellare ?l iscrizione",
    "update|manage|change ?your ?email|e-mail|subscription|newsletter preferences|subscription|subscriptions",
];

/// Whether `line` says why the reader gets a newsletter (see [`SUBSCRIPTION_NOTICES`]).
fn is_subscription_notice(line: &str) -> bool {
    let line = line.to_lowercase();
    let words = word_spans(&line);
    (0..words.len()).any(|k| {
        SUBSCRIPTION_NOTICES.iter().any(|p| {
            phrase_at(&line, &words, k, p).is_some_and(|e| {
                e < words.len()
                    && line[words[e - 1].end..words[e].start].chars().count() <= 3
                    && SUBSCRIPTION_REASONS
                        .iter()
                        .any(|r| phrase_at(&line, &words, e, r).is_some())
            })
        })
    })
}

/// Whether `line` holds a newsletter's subscription link (see [`SUBSCRIPTION_LINKS`]).
fn holds_subscription_link(line: &str) -> bool {
    let line = line.to_lowercase();
    holds_phrase(&line, &word_spans(&line), &SUBSCRIPTION_LINKS)
}

/// Most words of a line of subscription links.
const SUBSCRIPTION_LINKS_MAX_WORDS: u32 = 8;

/// Cheap necessary conditions, one pass over the line: each regex above needs one of its bits
/// (rare words only: a common one such as "comment" would send most lines to the regexes).
pub(crate) const CUES: [&str; 50] = [
    "not be",          // 0: REUSE
    "nachdruck",       // 1: REUSE
    "responsible",     // 2: NOT_RESPONSIBLE
    "verantwortlich",  // 3: NOT_RESPONSIBLE
    "privacy",         // 4: POLICY_LINKS
    "attacks",         // 5: MODERATION
    "respectful",      // 6: MODERATION
    "topic",           // 7: MODERATION
    "moderat",         // 8: MODERATION
    "reviewed",        // 9: MODERATION
    "removed",         // 10: MODERATION
    "deleted",         // 11: MODERATION
    "screened",        // 12: MODERATION
    "guidelines",      // 13: MODERATION
    "standards",       // 14: MODERATION
    "flash",           // 15: BROWSER
    "javascript",      // 16: BROWSER
    "browser",         // 17: BROWSER
    " in to ",         // 18: LOGIN_TO_COMMENT
    "loggen",          // 19: LOGIN_TO_COMMENT
    "angemeldet",      // 20: LOGIN_TO_COMMENT
    "eingeloggt",      // 21: LOGIN_TO_COMMENT
    "kommentieren",    // 22: LOGIN_TO_COMMENT
    "extern",          // 23: EMBED_CONSENT
    "privatsph",       // 24: EMBED_CONSENT
    "third",           // 25: EMBED_CONSENT
    "commons",         // 26: LICENSE
    "cc-by",           // 27: LICENSE
    "cc by",           // 28: LICENSE
    "medically",       // 29: REVIEWED
    "fact-check",      // 30: REVIEWED
    "fact check",      // 31: REVIEWED
    "geprüft",         // 32: REVIEWED
    "fachliteratur",   // 33: REVIEWED
    "this email",      // 34: SUBSCRIPTION_NOTICES
    "this newsletter", // 35: SUBSCRIPTION_NOTICES
    "this e-mail",     // 36: SUBSCRIPTION_NOTICES
    "erhältst",        // 37: SUBSCRIPTION_NOTICES
    "erhalten diese",  // 38: SUBSCRIPTION_NOTICES
    "recevez c",       // 39: SUBSCRIPTION_NOTICES
    "recibido est",    // 40: SUBSCRIPTION_NOTICES
    "ricevuto questa", // 41: SUBSCRIPTION_NOTICES
    "unsubscribe",     // 42: SUBSCRIPTION_LINKS
    "abbestellen",     // 43: SUBSCRIPTION_LINKS
    "désabonner",      // 44: SUBSCRIPTION_LINKS
    "désinscrire",     // 45: SUBSCRIPTION_LINKS
    "de baja",         // 46: SUBSCRIPTION_LINKS
    "iscri",           // 47: SUBSCRIPTION_LINKS (disiscriviti, iscrizione)
    "preferences",     // 48: SUBSCRIPTION_LINKS
    "subscription",    // 49: SUBSCRIPTION_LINKS
];

const REUSE_CUES: u64 = 0b11;
const RESPONSIBLE_CUES: u64 = 0b1100;
const POLICY_CUES: u64 = 1 << 4;
const MODERATION_CUES: u64 = 0b11_1111_1111 << 5;
const BROWSER_CUES: u64 = 0b111 << 15;
const LOGIN_CUES: u64 = 0b1_1111 << 18;
const EMBED_CUES: u64 = 0b111 << 23;
const LICENSE_CUES: u64 = 0b111 << 26;
const REVIEWED_CUES: u64 = 0b1_1111 << 29;
const SUBSCRIPTION_NOTICE_CUES: u64 = 0xff << 34;
const SUBSCRIPTION_LINKS_CUES: u64 = 0xff << 42;

impl Rule for SiteNoticeLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let words = doc.info(i).words;
            if words > 40 {
                continue;
            }
            let line = doc.line(i);
            let cues = NOTICE_CUES.of(line_cues(doc, i));
            if cues == 0 {
                continue;
            }
            let note = if cues & REUSE_CUES != 0 && REUSE.is_match(line) {
                "reuse notice"
            } else if cues & LICENSE_CUES != 0 && LICENSE.is_match(line) {
                "licence notice"
            } else if cues & REVIEWED_CUES != 0 && REVIEWED.is_match(line) {
                "review statement"
            } else if cues & RESPONSIBLE_CUES != 0 && NOT_RESPONSIBLE.is_match(line) {
                "liability disclaimer"
            } else if words <= 30 && cues & POLICY_CUES != 0 && POLICY_LINKS.is_match(line) {
                "policy links"
            } else if cues & MODERATION_CUES != 0 && MODERATION.is_match(line) {
                "moderation rules"
            } else if words <= 30 && cues & BROWSER_CUES != 0 && BROWSER.is_match(line) {
                "browser requirement"
            } else if words <= 30 && cues & LOGIN_CUES != 0 && LOGIN_TO_COMMENT.is_match(line) {
                "log-in prompt"
            } else if cues & EMBED_CUES != 0 && EMBED_CONSENT.is_match(line) {
                "embed placeholder"
            } else if cues & SUBSCRIPTION_NOTICE_CUES != 0 && is_subscription_notice(line) {
                "subscription notice"
            } else if words <= SUBSCRIPTION_LINKS_MAX_WORDS
                && cues & SUBSCRIPTION_LINKS_CUES != 0
                && !line.trim_end().ends_with(['.', '!', '?'])
                && holds_subscription_link(line)
            {
                "subscription links"
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

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&SiteNoticeLine, text)
    }

    #[test]
    fn cues_are_lowercase() {
        assert!(CUES.iter().all(|c| c.to_lowercase() == *c));
    }

    #[test]
    fn notices_go() {
        let t = "This material may not be published, broadcast, rewritten, or redistributed.\n\
            The contents of this site cannot be reproduced without permission.\n\
            The Example Times is not responsible for the content of external internet sites\n\
            For more information on this site, please read our Privacy Policy and Terms of Service.\n\
            Please be respectful of the writers in your comments or they will be removed\n\
            Some comments posted here may be reviewed before they are displayed.\n\
            Community guidelines\n\
            You need the latest Flash Player to view video content.\n\
            Please enable JavaScript to view the comments.\n\
            Your browser does not support the video tag.\n\
            Bitte aktivieren Sie JavaScript in Ihrem Browser.\n\
            Nachdruck nur mit Genehmigung des Verlags.\n\
            Except where otherwise noted, content on this site is licensed under a Creative Commons Attribution 4.0 License.\n\
            Alle Inhalte dieses Blogs stehen unter der Lizenz CC BY-SA 4.0.\n\
            Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY.\n\
            Medically reviewed by Jane Doe, MD\n\
            Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde von Medizinern geprüft.";
        assert_eq!(removed(t), (0..17).collect::<Vec<_>>());
    }

    #[test]
    fn articles_about_the_same_things_stay() {
        assert!(removed(
            "The notifications shall be published in the Official Gazette.\n\
            Some December journals may be published later.\n\
            Adobe ended support for Flash Player at the end of 2020.\n\
            The judge asked both sides to be respectful of the court.\n\
            The senator condemned the personal attacks on her family.\n\
            The company said it is not responsible for the delays.\n\
            The photos in the archive are released under Creative Commons licences.\n\
            JavaScript is a programming language that runs in the browser."
        )
        .is_empty());
    }

    #[test]
    fn log_in_prompts_and_embed_placeholders_go() {
        let t = "You must be logged in to post a comment.\n\
            Please sign in to comment.\n\
            Bitte loggen Sie sich vor dem Kommentieren ein Login\n\
            Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.\n\
            An dieser Stelle findet ihr einen externen Inhalt von Instagram, der den Artikel ergänzt.\n\
            Wir respektieren deine Privatsphäre und stellen ohne dein Einverständnis keine Verbindung zu Twitter her.\n\
            I agree to external content being displayed.\n\
            Click here to load third-party content from YouTube and accept its terms.";
        assert_eq!(removed(t), (0..8).collect::<Vec<_>>());
        assert!(removed(
            "She signed in to the hotel at noon and left a comment in the guest book.\n\
            Externe Berater hatten die Inhalte des Gutachtens geprüft.\n\
            The ministry hired external content moderators last year.\n\
            Wir respektieren die Entscheidung des Gerichts."
        )
        .is_empty());
    }

    /// The phrases as the regexes they replace (which cost a compile on the first cue).
    #[test]
    fn subscription_phrases_match_as_the_regexes_did() {
        let notice = regex::Regex::new(
            r"(?ix)(?:
                \b(?:received|receiving|getting)\s+this\s+(?:e-?mail|newsletter)
              | \b(?:erhältst|erhalten)\s+diese[ns]?\s+(?:e-?mail|newsletter|nachricht)
              | \bvous\s+recevez\s+(?:cet|ce|cette)\s+(?:e-?mail|courriel|message|newsletter|lettre)
              | \b(?:has|ha|habéis|han)\s+recibido\s+(?:este|esta)\s+(?:correo|e-?mail|mensaje|bolet[ií]n|newsletter)
              | \b(?:hai|avete|ha)\s+ricevuto\s+questa\s+(?:e-?mail|mail|newsletter|comunicazione)
            )\W{0,3}(?:because|as|since|weil|da|denn|car|parce\s+que|puisque|porque|ya\s+que|perché|poiché|in\s+quanto)\b",
        )
        .unwrap();
        let links = regex::Regex::new(
            r"(?ix)
              \bunsubscribe\b | \b(?:newsletter\s+)?abbestellen\b | \bse\s+désabonner\b | \bse\s+désinscrire\b | \bdarse\s+de\s+baja\b
            | \bdisiscriviti\b | \bcancella(?:re)?\s+(?:l'\s?)?iscrizione\b
            | \b(?:update|manage|change)\s+(?:your\s+)?(?:e-?mail\s+|subscription\s+|newsletter\s+)?(?:preferences|subscriptions?)\b",
        )
        .unwrap();
        for line in [
            "You received this email because you signed up.",
            "You are receiving this e-mail, because you asked for it",
            "You're getting this newsletter -- since you subscribed",
            "She received this email from the council.",
            "We received this email: because of a typo",
            "Du erhältst diesen Newsletter, weil du ihn bestellt hast.",
            "Sie erhalten diese Nachricht da Sie Kunde sind",
            "Vous recevez cet e-mail car vous êtes inscrit.",
            "Vous recevez ce message parce que vous êtes abonné.",
            "Has recibido este boletín porque te suscribiste.",
            "Ha recibido esta newsletter ya que es cliente",
            "Hai ricevuto questa email perché sei iscritto.",
            "Avete ricevuto questa comunicazione in quanto clienti",
            "Hai ricevuto questa email dal comune.",
            "received  this\temail as requested",
            "RECEIVED THIS EMAIL BECAUSE",
            "received this emails because",
            "received this email becausee",
        ] {
            assert_eq!(
                is_subscription_notice(line),
                notice.is_match(line),
                "{line:?}"
            );
        }
        for line in [
            "Unsubscribe | Update your preferences",
            "unsubscribed",
            "Newsletter abbestellen",
            "Se désabonner",
            "se  désinscrire",
            "Darse de baja",
            "Disiscriviti",
            "Cancella iscrizione",
            "Cancellare l'iscrizione",
            "Cancellare l' iscrizione",
            "Manage your subscription",
            "Change email preferences",
            "Update newsletter subscriptions",
            "Update your email preferences",
            "Update the preferences",
            "Our preferences",
            "darse baja",
        ] {
            assert_eq!(
                holds_subscription_link(line),
                links.is_match(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_newsletter_s_subscription_footer_goes() {
        let t = "You received this email because you signed up for The Harbour Letter.\n\
            Unsubscribe | Update your preferences\n\
            Du erhältst diese E-Mail, weil du den Newsletter abonniert hast.\n\
            Newsletter abbestellen\n\
            Vous recevez cet e-mail car vous êtes inscrit à notre lettre.\n\
            Se désabonner\n\
            Has recibido este correo porque estás suscrito a nuestro boletín.\n\
            Darse de baja\n\
            Hai ricevuto questa email perché sei iscritto alla newsletter.\n\
            Cancella iscrizione\n\
            Manage your subscription";
        assert_eq!(removed(t), (0..11).collect::<Vec<_>>());
        assert!(removed(
            "Users can unsubscribe from the service at any time.\n\
            The mayor said she received this email from the council on Monday and answered it.\n\
            Readers who unsubscribe from the paper's newsletter will still get breaking news alerts on their phones"
        )
        .is_empty());
    }

    #[test]
    fn long_lines_stay() {
        let long = format!(
            "{} This material may not be reproduced.",
            "The council met on Tuesday to discuss the harbour plan again.".repeat(5)
        );
        assert!(removed(&long).is_empty());
    }
}
