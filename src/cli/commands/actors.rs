//! `newsgraph actors`, and the actor index the other listings use to show names and
//! to resolve `--actor NAME` (any name or alias, case- and accent-insensitive).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::Serialize;

use super::sparql::{date_literal, select, value};
use crate::cli::args::{ListArgs, ListFormat};
use crate::cli::output;
use crate::resolve::name_key;
use crate::store::{queries, Store};

/// What the store says about one actor.
#[derive(Debug, Clone, Default)]
pub struct ActorInfo {
    /// The display name: the longest `schema:name` (ties: alphabetical).
    pub name: String,
    /// Every name and alias.
    pub names: BTreeSet<String>,
    /// person, organization, country or place.
    pub kind: String,
}

/// Every actor (and place) of the store by IRI.
pub fn index(store: &Store) -> Result<BTreeMap<String, ActorInfo>> {
    let mut idx: BTreeMap<String, ActorInfo> = BTreeMap::new();
    for r in select(store, "SELECT ?a ?name WHERE { ?a schema:name ?name }")? {
        if let (Some(a), Some(n)) = (value(&r, "a"), value(&r, "name")) {
            let e = idx.entry(a).or_default();
            let better = n.chars().count() > e.name.chars().count()
                || (n.chars().count() == e.name.chars().count() && n < e.name);
            if e.name.is_empty() || better {
                e.name = n.clone();
            }
            e.names.insert(n);
        }
    }
    for r in select(
        store,
        "SELECT ?a ?alias WHERE { ?a schema:alternateName ?alias }",
    )? {
        if let (Some(a), Some(n)) = (value(&r, "a"), value(&r, "alias")) {
            idx.entry(a).or_default().names.insert(n);
        }
    }
    let kinds = "SELECT ?a ?t WHERE { ?a a ?t . \
                 VALUES ?t { schema:Person schema:Organization schema:Country schema:Place } }";
    for r in select(store, kinds)? {
        if let (Some(a), Some(t)) = (value(&r, "a"), value(&r, "t")) {
            let kind = t.rsplit('/').next().unwrap_or("").to_lowercase();
            let e = idx.entry(a).or_default();
            if rank(&kind) < rank(&e.kind) {
                e.kind = kind;
            }
        }
    }
    Ok(idx)
}

fn rank(kind: &str) -> u8 {
    match kind {
        "person" => 0,
        "country" => 1,
        "organization" => 2,
        "place" => 3,
        _ => 9,
    }
}

/// Whether `query` names this actor: equal to a name or alias once folded, or a run
/// of its words ("Bogdanov" in "Mikhail Bogdanov", "abu marzook").
pub fn matches(query: &str, names: &BTreeSet<String>) -> bool {
    let q = name_key(query);
    if q.is_empty() {
        return false;
    }
    let qw: Vec<&str> = q.split('-').collect();
    names.iter().any(|n| {
        let k = name_key(n);
        let words: Vec<&str> = k.split('-').collect();
        k == q || words.windows(qw.len()).any(|w| w == qw.as_slice())
    })
}

/// The IRIs of the actors `query` names, sorted.
pub fn matching(idx: &BTreeMap<String, ActorInfo>, query: &str) -> Vec<String> {
    idx.iter()
        .filter(|(_, a)| matches(query, &a.names))
        .map(|(iri, _)| iri.clone())
        .collect()
}

/// An actor reference in JSON output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ActorRef {
    /// The actor IRI.
    pub iri: String,
    /// Its display name.
    pub name: String,
}

/// The reference to an actor IRI, named from the index.
pub fn actor_ref(idx: &BTreeMap<String, ActorInfo>, iri: &str) -> ActorRef {
    ActorRef {
        iri: iri.to_string(),
        name: idx.get(iri).map(|a| a.name.clone()).unwrap_or_default(),
    }
}

#[derive(Debug, Serialize)]
struct RoleOut {
    title: String,
    of: Option<ActorRef>,
    first_seen: Option<String>,
    last_seen: Option<String>,
    /// From the actor dictionary: held from this day.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    /// From the actor dictionary: held until this day.
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

#[derive(Debug, Serialize)]
struct ActorOut {
    iri: String,
    name: String,
    kind: String,
    aliases: Vec<String>,
    roles: Vec<RoleOut>,
    meetings: usize,
    statements: usize,
    sources: Vec<String>,
}

/// (actor, title, organisation) of a role.
type RoleKey = (String, String, Option<String>);
/// First and last day a role was seen.
type SeenDates = (Option<String>, Option<String>);

/// Runs `actors`.
pub fn run(args: &ListArgs) -> Result<bool> {
    let from = super::day_arg("--from", args.from.as_deref())?;
    let to = super::day_arg("--to", args.to.as_deref())?;
    let store = Store::open(&args.store.store)?;
    let idx = index(&store)?;
    let wanted: Option<BTreeSet<String>> = args
        .actor
        .as_deref()
        .map(|q| matching(&idx, q).into_iter().collect());

    let mut date_filter = String::new();
    if let Some(f) = &from {
        date_filter.push_str(&format!(
            " FILTER(BOUND(?day) && ?day >= {})",
            date_literal(f)
        ));
    }
    if let Some(t) = &to {
        date_filter.push_str(&format!(
            " FILTER(BOUND(?day) && ?day <= {})",
            date_literal(t)
        ));
    }
    let mut sources: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let q = format!(
        "SELECT ?a ?id WHERE {{ ?art schema:mentions ?a ; schema:identifier ?id . \
         OPTIONAL {{ ?art schema:datePublished ?day }}{date_filter} }}"
    );
    for r in select(&store, &q)? {
        if let (Some(a), Some(id)) = (value(&r, "a"), value(&r, "id")) {
            sources.entry(a).or_default().insert(id);
        }
    }

    let mut roles: BTreeMap<RoleKey, SeenDates> = BTreeMap::new();
    // Roles seen in articles (dictionary roles are not sightings; see below).
    let q = "SELECT ?a ?title ?org ?day WHERE { ?m a org:Membership ; org:member ?a ; org:role ?r . \
             ?r rdfs:label ?title . OPTIONAL { ?m org:organization ?org } \
             FILTER NOT EXISTS { ?m prov:wasDerivedFrom ?d . ?d a ng:ActorDictionary } \
             OPTIONAL { ?m org:memberDuring ?i . ?i time:hasBeginning ?b . ?b time:inXSDDate ?day } }";
    for r in select(&store, q)? {
        let (Some(a), Some(title)) = (value(&r, "a"), value(&r, "title")) else {
            continue;
        };
        let e = roles.entry((a, title, value(&r, "org"))).or_default();
        if let Some(d) = value(&r, "day") {
            e.0 = Some(e.0.take().map_or(d.clone(), |x| x.min(d.clone())));
            e.1 = Some(e.1.take().map_or(d.clone(), |x| x.max(d)));
        }
    }
    // Roles the actor dictionary gives, with their start and end days.
    let mut held: BTreeMap<RoleKey, SeenDates> = BTreeMap::new();
    let q = "SELECT ?a ?title ?org ?start ?end WHERE { ?m a org:Membership ; org:member ?a ; \
             org:role ?r ; prov:wasDerivedFrom ?d . ?d a ng:ActorDictionary . ?r rdfs:label ?title . \
             OPTIONAL { ?m org:organization ?org } \
             OPTIONAL { ?m org:memberDuring ?i . OPTIONAL { ?i time:hasBeginning/time:inXSDDate ?start } \
                        OPTIONAL { ?i time:hasEnd/time:inXSDDate ?end } } }";
    for r in select(&store, q)? {
        let (Some(a), Some(title)) = (value(&r, "a"), value(&r, "title")) else {
            continue;
        };
        let key = (a, title, value(&r, "org"));
        roles.entry(key.clone()).or_default();
        held.insert(key, (value(&r, "start"), value(&r, "end")));
    }
    let count = |q: &str| -> Result<BTreeMap<String, usize>> {
        let mut m = BTreeMap::new();
        for r in select(&store, q)? {
            if let (Some(a), Some(n)) = (value(&r, "a"), value(&r, "n")) {
                m.insert(a, n.parse().unwrap_or(0));
            }
        }
        Ok(m)
    };
    let meetings = count(queries::MEETINGS_PER_ACTOR)?;
    let statements = count(queries::STATEMENTS_PER_SPEAKER)?;

    let mut out: Vec<ActorOut> = Vec::new();
    for (iri, info) in &idx {
        let Some(srcs) = sources.get(iri) else {
            continue; // not mentioned by any article in the date range
        };
        if wanted.as_ref().is_some_and(|w| !w.contains(iri)) {
            continue;
        }
        let aliases = info
            .names
            .iter()
            .filter(|n| **n != info.name)
            .cloned()
            .collect();
        let my_roles = roles
            .iter()
            .filter(|((a, _, _), _)| a == iri)
            .map(|(key, (first, last))| {
                let (_, title, org) = key;
                let (from, to) = held.get(key).cloned().unwrap_or_default();
                RoleOut {
                    title: title.clone(),
                    of: org.as_deref().map(|o| actor_ref(&idx, o)),
                    first_seen: first.clone(),
                    last_seen: last.clone(),
                    from,
                    to,
                }
            })
            .collect();
        out.push(ActorOut {
            iri: iri.clone(),
            name: info.name.clone(),
            kind: info.kind.clone(),
            aliases,
            roles: my_roles,
            meetings: meetings.get(iri).copied().unwrap_or(0),
            statements: statements.get(iri).copied().unwrap_or(0),
            sources: srcs.iter().cloned().collect(),
        });
    }
    out.sort_by(|a, b| (a.name.to_lowercase(), &a.iri).cmp(&(b.name.to_lowercase(), &b.iri)));
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = out
                .iter()
                .map(|a| {
                    let roles: Vec<String> = a
                        .roles
                        .iter()
                        .map(|r| match &r.of {
                            Some(o) => format!("{} of {}", r.title, o.name),
                            None => r.title.clone(),
                        })
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    vec![
                        a.name.clone(),
                        a.kind.clone(),
                        output::clip(&roles.join("; "), 50),
                        output::clip(&a.aliases.join("; "), 40),
                        a.meetings.to_string(),
                        a.statements.to_string(),
                        a.sources.len().to_string(),
                    ]
                })
                .collect();
            print!(
                "{}",
                output::table(
                    &[
                        "NAME",
                        "KIND",
                        "ROLES",
                        "ALIASES",
                        "MEETINGS",
                        "STATEMENTS",
                        "SOURCES"
                    ],
                    &rows
                )
            );
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> BTreeSet<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn surname_matches_full_name() {
        assert!(matches("Bogdanov", &names(&["Mikhail Bogdanov"])));
    }

    #[test]
    fn match_ignores_case_and_accents() {
        assert!(matches("erdogan", &names(&["Recep Tayyip Erdoğan"])));
    }

    #[test]
    fn partial_word_does_not_match() {
        assert!(!matches("Bogdan", &names(&["Mikhail Bogdanov"])));
    }

    #[test]
    fn alias_matches() {
        assert!(matches(
            "Abu Marzouk",
            &names(&["Mousa Abu Marzook", "Abu Marzouk"])
        ));
    }
}
