//! R023: a site's standing notices: reuse and liability disclaimers, comment-moderation rules,
//! browser and plug-in requirements.

use super::shape::{line_cues, Lazy, NOTICE_CUES};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line of at most 40 words that is one of a site's standing notices, printed the same
    /// under every article:
    ///
    /// - **reuse notice**: "This material may not be published, broadcast, rewritten or
    ///   redistributed" (a material, content, article, story, site or document that may not be
    ///   reproduced, republished, reprinted, ...);
    /// - **liability disclaimer**: "... is not responsible for the content of external sites";
    /// - **policy links**: "Privacy Policy" and "Terms of Service / Use / Conditions" in one line
    ///   of at most 30 words;
    /// - **moderation rules**: "Please be respectful ... comments", "No personal attacks",
    ///   "Comments may be reviewed before they are displayed", "Comments are moderated",
    ///   a bare "Community guidelines" link;
    /// - **browser requirement**: "You need the latest Flash Player", "Please enable JavaScript
    ///   to view the comments", "Your browser does not support ..." and their German, French and
    ///   Spanish forms ("Bitte aktivieren Sie JavaScript", "Activez JavaScript",
    ///   "Habilite JavaScript").
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

static BROWSER: Lazy = Lazy::new(
    r"(?ix)
      \b(?:need|needs|require|requires|required|install|download|upgrade|update|get|latest|enable|enabled)\b.{0,60}\b(?:flash\s+player|flash\s+plug-?in|javascript)\b
    | \b(?:flash\s+player|javascript)\b.{0,40}\b(?:required|disabled|enabled|turned\s+off|is\s+needed)\b
    | \bbrowser\s+(?:does\s+not|doesn't|cannot|can't)\s+support\b
    | \b(?:upgrade|update)\s+(?:to\s+)?(?:your|a\s+newer|a\s+modern)\s+browser\b
    | \bjavascript\b.{0,30}\b(?:aktivieren|aktiviert|activer|activé|habilitar|habilitado|activar|activado)\b
    | \b(?:aktivieren\s+sie|activez|habilite|active)\b.{0,20}\bjavascript\b",
);

/// Cheap necessary conditions, one pass over the line: each regex above needs one of its bits
/// (rare words only: a common one such as "comment" would send most lines to the regexes).
pub(crate) const CUES: [&str; 18] = [
    "not be",         // 0: REUSE
    "nachdruck",      // 1: REUSE
    "responsible",    // 2: NOT_RESPONSIBLE
    "verantwortlich", // 3: NOT_RESPONSIBLE
    "privacy",        // 4: POLICY_LINKS
    "attacks",        // 5: MODERATION
    "respectful",     // 6: MODERATION
    "topic",          // 7: MODERATION
    "moderat",        // 8: MODERATION
    "reviewed",       // 9: MODERATION
    "removed",        // 10: MODERATION
    "deleted",        // 11: MODERATION
    "screened",       // 12: MODERATION
    "guidelines",     // 13: MODERATION
    "standards",      // 14: MODERATION
    "flash",          // 15: BROWSER
    "javascript",     // 16: BROWSER
    "browser",        // 17: BROWSER
];

const REUSE_CUES: u64 = 0b11;
const RESPONSIBLE_CUES: u64 = 0b1100;
const POLICY_CUES: u64 = 1 << 4;
const MODERATION_CUES: u64 = 0b11_1111_1111 << 5;
const BROWSER_CUES: u64 = 0b111 << 15;

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
            } else if cues & RESPONSIBLE_CUES != 0 && NOT_RESPONSIBLE.is_match(line) {
                "liability disclaimer"
            } else if words <= 30 && cues & POLICY_CUES != 0 && POLICY_LINKS.is_match(line) {
                "policy links"
            } else if cues & MODERATION_CUES != 0 && MODERATION.is_match(line) {
                "moderation rules"
            } else if words <= 30 && cues & BROWSER_CUES != 0 && BROWSER.is_match(line) {
                "browser requirement"
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
            Nachdruck nur mit Genehmigung des Verlags.";
        assert_eq!(removed(t), (0..12).collect::<Vec<_>>());
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
            JavaScript is a programming language that runs in the browser."
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
