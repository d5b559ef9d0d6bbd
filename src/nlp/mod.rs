//! Stage 2, **nlp**: an [`Article`] in, an annotated [`Doc`] out.
//!
//! The document runs through named passes in a fixed order ([`PASSES`]); each pass
//! reads what earlier passes wrote and adds one layer: tokens, sentences, quotes,
//! actor mentions, coreference (entities), time expressions. Every span is a **byte**
//! range into `doc.article.body`; the extraction record converts to character offsets
//! once, at its boundary. This stage finds no meetings or statements (that is
//! `extract`) and knows nothing of IRIs or RDF.

pub mod coref;
pub mod fxhash;
pub mod lexicon;
pub mod mentions;
pub mod quotes;
pub mod sentences;
pub mod times;
pub mod tokens;

use std::ops::Range;

use chrono::NaiveDate;

use crate::corpus::Article;
pub use crate::extract::record::ActorKind;

/// A byte range `[start, end)` of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// Last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// Makes a span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and periods of abbreviations).
    Word,
    /// Digits, possibly with separators ("1,400", "2023-10-26", "6.5").
    Number,
    /// A quotation mark of any style (`"`, `“`, `”`, `‘`, `’` used as a quote, `«`, `»`).
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// A token of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Whether a blank line (paragraph break) precedes it.
    pub para_start: bool,
}

/// A sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is (trimmed of surrounding white space).
    pub span: Span,
    /// Its tokens, as indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Index of its paragraph (paragraphs are separated by blank lines or line breaks).
    pub paragraph: usize,
}

/// A quotation: an opening mark, text, and its closing mark (or the paragraph end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The quoted text without the marks.
    pub inner: Span,
    /// Whether a closing mark was found (an unclosed quote ends with its paragraph,
    /// as news style does for a quote that continues in the next paragraph).
    pub closed: bool,
}

/// How an actor is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    /// A proper name: "Hossein Amirabdollahian", "Hamas", "Moscow", "Marzook".
    Name,
    /// A title without a name: "the deputy minister", "the president".
    Title,
    /// A personal pronoun: "he", "she", "they".
    Pronoun,
    /// A common-noun phrase for an actor: "the group", "the militant group".
    Nominal,
    /// A demonym used as an actor: "the Russians"; as an adjective it gives a role's
    /// or group's country ("Russian officials").
    Demonym,
}

/// A role attached to a mention: "Iran's Foreign Minister X" gives X the title
/// "Foreign Minister" of the mention "Iran".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The normalised title, e.g. "Foreign Minister", "Deputy Foreign Minister".
    pub title: String,
    /// Index into [`Doc::mentions`] of the organisation or country the role is in.
    pub of: Option<usize>,
    /// Where the title is written.
    pub span: Span,
}

/// One mention of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The words that name the actor (for a titled name, the name only; the title is
    /// in `role`).
    pub span: Span,
    /// Name, title, pronoun, nominal or demonym.
    pub kind: MentionKind,
    /// Person, organisation, country, place, group.
    pub actor_kind: ActorKind,
    /// The lexicon's canonical name when the mention is a known entry ("Türkiye" for
    /// "Turkey", "Russia" for "Russian").
    pub canonical: Option<String>,
    /// The roles the text gives with this mention ("the founder and political leader
    /// of Hamas" gives two).
    pub roles: Vec<Role>,
    /// The entity (coreference chain) it belongs to, once `coref` has run.
    pub entity: Option<usize>,
}

/// A role of an entity, pointing at another entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntityRole {
    /// The normalised title.
    pub title: String,
    /// Index into [`Doc::entities`] of the organisation or country, if stated.
    pub of: Option<usize>,
}

/// An actor of the document: the mentions that refer to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The fullest name used ("Mousa Abu Marzook").
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The lexicon key when known (stable across spellings: "Türkiye").
    pub canonical: Option<String>,
    /// Indices into [`Doc::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// Roles stated for it.
    pub roles: Vec<EntityRole>,
}

/// A resolved day range; `None` bounds are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct DateRange {
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
}

/// A temporal expression with its resolution against the article date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// The expression as written ("on Thursday", "earlier this month", "Oct. 12").
    pub span: Span,
    /// Its resolution when the clause reports the past ("on Thursday" = the most recent
    /// Thursday on or before the article date).
    pub past: DateRange,
    /// Its resolution when the clause speaks of the future (the next Thursday).
    pub future: DateRange,
    /// Whether it names one occasion or a stretch of time ("since 2006", "every week").
    pub kind: TimeKind,
}

/// What a temporal expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum TimeKind {
    /// One day ("on Thursday", "Oct. 12", "yesterday").
    #[default]
    Day,
    /// One bounded period ("last week", "earlier this month", "in 2006").
    Period,
    /// A stretch from a start up to the article date ("since 2006"): not one occasion.
    Since,
    /// A repeated time ("every Monday", "each year"): not one occasion.
    Recurring,
}

/// An annotated document: the article and every layer the passes add.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The article; `article.body` is the text every span points into.
    pub article: Article,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// Actor mentions in text order.
    pub mentions: Vec<Mention>,
    /// Actors (coreference chains).
    pub entities: Vec<Entity>,
    /// Temporal expressions in text order.
    pub times: Vec<TimeExpr>,
}

/// A pass: a name (for errors and debugging) and the function that adds its layer.
pub type Pass = (&'static str, fn(&mut Doc));

/// The passes, in the order they run. Each documents what it reads and writes.
pub const PASSES: &[Pass] = &[
    ("tokens", tokens::tokenize),
    ("sentences", sentences::split),
    ("quotes", quotes::find),
    ("mentions", mentions::find),
    ("coref", coref::resolve),
    ("times", times::find),
];

/// Runs every pass over an article.
pub fn annotate(article: Article) -> Doc {
    let mut doc = Doc::new(article);
    for (_, pass) in PASSES {
        pass(&mut doc);
    }
    doc
}

impl Doc {
    /// A document with no annotation yet.
    pub fn new(article: Article) -> Doc {
        Doc {
            article,
            tokens: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            mentions: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
        }
    }

    /// The body text.
    pub fn body(&self) -> &str {
        &self.article.body
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.article.body.get(span.start..span.end).unwrap_or("")
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| self.text(t.span)).unwrap_or("")
    }

    /// The index of the sentence that contains byte `pos` (or the last before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        match self.sentences.binary_search_by(|s| {
            if s.span.end <= pos {
                std::cmp::Ordering::Less
            } else if s.span.start > pos {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The index of the first token that starts at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Indices of the tokens inside `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let a = self.token_at(span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Indices of the mentions inside `span`.
    pub fn mentions_in(&self, span: Span) -> Range<usize> {
        let a = self.mentions.partition_point(|m| m.span.start < span.start);
        let b = self.mentions.partition_point(|m| m.span.start < span.end);
        let mut b = b.max(a);
        while b > a && self.mentions[b - 1].span.end > span.end {
            b -= 1;
        }
        a..b
    }

    /// Indices of the time expressions inside `span`.
    pub fn times_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.times
            .iter()
            .enumerate()
            .filter(move |(_, t)| span.contains(t.span))
            .map(|(i, _)| i)
    }
}
