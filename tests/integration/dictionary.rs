//! The actor dictionary (`ingest --actors FILE`): outside identifiers, canonical
//! names, alias merges, bad rows, and what the store remembers of it.

use std::path::PathBuf;

use crate::util::{corpus, s, stderr_lines};

/// The example dictionary shipped with the crate.
fn example(ext: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("actors.{ext}"))
}

const ACTOR: &str = "https://w3id.org/newsgraph/id/actor/";

/// The values of `?v` in `SELECT ?v WHERE { <subject> <predicate> ?v }`, sorted.
fn values(ng: &crate::util::Ng, subject: &str, predicate: &str) -> Vec<String> {
    let q = format!("SELECT ?v WHERE {{ <{subject}> <{predicate}> ?v }} ORDER BY ?v");
    let out = ng.ok(&["query", "--format", "tsv", &q]);
    out.lines().skip(1).map(String::from).collect()
}

ngtest!(dictionary_adds_wikidata_same_as, |ng| {
    ng.ok(&["ingest", "--actors", s(&example("tsv")), s(&corpus())]);
    // "Biden" in the corpus is the dictionary's "Joe Biden" (an alias).
    let biden = format!("{ACTOR}joe-biden");
    assert_eq!(
        values(&ng, &biden, "http://schema.org/sameAs"),
        ["<http://www.wikidata.org/entity/Q6279>"]
    );
    assert_eq!(
        values(&ng, &biden, "http://www.w3.org/2004/02/skos/core#prefLabel"),
        ["\"Joe Biden\""]
    );
    // A dictionary role is held from/to its days; it is not a sighting.
    let listed: serde_json::Value =
        serde_json::from_str(&ng.ok(&["actors", "--format", "json", "--actor", "Biden"])).unwrap();
    let role = &listed[0]["roles"][0];
    assert_eq!(role["from"], "2021-01-20", "{listed}");
    assert_eq!(role["to"], "2025-01-20", "{listed}");
    assert!(role["first_seen"].is_null(), "{listed}");
    let q = format!("ASK {{ ?a <http://schema.org/mentions> <{ACTOR}biden> }}");
    assert!(ng.ok(&["query", &q]).contains("false"), "no separate Biden");
    // The canonical name is the dictionary's; the IRI is the same as without it.
    let amir = format!("{ACTOR}hossein-amirabdollahian");
    assert_eq!(
        values(&ng, &amir, "http://www.w3.org/2004/02/skos/core#prefLabel"),
        ["\"Hossein Amir-Abdollahian\""]
    );
});

ngtest!(dictionary_roles_are_dated_and_not_from_an_article, |ng| {
    ng.ok(&["ingest", "--actors", s(&example("ttl")), s(&corpus())]);
    let q = format!(
        "PREFIX org: <http://www.w3.org/ns/org#>
         PREFIX prov: <http://www.w3.org/ns/prov#>
         PREFIX time: <http://www.w3.org/2006/time#>
         SELECT ?start ?end ?src WHERE {{
           ?m org:member <{ACTOR}hossein-amirabdollahian> ; org:memberDuring ?i ;
              prov:wasDerivedFrom ?src .
           ?i time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
         }}"
    );
    let out = ng.ok(&["query", "--format", "csv", &q]);
    assert!(
        out.contains("2021-08-25,2024-05-19,https://w3id.org/newsgraph/id/dictionary"),
        "{out}"
    );
});

ngtest!(listed_alias_merges_two_spellings, |ng| {
    let articles = ng.write(
        "ab.jsonl",
        concat!(
            r#"{"id":"m1","date":"2023-10-16","text":"Palestinian President Mahmoud Abbas met Russian President Vladimir Putin in Moscow on Monday."}"#,
            "\n",
            r#"{"id":"m2","date":"2023-10-17","text":"Palestinian President Abu Mazen told reporters in Ramallah that the talks had failed."}"#,
            "\n"
        ),
    );
    let mentioned = |ng: &crate::util::Ng| {
        let q = "SELECT DISTINCT ?a WHERE { ?art <http://schema.org/mentions> ?a . ?a a <http://schema.org/Person> } ORDER BY ?a";
        ng.ok(&["query", "--format", "tsv", q])
    };
    ng.ok(&["ingest", s(&articles)]);
    let without = mentioned(&ng);
    assert!(without.contains("actor/abu-mazen"), "{without}");
    let dict = ng.write("d.tsv", "Mahmoud Abbas\tperson\tAbu Mazen\n");
    ng.ok(&[
        "ingest",
        "--store",
        "with",
        "--actors",
        s(&dict),
        s(&articles),
    ]);
    let with = {
        let q = "SELECT DISTINCT ?a WHERE { ?art <http://schema.org/mentions> ?a . ?a a <http://schema.org/Person> } ORDER BY ?a";
        ng.ok(&["query", "--store", "with", "--format", "tsv", q])
    };
    assert!(!with.contains("actor/abu-mazen"), "{with}");
    assert!(with.contains("actor/mahmoud-abbas"), "{with}");
});

ngtest!(bad_row_names_file_and_line_and_stores_nothing, |ng| {
    let dict = ng.write("d.tsv", "# comment\nIran\tcountry\nHamas\tmilitia\n");
    let out = ng.run(&["ingest", "--actors", s(&dict), s(&corpus())]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_lines(&out).join("\n");
    assert!(err.contains("d.tsv:3: unknown kind \"militia\""), "{err}");
    assert!(!ng.store().exists(), "nothing stored");
});

ngtest!(unknown_extension_is_rejected, |ng| {
    let dict = ng.write("d.csv", "Iran,country\n");
    let out = ng.run(&["ingest", "--actors", s(&dict), s(&corpus())]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_lines(&out).join("\n");
    assert!(err.contains("expected a .tsv or .ttl file"), "{err}");
});

ngtest!(ambiguous_alias_warns_with_both_lines, |ng| {
    let dict = ng.write(
        "d.tsv",
        "Mohammad Bagheri\tperson\tBagheri\nAli Bagheri Kani\tperson\tBagheri\n",
    );
    let out = ng.run(&["ingest", "--actors", s(&dict), s(&corpus())]);
    assert!(out.status.success());
    let err = stderr_lines(&out).join("\n");
    assert!(
        err.contains("warning") && err.contains("(line 1)") && err.contains("(line 2)"),
        "{err}"
    );
});

ngtest!(same_dictionary_twice_gives_the_same_bytes, |ng| {
    let dict = s(&example("tsv")).to_string();
    ng.ok(&["ingest", "--actors", &dict, s(&corpus())]);
    let first = ng.ok(&["export", "--format", "nquads"]);
    ng.ok(&["ingest", "--actors", &dict, s(&corpus())]);
    assert_eq!(first, ng.ok(&["export", "--format", "nquads"]));
    // A later ingest without --actors uses the copy kept in the store.
    assert!(ng.store().join("actors.tsv").is_file());
    ng.ok(&["ingest", s(&corpus())]);
    assert_eq!(first, ng.ok(&["export", "--format", "nquads"]));
});

ngtest!(tsv_and_turtle_examples_say_the_same, |ng| {
    ng.ok(&["ingest", "--actors", s(&example("tsv")), s(&corpus())]);
    ng.ok(&[
        "ingest",
        "--store",
        "ttl",
        "--actors",
        s(&example("ttl")),
        s(&corpus()),
    ]);
    let digest = |t: &str| -> String {
        t.lines()
            .filter(|l| !l.starts_with("<https://w3id.org/newsgraph/id/dictionary>"))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let a = ng.ok(&["export", "--format", "nquads"]);
    let b = ng.ok(&["export", "--store", "ttl", "--format", "nquads"]);
    assert_eq!(digest(&a), digest(&b));
});

ngtest!(
    one_file_per_run_with_the_kept_dictionary_gives_the_same_bytes,
    |ng| {
        ng.ok(&["ingest", "--actors", s(&example("ttl")), s(&corpus())]);
        let all = ng.ok(&["export", "--format", "nquads"]);
        let mut files = crate::util::corpus_files();
        files.reverse();
        let (first, rest) = files.split_first().expect("corpus files");
        let store = ng.dir.path().join("split");
        ng.ok(&[
            "ingest",
            "--store",
            s(&store),
            "--actors",
            s(&example("ttl")),
            s(first),
        ]);
        for f in rest {
            ng.ok(&["ingest", "--store", s(&store), s(f)]);
        }
        assert_eq!(
            all,
            ng.ok(&["export", "--store", s(&store), "--format", "nquads"])
        );
    }
);
