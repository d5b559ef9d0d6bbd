//! Online resolution: the facts of new articles placed into the clusters earlier
//! ingests published, instead of every record of the corpus resolved again.
//!
//! Batch resolution ([`super::resolve_corpus`]) reads every record of the store, so an
//! ingest of 1,000 articles into a store of 100,000 costs as much as resolving all
//! 101,000. Since published IRIs stay put ([`super::published`]), an ingest of new
//! articles only has to find, for each new fact, the published cluster it belongs to,
//! or start one. [`State`] keeps every published cluster reduced to its distinct names,
//! reports and wordings (it grows with the distinct content of the corpus, not with the
//! articles that repeat it), and [`place`] runs the rules of batch resolution against
//! it: the same name tests for people, the same meeting and statement tests against
//! every distinct report of a cluster, the same naming for new clusters.
//!
//! What it gives up: a published cluster is never renamed, merged or split (batch
//! resolution with the re-link budget of [`super::published`] may rename small ones,
//! and `ingest --relink` re-resolves everything). Orders are batch resolution's, so the
//! result depends on the set of new articles, not on their order.
//!
//! This module does no I/O (the store keeps the state, `store::clusters`) and writes
//! no RDF (the corpus graph's lines for the changes are `graph::corpus`'s).

mod meetings;
mod people;
pub mod state;
mod statements;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

pub use state::{build, ActorNames, State, FORMAT};

use crate::extract::Record;

/// What an online placement changed in the corpus graph's facts.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes {
    /// Meeting IRI → (sources before, new source articles).
    pub meetings: BTreeMap<String, (usize, BTreeSet<String>)>,
    /// Statement IRI → (sources before, new source articles).
    pub statements: BTreeMap<String, (usize, BTreeSet<String>)>,
    /// Actor key → (names before, `None` for a new actor; names after).
    pub actors: BTreeMap<String, (Option<ActorNames>, ActorNames)>,
}

/// Resolves new articles' records (slim or full; ids the state has not seen) against
/// the published clusters: sets their actor, meeting and statement IRIs, adds them to
/// `state`, and returns what changed for the corpus graph. Records are sorted by
/// article id, as batch resolution sorts them.
pub fn place(state: &mut State, records: &mut [Record]) -> Changes {
    records.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let actors = people::place_actors(state, records);
    // Meetings and statements read the actor IRIs only, not each other.
    let meetings = meetings::place_meetings(state, records);
    let statements = statements::place_statements(state, records);
    let before = |now: &BTreeMap<String, usize>, gained: BTreeMap<String, BTreeSet<String>>| {
        gained
            .into_iter()
            .map(|(iri, new)| {
                let n = now.get(&iri).copied().unwrap_or(0);
                (iri, (n.saturating_sub(new.len()), new))
            })
            .collect()
    };
    state.articles += records.len();
    Changes {
        meetings: before(&state.meeting_sources, meetings),
        statements: before(&state.statement_sources, statements),
        actors: actors
            .into_iter()
            .map(|(key, was)| {
                let now = state.actors.get(&key).cloned().unwrap_or_default();
                (key, (was, now))
            })
            .collect(),
    }
}
