//! R019: a blog engine's post-meta footer ("This entry was posted in ... Bookmark the permalink.").

use super::shape::{may_hold_any, Lazy, LazyWords, FOOTER_ANY};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A blog engine's post-meta footer: the line a theme prints under every post, naming when
    /// and where the post was filed and how to follow it. `This entry was posted in News and
    /// tagged harbour. Bookmark the permalink.`, `This entry was posted on March 3, 2008 at
    /// 7:14 pm and is filed under Travel. You can follow any responses to this entry through
    /// the RSS 2.0 feed.`, `You can leave a response, or trackback from your own site.`,
    /// `Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin.`,
    /// `Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und
    /// wurde unter Allgemein abgelegt.`, `Cet article a été publié dans Actualités.`,
    /// `Esta entrada fue publicada en Noticias.`, `Questa voce è stata pubblicata in Notizie.`;
    /// and the header some themes print above the post instead, a date and author with the
    /// comment link glued on: `Posted on 6 July 2015 by Jane Doe — Leave a reply`,
    /// `Veröffentlicht am 6. Juli 2015 von Jane Doe — 3 Kommentare`.
    ///
    /// These are the stock sentences of blog themes (and their translations), the same on
    /// every post of a site; they describe the page, not the article. A line of at most eighty
    /// words that holds one goes whole: the footer's sentences come together on one line.
    ///
    /// Known false positives: an article about blogging that quotes such a sentence in a short
    /// paragraph of its own.
    pub struct PostMetaFooter => ("R019", "post-meta-footer", Category::Chrome);
}

/// Phrases one of which every footer holds: a cheap test before the regex (narrow enough that
/// the regex runs on few lines).
pub(crate) const CUE_WORDS: &[&str] = &[
    "was posted",
    "was filed",
    "was published",
    "responses to this",
    "leave a response",
    "pings are",
    "trackbacks are",
    "permalink",
    "eintrag wurde",
    "beitrag wurde",
    "artikel wurde",
    "lesezeichen",
    "a été publi",
    "a été post",
    "a été class",
    "permalien",
    "fue publicada",
    "foi publicada",
    "enlace permanente",
    "stata pubblicata",
    "werd geplaatst",
    "veröffentlicht am",
    "posted on",
    "published on",
    "publié le",
    "publicado el",
];
static CUES: LazyWords = LazyWords::new(CUE_WORDS);

static FOOTER: Lazy = Lazy::new(
    r"(?ix)
      \bthis\s+(?:entry|post)\s+was\s+(?:posted|filed|published)\s+(?:in|on|by|under)\b
    | \byou\s+can\s+follow\s+any\s+responses\s+to\s+this\s+(?:entry|post)\b
    | \byou\s+can\s+(?:leave\s+a\s+response|skip\s+to\s+the\s+end\s+and\s+leave\s+a\s+response)
    | \bboth\s+comments\s+and\s+pings\s+are\s+currently\s+closed\b
    | \btrackbacks\s+are\s+closed,\s+but\s+you\s+can\s+post\s+a\s+comment\b
    | \bbookmark\s+the\s+permalink\b
    | ^(?:\S+\s+){0,3}dieser\s+(?:eintrag|beitrag|artikel)\s+wurde\s+(?:am\s|unter\s|in\s|veröffentlicht|abgelegt|von\s)
    | ^der\s+beitrag\s+wurde\s+am\s.{0,80}?\s(?:veröffentlicht|abgelegt)\b
    | \bsetze\s+ein\s+lesezeichen\s+(?:auf\s+den\s+)?permalink\b
    | \blesezeichen\s+für\s+den\s+permalink\b
    | ^(?:cet?\s+(?:article|billet)|cette\s+entrée)\s+a\s+été\s+(?:publiée?|postée?|classée?)\s+(?:dans|le|par|sous)\b
    | \bajouter\s+(?:un\s+signet|aux\s+favoris)\s+(?:le\s+|au\s+)?permalien\b
    | ^esta\s+entrada\s+(?:fue\s+publicada|foi\s+publicada)\s+(?:en|em|el|por)\b
    | \bguarda\s+el\s+enlace\s+permanente\b
    | ^questa\s+voce\s+è\s+stata\s+pubblicata\s+(?:in|il)\b
    | ^dit\s+(?:bericht|item)\s+werd\s+geplaatst\s+in\b
    | ^(?:veröffentlicht|posted|published|publié|publicado)\s+(?:am|on|le|el)\s.{4,40}\s(?:von|by|par|por)\s.{2,40}\s[—–-]\s+(?:hinterlasse\s+eine\s+antwort|leave\s+a\s+(?:reply|comment)|laisser\s+un\s+commentaire|deja\s+un\s+comentario|\d+\s+(?:kommentare?|comments?|commentaires?|comentarios?))
    ",
);

/// Longest line that can be a footer, in words.
const MAX_WORDS: u32 = 80;

impl Rule for PostMetaFooter {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            if doc.info(i).words > MAX_WORDS {
                continue;
            }
            let line = doc.line(i).trim();
            if may_hold_any(doc, i, FOOTER_ANY) && CUES.is_match(line) && FOOTER.is_match(line) {
                out.push(Removal::line(&Self::META, i).with_note("post-meta footer"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&PostMetaFooter, text)
    }

    #[test]
    fn footers_go() {
        let text = "This entry was posted in News and tagged harbour by Jane Doe. Bookmark the permalink.\n\
            This entry was posted on March 3, 2008 at 7:14 pm and is filed under Travel. You can follow any responses to this entry through the RSS 2.0 feed.\n\
            You can leave a response, or trackback from your own site.\n\
            Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin. Permanentlink.\n\
            Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.\n\
            Cet article a été publié dans Actualités. Ajouter aux favoris le permalien.\n\
            Esta entrada fue publicada en Noticias.\n\
            Questa voce è stata pubblicata in Notizie.\n\
            Posted on 6 July 2015 by Jane Doe — Leave a reply\n\
            Veröffentlicht am 6. Juli 2015 von Jane Doe – 3 Kommentare\n";
        assert_eq!(removed(text), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn prose_stays() {
        let text = "The first entry in the diary was written in 1912.\n\
            Dieser Beitrag ist Teil unserer Serie über den Hafen.\n\
            She posted the article on her blog and it spread quickly.\n\
            Posted on Monday by the mayor - a comment on the harbour plan.\n";
        assert!(removed(text).is_empty());
    }
}
