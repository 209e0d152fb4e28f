//! R011: comment-widget lines ("Comments", "No comments yet...", "Leave a comment").

use super::shape::{short_line_opens_and_matches, FirstWords, Lazy, Openings};
use super::{Category, Rule, RuleMeta};
use crate::doc::{Document, Removal};

crate::declare_rule! {
    /// A line of a comment widget: its heading ("Comments", "12 Comments", "Kommentare",
    /// "Commentaires", "Comentarios", "Recent comments", "Neueste Kommentare", "Vos réactions"),
    /// its empty state ("No comments yet...", "Noch keine
    /// Kommentare", "Aucun commentaire", "Sin comentarios") and its buttons ("Leave a comment",
    /// "Be the first to comment", "Log in to comment", "Kommentar schreiben", "Laisser un
    /// commentaire", "Deja un comentario", "Reply").
    ///
    /// Only whole lines of at most eight words are matched, so an article sentence about
    /// comments stays.
    ///
    /// Reply forms count too: `Leave a reply`, `Hinterlasse eine Antwort`, `Deja una respuesta`,
    /// `Lascia un commento`; and the same widget in Portuguese, Dutch, Polish and Italian
    /// (`Comentários (12)`, `Deixe um comentário`, `Reacties (4)`, `Plaats een reactie`,
    /// `Komentarze (17)`, `Dodaj komentarz`, `Zostaw komentarz`, `Nessun commento`), and headings and buttons in
    /// Swedish, Danish, Norwegian, Finnish, Czech, Slovak, Croatian, Romanian, Hungarian,
    /// Turkish, Ukrainian and Russian (`Komentari (2)`, `Kommentarer`, `Hozzászólások`,
    /// `Yorumlar`, `Skriv en kommentar`, `Комментарии`); reply buttons and comment headings in
    /// Russian, Ukrainian, Greek, Arabic, Hebrew, Turkish, Japanese, Chinese and Korean
    /// (`Ответить`, `Απάντηση`, `رد`, `השב`, `Yanıtla`, `返信`, `回复`, `답글`, `Добавить
    /// комментарий`, `أضف تعليقك`, `תגובות`, `评论`, `댓글`).
    ///
    /// A forum thread's header, when its posts are not numbered, goes too: who started the
    /// thread and when (`Started by jdoe, March 3, 2026`, `Gestartet von jdoe, 3. März 2026`,
    /// `Iniziato da marco_87, 14 febbraio 2026`, `Iniciado por jdoe el 3 de marzo de 2026`,
    /// `Commencé par jdoe, le 3 mars 2026`), a line of at most twelve words whose name (one to
    /// three words) is followed by a separator or a preposition and a date part holding a
    /// digit; and the line right under it when it is that name alone (the poster's name over
    /// the first post). A sentence such as "Started by two brothers in a garage, the firm now
    /// employs 400 people." is longer or has no date after its name, and stays.
    ///
    /// Example: `Comments` / `No comments yet...` at the end of an article: both removed.
    pub struct CommentWidget => ("R011", "comment-widget", Category::Chrome);
}

static WIDGET: Lazy = Lazy::new(
    r"(?ix)^(?:
        (?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|coment[áa]rios?|reacties|reactie|komentarz[ey]?|reactions?|responses?)(?:\s*\(\d+\))?
      | (?:show|view|load|see|hide|read)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments?
      | no\s+comments?(?:\s+yet)? | there\s+are\s+no\s+comments(?:\s+yet)? | be\s+the\s+first\s+to\s+comment
      | (?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply|response) | leave\s+a\s+reply | cancel\s+reply
      | (?:log|sign)\s+in\s+to\s+(?:comment|reply|join\s+the\s+(?:discussion|conversation))
      | join\s+the\s+(?:discussion|conversation) | comments?\s+are\s+closed | reply | antworten | répondre | responder
      | kommentar\s+(?:schreiben|verfassen|abgeben) | noch\s+keine\s+kommentare | kommentare\s+anzeigen | diskutieren\s+sie\s+mit
      | laisser\s+un\s+commentaire | aucun\s+commentaire | ajouter\s+un\s+commentaire | réagir
      | deja\s+(?:un|tu)\s+comentario | sin\s+comentarios | a[nñ]adir\s+comentario | escribe\s+un\s+comentario
      | (?:recent|latest|top)\s+comments | (?:neueste|letzte|aktuelle)\s+kommentare | derniers\s+commentaires
      | hinterlasse\s+(?:eine\s+antwort|einen\s+kommentar) | schreibe?\s+einen\s+kommentar | lascia\s+un\s+commento
      | kommentieren\s+sie(?:\s+(?:mit|den\s+artikel|diesen\s+artikel))? | vos\s+réactions\s*\(\d+\)
      | (?:bitte\s+)?(?:loggen|melden)\s+sie\s+sich\s+(?:vor\s+dem\s+kommentieren\s+|zum\s+kommentieren\s+)?(?:ein|an)(?:\s+login)?
      | deja\s+una\s+respuesta | laisser\s+une\s+réponse
      | vos\s+(?:réactions|commentaires) | [uú]ltimos\s+comentarios | ultimi\s+commenti | reacties | komentarze
      | deixe\s+(?:um|o\s+seu|seu)\s+coment[áa]rio | (?:sem|nenhum)\s+coment[áa]rios? | escreva\s+um\s+coment[áa]rio | responder
      | plaats\s+een\s+reactie | geef\s+een\s+reactie | nog\s+geen\s+reacties | reageer | reageren
      | (?:dodaj|zostaw)\s+komentarz | (?:brak|nie\s+ma)\s+komentarzy | napisz\s+komentarz | odpowiedz
      | (?:nessun|aggiungi\s+un)\s+commento | scrivi\s+un\s+commento | rispondi
      | (?:\d+\s+)?(?:komentari|komentáře|komentáre|kommentarer|kommentit|comentarii|hozzászólások|yorumlar|коментарі|комментарии)(?:\s*\(\d+\))?
      | (?:skriv|lägg\s+till|legg\s+igjen)\s+en\s+kommentar | (?:ingen|inga)\s+kommentarer(?:\s+ännu|\s+endnu|\s+enda)?
      | kirjoita\s+kommentti | ei\s+kommentteja | napište\s+komentář | napíšte\s+komentár
      | lasă\s+un\s+comentariu | (?:ostavite|napišite)\s+komentar | yorum\s+yaz | yorum\s+yap[ıi]n
      | залишити\s+коментар | оставить\s+комментарий | нет\s+комментариев
      | ответить | відповісти | добавить\s+комментарий | додати\s+коментар
      | απάντηση | σχόλια(?:\s*\(\d+\))? | προσθήκη\s+σχολίου
      | رد | الرد | (?:\d+\s+)?(?:تعليقات|التعليقات)(?:\s*\(\d+\))? | (?:أضف|اترك)\s+(?:تعليقك|تعليقا|تعليق)
      | השב | הגב | תגובות(?:\s*\(\d+\))? | הוסף\s+תגובה
      | yan[ıi]tla | cevapla | yorum\s+ekle
      | 返信(?:する)? | コメント(?:する|を書く)? | 回复 | 评论(?:\s*\(\d+\))? | 发表评论 | 답글(?:\s*달기)? | 댓글(?:\s*\(\d+\))?
    )$",
);

/// The first two letters of every alternative of [`WIDGET`] (the count before a heading is a
/// number): a line whose core opens otherwise is not a widget line (see
/// [`Openings::may_open`]).
static WIDGET_OPENINGS: Openings = Openings::new(
    &[
        b"co", b"ko", b"re", b"sh", b"vi", b"lo", b"se", b"hi", b"no", b"th", b"be", b"le", b"po",
        b"ad", b"wr", b"su", b"ca", b"si", b"jo", b"an", b"di", b"la", b"au", b"aj", b"de", b"es",
        b"to", b"ne", b"ak", b"sc", b"vo", b"bi", b"me", b"ul", b"pl", b"ge", b"do", b"br", b"ni",
        b"na", b"od", b"ag", b"ri", b"ho", b"yo", b"sk", b"in", b"ki", b"ei", b"la", b"os", b"ya",
        b"ce", b"zo",
    ],
    true,
);

/// How a forum thread's header names who started it, lowercase (see [`thread_starter`]).
const THREAD_STARTER_OPENERS: [&str; 16] = [
    "started by",
    "thread starter",
    "topic started by",
    "discussion started by",
    "gestartet von",
    "thema gestartet von",
    "iniziato da",
    "discussione iniziata da",
    "aperto da",
    "iniciado por",
    "iniciada por",
    "commencé par",
    "lancé par",
    "gestart door",
    "begonnen door",
    "założony przez",
];

/// The opening ASCII letters of every opener of [`THREAD_STARTER_OPENERS`], where ASCII
/// follows them (`commencé`, `lancé` and `założony` run into a non-ASCII letter, which
/// [`FirstWords::may_open`] lets through): a hashed set tried before the openers, which turns
/// down nearly every line for the cost of hashing its first word.
static THREAD_STARTER_FIRST_LETTERS: FirstWords = FirstWords::of_openers(&THREAD_STARTER_OPENERS);

/// The first letter of every opener of [`THREAD_STARTER_OPENERS`], as bits (`a` the lowest):
/// tried on a line's first byte before anything else.
const THREAD_STARTER_INITIALS: u32 = {
    let mut bits = 0;
    let mut k = 0;
    while k < THREAD_STARTER_OPENERS.len() {
        let b = THREAD_STARTER_OPENERS[k].as_bytes()[0];
        assert!(
            b.is_ascii_lowercase(),
            "an opener opens with an ASCII letter"
        );
        bits |= 1 << (b - b'a');
        k += 1;
    }
    bits
};

/// Most words of a thread starter's header line.
const THREAD_STARTER_MAX_WORDS: u32 = 12;

/// Most words of the starter's name and of the date after it.
const THREAD_STARTER_NAME_WORDS: usize = 3;
const THREAD_STARTER_DATE_WORDS: usize = 7;

/// The words that may stand between the starter's name and the date instead of a separator.
const THREAD_STARTER_DATE_WORDS_BEFORE: [&str; 9] =
    ["on", "am", "il", "el", "le", "op", "at", "em", "dnia"];

/// The starter's name when `line` is a forum thread's header (`Started by jdoe, March 3,
/// 2026`): an opener of [`THREAD_STARTER_OPENERS`], perhaps a colon, a name of one to three
/// words, then a separator (`,`, `·`, `|`, `•`, `-`, `–`) or a preposition (`on`, `am`, `le`,
/// ...) and a date part of at most seven words that holds a digit.
fn thread_starter(line: &str) -> Option<String> {
    // the first letter of an opener, any case
    let opens = |b: u8| {
        b.is_ascii_alphabetic() && THREAD_STARTER_INITIALS & (1 << ((b | 0x20) - b'a')) != 0
    };
    // a line opening with other printable ASCII, which trimming leaves in place, is turned
    // down before the trim: most lines
    if line
        .as_bytes()
        .first()
        .is_none_or(|&b| (b'!'..0x80).contains(&b) && !opens(b))
    {
        return None;
    }
    let line = line.trim();
    if !line.as_bytes().first().is_some_and(|&b| opens(b))
        || !THREAD_STARTER_FIRST_LETTERS.may_open(line)
    {
        return None;
    }
    // ASCII letters in any case; a non-ASCII one (`Commencé`) as the list spells it
    let opener = THREAD_STARTER_OPENERS.iter().find(|o| {
        line.as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
    })?;
    let rest = line[opener.len()..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let (name, date): (Vec<&str>, Vec<&str>) = match rest.find([',', '·', '|', '•', '–']) {
        Some(at) => {
            let sep = rest[at..].chars().next().map_or(1, char::len_utf8);
            (
                rest[..at].split_whitespace().collect(),
                rest[at + sep..].split_whitespace().collect(),
            )
        }
        None => {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let at = (1..words.len().min(THREAD_STARTER_NAME_WORDS + 1)).find(|&k| {
                words[k] == "-"
                    || THREAD_STARTER_DATE_WORDS_BEFORE
                        .iter()
                        .any(|p| words[k].eq_ignore_ascii_case(p))
            })?;
            (words[..at].to_vec(), words[at + 1..].to_vec())
        }
    };
    let date_last = date.last()?;
    let fits = (1..=THREAD_STARTER_NAME_WORDS).contains(&name.len())
        && date.len() <= THREAD_STARTER_DATE_WORDS
        && date.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        && !date_last.ends_with(['.', '!', '?']);
    fits.then(|| name.join(" "))
}

impl Rule for CommentWidget {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Removal>) {
        // the name of a thread's starter from the header on the paragraph before
        let mut starter: Option<String> = None;
        for i in doc.paragraphs() {
            let after_header = starter.take();
            if is_widget_line(doc, i) {
                out.push(Removal::line(&Self::META, i).with_note("comment widget line"));
            } else if after_header.is_some_and(|name| doc.line(i).trim() == name) {
                out.push(Removal::line(&Self::META, i).with_note("thread starter's name"));
            } else if doc.info(i).words <= THREAD_STARTER_MAX_WORDS {
                starter = thread_starter(doc.line(i));
                if starter.is_some() {
                    out.push(Removal::line(&Self::META, i).with_note("thread header"));
                }
            }
        }
    }
}

/// Whether line `i` is a comment widget's line (`3 Comments`, `Leave a reply`): where a
/// comment section starts, for rules that must stop before one.
pub(crate) fn is_widget_line(doc: &Document, i: usize) -> bool {
    short_line_opens_and_matches(doc, i, 8, &WIDGET_OPENINGS, &WIDGET)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<usize> {
        crate::rules::testing::removed_starts(&CommentWidget, text)
    }

    #[test]
    fn a_thread_header_and_the_starter_s_name_under_it_go() {
        assert_eq!(
            removed("Iniziato da marco_87, 14 febbraio 2026\nmarco_87\nHo un problema con la caldaia da giorni.\nStarted by jdoe, March 3, 2026\nGestartet von Jane Doe, 3. März 2026\nIniciado por jdoe el 3 de marzo de 2026\nCommencé par jdoe - le 3 mars 2026"),
            vec![0, 1, 3, 4, 5, 6]
        );
        // the name goes only right under its header
        assert_eq!(
            removed("Started by jdoe, March 3, 2026\nThe boiler stops.\njdoe"),
            vec![0]
        );
    }

    #[test]
    fn thread_starter_first_letters_let_every_opener_through() {
        for o in THREAD_STARTER_OPENERS {
            let capitalized = format!("{}{}", o[..1].to_ascii_uppercase(), &o[1..]);
            for header in [o.to_string(), capitalized] {
                let header = format!("{header} jdoe, March 3, 2026");
                assert_eq!(
                    thread_starter(&header).as_deref(),
                    Some("jdoe"),
                    "{header:?}"
                );
            }
            for text in [
                format!("{o} jdoe, 2026"),
                format!("{} JDOE, 2026", o.to_uppercase()),
            ] {
                assert!(THREAD_STARTER_FIRST_LETTERS.may_open(&text), "{text:?}");
            }
        }
        for l in ["The end", "Stadt", "In 2026", "Discussed at length"] {
            assert!(!THREAD_STARTER_FIRST_LETTERS.may_open(l), "{l:?}");
        }
    }

    #[test]
    fn sentences_opening_like_a_thread_header_stay() {
        assert!(removed(
            "Started by two brothers in a garage in 1998, the firm now employs 400 people.\n\
            Started by the council, the fund pays 3 grants.\n\
            Gestartet von Berlin aus, erreichte die Tour 2024 Rom.\n\
            Started by jdoe\n\
            Iniziato da Marco, poi abbandonato."
        )
        .is_empty());
    }

    #[test]
    fn widget_lines_go() {
        assert_eq!(removed("Comments\nNo comments yet...\n12 Comments\nLeave a comment\nKommentar schreiben\nDeja un comentario"), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn recent_comments_headings_go() {
        assert_eq!(
            removed("Recent Comments\nNeueste Kommentare\nVos réactions\nÚltimos comentarios"),
            vec![0, 1, 2, 3]
        );
    }

    #[test]
    fn reply_forms_go() {
        assert_eq!(
            removed("Hinterlasse eine Antwort\nDeja una respuesta\nLascia un commento\nLaisser une réponse\nSchreib einen Kommentar\nKommentieren Sie\nVos réactions (11)\nBitte loggen Sie sich vor dem Kommentieren ein"),
            (0..8).collect::<Vec<_>>()
        );
    }

    #[test]
    fn openings_let_every_alternative_through() {
        let lines = [
            "Comments",
            "Comment (3)",
            "12 Comments",
            "7 comments (7)",
            "Kommentare",
            "Kommentar",
            "Commentaires",
            "Commentaire",
            "Comentarios",
            "Comentario",
            "Commenti",
            "Reactions",
            "Reaction",
            "Responses",
            "Response",
            "Show all comments",
            "View 12 comments",
            "Load more comments",
            "See comments",
            "Hide comment",
            "Read all 5 comments",
            "No comments",
            "No comment yet",
            "There are no comments yet",
            "Be the first to comment",
            "Leave a comment",
            "Post your reply",
            "Add a response",
            "Write comment",
            "Submit your comment",
            "Leave a reply",
            "Cancel reply",
            "Log in to comment",
            "Sign in to reply",
            "Sign in to join the discussion",
            "Log in to join the conversation",
            "Join the discussion",
            "Join the conversation",
            "Comments are closed",
            "Reply",
            "Antworten",
            "Répondre",
            "Responder",
            "Kommentar schreiben",
            "Kommentar verfassen",
            "Kommentar abgeben",
            "Noch keine Kommentare",
            "Kommentare anzeigen",
            "Diskutieren Sie mit",
            "Laisser un commentaire",
            "Aucun commentaire",
            "Ajouter un commentaire",
            "Réagir",
            "Deja un comentario",
            "Deja tu comentario",
            "Sin comentarios",
            "Añadir comentario",
            "Anadir comentario",
            "Escribe un comentario",
            "Recent comments",
            "Latest comments",
            "Top comments",
            "Neueste Kommentare",
            "Letzte Kommentare",
            "Aktuelle Kommentare",
            "Derniers commentaires",
            "Hinterlasse eine Antwort",
            "Zostaw komentarz",
            "Hinterlasse einen Kommentar",
            "Schreibe einen Kommentar",
            "Schreib einen Kommentar",
            "Lascia un commento",
            "Kommentieren Sie",
            "Kommentieren Sie mit",
            "Kommentieren Sie den Artikel",
            "Kommentieren Sie diesen Artikel",
            "Vos réactions (11)",
            "Bitte loggen Sie sich ein",
            "Loggen Sie sich an",
            "Melden Sie sich an login",
            "Bitte melden Sie sich vor dem Kommentieren an",
            "Loggen Sie sich zum Kommentieren ein",
            "Deja una respuesta",
            "Laisser une réponse",
            "Vos réactions",
            "Vos commentaires",
            "Últimos comentarios",
            "Ultimos comentarios",
            "Ultimi commenti",
            "Reacties",
            "Komentarze",
            "Comentários (12)",
            "Comentário",
            "Reacties (4)",
            "Komentarz",
            "Deixe um comentário",
            "Sem comentários",
            "Nenhum comentário",
            "Escreva um comentário",
            "Responder",
            "Plaats een reactie",
            "Geef een reactie",
            "Nog geen reacties",
            "Reageer",
            "Dodaj komentarz",
            "Brak komentarzy",
            "Nie ma komentarzy",
            "Napisz komentarz",
            "Odpowiedz",
            "Nessun commento",
            "Aggiungi un commento",
            "Scrivi un commento",
            "Rispondi",
            "Komentari (2)",
            "3 Kommentarer",
            "Kommentit",
            "Komentáře",
            "Komentáre (5)",
            "Comentarii",
            "Hozzászólások",
            "Yorumlar (4)",
            "Коментарі",
            "Комментарии (12)",
            "Skriv en kommentar",
            "Lägg till en kommentar",
            "Legg igjen en kommentar",
            "Ingen kommentarer endnu",
            "Inga kommentarer ännu",
            "Kirjoita kommentti",
            "Ei kommentteja",
            "Napište komentář",
            "Napíšte komentár",
            "Lasă un comentariu",
            "Ostavite komentar",
            "Napišite komentar",
            "Yorum yaz",
            "Yorum yapın",
            "Залишити коментар",
            "Оставить комментарий",
            "Нет комментариев",
            "Ответить",
            "Відповісти",
            "Добавить комментарий",
            "Απάντηση",
            "Σχόλια (3)",
            "رد",
            "أضف تعليقك",
            "التعليقات",
            "השב",
            "תגובות",
            "Yanıtla",
            "Cevapla",
            "Yorum ekle",
            "返信",
            "コメント",
            "回复",
            "发表评论",
            "답글 달기",
            "댓글 (4)",
            "• Comments:",
            "» Reply",
        ];
        use super::super::shape::{assert_openings_cover, core};
        assert_openings_cover(&WIDGET_OPENINGS, &WIDGET, core, &lines);
        for l in [
            "Gallery",
            "Follow us",
            "Image: Reuters",
            "Of comments",
            "(12) Comments",
        ] {
            assert!(!WIDGET_OPENINGS.may_open(l) && !WIDGET.is_match(l), "{l:?}");
        }
    }

    #[test]
    fn sentences_about_comments_stay() {
        assert!(removed("The comments were removed by the moderators on Friday.\nNo comment, the minister said.").is_empty());
    }
}
