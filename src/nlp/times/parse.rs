//! Parsing a pattern's hit: the named groups of its regular expression (month,
//! day, weekday, "last"/"next", a number word, a unit) become an [`Expr`], with
//! whether it names a repeated time ("every Monday").
//!
//! One function per pattern (`parse_*`), each listed beside its expression in
//! `patterns`. This module neither searches text nor resolves dates (see `calendar`).

use chrono::{NaiveDate, Weekday};
use regex::Captures;

use super::expr::{Expr, Rel, Unit};

/// The month number of a month name or abbreviation.
pub(super) fn month_number(s: &str) -> Option<u32> {
    let k = s.trim_end_matches('.').to_ascii_lowercase();
    let k = k.get(..3)?;
    let m = match k {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The weekday of a weekday name ("Thursday").
pub(super) fn weekday(s: &str) -> Option<Weekday> {
    let w = match s.get(..3)? {
        "Mon" => Weekday::Mon,
        "Tue" => Weekday::Tue,
        "Wed" => Weekday::Wed,
        "Thu" => Weekday::Thu,
        "Fri" => Weekday::Fri,
        "Sat" => Weekday::Sat,
        "Sun" => Weekday::Sun,
        _ => return None,
    };
    Some(w)
}

/// A count in words or digits ("a", "two", "12").
fn number_word(s: &str) -> Option<u32> {
    let n = match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        other => other.parse().ok()?,
    };
    Some(n)
}

/// The calendar unit of "day(s)", "week(s)", "weekend", "month(s)", "year(s)".
fn unit(s: &str) -> Option<Unit> {
    let u = match s.to_ascii_lowercase().trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    };
    Some(u)
}

/// The number in the named group `name`.
fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

pub(super) fn parse_iso(c: &Captures) -> Option<(Expr, bool)> {
    let d = NaiveDate::from_ymd_opt(num(c, "y")?, num(c, "m")?, num(c, "d")?)?;
    Some((Expr::Date(d), false))
}

pub(super) fn parse_month_day(c: &Captures) -> Option<(Expr, bool)> {
    let m = month_number(c.name("mon")?.as_str())?;
    let d: u32 = num(c, "day")?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let e = match num::<i32>(c, "year") {
        Some(y) => Expr::Date(NaiveDate::from_ymd_opt(y, m, d)?),
        None => Expr::MonthDay(m, d),
    };
    Some((e, false))
}

pub(super) fn parse_month_year(c: &Captures) -> Option<(Expr, bool)> {
    let m = month_number(c.name("mon")?.as_str())?;
    Some((Expr::MonthOfYear(num(c, "year")?, m), false))
}

pub(super) fn parse_day_of_month(c: &Captures) -> Option<(Expr, bool)> {
    let d: u32 = num(c, "dom")?;
    (1..=31)
        .contains(&d)
        .then_some((Expr::DayOfMonth(d), false))
}

pub(super) fn parse_weekday(c: &Captures) -> Option<(Expr, bool)> {
    let wd = weekday(c.name("wd")?.as_str())?;
    let rel = c.name("rel").map(|r| r.as_str().to_ascii_lowercase());
    let recurring = c.name("pl").is_some() || matches!(rel.as_deref(), Some("every" | "each"));
    let rel = match rel.as_deref() {
        Some("last") => Some(Rel::Last),
        Some("next") => Some(Rel::Next),
        Some("this") => Some(Rel::This),
        _ => None,
    };
    Some((Expr::Weekday(wd, rel), recurring))
}

pub(super) fn parse_day_word(c: &Captures) -> Option<(Expr, bool)> {
    let w = c.name("w")?.as_str().to_ascii_lowercase();
    let off = if w.starts_with("yesterday") || w.starts_with("last") {
        -1
    } else if w.starts_with("tomorrow") {
        1
    } else {
        0
    };
    Some((Expr::Offset(off), false))
}

pub(super) fn parse_period(c: &Captures) -> Option<(Expr, bool)> {
    let rel = c.name("rel")?.as_str().to_ascii_lowercase();
    let rel: String = rel.split_whitespace().collect::<Vec<_>>().join(" ");
    let u = unit(c.name("unit")?.as_str())?;
    let (rel, recurring) = match rel.as_str() {
        "earlier this" | "earlier in the" => (Rel::EarlierThis, false),
        "later this" | "later in the" => (Rel::LaterThis, false),
        "this" => (Rel::This, false),
        "last" => (Rel::Last, false),
        "next" | "the coming" => (Rel::Next, false),
        "past" | "the past" | "the last" | "this past" => (Rel::Past, false),
        "every" | "each" => (Rel::This, true),
        _ => return None,
    };
    Some((Expr::Period(rel, u), recurring))
}

pub(super) fn parse_ago(c: &Captures) -> Option<(Expr, bool)> {
    let n = number_word(c.name("n")?.as_str())?;
    Some((Expr::Ago(n, unit(c.name("unit")?.as_str())?), false))
}

pub(super) fn parse_year(c: &Captures) -> Option<(Expr, bool)> {
    Some((Expr::Year(num(c, "year")?), false))
}

pub(super) fn parse_month(c: &Captures) -> Option<(Expr, bool)> {
    Some((Expr::Month(month_number(c.name("mon")?.as_str())?), false))
}
