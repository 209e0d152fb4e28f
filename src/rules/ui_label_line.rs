//! R003: lines that are only the label of a page widget (font size, print, share, listen).

use super::shape::{core, Lazy};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line that is only a UI widget's label: font-size controls (`TT`, `A+ A-`, `A A A`), print,
    /// listen, save, share and the names of share targets.
    ///
    /// Scrapers keep the visible text of buttons. Such a line carries no content: `TT` is the label
    /// of a font-size widget, `Print`/`Drucken`/`Imprimer`/`Imprimir`, `Listen`/`Vorlesen`/
    /// `Écouter`/`Escuchar`, `Share`/`Teilen`/`Partager`/`Compartir`, `Copy link`, comment and
    /// learn-more buttons (`Kommentieren`, `Commenter`, `Learn more`, `Mehr erfahren`), menu
    /// toggles (`Toggle navigation`, `Menü öffnen`, `Menu`), search boxes (`Search`, `Suche nach:`,
    /// `Buscar`), a site's footer links (`Contact us`, `Impressum`, `Privacy policy`, `Terms of
    /// use`, `Sitemap`, `RSS`), back links (`Back to top`, `Zurück zur
    /// Übersicht`, `Volver arriba`), audio players (`Escucha esta nota`), log-in buttons (`Log in`,
    /// `Anmelden`, `Iniciar sesión`), recipe buttons (`Print recipe`, `Pin it`), embed placeholders
    /// (`Externer Inhalt`), reading times (`4 min read`, `Lesezeit: 3 Minuten`), share counters and
    /// prompts (`0 shares`, `Sharing is caring!`), image-viewer buttons (`Enlarge this image`,
    /// `View larger image`, `Bild vergrößern`), feedback prompts (`Was this article helpful?`, `Did
    /// you enjoy this article?`, `War dieser Artikel hilfreich?`), and share bars: a line of share
    /// targets (`Facebook Twitter WhatsApp Email`), or two or more lines in a row each naming one
    /// target (`* Pinterest` / `* Facebook` / `* Reddit`). Only whole lines of at most six words
    /// are matched, case-insensitively; an article toolbar, a line of at most ten words made only
    /// of two or more actions (`Print Email Return to Top`, `Email to a friend | Printer friendly`,
    /// `Text Size Print Email RSS`, `Jump to Recipe Print Recipe Pin Recipe`), goes too. Post
    /// navigation is matched by its opening, in a line of at most 30 words: a link to the previous
    /// or next post with its title (`Previous article <title>`, `Nächster Beitrag: <title>`,
    /// `Artículo anterior <title>`, `← <older title> → <newer title>`). A file link, a line of
    /// at most 30 words naming a file type or a download with the file's size (`Übersicht der
    /// Steuergegenstände PDF | 58 KB`, `Annual report (PDF, 1.2 MB)`, `Download (123 KB)`), goes
    /// as well.
    ///
    /// Example: the line `TT` between a headline block and its copy.
    ///
    /// Known false positives: an article whose paragraph is literally one of these words
    /// (a one-word line "Print." in a list of options) is removed, and so is a bulleted list of
    /// platform names in an article about social media (`* Facebook` / `* Reddit`).
    pub struct UiLabelLine => ("R003", "ui-label-line", Category::Marker);
}

static LABEL: Lazy = Lazy::new(
    r"(?ix)^(?:
        tt | t\s?t | a\s?\+?\s?a\s?-? | a\s?-\s?a\s?\+ | a\s?a\s?a | a\+ | a- | aa
      | (?:font|text)\s+size | schriftgröße | taille\s+du\s+texte | tamaño\s+de\s+(?:letra|fuente)
      | print(?:\s+(?:this\s+)?(?:page|article|story))? | drucken | imprimer | imprimir | stampa
      | listen(?:\s+to\s+(?:this\s+)?(?:article|story|page))? | vorlesen | anhören | écouter | escuchar | ascolta
      | share(?:\s+(?:this|on))?(?:\s+(?:article|story|page|post))? | teilen | artikel\s+teilen | partager | compartir | condividi
      | save(?:\s+(?:article|story|for\s+later))? | merken | speichern | enregistrer | guardar
      | copy\s+link | link\s+kopieren | copier\s+le\s+lien | copiar\s+enlace
      | e-?mail | tweet | bookmark | zoom | resize | close | schließen | fermer | cerrar
      | (?:beitrag|seite|post)\s+teilen | kommentieren | commenter | comentar | commenta
      | learn\s+more | mehr\s+erfahren | en\s+savoir\s+plus | saiba\s+mais | inf[oó]rmate\s+m[aá]s
      | read\s+more | continue\s+reading | weiterlesen | mehr\s+lesen | lire\s+la\s+suite | leer\s+m[aá]s | seguir\s+leyendo
      | (?:toggle|open|close|show|hide)\s+(?:the\s+)?(?:navigation|menu|search) | main\s+menu | menu | menü
      | search(?:\s+(?:for|here|this\s+site|the\s+site|site|articles))? | suche(?:n)?(?:\s+nach)? | suchbegriff(?:\s+eingeben)?
      | suche\s+in\s+(?:allen\s+)?(?:inhalten|beiträgen|artikeln) | buscar | búsqueda | rechercher | szukaj
      | terms\s+(?:and|&)\s+conditions | terms\s+of\s+(?:use|service) | privacy(?:\s+(?:policy|statement|notice))? | cookie\s+policy
      | contact\s+us | about\s+us | advertise(?:\s+with\s+us)? | site\s?map | rss | impressum | datenschutz(?:erklärung)? | kontakt
      | aviso\s+legal | pol[ií]tica\s+de\s+privacidad | contacto | mentions\s+légales | nous\s+contacter
      | (?:menü|navigation|suche)\s+(?:öffnen|schließen|umschalten) | abrir\s+men[uú] | ouvrir\s+le\s+menu
      | back(?:\s+to\s+(?:top|overview|the\s+list|list|home))? | zurück(?:\s+zu[mr]?\s+(?:übersicht|startseite|liste|anfang))? | nach\s+oben
      | volver(?:\s+(?:arriba|al\s+inicio))? | retour(?:\s+en\s+haut)? | escuchar?\s+(?:esta|la)\s+(?:nota|noticia)(?:\s+aqu[ií])?
      | (?:log|sign)\s+in | login | einloggen | anmelden | se\s+connecter | connexion | iniciar\s+sesi[oó]n | ingresar | entrar
      | print\s+recipe | rezept\s+drucken | imprimir\s+receta | imprimer\s+la\s+recette | pin\s+it | pinnen | erfahre\s+mehr
      | dowiedz\s+się\s+więcej | externer\s+inhalt | empfohlener\s+redaktioneller\s+inhalt | external\s+content
      | \d{1,3}\s*[-\s]?\s*min(?:ute)?s?\.?\s+(?:read|reading\s+time|lesezeit|de\s+lectura|lecture|di\s+lettura)
      | (?:reading\s+time|lesezeit|lesedauer|tiempo\s+de\s+lectura|temps\s+de\s+lecture|tempo\s+di\s+lettura)\s*:?\s*(?:ca\.?\s*)?\d{1,3}\s*min(?:ute[ns]?|utos)?\.?
      | skip\s+to\s+(?:main\s+)?content | zum\s+inhalt\s+springen | aller\s+au\s+contenu | ir\s+al\s+contenido
      | \d[\d.,]*\s*k?\s+shares? | sharing\s+is\s+caring!?
      | (?:sharen|teilen|share)\s+(?:mit|with|via)\s*:? | podziel\s+się | udostępnij
      | (?:diese[ns]?\s+\w+\s+)?als\s+pdf\s+herunterladen | download\s+(?:as\s+)?pdf
      | (?:click\s+(?:here\s+)?to\s+)?enlarge(?:\s+(?:this\s+)?(?:image|photo|picture))? | view\s+(?:larger|full[-\s]size)(?:\s+(?:image|photo|picture))?
      | (?:bild\s+|foto\s+)?vergrößern | agrandir(?:\s+l'image)? | ampliar(?:\s+(?:imagen|foto))? | ingrandisci
      | (?:did\s+you\s+(?:enjoy|like|find)|was|is)\s+this\s+(?:article|page|post|story|answer|information)(?:\s+(?:helpful|useful))?\s*\??
      | (?:war|ist)\s+(?:dieser\s+artikel|diese\s+seite|dieser\s+beitrag)\s+hilfreich\s*\?? | cet\s+article\s+vous\s+a-t-il\s+été\s+utile\s*\??
    )$",
);

/// Post navigation: a link to the previous or next post, with its title (`Previous article
/// The harbour plan`, `Nächster Beitrag: ...`, `← Older title → Newer title`).
static POST_NAVIGATION: Lazy = Lazy::new(
    r"(?ix)^(?:
        (?:previous|next|older|newer)\s+(?:article|post|story|entry)\b
      | (?:vorheriger|voriger|nächster|älterer|neuerer)\s+(?:artikel|beitrag|eintrag)\b
      | (?:article|billet)\s+(?:précédent|suivant)\b
      | (?:art[ií]culo|entrada|nota)\s+(?:anterior|siguiente)\b
      | (?:post|beitrags)-?navigation$
      | ←\s*\S.{0,150}\s→\s*\S
    )",
);

/// Longest post-navigation line, in words.
const NAVIGATION_MAX_WORDS: u32 = 30;

/// An article toolbar: a line made only of two or more actions (`Print Email Return to Top`,
/// `Email to a friend | Printer friendly`, `Text Size Print Email RSS`, `Jump to Recipe Print
/// Recipe Pin Recipe`), each followed by a separator (spaces, bars, bullets, colons) or by the
/// end of the line.
static TOOLBAR: Lazy = Lazy::new(
    r"(?ix)^(?:(?:
        print(?:\s+(?:this|the))?(?:\s+(?:article|story|page|version|recipe))? | printer[\s-]friendly(?:\s+version)?
      | e-?mail(?:\s+(?:this|the))?(?:\s+(?:article|story|page))?(?:\s+to\s+a\s+friend)? | e-?mail\s+us
      | send\s+(?:this\s+)?(?:article|story|page)?(?:\s+to\s+a\s+friend)? | send\s+to\s+a\s+friend
      | share(?:\s+(?:this|on))?(?:\s+(?:article|story|page|post|options))? | tweet(?:\s+(?:this|it))?
      | save(?:\s+(?:this|to))?(?:\s+(?:article|story|page|favorites|favourites))? | bookmark(?:\s+this)?
      | recommend(?:\s+this)? | comment | comments | add\s+(?:a\s+)?comments? | leave\s+a\s+comment
      | (?:text|font)\s+size | rss(?:\s+feed)? | (?:return|back)\s+to\s+top | top | digg(?:\s+(?:this|it))?
      | del\.icio\.us | facebook | twitter | linkedin | reddit | whatsapp | pinterest
      | drucken | teilen | versenden | merken | kommentieren | imprimir | compartir | enviar | imprimer
      | partager | envoyer | pin(?:\s+(?:it|recipe))? | pinnen | (?:jump\s+to|go\s+to|zum|ir\s+a\s+la|aller\s+à\s+la)\s+(?:recipe|rezept|receta|recette)
    )(?:[\s|·•/:,]+|[\s!.]*$)){2,}$",
);

/// Longest toolbar line, in words.
const TOOLBAR_MAX_WORDS: u32 = 10;

/// A link to a file with its type or the word download and its size: `Übersicht der
/// Steuergegenstände PDF | 58 KB`, `Annual report (PDF, 1.2 MB)`, `Download (123 KB)`.
static FILE_LINK: Lazy = Lazy::new(
    r"(?ix)\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub)\b\W{0,3}(?:\|\s*)?\(?\d+(?:[.,]\d+)?\s?(?:kb|mb|kib|mib)\b
      | \b(?:download|herunterladen|datei)\b.{0,20}\(?\d+(?:[.,]\d+)?\s?(?:kb|mb)\b",
);

/// Longest file link, in words.
const FILE_LINK_MAX_WORDS: u32 = 30;

/// Whether `line` holds a file size: a digit, perhaps a space, then `kb` or `mb` (any case), a
/// cheap necessary condition for [`FILE_LINK`].
fn has_file_size(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'k' | b'K' | b'm' | b'M')
            && matches!(b.get(i + 1), Some(b'b' | b'B'))
            && i > 0
            && (b[i - 1].is_ascii_digit()
                || (b[i - 1] == b' ' && i > 1 && b[i - 2].is_ascii_digit()))
    })
}

/// Share targets and the bar's own buttons (print, share, copy, in several languages); a line
/// made only of these (two or more) is a share bar.
static SHARE_TARGET: Lazy = Lazy::new(
    r"(?i)^(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|mail|print|messenger|flipboard|tumblr|xing|copy|link|share|sms|threads|bluesky|vk|mix|pocket|digg|stumbleupon|drucken|imprimir|imprimer|stampa|teilen|compartir|partager|condividi|tweet|pin|pinnen|instagram|youtube|tiktok|mastodon|gmail|outlook|skype|viber|weibo|wechat|kopieren|copiar|copier)$",
);

impl Rule for UiLabelLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        // lines naming one share target each, removed when two or more follow each other
        let mut targets: Vec<usize> = Vec::new();
        let flush = |targets: &mut Vec<usize>, out: &mut Vec<Removal>| {
            if targets.len() >= 2 {
                for &i in targets.iter() {
                    let c = core(doc.line(i));
                    out.push(
                        Removal::line(&Self::META, i)
                            .with_note(format!("share target {c:?} in a share bar")),
                    );
                }
            }
            targets.clear();
        };
        for i in doc.paragraphs() {
            if targets.last().is_some_and(|&t| t + 1 != i) {
                flush(&mut targets, out);
            }
            let info = doc.info(i);
            if info.words <= FILE_LINK_MAX_WORDS
                && has_file_size(doc.line(i))
                && FILE_LINK.is_match(doc.line(i))
            {
                flush(&mut targets, out);
                out.push(Removal::line(&Self::META, i).with_note("file link"));
                continue;
            }
            if info.words <= NAVIGATION_MAX_WORDS && POST_NAVIGATION.is_match(doc.line(i).trim()) {
                flush(&mut targets, out);
                out.push(Removal::line(&Self::META, i).with_note("post navigation"));
                continue;
            }
            if info.words > 6 {
                flush(&mut targets, out);
                if info.words <= TOOLBAR_MAX_WORDS && TOOLBAR.is_match(core(doc.line(i))) {
                    out.push(Removal::line(&Self::META, i).with_note("article toolbar"));
                }
                continue;
            }
            let c = core(doc.line(i));
            // the words, counted, and whether each is a share target (tested up to the first
            // that is not), in one pass with no buffer
            let (mut words, mut all_targets) = (0usize, true);
            for w in c
                .split(|ch: char| ch.is_whitespace() || ch == '|' || ch == '/' || ch == ',')
                .filter(|w| !w.is_empty())
            {
                words += 1;
                all_targets = all_targets && SHARE_TARGET.is_match(w);
            }
            let all_targets = words > 0 && all_targets;
            if LABEL.is_match(c) || (words >= 2 && (all_targets || TOOLBAR.is_match(c))) {
                flush(&mut targets, out);
                out.push(Removal::line(&Self::META, i).with_note(format!("widget label {c:?}")));
            } else if words == 1 && all_targets {
                targets.push(i);
            } else {
                flush(&mut targets, out);
            }
        }
        flush(&mut targets, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&UiLabelLine, text)
    }

    #[test]
    fn labels_go() {
        assert_eq!(
            removed("TT\nA+ A-\nPrint\nDrucken\nCompartir\nFacebook Twitter WhatsApp\nwhatsapp pinterest facebook twitter mail Drucken\nCopy link\nBeitrag teilen\nKommentieren\nLearn more\nInfórmate más\nToggle navigation\nMenü öffnen\n* Menu\nBack to top\nZurück zur Übersicht\nVolver arriba\nESCUCHA ESTA NOTA AQUÍ\nLog in\nIniciar sesión\nRezept drucken\nPin it\nExterner Inhalt\n4 Min Read\n5-minute read\nLesezeit: 3 Minuten\nTiempo de lectura: 2 min"),
            (0..28).collect::<Vec<_>>()
        );
    }

    #[test]
    fn post_navigation_and_more_labels_go() {
        assert_eq!(
            removed("Previous article The harbour plan explained\nNächster Beitrag: Warum der Rat nein sagte\nArtículo anterior Las obras del puerto\n← Older post title → Newer post title\nSharen mit:\nPodziel się\nDieses Skript als PDF herunterladen"),
            (0..7).collect::<Vec<_>>()
        );
        assert!(removed("The next article in the series looks at the harbour.\nPrevious articles covered the council.").is_empty());
    }

    #[test]
    fn image_viewer_buttons_and_feedback_prompts_go() {
        assert_eq!(
            removed("Enlarge This Image\nClick to enlarge\nView larger image\nBild vergrößern\nWas this article helpful?\nDID YOU ENJOY THIS ARTICLE\nWar dieser Artikel hilfreich?"),
            (0..7).collect::<Vec<_>>()
        );
        assert!(removed("Click to enlarge the map of the harbour.\nWas this article the start of it?\nThe council will enlarge the harbour.").is_empty());
    }

    #[test]
    fn file_links_go() {
        assert_eq!(
            removed("Übersicht der Steuergegenstände PDF | 58 KB | Datei ist nicht barrierefrei\nAnnual report 2023 (PDF, 1.2 MB)\nDownload (123 KB)\nThe file grew to 58 KB after the update.\nThe PDF was 40 pages long."),
            vec![0, 1, 2]
        );
        assert!(
            has_file_size("x 12kB")
                && has_file_size("3 MB")
                && !has_file_size("KB 3")
                && !has_file_size("mb")
        );
    }

    #[test]
    fn search_boxes_go() {
        assert_eq!(
            removed("Search\nSearch for:\nSuche nach:\nSuche …\nSuche in allen Inhalten\nBuscar\n* Contact Us\nImpressum\nPrivacy policy\nTerms of use\n• Site Map"),
            (0..11).collect::<Vec<_>>()
        );
        assert!(removed("Search engines index the harbour site.\nThe search went on for days.\nSuche nach dem Glück").is_empty());
    }

    #[test]
    fn share_bar_of_one_target_per_line_goes() {
        let text =
            "Sharing is caring!\n\n0 shares\n* Pinterest\n* Facebook\n* Mix\n* Reddit\n\nText.";
        assert_eq!(removed(text), vec![0, 2, 3, 4, 5, 6]);
        // one target alone, or targets apart, are words of the article
        assert!(removed("Facebook\n\nIt said so.\n\nTwitter\n\nMix well.").is_empty());
        assert!(removed("Reddit\nThe forum grew fast.").is_empty());
    }

    #[test]
    fn toolbars_go() {
        let text = "Print Email Return to Top\nEmail to a friend Printer friendly\nSend this article: Print Email\nText Size Print Email RSS\nShare Tweet\nAdd comments | Save this page | Bookmark\nFacebook · Twitter · Email\nJump to Recipe Print Recipe Pin Recipe\nZum Rezept Drucken Pinnen";
        assert_eq!(removed(text), (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn sentences_with_toolbar_words_stay() {
        // a toolbar is actions only: a word that is not one keeps the line
        assert!(removed("Print and email were the only ways to reach them\nShare your story with us\nTop Stories\nComments from readers\nSave the date: the festival is back").is_empty());
    }

    #[test]
    fn sentences_with_the_words_stay() {
        assert!(removed("Print editions fell by half.\nShare prices rose.\nListen to the people, she said.\nTTIP talks\nThe menu changes daily.\nBack to the harbour they went.\nLog in to the council's site to see the plans.\n4 minutes read like an hour.").is_empty());
    }
}
