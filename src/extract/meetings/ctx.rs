//! The token-level views of one document that every meeting rule reads ([`Ctx`]):
//! lower-cased words, entity and mention lookups by token, time expressions by
//! position. It holds no rule of its own.

use std::borrow::Cow;

use crate::nlp::lexicon::lexicon;
use crate::nlp::{ActorKind, Doc, MentionKind};

/// A token in lower case (curly apostrophes made straight), borrowed from the
/// document when it already is so (ASCII without capitals): most tokens are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a>(pub(super) Cow<'a, str>);

impl Word<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Word<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Word<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

/// Token-level views of a document shared by the rules.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// Lower-cased token texts (curly apostrophes made straight); borrowed from the
    /// document when already so (ASCII without capitals).
    pub words: Vec<Word<'a>>,
    /// Token → the mention that starts there.
    pub mention_start: Vec<Option<usize>>,
    /// Token → the mention that covers it.
    pub mention_at: Vec<Option<usize>>,
    /// Mention → one past its last token.
    pub mention_end: Vec<usize>,
    /// Mention → whether it only modifies another mention ("Iranian" in "Iranian
    /// President Raisi") or names no actor at all (`no_actor`: a dateline, a title of
    /// a work, a name joined by an ampersand).
    pub modifier: Vec<bool>,
}

/// Reporting verbs that open a new clause for the subject search.
pub(super) const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "confirmed",
    "added",
    "stated",
    "according",
    "claimed",
    "noted",
    "revealed",
    "disclosed",
    "wrote",
];

impl<'a> Ctx<'a> {
    /// Builds the views (linear in tokens and mentions).
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        let n = doc.tokens.len();
        let words: Vec<Word<'a>> = (0..n)
            .map(|i| {
                let t = doc.token_text(i);
                if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    return Word(Cow::Borrowed(t));
                }
                // One copy per token; a second only for a curly apostrophe.
                let w = t.to_lowercase();
                Word(Cow::Owned(if w.contains('’') {
                    w.replace('’', "'")
                } else {
                    w
                }))
            })
            .collect();
        let mut mention_start = vec![None; n];
        let mut mention_at = vec![None; n];
        let mut mention_end = vec![0; doc.mentions.len()];
        for (mi, m) in doc.mentions.iter().enumerate() {
            let r = doc.tokens_in(m.span);
            mention_end[mi] = r.end;
            if r.is_empty() {
                continue;
            }
            if mention_start[r.start].is_none() {
                mention_start[r.start] = Some(mi);
            }
            for slot in &mut mention_at[r.clone()] {
                slot.get_or_insert(mi);
            }
        }
        let mut modifier = vec![false; doc.mentions.len()];
        for m in &doc.mentions {
            for of in m.roles.iter().filter_map(|r| r.of) {
                if of < modifier.len() {
                    modifier[of] = true;
                }
            }
        }
        let lex = lexicon();
        for (mi, m) in doc.mentions.iter().enumerate() {
            let end = mention_end[mi];
            // "Iran's Foreign Minister X", "Iranian President X", "Russian deputy
            // foreign minister X": the country only qualifies the person.
            let poss = words.get(end).is_some_and(|w| w == "'s");
            let qualifier = m.kind == MentionKind::Name
                && matches!(m.actor_kind, ActorKind::Country | ActorKind::Organization);
            if m.kind == MentionKind::Demonym || poss || qualifier {
                let from = if poss { end + 1 } else { end };
                let mut k = from;
                let mut bound = from + 4;
                let mut gloss = None;
                let mut qualifies = false;
                while k < bound.min(n) {
                    // "Organization of American States (OAS) Secretary-General X": the
                    // bracketed short form qualifies the person as well.
                    if words[k] == "(" && words.get(k + 2).is_some_and(|x| x == ")") {
                        gloss = mention_start[k + 1];
                        k += 3;
                        bound += 3;
                        continue;
                    }
                    if let Some(other) = mention_start[k] {
                        let o = &doc.mentions[other];
                        qualifies = (o.actor_kind == ActorKind::Person
                            && o.kind != MentionKind::Pronoun)
                            || o.kind == MentionKind::Title;
                        break;
                    }
                    if lex
                        .title_kind(&words[k])
                        .is_some_and(|kind| kind == "person")
                    {
                        qualifies = true;
                        break;
                    }
                    // "Obama's meeting with Putin": a preposition ends the owner's
                    // phrase; the name after it is no title holder of the owner.
                    if matches!(
                        words[k].as_str(),
                        "with" | "to" | "by" | "from" | "for" | "in" | "on" | "at"
                    ) {
                        break;
                    }
                    // "Secretary-General": a hyphen inside a title.
                    let hyphen = words[k] == "-"
                        && k > 0
                        && doc.tokens[k].span.start == doc.tokens[k - 1].span.end;
                    if doc.tokens[k].kind != crate::nlp::TokenKind::Word && !hyphen {
                        break;
                    }
                    k += 1;
                }
                if qualifies {
                    modifier[mi] = true;
                    if let Some(g) = gloss {
                        modifier[g] = true;
                    }
                }
            }
        }
        // "In this Jan. 28 photo": a name inside a date is no actor.
        // Both lists are in text order: one sweep.
        let mut ti = 0;
        for (mi, m) in doc.mentions.iter().enumerate() {
            while ti < doc.times.len() && doc.times[ti].span.end <= m.span.start {
                ti += 1;
            }
            if doc.times.get(ti).is_some_and(|t| t.span.overlaps(m.span)) {
                modifier[mi] = true;
            }
        }
        let mut ctx = Ctx {
            doc,
            words,
            mention_start,
            mention_at,
            mention_end,
            modifier,
        };
        for m in super::no_actor::mentions(&ctx) {
            ctx.modifier[m] = true;
        }
        ctx
    }
}

impl Ctx<'_> {
    /// The time expressions that start in bytes `b0..b1` (binary search: the list is
    /// in text order).
    pub fn times_between(&self, b0: usize, b1: usize) -> &[crate::nlp::TimeExpr] {
        let t = &self.doc.times;
        let a = t.partition_point(|x| x.span.start < b0);
        let b = t.partition_point(|x| x.span.start < b1).max(a);
        &t[a..b]
    }
}
