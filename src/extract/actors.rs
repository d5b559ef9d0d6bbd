//! Actor records from the document's entities.
//!
//! Every entity with a name becomes one actor record: its fullest name, kind, other
//! spellings as aliases, roles, and every mention. Local ids (`a1`, `a2`, …) follow the
//! order of first mention. This module does not decide coreference (that is
//! `nlp::coref`) and mints IRIs only through `resolve`.

use std::collections::{BTreeMap, BTreeSet};

use super::offsets::CharIndex;
use super::record::{ActorRecord, RoleRecord};
use crate::nlp::Doc;
use crate::resolve;

/// The identity key of entity `e`: its lexicon key when known, else its name.
pub fn entity_key(doc: &Doc, e: usize) -> String {
    let ent = &doc.entities[e];
    resolve::name_key(ent.canonical.as_deref().unwrap_or(&ent.name))
}

/// Entity indices that become actors, in order of first mention.
pub fn actor_entities(doc: &Doc) -> Vec<usize> {
    let mut v: Vec<(usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.name.trim().is_empty() && !e.mentions.is_empty())
        .map(|(i, e)| (doc.mentions[e.mentions[0]].span.start, i))
        .collect();
    v.sort();
    v.into_iter().map(|(_, i)| i).collect()
}

/// Maps entity index to (local id, identity key).
pub fn local_ids(doc: &Doc, _actors: &[ActorRecord]) -> BTreeMap<usize, (String, String)> {
    actor_entities(doc)
        .into_iter()
        .enumerate()
        .map(|(k, e)| (e, (format!("a{}", k + 1), entity_key(doc, e))))
        .collect()
}

/// A name as it should be shown and compared: every run of whitespace (a line break
/// inside a name, a no-break space) becomes one plain space. Mention spans keep the
/// text exactly as written; only the name and alias fields are normalised.
pub fn plain_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the actor records.
pub fn actor_records(doc: &Doc, ix: &CharIndex, base: &str) -> Vec<ActorRecord> {
    let order = actor_entities(doc);
    let local: BTreeMap<usize, String> = order
        .iter()
        .enumerate()
        .map(|(k, &e)| (e, format!("a{}", k + 1)))
        .collect();
    order
        .iter()
        .map(|&e| {
            let ent = &doc.entities[e];
            let name = plain_name(&ent.name);
            let mut aliases: BTreeSet<String> = BTreeSet::new();
            for &m in &ent.mentions {
                let mention = &doc.mentions[m];
                if names_the_actor(mention.kind, doc.text(mention.span)) {
                    let t = plain_name(doc.text(mention.span));
                    if t != name {
                        aliases.insert(t);
                    }
                }
            }
            if let Some(c) = ent.canonical.as_deref().map(plain_name) {
                if c != name {
                    aliases.insert(c);
                }
            }
            let roles: BTreeSet<RoleRecord> = ent
                .roles
                .iter()
                .map(|r| RoleRecord {
                    title: plain_name(&r.title),
                    of: r.of.and_then(|o| local.get(&o).cloned()),
                })
                .collect();
            ActorRecord {
                id: local[&e].clone(),
                iri: resolve::actor_iri(base, &entity_key(doc, e)),
                name,
                kind: ent.kind,
                aliases: aliases.into_iter().collect(),
                roles: roles.into_iter().collect(),
                mentions: ent
                    .mentions
                    .iter()
                    .map(|&m| ix.span(doc.mentions[m].span))
                    .collect(),
            }
        })
        .collect()
}

/// Whether a mention's text is a spelling of its actor's name: a proper name, or a
/// plural demonym used for the people ("the Palestinians"), not the adjective of
/// "Palestinian offices".
fn names_the_actor(kind: crate::nlp::MentionKind, text: &str) -> bool {
    use crate::nlp::MentionKind;
    match kind {
        MentionKind::Name => true,
        MentionKind::Demonym => text.ends_with('s'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{names_the_actor, plain_name};
    use crate::nlp::MentionKind;

    #[test]
    fn plural_demonym_is_a_spelling_of_its_actor() {
        assert!(names_the_actor(MentionKind::Demonym, "Palestinians"));
    }

    #[test]
    fn demonym_adjective_is_no_spelling() {
        assert!(!names_the_actor(MentionKind::Demonym, "Palestinian"));
    }

    #[test]
    fn pronoun_is_no_spelling() {
        assert!(!names_the_actor(MentionKind::Pronoun, "they"));
    }

    #[test]
    fn no_break_space_in_a_name_becomes_a_plain_space() {
        assert_eq!(plain_name("Gaza\u{a0}Strip"), "Gaza Strip");
    }

    #[test]
    fn line_break_inside_a_name_becomes_one_space() {
        assert_eq!(plain_name("Ali Bagheri\r\n  Kani"), "Ali Bagheri Kani");
    }
}
