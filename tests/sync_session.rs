#![cfg(not(target_arch = "wasm32"))]
//! The sync session (issue 15) against a server in memory that behaves as
//! automerge-repo's sync server does with `sharePolicy` false: it answers a join with
//! `peer`, keeps its own copy of each document it is sent, and passes changes on to every
//! peer that has synced that document. Two people edit one discussion through it; one
//! goes offline, edits, and reconnects with the sync state kept from before; hostile
//! messages are refused with nothing changed.

mod live;

use std::collections::BTreeMap;
use std::io::Write;

use automerge::sync::{self, SyncDoc};
use automerge::AutoCommit;
use unhurried::doc::shared::SharedDoc;
use unhurried::share::exchange::{full_link, receive, Received};
use unhurried::sync::message::{Message, PeerId, PeerMetadata, PROTOCOL_VERSION};
use unhurried::sync::repo_id::RepoDocId;
use unhurried::sync::session::{Event, Session, SessionError};

/// A server in memory: its copies, and a sync state per peer and document.
#[derive(Default)]
struct Server {
    docs: BTreeMap<RepoDocId, AutoCommit>,
    states: BTreeMap<(String, RepoDocId), sync::State>,
    /// Messages waiting for each peer.
    outbox: BTreeMap<String, Vec<Vec<u8>>>,
    /// Bytes each peer has sent it.
    received: BTreeMap<String, usize>,
}

impl Server {
    const ID: &'static str = "server";

    fn take(&mut self, peer: &str, bytes: &[u8]) {
        *self.received.entry(peer.into()).or_default() += bytes.len();
        match Message::decode(bytes).expect("a client sends good messages") {
            Message::Join { sender, .. } => {
                let peer_msg = Message::Peer {
                    sender: PeerId(Self::ID.into()),
                    target: sender.clone(),
                    metadata: PeerMetadata::default(),
                    version: PROTOCOL_VERSION.into(),
                };
                self.outbox
                    .entry(sender.0)
                    .or_default()
                    .push(peer_msg.encode());
            }
            Message::Sync {
                sender,
                document,
                data,
                ..
            }
            | Message::Request {
                sender,
                document,
                data,
                ..
            } => {
                let doc = self.docs.entry(document).or_default();
                let state = self.states.entry((sender.0.clone(), document)).or_default();
                doc.sync()
                    .receive_sync_message(state, sync::Message::decode(&data).unwrap())
                    .unwrap();
                // Answer everyone who syncs this document, the sender included.
                let peers: Vec<String> = self
                    .states
                    .keys()
                    .filter(|(_, d)| *d == document)
                    .map(|(p, _)| p.clone())
                    .collect();
                for p in peers {
                    let state = self.states.get_mut(&(p.clone(), document)).unwrap();
                    if let Some(m) = self.docs[&document]
                        .clone()
                        .sync()
                        .generate_sync_message(state)
                    {
                        let msg = Message::Sync {
                            sender: PeerId(Self::ID.into()),
                            target: PeerId(p.clone()),
                            document,
                            data: m.encode(),
                        };
                        self.outbox.entry(p).or_default().push(msg.encode());
                    }
                }
            }
            other => panic!("a client does not send {other:?}"),
        }
    }
}

/// One person's tab: their session and their copy.
struct Tab {
    name: &'static str,
    session: Session,
    docs: BTreeMap<RepoDocId, SharedDoc>,
    events: Vec<Event>,
    online: bool,
}

impl Tab {
    fn new(name: &'static str, id: RepoDocId, doc: SharedDoc) -> Tab {
        let mut session = Session::new(PeerId(format!("{name}-tab")));
        session.keep(id, None, &doc);
        Tab {
            name,
            session,
            docs: BTreeMap::from([(id, doc)]),
            events: Vec::new(),
            online: false,
        }
    }

    fn peer(&self) -> String {
        format!("{}-tab", self.name)
    }

    fn connect(&mut self) {
        self.online = true;
        self.session.opened();
    }

    fn disconnect(&mut self, server: &mut Server) {
        self.online = false;
        self.session.closed();
        server.outbox.remove(&self.peer());
        server.states.retain(|(p, _), _| *p != self.peer());
    }
}

/// Passes messages until nobody has anything to send.
fn settle(server: &mut Server, tabs: &mut [&mut Tab]) {
    for _ in 0..50 {
        let mut moved = false;
        for tab in tabs.iter_mut().filter(|t| t.online) {
            for bytes in tab.session.outgoing() {
                moved = true;
                server.take(&tab.peer(), &bytes);
            }
            for bytes in server.outbox.remove(&tab.peer()).unwrap_or_default() {
                moved = true;
                let events = tab
                    .session
                    .receive(&bytes, &mut tab.docs)
                    .expect("taken in");
                tab.events.extend(events);
            }
        }
        if !moved {
            return;
        }
    }
    panic!("the exchange never settled");
}

fn discussion_for_two() -> (RepoDocId, SharedDoc, SharedDoc) {
    let ana_id = [1u8; 16];
    let mut ana = SharedDoc::create(
        &unhurried::share::exchange::hex(&ana_id),
        "Ana",
        "Offsite",
        1,
    );
    let link = full_link(&mut ana, ana_id);
    let Ok(Received::New(ben)) = receive(&link, None) else {
        panic!("Ben opens the link")
    };
    let id = RepoDocId::from(ana.id().unwrap());
    (id, ana, *ben)
}

/// Ana and Ben connected to a new server, each with their copy, all exchanged.
fn online(id: RepoDocId, ana: SharedDoc, ben: SharedDoc) -> (Server, Tab, Tab) {
    let mut server = Server::default();
    let mut ana = Tab::new("ana", id, ana);
    let mut ben = Tab::new("ben", id, ben);
    ana.connect();
    ben.connect();
    settle(&mut server, &mut [&mut ana, &mut ben]);
    (server, ana, ben)
}

fn comment(tab: &mut Tab, id: RepoDocId, text: &str, now: i64) {
    let who = format!("{}-person", tab.name);
    tab.docs
        .get_mut(&id)
        .unwrap()
        .add_comment(&who, tab.name, now, None, text)
        .unwrap();
    tab.session.changed(id, &mut tab.docs);
}

fn comments(tab: &Tab, id: RepoDocId) -> Vec<String> {
    live::comment_texts(&tab.docs[&id])
}

#[test]
fn two_people_edit_through_the_server_and_a_reconnect_sends_only_what_is_new() {
    let (id, ana_doc, ben_doc) = discussion_for_two();
    let (mut server, mut ana, mut ben) = online(id, ana_doc, ben_doc);
    assert!(ana.session.is_connected() && ben.session.is_connected());
    assert!(ana
        .events
        .contains(&Event::Connected(PeerId(Server::ID.into()))));

    // Live: Ana's comment reaches Ben, Ben's reaches Ana.
    comment(&mut ana, id, "Lisbon?", 2);
    settle(&mut server, &mut [&mut ana, &mut ben]);
    assert_eq!(comments(&ben, id), ["Lisbon?"]);
    assert!(ben.events.contains(&Event::Changed(id)));
    comment(&mut ben, id, "Porto!", 3);
    settle(&mut server, &mut [&mut ana, &mut ben]);
    assert_eq!(comments(&ana, id), ["Lisbon?", "Porto!"]);

    // Ben goes offline and writes 40 comments; Ana writes one meanwhile.
    let saved = ben.session.state_bytes(id).unwrap();
    ben.disconnect(&mut server);
    for n in 0..40 {
        let who = "ben-person";
        ben.docs
            .get_mut(&id)
            .unwrap()
            .add_comment(who, "ben", 10 + n, None, &format!("offline {n}"))
            .unwrap();
    }
    comment(&mut ana, id, "Still there?", 60);
    settle(&mut server, &mut [&mut ana, &mut ben]);
    assert_eq!(comments(&ana, id).len(), 3);

    // Back online with the state kept from before: both converge.
    let before = server.received.get("ben-tab").copied().unwrap_or(0);
    ben.session = Session::new(PeerId("ben-tab".into()));
    ben.session.keep(id, Some(&saved), &ben.docs[&id]);
    ben.connect();
    settle(&mut server, &mut [&mut ana, &mut ben]);
    assert_eq!(comments(&ana, id), comments(&ben, id));
    assert_eq!(comments(&ana, id).len(), 43);
    let with_state = server.received["ben-tab"] - before;

    // The same reconnect from no state at all sends more: the whole history is offered
    // again instead of what the server lacks.
    let (id2, ana2, ben2) = discussion_for_two();
    let mut server2 = Server::default();
    let mut a2 = Tab::new("ana", id2, ana2);
    let mut b2 = Tab::new("ben", id2, ben2);
    a2.connect();
    b2.connect();
    for n in 0..40 {
        comment(&mut a2, id2, &format!("history {n}"), 2 + n);
    }
    settle(&mut server2, &mut [&mut a2, &mut b2]);
    b2.disconnect(&mut server2);
    let saved2 = b2.session.state_bytes(id2).unwrap();
    b2.docs
        .get_mut(&id2)
        .unwrap()
        .add_comment("ben-person", "ben", 99, None, "one more")
        .unwrap();
    let base = server2.received["ben-tab"];
    b2.session = Session::new(PeerId("ben-tab".into()));
    b2.session.keep(id2, Some(&saved2), &b2.docs[&id2]);
    b2.connect();
    settle(&mut server2, &mut [&mut a2, &mut b2]);
    let kept = server2.received["ben-tab"] - base;
    b2.disconnect(&mut server2);
    b2.docs
        .get_mut(&id2)
        .unwrap()
        .add_comment("ben-person", "ben", 100, None, "and another")
        .unwrap();
    let base = server2.received["ben-tab"];
    b2.session = Session::new(PeerId("ben-tab".into()));
    b2.session.keep(id2, None, &b2.docs[&id2]);
    b2.connect();
    settle(&mut server2, &mut [&mut a2, &mut b2]);
    let fresh = server2.received["ben-tab"] - base;
    assert_eq!(comments(&a2, id2), comments(&b2, id2));
    assert!(kept < fresh, "kept state {kept} bytes, none {fresh} bytes");
    assert!(with_state > 0);
}

#[test]
fn hostile_messages_are_refused_and_change_nothing() {
    let (id, doc, _) = discussion_for_two();
    let mut session = Session::new(PeerId("ana-tab".into()));
    session.keep(id, None, &doc);
    let mut docs = BTreeMap::from([(id, doc)]);
    let before = docs.get_mut(&id).unwrap().save();
    session.opened();
    let peer = Message::Peer {
        sender: PeerId("server".into()),
        target: PeerId("ana-tab".into()),
        metadata: PeerMetadata::default(),
        version: PROTOCOL_VERSION.into(),
    };
    session.receive(&peer.encode(), &mut docs).unwrap();

    // Not CBOR at all.
    assert!(matches!(
        session.receive(b"\x00garbage", &mut docs),
        Err(SessionError::Message(_))
    ));
    // A sync message that is not Automerge's.
    let junk = Message::Sync {
        sender: PeerId("server".into()),
        target: PeerId("ana-tab".into()),
        document: id,
        data: vec![0x42, 0xff, 0xff],
    };
    assert!(matches!(
        session.receive(&junk.encode(), &mut docs),
        Err(SessionError::Document(_))
    ));
    // A sync message carrying a compressed change that inflates to 64 MB.
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&vec![0u8; 64 * 1024 * 1024]).unwrap();
    let bomb = enc.finish().unwrap();
    let mut chunk = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2];
    unhurried::codec::leb128::write_uleb(&mut chunk, bomb.len() as u64);
    chunk.extend_from_slice(&bomb);
    let mut state = sync::State::new();
    let mut carrier = AutoCommit::new();
    let mut message = carrier.sync().generate_sync_message(&mut state).unwrap();
    message.changes = vec![chunk].into();
    let bomb_msg = Message::Sync {
        sender: PeerId("server".into()),
        target: PeerId("ana-tab".into()),
        document: id,
        data: message.encode(),
    };
    assert!(matches!(
        session.receive(&bomb_msg.encode(), &mut docs),
        Err(SessionError::Document(_))
    ));
    // A peer answer in another protocol version.
    let newer = Message::Peer {
        sender: PeerId("server".into()),
        target: PeerId("ana-tab".into()),
        metadata: PeerMetadata::default(),
        version: "2".into(),
    };
    assert_eq!(
        session.receive(&newer.encode(), &mut docs),
        Err(SessionError::Version("2".into()))
    );
    // The server's own refusal is passed on in its words.
    let refusal = Message::Error {
        sender: PeerId("server".into()),
        message: "unsupported protocol version".into(),
    };
    assert_eq!(
        session.receive(&refusal.encode(), &mut docs),
        Ok(vec![Event::ServerError(
            "unsupported protocol version".into()
        )])
    );
    assert_eq!(docs.get_mut(&id).unwrap().save(), before);
}

#[test]
fn changes_waiting_are_counted_and_a_state_kept_by_a_tab_that_merged_more_is_not_trusted() {
    let (id, mut ana_doc, ben_doc) = discussion_for_two();
    // Ana's other tab, with the document as it was before anything below.
    let Ok(Received::New(early)) = receive(&full_link(&mut ana_doc, [1; 16]), None) else {
        panic!("a copy")
    };
    let mut early = *early;
    let (mut server, mut ana, mut ben) = online(id, ana_doc, ben_doc);
    assert_eq!(
        ana.session.waiting(id, ana.docs.get_mut(&id).unwrap()),
        Some(0)
    );

    // Offline, each comment waits, and the count says so.
    ana.disconnect(&mut server);
    comment(&mut ana, id, "one", 10);
    comment(&mut ana, id, "two", 11);
    assert_eq!(
        ana.session.waiting(id, ana.docs.get_mut(&id).unwrap()),
        Some(2)
    );
    ana.connect();
    settle(&mut server, &mut [&mut ana, &mut ben]);
    assert_eq!(
        ana.session.waiting(id, ana.docs.get_mut(&id).unwrap()),
        Some(0)
    );
    assert_eq!(comments(&ben, id), ["one", "two"]);

    // The state Ana keeps names her comments. Her other tab has not merged them: it
    // starts afresh rather than believe the server has only what that copy has, and
    // knows nothing of what the server has.
    let saved = ana.session.state_bytes(id).unwrap();
    let mut other = Session::new(PeerId("ana-other-tab".into()));
    other.keep(id, Some(&saved), &early);
    assert_eq!(other.waiting(id, &mut early), None);
    assert!(early.changes_beyond(&[]) > 0);
    // The tab that wrote it trusts it: nothing waits.
    let mut again = Session::new(PeerId("ana-tab-again".into()));
    again.keep(id, Some(&saved), &ana.docs[&id]);
    assert_eq!(again.waiting(id, ana.docs.get_mut(&id).unwrap()), Some(0));
}

proptest::proptest! {
    /// Whatever follows a link in its fragment, reading the invite never panics, and the
    /// link before it is handed on untouched.
    #[test]
    fn any_invite_text_is_read_without_a_panic(rest in "\\PC{0,200}", link in "u1\\.[A-Za-z0-9_-]{0,40}") {
        let fragment = format!("{link}&{rest}");
        let (got, _) = unhurried::sync::invite::SyncInvite::split(&fragment);
        proptest::prop_assert_eq!(got, link.as_str());
    }

    /// Whatever is typed as a server address, checking it never panics, and what it
    /// accepts reads back as itself.
    #[test]
    fn any_address_is_checked_without_a_panic(text in "(wss?://)?\\PC{0,80}") {
        if let Ok(address) = unhurried::sync::address::ServerAddress::parse(&text) {
            let again = unhurried::sync::address::ServerAddress::parse(address.as_str());
            proptest::prop_assert_eq!(again, Ok(address));
        }
    }
}
