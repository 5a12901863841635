//! A shared document in Automerge's sync protocol: the message to send a peer, and a
//! received message taken in through the same checks as a reply link (the pre-flight
//! walk of its changes, the identity rule, nothing applied when history is missing)
//! before Automerge's own bookkeeping of what the peer has.

use automerge::sync::{self, SyncDoc};
use automerge::{ChangeHash, ReadDoc};

use super::core::{Result, SharedDoc, SharedError};
use crate::codec::chunks::{check, Limits};

/// The chunk type of a whole document (after the magic bytes and the checksum).
const DOCUMENT_CHUNK: u8 = 0;

impl SharedDoc {
    /// The next sync message for the peer `state` describes; `None` when it has all.
    pub fn sync_message(&mut self, state: &mut sync::State) -> Option<Vec<u8>> {
        self.doc
            .sync()
            .generate_sync_message(state)
            .map(sync::Message::encode)
    }

    /// Takes in a sync message from the peer `state` describes. Answers whether the
    /// document changed.
    pub fn receive_sync(&mut self, state: &mut sync::State, bytes: &[u8]) -> Result<bool> {
        let message = sync::Message::decode(bytes).map_err(|_| SharedError::BadSync)?;
        let mut changed = false;
        if !message.changes.is_empty() {
            let joined: Vec<u8> = message.changes.iter().flatten().copied().collect();
            let checked = check(&joined, Limits::SHARED).map_err(crate::doc::DocError::from)?;
            // Newer peers send a whole document chunk in place of changes: its changes
            // are taken out of it, so they pass the same rules one by one.
            let mut changes: Vec<u8> = Vec::with_capacity(joined.len());
            for chunk in checked.chunks() {
                if chunk.get(8) == Some(&DOCUMENT_CHUNK) {
                    let mut whole = automerge::AutoCommit::load(chunk)
                        .map_err(|e| crate::doc::DocError::Unreadable(e.to_string()))?;
                    for change in whole.get_changes(&[]) {
                        changes.extend_from_slice(change.raw_bytes());
                    }
                } else {
                    changes.extend_from_slice(chunk);
                }
            }
            let checked = check(&changes, Limits::SHARED).map_err(crate::doc::DocError::from)?;
            changed = self.apply_changes(checked)?;
        }
        // The changes are in (or there were none): this records what the peer has and
        // wants, and applies nothing new.
        self.doc
            .sync()
            .receive_sync_message(state, message)
            .map_err(|_| SharedError::BadSync)?;
        Ok(changed)
    }

    /// Whether this copy holds every one of `hashes`: a sync state kept from another
    /// tab's copy may name changes this one has not merged yet.
    pub fn holds(&self, hashes: &[ChangeHash]) -> bool {
        hashes
            .iter()
            .all(|h| ReadDoc::get_change_by_hash(&self.doc, h).is_some())
    }

    /// How many changes of this copy the peer is not known to have, when it is known
    /// to have everything up to `heads`: the changes waiting to be sent.
    pub fn changes_beyond(&mut self, heads: &[ChangeHash]) -> usize {
        let known: Vec<ChangeHash> = heads
            .iter()
            .copied()
            .filter(|h| self.holds(&[*h]))
            .collect();
        self.doc.get_changes(&known).len()
    }
}
