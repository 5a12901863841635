//! Live sync with an automerge-repo sync server, for teams that outgrow passing links:
//! automerge-repo's network protocol in plain Rust with no I/O (`message`, the CBOR
//! messages; `repo_id`, its document ids; `session`, one connection's sync states and
//! what to send), tested natively. The browser's WebSocket sits above it.

pub mod message;
pub mod repo_id;
pub mod session;
