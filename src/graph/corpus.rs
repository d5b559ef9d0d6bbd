//! The corpus graph: what only the whole corpus knows, as quads of one named graph
//! (`<base>graph/corpus`).
//!
//! For every merged meeting and statement: how many articles report it
//! (`ng:sourceCount`) and which (`prov:wasDerivedFrom`); for every actor: its canonical
//! name (`skos:prefLabel`) and every spelling seen (`schema:alternateName`); and, when
//! an actor dictionary was used, what it says of its actors (see [`super::dictionary`]).
//! It is a pure function of the [`CorpusView`]; the store replaces the graph after each
//! ingest.

use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

use super::vocab::{ng, prov, schema, skos};
use crate::resolve::{actor_iri, article_iri, CorpusView};

/// The IRI of the corpus graph.
pub fn corpus_graph_iri(base: &str) -> String {
    format!("{base}graph/corpus")
}

/// The quads of the corpus graph, sorted by their N-Quads text.
pub fn corpus_quads(view: &CorpusView, base: &str) -> Vec<Quad> {
    let mut out = unsorted(view, base);
    // Sorted by N-Quads text (`nquad_text` is the same bytes as `Display`).
    out.sort_by_cached_key(super::mapping::nquad_text);
    out.dedup();
    out
}

/// The corpus graph as the N-Quads text `DIR/corpus.nq` holds: the quads of
/// [`corpus_quads`], in its order, one per line. Each quad's text is made once.
pub fn corpus_nquads(view: &CorpusView, base: &str) -> Vec<u8> {
    let mut lines: Vec<String> = unsorted(view, base)
        .iter()
        .map(super::mapping::nquad_text)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut bytes = Vec::with_capacity(lines.iter().map(|l| l.len() + 3).sum());
    for l in lines {
        bytes.extend_from_slice(l.as_bytes());
        bytes.extend_from_slice(b" .\n");
    }
    bytes
}

/// The quads of the corpus graph, in no set order, maybe repeated.
fn unsorted(view: &CorpusView, base: &str) -> Vec<Quad> {
    let Ok(graph) = NamedNode::new(corpus_graph_iri(base)) else {
        return Vec::new();
    };
    let g = GraphName::NamedNode(graph);
    let mut out = Vec::new();
    let mut push = |s: &str, p: oxigraph::model::NamedNodeRef<'_>, o: oxigraph::model::Term| {
        if let Ok(s) = NamedNode::new(s) {
            out.push(Quad::new(s, p, o, g.clone()));
        }
    };
    let count =
        |n: usize| Literal::new_typed_literal(n.to_string(), oxigraph::model::vocab::xsd::INTEGER);
    for (iri, m) in &view.meetings {
        push(iri, ng::SOURCE_COUNT, count(m.sources.len()).into());
        for a in &m.sources {
            if let Ok(art) = NamedNode::new(article_iri(base, a)) {
                push(iri, prov::WAS_DERIVED_FROM, art.into());
            }
        }
    }
    for (iri, s) in &view.statements {
        push(iri, ng::SOURCE_COUNT, count(s.sources.len()).into());
        for a in &s.sources {
            if let Ok(art) = NamedNode::new(article_iri(base, a)) {
                push(iri, prov::WAS_DERIVED_FROM, art.into());
            }
        }
    }
    for (key, name) in &view.actors.name {
        let iri = actor_iri(base, key);
        push(
            &iri,
            skos::PREF_LABEL,
            Literal::new_simple_literal(name).into(),
        );
        if let Some(spellings) = view.actors.spellings.get(key) {
            for sp in spellings {
                if sp != name {
                    push(
                        &iri,
                        schema::ALTERNATE_NAME,
                        Literal::new_simple_literal(sp).into(),
                    );
                }
            }
        }
    }
    if let Some(facts) = &view.dictionary {
        let named = |key: &str| view.actors.name.contains_key(key);
        super::dictionary::dictionary_triples(facts, base, &named, &mut push);
    }
    out
}
