//! Live sync with an automerge-repo sync server, for teams that outgrow passing links:
//! automerge-repo's network protocol in plain Rust with no I/O (`message`, the CBOR
//! messages; `repo_id`, its document ids; `session`, one connection's sync states and
//! what to send; `address`, which server addresses are allowed; `invite`, what a link
//! adds to offer the server; `presence`, who else has a document open), tested
//! natively. The browser's WebSocket sits above it (`workspace::live`).

pub mod address;
pub mod invite;
pub mod message;
pub mod presence;
pub mod repo_id;
pub mod session;
