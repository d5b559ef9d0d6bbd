//! The lexicons: countries (with demonyms and capitals), places, organisations,
//! titles and given names, read from the TSV data files in `lexicons/` at compile time.
//!
//! Format (one entry per line, `#` comments, `|` separates alternatives, sorted by the
//! first column; a unit test checks sorting and duplicates):
//! - `countries.tsv`: `name  aliases  demonyms  capitals`
//!   (`Türkiye  Turkey|Republic of Türkiye  Turkish|Turks  Ankara`)
//! - `places.tsv`: `name  aliases  country` (cities, regions, venues that are not capitals)
//! - `organizations.tsv`: `name  aliases  kind  country` where kind is `organization`,
//!   `government`, `party`, `media`, `armed_group`, `international`, `company`
//! - `titles.tsv`: `title  kind` (lower case; kind `person` for a person's title,
//!   `collective` for group nouns like "officials")
//! - `given_names.tsv`: `name` (given names from many languages, for telling a person's
//!   name from an organisation's)
//! - `title_words.tsv`: `word  kind` (title modifiers, honorifics, institutions,
//!   organisation words), `not_names.tsv` (capitalised words that never name an actor),
//!   `not_lone_names.tsv` (capitalised words that alone never name a person),
//!   `common_words.tsv` (ordinary lower-case English, for sentence-initial capitals)
//!
//! This module only loads and looks up; deciding what a mention is belongs to
//! `mentions`.

use std::sync::OnceLock;

use super::fxhash::{FxHashMap as HashMap, FxHashSet};
use super::ActorKind;

const COUNTRIES: &str = include_str!("lexicons/countries.tsv");
const PLACES: &str = include_str!("lexicons/places.tsv");
const ORGANIZATIONS: &str = include_str!("lexicons/organizations.tsv");
const TITLES: &str = include_str!("lexicons/titles.tsv");
const GIVEN_NAMES: &str = include_str!("lexicons/given_names.tsv");
const TITLE_WORDS: &str = include_str!("lexicons/title_words.tsv");
const NOT_NAMES: &str = include_str!("lexicons/not_names.tsv");
const NOT_LONE_NAMES: &str = include_str!("lexicons/not_lone_names.tsv");
const COMMON_WORDS: &str = include_str!("lexicons/common_words.tsv");

/// How a lexicon form names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The name or an alias ("Türkiye", "Turkey").
    Name,
    /// A demonym ("Turkish", "Russians").
    Demonym,
    /// A capital used for the place (and, by metonymy, its government).
    Capital,
}

/// One lexicon entry that a form points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name (first column).
    pub canonical: String,
    /// Country, place or organisation.
    pub kind: ActorKind,
    /// The organisation subtype from `organizations.tsv` (`government`, `party`, …).
    pub subtype: Option<String>,
    /// The country it belongs to (for places and organisations), canonical name.
    pub country: Option<String>,
    /// For countries, the first demonym ("Russian"), used to name institutions.
    pub demonym: Option<String>,
}

/// A hit of a lexicon form in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// How the form names the entry.
    pub form: Form,
    /// Number of tokens matched.
    pub len: usize,
}

/// What the title tables say of one lower-case word, found with one lookup (see
/// [`Lexicon::lower_word`]); the default says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LowerWord<'l> {
    /// Its kind as a title word ([`Lexicon::title_word_kind`]).
    pub title_word: Option<&'l str>,
    /// The lengths of the titles it starts ([`Lexicon::title_lengths`]; 0 for none).
    pub title_lengths: u64,
    /// Whether some title word of several words starts with it
    /// ([`Lexicon::is_title_word_first_word`]).
    pub title_word_first: bool,
}

/// [`LowerWord`] as stored: the kind is an index into [`TITLE_WORD_KINDS`].
#[derive(Debug, Clone, Copy, Default)]
struct LowerFacts {
    title_word: Option<u8>,
    title_lengths: u64,
    title_word_first: bool,
}

/// The kinds of `title_words.tsv` (its second column; `modifier` when empty).
const TITLE_WORD_KINDS: &[&str] = &["honorific", "institution", "modifier", "org_word"];

/// The shapes (length, first and last byte) of a table's keys, as a bitmap of 8,192
/// bits: a word whose shape has no bit is no key, which is found without hashing the
/// word or touching the table (most words of a text are in none of the tables the
/// chunker asks about every word).
#[derive(Debug, Clone)]
struct Shapes(Box<[u64; 128]>);

impl Shapes {
    fn new<'a>(keys: impl Iterator<Item = &'a String>) -> Shapes {
        let mut bits = Box::new([0u64; 128]);
        for k in keys {
            if let Some(b) = Shapes::bit(k) {
                bits[b / 64] |= 1 << (b % 64);
            }
        }
        Shapes(bits)
    }

    /// The bit of a word's shape; `None` for the empty word.
    fn bit(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        let (first, last) = (*b.first()?, *b.last()?);
        let x = u32::from(first) | u32::from(last) << 8 | (b.len().min(255) as u32) << 16;
        Some((x.wrapping_mul(0x9E37_79B1) >> 19) as usize)
    }

    /// Whether `w` may be a key (false: it certainly is not).
    fn may_hold(&self, w: &str) -> bool {
        Shapes::bit(w).is_none_or(|b| self.0[b / 64] >> (b % 64) & 1 == 1)
    }
}

/// All lexicons, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    /// Every entry.
    pub entries: Vec<Entry>,
    /// Form (tokens joined by single spaces, case as written) → hits.
    forms: HashMap<String, Vec<(usize, Form)>>,
    /// Longest form in tokens.
    max_len: usize,
    /// The first token of every form → the lengths in tokens of the forms it starts
    /// (bit `n - 1` for `n` tokens; all bits for a form longer than 64): a probe whose
    /// first word is not here cannot match (checked before any key is built), and only
    /// the lengths given are looked up.
    first_words: HashMap<String, u64>,
    /// Person titles (lower case, possibly several words) → kind.
    titles: HashMap<String, String>,
    /// Longest title in words.
    pub max_title_len: usize,
    /// The first word of every title → the lengths in words of the titles it starts
    /// (bit `n - 1` for `n` words; all bits for a title longer than 64): a probe whose
    /// first word is not here cannot name a title (checked before any key is built).
    title_first_words: HashMap<String, u64>,
    /// The first word of every title word of several words ("foreign" of "foreign
    /// ministry").
    title_word_first_words: FxHashSet<String>,
    /// Given names.
    given: FxHashSet<String>,
    /// Title modifiers, honorifics and institution nouns (lower case) → kind.
    title_words: HashMap<String, String>,
    /// Capitalised words that never name an actor.
    not_names: FxHashSet<String>,
    /// Capitalised words that alone never name a person.
    not_lone_names: FxHashSet<String>,
    /// Lower-case words of ordinary English.
    common: FxHashSet<String>,
    /// `titles`' first words, `title_words` and `title_word_first_words` in one table:
    /// what the chunker asks of every token, in one lookup.
    lower_words: HashMap<String, LowerFacts>,
    /// The shapes of `lower_words`' keys.
    lower_shapes: Shapes,
    /// The shapes of `first_words`' keys.
    first_shapes: Shapes,
}

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn alts(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a word holds a curly apostrophe, which is looked up as a straight one
/// ("Russia’s" = "Russia's"). (`’` is not ASCII: an ASCII word, nearly every one, is
/// not searched for it.)
fn curly(w: &str) -> bool {
    !w.is_ascii() && w.contains('’')
}

/// The tokens of a form, joined by single spaces: the key forms are looked up by.
pub fn form_key(form: &str) -> String {
    super::tokens::tokenize_str(form)
        .iter()
        .map(|t| &form[t.span.start..t.span.end])
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

/// A word in capitals of two letters or more ("MONDAY", "ÉLYSÉE"), in Title Case
/// ("Monday"); `None` for any other word. Cheap for a word whose second letter is
/// lower case, nearly every one.
pub fn capitals_title(word: &str) -> Option<String> {
    with_capitals_forms(word, |title, _| title.to_string())
}

/// Calls `f` with the Title Case and the lower case of a word in capitals of two
/// letters or more ("MONDAY": "Monday", "monday"); `None` for any other word. A short
/// ASCII word, nearly every one, is folded on the stack.
pub fn with_capitals_forms<R>(word: &str, f: impl FnOnce(&str, &str) -> R) -> Option<R> {
    let mut chars = word.chars();
    let first = chars.next().filter(|c| c.is_uppercase())?;
    chars.next().filter(|c| c.is_uppercase())?;
    if !word
        .chars()
        .all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’')
    {
        return None;
    }
    if word.is_ascii() && word.len() <= 32 {
        let mut title = [0u8; 32];
        let mut lower = [0u8; 32];
        let n = word.len();
        title[..n].copy_from_slice(word.as_bytes());
        title[1..n].make_ascii_lowercase();
        lower[..n].copy_from_slice(&title[..n]);
        lower[0] = lower[0].to_ascii_lowercase();
        let (Ok(t), Ok(l)) = (
            std::str::from_utf8(&title[..n]),
            std::str::from_utf8(&lower[..n]),
        ) else {
            return None;
        };
        return Some(f(t, l));
    }
    let mut title: String = first.to_string();
    title.extend(
        word[first.len_utf8()..]
            .chars()
            .flat_map(char::to_lowercase),
    );
    let lower = title.to_lowercase();
    Some(f(&title, &lower))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            entries: Vec::new(),
            forms: HashMap::default(),
            max_len: 1,
            first_words: HashMap::default(),
            titles: HashMap::default(),
            max_title_len: 1,
            title_first_words: HashMap::default(),
            title_word_first_words: FxHashSet::default(),
            given: FxHashSet::default(),
            title_words: HashMap::default(),
            not_names: FxHashSet::default(),
            not_lone_names: FxHashSet::default(),
            common: FxHashSet::default(),
            lower_words: HashMap::default(),
            lower_shapes: Shapes::new(std::iter::empty()),
            first_shapes: Shapes::new(std::iter::empty()),
        };
        for r in rows(COMMON_WORDS) {
            lex.common.insert(r[0].to_string());
        }
        for r in rows(NOT_NAMES) {
            lex.not_names.insert(r[0].to_string());
        }
        for r in rows(NOT_LONE_NAMES) {
            lex.not_lone_names.insert(r[0].to_string());
        }
        for r in rows(COUNTRIES) {
            let e = lex.push_entry(r[0], ActorKind::Country, None, None);
            lex.add_form(r[0], e, Form::Name);
            for a in alts(r.get(1)) {
                lex.add_form(&a, e, Form::Name);
            }
            let demonyms = alts(r.get(2));
            lex.entries[e].demonym = demonyms.first().cloned();
            for d in demonyms {
                lex.add_form(&d, e, Form::Demonym);
            }
            for c in alts(r.get(3)) {
                let p = lex.push_entry(&c, ActorKind::Place, None, Some(r[0]));
                lex.add_form(&c, p, Form::Capital);
            }
        }
        for r in rows(PLACES) {
            let country = r.get(2).filter(|c| !c.is_empty()).copied();
            let e = lex.push_entry(r[0], ActorKind::Place, None, country);
            lex.add_form(r[0], e, Form::Name);
            for a in alts(r.get(1)) {
                lex.add_form(&a, e, Form::Name);
            }
        }
        for r in rows(ORGANIZATIONS) {
            let subtype = r.get(2).filter(|c| !c.is_empty()).map(|s| s.to_string());
            let country = r.get(3).filter(|c| !c.is_empty()).copied();
            let e = lex.push_entry(r[0], ActorKind::Organization, subtype, country);
            lex.add_form(r[0], e, Form::Name);
            for a in alts(r.get(1)) {
                lex.add_form(&a, e, Form::Name);
            }
        }
        for r in rows(TITLES) {
            // "sen." is looked up as "sen": the tokenizer splits the period off, and the
            // mention finder takes a glued period after a title with it.
            let t = r[0].to_lowercase().trim_end_matches('.').to_string();
            let n = t.split(' ').count();
            lex.max_title_len = lex.max_title_len.max(n);
            if let Some(first) = t.split(' ').next() {
                let bit = if n <= 64 { 1u64 << (n - 1) } else { u64::MAX };
                *lex.title_first_words.entry(first.to_string()).or_default() |= bit;
            }
            lex.titles
                .insert(t, r.get(1).copied().unwrap_or("person").to_string());
        }
        for r in rows(TITLE_WORDS) {
            let kind = r.get(1).copied().unwrap_or("modifier").to_string();
            let word = r[0].to_lowercase();
            if let Some((first, _)) = word.split_once(' ') {
                lex.title_word_first_words.insert(first.to_string());
            }
            lex.title_words.insert(word, kind);
        }
        for r in rows(GIVEN_NAMES) {
            lex.given.insert(r[0].to_string());
        }
        lex.index_lower_words();
        lex
    }

    /// Fills `lower_words` from the title tables.
    fn index_lower_words(&mut self) {
        let mut words: HashMap<String, LowerFacts> = HashMap::default();
        for (w, &lengths) in &self.title_first_words {
            words.entry(w.clone()).or_default().title_lengths = lengths;
        }
        for (w, kind) in &self.title_words {
            // An unknown kind is still a title word: the chunker asks only for these.
            let k = TITLE_WORD_KINDS.iter().position(|x| x == kind);
            words.entry(w.clone()).or_default().title_word = Some(k.map_or(u8::MAX, |k| k as u8));
        }
        for w in &self.title_word_first_words {
            words.entry(w.clone()).or_default().title_word_first = true;
        }
        self.lower_shapes = Shapes::new(words.keys());
        self.lower_words = words;
        self.first_shapes = Shapes::new(self.first_words.keys());
    }

    /// What the title tables say of a lower-case word: [`Lexicon::title_word_kind`],
    /// [`Lexicon::title_lengths`] and [`Lexicon::is_title_word_first_word`] at once.
    pub fn lower_word(&self, lower: &str) -> LowerWord<'_> {
        if !self.lower_shapes.may_hold(lower) {
            return LowerWord::default();
        }
        let Some(f) = self.lower_words.get(lower) else {
            return LowerWord::default();
        };
        LowerWord {
            title_word: f
                .title_word
                .map(|k| match TITLE_WORD_KINDS.get(k as usize) {
                    Some(kind) => *kind,
                    None => self.title_word_kind(lower).unwrap_or_default(),
                }),
            title_lengths: f.title_lengths,
            title_word_first: f.title_word_first,
        }
    }

    fn push_entry(
        &mut self,
        name: &str,
        kind: ActorKind,
        subtype: Option<String>,
        country: Option<&str>,
    ) -> usize {
        self.entries.push(Entry {
            canonical: name.to_string(),
            kind,
            subtype,
            country: country.map(String::from),
            demonym: None,
        });
        self.entries.len() - 1
    }

    fn add_form(&mut self, form: &str, entry: usize, how: Form) {
        let key = form_key(form);
        let n = key.split(' ').count();
        self.max_len = self.max_len.max(n);
        if let Some(first) = key.split(' ').next() {
            let bit = if n <= 64 { 1u64 << (n - 1) } else { u64::MAX };
            match self.first_words.get_mut(first) {
                Some(lengths) => *lengths |= bit,
                None => {
                    self.first_words.insert(first.to_string(), bit);
                }
            }
        }
        let v = self.forms.entry(key).or_default();
        if !v.contains(&(entry, how)) {
            v.push((entry, how));
        }
    }

    /// The longest lexicon form that starts at `words[0]`, if any. `words` are token
    /// texts. Among several entries for one form the first loaded wins (countries,
    /// then places, then organisations).
    pub fn longest_match(&self, words: &[&str]) -> Option<Hit> {
        let lengths = self.form_lengths(words.first()?);
        self.longest_match_with(words, lengths)
    }

    /// The lengths in tokens of the forms that start with this token text, as a mask
    /// (bit `n - 1` for `n` tokens; all bits when some form is longer than 64); 0 when
    /// no form starts with it. For [`Lexicon::longest_match_with`].
    pub fn form_lengths(&self, first: &str) -> u64 {
        let lengths = if curly(first) {
            self.first_words.get(&first.replace('’', "'"))
        } else if self.first_shapes.may_hold(first) {
            self.first_words.get(first)
        } else {
            None
        };
        lengths.copied().unwrap_or(0)
    }

    /// [`Lexicon::longest_match`] given the [`Lexicon::form_lengths`] of `words[0]`.
    pub fn longest_match_with(&self, words: &[&str], lengths: u64) -> Option<Hit> {
        if lengths == 0 {
            return None;
        }
        let max = self.max_len.min(words.len());
        let mut lengths = lengths;
        // A word with a space in it would make a probe of `len` words a key of more:
        // then every length is looked up.
        if lengths == u64::MAX || words[..max].iter().any(|w| w.as_bytes().contains(&b' ')) {
            lengths = u64::MAX;
        }
        let has = |len: usize| len > 64 || lengths >> (len - 1) & 1 == 1;
        // Only lengths some form starting with this word has can match.
        let max = (1..=max).rev().find(|&len| has(len))?;
        // One key of all `max` words; each shorter probe is a prefix of it.
        let mut key = String::new();
        let mut ends = Vec::with_capacity(max);
        for (i, w) in words[..max].iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            if curly(w) {
                key.push_str(&w.replace('’', "'"));
            } else {
                key.push_str(w);
            }
            ends.push(key.len());
        }
        for len in (1..=max).rev().filter(|&len| has(len)) {
            if let Some(v) = self.forms.get(&key[..ends[len - 1]]) {
                let (entry, form) = v[0];
                return Some(Hit { entry, form, len });
            }
        }
        None
    }

    /// Every entry a form names, exactly as written.
    pub fn lookup(&self, form: &str) -> &[(usize, Form)] {
        self.forms
            .get(&form_key(form))
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// The kind of a title (`person`, `collective`), given in lower case.
    pub fn title_kind(&self, lower: &str) -> Option<&str> {
        self.titles.get(lower).map(|s| s.as_str())
    }

    /// Whether some title starts with this word (lower case).
    pub fn is_title_first_word(&self, lower: &str) -> bool {
        self.title_first_words.contains_key(lower)
    }

    /// The lengths in words of the titles that start with this word (lower case), as
    /// a mask (bit `n - 1` for `n` words; all bits when some title is longer than
    /// 64); `None` when no title starts with it.
    pub fn title_lengths(&self, lower: &str) -> Option<u64> {
        self.title_first_words.get(lower).copied()
    }

    /// Whether some title word of several words starts with this word (lower case).
    pub fn is_title_word_first_word(&self, lower: &str) -> bool {
        self.title_word_first_words.contains(lower)
    }

    /// The kind of a title word (`modifier`, `honorific`, `institution`), lower case.
    pub fn title_word_kind(&self, lower: &str) -> Option<&str> {
        self.title_words.get(lower).map(|s| s.as_str())
    }

    /// Whether a capitalised word never names an actor ("Thursday", "However"), also
    /// written in capitals ("THURSDAY", "THE").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
            || with_capitals_forms(word, |t, _| self.not_names.contains(t)).unwrap_or(false)
    }

    /// Whether a capitalised word, standing alone, never names a person ("Democratic",
    /// "Muslims").
    pub fn is_not_lone_name(&self, word: &str) -> bool {
        self.not_lone_names.contains(word)
    }

    /// Whether a lower-case word is ordinary English ("naturally", "contacts").
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// Whether `name` is a known given name.
    pub fn is_given_name(&self, name: &str) -> bool {
        self.given.contains(name)
    }

    /// The entry with this canonical name and kind, if any.
    pub fn entry_named(&self, canonical: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.canonical == canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn check_sorted_unique(name: &str, data: &str) {
        let keys: Vec<&str> = rows(data).map(|r| r[0]).collect();
        let mut sorted = keys.clone();
        sorted.sort_by_key(|k| k.to_lowercase());
        assert_eq!(
            keys, sorted,
            "{name} must be sorted by its first column (case-insensitive)"
        );
        let set: HashSet<&str> = keys.iter().copied().collect();
        assert_eq!(set.len(), keys.len(), "{name} has duplicate entries");
    }

    #[test]
    fn lexicons_are_sorted_and_unique() {
        check_sorted_unique("countries.tsv", COUNTRIES);
        check_sorted_unique("places.tsv", PLACES);
        check_sorted_unique("organizations.tsv", ORGANIZATIONS);
        check_sorted_unique("titles.tsv", TITLES);
        check_sorted_unique("given_names.tsv", GIVEN_NAMES);
        check_sorted_unique("title_words.tsv", TITLE_WORDS);
        check_sorted_unique("not_names.tsv", NOT_NAMES);
        check_sorted_unique("not_lone_names.tsv", NOT_LONE_NAMES);
        check_sorted_unique("common_words.tsv", COMMON_WORDS);
    }

    #[test]
    fn turkey_and_turkiye_are_one_country() {
        let lex = lexicon();
        let a = lex.lookup("Turkey")[0].0;
        let b = lex.lookup("Türkiye")[0].0;
        assert_eq!(a, b);
        assert_eq!(lex.entries[a].canonical, "Türkiye");
    }

    #[test]
    fn lower_word_agrees_with_the_title_tables() {
        let lex = lexicon();
        let words = lex.title_words.keys().chain(lex.title_first_words.keys());
        for w in words
            .chain(lex.title_word_first_words.iter())
            .chain([&"xyz".into()])
        {
            let facts = lex.lower_word(w);
            assert_eq!(facts.title_word, lex.title_word_kind(w), "{w}");
            assert_eq!(
                Some(facts.title_lengths).filter(|&l| l != 0),
                lex.title_lengths(w)
            );
            assert_eq!(
                facts.title_word_first,
                lex.is_title_word_first_word(w),
                "{w}"
            );
        }
    }

    #[test]
    fn form_lengths_finds_every_first_word() {
        let lex = lexicon();
        for (w, &lengths) in &lex.first_words {
            assert_eq!(lex.form_lengths(w), lengths, "{w}");
        }
    }

    #[test]
    fn capitals_title_of_a_weekday() {
        assert_eq!(capitals_title("MONDAY").as_deref(), Some("Monday"));
    }

    #[test]
    fn capitals_title_of_a_word_with_an_accent() {
        assert_eq!(capitals_title("ÉLYSÉE").as_deref(), Some("Élysée"));
    }

    #[test]
    fn capitals_title_of_a_name_is_none() {
        assert_eq!(capitals_title("Monday"), None);
    }

    #[test]
    fn weekday_in_capitals_is_no_name() {
        assert!(lexicon().is_not_name("WEDNESDAY"));
    }

    #[test]
    fn form_lengths_of_an_unknown_word_is_zero() {
        assert_eq!(lexicon().form_lengths("Xyzzy"), 0);
    }

    #[test]
    fn longest_match_prefers_longer_forms() {
        let lex = lexicon();
        let hit = lex.longest_match(&["United", "States", "said"]).unwrap();
        assert_eq!(hit.len, 2);
        assert_eq!(lex.entries[hit.entry].canonical, "United States");
    }
}
