//! Text output helpers: aligned tables and short forms of RDF terms.

use oxigraph::model::Term;

use crate::graph::vocab::PREFIXES;

/// Prints rows as a table with a header, columns padded to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let n = cells.len();
        let mut s = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            s.push_str(c);
            if i + 1 < n {
                let pad = widths[i].saturating_sub(c.chars().count()) + 2;
                s.push_str(&" ".repeat(pad));
            }
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
        s
    };
    let mut out = line(header.to_vec());
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// An IRI in prefixed form when a known prefix fits, else in angle brackets.
pub fn short_iri(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./%~".contains(c))
            {
                return format!("{p}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

/// A term for a table cell: IRIs shortened, literals as their text.
pub fn cell(term: Option<&Term>) -> String {
    match term {
        None => String::new(),
        Some(Term::NamedNode(n)) => short_iri(n.as_str()),
        Some(Term::Literal(l)) => l.value().replace('\n', " "),
        Some(other) => other.to_string(),
    }
}

/// Shortens a text to `max` characters, marking the cut with `…`.
pub fn clip(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_iri_uses_prefix() {
        assert_eq!(short_iri("http://schema.org/name"), "schema:name");
    }

    #[test]
    fn short_iri_keeps_unknown_namespace() {
        assert_eq!(short_iri("http://example.org/x"), "<http://example.org/x>");
    }

    #[test]
    fn table_pads_columns() {
        let t = table(&["A", "B"], &[vec!["long".into(), "x".into()]]);
        assert_eq!(t, "A     B\nlong  x\n");
    }

    #[test]
    fn clip_marks_cut() {
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
