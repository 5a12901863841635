//! A live peer for the native tests and timing scripts of live sync: the sync server
//! started on a free port over a data folder, and the app's sync session over a plain
//! blocking WebSocket.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, ErrorKind};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tungstenite::{Message as Frame, WebSocket};
use unhurried::doc::shared::SharedDoc;
use unhurried::sync::message::PeerId;
use unhurried::sync::repo_id::RepoDocId;
use unhurried::sync::session::{Event, Session};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A child process stopped when the test ends, however it ends.
pub struct Running(pub Child);

impl Running {
    /// Stops it as a service manager would (SIGTERM), so it finishes writing first.
    pub fn terminate(mut self) {
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
pub fn first_line(child: &mut Child) -> String {
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    line
}

/// Starts the server on a free port over `data`; returns it and its address.
pub fn start_server(data: &std::path::Path) -> (Running, String) {
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
pub struct Client {
    pub socket: WebSocket<TcpStream>,
    pub session: Session,
    pub docs: BTreeMap<RepoDocId, SharedDoc>,
    pub events: Vec<Event>,
    /// Bytes sent and received over the socket, message payloads only.
    pub sent: usize,
    pub received: usize,
}

impl Client {
    pub fn connect(url: &str, me: &str) -> Client {
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
            sent: 0,
            received: 0,
        }
    }

    /// How long a read waits before the pump looks again: short for timing, so the
    /// figures measure the sync and not the wait.
    pub fn set_poll(&mut self, wait: Duration) {
        self.socket.get_mut().set_read_timeout(Some(wait)).unwrap();
    }

    /// Sends what the session has to send.
    pub fn flush(&mut self) {
        for bytes in self.session.outgoing() {
            self.sent += bytes.len();
            self.socket.send(Frame::Binary(bytes.into())).unwrap();
        }
    }

    /// Sends what the session has to send and takes in what arrives, until `done` holds
    /// (or 15 seconds pass, which fails the test).
    pub fn pump_until(&mut self, what: &str, done: impl Fn(&mut Client) -> bool) {
        let start = Instant::now();
        loop {
            self.flush();
            if done(self) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "never: {what}");
            match self.socket.read() {
                Ok(Frame::Binary(bytes)) => {
                    self.received += bytes.len();
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

/// A document's comments, sorted: what two copies compare once they have converged.
pub fn comment_texts(doc: &SharedDoc) -> Vec<String> {
    let mut all: Vec<String> = doc
        .state()
        .comments
        .iter()
        .map(|c| c.text.clone())
        .collect();
    all.sort();
    all
}
