//! Byte codecs below the documents: LEB128 and the pre-flight walk of Automerge chunks.
//!
//! Nothing here knows what a document means; `doc` loads only bytes this layer has
//! checked ([`chunks::Checked`]), and `share` frames links and files on top of both.

pub mod chunks;
pub mod leb128;
pub mod pack;
