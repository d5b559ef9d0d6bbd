//! The kind of actor a capitalised run names when it is no person: the checks the
//! combining pass makes before it calls a run a person.
//!
//! - a dateline ("SAN BERNARDINO, Calif. —", "NEW YORK, Dec. 11 (UPI) —") names a place;
//! - an AP state abbreviation after a comma or bracket ("Cambridge, Mass.", "Rand Paul
//!   (Ky.)") is that US state (`ap_states.tsv`), and the run before ", Calif." a place;
//! - a run ending in a word of an event, law or document ("Democratic National
//!   Convention", "Affordable Care Act", `event_words.tsv`) names no actor;
//! - an acronym standing alone ("PAC", "UPI", "NBC") is an organisation;
//! - the names of a photo credit ("Picture: Fatemeh Bahrami/Anadolu via Getty Images")
//!   are no actors (news agencies the lexicon knows aside).
//!
//! It reads tokens, chunks and the lexicon and answers questions or builds the one
//! place mention; it decides nothing about persons and does no coreference.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::chunks::{Chunk, ChunkKind};
use super::probes::title_case;
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Span, TokenKind};

const AP_STATES: &str = include_str!("../lexicons/ap_states.tsv");
const EVENT_WORDS: &str = include_str!("../lexicons/event_words.tsv");

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// AP abbreviation without its last period ("Calif", "N.H") → the state's name.
fn ap_states() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        data_lines(AP_STATES)
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

fn is_event_word(lower: &str) -> bool {
    static SET: OnceLock<Vec<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(EVENT_WORDS).collect())
        .binary_search(&lower)
        .is_ok()
}

/// The US state token `i` abbreviates in AP style, when it ends in a period and is
/// dotted ("N.H.") or stands after a comma or an opening bracket ("Calif" + "."):
/// "Miss" or "Wash" in running text stay words.
fn ap_state_at(doc: &Doc, i: usize) -> Option<&'static str> {
    let t = doc.token_text(i);
    let bare = t.strip_suffix('.').unwrap_or(t);
    let state = ap_states().get(bare)?;
    let after_sep = bare.contains('.') || (i > 0 && matches!(doc.token_text(i - 1), "," | "("));
    let period = t.ends_with('.')
        || (i + 1 < doc.tokens.len()
            && doc.token_text(i + 1) == "."
            && doc.tokens[i + 1].span.start == doc.tokens[i].span.end);
    (after_sep && period).then_some(*state)
}

/// A place mention for `span`: the lexicon's entry when `name` is one, else a place
/// called `name`.
fn place_mention(lex: &Lexicon, span: Span, name: &str) -> Mention {
    let hit = lex
        .lookup(name)
        .iter()
        .find(|(_, f)| *f == Form::Name)
        .map(|(e, _)| &lex.entries[*e]);
    let (kind, canonical) = match hit {
        Some(e) => (e.kind, e.canonical.clone()),
        None => (ActorKind::Place, name.to_string()),
    };
    Mention {
        span,
        kind: MentionKind::Name,
        actor_kind: kind,
        canonical: Some(canonical),
        roles: Vec::new(),
        entity: None,
    }
}

fn chunk_span(doc: &Doc, c: &Chunk) -> Span {
    Span::new(
        doc.tokens[c.tokens.start].span.start,
        doc.tokens[c.tokens.end - 1].span.end,
    )
}

fn all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// "NEW YORK, Dec. 11 (UPI) —": a run in capitals opening its line (after other words
/// in capitals only) and followed by a comma, a bracket or a dash is a dateline's place.
/// Returns the span from the line's first word.
fn dateline(doc: &Doc, c: &Chunk) -> Option<Span> {
    if !c.tokens.clone().all(|i| all_caps(doc.token_text(i))) {
        return None;
    }
    let next = doc
        .tokens
        .get(c.tokens.end)
        .map(|_| doc.token_text(c.tokens.end))?;
    if !matches!(next, "," | "(" | "—" | "–") {
        return None;
    }
    let body = doc.body();
    let span = chunk_span(doc, c);
    let line = body.get(..span.start)?.rsplit('\n').next().unwrap_or("");
    if !line
        .chars()
        .all(|ch| ch.is_whitespace() || ch.is_uppercase())
    {
        return None;
    }
    let start = span.start - line.trim_start().len();
    Some(Span::new(start, span.end))
}

/// Whether the chunk after chunk `k` and a comma names a US state ("Calif.",
/// "California") closing the phrase: a punctuation mark or a lower-case word follows.
fn state_follows(doc: &Doc, lex: &Lexicon, chunks: &[Chunk], k: usize) -> bool {
    let comma = chunks
        .get(k + 1)
        .is_some_and(|c| c.kind == ChunkKind::Other && doc.token_text(c.tokens.start) == ",");
    let Some(s) = chunks.get(k + 2).filter(|_| comma) else {
        return false;
    };
    let state = match &s.kind {
        ChunkKind::Name => s.tokens.len() == 1 && ap_state_at(doc, s.tokens.start).is_some(),
        ChunkKind::Lex(e, Form::Name) => {
            let e = &lex.entries[*e];
            e.kind == ActorKind::Place && e.country.as_deref() == Some("United States")
        }
        _ => false,
    };
    let mut after = s.tokens.end;
    if after < doc.tokens.len() && doc.token_text(after) == "." {
        after += 1;
    }
    let closes = after >= doc.tokens.len() || {
        let t = doc.token_text(after);
        match doc.tokens[after].kind {
            TokenKind::Word => t.chars().next().is_some_and(char::is_lowercase),
            _ => !t.starts_with(['\'', '’']),
        }
    };
    state && closes
}

/// The place a Name chunk `k` names, if it is one: a dateline, an AP state
/// abbreviation, or a run before ", <state>" that opens with no given name.
pub(super) fn place(doc: &Doc, lex: &Lexicon, chunks: &[Chunk], k: usize) -> Option<Mention> {
    let c = &chunks[k];
    if let Some(span) = dateline(doc, c) {
        let name = title_case(&doc.text(span).to_lowercase());
        return Some(place_mention(lex, span, &name));
    }
    if c.tokens.len() == 1 {
        if let Some(state) = ap_state_at(doc, c.tokens.start) {
            return Some(place_mention(lex, chunk_span(doc, c), state));
        }
    }
    if !lex.is_given_name(doc.token_text(c.tokens.start)) && state_follows(doc, lex, chunks, k) {
        let span = chunk_span(doc, c);
        return Some(place_mention(lex, span, doc.text(span)));
    }
    None
}

/// "Democratic National Convention", "Affordable Care Act", "World War II": a run
/// whose last word (before a Roman or Arabic number) names an event, law or document.
/// A run opening with a given name before it is a person ("Doris Day").
pub(super) fn names_event(doc: &Doc, lex: &Lexicon, c: &Chunk) -> bool {
    let mut last = c.tokens.end - 1;
    let is_number =
        |t: &str| t.chars().all(|ch| ch.is_ascii_digit()) || t.chars().all(|ch| "IVX".contains(ch));
    if last > c.tokens.start && is_number(doc.token_text(last)) {
        last -= 1;
    }
    is_event_word(&doc.token_text(last).to_lowercase())
        && (c.tokens.len() == 1 || !lex.is_given_name(doc.token_text(c.tokens.start)))
}

/// Words that open a photo credit: "Picture: Fatemeh Bahrami/Anadolu via Getty
/// Images", "Photo by Jim Smith/Reuters".
const CREDIT_WORDS: &[&str] = &[
    "Credit",
    "Image",
    "Images",
    "Photo",
    "Photograph",
    "Photographs",
    "Photos",
    "Picture",
    "Pictures",
];

/// Whether a name chunk stands in a photo credit ("Picture: Fatemeh Bahrami/Anadolu
/// via Getty Images", "(Photo by Jim Smith/Reuters)"): the photographer and the photo
/// library are no actors of the news. (A news agency the lexicon knows, "Anadolu",
/// "Reuters", stays an organisation the article names.) Looks back along the line, over names, slashes and
/// "via", at most 16 tokens, for a credit word and a colon or "by".
pub(super) fn in_photo_credit(doc: &Doc, c: &Chunk) -> bool {
    let body = doc.body();
    let mut i = c.tokens.start;
    for _ in 0..16 {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        let gap = body
            .get(doc.tokens[prev].span.end..doc.tokens[i].span.start)
            .unwrap_or("");
        if gap.contains('\n') {
            return false;
        }
        let t = doc.token_text(prev);
        if matches!(t, ":" | "by") && prev > 0 && CREDIT_WORDS.contains(&doc.token_text(prev - 1)) {
            return true;
        }
        let lower_word = doc.tokens[prev].kind == TokenKind::Word
            && t.chars().next().is_some_and(char::is_lowercase);
        if lower_word && !matches!(t, "via" | "for" | "and" | "of")
            || matches!(t, "." | "!" | "?" | "\"" | "“" | "”")
        {
            return false;
        }
        i = prev;
    }
    false
}

/// "PAC", "UPI", "NBC", "PACs": one word of two to five capitals (a plural `s` aside)
/// is an acronym, which names an organisation, not a person.
pub(super) fn is_acronym(text: &str) -> bool {
    let t = text.strip_suffix('s').unwrap_or(text);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && t.chars().all(|c| c.is_ascii_uppercase() || c == '&')
}

#[cfg(test)]
mod tests {
    use super::is_acronym;
    use crate::nlp::mentions::tests::names;

    #[test]
    fn photo_credit_names_no_actor() {
        let n = names("Picture: Fatemeh Bahrami/Anadolu via Getty Images“It is ours,” Raisi said.");
        assert_eq!(n, ["Anadolu", "Raisi"]);
    }

    #[test]
    fn photo_by_names_no_actor() {
        let n = names("Putin spoke in Moscow. (Photo by Jim Smith/Reuters)");
        assert_eq!(n, ["Putin", "Moscow", "Reuters"]);
    }

    #[test]
    fn picture_of_a_leader_keeps_the_leader() {
        let n = names("A picture shows Putin with Jim Smith in Moscow.");
        assert_eq!(n, ["Putin", "Jim Smith", "Moscow"]);
    }

    #[test]
    fn acronym_plural() {
        assert!(is_acronym("PACs"));
    }

    #[test]
    fn acronym_not_a_surname() {
        assert!(!is_acronym("Trump"));
    }
}
