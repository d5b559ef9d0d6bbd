//! The reporting-verb lexicon (`src/nlp/lexicons/reporting_verbs.tsv`), loaded once.
//!
//! Each line is `form<TAB>lemma<TAB>tags`, sorted by form; the tags are letters:
//! `b` base form, `s` third person, `p` past or participle, `g` -ing form, `o` the
//! verb takes a hearer as object ("told reporters"), `n` the form is also a common
//! noun or adjective ("claims", "the report"), so it needs a clearer context.
//! This module only looks words up; it does not decide whether a use is speech.

use crate::nlp::fxhash::FxHashMap as HashMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../nlp/lexicons/reporting_verbs.tsv");

/// What the lexicon says about one word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The verb's lemma ("say" for "said").
    pub lemma: &'static str,
    /// Base form ("say").
    pub base: bool,
    /// Past tense or participle ("said", "told").
    pub past: bool,
    /// The -ing form ("saying").
    pub gerund: bool,
    /// Takes a hearer as object ("told reporters that…").
    pub object: bool,
    /// Also a common noun or adjective ("claims", "report").
    pub noun: bool,
}

fn table() -> &'static HashMap<&'static str, Cue> {
    static TABLE: OnceLock<HashMap<&'static str, Cue>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = HashMap::default();
        for line in TSV.lines() {
            let mut cols = line.split('\t');
            let (Some(form), Some(lemma)) = (cols.next(), cols.next()) else {
                continue;
            };
            let tags = cols.next().unwrap_or("");
            m.insert(
                form,
                Cue {
                    lemma,
                    base: tags.contains('b'),
                    past: tags.contains('p'),
                    gerund: tags.contains('g'),
                    object: tags.contains('o'),
                    noun: tags.contains('n'),
                },
            );
        }
        m
    })
}

impl Cue {
    /// Whether the form is the third person present ("says").
    pub fn s_form(&self) -> bool {
        !(self.base || self.past || self.gerund)
    }
}

/// Looks up a lower-case word form.
pub fn lookup(lower: &str) -> Option<Cue> {
    table().get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_sorted_without_duplicates() {
        let forms: Vec<&str> = TSV.lines().filter_map(|l| l.split('\t').next()).collect();
        let mut sorted = forms.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(forms, sorted);
    }

    #[test]
    fn told_is_past_with_object() {
        let c = lookup("told").map(|c| (c.lemma, c.past, c.object));
        assert_eq!(c, Some(("tell", true, true)));
    }

    #[test]
    fn unknown_word_is_not_a_cue() {
        assert!(lookup("table").is_none());
    }
}
