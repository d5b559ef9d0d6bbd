//! Writes: refused on a read-only server, and on a writable one without the token;
//! `--writable` itself refuses to start without a token.

use crate::server::{Server, SMALL};

const TOKEN: &str = "correct-horse-battery-staple-42";
const INSERT: &str = "INSERT DATA { <http://example.org/x> <http://example.org/p> \"planted\" }";
const PLANTED: &str = "ASK { ?s <http://example.org/p> \"planted\" }";

fn update(server: &Server, auth: &str) -> u16 {
    server
        .post(
            "/update",
            &format!("Content-Type: application/sparql-update\r\n{auth}"),
            INSERT.as_bytes(),
        )
        .status
}

#[test]
fn read_only_server_refuses_every_write() {
    let server = Server::start(&[], &[("NEWSGRAPH_TOKEN", TOKEN)]);
    assert_eq!(
        update(&server, &format!("Authorization: Bearer {TOKEN}\r\n")),
        403
    );
    let form = server.post(
        "/sparql",
        "Content-Type: application/x-www-form-urlencoded\r\n",
        format!("update={}", crate::server::encode(INSERT)).as_bytes(),
    );
    assert_eq!(form.status, 403, "{}", form.text);
    let put = server.raw(b"PUT /store?default HTTP/1.1\r\nContent-Type: text/turtle\r\nContent-Length: 2\r\nConnection: close\r\n\r\n<>");
    assert_eq!(put.status, 403, "{}", put.text);
    let delete = server.raw(b"DELETE /store?default HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(delete.status, 403, "{}", delete.text);
    assert!(server.query(PLANTED).body().contains("false"));
    assert!(
        server.query(SMALL).body().contains("true"),
        "the data is untouched"
    );
}

#[test]
fn writable_needs_a_token_to_start() {
    let log = Server::try_start(&["--writable"], &[])
        .err()
        .expect("started without a token");
    assert!(log.contains("bearer token"), "{log}");
    let log = Server::try_start(&["--writable"], &[("NEWSGRAPH_TOKEN", "short")])
        .err()
        .expect("started with a short token");
    assert!(log.contains("at least 16"), "{log}");
}

#[test]
fn writable_server_checks_the_bearer_token() {
    let server = Server::start(&["--writable"], &[("NEWSGRAPH_TOKEN", TOKEN)]);
    assert_eq!(update(&server, ""), 401);
    assert_eq!(
        update(
            &server,
            "Authorization: Bearer wrong-token-of-some-length\r\n"
        ),
        401
    );
    assert_eq!(
        update(&server, &format!("Authorization: Basic {TOKEN}\r\n")),
        401
    );
    assert!(server.query(PLANTED).body().contains("false"));
    assert_eq!(
        update(&server, &format!("Authorization: Bearer {TOKEN}\r\n")),
        204
    );
    assert!(server.query(PLANTED).body().contains("true"));
}

#[test]
fn token_file_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).expect("write token");
    let file = file.to_str().expect("utf-8 path");
    let server = Server::start(&["--writable", "--token-file", file], &[]);
    assert_eq!(update(&server, ""), 401);
    assert_eq!(
        update(&server, &format!("Authorization: Bearer {TOKEN}\r\n")),
        204
    );
}
