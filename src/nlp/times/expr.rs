//! The meaning of a temporal expression before it is resolved: [`Expr`], with the
//! relative periods ([`Rel`]) and calendar units ([`Unit`]) it names.
//!
//! Plain data: `patterns` builds an `Expr` from a hit, `calendar` resolves it against
//! the article date. This module neither finds nor resolves expressions.

use chrono::{NaiveDate, Weekday};

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
