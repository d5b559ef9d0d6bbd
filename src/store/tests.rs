//! Unit tests of the store on hand-made records in temporary directories.

use super::*;
use crate::extract::*;
use oxigraph::sparql::QueryResults;

const B: &str = "https://w3id.org/newsgraph/id/";

fn record(id: &str, actor_names: &[&str]) -> Record {
    Record {
        article: ArticleInfo {
            id: id.into(),
            iri: format!("{B}article/{id}"),
            date: Some("2023-10-16".into()),
            title: None,
            source: format!("{id}.txt"),
            url: None,
            hash: "h".into(),
            length: 10,
        },
        actors: actor_names
            .iter()
            .enumerate()
            .map(|(i, n)| ActorRecord {
                id: format!("a{}", i + 1),
                iri: format!("{B}actor/{}", crate::resolve::name_key(n)),
                name: n.to_string(),
                kind: ActorKind::Person,
                aliases: vec![],
                roles: vec![],
                mentions: vec![],
            })
            .collect(),
        meetings: vec![],
        statements: vec![],
    }
}

fn ask(store: &Store, q: &str) -> bool {
    matches!(store.query(q).unwrap(), QueryResults::Boolean(true))
}

#[test]
fn reopened_store_has_the_same_quads() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_article(&record("x1", &["Wang Yi"])).unwrap();
    let n = s.quad_count().unwrap();
    drop(s);
    let again = Store::open(dir.path()).unwrap();
    assert_eq!(again.quad_count().unwrap(), n);
    assert_eq!(again.article_count(), 1);
}

#[test]
fn replacing_an_article_drops_its_old_triples() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_article(&record("x1", &["Wang Yi"])).unwrap();
    s.replace_article(&record("x1", &["Sergei Lavrov"]))
        .unwrap();
    assert!(!ask(&s, &format!("ASK {{ <{B}actor/wang-yi> ?p ?o }}")));
    drop(s);
    let again = Store::open(dir.path()).unwrap();
    assert!(!ask(&again, &format!("ASK {{ <{B}actor/wang-yi> ?p ?o }}")));
    assert!(ask(
        &again,
        &format!("ASK {{ <{B}actor/sergei-lavrov> ?p ?o }}")
    ));
}

#[test]
fn default_graph_is_the_union() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_article(&record("x1", &["Wang Yi"])).unwrap();
    assert!(ask(&s, &format!("ASK {{ <{B}actor/wang-yi> ?p ?o }}")));
}

#[test]
fn read_only_store_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_writable(dir.path(), false).unwrap());
    let s = Store::open(dir.path()).unwrap();
    assert!(matches!(
        s.replace_article(&record("x1", &["Wang Yi"])),
        Err(StoreError::ReadOnly { .. })
    ));
}

#[test]
fn missing_store_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Store::open(dir.path().join("nope")),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn turtle_export_is_the_same_for_either_order() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let r1 = record("x1", &["Wang Yi", "Sergei Lavrov"]);
    let r2 = record("x2", &["Wang Yi"]);
    let sa = Store::open_writable(a.path(), false).unwrap();
    sa.replace_articles(&[r1.clone(), r2.clone()]);
    let sb = Store::open_writable(b.path(), false).unwrap();
    sb.replace_articles(&[r2, r1]);
    let ea = export::export(&sa, ExportFormat::Turtle, Vec::new()).unwrap();
    let eb = export::export(&sb, ExportFormat::Turtle, Vec::new()).unwrap();
    assert_eq!(ea, eb);
    assert!(String::from_utf8(ea).unwrap().contains("@prefix schema:"));
}

#[test]
fn union_export_lists_shared_triples_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_articles(&[record("x1", &["Wang Yi"]), record("x2", &["Wang Yi"])]);
    let nt =
        String::from_utf8(export::export(&s, ExportFormat::Ntriples, Vec::new()).unwrap()).unwrap();
    let name_lines = nt.lines().filter(|l| l.contains("schema.org/name")).count();
    assert_eq!(name_lines, 1);
}

#[test]
fn graph_without_its_record_is_not_shown_in_a_format_1_store() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_article(&record("x1", &["Wang Yi"])).unwrap();
    drop(s);
    // Format 1 kept the record in `records/`, written after the graph.
    let path = files::graph_path(dir.path(), "x1");
    let text = std::fs::read_to_string(&path).unwrap();
    let (line, graph) = text.split_once('\n').unwrap();
    let json = line.strip_prefix("# newsgraph-record ").unwrap();
    std::fs::create_dir_all(dir.path().join(files::RECORDS)).unwrap();
    std::fs::write(files::record_path(dir.path(), "x1"), json).unwrap();
    std::fs::write(&path, graph).unwrap();
    // A kill between the graph and the record of a second article.
    assert!(graph.contains("x1"));
    std::fs::write(
        files::graph_path(dir.path(), "x2"),
        graph.replace("x1", "x2"),
    )
    .unwrap();
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.article_count(), 1);
    assert_eq!(s.record("x1").unwrap().article.id, "x1");
}

#[test]
fn a_graph_file_commits_its_article_with_the_record_on_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_article(&record("x1", &["Wang Yi"])).unwrap();
    drop(s);
    assert!(!dir.path().join(files::RECORDS).exists());
    let text = std::fs::read_to_string(files::graph_path(dir.path(), "x1")).unwrap();
    assert!(text.starts_with("# newsgraph-record {"));
    std::fs::write(
        files::graph_path(dir.path(), "x2"),
        text.replace("x1", "x2"),
    )
    .unwrap();
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.article_count(), 2);
    assert_eq!(s.record("x2").unwrap().article.id, "x2");
    assert!(s.has_record("x2") && !s.has_record("x3"));
}

#[test]
fn stale_temp_file_is_ignored_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_writable(dir.path(), false).unwrap());
    let tmp = dir.path().join("graphs/.x.nq.tmp");
    std::fs::write(&tmp, "garbage").unwrap();
    assert_eq!(Store::open(dir.path()).unwrap().article_count(), 0);
    drop(Store::open_writable(dir.path(), false).unwrap());
    assert!(!tmp.exists());
}

fn count(store: &Store, q: &str) -> usize {
    match store.query(q).unwrap() {
        QueryResults::Solutions(s) => s.count(),
        _ => panic!("not a SELECT"),
    }
}

#[test]
fn merged_graph_has_each_triple_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_articles(&[record("x1", &["Wang Yi"]), record("x2", &["Wang Yi"])]);
    let q =
        format!("SELECT ?t ?n WHERE {{ <{B}actor/wang-yi> a ?t ; <http://schema.org/name> ?n }}");
    assert_eq!(count(&s, &q), 2);
    drop(s);
    assert_eq!(count(&Store::open(dir.path()).unwrap(), &q), 2);
}

#[test]
fn shared_triple_stays_while_another_article_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_articles(&[record("x1", &["Wang Yi"]), record("x2", &["Wang Yi"])]);
    s.replace_article(&record("x1", &["Sergei Lavrov"]))
        .unwrap();
    assert!(ask(&s, &format!("ASK {{ <{B}actor/wang-yi> ?p ?o }}")));
    s.replace_article(&record("x2", &["Sergei Lavrov"]))
        .unwrap();
    assert!(!ask(&s, &format!("ASK {{ <{B}actor/wang-yi> ?p ?o }}")));
    assert_eq!(
        s.triple_count(),
        Store::open(dir.path()).unwrap().triple_count()
    );
}

#[test]
fn quad_count_excludes_the_merged_graph() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_writable(dir.path(), false).unwrap();
    s.replace_articles(&[record("x1", &["Wang Yi"]), record("x2", &["Wang Yi"])]);
    assert_eq!(s.quad_count().unwrap(), s.quads().unwrap().len());
    assert!(s.triple_count() < s.quad_count().unwrap());
}
