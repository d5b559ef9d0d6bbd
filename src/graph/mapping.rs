//! One extraction record to the quads of its article's named graph.
//!
//! The graph name is the article IRI. The article, its actors (typed by kind, with
//! names and aliases) and their roles (`org:Membership` dated by the article) are
//! mapped here; meetings, statements and their evidence annotations in `facts`.
//! The result is sorted (by N-Quads text) and deduplicated, so the same record always
//! gives the same quads. Pure: no store, no I/O, no blank nodes.
//!
//! Quads are written straight as N-Quads text (what the store puts on disk): every
//! IRI is validated once, when its node is made ([`Builder::iri`]), and a quad is
//! then only its terms' text, with no term objects built. [`record_quads_with_base`]
//! parses that text back into quads, as the store does when it loads the files.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{NamedNodeRef, Quad};

use super::dates::day_text;
pub use super::dates::{date_literal, parse_day};
pub use super::nquads_text::nquad_text;
use super::nquads_text::{push_iri, push_quoted};
use super::valid_iris::{checked, ValidIris};
use super::vocab::{dcterms, org, prov, rdfs, schema, sem, time, RDF_TYPE};
use super::{facts, iris, GraphError};
use crate::extract::{ActorKind, Record};

/// Maps a record with the default IRI namespace ([`crate::resolve::DEFAULT_BASE`]).
pub fn record_quads(record: &Record) -> Result<Vec<Quad>, GraphError> {
    record_quads_with_base(record, crate::resolve::DEFAULT_BASE)
}

/// Maps a record to the quads of its article's named graph, minting role, membership,
/// time and annotation IRIs under `base`: the quads of [`record_nquads_with_base`]'s
/// text, in its order.
pub fn record_quads_with_base(record: &Record, base: &str) -> Result<Vec<Quad>, GraphError> {
    record_nquads_with_base(record, base)?.to_quads(&record.article.id)
}

/// One article graph as N-Quads text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleNQuads {
    /// The quads, one a line (`<s> <p> <o> <g> .`), sorted by their text and
    /// deduplicated: the bytes an N-Quads serialiser writes for them in that order.
    pub text: Vec<u8>,
    /// How many quads (lines) `text` holds.
    pub quads: usize,
}

impl ArticleNQuads {
    /// The quads of the text, in its order (parsed as loading the file would parse
    /// it); `article` names the article in the error, which a text made by
    /// [`record_nquads_with_base`] never gives.
    pub fn to_quads(&self, article: &str) -> Result<Vec<Quad>, GraphError> {
        RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&self.text)
            .collect::<Result<Vec<Quad>, _>>()
            .map_err(|e| GraphError::InvalidIri {
                article: article.to_string(),
                what: "a quad of the article graph".into(),
                iri: String::new(),
                message: e.to_string(),
            })
    }
}

/// The quads of a record's article graph (see [`record_quads_with_base`]) as sorted,
/// deduplicated N-Quads text, written without building a term object per quad.
pub fn record_nquads_with_base(record: &Record, base: &str) -> Result<ArticleNQuads, GraphError> {
    let mut b = Builder::new(record, base)?;
    article(&mut b, record);
    let actors = actors(&mut b, record)?;
    roles(&mut b, record, &actors)?;
    facts::meetings(&mut b, record, &actors)?;
    facts::statements(&mut b, record, &actors)?;
    Ok(b.finish())
}

/// The object of a quad, as the builder writes it.
#[derive(Clone, Copy)]
pub(super) enum Obj<'a> {
    /// An IRI (already validated).
    Iri(&'a str),
    /// A plain string literal.
    Text(&'a str),
    /// A literal with a datatype other than `xsd:string`.
    Typed(&'a str, NamedNodeRef<'static>),
}

/// Collects the quads of one article graph as N-Quads lines.
pub(super) struct Builder<'r> {
    /// The namespace for minted IRIs.
    pub base: &'r str,
    /// The article id (for error messages).
    pub article_id: &'r str,
    /// The article IRI (also the graph name), validated.
    pub article: String,
    /// The article date, when known and valid.
    pub date: Option<NaiveDate>,
    /// The extraction activity and agent IRIs, validated when first needed.
    pub(super) provenance: Option<(String, String)>,
    /// Every line's text, one after another (without ` .\n`).
    text: String,
    /// Where each line is in `text`.
    lines: Vec<(usize, usize)>,
    /// The IRIs' checker, which remembers the prefixes it parsed.
    valid: ValidIris,
}

impl<'r> Builder<'r> {
    fn new(record: &'r Record, base: &'r str) -> Result<Self, GraphError> {
        let id = record.article.id.as_str();
        let article = checked(id, record.article.iri.clone(), || "the article IRI".into())?;
        Ok(Builder {
            base,
            article_id: id,
            article,
            date: record.article.date.as_deref().and_then(parse_day),
            provenance: None,
            text: String::with_capacity(64 * 1024),
            lines: Vec::with_capacity(512),
            valid: ValidIris::default(),
        })
    }

    /// `iri` if it is a valid IRI, or an error naming what it was for (`what` is only
    /// called on error); see [`ValidIris::check`].
    pub fn iri(&self, iri: String, what: impl FnOnce() -> String) -> Result<String, GraphError> {
        self.valid.check(self.article_id, iri, what)
    }

    /// Adds one triple to the article graph.
    pub fn add(&mut self, s: &str, p: NamedNodeRef<'_>, o: Obj<'_>) {
        let start = self.text.len();
        let t = &mut self.text;
        push_iri(t, s);
        t.push(' ');
        push_iri(t, p.as_str());
        t.push(' ');
        match o {
            Obj::Iri(o) => push_iri(t, o),
            Obj::Text(v) => push_quoted(t, v),
            Obj::Typed(v, dt) => {
                push_quoted(t, v);
                t.push_str("^^");
                push_iri(t, dt.as_str());
            }
        }
        t.push(' ');
        push_iri(t, &self.article);
        self.lines.push((start, self.text.len()));
    }

    /// Adds `s p o` with an IRI object.
    pub fn link(&mut self, s: &str, p: NamedNodeRef<'_>, o: &str) {
        self.add(s, p, Obj::Iri(o));
    }

    /// Adds `s rdf:type class`.
    pub fn a(&mut self, s: &str, class: NamedNodeRef<'_>) {
        self.add(s, RDF_TYPE, Obj::Iri(class.as_str()));
    }

    /// Adds a plain string literal.
    pub fn text(&mut self, s: &str, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Obj::Text(value));
    }

    /// Adds an `xsd:date` literal.
    pub fn day(&mut self, s: &str, p: NamedNodeRef<'_>, day: NaiveDate) {
        let text = day_text(day);
        self.add(s, p, Obj::Typed(&text, xsd::DATE));
    }

    fn finish(self) -> ArticleNQuads {
        let Builder {
            text, mut lines, ..
        } = self;
        let line = |r: &(usize, usize)| &text.as_bytes()[r.0..r.1];
        // Sorted by text: first by the 16 bytes after the prefix every line shares,
        // read as two big-endian numbers (a line that ends sooner is padded with
        // zeros, which no line holds, so a prefix still sorts first), then by the
        // whole text where those tie. Equal lines are equal quads, so which of them
        // the unstable sort puts first does not matter: dedup keeps one.
        let first = lines.first().map(line).unwrap_or_default();
        let shared = lines.iter().fold(first.len(), |n, r| {
            n.min(common_prefix(&first[..n], line(r)))
        });
        let mut keyed: Vec<(u64, u64, (usize, usize))> = lines
            .iter()
            .map(|r| {
                let rest = &line(r)[shared..];
                (be_u64(rest), be_u64(rest.get(8..).unwrap_or_default()), *r)
            })
            .collect();
        keyed.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| line(&a.2).cmp(line(&b.2)))
        });
        lines.clear();
        lines.extend(keyed.into_iter().map(|k| k.2));
        lines.dedup_by(|a, b| line(a) == line(b));
        let mut out = Vec::with_capacity(lines.iter().map(|r| r.1 - r.0 + 3).sum());
        for r in &lines {
            out.extend_from_slice(line(r));
            out.extend_from_slice(b" .\n");
        }
        ArticleNQuads {
            text: out,
            quads: lines.len(),
        }
    }
}

/// The length of the longest common prefix of two byte strings.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The first eight bytes of `b` as a big-endian number, zero-padded when shorter.
fn be_u64(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(w)
}

fn article(b: &mut Builder<'_>, r: &Record) {
    let art = b.article.clone();
    b.a(&art, schema::NEWS_ARTICLE);
    b.a(&art, prov::ENTITY);
    b.text(&art, schema::IDENTIFIER, &r.article.id);
    if !r.article.hash.is_empty() {
        b.text(&art, dcterms::IDENTIFIER, &r.article.hash);
    }
    if let Some(title) = r.article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        b.text(&art, schema::HEADLINE, title);
    }
    if let Some(day) = b.date {
        b.day(&art, schema::DATE_PUBLISHED, day);
    }
    // A malformed URL is left out rather than failing the article.
    if let Some(url) = r
        .article
        .url
        .as_deref()
        .filter(|u| NamedNodeRef::new(u).is_ok())
    {
        b.link(&art, schema::URL, url);
    }
}

/// Maps actors; returns local id → actor IRI (validated).
fn actors<'a>(b: &mut Builder<'_>, r: &'a Record) -> Result<BTreeMap<&'a str, String>, GraphError> {
    let mut nodes = BTreeMap::new();
    let art = b.article.clone();
    for a in &r.actors {
        let node = b.iri(a.iri.clone(), || format!("actor {}", a.id))?;
        for class in kind_classes(a.kind) {
            b.a(&node, *class);
        }
        b.text(&node, schema::NAME, &a.name);
        for alias in a
            .aliases
            .iter()
            .filter(|x| *x != &a.name && !x.trim().is_empty())
        {
            b.text(&node, schema::ALTERNATE_NAME, alias);
        }
        b.link(&art, schema::MENTIONS, &node);
        nodes.insert(a.id.as_str(), node);
    }
    Ok(nodes)
}

/// The classes of an actor of a kind: its schema.org type plus `sem:Actor` and/or
/// `sem:Place`.
pub fn kind_classes(kind: ActorKind) -> &'static [NamedNodeRef<'static>] {
    match kind {
        ActorKind::Person => &[schema::PERSON, sem::ACTOR],
        ActorKind::Organization | ActorKind::Group => &[schema::ORGANIZATION, sem::ACTOR],
        ActorKind::Country => &[schema::COUNTRY, sem::ACTOR, sem::PLACE],
        ActorKind::Place => &[schema::PLACE, sem::PLACE],
    }
}

fn roles(
    b: &mut Builder<'_>,
    r: &Record,
    actors: &BTreeMap<&str, String>,
) -> Result<(), GraphError> {
    let day = b.date.map(day_text);
    let art = b.article.clone();
    for a in &r.actors {
        let Some(member) = actors.get(a.id.as_str()) else {
            continue;
        };
        for role in a.roles.iter().filter(|x| !x.title.trim().is_empty()) {
            let organization = role.of.as_deref().and_then(|o| actors.get(o));
            let m_iri = iris::membership(
                b.base,
                member,
                &role.title,
                organization.map(String::as_str),
                day.as_deref(),
            );
            let m = b.iri(m_iri, || "a membership".into())?;
            let role_node = b.iri(iris::role(b.base, &role.title), || "a role".into())?;
            b.a(&m, org::MEMBERSHIP);
            b.link(&m, org::MEMBER, member);
            b.link(&m, org::ROLE, &role_node);
            if let Some(o) = organization {
                b.link(&m, org::ORGANIZATION, o);
            }
            b.link(&m, prov::WAS_DERIVED_FROM, &art);
            b.a(&role_node, org::ROLE_CLASS);
            b.text(&role_node, rdfs::LABEL, role.title.trim());
            if let (Some(d), Some(date)) = (day.as_deref(), b.date) {
                let interval = b.iri(iris::day_interval(b.base, d), || "a day interval".into())?;
                let instant = b.iri(iris::day_instant(b.base, d), || "a day instant".into())?;
                b.link(&m, org::MEMBER_DURING, &interval);
                b.a(&interval, time::INTERVAL);
                b.link(&interval, time::HAS_BEGINNING, &instant);
                b.link(&interval, time::HAS_END, &instant);
                b.a(&instant, time::INSTANT);
                b.day(&instant, time::IN_XSD_DATE, date);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "mapping_tests.rs"]
mod tests;

#[cfg(test)]
mod nquad_text_tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode, Term};

    fn same_as_display(object: Term) {
        let g = NamedNode::new("https://example.org/g").unwrap();
        let q = Quad::new(
            NamedNode::new("https://example.org/s").unwrap(),
            NamedNode::new("https://example.org/p").unwrap(),
            object,
            GraphName::NamedNode(g),
        );
        assert_eq!(nquad_text(&q), q.to_string());
    }

    #[test]
    fn nquad_text_of_an_iri_object_is_display() {
        same_as_display(
            NamedNode::new("https://example.org/o?x=1#f")
                .unwrap()
                .into(),
        );
    }

    #[test]
    fn nquad_text_of_an_escaped_string_is_display() {
        same_as_display(
            Literal::new_simple_literal(
                "a \"q\" \\ \t\n\r\u{8}\u{C}\u{1}\u{7F}\u{FFFE}\u{FFFF} é “x”",
            )
            .into(),
        );
    }

    #[test]
    fn nquad_text_of_a_language_string_is_display() {
        same_as_display(
            Literal::new_language_tagged_literal("Moskva", "ru")
                .unwrap()
                .into(),
        );
    }

    #[test]
    fn nquad_text_of_a_typed_literal_is_display() {
        same_as_display(Literal::new_typed_literal("2023-10-16", xsd::DATE).into());
    }

    #[test]
    fn nquad_text_in_the_default_graph_is_display() {
        let q = Quad::new(
            NamedNode::new("https://example.org/s").unwrap(),
            NamedNode::new("https://example.org/p").unwrap(),
            Literal::new_simple_literal("x"),
            GraphName::DefaultGraph,
        );
        assert_eq!(nquad_text(&q), q.to_string());
    }
}
