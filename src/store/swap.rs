//! Keeping Oxigraph's copy of the graphs (the in-memory store, or the RocksDB mirror)
//! in step with the graph files a writer has just made durable: each article graph
//! replaced whole, and the merged default graph adjusted with it.
//!
//! Two paths, one result. An article graph the store does not hold yet only adds
//! quads, so it goes through Oxigraph's bulk loader, which on the RocksDB mirror
//! writes sorted files and ingests them in one atomic step (a transaction there costs
//! about 20 ms per article: every quad is a locked read-modify-write in nine
//! indexes). A graph that replaces an earlier version may also take triples away, so
//! it is swapped in a transaction. Either way a reader sees whole articles only.
//! This module writes no files and decides nothing about what a graph holds.

use std::collections::HashSet;

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad, QuadRef};
use oxigraph::store::{StorageError, Store, Transaction};

/// One article graph to put into the store.
pub struct GraphSwap<'a> {
    /// The graph's name.
    pub graph: NamedNodeRef<'a>,
    /// What it says now.
    pub quads: &'a [Quad],
    /// What it said before, read from its file before the file was replaced (`None`
    /// when there was no readable file: the store is asked instead).
    pub old: Option<Vec<Quad>>,
}

/// Puts each graph into `store`: new graphs with one bulk load, the graphs that
/// replace earlier versions with one transaction (see the module comment).
pub fn put_graphs(store: &Store, graphs: &[GraphSwap<'_>]) -> Result<(), StorageError> {
    let mut new = Vec::new();
    let mut replaced = Vec::new();
    for swap in graphs {
        let had_file = swap.old.as_ref().is_some_and(|o| !o.is_empty());
        if had_file || store.contains_named_graph(swap.graph)? {
            replaced.push(swap);
        } else {
            new.push(swap.quads);
        }
    }
    if !new.is_empty() {
        let mut loader = store.bulk_loader();
        let named = new.iter().flat_map(|q| q.iter()).cloned();
        let merged = new.iter().flat_map(|q| q.iter()).map(merged_copy);
        loader.load_quads(named.chain(merged))?;
        loader.commit()?;
    }
    if !replaced.is_empty() {
        let mut tx = store.start_transaction()?;
        for swap in replaced {
            swap_graph(&mut tx, swap.graph, swap.quads, swap.old.as_deref())?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// The same triple in the merged default graph.
pub(super) fn merged_copy(q: &Quad) -> Quad {
    Quad::new(
        q.subject.clone(),
        q.predicate.clone(),
        q.object.clone(),
        oxigraph::model::GraphName::DefaultGraph,
    )
}

/// Replaces named graph `g` with `quads` inside a transaction, keeping the merged
/// default graph in step. Only the difference is written: a re-linked article or a
/// new corpus graph mostly says what it said before, and on the RocksDB mirror every
/// quad written or deleted is a locked update of nine indexes. Triples the graph no
/// longer says leave the merged default graph unless another graph still says them.
///
/// `old` is what the graph held, when the caller read it from the graph's file (the
/// files are the truth the store mirrors); parsing a file is about ten times faster
/// than reading the graph back from the RocksDB mirror. Without it, the store is read.
pub fn swap_graph(
    tx: &mut Transaction<'_>,
    g: NamedNodeRef<'_>,
    quads: &[Quad],
    old: Option<&[Quad]>,
) -> Result<(), StorageError> {
    let old: HashSet<Quad> = match old {
        Some(old) => old.iter().cloned().collect(),
        None => tx
            .quads_for_pattern(None, None, None, Some(g.into()))
            .collect::<Result<_, _>>()?,
    };
    let new: HashSet<&Quad> = quads.iter().collect();
    let added: Vec<&Quad> = quads.iter().filter(|q| !old.contains(*q)).collect();
    let gone: Vec<&Quad> = old.iter().filter(|q| !new.contains(q)).collect();
    apply_diff(tx, &added, &gone)
}

/// The quads that N-Quads text `new` adds to `old` and those it drops, for two texts
/// written by the same serialiser (one quad per line): lines are compared as bytes and
/// only the lines that differ are parsed, so replacing a large graph that mostly says
/// what it said before (the corpus graph) costs about its size in byte comparisons.
/// Two sorted texts (what `graph::corpus::corpus_nquads` writes) are compared in one
/// merge pass; others through hash sets.
pub fn text_diff(old: &[u8], new: &[u8]) -> Result<(Vec<Quad>, Vec<Quad>), RdfSyntaxError> {
    let (added_lines, gone_lines) = sorted_line_diff(old, new).unwrap_or_else(|| {
        let (old_lines, new_lines) = (lines(old), lines(new));
        let mut added: Vec<&[u8]> = new_lines.difference(&old_lines).copied().collect();
        let mut gone: Vec<&[u8]> = old_lines.difference(&new_lines).copied().collect();
        added.sort_unstable();
        gone.sort_unstable();
        (added, gone)
    });
    let added = parse_lines(&added_lines)?;
    let gone = parse_lines(&gone_lines)?;
    // The same quad written two ways (by an older serialiser) is neither.
    let (a, g): (HashSet<&Quad>, HashSet<&Quad>) = (added.iter().collect(), gone.iter().collect());
    let both: HashSet<Quad> = a.intersection(&g).map(|q| (*q).clone()).collect();
    Ok((
        added.into_iter().filter(|q| !both.contains(q)).collect(),
        gone.into_iter().filter(|q| !both.contains(q)).collect(),
    ))
}

/// The lines only `new` has and those only `old` has, by one merge pass, when both
/// texts hold strictly increasing lines; `None` when either does not.
fn sorted_line_diff<'a>(old: &'a [u8], new: &'a [u8]) -> Option<LineDiff<'a>> {
    let split = |t: &'a [u8]| t.split(|b| *b == b'\n').filter(|l| !l.is_empty());
    let (mut o, mut n) = (split(old).peekable(), split(new).peekable());
    let (mut added, mut gone) = (Vec::new(), Vec::new());
    let (mut last_o, mut last_n): (&[u8], &[u8]) = (&[], &[]);
    loop {
        let step = match (o.peek(), n.peek()) {
            (None, None) => return Some((added, gone)),
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
        };
        if step.is_le() {
            let a = o.next()?;
            if a <= last_o {
                return None;
            }
            last_o = a;
            if step.is_lt() {
                gone.push(a);
            }
        }
        if step.is_ge() {
            let b = n.next()?;
            if b <= last_n {
                return None;
            }
            last_n = b;
            if step.is_gt() {
                added.push(b);
            }
        }
    }
}

/// Lines added and lines gone.
type LineDiff<'a> = (Vec<&'a [u8]>, Vec<&'a [u8]>);

fn lines(text: &[u8]) -> HashSet<&[u8]> {
    text.split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}

fn parse_lines(lines: &[&[u8]]) -> Result<Vec<Quad>, RdfSyntaxError> {
    let text = lines.join(&b'\n');
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&text)
        .collect()
}

/// Writes a graph's difference: `added` quads join the graph and the merged default
/// graph; `gone` quads leave the graph, and the merged default graph unless another
/// graph still says them.
pub fn apply_diff(
    tx: &mut Transaction<'_>,
    added: &[impl std::borrow::Borrow<Quad>],
    gone: &[impl std::borrow::Borrow<Quad>],
) -> Result<(), StorageError> {
    for q in added {
        let q = q.borrow();
        tx.insert(q.as_ref());
        tx.insert(QuadRef::new(
            &q.subject,
            &q.predicate,
            &q.object,
            GraphNameRef::DefaultGraph,
        ));
    }
    for q in gone {
        tx.remove(q.borrow().as_ref());
    }
    for q in gone {
        let q = q.borrow();
        let still_said = tx
            .quads_for_pattern(
                Some(q.subject.as_ref()),
                Some(q.predicate.as_ref()),
                Some(q.object.as_ref()),
                None,
            )
            .filter_map(Result::ok)
            .any(|x| !x.graph_name.is_default_graph());
        if !still_said {
            tx.remove(QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                GraphNameRef::DefaultGraph,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::text_diff;

    const A: &str = "<http://e/a> <http://e/p> \"1\" <http://e/g> .\n";
    const B: &str = "<http://e/b> <http://e/p> \"2\" <http://e/g> .\n";
    const C: &str = "<http://e/c> <http://e/p> \"3\" <http://e/g> .\n";

    #[test]
    fn changed_line_is_one_added_and_one_gone() {
        let (added, gone) = text_diff(format!("{A}{B}").as_bytes(), format!("{A}{C}").as_bytes())
            .expect("valid N-Quads");
        assert_eq!(added.len(), 1);
        assert_eq!(gone.len(), 1);
        assert_eq!(added[0].subject.to_string(), "<http://e/c>");
        assert_eq!(gone[0].subject.to_string(), "<http://e/b>");
    }

    #[test]
    fn sorted_texts_are_merged_and_unsorted_ones_hashed() {
        let old = format!("{A}{B}");
        let new = format!("{A}{C}");
        let (added, gone) = super::sorted_line_diff(old.as_bytes(), new.as_bytes()).unwrap();
        assert_eq!(
            (added, gone),
            (vec![C.trim_end().as_bytes()], vec![B.trim_end().as_bytes()])
        );
        let unsorted = format!("{C}{A}");
        assert!(super::sorted_line_diff(old.as_bytes(), unsorted.as_bytes()).is_none());
        let (added, gone) = text_diff(old.as_bytes(), unsorted.as_bytes()).expect("valid");
        assert_eq!((added.len(), gone.len()), (1, 1));
    }

    #[test]
    fn same_quad_written_another_way_is_neither() {
        let other = "<http://e/b>  <http://e/p> \"2\"  <http://e/g> .\n";
        let (added, gone) = text_diff(
            format!("{A}{B}").as_bytes(),
            format!("{A}{other}").as_bytes(),
        )
        .expect("valid N-Quads");
        assert!(added.is_empty() && gone.is_empty());
    }
}
