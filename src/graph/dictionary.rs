//! What the actor dictionary says, as quads of the corpus graph: for each actor it
//! names, its canonical name (`schema:name`), its kind's classes, its outside
//! identifiers (`schema:sameAs`) and its roles (`org:Membership` with the given days,
//! `prov:wasDerivedFrom` the dictionary node, never an article).
//!
//! The dictionary node is `<base>dictionary`, an `ng:ActorDictionary` whose
//! `dcterms:identifier` is the SHA-256 of the file. Pure: no store, no I/O, and only
//! deterministic IRIs. Canonical labels (`skos:prefLabel`) and spellings
//! (`schema:alternateName`) are written by `corpus` for every actor alike.

use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term};

use super::iris;
use super::mapping::{date_literal, kind_classes, parse_day};
use super::vocab::{dcterms, ng, org, prov, rdfs, schema, time, RDF_TYPE};
use crate::resolve::{actor_iri, iri_segment, DictionaryFacts};

/// The IRI of the dictionary node.
pub fn dictionary_iri(base: &str) -> String {
    format!("{base}dictionary")
}

/// The IRI of the interval from `start` to `end` (either open): `{base}time/2021-08-25--2024-05-19`.
pub fn span_interval(base: &str, start: Option<&str>, end: Option<&str>) -> String {
    format!(
        "{base}time/{}--{}",
        iri_segment(start.unwrap_or("")),
        iri_segment(end.unwrap_or(""))
    )
}

/// Adds the dictionary's triples through `push(subject, predicate, object)`.
/// `named` tells whether an actor key already has names from the articles.
pub fn dictionary_triples(
    facts: &DictionaryFacts,
    base: &str,
    named: &dyn Fn(&str) -> bool,
    push: &mut dyn FnMut(&str, NamedNodeRef<'_>, Term),
) {
    let text = |s: &str| -> Term { Literal::new_simple_literal(s).into() };
    let node = |iri: &str| -> Option<Term> { NamedNode::new(iri).ok().map(Term::from) };
    let dict = dictionary_iri(base);
    let Some(dict_node) = node(&dict) else {
        return;
    };
    push(&dict, RDF_TYPE, ng::ACTOR_DICTIONARY.into_owned().into());
    push(&dict, RDF_TYPE, prov::ENTITY.into_owned().into());
    push(&dict, dcterms::IDENTIFIER, text(&facts.digest));
    for (key, entry) in &facts.actors {
        let actor = actor_iri(base, key);
        for class in kind_classes(entry.kind) {
            push(&actor, RDF_TYPE, class.into_owned().into());
        }
        push(&actor, schema::NAME, text(&entry.name));
        for id in &entry.same_as {
            if let Some(id) = node(id) {
                push(&actor, schema::SAME_AS, id);
            }
        }
        for role in &entry.roles {
            let of = role
                .organization
                .as_ref()
                .and_then(|o| facts.organizations.get(o).map(|k| (o, actor_iri(base, k))));
            let span = format!(
                "dictionary/{}/{}",
                role.start.as_deref().unwrap_or(""),
                role.end.as_deref().unwrap_or("")
            );
            let m = iris::membership(
                base,
                &actor,
                &role.title,
                of.as_ref().map(|(_, iri)| iri.as_str()),
                Some(&span),
            );
            let role_iri = iris::role(base, &role.title);
            let (Some(_), Some(role_node), Some(actor_node)) =
                (node(&m), node(&role_iri), node(&actor))
            else {
                continue;
            };
            push(&m, RDF_TYPE, org::MEMBERSHIP.into_owned().into());
            push(&m, org::MEMBER, actor_node);
            push(&m, org::ROLE, role_node);
            push(&m, prov::WAS_DERIVED_FROM, dict_node.clone());
            push(&role_iri, RDF_TYPE, org::ROLE_CLASS.into_owned().into());
            push(&role_iri, rdfs::LABEL, text(role.title.trim()));
            if let Some((name, of_iri)) = &of {
                if let Some(o) = node(of_iri) {
                    push(&m, org::ORGANIZATION, o);
                    // An organisation no article names still gets a name.
                    let key = of_iri.rsplit('/').next().unwrap_or_default();
                    if !named(key) && !facts.actors.contains_key(key) {
                        push(of_iri, schema::NAME, text(name));
                    }
                }
            }
            let start = role.start.as_deref().and_then(parse_day);
            let end = role.end.as_deref().and_then(parse_day);
            if start.is_none() && end.is_none() {
                continue;
            }
            let interval = span_interval(base, role.start.as_deref(), role.end.as_deref());
            let Some(interval_node) = node(&interval) else {
                continue;
            };
            push(&m, org::MEMBER_DURING, interval_node);
            push(&interval, RDF_TYPE, time::INTERVAL.into_owned().into());
            for (day, p) in [(start, time::HAS_BEGINNING), (end, time::HAS_END)] {
                let Some(day) = day else { continue };
                let d = day.format("%Y-%m-%d").to_string();
                let instant = iris::day_instant(base, &d);
                if let Some(i) = node(&instant) {
                    push(&interval, p, i);
                    push(&instant, RDF_TYPE, time::INSTANT.into_owned().into());
                    push(&instant, time::IN_XSD_DATE, date_literal(day).into());
                }
            }
        }
    }
}
