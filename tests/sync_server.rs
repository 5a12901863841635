#![cfg(not(target_arch = "wasm32"))]
//! Interop (issue 15) with the real thing: the app's sync session, over a plain
//! WebSocket, puts a discussion on the automerge-repo sync server
//! (`scripts/sync-server.mjs`, automerge-repo 2.5.6); a tool built on automerge-repo
//! itself (`tests/interop/repo_client.mjs`) opens it by its `automerge:` URL, reads its
//! problem statement and comments, and adds a comment, which reaches the app. The server
//! is then stopped and started again on the same data folder, and a newcomer reads
//! everything back. The test starts and stops the server and the tool itself (they are
//! installed by `scripts/test`, with the other dev tools).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, ErrorKind};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tungstenite::{Message as Frame, WebSocket};
use unhurried::doc::shared::SharedDoc;
use unhurried::model::shared::TextField;
use unhurried::sync::message::PeerId;
use unhurried::sync::repo_id::RepoDocId;
use unhurried::sync::session::{Event, Session};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A child process stopped when the test ends, however it ends.
struct Running(Child);

impl Running {
    /// Stops it as a service manager would (SIGTERM), so it finishes writing first.
    fn terminate(mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let _ = self.0.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The first line a child prints; the rest is read and dropped on a thread of its own,
/// so the child never writes into a closed pipe.
fn first_line(child: &mut Child) -> String {
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    line
}

/// Starts the server on a free port over `data`; returns it and its address.
fn start_server(data: &std::path::Path) -> (Running, String) {
    let mut child = Command::new("node")
        .arg("scripts/sync-server.mjs")
        .arg("0")
        .arg(data)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs (scripts/test installs the dev tools)");
    let line = first_line(&mut child);
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("the server said {line:?}"))
        .to_owned();
    (Running(child), url)
}

/// The app's side: a session over a blocking socket that gives up reading after a
/// short quiet spell, so the test can pump it.
struct Client {
    socket: WebSocket<TcpStream>,
    session: Session,
    docs: BTreeMap<RepoDocId, SharedDoc>,
    events: Vec<Event>,
}

impl Client {
    fn connect(url: &str, me: &str) -> Client {
        let address = url.strip_prefix("ws://").unwrap();
        let stream = TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let (socket, _) = tungstenite::client(url, stream).unwrap();
        let mut session = Session::new(PeerId(me.into()));
        session.opened();
        Client {
            socket,
            session,
            docs: BTreeMap::new(),
            events: Vec::new(),
        }
    }

    /// Sends what the session has to send and takes in what arrives, until `done` holds
    /// (or 15 seconds pass, which fails the test).
    fn pump_until(&mut self, what: &str, done: impl Fn(&mut Client) -> bool) {
        let start = Instant::now();
        loop {
            for bytes in self.session.outgoing() {
                self.socket.send(Frame::Binary(bytes.into())).unwrap();
            }
            if done(self) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "never: {what}");
            match self.socket.read() {
                Ok(Frame::Binary(bytes)) => {
                    let events = self
                        .session
                        .receive(&bytes, &mut self.docs)
                        .expect("the server's messages are taken in");
                    self.events.extend(events);
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => panic!("the socket failed waiting for {what}: {e}"),
            }
        }
    }
}

/// Runs the automerge-repo tool; returns what it read (a JSON line) and the process,
/// which stays connected until dropped.
fn repo_tool(server: &str, id: RepoDocId, comment: &str) -> (String, Running) {
    let mut child = Command::new("node")
        .arg("tests/interop/repo_client.mjs")
        .arg(server)
        .arg(id.url())
        .arg(comment)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let line = first_line(&mut child);
    (line, Running(child))
}

fn comments(client: &Client, id: RepoDocId) -> Vec<String> {
    let mut all: Vec<String> = client.docs[&id]
        .state()
        .comments
        .iter()
        .map(|c| c.text.clone())
        .collect();
    all.sort();
    all
}

#[test]
fn a_discussion_on_the_sync_server_is_read_and_answered_by_automerge_repo() {
    let data = std::env::temp_dir().join(format!("unhurried-sync-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let (server, url) = start_server(&data);

    // The app puts a discussion on the server.
    let ana = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    let mut doc = SharedDoc::create(ana, "Ana", "Offsite", 1);
    doc.set_text(TextField::Problem, ana, "Ana", "Where do we meet in May?")
        .unwrap();
    doc.add_comment(ana, "Ana", 2, None, "Lisbon?").unwrap();
    let id = RepoDocId::from(doc.id().unwrap());
    let mut app = Client::connect(&url, "ana-tab");
    app.docs.insert(id, doc);
    app.session.keep(id, None);
    app.pump_until("the server holds the discussion", |c| {
        let doc = c.docs.get_mut(&id).unwrap();
        c.session.is_connected() && c.session.server_has_all(id, doc)
    });

    // automerge-repo opens it by its URL, reads it, and answers.
    let (read, tool) = repo_tool(&url, id, "Porto, from automerge-repo");
    assert_eq!(
        read.trim(),
        r#"{"kind":"collab","title":"Offsite","problem":"Where do we meet in May?","comments":["Lisbon?"]}"#
    );
    app.pump_until("the tool's comment arrives", |c| comments(c, id).len() == 2);
    drop(tool);
    assert_eq!(
        comments(&app, id),
        ["Lisbon?", "Porto, from automerge-repo"]
    );
    assert!(app.events.contains(&Event::Changed(id)));
    let state = app.docs[&id].state();
    let by = &state
        .comments
        .iter()
        .find(|c| c.text.starts_with("Porto"))
        .unwrap()
        .by;
    assert_eq!(state.name_of(by), "Node");

    // The app writes again; then the server stops and starts on the same folder.
    app.docs
        .get_mut(&id)
        .unwrap()
        .add_comment(ana, "Ana", 3, None, "Porto it is.")
        .unwrap();
    app.session.changed(id, &mut app.docs);
    app.pump_until("the server has it all", |c| {
        let doc = c.docs.get_mut(&id).unwrap();
        c.session.server_has_all(id, doc)
    });
    server.terminate();
    let (_server, url) = start_server(&data);

    // Nothing was lost: a newcomer reads all three comments.
    let (read, _tool) = repo_tool(&url, id, "Agreed");
    assert!(
        read.contains(r#""comments":["#)
            && ["Lisbon?", "Porto, from automerge-repo", "Porto it is."]
                .iter()
                .all(|c| read.contains(c)),
        "{read}"
    );
    let _ = std::fs::remove_dir_all(&data);
}
