//! Titled names: the roles a title gives the name it stands before or beside.
//!
//! Reads one sentence's chunks from a title chunk or from after a name, and writes
//! mentions with roles: titled names ("Iran's Foreign Minister Hossein
//! Amirabdollahian"), titles apposed after a name ("Mousa Abu Marzook, the founder of
//! Hamas,"), titles apposed before one ("A spokesman for the Iranian foreign ministry,
//! Nasser Kanaani,"), and title-only mentions ("the deputy minister"). Role `of`
//! fields point at indices of the output vector. It finds no other mentions (that is
//! `combine`) and does no coreference.

use super::chunks::{Chunk, ChunkKind};
use super::combine::{classify_name, mention, span_from, span_of, word_is, DETERMINERS};
use crate::nlp::lexicon::Lexicon;
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Role, Span};

/// A person title at chunk `k`: a titled name, a title apposed to a name, or a
/// title-only mention. Returns the next chunk index.
#[allow(clippy::too_many_arguments)]
pub(super) fn titled(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    k: usize,
    title: &str,
    of: Option<usize>,
    title_start: usize,
    out: &mut Vec<Mention>,
) -> usize {
    let mut roles = vec![Role {
        title: title.to_string(),
        of,
        span: span_of(doc, &chunks[k]),
    }];
    let mut j = k + 1;
    // "Supreme Leader Ayatollah Ali Khamenei", "President Mr. X"
    while let Some(c) = chunks.get(j) {
        match &c.kind {
            ChunkKind::Honorific => j += 1,
            ChunkKind::Title {
                title,
                collective: false,
            } => {
                roles.push(Role {
                    title: title.clone(),
                    of,
                    span: span_of(doc, c),
                });
                j += 1;
            }
            _ => break,
        }
    }
    // "President of Iran"
    let mut after = j;
    if word_is(doc, chunks.get(j), &["of"]) {
        if let Some(ChunkKind::Lex(entry, _)) = chunks.get(j + 1).map(|c| &c.kind) {
            if of.is_none() {
                let e = &lex.entries[*entry];
                out.push(mention(
                    span_of(doc, &chunks[j + 1]),
                    MentionKind::Name,
                    e.kind,
                    Some(e.canonical.clone()),
                ));
                let o = out.len() - 1;
                for r in &mut roles {
                    r.of = Some(o);
                }
            }
            after = j + 2;
        }
    }
    let det_before = title_start > 0 && word_is(doc, chunks.get(title_start - 1), DETERMINERS);
    // A title before an organisation's name ("member General Assembly") is no role.
    let is_person_name =
        |c: &Chunk| c.kind == ChunkKind::Name && classify_name(doc, lex, c) == ActorKind::Person;
    let name_at = if chunks.get(after).is_some_and(is_person_name) {
        Some(after)
    } else if det_before
        && word_is(doc, chunks.get(after), &[","])
        && chunks.get(after + 1).is_some_and(is_person_name)
    {
        Some(after + 1) // "the Russian deputy foreign minister, Mikhail Bogdanov"
    } else {
        None
    };
    if let Some(n) = name_at {
        let mut m = mention(
            span_of(doc, &chunks[n]),
            MentionKind::Name,
            ActorKind::Person,
            None,
        );
        m.roles = roles;
        out.push(m);
        let mi = out.len() - 1;
        return apposition(doc, lex, chunks, n + 1, mi, out);
    }
    // Title only: "the deputy minister", "Iran's Foreign Minister".
    let mut m = mention(
        span_from(doc, &chunks[k], &chunks[j - 1]),
        MentionKind::Title,
        ActorKind::Person,
        None,
    );
    m.roles = roles;
    out.push(m);
    after
}

/// ", the founder and political leader of Hamas," after a name: adds roles to mention
/// `m`. Returns the next chunk index (unchanged when there is no apposition).
pub(super) fn apposition(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    k: usize,
    m: usize,
    out: &mut Vec<Mention>,
) -> usize {
    if !word_is(doc, chunks.get(k), &[","]) {
        return k;
    }
    let mut j = k + 1;
    if word_is(doc, chunks.get(j), DETERMINERS) {
        j += 1;
    }
    // Optional owner before the title: "Iran's", "White House", "Russian".
    let mut owner: Option<(usize, usize)> = None; // (chunk, entry)
    if let Some(ChunkKind::Lex(entry, _)) = chunks.get(j).map(|c| &c.kind) {
        owner = Some((j, *entry));
        j += 1;
        if matches!(chunks.get(j).map(|c| &c.kind), Some(ChunkKind::Possessive)) {
            j += 1;
        }
    }
    let mut titles: Vec<(String, Span)> = Vec::new();
    while let Some(ChunkKind::Title {
        title,
        collective: false,
    }) = chunks.get(j).map(|c| &c.kind)
    {
        titles.push((title.clone(), span_of(doc, &chunks[j])));
        j += 1;
        if word_is(doc, chunks.get(j), &["and", ","])
            && matches!(
                chunks.get(j + 1).map(|c| &c.kind),
                Some(ChunkKind::Title {
                    collective: false,
                    ..
                })
            )
        {
            j += 1;
        }
    }
    if titles.is_empty() {
        return k;
    }
    let mut of_chunk = owner;
    if word_is(doc, chunks.get(j), &["of"]) {
        if let Some(ChunkKind::Lex(entry, _)) = chunks.get(j + 1).map(|c| &c.kind) {
            of_chunk = Some((j + 1, *entry));
        }
    }
    let of = of_chunk.map(|(ci, entry)| {
        let e = &lex.entries[entry];
        out.push(mention(
            span_of(doc, &chunks[ci]),
            MentionKind::Name,
            e.kind,
            Some(e.canonical.clone()),
        ));
        out.len() - 1
    });
    out[m].actor_kind = ActorKind::Person;
    for (t, span) in titles {
        out[m].roles.push(Role { title: t, of, span });
    }
    // Continue after the owner so that the lexicon name is not pushed twice.
    match of_chunk {
        Some((ci, _)) if ci >= j => ci + 1,
        _ => j,
    }
}
