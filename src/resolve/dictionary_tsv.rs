//! The TSV form of the actor dictionary: one actor per line, tab-separated columns
//! `name`, `kind`, `aliases`, `identifiers`, `roles` (see `dictionary`). This module
//! only splits rows into [`Entry`] values, reporting the line of a bad row; checking
//! aliases and indexing is `dictionary`'s job.

use super::dictionary::{
    check_aliases, check_name, make_entry, make_role, parse_identifier, parse_kind,
    DictionaryError, Entry,
};

/// Parses the TSV form.
pub(super) fn parse_tsv(path: &str, text: &str) -> Result<Vec<Entry>, DictionaryError> {
    let mut entries = Vec::new();
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let row = raw.trim_end_matches('\r');
        if row.trim().is_empty() || row.trim_start().starts_with('#') {
            continue;
        }
        let bad = |message: String| DictionaryError::Bad {
            path: path.to_string(),
            line,
            message,
        };
        let cols: Vec<&str> = row.split('\t').map(str::trim).collect();
        if entries.is_empty()
            && cols.len() >= 2
            && cols[0].eq_ignore_ascii_case("name")
            && cols[1].eq_ignore_ascii_case("kind")
        {
            continue; // a header row
        }
        if cols.len() < 2 || cols.len() > 5 {
            return Err(bad(format!(
                "expected 2 to 5 tab-separated columns (name, kind, aliases, identifiers, roles), found {}",
                cols.len()
            )));
        }
        let field = |i: usize| cols.get(i).copied().unwrap_or("");
        let list = |i: usize| -> Vec<String> {
            field(i)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let name = check_name(field(0)).map_err(&bad)?;
        let kind = parse_kind(field(1)).map_err(&bad)?;
        let aliases = check_aliases(&name, list(2)).map_err(&bad)?;
        let same_as = list(3)
            .iter()
            .map(|s| parse_identifier(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(&bad)?;
        let roles = list(4)
            .iter()
            .map(|r| {
                let parts: Vec<&str> = r.split(';').map(str::trim).collect();
                if parts.len() > 4 {
                    return Err(format!(
                        "role {r:?}: expected title;organisation;start;end, found {} parts",
                        parts.len()
                    ));
                }
                let part = |i: usize| parts.get(i).copied().filter(|s| !s.is_empty());
                make_role(part(0), part(1), part(2), part(3))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(&bad)?;
        entries.push(make_entry(line, name, kind, aliases, same_as, roles));
    }
    Ok(entries)
}
