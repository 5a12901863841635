#![cfg(not(target_arch = "wasm32"))]
//! Interop (issue 15): the bytes automerge-repo 2.5.6 itself puts on the wire for each
//! message type, captured once by `tests/interop/repo_messages.mjs`, read by the app's
//! decoder field by field; a type a newer automerge-repo added is read and ignored.

use unhurried::model::ids::DocId;
use unhurried::sync::message::{Message, PeerId, PeerMetadata};
use unhurried::sync::repo_id::RepoDocId;

fn captured() -> Vec<(String, Vec<u8>)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/2026-12-02-repo-messages.txt"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let (name, hex) = line.split_once(' ').unwrap();
            (
                name.to_owned(),
                unhurried::model::ids::decode_hex(hex).unwrap(),
            )
        })
        .collect()
}

#[test]
fn automerge_repos_own_bytes_read_as_the_messages_they_are() {
    let doc = RepoDocId::from(DocId::from_bytes(std::array::from_fn(|i| i as u8)));
    assert_eq!(doc.to_string(), "1Bhh3pU9gLXZiNDL6PEa1Gs9fh");
    let (tab, server) = (PeerId("tab-1".into()), PeerId("server".into()));
    let data = vec![0x42, 1, 2, 3];
    let meta = |s: &str| PeerMetadata {
        storage_id: Some(s.into()),
        is_ephemeral: false,
    };
    let expected = [
        (
            "join",
            Message::Join {
                sender: tab.clone(),
                metadata: meta("st-1"),
                versions: vec!["1".into()],
            },
        ),
        (
            "peer",
            Message::Peer {
                sender: server.clone(),
                target: tab.clone(),
                metadata: meta("st-2"),
                version: "1".into(),
            },
        ),
        (
            "request",
            Message::Request {
                sender: tab.clone(),
                target: server.clone(),
                document: doc,
                data: data.clone(),
            },
        ),
        (
            "sync",
            Message::Sync {
                sender: server.clone(),
                target: tab.clone(),
                document: doc,
                data: data.clone(),
            },
        ),
        (
            "unavailable",
            Message::DocUnavailable {
                sender: server.clone(),
                target: tab.clone(),
                document: doc,
            },
        ),
        (
            "ephemeral",
            Message::Ephemeral {
                sender: tab.clone(),
                target: server.clone(),
                document: doc,
                data: data.clone(),
                count: 7,
                session: "sess-1".into(),
            },
        ),
        (
            "error",
            Message::Error {
                sender: server.clone(),
                message: "unsupported protocol version".into(),
            },
        ),
        ("heads", Message::Other("remote-heads-changed".into())),
    ];
    let captured = captured();
    assert_eq!(captured.len(), expected.len());
    for ((name, bytes), (want_name, want)) in captured.iter().zip(expected) {
        assert_eq!(name, want_name);
        let read = Message::decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, want, "{name}");
        // What the app writes reads back the same.
        assert_eq!(Message::decode(&read.encode()), Ok(read), "{name}");
    }
}
