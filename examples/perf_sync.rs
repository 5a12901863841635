//! Live sync through a local automerge-repo sync server, timed natively (the app's
//! session over a plain WebSocket): one edit in A until B has it, over 100 edits; and a
//! reconnect after 1,000 edits made offline, with the sync state kept from before and
//! without it: time until the server holds everything, and bytes sent.
//!
//! Run: `cargo run --release --example perf_sync` (starts and stops the server itself).
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/live/mod.rs"]
mod live;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    use unhurried::doc::shared::SharedDoc;
    use unhurried::share::exchange::{full_link, receive, Received};
    use unhurried::sync::repo_id::RepoDocId;

    let data = std::env::temp_dir().join(format!("unhurried-perf-sync-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let (server, url) = live::start_server(&data);
    let ana = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    let ben = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    let in_sync = |c: &mut live::Client, id: RepoDocId| {
        let doc = c.docs.get_mut(&id).unwrap();
        c.session.server_has_all(id, doc)
    };

    // Edit to visible: Ana comments, Ben's copy shows it.
    let mut doc = SharedDoc::create(ana, "Ana", "Stand-up", 1);
    let id = RepoDocId::from(doc.id().unwrap());
    let Ok(Received::New(ben_doc)) = receive(&full_link(&mut doc, [1; 16]), None) else {
        panic!("Ben opens the link")
    };
    let poll = std::time::Duration::from_micros(500);
    let mut a = live::Client::connect(&url, "ana-tab");
    a.set_poll(poll);
    a.docs.insert(id, doc);
    a.session.keep(id, None, &a.docs[&id]);
    a.pump_until("A in sync", |c| in_sync(c, id));
    let mut b = live::Client::connect(&url, "ben-tab");
    b.set_poll(poll);
    b.docs.insert(id, *ben_doc);
    b.session.keep(id, None, &b.docs[&id]);
    b.pump_until("B in sync", |c| in_sync(c, id));
    let mut delays = Vec::new();
    for n in 0..100 {
        let start = Instant::now();
        a.docs
            .get_mut(&id)
            .unwrap()
            .add_comment(ana, "Ana", n, None, &format!("update {n}"))
            .unwrap();
        a.session.changed(id, &mut a.docs);
        a.flush();
        let want = n as usize + 1;
        b.pump_until("B sees it", |c| c.docs[&id].state().comments.len() == want);
        delays.push(start.elapsed().as_secs_f64() * 1000.0);
        a.pump_until("A settled", |c| in_sync(c, id));
    }
    delays.sort_by(f64::total_cmp);
    println!(
        "edit in A to visible in B, 100 edits: median {:.1} ms, p95 {:.1} ms",
        delays[50], delays[95]
    );

    // A reconnect after offline edits: 1,000 of them over a short history, and one over a
    // history of 1,000 the server already holds, with the sync state kept from before and
    // without it.
    for (before, offline, kept) in [(20, 1000, true), (1000, 1, true), (1000, 1, false)] {
        let mut doc = SharedDoc::create(ana, "Ana", "Offline", 1);
        let id = RepoDocId::from(doc.id().unwrap());
        for n in 0..before {
            doc.add_comment(ana, "Ana", n, None, "before").unwrap();
        }
        let mut c = live::Client::connect(&url, &format!("tab-{before}-{offline}-{kept}"));
        c.set_poll(poll);
        c.docs.insert(id, doc);
        c.session.keep(id, None, &c.docs[&id]);
        c.pump_until("in sync", |c| in_sync(c, id));
        let saved = c.session.state_bytes(id).unwrap();
        let mut doc = c.docs.remove(&id).unwrap();
        drop(c);
        for n in 0..offline {
            doc.add_comment(ben, "Ben", 10_000 + n, None, &format!("offline {n}"))
                .unwrap();
        }
        let start = Instant::now();
        let mut c = live::Client::connect(&url, &format!("tab-{before}-{offline}-{kept}-again"));
        c.set_poll(poll);
        c.docs.insert(id, doc);
        c.session
            .keep(id, kept.then_some(saved.as_slice()), &c.docs[&id]);
        c.pump_until("converged", |c| in_sync(c, id));
        println!(
            "reconnect after {offline} offline edit(s) over {before} synced, {} the kept sync state: {:.0} ms, {} bytes sent, {} received",
            if kept { "with" } else { "without" },
            start.elapsed().as_secs_f64() * 1000.0,
            c.sent,
            c.received
        );
    }
    server.terminate();
    let _ = std::fs::remove_dir_all(&data);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
