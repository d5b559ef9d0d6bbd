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
fn merged_copy(q: &Quad) -> Quad {
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
    for q in quads {
        if !old.contains(q) {
            tx.insert(q.as_ref());
            tx.insert(QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                GraphNameRef::DefaultGraph,
            ));
        }
    }
    let gone: Vec<&Quad> = old.iter().filter(|q| !new.contains(q)).collect();
    for q in &gone {
        tx.remove(q.as_ref());
    }
    for q in gone {
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
