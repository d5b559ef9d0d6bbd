//! Calendar arithmetic: resolves a parsed temporal expression ([`Expr`]) against the
//! article date, once for a past-tense reading and once for a future-tense one.
//!
//! News convention: "on Thursday" in a past-tense report is the most recent Thursday
//! on or before the article date, in a future-tense one the next Thursday on or after
//! it; "Oct. 12" takes the article's year. Without an article date only expressions
//! that carry their own year resolve. This module does not find expressions in text
//! (see `patterns`).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::nlp::DateRange;

/// Which period a relative period expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// "last week": the previous one.
    Last,
    /// "this week": the current one.
    This,
    /// "earlier this week": the current one, up to the article date.
    EarlierThis,
    /// "later this week": the current one, from the article date.
    LaterThis,
    /// "next week": the following one.
    Next,
    /// "the past week": the span that ends on the article date.
    Past,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Day.
    Day,
    /// Monday to Sunday.
    Week,
    /// Saturday and Sunday.
    Weekend,
    /// Calendar month.
    Month,
    /// Calendar year.
    Year,
}

/// The meaning of a temporal expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A full date: "7 October 2023", "2023-10-26".
    Date(NaiveDate),
    /// Month and day without a year: "Oct. 12", "12 October".
    MonthDay(u32, u32),
    /// A month of a given year: "October 2023".
    MonthOfYear(i32, u32),
    /// A month without a year: "in October".
    Month(u32),
    /// A year: "in 2006".
    Year(i32),
    /// A day of the current month: "on the 12th".
    DayOfMonth(u32),
    /// A weekday, possibly with "last"/"next"/"this": "on Thursday", "last Friday".
    Weekday(Weekday, Option<Rel>),
    /// Days from the article date: yesterday (-1), today (0), tomorrow (1).
    Offset(i64),
    /// A relative period: "last week", "earlier this month", "the past year".
    Period(Rel, Unit),
    /// A count of units before the article date: "two days ago".
    Ago(u32, Unit),
}

/// The past and future readings of an expression against an article date.
pub fn resolve(expr: Expr, art: Option<NaiveDate>) -> (DateRange, DateRange) {
    if let Some(abs) = absolute(expr) {
        return (abs, abs);
    }
    let Some(d) = art else {
        return (DateRange::default(), DateRange::default());
    };
    let past = relative(expr, d, false).unwrap_or_default();
    let future = relative(expr, d, true).unwrap_or_default();
    (past, future)
}

fn day(d: NaiveDate) -> DateRange {
    DateRange {
        start: Some(d),
        end: Some(d),
    }
}

fn range(a: NaiveDate, b: NaiveDate) -> DateRange {
    DateRange {
        start: Some(a),
        end: Some(b),
    }
}

/// Resolutions that need no article date.
fn absolute(expr: Expr) -> Option<DateRange> {
    match expr {
        Expr::Date(d) => Some(day(d)),
        Expr::MonthOfYear(y, m) => month_range(y, m),
        Expr::Year(y) => year_range(y),
        _ => None,
    }
}

fn month_range(y: i32, m: u32) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(range(first, last))
}

fn year_range(y: i32) -> Option<DateRange> {
    Some(range(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The weekday `wd` on or before `d` (`strict`: before).
fn weekday_before(d: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    if strict && back == 0 {
        back = 7;
    }
    d.checked_sub_days(Days::new(u64::from(back)))
}

/// The weekday `wd` on or after `d` (`strict`: after).
fn weekday_after(d: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    if strict && ahead == 0 {
        ahead = 7;
    }
    d.checked_add_days(Days::new(u64::from(ahead)))
}

/// Month and day without a year: the article's year, unless that puts the date more
/// than two months on the wrong side of the article date.
fn month_day(m: u32, dd: u32, art: NaiveDate, future: bool) -> Option<DateRange> {
    let y = art.year();
    let cand = NaiveDate::from_ymd_opt(y, m, dd)?;
    let year = if !future && cand > art.checked_add_months(Months::new(2))? {
        y - 1
    } else if future && cand < art.checked_sub_months(Months::new(2))? {
        y + 1
    } else {
        y
    };
    NaiveDate::from_ymd_opt(year, m, dd).map(day)
}

fn relative(expr: Expr, d: NaiveDate, future: bool) -> Option<DateRange> {
    match expr {
        Expr::Date(_) | Expr::MonthOfYear(..) | Expr::Year(_) => absolute(expr),
        Expr::MonthDay(m, dd) => month_day(m, dd, d, future),
        Expr::Month(m) => {
            let y = if !future && m > d.month() {
                d.year() - 1
            } else if future && m < d.month() {
                d.year() + 1
            } else {
                d.year()
            };
            month_range(y, m)
        }
        Expr::DayOfMonth(dd) => {
            let this = NaiveDate::from_ymd_opt(d.year(), d.month(), dd);
            let target = match this {
                Some(t) if (!future && t <= d) || (future && t >= d) => t,
                _ => {
                    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
                    let other = if future {
                        first.checked_add_months(Months::new(1))?
                    } else {
                        first.checked_sub_months(Months::new(1))?
                    };
                    NaiveDate::from_ymd_opt(other.year(), other.month(), dd)?
                }
            };
            Some(day(target))
        }
        Expr::Weekday(wd, rel) => {
            let t = match rel {
                Some(Rel::Last) => weekday_before(d, wd, true)?,
                Some(Rel::Next) => weekday_after(d, wd, true)?,
                _ if future => weekday_after(d, wd, false)?,
                _ => weekday_before(d, wd, false)?,
            };
            Some(day(t))
        }
        Expr::Offset(n) => add_days(d, n).map(day),
        Expr::Period(rel, unit) => period(rel, unit, d, future),
        Expr::Ago(n, unit) => ago(n, unit, d),
    }
}

fn period(rel: Rel, unit: Unit, d: NaiveDate, future: bool) -> Option<DateRange> {
    // (first, last) of the current unit.
    let (first, last) = match unit {
        Unit::Day => (d, d),
        Unit::Week => {
            let m = monday_of(d);
            (m, m + Days::new(6))
        }
        Unit::Weekend => {
            let m = monday_of(d);
            (m + Days::new(5), m + Days::new(6))
        }
        Unit::Month => {
            let r = month_range(d.year(), d.month())?;
            (r.start?, r.end?)
        }
        Unit::Year => (
            NaiveDate::from_ymd_opt(d.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
        ),
    };
    let shift = |k: i32| -> Option<DateRange> {
        match unit {
            Unit::Day => add_days(d, i64::from(k)).map(day),
            Unit::Week | Unit::Weekend => {
                let a = add_days(first, 7 * i64::from(k))?;
                let b = add_days(last, 7 * i64::from(k))?;
                Some(range(a, b))
            }
            Unit::Month => {
                let f = if k < 0 {
                    first.checked_sub_months(Months::new(k.unsigned_abs()))?
                } else {
                    first.checked_add_months(Months::new(k.unsigned_abs()))?
                };
                month_range(f.year(), f.month())
            }
            Unit::Year => year_range(d.year() + k),
        }
    };
    match rel {
        Rel::Last => {
            // "last weekend" said on a Saturday or Sunday is the one before.
            shift(-1)
        }
        Rel::Next => shift(1),
        Rel::EarlierThis => Some(range(first.min(d), d)),
        Rel::LaterThis => Some(range(d, last.max(d))),
        Rel::This => {
            if unit == Unit::Weekend {
                // A past-tense "this weekend" on a weekday is the weekend just gone.
                let weekend_now = d >= first;
                return if future || weekend_now {
                    Some(range(first.max(d), last))
                } else {
                    shift(-1)
                };
            }
            if future {
                Some(range(d, last))
            } else {
                Some(range(first, d))
            }
        }
        Rel::Past => {
            let back = match unit {
                Unit::Day => d,
                Unit::Week | Unit::Weekend => d - Days::new(7),
                Unit::Month => d.checked_sub_months(Months::new(1))?,
                Unit::Year => d.checked_sub_months(Months::new(12))?,
            };
            Some(range(back, d))
        }
    }
}

fn ago(n: u32, unit: Unit, d: NaiveDate) -> Option<DateRange> {
    match unit {
        Unit::Day => d.checked_sub_days(Days::new(u64::from(n))).map(day),
        Unit::Week | Unit::Weekend => {
            let c = d.checked_sub_days(Days::new(7 * u64::from(n)))?;
            Some(range(c - Days::new(3), (c + Days::new(3)).min(d)))
        }
        Unit::Month => {
            let c = d.checked_sub_months(Months::new(n))?;
            month_range(c.year(), c.month())
        }
        Unit::Year => year_range(d.year() - i32::try_from(n).ok()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn past(e: Expr, art: &str) -> (String, String) {
        let r = resolve(e, Some(date(art))).0;
        (
            r.start.map(|x| x.to_string()).unwrap_or_default(),
            r.end.map(|x| x.to_string()).unwrap_or_default(),
        )
    }

    fn fut(e: Expr, art: &str) -> (String, String) {
        let r = resolve(e, Some(date(art))).1;
        (
            r.start.map(|x| x.to_string()).unwrap_or_default(),
            r.end.map(|x| x.to_string()).unwrap_or_default(),
        )
    }

    fn same(s: &str) -> (String, String) {
        (s.to_string(), s.to_string())
    }

    fn span(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn saturday_before_monday_article() {
        let e = Expr::Weekday(Weekday::Sat, None);
        assert_eq!(past(e, "2023-10-16"), same("2023-10-14"));
        assert_eq!(fut(e, "2023-10-16"), same("2023-10-21"));
    }

    #[test]
    fn weekday_of_the_article_day_is_that_day() {
        let e = Expr::Weekday(Weekday::Thu, None);
        assert_eq!(past(e, "2023-10-26"), same("2023-10-26"));
    }

    #[test]
    fn last_and_next_weekday_skip_the_article_day() {
        let last = Expr::Weekday(Weekday::Thu, Some(Rel::Last));
        let next = Expr::Weekday(Weekday::Thu, Some(Rel::Next));
        assert_eq!(past(last, "2023-10-26"), same("2023-10-19"));
        assert_eq!(fut(next, "2023-10-26"), same("2023-11-02"));
    }

    #[test]
    fn month_day_takes_article_year() {
        assert_eq!(
            past(Expr::MonthDay(10, 12), "2023-10-26"),
            same("2023-10-12")
        );
    }

    #[test]
    fn december_date_in_january_article_is_last_year() {
        assert_eq!(
            past(Expr::MonthDay(12, 28), "2024-01-03"),
            same("2023-12-28")
        );
        assert_eq!(fut(Expr::MonthDay(1, 5), "2023-12-30"), same("2024-01-05"));
    }

    #[test]
    fn yesterday_is_the_day_before() {
        assert_eq!(past(Expr::Offset(-1), "2023-03-01"), same("2023-02-28"));
    }

    #[test]
    fn last_week_is_previous_monday_to_sunday() {
        let e = Expr::Period(Rel::Last, Unit::Week);
        assert_eq!(past(e, "2023-10-26"), span("2023-10-16", "2023-10-22"));
    }

    #[test]
    fn earlier_this_week_runs_from_monday_to_article_date() {
        let e = Expr::Period(Rel::EarlierThis, Unit::Week);
        assert_eq!(past(e, "2023-10-26"), span("2023-10-23", "2023-10-26"));
    }

    #[test]
    fn earlier_this_month_runs_from_the_first() {
        let e = Expr::Period(Rel::EarlierThis, Unit::Month);
        assert_eq!(past(e, "2023-10-27"), span("2023-10-01", "2023-10-27"));
    }

    #[test]
    fn last_month_is_the_previous_calendar_month() {
        let e = Expr::Period(Rel::Last, Unit::Month);
        assert_eq!(past(e, "2023-03-31"), span("2023-02-01", "2023-02-28"));
    }

    #[test]
    fn this_week_future_runs_to_sunday() {
        let e = Expr::Period(Rel::This, Unit::Week);
        assert_eq!(fut(e, "2023-10-26"), span("2023-10-26", "2023-10-29"));
    }

    #[test]
    fn this_weekend_in_a_monday_past_report_is_the_weekend_gone() {
        let e = Expr::Period(Rel::This, Unit::Weekend);
        assert_eq!(past(e, "2023-10-16"), span("2023-10-14", "2023-10-15"));
    }

    #[test]
    fn on_the_12th_is_this_month_or_the_last() {
        assert_eq!(past(Expr::DayOfMonth(12), "2023-10-26"), same("2023-10-12"));
        assert_eq!(past(Expr::DayOfMonth(28), "2023-10-26"), same("2023-09-28"));
    }

    #[test]
    fn in_october_is_the_most_recent_october() {
        assert_eq!(
            past(Expr::Month(11), "2023-10-26"),
            span("2022-11-01", "2022-11-30")
        );
    }

    #[test]
    fn two_days_ago() {
        assert_eq!(
            past(Expr::Ago(2, Unit::Day), "2023-10-26"),
            same("2023-10-24")
        );
    }

    #[test]
    fn undated_article_leaves_relative_unresolved() {
        let (p, f) = resolve(Expr::Weekday(Weekday::Mon, None), None);
        assert_eq!(p, DateRange::default());
        assert_eq!(f, DateRange::default());
    }

    #[test]
    fn undated_article_resolves_full_dates() {
        let d = date("2023-10-07");
        let (p, _) = resolve(Expr::Date(d), None);
        assert_eq!(p.start, Some(d));
        let (y, _) = resolve(Expr::Year(2006), None);
        assert_eq!(y.start, Some(date("2006-01-01")));
        assert_eq!(y.end, Some(date("2006-12-31")));
    }
}
