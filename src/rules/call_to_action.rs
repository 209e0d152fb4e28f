//! R012: calls to action: app downloads, newsletters, follow-us, messenger channels.

use super::shape::{line_cues, Lazy, CTA_CUES, CTA_STEMS};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A call to action: download-the-app blurbs and app-store badge text, newsletter sign-ups,
    /// e-mail alerts, "follow us" lines, and invitations to a Telegram or WhatsApp channel, in
    /// English, German, French and Spanish, and the commonest forms in Italian, Portuguese,
    /// Dutch and Polish (`Scarica la nostra app`, `Siga-nos no Instagram`, `Meld je aan voor
    /// onze nieuwsbrief`, `Obserwuj nas`).
    ///
    /// Matched on lines of at most 30 words (a blurb like "Ready to dive in? Download our app
    /// today from your preferred app store" counts) by the vocabulary of the action: *download*
    /// near *app*, an app's label and its download after a colon or dash (`Live scores app:
    /// download now`, `Wetter-App: jetzt herunterladen`), *app store*/*play store*, *subscribe*/*sign up* near *newsletter*, *follow us
    /// on*, *our Telegram channel*. A line with two such cues, or a short line (12 words or
    /// fewer) with one, is removed.
    ///
    /// Also: sign-up and membership imperatives opening a line (`Subscribe now ...`, `Become a
    /// member ...`, `Hazte socio ...`), a newsletter's name alone (`The Valley Times Newsletter`),
    /// donation asks (`We rely on your support ...`, `Support independent journalism`), and
    /// "follow X on Instagram", e-mail update forms (`enter your email below to get free
    /// updates`) and feed subscriptions (`subscribing to the comment feed for this post`), delivery
    /// to the reader's inbox (`Headlines delivered to your inbox`, `direkt in Ihr Postfach`), fear
    /// of missing out (`Never miss a story`, `Verpasse keine News`, `Keine Angebote mehr
    /// verpassen`, `No te pierdas`) and `Sign up here` / `Get the latest updates`.
    ///
    /// Example: `DOWNLOAD THE APP`, `read more in our Telegram-channel`, `app-storeplay-store`.
    ///
    /// Known false positives: a short news sentence about an app launch ("Download the app, the
    /// minister urged") can match.
    pub struct CallToAction => ("R012", "call-to-action", Category::Chrome);
}

static CUES: [Lazy; 19] = [
    // app downloads and store badges
    Lazy::new(
        r"(?i)\b(?:download|get|install|holen\s+sie\s+sich|laden\s+sie|téléchargez|descarga|descargue|scarica|baixe|descarregue|installeer|pobierz)\b.{0,40}\b(?:app|apps|application|aplicación|appli|applicazione|aplicativo|aplicação|aplikację|aplikacji)\b|\b(?:app|apps|application|aplicación|appli|applicazione|aplicativo|aplicação|aplikacja)(?:\s+[^\s:]+){0,3}?\s*[:–—-]\s*(?:download|get|install|(?:jetzt\s+)?herunterladen|téléchargez|télécharger|descarga|descárgala|descargue|scarica|baixe|installeer|downloaden|pobierz)\b",
    ),
    Lazy::new(
        r"(?i)\b(?:on|from|in|im|sur|dans|en)\s+(?:the\s+|your\s+(?:preferred\s+)?|dem\s+|l'|el\s+)?(?:app[\s-]?store|play[\s-]?store|google\s+play|appgallery)|^(?:app[\s-]?store|play[\s-]?store|google\s+play|appgallery)+$",
    ),
    Lazy::new(r"(?i)\bapps?\b.{0,30}\b(?:ios|android)\b"),
    // newsletters
    Lazy::new(
        r"(?i)\b(?:sign\s+up|subscribe|register|join|abonnieren|anmelden|abonnez-vous|inscrivez-vous|suscr[ií]bete|reg[ií]strate|iscriviti|registrati|subscreva|inscreva-se|assine|meld\s+je\s+aan|schrijf\s+je\s+in|abonneer|zapisz\s+się|zamów)\b.{0,50}\b(?:newsletters?|newslettera|bolet[ií]n|boletim|infolettre|nieuwsbrief|mailing\s+list|(?:e-?mail|news|breaking\s+news|text)\s+alerts?)\b",
    ),
    Lazy::new(
        r"(?i)\bnewsletters?\b.{0,20}\b(?:abonnieren|bestellen|anmelden|sign\s+up|subscribe)\b",
    ),
    Lazy::new(r"(?i)^(?:get\s+)?(?:our\s+|the\s+)?(?:\S+\s+){0,3}newsletters?$"),
    // sign-ups and memberships, as an imperative opening the line
    Lazy::new(
        r"(?i)^(?:subscribe|sign\s+up)\s+(?:now|today|here|for\s+free|to\s+(?:get|receive|our|read))\b|\b(?:become\s+a\s+(?:member|subscriber|supporter)|werden\s+sie\s+(?:mitglied|abonnent)|devenez\s+(?:membre|abonné)|hazte\s+(?:miembro|socio|suscriptor))\b",
    ),
    // e-mail updates and feeds
    Lazy::new(r"(?i)\b(?:enter|leave|type)\s+your\s+e-?mail(?:\s+address)?\b"),
    Lazy::new(r"(?i)\b(?:free|e-?mail)\s+updates\b|\bcomments?\s+feed\b"),
    Lazy::new(r"(?i)\bsubscrib\w*\s+(?:to\s+)?(?:the|our|this|my)\s+(?:\w+\s+)?(?:rss|feed)\b"),
    Lazy::new(
        r"(?i)\b(?:sign\s+up|register)\s+here\b|\bget\s+(?:regular|the\s+latest|our\s+latest|weekly|daily)\s+updates\b",
    ),
    // delivery to the reader's inbox, and fear of missing out
    Lazy::new(
        r"(?i)\b(?:to|in|into)\s+your\s+inbox\b|\bin\s+(?:ihr(?:en)?|dein(?:en)?)\s+(?:e-?mail-)?(?:postfach|posteingang)\b",
    ),
    Lazy::new(
        r"(?i)\b(?:never|don'?t|do\s+not)\s+miss\s+(?:a|an|the|out|any)\b|\bverpasse[n]?\s+(?:sie\s+)?(?:keine|nichts)\b|\bmehr\s+verpassen\b|\bno\s+te\s+pierdas\b|\bne\s+manquez\s+(?:rien|aucun)",
    ),
    // donation asks
    Lazy::new(
        r"(?i)\b(?:we\s+rely\s+on\s+(?:your|the|reader)|support\s+(?:our|independent|local|quality)\s+journalism|unterstützen\s+sie\s+(?:uns|unabhängigen|unseren)|apoya\s+(?:el|nuestro)\s+periodismo|soutenez\s+(?:notre|le)\s+journalisme)\b",
    ),
    // follow us, or follow a named account on a network
    Lazy::new(
        r"(?i)^follow\b.{0,40}\bon\s+(?:twitter|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|x)\b",
    ),
    Lazy::new(
        r"(?i)^(?:follow|like|find|join|connect\s+with)\s+us\b|\bfolgen\s+sie\s+uns\b|\bsuivez-nous\b|\bs[ií]guenos\b|\bseguici\b|\b(?:siga|segue)-nos\b|\bvolg\s+ons\b|\bobserwuj\s+nas\b",
    ),
    // messenger channels
    Lazy::new(
        r"(?i)\b(?:our|join|subscribe\s+to|unse[rm]e?n?|notre|nuestro|nostro|nosso|onze|naszym?|receba|ricevi|ontvang)\b.{0,30}\b(?:telegram|whatsapp|signal|viber)\b",
    ),
    Lazy::new(
        r"(?i)\b(?:telegram|whatsapp)[\s-]?(?:channel|group|kanal|chaîne|canal|canale)\b|\b(?:canal|canale|chaîne|grupo|kanaal|kanał)\s+(?:de\s+|do\s+)?(?:telegram|whatsapp)\b",
    ),
    Lazy::new(
        r"(?i)\b[úu]nete\b.{0,60}\b(?:telegram|whatsapp|canal|grupo)\b|\b(?:telegram|whatsapp)\b.{0,60}\b[úu]nete\b",
    ),
];

/// Two or more social networks named in one line: a cue only beside another one ("Síguenos en
/// Telegram, Instagram y Facebook"), since news mentions the networks too.
static NETWORKS: Lazy = Lazy::new(
    r"(?i)\b(?:telegram|instagram|facebook|twitter|tiktok|youtube|whatsapp|linkedin)\b.{0,40}\b(?:telegram|instagram|facebook|twitter|tiktok|youtube|whatsapp|linkedin)\b",
);

/// Stems one of which every cue contains (lowercase): lines without any skip the regexes.
pub(crate) const STEMS: &[&str] = &[
    "app",
    "aplicaci",
    "store",
    "play",
    "newsletter",
    "bolet",
    "infolettre",
    "mailing",
    "follow",
    "like us",
    "find us",
    "join us",
    "connect with",
    "folgen",
    "suivez",
    "guenos",
    "telegram",
    "whatsapp",
    "signal",
    "viber",
    "subscribe",
    "sign up",
    "become a",
    "werden sie",
    "devenez",
    "hazte",
    "rely on",
    "journalism",
    "unterstützen sie",
    "periodismo",
    "journalisme",
    "nete",
    "your e",
    "updates",
    "feed",
    "register",
    "inbox",
    "postfach",
    "posteingang",
    "miss",
    "verpass",
    "pierdas",
    "manquez",
    "nieuwsbrief",
    "aplica",
    "aplikac",
    "seguici",
    "-nos",
    "volg ons",
    "obserwuj",
];

/// Words (lowercase) of which each cue needs one, by cue (bits of [`CTA_CUES`] in the shared cue scan): a cue whose
/// words are all missing from the lowercased line cannot match it, and is not run.
pub(crate) const CUE_WORD_LIST: &[&str] = &[
    "app",         // 0
    "aplicaci",    // 1
    "store",       // 2
    "play",        // 3
    "newsletter",  // 4
    "bolet",       // 5
    "infolettre",  // 6
    "mailing",     // 7
    "subscribe",   // 8
    "sign",        // 9
    "become",      // 10
    "werden",      // 11
    "devenez",     // 12
    "hazte",       // 13
    "mail",        // 14
    "updates",     // 15
    "feed",        // 16
    "subscrib",    // 17
    "rely",        // 18
    "journalism",  // 19
    "unterst",     // 20
    "periodismo",  // 21
    "follow",      // 22
    "like",        // 23
    "find",        // 24
    "join",        // 25
    "connect",     // 26
    "folgen",      // 27
    "suivez",      // 28
    "guenos",      // 29
    "telegram",    // 30
    "whatsapp",    // 31
    "signal",      // 32
    "viber",       // 33
    "nete",        // 34
    "register",    // 35
    "inbox",       // 36
    "postfach",    // 37
    "posteingang", // 38
    "miss",        // 39
    "verpass",     // 40
    "pierdas",     // 41
    "manquez",     // 42
    "alert",       // 43
    "nieuwsbrief", // 44
    "aplica",      // 45
    "aplikac",     // 46
    "seguici",     // 47
    "-nos",        // 48
    "volg",        // 49
    "obserwuj",    // 50
];

const fn bits(ks: &[usize]) -> u64 {
    let mut b = 0;
    let mut i = 0;
    while i < ks.len() {
        b |= 1 << ks[i];
        i += 1;
    }
    b
}

/// For each of [`CUES`], the [`CUE_WORD_LIST`] words one of which it needs.
const CUE_NEEDS: [u64; 19] = [
    bits(&[0, 1, 45, 46]),         // download ... app / aplicación
    bits(&[0, 2, 3]),              // app store, play store, google play, appgallery
    bits(&[0]),                    // apps ... ios / android
    bits(&[4, 5, 6, 7, 43, 44]),   // ... newsletter / boletín / mailing list / e-mail alerts
    bits(&[4]),                    // newsletter ... subscribe
    bits(&[4]),                    // the newsletter's name alone
    bits(&[8, 9, 10, 11, 12, 13]), // subscribe now, become a member ...
    bits(&[14]),                   // enter your e-mail
    bits(&[15, 16]),               // free updates, comments feed
    bits(&[17]),                   // subscribe to the feed
    bits(&[9, 15, 35]),            // sign up here, register here, latest updates
    bits(&[36, 37, 38]),           // to your inbox, in Ihr Postfach
    bits(&[39, 40, 41, 42]),       // never miss, verpasse keine, no te pierdas
    bits(&[18, 19, 20, 21]),       // donation asks
    bits(&[22]),                   // follow ... on <network>
    bits(&[22, 23, 24, 25, 26, 27, 28, 29, 47, 48, 49, 50]), // follow us, folgen Sie uns ...
    bits(&[30, 31, 32, 33]),       // our ... telegram channel
    bits(&[30, 31]),               // telegram channel, canal de telegram
    bits(&[34]),                   // únete ... telegram
];

/// Cues that alone make a line of up to 30 words a call to action (bits into [`CUES`]): a
/// sign-up imperative opening the line, and `sign up here` / `get regular updates`. The others
/// need a second cue past 12 words (an app, a newsletter or an inbox turn up in news too).
const STRONG: u64 = 1 << 6 | 1 << 10;

impl Rule for CallToAction {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        for i in doc.paragraphs() {
            let words = doc.info(i).words;
            if words > 30 {
                continue;
            }
            let line = doc.line(i);
            // cheap prefilter: every cue needs one of these stems (found by the shared scan)
            let cues = line_cues(doc, i);
            if !CTA_STEMS.of(cues) {
                continue;
            }
            // a `(?i)` cue also matches an ASCII `s` with `ſ` (U+017F), which lowercases to
            // itself: such a line runs every cue
            let present = if line.is_ascii() || !line.contains('\u{17F}') {
                CTA_CUES.of(cues)
            } else {
                u64::MAX
            };
            let mut hits = 0;
            for (k, (c, needs)) in CUES.iter().zip(CUE_NEEDS).enumerate() {
                if present & needs != 0 && c.is_match(line) {
                    hits += if STRONG & (1 << k) != 0 { 2 } else { 1 };
                }
            }
            if hits > 0 && NETWORKS.is_match(line) {
                hits += 1;
            }
            if hits >= 2 || (hits == 1 && words <= 12) {
                let note = match hits {
                    1 => "call to action (1 cue)".to_string(),
                    n => format!("call to action (cue weight {n})"),
                };
                out.push(Removal::line(&Self::META, i).with_note(note));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::cues_of_line;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&CallToAction, text)
    }

    #[test]
    fn stems_match_the_lowercased_line() {
        assert!(STEMS.iter().all(|s| s.to_lowercase() == *s));
        for l in [
            "DOWNLOAD",
            "Folgen Sie",
            "",
            "nothing here",
            "İnstall",
            "\u{212A}ANAL",
        ] {
            assert_eq!(
                CTA_STEMS.of(cues_of_line(l)),
                STEMS.iter().any(|s| l.to_lowercase().contains(s)),
                "{l:?}"
            );
        }
    }

    #[test]
    fn cue_words_are_in_every_match() {
        // each cue's needed words: present in the lowercased text of any line the cue matches
        let lines = [
            "DOWNLOAD THE APP",
            "Descarga nuestra aplicación",
            "Get it on Google Play",
            "app-storeplay-store",
            "AppGallery",
            "Our apps for iOS and Android",
            "Sign up for our newsletter",
            "Suscríbete a nuestro boletín",
            "Inscrivez-vous à notre infolettre",
            "Join our mailing list",
            "Newsletter abonnieren",
            "The Valley Times Newsletter",
            "Subscribe now for the whole story",
            "Werden Sie Mitglied",
            "Devenez membre",
            "Hazte socio",
            "Become a member",
            "Enter your e-mail address",
            "Get free updates",
            "subscribing to the comment feed for this post",
            "We rely on your support",
            "Unterstützen Sie unabhängigen Journalismus",
            "Apoya el periodismo",
            "Soutenez notre journalisme",
            "Follow The Valley Times on Instagram",
            "Like us on Facebook",
            "Connect with us",
            "Folgen Sie uns",
            "Suivez-nous",
            "Síguenos",
            "Join our Signal group",
            "Unsere Viber-Gruppe",
            "WhatsApp-Kanal",
            "canal de Telegram",
            "Únete a nuestro grupo",
            "Sign up here",
            "Get the latest updates from our team",
            "Headlines delivered to your inbox",
            "Direkt in Ihr Postfach",
            "Never miss a story",
            "Verpasse keine News",
            "Keine Angebote mehr verpassen!",
            "No te pierdas nada",
            "Ne manquez rien",
            "Scarica l'applicazione gratuita",
            "Baixe o aplicativo",
            "Pobierz naszą aplikację",
            "Live scores app: download now",
            "Iscriviti alla newsletter del lunedì",
            "Assine o nosso boletim",
            "Meld je aan voor de nieuwsbrief",
            "Zapisz się do newslettera",
            "Seguici su Facebook",
            "Siga-nos",
            "Segue-nos no X",
            "Volg ons op LinkedIn",
            "Obserwuj nas na Facebooku",
            "Entra nel nostro canale WhatsApp",
            "Receba as notícias no Telegram",
            "Ons WhatsApp-kanaal",
        ];
        let mut seen = [false; 19];
        for l in lines {
            let present = CTA_CUES.of(cues_of_line(l));
            for (k, c) in CUES.iter().enumerate() {
                if c.is_match(l) {
                    seen[k] = true;
                    assert_ne!(present & CUE_NEEDS[k], 0, "cue {k} on {l:?}");
                }
            }
        }
        assert!(seen.iter().all(|&s| s), "{seen:?}");
        assert!(CUE_WORD_LIST.len() <= 64);
    }

    #[test]
    fn calls_go() {
        let t = "DOWNLOAD THE APP\nGet Started Now: Download the App\nReady to explore? Download our news app today from your preferred app store and start reading.\napp-storeplay-store\nSign up for our newsletter\nSign Up For Breaking News E-mail Alerts\nFollow us on Twitter\nread more in our Telegram-channel\nNewsletter abonnieren";
        assert_eq!(removed(t), (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn sign_ups_donations_and_channels_go() {
        let t = "Subscribe now for the whole story.\nSign up to receive our best stories every week\nThe Valley Times Newsletter\nBecome a member and enjoy exclusive benefits\nWe rely on your support to keep our reporting free for everyone\nFollow The Valley Times on Instagram and on Facebook\n¿Sabías que tenemos un canal de Telegram? Únete desde tu móvil y recibe las noticias\nHazte socio y disfruta de ventajas\nFor the latest news and stories download our apps for iOS and Android from the stores today\nSíguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo nuestras noticias\nIf you liked this post, enter your email address below to get free updates!\nYou can follow this discussion by subscribing to the comment feed for this post.";
        assert_eq!(removed(t), (0..12).collect::<Vec<_>>());
    }

    #[test]
    fn inbox_and_missing_out_go() {
        let t = "Headlines Delivered to Your Inbox\nVerpasse keine News zu Hardware & Gadgets\nKeine Urlaubsangebote mehr verpassen!\nDo you want to be informed of our actions? Sign up here\nNever miss the latest news by signing up to our newsletter today!\nGet the latest updates, event announcements and tutorials straight to your inbox with our newsletter.";
        assert_eq!(removed(t), (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn calls_in_more_languages_go() {
        let t = "Scarica la nostra app per leggere tutte le notizie\nIscriviti alla nostra newsletter settimanale\nSiga-nos no Instagram\nBaixe o aplicativo gratuito\nMeld je aan voor onze nieuwsbrief\nVolg ons op Instagram\nZapisz się do naszego newslettera\nObserwuj nas na Instagramie\nSeguici sul nostro canale WhatsApp";
        assert_eq!(removed(t), (0..9).collect::<Vec<_>>());
        // news about an app or a newsletter stays
        let t = "Il comune ha presentato la nuova app per i parcheggi del centro storico, disponibile da lunedì per tutti i residenti della zona.";
        assert!(removed(t).is_empty());
    }

    #[test]
    fn an_app_label_and_its_download_go() {
        let t = "Live scores app: download now\nWetter-App: jetzt herunterladen\nNotre appli : téléchargez-la\nAplicación de resultados: descárgala gratis\nNuestra app - descarga gratuita";
        assert_eq!(removed(t), (0..5).collect::<Vec<_>>());
        // an app named in a headline, then what it does, stays
        assert!(removed(
            "The council's parking app: drivers report fewer fines since the launch in May"
        )
        .is_empty());
    }

    #[test]
    fn a_strong_cue_alone_takes_a_longer_line() {
        // one cue past 12 words: a sign-up imperative or 'get regular updates' suffices ...
        let t = "Sign up to get the best stories of the week, and great deals, as picked by the editors.\nGet regular updates on the latest tutorials, offers and news at Example Globe.";
        assert_eq!(removed(t), vec![0, 1]);
        // ... an inbox alone does not
        assert!(removed("What would you do if you received hundreds of guest post pitches in your inbox every single week?").is_empty());
    }

    #[test]
    fn news_about_apps_stays() {
        let t = "The company said more than a million people had downloaded the new banking app since its launch in May, far more than analysts had expected for the first quarter.\nThe newsletter, founded in 1990, was sold to a publisher.\nThe foundation said on Monday that it would support local journalism with a grant of two million euros over five years.\nFacebook and Instagram were down for hours.\nThe agency sends free updates to farmers by text message when a storm is on its way.\nUpdate: carrier to shut down its app store by January\nThe minister said he would never miss a chance to visit the region, where he grew up, and its farmers.\nShe found the letter in her inbox on Monday morning, two days after the vote.";
        assert!(removed(t).is_empty());
    }
}
