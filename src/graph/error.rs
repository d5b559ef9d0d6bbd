//! Errors of the graph stage: a record that cannot be written as RDF.

/// A record field that cannot become an RDF term.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// A minted or given IRI is not a valid IRI.
    #[error("article `{article}`: {what} is not a valid IRI: `{iri}` ({message})")]
    InvalidIri {
        /// The article id of the record.
        article: String,
        /// Which IRI (article, actor a3, meeting m1, …).
        what: String,
        /// The bad IRI.
        iri: String,
        /// What the IRI parser said.
        message: String,
    },
}
