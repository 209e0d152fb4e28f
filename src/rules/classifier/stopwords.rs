//! Compiled-in stopword lists (short, hand-picked function words) for the block classifier.
//!
//! One table maps a lowercased word to a bit set of the languages that list it. The lists are
//! deliberately short: the classifier needs the density of function words in a line, not a
//! linguistic inventory, and the most frequent hundred words of a language carry nearly all of it.

use std::sync::OnceLock;

/// Languages with a stopword list, in bit order.
pub const LANGS: [&str; 20] = [
    "en", "de", "es", "fr", "it", "pt", "nl", "pl", "cs", "sv", "da", "no", "fi", "ro", "ru", "tr",
    "hu", "uk", "sk", "hr",
];

/// Languages that say with endings what others say with function words (Finnish, Turkish,
/// Hungarian): a short list finds few of their words, so the classifier takes sentence shape
/// into account beside the list (bit `i` = `LANGS[i]`).
pub const SPARSE_LANGS: u32 = (1 << 12) | (1 << 15) | (1 << 16);

/// Slavic languages have no articles, so their function words are fewer in a sentence than in
/// the Romance and Germanic ones the thresholds were set on: their density counts this much
/// more (bit `i` = `LANGS[i]`).
pub const ARTICLELESS_LANGS: u32 =
    (1 << 7) | (1 << 8) | (1 << 14) | (1 << 17) | (1 << 18) | (1 << 19);
pub const ARTICLELESS_SCALE: f32 = 1.5;

/// The bits of [`LANGS`] in a word's value (a table may keep other flags above them).
pub const LANG_BITS: u32 = (1 << LANGS.len()) - 1;

const EN: &str =
    "a about above after again against all also am an and any are as at be because been \
before being below between both but by can could did do does doing down during each few for from \
further had has have having he her here hers herself him himself his how i if in into is it its \
itself just me more most my myself no nor not now of off on once only or other our ours ourselves \
out over own same she should so some such than that the their theirs them themselves then there \
these they this those through to too under until up very was we were what when where which while \
who whom why will with would you your yours yourself yourselves may might must shall upon us who's \
it's don't can't i'm he's she's that's there's we're they're i've isn't wasn't didn't doesn't \
won't been says said one two many much even still though although however";

const DE: &str =
    "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus \
bei bin bis bist da damit dann das dass daß dein deine dem den denn der des dich die dies diese \
diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas \
euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr \
ihre ihrem ihren ihrer im in ins ist jede jedem jeden jeder jetzt kann kein keine können könnte \
man manche mein meine mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr \
sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst über um und uns \
unser unter viel vom von vor war waren warum was weil welche wenn wer werde werden wie wieder \
will wir wird wo wollen wurde würde wurden zu zum zur zwar zwischen einer schon dabei sowie";

const ES: &str = "a al algo algunas algunos ante antes como con contra cual cuando de del desde \
donde durante e el él ella ellas ellos en entre era erais eran es esa esas ese eso esos esta estaba \
estaban estado estar este esto estos fue fueron fui ha había habían han has hasta hay la las le les \
lo los más me mi mis mucho muy nada ni no nos nosotros o os otra otras otro otros para pero poco \
por porque que qué quien se sea según ser si sí sido sin sobre son su sus también tanto te tiene \
tienen todo todos tu tus un una uno unos y ya yo cada puede pueden sus así entre sido dijo";

const FR: &str = "à au aux avec ce ces cet cette dans de des du elle elles en entre et était être \
eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où \
par pas peu plus pour qu que qui sa sans se ses son sont sur ta te tes toi ton tous tout toute \
toutes très tu un une vos votre vous y été avait avaient comme donc dont encore fait faire ici \
l d c j n s qu' l' d' c'est aussi alors ainsi depuis après avant selon sous lors";

const IT: &str =
    "a ad al alla alle allo agli ai anche avere aveva c che chi ci come con contro da \
dal dalla dalle dei del della delle dello degli di dove e è ed era erano essere fa gli ha hanno \
ho i il in io la le lei li lo loro lui ma mi mia mio ne negli nei nel nella nelle non noi o per \
perché più poi quale quando quanto quella quelle quello questa queste questo se sei si sia siamo \
sono sta stato su sua sue sui sul sulla suo suoi tra tu tutti tutto un una uno vi voi anche già \
molto essere stati dopo cui però";

const PT: &str =
    "a à ao aos as às até com como da das de dela dele deles depois do dos e é ela elas \
ele eles em entre era eram essa essas esse esses esta estas este estes eu foi foram há isso isto \
já lhe lhes mais mas me mesmo meu minha muito na nas não nem no nos nós o os ou para pela pelas \
pelo pelos por qual quando que quem se seja sem ser seu seus só sua suas também te tem têm tu um \
uma umas uns você vocês sobre ainda onde está estão pode podem foi tinha";

const NL: &str = "aan al alle als bij dan dat de der deze die dit doch doen door dus een en er \
ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun ik in is ja je kan kon kunnen \
maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons ook op over reeds \
te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil \
worden wordt zal ze zelf zich zij zijn zo zonder zou nog al worden zoals";

const PL: &str = "a aby ale bardzo bez bo by był była było były być będzie będą co czy dla do gdy \
gdzie go i ich im innych jak jako jednak jego jej jest jeszcze jeśli już je jeden jedna kiedy kto \
która które którego której który których ma mają mi może można mnie na nad nam nas nawet nie niż \
nich nim o od oraz po pod przed przez przy się sobie są ta tak także tam te tego tej ten też to tu \
tylko tym u w we więc wszystko z za ze że żeby został została zostało tych między około potem \
teraz gdyż jakie jaki ponieważ wiele wszystkich swoje swoich";

const CS: &str = "a aby ale ani asi by byl byla bylo byly být co či do i jak jako je jeho její \
jejich jen jsem jsme jsou již k ke kde když která které kterou který kteří má mají mezi mi mít na \
nad než není o od on ona oni po pod pro protože před při s se si sice tak také tam to tedy ten \
tento této toho tím tu u už v ve však z za ze že bude budou jejím jemu nám nás vám více může \
můžeme musí podle kterých tato tyto svůj své svých";

const SV: &str = "och att det som en på är av för med till den har de inte om ett han men var jag \
sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle \
kommer ut får finns vara hade alla andra mycket än här då sedan över bara blir blev två vad detta \
dessa hans hennes deras vår våra sina sitt hur utan mellan genom många något några inom vilket \
vilken vilka redan";

const DA: &str = "og i at det er en til på som de med han af for ikke der var mig sig men et har \
om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her \
alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit \
også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive \
mange bliver hendes været sådan mellem uden";

const NO: &str = "og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg \
seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans \
hvor eller hva skal selv her alle vil bli ble blitt kunne inn når være kom noen noe ville dere \
deres kun etter ned skulle denne deg sine sitt mot å hvorfor dette disse uten hvordan ingen din \
ditt blir samme hvilken hvilke mellom vår hver hvem hvis både bare enn fordi før mange også slik \
vært siden";

const FI: &str = "ja on ei se että hän oli ovat mutta kun niin kuin myös tai jos sen hänen ne he \
me te minä sinä mitä mikä joka jotka ole olla ollut olivat tämä nämä siellä sitten vielä jo nyt \
vain koska kanssa mukaan sekä eli ennen jälkeen noin yli alle aina voi voidaan pitää tässä tästä \
siitä sitä niitä hänet heidän meidän teidän olen olet olemme ollaan jonka joiden jossa josta johon \
kaikki kaikkien kuitenkin yksi kaksi vuonna tämän niiden eikä vaan siis ehkä juuri hyvin paljon \
enemmän kuten";

const RO: &str = "și în a la de cu pe că nu o un se din care este sunt mai au fost pentru ce ca \
sau dar le lui ei ea el ele al ale cel cea după prin sub până dacă doar foarte fi fie va vor avea \
are am ai îl își iar când unde cum acest această aceasta acesta aceste acestei acestui între fără \
despre spre tot toate toți unei unui sale său sa fiind poate pot mult multe dintre asupra deja \
încă acolo aici nici ori alte unor noi voi lor";

const RU: &str = "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по \
только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни \
быть был него до вас опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней \
для мы тебя их чем была сам без будто чего раз тоже себе под будет ж тогда кто этот того потому \
этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда можно при два об \
другой хоть после над больше тот через эти нас про всего них какая много три эту моя свою этой \
перед лучше том нельзя такой им более всегда всю между это также которые который которая которых \
года";

const TR: &str = "ve bir bu da de için ile olarak çok daha gibi en ne o ama var mı mi sonra kadar \
ise veya ya her şey şu olan olduğu değil diye göre ancak hem ki bile ben sen biz siz onlar onun \
bunu bunun şimdi nasıl neden çünkü yani ayrıca aynı başka böyle önce sadece tüm yeni iki ilk büyük \
bazı olduğunu oldu olması ederek tarafından içinde üzerinde burada orada hiç hep artık beni seni \
bana sana ona bize size onları şöyle öyle eğer fakat ilgili karşı doğru itibaren dolayı yine zaten \
belki";

const HU: &str = "a az és hogy nem is egy de meg ez volt van el már csak mint még ki be fel le ha \
vagy azt ami aki minden után által mert most itt ott sem pedig lesz kell lehet nagyon mi ő én te \
ti ők ezt annak ennek amely amelyek között alatt azonban így úgy majd ahol amikor ilyen olyan \
valamint volna vannak voltak sok több első két egyik másik szerint számára illetve hanem vagyis \
hiszen tehát mégis sőt nincs lett lenne nekem neki vele benne arra erre ahogy miért hol mely \
melyek azok ezek";

const UK: &str = "і й та в у на з із зі до за від по під про при для без через що як це не ні так \
але або чи ж же вже ще також тому щоб якщо коли де тут там він вона воно вони ми ви я ти його \
її їх їм йому їй нас вас нам вам ним нею ними цей ця ці цього цієї цих цим тим той те ті був \
була було були бути є буде будуть може можна треба має мають який яка яке які якого якої яких \
свій своя свої свого своєї всі все весь вся після між понад близько лише тільки навіть дуже \
більше саме зокрема адже бо хоча";

const SK: &str = "a aby ako aj ale alebo ani až bez bol bola bolo boli by byť cez čo do ho i ich \
im je jeho jej keď kde ktorá ktoré ktorý ktorí ku k len ma mal mala malo mali medzi mi na nad \
nie nich o od on ona oni ono po pod podľa pre pred pri s sa si so sú svoje tak tam tiež to tom \
tu už v vo však z za zo že ešte iba lebo preto teda tento táto toto tieto ten tá tí môže môžu \
bude budú sme som ste mu vám nám";

const HR: &str = "i u je da se na za su od s sa o a ali ili kao što koji koja koje kojeg kojem \
kojima do iz po pri prema nakon bez kod uz među nije ne bi bio bila bilo bili biti će ćemo ću \
ćete smo ste sam si ga mu joj ih im ovaj ova ovo ovi ove taj ta to ti te tog toga tom jer kad \
kada gdje tako također već još samo onda dok čak vrlo više manje svoj svoja svoje njegov \
njezin njihov nas vas nam vam on ona ono oni one mi vi ja";

/// The lists in [`LANGS`] order.
const LISTS: [&str; LANGS.len()] = [
    EN, DE, ES, FR, IT, PT, NL, PL, CS, SV, DA, NO, FI, RO, RU, TR, HU, UK, SK, HR,
];

/// Every stopword with the languages (bit set, bit `i` = `LANGS[i]`) of the list it is in, once
/// per list.
pub fn stopwords() -> impl Iterator<Item = (&'static str, u32)> {
    LISTS
        .into_iter()
        .enumerate()
        .flat_map(|(bit, list)| list.split_whitespace().map(move |w| (w, 1u32 << bit)))
}

fn table() -> &'static WordTable {
    static T: OnceLock<WordTable> = OnceLock::new();
    T.get_or_init(|| WordTable::new(stopwords()))
}

/// The languages (bit set, bit `i` = `LANGS[i]`) whose list holds `lower`, a lowercased word
/// (UTF-8 bytes).
#[inline]
pub fn langs_of(lower: &[u8]) -> u32 {
    table().get(lower)
}

/// A set of short words (at most [`WordTable::MAX_BYTES`] bytes) with a value each: open
/// addressing over the words packed into two integers, so a lookup is one multiply and integer
/// compares (a word of the lines is looked up for every token the classifier sees).
///
/// Beside the slots, a byte per slot holds a few bits of the word's hash (0 for an empty slot):
/// a lookup walks that small array, which stays in the fastest cache, and reads a slot only
/// where the byte agrees. Most words looked up are in no list and end their walk without
/// touching the slots.
pub struct WordTable {
    slots: Box<[(u64, u64, u32)]>,
    tags: Box<[u8]>,
    shift: u32,
}

impl WordTable {
    /// Longest word the table holds.
    pub const MAX_BYTES: usize = 16;

    /// A table of the words, the values of a word given more than once OR-ed together.
    /// Panics on an empty word or one longer than [`WordTable::MAX_BYTES`] (the lists are ours).
    pub fn new<'a>(words: impl Iterator<Item = (&'a str, u32)>) -> WordTable {
        let words: Vec<(&str, u32)> = words.collect();
        let bits = (words.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut t = WordTable {
            slots: vec![(0, 0, 0); 1 << bits].into_boxed_slice(),
            tags: vec![0; 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
        };
        for (w, v) in words {
            let w = w.as_bytes();
            assert!(!w.is_empty() && w.len() <= Self::MAX_BYTES, "{w:?}");
            let k = pack(w);
            let (mut i, tag) = t.slot_of(k);
            let mask = t.slots.len() - 1;
            loop {
                let s = &mut t.slots[i];
                if (s.0, s.1) == k || (s.0, s.1) == (0, 0) {
                    (s.0, s.1) = k;
                    s.2 |= v;
                    t.tags[i] = tag;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        t
    }

    /// The first slot to try for a packed word, and the word's tag (never 0): the slot from
    /// the hash's top bits, the tag from bits below them.
    #[inline]
    fn slot_of(&self, (a, b): (u64, u64)) -> (usize, u8) {
        let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((h >> self.shift) as usize, (h >> 24) as u8 | 1)
    }

    /// The value of `w`, 0 when the table does not hold it.
    #[inline]
    pub fn get(&self, w: &[u8]) -> u32 {
        if w.is_empty() || w.len() > Self::MAX_BYTES {
            return 0;
        }
        self.get_packed(pack(w))
    }

    /// The value of `w` lowercased, where `w` is ASCII letters and digits only (`The`, `USA`,
    /// `2021`): the 0x20 bit that lowercases a letter is already set in every digit, so the
    /// packed word is OR-ed with it whole, with no copy of the word.
    #[inline]
    pub fn get_ascii_alphanumeric_lowered(&self, w: &[u8]) -> u32 {
        const LOWER: u64 = 0x2020_2020_2020_2020;
        let n = w.len();
        if n == 0 || n > Self::MAX_BYTES {
            return 0;
        }
        let (a, b) = pack(w);
        // the 0x20 bits of the word's bytes, none in the zero padding
        let (la, lb) = if n <= 8 {
            (LOWER >> (8 * (8 - n)), 0)
        } else {
            (LOWER, LOWER >> (8 * (16 - n)))
        };
        self.get_packed((a | la, b | lb))
    }

    /// [`WordTable::get`] of a word packed by [`pack`].
    #[inline]
    fn get_packed(&self, k: (u64, u64)) -> u32 {
        let mask = self.slots.len() - 1;
        let (mut i, tag) = self.slot_of(k);
        loop {
            let t = self.tags[i];
            if t == 0 {
                return 0;
            }
            if t == tag {
                let s = self.slots[i];
                if (s.0, s.1) == k {
                    return s.2;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// A word of at most 16 bytes, zero-padded into two integers (words hold no NUL byte).
/// Built from whole-integer loads: a byte-by-byte copy into a buffer compiles to a `memcpy`
/// call, and the classifier packs every word of every line.
#[inline]
fn pack(w: &[u8]) -> (u64, u64) {
    match w.split_first_chunk::<8>() {
        Some((lo, hi)) if !hi.is_empty() => (u64::from_le_bytes(*lo), pack_short(hi)),
        _ => (pack_short(w), 0),
    }
}

/// [`pack`] of at most 8 bytes into one integer, zero-padded. Two loads that overlap in the
/// middle cover every length; the bytes they share are the same, so OR-ing them is exact.
#[inline]
fn pack_short(w: &[u8]) -> u64 {
    let n = w.len();
    let at = |i: usize| u64::from(w[i]) << (8 * i);
    match n {
        0 => 0,
        1..=3 => at(0) | at(n / 2) | at(n - 1),
        4..=7 => {
            let load = |i: usize| {
                let four: [u8; 4] = w[i..i + 4].try_into().unwrap_or_default();
                u64::from(u32::from_le_bytes(four)) << (8 * i)
            };
            load(0) | load(n - 4)
        }
        _ => u64::from_le_bytes(w[..8].try_into().unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`pack`] is the zero-padded copy it stands for, at every length it takes.
    #[test]
    fn pack_is_the_padded_copy() {
        let bytes: Vec<u8> = (1..=16u8).map(|b| b.wrapping_mul(37) | 0x80).collect();
        for n in 0..=16 {
            let w = &bytes[..n];
            let mut padded = [0u8; 16];
            padded[..n].copy_from_slice(w);
            let (lo, hi) = padded.split_at(8);
            let want = (
                u64::from_le_bytes(lo.try_into().unwrap()),
                u64::from_le_bytes(hi.try_into().unwrap()),
            );
            assert_eq!(pack(w), want, "{n} bytes");
        }
    }

    #[test]
    fn common_words_are_found() {
        assert_eq!(langs_of(b"the") & 1, 1);
        assert_ne!(langs_of(b"und") & 2, 0);
        assert_ne!(langs_of("qué".as_bytes()), 0);
        assert_eq!(langs_of(b"zebra"), 0);
    }

    /// Bytes of the longest word in the lists.
    const MAX_WORD_BYTES: usize = 14;

    #[test]
    fn no_word_is_longer_than_the_bound() {
        assert!(stopwords().all(|(w, _)| w.len() <= MAX_WORD_BYTES));
        assert!(stopwords().any(|(w, _)| w.len() == MAX_WORD_BYTES));
    }

    #[test]
    fn table_holds_exactly_the_words() {
        let mut expected: std::collections::HashMap<&[u8], u32> = Default::default();
        for (w, bit) in stopwords() {
            *expected.entry(w.as_bytes()).or_default() |= bit;
        }
        for (w, bits) in &expected {
            assert_eq!(langs_of(w), *bits, "{w:?}");
            // a prefix or an extension of a listed word is looked up as itself (words looked up
            // are letters, digits and apostrophes: never a NUL, which the packing pads with)
            let longer = [*w, b"s"].concat();
            for other in [&w[..w.len() - 1], &longer[..]] {
                let want = expected.get(other).copied().unwrap_or(0);
                assert_eq!(langs_of(other), want, "{other:?}");
            }
        }
        assert_eq!(langs_of(b""), 0);
        assert_eq!(langs_of(b"abcdefghijklmnopq"), 0);
    }

    #[test]
    fn every_list_is_lowercase_and_nonempty() {
        for list in LISTS {
            assert!(list.split_whitespace().count() > 80, "{list:.20}");
            assert!(list.split_whitespace().all(|w| w.to_lowercase() == w));
        }
    }
}
