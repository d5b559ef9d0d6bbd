//! Mentions that name no participant although the mention finder made them actors:
//! a dateline's city, region and agency ("SINGAPORE (Reuters) -"), the names inside a
//! quoted title of a work ("in his book 'The Art of the Deal'"), names joined by an
//! ampersand into one name of a show or firm ("Fox & Friends"), a party named for one
//! of its members ("a Tennessee Republican who met Putin"), a name that qualifies the
//! title of the next ("Gulf State Analytics founder Giorgio Cafiero", "Trump adviser
//! Kellyanne Conway"). `Ctx` marks them as
//! modifiers, so no rule takes them as participants. This module only reads tokens,
//! quotes and mentions; it changes no mention and decides nothing about meetings.

use super::Ctx;

/// The mentions that name no participant, in no particular order.
pub(super) fn mentions(ctx: &Ctx) -> Vec<usize> {
    let mut out = dateline_mentions(ctx);
    out.extend(titled_mentions(ctx));
    out.extend(ampersand_mentions(ctx));
    out.extend(member_mentions(ctx));
    out.extend(title_owner_mentions(ctx));
    out
}

/// Whether a token is written in capitals ("SINGAPORE", "D.C.", "ST."): two letters
/// or more, none in lower case.
fn capitals(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "SINGAPORE (Reuters) -", "KYIV, Ukraine (AP) —", "…Deal-SYDNEY —": the mentions of
/// a dateline (the city in capitals, its region, the agency in brackets) name where
/// and by whom the story was filed, never who met. A dateline opens its sentence (or
/// follows a headline glued to it by a hyphen) and ends at the dash `caption_dash`
/// finds within its first words.
fn dateline_mentions(ctx: &Ctx) -> Vec<usize> {
    let mut out = Vec::new();
    let w = &ctx.words;
    for s in &ctx.doc.sentences {
        let r = s.tokens.clone();
        // "(AP) — President Joe Biden hosted …": a sentence split after the dateline's
        // region ("CAMP DAVID, Md.") opens with the agency in brackets and the dash.
        let dash = |k: usize| matches!(w[k].as_str(), "-" | "—" | "–" | "--");
        if w[r.start] == "(" {
            if let Some(close) = (r.start + 1..(r.start + 6).min(r.end)).find(|&i| w[i] == ")") {
                if close + 1 < r.end && dash(close + 1) {
                    out.extend((r.start..close).filter_map(|i| ctx.mention_start[i]));
                }
            }
            continue;
        }
        let Some(k) = (r.start + 1..(r.start + 14).min(r.end))
            .find(|&k| super::caption_dash(ctx, r.start, k))
        else {
            continue;
        };
        // The agency in brackets before the dash.
        let mut first = k;
        if w[k - 1] == ")" {
            if let Some(open) = (r.start..k - 1).rev().take(6).find(|&i| w[i] == "(") {
                first = open;
            }
        }
        // The city in capitals opens the sentence or is glued to a headline.
        let glued = |i: usize| {
            let t = ctx.doc.token_text(i);
            t.contains('-') && capitals(t.rsplit('-').next().unwrap_or(t))
        };
        let Some(d0) = (r.start..first)
            .find(|&i| glued(i))
            .or_else(|| capitals(ctx.doc.token_text(r.start)).then_some(r.start))
        else {
            continue;
        };
        // Its region: capitalised words, commas and abbreviation periods only.
        let region = (d0 + 1..first).all(|i| {
            let t = ctx.doc.token_text(i);
            matches!(t, "," | ".") || t.chars().next().is_some_and(char::is_uppercase)
        });
        if !region || first - d0 > 6 {
            continue;
        }
        for i in d0..k {
            if let Some(m) = ctx.mention_start[i] {
                out.push(m);
            }
        }
    }
    out
}

/// Nouns of works whose title a quotation after them gives ("his book 'X'").
const WORKS: &[&str] = &[
    "album",
    "article",
    "book",
    "called",
    "column",
    "documentary",
    "entitled",
    "essay",
    "film",
    "memoir",
    "movie",
    "musical",
    "novel",
    "op-ed",
    "play",
    "podcast",
    "program",
    "programme",
    "series",
    "show",
    "song",
    "titled",
];

/// "in his book 'The Art of the Deal'", "the show 'Face the Nation'": the names inside
/// a closed quotation of at most ten words that follows a noun of works, or that is
/// written in title case (two words or more, every word of four letters or more
/// capitalised), name a work, not an actor.
fn titled_mentions(ctx: &Ctx) -> Vec<usize> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    for q in doc.quotes.iter().filter(|q| q.closed) {
        let inner = doc.tokens_in(q.inner);
        let words: Vec<&str> = inner
            .clone()
            .filter(|&k| doc.tokens[k].kind == crate::nlp::TokenKind::Word)
            .map(|k| doc.token_text(k))
            .collect();
        if words.is_empty() || words.len() > 10 {
            continue;
        }
        let open = doc.token_at(q.span.start);
        let after_work = open > 0 && WORKS.contains(&ctx.words[open - 1].as_str());
        let title_case = words.len() >= 2
            && words
                .iter()
                .all(|t| t.chars().count() < 4 || t.chars().next().is_some_and(char::is_uppercase));
        if !after_work && !title_case {
            continue;
        }
        out.extend(doc.mentions_in(q.inner));
    }
    out
}

/// "Fox & Friends", "Procter & Gamble": a name next to an ampersand is part of one
/// name of a show or a firm.
fn ampersand_mentions(ctx: &Ctx) -> Vec<usize> {
    let mut out = Vec::new();
    for (m, men) in ctx.doc.mentions.iter().enumerate() {
        if men.kind != crate::nlp::MentionKind::Name {
            continue;
        }
        let r = ctx.doc.tokens_in(men.span);
        if r.is_empty() {
            continue;
        }
        let before = r.start > 0 && ctx.words[r.start - 1] == "&";
        let after = ctx.words.get(r.end).is_some_and(|w| w == "&");
        if before || after {
            out.push(m);
        }
    }
    out
}

/// "Bob Corker, a Tennessee Republican who has met with Putin", "a Democrat from
/// Ohio": an organisation's name after an indefinite article (with only places and
/// demonyms between) that ends its phrase names one member, a person described, not the
/// organisation; the places before it only qualify that person. ("a Hamas delegation",
/// "a Reuters reporter" go on with a noun: a collective or a job, not marked here.)
fn member_mentions(ctx: &Ctx) -> Vec<usize> {
    use crate::nlp::{ActorKind, MentionKind, TokenKind};
    let doc = ctx.doc;
    let mut out = Vec::new();
    for (m, men) in doc.mentions.iter().enumerate() {
        if men.kind != MentionKind::Name || men.actor_kind != ActorKind::Organization {
            continue;
        }
        let r = doc.tokens_in(men.span);
        if r.is_empty() {
            continue;
        }
        let ends = match doc.tokens.get(r.end) {
            None => true,
            Some(t) if t.kind != TokenKind::Word => true,
            Some(_) => matches!(
                ctx.words[r.end].as_str(),
                "who" | "whom" | "and" | "or" | "from" | "of" | "in" | "with"
            ),
        };
        if !ends {
            continue;
        }
        // Back over the places and demonyms that qualify the member.
        let mut k = r.start;
        let mut qualifiers = Vec::new();
        while k > 0 {
            let Some(q) = ctx.mention_at[k - 1] else {
                break;
            };
            let qm = &doc.mentions[q];
            if !(matches!(qm.actor_kind, ActorKind::Place | ActorKind::Country)
                || qm.kind == MentionKind::Demonym)
            {
                break;
            }
            qualifiers.push(q);
            k = doc.tokens_in(qm.span).start;
        }
        if k > 0 && matches!(ctx.words[k - 1].as_str(), "a" | "an") {
            out.push(m);
            out.extend(qualifiers);
        }
    }
    out
}

/// "Gulf State Analytics founder Giorgio Cafiero", "Trump adviser Kellyanne Conway":
/// a name right before the title the text gives the next name (its role's words)
/// qualifies that title (an employer, a boss), whatever kind the mention finder gave
/// it; the titled person is the actor.
fn title_owner_mentions(ctx: &Ctx) -> Vec<usize> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    for (m, men) in doc.mentions.iter().enumerate() {
        for r in &men.roles {
            let k = doc.token_at(r.span.start);
            let Some(owner) = k.checked_sub(1).and_then(|j| ctx.mention_at[j]) else {
                continue;
            };
            // Only a name that ends right before the title, not the titled mention.
            let role_inside = men.span.contains(r.span);
            if owner != m
                && !role_inside
                && doc.mentions[owner].kind == crate::nlp::MentionKind::Name
                && doc.mentions[owner].span.end <= r.span.start
                && ctx.mention_end[owner] == k
            {
                out.push(owner);
            }
        }
    }
    out
}
