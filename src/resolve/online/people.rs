//! Placing the actors of new articles: a person joins the published cluster batch
//! resolution would put it in (the same folded name, the same full name spelled
//! differently, or the one fuller name it is the end of), else starts a cluster;
//! other actors keep the key extraction gave them. It never renames a published
//! cluster, and does no I/O.

use std::collections::{BTreeMap, BTreeSet};

use super::super::actors::{best_name, block, countries_of, lexical_key, stable_key, word_block};
use super::super::names::{fold_tokens, is_suffix_of, same_full_name};
use super::state::{ActorNames, PersonCluster, State};
use crate::extract::{ActorKind, Record};

/// One new person report: where it is and what it says.
struct Report {
    /// (record, actor) indices.
    at: (usize, usize),
    countries: BTreeSet<String>,
}

/// Sets the IRI of every actor of `records` (new articles, not in the state) and adds
/// them to the state; returns the actor keys whose names or spellings changed, with
/// their names before (`None`: a new key).
pub fn place_actors(
    state: &mut State,
    records: &mut [Record],
) -> BTreeMap<String, Option<ActorNames>> {
    let base = state.base.clone();
    // Folded name → its reports, for every new person.
    let mut groups: BTreeMap<Vec<String>, Vec<Report>> = BTreeMap::new();
    let mut keys: Vec<Vec<String>> = records
        .iter()
        .map(|r| vec![String::new(); r.actors.len()])
        .collect();
    for (ri, rec) in records.iter().enumerate() {
        for (ai, a) in rec.actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                keys[ri][ai] = lexical_key(rec, a);
                continue;
            }
            let folded = fold_tokens(&a.name);
            if folded.is_empty() {
                continue;
            }
            groups.entry(folded).or_default().push(Report {
                at: (ri, ai),
                countries: countries_of(rec, a),
            });
        }
    }
    // Clusters by block, and by key.
    let mut by_block: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (c, p) in state.people.iter().enumerate() {
        by_key.insert(p.key.clone(), c);
        let blocks: BTreeSet<String> = p.forms.iter().map(|f| block_of(f)).collect();
        for b in blocks {
            by_block.entry(b).or_default().push(c);
        }
    }
    // Longest names first, as batch resolution places them.
    let mut order: Vec<&Vec<String>> = groups.keys().collect();
    order.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    for folded in order {
        let reports = &groups[folded];
        let countries: BTreeSet<String> = reports
            .iter()
            .flat_map(|r| r.countries.iter().cloned())
            .collect();
        let articles: BTreeSet<usize> = reports.iter().map(|r| r.at.0).collect();
        let cands = by_block.get(&block(folded)).cloned().unwrap_or_default();
        let mut counts: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for r in reports {
            let name = records[r.at.0].actors[r.at.1].name.as_str();
            *counts.entry((folded.len(), name)).or_default() += 1;
        }
        let new_key = stable_key(&counts);
        // With no home, a new cluster, unless its key is published already (batch
        // resolution gives two clusters of one key one IRI).
        let home = home_of(&state.people, &cands, folded, &countries)
            .or_else(|| by_key.get(&new_key).copied());
        let c = match home {
            Some(c) => c,
            None => {
                state.people.push(PersonCluster {
                    key: new_key.clone(),
                    forms: BTreeSet::new(),
                    countries: BTreeSet::new(),
                    articles: 0,
                    spellings: BTreeMap::new(),
                });
                let c = state.people.len() - 1;
                by_key.insert(new_key, c);
                by_block.entry(block(folded)).or_default().push(c);
                c
            }
        };
        let p = &mut state.people[c];
        p.forms.insert(folded.join(" "));
        p.countries.extend(countries);
        p.articles += articles.len();
        for r in reports {
            let name = &records[r.at.0].actors[r.at.1].name;
            *p.spellings.entry(name.clone()).or_default() += 1;
            keys[r.at.0][r.at.1].clone_from(&p.key);
        }
    }
    // IRIs, and the names the corpus graph gives each touched key.
    let mut touched: BTreeMap<String, Option<ActorNames>> = BTreeMap::new();
    let mut person_keys: BTreeSet<String> = BTreeSet::new();
    for (rec, keys) in records.iter_mut().zip(keys) {
        for (a, key) in rec.actors.iter_mut().zip(keys) {
            if !super::super::corpus::is_actor_iri(&a.iri, &base, &key) {
                a.iri = super::super::actor_iri(&base, &key);
            }
            if !touched.contains_key(&key) {
                touched.insert(key.clone(), state.actors.get(&key).cloned());
            }
            let names = state.actors.entry(key.clone()).or_default();
            if names.label.is_empty() {
                names.label.clone_from(&a.name);
            }
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                if !names.spellings.contains(n) {
                    names.spellings.insert(n.clone());
                }
            }
            if a.kind == ActorKind::Person {
                person_keys.insert(key);
            }
        }
    }
    // A person's display name follows its spellings' counts.
    for key in &person_keys {
        let Some(&c) = by_key.get(key) else {
            continue;
        };
        let mut counts: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for (name, n) in &state.people[c].spellings {
            *counts
                .entry((fold_tokens(name).len(), name.as_str()))
                .or_default() += n;
        }
        if !counts.is_empty() {
            let best = best_name(&counts);
            if let Some(names) = state.actors.get_mut(key) {
                names.label = best;
            }
        }
    }
    // Keys whose names did not change are not touched.
    touched.retain(|key, before| before.as_ref() != state.actors.get(key));
    touched
}

/// The block of a form stored as words joined by a space.
fn block_of(form: &str) -> String {
    word_block(form.rsplit(' ').next().unwrap_or_default())
}

/// The published or new cluster among `cands` a folded name joins, as batch resolution
/// decides it: one that has the name; else the first whose forms hold the same full
/// name; else the one fuller name it is the end of ("Abu Marzook" in "Mousa Abu
/// Marzook"; of several, the one named in three times as many articles as the next);
/// else the one cluster whose every name is the end of it (a fuller name of a person
/// published by surname). Never across countries.
fn home_of(
    people: &[PersonCluster],
    cands: &[usize],
    folded: &[String],
    countries: &BTreeSet<String>,
) -> Option<usize> {
    let fits_country =
        |c: &BTreeSet<String>| countries.is_empty() || c.is_empty() || !countries.is_disjoint(c);
    let joined = folded.join(" ");
    let forms = |c: usize| -> Vec<Vec<String>> {
        people[c]
            .forms
            .iter()
            .map(|f| f.split(' ').map(String::from).collect())
            .collect()
    };
    let fitting: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&c| fits_country(&people[c].countries))
        .collect();
    if let Some(&c) = fitting.iter().find(|&&c| people[c].forms.contains(&joined)) {
        return Some(c);
    }
    if let Some(&c) = fitting
        .iter()
        .find(|&&c| forms(c).iter().any(|f| same_full_name(folded, f)))
    {
        return Some(c);
    }
    let fuller: Vec<usize> = fitting
        .iter()
        .copied()
        .filter(|&c| {
            forms(c)
                .iter()
                .any(|f| f.len() > folded.len() && is_suffix_of(folded, f))
        })
        .collect();
    match fuller.len() {
        1 => return Some(fuller[0]),
        0 => {}
        _ => {
            let mut by_articles: Vec<(usize, usize)> =
                fuller.iter().map(|&c| (people[c].articles, c)).collect();
            by_articles.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let (top, second) = (by_articles[0], by_articles[1]);
            return (top.0 >= 3 && top.0 >= 3 * second.0).then_some(top.1);
        }
    }
    let shorter: Vec<usize> = fitting
        .iter()
        .copied()
        .filter(|&c| {
            forms(c)
                .iter()
                .all(|f| f.len() < folded.len() && is_suffix_of(f, folded))
        })
        .collect();
    (shorter.len() == 1).then(|| shorter[0])
}
