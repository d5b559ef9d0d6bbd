//! Pass `coref`: groups mentions into entities (the actors of the document).
//!
//! Reads: `doc.mentions`, `doc.quotes`, `doc.sentences`. Writes: `doc.entities` and
//! each mention's `entity`.
//! Rules, in order:
//! 1. Mentions with a lexicon key are one entity per key ("Turkey" = "Türkiye").
//! 2. Names: a name whose words are the last words of an earlier or later fuller name
//!    of a person is that person ("Marzook", "Abu Marzook" → "Mousa Abu Marzook");
//!    the same holds for spellings that differ only in case, accents, hyphens or an
//!    Arabic article ("Sisi", "al-Sisi" → "Abdel Fattah el-Sisi"); a one-word name
//!    that is no fuller name's last word but the first word of exactly one person's
//!    name is that person ("Xi" → "Xi Jinping", "Kim" → "Kim Jong Un": surname first).
//! 3. Title-only mentions ("the deputy minister") join the nearest earlier person who
//!    holds a matching title, in a compatible country or organisation.
//! 4. Pronouns (he, she, him, his, her) join the nearest earlier person mentioned
//!    outside quotations (a quotation's "he" is the speaker's, not the narrator's);
//!    they/them/their the nearest organisation, group or country.
//!
//! This pass does not look across documents (that is `resolve`).

use std::collections::HashMap;

use super::{ActorKind, Doc, Entity, EntityRole, MentionKind, Span};
use crate::resolve::name_key;
use crate::resolve::names::without_articles;

fn words(key: &str) -> Vec<&str> {
    key.split('-').filter(|w| !w.is_empty()).collect()
}

/// Whether the words of `short` are the last words (or all words) of `long`.
fn is_suffix(short: &[&str], long: &[&str]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long[long.len() - short.len()..] == *short
}

/// Whether `span` lies inside a quotation (quotes are sorted and do not nest).
fn inside_quote(doc: &Doc, span: Span) -> bool {
    let k = doc.quotes.partition_point(|q| q.inner.start <= span.start);
    k > 0 && doc.quotes[k - 1].inner.contains(span)
}

/// How many earlier mentions a pronoun or title looks back over at most, so that a
/// pathological document (one huge sentence) stays linear.
const LOOKBACK: usize = 60;

/// Pass entry point: fills `doc.entities`.
pub fn resolve(doc: &mut Doc) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_canonical: HashMap<String, usize> = HashMap::new();
    let n = doc.mentions.len();
    let mut assign: Vec<Option<usize>> = vec![None; n];

    // 1. Lexicon keys.
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(c) = &m.canonical {
            let e = *by_canonical.entry(c.clone()).or_insert_with(|| {
                entities.push(Entity {
                    name: c.clone(),
                    kind: m.actor_kind,
                    canonical: Some(c.clone()),
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                entities.len() - 1
            });
            assign[i] = Some(e);
        }
    }

    // 2. Names: fullest names first, then shorter ones join them.
    let names: Vec<usize> = (0..n)
        .filter(|&i| doc.mentions[i].kind == MentionKind::Name && assign[i].is_none())
        .collect();
    // Each name's key, made once.
    let mut names: Vec<(usize, String)> = names
        .into_iter()
        .map(|i| {
            (
                i,
                name_key(&without_articles(doc.text(doc.mentions[i].span))),
            )
        })
        .collect();
    names.sort_by_cached_key(|(i, k)| {
        (
            std::cmp::Reverse(words(k).len()),
            doc.mentions[*i].span.start,
        )
    });
    // Name entities by the last word of their key (a suffix shares it).
    let mut by_last: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    // Names of two words or more by their first word ("Xi" of "Xi Jinping").
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, key) in names {
        let m = &doc.mentions[i];
        if key.is_empty() {
            continue;
        }
        let w = words(&key);
        let last = w.last().map(|s| s.to_string()).unwrap_or_default();
        let bucket = by_last.entry(last).or_default();
        // Candidates: person entities whose key ends with these words (or equals them).
        let found = bucket
            .iter()
            .filter(|(e, k)| {
                let compatible = entities[*e].kind == m.actor_kind
                    || (w.len() == 1 && entities[*e].kind == ActorKind::Person);
                compatible
                    && (k == &key
                        || (entities[*e].kind == ActorKind::Person && is_suffix(&w, &words(k))))
            })
            // Nearest fuller name before the mention, else the first after it.
            .min_by_key(|(e, _)| {
                let first = doc.mentions[entities[*e].mentions.first().copied().unwrap_or(0)]
                    .span
                    .start;
                (first > m.span.start, m.span.start.abs_diff(first))
            })
            .map(|(e, _)| *e)
            .or_else(|| first_word_of(&by_first, &entities, &w));
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    name: doc.text(m.span).to_string(),
                    kind: m.actor_kind,
                    canonical: None,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                if w.len() >= 2 {
                    by_first
                        .entry(w[0].to_string())
                        .or_default()
                        .push(entities.len() - 1);
                }
                bucket.push((entities.len() - 1, key));
                entities.len() - 1
            }
        };
        assign[i] = Some(e);
        entities[e].mentions.push(i); // provisional, for distance ordering
    }
    for e in &mut entities {
        e.mentions.clear();
    }

    // Roles of named mentions (needed by title-only mentions below).
    let mut roles_of: Vec<Vec<(String, Option<usize>)>> = vec![Vec::new(); entities.len()];
    for i in 0..n {
        if let Some(e) = assign[i] {
            for r in &doc.mentions[i].roles {
                let of = r.of.and_then(|o| assign.get(o).copied().flatten());
                let title = if is_counterpart(&r.title) {
                    counterpart_title(doc, i).unwrap_or_else(|| r.title.clone())
                } else {
                    r.title.clone()
                };
                roles_of[e].push((title, of));
            }
        }
    }

    // One entry per distinct role: an entity named thousands of times in a huge
    // document must not make every title lookup scan thousands of copies.
    for roles in &mut roles_of {
        roles.sort();
        roles.dedup();
    }

    // 3 and 4, in text order.
    for i in 0..n {
        if assign[i].is_some() {
            continue;
        }
        let m = &doc.mentions[i];
        assign[i] = match m.kind {
            MentionKind::Title => title_antecedent(doc, &assign, &roles_of, i),
            MentionKind::Pronoun => pronoun_antecedent(doc, &assign, &entities, i),
            _ => None,
        };
    }

    // Collect mentions, roles, names and kinds.
    for (i, a) in assign.iter().enumerate() {
        if let Some(e) = *a {
            entities[e].mentions.push(i);
        }
    }
    for (e, roles) in roles_of.into_iter().enumerate() {
        let mut rs: Vec<EntityRole> = roles
            .into_iter()
            .map(|(title, of)| EntityRole { title, of })
            .collect();
        rs.sort();
        rs.dedup();
        entities[e].roles = rs;
    }
    for ent in entities.iter_mut() {
        if ent.canonical.is_none() {
            // The fullest written name.
            if let Some(best) = ent
                .mentions
                .iter()
                .filter(|&&i| doc.mentions[i].kind == MentionKind::Name)
                .map(|&i| doc.text(doc.mentions[i].span))
                .max_by_key(|t| (t.split_whitespace().count(), t.len()))
            {
                // "Enrique PeÃ±a Nieto" is named "Enrique Peña Nieto".
                ent.name = repair_name(best).unwrap_or_else(|| best.to_string());
            }
        }
        if !ent.roles.is_empty() && ent.kind != ActorKind::Organization {
            ent.kind = ActorKind::Person;
        }
    }
    for (i, a) in assign.into_iter().enumerate() {
        doc.mentions[i].entity = a;
    }
    doc.entities = entities;
}

fn is_counterpart(title: &str) -> bool {
    title.eq_ignore_ascii_case("counterpart")
}

/// "Chinese Foreign Minister Wang Yi spoke with his Iranian counterpart Hossein
/// Amirabdollahian": a counterpart holds the title of the person whose counterpart he
/// is (Foreign Minister, of Iran), the nearest titled person before it in the sentence.
/// `None` when there is none (the role stays "Counterpart").
fn counterpart_title(doc: &Doc, i: usize) -> Option<String> {
    let at = doc.mentions[i].span.start;
    let sentence = &doc.sentences[doc.sentence_at(at)?];
    doc.mentions[..i]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= sentence.span.start)
        .filter(|m| m.span.start < at)
        .flat_map(|m| m.roles.iter().rev())
        .find(|r| !is_counterpart(&r.title))
        .map(|r| r.title.clone())
}

/// "Xi" → "Xi Jinping", "Kim" → "Kim Jong Un", "Hillary" → "Hillary Clinton": the one
/// person whose fuller name opens with this one word (names that put the surname
/// first, and first names); none when several do, or when the word is also an English
/// word ("Look" beside a run such as "Look Forward").
fn first_word_of(
    by_first: &HashMap<String, Vec<usize>>,
    entities: &[Entity],
    w: &[&str],
) -> Option<usize> {
    let [word] = w else {
        return None;
    };
    // "Look" (a word too) next to a run like "Look Forward" is no first name.
    if crate::nlp::lexicon::lexicon().is_common_word(word) {
        return None;
    }
    let people: Vec<usize> = by_first
        .get(*word)?
        .iter()
        .copied()
        .filter(|&e| entities[e].kind == ActorKind::Person)
        .collect();
    match people[..] {
        [e] => Some(e),
        _ => None,
    }
}

fn title_words(t: &str) -> Vec<String> {
    t.to_lowercase()
        .split(' ')
        .filter(|w| !matches!(*w, "former" | "of" | "the"))
        .map(String::from)
        .collect()
}

fn title_antecedent(
    doc: &Doc,
    assign: &[Option<usize>],
    roles_of: &[Vec<(String, Option<usize>)>],
    i: usize,
) -> Option<usize> {
    let m = &doc.mentions[i];
    // "a State Department spokesman said": an indefinite title brings in someone not
    // named before, not the spokesman of another body named earlier.
    if is_indefinite(doc, m.span) {
        return None;
    }
    let role = m.roles.first()?;
    let want = title_words(&role.title);
    let want_of = role.of.and_then(|o| assign.get(o).copied().flatten());
    let fits = |e: usize| {
        roles_of[e].iter().any(|(t, of)| {
            let have = title_words(t);
            // "deputy minister" fits "Deputy Foreign Minister": every word is in it and the
            // last (head) word is the same.
            let head = want.last() == have.last();
            let sub = want.iter().all(|w| have.contains(w));
            let of_ok = want_of.is_none() || of.is_none() || *of == want_of;
            head && sub && of_ok
        })
    };
    // Nearest earlier, else nearest later mention of a fitting entity.
    let earlier = (i.saturating_sub(LOOKBACK * 4)..i)
        .rev()
        .find_map(|j| assign[j].filter(|&e| fits(e)));
    let later_end = (i + 1 + LOOKBACK).min(doc.mentions.len());
    earlier.or_else(|| (i + 1..later_end).find_map(|j| assign[j].filter(|&e| fits(e))))
}

/// Whether the words before `span` end in an indefinite article ("a", "an",
/// "another"), possibly with a capitalised owner between ("a State Department").
fn is_indefinite(doc: &Doc, span: Span) -> bool {
    let body = doc.body();
    let mut from = span.start.saturating_sub(200);
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    let before = body[from..span.start].trim_end();
    for w in before.rsplit(char::is_whitespace).take(6) {
        if matches!(w, "a" | "an" | "another" | "A" | "An" | "Another") {
            return true;
        }
        // Skip the capitalised words of an owner's name ("a State Department").
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// "Netanyahu met U.S. envoy Amos Hochstein on Thursday, his office said": a
/// possessive after a comma, in a tail that reports the sentence, is the subject's,
/// the first person the sentence names outside quotations, not the nearest one.
fn subject_of_tail(
    doc: &Doc,
    assign: &[Option<usize>],
    entities: &[Entity],
    i: usize,
    sentence: usize,
) -> Option<usize> {
    let m = &doc.mentions[i];
    let w = doc.text(m.span);
    if !matches!(w, "his" | "her") || !doc.body()[..m.span.start].trim_end().ends_with(',') {
        return None;
    }
    // The tail is short and ends the sentence: "his office said.", "her spokesman told
    // reporters."
    let s = doc.sentences.get(sentence)?;
    let tail = doc.body().get(m.span.end..s.span.end)?;
    let said = tail.split_whitespace().take(3).any(|t| {
        matches!(
            t.trim_end_matches(['.', ',']),
            "said" | "says" | "told" | "added" | "stated"
        )
    });
    if !said || tail.split_whitespace().count() > 6 || inside_quote(doc, m.span) {
        return None;
    }
    (i.saturating_sub(LOOKBACK)..i)
        .filter(|&j| doc.mentions[j].span.start >= s.span.start)
        .filter(|&j| !inside_quote(doc, doc.mentions[j].span))
        .find_map(|j| assign[j].filter(|&e| entities[e].kind == ActorKind::Person))
}

fn pronoun_antecedent(
    doc: &Doc,
    assign: &[Option<usize>],
    entities: &[Entity],
    i: usize,
) -> Option<usize> {
    let m = &doc.mentions[i];
    let pron_in_quote = inside_quote(doc, m.span);
    let person = m.actor_kind == ActorKind::Person;
    let sentence = doc.sentence_at(m.span.start).unwrap_or(0);
    if let Some(e) = subject_of_tail(doc, assign, entities, i, sentence) {
        return Some(e);
    }
    for j in (i.saturating_sub(LOOKBACK)..i).rev() {
        let a = &doc.mentions[j];
        if doc.sentence_at(a.span.start).unwrap_or(0) + 4 < sentence {
            break;
        }
        let Some(e) = assign[j] else { continue };
        if !pron_in_quote && inside_quote(doc, a.span) {
            continue;
        }
        if a.kind == MentionKind::Demonym {
            continue;
        }
        let kind = entities[e].kind;
        let ok = if person {
            kind == ActorKind::Person || !doc.mentions[j].roles.is_empty()
        } else {
            matches!(
                kind,
                ActorKind::Organization | ActorKind::Group | ActorKind::Country
            ) || a.kind == MentionKind::Nominal
        };
        if ok {
            return Some(e);
        }
    }
    None
}

#[path = "coref_repair.rs"]
mod repair;
use repair::repair_name;

#[cfg(test)]
#[path = "coref_tests.rs"]
mod tests;
