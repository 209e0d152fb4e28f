//! R025: the site speaking to the reader: ad-blocker asks, paywall and subscription prompts,
//! donation asks, feedback invitations, digest pitches.

use super::shape::{first_kind, may_hold_any, Kind, Lazy, LazyWords, APPEAL_ANY};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line of at most 60 words in which the site, not the article, speaks to the reader:
    ///
    /// - **ad-blocker ask**: a line naming an ad blocker that also addresses the reader ("If
    ///   you're running an ad-blocker it's costing me money", "Bitte schalte deinen Adblocker
    ///   aus", "Please deactivate your ad blocker");
    /// - **paywall prompt**: "Already a subscriber?", "Bereits Abonnent?", "Subscription will
    ///   auto renew", "Wählen Sie Ihren Zugang und lesen Sie weiter", "Subscribe to continue
    ///   reading", "Immediate online access to all issues", "Free trial ...", "for subscribers
    ///   only";
    /// - **donation ask**: "Your donation helps ...", "Ihr Beitrag hilft ...", "Support us with
    ///   $5", "Unterstütze ... mit 2,50!", "Unterstützen Sie diese Form des Journalismus", "Buy me
    ///   a coffee", "Jede (kleine) Spende zählt";
    /// - **shop or issue pitch**: "Besuchen Sie unseren Fan-Shop!", "Visit our store", "Die
    ///   aktuelle Ausgabe jetzt am Kiosk, im Abo und als E-Paper", "Ausgabe kaufen";
    /// - **feedback invitation**: "We want to hear what you think", "Submit a letter to the
    ///   editor", "Teilen Sie uns Ihre Erfahrungen mit", "Schreiben Sie uns", "Escríbenos",
    ///   "Écrivez-nous", "Wie gefällt Ihnen unsere Website?", "Got a news tip?";
    /// - **digest pitch**: "Receive a daily list of must-read stories", "... delivers daily
    ///   updates".
    ///
    /// Each kind is a phrase the site addresses to its readers, printed the same under every
    /// article; an ad-blocker line must also speak to the reader (`you`, `your`, `please`,
    /// `bitte`, `deinen`, `Ihren`, `votre`, a verb such as *disable*), so a news story about
    /// ad blockers stays. Calls to download an app, sign up for a newsletter or follow an
    /// account are R012's.
    ///
    /// Known false positives: a charity's own page whose text asks for donations ("Your support
    /// helps us to ..."); a letters page that invites readers to write.
    pub struct ReaderAppeal => ("R025", "reader-appeal", Category::Chrome);
}

static AD_BLOCKER: Lazy = Lazy::new(
    r"(?i)\b(?:ad[-\s]?block(?:er|ers|ing)?|adblock\w*|werbe-?blocker\w*|bloqueador(?:es)?\s+de\s+(?:anuncios|publicidad)|bloqueur\s+de\s+pub\w*)\b",
);

/// The reader addressed: a second-person word, a plea, or an imperative to switch something off.
static TO_READER: Lazy = Lazy::new(
    r"(?i)\b(?:you|your|you're|please|disable|turn\s+off|whitelist|deaktivier\w*|schalte|schalten|deinen|ihren|bitte|desactiva\w*|désactive\w*|votre|tu)\b",
);

static PAYWALL: Lazy = Lazy::new(
    r"(?ix)
      \b(?:already\s+a\s+(?:subscriber|member)|bereits\s+abonnent|schon\s+abonnent|déjà\s+abonné|ya\s+(?:eres|es)\s+suscriptor)\b
    | \b(?:subscription|abo|abonnement)\b.{0,30}\b(?:auto[-\s]?renews?|renews?\s+automatically|verlängert\s+sich)\b
    | \bwählen\s+sie\s+ihr(?:en)?\s+(?:zugang|abo)\b
    | \bonline\s+access\s+to\s+all\s+(?:issues|articles|content)\b
    | ^free\s+trial\b
    | \b(?:subscribe|register|abonnieren|registrieren)\s+(?:now\s+|today\s+)?to\s+(?:continue|keep)\s+reading\b
    | \b(?:continue|keep)\s+reading\s+with\b
    | \bweiterlesen\s+mit\b
    | \blesen\s+sie\s+weiter\s+mit\b
    | \bnur\s+für\s+abonnenten\b
    | \bfor\s+subscribers\s+only\b
    | \bis\s+for\s+subscribers\b
    | \bzapraszamy\s+(?:też\s+|również\s+)?do\s+(?:subskrypcji|prenumeraty)\b",
);

static DONATION: Lazy = Lazy::new(
    r"(?ix)
      \b(?:ihr|ihre|dein|deine|your|tu|votre)\s+(?:beitrag|spende|unterstützung|support|donation|contribution|aporte|donativo|don)\s+(?:hilft|helps|ayuda|aide|ermöglicht|sichert|keeps|makes)\b
    | \b(?:support|unterstütze|unterstützen|apoya|apóyanos|soutenez|soutiens)\b.{0,40}\b(?:mit|with|con|avec|from|ab|desde|for|für)\s+(?:nur\s+|just\s+|only\s+|as\s+little\s+as\s+|bereits\s+)?(?:[€$£]\s?\d|\d+(?:[,.]\d+)?\s?(?:€|\$|£|euro|eur|dollars?)?\s*[!.]?$)
    | \bunterstützen\s+sie\s+diese[ns]?\s+(?:form|art)\b
    | \bbuy\s+(?:me|us)\s+a\s+coffee\b
    | \bjede\s+(?:\w+\s+)?spende\s+(?:zählt|hilft)\b",
);

static SHOP: Lazy = Lazy::new(
    r"(?ix)
      \bbesuchen\s+sie\s+unseren\s+(?:[\w-]+-)?shop\b
    | \bvisit\s+our\s+(?:online\s+)?(?:shop|store)\b
    | \b(?:die\s+)?(?:aktuelle|neue)\s+ausgabe\b.{0,60}\b(?:kiosk|im\s+abo|e-?paper|erhältlich)\b
    | ^(?:ausgabe|heft|issue)\s+(?:kaufen|bestellen)$
    | ^buy\s+(?:this|the)\s+issue$
    | \b(?:current|latest)\s+issue\b.{0,40}\b(?:newsstands?|subscribe)",
);

static FEEDBACK: Lazy = Lazy::new(
    r"(?ix)
      \bwe\s+(?:want|would\s+love|'d\s+love|would\s+like)\s+to\s+hear\s+(?:from\s+you|what\s+you\s+think)
    | \bsubmit\s+a\s+letter\s+to\s+the\s+editor\b
    | \bteilen\s+sie\s+(?:es\s+)?uns\s+(?:\w+\s+){0,3}mit\b
    | \bschreiben\s+sie\s+uns\b
    | \bschreib\s+uns\b
    | \bpuede\s+escribirnos\b
    | \bescr[íi]benos\b
    | \bécrivez-nous\b
    | \bwie\s+gefällt\s+(?:ihnen|dir|euch)\s+unsere?\b
    | \bsend\s+us\s+a\s+tip\b
    | \bgot\s+a\s+(?:confidential\s+)?(?:news\s+)?tip\b",
);

static DIGEST: Lazy = Lazy::new(
    r"(?ix)
      \b(?:receive|get)\s+(?:a|our|the)\s+(?:daily|weekly|monthly)\s+(?:list|digest|roundup|round-up|e-?mail|newsletter|briefing|updates)\b
    | \bdelivers?\s+(?:daily|weekly)\s+(?:updates|news|newsletter|briefings?)\b",
);

/// Words one of which each kind's pattern holds (lowercase), by kind: a kind's regex runs only
/// on a line that holds one of its words. [`CUE_LISTS`] gathers them for the shared
/// cue scan ([`APPEAL_ANY`]) before any of them is looked for.
const AD_WORDS: &[&str] = &["block", "bloque"];
const PAYWALL_WORDS: &[&str] = &[
    "subscri",
    "abonnent",
    "abonné",
    "suscriptor",
    "renew",
    "verlängert sich",
    "wählen sie ihr",
    "online access",
    "free trial",
    "continue reading",
    "keep reading",
    "weiterlesen mit",
    "lesen sie weiter mit",
    "zapraszamy",
];
const DONATION_WORDS: &[&str] = &[
    "beitrag",
    "spende",
    "unterstütz",
    "support",
    "donation",
    "contribution",
    "aporte",
    "donativo",
    "votre don",
    "tu don",
    "apoya",
    "apóyanos",
    "souten",
    "coffee",
];
const SHOP_WORDS: &[&str] = &[
    "besuchen sie unseren",
    "visit our",
    "ausgabe",
    "heft kaufen",
    "heft bestellen",
    "issue kaufen",
    "issue bestellen",
    "buy this issue",
    "buy the issue",
    "current issue",
    "latest issue",
];
const FEEDBACK_WORDS: &[&str] = &[
    "hear from you",
    "hear what you",
    "letter to the editor",
    "teilen sie",
    "schreiben sie uns",
    "schreib uns",
    "escribirnos",
    "escríbenos",
    "escribenos",
    "écrivez-nous",
    "gefällt ihnen",
    "gefällt dir",
    "gefällt euch",
    "send us a tip",
    "news tip",
    "got a tip",
    "confidential",
];
const DIGEST_WORDS: &[&str] = &[
    "receive a",
    "receive our",
    "receive the",
    "get a daily",
    "get a weekly",
    "get a monthly",
    "get our daily",
    "get our weekly",
    "get our monthly",
    "get the daily",
    "get the weekly",
    "get the monthly",
    "delivers daily",
    "delivers weekly",
    "deliver daily",
    "deliver weekly",
];

/// Every kind's list, for the shared cue scan.
pub(crate) const CUE_LISTS: &[&[&str]] = &[
    AD_WORDS,
    PAYWALL_WORDS,
    DONATION_WORDS,
    SHOP_WORDS,
    FEEDBACK_WORDS,
    DIGEST_WORDS,
];

static AD_CUES: LazyWords = LazyWords::new(AD_WORDS);
static PAYWALL_CUES: LazyWords = LazyWords::new(PAYWALL_WORDS);
static DONATION_CUES: LazyWords = LazyWords::new(DONATION_WORDS);
static SHOP_CUES: LazyWords = LazyWords::new(SHOP_WORDS);
static FEEDBACK_CUES: LazyWords = LazyWords::new(FEEDBACK_WORDS);
static DIGEST_CUES: LazyWords = LazyWords::new(DIGEST_WORDS);

/// Longest appeal, in words.
const MAX_WORDS: u32 = 60;

/// The kinds other than the ad-blocker ask (which also needs [`TO_READER`]), in order.
static KINDS: [Kind; 5] = [
    (&PAYWALL_CUES, &PAYWALL, "paywall prompt"),
    (&DONATION_CUES, &DONATION, "donation ask"),
    (&SHOP_CUES, &SHOP, "shop or issue pitch"),
    (&FEEDBACK_CUES, &FEEDBACK, "feedback invitation"),
    (&DIGEST_CUES, &DIGEST, "digest pitch"),
];

/// The kind of appeal `line` is, if any.
fn appeal(line: &str) -> Option<&'static str> {
    if AD_CUES.is_match(line) && AD_BLOCKER.is_match(line) && TO_READER.is_match(line) {
        return Some("ad-blocker ask");
    }
    first_kind(line, &KINDS)
}

impl Rule for ReaderAppeal {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            if doc.info(i).words > MAX_WORDS || !may_hold_any(doc, i, APPEAL_ANY) {
                continue;
            }
            if let Some(note) = appeal(doc.line(i).trim()) {
                out.push(Removal::line(&Self::META, i).with_note(note));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&ReaderAppeal, text)
    }

    #[test]
    fn cue_words_are_lowercase() {
        assert!(CUE_LISTS.concat().iter().all(|w| w.to_lowercase() == *w));
    }

    #[test]
    fn appeals_go() {
        let t = "If you're running an ad-blocker it's costing me money.\n\
            Bitte schalte deinen Adblocker aus, um diesen Artikel zu lesen.\n\
            Already a subscriber? Log in\n\
            Bereits Abonnent? Einloggen\n\
            Immediate online access to all issues from 2019. Subscription will auto renew annually.\n\
            Wählen Sie Ihren Zugang und lesen Sie weiter:\n\
            Subscribe to continue reading.\n\
            Your donation helps us keep the lights on.\n\
            Ihr Beitrag hilft, unsere Berichterstattung weiter auszubauen.\n\
            Unterstütze das Magazin bereits mit 2,50!\n\
            Support our newsroom with $5 a month\n\
            Jede kleine Spende hilft!\n\
            Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus.\n\
            We want to hear what you think about this article. Submit a letter to the editor.\n\
            Wie gefällt Ihnen unsere Website? Teilen Sie es uns mit!\n\
            Puede escribirnos a redaccion@example.org.\n\
            Got a confidential news tip? Send it to us.\n\
            Receive a daily list of must-read stories.\n\
            Besuchen Sie unseren Fan-Shop!\n\
            Ausgabe kaufen\n\
            Zapraszamy też do subskrypcji tygodnika.\n\
            The Briefing delivers daily updates from the newsroom.";
        assert_eq!(removed(t), (0..22).collect::<Vec<_>>());
    }

    #[test]
    fn articles_about_the_same_things_stay() {
        assert!(removed(
            "Ad blockers are used by a third of readers, the survey found.\n\
            The publisher asked subscribers for patience after the outage.\n\
            The charity said the donation would help build a school.\n\
            The minister said she wanted to hear from the unions before deciding.\n\
            He wrote a letter to the editor of the local paper in 1998.\n\
            The museum is open daily from ten to six.\n\
            Die Spende des Vereins hilft dem Tierheim über den Winter.\n\
            The latest issue of the report covers the harbour."
        )
        .is_empty());
    }

    #[test]
    fn long_lines_stay() {
        let long = format!(
            "{} Please disable your ad blocker.",
            "The council met on Tuesday to discuss the harbour plan again.".repeat(6)
        );
        assert!(removed(&long).is_empty());
    }
}
