//! Helpers: a temporary directory with a store, a way to run the binary in it, and
//! the `ngtest!` macro that gives each test both.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Defines a test that gets a fresh [`Ng`] as `$ng`.
macro_rules! ngtest {
    ($name:ident, |$ng:ident| $body:block) => {
        #[test]
        fn $name() {
            #[allow(unused_mut)]
            let mut $ng = crate::util::Ng::new();
            $body
        }
    };
}

/// A temporary working directory with a store path in it.
pub struct Ng {
    pub dir: tempfile::TempDir,
}

impl Ng {
    pub fn new() -> Self {
        Ng {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The default store of this test.
    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// A command for the binary, run in the temp dir, with `NEWSGRAPH_STORE` set.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("NEWSGRAPH_STORE", self.store())
            .env_remove("RUST_LOG");
        c
    }

    /// Runs the binary with `stdin` as standard input.
    pub fn run_with_input(&self, args: &[&str], stdin: &[u8]) -> Output {
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn newsgraph");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin)
            .expect("write stdin");
        child.wait_with_output().expect("wait")
    }

    /// Runs the binary.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run newsgraph")
    }

    /// Runs the binary, asserts success, returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "newsgraph {args:?} failed ({:?}):\n--- stderr\n{}\n---",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Writes a file in the temp dir and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write");
        p
    }
}

/// The sample corpus shipped with the crate.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The corpus files, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// A path as a `&str` argument.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Triples of a Turtle document, parsed with rio (an independent parser), as
/// N-Triples lines.
pub fn rio_turtle(text: &str) -> BTreeSet<String> {
    use rio_api::parser::TriplesParser;
    let mut set = BTreeSet::new();
    rio_turtle::TurtleParser::new(text.as_bytes(), None)
        .parse_all(&mut |t| -> Result<(), rio_turtle::TurtleError> {
            set.insert(t.to_string());
            Ok(())
        })
        .expect("rio parses the Turtle export");
    set
}

/// Triples of an N-Triples document, parsed with rio.
pub fn rio_ntriples(text: &str) -> BTreeSet<String> {
    use rio_api::parser::TriplesParser;
    let mut set = BTreeSet::new();
    rio_turtle::NTriplesParser::new(text.as_bytes())
        .parse_all(&mut |t| -> Result<(), rio_turtle::TurtleError> {
            set.insert(t.to_string());
            Ok(())
        })
        .expect("rio parses the N-Triples export");
    set
}

/// Quads of a TriG document, parsed with rio, as N-Quads lines.
pub fn rio_trig(text: &str) -> BTreeSet<String> {
    use rio_api::parser::QuadsParser;
    let mut set = BTreeSet::new();
    rio_turtle::TriGParser::new(text.as_bytes(), None)
        .parse_all(&mut |q| -> Result<(), rio_turtle::TurtleError> {
            set.insert(q.to_string());
            Ok(())
        })
        .expect("rio parses the TriG export");
    set
}

/// Quads of an N-Quads document, parsed with rio.
pub fn rio_nquads(text: &str) -> BTreeSet<String> {
    use rio_api::parser::QuadsParser;
    let mut set = BTreeSet::new();
    rio_turtle::NQuadsParser::new(text.as_bytes())
        .parse_all(&mut |q| -> Result<(), rio_turtle::TurtleError> {
            set.insert(q.to_string());
            Ok(())
        })
        .expect("rio parses the N-Quads export");
    set
}

/// The non-empty lines of standard error.
pub fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}
