//! R014: image alt-text and label leftovers ("logo", "Orange background") and credit lines.

use super::shape::{core, Lazy};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// Text of an image rather than of the article: alt texts and labels of one to three words
    /// naming a graphic element (`logo`, `site logo`, `Orange background`, `placeholder image`,
    /// `avatar`, `icon`, `thumbnail`), and photo credit lines (`Photo: Ministry of Defence`,
    /// `Image: Reuters`, `Foto: dpa`, `Bild: Keystone`, `Imagen: EFE`, `Bild via Pixabay`,
    /// `Crédit photo : AFP`, `(AFP)`, `Getty Images`, `Photograph by Jane Doe`, `(Quelle: Foto
    /// Jane Doe)`, `(Bildquelle: dpa)`).
    ///
    /// Credits are matched only as a short line (at most ten words) that starts with a credit
    /// label (after an opening bracket or a stray full stop, at most), or is only an agency
    /// name; a caption that ends in a credit is R018's.
    ///
    /// Known false positives: a subheading that is literally "Background" plus one word
    /// ("Historical background") is removed.
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
        (?:photo|image|picture|foto|bild|fotos|bilder|imagen|imagem|immagine|fotograf[ií]a|crédits?\s+photo|cr[ée]dit|credits?|photograph|illustration|grafik|video|bildquelle|fotoquelle)s?
        (?:\s+(?:by|von|de|par))?\s*[:©]\s*\S.*
      | (?:bild|foto)?quelle\s*:\s*(?:foto|bild)\b.*
      | (?:photo|photograph|picture|foto|fotografía)s?\s+(?:by|von|de|par)\s+(?-i:\p{Lu}).*
      | (?:photo|image|picture|foto|bild)\s+via\s+\S.*
      | \(?(?:afp|ap|reuters|getty\s+images|epa|dpa|shutterstock|istock|keystone|ansa|efe|anadolu)(?:\s*/\s*[\w\s]+)?\)?
    )$",
);

impl Rule for AltTextLeftover {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let words = doc.info(i).words;
            let line = doc.line(i);
            let c = core(line);
            let alt = words <= 3 && ALT_TEXT.is_match(c) && !NOT_A_LABEL.is_match(c);
            let credit = words <= 10 && CREDIT.is_match(line.trim());
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

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&AltTextLeftover, text)
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
}
