//! Pass `times`: finds temporal expressions and resolves them against the article date.
//!
//! Reads: `doc.article.body`, `doc.article.date`. Writes: `doc.times` (text order,
//! non-overlapping). Each expression gets a past-tense and a future-tense resolution
//! (`calendar`); which one applies is the reader's call (a meeting reported as past
//! uses `past`). The span takes in a leading "on"/"since" ("on Thursday", "since
//! 2006") and a trailing "(local time)". "since 2006" is marked [`TimeKind::Since`] and
//! "every Monday" [`TimeKind::Recurring`]: neither names one occasion. This pass does
//! not decide what an expression dates (a meeting, a statement): that is `extract`.
//!
//! Files: `patterns` (the regular expressions and their search; `stand_in` the ASCII
//! copy they search, `parse` the meaning of each hit), `expr` (that meaning, before
//! resolution), `calendar` (resolution against the article date).

mod anchors;
pub mod calendar;
pub mod expr;
mod parse;
pub mod patterns;
mod stand_in;

use chrono::NaiveDate;

use self::expr::{Expr, Unit};
use self::patterns::Hit;
use super::{DateRange, Doc, Span, TimeExpr, TimeKind};

/// Pass entry point: fills `doc.times`.
pub fn find(doc: &mut Doc) {
    doc.times = find_in(&doc.article.body, doc.article.date);
}

/// Finds and resolves the temporal expressions of `text` against `date`.
pub fn find_in(text: &str, date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut hits = patterns::find_all(text);
    // Best pattern first, then leftmost, then longest; keep what does not overlap.
    hits.sort_by_key(|h| (h.rank, h.start, std::cmp::Reverse(h.end)));
    // Accepted hits by start; a new hit overlaps only its neighbours (no quadratic scan).
    let mut taken: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for h in hits {
        let before = taken
            .range(..h.end)
            .next_back()
            .map(|(_, k)| k.end > h.start);
        if before != Some(true) {
            taken.insert(h.start, h);
        }
    }
    let mut kept: Vec<Hit> = taken.into_values().collect();
    kept.sort_by_key(|h| h.start);
    let kept = merge_weekday_dates(text, kept);
    kept.into_iter().map(|h| build(text, h, date)).collect()
}

/// "Monday, Oct. 16": a weekday followed by a date is one expression, dated by the date.
fn merge_weekday_dates(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if let Some(prev) = out.last_mut() {
            let between = &text[prev.end.min(h.start)..h.start];
            let dated = matches!(h.expr, Expr::Date(_) | Expr::MonthDay(..));
            if matches!(prev.expr, Expr::Weekday(_, None))
                && dated
                && between.trim_matches([' ', ',', '\u{a0}']).is_empty()
                && between.len() <= 3
            {
                prev.end = h.end;
                prev.expr = h.expr;
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// The word that ends `before`, lower-cased.
fn last_word(before: &str) -> (&str, usize) {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let start = trimmed
        .rfind(|c: char| !c.is_alphabetic())
        .map(|i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    (&trimmed[start..], start)
}

fn build(text: &str, h: Hit, date: Option<NaiveDate>) -> TimeExpr {
    let (mut past, mut future) = calendar::resolve(h.expr, date);
    let mut kind = match h.expr {
        Expr::Date(_)
        | Expr::MonthDay(..)
        | Expr::DayOfMonth(_)
        | Expr::Weekday(..)
        | Expr::Offset(_) => TimeKind::Day,
        Expr::Ago(_, Unit::Day) => TimeKind::Day,
        _ => TimeKind::Period,
    };
    if h.recurring {
        kind = TimeKind::Recurring;
    }
    let mut start = h.start;
    let (word, at) = last_word(&text[..h.start]);
    let lower = word.to_ascii_lowercase();
    let own = text[h.start..h.end].to_ascii_lowercase();
    if own.starts_with("since") || lower == "since" {
        kind = TimeKind::Since;
        past = DateRange {
            start: past.start,
            end: date,
        };
        future = past;
    }
    if matches!(lower.as_str(), "on" | "since" | "every" | "each") {
        start = at;
        if lower == "every" || lower == "each" {
            kind = TimeKind::Recurring;
        }
    }
    let mut end = h.end;
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.starts_with("(local time)") {
        end += rest.len() - trimmed.len() + "(local time)".len();
    }
    TimeExpr {
        span: Span::new(start, end),
        past,
        future,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (text, past start, past end, kind) of each expression.
    fn run(
        text: &str,
        art: Option<&str>,
    ) -> Vec<(String, Option<String>, Option<String>, TimeKind)> {
        find_in(text, art.map(date))
            .into_iter()
            .map(|t| {
                (
                    text[t.span.start..t.span.end].to_string(),
                    t.past.start.map(|d| d.to_string()),
                    t.past.end.map(|d| d.to_string()),
                    t.kind,
                )
            })
            .collect()
    }

    fn one(text: &str, art: Option<&str>) -> (String, Option<String>, Option<String>, TimeKind) {
        let v = run(text, art);
        assert_eq!(v.len(), 1, "{v:?}");
        v.into_iter().next().unwrap()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn on_saturday_in_a_monday_article() {
        let t = one("They met on Saturday in Qatar.", Some("2023-10-16"));
        assert_eq!(
            t,
            (
                "on Saturday".into(),
                s("2023-10-14"),
                s("2023-10-14"),
                TimeKind::Day
            )
        );
    }

    #[test]
    fn future_reading_of_a_weekday_is_the_next_one() {
        let t = &find_in("He will meet him on Saturday.", Some(date("2023-10-16")))[0];
        assert_eq!(t.future.start, Some(date("2023-10-21")));
    }

    #[test]
    fn weekday_possessive() {
        let t = one("Thursday's delegation is the third.", Some("2023-10-27"));
        assert_eq!(t.1, s("2023-10-26"));
    }

    #[test]
    fn on_thursday_local_time() {
        let t = one(
            "The White House on Thursday (local time) confirmed it.",
            Some("2023-10-26"),
        );
        assert_eq!(t.0, "on Thursday (local time)");
        assert_eq!(t.1, s("2023-10-26"));
    }

    #[test]
    fn yesterday() {
        let t = one("Officials met yesterday.", Some("2023-10-26"));
        assert_eq!(t.1, s("2023-10-25"));
    }

    #[test]
    fn today_and_tomorrow() {
        let v = run("Today he flies; tomorrow he meets.", Some("2023-10-26"));
        assert_eq!(v[0].1, s("2023-10-26"));
        assert_eq!(v[1].1, s("2023-10-27"));
    }

    #[test]
    fn last_night() {
        let t = one("They spoke last night.", Some("2023-10-26"));
        assert_eq!(t.1, s("2023-10-25"));
    }

    #[test]
    fn earlier_this_week_is_a_range() {
        let t = one("Earlier this week, Putin warned.", Some("2023-10-26"));
        assert_eq!(
            t,
            (
                "Earlier this week".into(),
                s("2023-10-23"),
                s("2023-10-26"),
                TimeKind::Period
            )
        );
    }

    #[test]
    fn last_week_is_a_range() {
        let t = one("He visited last week.", Some("2023-10-26"));
        assert_eq!((t.1, t.2), (s("2023-10-16"), s("2023-10-22")));
    }

    #[test]
    fn this_week() {
        let t = one("Putin this week warned.", Some("2023-10-26"));
        assert_eq!((t.1, t.2), (s("2023-10-23"), s("2023-10-26")));
    }

    #[test]
    fn earlier_this_month() {
        let t = one(
            "Bogdanov told state media earlier this month.",
            Some("2023-10-27"),
        );
        assert_eq!((t.1, t.2), (s("2023-10-01"), s("2023-10-27")));
    }

    #[test]
    fn last_month() {
        let t = one("They met last month.", Some("2023-10-27"));
        assert_eq!((t.1, t.2), (s("2023-09-01"), s("2023-09-30")));
    }

    #[test]
    fn oct_12_takes_the_article_year() {
        let t = one("They met on Oct. 12 in Doha.", Some("2023-10-27"));
        assert_eq!(
            t,
            (
                "on Oct. 12".into(),
                s("2023-10-12"),
                s("2023-10-12"),
                TimeKind::Day
            )
        );
    }

    #[test]
    fn october_12() {
        let t = one("They met October 12.", Some("2023-10-27"));
        assert_eq!(t.1, s("2023-10-12"));
    }

    #[test]
    fn twelve_october() {
        let t = one("They met on 12 October.", Some("2023-10-27"));
        assert_eq!(t.1, s("2023-10-12"));
    }

    #[test]
    fn full_date_in_undated_article() {
        let t = one("7 October 2023 seems certain to be remembered.", None);
        assert_eq!(t.1, s("2023-10-07"));
    }

    #[test]
    fn relative_date_in_undated_article_stays_open() {
        let t = one("They met on Thursday.", None);
        assert_eq!((t.1, t.2), (None, None));
    }

    #[test]
    fn on_the_12th() {
        let t = one("They met on the 12th.", Some("2023-10-27"));
        assert_eq!(t.1, s("2023-10-12"));
    }

    #[test]
    fn iso_date() {
        let t = one("Published 2023-10-26 at noon.", None);
        assert_eq!(t.1, s("2023-10-26"));
    }

    #[test]
    fn in_2006_is_the_year() {
        let t = one("Hamas won elections in 2006.", None);
        assert_eq!(
            (t.1, t.2, t.3),
            (s("2006-01-01"), s("2006-12-31"), TimeKind::Period)
        );
    }

    #[test]
    fn since_2006_is_not_a_point() {
        let t = one(
            "They have met Hamas delegations since 2006, when",
            Some("2023-10-27"),
        );
        assert_eq!(
            t,
            (
                "since 2006".into(),
                s("2006-01-01"),
                s("2023-10-27"),
                TimeKind::Since
            )
        );
    }

    #[test]
    fn every_monday_is_recurring() {
        let t = one("They meet every Monday.", Some("2023-10-27"));
        assert_eq!(t.3, TimeKind::Recurring);
    }

    #[test]
    fn weekday_with_date_is_one_expression() {
        let t = one("on Monday, Oct. 16, 2023, they met", Some("2023-10-20"));
        assert_eq!(t.0, "on Monday, Oct. 16, 2023");
        assert_eq!(t.1, s("2023-10-16"));
    }

    #[test]
    fn two_days_ago() {
        let t = one("They met two days ago.", Some("2023-10-27"));
        assert_eq!(t.1, s("2023-10-25"));
    }

    #[test]
    fn unicode_text_before_is_safe() {
        let t = one("Erdoğan on Monday held a call.", Some("2023-10-16"));
        assert_eq!(t.0, "on Monday");
    }
}
