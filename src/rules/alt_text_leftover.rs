//! R014: image alt-text and label leftovers ("logo", "Orange background") and credit lines.

use super::shape::{line_core, Lazy, Openings};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// Text of an image rather than of the article: alt texts and labels of one to three words
    /// naming a graphic element (`logo`, `site logo`, `Orange background`, `placeholder image`,
    /// `avatar`, `icon`, `thumbnail`), and photo credit lines (`Photo: Ministry of Defence`,
    /// `Image: Reuters`, `Foto: dpa`, `Bild: Keystone`, `Imagen: EFE`, `Beeld: ANP`, `Fot. PAP`,
    /// `Bild via Pixabay`,
    /// `Crédit photo : AFP`, `(AFP)`, `Getty Images`, `Photograph by Jane Doe`, `(Quelle: Foto
    /// Jane Doe)`, `(Bildquelle: dpa)`).
    ///
    /// Credits are matched only as a short line (at most ten words) that starts with a credit
    /// label (after an opening bracket or a stray full stop, at most), or is only an agency
    /// name; a caption that ends in a credit is R018's.
    ///
    /// A capitalised `Background` or `Historical background` between two paragraphs of ten
    /// words or more that end like sentences is a subheading, and stays; one with a colour or
    /// finish before it (`Orange background`, `Blurred background`) is an image's and goes.
    ///
    /// Known false positives: such a subheading above or below a line that is not a
    /// paragraph (a list, a quote's attribution) is removed.
    pub struct AltTextLeftover => ("R014", "alt-text-leftover", Category::Chrome);
}

static ALT_TEXT: Lazy = Lazy::new(
    r"(?ix)^(?:
        (?:[\w-]+\s+){0,2}(?:\w+[-_])?(?:logo|logotype|background|icon|avatar|banner|thumbnail|placeholder|sprite|spinner|loader|image|img|picture)
      | (?:logo|icon|avatar|image|img|picture|photo|bild|foto|imagen|placeholder)(?:\s+[\w-]+){0,2}
    )$",
);

/// Words that make a three-word "... image" line a caption rather than a label.
static NOT_A_LABEL: Lazy = Lazy::new(r"(?i)\b(?:the|a|an|of|his|her|their|this|is|was|in|on|at)\b");

static CREDIT: Lazy = Lazy::new(
    r"(?ix)^[.(\[]?\s*(?:
        (?:photo|image|picture|foto|bild|fotos|bilder|imagen|imagem|immagine|fotograf[ií]a|crédits?\s+photo|cr[ée]dit|credits?|photograph|illustration|grafik|video|bildquelle|fotoquelle|beeld|fot\.?|zdj[eę]cie)s?
        (?:\s+(?:by|von|de|par))?\s*[:©]\s*\S.*
      | (?:bild|foto)?quelle\s*:\s*(?:foto|bild)\b.*
      | (?:photo|photograph|picture|foto|fotografía)s?\s+(?:by|von|de|par)\s+(?-i:\p{Lu}).*
      | (?:photo|image|picture|foto|bild)\s+via\s+\S.*
      | \(?(?:afp|ap|reuters|getty\s+images|epa|dpa|shutterstock|istock|keystone|ansa|efe|anadolu|anp|pap|lusa)(?:\s*/\s*[\w\s]+)?\)?
    )$",
);

/// A Dutch or Polish credit that names its photographer with no colon (`Beeld Jan de Vries`,
/// `Fot. Anna Nowak / PAP`): the name, a capital and up to 40 letters, spaces and full stops,
/// perhaps an agency after a slash. The bound is checked in [`names_a_photographer`]: written
/// as `{1,40}` over `\p{L}` it made this the costliest regex to compile (about 10 ms, on every
/// run that meets a line opening with `Beeld` or `Fot.`), so the pattern takes the whole run.
static NAMED_CREDIT: Lazy = Lazy::new(
    r"(?ix)^[.(\[]?\s*(?:beeld|fot\.)\s+(?-i:\p{Lu})(?P<name>[\p{L}\s.]+)(?:/\s*[\w\s]+)?$",
);

/// Longest name, in characters after its capital, of a [`NAMED_CREDIT`].
const CREDIT_NAME_CHARS: usize = 40;

/// `line` is a [`NAMED_CREDIT`] whose name holds at most [`CREDIT_NAME_CHARS`] characters after
/// its capital. Spaces before the slash belong to the slash, so they do not count; a name that
/// ends the line counts whole.
fn names_a_photographer(line: &str) -> bool {
    let Some(caps) = NAMED_CREDIT.captures(line) else {
        return false;
    };
    let (Some(name), whole) = (caps.name("name"), caps.get(0)) else {
        return false;
    };
    let before_slash = whole.is_some_and(|w| name.end() < w.end());
    let counted = if before_slash {
        name.as_str().trim_end()
    } else {
        name.as_str()
    };
    counted.chars().count() <= CREDIT_NAME_CHARS
}

/// The first two letters of every alternative of [`CREDIT`] after its opening bracket or full
/// stop (see [`credit_start`]).
static CREDIT_OPENINGS: Openings = Openings::new(
    &[
        b"ph", b"im", b"pi", b"fo", b"bi", b"cr", b"il", b"gr", b"vi", b"qu", b"af", b"ap", b"re",
        b"ge", b"ep", b"dp", b"sh", b"is", b"ke", b"an", b"ef", b"be", b"zd", b"pa", b"lu",
    ],
    false,
);

/// Where [`CREDIT`]'s alternatives may start in `line`: after the full stops, brackets and ASCII
/// whitespace it opens with (more than the pattern allows there, so never past a start).
fn credit_start(line: &str) -> &str {
    line.trim_start_matches(|c| {
        matches!(
            c,
            '.' | '(' | '[' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' '
        )
    })
}

/// The second alternative of [`ALT_TEXT`] opens with one of these pairs of letters (its first
/// word is a graphic element: "logo", "icon", "image", "placeholder", ...).
static ALT_TEXT_OPENINGS: Openings = Openings::new(
    &[
        b"lo", b"ic", b"av", b"im", b"pi", b"ph", b"bi", b"fo", b"pl",
    ],
    false,
);

/// The words the first alternative of [`ALT_TEXT`] ends with.
const ALT_TEXT_ENDINGS: &[&str] = &[
    "logo",
    "logotype",
    "background",
    "icon",
    "avatar",
    "banner",
    "thumbnail",
    "placeholder",
    "sprite",
    "spinner",
    "loader",
    "image",
    "img",
    "picture",
];

/// A cheap necessary condition for [`ALT_TEXT`] on a core: it opens like the second
/// alternative, or it ends with a word the first ends with (ASCII case ignored), or a non-ASCII
/// byte is among its last twelve (the Kelvin sign and long s fold to `k` and `s`).
fn may_be_alt_text(c: &str) -> bool {
    if ALT_TEXT_OPENINGS.may_open(c) {
        return true;
    }
    let b = c.as_bytes();
    if !b[b.len().saturating_sub(12)..].is_ascii() {
        return true;
    }
    ALT_TEXT_ENDINGS
        .iter()
        .any(|w| b.len() >= w.len() && b[b.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes()))
}

/// Fewest words of the paragraphs around a `Background` subheading.
const PARAGRAPH_WORDS: u32 = 10;

/// Words that make `... background` an image's look, not an article's section: colours and
/// finishes (`Orange background`, `Dark blue background`, `Blurred background`).
const LOOKS: &[&str] = &[
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "violet",
    "pink",
    "brown",
    "black",
    "white",
    "grey",
    "gray",
    "gold",
    "golden",
    "silver",
    "beige",
    "dark",
    "light",
    "transparent",
    "gradient",
    "blurred",
    "blurry",
    "textured",
    "solid",
    "colored",
    "coloured",
    "abstract",
];

/// A news article's subheading, not an image's label: a capitalised `Background` (`Historical
/// background`) between two paragraphs that end like sentences, with no colour or finish
/// before it ([`LOOKS`]: `Orange background` is an image's).
fn background_subheading(doc: &Document, i: usize, c: &str) -> bool {
    let looks = || {
        c.split_whitespace()
            .any(|w| LOOKS.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let paragraph = |j: Option<usize>| {
        j.is_some_and(|j| {
            doc.info(j).words >= PARAGRAPH_WORDS
                && doc
                    .line(j)
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '”', '»'])
        })
    };
    c.len()
        .checked_sub(10)
        .and_then(|at| c.get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case("background"))
        && c.starts_with(|ch: char| ch.is_uppercase())
        && !looks()
        && paragraph((0..i).rev().find(|&j| !doc.is_blank(j)))
        && paragraph((i + 1..doc.n_lines()).find(|&j| !doc.is_blank(j)))
}

impl Rule for AltTextLeftover {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let words = doc.info(i).words;
            let line = doc.line(i);
            let alt = words <= 3 && {
                let c = line_core(doc, i);
                may_be_alt_text(c)
                    && ALT_TEXT.is_match(c)
                    && !NOT_A_LABEL.is_match(c)
                    && !background_subheading(doc, i, c)
            };
            let credit = words <= 10 && {
                let t = line.trim();
                CREDIT_OPENINGS.may_open(credit_start(t))
                    && (CREDIT.is_match(t) || names_a_photographer(t))
            };
            if alt || credit {
                out.push(Removal::line(&Self::META, i).with_note(if alt {
                    "alt text"
                } else {
                    "credit line"
                }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::core;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&AltTextLeftover, text)
    }

    #[test]
    fn background_between_two_paragraphs_is_a_subheading() {
        let para = "The council voted on Tuesday to rebuild the old harbour wall before winter.";
        let t = format!("{para}\n\nBackground\n\n{para}\nHistorical background\n{para}");
        assert_eq!(removed(&t), Vec::<usize>::new());
        // a colour or finish makes it an image's look, between paragraphs too
        for label in [
            "Orange background",
            "Dark blue background",
            "Blurred background",
        ] {
            let t = format!("{para}\n\n{label}\n\n{para}");
            assert_eq!(removed(&t), vec![2], "{label}");
        }
        // an image's label: lowercase, or not between paragraphs
        let t = format!("{para}\nbackground\n{para}\nBackground\nHome\nOrange background");
        assert_eq!(removed(&t), vec![1, 3, 5]);
        // a label whose last ten bytes start inside a character is no subheading (no panic)
        let t = format!("{para}\nFoto €€€€\nFoto Zürich-Süd\n{para}");
        let _ = removed(&t);
        assert!(!background_subheading(
            &Document::from_text("x\nFoto €€€€\ny".to_string(), 1, 0),
            1,
            "Foto €€€€"
        ));
    }

    #[test]
    fn pretests_let_every_alternative_through() {
        let credits = [
            "Photo: Ministry of Defence",
            "Photos: AP",
            "Image: Reuters",
            "Picture: PA",
            "Foto: dpa",
            "Fotos: dpa",
            "Bild: Keystone",
            "Bilder: Keystone",
            "Imagen: EFE",
            "Beeld: ANP",
            "Zdjęcie: Reuters",
            "(LUSA)",
            "Imagem: Lusa",
            "Immagine: Ansa",
            "Fotografía: EFE",
            "Fotografia: EFE",
            "Crédit photo : AFP",
            "Crédits photo: AFP",
            "Crédit: AFP",
            "Credit: AFP",
            "Credits: AFP",
            "Photograph: Jane Doe",
            "Illustration: Jane Doe",
            "Grafik: dpa",
            "Video: Reuters",
            "Bildquelle: dpa",
            "Fotoquelle: dpa",
            "Photo by Jane Doe",
            "Photo von Jane Doe",
            "Foto de Jane Doe",
            "Photo par Jane Doe",
            "Photo © AFP",
            "Quelle: Foto Jane Doe",
            "Bildquelle: Foto dpa",
            "Fotoquelle: Bild dpa",
            "Photographs by Jane Doe",
            "Pictures by Jane Doe",
            "Fotos von Jane Doe",
            "Fotografía de Jane Doe",
            "Photo via Pixabay",
            "Image via Unsplash",
            "Picture via Flickr",
            "Foto via Pixabay",
            "Bild via Pixabay",
            "AFP",
            "AP",
            "Reuters",
            "Getty Images",
            "EPA",
            "DPA",
            "Shutterstock",
            "iStock",
            "Keystone",
            "ANSA",
            "EFE",
            "Anadolu",
            "AFP / Jane Doe",
            "(AFP)",
            "(Quelle: Foto Jane Doe)",
            "(Bildquelle: dpa)",
            ". Photo: AP",
            "[Photo: AP",
            "( Foto: dpa",
            ".(AFP)",
            "[(Reuters)",
        ];
        for l in credits {
            assert!(CREDIT.is_match(l), "{l:?} should match");
        }
        let starts: Vec<&str> = credits.iter().map(|l| credit_start(l)).collect();
        crate::rules::shape::assert_openings_cover(&CREDIT_OPENINGS, &CREDIT, |l| l, &starts);
        let named = [
            "Beeld ANP",
            "Fot. PAP",
            "Fot. Anna Nowak / PAP",
            "(Beeld Jan de Vries",
        ];
        for l in named {
            assert!(names_a_photographer(l), "{l:?} should match");
        }
        let starts: Vec<&str> = named.iter().map(|l| credit_start(l)).collect();
        crate::rules::shape::assert_openings_cover(&CREDIT_OPENINGS, &NAMED_CREDIT, |l| l, &starts);
        let alt_texts = [
            "logo",
            "site logo",
            "site-logo",
            "Main site logo",
            "brand_logotype",
            "Orange background",
            "icon",
            "user avatar",
            "top banner",
            "video thumbnail",
            "placeholder image",
            "placeholder",
            "sprite",
            "loading spinner",
            "page loader",
            "image",
            "img",
            "header picture",
            "Logo",
            "Logo Example News",
            "Icon set",
            "Avatar",
            "Image 1",
            "Img",
            "Picture one two",
            "Photo of",
            "Bild 3",
            "Foto",
            "Imagen principal",
            "Placeholder image",
            "LOGO",
            "bac\u{212a}ground",
            "Example Logotype",
        ];
        for l in alt_texts {
            for v in [l.to_string(), l.to_uppercase(), l.to_lowercase()] {
                let c = core(&v);
                if ALT_TEXT.is_match(c) {
                    assert!(may_be_alt_text(c), "{v:?} is turned down");
                } else {
                    assert!(v != l, "{l:?} should match");
                }
            }
        }
        for l in ["The harbour plan", "Jane Doe", "Logos and more words here"] {
            assert!(!ALT_TEXT.is_match(core(l)), "{l:?}");
        }
        assert!(!may_be_alt_text("Jane Doe") && !may_be_alt_text("Harbour"));
        assert!(!CREDIT_OPENINGS.may_open(credit_start("(Jane Doe)")));
    }

    #[test]
    fn leftovers_go() {
        assert_eq!(removed("logo\nOrange background\nsite-logo\nPhoto: Ministry of Defence\nFoto: dpa\n(AFP)\nGetty Images"), vec![0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn credits_in_more_languages_go() {
        assert_eq!(
            removed("Imagen: Télam\nFotografía: EFE\nImmagine: Ansa\nBild via Pixabay\nPhotograph by Jane Doe\n(Quelle: Foto Jane Doe)\n. Imagen: Télam\n(Bildquelle: Ring der Jugend)\nFoto von Max Muster"),
            (0..9).collect::<Vec<_>>()
        );
        assert!(removed("The photo via satellite showed the damage to the port.").is_empty());
        assert!(
            removed("Photo by photo, the archive grew.\nQuelle: Statistisches Bundesamt")
                .is_empty()
        );
    }

    #[test]
    fn captions_and_prose_stay() {
        assert!(removed("Photographers gathered outside the court on Monday.\nA picture of the bridge\nThe logo was redesigned in 2019 by a local studio.").is_empty());
    }

    /// [`names_a_photographer`] accepts exactly the lines the bounded pattern it replaced
    /// (`[\p{L}\s.]{1,40}`, costly to compile) accepted, around the bound and the slash.
    #[test]
    fn named_credit_keeps_the_bound_of_forty() {
        let bounded = regex::Regex::new(
            r"(?ix)^[.(\[]?\s*(?:beeld|fot\.)\s+(?-i:\p{Lu})[\p{L}\s.]{1,40}(?:\s*/\s*[\w\s]+)?$",
        )
        .unwrap();
        let mut lines = Vec::new();
        for opening in ["Beeld ", "fot. ", "(Beeld  ", ". Fot.\t"] {
            for len in [0, 1, 2, 38, 39, 40, 41, 60] {
                let name: String = "Jan de Vries. Éva Ñúñez "
                    .chars()
                    .cycle()
                    .take(len)
                    .collect();
                for tail in [
                    "",
                    " ",
                    "   ",
                    " / ANP",
                    "/PAP",
                    "   /  PAP 2",
                    " / ",
                    "1",
                    ". ",
                ] {
                    lines.push(format!("{opening}A{name}{tail}"));
                    lines.push(format!("{opening}A{}{tail}", " ".repeat(len)));
                }
            }
        }
        for l in &lines {
            assert_eq!(names_a_photographer(l), bounded.is_match(l), "{l:?}");
        }
        let matched = lines.iter().filter(|l| bounded.is_match(l)).count();
        assert!(
            matched > 100 && matched + 100 < lines.len(),
            "{matched} of {}",
            lines.len()
        );
    }
}
