//! The IRIs the graph stage mints itself (roles, memberships, time intervals,
//! annotations and their parts, the extraction activity). Actor, meeting, statement
//! and article IRIs come ready-made in the record (see `resolve`).
//!
//! Every IRI is a pure function of its inputs: no counters, no blank nodes, no time.

use crate::resolve::{iri_segment, name_key, short_hash};

/// The IRI of a role (one per normalised title): `{base}role/foreign-minister`.
pub fn role(base: &str, title: &str) -> String {
    let key = name_key(title);
    if key.is_empty() {
        format!("{base}role/untitled")
    } else {
        format!("{base}role/{}", iri_segment(&key))
    }
}

/// The IRI of a membership: actor, role title, organisation and observation date.
pub fn membership(
    base: &str,
    actor: &str,
    title: &str,
    of: Option<&str>,
    date: Option<&str>,
) -> String {
    let parts = [
        actor,
        &name_key(title),
        of.unwrap_or(""),
        date.unwrap_or(""),
    ];
    format!("{base}membership/{}", short_hash(&parts))
}

/// The IRI of the interval of one day: `{base}time/2023-10-26`.
pub fn day_interval(base: &str, day: &str) -> String {
    format!("{base}time/{}", iri_segment(day))
}

/// The IRI of the instant of one day: `{base}time/2023-10-26-instant`.
pub fn day_instant(base: &str, day: &str) -> String {
    format!("{}-instant", day_interval(base, day))
}

/// The IRI of the annotation that gives one fact's evidence in one article span.
pub fn annotation(base: &str, article: &str, fact: &str, start: usize, end: usize) -> String {
    let (s, e) = (start.to_string(), end.to_string());
    format!("{base}annotation/{}", short_hash(&[article, fact, &s, &e]))
}

/// The specific resource (target) of an annotation.
pub fn target(annotation: &str) -> String {
    format!("{annotation}-target")
}

/// The text position selector of an annotation.
pub fn position_selector(annotation: &str) -> String {
    format!("{annotation}-position")
}

/// The text quote selector of an annotation.
pub fn quote_selector(annotation: &str) -> String {
    format!("{annotation}-quote")
}

/// The extraction activity of this software version (no timestamps, so re-running
/// the same version gives the same graph).
pub fn activity(base: &str) -> String {
    format!(
        "{base}activity/newsgraph-{}",
        iri_segment(env!("CARGO_PKG_VERSION"))
    )
}

/// The software agent of this version.
pub fn agent(base: &str) -> String {
    format!(
        "{base}agent/newsgraph-{}",
        iri_segment(env!("CARGO_PKG_VERSION"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: &str = "https://w3id.org/newsgraph/id/";

    #[test]
    fn role_folds_title_case_and_spacing() {
        assert_eq!(role(B, "Foreign  Minister"), role(B, "foreign minister"));
        assert_eq!(
            role(B, "Foreign Minister"),
            format!("{B}role/foreign-minister")
        );
    }

    #[test]
    fn membership_differs_by_date() {
        let a = membership(B, "x", "Foreign Minister", Some("y"), Some("2023-10-26"));
        let b = membership(B, "x", "Foreign Minister", Some("y"), Some("2023-10-27"));
        assert_ne!(a, b);
    }

    #[test]
    fn annotation_differs_by_span() {
        assert_ne!(annotation(B, "a", "f", 0, 5), annotation(B, "a", "f", 0, 6));
    }
}
