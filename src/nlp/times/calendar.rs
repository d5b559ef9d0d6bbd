//! Calendar arithmetic: resolves a parsed temporal expression ([`Expr`]) against the
//! article date, once for a past-tense reading and once for a future-tense one.
//!
//! News convention: "on Thursday" in a past-tense report is the most recent Thursday
//! on or before the article date, in a future-tense one the next Thursday on or after
//! it; "Oct. 12" takes the article's year. Without an article date only expressions
//! that carry their own year resolve. This module does not find expressions in text
//! (see `patterns`).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::expr::{Expr, Rel, Unit};
use crate::nlp::DateRange;

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

/// The one-day range of `d`.
fn day(d: NaiveDate) -> DateRange {
    DateRange {
        start: Some(d),
        end: Some(d),
    }
}

/// The range from `a` to `b`, both included.
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

/// Month `m` of year `y`, first to last day.
fn month_range(y: i32, m: u32) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(range(first, last))
}

/// Year `y`, 1 January to 31 December.
fn year_range(y: i32) -> Option<DateRange> {
    Some(range(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// The Monday of the week that holds `d`.
fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

/// `d` moved by `n` days (back when `n` is negative).
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

/// The reading of `expr` against the article date `d`, past-tense or (`future`)
/// future-tense.
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

/// A relative period ("last week", "earlier this month", "the past year") against
/// the article date `d`.
fn period(rel: Rel, unit: Unit, d: NaiveDate, future: bool) -> Option<DateRange> {
    let (first, last) = current(unit, d)?;
    let shift = |k: i32| shifted(unit, d, (first, last), k);
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

/// The first and last day of the `unit` that holds `d` (its week runs Monday to
/// Sunday, its weekend Saturday and Sunday).
fn current(unit: Unit, d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let bounds = match unit {
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
    Some(bounds)
}

/// The `unit` `k` units away from the current one (`first..=last`, holding `d`):
/// -1 the previous, 1 the next.
fn shifted(
    unit: Unit,
    d: NaiveDate,
    (first, last): (NaiveDate, NaiveDate),
    k: i32,
) -> Option<DateRange> {
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
}

/// "two days ago", "three weeks ago": `n` units before the article date `d` (a week
/// ago is the seven days around that day, a month or year ago the whole month or
/// year).
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
#[path = "calendar_tests.rs"]
mod tests;
