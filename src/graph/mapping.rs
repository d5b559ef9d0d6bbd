//! One extraction record to the quads of its article's named graph.
//!
//! The graph name is the article IRI. The article, its actors (typed by kind, with
//! names and aliases) and their roles (`org:Membership` dated by the article) are
//! mapped here; meetings, statements and their evidence annotations in `facts`.
//! The result is sorted (by N-Quads text) and deduplicated, so the same record always
//! gives the same quads. Pure: no store, no I/O, no blank nodes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use super::vocab::{dcterms, org, prov, rdfs, schema, sem, time, RDF_TYPE};
use super::{facts, iris, GraphError};
use crate::extract::{ActorKind, Record};

/// Maps a record with the default IRI namespace ([`crate::resolve::DEFAULT_BASE`]).
pub fn record_quads(record: &Record) -> Result<Vec<Quad>, GraphError> {
    record_quads_with_base(record, crate::resolve::DEFAULT_BASE)
}

/// Maps a record to the quads of its article's named graph, minting role, membership,
/// time and annotation IRIs under `base`.
pub fn record_quads_with_base(record: &Record, base: &str) -> Result<Vec<Quad>, GraphError> {
    Ok(record_lines_with_base(record, base)?
        .into_iter()
        .map(|(_, q)| q)
        .collect())
}

/// [`record_quads_with_base`] with each quad's N-Quads text (without the final
/// ` .`), the key they are sorted by: a writer can put `line + " .\n"` on disk (what
/// an N-Quads serialiser writes) without formatting every quad a second time.
pub fn record_lines_with_base(
    record: &Record,
    base: &str,
) -> Result<Vec<(String, Quad)>, GraphError> {
    let mut b = Builder::new(record, base)?;
    article(&mut b, record)?;
    let actors = actors(&mut b, record)?;
    roles(&mut b, record, &actors)?;
    facts::meetings(&mut b, record, &actors)?;
    facts::statements(&mut b, record, &actors)?;
    Ok(b.finish())
}

/// Collects the quads of one article graph.
pub(super) struct Builder<'r> {
    /// The namespace for minted IRIs.
    pub base: &'r str,
    /// The article id (for error messages).
    pub article_id: &'r str,
    /// The article node (also the graph name).
    pub article: NamedNode,
    /// The article date, when known and valid.
    pub date: Option<NaiveDate>,
    graph: GraphName,
    quads: Vec<Quad>,
}

impl<'r> Builder<'r> {
    fn new(record: &'r Record, base: &'r str) -> Result<Self, GraphError> {
        let id = record.article.id.as_str();
        let article = named(id, "the article IRI", &record.article.iri)?;
        Ok(Builder {
            base,
            article_id: id,
            graph: GraphName::NamedNode(article.clone()),
            article,
            date: record.article.date.as_deref().and_then(parse_day),
            quads: Vec::new(),
        })
    }

    /// A named node, or an error naming what it was for.
    pub fn iri(&self, what: &str, iri: &str) -> Result<NamedNode, GraphError> {
        named(self.article_id, what, iri)
    }

    /// Adds one triple to the article graph.
    pub fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    /// Adds `s rdf:type class`.
    pub fn a(&mut self, s: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(s, RDF_TYPE, class.into_owned());
    }

    /// Adds a plain string literal.
    pub fn text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    /// Adds an `xsd:date` literal.
    pub fn day(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, day: NaiveDate) {
        self.add(s, p, date_literal(day));
    }

    fn finish(self) -> Vec<(String, Quad)> {
        let mut keyed: Vec<(String, Quad)> = self
            .quads
            .into_iter()
            .map(|q| (nquad_text(&q), q))
            .collect();
        // Equal keys are equal quads, so which of them the unstable sort puts first
        // does not matter: dedup keeps one.
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0);
        keyed
    }
}

/// A quad's N-Quads text without the final ` .`: the same bytes as its `Display`
/// (`q.to_string()`), written straight into one string instead of through the
/// formatter; terms other than IRIs and literals (which this stage never makes) go
/// through `Display`.
pub fn nquad_text(q: &Quad) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(160);
    match &q.subject {
        oxigraph::model::NamedOrBlankNode::NamedNode(n) => push_iri(&mut out, n.as_str()),
        other => {
            let _ = write!(out, "{other}");
        }
    }
    out.push(' ');
    push_iri(&mut out, q.predicate.as_str());
    out.push(' ');
    match &q.object {
        Term::NamedNode(n) => push_iri(&mut out, n.as_str()),
        Term::Literal(l) => {
            push_quoted(&mut out, l.value());
            if let Some(lang) = l.language() {
                out.push('@');
                out.push_str(lang);
            } else if l.datatype() != xsd::STRING {
                out.push_str("^^");
                push_iri(&mut out, l.datatype().as_str());
            }
        }
        #[allow(unreachable_patterns)]
        other => {
            let _ = write!(out, "{other}");
        }
    }
    match &q.graph_name {
        GraphName::DefaultGraph => {}
        GraphName::NamedNode(n) => {
            out.push(' ');
            push_iri(&mut out, n.as_str());
        }
        other => {
            let _ = write!(out, " {other}");
        }
    }
    out
}

fn push_iri(out: &mut String, iri: &str) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

/// A literal's lexical form in double quotes, escaped as oxrdf's `print_quoted_str`.
fn push_quoted(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

fn named(article: &str, what: &str, iri: &str) -> Result<NamedNode, GraphError> {
    NamedNode::new(iri).map_err(|e| GraphError::InvalidIri {
        article: article.to_string(),
        what: what.to_string(),
        iri: iri.to_string(),
        message: e.to_string(),
    })
}

/// Parses a `YYYY-MM-DD` day; anything else is treated as unknown.
pub(super) fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// An `xsd:date` literal.
pub(super) fn date_literal(day: NaiveDate) -> Literal {
    Literal::new_typed_literal(day.format("%Y-%m-%d").to_string(), xsd::DATE)
}

fn article(b: &mut Builder<'_>, r: &Record) -> Result<(), GraphError> {
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
        .and_then(|u| NamedNode::new(u).ok())
    {
        b.add(&art, schema::URL, url);
    }
    Ok(())
}

/// Maps actors; returns local id → actor node.
fn actors(b: &mut Builder<'_>, r: &Record) -> Result<BTreeMap<String, NamedNode>, GraphError> {
    let mut nodes = BTreeMap::new();
    let art = b.article.clone();
    for a in &r.actors {
        let node = b.iri(&format!("actor {}", a.id), &a.iri)?;
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
        b.add(&art, schema::MENTIONS, node.clone());
        nodes.insert(a.id.clone(), node);
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
    actors: &BTreeMap<String, NamedNode>,
) -> Result<(), GraphError> {
    let day = b.date.map(|d| d.format("%Y-%m-%d").to_string());
    for a in &r.actors {
        let Some(member) = actors.get(&a.id).cloned() else {
            continue;
        };
        for role in a.roles.iter().filter(|x| !x.title.trim().is_empty()) {
            let organization = role.of.as_ref().and_then(|o| actors.get(o)).cloned();
            let m_iri = iris::membership(
                b.base,
                member.as_str(),
                &role.title,
                organization.as_ref().map(|o| o.as_str()),
                day.as_deref(),
            );
            let m = b.iri("a membership", &m_iri)?;
            let role_node = b.iri("a role", &iris::role(b.base, &role.title))?;
            b.a(&m, org::MEMBERSHIP);
            b.add(&m, org::MEMBER, member.clone());
            b.add(&m, org::ROLE, role_node.clone());
            if let Some(o) = organization {
                b.add(&m, org::ORGANIZATION, o);
            }
            let art = b.article.clone();
            b.add(&m, prov::WAS_DERIVED_FROM, art);
            b.a(&role_node, org::ROLE_CLASS);
            b.text(&role_node, rdfs::LABEL, role.title.trim());
            if let (Some(d), Some(date)) = (day.as_deref(), b.date) {
                let interval = b.iri("a day interval", &iris::day_interval(b.base, d))?;
                let instant = b.iri("a day instant", &iris::day_instant(b.base, d))?;
                b.add(&m, org::MEMBER_DURING, interval.clone());
                b.a(&interval, time::INTERVAL);
                b.add(&interval, time::HAS_BEGINNING, instant.clone());
                b.add(&interval, time::HAS_END, instant.clone());
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
