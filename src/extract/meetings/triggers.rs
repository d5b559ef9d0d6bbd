//! Meeting triggers: the words and phrases that can report a meeting ("met", "held
//! talks", "phone call", "visited", "hosted", "was received by"), read from
//! `nlp/lexicons/meeting_verbs.tsv`, and where they occur in a document.
//!
//! Each trigger carries a frame that says where its participants are (see [`Frame`])
//! and a default mode. This module only finds candidates; whether one reports a real
//! meeting is decided by `filters` and `participants`.

use crate::nlp::fxhash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::extract::MeetingMode;

const MEETING_VERBS: &str = include_str!("../../nlp/lexicons/meeting_verbs.tsv");

/// Where a trigger's participants are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "A met (with) B", "A and B met", "A discussed X with B".
    Sym,
    /// "A hosted/received/welcomed B": A is the host.
    Host,
    /// "A was received by B": B is the host.
    Guest,
    /// "A visited B" (a place or a host).
    Visit,
    /// "A travelled to X for talks (with B)": needs a purpose phrase.
    Travel,
    /// "talks/meeting/phone call with B": the clause subject and the complement.
    Noun,
    /// "A telephoned B": B must be an actor right after the verb.
    Call,
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Lower-case words of the phrase.
    pub words: Vec<String>,
    /// Where the participants are.
    pub frame: Frame,
    /// The mode the trigger implies.
    pub mode: MeetingMode,
}

/// A trigger found in the text: token range and entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`entries`].
    pub entry: usize,
}

fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "sym" => Frame::Sym,
        "host" => Frame::Host,
        "guest" => Frame::Guest,
        "visit" => Frame::Visit,
        "travel" => Frame::Travel,
        "noun" => Frame::Noun,
        "call" => Frame::Call,
        _ => return None,
    })
}

fn parse_mode(s: &str) -> MeetingMode {
    match s {
        "in_person" => MeetingMode::InPerson,
        "phone" => MeetingMode::Phone,
        "video" => MeetingMode::Video,
        "visit" => MeetingMode::Visit,
        _ => MeetingMode::Unknown,
    }
}

/// The trigger lexicon, loaded once.
pub fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| {
        MEETING_VERBS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
                Some(Entry {
                    words: cols.first()?.split(' ').map(str::to_string).collect(),
                    frame: parse_frame(cols.get(1)?)?,
                    mode: parse_mode(cols.get(2).copied().unwrap_or("unknown")),
                })
            })
            .collect()
    })
}

fn by_first_word() -> &'static HashMap<String, Vec<usize>> {
    static M: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in entries().iter().enumerate() {
            if let Some(w) = e.words.first() {
                m.entry(w.clone()).or_default().push(i);
            }
        }
        m
    })
}

/// "spoken candidly and frankly with", "spoke at length to", "spoke on Tuesday with":
/// a phrase that ends in its preposition still matches with adverbs or a weekday
/// between the verb and the preposition. Returns one past the preposition.
fn adverb_gap_end(words: &[super::Word], i: usize, w: &[String], end: usize) -> Option<usize> {
    let (prep, head) = w.split_last()?;
    if head.is_empty() || !matches!(prep.as_str(), "with" | "to") {
        return None;
    }
    let k0 = i + head.len();
    if k0 >= end || !words[i..k0].iter().zip(head).all(|(a, b)| a == b) {
        return None;
    }
    let adverb = |x: &str| x.len() >= 4 && x.ends_with("ly") && x.chars().all(char::is_alphabetic);
    let mut k = k0;
    let mut seen = false;
    while k < end && k < k0 + 5 {
        let x = words[k].as_str();
        if x == prep.as_str() {
            return seen.then_some(k + 1);
        }
        let weekday = matches!(
            x,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        );
        let day = weekday
            || (matches!(x, "on" | "late" | "early")
                && words.get(k + 1).is_some_and(|y| {
                    matches!(
                        y.as_str(),
                        "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
                }));
        if adverb(x) || day || (x == "at" && words.get(k + 1).is_some_and(|y| y == "length")) {
            seen = true;
        } else if !(x == "and" && seen) && x != "length" {
            return None;
        }
        k += 1;
    }
    None
}

/// Every trigger in the lower-cased token texts `words[range]`, longest phrase first
/// at each position, non-overlapping, in text order.
pub fn find(words: &[super::Word], range: std::ops::Range<usize>) -> Vec<Trigger> {
    let map = by_first_word();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let mut best: Option<Trigger> = None;
        if let Some(cands) = map.get(words[i].as_str()) {
            for &c in cands {
                let w = &entries()[c].words;
                let end = i + w.len();
                let end = if end <= range.end && words[i..end].iter().zip(w).all(|(a, b)| a == b) {
                    Some(end)
                } else {
                    adverb_gap_end(words, i, w, range.end)
                };
                if let Some(end) = end.filter(|&e| best.is_none_or(|b| b.end < e)) {
                    best = Some(Trigger {
                        start: i,
                        end,
                        entry: c,
                    });
                }
            }
        }
        match best {
            Some(t) => {
                out.push(t);
                i = t.end;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<super::super::Word<'_>> {
        s.split(' ')
            .map(|w| super::super::Word(std::borrow::Cow::Borrowed(w)))
            .collect()
    }

    #[test]
    fn lexicon_is_sorted_and_unique() {
        let keys: Vec<String> = entries().iter().map(|e| e.words.join(" ")).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn longest_phrase_wins() {
        let w = words("he spoke by phone with her");
        let t = find(&w, 0..w.len());
        assert_eq!(t.len(), 1);
        assert_eq!(entries()[t[0].entry].words.join(" "), "spoke by phone");
    }

    #[test]
    fn spoken_candidly_and_frankly_with() {
        let w = words("he had spoken candidly and frankly with the president");
        let t = find(&w, 0..w.len());
        assert_eq!(t.len(), 1);
        assert_eq!(entries()[t[0].entry].words.join(" "), "spoken with");
        assert_eq!((t[0].start, t[0].end), (2, 7));
    }

    #[test]
    fn spoke_at_length_to() {
        let w = words("she spoke at length to him");
        let t = find(&w, 0..w.len());
        assert_eq!(entries()[t[0].entry].words.join(" "), "spoke to");
    }

    #[test]
    fn spoke_and_with_need_an_adverb() {
        let w = words("he spoke and with her");
        let t = find(&w, 0..w.len());
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn passive_reception() {
        let w = words("he was received by the king");
        let t = find(&w, 0..w.len());
        assert_eq!(entries()[t[0].entry].frame, Frame::Guest);
    }
}
