#![cfg(not(target_arch = "wasm32"))]
//! Interop (issue 15) with the real thing: the app's sync session, over a plain
//! WebSocket, puts a discussion on the automerge-repo sync server
//! (`scripts/sync-server.mjs`, automerge-repo 2.5.6); a tool built on automerge-repo
//! itself (`tests/interop/repo_client.mjs`) opens it by its `automerge:` URL, reads its
//! problem statement and comments, and adds a comment, which reaches the app. The server
//! is then stopped and started again on the same data folder, and a newcomer reads
//! everything back. The test starts and stops the server and the tool itself (they are
//! installed by `scripts/test`, with the other dev tools).

mod live;

use std::process::{Command, Stdio};

use live::{comment_texts, first_line, root, start_server, Client, Running};
use unhurried::doc::shared::SharedDoc;
use unhurried::model::shared::TextField;
use unhurried::sync::repo_id::RepoDocId;
use unhurried::sync::session::Event;

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
    comment_texts(&client.docs[&id])
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
    app.session.keep(id, None, &app.docs[&id]);
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

#[test]
fn presence_passes_through_the_server_to_the_others_who_have_the_document() {
    use unhurried::sync::presence::Presence;
    let data = std::env::temp_dir().join(format!("unhurried-presence-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let (server, url) = start_server(&data);
    let ana = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    let mut doc = SharedDoc::create(ana, "Ana", "Stand-up", 1);
    let id = RepoDocId::from(doc.id().unwrap());
    let link = unhurried::share::exchange::full_link(&mut doc, [1; 16]);
    let Ok(unhurried::share::exchange::Received::New(copy)) =
        unhurried::share::exchange::receive(&link, None)
    else {
        panic!("Ben opens the link")
    };
    let in_sync = |c: &mut Client| {
        let doc = c.docs.get_mut(&id).unwrap();
        c.session.is_connected() && c.session.server_has_all(id, doc)
    };
    let mut a = Client::connect(&url, "ana-tab");
    a.docs.insert(id, doc);
    a.session.keep(id, None, &a.docs[&id]);
    a.pump_until("A in sync", in_sync);
    let mut b = Client::connect(&url, "ben-tab");
    b.docs.insert(id, *copy);
    b.session.keep(id, None, &b.docs[&id]);
    b.pump_until("B in sync", in_sync);

    let here = Presence {
        person: ana.into(),
        name: "Ana".into(),
        here: true,
    };
    a.session.announce(id, here.encode());
    a.flush();
    b.pump_until("B hears Ana", |c| {
        c.events.iter().any(|e| {
            matches!(e, Event::Ephemeral { document, from, data }
                if *document == id && from.0 == "ana-tab" && Presence::decode(data).as_ref() == Some(&here))
        })
    });
    // A second announcement is not dropped as a repeat (its count grows).
    b.events.clear();
    let gone = Presence {
        here: false,
        ..here
    };
    a.session.announce(id, gone.encode());
    a.flush();
    b.pump_until("B hears Ana leave", |c| {
        c.events.iter().any(|e| {
            matches!(e, Event::Ephemeral { data, .. } if Presence::decode(data).is_some_and(|p| !p.here))
        })
    });
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
}
