//! Cross-document actor identity: which actor records of different articles are one
//! real-world actor.
//!
//! Lexicon actors (countries, places, known organisations) already share a key. People
//! are clustered by folded full name ([`super::names`]); a shorter name (a surname, or
//! "Abu Marzook") joins the one full-name cluster it fits, and stays apart when several
//! fit. Clusters never merge people whose roles place them in different countries.
//! The result depends only on the set of records, never on their order.
//!
//! With an actor dictionary ([`Dictionary`]), an actor whose folded (fullest) name is
//! an entry's name or alias takes that entry's key and canonical name; each person
//! entry starts as a cluster of its own (its forms are its names), so spellings it
//! lists join even when fuzzy matching would not, other spellings may join it as
//! usual, and two entries never merge. A name that fuzzily fits several entries joins
//! none of them.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::dictionary::Dictionary;
use super::names::{fold_tokens, is_suffix_of, same_full_name};
use crate::extract::{ActorKind, Record};
use crate::nlp::fxhash::FxHashMap;

/// A person's names and countries as seen in one article.
#[derive(Debug, Clone)]
struct PersonObs<'a> {
    /// The article's id.
    article: &'a str,
    /// The actor's place among all actors of the records (see [`ActorResolution::keys`]).
    slot: usize,
    name: &'a str,
    folded: Rc<Vec<String>>,
    countries: BTreeSet<String>,
    aliases: &'a [String],
    /// The dictionary entry its name gives, if any.
    entry: Option<usize>,
}

/// The resolved IRI key for every actor record, and the names seen for each key.
#[derive(Debug, Default, Clone)]
pub struct ActorResolution {
    /// The identity key (for `super::actor_iri`) of every actor of the records, in
    /// order: the first record's actors in its order, then the next record's, ….
    pub keys: Vec<String>,
    /// Identity key → canonical display name.
    pub name: BTreeMap<String, String>,
    /// Identity key → every spelling seen.
    pub spellings: BTreeMap<String, BTreeSet<String>>,
    /// Identity key → the dictionary entry (index) that names it, for the actors a
    /// dictionary resolved.
    pub dictionary: BTreeMap<String, usize>,
}

pub(super) fn countries_of(rec: &Record, actor: &crate::extract::ActorRecord) -> BTreeSet<String> {
    actor
        .roles
        .iter()
        .filter_map(|r| r.of.as_ref())
        .filter_map(|of| rec.actors.iter().find(|a| &a.id == of))
        .filter(|a| a.kind == ActorKind::Country)
        .map(|a| super::name_key(&a.name))
        .collect()
}

/// A cluster of people being built: its folded forms, its countries, its members.
type Cluster = (Vec<Vec<String>>, BTreeSet<String>, Vec<usize>);

/// Clusters the actors of all records, steered by an actor dictionary when given.
pub fn resolve_actors(records: &[Record], dict: Option<&Dictionary>) -> ActorResolution {
    let mut res = ActorResolution::default();
    let mut people: Vec<PersonObs> = Vec::new();
    res.keys = vec![String::new(); records.iter().map(|r| r.actors.len()).sum()];
    let mut slot = 0;
    // Each distinct name is folded once.
    let mut folds: FxHashMap<&str, Rc<Vec<String>>> = FxHashMap::default();
    for rec in records {
        for a in &rec.actors {
            slot += 1;
            let slot = slot - 1;
            let lexical = a.kind != ActorKind::Person;
            if lexical {
                // Non-person actors keep the key extraction gave them (lexicon canonical
                // name, or the name itself) unless the dictionary names them.
                let entry = dict.and_then(|d| Some((d, d.find(&a.name, false)?)));
                let key = match entry {
                    Some((d, e)) => {
                        let key = d.key(e);
                        res.dictionary.insert(key.clone(), e);
                        key
                    }
                    None => lexical_key(rec, a),
                };
                if !res.name.contains_key(&key) {
                    res.name.insert(key.clone(), a.name.clone());
                }
                add_spellings(&mut res.spellings, &key, &a.name, &a.aliases);
                res.keys[slot] = key;
                continue;
            }
            let folded = folds
                .entry(a.name.as_str())
                .or_insert_with(|| Rc::new(fold_tokens(&a.name)))
                .clone();
            people.push(PersonObs {
                article: rec.article.id.as_str(),
                slot,
                name: a.name.as_str(),
                folded,
                countries: countries_of(rec, a),
                aliases: &a.aliases,
                // By its fullest name only: "Ivana Trump", also called "Trump" in her
                // article, is not the entry whose alias is "Trump".
                entry: dict.and_then(|d| d.find(&a.name, true)),
            });
        }
    }

    // Group people by folded name, then place groups into clusters, longest names
    // first: a group joins the cluster whose forms are the same full name (fuzzy), or
    // the one cluster whose names end with its words ("Abu Marzook" and "Marzook" fit
    // "Mousa Abu Marzook"); with no fit, or several, it starts its own cluster.
    let mut clusters: Vec<Cluster> = Vec::new();
    // The dictionary entry of each cluster, if any.
    let mut entry_of: Vec<Option<usize>> = Vec::new();
    // Clusters by the first three letters of the folded last word.
    let mut by_last: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // One cluster per person entry of the dictionary, holding the people it names.
    let mut entry_cluster: BTreeMap<usize, usize> = BTreeMap::new();
    if let Some(d) = dict {
        for (e, entry) in d.entries.iter().enumerate() {
            if entry.kind != ActorKind::Person {
                continue;
            }
            let c = clusters.len();
            let mut forms = d.forms(e);
            forms.retain(|f| !f.is_empty());
            forms.dedup();
            let blocks: BTreeSet<String> = forms.iter().map(|f| block(f)).collect();
            for b in blocks {
                by_last.entry(b).or_default().push(c);
            }
            clusters.push((forms, BTreeSet::new(), Vec::new()));
            entry_of.push(Some(e));
            entry_cluster.insert(e, c);
        }
    }
    let mut groups: BTreeMap<Rc<Vec<String>>, Vec<usize>> = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        if let Some(&c) = p.entry.and_then(|e| entry_cluster.get(&e)) {
            clusters[c].1.extend(p.countries.iter().cloned());
            clusters[c].2.push(i);
        } else if !p.folded.is_empty() {
            groups.entry(p.folded.clone()).or_default().push(i);
        }
    }
    let mut order: Vec<&Rc<Vec<String>>> = groups.keys().collect();
    order.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    for key in order {
        let members = &groups[key];
        let countries: BTreeSet<String> = members
            .iter()
            .flat_map(|&i| people[i].countries.iter().cloned())
            .collect();
        let fits_country = |c: &BTreeSet<String>| {
            countries.is_empty() || c.is_empty() || !countries.is_disjoint(c)
        };
        let cands = by_last.get(&block(key)).cloned().unwrap_or_default();
        let sames: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| {
                fits_country(&clusters[c].1) && clusters[c].0.iter().any(|f| same_full_name(key, f))
            })
            .collect();
        let entries: Vec<usize> = sames
            .iter()
            .copied()
            .filter(|&c| entry_of[c].is_some())
            .collect();
        // A spelling close to two dictionary entries belongs to neither.
        let ambiguous = entries.len() > 1;
        let same = entries.first().or(sames.first()).copied();
        let home = same.filter(|_| !ambiguous).or_else(|| {
            if ambiguous {
                return None;
            }
            let fits: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&c| {
                    fits_country(&clusters[c].1)
                        && clusters[c]
                            .0
                            .iter()
                            .any(|f| f.len() > key.len() && is_suffix_of(key, f))
                })
                .collect();
            match fits.len() {
                0 => None,
                1 => Some(fits[0]),
                // Several people fit ("Trump": Donald, Melania, Ivanka): the one the
                // corpus names in far more articles is meant, as readers assume.
                _ => {
                    let mut by_articles: Vec<(usize, usize)> = fits
                        .iter()
                        .map(|&c| {
                            let arts: BTreeSet<&str> =
                                clusters[c].2.iter().map(|&i| people[i].article).collect();
                            (arts.len(), c)
                        })
                        .collect();
                    by_articles.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                    let (top, second) = (by_articles[0], by_articles[1]);
                    (top.0 >= 3 && top.0 >= 3 * second.0).then_some(top.1)
                }
            }
        });
        match home {
            Some(c) => {
                clusters[c].0.push(key.to_vec());
                clusters[c].1.extend(countries);
                clusters[c].2.extend(members.iter().copied());
            }
            None => {
                clusters.push((vec![key.to_vec()], countries, members.clone()));
                entry_of.push(None);
                by_last
                    .entry(block(key))
                    .or_default()
                    .push(clusters.len() - 1);
            }
        }
    }
    let clusters: Vec<(Vec<usize>, Option<usize>)> = clusters
        .into_iter()
        .zip(entry_of)
        .map(|(c, e)| (c.2, e))
        .filter(|(members, _)| !members.is_empty())
        .collect();
    // Canonical name per cluster: the dictionary's, or the most frequent of the
    // longest spellings; the identity key: the dictionary's, or [`stable_key`].
    for (members, entry) in &clusters {
        let mut counts: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for &i in members {
            let p = &people[i];
            *counts.entry((p.folded.len(), p.name)).or_default() += 1;
        }
        let best = best_name(&counts);
        let (key, best) = match (dict, entry) {
            (Some(d), Some(e)) => {
                res.dictionary.insert(d.key(*e), *e);
                (d.key(*e), d.entries[*e].name.clone())
            }
            _ => (stable_key(&counts), best),
        };
        res.name.insert(key.clone(), best);
        for &i in members {
            let p = &people[i];
            res.keys[p.slot].clone_from(&key);
            add_spellings(&mut res.spellings, &key, p.name, p.aliases);
        }
    }
    // Dictionary actors: the entry's name is canonical, its aliases are spellings.
    if let Some(d) = dict {
        for (key, &e) in &res.dictionary {
            let entry = &d.entries[e];
            res.name.insert(key.clone(), entry.name.clone());
            let sp = res.spellings.entry(key.clone()).or_default();
            sp.insert(entry.name.clone());
            sp.extend(entry.aliases.iter().cloned());
        }
    }
    res
}

/// The identity key of a non-person actor no dictionary names: the key extraction
/// gave it (lexicon canonical name, or the name itself), except that an unnamed group
/// ("union leaders") is the article's own: the same phrase in another article is
/// another group. (From the name, not the IRI: resolving twice gives the same key.)
pub(super) fn lexical_key(rec: &Record, a: &crate::extract::ActorRecord) -> String {
    if a.kind == ActorKind::Group {
        format!(
            "{}-{}",
            super::name_key(&rec.article.id),
            super::name_key(&a.name)
        )
    } else {
        a.iri.rsplit('/').next().unwrap_or_default().to_string()
    }
}

/// The block a person's folded name is compared in: the first three letters of its
/// last word (clusters never span two blocks).
pub(super) fn block(k: &[String]) -> String {
    k.last().map(|w| word_block(w)).unwrap_or_default()
}

/// The block of a name whose last word is `w` (see [`block`]).
pub(super) fn word_block(w: &str) -> String {
    w.chars().take(3).collect()
}

/// A cluster's display name from its spellings (`(folded word count, spelling)` →
/// reports): the most reported of the longest, ties to the smaller spelling.
pub(super) fn best_name(counts: &BTreeMap<(usize, &str), usize>) -> String {
    counts
        .iter()
        .max_by(|a, b| {
            (a.0 .0, a.1)
                .cmp(&(b.0 .0, b.1))
                .then_with(|| b.0 .1.cmp(a.0 .1))
        })
        .map(|(k, _)| k.1.to_string())
        .unwrap_or_default()
}

/// Adds a name and its aliases to the spellings of `key`, copying only new ones.
pub(super) fn add_spellings(
    spellings: &mut BTreeMap<String, BTreeSet<String>>,
    key: &str,
    name: &str,
    aliases: &[String],
) {
    if !spellings.contains_key(key) {
        spellings.insert(key.to_string(), BTreeSet::new());
    }
    if let Some(sp) = spellings.get_mut(key) {
        for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            if !sp.contains(n) {
                sp.insert(n.to_string());
            }
        }
    }
}

/// The identity key of a cluster of people from its spellings (`(folded word count,
/// spelling)` → reports): among the longest spellings, those reported at least half as
/// often as the commonest; of these, the one with the fewest dropped words (initials,
/// "Jr."), then the smallest key. A clear favourite ("Hillary Clinton" over "Hilary
/// Clinton") names the actor; near-equals ("Adolf" and "Adolph Hitler") are decided
/// by spelling, not by count, so a batch of articles that tips the counts between them
/// does not change the actor's IRI.
pub(super) fn stable_key(counts: &BTreeMap<(usize, &str), usize>) -> String {
    let longest = counts.keys().map(|k| k.0).max().unwrap_or(0);
    let top = counts
        .iter()
        .filter(|(k, _)| k.0 == longest)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    counts
        .iter()
        .filter(|(k, &n)| k.0 == longest && 2 * n >= top)
        .map(|((_, name), _)| {
            let key = super::name_key(name);
            (key.split('-').count(), key)
        })
        .min()
        .map(|(_, key)| key)
        .unwrap_or_default()
}

#[cfg(test)]
mod stable_key_tests {
    use super::stable_key;
    use std::collections::BTreeMap;

    fn counts<'a>(names: &[(&'a str, usize)]) -> BTreeMap<(usize, &'a str), usize> {
        names
            .iter()
            .map(|(n, c)| ((super::fold_tokens(n).len(), *n), *c))
            .collect()
    }

    #[test]
    fn stable_key_prefers_the_spelling_without_initials() {
        let c = counts(&[("Donald J. Trump", 3), ("Donald Trump", 4), ("Trump", 9)]);
        assert_eq!(stable_key(&c), "donald-trump");
    }

    #[test]
    fn stable_key_ignores_counts_between_near_equals() {
        let few = counts(&[("Adolph Hitler", 2), ("Adolf Hitler", 3)]);
        let many = counts(&[("Adolph Hitler", 4), ("Adolf Hitler", 3)]);
        assert_eq!(stable_key(&few), "adolf-hitler");
        assert_eq!(stable_key(&many), "adolf-hitler");
    }

    #[test]
    fn stable_key_takes_a_clear_favourite() {
        let c = counts(&[("Hillary Clinton", 90), ("Hilary Clinton", 2)]);
        assert_eq!(stable_key(&c), "hillary-clinton");
    }
}
