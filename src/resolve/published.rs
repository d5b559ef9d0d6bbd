//! Published IRIs stay put: once an ingest has stored an actor, meeting or statement
//! under an IRI, later ingests keep that IRI for it.
//!
//! Corpus resolution ([`super::resolve_corpus`]) is a pure function of the set of
//! records, so new articles can change the IRI an earlier cluster resolves to: a key
//! decided by counts tips, a surname becomes ambiguous, a more specific report of a
//! meeting arrives. Left alone, every stored article naming that cluster is rewritten
//! (one batch of 1,000 articles once re-linked 49,788 of a 100,000-article store), and
//! IRIs that users saved, linked to or pushed elsewhere break. [`keep_published`] runs
//! after resolution: every fact of an earlier article keeps the IRI it was published
//! under, and a new article's fact takes the IRI that the earlier facts of its cluster
//! were published under most often (ties: the smallest), or the freshly resolved IRI
//! when its cluster holds no earlier fact. The [`CorpusView`] is brought in line, so the
//! corpus graph lists every source under the IRI its article uses.
//!
//! The price: where resolution would now merge or rename published clusters, they stay
//! as published, so the graph can differ from one ingest of all articles at once
//! (`ingest --relink` re-resolves everything and rewrites the articles whose IRIs
//! change). This module does no I/O and decides no identity of its own.

use std::collections::{BTreeMap, BTreeSet};

use super::corpus::{CorpusView, MergedMeeting, MergedStatement};
use super::dictionary::Dictionary;
use super::index;
use crate::extract::Record;
use crate::nlp::fxhash::{FxHashMap, FxHashSet};

/// Article id → the IRIs its record was published with ([`index::iris`] order).
pub type Published = BTreeMap<String, Vec<String>>;

/// Rewrites the freshly resolved `records` (and `view`, resolved from them) so that
/// the articles of `published` keep their IRIs, except renamings that re-link at most
/// `budget` of them in all, and new articles join them; returns the view of the
/// rewritten records.
pub fn keep_published(
    records: &mut [Record],
    published: &Published,
    view: CorpusView,
    budget: usize,
    base: &str,
    dict: Option<&Dictionary>,
) -> CorpusView {
    // Every record's resolved IRIs, listed once for all the passes below.
    let nows: Vec<Vec<String>> = records.iter().map(index::iris).collect();
    let finals = final_iris(records, &nows, published, budget);
    // Resolved IRI → final IRI → how many facts go that way, for the facts that move.
    let mut moved: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (now, fin) in nows.iter().zip(&finals) {
        if let Some(fin) = fin {
            for (now, to) in now.iter().zip(fin) {
                if now != to {
                    *moved.entry(now).or_default().entry(to).or_default() += 1;
                }
            }
        }
    }
    if moved.is_empty() {
        return view;
    }
    // Every IRI whose view entry may change: where facts left, and where they went.
    let mut touched: FxHashSet<String> = moved.keys().map(|k| k.to_string()).collect();
    touched.extend(
        moved
            .values()
            .flat_map(|to| to.keys().map(|k| k.to_string())),
    );
    let view = rebuild_view(records, &nows, &finals, &touched, view, base, dict);
    for (r, fin) in records.iter_mut().zip(finals) {
        if let Some(fin) = fin {
            index::set_iris(r, fin);
        }
    }
    view
}

/// The IRIs each record must end with (`None`: as resolved).
///
/// A resolved IRI whose earlier facts were published under other IRIs is a *renaming*;
/// taking it means re-linking the earlier articles of those facts. Renamings are taken
/// cheapest first (fewest earlier articles, then IRI) while the re-linked articles stay
/// within `budget`; the others are refused: their earlier facts keep the published
/// IRIs, and their new facts take the IRI most of their earlier facts were published
/// under (ties: the smallest).
fn final_iris(
    records: &[Record],
    nows: &[Vec<String>],
    published: &Published,
    budget: usize,
) -> Vec<Option<Vec<String>>> {
    // Resolved IRI → the earlier records (indexes) it would re-link.
    let mut renamings: FxHashMap<&str, BTreeSet<usize>> = FxHashMap::default();
    for (n, (r, now)) in records.iter().zip(nows).enumerate() {
        let Some(old) = published.get(&r.article.id) else {
            continue;
        };
        for (now, was) in now.iter().zip(old) {
            if now != was {
                renamings.entry(now).or_default().insert(n);
            }
        }
    }
    let mut by_cost: Vec<(&&str, &BTreeSet<usize>)> = renamings.iter().collect();
    by_cost.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.0.cmp(b.0)));
    let mut relinked: BTreeSet<usize> = BTreeSet::new();
    let mut taken: FxHashSet<&str> = FxHashSet::default();
    for (iri, arts) in by_cost {
        let extra = arts.difference(&relinked).count();
        if relinked.len() + extra <= budget {
            relinked.extend(arts.iter().copied());
            taken.insert(iri);
        }
    }
    // Published IRI votes for the refused renamings.
    let mut votes: FxHashMap<&str, BTreeMap<&str, usize>> = FxHashMap::default();
    for (r, now) in records.iter().zip(nows) {
        let Some(old) = published.get(&r.article.id) else {
            continue;
        };
        for (now, was) in now.iter().zip(old) {
            let now = now.as_str();
            if renamings.contains_key(now) && !taken.contains(now) {
                *votes
                    .entry(now)
                    .or_default()
                    .entry(was.as_str())
                    .or_default() += 1;
            }
        }
    }
    let choice: FxHashMap<&str, String> = votes
        .into_iter()
        .filter_map(|(now, v)| {
            // Most votes, then the smallest IRI.
            let (best, _) = v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some((now, best.to_string()))
        })
        .collect();
    records
        .iter()
        .zip(nows)
        .map(|(r, now)| {
            let fin: Vec<String> = match published.get(&r.article.id) {
                // Only a re-extracted record can change shape, and it is not published.
                Some(old) if old.len() != now.len() => return None,
                Some(old) => now
                    .iter()
                    .zip(old)
                    .map(|(i, was)| if taken.contains(i.as_str()) { i } else { was })
                    .cloned()
                    .collect(),
                None => now
                    .iter()
                    .map(|i| choice.get(i.as_str()).unwrap_or(i))
                    .cloned()
                    .collect(),
            };
            (&fin != now).then_some(fin)
        })
        .collect()
}

/// The view of the records once `finals` are applied: entries whose IRI is not in
/// `touched` stay as resolved; touched ones are rebuilt from the facts that end there.
fn rebuild_view(
    records: &[Record],
    nows: &[Vec<String>],
    finals: &[Option<Vec<String>>],
    touched: &FxHashSet<String>,
    mut view: CorpusView,
    base: &str,
    dict: Option<&Dictionary>,
) -> CorpusView {
    // Final IRI → resolved IRI → facts, for the touched final IRIs.
    let mut from: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut meetings: BTreeMap<String, MergedMeeting> = BTreeMap::new();
    let mut statements: BTreeMap<String, MergedStatement> = BTreeMap::new();
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut slot = 0;
    for ((r, now), fin) in records.iter().zip(nows).zip(finals) {
        let fin = fin.as_ref().unwrap_or(now);
        let (na, nm) = (r.actors.len(), r.meetings.len());
        for (i, (resolved, to)) in now.iter().zip(fin).enumerate() {
            if i < na {
                let key = actor_key(base, to, &view.actors.keys[slot + i]);
                view.actors.keys[slot + i].clone_from(&key);
                if !touched.contains(to) {
                    continue;
                }
                let a = &r.actors[i];
                let sp = names.entry(key).or_default();
                sp.insert(a.name.clone());
                sp.extend(a.aliases.iter().cloned());
            } else if !touched.contains(to) {
                continue;
            } else if i < na + nm {
                // Only reports the graph maps as events are sources (as in resolution).
                if r.is_event(&r.meetings[i - na]) {
                    meetings
                        .entry(to.clone())
                        .or_default()
                        .sources
                        .insert(r.article.id.clone());
                }
            } else {
                statements
                    .entry(to.clone())
                    .or_default()
                    .sources
                    .insert(r.article.id.clone());
            }
            *from
                .entry(to.clone())
                .or_default()
                .entry(resolved.clone())
                .or_default() += 1;
        }
        slot += na;
    }
    // The resolved IRI most of a final IRI's facts came from (ties: the smallest).
    let main_source = |to: &str| -> Option<String> {
        let v = from.get(to)?;
        let (best, _) = v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        Some(best.clone())
    };
    let mut resolved_meetings = BTreeMap::new();
    for iri in touched {
        if let Some(m) = view.meetings.remove(iri) {
            resolved_meetings.insert(iri.clone(), m);
        }
        view.statements.remove(iri);
    }
    for (iri, mut m) in meetings {
        // Dates as the cluster most of its reports were resolved into has them.
        if let Some(src) = main_source(&iri).and_then(|s| resolved_meetings.get(&s).cloned()) {
            m.start = src.start;
            m.end = src.end;
        }
        view.meetings.insert(iri, m);
    }
    view.statements.extend(statements);
    rebuild_actors(&mut view, names, &main_source, base, dict);
    view
}

/// Brings the actors' names and spellings in line with the final keys: every touched
/// key is named as the resolved key most of its mentions came from, and spelled as its
/// mentions (and its dictionary entry) spell it; keys no mention uses any more go.
fn rebuild_actors(
    view: &mut CorpusView,
    spellings: BTreeMap<String, BTreeSet<String>>,
    main_source: &dyn Fn(&str) -> Option<String>,
    base: &str,
    dict: Option<&Dictionary>,
) {
    let used: FxHashSet<&str> = view.actors.keys.iter().map(String::as_str).collect();
    let gone: Vec<String> = view
        .actors
        .name
        .keys()
        .filter(|k| !used.contains(k.as_str()))
        .cloned()
        .collect();
    let resolved_names = view.actors.name.clone();
    for (key, mut sp) in spellings {
        let iri = super::actor_iri(base, &key);
        let source = main_source(&iri).map(|s| actor_key(base, &s, ""));
        if let Some(name) = source.and_then(|s| resolved_names.get(&s).cloned()) {
            view.actors.name.insert(key.clone(), name);
        }
        if let (Some(d), Some(&e)) = (dict, view.actors.dictionary.get(&key)) {
            sp.insert(d.entries[e].name.clone());
            sp.extend(d.entries[e].aliases.iter().cloned());
        }
        view.actors.spellings.insert(key, sp);
    }
    for key in gone {
        view.actors.name.remove(&key);
        view.actors.spellings.remove(&key);
        view.actors.dictionary.remove(&key);
    }
}

/// The identity key of an actor IRI: `resolved` when the IRI is that key's, else the
/// IRI's last segment, percent-decoded (what [`super::actor_iri`] encoded).
pub(super) fn actor_key(base: &str, iri: &str, resolved: &str) -> String {
    if super::corpus::is_actor_iri(iri, base, resolved) {
        return resolved.to_string();
    }
    let seg = iri
        .strip_prefix(base)
        .and_then(|r| r.strip_prefix("actor/"))
        .unwrap_or(iri);
    if seg == "unnamed" && resolved.is_empty() {
        return String::new();
    }
    percent_decode(seg)
}

/// Undoes [`super::iri_segment`]: `%XX` back to the byte.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ActorKind;
    use crate::resolve::tests::{actor, meeting, pair_record, record};
    use crate::resolve::{actor_iri, iri_segment, resolve_corpus, DEFAULT_BASE};

    fn person(id: &str, name: &str) -> Record {
        record(id, None, vec![actor("a1", name, ActorKind::Person)])
    }

    /// Resolves `old` alone (publishing it), then `old` and `new` together keeping
    /// what was published; returns the records by id and the view.
    fn ingest_twice(
        old: Vec<Record>,
        new: Vec<Record>,
        budget: usize,
    ) -> (BTreeMap<String, Record>, CorpusView) {
        let mut first = old;
        resolve_corpus(&mut first, DEFAULT_BASE);
        let published: Published = first
            .iter()
            .map(|r| (r.article.id.clone(), index::iris(r)))
            .collect();
        let mut all = first;
        all.extend(new);
        let view = resolve_corpus(&mut all, DEFAULT_BASE);
        let view = keep_published(&mut all, &published, view, budget, DEFAULT_BASE, None);
        let by_id = all.into_iter().map(|r| (r.article.id.clone(), r)).collect();
        (by_id, view)
    }

    #[test]
    fn percent_decode_undoes_iri_segment() {
        for key in ["abu-marzook", "a b/c", "é%"] {
            assert_eq!(percent_decode(&iri_segment(key)), key);
        }
    }

    #[test]
    fn a_tipped_key_stays_as_published_and_new_mentions_join_it() {
        let old = vec![person("a", "Hilary Clinton"), person("b", "Hilary Clinton")];
        let new: Vec<Record> = (0..9)
            .map(|i| person(&format!("n{i}"), "Hillary Clinton"))
            .collect();
        // Resolved at once, the commoner spelling names the actor.
        let mut once = old.clone();
        once.extend(new.clone());
        resolve_corpus(&mut once, DEFAULT_BASE);
        assert_eq!(
            once[0].actors[0].iri,
            actor_iri(DEFAULT_BASE, "hillary-clinton")
        );
        let (recs, view) = ingest_twice(old, new, 1);
        let kept = actor_iri(DEFAULT_BASE, "hilary-clinton");
        assert!(recs.values().all(|r| r.actors[0].iri == kept));
        assert_eq!(view.actors.name["hilary-clinton"], "Hillary Clinton");
        assert!(view.actors.spellings["hilary-clinton"].contains("Hilary Clinton"));
        assert!(!view.actors.name.contains_key("hillary-clinton"));
        assert!(view.actors.keys.iter().all(|k| k == "hilary-clinton"));
    }

    #[test]
    fn a_renaming_within_the_budget_is_taken() {
        let old = vec![person("a", "Hilary Clinton"), person("b", "Hilary Clinton")];
        let new: Vec<Record> = (0..9)
            .map(|i| person(&format!("n{i}"), "Hillary Clinton"))
            .collect();
        let (recs, view) = ingest_twice(old, new, 2);
        let renamed = actor_iri(DEFAULT_BASE, "hillary-clinton");
        assert!(recs.values().all(|r| r.actors[0].iri == renamed));
        assert!(!view.actors.name.contains_key("hilary-clinton"));
    }

    #[test]
    fn a_meeting_keeps_its_iri_when_a_dated_report_joins() {
        let undated = pair_record(
            "y",
            None,
            meeting("m1", &["a1", "a2"], None, Some("Thursday"), Some("a3")),
        );
        let mut alone = vec![undated.clone()];
        resolve_corpus(&mut alone, DEFAULT_BASE);
        let dated = pair_record(
            "x",
            Some("2023-10-26"),
            meeting(
                "m1",
                &["a1", "a2"],
                Some("2023-10-26"),
                Some("on Thursday"),
                Some("a3"),
            ),
        );
        let (recs, view) = ingest_twice(vec![undated], vec![dated], 0);
        let published = &alone[0].meetings[0].iri;
        assert_eq!(&recs["x"].meetings[0].iri, published);
        assert_eq!(&recs["y"].meetings[0].iri, published);
        let m = &view.meetings[published];
        assert_eq!(m.sources.len(), 2);
        assert_eq!(m.start.as_deref(), Some("2023-10-26"));
        assert_eq!(view.meetings.len(), 1);
    }

    #[test]
    fn a_new_cluster_keeps_its_resolved_iri() {
        let (recs, view) = ingest_twice(
            vec![person("a", "Hilary Clinton")],
            vec![person("b", "Mousa Abu Marzook")],
            0,
        );
        assert_eq!(
            recs["b"].actors[0].iri,
            actor_iri(DEFAULT_BASE, "mousa-abu-marzook")
        );
        assert_eq!(view.actors.name.len(), 2);
    }

    #[test]
    fn nothing_published_changes_nothing() {
        let mut recs = vec![
            person("a", "Hilary Clinton"),
            person("b", "Hillary Clinton"),
        ];
        let view = resolve_corpus(&mut recs, DEFAULT_BASE);
        let before: Vec<Vec<String>> = recs.iter().map(index::iris).collect();
        let names = view.actors.name.clone();
        let view = keep_published(&mut recs, &Published::new(), view, 0, DEFAULT_BASE, None);
        let after: Vec<Vec<String>> = recs.iter().map(index::iris).collect();
        assert_eq!(before, after);
        assert_eq!(view.actors.name, names);
    }
}
