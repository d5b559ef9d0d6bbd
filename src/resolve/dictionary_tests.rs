//! Tests of reading the actor dictionary (TSV and Turtle).

use super::*;

fn tsv(text: &str) -> Result<(Dictionary, Vec<String>), DictionaryError> {
    Dictionary::parse("d.tsv", text.as_bytes(), DictionaryFormat::Tsv)
}

fn ttl(text: &str) -> Result<(Dictionary, Vec<String>), DictionaryError> {
    Dictionary::parse("d.ttl", text.as_bytes(), DictionaryFormat::Turtle)
}

fn error_of<T: std::fmt::Debug>(r: Result<T, DictionaryError>) -> String {
    r.expect_err("the dictionary should be rejected")
        .to_string()
}

const PREFIXES: &str = "@prefix schema: <http://schema.org/> .\n\
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
    @prefix org: <http://www.w3.org/ns/org#> .\n\
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

#[test]
fn tsv_good_row_gives_every_field() {
    let (d, w) = tsv("# name\tkind\taliases\tids\troles\n\
        Hossein Amir-Abdollahian\tperson\tAmirabdollahian|Abdollahian\tQ5908604|wd:Q1\tForeign Minister;Iran;2021-08-25;2024-05-19\n")
    .unwrap();
    assert!(w.is_empty());
    let e = &d.entries[0];
    assert_eq!(e.line, 2);
    assert_eq!(e.name, "Hossein Amir-Abdollahian");
    assert_eq!(e.kind, ActorKind::Person);
    assert_eq!(e.aliases, ["Abdollahian", "Amirabdollahian"]);
    assert_eq!(
        e.same_as,
        [
            "http://www.wikidata.org/entity/Q1",
            "http://www.wikidata.org/entity/Q5908604"
        ]
    );
    assert_eq!(
        e.roles,
        [DictRole {
            title: "Foreign Minister".into(),
            organization: Some("Iran".into()),
            start: Some("2021-08-25".into()),
            end: Some("2024-05-19".into()),
        }]
    );
}

#[test]
fn tsv_header_row_and_short_rows_are_accepted() {
    let (d, _) = tsv("name\tkind\nIran\tcountry\n").unwrap();
    assert_eq!(d.entries.len(), 1);
    assert_eq!(d.entries[0].kind, ActorKind::Country);
}

#[test]
fn tsv_unknown_kind_names_file_and_line() {
    let e = error_of(tsv("Iran\tcountry\n\nHamas\tmilitia\n"));
    assert!(e.starts_with("d.tsv:3: unknown kind \"militia\""), "{e}");
}

#[test]
fn tsv_missing_kind_column_is_rejected() {
    let e = error_of(tsv("Iran\n"));
    assert!(e.starts_with("d.tsv:1: expected 2 to 5"), "{e}");
}

#[test]
fn tsv_bad_identifier_is_rejected() {
    let e = error_of(tsv("Iran\tcountry\t\tnot an id\n"));
    assert!(e.starts_with("d.tsv:1: identifier \"not an id\""), "{e}");
}

#[test]
fn tsv_other_iri_identifier_is_kept() {
    let (d, _) = tsv("Iran\tcountry\t\thttps://example.org/iran\n").unwrap();
    assert_eq!(d.entries[0].same_as, ["https://example.org/iran"]);
}

#[test]
fn tsv_bad_role_date_is_rejected() {
    let e = error_of(tsv("A B\tperson\t\t\tMinister;;2021-13-01\n"));
    assert!(e.contains("d.tsv:1:") && e.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn tsv_role_ending_before_it_starts_is_rejected() {
    let e = error_of(tsv("A B\tperson\t\t\tMinister;;2022-01-01;2021-01-01\n"));
    assert!(e.contains("starts (2022-01-01) after it ends"), "{e}");
}

#[test]
fn same_canonical_name_twice_is_rejected() {
    let e = error_of(tsv("Ali Bagheri Kani\tperson\nAli Baghiri Kani\tperson\n"));
    assert!(e.starts_with("d.tsv:2: canonical name"), "{e}");
}

#[test]
fn ambiguous_alias_warns_with_both_lines_and_is_not_used() {
    let (d, w) =
        tsv("Mohammad Bagheri\tperson\tBagheri\nAli Bagheri Kani\tperson\tBagheri\n").unwrap();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].contains("\"Mohammad Bagheri\" (line 1)")
            && w[0].contains("\"Ali Bagheri Kani\" (line 2)"),
        "{}",
        w[0]
    );
    assert_eq!(d.find("Bagheri", true), None);
    assert!(d.entries.iter().all(|e| e.aliases.is_empty()));
}

#[test]
fn alias_equal_to_another_canonical_name_is_not_used() {
    let (d, w) = tsv("Ali Bagheri\tperson\nAli Bagheri Kani\tperson\tAli Bagheri\n").unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(d.find("Ali Bagheri", true), Some(0));
}

#[test]
fn find_folds_spelling_and_keeps_people_apart_from_others() {
    let (d, _) = tsv("Mousa Abu Marzook\tperson\tAbu Marzouk\nJordan\tcountry\n").unwrap();
    assert_eq!(d.find("Abu Marzook", true), Some(0));
    assert_eq!(d.find("Musa Abu Marzouk", true), Some(0));
    assert_eq!(d.find("Jordan", true), None);
    assert_eq!(d.find("Jordan", false), Some(1));
    assert_eq!(d.key(0), "mousa-abu-marzook");
}

#[test]
fn format_is_chosen_by_extension() {
    use std::path::Path;
    assert_eq!(
        DictionaryFormat::of_path(Path::new("a/actors.TSV")),
        Some(DictionaryFormat::Tsv)
    );
    assert_eq!(
        DictionaryFormat::of_path(Path::new("actors.ttl")),
        Some(DictionaryFormat::Turtle)
    );
    assert_eq!(DictionaryFormat::of_path(Path::new("actors.csv")), None);
}

#[test]
fn turtle_entry_gives_every_field() {
    let text = format!(
        "{PREFIXES}\n<#aa> a schema:Person ;\n  skos:prefLabel \"Hossein Amir-Abdollahian\" ;\n  \
         skos:altLabel \"Amirabdollahian\" ;\n  schema:sameAs <http://www.wikidata.org/entity/Q5908604> ;\n  \
         org:hasMembership [ org:role \"Foreign Minister\" ; org:organization <#iran> ;\n    \
         schema:startDate \"2021-08-25\"^^xsd:date ] .\n<#iran> a schema:Country ; skos:prefLabel \"Iran\" .\n"
    );
    let (d, w) = ttl(&text).unwrap();
    assert!(w.is_empty());
    assert_eq!(d.entries.len(), 2);
    let e = &d.entries[0];
    assert_eq!((e.line, e.name.as_str()), (7, "Hossein Amir-Abdollahian"));
    assert_eq!(e.aliases, ["Amirabdollahian"]);
    assert_eq!(e.same_as, ["http://www.wikidata.org/entity/Q5908604"]);
    assert_eq!(e.roles[0].organization.as_deref(), Some("Iran"));
    assert_eq!(e.roles[0].start.as_deref(), Some("2021-08-25"));
    assert_eq!(d.entries[1].kind, ActorKind::Country);
}

#[test]
fn turtle_syntax_error_names_the_line() {
    let text = format!("{PREFIXES}\n<#x> a schema:Person ;\n  skos:prefLabel \"X\" \n<#y> .\n");
    let e = error_of(ttl(&text));
    assert!(e.starts_with("d.ttl:8: not valid Turtle"), "{e}");
}

#[test]
fn turtle_actor_without_name_is_rejected() {
    let text = format!("{PREFIXES}\n<#iran> a schema:Country .\n");
    let e = error_of(ttl(&text));
    assert!(
        e.starts_with("d.ttl:6: <#iran>: an actor needs a name"),
        "{e}"
    );
}

#[test]
fn turtle_bad_role_date_names_the_entry_line() {
    let text = format!(
        "{PREFIXES}\n<#x> a schema:Person ;\n  skos:prefLabel \"Ali X\" ;\n  \
         org:hasMembership [ org:role \"Minister\" ; schema:endDate \"soon\" ] .\n"
    );
    let e = error_of(ttl(&text));
    assert!(
        e.starts_with("d.ttl:7: \"Ali X\": role \"Minister\""),
        "{e}"
    );
}
