//! One connection to a sync server, with no I/O: the messages to send and what the
//! received ones mean. The caller opens the socket, hands over every binary message it
//! receives, and sends what `outgoing` returns. Each document kept in sync has its own
//! Automerge sync state for this server, kept across reconnections (`state_bytes`), so a
//! reconnect sends only what the server lacks.

use std::collections::BTreeMap;

use automerge::sync;

use super::message::{DecodeError, Message, PeerId, PeerMetadata, PROTOCOL_VERSION};
use super::repo_id::RepoDocId;
use crate::doc::shared::{SharedDoc, SharedError};
use crate::model::ids::Heads;

/// Where the session finds the documents it keeps in sync.
pub trait Documents {
    fn doc(&mut self, id: RepoDocId) -> Option<&mut SharedDoc>;
}

impl Documents for BTreeMap<RepoDocId, SharedDoc> {
    fn doc(&mut self, id: RepoDocId) -> Option<&mut SharedDoc> {
        self.get_mut(&id)
    }
}

/// What a received message meant.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The server answered the join: documents are being synced.
    Connected(PeerId),
    /// A document changed with what the server sent.
    Changed(RepoDocId),
    /// The server holds no copy of a document and none of its peers has one.
    Unavailable(RepoDocId),
    /// Someone with the document open sent something passing (presence).
    Ephemeral {
        document: RepoDocId,
        from: PeerId,
        data: Vec<u8>,
    },
    /// The server refused us, in its words.
    ServerError(String),
}

/// Why a received message was not taken in. The connection goes on; nothing changed.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Message(#[from] DecodeError),
    #[error(transparent)]
    Document(#[from] SharedError),
    #[error("The server speaks protocol version {0}, which this app does not.")]
    Version(String),
}

/// One connection's state.
pub struct Session {
    me: PeerId,
    /// The server, once it has answered the join.
    server: Option<PeerId>,
    /// The documents kept in sync, each with its sync state for this server.
    states: BTreeMap<RepoDocId, sync::State>,
    out: Vec<Vec<u8>>,
    /// Ephemeral messages carry a session id and a count the server uses to drop
    /// repeats: the count must grow within one session id.
    ephemeral_session: String,
    ephemeral_count: u64,
}

impl Session {
    /// A session for the peer `me` (one per tab: a second join with the same id makes
    /// the server close the first socket).
    pub fn new(me: PeerId) -> Session {
        Session {
            me,
            server: None,
            states: BTreeMap::new(),
            out: Vec::new(),
            ephemeral_session: crate::doc::random_id()[..16].to_owned(),
            ephemeral_count: 0,
        }
    }

    pub fn is_connected(&self) -> bool {
        self.server.is_some()
    }

    /// Keeps `id` in sync, from `saved` (its `state_bytes` from an earlier connection)
    /// or from nothing. A saved state naming changes `doc` lacks (kept by another tab
    /// that had merged more) is dropped: starting afresh costs one round trip more.
    pub fn keep(&mut self, id: RepoDocId, saved: Option<&[u8]>, doc: &SharedDoc) {
        let state = saved
            .and_then(|b| sync::State::decode(b).ok())
            .filter(|s| doc.holds(&s.shared_heads))
            .unwrap_or_default();
        self.states.entry(id).or_insert(state);
    }

    /// Whether `id` is kept in sync in this session.
    pub fn keeps(&self, id: RepoDocId) -> bool {
        self.states.contains_key(&id)
    }

    /// How many changes of `doc` the server is not known to have; `None` when nothing
    /// is known of what it has (never synced, or a state not trusted), where counting
    /// would mean reading every change of the document at each redraw.
    pub fn waiting(&self, id: RepoDocId, doc: &mut SharedDoc) -> Option<usize> {
        let state = self.states.get(&id)?;
        let heads = state.their_heads.as_ref().unwrap_or(&state.shared_heads);
        (!heads.is_empty()).then(|| doc.changes_beyond(heads))
    }

    pub fn drop_doc(&mut self, id: RepoDocId) {
        self.states.remove(&id);
    }

    /// What to keep of a document's sync state between connections: the heads both
    /// sides are known to share.
    pub fn state_bytes(&self, id: RepoDocId) -> Option<Vec<u8>> {
        self.states.get(&id).map(sync::State::encode)
    }

    /// The socket opened: introduce ourselves.
    pub fn opened(&mut self) {
        self.server = None;
        self.out.push(
            Message::Join {
                sender: self.me.clone(),
                metadata: PeerMetadata {
                    storage_id: None,
                    is_ephemeral: true,
                },
                versions: vec![PROTOCOL_VERSION.into()],
            }
            .encode(),
        );
    }

    /// The socket closed: what was in flight is lost, so each state keeps only what
    /// both sides are known to share (what encoding keeps).
    pub fn closed(&mut self) {
        self.server = None;
        self.out.clear();
        for state in self.states.values_mut() {
            *state = sync::State::decode(&state.encode()).unwrap_or_default();
        }
    }

    /// A document changed here: send the server what it lacks.
    pub fn changed(&mut self, id: RepoDocId, docs: &mut dyn Documents) {
        let (Some(server), Some(state)) = (self.server.clone(), self.states.get_mut(&id)) else {
            return;
        };
        if let Some(data) = docs.doc(id).and_then(|d| d.sync_message(state)) {
            self.out.push(
                Message::Sync {
                    sender: self.me.clone(),
                    target: server,
                    document: id,
                    data,
                }
                .encode(),
            );
        }
    }

    /// Sends something passing about `id` (presence) to whoever else has it open.
    pub fn announce(&mut self, id: RepoDocId, data: Vec<u8>) {
        let Some(server) = self
            .server
            .clone()
            .filter(|_| self.states.contains_key(&id))
        else {
            return;
        };
        self.ephemeral_count += 1;
        self.out.push(
            Message::Ephemeral {
                sender: self.me.clone(),
                target: server,
                document: id,
                data,
                count: self.ephemeral_count,
                session: self.ephemeral_session.clone(),
            }
            .encode(),
        );
    }

    /// Takes in one message from the server.
    pub fn receive(
        &mut self,
        bytes: &[u8],
        docs: &mut dyn Documents,
    ) -> Result<Vec<Event>, SessionError> {
        let mut events = Vec::new();
        match Message::decode(bytes)? {
            Message::Peer {
                sender, version, ..
            } => {
                if version != PROTOCOL_VERSION {
                    return Err(SessionError::Version(version.chars().take(16).collect()));
                }
                self.server = Some(sender.clone());
                events.push(Event::Connected(sender));
                let ids: Vec<RepoDocId> = self.states.keys().copied().collect();
                for id in ids {
                    self.changed(id, docs);
                }
            }
            Message::Sync { document, data, .. } | Message::Request { document, data, .. } => {
                let Some(state) = self.states.get_mut(&document) else {
                    return Ok(events);
                };
                let Some(doc) = docs.doc(document) else {
                    return Ok(events);
                };
                if doc.receive_sync(state, &data)? {
                    events.push(Event::Changed(document));
                }
                self.changed(document, docs);
            }
            Message::DocUnavailable { document, .. } => {
                if self.states.contains_key(&document) {
                    events.push(Event::Unavailable(document));
                    // The server has nothing of it: what we have goes again in full.
                    if let Some(state) = self.states.get_mut(&document) {
                        *state = sync::State::new();
                    }
                    self.changed(document, docs);
                }
            }
            Message::Ephemeral {
                document,
                sender,
                data,
                ..
            } => {
                if self.states.contains_key(&document) {
                    events.push(Event::Ephemeral {
                        document,
                        from: sender,
                        data,
                    });
                }
            }
            Message::Error { message, .. } => {
                events.push(Event::ServerError(message.chars().take(300).collect()))
            }
            // A server never sends these to a client; a newer one's types are ignored.
            Message::Join { .. } | Message::Leave { .. } | Message::Other(_) => {}
        }
        Ok(events)
    }

    /// Whether the server has said it holds everything this copy has: "in sync".
    pub fn server_has_all(&self, id: RepoDocId, doc: &mut SharedDoc) -> bool {
        let Some(theirs) = self.states.get(&id).and_then(|s| s.their_heads.clone()) else {
            return false;
        };
        Heads::new(theirs.into_iter().map(|h| h.0).collect()) == doc.heads()
    }

    /// The messages to send, in order.
    pub fn outgoing(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.out)
    }
}
