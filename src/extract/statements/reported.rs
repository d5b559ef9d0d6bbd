//! Cue-anchored patterns inside one sentence.
//!
//! For every reporting verb (see [`super::cues`]) outside quotations, and every
//! "according to":
//! - pre-posed: "SPEAKER CUE (hearer) (that) CONTENT" ("Kirby told reporters that…",
//!   "She said: “…”"): the content runs from the cue to the sentence end;
//! - post-posed: "CONTENT, SPEAKER CUE (adjunct)." and "CONTENT, CUE SPEAKER." (also
//!   after a closing quotation mark): the content is what comes before;
//! - parenthetical: "CONTENT, SPEAKER CUE, CONTENT.": the whole sentence;
//! - participle: "…, adding that CONTENT": the speaker of the sentence's subject;
//! - "according to SPEAKER, CONTENT" and "CONTENT, according to SPEAKER".
//!
//! Non-speech uses are skipped: "the said", "all told", passives ("was told"),
//! infinitives ("declined to say"), nouns ("the report", "United States").

use super::according::according;
use super::asked;
use super::clause::{
    adjunct_then_comma, content_end, finite_cue_within, is_boundary, is_closing_quote,
    only_adjunct, push, short_tail, words_in, ADJUNCT,
};
use super::usage::speech_use;
use super::{cues, inverted, quoted, speaker, subject, Ctx, Found, Who};
use crate::nlp::Span;

/// Finds the statements of sentence `si`.
pub fn find_in_sentence(ctx: &Ctx, si: usize, out: &mut Vec<Found>) {
    let s = &ctx.doc.sentences[si];
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let mut taken_until = lo; // tokens before this are already content or cue
    let mut sentence_speaker: Option<Who> = None;
    let mut i = lo;
    while i < hi {
        if i < taken_until || ctx.in_quote(i) || !ctx.is_word(i) {
            i += 1;
            continue;
        }
        let w = ctx.low(i);
        if w == "according" && ctx.low(i + 1) == "to" && i + 2 < hi {
            if let Some(end) = according(ctx, lo, hi, i, out) {
                taken_until = end;
            }
            i += 2;
            continue;
        }
        if w == "asked" {
            if let Some(end) = asked::question(ctx, lo, hi, i, out) {
                taken_until = end;
                i += 1;
                continue;
            }
        }
        let Some(cue) = cues::lookup(w) else {
            i += 1;
            continue;
        };
        if !speech_use(ctx, lo, hi, i, cue) {
            i += 1;
            continue;
        }
        let before = out.len();
        let end = if cue.gerund {
            participle(ctx, lo, hi, i, &sentence_speaker, out)
        } else {
            finite(ctx, lo, hi, i, cue, &sentence_speaker, out)
        };
        if out.len() > before {
            if let Some(f) = out.last() {
                if let Who::Phrase(..) = f.who {
                    sentence_speaker = Some(f.who.clone());
                }
            }
        }
        if let Some(e) = end {
            taken_until = e;
        }
        i += 1;
    }
}

/// "…, adding that CONTENT": the subject is the sentence's earlier speaker, or its
/// first phrase.
fn participle(
    ctx: &Ctx,
    lo: usize,
    hi: usize,
    i: usize,
    sentence_speaker: &Option<Who>,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let who = match sentence_speaker {
        Some(w) => w.clone(),
        // A sentence that opens with a quotation: its speaker is the last one.
        None if ctx.is_quote(lo) => Who::Previous,
        None => {
            // The subject of the finite verb before ("Trump pointed to China, remarking
            // …"), else the sentence's first phrase.
            let a = speaker::clause_subject_start(ctx, lo, i);
            let (x, y) = subject::coordinated_subject(ctx, lo, i)
                .or_else(|| speaker::right_np(ctx, a, i))?;
            Who::Phrase(x, y)
        }
    };
    let mut a = i + 1;
    if ctx.low(a) == "that" {
        a += 1;
    }
    push(ctx, out, ctx.span(i), who, a, hi, 0.6);
    Some(hi)
}

/// The comma before a participle cue that follows a post-posed cue, after an
/// optional adjunct ("“…,” she said, adding that …", "he said on Sunday, noting …").
fn participle_next(ctx: &Ctx, c: usize, hi: usize) -> Option<usize> {
    // "“…,” Rubio responded before adding that …".
    if matches!(ctx.low(c), "before" | "after" | "while" | "then")
        && cues::lookup(ctx.low(c + 1)).is_some_and(|cue| cue.gerund)
    {
        return Some(c);
    }
    let t = adjunct_then_comma(ctx, c, hi)?;
    cues::lookup(ctx.low(t + 1))
        .is_some_and(|cue| cue.gerund)
        .then_some(t)
}

/// Auxiliaries and modals: a phrase after the cue that holds one is the content's
/// clause, never the speaker of an inverted report.
const AUXILIARIES: &[&str] = &[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

/// Finite reporting verbs: pre-posed, post-posed, inverted and parenthetical uses.
fn finite(
    ctx: &Ctx,
    lo: usize,
    hi: usize,
    i: usize,
    cue: cues::Cue,
    sentence_speaker: &Option<Who>,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let cue_span = ctx.span(i);
    let subj_end = speaker::subject_end(ctx, lo, i);
    // "X said A and said B" / "X, who said …": the subject is elsewhere.
    if subj_end > lo && matches!(ctx.low(subj_end - 1), "and" | "but") {
        if let Some(who) = sentence_speaker.clone() {
            return preposed(ctx, hi, i + 1, cue_span, who, out);
        }
        // "Graham called both “crazy” and said …": no cue before, so the subject is
        // that of the verb before.
        if let Some((x, y)) = subject::coordinated_subject(ctx, lo, subj_end - 1) {
            return preposed(ctx, hi, i + 1, cue_span, Who::Phrase(x, y), out);
        }
    }
    if subj_end > lo + 1 && ctx.low(subj_end - 1) == "who" && ctx.text(subj_end - 2) == "," {
        let who = Who::Phrase(subj_end - 1, subj_end);
        return preposed(ctx, hi, i + 1, cue_span, who, out);
    }
    let mut left = speaker::left_np(ctx, lo, subj_end);
    if subj_end > lo && is_boundary(ctx, subj_end - 1) {
        let k = subj_end - 1;
        // Appositive subject: "Rep. Jason Chaffetz, R-Utah, said …", "Sanders, who
        // endorsed Clinton, said …": a comma before the cue and one before that.
        let appositive = if ctx.text(k) == "," {
            (lo.max(k.saturating_sub(16))..k)
                .rev()
                .find(|&x| is_boundary(ctx, x))
                .filter(|&k0| ctx.text(k0) == "," && k0 > lo && k - k0 > 1)
                .and_then(|k0| speaker::left_np(ctx, lo, k0).map(|(a1, _)| (a1, k)))
        } else {
            None
        };
        // Inverted: "“…,” said the spokesman." / "…, says Smith, adding …": the phrase
        // after the cue closes the clause.
        // ("…, told AFP": after a verb with a hearer the phrase is the hearer.)
        // A phrase with an auxiliary or modal in it is a clause ("…, said the bloc would
        // triple aid"), not a speaker.
        let inverted = (!cue.object)
            .then(|| speaker::right_np(ctx, i + 1, hi))
            .flatten()
            .filter(|&(a, b)| !(a..b).any(|x| AUXILIARIES.contains(&ctx.low(x))));
        if let Some((a, b)) = inverted {
            let ends = b >= content_end(ctx, b, hi);
            let short = b - a <= 6 && (ctx.text(b) == "," || only_adjunct(ctx, b, hi));
            // "“…,” said Sen. X (D-Conn.), who …": after a quotation that opens the
            // sentence the phrase after the cue is the speaker, whatever follows it.
            let quoted = quoted::opens_and_closes_before(ctx, lo, k);
            // "…, said Larry Sabato, director of the Center for Politics." / "…, said
            // DeSantis, who was elected in 2012.": a speaker described after it.
            let described = ctx.text(k) == ","
                && words_in(ctx, lo, k) >= 3
                && inverted::described_speaker(ctx, a, b, hi);
            if ends || short && appositive.is_none() || quoted || described {
                let who = Who::Phrase(a, b);
                // "“A,” said X, “B.”": the quotation goes on after the speaker.
                if quoted && quoted::goes_on_after(ctx, b, hi) {
                    quoted::push_whole(ctx, out, cue_span, who, lo, hi);
                    return Some(hi);
                }
                let head = if ctx.text(k) == "," { k } else { k + 1 };
                if quoted {
                    quoted::push_short(ctx, out, cue_span, who, lo, head);
                } else {
                    push(ctx, out, cue_span, who, lo, head, 0.8);
                }
                return Some(b);
            }
        }
        if appositive.is_some() {
            left = appositive;
        }
    }
    let left_boundary = match left {
        Some((a, _)) if a > lo => Some(a - 1).filter(|&k| is_boundary(ctx, k)),
        _ => None,
    };
    let (sa, sb) = left?;
    let who = Who::Phrase(sa, sb);
    // What follows the cue: skip a hearer ("told reporters", "told The Post").
    let mut c = i + 1;
    // Only a pure hearer is left out; "urged X to …", "accused X of …" keep their object.
    if cue.object && matches!(cue.lemma, "tell" | "inform" | "remind" | "assure") {
        let mut k = c;
        while k < hi && k - c < 6 && ctx.is_word(k) && !matches!(ctx.low(k), "that") {
            k += 1;
            if !ctx.is_cap(k - 1) && !matches!(ctx.low(k - 1), "the" | "a" | "an" | "his" | "her") {
                break;
            }
        }
        c = k;
    }
    // Post-posed or parenthetical: a boundary before the speaker.
    if let Some(k) = left_boundary {
        let head = if ctx.text(k) == "," { k } else { k + 1 };
        if only_adjunct(ctx, c, hi) || cue.object && short_tail(ctx, i + 1, hi) {
            if quoted::opens_and_closes_before(ctx, lo, k) {
                quoted::push_short(ctx, out, cue_span, who, lo, head);
            } else {
                push(ctx, out, cue_span, who, lo, head, 0.8);
            }
            return Some(hi);
        }
        // "“…,” X told Fox News after …": a quotation before the speaker is the
        // content unless a clause of its own follows the cue.
        let quote_before = quoted::opens_and_closes_before(ctx, lo, k);
        let own_clause = matches!(ctx.low(c), "that" | ":")
            || ctx.is_quote(c) && !ctx.in_quote(c) && ctx.text(c) != "\""
            || speaker::PRONOUNS.contains(&ctx.low(c));
        if quote_before && !own_clause {
            // "“A,” she said, “B.”": the quotation goes on after the cue.
            if quoted::goes_on_after(ctx, c, hi) {
                quoted::push_whole(ctx, out, cue_span, who, lo, hi);
                return Some(hi);
            }
            quoted::push_short(ctx, out, cue_span, who, lo, head);
            return Some(participle_next(ctx, c, hi).unwrap_or(hi));
        }
        if words_in(ctx, lo, head) >= 3 {
            if let Some(t) = adjunct_then_comma(ctx, c, hi) {
                let n = t + 1;
                let w = ctx.low(n);
                let clause_after = ctx.is_quote(n)
                    || !(matches!(
                        w,
                        "and"
                            | "but"
                            | "while"
                            | "as"
                            | "who"
                            | "which"
                            | "according"
                            | "though"
                            | "although"
                            | "because"
                            | "before"
                            | "after"
                            | "when"
                            | "where"
                    ) || w.ends_with("ing"));
                if clause_after {
                    push(ctx, out, cue_span, who, lo, hi, 0.65);
                } else {
                    push(ctx, out, cue_span, who, lo, head, 0.75);
                    // "…, X said, adding that …": the participle is a statement too.
                    if ctx.text(t) == "," && cues::lookup(w).is_some_and(|c| c.gerund) {
                        return Some(t);
                    }
                }
                return Some(hi);
            }
        }
    }
    // The clause ends before ", adding …", ", according to …", ";", or ", and he …".
    let mut end = hi;
    for k in c..hi {
        let t = ctx.text(k);
        let n = ctx.low(k + 1);
        let new_clause = matches!(t, "," | "—" | "–" | "--")
            && (n == "but"
                || matches!(n, "and" | "while" | "although" | "though" | "whereas")
                    && (speaker::PRONOUNS.contains(&ctx.low(k + 2))
                        || ctx.low(k + 2) == "the"
                        || ctx.is_cap(k + 2)
                        || finite_cue_within(ctx, k + 2, hi, 8)))
            // "X said A and said B": the second cue starts a statement of its own.
            || matches!(ctx.low(k), "and" | "but")
                && cues::lookup(n).is_some_and(|c| !c.gerund && !c.base);
        // "said of the episode, ''I don't like it,'' adding that …": a participle cue
        // after a closing quotation mark starts a statement of its own.
        if is_closing_quote(ctx, k) && cues::lookup(n).is_some_and(|c| c.gerund) {
            end = k + 1;
            break;
        }
        // "While X has said that A, Y said B": a comma, a short subject, a new cue.
        let next_report = t == ","
            && !ctx.is_quote(k + 1)
            && (k + 2..hi.min(k + 8))
                .take_while(|&x| ctx.is_word(x))
                .any(|x| cues::lookup(ctx.low(x)).is_some_and(|c| c.past || c.s_form()));
        if t == ";"
            || new_clause
            || next_report
            || t == "," && (n == "according" || cues::lookup(n).is_some_and(|c| c.gerund))
        {
            end = k;
            break;
        }
    }
    let hi = end;
    // Pre-posed: "that" (or ":" or a quote) soon after, else the rest of the sentence.
    let mut start = c;
    // "X says it is hard to blame anyone for that": a clause that opens with its own
    // subject has begun; a later "that" is inside it, not the cue's complementizer.
    let subject_first = opens_clause(ctx, c);
    for k in (c..hi.min(c + 12)).filter(|_| !subject_first) {
        if ctx.low(k) == "that" && k + 1 < content_end(ctx, k, hi) || ctx.text(k) == ":" {
            start = k + 1;
            break;
        }
        if ctx.is_quote(k) && !ctx.in_quote(k) {
            start = k;
            break;
        }
    }
    // "X said in Ohio on Tuesday he would run": skip the adjunct to the clause; an
    // adjunct with no clause after it means the content is elsewhere.
    if start == c && !subject_first && ADJUNCT.contains(&ctx.low(start)) {
        let clause = (start + 1..hi.min(start + 10)).find(|&k| {
            matches!(
                ctx.low(k),
                "he" | "she" | "they" | "it" | "we" | "i" | "there"
            )
        });
        start = match clause {
            Some(k) => k,
            None => hi,
        };
    }
    if start >= content_end(ctx, start, hi) {
        // "X said:" closing the sentence or paragraph: the next quotation, if any.
        let sentence_start = ctx.span(lo).start;
        return quoted::next_quote(ctx, hi, cue_span, who.clone(), out)
            .or_else(|| quoted::previous_quote(ctx, sentence_start, cue_span, who, out));
    }
    push(ctx, out, cue_span, who, start, hi, 0.7);
    Some(hi)
}

/// Whether a clause opens at token `c` with its own subject: a personal pronoun ("it
/// is hard"), or "there"/"this"/"here" before an auxiliary ("there is", "this was").
fn opens_clause(ctx: &Ctx, c: usize) -> bool {
    let w = ctx.low(c);
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
        || matches!(w, "there" | "this" | "here") && AUXILIARIES.contains(&ctx.low(c + 1))
}

/// A pre-posed content from token `c`: after "that" if it comes soon, to the end.
fn preposed(
    ctx: &Ctx,
    hi: usize,
    c: usize,
    cue: Span,
    who: Who,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let mut start = c;
    if let Some(k) = (c..hi.min(c + 4)).find(|&k| ctx.low(k) == "that" || ctx.text(k) == ":") {
        start = k + 1;
    }
    let mut end = hi;
    if let Some(k) =
        (start..hi).find(|&k| ctx.text(k) == ";" || ctx.text(k) == "," && ctx.low(k + 1) == "but")
    {
        end = k;
    }
    push(ctx, out, cue, who, start, end, 0.65);
    Some(end)
}
