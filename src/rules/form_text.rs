//! R026: the text of a log-in, registration or comment form: validation messages and field
//! instructions.

use super::shape::{first_kind, may_hold_any, Kind, Lazy, LazyWords, FORM_ANY};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line of at most 40 words that belongs to a form the page carries (log-in,
    /// registration, comment, newsletter), not to the article:
    ///
    /// - **password rule or prompt**: "The password must be at least 8 characters", "Das
    ///   Passwort muss mindestens einen Großbuchstaben enthalten", "Forgot your password?
    ///   ..." (a password word with a requirement, *forgot*, *wrong*, *invalid*);
    /// - **field instruction**: "Please enter your e-mail address", "Bitte trage eine
    ///   E-Mail-Adresse ein", "Bitte stimme unseren Nutzungsbedingungen zu" (*please* with an
    ///   entry verb and a field: e-mail, address, password, user name, terms, consent,
    ///   captcha);
    /// - **validation message**: "This e-mail address is invalid", "Diese E-Mail-Adresse ist
    ///   bereits registriert", "This field is required";
    /// - **comment-form notice**: "Your email address will not be published. Required fields
    ///   are marked *", "Deine E-Mail-Adresse wird nicht veröffentlicht".
    ///
    /// Scrapers print every message a form may show, hidden or not, so a page with a sign-up
    /// form carries dozens of these sentence-shaped lines; removed, they no longer pass for
    /// the article's prose.
    ///
    /// Known false positives: an article on password security that states a rule in a short
    /// paragraph of its own ("Passwords must be at least 12 characters long.").
    pub struct FormText => ("R026", "form-text", Category::Chrome);
}

static PASSWORD: Lazy = Lazy::new(
    r"(?ix)\b(?:passwor[dt]|kennwort|contraseña|mot\s+de\s+passe)\b.{0,60}\b(?:muss|must|debe|doit|mindestens|at\s+least|characters|zeichen|caracteres|caractères|vergessen|forgot|falsch|incorrect|wrong|invalid|ungültig|match|übereinstimm\w*)
      | \bforgot(?:ten)?\s+(?:your\s+)?password\b",
);

static INSTRUCTION: Lazy = Lazy::new(
    r"(?ix)\b(?:bitte|please)\s+(?:gib|geben\s+sie|trage|tragen\s+sie|enter|provide|fill\s+in|fill\s+out|wähle|wählen\s+sie|select|choose|stimme|stimmen\s+sie|akzeptiere|akzeptieren\s+sie|check|confirm|bestätige|bestätigen\s+sie)\b
      .{0,60}\b(?:e-?mail|adresse|address|passwor[dt]|anzeigename|benutzername|username|pflichtfelder|required\s+fields?|nutzungsbedingungen|datenschutz\w*|terms|einverständnis|consent|captcha)",
);

static VALIDATION: Lazy = Lazy::new(
    r"(?ix)
      \b(?:e-?mail-?adresse|e-?mail\s+address|email)\b.{0,60}\b(?:ungültig|invalid|nicht\s+korrekt|not\s+valid|bereits\s+(?:registriert|bekannt|vergeben)|already\s+(?:registered|in\s+use|exists|taken)|is\s+required|erforderlich)
    | ^(?:this\s+field\s+is\s+required|dieses\s+feld\s+ist\s+(?:ein\s+)?pflicht\w*|pflichtfelder?|required\s+fields?\s+are\s+marked)\b",
);

static COMMENT_FORM: Lazy = Lazy::new(
    r"(?ix)
      \b(?:e-?mail(?:-?adresse)?|email\s+address|adresse\s+e-?mail|correo(?:\s+electrónico)?)\b.{0,40}\b(?:wird\s+nicht\s+veröffentlicht|will\s+not\s+be\s+(?:published|displayed|shared)|won'?t\s+be\s+(?:published|displayed|shared)|is\s+never\s+(?:published|shared)|no\s+será\s+publicad[ao]|ne\s+sera\s+pas\s+(?:publiée|affichée))
    | \b(?:erforderliche|required|obligatorische)\s+(?:felder|fields|angaben)\s+(?:sind|are)\s+(?:mit\s+)?(?:\*\s+)?(?:markiert|marked|gekennzeichnet)",
);

/// Words one of which each kind's pattern holds (lowercase), by kind: a kind's regex runs only
/// on a line that holds one of its words. [`CUE_LISTS`] gathers them for the shared
/// cue scan ([`FORM_ANY`]) first.
const PASSWORD_WORDS: &[&str] = &["passwor", "kennwort", "contraseña", "mot de passe"];
const INSTRUCTION_WORDS: &[&str] = &[
    "please enter",
    "please provide",
    "please fill",
    "please select",
    "please choose",
    "please check",
    "please confirm",
    "bitte gib",
    "bitte geben",
    "bitte trage",
    "bitte tragen",
    "bitte wähle",
    "bitte wählen",
    "bitte stimme",
    "bitte stimmen",
    "bitte akzeptiere",
    "bitte akzeptieren",
    "bitte bestätige",
];
const VALIDATION_WORDS: &[&str] = &[
    "ungültig",
    "invalid",
    "nicht korrekt",
    "not valid",
    "bereits registriert",
    "bereits bekannt",
    "bereits vergeben",
    "already registered",
    "already in use",
    "already exists",
    "already taken",
    "is required",
    "erforderlich",
    "this field",
    "dieses feld",
    "pflichtfeld",
    "required field",
];
const COMMENT_FORM_WORDS: &[&str] = &[
    "not be published",
    "not be displayed",
    "not be shared",
    "won't be",
    "wont be",
    "never published",
    "never shared",
    "nicht veröffentlicht",
    "no será publicad",
    "ne sera pas",
    "sind mit",
    "sind markiert",
    "are marked",
    "gekennzeichnet",
];

/// Every kind's list, for the shared cue scan.
pub(crate) const CUE_LISTS: &[&[&str]] = &[
    PASSWORD_WORDS,
    INSTRUCTION_WORDS,
    VALIDATION_WORDS,
    COMMENT_FORM_WORDS,
];

static PASSWORD_CUES: LazyWords = LazyWords::new(PASSWORD_WORDS);
static INSTRUCTION_CUES: LazyWords = LazyWords::new(INSTRUCTION_WORDS);
static VALIDATION_CUES: LazyWords = LazyWords::new(VALIDATION_WORDS);
static COMMENT_FORM_CUES: LazyWords = LazyWords::new(COMMENT_FORM_WORDS);

/// Longest form line, in words.
const MAX_WORDS: u32 = 40;

/// The kinds of form text, in order.
static KINDS: [Kind; 4] = [
    (&PASSWORD_CUES, &PASSWORD, "password rule or prompt"),
    (&INSTRUCTION_CUES, &INSTRUCTION, "field instruction"),
    (&VALIDATION_CUES, &VALIDATION, "validation message"),
    (&COMMENT_FORM_CUES, &COMMENT_FORM, "comment-form notice"),
];

impl Rule for FormText {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            if doc.info(i).words > MAX_WORDS || !may_hold_any(doc, i, FORM_ANY) {
                continue;
            }
            if let Some(note) = first_kind(doc.line(i).trim(), &KINDS) {
                out.push(Removal::line(&Self::META, i).with_note(note));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&FormText, text)
    }

    #[test]
    fn cue_words_are_lowercase() {
        assert!(CUE_LISTS.concat().iter().all(|w| w.to_lowercase() == *w));
    }

    #[test]
    fn form_lines_go() {
        let t = "Das Passwort muss mindestens 8 Zeichen lang sein.\n\
            The password must contain at least one number.\n\
            Forgot your password? Reset it here.\n\
            Bitte trage eine E-Mail-Adresse ein.\n\
            Please enter a valid email address.\n\
            Bitte stimme unseren Nutzungsbedingungen zu.\n\
            Diese E-Mail-Adresse ist bereits registriert.\n\
            This email address is invalid.\n\
            This field is required.\n\
            Your email address will not be published. Required fields are marked *\n\
            Deine E-Mail-Adresse wird nicht veröffentlicht.";
        assert_eq!(removed(t), (0..11).collect::<Vec<_>>());
    }

    #[test]
    fn articles_about_the_same_things_stay() {
        assert!(removed(
            "The council published the new address of the town hall on Monday.\n\
            The field was flooded after the storm, the farmer said.\n\
            Police said the suspect sent an email to the school before noon.\n\
            Die neue Adresse des Rathauses wurde am Montag veröffentlicht."
        )
        .is_empty());
        // an FAQ's answer that quotes the form, and advice the article reports
        assert!(removed(
            "Open the login page and click \"Forgot password\". We send you a link at once.\n\
            Choose a password with at least eight characters, as the bank advised its customers.\n\
            Klicken Sie auf „Passwort vergessen“ und folgen Sie dem Link in der E-Mail."
        )
        .is_empty());
    }

    #[test]
    fn long_lines_stay() {
        let long = format!(
            "{} The password must be at least 8 characters.",
            "The council met on Tuesday to discuss the harbour plan again.".repeat(4)
        );
        assert!(removed(&long).is_empty());
    }
}
