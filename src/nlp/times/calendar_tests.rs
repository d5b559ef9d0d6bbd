//! Unit tests of calendar resolution: one expression, one article date, the past or
//! future reading.

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
