//! Browser tests (wasm-bindgen-test in headless Chromium, real localStorage and
//! IndexedDB) of issue 17's move: a profile written by today's main moves whole, a move
//! stopped after each of its steps resumes with nothing lost or doubled, damaged text
//! moves aside (once, even when a second tab's copy of localStorage has not heard of the
//! move yet), two tabs moving at once move once, and the device store keeps writes
//! in IndexedDB behind a synchronous mirror.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use unhurried::doc::PersonalDoc;
use unhurried::model::inventory::{Task, TaskId};
use unhurried::store::device::{move_local_storage, move_under_lock, DeviceStore, MoveStep};
use unhurried::store::idb::Idb;
use unhurried::store::local::LocalStore;
use unhurried::store::mirror::Mirror;
use unhurried::store::{keys, DocStore, KeyValue};
use wasm_bindgen_test::*;

mod browser;
use browser::{refuse_writes, sleep};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn fresh(name: &str) -> Idb {
    storage().clear().unwrap();
    Idb::delete(name).await.unwrap();
    Idb::open(name).await.unwrap()
}

/// A personal document with `n` tasks stored in localStorage as today's main stores it
/// (a full save, then edits as parts), plus a device setting that must stay.
fn profile(n: usize) -> PersonalDoc {
    let mut doc = PersonalDoc::default();
    let mut store = DocStore::new(LocalStore::open(), "personal", "oldtab00001");
    store.compact(&doc.save());
    for i in 0..n {
        doc.put_task(&Task::new(
            TaskId::new(format!("t{i}")),
            format!("Task {i}"),
            0,
        ))
        .unwrap();
        store.append(&doc.save_incremental());
    }
    storage()
        .set_item("unhurried:sync:server", "wss://sync.example")
        .unwrap();
    doc
}

/// The personal document as IndexedDB holds it.
async fn read_back(idb: &Idb) -> (PersonalDoc, Vec<String>) {
    let entries = idb.entries().await.unwrap();
    let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
    let mirror = RefCell::new(Mirror::loaded(entries));
    let (bytes, _) = DocStore::new(&mirror, "personal", "reader")
        .read_all()
        .unwrap();
    (PersonalDoc::from_stored(&bytes).unwrap(), keys)
}

fn local_keys() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn a_profile_moves_whole_and_local_storage_keeps_only_settings() {
    let idb = fresh("test-move-whole").await;
    let doc = profile(5);
    let parts = local_keys().len() - 1;
    assert_eq!(
        move_local_storage(&idb, 1, None).await.unwrap().entries,
        parts
    );
    assert_eq!(local_keys(), vec!["unhurried:sync:server".to_owned()]);
    let (back, keys) = read_back(&idb).await;
    assert_eq!(back.tasks(), doc.tasks());
    assert_eq!(keys.len(), parts);
    // Nothing left: a second start moves nothing.
    assert_eq!(move_local_storage(&idb, 2, None).await.unwrap().entries, 0);
}

#[wasm_bindgen_test]
async fn a_move_stopped_after_each_step_resumes_with_nothing_lost_or_doubled() {
    for stop in [MoveStep::Copied, MoveStep::Verified, MoveStep::OneRemoved] {
        let idb = fresh("test-move-stopped").await;
        let doc = profile(4);
        let parts = local_keys().len() - 1;
        move_local_storage(&idb, 1, Some(stop)).await.unwrap();
        // The tab closed here; the next load moves the rest.
        move_local_storage(&idb, 2, None).await.unwrap();
        assert_eq!(
            local_keys(),
            vec!["unhurried:sync:server".to_owned()],
            "{stop:?}"
        );
        let (back, keys) = read_back(&idb).await;
        assert_eq!(back.tasks(), doc.tasks(), "{stop:?}");
        assert_eq!(keys.len(), parts, "{stop:?}: every part once");
        idb.close();
    }
}

#[wasm_bindgen_test]
async fn damaged_text_moves_aside_and_the_rest_still_loads() {
    let idb = fresh("test-move-damaged").await;
    let doc = profile(2);
    storage()
        .set_item("unhurried:doc:personal:zz:0000000000", "%%% not base64 %%%")
        .unwrap();
    let moved = move_local_storage(&idb, 500, None).await.unwrap();
    let aside = keys::aside("personal", 501);
    assert_eq!(moved.set_aside, vec![aside.clone()]);
    assert_eq!(
        idb.get(&aside).await.unwrap().as_deref(),
        Some(b"%%% not base64 %%%".as_slice())
    );
    let (back, _) = read_back(&idb).await;
    assert_eq!(back.tasks(), doc.tasks());
}

#[wasm_bindgen_test]
async fn a_tab_that_has_not_heard_of_a_move_does_not_set_the_damaged_part_aside_twice() {
    let idb = fresh("test-move-stale").await;
    let doc = profile(1);
    let damaged = "unhurried:doc:personal:zz:0000000000";
    storage().set_item(damaged, "%%% not base64 %%%").unwrap();
    let first = move_local_storage(&idb, 500, None).await.unwrap();
    assert_eq!(first.set_aside.len(), 1);
    // A second tab's copy of localStorage, a moment behind: it still holds what the
    // first tab moved.
    profile(1);
    storage().set_item(damaged, "%%% not base64 %%%").unwrap();
    let second = move_local_storage(&idb, 900, None).await.unwrap();
    assert!(second.set_aside.is_empty(), "told once");
    let asides: Vec<String> = idb
        .entries()
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with("unhurried:aside:"))
        .collect();
    assert_eq!(
        asides,
        vec![keys::aside("personal", 501)],
        "kept aside once"
    );
    assert_eq!(local_keys(), vec!["unhurried:sync:server".to_owned()]);
    let (back, _) = read_back(&idb).await;
    assert_eq!(back.tasks(), doc.tasks());
}

#[wasm_bindgen_test]
async fn two_tabs_starting_together_move_once() {
    let idb = Rc::new(fresh("test-move-twice").await);
    profile(3);
    let parts = local_keys().len() - 1;
    let (a, b) = futures::future::join(
        move_under_lock(idb.clone(), 1),
        move_under_lock(idb.clone(), 1),
    )
    .await;
    let (a, b) = (a.unwrap().entries, b.unwrap().entries);
    assert_eq!(
        (a + b, a.min(b)),
        (parts, 0),
        "one moved all, the other none"
    );
}

#[wasm_bindgen_test]
async fn the_device_store_keeps_writes_in_indexed_db_behind_its_mirror() {
    storage().clear().unwrap();
    Idb::delete(unhurried::store::idb::DB_NAME).await.unwrap();
    let doc = profile(3);
    let started = unhurried::store::device::start(1).await;
    assert_eq!(started.fallback, None);
    assert!(started.moved.entries > 0);
    assert!(DeviceStore::in_indexed_db());
    // Read at once through the mirror, as the workspace reads.
    let store = DocStore::new(DeviceStore::open(), "personal", "newtab00001");
    let (bytes, _) = store.read_all().unwrap();
    assert_eq!(
        PersonalDoc::from_stored(&bytes).unwrap().tasks(),
        doc.tasks()
    );
    // A write is seen at once and is in IndexedDB once the batch has gone out.
    DeviceStore::open()
        .set("unhurried:doc:c-1:t:0000000000", &[7, 8, 9])
        .unwrap();
    assert_eq!(
        DeviceStore::open()
            .get("unhurried:doc:c-1:t:0000000000")
            .unwrap(),
        Some(vec![7, 8, 9])
    );
    assert!(DeviceStore::has_waiting());
    while DeviceStore::has_waiting() {
        sleep(5).await;
    }
    let idb = Idb::open(unhurried::store::idb::DB_NAME).await.unwrap();
    assert_eq!(
        idb.get("unhurried:doc:c-1:t:0000000000").await.unwrap(),
        Some(vec![7, 8, 9])
    );
}

/// As the page goes away, writes not yet in IndexedDB, and those made while it goes, are
/// also written to localStorage, and the next start moves them in.
#[wasm_bindgen_test]
async fn writes_made_as_the_page_goes_away_reach_the_next_start() {
    storage().clear().unwrap();
    Idb::delete(unhurried::store::idb::DB_NAME).await.unwrap();
    unhurried::store::device::start(1).await;
    let window = web_sys::window().unwrap();
    DeviceStore::open()
        .set("unhurried:doc:personal:t:0000000001", &[1, 2])
        .unwrap();
    // Before the batch has gone out, the page goes away.
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    DeviceStore::open()
        .set("unhurried:doc:personal:t:0000000002", &[3])
        .unwrap();
    assert_eq!(
        storage()
            .get_item("unhurried:doc:personal:t:0000000001")
            .unwrap()
            .as_deref(),
        Some("AQI=")
    );
    assert_eq!(
        storage()
            .get_item("unhurried:doc:personal:t:0000000002")
            .unwrap()
            .as_deref(),
        Some("Aw==")
    );
    // Back from the back-forward cache: writes go to IndexedDB alone again.
    window
        .dispatch_event(&web_sys::Event::new("pageshow").unwrap())
        .unwrap();
    DeviceStore::open()
        .set("unhurried:doc:personal:t:0000000003", &[4])
        .unwrap();
    assert_eq!(
        storage()
            .get_item("unhurried:doc:personal:t:0000000003")
            .unwrap(),
        None
    );
    // The next start moves what localStorage holds; everything is there once.
    let started = unhurried::store::device::start(2).await;
    assert_eq!(started.moved.entries, 2);
    for (key, bytes) in [("1", vec![1, 2]), ("2", vec![3]), ("3", vec![4])] {
        assert_eq!(
            DeviceStore::open()
                .get(&format!("unhurried:doc:personal:t:000000000{key}"))
                .unwrap(),
            Some(bytes)
        );
    }
    assert_eq!(local_keys(), Vec::<String>::new());
}

/// A move the disk refuses leaves localStorage as it was, the documents are read from
/// there meanwhile, and the next start moves them.
#[wasm_bindgen_test]
async fn a_refused_move_shows_the_documents_all_the_same_and_is_tried_again() {
    storage().clear().unwrap();
    Idb::delete(unhurried::store::idb::DB_NAME).await.unwrap();
    let doc = profile(3);
    let parts = local_keys().len();
    refuse_writes(true);
    let started = unhurried::store::device::start(1).await;
    refuse_writes(false);
    assert_eq!(started.moved.entries, 0);
    assert_eq!(local_keys().len(), parts, "localStorage as it was");
    let (bytes, _) = DocStore::new(DeviceStore::open(), "personal", "reader")
        .read_all()
        .unwrap();
    assert_eq!(
        PersonalDoc::from_stored(&bytes).unwrap().tasks(),
        doc.tasks()
    );
    let again = unhurried::store::device::start(2).await;
    assert_eq!(again.moved.entries, parts - 1);
    assert_eq!(local_keys(), vec!["unhurried:sync:server".to_owned()]);
}
