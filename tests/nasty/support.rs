//! Helpers of the `nasty` integration test: run the built binary, parse its JSON
//! Lines, recompute each article's body independently of the reader under test, and
//! check every span of a record against that body (by characters).
//!
//! Nothing here decides what a case should produce; the tests in `tests/nasty.rs` do.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The finished run of the binary.
pub struct Run {
    /// Exit code (`None` when killed by a signal, e.g. a panic turned abort).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// The JSON records on standard output.
    pub fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("stdout line is JSON"))
            .collect()
    }

    /// The record of article `id`.
    pub fn record(&self, id: &str) -> Value {
        self.records()
            .into_iter()
            .find(|r| r["article"]["id"] == id)
            .unwrap_or_else(|| panic!("no record for {id}; stderr:\n{}", self.stderr))
    }

    /// The `newsgraph: …` lines of standard error that are errors (not warnings).
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.starts_with("newsgraph: warning:"))
            .collect()
    }

    /// Fails with the whole output if the run panicked.
    pub fn assert_no_panic(&self) {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert!(self.code.is_some(), "killed by a signal:\n{}", self.stderr);
    }
}

/// Path of a committed nasty file.
pub fn nasty(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/nasty/files")
        .join(name)
}

/// Runs `newsgraph` with `args`, feeding `stdin` if given.
pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("spawn newsgraph");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin pipe");
        let data = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        });
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait newsgraph");
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// `newsgraph extract` on the given paths.
pub fn extract<P: AsRef<Path>>(paths: &[P]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec!["extract".into()];
    args.extend(paths.iter().map(|p| p.as_ref().as_os_str().to_owned()));
    run(&args, None)
}

/// The body of a plain-text file, recomputed without the crate's reader: drop a
/// UTF-8 BOM, then a leading ` date YYYY-MM-DD` header and the one white-space
/// character after it.
pub fn plain_body(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).expect("test input is UTF-8");
    let t = text.trim_start_matches([' ', '\t']);
    let Some(rest) = t.strip_prefix("date") else {
        return text.to_string();
    };
    let v = rest.trim_start_matches([' ', '\t']);
    let shaped = v.len() >= 10
        && v.len() < rest.len()
        && v.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && v[10..].chars().next().is_none_or(char::is_whitespace);
    if !shaped {
        return text.to_string();
    }
    let mut after = v[10..].chars();
    after.next();
    after.as_str().to_string()
}

/// Checks one record against the body it was made from: the hash and length name
/// this body, and every span (any object with integer `start`, `end` and string
/// `text`) has `start <= end <= length` and `text == body[start..end]` in characters.
/// Returns how many spans were checked.
pub fn check_spans(record: &Value, body: &str) -> usize {
    let chars: Vec<char> = body.chars().collect();
    let art = &record["article"];
    assert_eq!(art["length"], chars.len(), "length of {}", art["id"]);
    let hash = format!("{:x}", Sha256::digest(body.as_bytes()));
    assert_eq!(
        art["hash"],
        hash.as_str(),
        "hash of {} (body differs)",
        art["id"]
    );
    let mut n = 0;
    walk(record, &mut |obj| {
        let (Some(s), Some(e), Some(t)) = (
            obj.get("start").and_then(Value::as_u64),
            obj.get("end").and_then(Value::as_u64),
            obj.get("text").and_then(Value::as_str),
        ) else {
            return;
        };
        let (s, e) = (s as usize, e as usize);
        assert!(
            s <= e && e <= chars.len(),
            "span {s}..{e} outside body of {}",
            chars.len()
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, t, "span {s}..{e} text differs from the body");
        n += 1;
    });
    n
}

fn walk(v: &Value, f: &mut dyn FnMut(&serde_json::Map<String, Value>)) {
    match v {
        Value::Object(m) => {
            f(m);
            m.values().for_each(|x| walk(x, f));
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
        _ => {}
    }
}

/// Realistic news text: the bodies of the sample articles in `corpus/`, repeated
/// until `bytes` long (cut at a character boundary).
pub fn news_text(bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    repeat_to(&text_files(&dir).expect("corpus/"), bytes)
}

/// Varied news text for huge articles: the 840 PolNeAR training articles
/// (`shared/eval/polnear/train/text`, 5.5 MB, found as `newsgraph::eval` finds it),
/// repeated until `bytes` long; the sample articles of `corpus/` when it is absent.
pub fn big_text(bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match newsgraph::eval::sources::find_eval_dir(root)
        .and_then(|d| text_files(&d.join("polnear/train/text")))
    {
        Some(files) if !files.is_empty() => repeat_to(&files, bytes),
        _ => news_text(bytes),
    }
}

/// The bodies of the text files of `dir`, sorted by name (`None` if unreadable).
fn text_files(dir: &Path) -> Option<Vec<String>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some(plain_body(
                &String::from_utf8_lossy(&bytes).into_owned().into_bytes(),
            ))
        })
        .collect()
}

/// The texts joined by blank lines and repeated until `bytes` long, cut at a
/// character boundary.
fn repeat_to(texts: &[String], bytes: usize) -> String {
    let unit = texts.join("\n\n");
    assert!(!unit.is_empty(), "no text to repeat");
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(&unit);
        s.push_str("\n\n");
    }
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}
