//! automerge-repo's network protocol, version 1: one CBOR map per binary WebSocket
//! message, with the field names automerge-repo uses (`type`, `senderId`, `targetId`,
//! `documentId`, `data`, `peerMetadata`, `supportedProtocolVersions`,
//! `selectedProtocolVersion`). Decoding is bounded and never panics; a message of a type
//! this build does not know (a newer automerge-repo's) reads as `Message::Other`.

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use super::repo_id::RepoDocId;

/// The only protocol version there is.
pub const PROTOCOL_VERSION: &str = "1";

/// The largest message taken in: a whole large document fits many times over.
pub const MAX_MESSAGE: usize = 8 * 1024 * 1024;

/// A peer: a tab, or a server. automerge-repo's peer ids are free text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeerId(pub String);

impl std::fmt::Display for PeerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a peer says about itself when it joins.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeerMetadata {
    #[serde(rename = "storageId", default, skip_serializing_if = "Option::is_none")]
    pub storage_id: Option<String>,
    #[serde(rename = "isEphemeral", default)]
    pub is_ephemeral: bool,
}

/// One message, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A client introduces itself to the server.
    Join {
        sender: PeerId,
        metadata: PeerMetadata,
        versions: Vec<String>,
    },
    /// The server answers a join.
    Peer {
        sender: PeerId,
        target: PeerId,
        metadata: PeerMetadata,
        version: String,
    },
    /// Asks for a document the sender does not have yet, with a first sync message.
    Request {
        sender: PeerId,
        target: PeerId,
        document: RepoDocId,
        data: Vec<u8>,
    },
    /// An Automerge sync message for one document.
    Sync {
        sender: PeerId,
        target: PeerId,
        document: RepoDocId,
        data: Vec<u8>,
    },
    /// The sender does not have the document asked for.
    DocUnavailable {
        sender: PeerId,
        target: PeerId,
        document: RepoDocId,
    },
    /// Passed on to everyone with the document open, never stored (presence).
    Ephemeral {
        sender: PeerId,
        target: PeerId,
        document: RepoDocId,
        data: Vec<u8>,
        count: u64,
        session: String,
    },
    Error {
        sender: PeerId,
        message: String,
    },
    Leave {
        sender: PeerId,
    },
    /// A type this build does not know; ignored.
    Other(String),
}

/// Why bytes are not a message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("The server sent a message of {0} bytes, more than this app takes in.")]
    TooLarge(usize),
    #[error("The server sent something that is not an Automerge message.")]
    NotCbor,
    #[error("The server sent a message without its {0}.")]
    Missing(&'static str),
    #[error("The server sent a message for a document id that is not one.")]
    BadDocumentId,
}

/// The map on the wire: every field any message has, each optional, so one decoder
/// reads every type and extra fields are skipped.
#[derive(Default, Serialize, Deserialize)]
struct Wire {
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "senderId", default, skip_serializing_if = "Option::is_none")]
    sender: Option<String>,
    #[serde(rename = "targetId", default, skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    #[serde(
        rename = "documentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    data: Option<ByteBuf>,
    #[serde(
        rename = "peerMetadata",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    metadata: Option<PeerMetadata>,
    #[serde(
        rename = "supportedProtocolVersions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    versions: Option<Vec<String>>,
    #[serde(
        rename = "selectedProtocolVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(rename = "sessionId", default, skip_serializing_if = "Option::is_none")]
    session: Option<String>,
}

impl Message {
    /// The message's CBOR bytes, as automerge-repo writes them.
    pub fn encode(&self) -> Vec<u8> {
        let s = |p: &PeerId| Some(p.0.clone());
        let doc = |d: &RepoDocId| Some(d.to_string());
        let bytes = |b: &[u8]| Some(ByteBuf::from(b.to_vec()));
        let wire = match self {
            Message::Join {
                sender,
                metadata,
                versions,
            } => Wire {
                kind: "join".into(),
                sender: s(sender),
                metadata: Some(metadata.clone()),
                versions: Some(versions.clone()),
                ..Wire::default()
            },
            Message::Peer {
                sender,
                target,
                metadata,
                version,
            } => Wire {
                kind: "peer".into(),
                sender: s(sender),
                target: s(target),
                metadata: Some(metadata.clone()),
                version: Some(version.clone()),
                ..Wire::default()
            },
            Message::Request {
                sender,
                target,
                document,
                data,
            }
            | Message::Sync {
                sender,
                target,
                document,
                data,
            } => Wire {
                kind: if matches!(self, Message::Request { .. }) {
                    "request"
                } else {
                    "sync"
                }
                .into(),
                sender: s(sender),
                target: s(target),
                document: doc(document),
                data: bytes(data),
                ..Wire::default()
            },
            Message::DocUnavailable {
                sender,
                target,
                document,
            } => Wire {
                kind: "doc-unavailable".into(),
                sender: s(sender),
                target: s(target),
                document: doc(document),
                ..Wire::default()
            },
            Message::Ephemeral {
                sender,
                target,
                document,
                data,
                count,
                session,
            } => Wire {
                kind: "ephemeral".into(),
                sender: s(sender),
                target: s(target),
                document: doc(document),
                data: bytes(data),
                count: Some(*count),
                session: Some(session.clone()),
                ..Wire::default()
            },
            Message::Error { sender, message } => Wire {
                kind: "error".into(),
                sender: s(sender),
                message: Some(message.clone()),
                ..Wire::default()
            },
            Message::Leave { sender } => Wire {
                kind: "leave".into(),
                sender: s(sender),
                ..Wire::default()
            },
            Message::Other(kind) => Wire {
                kind: kind.clone(),
                ..Wire::default()
            },
        };
        minicbor_serde::to_vec(&wire).unwrap_or_default()
    }

    /// Reads one message from the bytes of one WebSocket message.
    pub fn decode(bytes: &[u8]) -> Result<Message, DecodeError> {
        if bytes.len() > MAX_MESSAGE {
            return Err(DecodeError::TooLarge(bytes.len()));
        }
        let wire: Wire = minicbor_serde::from_slice(bytes).map_err(|_| DecodeError::NotCbor)?;
        let peer = |v: Option<String>, what| v.map(PeerId).ok_or(DecodeError::Missing(what));
        let sender = || peer(wire.sender.clone(), "sender");
        let target = || peer(wire.target.clone(), "target");
        let document = || {
            let text = wire
                .document
                .as_deref()
                .ok_or(DecodeError::Missing("document"))?;
            RepoDocId::parse(text).ok_or(DecodeError::BadDocumentId)
        };
        let data = || {
            wire.data
                .clone()
                .map(ByteBuf::into_vec)
                .ok_or(DecodeError::Missing("data"))
        };
        Ok(match wire.kind.as_str() {
            "join" => Message::Join {
                sender: sender()?,
                metadata: wire.metadata.clone().unwrap_or_default(),
                versions: wire.versions.clone().unwrap_or_default(),
            },
            "peer" => Message::Peer {
                sender: sender()?,
                target: target()?,
                metadata: wire.metadata.clone().unwrap_or_default(),
                version: wire
                    .version
                    .clone()
                    .ok_or(DecodeError::Missing("version"))?,
            },
            "request" => Message::Request {
                sender: sender()?,
                target: target()?,
                document: document()?,
                data: data()?,
            },
            "sync" => Message::Sync {
                sender: sender()?,
                target: target()?,
                document: document()?,
                data: data()?,
            },
            "doc-unavailable" => Message::DocUnavailable {
                sender: sender()?,
                target: target()?,
                document: document()?,
            },
            "ephemeral" => Message::Ephemeral {
                sender: sender()?,
                target: target()?,
                document: document()?,
                data: data()?,
                count: wire.count.unwrap_or(0),
                session: wire.session.clone().unwrap_or_default(),
            },
            "error" => Message::Error {
                sender: sender()?,
                message: wire.message.clone().unwrap_or_default(),
            },
            "leave" => Message::Leave { sender: sender()? },
            other => Message::Other(other.chars().take(64).collect()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> RepoDocId {
        RepoDocId::from(crate::model::ids::DocId::from_bytes([7; 16]))
    }

    #[test]
    fn every_message_reads_back() {
        let (a, b) = (PeerId("tab-1".into()), PeerId("server".into()));
        let all = [
            Message::Join {
                sender: a.clone(),
                metadata: PeerMetadata::default(),
                versions: vec![PROTOCOL_VERSION.into()],
            },
            Message::Peer {
                sender: b.clone(),
                target: a.clone(),
                metadata: PeerMetadata {
                    storage_id: Some("s-1".into()),
                    is_ephemeral: false,
                },
                version: PROTOCOL_VERSION.into(),
            },
            Message::Request {
                sender: a.clone(),
                target: b.clone(),
                document: doc(),
                data: vec![0x42, 1, 2],
            },
            Message::Sync {
                sender: b.clone(),
                target: a.clone(),
                document: doc(),
                data: vec![0x42],
            },
            Message::DocUnavailable {
                sender: b.clone(),
                target: a.clone(),
                document: doc(),
            },
            Message::Ephemeral {
                sender: a.clone(),
                target: b.clone(),
                document: doc(),
                data: vec![9],
                count: 3,
                session: "x".into(),
            },
            Message::Error {
                sender: b.clone(),
                message: "unsupported protocol version".into(),
            },
            Message::Leave { sender: a.clone() },
        ];
        for m in all {
            assert_eq!(Message::decode(&m.encode()), Ok(m.clone()), "{m:?}");
        }
    }

    #[test]
    fn hostile_bytes_are_refused_without_a_panic() {
        assert_eq!(
            Message::decode(&vec![0u8; MAX_MESSAGE + 1]),
            Err(DecodeError::TooLarge(MAX_MESSAGE + 1))
        );
        for bad in [
            &b""[..],
            b"\xff",
            b"\xa1\x64type",
            b"\x9f\x9f\x9f\x9f",
            b"hello",
        ] {
            assert_eq!(Message::decode(bad), Err(DecodeError::NotCbor), "{bad:?}");
        }
        // A CBOR map claiming more entries than there are bytes.
        assert!(Message::decode(b"\xbb\xff\xff\xff\xff\xff\xff\xff\xff").is_err());
        // Sync without its document, or with an id that is not one.
        let no_doc = Wire {
            kind: "sync".into(),
            sender: Some("a".into()),
            target: Some("b".into()),
            data: Some(ByteBuf::from(vec![1])),
            ..Wire::default()
        };
        let bytes = minicbor_serde::to_vec(&no_doc).unwrap();
        assert_eq!(
            Message::decode(&bytes),
            Err(DecodeError::Missing("document"))
        );
        let bad_doc = Wire {
            document: Some("not-an-id".into()),
            ..no_doc
        };
        let bytes = minicbor_serde::to_vec(&bad_doc).unwrap();
        assert_eq!(Message::decode(&bytes), Err(DecodeError::BadDocumentId));
        // A newer automerge-repo's message type is read, and ignored.
        let newer = Wire {
            kind: "remote-heads-changed".into(),
            ..Wire::default()
        };
        let bytes = minicbor_serde::to_vec(&newer).unwrap();
        assert_eq!(
            Message::decode(&bytes),
            Ok(Message::Other("remote-heads-changed".into()))
        );
    }
}
