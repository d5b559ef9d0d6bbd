//! Spelling repair of names written in UTF-8 read as Latin-1 ("PeÃ±a" for "Peña"):
//! `coref` names an entity with the repaired spelling, so its identity key matches the
//! articles that spell it right. Mention spans keep the text as written; this module
//! changes no offsets and repairs only sequences that decode unambiguously.

/// The repaired spelling of `name`, or `None` when it holds no sequence that decodes
/// as UTF-8 once (or twice, for text damaged twice: "PeÃÂ±a"). A sequence is a
/// lead letter "Â"–"ß" (or "A" with a combining tilde or circumflex: the decomposed
/// "Ã", "Â") followed by a sign U+0080–U+00BF; it is replaced only when the two bytes
/// form one UTF-8 character.
pub fn repair_name(name: &str) -> Option<String> {
    let mut cur = compose(name);
    let mut any = false;
    for _ in 0..2 {
        let chars: Vec<char> = cur.chars().collect();
        let mut out = String::with_capacity(cur.len());
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(&n) = chars.get(i + 1) {
                let (b1, b2) = (c as u32, n as u32);
                if (0xC2..=0xDF).contains(&b1) && (0x80..=0xBF).contains(&b2) {
                    let bytes = [b1 as u8, b2 as u8];
                    if let Ok(s) = std::str::from_utf8(&bytes) {
                        out.push_str(s);
                        changed = true;
                        i += 2;
                        continue;
                    }
                }
            }
            out.push(c);
            i += 1;
        }
        cur = out;
        if !changed {
            break;
        }
        any = true;
    }
    any.then_some(cur)
}

/// "A" + combining tilde / circumflex → "Ã" / "Â" (the damaged text is often
/// decomposed).
fn compose(s: &str) -> String {
    s.replace("A\u{303}", "Ã").replace("A\u{302}", "Â")
}

#[cfg(test)]
mod tests {
    use super::repair_name;

    #[test]
    fn latin1_read_utf8_is_repaired() {
        assert_eq!(repair_name("PeÃ±a Nieto").as_deref(), Some("Peña Nieto"));
    }

    #[test]
    fn decomposed_damage_is_repaired() {
        assert_eq!(repair_name("PeA\u{303}\u{b1}a").as_deref(), Some("Peña"));
    }

    #[test]
    fn twice_damaged_is_repaired() {
        assert_eq!(repair_name("PeÃ\u{83}Â±a").as_deref(), Some("Peña"));
    }

    #[test]
    fn clean_name_is_left_alone() {
        assert_eq!(repair_name("François Hollande"), None);
    }
}
