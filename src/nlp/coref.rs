//! Pass `coref`: groups mentions into entities (actors of the document).
//!
//! Reads: `doc.mentions`, `doc.sentences`. Writes: `doc.entities` and each mention's
//! `entity`. (Being written.)

use super::{Doc, Entity};

/// Pass entry point: fills `doc.entities`.
pub fn resolve(doc: &mut Doc) {
    let mut entities: Vec<Entity> = Vec::new();
    for (mi, m) in doc.mentions.iter_mut().enumerate() {
        let name = m.canonical.clone().unwrap_or_default();
        let idx = match entities.iter().position(|e| e.name == name) {
            Some(i) => i,
            None => {
                entities.push(Entity {
                    name: name.clone(),
                    kind: m.actor_kind,
                    canonical: m.canonical.clone(),
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                entities.len() - 1
            }
        };
        entities[idx].mentions.push(mi);
        m.entity = Some(idx);
    }
    doc.entities = entities;
}
