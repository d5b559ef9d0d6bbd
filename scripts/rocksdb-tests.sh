#!/usr/bin/env bash
# Builds newsgraph with the opt-in `rocksdb` feature and runs its tests
# (tests/rocksdb.rs: the on-disk mirror equals the graph files after a first ingest,
# later ingests, a crash marker and a missing mirror) and the library's unit tests.
#
# The feature compiles RocksDB from source (C++, ~20 min on 2 cores the first time)
# and needs libclang for bindgen: on Debian this script installs libclang-dev when
# clang's library is missing. `.ci/run` does not call it (it would double CI's time
# with a C++ build); run it before landing a change to src/store/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1 && ! ldconfig -p | grep -q libclang; then
    echo "== installing libclang-dev (bindgen needs it)"
    apt-get install -y libclang-dev >/dev/null
fi

echo "== cargo clippy --release --features rocksdb --all-targets -- -D warnings"
cargo clippy --release --features rocksdb --all-targets -- -D warnings
echo "== cargo test --release --features rocksdb (tests/rocksdb.rs, store unit tests)"
cargo test --release --features rocksdb --test rocksdb
cargo test --release --features rocksdb --lib store
echo "== rocksdb tests passed"
