//! N-Quads text written by hand, byte for byte what oxrdf's `Display` writes: IRIs in
//! angle brackets and literals quoted and escaped as `print_quoted_str` does. The
//! mapping writes article graphs with it (no term objects built) and sorts the corpus
//! graph by it. It validates nothing: IRIs reach it already checked.

use oxigraph::model::vocab::xsd;
use oxigraph::model::Quad;

/// A quad's N-Quads text without the final ` .`: the same bytes as its `Display`
/// (`q.to_string()`), written straight into one string instead of through the
/// formatter; terms other than IRIs and literals (which this stage never makes) go
/// through `Display`.
pub fn nquad_text(q: &Quad) -> String {
    use oxigraph::model::{GraphName, NamedOrBlankNode, Term};
    use std::fmt::Write;
    let mut out = String::with_capacity(160);
    match &q.subject {
        NamedOrBlankNode::NamedNode(n) => push_iri(&mut out, n.as_str()),
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

/// An IRI in angle brackets (already validated when its node was made).
pub(super) fn push_iri(out: &mut String, iri: &str) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

/// Whether a literal's byte may need escaping: the ASCII characters escaped below,
/// and 0xEF, the first byte of U+FFFE and U+FFFF (and of other characters, which the
/// slow path then copies as they are).
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0x7F || b == 0xEF
}

/// A literal's lexical form in double quotes, escaped as oxrdf's `print_quoted_str`.
pub(super) fn push_quoted(out: &mut String, value: &str) {
    out.push('"');
    if !value.bytes().any(needs_escape) {
        out.push_str(value);
        out.push('"');
        return;
    }
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
