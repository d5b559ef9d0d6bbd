//! Combining: the second half of the `mentions` pass.
//!
//! Reads one sentence's chunks and writes mentions: lexicon names, institutions of a
//! country, titled names with their roles, appositions, collectives, title-only
//! mentions, other capitalised names and pronouns. Role `of` fields point at indices of
//! the output vector (the pass remaps them after sorting). It does no coreference.

use super::chunks::{Chunk, ChunkKind};
use super::fields::field_words;
use super::junk::ends_in_adjective;
use super::kinds;
use super::lone::lone_name;
use super::pairs::{pair_parts, part_mention, Pair};
use super::runs::is_org_word;
use super::titled::{apposition, is_honorific, office_words, titled, TitleAt};
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Span};

pub(super) fn span_of(doc: &Doc, c: &Chunk) -> Span {
    Span::new(
        doc.tokens[c.tokens.start].span.start,
        doc.tokens[c.tokens.end - 1].span.end,
    )
}

pub(super) fn span_from(doc: &Doc, a: &Chunk, b: &Chunk) -> Span {
    Span::new(
        doc.tokens[a.tokens.start].span.start,
        doc.tokens[b.tokens.end - 1].span.end,
    )
}

pub(super) fn word_is(doc: &Doc, c: Option<&Chunk>, words: &[&str]) -> bool {
    c.is_some_and(|c| {
        c.kind == ChunkKind::Other
            && c.tokens.len() == 1
            && words.contains(&doc.token_text(c.tokens.start).to_lowercase().as_str())
    })
}

pub(super) fn mention(
    span: Span,
    kind: MentionKind,
    actor_kind: ActorKind,
    canonical: Option<String>,
) -> Mention {
    Mention {
        span,
        kind,
        actor_kind,
        canonical,
        roles: Vec::new(),
        entity: None,
    }
}

/// The kind of actor a capitalised run names.
pub fn classify_name(doc: &Doc, lex: &Lexicon, c: &Chunk) -> ActorKind {
    if c.tokens.clone().any(|i| is_org_word(lex, doc, i))
        || (c.tokens.len() == 1 && kinds::is_acronym(doc.token_text(c.tokens.start)))
    {
        return ActorKind::Organization;
    }
    ActorKind::Person
}

pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];

/// Turns one sentence's chunks into mentions, appended to `out`.
pub fn combine(doc: &Doc, lex: &Lexicon, chunks: &[Chunk], out: &mut Vec<Mention>) {
    // The mention (index into `out`) of the last lexicon name or institution, and the
    // chunk index right after it (and after a possessive), so a title there is "of" it.
    let mut holder: Option<(usize, usize, usize)> = None; // (mention, next chunk, first chunk)
    let mut k = 0;
    while k < chunks.len() {
        let c = &chunks[k];
        // "SAN BERNARDINO, Calif. —": a dateline or a state is a place, no person.
        if let Some(p) = (c.kind == ChunkKind::Name)
            .then(|| kinds::place(doc, lex, chunks, k))
            .flatten()
        {
            out.push(p);
            holder = None;
            k += 1;
            continue;
        }
        match &c.kind {
            ChunkKind::Lex(entry, form) => {
                let e = &lex.entries[*entry];
                // A possessive after the name is part of it ("Russia's").
                let next = possessive_end(chunks, k);
                // "the Russian foreign ministry", "Russia's foreign ministry"
                if let Some((m, after)) = country_institution(doc, lex, chunks, k) {
                    out.push(m);
                    holder = Some((out.len() - 1, after, k));
                    k = after;
                    continue;
                }
                // "Israeli Defence Forces": a demonym or country before an organisation
                // name; "African Union Commission": an organisation before one word
                // that names a body of it.
                if let Some(n) = chunks.get(k + 1).filter(|n| n.kind == ChunkKind::Name) {
                    let body_of = e.kind == ActorKind::Organization
                        && *form == Form::Name
                        && n.tokens.len() == 1
                        && doc.tokens[n.tokens.start].span.start
                            == doc.tokens[c.tokens.end - 1].span.end + 1;
                    if classify_name(doc, lex, n) == ActorKind::Organization
                        && (e.kind == ActorKind::Country || body_of)
                    {
                        out.push(mention(
                            span_from(doc, c, n),
                            MentionKind::Name,
                            ActorKind::Organization,
                            None,
                        ));
                        holder = Some((out.len() - 1, k + 2, k));
                        k += 2;
                        continue;
                    }
                }
                let kind = if *form == Form::Demonym {
                    MentionKind::Demonym
                } else {
                    MentionKind::Name
                };
                out.push(mention(
                    span_of(doc, c),
                    kind,
                    e.kind,
                    Some(e.canonical.clone()),
                ));
                holder = Some((out.len() - 1, next, k));
                k = next;
            }
            // "foreign ministry spokeswoman Maria Zakharova", "a presidency spokesman":
            // a body of no named country before a title is part of the office.
            ChunkKind::Institution(inst) => match chunks.get(k + 1).map(|c| &c.kind) {
                Some(ChunkKind::Title {
                    title,
                    collective: false,
                }) if !is_honorific(lex, title) => {
                    let t = TitleAt {
                        k: k + 1,
                        title,
                        office: Some(inst.clone()),
                        of: None,
                        start: k,
                        first: k,
                    };
                    k = titled(doc, lex, chunks, t, out);
                    holder = None;
                }
                _ => k += 1,
            },
            ChunkKind::Title { title, collective } => {
                let mut of = holder.filter(|h| h.1 == k).map(|h| h.0);
                // "Chinese trade negotiators", "Hamas security officials": field words
                // between a country or organisation and its collective.
                if *collective && of.is_none() {
                    of = holder
                        .filter(|h| {
                            matches!(
                                out[h.0].actor_kind,
                                ActorKind::Country | ActorKind::Organization
                            ) && h.1 < k
                                && field_words(doc, chunks, h.1..k)
                        })
                        .map(|h| h.0);
                }
                if *collective {
                    let next = collective_mention(doc, lex, chunks, k, of, out);
                    // "African Union Commission chairperson X", "Hamas delegation head
                    // X": the body a singular collective names owns a title right after
                    // it ("the Syrian refugees President Obama wants" is no office).
                    let body = !doc.token_text(c.tokens.end - 1).ends_with('s');
                    holder = holder
                        .filter(|h| body && h.1 == k && next == k + 1)
                        .map(|h| (h.0, next, h.2));
                    k = next;
                    continue;
                }
                // "Hamas political bureau chief": words that describe the office may
                // stand between the owner and a title (not a form of address: "fear
                // Mrs. Clinton").
                let office = holder
                    .filter(|h| h.1 < k && !is_honorific(lex, title))
                    .and_then(|h| office_words(doc, chunks, h.1..k).map(|w| (h, w)));
                let (of, first) = match &office {
                    Some((h, _)) => (Some(h.0), h.1),
                    None => (of, k),
                };
                let start = holder.filter(|_| of.is_some()).map_or(k, |h| h.2);
                let office = office.map(|(_, w)| w);
                let t = TitleAt {
                    k,
                    title,
                    office,
                    of,
                    start,
                    first,
                };
                k = titled(doc, lex, chunks, t, out);
                holder = None;
            }
            // "the Trump-Putin summit": two names in one token.
            ChunkKind::Name
                if c.tokens.len() == 1 && pair_parts(doc, lex, c.tokens.start).is_some() =>
            {
                if let Some(Pair::Names(parts)) = pair_parts(doc, lex, c.tokens.start) {
                    for p in parts {
                        out.push(part_mention(lex, doc, p));
                    }
                }
                k += 1;
            }
            ChunkKind::Name if c.tokens.len() == 1 && !lone_name(doc, lex, c.tokens.start) => {
                k += 1;
            }
            // "Democratic National Convention", "Affordable Care Act": no actor.
            ChunkKind::Name if kinds::names_event(doc, lex, c) => k += 1,
            // "Picture: Fatemeh Bahrami/Anadolu via Getty Images": a credit, no actor.
            ChunkKind::Name if kinds::in_photo_credit(doc, c) => k += 1,
            // "Presumptive Democratic", "Messianic Jewish": an adjective, no person.
            ChunkKind::Name
                if ends_in_adjective(doc, lex, c.tokens.clone())
                    && classify_name(doc, lex, c) == ActorKind::Person =>
            {
                k += 1;
            }
            ChunkKind::Name => {
                let kind = classify_name(doc, lex, c);
                out.push(mention(span_of(doc, c), MentionKind::Name, kind, None));
                let m = out.len() - 1;
                k = apposition(doc, lex, chunks, k + 1, m, out);
            }
            ChunkKind::Pronoun => {
                let w = doc.token_text(c.tokens.start).to_lowercase();
                let kind = if matches!(w.as_str(), "they" | "them" | "their") {
                    ActorKind::Group
                } else {
                    ActorKind::Person
                };
                out.push(mention(span_of(doc, c), MentionKind::Pronoun, kind, None));
                k += 1;
            }
            _ => k += 1,
        }
    }
}

/// "Hamas delegation", "Russian officials", "a delegation from Hamas": a collective
/// mention that stands for the organisation or country; with no owner, an unnamed
/// group ([`super::groups`]). Returns the next chunk index.
fn collective_mention(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    k: usize,
    of: Option<usize>,
    out: &mut Vec<Mention>,
) -> usize {
    let c = &chunks[k];
    // "the Nigerian Union of Teachers", "Union of Concerned Scientists": a capitalised
    // collective with "of" and a name is an organisation's name.
    let capital = doc
        .token_text(c.tokens.start)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        && !super::headlines::is_sentence_initial(doc, chunks[0].tokens.start, c.tokens.start);
    if capital
        && word_is(doc, chunks.get(k + 1), &["of"])
        && chunks.get(k + 2).is_some_and(|n| n.kind == ChunkKind::Name)
    {
        let start = match of {
            Some(o) => out[o].span.start,
            None => span_of(doc, c).start,
        };
        let m = mention(
            Span::new(start, span_of(doc, &chunks[k + 2]).end),
            MentionKind::Name,
            ActorKind::Organization,
            None,
        );
        match of {
            Some(o) => out[o] = m,
            None => out.push(m),
        }
        return k + 3;
    }
    if let Some(o) = of {
        let owner = out[o].clone();
        let span = Span::new(owner.span.start, span_of(doc, c).end);
        // The collective replaces the bare name: "Hamas delegation" is one mention.
        out[o] = Mention {
            span,
            kind: MentionKind::Nominal,
            actor_kind: owner.actor_kind,
            canonical: owner.canonical,
            roles: Vec::new(),
            entity: None,
        };
        return k + 1;
    }
    // "relatives of Palestinian assailants": a demonym that qualifies a noun owns
    // nothing.
    let qualifying_demonym = matches!(
        chunks.get(k + 2).map(|c| &c.kind),
        Some(ChunkKind::Lex(_, Form::Demonym))
    ) && chunks.get(k + 3).is_some_and(|c| {
        c.kind == ChunkKind::Other
            && doc
                .token_text(c.tokens.start)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    });
    if word_is(doc, chunks.get(k + 1), &["from", "of"]) && !qualifying_demonym {
        if let Some(ChunkKind::Lex(_, _)) = chunks.get(k + 2).map(|c| &c.kind) {
            // Leave the name to be read as a mention of its own; the collective is
            // expressed by it.
            return k + 2;
        }
    }
    // "union leaders", "leaders in law enforcement": a group of its own.
    super::groups::group_mention(doc, lex, chunks, k, out).unwrap_or(k + 1)
}

/// A country's institution at chunk `k` ("the Russian foreign ministry", "Russia's
/// foreign ministry"): its organisation mention and the chunk after it.
pub(super) fn country_institution(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    k: usize,
) -> Option<(Mention, usize)> {
    let c = chunks.get(k)?;
    let ChunkKind::Lex(entry, _) = &c.kind else {
        return None;
    };
    let e = &lex.entries[*entry];
    let next = possessive_end(chunks, k);
    let (ActorKind::Country, Some(ChunkKind::Institution(inst))) =
        (e.kind, chunks.get(next).map(|c| &c.kind))
    else {
        return None;
    };
    let adj = e.demonym.clone().unwrap_or_else(|| e.canonical.clone());
    let m = mention(
        span_from(doc, c, &chunks[next]),
        MentionKind::Name,
        ActorKind::Organization,
        Some(format!("{adj} {inst}")),
    );
    Some((m, next + 1))
}

/// The chunk after chunk `k` and the possessive that may follow it.
fn possessive_end(chunks: &[Chunk], k: usize) -> usize {
    match chunks.get(k + 1).map(|c| &c.kind) {
        Some(ChunkKind::Possessive) => k + 2,
        _ => k + 1,
    }
}
