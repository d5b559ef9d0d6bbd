//! Titled names: the roles a title gives the name it stands before or beside.
//!
//! Reads one sentence's chunks from a title chunk or from after a name, and writes
//! mentions with roles: titled names ("Iran's Foreign Minister Hossein
//! Amirabdollahian"), titles apposed after a name ("Mousa Abu Marzook, the founder of
//! Hamas,"), titles apposed before one ("A spokesman for the Iranian foreign ministry,
//! Nasser Kanaani,"), and title-only mentions ("the deputy minister"). Role `of`
//! fields point at indices of the output vector. It finds no other mentions (that is
//! `combine`) and does no coreference.

use std::ops::Range;

use super::chunks::{Chunk, ChunkKind};
use super::combine::{classify_name, mention, span_from, span_of, word_is, DETERMINERS};
use super::probes::title_case;
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Role, Span, TokenKind};

/// A person title as `combine` found it.
pub(super) struct TitleAt<'a> {
    /// The title's chunk.
    pub k: usize,
    /// The normalised title.
    pub title: &'a str,
    /// Words between the owner and the title that describe the office ("Political
    /// Bureau" of "Hamas political bureau chief"), see [`office_words`].
    pub office: Option<String>,
    /// The owner's mention ("Iran" of "Iran's Foreign Minister").
    pub of: Option<usize>,
    /// The first chunk of the titled phrase (the owner's, or the title's).
    pub start: usize,
    /// The first chunk of the office words, or the title's.
    pub first: usize,
}

/// A person title: a titled name, a title apposed to a name, or a title-only mention.
/// Returns the next chunk index.
pub(super) fn titled(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    t: TitleAt,
    out: &mut Vec<Mention>,
) -> usize {
    let TitleAt {
        k,
        title,
        office,
        of,
        start: title_start,
        first: title_first,
    } = t;
    let mut roles = vec![Role {
        title: title.to_string(),
        of,
        span: span_from(doc, &chunks[title_first], &chunks[k]),
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
    // "the spokesman", "the group's supreme leader": a determiner or a possessive.
    let det_before = title_start > 0
        && (word_is(doc, chunks.get(title_start - 1), DETERMINERS)
            || chunks[title_start - 1].kind == ChunkKind::Possessive);
    // "As a New York senator, Hillary Clinton voted", "A lawyer, Khan has long …": a
    // title phrase that opens the sentence or follows "as" describes the subject after
    // it, whatever follows the name.
    let predicative = det_before
        && (title_start == 1 || word_is(doc, chunks.get(title_start.wrapping_sub(2)), &["as"]));
    // "a spokesman for the Iranian foreign ministry, Nasser Kanaani," "the head of the
    // IAEA, Rafael Grossi,": the owner of a title apposed before a name.
    let mut owner: Option<(Mention, usize)> = None;
    if after == j && of.is_none() && det_before && word_is(doc, chunks.get(j), &["of", "for"]) {
        let o = j + 1 + usize::from(word_is(doc, chunks.get(j + 1), &["the"]));
        owner = owner_at(doc, lex, chunks, o).filter(|(_, next)| {
            word_is(doc, chunks.get(*next), &[","])
                && apposed_name(doc, lex, chunks, next + 1, predicative)
        });
        if let Some((_, next)) = &owner {
            after = *next;
        }
    }
    // A title before an organisation's name ("member General Assembly") is no role.
    let is_person_name =
        |c: &Chunk| c.kind == ChunkKind::Name && classify_name(doc, lex, c) == ActorKind::Person;
    let name_at = if owner.is_none() && chunks.get(after).is_some_and(is_person_name) {
        Some(after)
    } else if (det_before || of.is_some())
        && word_is(doc, chunks.get(after), &[","])
        && apposed_name(doc, lex, chunks, after + 1, predicative)
    {
        // "the Russian deputy foreign minister, Mikhail Bogdanov", "Pakistan's army
        // chief, General Asim Munir,": the name and the ranks or titles it has of its own.
        let mut n = after + 1;
        while let Some(c) = chunks.get(n).filter(|c| c.kind != ChunkKind::Name) {
            if let ChunkKind::Title { title, .. } = &c.kind {
                roles.push(Role {
                    title: title.clone(),
                    of: None,
                    span: span_of(doc, c),
                });
            }
            n += 1;
        }
        Some(n)
    } else {
        None
    };
    if let Some((m, _)) = owner.filter(|_| name_at.is_some()) {
        out.push(m);
        let o = out.len() - 1;
        for r in roles.iter_mut().filter(|r| r.of.is_none()).take(1) {
            r.of = Some(o);
        }
    }
    if let Some(n) = name_at {
        // The office words go into the title of a named holder only: a title-only
        // mention ("the Pentagon's recent top adviser") must still match its holder's
        // title in `coref`.
        if let Some(words) = office {
            roles[0].title = format!("{words} {}", roles[0].title);
        }
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

#[cfg(test)]
#[path = "titled_tests.rs"]
mod tests;

/// The owner of a title after "of"/"for" at chunk `k`: a country or organisation of the
/// lexicon, a country's institution ("the Iranian foreign ministry") or an
/// organisation's name. Returns its mention and the chunk after it.
fn owner_at(doc: &Doc, lex: &Lexicon, chunks: &[Chunk], k: usize) -> Option<(Mention, usize)> {
    let c = chunks.get(k)?;
    match &c.kind {
        ChunkKind::Lex(entry, form) => {
            let e = &lex.entries[*entry];
            if !matches!(e.kind, ActorKind::Country | ActorKind::Organization) {
                return None;
            }
            if let Some(found) = super::combine::country_institution(doc, lex, chunks, k) {
                return Some(found);
            }
            (*form != Form::Demonym).then(|| {
                let m = mention(
                    span_of(doc, c),
                    MentionKind::Name,
                    e.kind,
                    Some(e.canonical.clone()),
                );
                (m, k + 1)
            })
        }
        ChunkKind::Name if classify_name(doc, lex, c) == ActorKind::Organization => {
            let m = mention(
                span_of(doc, c),
                MentionKind::Name,
                ActorKind::Organization,
                None,
            );
            Some((m, k + 1))
        }
        _ => None,
    }
}

/// Whether chunk `k` opens a person's name apposed to a title before it: titles or
/// honorifics of its own ("General", "Dr."), the name, and then a comma, a
/// dash, "of" or the sentence's end (anything when the title is `predicative`). A
/// name that runs on into a clause ("According to a spokesman, Jim Smith will …") or a
/// list ("the spokesman, Jim Smith and Ann Jones") is not apposed.
fn apposed_name(doc: &Doc, lex: &Lexicon, chunks: &[Chunk], k: usize, predicative: bool) -> bool {
    let mut n = k;
    while chunks.get(n).is_some_and(|c| {
        matches!(
            c.kind,
            ChunkKind::Honorific
                | ChunkKind::Title {
                    collective: false,
                    ..
                }
        )
    }) {
        n += 1;
    }
    let Some(c) = chunks.get(n) else {
        return false;
    };
    if c.kind != ChunkKind::Name || classify_name(doc, lex, c) != ActorKind::Person {
        return false;
    }
    match chunks.get(n + 1) {
        None => true,
        Some(_) if predicative => true,
        Some(next) => {
            next.kind == ChunkKind::Other
                && next.tokens.len() == 1
                && matches!(
                    doc.token_text(next.tokens.start),
                    "," | "." | "!" | "?" | ";" | "—" | "–" | "-" | "--" | "of"
                )
        }
    }
}

/// "Hamas political bureau chief", "Lebanese caretaker Prime Minister": the lower-case
/// words between a title's owner and the title (chunks `range`), when they describe
/// the office, in Title Case ("Political Bureau"). `None` when there are none, more than
/// two, or one may be a verb or a function word ("Israel appointed army chief X").
pub(super) fn office_words(doc: &Doc, chunks: &[Chunk], range: Range<usize>) -> Option<String> {
    if range.is_empty() || range.len() > 2 {
        return None;
    }
    let mut words = Vec::with_capacity(range.len());
    for c in &chunks[range] {
        if c.kind != ChunkKind::Other || c.tokens.len() != 1 {
            return None;
        }
        let i = c.tokens.start;
        let w = doc.token_text(i);
        let ok = doc.tokens[i].kind == TokenKind::Word
            && w.chars().count() >= 3
            && w.chars().all(|ch| ch.is_lowercase() || ch == '-')
            && !is_verb_like(w)
            && !NOT_OFFICE_WORDS.contains(&w);
        if !ok {
            return None;
        }
        words.push(w);
    }
    Some(title_case(&words.join(" ")))
}

/// Whether a normalised title is a form of address ("Mrs", "Dr", "Sir") rather than
/// an office.
pub(super) fn is_honorific(lex: &Lexicon, title: &str) -> bool {
    let low = title.to_lowercase();
    lex.title_word_kind(&low) == Some("honorific")
        || lex.title_word_kind(&format!("{low}.")) == Some("honorific")
        || matches!(low.as_str(), "sir" | "lady" | "lord" | "dame")
}

/// Endings of verbs and adverbs ("appointed", "meeting", "appoints", "only"); a plural
/// noun ("affairs") is lost with them, "-ss", "-us" and "-is" stay.
fn is_verb_like(w: &str) -> bool {
    ["ed", "ing", "ly"].iter().any(|e| w.ends_with(e))
        || (w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)))
}

/// Closed-class words and irregular verbs that never describe an office.
const NOT_OFFICE_WORDS: &[&str] = &[
    "about", "after", "against", "also", "among", "and", "any", "are", "before", "but", "came",
    "can", "could", "did", "for", "from", "gave", "got", "had", "has", "have", "held", "her",
    "his", "its", "just", "led", "let", "lost", "made", "may", "met", "might", "must", "nor",
    "not", "now", "off", "our", "out", "over", "put", "said", "saw", "sent", "set", "she",
    "should", "sent", "still", "than", "that", "the", "their", "them", "then", "they", "this",
    "those", "told", "took", "under", "upon", "via", "was", "went", "were", "when", "where",
    "which", "while", "who", "whom", "will", "with", "won", "would", "yet", "very", "more", "most",
    "less", "least", "too", "so",
];
