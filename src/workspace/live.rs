//! Live sync in this tab: one WebSocket to the sync server set in Settings, carrying
//! the shared documents the person keeps in sync there. The protocol lives in
//! `crate::sync` (no I/O); this module owns the socket (binary frames, reconnection
//! with backoff and jitter, a bounded send buffer), saves what arrives like any other
//! edit, and keeps the device-local settings (the server, which documents, each one's
//! sync state) through gloo-storage, never in the personal document.

use std::collections::{BTreeMap, BTreeSet};

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BinaryType, MessageEvent, WebSocket};

use super::shared::{save_open, OpenShared};
use super::{memory_only, Workspace};
use crate::doc::shared::SharedDoc;
use crate::model::ids::DocId;
use crate::store::Saved;
use crate::sync::address::ServerAddress;
use crate::sync::invite::SyncInvite;
use crate::sync::message::{PeerId, MAX_MESSAGE};
use crate::sync::presence::{Presence, Roster, HEARTBEAT_MS};
use crate::sync::repo_id::RepoDocId;
use crate::sync::session::{Documents, Event, Session, SessionError};
use crate::web::now_ms;

const SERVER_KEY: &str = "unhurried:sync:server";
const DOCS_KEY: &str = "unhurried:sync:docs";
const OFFERS_KEY: &str = "unhurried:sync:offers";
const STATE_PREFIX: &str = "unhurried:sync:state:";

/// The first retry comes after about a second; later ones double up to a minute.
const FIRST_RETRY_MS: f64 = 1_000.0;
const LAST_RETRY_MS: f64 = 60_000.0;
/// Changes made within this long go to the server as one message (a burst of
/// keystrokes); far below the server's own 100 ms between messages.
const SEND_AFTER_MS: u64 = 20;
/// A server that has not opened the socket by then is taken as unreachable.
const OPEN_TIMEOUT_MS: i32 = 10_000;
/// More than this waiting in the browser's send buffer means the server is not keeping
/// up: the socket is closed and the sync protocol sends what is missing after reconnecting.
const MAX_BUFFERED: f64 = 16.0 * 1024.0 * 1024.0;

/// The connection to the sync server, as the screens show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Connection {
    /// No server set, or no document kept in sync.
    Off,
    Connecting,
    Connected,
    /// The browser says it has no network.
    Offline,
    /// The server could not be reached; retrying.
    Unreachable {
        since: i64,
    },
    /// The server answered with something else than Automerge's sync protocol, or
    /// refused us; retrying.
    Refused {
        since: i64,
        why: String,
    },
}

/// Live sync's state for the screens.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveStatus {
    pub server: Option<ServerAddress>,
    pub connection: Connection,
    /// Documents kept in sync on this device.
    pub docs: BTreeSet<DocId>,
    /// Links received that offered a server for their document, not yet answered.
    pub offers: BTreeMap<DocId, ServerAddress>,
    /// Changes with every message, so indicators re-read what is waiting.
    pub tick: u64,
}

/// One document's indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum DocSync {
    InSync,
    /// Connected, and the server has not confirmed these yet (`None`: not counted,
    /// since nothing is known yet of what the server has).
    Sending(Option<usize>),
    /// Not connected: how many changes wait (`None`: the server may have none of it),
    /// and why.
    Waiting(Option<usize>, Connection),
}

/// The socket and the handlers that must live as long as it does. The server's pings
/// are answered by the browser itself.
struct Socket {
    socket: WebSocket,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// This tab's live sync.
pub(super) struct Live {
    session: Session,
    socket: Option<Socket>,
    /// Handlers of a closed socket: dropped later, never inside their own call.
    retired: Vec<Socket>,
    /// Failed attempts since the last connection, for the backoff.
    attempts: u32,
    retry: Option<TimeoutHandle>,
    /// The generation of the socket, so that a late event of an old one is ignored.
    generation: u32,
    /// Who else has a document open, as their tabs said.
    roster: Roster,
    /// Documents changed here since the last message to the server.
    pending: BTreeSet<DocId>,
}

impl Live {
    pub(super) fn new(tab: &str) -> Live {
        Live {
            session: session_for(tab),
            socket: None,
            retired: Vec::new(),
            attempts: 0,
            retry: None,
            generation: 0,
            roster: Roster::default(),
            pending: BTreeSet::new(),
        }
    }
}

/// A new session for this tab: one peer id per tab, as automerge-repo expects (a second
/// join with the same id makes the server close the first socket).
fn session_for(tab: &str) -> Session {
    Session::new(PeerId(format!("unhurried-{tab}")))
}

/// The held documents, as the sync session finds them.
struct Held<'a>(&'a mut BTreeMap<DocId, OpenShared>);

impl Documents for Held<'_> {
    fn doc(&mut self, id: RepoDocId) -> Option<&mut SharedDoc> {
        self.0.get_mut(&DocId::from(id)).map(|o| &mut o.doc)
    }
}

/// Whether localStorage can be reached: gloo-storage throws when it cannot (storage
/// turned off, a sandboxed frame), so every use asks first.
fn storage_ok() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Reads a device-local setting; what cannot be read counts as not set.
fn read<T: serde::de::DeserializeOwned + Default>(key: &str) -> T {
    if !storage_ok() {
        return T::default();
    }
    LocalStorage::get(key).unwrap_or_default()
}

/// Writes a device-local setting; the error says, in words, that it was not kept.
fn write<T: serde::Serialize>(key: &str, value: &T) -> Result<(), String> {
    let kept = if storage_ok() {
        LocalStorage::set(key, value).map_err(|e| e.to_string())
    } else {
        Err("storage is turned off".into())
    };
    kept.map_err(|e| {
        format!("This browser did not keep the setting ({e}), so it lasts until this tab closes.")
    })
}

fn forget(key: &str) {
    if storage_ok() {
        LocalStorage::delete(key);
    }
}

fn hex_ids(ids: &BTreeSet<DocId>) -> Vec<String> {
    ids.iter().map(ToString::to_string).collect()
}

fn state_key(id: DocId) -> String {
    format!("{STATE_PREFIX}{id}")
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

impl Workspace {
    /// Reads the device's sync settings and connects if a document is kept in sync.
    pub(super) fn start_live(self) {
        let server = Some(read::<String>(SERVER_KEY)).and_then(|s| ServerAddress::parse(&s).ok());
        let docs: BTreeSet<DocId> = read::<Vec<String>>(DOCS_KEY)
            .iter()
            .filter_map(|s| DocId::parse(s))
            .collect();
        let offers = read::<BTreeMap<String, String>>(OFFERS_KEY)
            .into_iter()
            .filter_map(|(id, s)| Some((DocId::parse(&id)?, ServerAddress::parse(&s).ok()?)))
            .collect();
        self.live.set(LiveStatus {
            server,
            connection: Connection::Off,
            docs: docs.clone(),
            offers,
            tick: 0,
        });
        for id in docs {
            self.keep_in_session(id);
        }
        self.connect();
    }

    /// Follows the browser's network: offline closes the socket at once (a socket can
    /// stay open for minutes after the network went), online tries at once.
    pub(super) fn listen_to_network(self) {
        let online = window_event_listener(leptos::ev::online, move |_| self.reconnect_now());
        let offline = window_event_listener(leptos::ev::offline, move |_| {
            self.close_socket(Connection::Offline)
        });
        // They listen for the page's whole life.
        std::mem::forget((online, offline));
        // Presence: the document on screen is still open here; and who went quiet.
        let _ = set_interval_with_handle(
            move || {
                if self.live.with_untracked(|l| l.docs.is_empty()) {
                    return;
                }
                if let Some(id) = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id)) {
                    self.announce_presence(id, true);
                }
                self.live.update(|l| l.tick += 1);
            },
            std::time::Duration::from_millis(HEARTBEAT_MS as u64),
        );
    }

    /// Tells the others who have `id` open that this tab has it open (or left it).
    pub fn announce_presence(self, id: DocId, here: bool) {
        let connected = self
            .live
            .with_untracked(|l| l.connection == Connection::Connected && l.docs.contains(&id));
        if !connected {
            return;
        }
        let presence = self.state.with_untracked(|s| Presence {
            person: s.profile.actor_id.clone(),
            name: s.profile.display_name.clone(),
            here,
        });
        self.inner.update_value(|i| {
            i.live
                .session
                .announce(RepoDocId::from(id), presence.encode())
        });
        self.flush();
    }

    /// The names of the others who have `id` open now. Reactive.
    pub fn others_here(self, id: DocId) -> Vec<String> {
        self.live.track();
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        self.inner
            .with_value(|i| i.live.roster.others(RepoDocId::from(id), &me, now_ms()))
    }

    /// Whether `key` is a sync setting; when another tab changed the server or the
    /// documents kept in sync, this tab follows.
    pub(super) fn live_settings_changed(self, key: &str) -> bool {
        if !key.starts_with("unhurried:sync:") {
            return false;
        }
        if key == SERVER_KEY || key == DOCS_KEY {
            self.close_socket(Connection::Off);
            self.inner.update_value(|i| {
                i.live.session = session_for(&i.tab);
            });
            self.start_live();
        }
        true
    }

    /// Sets the sync server from what the person typed. Documents already kept in sync
    /// move to it.
    pub fn set_sync_server(self, text: &str) -> Result<ServerAddress, String> {
        let address = ServerAddress::parse(text).map_err(|e| e.to_string())?;
        if self
            .live
            .with_untracked(|l| l.server.as_ref() == Some(&address))
        {
            return Ok(address);
        }
        let kept = write(SERVER_KEY, &address.as_str());
        self.forget_sync_states();
        self.close_socket(Connection::Off);
        self.live.update(|l| l.server = Some(address.clone()));
        self.connect();
        kept.map(|()| address)
    }

    /// Stops using the sync server on this device. The documents stay here as they are.
    pub fn clear_sync_server(self) {
        forget(SERVER_KEY);
        self.forget_sync_states();
        self.close_socket(Connection::Off);
        self.live.update(|l| l.server = None);
    }

    /// The sync states were for the old server: a new one starts from nothing.
    fn forget_sync_states(self) {
        let ids = self.live.with_untracked(|l| l.docs.clone());
        for id in &ids {
            forget(&state_key(*id));
        }
        self.inner.update_value(|i| {
            i.live.session = session_for(&i.tab);
        });
        for id in ids {
            self.keep_in_session(id);
        }
    }

    /// Turns live sync of a held document on or off on this device.
    pub fn keep_in_sync(self, id: DocId, on: bool) -> Result<(), String> {
        let mut docs = self.live.with_untracked(|l| l.docs.clone());
        if on {
            self.ensure_loaded(id)?;
            docs.insert(id);
        } else {
            docs.remove(&id);
            forget(&state_key(id));
            self.inner
                .update_value(|i| i.live.session.drop_doc(RepoDocId::from(id)));
        }
        let kept = write(DOCS_KEY, &hex_ids(&docs));
        self.live.update(|l| {
            l.docs = docs;
            l.tick += 1;
        });
        self.dismiss_sync_offer(id);
        if on {
            self.keep_in_session(id);
            self.live_changed(id);
        }
        self.connect();
        kept
    }

    /// Records that a link offered a server for its document, unless it is kept in
    /// sync here already or the link's document id does not match.
    pub(super) fn note_sync_offer(self, id: DocId, invite: SyncInvite) {
        if DocId::from(invite.doc) != id || self.live.with_untracked(|l| l.docs.contains(&id)) {
            return;
        }
        let mut offers = self.live.with_untracked(|l| l.offers.clone());
        offers.insert(id, invite.server);
        // Not kept means offered again only until this tab closes: nothing is lost.
        let _ = write(OFFERS_KEY, &offer_texts(&offers));
        self.live.update(|l| l.offers = offers);
    }

    /// Answers a link's offer of a server with "not now".
    pub fn dismiss_sync_offer(self, id: DocId) {
        let mut offers = self.live.with_untracked(|l| l.offers.clone());
        if offers.remove(&id).is_some() {
            let _ = write(OFFERS_KEY, &offer_texts(&offers));
            self.live.update(|l| l.offers = offers);
        }
    }

    /// Takes up a link's offer: the server becomes this device's when it has none.
    pub fn accept_sync_offer(self, id: DocId) -> Result<(), String> {
        let offered = self.live.with_untracked(|l| l.offers.get(&id).cloned());
        let Some(offered) = offered else {
            return Ok(());
        };
        match self.live.with_untracked(|l| l.server.clone()) {
            Some(mine) if mine != offered => {
                return Err(format!(
                    "This device keeps documents in sync on {}, and this one is on {}. Change the server in Settings to keep it in sync here.",
                    mine.host(),
                    offered.host()
                ))
            }
            Some(_) => {}
            None => {
                self.set_sync_server(offered.as_str())?;
            }
        }
        self.keep_in_sync(id, true)
    }

    /// The suffix a link to `id` carries when it is kept in sync here.
    pub(super) fn sync_invite(self, id: DocId) -> Option<SyncInvite> {
        self.live.with_untracked(|l| {
            Some(SyncInvite {
                server: l.server.clone().filter(|_| l.docs.contains(&id))?,
                doc: RepoDocId::from(id),
            })
        })
    }

    /// The server `id` is kept in sync on, by its host name, if it is. Reactive.
    pub fn sync_host(self, id: DocId) -> Option<String> {
        self.live.with(|l| {
            l.server
                .as_ref()
                .filter(|_| l.docs.contains(&id))
                .map(|s| s.host().to_owned())
        })
    }

    /// A document's indicator, when it is kept in sync. Reactive.
    pub fn doc_sync(self, id: DocId) -> Option<DocSync> {
        let (kept, connection) = self.live.with(|l| {
            (
                l.docs.contains(&id) && l.server.is_some(),
                l.connection.clone(),
            )
        });
        if !kept {
            return None;
        }
        let waiting = self
            .inner
            .try_update_value(|i| {
                let open = i.shared.get_mut(&id)?;
                i.live.session.waiting(RepoDocId::from(id), &mut open.doc)
            })
            .flatten();
        Some(match connection {
            Connection::Connected if waiting == Some(0) => DocSync::InSync,
            Connection::Connected => DocSync::Sending(waiting),
            other => DocSync::Waiting(waiting, other),
        })
    }

    /// Puts a held document into the session, from the sync state kept last time.
    fn keep_in_session(self, id: DocId) {
        if self.ensure_loaded(id).is_err() {
            return;
        }
        let saved = Some(read::<Vec<u8>>(&state_key(id))).filter(|s| !s.is_empty());
        self.inner.update_value(|i| {
            if let Some(open) = i.shared.get(&id) {
                i.live
                    .session
                    .keep(RepoDocId::from(id), saved.as_deref(), &open.doc);
            }
        });
    }

    /// A held document changed here (an edit, a link, another tab): send the server
    /// what it lacks, a moment later, so that typing never waits on the sync protocol
    /// and a burst of keystrokes goes as one message.
    pub(super) fn live_changed(self, id: DocId) {
        if !self.live.with_untracked(|l| l.docs.contains(&id)) {
            return;
        }
        let first = self
            .inner
            .try_update_value(|i| {
                let first = i.live.pending.is_empty();
                i.live.pending.insert(id);
                first
            })
            .unwrap_or(false);
        if first {
            set_timeout(
                move || self.send_pending(),
                std::time::Duration::from_millis(SEND_AFTER_MS),
            );
        }
    }

    fn send_pending(self) {
        self.inner.update_value(|i| {
            for id in std::mem::take(&mut i.live.pending) {
                i.live
                    .session
                    .changed(RepoDocId::from(id), &mut Held(&mut i.shared));
            }
        });
        self.flush();
        self.live.update(|l| l.tick += 1);
    }

    /// Opens the socket when there is a server and something to keep in sync on it.
    fn connect(self) {
        let (server, wanted) = self
            .live
            .with_untracked(|l| (l.server.clone(), !l.docs.is_empty()));
        let Some(server) = server.filter(|_| wanted) else {
            self.close_socket(Connection::Off);
            return;
        };
        if self.inner.with_value(|i| i.live.socket.is_some()) {
            return;
        }
        if !is_online() {
            self.set_connection(Connection::Offline);
            return;
        }
        let socket = match WebSocket::new(server.as_str()) {
            Ok(s) => s,
            Err(_) => {
                self.set_connection(Connection::Refused {
                    since: now_ms(),
                    why: "The browser refused that address.".into(),
                });
                return;
            }
        };
        socket.set_binary_type(BinaryType::Arraybuffer);
        let generation = self
            .inner
            .try_update_value(|i| {
                i.live.generation += 1;
                // No handler of these sockets is running now: this runs from a timer,
                // an event of the window, or a person's action.
                i.live.retired.clear();
                i.live.generation
            })
            .unwrap_or(0);
        let current = move || self.inner.with_value(|i| i.live.generation) == generation;
        let on_open = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if current() {
                self.inner.update_value(|i| i.live.session.opened());
                self.flush();
            }
        });
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            if current() {
                if let Ok(event) = event.dyn_into::<MessageEvent>() {
                    self.received(event.data());
                }
            }
        });
        let on_close = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if current() {
                self.socket_closed();
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let opening = socket.clone();
        self.inner.update_value(|i| {
            i.live.socket = Some(Socket {
                socket,
                _handlers: vec![on_open, on_message, on_close],
            })
        });
        if !matches!(
            self.live.with_untracked(|l| l.connection.clone()),
            Connection::Unreachable { .. } | Connection::Refused { .. }
        ) {
            self.set_connection(Connection::Connecting);
        }
        set_timeout(
            move || {
                if current() && opening.ready_state() == WebSocket::CONNECTING {
                    let _ = opening.close();
                }
            },
            std::time::Duration::from_millis(OPEN_TIMEOUT_MS as u64),
        );
    }

    /// Takes in one message from the server.
    fn received(self, data: JsValue) {
        let Ok(buffer) = data.dyn_into::<js_sys::ArrayBuffer>() else {
            self.refuse("The sync server sent text where Automerge's sync protocol sends bytes.");
            return;
        };
        if buffer.byte_length() as usize > MAX_MESSAGE {
            self.refuse("The sync server sent a message larger than this app accepts.");
            return;
        }
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let outcome = self.inner.try_update_value(|i| {
            let result = i.live.session.receive(&bytes, &mut Held(&mut i.shared));
            let mut saved = Vec::new();
            if let Ok(events) = &result {
                for event in events {
                    if let Event::Changed(doc) = event {
                        let id = DocId::from(*doc);
                        if let Some(open) = i.shared.get_mut(&id) {
                            saved.push((id, save_open(open)));
                        }
                    }
                }
            }
            (result, saved)
        });
        let Some((result, saved)) = outcome else {
            return;
        };
        for (id, saved) in saved {
            if let Saved::InMemoryOnly(e) = saved {
                self.health.set(memory_only(&e));
            }
            self.shared_arrived(id);
        }
        match result {
            Ok(events) => {
                for event in events {
                    match event {
                        Event::Connected(_) => {
                            self.inner.update_value(|i| i.live.attempts = 0);
                            self.set_connection(Connection::Connected);
                            if let Some(id) =
                                self.shared.with_untracked(|v| v.as_ref().map(|v| v.id))
                            {
                                self.announce_presence(id, true);
                            }
                        }
                        Event::Ephemeral {
                            document,
                            from,
                            data,
                        } => {
                            let arrived = Presence::decode(&data).and_then(|presence| {
                                self.inner.try_update_value(|i| {
                                    i.live.roster.heard(document, from, presence, now_ms())
                                })
                            });
                            let shown = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id));
                            if arrived == Some(true) && shown == Some(DocId::from(document)) {
                                self.announce_presence(DocId::from(document), true);
                            }
                        }
                        Event::ServerError(message) => {
                            self.refuse(&format!("The sync server refused: {message}"));
                            return;
                        }
                        Event::Changed(_) | Event::Unavailable(_) => {}
                    }
                }
                self.keep_sync_states();
                self.flush();
                self.live.update(|l| l.tick += 1);
            }
            Err(SessionError::Version(v)) => self.refuse(&format!(
                "The sync server speaks protocol version {v}, which this version of the app does not."
            )),
            Err(SessionError::Message(_)) => self.refuse(
                "The server at this address does not speak Automerge's sync protocol. Check the address in Settings.",
            ),
            // One document's bad data: the rest stay in sync; nothing was changed.
            Err(SessionError::Document(e)) => self.say(
                format!("The sync server sent changes this app refused ({e}); nothing was changed."),
                None,
            ),
        }
    }

    /// The server sent what cannot be used: say so and try again later, changing nothing.
    fn refuse(self, why: &str) {
        let since = match self.live.with_untracked(|l| l.connection.clone()) {
            Connection::Refused { since, .. } | Connection::Unreachable { since } => since,
            _ => now_ms(),
        };
        self.close_socket(Connection::Refused {
            since,
            why: why.to_owned(),
        });
        self.schedule_retry();
    }

    /// The socket closed by itself (the server went away, or never answered).
    fn socket_closed(self) {
        self.retire_socket();
        let connection = match self.live.with_untracked(|l| l.connection.clone()) {
            _ if !is_online() => Connection::Offline,
            kept @ (Connection::Unreachable { .. } | Connection::Refused { .. }) => kept,
            _ => Connection::Unreachable { since: now_ms() },
        };
        self.set_connection(connection);
        self.schedule_retry();
    }

    /// Closes the socket on purpose (offline, settings changed, a bad server).
    fn close_socket(self, connection: Connection) {
        if let Some(retry) = self
            .inner
            .try_update_value(|i| i.live.retry.take())
            .flatten()
        {
            retry.clear();
        }
        let socket = self.retire_socket();
        if let Some(socket) = socket {
            let _ = socket.close();
        }
        self.set_connection(connection);
    }

    /// Forgets the socket (keeping its handlers until it is safe to drop them) and
    /// what was in flight on it.
    fn retire_socket(self) -> Option<WebSocket> {
        self.keep_sync_states();
        self.inner
            .try_update_value(|i| {
                i.live.generation += 1;
                i.live.session.closed();
                i.live.roster.clear();
                let socket = i.live.socket.take()?;
                let ws = socket.socket.clone();
                ws.set_onopen(None);
                ws.set_onmessage(None);
                ws.set_onclose(None);
                i.live.retired.push(socket);
                Some(ws)
            })
            .flatten()
    }

    /// Tries again after a delay that doubles with each failure, with jitter so that a
    /// team's tabs do not all return at the same moment after a server restart.
    fn schedule_retry(self) {
        if !is_online() {
            return;
        }
        let attempts = self
            .inner
            .try_update_value(|i| {
                i.live.attempts = i.live.attempts.saturating_add(1);
                i.live.attempts
            })
            .unwrap_or(1);
        let base = (FIRST_RETRY_MS * 2f64.powi(attempts.min(8) as i32 - 1)).min(LAST_RETRY_MS);
        let delay = base * (0.5 + js_sys::Math::random() / 2.0);
        let handle = set_timeout_with_handle(
            move || {
                self.inner.update_value(|i| i.live.retry = None);
                self.connect();
            },
            std::time::Duration::from_millis(delay as u64),
        )
        .ok();
        self.inner.update_value(|i| {
            if let Some(old) = std::mem::replace(&mut i.live.retry, handle) {
                old.clear();
            }
        });
    }

    /// The network is back: try at once.
    fn reconnect_now(self) {
        self.inner.update_value(|i| i.live.attempts = 0);
        self.close_socket(Connection::Connecting);
        self.connect();
    }

    /// Sends what the session has to send.
    fn flush(self) {
        let too_slow = self
            .inner
            .try_update_value(|i| {
                let out = i.live.session.outgoing();
                let socket = i.live.socket.as_ref()?;
                if socket.socket.ready_state() != WebSocket::OPEN {
                    return None;
                }
                for message in out {
                    if socket.socket.send_with_u8_array(&message).is_err() {
                        return Some(true);
                    }
                }
                Some(socket.socket.buffered_amount() as f64 > MAX_BUFFERED)
            })
            .flatten()
            .unwrap_or(false);
        if too_slow {
            self.close_socket(Connection::Unreachable { since: now_ms() });
            self.schedule_retry();
        }
    }

    /// Keeps each document's sync state, so the next connection sends only what the
    /// server lacks. A state that cannot be kept costs a longer first sync, nothing more.
    fn keep_sync_states(self) {
        let states: Vec<(DocId, Vec<u8>)> = self.live.with_untracked(|l| {
            self.inner.with_value(|i| {
                l.docs
                    .iter()
                    .filter_map(|id| Some((*id, i.live.session.state_bytes(RepoDocId::from(*id))?)))
                    .collect()
            })
        });
        for (id, bytes) in states {
            let _ = write(&state_key(id), &bytes);
        }
    }

    fn set_connection(self, connection: Connection) {
        if self.live.with_untracked(|l| l.connection != connection) {
            self.live.update(|l| {
                l.connection = connection;
                l.tick += 1;
            });
        }
    }
}

fn offer_texts(offers: &BTreeMap<DocId, ServerAddress>) -> BTreeMap<String, String> {
    offers
        .iter()
        .map(|(id, s)| (id.to_string(), s.as_str().to_owned()))
        .collect()
}
