//! Cross-document identity of statements: two reports are one statement when the same
//! speaker says nearly the same words (compared as sets of words) and neither negates
//! what the other affirms. Clustering is greedy over a content-based order, so it never
//! depends on input order.
//!
//! Words are numbered once, in their own (byte) order, so a statement's words are a
//! short sorted list of numbers that compares exactly as the set of words would, and
//! two statements are compared by merging two such lists. This module mints no IRIs
//! (that is `corpus`) and does no I/O.

use super::events::Building;
use crate::extract::Record;
use rayon::prelude::*;

use crate::nlp::fxhash::FxHashMap;

/// One statement report, reduced to what identity needs (borrowed from its record).
#[derive(Debug, Clone)]
pub struct StatementObs<'a> {
    /// (article id, local statement id).
    pub at: (&'a str, &'a str),
    /// Speaker IRI.
    pub speaker: Option<&'a str>,
    /// Content words (lower case, three letters or more), as their numbers in
    /// [`Reports::vocabulary`], sorted and distinct.
    pub words: Vec<u32>,
    /// Whether the content is negated.
    pub negated: bool,
}

/// The statement reports of some records, in record order, and the words they use.
#[derive(Debug, Clone, Default)]
pub struct Reports<'a> {
    /// One report per statement, records in the order given, statements in the
    /// record's order.
    pub obs: Vec<StatementObs<'a>>,
    /// Every word, sorted: a word's number is its place here.
    pub vocabulary: Vec<String>,
}

/// Every distinct statement text of some records, read once (copies of an article
/// repeat its quotes). Reading needs no actor IRIs, so it can run beside actor
/// resolution; it borrows nothing, so the records can then take their IRIs.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    /// For each statement of the records, in order, its text's place in `read`.
    pub of: Vec<usize>,
    /// Each distinct text's words (numbers in `vocabulary`, sorted and distinct) and
    /// whether it is negated.
    pub read: Vec<(Vec<u32>, bool)>,
    /// Every word, sorted: a word's number is its place here.
    pub vocabulary: Vec<String>,
    /// Each distinct text → its place in `read`.
    pub by_text: FxHashMap<String, usize>,
}

impl Texts {
    /// A text's words spelled in byte order and joined by spaces, their count, and
    /// whether it is negated; `None` for a text the records did not hold.
    pub fn wording(&self, text: &str) -> Option<(usize, String, bool)> {
        let (words, negated) = &self.read[*self.by_text.get(text)?];
        let spelled: Vec<&str> = words
            .iter()
            .map(|&w| self.vocabulary[w as usize].as_str())
            .collect();
        Some((words.len(), spelled.join(" "), *negated))
    }
}

/// Reads every distinct statement text of `records`.
pub fn read_texts(records: &[Record]) -> Texts {
    let mut number: FxHashMap<String, u32> = FxHashMap::default();
    let mut place: FxHashMap<&str, usize> = FxHashMap::default();
    let mut read: Vec<(Vec<u32>, bool)> = Vec::new();
    let mut of = Vec::new();
    for s in records.iter().flat_map(|r| &r.statements) {
        let t = *place.entry(s.content.text.as_str()).or_insert_with(|| {
            read.push(read_text(&s.content.text, &mut number));
            read.len() - 1
        });
        of.push(t);
    }
    // Renumber the words in their own order.
    let mut pairs: Vec<(String, u32)> = number.into_iter().collect();
    pairs.sort_unstable();
    let mut rank = vec![0u32; pairs.len()];
    for (r, (_, n)) in pairs.iter().enumerate() {
        rank[*n as usize] = r as u32;
    }
    for (words, _) in &mut read {
        for w in words.iter_mut() {
            *w = rank[*w as usize];
        }
        words.sort_unstable();
        words.dedup();
    }
    let by_text = place.into_iter().map(|(t, i)| (t.to_string(), i)).collect();
    Texts {
        of,
        read,
        vocabulary: pairs.into_iter().map(|(w, _)| w).collect(),
        by_text,
    }
}

/// The statement reports of `records` (actor IRIs must already be resolved), their
/// texts read by [`read_texts`] from the same records in the same order.
pub fn observations<'a>(records: &'a [Record], texts: &Texts) -> Vec<StatementObs<'a>> {
    let mut obs = Vec::new();
    let mut of = texts.of.iter();
    for rec in records {
        for s in &rec.statements {
            let speaker = s.speaker.as_deref().and_then(|local| rec.actor_iri(local));
            let (words, negated) = of
                .next()
                .map_or((Vec::new(), false), |&t| texts.read[t].clone());
            obs.push(StatementObs {
                at: (rec.article.id.as_str(), s.id.as_str()),
                speaker,
                words,
                negated,
            });
        }
    }
    obs
}

/// Collects the statement reports of records (actor IRIs must already be resolved).
pub fn statement_obs(records: &[Record]) -> Reports<'_> {
    let texts = read_texts(records);
    let obs = observations(records, &texts);
    Reports {
        obs,
        vocabulary: texts.vocabulary,
    }
}

/// A text's words (numbered by `number`, which gains the new ones) and whether it
/// is negated.
fn read_text(text: &str, number: &mut FxHashMap<String, u32>) -> (Vec<u32>, bool) {
    let lower = text.to_lowercase();
    let mut words: Vec<u32> = Vec::new();
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
    {
        let n = match number.get(w) {
            Some(&n) => n,
            None => {
                let n = number.len() as u32;
                number.insert(w.to_string(), n);
                n
            }
        };
        words.push(n);
    }
    let negated = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(w, "not" | "no" | "never" | "nor") || w.ends_with("n't") || w.ends_with("n’t")
        });
    (words, negated)
}

/// A text's content words as [`StatementObs::words`] holds them, but spelled out and
/// in byte order (the order of their numbers), and whether it is negated.
pub(super) fn text_words(text: &str) -> (Vec<String>, bool) {
    let mut number: FxHashMap<String, u32> = FxHashMap::default();
    let (numbers, negated) = read_text(text, &mut number);
    let mut spelled = vec![String::new(); number.len()];
    for (w, n) in number {
        spelled[n as usize] = w;
    }
    let mut words: Vec<String> = numbers
        .into_iter()
        .map(|n| spelled[n as usize].clone())
        .collect();
    words.sort_unstable();
    words.dedup();
    (words, negated)
}

/// Whether two word sets of these sizes, sharing `shared` words, say the same.
pub(super) fn similar_words(a: usize, b: usize, shared: usize) -> bool {
    let smaller = a.min(b).max(1) as f64;
    let union = (a + b - shared).max(1) as f64;
    let shared = shared as f64;
    a.min(b) >= 4 && (shared / union >= 0.5 || shared / smaller >= 0.8)
}

/// How many items two sorted, duplicate-free lists share.
pub(super) fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two reports (from different articles) are one statement.
pub fn same_statement(a: &StatementObs, b: &StatementObs) -> bool {
    a.at.0 != b.at.0
        && a.speaker.is_some()
        && a.speaker == b.speaker
        && a.negated == b.negated
        && similar_words(a.words.len(), b.words.len(), overlap(&a.words, &b.words))
}

/// Clusters statement reports, in a content-based order (most words first, then the
/// words, then the article), so the first member, which names a cluster, does not
/// change when more reports of the same words arrive. A report joins the first cluster
/// of its speaker (in the order they were made) that holds no report of its article
/// and whose every distinct wording is the same statement; a cluster keeps one member
/// per distinct wording (see `Building`).
pub fn cluster_statements(obs: &[StatementObs]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..obs.len()).collect();
    // A total order (`at` is unique), so a parallel unstable sort gives the one result.
    order.par_sort_unstable_by(|&x, &y| {
        let (a, b) = (&obs[x], &obs[y]);
        b.words
            .len()
            .cmp(&a.words.len())
            .then_with(|| a.words.cmp(&b.words))
            .then_with(|| a.at.cmp(&b.at))
    });
    // Each statement's words, rarest first (by how many statements use them).
    let n_words = obs
        .iter()
        .filter_map(|o| o.words.last())
        .max()
        .map_or(0, |&m| m as usize + 1);
    let mut uses = vec![0u32; n_words];
    for w in obs.iter().flat_map(|o| &o.words) {
        uses[*w as usize] += 1;
    }
    // Only statements of one speaker can go together: each speaker's statements (in
    // the order above) are clustered on their own, on whichever core is free, and the
    // clusters listed in the order they were started, as one pass would.
    let mut rank = vec![0usize; obs.len()];
    let mut by_speaker: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut alone: Vec<(usize, Vec<usize>)> = Vec::new();
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
        match obs[i].speaker {
            Some(sp) => by_speaker.entry(sp).or_default().push(i),
            None => alone.push((r, vec![i])),
        }
    }
    let groups: Vec<Vec<usize>> = by_speaker.into_values().collect();
    let mut clusters: Vec<(usize, Vec<usize>)> = groups
        .par_iter()
        .flat_map_iter(|g| cluster_one_speaker(obs, g, &uses))
        .map(|members| (rank[members[0]], members))
        .collect();
    clusters.extend(alone);
    clusters.sort_unstable_by_key(|c| c.0);
    clusters.into_iter().map(|(_, members)| members).collect()
}

/// Clusters the statements `order` of one speaker, in that order (see
/// [`cluster_statements`]); `uses` counts each word's statements.
fn cluster_one_speaker(obs: &[StatementObs], order: &[usize], uses: &[u32]) -> Vec<Vec<usize>> {
    let fits = |i: usize, j: usize| {
        let (a, b) = (&obs[i], &obs[j]);
        a.negated == b.negated
            && similar_words(a.words.len(), b.words.len(), overlap(&a.words, &b.words))
    };
    // Reports of one wording share the order (copies repeat wordings).
    let mut rarest: FxHashMap<&[u32], Vec<u32>> = FxHashMap::default();
    let mut clusters: Vec<Building> = Vec::new();
    // Word → the clusters whose first member has the word.
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for &i in order {
        let s = &obs[i];
        let rare = rarest.entry(s.words.as_slice()).or_insert_with(|| {
            let mut v = s.words.clone();
            v.sort_unstable_by_key(|w| (uses[*w as usize], *w));
            v
        });
        let home = candidates(rare, &postings).into_iter().find(|&c| {
            let b = &clusters[c];
            !b.articles.contains(s.at.0) && b.variants.iter().all(|&j| fits(i, j))
        });
        match home {
            Some(c) => {
                let b = &mut clusters[c];
                b.members.push(i);
                b.articles.insert(s.at.0);
                if !b
                    .variants
                    .iter()
                    .any(|&j| obs[j].negated == s.negated && obs[j].words == s.words)
                {
                    b.variants.push(i);
                }
            }
            None => {
                clusters.push(Building::new(i, s.at.0));
                for &w in &s.words {
                    postings.entry(w).or_default().push(clusters.len() - 1);
                }
            }
        }
    }
    clusters.into_iter().map(|b| b.members).collect()
}

/// The clusters of one speaker a statement with these words (rarest first) could join,
/// in the order they were made. A cluster's first member has at least as many words
/// as any later statement (statements come longest first), and [`similar_words`] then
/// needs at least two thirds of the statement's n words in it; so the first member
/// holds one of the statement's n - floor(2n/3) + 1 rarest words, and only clusters
/// listed under those words can take it. A statement under four words joins none.
fn candidates(rarest: &[u32], postings: &FxHashMap<u32, Vec<usize>>) -> Vec<usize> {
    let n = rarest.len();
    if n < 4 {
        return Vec::new();
    }
    let prefix = n - (2 * n) / 3 + 1;
    let mut out: Vec<usize> = rarest[..prefix]
        .iter()
        .filter_map(|&w| postings.get(&w))
        .flatten()
        .copied()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ActorKind;
    use crate::resolve::tests::{actor, record, statement};

    fn said(id: &str, text: &str) -> Record {
        let mut r = record(id, None, vec![actor("a1", "Ann Lee", ActorKind::Person)]);
        r.statements.push(statement("s1", "a1", text));
        r
    }

    #[test]
    fn words_are_numbered_in_their_own_order() {
        let recs = vec![said("a", "zebra apple mango"), said("b", "apple kiwi")];
        let reports = statement_obs(&recs);
        assert_eq!(reports.vocabulary, vec!["apple", "kiwi", "mango", "zebra"]);
        assert_eq!(reports.obs[0].words, vec![0, 2, 3]);
        assert_eq!(reports.obs[1].words, vec![0, 1]);
    }

    #[test]
    fn short_words_and_repeats_are_dropped() {
        let recs = vec![said("a", "We we WE do it, we said")];
        let reports = statement_obs(&recs);
        assert_eq!(reports.vocabulary, vec!["said"]);
    }

    #[test]
    fn same_words_from_two_articles_are_one_statement() {
        let text = "the talks in Cairo will resume next week without preconditions";
        let recs = vec![said("a", text), said("b", text)];
        let reports = statement_obs(&recs);
        assert!(same_statement(&reports.obs[0], &reports.obs[1]));
        assert_eq!(cluster_statements(&reports.obs), vec![vec![0, 1]]);
    }

    #[test]
    fn denial_is_another_statement() {
        let recs = vec![
            said("a", "the talks in Cairo will resume next week"),
            said("b", "the talks in Cairo will not resume next week"),
        ];
        let reports = statement_obs(&recs);
        assert!(!same_statement(&reports.obs[0], &reports.obs[1]));
        assert_eq!(cluster_statements(&reports.obs).len(), 2);
    }

    #[test]
    fn two_quotes_of_one_article_stay_two() {
        let text = "the talks in Cairo will resume next week without preconditions";
        let mut r = said("a", text);
        r.statements.push(statement("s2", "a1", text));
        let recs = vec![r];
        let reports = statement_obs(&recs);
        assert_eq!(cluster_statements(&reports.obs).len(), 2);
    }
}
