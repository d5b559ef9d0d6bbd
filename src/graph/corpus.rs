//! The corpus graph: what only the whole corpus knows, as quads of one named graph
//! (`<base>graph/corpus`).
//!
//! For every merged meeting and statement: how many articles report it
//! (`ng:sourceCount`; which ones, each article graph says with `prov:wasDerivedFrom`,
//! so that an ingest adding a report never rewrites a list); for every actor: its canonical
//! name (`skos:prefLabel`) and every spelling seen (`schema:alternateName`); and, when
//! an actor dictionary was used, what it says of its actors (see [`super::dictionary`]).
//! It is a pure function of the [`CorpusView`]; the store replaces the graph after each
//! ingest.

use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

use super::vocab::{ng, schema, skos};
use crate::resolve::online::Changes;
use crate::resolve::{actor_iri, CorpusView};

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
    for (iri, m) in &view.meetings {
        push(iri, ng::SOURCE_COUNT, count(m.sources.len()));
    }
    for (iri, s) in &view.statements {
        push(iri, ng::SOURCE_COUNT, count(s.sources.len()));
    }
    for (key, name) in &view.actors.name {
        let spellings = view.actors.spellings.get(key);
        name_quads(&actor_iri(base, key), name, spellings, &mut push);
    }
    if let Some(facts) = &view.dictionary {
        let named = |key: &str| view.actors.name.contains_key(key);
        super::dictionary::dictionary_triples(facts, base, &named, &mut push);
    }
    out
}

type Push<'a> = dyn FnMut(&str, oxigraph::model::NamedNodeRef<'_>, oxigraph::model::Term) + 'a;

/// `ng:sourceCount`'s object.
fn count(n: usize) -> oxigraph::model::Term {
    Literal::new_typed_literal(n.to_string(), oxigraph::model::vocab::xsd::INTEGER).into()
}

/// An actor's `skos:prefLabel` and `schema:alternateName` for each other spelling.
fn name_quads(
    iri: &str,
    name: &str,
    spellings: Option<&std::collections::BTreeSet<String>>,
    push: &mut Push<'_>,
) {
    push(
        iri,
        skos::PREF_LABEL,
        Literal::new_simple_literal(name).into(),
    );
    for sp in spellings.into_iter().flatten() {
        if sp != name {
            push(
                iri,
                schema::ALTERNATE_NAME,
                Literal::new_simple_literal(sp).into(),
            );
        }
    }
}

/// The corpus graph's lines (N-Quads text without the final ` .`) that an online
/// placement's [`Changes`] remove and add: a fact's old source count goes and its new
/// one comes; an actor's old names go and its new ones come.
pub fn delta_lines(changes: &Changes, base: &str) -> (Vec<String>, Vec<String>) {
    let Ok(graph) = NamedNode::new(corpus_graph_iri(base)) else {
        return (Vec::new(), Vec::new());
    };
    let g = GraphName::NamedNode(graph);
    let lines = |f: &mut dyn FnMut(&mut Push<'_>)| -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |s: &str, p: oxigraph::model::NamedNodeRef<'_>, o: oxigraph::model::Term| {
            if let Ok(s) = NamedNode::new(s) {
                out.push(super::mapping::nquad_text(&Quad::new(s, p, o, g.clone())));
            }
        };
        f(&mut push);
        out
    };
    let facts = || changes.meetings.iter().chain(&changes.statements);
    let removed = lines(&mut |push| {
        for (iri, (before, _)) in facts() {
            if *before > 0 {
                push(iri, ng::SOURCE_COUNT, count(*before));
            }
        }
        for (key, (before, _)) in &changes.actors {
            if let Some(b) = before {
                name_quads(&actor_iri(base, key), &b.label, Some(&b.spellings), push);
            }
        }
    });
    let added = lines(&mut |push| {
        for (iri, (before, new)) in facts() {
            push(iri, ng::SOURCE_COUNT, count(before + new.len()));
        }
        for (key, (_, after)) in &changes.actors {
            name_quads(
                &actor_iri(base, key),
                &after.label,
                Some(&after.spellings),
                push,
            );
        }
    });
    // A line both removed and added stays.
    let both: std::collections::BTreeSet<&String> =
        removed.iter().filter(|l| added.contains(l)).collect();
    let keep = |v: &Vec<String>| -> Vec<String> {
        let mut v: Vec<String> = v.iter().filter(|l| !both.contains(l)).cloned().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    (keep(&removed), keep(&added))
}

/// `DIR/corpus.nq`'s bytes (sorted lines, as [`corpus_nquads`] writes them) with the
/// lines of [`delta_lines`] removed and added, still sorted: one merge pass over the
/// bytes, comparing each old line with the next line to remove and the next to add.
pub fn apply_delta(old: &[u8], removed: &[String], added: &[String]) -> Vec<u8> {
    let mut out = Vec::with_capacity(old.len() + added.iter().map(|l| l.len() + 3).sum::<usize>());
    let mut add = added.iter().map(String::as_bytes).peekable();
    let mut gone = removed.iter().map(String::as_bytes).peekable();
    let write = |out: &mut Vec<u8>, l: &[u8]| {
        out.extend_from_slice(l);
        out.extend_from_slice(b" .\n");
    };
    for line in old.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let text = line.strip_suffix(b" .").unwrap_or(line);
        while let Some(a) = add.next_if(|a| *a < text) {
            write(&mut out, a);
        }
        if add.peek() == Some(&text) {
            add.next();
        }
        while gone.next_if(|g| *g < text).is_some() {}
        if gone.peek() == Some(&text) {
            gone.next();
            continue;
        }
        write(&mut out, text);
    }
    for a in add {
        write(&mut out, a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::apply_delta;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn apply_delta_removes_and_adds_in_order() {
        let old = b"<a> <p> \"1\" <g> .\n<c> <p> <x> <g> .\n<e> <p> <x> <g> .\n";
        let removed = lines(&["<a> <p> \"1\" <g>", "<e> <p> <x> <g>"]);
        let added = lines(&["<a> <p> \"2\" <g>", "<b> <p> <x> <g>", "<f> <p> <x> <g>"]);
        let out = apply_delta(old, &removed, &added);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "<a> <p> \"2\" <g> .\n<b> <p> <x> <g> .\n<c> <p> <x> <g> .\n<f> <p> <x> <g> .\n"
        );
    }

    #[test]
    fn apply_delta_to_an_empty_graph_writes_the_added_lines() {
        let out = apply_delta(b"", &[], &lines(&["<a> <p> <x> <g>"]));
        assert_eq!(out, b"<a> <p> <x> <g> .\n");
    }

    #[test]
    fn an_added_line_already_there_is_written_once() {
        let out = apply_delta(b"<a> <p> <x> <g> .\n", &[], &lines(&["<a> <p> <x> <g>"]));
        assert_eq!(out, b"<a> <p> <x> <g> .\n");
    }
}
