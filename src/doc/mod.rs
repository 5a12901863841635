//! The CRDT layer: each shareable unit is one Automerge document with a kind and a
//! schema version, read and edited here through typed functions. No browser APIs.

mod access;
pub mod clients;
pub mod page;
pub mod personal;
pub mod publication;
pub mod reminders;
pub mod reviews;
pub mod shared;
pub mod week;

pub use personal::{Access, PersonalDoc, PERSONAL_SCHEMA};

use automerge::ActorId;

use crate::model::kind::DocKind;

/// Why a document could not be read, merged or edited.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("this is not an Unhurried document, or it is damaged ({0})")]
    Unreadable(String),
    #[error("this is a {found} document, not a {expected} one")]
    WrongKind {
        expected: &'static str,
        found: String,
    },
    #[error("this document was saved by a newer version of Unhurried (format {found}; this app reads up to {known}). Update the app to open it")]
    NewerSchema { found: u64, known: u64 },
    #[error("this document is open read-only because it comes from a newer version of Unhurried")]
    ReadOnly,
    #[error("the document is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("this is not an Unhurried document, or it is damaged ({0})")]
    Refused(#[from] crate::codec::chunks::ChunkError),
    /// Automerge refused an operation (its message, as its error type is not comparable).
    #[error("the document could not be changed: {0}")]
    Automerge(String),
}

impl From<automerge::AutomergeError> for DocError {
    fn from(e: automerge::AutomergeError) -> Self {
        DocError::Automerge(e.to_string())
    }
}

/// Random bytes from the platform (the browser's crypto in wasm).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // Without randomness ids could collide across devices; there is no safe fallback.
    getrandom::fill(&mut bytes).expect("the platform offers no random numbers");
    bytes
}

/// A random id as 32 hex characters (128 bits).
pub fn random_id() -> String {
    crate::model::ids::hex(&random_bytes::<16>())
}

/// A new document id, random.
pub fn random_doc_id() -> crate::model::ids::DocId {
    crate::model::ids::DocId::from_bytes(random_bytes())
}

/// A fresh Automerge actor for this editing session. Each tab gets its own, since two
/// writers sharing one actor would produce clashing change sequence numbers.
pub fn new_session_actor() -> ActorId {
    ActorId::from(random_bytes::<16>().as_slice())
}
