//! R003: lines that are only the label of a page widget (font size, print, share, listen).

use super::shape::{line_core, opens_a_sentence, FirstWords, Lazy, Openings};
use super::word_phrase::{end_word_count, end_words, is_phrase, End};
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
    /// `Anmelden`, `Iniciar sesión`, `Accedi`, `Inloggen`, `Zaloguj się`, `Войти`), recipe buttons (`Print recipe`, `Jump to recipe`, `Pin it`), shop buttons
    /// (`Add to basket`, `Buy now`, `In stock`, `Basket (0)`, `In den Warenkorb`), embed placeholders
    /// (`Externer Inhalt`), reading times (`4 min read`, `Lesezeit: 3 Minuten`), share counters and
    /// prompts (`0 shares`, `Sharing is caring!`), image-viewer buttons (`Enlarge this image`,
    /// `View larger image`, `Bild vergrößern`), a menu's link to the front page (`Home`,
    /// `Startseite`, `Strona główna`, `Etusivu`, `Головна`, `Αρχική`, `الرئيسية`, `ראשי`,
    /// `Trang chủ`, `ホーム`), a newsletter's link to its web copy (`View in browser`, `Im Browser
    /// ansehen`, `Visualizza nel browser`), a press page's section names (`Newsroom`, `Press
    /// release`, `Pressemitteilung`, `Sala de prensa`, `Notas de prensa`), a link naming the page it goes to (`Go to Google News`, `Go to Home Page »`,
    /// `Ir a Portada`: the verb and one to three capitalised words), skip links (`Skip to main content`,
    /// a wiki's `Jump to navigation`, `Zur Suche springen`, `Saltar para a pesquisa`, `Till innehållet`,
    /// `Přejít na obsah`), a podcast's platform buttons (`Listen on Spotify`, `Auf Spotify anhören`,
    /// `Écouter sur Deezer`) and `Save to Pinterest`, loading
    /// placeholders (`Loading...`, `Wird geladen …`), subscribe and sign-up buttons
    /// (`Subscribe`, `Abonnieren`, `Sign up`), share buttons naming their target (`Share this on
    /// WhatsApp`, `Partager la page`), a documentation page's tools (`Copy page`, `Edit on
    /// GitHub`) and a podcast's `Read the full transcript`, feedback prompts (`Was this
    /// helpful?`, `Was this article helpful?`, `Did you enjoy this article?`, `War dieser Artikel
    /// hilfreich?`; a help page's prompt with its answer buttons in more languages, up to twelve
    /// words: `Questa pagina ti è stata utile? Sì No`, `¿Te ha resultado útil esta página? Sí
    /// No`, `Cette page vous a-t-elle été utile ? Oui Non`, `Was this page helpful? Yes No`), job
    /// and event buttons (`Apply now`, `Save job`, `Buy tickets`, `Add to calendar`), a wiki's
    /// `Edit this page`, a forum's quote expander (`Click to expand...`, `Zum Vergrößern
    /// anklicken....`) and a poster's counts (`Beiträge: 12`, `Joined: 12 Mar 2021`, `Iscritto
    /// il: 2 mag 2023`), and share bars: a line of share
    /// targets (`Facebook Twitter WhatsApp Email`), or two or more lines in a row each naming one
    /// target (`* Pinterest` / `* Facebook` / `* Reddit`), where a button of the bar (`Share`,
    /// `Email`, `Print`) counts as one (`Share` / `WhatsApp`). Share targets include regional
    /// networks and names in other scripts (`ВКонтакте`, `Одноклассники`, `微信`, `微博`,
    /// `QQ空间`, `LINEで送る`, `카카오톡`, `فيسبوك`, `फेसबुक`, `เฟซบุ๊ก`) and a bar's comment button
    /// (`Comments`, `评论`, `コメント`), a bar on one line may glue its button to the first target
    /// with a full-width colon (`分享到：微信 微博 QQ空间`), and the share button is known in more
    /// languages (`Поделиться`, `Paylaş`, `Sdílet`, `シェア`, `分享到：`, `شارك`, `แชร์`, `Chia
    /// sẻ`, `Bagikan artikel ini`), as are copy-link buttons (`링크복사`, `复制链接`, `Sao chép liên
    /// kết`, `Salin tautan`) and font-size controls (`字号：大 中 小`, `글자크기 설정`, `Cỡ chữ`,
    /// `Ukuran huruf`). Only whole lines of at most six words
    /// are matched, case-insensitively; an article toolbar, a line of at most ten words made only
    /// of two or more actions (`Print Email Return to Top`, `Email to a friend | Printer friendly`,
    /// `Text Size Print Email RSS`, `Jump to Recipe Print Recipe Pin Recipe`), goes too. Post
    /// navigation is matched by its opening, in a line of at most 30 words: a link to the previous
    /// or next post with its title (`Previous article <title>`, `Nächster Beitrag: <title>`,
    /// `Artículo anterior <title>`, `← <older title> → <newer title>`); a bare label
    /// (`Vorheriger Artikel`, `Next post »`) takes the line under it, the linked post's title,
    /// when that line has at most 12 words. A file link, a line of
    /// at most 30 words naming a file type or a download with the file's size (`Übersicht der
    /// Steuergegenstände PDF | 58 KB`, `Annual report (PDF, 1.2 MB)`, `Download (123 KB)`), goes
    /// as well.
    ///
    /// A line that opens a sentence running on over the line end stays: when the next line
    /// follows it directly and opens in lowercase with three words or more, a poem's or a
    /// song's `Home` / `as if it were a command.` or `Listen` / `and I listen.` is the text's.
    ///
    /// Example: the line `TT` between a headline block and its copy.
    ///
    /// At the top of a document, in the run of lines removed there, a site section's name from
    /// the menu goes too (`Podcasts`, `Úvod`, `ニュース`, `社会`) when a short line (the next
    /// entry or the headline) follows it; over prose it heads the page and stays.
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
      | print(?:\s+(?:this\s+)?(?:page|article|story))? | drucken | imprimer | imprimir | stampa | afdrukken | drukuj
      | listen(?:\s+to\s+(?:this\s+)?(?:article|story|page))? | vorlesen | anhören | écouter | escuchar | ascolta
      | share(?:\s+(?:this|on))?(?:\s+(?:article|story|page|post))? | teilen | artikel\s+teilen | partager(?:\s+(?:la|cette)\s+page)? | compartir | condividi
      | partilhar | compartilhar | compartilhe | delen | deel\s+(?:dit\s+)?artikel | udostępnij
      | save(?:\s+(?:article|story|for\s+later))? | merken | artikel\s+merken | speichern | enregistrer | guardar | salva | salvar
      | bewaren | opslaan
      | copy\s+link | link\s+kopieren | copier\s+le\s+lien | copiar\s+enlace
      | copy\s+page | edit\s+(?:this\s+page\s+)?on\s+git(?:hub|lab) | read\s+(?:the\s+)?(?:full\s+)?transcript
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
      | (?:log|sign)\s+in | sign\s+up | login | einloggen | anmelden | se\s+connecter | connexion | iniciar\s+sesi[oó]n | ingresar | entrar
      | accedi | inloggen | logga\s+in | zaloguj(?:\s+się)? | kirjaudu(?:\s+sisään)? | войти | увійти
      | add\s+to\s+(?:basket|cart|bag|wish\s?list|favou?rites) | buy\s+now | (?:in|out\s+of)\s+stock | (?:basket|cart|bag)\s*\(\d+\)
      | in\s+den\s+warenkorb(?:\s+legen)? | auf\s+die\s+wunschliste | ajouter\s+au\s+panier | a[ñn]adir\s+al\s+carrito | aggiungi\s+al\s+carrello
      | print\s+recipe | (?:jump|skip)\s+to\s+recipe | zum\s+rezept\s+springen | rezept\s+drucken | imprimir\s+receta | imprimer\s+la\s+recette | pin\s+it | pinnen | erfahre\s+mehr
      | dowiedz\s+się\s+więcej | externer\s+inhalt | empfohlener\s+redaktioneller\s+inhalt | external\s+content
      | \d{1,3}\s*[-\s]?\s*min(?:ute[ns]?|s|utos|uti|uty|ut)?\.?\s+(?:read|reading\s+time|lesezeit|de\s+lectura|(?:de\s+)?lecture|di\s+lettura|de\s+leitura|leestijd|leesduur|czytania)
      | (?:reading\s+time|lesezeit|lesedauer|tiempo\s+de\s+lectura|temps\s+de\s+lecture|tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|leesduur|czas\s+czytania|lettura|lectura)\s*:?\s*(?:ca\.?\s*)?\d{1,3}\s*min(?:ute[ns]?|utos|uti|uty|ut)?\.?
      | lectura\s+de\s+\d{1,3}\s*min(?:utos)?\.?
      | (?:skip|jump)\s+to\s+(?:(?:the\s+)?main\s+)?(?:content|navigation|menu|search|footer)(?:\s+site\s*map)? | zum\s+inhalt\s+springen
      | aller\s+au\s+contenu(?:\s+principal)? | (?:ir|saltar)\s+al\s+contenido(?:\s+principal)? | vai\s+al\s+contenuto(?:\s+principale)?
      | (?:saltar|pular|ir)\s+para\s+o\s+conte[uú]do(?:\s+principal)? | naar\s+(?:de\s+)?(?:hoofd)?inhoud(?:\s+springen)?
      | przejdź\s+do\s+(?:treści|zawartości)(?:\s+głównej)?
      | zur\s+(?:navigation|suche)\s+springen | aller\s+à\s+la\s+(?:navigation|recherche) | ir\s+a\s+la\s+(?:navegaci[oó]n|b[uú]squeda)
      | (?:saltar|pular|ir)\s+para\s+a\s+(?:navega[cç][aã]o|pesquisa|busca) | vai\s+alla\s+(?:navigazione|ricerca)
      | (?:listen|subscribe|follow)\s+(?:on|in|via)\s+(?:apple\s+podcasts|spotify|google\s+podcasts|youtube\s+music|soundcloud|deezer|amazon\s+music|pocket\s+casts|overcast|castbox)
      | (?:auf|bei)\s+(?:spotify|apple\s+podcasts|deezer)\s+(?:anhören|hören|abonnieren) | escuchar?\s+en\s+(?:spotify|apple\s+podcasts|ivoox)
      | [ée]couter\s+sur\s+(?:spotify|apple\s+podcasts|deezer) | (?:guardar|save)\s+(?:en|on|to)\s+pinterest
      | vai\s+alla\s+(?:navigazione|ricerca) | naar\s+(?:navigatie|zoeken|inhoud)\s+springen | przejdź\s+do\s+(?:nawigacji|wyszukiwania|treści)
      | share\s+(?:this\s+)?(?:(?:article|story|page|post)\s+)?(?:on|via|to|with)\s+(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|e-?mail|messenger|bluesky|threads)
      | (?:auf|bei|via|per|über|teilen\s+(?:auf|bei|via|per)|(?:partager|envoyer)\s+(?:sur|par|via)|(?:compartir|enviar)\s+(?:en|por|v[ií]a)|(?:condividi|invia)\s+(?:su|via|per)
          |(?:partilhar|compartilhar|enviar)\s+(?:no|na|por|pelo|via)|(?:deel|delen|verstuur|stuur)\s+(?:op|via|per)|udostępnij\s+(?:na|przez))
        \s+(?:facebook|facebooku|twitter|x|whatsapp|whatsappie|telegram|linkedin|pinterest|reddit|e-?mail|mail|messenger|bluesky|threads|xing|flipboard|sms|correo|courriel)(?:\s+(?:teilen|versenden|senden|delen))?
      | (?:artikel|beitrag)\s+(?:anhören|vorlesen(?:\s+lassen)?) | écouter\s+(?:cet\s+|l'\s?)?article
      | escuchar\s+(?:este\s+|el\s+)?art[ií]culo | ascolta\s+(?:l'\s?)?articolo
      | loading | wird\s+geladen | chargement(?:\s+en\s+cours)? | cargando
      | subscribe(?:\s+(?:now|today|here))? | abonnieren | suscr[ií]bete | abonnez-vous
      | \d[\d.,]*\s*k?\s+shares? | sharing\s+is\s+caring!?
      | (?:sharen|teilen|share)\s+(?:mit|with|via)\s*:? | podziel\s+się | udostępnij
      | (?:diese[ns]?\s+\w+\s+)?als\s+pdf\s+herunterladen | download\s+(?:as\s+)?pdf
      | (?:click\s+(?:here\s+)?to\s+)?enlarge(?:\s+(?:this\s+)?(?:image|photo|picture))? | view\s+(?:larger|full[-\s]size)(?:\s+(?:image|photo|picture))?
      | (?:bild\s+|foto\s+)?vergrößern | agrandir(?:\s+l'image)? | ampliar(?:\s+(?:imagen|foto))? | ingrandisci
      | (?:did\s+you\s+(?:enjoy|like|find)|was|is)\s+this\s+(?:article|page|post|story|answer|information)(?:\s+(?:helpful|useful))?\s*\??
      | was\s+this\s+(?:helpful|useful)\s*\??
      | (?:war|ist)\s+(?:dieser\s+artikel|diese\s+seite|dieser\s+beitrag)\s+hilfreich\s*\?? | cet\s+article\s+vous\s+a-t-il\s+été\s+utile\s*\??
      | home(?:\s?page)? | startseite | accueil | inicio | início | pagina\s+iniziale | strona\s+główna | naslovnica | početna
      | startsida | forside | forsiden | etusivu | hlavní\s+stránka | úvodní\s+stránka | titulná\s+stránka | domov | acasă
      | kezdőlap | ana\s+sayfa | головна | главная | hjem | naslovna | главна | начало
      | αρχική | الرئيسية | ראשי | trang\s+chủ
      | preskoči\s+na\s+(?:glavni\s+)?sadržaj | hopp\s+til\s+(?:hoved)?innhold(?:et)? | към\s+(?:основното\s+)?съдържанието
      | (?:hoppa|gå)\s+till\s+(?:huvud)?innehållet | till\s+innehållet | gå\s+til\s+(?:hoved)?(?:innhold|indhold)(?:et)?
      | spring\s+til\s+(?:hoved)?indhold(?:et)? | siirry\s+(?:sisältöön|pääsisältöön) | přejít\s+(?:na|k)\s+obsahu?
      | prejsť\s+na\s+obsah | preskoči\s+na\s+sadržaj | sari\s+la\s+conținut | ugrás\s+a\s+tartalomra | [iİ]çeriğe\s+geç
      | перейти\s+до\s+(?:вмісту|змісту|основного\s+вмісту) | перейти\s+к\s+(?:содержимому|содержанию|основному\s+содержанию)
      | поделиться | поділитися | paylaş | sdílet | zdieľať | megosztás | distribuie | κοινοποίηση | שתף | शेयर\s+करें
      | シェア(?:する)? | 分享(?:到)? | 공유(?:하기)? | شارك | مشاركة | แชร์ | chia\s+sẻ | bagikan(?:\s+(?:artikel|berita)(?:\s+ini)?)?
      | 링크\s?복사 | 복사하기 | sao\s+chép\s+liên\s+kết | salin\s+(?:tautan|link) | 复制链接
      | (?:字号|字体)\s*[：:]?\s*(?:[大中小]\s*){0,3} | 글자\s?크기(?:\s?설정)? | 글씨\s?크기 | cỡ\s+chữ | ukuran\s+(?:huruf|teks)
      | apply\s+(?:now|here|online|for\s+this\s+(?:job|position|role)) | jetzt\s+bewerben | postuler(?:\s+maintenant)?
      | save\s+(?:this\s+)?job | job\s+merken | stelle\s+merken | edit\s+this\s+page | diese\s+seite\s+bearbeiten
      | (?:buy|get|book)\s+tickets | tickets\s+(?:kaufen|bestellen) | add\s+to\s+(?:my\s+)?(?:google\s+|outlook\s+|apple\s+)?calendar
      | zum\s+kalender\s+hinzufügen | in\s+(?:den\s+)?kalender\s+eintragen | ajouter\s+au\s+calendrier | añadir\s+al\s+calendario
      | aggiungi\s+al\s+calendario | toevoegen\s+aan\s+(?:je\s+)?(?:agenda|kalender)
      | click\s+to\s+expand | click\s+to\s+shrink | zum\s+vergrößern\s+anklicken | klicken\s+zum\s+vergrößern | clicca\s+per\s+espandere
      | cliquez\s+pour\s+agrandir
      | (?:beiträge|posts|messages|messaggi|mensajes|reaktionspunkte|reaction\s+score)\s*:\s*\d[\d.,]*
      | (?:registriert(?:\s+seit)?|dabei\s+seit|mitglied\s+seit|member\s+since|joined|iscritto\s+(?:il|dal)|inscrit\s+le|registrado|miembro\s+desde)\s*:\s*\d.{0,20}
    )$",
);

/// A feedback prompt of a help or FAQ page with its answer buttons: the question whether the
/// page helped (`Was this page helpful?`, `War diese Antwort hilfreich?`, `Cette page vous
/// a-t-elle été utile ?`, `¿Te ha resultado útil esta página?`, `Questa pagina ti è stata
/// utile?`, `Esta página foi útil?`, `Was dit artikel nuttig?`) and perhaps its yes and no
/// buttons on the same line (`Yes No`, `Sí No`, `Oui / Non`, a review's `Yes (3) No (1)`).
static FEEDBACK_PROMPT: Lazy = Lazy::new(
    r"(?ix)^[¿]?\s*(?:
        (?:was|is)\s+this\s+(?:page|article|post|story|answer|information|content|guide|tip|section|review|comment)\s+(?:helpful|useful)
      | did\s+you\s+find\s+(?:this|the)\s+(?:page|article|post|answer|information|content|guide)\s+(?:helpful|useful)
      | (?:war|ist)\s+(?:diese[rs]?)\s+(?:seite|artikel|beitrag|antwort|information|inhalt|anleitung)\s+hilfreich
      | (?:waren|sind)\s+diese\s+informationen\s+hilfreich
      | (?:fanden\s+sie|fandest\s+du)\s+diese[ns]?\s+(?:seite|artikel|beitrag|antwort|informationen)\s+hilfreich
      | hat\s+(?:ihnen|dir)\s+diese[rs]?\s+(?:seite|artikel|beitrag|antwort|anleitung)\s+geholfen
      | (?:cet|cette)\s+(?:article|page|réponse|information)\s+vous\s+a-t-(?:il|elle)\s+été\s+utile
      | (?:ces\s+informations|ces\s+réponses)\s+vous\s+ont-elles\s+été\s+utiles
      | avez-vous\s+trouvé\s+(?:cet|cette)\s+(?:article|page|réponse|information)\s+utile
      | (?:questa|questo)\s+(?:pagina|articolo|risposta|informazione|contenuto|guida)\s+(?:ti|vi|le)\s+(?:è|e)\s+stat[oa]\s+utile
      | queste\s+informazioni\s+(?:ti|vi|le)\s+sono\s+state\s+utili
      | (?:ti|vi|le)\s+(?:è|e)\s+stat[oa]\s+utile\s+(?:questa|questo)\s+(?:pagina|articolo|risposta|contenuto)
      | (?:hai|avete)\s+trovato\s+utile\s+(?:questa|questo)\s+(?:pagina|articolo|risposta)
      | (?:te|le|os)\s+(?:ha|han)\s+(?:resultado|sido)\s+útil(?:es)?\s+(?:esta|este|estas|estos)\s+(?:página|artículo|respuesta|información|contenido)s?
      | (?:te|le|os)\s+(?:resultó|fue)\s+útil\s+(?:esta|este)\s+(?:página|artículo|respuesta|información|contenido)
      | (?:esta|este)\s+(?:página|artículo|respuesta|información|contenido)\s+(?:te|le|os)\s+(?:ha\s+(?:resultado|sido)|resultó|fue)\s+útil
      | (?:fue|es|ha\s+sido)\s+útil\s+(?:esta|este)\s+(?:página|artículo|respuesta|información|contenido)
      | (?:esta|este)\s+(?:página|artigo|resposta|informação|conteúdo)\s+(?:foi|é)\s+útil
      | (?:was|is)\s+(?:deze|dit)\s+(?:pagina|artikel|antwoord|informatie)\s+(?:nuttig|behulpzaam)
    )\s*[?？]\s*(?:(?:yes|ja|oui|sì|si|sí|sim)(?:\s*\(\d+\))?\s*[/|·]?\s*(?:no|nein|non|não|nee)(?:\s*\(\d+\))?)?$",
);

/// Most words of a line [`FEEDBACK_PROMPT`] is tried on (`¿Te ha resultado útil esta página?
/// Sí No`).
const FEEDBACK_PROMPT_MAX_WORDS: u32 = 12;

/// The words a feedback prompt asks with (`helpful`, `hilfreich`, `utile`, `útil`...), without
/// which [`FEEDBACK_PROMPT`] is neither tried nor compiled.
const USEFULNESS_WORDS: [&str; 11] = [
    "helpful",
    "useful",
    "hilfreich",
    "geholfen",
    "utile",
    "utili",
    "útil",
    "útiles",
    "nuttig",
    "behulpzaam",
    "utiles",
];

/// Whether a line has one of [`USEFULNESS_WORDS`] as a word, in any ASCII case: the cheap test
/// in front of [`FEEDBACK_PROMPT`].
fn asks_about_usefulness(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|word| {
        USEFULNESS_WORDS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    })
}

/// Post navigation: a link to the previous or next post, with its title (`Previous article
/// The harbour plan`, `Nächster Beitrag: ...`, `← Older title → Newer title`).
static POST_NAVIGATION: Lazy = Lazy::new(
    r"(?ix)^(?:
        (?:previous|prev|next|older|newer)\s+(?:article|post|story|entry)\b
      | (?:vorheriger|voriger|nächster|älterer|neuerer)\s+(?:artikel|beitrag|eintrag)\b
      | (?:article|billet)\s+(?:précédent|suivant)\b
      | (?:art[ií]culo|entrada|nota)\s+(?:anterior|siguiente)\b
      | (?:post|beitrags)-?navigation$
      | ←\s*\S.{0,150}\s→\s*\S
    )",
);

/// Longest post-navigation line, in words.
const NAVIGATION_MAX_WORDS: u32 = 30;

/// Longest title, in words, taken from the line under a bare post-navigation label.
const LINKED_TITLE_MAX_WORDS: u32 = 12;

/// Whether post-navigation line `line` is only a previous/next label (`Vorheriger Artikel`,
/// `Next post »`, `Article précédent :`): nothing but punctuation and arrows after the label,
/// so the linked post's title is on the next line. Not the `Post navigation` heading.
fn is_bare_navigation_label(line: &str) -> bool {
    POST_NAVIGATION.span(line).is_some_and(|m| {
        !line[m.clone()].to_lowercase().ends_with("navigation")
            && !line[m.end..].chars().any(char::is_alphanumeric)
    })
}

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
      | skip\s+to\s+(?:(?:the\s+)?main\s+)?(?:content|navigation|menu|search|footer)(?:\s+site\s*map)?
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
    // from each `b`/`B` (a vectorised search; the line is read for every short line) back to
    // the `k`/`m` before it and the digit before that
    memchr::memchr2_iter(b'b', b'B', b).any(|j| {
        j > 1
            && matches!(b[j - 1], b'k' | b'K' | b'm' | b'M')
            && (b[j - 2].is_ascii_digit()
                || (b[j - 2] == b' ' && j > 2 && b[j - 3].is_ascii_digit()))
    })
}

/// Share targets and the bar's own buttons (print, share, copy, in several languages); a line
/// made only of these (two or more) is a share bar.
///
/// Besides the western networks: the regional ones (VK, Odnoklassniki, Weibo, WeChat, QQ,
/// LINE, KakaoTalk, Naver, Hatena Bookmark), network names as sites in other scripts write them
/// (`ВКонтакте`, `Фейсбук`, `فيسبوك`, `微信`, `카카오톡`), and the bar's "share" button in more
/// languages (`Поделиться`, `Paylaş`, `Sdílet`, `シェア`, `ツイート`, `分享到`, `شارك`).
static SHARE_TARGET: Lazy = Lazy::new(
    r"(?ix)^(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|mail|print|messenger|flipboard|tumblr|xing|copy|link|share|sms|threads|bluesky|vk|mix|pocket|digg|stumbleupon|drucken|imprimir|imprimer|stampa|teilen|compartir|partager|condividi|tweet|pin|pinnen|instagram|youtube|tiktok|mastodon|gmail|outlook|skype|viber|weibo|wechat|kopieren|copiar|copier
      | vkontakte | odnoklassniki | qq | qzone | line | kakao(?:talk|story)? | naver | livejournal
      | delen | partilhar | compartilhar | compartilhe | udostępnij | paylaş | sdílet | zdieľať | megosztás | distribuie | dela | jaa
      | вконтакте | вк | одноклассники | фейсбук | твиттер | телеграм | ватсап | вайбер | поделиться | поділитися | поширити
      | فيسبوك | فيس\s?بوك | تويتر | واتساب | واتس\s?اب | تيليجرام | تلغرام | تيلجرام | لينكد\s?إن | شارك | مشاركة
      | κοινοποίηση | שתף | שיתוף | शेयर | शेयर\s+करें | फेसबुक | ट्विटर | व्हाट्सऐप | व्हाट्सएप | टेलीग्राम
      | แชร์ | เฟซบุ๊ก | ทวิตเตอร์ | ไลน์ | 링크복사
      | シェア | シェアする | ツイート | ポスト | はてブ | はてなブックマーク | lineで送る | lineで共有 | 共有 | 共有する
      | 分享 | 分享到 | 微信 | 微博 | 朋友圈 | qq空间 | qq好友 | 豆瓣 | 复制链接 | 複製連結
      | 공유 | 공유하기 | 카카오톡 | 카카오스토리 | 페이스북 | 트위터 | 네이버 | 밴드
      | comments? | kommentare? | kommentieren | commentaires? | commenter | comentarios? | comentar | commenta | commenti
      | комментарии | комментировать | 评论 | 評論 | コメント | 댓글 | تعليق | تعليقات
    )$",
);

/// The first two letters of every alternative of [`LABEL`] (some start with a count of
/// minutes or shares); a core that opens otherwise is no label (see [`Openings::may_open`]).
static LABEL_OPENINGS: Openings = Openings::new(
    &[
        b"tt", b"aa", b"fo", b"te", b"sc", b"ta", b"pr", b"dr", b"im", b"st", b"li", b"vo", b"an",
        b"es", b"as", b"sh", b"ar", b"pa", b"co", b"sa", b"me", b"sp", b"en", b"gu", b"em", b"tw",
        b"bo", b"zo", b"re", b"cl", b"fe", b"ce", b"be", b"se", b"po", b"ko", b"le", b"in", b"we",
        b"to", b"op", b"hi", b"ma", b"su", b"bu", b"sz", b"ab", b"ad", b"si", b"rs", b"da", b"av",
        b"no", b"na", b"ou", b"ba", b"zu", b"lo", b"ei", b"pi", b"er", b"do", b"ex", b"ti", b"sk",
        b"al", b"ir", b"ud", b"di", b"vi", b"ag", b"am", b"wa", b"is", b"bi", b"ve", b"wi", b"ch",
        b"ca", b"au", b"pe", b"ju", b"va", b"af", b"de", b"cz", b"pu", b"ud", b"ho", b"ac", b"et",
        b"hl", b"ke", b"ug", b"hj", b"ed", b"sd", b"zd", b"aj", b"ou", b"tr", b"ap", b"je", b"jo",
        b"ge", b"mi", b"kl", b"uk", b"za", b"ki", b"ec",
    ],
    true,
);

/// The first words of [`LABEL`] (see [`FirstWords`]): a core whose opening ASCII letters are
/// none of these (`Harbour`, `Press`, `The`) is no label. Read off the pattern: a test holds
/// this list equal to what the pattern's alternatives may open with, so a new label cannot
/// slip past it. Tested after [`LABEL_OPENINGS`], which turns many lines down for less.
static LABEL_FIRST_WORDS: FirstWords = FirstWords::new(&[
    "0",
    "a",
    "aa",
    "aaa",
    "abonnez",
    "abonnieren",
    "about",
    "abrir",
    "accedi",
    "accueil",
    "add",
    "advertise",
    "afdrukken",
    "aggiungi",
    "agrandir",
    "ajouter",
    "aller",
    "als",
    "ampliar",
    "ana",
    "anadir",
    "anmelden",
    "apply",
    "artikel",
    "ascolta",
    "auf",
    "aviso",
    "back",
    "bag",
    "bagikan",
    "basket",
    "bei",
    "beitrag",
    "bewaren",
    "bild",
    "book",
    "bookmark",
    "buscar",
    "buy",
    "cargando",
    "cart",
    "cerrar",
    "cet",
    "chargement",
    "chia",
    "clicca",
    "click",
    "cliquez",
    "close",
    "comentar",
    "commenta",
    "commenter",
    "compartilhar",
    "compartilhe",
    "compartir",
    "condividi",
    "connexion",
    "contact",
    "contacto",
    "continue",
    "cookie",
    "copiar",
    "copier",
    "copy",
    "czas",
    "dabei",
    "datenschutz",
    "deel",
    "delen",
    "did",
    "diese",
    "diesen",
    "dieses",
    "distribuie",
    "domov",
    "dowiedz",
    "download",
    "drucken",
    "drukuj",
    "e",
    "ecouter",
    "edit",
    "einloggen",
    "email",
    "empfohlener",
    "en",
    "enlarge",
    "enregistrer",
    "entrar",
    "enviar",
    "envoyer",
    "erfahre",
    "escucha",
    "escuchar",
    "etusivu",
    "external",
    "externer",
    "fermer",
    "follow",
    "font",
    "forside",
    "forsiden",
    "foto",
    "get",
    "guardar",
    "hide",
    "hjem",
    "home",
    "homepage",
    "hopp",
    "hoppa",
    "impressum",
    "imprimer",
    "imprimir",
    "in",
    "informate",
    "ingrandisci",
    "ingresar",
    "iniciar",
    "inicio",
    "inloggen",
    "inscrit",
    "invia",
    "ir",
    "is",
    "iscritto",
    "ist",
    "jetzt",
    "job",
    "joined",
    "jump",
    "kirjaudu",
    "klicken",
    "kommentieren",
    "kontakt",
    "learn",
    "lectura",
    "lecturaca",
    "leer",
    "leesduur",
    "leesduurca",
    "leestijd",
    "leestijdca",
    "lesedauer",
    "lesedauerca",
    "lesezeit",
    "lesezeitca",
    "lettura",
    "letturaca",
    "link",
    "lire",
    "listen",
    "loading",
    "log",
    "logga",
    "login",
    "main",
    "mehr",
    "member",
    "mensajes",
    "mentions",
    "menu",
    "merken",
    "messages",
    "messaggi",
    "miembro",
    "mitglied",
    "naar",
    "nach",
    "naslovna",
    "naslovnica",
    "navigation",
    "nous",
    "open",
    "opslaan",
    "out",
    "ouvrir",
    "pagina",
    "partager",
    "partilhar",
    "per",
    "pin",
    "pinnen",
    "podziel",
    "politica",
    "post",
    "posts",
    "postuler",
    "print",
    "privacy",
    "pular",
    "reaction",
    "read",
    "reading",
    "reaktionspunkte",
    "rechercher",
    "registrado",
    "registriert",
    "resize",
    "retour",
    "rezept",
    "rss",
    "saiba",
    "salin",
    "saltar",
    "salva",
    "salvar",
    "sao",
    "sari",
    "save",
    "se",
    "search",
    "seguir",
    "seite",
    "share",
    "sharen",
    "sharing",
    "show",
    "sign",
    "siirry",
    "site",
    "sitemap",
    "skip",
    "speichern",
    "spring",
    "stampa",
    "startseite",
    "startsida",
    "stelle",
    "strona",
    "stuur",
    "subscribe",
    "suchbegriff",
    "suche",
    "suchen",
    "suscribete",
    "szukaj",
    "t",
    "taille",
    "teilen",
    "tempo",
    "temps",
    "terms",
    "text",
    "tickets",
    "tiempo",
    "till",
    "toevoegen",
    "toggle",
    "trang",
    "tt",
    "tweet",
    "ukuran",
    "vai",
    "verstuur",
    "via",
    "view",
    "volver",
    "vorlesen",
    "war",
    "was",
    "weiterlesen",
    "wird",
    "zaloguj",
    "zoom",
    "zum",
    "zur",
]);

/// A newsletter's link to its web copy (`View in browser`, `View this email in your browser`,
/// `Im Browser ansehen`, `Afficher dans le navigateur`, `Visualizza nel browser`), a press
/// page's section names (`Newsroom`, `Press release`, `Pressemitteilung`, `Communiqué de
/// presse`, `Sala de prensa`, `Notas de prensa`) and a Japanese menu's link to the front page
/// (`ホーム`, `トップページ`): labels like those of [`LABEL`], each a [word
/// phrase](super::word_phrase) the whole lowercased line must be (see [`is_publisher_label`]).
/// Kept out of [`LABEL`] and out of any regex: compiling a regex costs as much as it searching
/// thousands of lines, and its size every run pays for.
const PUBLISHER_LABELS: &[&str] = &[
    "view ?this+email|this+e-mail|this+newsletter online",
    "view ?this+email|this+e-mail|this+newsletter as ?a webpage|web+page",
    "view ?this+email|this+e-mail|this+newsletter in ?your|a|the ?web browser",
    "?email|e-mail|newsletter im browser ansehen|anzeigen|öffnen|lesen",
    "afficher|voir dans|sur le|votre navigateur",
    "ver en el|tu|su navegador",
    "visualizza nel|sul ?tuo browser",
    "apri|leggi nel browser",
    "bekijk in je|uw|de browser",
    "press|news release|releases",
    "communiqué|communiqués de presse",
    "comunicato|comunicati stampa",
    "nota|notas|comunicado|comunicados de prensa",
    "ホーム|トップページ|newsroom|pressroom|press+room|pressemitteilung|pressemitteilungen\
     |presseinformation|presseinformationen|pressebereich|persbericht|persberichte\
     |persberichten|sala+de+prensa|salle+de+presse|sala+stampa",
];

/// Fewest and most bytes of a [`PUBLISHER_LABELS`] label (`newsroom`, `view this newsletter
/// in your web browser`).
const PUBLISHER_LABEL_BYTES: std::ops::RangeInclusive<usize> = 8..=40;

/// The last word of every label of [`PUBLISHER_LABELS`], lowercase: a cheap necessary
/// condition tried before the patterns.
const PUBLISHER_LABEL_LAST_WORDS: &[&str] = &[
    "online",
    "webpage",
    "page",
    "browser",
    "ansehen",
    "anzeigen",
    "öffnen",
    "lesen",
    "navigateur",
    "navegador",
    "release",
    "releases",
    "presse",
    "stampa",
    "prensa",
    "room",
    "newsroom",
    "pressroom",
    "pressemitteilung",
    "pressemitteilungen",
    "presseinformation",
    "presseinformationen",
    "pressebereich",
    "persbericht",
    "persberichte",
    "persberichten",
    "ホーム",
    "トップページ",
];

/// Whether the last word of core `c` is one of [`PUBLISHER_LABEL_LAST_WORDS`], any case.
fn ends_like_publisher_label(c: &str) -> bool {
    let last = c.rsplit(' ').next().unwrap_or(c);
    PUBLISHER_LABEL_LAST_WORDS.iter().any(|w| {
        w.len() == last.len()
            && (last.eq_ignore_ascii_case(w) || (!last.is_ascii() && last.to_lowercase() == *w))
    })
}

/// Whether core `c` is one of [`PUBLISHER_LABELS`], any case.
fn is_publisher_label(c: &str) -> bool {
    if !PUBLISHER_LABEL_BYTES.contains(&c.len())
        || !PUBLISHER_LABEL_OPENINGS.may_open(c)
        || !ends_like_publisher_label(c)
    {
        return false;
    }
    is_phrase(&c.to_lowercase(), PUBLISHER_LABELS)
}

/// The first two letters of every label of [`PUBLISHER_LABELS`] (the Japanese ones open with a
/// non-ASCII byte, which [`Openings::may_open`] lets through).
static PUBLISHER_LABEL_OPENINGS: Openings = Openings::new(
    &[
        b"vi", b"em", b"ne", b"im", b"af", b"vo", b"ve", b"ap", b"le", b"be", b"pr", b"co", b"no",
        b"pe", b"sa",
    ],
    false,
);

/// A job ad's apply button beyond those of [`LABEL`] (`Aplikuj teraz`, `Candidatar-se`,
/// `Inscríbete`, `Postúlate`, `Candidati ora`, `Solliciteer nu`, `Ansök nu`) and a feed's
/// subscribe link (`Subscribe to updates via RSS`, `Subscribe by email`, `Follow by Email`,
/// `RSS-Feed abonnieren`, `S'abonner au flux RSS`, `Suscríbete al feed RSS`, `Iscriviti al
/// feed RSS`): each a [word phrase](super::word_phrase) the whole lowercased line must be (see
/// [`is_apply_or_feed_button`]), kept out of [`LABEL`] as [`PUBLISHER_LABELS`] are.
const APPLY_OR_FEED_BUTTONS: &[&str] = &[
    "aplikuj ?teraz|online|tutaj",
    "candidatar-se|candidate-se ?agora|já|aqui|online",
    "candidatar agora|já|online",
    "candidati|candidatati|candidatarsi ?ora|subito|online|qui",
    "invia ?la candidatura",
    "solliciteer|reageer ?nu|direct|hier|online",
    "postúlate|postulate|postular|postularme|postula|inscríbete|inscribete|aplicar|aplica ?ahora|aquí|ya|online",
    "bewerben|bewirb+dich ?jetzt|hier|online|direkt",
    "online|direkt|hier|sofort bewerben",
    "ansök|sök ?nu|här|tjänsten",
    "søg ?nu|stillingen|jobbet",
    "hae ?nyt|paikkaa",
    "submit|send ?your|an application",
    "subscribe|follow ?to ?our|the|this ?updates|feed|blog|changelog|posts|releases|news|comments via|by|through|with rss|atom|email|e-mail|feed|reader ?rss|feed|reader",
    "subscribe ?to ?our|the|this rss|atom ?feed",
    "rss|atom feed|feeds",
    "rss-feed|rss+feed ?abonnieren",
    "per|via rss|e-mail|email abonnieren",
    "abonnieren per|via rss|e-mail|email",
    "s+abonner|abonnez-vous ?au|à+notre ?flux rss|atom",
    "suscríbete|suscribete|suscribirse ?al|a+nuestro ?feed|canal rss|atom",
    "suscríbete|suscribete|suscribirse por|vía|via rss|email|correo",
    "iscriviti|abbonati ?al ?feed rss",
    "iscriviti|abbonati via|tramite rss|email|e-mail",
];

/// The first word of every phrase of [`APPLY_OR_FEED_BUTTONS`], lowercase: a cheap necessary
/// condition tried before the phrases.
const APPLY_OR_FEED_FIRST_WORDS: [&str; end_word_count(APPLY_OR_FEED_BUTTONS, End::First)] =
    end_words(APPLY_OR_FEED_BUTTONS, End::First);

/// The first two letters of every first word of [`APPLY_OR_FEED_FIRST_WORDS`] (see
/// [`Openings::may_open`]; `s'abonner` opens with a letter before an apostrophe, which goes
/// through).
static APPLY_OR_FEED_OPENINGS: Openings = Openings::of_openers(&APPLY_OR_FEED_FIRST_WORDS);

/// The opening ASCII letters of every first word of [`APPLY_OR_FEED_FIRST_WORDS`], lowercase,
/// where ASCII or the word's end follows them (`candidatar` of `candidatar-se`, `s` of
/// `s'abonner`; `Postúlate` opens with letters that run into a non-ASCII one, which
/// [`FirstWords::may_open`] lets through): a hashed set tried before the word lists, which
/// turns down nearly every line for the cost of hashing its first word.
static APPLY_OR_FEED_FIRST_LETTERS: FirstWords = FirstWords::of_openers(&APPLY_OR_FEED_FIRST_WORDS);

/// Most bytes of an [`APPLY_OR_FEED_BUTTONS`] button (`subscribe to the changelog via e-mail
/// reader` and a little more).
const APPLY_OR_FEED_MAX_BYTES: usize = 60;

/// The last word of every phrase of [`APPLY_OR_FEED_BUTTONS`], lowercase (with its optional
/// slots left out too): a cheap necessary condition tried before the phrases.
const APPLY_OR_FEED_LAST_WORDS: [&str; end_word_count(APPLY_OR_FEED_BUTTONS, End::Last)] =
    end_words(APPLY_OR_FEED_BUTTONS, End::Last);

/// Whether the last word of core `c` is one of [`APPLY_OR_FEED_LAST_WORDS`] (ASCII letters in
/// any case, a non-ASCII one as the list spells it, as for the first words; the word after an
/// apostrophe, which may join a phrase's words as a space does).
fn ends_like_apply_or_feed_button(c: &str) -> bool {
    let last = c
        .rsplit(|ch: char| ch.is_whitespace() || ch == '\'' || ch == '’')
        .next()
        .unwrap_or(c);
    APPLY_OR_FEED_LAST_WORDS
        .iter()
        .any(|w| w.len() == last.len() && last.eq_ignore_ascii_case(w))
}

/// Whether core `c` is one of [`APPLY_OR_FEED_BUTTONS`], any case.
fn is_apply_or_feed_button(c: &str) -> bool {
    if c.len() > APPLY_OR_FEED_MAX_BYTES
        || !APPLY_OR_FEED_OPENINGS.may_open(c)
        || !APPLY_OR_FEED_FIRST_LETTERS.may_open(c)
        || !ends_like_apply_or_feed_button(c)
    {
        return false;
    }
    let first = c
        .split(|ch: char| ch.is_whitespace() || ch == '\'' || ch == '’')
        .next()
        .unwrap_or(c);
    let known = APPLY_OR_FEED_FIRST_WORDS.iter().any(|w| {
        // `s'abonner`: the first word is the elided `s`; a non-ASCII letter matches in the
        // list's case (`Inscríbete`), as buttons spell it
        w.len() == first.len() && first.eq_ignore_ascii_case(w)
    });
    known && is_phrase(&c.to_lowercase(), APPLY_OR_FEED_BUTTONS)
}

/// A site section's name in the menu above a page (`Podcasts`, `Úvod`, `ニュース`, `社会`), any
/// case: removed only at the top of a document, in the run of lines this rule removes there,
/// and over a short line (the next menu entry or the headline), not over prose: then it heads
/// the page.
const TOP_SECTION_LABELS: [&str; 8] = [
    "podcast",
    "podcasts",
    "úvod",
    "ニュース",
    "社会",
    "政治",
    "経済",
    "国際",
];

/// Most bytes of a [`TOP_SECTION_LABELS`] name.
const TOP_SECTION_LABEL_MAX_BYTES: usize = 12;

/// Whether core `c` is one of [`TOP_SECTION_LABELS`], any case.
fn is_top_section_label(c: &str) -> bool {
    c.len() <= TOP_SECTION_LABEL_MAX_BYTES && {
        let lower = c.to_lowercase();
        TOP_SECTION_LABELS.contains(&lower.as_str())
    }
}

/// Most words of the line under a top section label (a headline's length).
const UNDER_TOP_LABEL_MAX_WORDS: u32 = 20;

/// Whether the paragraph after line `i` is a short line, not prose: at most
/// [`UNDER_TOP_LABEL_MAX_WORDS`] words, not ending like a sentence.
fn heads_a_short_line(doc: &Document, i: usize) -> bool {
    doc.paragraphs().find(|&j| j > i).is_some_and(|j| {
        doc.info(j).words <= UNDER_TOP_LABEL_MAX_WORDS
            && !doc.line(j).trim_end().ends_with(['.', '!', '?', ':'])
    })
}

/// The first two letters of every alternative of [`POST_NAVIGATION`].
static POST_NAVIGATION_OPENINGS: Openings = Openings::new(
    &[
        b"pr", b"ne", b"ol", b"vo", b"ar", b"bi", b"en", b"no", b"po", b"be",
    ],
    false,
);

/// The first two letters of every action of [`TOOLBAR`] (the first action opens the line).
static TOOLBAR_OPENINGS: Openings = Openings::new(
    &[
        b"pr", b"em", b"se", b"sh", b"tw", b"sa", b"bo", b"re", b"co", b"ad", b"le", b"te", b"fo",
        b"rs", b"ba", b"to", b"di", b"de", b"fa", b"li", b"wh", b"pi", b"dr", b"ve", b"me", b"ko",
        b"im", b"en", b"pa", b"ju", b"go", b"zu", b"ir", b"al", b"sk",
    ],
    false,
);

/// The first two letters of every name of [`SHARE_TARGET`] (`x` is let through alone).
static SHARE_TARGET_OPENINGS: Openings = Openings::new(
    &[
        b"fa", b"tw", b"wh", b"te", b"li", b"pi", b"re", b"em", b"ma", b"pr", b"me", b"fl", b"tu",
        b"xi", b"co", b"sh", b"sm", b"th", b"bl", b"vk", b"mi", b"po", b"di", b"st", b"dr", b"im",
        b"pa", b"in", b"yo", b"ti", b"gm", b"ou", b"sk", b"vi", b"we", b"ko", b"od", b"qq", b"qz",
        b"ka", b"na", b"de", b"ud", b"sd", b"zd", b"ja", b"li",
    ],
    false,
);

/// Whether core `c` matches [`LABEL`], after [`LABEL_OPENINGS`] and [`LABEL_FIRST_WORDS`]
/// (necessary conditions, cheaper than the regex) let it through.
fn is_label(c: &str) -> bool {
    LABEL_OPENINGS.may_open(c) && LABEL_FIRST_WORDS.may_open(c) && LABEL.is_match(c)
}

/// `re` on `s`, after `openings` (a cheap necessary condition) let `s` through.
fn opens_and_matches(openings: &Openings, re: &Lazy, s: &str) -> bool {
    openings.may_open(s) && re.is_match(s)
}

/// Every spelling of a [`SHARE_TARGET`] name written in ASCII alone, lowercase, with the
/// pattern's optional endings written out (`kakao`, `kakaotalk`, `kakaostory`), sorted; a test
/// holds it equal to the pattern's ASCII alternatives.
const ASCII_SHARE_TARGETS: &[&[u8]] = &[
    b"bluesky",
    b"comentar",
    b"comentario",
    b"comentarios",
    b"comment",
    b"commenta",
    b"commentaire",
    b"commentaires",
    b"commenter",
    b"commenti",
    b"comments",
    b"compartilhar",
    b"compartilhe",
    b"compartir",
    b"condividi",
    b"copiar",
    b"copier",
    b"copy",
    b"dela",
    b"delen",
    b"digg",
    b"distribuie",
    b"drucken",
    b"e-mail",
    b"email",
    b"facebook",
    b"flipboard",
    b"gmail",
    b"imprimer",
    b"imprimir",
    b"instagram",
    b"jaa",
    b"kakao",
    b"kakaostory",
    b"kakaotalk",
    b"kommentar",
    b"kommentare",
    b"kommentieren",
    b"kopieren",
    b"line",
    b"link",
    b"linkedin",
    b"livejournal",
    b"mail",
    b"mastodon",
    b"messenger",
    b"mix",
    b"naver",
    b"odnoklassniki",
    b"outlook",
    b"partager",
    b"partilhar",
    b"pin",
    b"pinnen",
    b"pinterest",
    b"pocket",
    b"print",
    b"qq",
    b"qzone",
    b"reddit",
    b"share",
    b"skype",
    b"sms",
    b"stampa",
    b"stumbleupon",
    b"teilen",
    b"telegram",
    b"threads",
    b"tiktok",
    b"tumblr",
    b"tweet",
    b"twitter",
    b"viber",
    b"vk",
    b"vkontakte",
    b"wechat",
    b"weibo",
    b"whatsapp",
    b"x",
    b"xing",
    b"youtube",
];

/// Most bytes of an [`ASCII_SHARE_TARGETS`] name (a [`word_key`] holds 15).
const ASCII_SHARE_TARGET_MAX_BYTES: usize = 13;

/// The [`word_key`] of every [`ASCII_SHARE_TARGETS`] name, in the same (ascending) order.
static ASCII_SHARE_TARGET_KEYS: [u128; ASCII_SHARE_TARGETS.len()] = {
    let mut keys = [0u128; ASCII_SHARE_TARGETS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = u128::from_be_bytes(word_key(ASCII_SHARE_TARGETS[k]));
        k += 1;
    }
    keys
};

/// A word of at most 15 bytes as the 16 bytes of one number, most significant first: the
/// word's bytes, zeros after them, and last its length. Two words are equal exactly when their
/// keys are (the length tells `print` from `print` followed by a 0 byte), and words without a 0 byte
/// compare as their keys do.
const fn word_key(w: &[u8]) -> [u8; 16] {
    let mut key = [0u8; 16];
    let mut k = 0;
    while k < w.len() {
        key[k] = w[k];
        k += 1;
    }
    key[15] = w.len() as u8;
    key
}

/// Whether word `w` (a piece of a line split at whitespace, so it holds none) is a
/// [`SHARE_TARGET`] name: what `opens_and_matches(&SHARE_TARGET_OPENINGS, &SHARE_TARGET, w)`
/// answers, at a small part of a regex search's cost for the ASCII word nearly every line
/// opens with.
///
/// Exact for an ASCII word: the pattern is a whole-word list in which only `\s?` and `\s+`
/// are not letters, and a word without whitespace matches neither `\s+` nor, through `\s?`,
/// more than the spelling without the space. Case-insensitive, the regex lets a letter match
/// the letters of its simple case folding, and the only letters outside ASCII folding to
/// ASCII ones are `ſ` (to `s`) and the Kelvin sign (to `k`), neither of which is in the
/// pattern: so an ASCII word matches exactly the alternatives written in ASCII alone, each in
/// any ASCII case, which [`ASCII_SHARE_TARGETS`] lists (a test holds both to the pattern). A
/// word with a byte past ASCII goes to the regex.
fn is_share_target(w: &str) -> bool {
    if !SHARE_TARGET_OPENINGS.may_open(w) {
        return false;
    }
    if !w.is_ascii() {
        return SHARE_TARGET.is_match(w);
    }
    if w.len() > ASCII_SHARE_TARGET_MAX_BYTES {
        return false;
    }
    // the lowercase word's `word_key`, built byte by byte and searched as a number: a slice
    // copy and slice compares each call `memcpy` or `memcmp`, at more than the regex saves
    let mut key = [0u8; 16];
    for (k, b) in key.iter_mut().zip(w.bytes()) {
        *k = b.to_ascii_lowercase();
    }
    key[15] = w.len() as u8;
    ASCII_SHARE_TARGET_KEYS
        .binary_search(&u128::from_be_bytes(key))
        .is_ok()
}

impl Rule for UiLabelLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        // lines naming one share target each, removed when two or more follow each other; a
        // one-word label that is itself a bar's button (`Share`, `Email`, `Print`) goes as a
        // label and counts as one of the run (`Share` / `Facebook`, `Email` / `WhatsApp`).
        // The run holds (line, whether it is such a label), in line order.
        let mut run: Vec<(usize, bool)> = Vec::new();
        let flush = |run: &mut Vec<(usize, bool)>, out: &mut Vec<Removal>| {
            let bar = run.len() >= 2;
            for &(i, label) in run.iter() {
                let c = line_core(doc, i);
                if label {
                    out.push(
                        Removal::line(&Self::META, i).with_note(format!("widget label {c:?}")),
                    );
                } else if bar {
                    out.push(
                        Removal::line(&Self::META, i)
                            .with_note(format!("share target {c:?} in a share bar")),
                    );
                }
            }
            run.clear();
        };
        // a bare previous/next label removed on the paragraph before: the linked title follows
        let mut after_bare_label = false;
        // every paragraph so far removed here as a label: the top of the page, its menu
        let mut leading = true;
        for i in doc.paragraphs() {
            let in_leading_run = std::mem::take(&mut leading);
            if run.last().is_some_and(|&(t, _)| t + 1 != i) {
                flush(&mut run, out);
            }
            let info = doc.info(i);
            let title_expected = std::mem::take(&mut after_bare_label);
            if info.words <= FILE_LINK_MAX_WORDS
                && has_file_size(doc.line(i))
                && FILE_LINK.is_match(doc.line(i))
            {
                flush(&mut run, out);
                out.push(Removal::line(&Self::META, i).with_note("file link"));
                continue;
            }
            if info.words <= NAVIGATION_MAX_WORDS
                && opens_and_matches(
                    &POST_NAVIGATION_OPENINGS,
                    &POST_NAVIGATION,
                    doc.line(i).trim(),
                )
            {
                flush(&mut run, out);
                out.push(Removal::line(&Self::META, i).with_note("post navigation"));
                after_bare_label = is_bare_navigation_label(doc.line(i).trim());
                continue;
            }
            if title_expected && (1..=LINKED_TITLE_MAX_WORDS).contains(&info.words) {
                flush(&mut run, out);
                out.push(
                    Removal::line(&Self::META, i)
                        .with_note("post navigation: the linked post's title under its label"),
                );
                continue;
            }
            if info.words <= FEEDBACK_PROMPT_MAX_WORDS
                && doc.line(i).contains(['?', '？'])
                && asks_about_usefulness(doc.line(i))
                && FEEDBACK_PROMPT.is_match(line_core(doc, i))
            {
                flush(&mut run, out);
                out.push(Removal::line(&Self::META, i).with_note("feedback prompt"));
                continue;
            }
            if info.words > 6 {
                flush(&mut run, out);
                if info.words <= TOOLBAR_MAX_WORDS
                    && opens_and_matches(&TOOLBAR_OPENINGS, &TOOLBAR, line_core(doc, i))
                {
                    out.push(Removal::line(&Self::META, i).with_note("article toolbar"));
                }
                continue;
            }
            let c = line_core(doc, i);
            // a poem's `Listen` over `and I listen.`: the text's own word
            if opens_a_sentence(doc, i) {
                flush(&mut run, out);
                continue;
            }
            // the words, counted, and whether each is a share target (tested up to the first
            // that is not), in one pass with no buffer
            let (mut words, mut all_targets) = (0usize, true);
            for w in c
                .split(|ch: char| {
                    ch.is_whitespace() || ch == '|' || ch == '/' || ch == ',' || ch == '：'
                })
                .filter(|w| !w.is_empty())
            {
                words += 1;
                all_targets = all_targets && is_share_target(w);
            }
            let all_targets = words > 0 && all_targets;
            // a footer link's label that titles its own page (`Privacy Policy` over the
            // policy) is the page's title
            let label = ((is_label(c) || is_publisher_label(c) || is_apply_or_feed_button(c))
                && !heads_its_page(doc, i, c))
                || names_its_target(c, doc.line(i))
                || (in_leading_run && is_top_section_label(c) && heads_a_short_line(doc, i));
            leading = in_leading_run && label;
            if label && words == 1 && all_targets {
                run.push((i, true));
            } else if label
                || (words >= 2
                    && (all_targets || opens_and_matches(&TOOLBAR_OPENINGS, &TOOLBAR, c)))
            {
                flush(&mut run, out);
                out.push(Removal::line(&Self::META, i).with_note(format!("widget label {c:?}")));
            } else if words == 1 && all_targets {
                run.push((i, false));
            } else {
                flush(&mut run, out);
            }
        }
        flush(&mut run, out);
    }
}

/// A link's verb and what follows it, up to a closing arrow (see [`names_its_target`]).
static GO_TO: Lazy = Lazy::new(
    r"(?i)^(?:go\s+to|gehe\s+zu[mr]?|aller\s+(?:à|au|aux)|ir\s+(?:a|al)|vai\s+(?:a|al|alla)|ga\s+naar)\s+(\S.*?)(?:\s*[»›→>])?$",
);

/// A link's label that names the page it leads to: `Go to Google News`, `Go to Home Page`,
/// `Gehe zu Übersicht`, `Aller à Accueil`, `Ir a Portada`, `Ga naar Nieuws`: the verb, then one
/// to three words that each open in uppercase or with a digit (a page's name, as a menu writes
/// it), and nothing after them but an arrow (`c` is the core of `line`, which must not end like
/// a sentence). `Go to bed early` (lowercase, an instruction) and
/// `Go to the end of the square` stay.
fn names_its_target(c: &str, line: &str) -> bool {
    let b = c.as_bytes();
    if !matches!(
        b.first(),
        Some(b'g' | b'G' | b'a' | b'A' | b'i' | b'I' | b'v' | b'V')
    ) {
        return false;
    }
    let Some(target) = GO_TO.captures(c).and_then(|m| m.get(1)) else {
        return false;
    };
    let mut words = 0;
    for w in target.as_str().split_whitespace() {
        words += 1;
        let first = w.chars().next().unwrap_or(' ');
        if words > 3 || !(first.is_uppercase() || first.is_ascii_digit()) {
            return false;
        }
    }
    words > 0 && !line.trim_end().ends_with(['.', '!', '?', ',', ';', ':'])
}

/// Paragraphs below a document's first line searched for the subject of its title.
const TITLE_SUBJECT_REACH: usize = 4;

/// Fewest words of a paragraph that names a title's subject.
const TITLE_SUBJECT_WORDS: u32 = 10;

/// Fewest letters of a label's word that can name the page's subject.
const SUBJECT_WORD_CHARS: usize = 5;

/// Whether label `c` on line `i` is the title of a page about it (`Privacy Policy` over
/// `This privacy policy explains ...` or `This policy explains ...`, `Terms of Service` over
/// `These terms govern ...`): the document's first line, of two words or more, one of whose
/// words of [`SUBJECT_WORD_CHARS`] letters or more that is no stopword (`about`) recurs in a
/// paragraph of [`TITLE_SUBJECT_WORDS`] words among the next [`TITLE_SUBJECT_REACH`]. The
/// same label in a menu or a footer has more labels around it, not prose on its subject.
fn heads_its_page(doc: &Document, i: usize, c: &str) -> bool {
    let mut paragraphs = doc.paragraphs();
    if paragraphs.next() != Some(i) || c.split_whitespace().count() < 2 {
        return false;
    }
    let subjects: Vec<String> = c
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| w.chars().count() >= SUBJECT_WORD_CHARS)
        .map(str::to_lowercase)
        .filter(|w| super::classifier::stopwords::langs_of(w.as_bytes()) == 0)
        .collect();
    if subjects.is_empty() {
        return false;
    }
    paragraphs.take(TITLE_SUBJECT_REACH).any(|j| {
        doc.info(j).words >= TITLE_SUBJECT_WORDS && {
            let para = doc.line(j).to_lowercase();
            subjects.iter().any(|w| para.contains(w.as_str()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shape::core;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&UiLabelLine, text)
    }

    #[test]
    fn openings_let_every_alternative_through() {
        use crate::rules::shape::assert_openings_cover;
        let labels = [
            "TT",
            "T T",
            "tt",
            "A A",
            "A+ A",
            "AA-",
            "A - A +",
            "A A A",
            "AAA",
            "A+",
            "A+ A-",
            "AA",
            "Font size",
            "Text size",
            "Schriftgröße",
            "Taille du texte",
            "Tamaño de letra",
            "Tamaño de fuente",
            "Print",
            "Print this page",
            "Print article",
            "Print story",
            "Drucken",
            "Imprimer",
            "Imprimir",
            "Stampa",
            "Listen",
            "Listen to this article",
            "Listen to story",
            "Vorlesen",
            "Anhören",
            "Écouter",
            "Escuchar",
            "Ascolta",
            "Share",
            "Share this",
            "Share on",
            "Share this article",
            "Share post",
            "Teilen",
            "Artikel teilen",
            "Partager",
            "Compartir",
            "Condividi",
            "Save",
            "Save article",
            "Save for later",
            "Merken",
            "Speichern",
            "Enregistrer",
            "Guardar",
            "Copy link",
            "Link kopieren",
            "Copier le lien",
            "Copiar enlace",
            "Email",
            "E-mail",
            "Tweet",
            "Bookmark",
            "Zoom",
            "Resize",
            "Close",
            "Schließen",
            "Fermer",
            "Paylaş",
            "Sdílet",
            "Zdieľať",
            "Megosztás",
            "Distribuie",
            "Поделиться",
            "シェア",
            "分享到",
            "Cerrar",
            "Beitrag teilen",
            "Seite teilen",
            "Post teilen",
            "Kommentieren",
            "Commenter",
            "Comentar",
            "Commenta",
            "Learn more",
            "Mehr erfahren",
            "En savoir plus",
            "Saiba mais",
            "Infórmate más",
            "Informate mas",
            "Read more",
            "Continue reading",
            "Weiterlesen",
            "Mehr lesen",
            "Lire la suite",
            "Leer más",
            "Seguir leyendo",
            "Toggle navigation",
            "Open the menu",
            "Close search",
            "Show menu",
            "Hide navigation",
            "Main menu",
            "Menu",
            "Menü",
            "Search",
            "Search for",
            "Search here",
            "Search this site",
            "Search the site",
            "Search site",
            "Search articles",
            "Suche",
            "Suchen",
            "Suchen nach",
            "Suchbegriff",
            "Suchbegriff eingeben",
            "Suche in allen Inhalten",
            "Suche in Beiträgen",
            "Suche in Artikeln",
            "Buscar",
            "Búsqueda",
            "Rechercher",
            "Szukaj",
            "Terms and conditions",
            "Terms & conditions",
            "Terms of use",
            "Terms of service",
            "Privacy",
            "Privacy policy",
            "Privacy statement",
            "Privacy notice",
            "Cookie policy",
            "Contact us",
            "About us",
            "Advertise",
            "Advertise with us",
            "Sitemap",
            "Site map",
            "RSS",
            "Impressum",
            "Datenschutz",
            "Datenschutzerklärung",
            "Kontakt",
            "Aviso legal",
            "Política de privacidad",
            "Politica de privacidad",
            "Contacto",
            "Mentions légales",
            "Nous contacter",
            "Menü öffnen",
            "Navigation schließen",
            "Suche umschalten",
            "Abrir menú",
            "Abrir menu",
            "Ouvrir le menu",
            "Back",
            "Back to top",
            "Back to overview",
            "Back to the list",
            "Back to list",
            "Back to home",
            "Zurück",
            "Zurück zur Übersicht",
            "Zurück zum Anfang",
            "Zurück zu Startseite",
            "Nach oben",
            "Volver",
            "Volver arriba",
            "Volver al inicio",
            "Retour",
            "Retour en haut",
            "Escucha esta nota",
            "Escuchar la noticia aquí",
            "Log in",
            "Sign in",
            "Login",
            "Einloggen",
            "Anmelden",
            "Se connecter",
            "Accedi",
            "Inloggen",
            "Logga in",
            "Zaloguj się",
            "Kirjaudu sisään",
            "Войти",
            "Увійти",
            "Connexion",
            "Iniciar sesión",
            "Iniciar sesion",
            "Ingresar",
            "Entrar",
            "Add to basket",
            "Add to wishlist",
            "Add to cart",
            "Buy now",
            "In stock",
            "Out of stock",
            "Basket (0)",
            "In den Warenkorb",
            "Ajouter au panier",
            "Añadir al carrito",
            "Aggiungi al carrello",
            "Print recipe",
            "Rezept drucken",
            "Imprimir receta",
            "Imprimer la recette",
            "Jump to recipe",
            "Skip to recipe",
            "Zum Rezept springen",
            "Pin it",
            "Pinnen",
            "Erfahre mehr",
            "Dowiedz się więcej",
            "Externer Inhalt",
            "Empfohlener redaktioneller Inhalt",
            "External content",
            "4 min read",
            "5-minute read",
            "12 mins. reading time",
            "3 min lesezeit",
            "2 min de lectura",
            "2 min lecture",
            "3 min di lettura",
            "Reading time: 3 min",
            "Lesezeit: ca. 3 Minuten",
            "Lesedauer 4 min",
            "Tiempo de lectura: 2 minutos",
            "Temps de lecture : 3 min",
            "Tempo di lettura 2 min",
            "Skip to content",
            "Skip to main content",
            "Zum Inhalt springen",
            "Aller au contenu",
            "Ir al contenido",
            "Afdrukken",
            "Drukuj",
            "Partilhar",
            "Compartilhe",
            "Delen",
            "Deel dit artikel",
            "Udostępnij",
            "Artikel merken",
            "Bewaren",
            "Salva",
            "Teilen auf WhatsApp",
            "Partilhar por e-mail",
            "Compartilhar no Facebook",
            "Deel via WhatsApp",
            "Udostępnij na Facebooku",
            "4 min de lecture",
            "5 minuten leestijd",
            "Lectura de 4 minutos",
            "Tempo di lettura: 5 minuti",
            "Lettura: 5 min",
            "Tempo de leitura: 3 min",
            "Leestijd: 4 minuten",
            "Czas czytania: 5 min",
            "Aller au contenu principal",
            "Saltar al contenido",
            "Vai al contenuto",
            "Saltar para o conteúdo",
            "Pular para o conteúdo",
            "Saltar para a pesquisa",
            "Ir para a navegação",
            "Vai alla navigazione",
            "Listen on Apple Podcasts",
            "Listen on Spotify",
            "Subscribe on Google Podcasts",
            "Follow on SoundCloud",
            "Auf Spotify anhören",
            "Bei Deezer abonnieren",
            "Escuchar en Spotify",
            "Écouter sur Deezer",
            "Ecouter sur Spotify",
            "Guardar en Pinterest",
            "Save to Pinterest",
            "Naar hoofdinhoud",
            "Przejdź do treści",
            "Home",
            "Homepage",
            "Home page",
            "Startseite",
            "Accueil",
            "Inicio",
            "Início",
            "Pagina iniziale",
            "Strona główna",
            "Naslovnica",
            "Početna",
            "Startsida",
            "Forside",
            "Forsiden",
            "Etusivu",
            "Hlavní stránka",
            "Úvodní stránka",
            "Titulná stránka",
            "Domov",
            "Acasă",
            "Kezdőlap",
            "Ana sayfa",
            "Головна",
            "Главная",
            "Hjem",
            "Naslovna",
            "Главна",
            "Начало",
            "Αρχική",
            "الرئيسية",
            "ראשי",
            "Trang chủ",
            "Chia sẻ",
            "Sao chép liên kết",
            "Cỡ chữ",
            "Bagikan",
            "Bagikan artikel ini",
            "Bagikan berita",
            "Salin tautan",
            "Salin link",
            "Ukuran huruf",
            "Ukuran teks",
            "Preskoči na glavni sadržaj",
            "Hopp til hovedinnhold",
            "Към съдържанието",
            "Hoppa till innehållet",
            "Gå till huvudinnehållet",
            "Till innehållet",
            "Gå til innhold",
            "Gå til hovedindholdet",
            "Spring til indhold",
            "Siirry sisältöön",
            "Přejít na obsah",
            "Přejít k obsahu",
            "Prejsť na obsah",
            "Preskoči na sadržaj",
            "Sari la conținut",
            "Ugrás a tartalomra",
            "İçeriğe geç",
            "Перейти до вмісту",
            "Перейти к содержимому",
            "Jump to navigation",
            "Jump to search",
            "Jump to content",
            "Zur Navigation springen",
            "Zur Suche springen",
            "Aller à la navigation",
            "Aller à la recherche",
            "Ir a la navegación",
            "Ir a la búsqueda",
            "Vai alla navigazione",
            "Vai alla ricerca",
            "Naar navigatie springen",
            "Naar zoeken springen",
            "Przejdź do nawigacji",
            "Przejdź do wyszukiwania",
            "1.2k shares",
            "12 shares",
            "1 share",
            "Sharing is caring",
            "Sharing is caring!",
            "Sharen mit",
            "Teilen mit:",
            "Share via",
            "Share with",
            "Podziel się",
            "Udostępnij",
            "Diesen Artikel als PDF herunterladen",
            "Als PDF herunterladen",
            "Download PDF",
            "Download as PDF",
            "Enlarge",
            "Click to enlarge",
            "Click here to enlarge this image",
            "Enlarge photo",
            "View larger",
            "View full-size image",
            "View full size picture",
            "Vergrößern",
            "Bild vergrößern",
            "Foto vergrößern",
            "Agrandir",
            "Agrandir l'image",
            "Ampliar",
            "Ampliar imagen",
            "Ampliar foto",
            "Ingrandisci",
            "Did you enjoy this article?",
            "Did you like this post",
            "Did you find this answer helpful?",
            "Was this helpful?",
            "Copy page",
            "Edit on GitHub",
            "Edit this page on GitLab",
            "Read the full transcript",
            "Partager la page",
            "Sign up",
            "Was this page helpful?",
            "Is this information useful",
            "Was this story",
            "War dieser Artikel hilfreich?",
            "Ist diese Seite hilfreich",
            "War dieser Beitrag hilfreich",
            "Cet article vous a-t-il été utile ?",
            "• Menu",
            "» Read more",
            "Skip to navigation",
            "Skip to the main content",
            "Skip to footer site map",
            "Share this on WhatsApp",
            "Share on Facebook",
            "Auf Facebook teilen",
            "Per E-Mail teilen",
            "Per WhatsApp versenden",
            "Partager sur Facebook",
            "Partager sur X",
            "Envoyer par e-mail",
            "Compartir en WhatsApp",
            "Enviar por correo",
            "Condividi su Facebook",
            "Artikel anhören",
            "Écouter cet article",
            "Escuchar este artículo",
            "Share this article via email",
            "Loading...",
            "Loading…",
            "Wird geladen …",
            "Chargement en cours...",
            "Cargando...",
            "Subscribe",
            "Subscribe now",
            "Abonnieren",
            "Suscríbete",
            "Abonnez-vous",
            "Apply now",
            "Jetzt bewerben",
            "Postuler",
            "Save job",
            "Job merken",
            "Stelle merken",
            "Edit this page",
            "Diese Seite bearbeiten",
            "Buy tickets",
            "Get tickets",
            "Book tickets",
            "Tickets kaufen",
            "Add to calendar",
            "Add to Google Calendar",
            "Zum Kalender hinzufügen",
            "In den Kalender eintragen",
            "Ajouter au calendrier",
            "Añadir al calendario",
            "Aggiungi al calendario",
            "Toevoegen aan agenda",
            "Click to expand...",
            "Click to shrink...",
            "Zum Vergrößern anklicken....",
            "Klicken zum Vergrößern",
            "Clicca per espandere...",
            "Cliquez pour agrandir",
            "Beiträge: 12",
            "Posts: 8.431",
            "Messages: 1,204",
            "Messaggi: 77",
            "Mensajes: 5",
            "Reaktionspunkte: 40",
            "Reaction score: 3",
            "Registriert seit: 12.03.2019",
            "Dabei seit: 2020",
            "Mitglied seit: 04.05.2018",
            "Member since: 2015",
            "Joined: 12 Mar 2021",
            "Iscritto il: 2 mag 2023",
            "Iscritto dal: 2023",
            "Inscrit le: 3 mars 2022",
            "Registrado: 5 ene 2020",
            "Miembro desde: 2019",
        ];
        assert_openings_cover(&LABEL_OPENINGS, &LABEL, core, &labels);
        let publisher_labels = [
            "ホーム",
            "View in browser",
            "View this email in your browser",
            "View online",
            "E-Mail im Browser ansehen",
            "Im Browser anzeigen",
            "Afficher dans le navigateur",
            "Ver en el navegador",
            "Visualizza nel browser",
            "Apri nel browser",
            "Leggi nel browser",
            "Bekijk in je browser",
            "Press release",
            "News releases",
            "Pressemitteilung",
            "Presseinformation",
            "Communiqué de presse",
            "Comunicato stampa",
            "Notas de prensa",
            "Comunicados de prensa",
            "Persbericht",
            "Newsroom",
            "Press room",
            "Sala de prensa",
            "Salle de presse",
            "Sala stampa",
            "Pressebereich",
            "トップページ",
            "View this newsletter in the web browser",
            "View as a web page",
            "View as webpage",
            "Newsletter im Browser lesen",
            "Voir sur votre navigateur",
            "Ver en tu navegador",
            "Visualizza sul tuo browser",
            "Bekijk in uw browser",
            "Press releases",
            "News release",
            "Pressemitteilungen",
            "Communiqués de presse",
            "Comunicati stampa",
            "Nota de prensa",
            "Persberichten",
            "Pressroom",
            "Im Browser öffnen",
            "Newsletter im Browser öffnen",
            "COMMUNIQUÉ DE PRESSE",
        ];
        for l in publisher_labels {
            for l in [l.to_string(), l.to_uppercase(), l.to_lowercase()] {
                assert!(is_publisher_label(&l), "{l:?}");
            }
        }
        let navigation = [
            "Previous article",
            "Prev Post",
            "Next post",
            "Older story",
            "Newer entry",
            "Previous article The harbour plan",
            "Vorheriger Artikel",
            "Voriger Beitrag",
            "Nächster Eintrag",
            "Älterer Artikel",
            "Neuerer Beitrag",
            "Article précédent",
            "Billet suivant",
            "Artículo anterior",
            "Articulo siguiente",
            "Entrada anterior",
            "Nota siguiente",
            "Postnavigation",
            "Beitragsnavigation",
            "Post-navigation",
            "← Older title → Newer title",
        ];
        assert_openings_cover(
            &POST_NAVIGATION_OPENINGS,
            &POST_NAVIGATION,
            str::trim,
            &navigation,
        );
        let toolbars = [
            "Print Email",
            "Print this article | Email this story",
            "Printer friendly version Email",
            "Printer-friendly Share",
            "E-mail to a friend | Print",
            "Email us Print",
            "Send this article to a friend Print",
            "Send to a friend | Print",
            "Share this Tweet",
            "Share options Save",
            "Tweet this Save this",
            "Tweet it Print",
            "Save to favorites Print",
            "Bookmark this Print",
            "Recommend this Print",
            "Comment Print",
            "Comments Print",
            "Add a comment Print",
            "Add comments Print",
            "Leave a comment Print",
            "Text size Print",
            "Font size Print",
            "RSS feed Print",
            "RSS Print",
            "Return to top Print",
            "Back to top Print",
            "Top Print",
            "Digg this Print",
            "Digg it Print",
            "Digg Print",
            "del.icio.us Print",
            "Facebook Print",
            "Twitter Print",
            "LinkedIn Print",
            "Reddit Print",
            "WhatsApp Print",
            "Pinterest Print",
            "Drucken Teilen",
            "Teilen Drucken",
            "Versenden Drucken",
            "Merken Drucken",
            "Kommentieren Drucken",
            "Imprimir Compartir",
            "Compartir Enviar",
            "Enviar Imprimir",
            "Imprimer Partager",
            "Partager Envoyer",
            "Envoyer Imprimer",
            "Pin Print",
            "Pin it Print",
            "Pin recipe Print",
            "Pinnen Drucken",
            "Jump to recipe Print",
            "Go to recipe Print",
            "Zum Rezept Drucken",
            "Ir a la receta Imprimir",
            "Aller à la recette Imprimer",
        ];
        assert_openings_cover(&TOOLBAR_OPENINGS, &TOOLBAR, core, &toolbars);
        let targets = [
            "VKontakte",
            "Odnoklassniki",
            "QQ",
            "Qzone",
            "LINE",
            "KakaoTalk",
            "KakaoStory",
            "Naver",
            "LiveJournal",
            "Delen",
            "Partilhar",
            "Compartilhar",
            "Udostępnij",
            "Paylaş",
            "Sdílet",
            "Zdieľať",
            "Megosztás",
            "Distribuie",
            "Dela",
            "Jaa",
            "ВКонтакте",
            "Одноклассники",
            "Поделиться",
            "فيسبوك",
            "واتساب",
            "シェア",
            "ツイート",
            "LINEで送る",
            "分享到",
            "微信",
            "QQ空间",
            "카카오톡",
            "facebook",
            "twitter",
            "x",
            "whatsapp",
            "telegram",
            "linkedin",
            "pinterest",
            "reddit",
            "email",
            "e-mail",
            "mail",
            "print",
            "messenger",
            "flipboard",
            "tumblr",
            "xing",
            "copy",
            "link",
            "share",
            "sms",
            "threads",
            "bluesky",
            "vk",
            "mix",
            "pocket",
            "digg",
            "stumbleupon",
            "drucken",
            "imprimir",
            "imprimer",
            "stampa",
            "teilen",
            "compartir",
            "partager",
            "condividi",
            "tweet",
            "pin",
            "pinnen",
            "instagram",
            "youtube",
            "tiktok",
            "mastodon",
            "gmail",
            "outlook",
            "skype",
            "viber",
            "weibo",
            "wechat",
            "kopieren",
            "copiar",
            "copier",
        ];
        assert_openings_cover(&SHARE_TARGET_OPENINGS, &SHARE_TARGET, |w| w, &targets);
        for l in ["Harbour plan", "He said", "(Print)", "Yes", "Oslo"] {
            for (o, re) in [
                (&LABEL_OPENINGS, &LABEL),
                (&POST_NAVIGATION_OPENINGS, &POST_NAVIGATION),
                (&TOOLBAR_OPENINGS, &TOOLBAR),
                (&SHARE_TARGET_OPENINGS, &SHARE_TARGET),
            ] {
                assert!(!o.may_open(l) && !re.is_match(l), "{l:?}");
            }
        }
    }

    #[test]
    fn first_words_are_those_of_the_pattern() {
        crate::rules::shape::assert_first_words_of(&LABEL_FIRST_WORDS, LABEL.pattern());
        // (`Yes` shares a word's bit and goes on to the regex, which turns it down)
        for l in [
            "Harbour plan",
            "He said",
            "(Print)",
            "The end",
            "Oslo",
            "Printer",
            "Press release",
        ] {
            assert!(!LABEL_FIRST_WORDS.may_open(l), "{l:?}");
        }
    }

    #[test]
    fn podcast_platform_buttons_go_and_sentences_about_them_stay() {
        assert_eq!(
            removed("Listen on Apple Podcasts\nListen on Spotify\n* Auf Spotify anhören\nSaltar para a pesquisa\nGuardar en Pinterest"),
            (0..5).collect::<Vec<_>>()
        );
        assert!(removed(
            "You can listen on Spotify to every episode of the series.\n\
            Listen on Spotify: the band's new single\n\
            Sie können die Folge auf Spotify anhören, sagte der Sender."
        )
        .is_empty());
    }

    #[test]
    fn labels_go() {
        assert_eq!(
            removed("TT\nA+ A-\nPrint\nDrucken\nCompartir\nFacebook Twitter WhatsApp\nwhatsapp pinterest facebook twitter mail Drucken\nCopy link\nBeitrag teilen\nKommentieren\nLearn more\nInfórmate más\nToggle navigation\nMenü öffnen\n* Menu\nBack to top\nZurück zur Übersicht\nVolver arriba\nESCUCHA ESTA NOTA AQUÍ\nLog in\nIniciar sesión\nRezept drucken\nPin it\nExterner Inhalt\n4 Min Read\n5-minute read\nLesezeit: 3 Minuten\nTiempo de lectura: 2 min"),
            (0..28).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_newsletter_s_browser_link_and_a_newsroom_s_labels_go() {
        assert_eq!(
            removed("View in browser\nThe Morning Ledger\nGood morning. Markets closed higher on Monday after a weak jobs report.\nNewsroom\nPress release\nSala de prensa"),
            vec![0, 3, 4, 5]
        );
    }

    #[test]
    fn section_names_in_the_menu_at_the_top_of_a_page_go() {
        // the menu's run at the top: a home link, then section names over the headline
        assert_eq!(
            removed(
                "ホーム\nニュース\n社会\n北海道で大雪\n北海道では5日朝にかけて大雪となりました。"
            ),
            vec![0, 1, 2]
        );
        assert_eq!(
            removed("Podcasts\nThe Long Field\nWelcome back to the show, where we talk about soil and farms."),
            vec![0]
        );
        // over prose the name heads the page; below the top it is the text's
        assert!(removed(
            "News\nNews is information about current events, passed on by word of mouth."
        )
        .is_empty());
        assert_eq!(
            removed("Úvod\nOznámení o uzavírce\nOdbor dopravy oznamuje uzavírku silnice.\nÚvod\nKapitola o historii"),
            vec![0]
        );
    }

    #[test]
    fn publisher_labels_match_whole_lines_only() {
        for l in [
            "View",
            "View in",
            "View in browser now",
            "Press",
            "Press releases and news",
            "News",
            "Im Browser",
            "Sala",
            "Newsroomx",
            "Browser",
        ] {
            assert!(!is_publisher_label(l), "{l:?}");
        }
    }

    #[test]
    fn top_section_labels_match_in_any_case_and_nothing_longer() {
        for c in ["Podcasts", "PODCAST", "Úvod", "ÚVOD", "ニュース", "社会"] {
            assert!(is_top_section_label(c), "{c:?}");
        }
        for c in ["Podcasts and radio", "Úvodem", "News", "", "ニュース一覧"] {
            assert!(!is_top_section_label(c), "{c:?}");
        }
    }

    #[test]
    fn shop_buttons_go() {
        assert_eq!(
            removed("Basket (0)\nIn stock\nAdd to basket\nAdd to wishlist\nBuy now\nIn den Warenkorb\nAjouter au panier\nThe machine makes espresso at home."),
            (0..7).collect::<Vec<_>>()
        );
        // a sentence about stock stays
        assert!(removed("In stock markets, prices fell on Monday.").is_empty());
    }

    #[test]
    fn apply_buttons_and_feed_links_go() {
        let buttons = "Aplikuj teraz\nApply now\nJetzt bewerben\nPostuler\nCandidatar-se\nInscríbete\nPostúlate\nCandidati ora\nSolliciteer nu\nAnsök nu\nOnline bewerben\nSubscribe to updates via RSS\nSubscribe via RSS\nFollow by Email\nSubscribe to our RSS feed\nRSS-Feed abonnieren\nS'abonner au flux RSS\nSuscríbete al feed RSS\nIscriviti al feed RSS";
        assert_eq!(removed(buttons), (0..19).collect::<Vec<_>>());
        // sentences that mention applying or subscribing stay
        assert!(removed(
            "Candidates can apply now through the city's portal.\n\
            Aplikuj teraz, a odpowiemy w ciągu tygodnia, obiecuje firma w ogłoszeniu.\n\
            Subscribe to updates via RSS or email to stay informed about the works.\n\
            Candidature\n\
            Bewerbung"
        )
        .is_empty());
        for c in [
            "Candidatura",
            "Online",
            "Hier",
            "Subscribe to the updates of the council",
            "S",
        ] {
            assert!(!is_apply_or_feed_button(c), "{c:?}");
        }
    }

    #[test]
    fn every_wording_of_an_apply_or_feed_button_goes() {
        // the word lists read off the phrases let every wording through, in any ASCII case
        for phrase in APPLY_OR_FEED_BUTTONS {
            for w in crate::rules::word_phrase::wordings(phrase) {
                let mut capitalized = w.clone();
                if let Some(first) = capitalized.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                let upper = w.is_ascii().then(|| w.to_ascii_uppercase());
                for c in [Some(w.clone()), Some(capitalized), upper]
                    .into_iter()
                    .flatten()
                {
                    assert!(is_apply_or_feed_button(&c), "{phrase:?}: {c:?}");
                }
            }
        }
        for l in ["The end", "In stock", "Harbour plan", "Posted by"] {
            assert!(!APPLY_OR_FEED_FIRST_LETTERS.may_open(l), "{l:?}");
        }
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
    fn a_bare_navigation_label_takes_the_title_under_it() {
        let text = "Vorheriger Artikel\n\nDie Versuchungen des Absolutismus. Gegenwart und Tradition\nNächster Artikel:\nSinn ohne Wort\nThe essay below goes on for a while and is prose.";
        assert_eq!(removed(text), [0, 2, 3, 4]);
        // a label with a title of its own, the navigation heading, or a long line under it: the
        // next line stays
        assert_eq!(
            removed("Previous article The harbour plan\nThe next line"),
            [0]
        );
        assert_eq!(removed("Beitragsnavigation\nThe next line"), [0]);
        assert_eq!(
            removed(
                "Next post »\nA line of thirteen words that is much too long to be a title here"
            ),
            [0]
        );
        assert!(is_bare_navigation_label("Article précédent :"));
        assert!(!is_bare_navigation_label(
            "Previous Article Table of Contents Next Article"
        ));
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
    fn links_naming_their_page_go() {
        assert_eq!(
            removed("Go to Google News\nGo to Home Page »\n* Go to 2024 Archive\nIr a Portada\nGehe zum Archiv"),
            (0..5).collect::<Vec<_>>()
        );
        // an instruction, a sentence, a route: the text's own
        assert!(removed("Go to bed early\nGo to the end of the square\nGo to Paris.\nGo to a neighbour's when alone,\nGo to New York City Hall Today").is_empty());
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
        // the search from each `b` finds what a scan from each `k`/`m` finds
        let scanned = |line: &str| {
            let b = line.as_bytes();
            (0..b.len()).any(|i| {
                matches!(b[i], b'k' | b'K' | b'm' | b'M')
                    && matches!(b.get(i + 1), Some(b'b' | b'B'))
                    && i > 0
                    && (b[i - 1].is_ascii_digit()
                        || (b[i - 1] == b' ' && i > 1 && b[i - 2].is_ascii_digit()))
            })
        };
        for line in [
            "",
            "b",
            "kb",
            "1kb",
            " kb",
            "1 kb",
            "a kb",
            "1  kb",
            "x1Kb",
            "2mB.",
            "mb 3",
            "ab",
            "1 b",
            "1k b",
            "12 MB, 3 KB",
            "Ü1 kB",
            "1 ümb",
            "bbb 9 mbb",
        ] {
            assert_eq!(has_file_size(line), scanned(line), "{line:?}");
        }
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
        // a comment button counts in a bar, not alone (a thread's heading)
        assert!(removed("The vote was close.\nComments\nAnna wrote on Tuesday:").is_empty());
        // the German comment button is `Kommentieren` (the verb), a share target like `Kommentare`
        assert!(SHARE_TARGET.is_match("Kommentieren"));
        assert!(SHARE_TARGET.is_match("Kommentare"));
        assert!(!SHARE_TARGET.is_match("Kommentarieren"));
    }

    #[test]
    fn share_bars_in_other_scripts_and_regional_networks_go() {
        // a share button and its targets, one per line, as sites in other scripts write them
        for bar in [
            "Поделиться\nВКонтакте\nОдноклассники\nTelegram",
            "シェア\nツイート\nLINEで送る",
            "分享到：\n微信\n微博\nQQ空间",
            "微信\n微博\nQzone\n评论",
            "Facebook\nTwitter\nComments",
            "شارك\nفيسبوك\nتويتر\nواتساب",
            "공유하기\n카카오톡\n페이스북",
            "Paylaş\nFacebook\nTwitter",
            "Sdílet\nFacebook\nX",
        ] {
            let text = format!("{bar}\nThe article begins with a sentence of its own here.");
            let n = bar.lines().count();
            assert_eq!(removed(&text), (0..n).collect::<Vec<_>>(), "{bar:?}");
        }
    }

    #[test]
    fn share_copy_link_and_font_size_labels_in_more_languages_go() {
        // each alone above the text: a copy-link button, a font-size control, a share button
        for label in [
            "링크복사",
            "링크 복사",
            "글자크기 설정",
            "글자 크기",
            "字号：大 中 小",
            "字体 大 中 小",
            "复制链接",
            "Chia sẻ",
            "Sao chép liên kết",
            "Cỡ chữ",
            "Bagikan artikel ini",
            "Salin tautan",
            "Ukuran huruf",
            "แชร์",
        ] {
            let text = format!("{label}\nThe article begins with a sentence of its own here.");
            assert_eq!(removed(&text), [0], "{label:?}");
        }
        // share bars: a button and the networks' names in Devanagari and Thai, one per line,
        // and a Chinese bar on one line, its button glued to the first target by a full-width
        // colon
        for bar in [
            "शेयर करें\nफेसबुक\nट्विटर\nव्हाट्सऐप",
            "แชร์\nFacebook\nLINE",
            "แชร์\nเฟซบุ๊ก\nไลน์",
            "分享到：微信 微博 QQ空间",
        ] {
            let text = format!("{bar}\nThe article begins with a sentence of its own here.");
            let n = bar.lines().count();
            assert_eq!(removed(&text), (0..n).collect::<Vec<_>>(), "{bar:?}");
        }
        // a network's name alone in a sentence's place stays, as in Latin script
        assert!(removed("The council voted.\nफेसबुक\nThe vote was close.").is_empty());
    }

    #[test]
    fn a_bar_button_between_targets_keeps_the_bar_going() {
        // `Email` is a label and a button of the bar: the target after it goes too
        assert_eq!(
            removed("Share\nFacebook\nTwitter\nEmail\nWhatsApp\nThe council voted on Tuesday."),
            (0..5).collect::<Vec<_>>()
        );
        // one button beside one target is a bar of two
        assert_eq!(
            removed("Share\nWhatsApp\nThe council voted on Tuesday."),
            [0, 1]
        );
        // a target alone, away from any button, is a word of the article
        assert!(removed("The council voted.\nWhatsApp\nThe vote was close.").is_empty());
    }

    #[test]
    fn toolbars_go() {
        let text = "Print Email Return to Top\nEmail to a friend Printer friendly\nSend this article: Print Email\nText Size Print Email RSS\nShare Tweet\nAdd comments | Save this page | Bookmark\nFacebook · Twitter · Email\nJump to Recipe Print Recipe Pin Recipe\nZum Rezept Drucken Pinnen\nSkip to main content | Skip to footer site map";
        assert_eq!(removed(text), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn sentences_with_toolbar_words_stay() {
        // a toolbar is actions only: a word that is not one keeps the line
        assert!(removed("Print and email were the only ways to reach them\nShare your story with us\nTop Stories\nComments from readers\nSave the date: the festival is back").is_empty());
    }

    #[test]
    fn sentences_with_the_words_stay() {
        assert!(removed("Print editions fell by half.\nShare prices rose.\nListen to the people, she said.\nTTIP talks\nThe menu changes daily.\nBack to the harbour they went.\nLog in to the council's site to see the plans.\n4 minutes read like an hour.\nLoading the ships took three days.\nSubscribe to the idea that less is more, she said.\nShare this on your own terms.").is_empty());
    }

    #[test]
    fn a_label_word_that_opens_a_sentence_of_a_poem_stays() {
        let poem = "and a voice in me says\nHome\nas if it were a command.\n\
            I hear my mother say\nListen\nand I listen.\nPrint\n\nthe rest of it.";
        // `Print` has a blank line under it: a label
        assert_eq!(removed(poem), vec![6]);
        // a menu's next item opens with a capital; two words do not carry a sentence on, nor
        // does a line that ends with a name
        assert_eq!(
            removed("Home\nNews\nSearch\nin english.\nShare\nfacebook twitter mail"),
            vec![0, 2, 4, 5]
        );
    }

    #[test]
    fn a_policy_label_that_titles_its_own_page_stays() {
        assert!(removed(
            "Privacy Policy\n\nThis privacy policy explains which data the booking service collects and why.\n"
        )
        .is_empty());
        assert!(removed(
            "Terms of Service\nLast updated: 1 February 2024\n1. Scope\n\
             1.1 These terms govern your use of the booking service and its mobile apps.\n"
        )
        .is_empty());
        // the label's other word names the subject, after a dateline
        assert!(removed(
            "Privacy Policy\nEffective date: 2 May 2024\nThis policy says which records the club keeps about its members and for how long.\n"
        )
        .is_empty());
        assert!(removed(
            "Terms of Service\nThese terms govern your use of the club's booking pages and its app.\n"
        )
        .is_empty());
        // a stopword of the label (`about`) names no subject
        assert_eq!(
            removed("About us\nHome\nThe mayor spoke about the harbour plan for an hour on Monday evening.\n"),
            [0, 1]
        );
        // nor does a link naming its target, or a word of fewer than five letters
        assert_eq!(
            removed("Go to Google News\nThe news agency said on Monday that the harbour plan would cost more.\n"),
            [0]
        );
        assert_eq!(
            removed("Main menu\nThe main square was closed on Monday while the harbour wall was repaired.\n"),
            [0]
        );
        // in a footer, or first on a page about something else, it is a link's label
        assert_eq!(
            removed("Privacy Policy\nThe ferry returns on Saturday after two years of repairs.\n"),
            [0]
        );
        assert_eq!(
            removed("The ferry returns on Saturday after two years.\nPrivacy policy\nThis privacy policy explains which data the booking service collects.\n"),
            [1]
        );
    }

    #[test]
    fn a_help_page_s_feedback_prompt_with_its_buttons_goes() {
        for line in [
            "Questa pagina ti è stata utile? Sì No",
            "Queste informazioni ti sono state utili?",
            "¿Te ha resultado útil esta página? Sí No",
            "¿Este artículo te ha resultado útil?",
            "Cette page vous a-t-elle été utile ? Oui Non",
            "War diese Antwort hilfreich? Ja Nein",
            "Hat Ihnen dieser Artikel geholfen?",
            "Was this page helpful? Yes No",
            "Was this review helpful? Yes (3) No (1)",
            "Did you find this article helpful? Yes / No",
            "Esta página foi útil? Sim Não",
            "Was dit artikel nuttig? Ja Nee",
        ] {
            assert_eq!(removed(line).len(), 1, "{line:?}");
        }
        // a sentence that asks about usefulness, or a prompt with more after it, stays
        for line in [
            "Questa pagina ti è stata utile per preparare l'esame di guida?",
            "Was this page helpful to the council when it voted on the plan?",
            "Was this page helpful? Tell us more about what you were looking for today.",
            "Die Frage, ob diese Seite hilfreich ist, stellt sich jeder Leser irgendwann.",
        ] {
            assert!(removed(line).is_empty(), "{line:?}");
        }
    }

    #[test]
    fn the_usefulness_test_wants_a_whole_word() {
        assert!(asks_about_usefulness("Was this page HELPFUL? Yes No"));
        assert!(asks_about_usefulness("¿Te ha resultado útil esta página?"));
        assert!(!asks_about_usefulness("Was this page unhelpfully long?"));
        assert!(!asks_about_usefulness("Is this the utility room?"));
    }

    /// The spellings of a whole-word pattern's alternative: its letters, with each optional
    /// letter (`s?`) and each optional or plain group of letters (`(?:talk|story)?`) written
    /// out every way.
    fn spellings(alternative: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut rest = alternative;
        while !rest.is_empty() {
            let (choices, after): (Vec<String>, &str) = if let Some(r) = rest.strip_prefix("(?:") {
                let end = r.find(')').expect("a group closes");
                (
                    r[..end].split('|').flat_map(spellings).collect(),
                    &r[end + 1..],
                )
            } else {
                let c = rest.chars().next().unwrap_or_default();
                (vec![c.to_string()], &rest[c.len_utf8()..])
            };
            let (choices, after) = match after.strip_prefix('?') {
                Some(a) => ([vec![String::new()], choices].concat(), a),
                None => (choices, after),
            };
            out = out
                .iter()
                .flat_map(|o| choices.iter().map(move |c| format!("{o}{c}")))
                .collect();
            rest = after;
        }
        out
    }

    /// The alternatives of [`SHARE_TARGET`], as written in the pattern.
    fn share_target_alternatives() -> Vec<String> {
        let pattern = SHARE_TARGET.get().as_str();
        let body = pattern
            .split_once("^(?:")
            .and_then(|(_, b)| b.strip_suffix(")$"))
            .expect("a whole-word list");
        let (mut alternatives, mut depth, mut start) = (Vec::new(), 0, 0);
        for (k, c) in body.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                '|' if depth == 0 => {
                    alternatives.push(body[start..k].trim().to_string());
                    start = k + 1;
                }
                _ => {}
            }
        }
        alternatives.push(body[start..].trim().to_string());
        alternatives
    }

    #[test]
    fn ascii_share_targets_are_the_patterns_ascii_spellings() {
        let mut from_pattern: Vec<String> = share_target_alternatives()
            .iter()
            .filter(|a| a.is_ascii())
            .flat_map(|a| spellings(a))
            .collect();
        from_pattern.sort();
        from_pattern.dedup();
        let table: Vec<String> = ASCII_SHARE_TARGETS
            .iter()
            .map(|t| String::from_utf8(t.to_vec()).unwrap())
            .collect();
        assert_eq!(table, from_pattern, "the table is the pattern's, sorted");
        assert!(table.iter().all(|t| t.len() <= ASCII_SHARE_TARGET_MAX_BYTES
            && t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        assert!(table
            .iter()
            .any(|t| t.len() == ASCII_SHARE_TARGET_MAX_BYTES));
        assert!(ASCII_SHARE_TARGET_KEYS.windows(2).all(|k| k[0] < k[1]));
        assert_ne!(word_key(b"print"), word_key(b"print\0"));
        // every other alternative holds a letter no ASCII letter matches in any case, so no
        // ASCII word matches it
        for a in share_target_alternatives().iter().filter(|a| !a.is_ascii()) {
            assert!(
                a.chars().any(|c| {
                    let alone =
                        regex::Regex::new(&format!("(?i)^{}$", regex::escape(&c.to_string())))
                            .unwrap();
                    !c.is_ascii() && !(0u8..128).any(|b| alone.is_match(&char::from(b).to_string()))
                }),
                "{a:?}"
            );
        }
    }

    #[test]
    fn share_target_answers_as_the_pattern() {
        let mut words: Vec<String> = ASCII_SHARE_TARGETS
            .iter()
            .map(|t| String::from_utf8(t.to_vec()).unwrap())
            .collect();
        words.extend(
            share_target_alternatives()
                .iter()
                .flat_map(|a| spellings(a)),
        );
        for extra in [
            "",
            "Facebook",
            "WhatsApp",
            "LINE",
            "E-Mail",
            "ſhare",
            "\u{212A}akao",
            "Facebooks",
            "acebook",
            "kakaotal",
            "odnoklassnikis",
            "The",
            "In",
            "Re",
            "x-",
            "(Print)",
            "Oslo",
            "Udostępnij",
            "ВКонтакте",
            "LINEで送る",
            "QQ空间",
            "Délen",
            "lineで",
            "print\0",
            "odnoklassnikiodnoklassniki",
        ] {
            words.push(extra.to_string());
        }
        let variants: Vec<String> = words
            .iter()
            .flat_map(|w| [w.clone(), w.to_uppercase(), w.to_lowercase()])
            .filter(|w| !w.contains(char::is_whitespace))
            .collect();
        for w in &variants {
            assert_eq!(is_share_target(w), SHARE_TARGET.is_match(w), "{w:?}");
        }
        assert!(is_share_target("WhatsApp") && is_share_target("QQ空间"));
        assert!(!is_share_target("The") && is_share_target("ſhare"));
    }
}
