//! Negation words, for near-duplicate confirmation: two paragraphs that differ by a `not`
//! (`The tenant may sublet ...` / `The tenant may not sublet ...`) are nearly the same words
//! and say the opposite. Near dedup counts each paragraph's negation words by their word
//! hashes and confirms a match only where the counts agree.
//!
//! The words are the commonest negation particles, determiners and adverbs of the languages
//! the rules know, written as the dedup key writes them (lowercased; an apostrophe joins a
//! word, so `don't` is `dont`). French `ne` is elided as often as not (`n'est`), so `pas`,
//! `jamais` and `aucun` carry French negation.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::key::key_word_hashes;
use super::minhash::word_hash_bytes;

/// The negation words, one text: their word hashes are taken through the same key as a
/// paragraph's.
const NEGATION_WORDS: &str = "\
    not no never none nothing nobody neither nor cannot can't don't doesn't didn't isn't \
    aren't wasn't weren't won't wouldn't shouldn't couldn't mustn't haven't hasn't hadn't \
    nicht kein keine keinen keinem keiner keines nie niemals nichts \
    ne pas jamais aucun aucune rien \
    nunca ningún ninguna ninguno nada tampoco \
    non mai nessun nessuno nessuna niente \
    não nenhum nenhuma \
    niet geen nooit \
    nie nigdy żaden żadna żadne";

/// The 32-bit word hashes (as near dedup stores them) of [`NEGATION_WORDS`].
fn negation_hashes() -> &'static FxHashSet<u32> {
    static HASHES: OnceLock<FxHashSet<u32>> = OnceLock::new();
    HASHES.get_or_init(|| {
        let (mut key, mut words) = (Vec::new(), Vec::new());
        key_word_hashes(NEGATION_WORDS, &mut key, &mut words, word_hash_bytes);
        words.iter().map(|&w| w as u32).collect()
    })
}

/// How many of `word_hashes` (a paragraph's, as near dedup stores them) are negation words.
pub fn negations(word_hashes: &[u32]) -> usize {
    let set = negation_hashes();
    word_hashes.iter().filter(|w| set.contains(w)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> Vec<u32> {
        let (mut key, mut words) = (Vec::new(), Vec::new());
        key_word_hashes(text, &mut key, &mut words, word_hash_bytes);
        words.iter().map(|&w| w as u32).collect()
    }

    #[test]
    fn negation_words_are_counted_through_the_key() {
        assert_eq!(negations(&hashes("The tenant may sublet the flat.")), 0);
        assert_eq!(negations(&hashes("The tenant may NOT sublet the flat.")), 1);
        assert_eq!(negations(&hashes("We don't know, and nobody does.")), 2);
        assert_eq!(negations(&hashes("Das ist nicht gut, keine Frage.")), 2);
        assert_eq!(negations(&hashes("Il n'est pas venu.")), 1);
        assert_eq!(negations(&hashes("Não há nenhum problema.")), 2);
        // words that only start like one
        assert_eq!(
            negations(&hashes("Nothingness, notes, nonetheless, Noah.")),
            0
        );
    }
}
