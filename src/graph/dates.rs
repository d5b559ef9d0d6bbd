//! Days in the graph: reading `YYYY-MM-DD` from records and writing `xsd:date` text,
//! with fast paths for the common form that give exactly what chrono gives (unit
//! tests compare them). Nothing here decides which date a fact has.

use chrono::{Datelike, NaiveDate};
use oxigraph::model::vocab::xsd;

/// Parses a `YYYY-MM-DD` day; anything else is treated as unknown.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    // The common form, four digits, two and two, read directly (what the chrono
    // parser below gives for it); anything else goes through chrono.
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
    {
        let n = |r: std::ops::Range<usize>| {
            b[r].iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        };
        let year = i32::try_from(n(0..4)).ok()?;
        return NaiveDate::from_ymd_opt(year, n(5..7), n(8..10));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A day as `xsd:date` text, what chrono's `%Y-%m-%d` gives.
pub fn day_text(day: NaiveDate) -> String {
    if (0..=9999).contains(&day.year()) {
        format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// An `xsd:date` literal.
pub fn date_literal(day: NaiveDate) -> oxigraph::model::Literal {
    oxigraph::model::Literal::new_typed_literal(day_text(day), xsd::DATE)
}
