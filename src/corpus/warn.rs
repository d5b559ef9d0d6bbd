//! Warnings about articles that are read and kept but look suspicious: the user is
//! told, the article still goes on. Today this is one case: a publication date after
//! the day of the run (a typo such as 2032 for 2023, or a placeholder such as
//! 2999-12-31). The date is kept as written, because a warning is safer than
//! silently dropping or "fixing" data. This module only inspects; it reads no files.

use chrono::NaiveDate;

use super::Article;

/// One warning line per article whose date lies after `today`, naming the file (and
/// line for JSON Lines), in article order.
pub fn warnings(articles: &[Article], today: NaiveDate) -> Vec<String> {
    articles
        .iter()
        .filter_map(|a| {
            let d = a.date?;
            if d <= today {
                return None;
            }
            let at = match a.line {
                Some(l) => format!("{}:{l}", a.source),
                None => a.source.clone(),
            };
            Some(format!(
                "{at}: date {d} is in the future (today is {today}); kept as written"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(date: &str, line: Option<usize>) -> Article {
        Article {
            id: "a".into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            title: None,
            url: None,
            body: "Text.".into(),
            source: "in.jsonl".into(),
            line,
        }
    }

    #[test]
    fn future_date_is_warned_with_line() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let w = warnings(&[article("2999-12-31", Some(3))], today);
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("in.jsonl:3: date 2999-12-31"), "{w:?}");
    }

    #[test]
    fn past_and_today_are_quiet() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let arts = [article("2023-10-26", None), article("2026-01-01", None)];
        assert!(warnings(&arts, today).is_empty());
    }
}
