//! `newsgraph compact`: compacts the store's RocksDB mirror and says what it did.
//! It must not change the graph files (that is `ingest`'s job alone).

use std::time::Instant;

use anyhow::Result;

use crate::cli::args::CompactArgs;
use crate::store::{Compacted, Store};

/// Runs `compact`.
pub fn run(args: &CompactArgs) -> Result<bool> {
    let dir = &args.store.store;
    let start = Instant::now();
    let done = Store::compact(dir, !args.no_wait)?;
    let secs = start.elapsed().as_secs_f64();
    match done {
        Compacted::Mirror => println!(
            "compacted the RocksDB mirror of {} in {secs:.1} s",
            dir.display()
        ),
        Compacted::Rebuilt => println!(
            "rebuilt the RocksDB mirror of {} from its graph files in {secs:.1} s \
             (it was missing or stale)",
            dir.display()
        ),
        Compacted::NoMirror => println!(
            "{}: nothing to compact: this build reads the graph files into memory \
             (the RocksDB mirror needs a build with --features rocksdb)",
            dir.display()
        ),
    }
    Ok(true)
}
