//! Fuzz target: arbitrary bytes as what a client sends on one connection (pipelined
//! HTTP/1.1 requests), read and answered by the server's own request reader and
//! handler (`newsgraph::server::serve_bytes`, no socket). It must never panic, every
//! answer must be well-formed HTTP/1.1, and no answer may be a 5xx other than 503
//! (time limit, busy): a 500 means the handler failed on input it should refuse.
#![no_main]

use std::sync::OnceLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use newsgraph::server::{serve_bytes, ServerOptions, ServerState};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;

const DATA: &str = r#"
@prefix schema: <http://schema.org/> .
<https://w3id.org/newsgraph/id/article/a1> {
  <https://w3id.org/newsgraph/id/meeting/m1> a schema:Event ;
    schema:attendee <https://w3id.org/newsgraph/id/actor/p1>, <https://w3id.org/newsgraph/id/actor/p2> .
  <https://w3id.org/newsgraph/id/actor/p1> schema:name "Mousa Abu Marzook" .
  <https://w3id.org/newsgraph/id/actor/p2> schema:name "Mikhail Bogdanov"@en .
}
"#;

fn state() -> &'static ServerState {
    static STATE: OnceLock<ServerState> = OnceLock::new();
    STATE.get_or_init(|| {
        let store = Store::new().expect("store");
        store
            .load_from_slice(RdfParser::from_format(RdfFormat::TriG), DATA)
            .expect("fixture");
        let options = ServerOptions {
            timeout: Duration::from_millis(500),
            max_body_bytes: 4096,
            max_head_bytes: 2048,
            max_response_bytes: 1 << 20,
            write_token: Some("fuzz-token-0123456789".to_owned()),
            ..ServerOptions::default()
        };
        ServerState::new(store, options)
    })
}

fuzz_target!(|data: &[u8]| {
    let out = serve_bytes(state(), data);
    let text = String::from_utf8_lossy(&out);
    let mut rest = text.as_ref();
    while !rest.is_empty() {
        assert!(rest.starts_with("HTTP/1.1 "), "malformed answer: {rest:?}");
        let status: u16 = rest.get(9..12).and_then(|s| s.parse().ok()).expect("status code");
        assert!(status < 500 || status == 503 || status == 505 || status == 501, "{rest}");
        if status == 100 {
            rest = rest.strip_prefix("HTTP/1.1 100 Continue\r\n\r\n").expect("100");
            continue;
        }
        let (head, body) = rest.split_once("\r\n\r\n").expect("end of head");
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .expect("Content-Length")
            .parse()
            .expect("length");
        rest = body.get(length..).unwrap_or("");
    }
});
