//! The documented exit codes (README, `--help`, SECURITY.md), one case each: 0 done,
//! 1 could not run, 2 some input rejected, 64 usage error. The lock's code 1 is
//! checked in `tests/crash.rs`.

use super::support::{nasty, run, Run};

fn code(args: &[&str]) -> Run {
    let r = run(args, None);
    r.assert_no_panic();
    r
}

#[test]
fn help_and_version_exit_0_and_help_lists_the_codes() {
    let r = code(&["--help"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for line in ["Exit codes:", "  0 ", "  1 ", "  2 ", "  64 "] {
        assert!(
            r.stdout.contains(line),
            "no `{line}` in --help:\n{}",
            r.stdout
        );
    }
    assert_eq!(code(&["--version"]).code, Some(0));
}

#[test]
fn all_input_read_exits_0() {
    let good = nasty("good.txt");
    assert_eq!(code(&["extract", good.to_str().unwrap()]).code, Some(0));
}

#[test]
fn rejected_input_exits_2() {
    let (bad, good) = (nasty("binary.txt"), nasty("good.txt"));
    let r = code(&["extract", bad.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
}

#[test]
fn missing_store_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("none");
    let r = code(&["query", "--store", store.to_str().unwrap(), "ASK {}"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.starts_with("newsgraph: "), "{}", r.stderr);
}

#[test]
fn impossible_date_flag_exits_1() {
    let good = nasty("good.txt");
    let r = code(&["extract", "--date", "2023-02-30", good.to_str().unwrap()]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("--date 2023-02-30"), "{}", r.stderr);
}

#[test]
fn unknown_command_exits_64() {
    let r = code(&["frobnicate"]);
    assert_eq!(r.code, Some(64), "{}", r.stderr);
    assert!(r.stderr.contains("error:"), "{}", r.stderr);
}

#[test]
fn unknown_flag_exits_64() {
    let good = nasty("good.txt");
    let r = code(&["ingest", "--no-such-flag", good.to_str().unwrap()]);
    assert_eq!(r.code, Some(64), "{}", r.stderr);
}

#[test]
fn missing_argument_exits_64() {
    assert_eq!(code(&["extract"]).code, Some(64));
    assert_eq!(code(&[]).code, Some(64));
}

#[test]
fn value_of_the_wrong_form_exits_64() {
    let r = code(&["export", "--format", "nope"]);
    assert_eq!(r.code, Some(64), "{}", r.stderr);
}
