//! The temporal patterns: regular expressions (compiled once) that find date and time
//! expressions in text and parse each hit into an [`Expr`].
//!
//! Patterns are tried in priority order (full dates before month-day, before
//! weekdays, before vaguer periods); `find_all` returns every hit with its pattern's
//! rank, and the caller keeps the best non-overlapping ones. Month and weekday names
//! must be capitalised (news style), which keeps "may" and "march" the verbs out.
//! Each pattern's hit is parsed by its function in `parse`; the search runs on the
//! text's ASCII stand-in (`stand_in`). This module does not resolve expressions
//! against a date (see `calendar`).

use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::anchors::{self, Anchor};
use super::expr::Expr;
use super::parse::{
    month_number, parse_ago, parse_day_of_month, parse_day_word, parse_iso, parse_month,
    parse_month_day, parse_month_year, parse_period, parse_weekday, parse_year, weekday,
};
use super::stand_in::ascii_stand_in;

/// A hit of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The parsed meaning.
    pub expr: Expr,
    /// The pattern's rank (lower wins an overlap).
    pub rank: usize,
    /// Whether the expression names a repeated time ("every Monday", "on Mondays").
    pub recurring: bool,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
const MONTHS_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
/// The weekday names, as a regex alternation (the mention finder splits it on `|`).
pub const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

type Parse = fn(&Captures) -> Option<(Expr, bool)>;

/// The patterns searched only around their anchors (see `anchors`), by their place
/// in the table of [`patterns`].
fn anchor_of(place: usize) -> Option<Anchor> {
    let anchor = |find, back, ahead| Some(Anchor { find, back, ahead });
    match place {
        2 => anchor(anchors::days_before_month, 1, 4),
        4 => anchor(anchors::ordinals, 2, 1),
        5 => anchor(anchors::weekdays, 3, 2),
        7 => anchor(anchors::units, 3, 1),
        9 => anchor(anchors::years, 3, 1),
        _ => None,
    }
}

/// Each pattern, its parser and its anchor, if it is searched around one.
type Pattern = (Regex, Parse, Option<Anchor>);

fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let table: Vec<(String, Parse)> = vec![
            (
                r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_string(),
                parse_iso,
            ),
            (
                format!(
                    r"\b(?P<mon>{MONTHS})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
                ),
                parse_month_day,
            ),
            (
                format!(
                    r"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTHS})(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?"
                ),
                parse_month_day,
            ),
            (
                format!(r"\b(?P<mon>{MONTHS})\s+(?P<year>(?:19|20)\d{{2}})\b"),
                parse_month_year,
            ),
            (
                r"\b[Oo]n\s+the\s+(?P<dom>\d{1,2})(?:st|nd|rd|th)\b".to_string(),
                parse_day_of_month,
            ),
            (
                format!(
                    r"\b(?:(?:[Ee]arl(?:y|ier)|[Ll]ater?)\s+(?:on\s+)?)?(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)\s+)?(?P<wd>{WEEKDAYS})(?P<pl>s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
                ),
                parse_weekday,
            ),
            (
                r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening)|[Ee]arlier\s+today|[Ll]ater\s+today)\b"
                    .to_string(),
                parse_day_word,
            ),
            (
                r"\b(?P<rel>[Ee]arlier\s+this|[Ee]arlier\s+in\s+the|[Ll]ater\s+this|[Ll]ater\s+in\s+the|[Tt]his\s+past|[Tt]he\s+past|[Tt]he\s+last|[Tt]he\s+coming|[Pp]ast|[Tt]his|[Ll]ast|[Nn]ext|[Ee]very|[Ee]ach)\s+(?P<unit>week|weekend|month|year)\b"
                    .to_string(),
                parse_period,
            ),
            (
                r"\b(?P<n>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,3})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"
                    .to_string(),
                parse_ago,
            ),
            (
                r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Ii]n\s+(?:early|late|mid-?))\s+(?P<year>(?:19|20)\d{2})\b"
                    .to_string(),
                parse_year,
            ),
            (
                format!(
                    r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?P<mon>{MONTHS_FULL})\b"
                ),
                parse_month,
            ),
        ];
        table
            .into_iter()
            .enumerate()
            .filter_map(|(place, (re, f))| {
                Regex::new(&re).ok().map(|r| (r, f, anchor_of(place)))
            })
            .collect()
    })
}

/// Words after a weekday that show it names something else ("Sunday Times").
fn is_weekday_name_of_something(after: &str) -> bool {
    let next = after
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let capital = next.chars().next().is_some_and(char::is_uppercase);
    capital && month_number(next).is_none() && weekday(next).is_none() && next != "I"
}

/// Words after "on the 12th" that show it is no date ("the 12th century").
fn is_ordinal_of_something(after: &str) -> bool {
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        next.as_str(),
        "century"
            | "anniversary"
            | "floor"
            | "day"
            | "time"
            | "round"
            | "birthday"
            | "of"
            | "straight"
    )
}

/// Every hit of every pattern in `text`, each with its pattern's rank.
pub fn find_all(text: &str) -> Vec<Hit> {
    match ascii_stand_in(text) {
        Some(ascii) => find_all_in(&ascii, text),
        None => find_all_in(text, text),
    }
}

/// The hits of the patterns searched in `search` (`text` or its ASCII stand-in), the
/// words after each read from `text`.
fn find_all_in(search: &str, text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    // Windows are cut by ASCII white space (see `anchors`).
    let ascii = search.is_ascii();
    for (rank, (re, parse, anchor)) in patterns().iter().enumerate() {
        let matches = match anchor.filter(|_| ascii) {
            Some(anchor) => around_anchors(re, search, anchor),
            None => re.captures_iter(search).collect(),
        };
        for c in matches {
            let Some(m) = c.get(0) else { continue };
            let end = m.end();
            let after = &text[end..];
            // "2006-07", "12-15": part of a longer number.
            let mut rest = after.chars();
            let glued = match rest.next() {
                Some(ch) if ch.is_ascii_digit() => true,
                Some('-' | '/') => rest.next().is_some_and(|ch| ch.is_ascii_digit()),
                _ => false,
            };
            if glued {
                continue;
            }
            if c.name("wd").is_some() && is_weekday_name_of_something(after) {
                continue;
            }
            if c.name("dom").is_some() && is_ordinal_of_something(after) {
                continue;
            }
            if let Some((expr, recurring)) = parse(&c) {
                out.push(Hit {
                    start: m.start(),
                    end,
                    expr,
                    rank,
                    recurring,
                });
            }
        }
    }
    out
}

/// The matches of `re` in `search` that a whole-text search finds, searched only in
/// the window around each anchor (a window ends on white space or the text's end, so
/// `\b` reads there as in the whole text).
fn around_anchors<'h>(re: &Regex, search: &'h str, anchor: Anchor) -> Vec<Captures<'h>> {
    let bytes = search.as_bytes();
    let mut out = Vec::new();
    let mut done = 0;
    for at in (anchor.find)(bytes) {
        if at < done {
            continue;
        }
        let from = anchors::back_from(bytes, at, anchor.back).max(done);
        let to = anchors::ahead_from(bytes, at, anchor.ahead);
        let Some(c) = search.get(..to).and_then(|w| re.captures_at(w, from)) else {
            continue;
        };
        let Some(m) = c.get(0) else { continue };
        // A match opening after this anchor is found from its own.
        if m.start() <= at {
            done = m.end();
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn first(text: &str) -> (String, Expr) {
        let mut hits = find_all(text);
        hits.sort_by_key(|h| (h.rank, h.start));
        let h = hits[0];
        (text[h.start..h.end].to_string(), h.expr)
    }

    #[test]
    fn stand_in_gives_the_hits_of_the_text() {
        let text = "“On Monday,” said Zoë\u{a0}on 12\u{a0}October, éOct. 12, Oct. 12é — \
                    last\u{2009}week and Monday’s talks; two\u{a0}days ago; 2015-06-02…";
        assert!(!text.is_ascii());
        assert_eq!(find_all(text), find_all_in(text, text));
        assert!(!find_all(text).is_empty());
    }

    #[test]
    fn anchored_search_finds_what_the_whole_text_search_finds() {
        let texts = [
            "Earlier in the  week, on the 5th, the 5th of\tMarch, 2015 and 12 May; in early 2015,",
            "Earlier on last Monday morning and Mondays, this past\nyear, 2019-2020, 20152 years",
            "On  the 21st (On the 3rd) x12 March, the 1st of May 2014. In 1999 yearly weekend",
            "Later Friday,Saturday night;the coming month;since 2001 in 2001s 1st 12th century",
        ];
        for text in texts {
            for (rank, (re, _, anchor)) in patterns().iter().enumerate() {
                let Some(anchor) = *anchor else {
                    continue;
                };
                let spans = |cs: Vec<Captures>| -> Vec<(usize, usize)> {
                    cs.iter()
                        .filter_map(|c| c.get(0))
                        .map(|m| (m.start(), m.end()))
                        .collect()
                };
                let whole = spans(re.captures_iter(text).collect());
                assert_eq!(
                    spans(around_anchors(re, text, anchor)),
                    whole,
                    "{rank}: {text}"
                );
            }
        }
    }

    #[test]
    fn oct_dot_12() {
        assert_eq!(
            first("talks on Oct. 12 ended"),
            ("Oct. 12".to_string(), Expr::MonthDay(10, 12))
        );
    }

    #[test]
    fn day_month_year() {
        let (t, e) = first("a raid on 7 October 2023, killing");
        assert_eq!(t, "7 October 2023");
        assert_eq!(e, Expr::Date(NaiveDate::from_ymd_opt(2023, 10, 7).unwrap()));
    }

    #[test]
    fn lowercase_may_is_no_month() {
        assert!(find_all("he may 12 times").is_empty());
    }

    #[test]
    fn sunday_times_is_no_date() {
        assert!(find_all("the Sunday Times reported").is_empty());
    }

    #[test]
    fn since_year_keeps_the_year_only() {
        let (t, e) = first("delegations since 2006, when");
        assert_eq!(t, "since 2006");
        assert_eq!(e, Expr::Year(2006));
    }

    #[test]
    fn twelfth_century_is_no_date() {
        assert!(find_all("built on the 12th century walls")
            .iter()
            .all(|h| !matches!(h.expr, Expr::DayOfMonth(_))));
    }

    #[test]
    fn mondays_are_recurring() {
        let hits = find_all("they meet on Mondays");
        assert!(hits.iter().any(|h| h.recurring));
    }
}
