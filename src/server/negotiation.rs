//! Content negotiation: the `Accept` header (with `q` values) against the media types
//! we can produce, and `Content-Type` parsing.
//!
//! In: header values and a list of offers in our order of preference; out: the chosen
//! offer or `None` (the caller answers 406). It does not serialize anything.

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

/// Most media ranges read from one `Accept` header; the rest is ignored. The request
/// head limit (16 KiB) already bounds the header, so this only caps the work of one
/// negotiation (ranges times offers) at a few tens of thousands of comparisons.
const MAX_RANGES: usize = 4096;

fn parse_accept(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .take(MAX_RANGES)
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            let mut q = 1.0_f32;
            for param in pieces {
                if let Some((name, value)) = param.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = value.trim().parse::<f32>().ok()?.clamp(0.0, 1.0);
                    }
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                q,
            })
        })
        .collect()
}

/// The `q` the header gives `media` (e.g. `text/turtle`), using the most specific
/// matching range; `None` if no range matches.
fn quality(ranges: &[Range], media: &str) -> Option<f32> {
    let (kind, subtype) = media.split_once('/')?;
    let mut best: Option<(u8, f32)> = None;
    for range in ranges {
        let specificity = if range.kind == kind && range.subtype == subtype {
            3
        } else if range.kind == kind && range.subtype == "*" {
            2
        } else if range.kind == "*" && range.subtype == "*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, range.q));
        }
    }
    best.map(|(_, q)| q)
}

/// Chooses among `offers` (media types, our preferred first). Without an `Accept`
/// header (or an empty one) the first offer wins; otherwise the offer with the highest
/// `q` above 0, ties going to our order. `None`: nothing acceptable (406).
pub fn choose<'a, T>(accept: Option<&str>, offers: &'a [(&'a str, T)]) -> Option<&'a T> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offers.first().map(|(_, t)| t);
    };
    let ranges = parse_accept(accept);
    if ranges.is_empty() {
        // An unparsable header is treated as absent rather than as "nothing".
        return offers.first().map(|(_, t)| t);
    }
    let mut best: Option<(f32, &T)> = None;
    for (media, value) in offers {
        if let Some(q) = quality(&ranges, media) {
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, value));
            }
        }
    }
    best.map(|(_, v)| v)
}

/// A parsed `Content-Type`: the media type in lower case and its `charset`, if any.
#[derive(Debug, PartialEq, Eq)]
pub struct ContentType {
    /// e.g. `application/sparql-query`.
    pub media: String,
    /// e.g. `utf-8`, lower case.
    pub charset: Option<String>,
}

/// Parses a `Content-Type` value.
pub fn content_type(value: &str) -> ContentType {
    let mut pieces = value.split(';');
    let media = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = pieces.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
    });
    ContentType { media, charset }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: [(&str, u8); 3] = [
        ("application/sparql-results+json", 1),
        ("application/sparql-results+xml", 2),
        ("text/csv", 3),
    ];

    #[test]
    fn no_accept_gives_first_offer() {
        assert_eq!(choose(None, &OFFERS), Some(&1));
    }

    #[test]
    fn higher_q_wins() {
        let accept = "application/sparql-results+json;q=0.5, text/csv";
        assert_eq!(choose(Some(accept), &OFFERS), Some(&3));
    }

    #[test]
    fn wildcard_with_lower_q_loses_to_exact() {
        let accept = "*/*;q=0.1, application/sparql-results+xml";
        assert_eq!(choose(Some(accept), &OFFERS), Some(&2));
    }

    #[test]
    fn q_zero_excludes() {
        let accept = "application/sparql-results+json;q=0, */*";
        assert_eq!(choose(Some(accept), &OFFERS), Some(&2));
    }

    #[test]
    fn nothing_acceptable_is_none() {
        assert_eq!(choose(Some("image/png"), &OFFERS), None);
    }

    #[test]
    fn type_wildcard_matches() {
        assert_eq!(choose(Some("text/*"), &OFFERS), Some(&3));
    }

    #[test]
    fn content_type_with_charset() {
        let ct = content_type("Application/SPARQL-Query; charset=UTF-16");
        assert_eq!(ct.media, "application/sparql-query");
        assert_eq!(ct.charset.as_deref(), Some("utf-16"));
    }
}
