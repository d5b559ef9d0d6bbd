//! Pass `mentions`: finds actor mentions.
//!
//! Reads: `doc.tokens`, `doc.sentences`, the lexicons. Writes: `doc.mentions` (in text
//! order, never overlapping).
//! Two steps per sentence: [`chunks`] cuts tokens into lexicon names, titles,
//! institutions, capitalised runs and pronouns; [`combine`] reads patterns of chunks
//! as mentions with roles: titled names ("Iran's Foreign Minister Hossein
//! Amirabdollahian", "Senior Hamas member Abu Marzouk"), appositions ("Mousa Abu
//! Marzook, the founder … of Hamas"), institutions ("the Russian foreign ministry"),
//! collectives ("a Hamas delegation", "Russian officials"), title-only mentions ("the
//! deputy minister") and pronouns. Deciding which mentions are the same actor is the
//! next pass (`coref`).

pub mod chunks;
pub mod combine;
mod fields;
pub mod groups;
mod headlines;
mod junk;
mod kinds;
mod lone;
mod meeting_pairs;
mod pairs;
mod probes;
mod runs;
mod titled;

use super::lexicon::lexicon;
use super::Doc;

/// Pass entry point: fills `doc.mentions`.
pub fn find(doc: &mut Doc) {
    let lex = lexicon();
    let mut out = Vec::new();
    // A title stands over a body: a text of one paragraph has none.
    let has_body = doc.sentences.last().is_some_and(|s| s.paragraph > 0);
    let headlines: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| headlines::is_title_case(doc, s.tokens.clone(), s.paragraph == 0 && has_body))
        .collect();
    let mid_caps = headlines::mid_sentence_capitals(doc, &headlines);
    let words = probes::Words::new(doc, lex);
    for (s, &headline) in doc.sentences.iter().zip(&headlines) {
        let chunks = chunks::chunk(doc, &words, lex, s.tokens.clone(), headline, &mid_caps);
        combine::combine(doc, lex, &chunks, &mut out);
    }
    // "the Trump-Putin summit": one mention on each side of a pair before a meeting
    // noun, where `pairs` (names the text also writes alone) left none.
    meeting_pairs::split(doc, lex, &mut out);
    // "Harry Reid (D-Nev.)", "Sen. Ted Cruz, R-Texas,": a party and state tag names no
    // actor.
    let body = doc.body();
    let party_tag: Vec<bool> = out
        .iter()
        .map(|m| {
            m.kind == super::MentionKind::Name
                && body[..m.span.start].trim_end().ends_with(['(', ','])
                && is_party_tag(doc.text(m.span))
        })
        .collect();
    // Sort into text order; roles point at mentions by index, so remap them.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].span.start, std::cmp::Reverse(out[i].span.end)));
    let mut new_index = vec![None; out.len()];
    let mut kept: Vec<super::Mention> = Vec::with_capacity(out.len());
    for &i in &order {
        // Never overlapping: the longer of two overlapping mentions wins.
        if party_tag[i] || kept.last().is_some_and(|k| k.span.overlaps(out[i].span)) {
            continue;
        }
        new_index[i] = Some(kept.len());
        kept.push(out[i].clone());
    }
    for m in &mut kept {
        for r in &mut m.roles {
            r.of = r.of.and_then(|o| new_index.get(o).copied().flatten());
        }
    }
    doc.mentions = kept;
}

/// "D-Nev", "R-Fla", "I-Vt", "R-Texas", "D-N" (of "D-N.Y."): a party letter, a hyphen
/// and a state's abbreviation or name.
fn is_party_tag(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    let Some((party, state)) = t.split_once('-') else {
        return false;
    };
    matches!(party, "D" | "R" | "I")
        && (1..=14).contains(&state.chars().count())
        && state.chars().next().is_some_and(char::is_uppercase)
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// How far (in tokens, each way) a check that looks for a word "elsewhere in the text"
/// searches: the whole of any real article, bounded so that a pathological input (the
/// 50 MB article of `tests/nasty.rs`) stays linear.
const ELSEWHERE: usize = 10_000;

/// The tokens a check for a word "elsewhere in the text" looks at around token `i`.
fn elsewhere(doc: &Doc, i: usize) -> std::ops::Range<usize> {
    i.saturating_sub(ELSEWHERE)..doc.tokens.len().min(i + ELSEWHERE)
}

#[cfg(test)]
mod name_tests;
#[cfg(test)]
pub(super) mod tests;
