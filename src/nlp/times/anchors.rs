//! Anchors: the rare part a temporal pattern cannot match without (a year's digits,
//! a weekday's name, "week", "month", "year"), found by a plain byte scan, and the
//! window around each where the pattern's match must lie.
//!
//! Why: several patterns open with common words ("in", "this", "the", "on"), so the
//! regex engine's literal prefilter stops every few bytes and a whole-text search
//! costs more than the rest of the time finder. Searching only the windows around the
//! anchors finds the same matches: every match contains an anchor, reaches at most
//! `back` white-space-separated chunks before it and `ahead` chunks from it, and a
//! window ends on white space, where a word boundary reads as it does in the text.
//! Only for ASCII text (the patterns' stand-in), where white space is ASCII and every
//! byte offset is a character boundary. This module finds positions only; `patterns`
//! runs the expressions.

/// How to find one pattern's anchors and how far its matches reach around them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    /// The byte offsets where an anchor starts, ascending; every place the pattern
    /// matches contains one (more is harmless, fewer loses matches).
    pub find: fn(&[u8]) -> Vec<usize>,
    /// White-space-separated chunks a match may begin before the anchor.
    pub back: usize,
    /// Chunks, the anchor's own included, a match may reach from the anchor.
    pub ahead: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The start of the `n`th chunk before `at` (white space skipped between).
pub(super) fn back_from(s: &[u8], at: usize, n: usize) -> usize {
    let mut i = at;
    for _ in 0..n {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
    }
    i
}

/// The end of the `n`th chunk from `at` (its own included): a white-space byte or the
/// end of the text.
pub(super) fn ahead_from(s: &[u8], at: usize, n: usize) -> usize {
    let mut i = at;
    for k in 0..n {
        if k > 0 {
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
        }
        while i < s.len() && !is_space(s[i]) {
            i += 1;
        }
    }
    i
}

/// Starts of digit runs (a digit with no digit before it).
fn digit_runs(s: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() && !s[i].is_ascii_digit() {
            i += 1;
        }
        if i >= s.len() {
            return None;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        Some((start, i))
    })
}

/// Four digits opening with 19 or 20 ("in 2015").
pub(super) fn years(s: &[u8]) -> Vec<usize> {
    digit_runs(s)
        .filter(|&(a, b)| b - a >= 4 && matches!(&s[a..a + 2], b"19" | b"20"))
        .map(|(a, _)| a)
        .collect()
}

/// One or two digits and an ordinal ending ("the 12th").
pub(super) fn ordinals(s: &[u8]) -> Vec<usize> {
    digit_runs(s)
        .filter(|&(a, b)| {
            b - a <= 2 && matches!(s.get(b..b + 2), Some(b"st" | b"nd" | b"rd" | b"th"))
        })
        .map(|(a, _)| a)
        .collect()
}

/// One or two digits, an optional ordinal ending, white space, an optional "of",
/// then a capital that can open a month ("12 March", "the 5th of May").
pub(super) fn days_before_month(s: &[u8]) -> Vec<usize> {
    let skip_space = |mut i: usize| {
        let from = i;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        (i > from).then_some(i)
    };
    digit_runs(s)
        .filter(|&(a, b)| {
            if b - a > 2 {
                return false;
            }
            let mut i = b;
            if s.get(i..i + 2)
                .is_some_and(|e| e.iter().all(u8::is_ascii_lowercase))
            {
                i += 2;
            }
            let Some(mut i) = skip_space(i) else {
                return false;
            };
            if s.get(i..i + 2) == Some(b"of") {
                if let Some(j) = skip_space(i + 2) {
                    i = j;
                }
            }
            s.get(i).is_some_and(|c| b"JFMASOND".contains(c))
        })
        .map(|(a, _)| a)
        .collect()
}

/// Every place one of `words` starts, ascending.
fn starts_of(s: &[u8], words: &[&[u8]]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for w in words {
        let finder = memchr::memmem::Finder::new(w);
        out.extend(finder.find_iter(s));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A weekday's name, capitalised ("Monday").
pub(super) fn weekdays(s: &[u8]) -> Vec<usize> {
    starts_of(
        s,
        &[
            b"Monday",
            b"Tuesday",
            b"Wednesday",
            b"Thursday",
            b"Friday",
            b"Saturday",
            b"Sunday",
        ],
    )
}

/// "week", "month" or "year" ("last week", "earlier this month").
pub(super) fn units(s: &[u8]) -> Vec<usize> {
    starts_of(s, &[b"week", b"month", b"year"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_ahead_walk_whole_chunks() {
        let s = b"said  earlier in the  week, too";
        let at = 22; // "week,"
        assert_eq!(&s[back_from(s, at, 3)..at], b"earlier in the  ");
        assert_eq!(&s[at..ahead_from(s, at, 1)], b"week,");
        assert_eq!(&s[at..ahead_from(s, at, 2)], b"week, too");
    }

    #[test]
    fn years_need_four_digits_from_19_or_20() {
        assert_eq!(years(b"in 2015 and 1815, 20152"), vec![3, 18]);
    }

    #[test]
    fn ordinals_need_an_ending() {
        assert_eq!(ordinals(b"on the 12th, 3 men, 21st"), vec![7, 20]);
    }

    #[test]
    fn days_before_month_read_of_and_endings() {
        assert_eq!(days_before_month(b"the 5th of March"), vec![4]);
        assert_eq!(days_before_month(b"12 May; 12 men"), vec![0]);
    }

    #[test]
    fn weekdays_and_units_are_found_in_order() {
        assert_eq!(weekdays(b"Friday or Monday"), vec![0, 10]);
        assert_eq!(units(b"this year, last week"), vec![5, 16]);
    }
}
