//! Checking the IRIs of one article graph: an IRI is written only if it parses as one
//! (what `NamedNode::new` accepts), and an error names what it was for. This module
//! only validates; it builds no quads and mints no IRIs.

use std::cell::RefCell;

use oxigraph::model::NamedNodeRef;

use super::GraphError;

/// The IRI checker of one graph. Nearly every IRI of a graph is one of a few prefixes
/// ending in `/` or `#` (the base's `actor/`, `meeting/`, …) and a last segment of
/// unreserved characters (`A-Z a-z 0-9 - . _ ~`). Such an IRI is valid exactly when
/// its prefix is: after a `/` (where the authority, a path segment, the query or the
/// fragment begins) or a `#`, unreserved characters are allowed everywhere. So each
/// prefix is parsed once per graph and the rest of such an IRI only scanned; any other
/// IRI is parsed whole.
#[derive(Debug, Default)]
pub(super) struct ValidIris {
    /// Prefixes ending in `/` or `#` that parsed as IRIs.
    prefixes: RefCell<Vec<String>>,
}

impl ValidIris {
    /// `iri` if it is a valid IRI, or an error naming what it was for (`what` is only
    /// called on error); `article` is the article's id, for the error.
    pub(super) fn check(
        &self,
        article: &str,
        iri: String,
        what: impl FnOnce() -> String,
    ) -> Result<String, GraphError> {
        if let Some(cut) = iri.rfind(['/', '#']) {
            let (prefix, rest) = iri.split_at(cut + 1);
            if rest.bytes().all(is_unreserved) {
                if self.prefixes.borrow().iter().any(|p| p == prefix) {
                    return Ok(iri);
                }
                if NamedNodeRef::new(prefix).is_ok() {
                    self.prefixes.borrow_mut().push(prefix.to_string());
                    return Ok(iri);
                }
            }
        }
        checked(article, iri, what)
    }
}

/// Whether a byte is an unreserved character of RFC 3986 (`A-Z a-z 0-9 - . _ ~`).
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// `iri` if it parses as an IRI (what `NamedNode::new` accepts), or an error.
pub(super) fn checked(
    article: &str,
    iri: String,
    what: impl FnOnce() -> String,
) -> Result<String, GraphError> {
    match NamedNodeRef::new(&iri) {
        Ok(_) => Ok(iri),
        Err(e) => Err(GraphError::InvalidIri {
            article: article.to_string(),
            what: what(),
            message: e.to_string(),
            iri,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// IRIs the prefix shortcut sees, valid and not.
    const IRIS: &[&str] = &[
        "https://w3id.org/newsgraph/id/actor/sergei-lavrov",
        "https://w3id.org/newsgraph/id/meeting/53f2f88d76cfba1e",
        "https://w3id.org/newsgraph/id/actor/",
        "http://example.org#frag-1.x_y~z",
        "http://example.org/a?q=1/b",
        "http://host",
        "http://h:80/x",
        "http://h:80abc",
        "http://h:8x/abc",
        "http:/abc",
        "urn:x:y/z",
        "a:b/c",
        "not an iri/abc",
        "no-scheme/abc",
        "/abc",
        "http://example.org/a b/c",
        "http://example.org/%zz/c",
        "http://[::1]/c",
        "http://[::1/c",
        "http://example.org/a#b#c",
        "http://example.org/ä/c",
        "",
    ];

    #[test]
    fn check_agrees_with_the_parser() {
        let valid = ValidIris::default();
        // Twice: the second round answers from the remembered prefixes.
        for _ in 0..2 {
            for iri in IRIS {
                let ok = valid.check("a", iri.to_string(), String::new).is_ok();
                assert_eq!(ok, NamedNodeRef::new(iri).is_ok(), "{iri}");
            }
        }
    }

    #[test]
    fn invalid_iri_names_what_it_was_for() {
        let e = ValidIris::default().check("a", "no iri/x".into(), || "the thing".into());
        assert!(e.is_err_and(|e| e.to_string().contains("the thing")));
    }
}
