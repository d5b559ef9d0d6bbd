//! Reads PolNeAR brat attribution files (`attributions/*.ann`) into gold attributions.
//!
//! A text-bound line is `T3<TAB>Content 115 290;300 310<TAB>text` (discontinuous spans
//! are `;`-separated); an event line `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`
//! (or `Attribution-no-source:…`) links them. Offsets count Unicode code points, as
//! Python reads the `.txt` file. This module only parses; it does not score.

use std::collections::BTreeMap;

/// A set of character ranges `[start, end)` (one for a continuous span).
pub type Segments = Vec<(usize, usize)>;

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldAttribution {
    /// The content span(s) (Content and Content2 joined).
    pub content: Segments,
    /// The source span(s), empty for `Attribution-no-source`.
    pub source: Segments,
    /// The source text as written.
    pub source_text: String,
    /// The cue text as written (words of several pieces joined by a space).
    pub cue_text: String,
    /// Whether the cue is a verb (or phrase) of speech (see [`super::is_speech_cue`]).
    pub speech: bool,
}

fn parse_segments(s: &str) -> Option<Segments> {
    let mut out = Vec::new();
    for part in s.split(';') {
        let mut it = part.split_whitespace();
        let a = it.next()?.parse().ok()?;
        let b = it.next()?.parse().ok()?;
        out.push((a, b));
    }
    Some(out)
}

/// Parses the text of one `.ann` file. Malformed lines are skipped.
pub fn parse(ann: &str) -> Vec<GoldAttribution> {
    // id -> (label, segments, text)
    let mut spans: BTreeMap<&str, (&str, Segments, &str)> = BTreeMap::new();
    let mut events: Vec<&str> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        let text = cols.next().unwrap_or("");
        if id.starts_with('T') {
            let (label, rest) = body.split_once(' ').unwrap_or((body, ""));
            if let Some(seg) = parse_segments(rest) {
                spans.insert(id, (label, seg, text));
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut g = GoldAttribution::default();
        let mut is_attr = false;
        for arg in ev.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, seg, text)) = spans.get(tid) else {
                continue;
            };
            if role.starts_with("Attribution") {
                is_attr = true;
            } else if role.starts_with("Content") {
                g.content.extend(seg.iter().copied());
            } else if role.starts_with("Cue") {
                if !g.cue_text.is_empty() {
                    g.cue_text.push(' ');
                }
                g.cue_text.push_str(text);
            } else if role.starts_with("Source") {
                g.source.extend(seg.iter().copied());
                if !g.source_text.is_empty() {
                    g.source_text.push(' ');
                }
                g.source_text.push_str(text);
            }
        }
        if is_attr && !g.content.is_empty() {
            g.content.sort_unstable();
            g.speech = super::is_speech_cue(&g.cue_text);
            out.push(g);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_links_source_cue_content() {
        let ann = "T1\tSource 0 3\tHe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;14 16\tyes\n\
                   T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let g = parse(ann);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].content, vec![(9, 12), (14, 16)]);
        assert_eq!(g[0].source, vec![(0, 3)]);
        assert!(g[0].speech);
    }

    #[test]
    fn no_source_attribution_kept() {
        let ann = "T2\tCue 4 8\tshows\nT3\tContent 9 12\tx\nT4\tAttribution 4 8\tshows\n\
                   E1\tAttribution-no-source:T4 Content:T3 Cue:T2\n";
        let g = parse(ann);
        assert_eq!(g.len(), 1);
        assert!(g[0].source.is_empty());
        assert!(!g[0].speech);
    }
}
