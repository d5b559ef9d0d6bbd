//! The endpoint under attack (issue 7): the real `newsgraph serve` binary on an
//! ephemeral loopback port, serving a store ingested from `corpus/`, meets slow
//! clients, oversized and malformed requests, path traversal, exploding queries,
//! outbound-request attempts and unauthorised writes. Each must be cut off by a limit
//! with an error status while other clients keep being served.
//!
//! These tests only talk to 127.0.0.1; the outbound-request tests run a listener of
//! their own there and check that the server never connects to it.

mod attacks;
mod queries;
mod server;
mod writes;
