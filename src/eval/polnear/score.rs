//! The statement scoring rule, shared by the brat (PolNeAR) and JSON gold readers.
//!
//! A predicted statement is right when its content span overlaps a gold content span
//! by at least 30% of each (character counts). Predictions and gold items are paired
//! one to one, greedily by overlap (Dice coefficient, ties by position), so a
//! duplicate prediction counts as a false positive. The speaker of a matched pair is
//! right when the predicted speaker mention overlaps the gold source span, or the
//! resolved actor's name (or an alias) matches the gold source text (word for word,
//! one contained in the other); for a gold item with no source, when nothing was
//! predicted either. This module counts; it reads no files.

use super::brat::Segments;

/// A gold statement, whatever file it came from.
#[derive(Debug, Clone, Default)]
pub struct GoldItem {
    /// Content span(s), character offsets.
    pub content: Segments,
    /// Source span(s), character offsets (may be empty).
    pub source: Segments,
    /// Names the source may be given as (the source text for brat; the listed names
    /// for JSON gold).
    pub names: Vec<String>,
    /// Whether the cue is a verb of speech.
    pub speech: bool,
    /// Optional items are not missed when not found, and not false when found.
    pub optional: bool,
    /// The content text, for error lists.
    pub text: String,
    /// The cue text, for error lists.
    pub cue: String,
}

/// A predicted statement, in character offsets.
#[derive(Debug, Clone, Default)]
pub struct PredItem {
    /// Content span.
    pub content: (usize, usize),
    /// Speaker mention span and text.
    pub speaker_mention: Option<((usize, usize), String)>,
    /// Name and aliases of the resolved speaker.
    pub actor_names: Vec<String>,
    /// The content text, for error lists.
    pub text: String,
}

/// Counts over a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    /// Predicted statements (optional matches left out).
    pub predicted: usize,
    /// Predictions matching a gold content span.
    pub correct: usize,
    /// Gold statements (optional ones left out).
    pub gold: usize,
    /// Gold statements matched.
    pub gold_found: usize,
    /// Gold statements with a speech cue.
    pub gold_speech: usize,
    /// Speech-cue gold matched.
    pub speech_found: usize,
    /// Speech-cue gold matched with the right speaker.
    pub speech_attributed: usize,
    /// Matched pairs with the right speaker.
    pub speaker_right: usize,
}

/// What happened to one document, for `--errors`.
#[derive(Debug, Clone, Default)]
pub struct DocErrors {
    /// Gold items not found (index into the gold list).
    pub missed: Vec<usize>,
    /// Predictions matching nothing (index into the predictions).
    pub false_positives: Vec<usize>,
    /// Matched pairs with the wrong speaker (gold index, prediction index).
    pub wrong_speaker: Vec<(usize, usize)>,
}

fn seg_len(s: &Segments) -> usize {
    s.iter().map(|(a, b)| b.saturating_sub(*a)).sum()
}

fn overlap(s: &Segments, p: (usize, usize)) -> usize {
    s.iter()
        .map(|&(a, b)| b.min(p.1).saturating_sub(a.max(p.0)))
        .sum()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether an actor name matches a gold source text: the same words, or one a word
/// sequence inside the other ("Clinton" / "Hillary Clinton"; "Sen. Tim Kaine" /
/// "Tim Kaine"), skipping a possessive ("Clinton's").
pub fn name_matches(name: &str, source: &str) -> bool {
    let n: Vec<String> = words(name).into_iter().filter(|w| w != "s").collect();
    let s: Vec<String> = words(source).into_iter().filter(|w| w != "s").collect();
    if n.is_empty() || s.is_empty() {
        return false;
    }
    n == s || contains_seq(&n, &s) || (contains_seq(&s, &n) && s.len() <= n.len() + 3)
}

fn speaker_right(g: &GoldItem, p: &PredItem) -> bool {
    if g.source.is_empty() && g.names.is_empty() {
        return p.speaker_mention.is_none() && p.actor_names.is_empty();
    }
    if let Some((span, text)) = &p.speaker_mention {
        if overlap(&g.source, *span) > 0 {
            return true;
        }
        if g.source.is_empty() && g.names.iter().any(|n| name_matches(text, n)) {
            return true;
        }
    }
    p.actor_names
        .iter()
        .any(|a| g.names.iter().any(|n| name_matches(a, n)))
}

/// Scores one document; adds to `counts` and returns its errors.
pub fn score_doc(gold: &[GoldItem], pred: &[PredItem], counts: &mut Counts) -> DocErrors {
    let mut pairs: Vec<(u64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gl = seg_len(&g.content);
        for (pi, p) in pred.iter().enumerate() {
            let pl = p.content.1.saturating_sub(p.content.0);
            let ov = overlap(&g.content, p.content);
            if gl == 0 || pl == 0 || ov * 10 < gl * 3 || ov * 10 < pl * 3 {
                continue;
            }
            let dice = (2 * ov * 1_000_000 / (gl + pl)) as u64;
            pairs.push((dice, gi, pi));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_match: Vec<Option<usize>> = vec![None; gold.len()];
    let mut p_match: Vec<Option<usize>> = vec![None; pred.len()];
    for (_, gi, pi) in pairs {
        if g_match[gi].is_none() && p_match[pi].is_none() {
            g_match[gi] = Some(pi);
            p_match[pi] = Some(gi);
        }
    }
    let mut errors = DocErrors::default();
    for (pi, m) in p_match.iter().enumerate() {
        match m {
            Some(gi) if gold[*gi].optional => {}
            Some(_) => {
                counts.predicted += 1;
                counts.correct += 1;
            }
            None => {
                counts.predicted += 1;
                errors.false_positives.push(pi);
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if g.optional {
            continue;
        }
        counts.gold += 1;
        if g.speech {
            counts.gold_speech += 1;
        }
        let Some(pi) = g_match[gi] else {
            errors.missed.push(gi);
            continue;
        };
        counts.gold_found += 1;
        let right = speaker_right(g, &pred[pi]);
        if right {
            counts.speaker_right += 1;
        } else {
            errors.wrong_speaker.push((gi, pi));
        }
        if g.speech {
            counts.speech_found += 1;
            if right {
                counts.speech_attributed += 1;
            }
        }
    }
    errors
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The figures the evaluation reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Correct predictions over all predictions (matched against every gold item).
    pub precision: f64,
    /// Gold found over all gold.
    pub recall: f64,
    /// Speech-cue gold found over speech-cue gold.
    pub speech_recall: f64,
    /// Harmonic mean of precision and speech recall.
    pub f1_speech: f64,
    /// Matched pairs with the right speaker over matched pairs.
    pub speaker_accuracy: f64,
    /// Speech-cue gold found with the right speaker over speech-cue gold.
    pub attributed_speech_recall: f64,
}

impl Counts {
    /// The figures from the counts.
    pub fn figures(&self) -> Figures {
        let precision = ratio(self.correct, self.predicted);
        let speech_recall = ratio(self.speech_found, self.gold_speech);
        let f1_speech = if precision + speech_recall > 0.0 {
            2.0 * precision * speech_recall / (precision + speech_recall)
        } else {
            0.0
        };
        Figures {
            precision,
            recall: ratio(self.gold_found, self.gold),
            speech_recall,
            f1_speech,
            speaker_accuracy: ratio(self.speaker_right, self.gold_found),
            attributed_speech_recall: ratio(self.speech_attributed, self.gold_speech),
        }
    }

    /// Adds another document set's counts.
    pub fn add(&mut self, o: &Counts) {
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.gold_speech += o.gold_speech;
        self.speech_found += o.speech_found;
        self.speech_attributed += o.speech_attributed;
        self.speaker_right += o.speaker_right;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(a: usize, b: usize, src: (usize, usize)) -> GoldItem {
        GoldItem {
            content: vec![(a, b)],
            source: vec![src],
            names: vec!["Hillary Clinton".into()],
            speech: true,
            ..Default::default()
        }
    }

    fn pred(a: usize, b: usize, sm: (usize, usize)) -> PredItem {
        PredItem {
            content: (a, b),
            speaker_mention: Some((sm, "x".into())),
            ..Default::default()
        }
    }

    #[test]
    fn thirty_percent_of_each_matches() {
        let mut c = Counts::default();
        score_doc(
            &[gold(0, 100, (200, 205))],
            &[pred(70, 110, (200, 202))],
            &mut c,
        );
        assert_eq!((c.correct, c.speech_found, c.speaker_right), (1, 1, 1));
    }

    #[test]
    fn small_share_of_long_prediction_fails() {
        let mut c = Counts::default();
        score_doc(
            &[gold(0, 10, (200, 205))],
            &[pred(0, 100, (200, 202))],
            &mut c,
        );
        assert_eq!(c.correct, 0);
        assert_eq!(c.predicted, 1);
    }

    #[test]
    fn duplicate_prediction_is_false_positive() {
        let mut c = Counts::default();
        let p = pred(0, 100, (300, 302));
        score_doc(&[gold(0, 100, (200, 205))], &[p.clone(), p], &mut c);
        assert_eq!((c.predicted, c.correct, c.speaker_right), (2, 1, 0));
    }

    #[test]
    fn actor_name_matches_surname() {
        assert!(name_matches("Hillary Clinton", "Clinton"));
        assert!(name_matches("Tim Kaine", "Sen. Tim Kaine"));
        assert!(!name_matches("Tim Kaine", "Clinton"));
    }
}
