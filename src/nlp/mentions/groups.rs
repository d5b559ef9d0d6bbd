//! Unnamed collectives: "leaders in law enforcement", "union leaders", "prominent
//! members of the black community", "relatives of Palestinian assailants".
//!
//! A collective noun ("leaders", "members") with no country or organisation that owns
//! it becomes a mention of kind `Nominal`, actor kind `Group`, when a noun before it or
//! a short "of/in/from/for" phrase after it says which group is meant. Its canonical
//! name is that phrase without leading adjectives ("members of the black community"),
//! so the document's coreference makes it one entity per phrase. A bare collective
//! ("officials said", "local leaders") names no group and makes no mention; a
//! collective owned by a named actor ("Russian officials", "a delegation from Hamas",
//! "officials in Iran") is left to `combine`, which reads it as that actor. This module
//! does not decide whether a group takes part in anything.

use super::chunks::{Chunk, ChunkKind};
use super::headlines::is_sentence_initial;
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Span, TokenKind};

/// Words that never modify a collective: determiners, numbers, pronouns, prepositions,
/// conjunctions, auxiliaries and the verbs that govern a group ("met union leaders").
const NOT_MODIFIERS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "all",
    "allocate",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "award",
    "become",
    "becomes",
    "before",
    "began",
    "between",
    "billion",
    "both",
    "but",
    "by",
    "called",
    "came",
    "can",
    "cannot",
    "could",
    "dozen",
    "dozens",
    "each",
    "eight",
    "enough",
    "even",
    "except",
    "few",
    "five",
    "for",
    "four",
    "from",
    "gave",
    "get",
    "gets",
    "had",
    "has",
    "have",
    "held",
    "her",
    "his",
    "hosted",
    "how",
    "hundred",
    "hundreds",
    "if",
    "in",
    "into",
    "is",
    "its",
    "just",
    "left",
    "made",
    "many",
    "may",
    "meet",
    "meets",
    "met",
    "might",
    "million",
    "millions",
    "more",
    "most",
    "must",
    "nine",
    "no",
    "not",
    "of",
    "on",
    "only",
    "or",
    "other",
    "our",
    "over",
    "said",
    "says",
    "sent",
    "seven",
    "several",
    "shall",
    "should",
    "since",
    "six",
    "so",
    "some",
    "spoke",
    "still",
    "such",
    "tell",
    "tells",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thousand",
    "thousands",
    "three",
    "through",
    "to",
    "told",
    "too",
    "took",
    "two",
    "under",
    "urge",
    "urges",
    "very",
    "visit",
    "visits",
    "was",
    "we",
    "went",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
];

/// Collectives that can be a party to talks: people who represent a body or a cause,
/// or the kin of someone ("leaders", "officials", "families"). The public at large
/// ("voters", "residents", "workers", "protesters") is an audience, not a party, and
/// makes no group actor.
const PARTY_HEADS: &[&str] = &[
    "ambassadors",
    "commanders",
    "delegates",
    "delegation",
    "delegations",
    "diplomats",
    "elders",
    "envoys",
    "executives",
    "families",
    "leaders",
    "leadership",
    "lawmakers",
    "legislators",
    "mediators",
    "members",
    "negotiators",
    "officials",
    "prosecutors",
    "relatives",
    "representatives",
    "senators",
    "survivors",
];

/// Prepositions that may attach the phrase naming the group.
const GROUP_PREPS: &[&str] = &["of", "in", "from"];

/// Words after which a phrase names no particular group ("officials from both
/// countries", "members of his family").
const VAGUE: &[&str] = &[
    "both", "two", "three", "four", "all", "each", "his", "her", "their", "its", "our", "my",
    "your", "those", "these", "them", "us", "other", "many", "some", "several",
];

/// Nouns that, after "the", point back to an organisation the text has named ("the
/// delegation of the militant group" is Hamas's): such a collective is that actor's,
/// left to coreference, not a group of its own.
const ANAPHORIC_OWNERS: &[&str] = &[
    "agency",
    "alliance",
    "bloc",
    "company",
    "faction",
    "government",
    "group",
    "militia",
    "ministry",
    "movement",
    "organisation",
    "organization",
    "party",
    "regime",
];

fn word(doc: &Doc, c: &Chunk) -> Option<String> {
    if c.tokens.len() != 1 || doc.tokens[c.tokens.start].kind != TokenKind::Word {
        return None;
    }
    let t = doc.token_text(c.tokens.start);
    t.chars()
        .all(|ch| ch.is_alphabetic() || ch == '-')
        .then(|| t.to_string())
}

/// Whether a lower-case word reads as an adjective by its ending ("prominent",
/// "religious", "local"): such words describe the group but do not name it.
fn adjective_like(w: &str) -> bool {
    let ends = |s: &str| w.ends_with(s);
    (ends("ent") && !ends("ment"))
        || ends("ant")
        || ends("ous")
        || ends("ive")
        || ends("ful")
        || ends("ic")
        || ends("al")
        || ends("ible")
        || ends("able")
        || ends("est")
}

/// Whether a word could be a noun or adjective inside a group phrase.
fn content_word(w: &str) -> bool {
    let l = w.to_lowercase();
    !NOT_MODIFIERS.contains(&l.as_str())
        && !l.ends_with("ed")
        && !l.ends_with("ing")
        && !l.ends_with("ly")
        && l.chars().count() >= 2
}

/// The collective title at chunk `k` with nothing owning it: a group mention when a
/// modifier names the group. Pushes the mention and returns the next chunk index, or
/// `None` when the collective names no particular group.
pub fn group_mention(
    doc: &Doc,
    lex: &Lexicon,
    chunks: &[Chunk],
    k: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let head = &chunks[k];
    let head_word = match &head.kind {
        ChunkKind::Title { title, .. } => title
            .to_lowercase()
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    };
    if !PARTY_HEADS.contains(&head_word.as_str()) {
        return None;
    }
    // "the main opposition parties": the collective only modifies the noun after it.
    if chunks.get(k + 1).is_some_and(|c| {
        c.kind == ChunkKind::Other
            && word(doc, c).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && content_word(&w)
                    && !GROUP_PREPS.contains(&w.as_str())
            })
    }) {
        return None;
    }
    // "intelligence sources who spoke to …": anonymous informants are no group.
    if matches!(&head.kind, ChunkKind::Title { title, .. } if title.to_lowercase().ends_with("sources"))
    {
        return None;
    }
    let sentence_start = chunks.first().map_or(0, |c| c.tokens.start);
    // Before: up to two lower-case nouns or adjectives ("union", "law enforcement"), or
    // a demonym that qualifies them ("Palestinian community leaders").
    let mut first = k;
    let mut pre: Vec<String> = Vec::new();
    while first > 0 && pre.len() < 2 {
        let c = &chunks[first - 1];
        let ok_kind = matches!(
            c.kind,
            ChunkKind::Other
                | ChunkKind::Title {
                    collective: true,
                    ..
                }
        );
        let Some(w) = word(doc, c).filter(|_| ok_kind) else {
            break;
        };
        let initial = is_sentence_initial(doc, sentence_start, c.tokens.start);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        // A noun that modifies another stands in the singular ("union leaders"); a
        // word in -s before the collective is a verb ("allows foreign investors").
        let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        if !(lower || initial) || !content_word(&w) || plural {
            break;
        }
        // "to release civilian hostages": after "to" or a modal the word is a verb.
        let verb = first >= 2
            && word(doc, &chunks[first - 2]).is_some_and(|p| {
                matches!(
                    p.to_lowercase().as_str(),
                    "to" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "should"
                        | "must"
                        | "may"
                        | "might"
                        | "did"
                        | "does"
                        | "do"
                )
            });
        if verb {
            break;
        }
        pre.insert(0, if initial { w.to_lowercase() } else { w });
        first -= 1;
    }
    // "Romania's new government", "Hamas security officials": owned by a named actor;
    // "our closest allies", "his campaign staff": relative to someone, no group.
    if first > 0
        && (chunks[first - 1].kind == ChunkKind::Possessive
            || chunks[first - 1].kind == ChunkKind::Pronoun
            || word(doc, &chunks[first - 1]).is_some_and(|w| {
                matches!(w.to_lowercase().as_str(), "our" | "my" | "your" | "its")
            })
            || matches!(
                chunks[first - 1].kind,
                ChunkKind::Lex(_, Form::Name) | ChunkKind::Name
            ))
    {
        return None;
    }
    if !pre.is_empty() && first > 0 {
        if let ChunkKind::Lex(e, Form::Demonym) = chunks[first - 1].kind {
            if lex.entries[e].kind == ActorKind::Country {
                first -= 1;
                pre.insert(0, doc.text(span_of(doc, &chunks[first])).to_string());
            }
        }
    }
    // After: "in law enforcement", "of the black community", "of Palestinian
    // assailants"; a named owner ("of Hamas", "in Iran") is left to `combine`.
    let mut last = k;
    let mut post: Vec<String> = Vec::new();
    if let Some(p) = chunks
        .get(k + 1)
        .and_then(|c| word(doc, c))
        .map(|w| w.to_lowercase())
        .filter(|w| GROUP_PREPS.contains(&w.as_str()))
    {
        let mut j = k + 2;
        let mut words: Vec<String> = Vec::new();
        let mut content = 0;
        while let Some(c) = chunks.get(j) {
            if content >= 4 {
                break;
            }
            match &c.kind {
                ChunkKind::Lex(e, Form::Demonym)
                    if lex.entries[*e].kind == ActorKind::Country && content == 0 =>
                {
                    words.push(doc.text(span_of(doc, c)).to_string());
                    content += 1;
                }
                ChunkKind::Lex(e, _) => {
                    // A named owner ("of Hamas", "in Iran"): the collective is that
                    // actor's, not a group; a place after "in" only locates it.
                    let kind = lex.entries[*e].kind;
                    if content == 0 && (p != "in" || kind != ActorKind::Place) {
                        return None;
                    }
                    break;
                }
                ChunkKind::Name | ChunkKind::Pronoun => {
                    if content == 0 && p != "in" {
                        return None;
                    }
                    break;
                }
                ChunkKind::Other
                | ChunkKind::Title {
                    collective: true, ..
                } => {
                    let Some(w) = word(doc, c) else { break };
                    let l = w.to_lowercase();
                    if VAGUE.contains(&l.as_str()) {
                        return None;
                    }
                    // "officers in the hospital": after "in" or "for" an article
                    // starts a place or a purpose, not the group's field.
                    let article = matches!(l.as_str(), "the" | "a" | "an");
                    if article && p != "of" && p != "from" {
                        break;
                    }
                    if content == 0 && article && words.is_empty() {
                        words.push(l);
                    } else if w.chars().next().is_some_and(char::is_lowercase) && content_word(&w) {
                        words.push(w);
                        content += 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if words.first().is_some_and(|w| w == "the")
            && words
                .last()
                .is_some_and(|w| ANAPHORIC_OWNERS.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        if content > 0 {
            last = j - 1;
            post.push(p);
            post.extend(words);
        }
    }
    // The name drops leading adjectives ("prominent members" → "members").
    let mut named: Vec<String> = pre.clone();
    while named
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && adjective_like(w))
    {
        named.remove(0);
    }
    if named.is_empty() && post.is_empty() {
        return None;
    }
    let head_text = match &head.kind {
        ChunkKind::Title { title, .. } => title.to_lowercase(),
        _ => doc.text(span_of(doc, head)).to_lowercase(),
    };
    let mut name = named;
    name.push(head_text);
    name.extend(post);
    let span = Span::new(
        doc.tokens[chunks[first].tokens.start].span.start,
        doc.tokens[chunks[last].tokens.end - 1].span.end,
    );
    out.push(Mention {
        span,
        kind: MentionKind::Nominal,
        actor_kind: ActorKind::Group,
        canonical: Some(name.join(" ")),
        roles: Vec::new(),
        entity: None,
    });
    Some(last + 1)
}

fn span_of(doc: &Doc, c: &Chunk) -> Span {
    Span::new(
        doc.tokens[c.tokens.start].span.start,
        doc.tokens[c.tokens.end - 1].span.end,
    )
}
