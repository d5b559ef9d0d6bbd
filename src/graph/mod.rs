//! Stage 5, **graph**: a pure function from extraction records to RDF quads.
//!
//! - [`vocab`]: the ontology's terms as constants, mirroring `ontology/newsgraph.ttl`.
//! - [`iris`]: the IRIs this stage mints (roles, memberships, days, annotations).
//! - [`mapping`]: one [`Record`](crate::extract::Record) in, the quads of its
//!   article's named graph out (graph name = article IRI), sorted and deduplicated.
//!
//! No blank nodes, no timestamps, no I/O: the same record gives the same quads. This
//! stage does not decide identity (that is `resolve`) or store anything (`store`).

pub mod corpus;
mod dates;
pub mod dictionary;
mod error;
mod facts;
pub mod iris;
pub mod mapping;
mod nquads_text;
mod valid_iris;
pub mod vocab;

pub use error::GraphError;
pub use facts::is_graph_meeting;
pub use mapping::{record_nquads_with_base, record_quads, record_quads_with_base, ArticleNQuads};
