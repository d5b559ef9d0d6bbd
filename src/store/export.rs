//! Exporting a store in an RDF format, sorted so the same store gives the same bytes.
//!
//! Graph formats (Turtle, N-Triples, RDF/XML) write the union of the article graphs,
//! each triple once; dataset formats (TriG, N-Quads, JSON-LD) keep one named graph per
//! article. Turtle and TriG use the prefixes of [`crate::graph::vocab::PREFIXES`].
//! All serialisation goes through `oxigraph::io`.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{Quad, Triple};

use super::{Store, StoreError};
use crate::graph::vocab::PREFIXES;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// Turtle: the union graph, with prefixes (the default).
    #[default]
    Turtle,
    /// TriG: one named graph per article.
    Trig,
    /// N-Triples: the union graph, one sorted line per triple.
    Ntriples,
    /// N-Quads: one sorted line per quad, graph = article.
    Nquads,
    /// JSON-LD: one named graph per article.
    Jsonld,
    /// RDF/XML: the union graph.
    Rdfxml,
}

impl ExportFormat {
    /// The Oxigraph format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
        }
    }

    /// Whether the format keeps named graphs.
    pub fn is_dataset(self) -> bool {
        matches!(
            self,
            ExportFormat::Trig | ExportFormat::Nquads | ExportFormat::Jsonld
        )
    }
}

/// A serializer for `format` with our prefixes where the format has them.
pub fn serializer(format: RdfFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    if matches!(
        format,
        RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml | RdfFormat::JsonLd { .. }
    ) {
        for (prefix, iri) in PREFIXES {
            // The prefixes are constants and valid; a failure would only drop a prefix.
            if let Ok(with) = s.clone().with_prefix(*prefix, *iri) {
                s = with;
            }
        }
    }
    s
}

/// The triples of the union graph, each once, sorted by their N-Triples form.
pub fn sorted_triples(store: &Store) -> Result<Vec<Triple>, StoreError> {
    let mut keyed: Vec<(String, Triple)> = store
        .quads()?
        .into_iter()
        .map(|q| {
            let t = Triple::from(q);
            (t.to_string(), t)
        })
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    Ok(keyed.into_iter().map(|(_, t)| t).collect())
}

/// Every quad, sorted by graph name and then by triple.
pub fn sorted_quads(store: &Store) -> Result<Vec<Quad>, StoreError> {
    let mut keyed: Vec<((String, String), Quad)> = store
        .quads()?
        .into_iter()
        .map(|q| {
            let g = q.graph_name.to_string();
            let t = Triple::from(q.clone()).to_string();
            ((g, t), q)
        })
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(keyed.into_iter().map(|(_, q)| q).collect())
}

/// Writes the store in `format` to `out`.
pub fn export<W: Write>(store: &Store, format: ExportFormat, out: W) -> Result<W, StoreError> {
    let what = || format!("the {format:?} export");
    let mut w = serializer(format.rdf_format()).for_writer(out);
    if format == ExportFormat::Nquads {
        // Sorted by line, like `sort` on the N-Quads text.
        let mut keyed: Vec<(String, Quad)> = store
            .quads()?
            .into_iter()
            .map(|q| (q.to_string(), q))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (_, q) in &keyed {
            w.serialize_quad(q).map_err(|source| StoreError::Write {
                what: what(),
                source,
            })?;
        }
    } else if format.is_dataset() {
        for q in sorted_quads(store)? {
            w.serialize_quad(&q).map_err(|source| StoreError::Write {
                what: what(),
                source,
            })?;
        }
    } else {
        for t in sorted_triples(store)? {
            w.serialize_triple(&t).map_err(|source| StoreError::Write {
                what: what(),
                source,
            })?;
        }
    }
    w.finish().map_err(|source| StoreError::Write {
        what: what(),
        source,
    })
}
