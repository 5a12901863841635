//! Browser tests (wasm-bindgen-test in headless Chromium): the workspace on the real
//! store (IndexedDB behind the mirror, with refusals simulated as a full disk gives them),
//! localStorage as the store it was and stands in as (its real quota), and 20 MB kept
//! where localStorage holds 5.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use unhurried::doc::page::PageDoc;
use unhurried::doc::shared::SharedDoc;
use unhurried::doc::PersonalDoc;
use unhurried::model::inventory::{Task, TaskId};
use unhurried::model::profile::Profile;
use unhurried::model::schedule::{Block, BlockKind};
use unhurried::share::exchange::{hex, reply_link};
use unhurried::share::link::{PayloadKind, Share};
use unhurried::store::device::{self, DeviceStore};
use unhurried::store::idb::{Idb, DB_NAME};
use unhurried::store::local::LocalStore;
use unhurried::store::{DocStore, KeyValue, Saved, StoreError, KEY_PREFIX};
use unhurried::workspace::{BoardEdit, SharedEdit, SopEdit};
use unhurried::workspace::{StorageHealth, WeekValue, Workspace};
use wasm_bindgen_test::*;

mod browser;
use browser::{refuse_writes, sleep};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits until every write has gone to IndexedDB, or the last batch was refused.
async fn settled() {
    for _ in 0..500 {
        sleep(1).await;
        let done = !DeviceStore::has_waiting() || DeviceStore::refused().is_some();
        if done && !DeviceStore::is_writing() {
            return;
        }
    }
    panic!(
        "writes never settled: waiting {}, refused {:?}, writing {}",
        DeviceStore::has_waiting(),
        DeviceStore::refused(),
        DeviceStore::is_writing()
    );
}

/// Makes IndexedDB refuse every write as a full disk does, or lets writes through again.
fn set_refused(on: bool) {
    refuse_writes(on);
}

/// Empties localStorage and the app's database and starts the device store on them.
async fn clear() {
    set_refused(false);
    settled().await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let idb = Idb::open(DB_NAME).await.unwrap();
    let keys: Vec<String> = idb
        .entries()
        .await
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    idb.write(&[], &keys).await.unwrap();
    idb.close();
    device::start(0).await;
}

/// A new page load: what is stored in IndexedDB (and moved from localStorage) read anew.
async fn reload() {
    settled().await;
    device::start(0).await;
}

/// Opens a workspace after a new page load, inside its own reactive owner.
async fn with_workspace<R>(f: impl FnOnce(Workspace) -> R) -> R {
    reload().await;
    Owner::new().with(|| f(Workspace::open()))
}

fn is_memory_only(ws: &Workspace) -> bool {
    matches!(ws.health.get_untracked(), StorageHealth::MemoryOnly(_))
}

fn task(id: &str) -> Task {
    Task::new(TaskId::new(id), format!("Task {id}"), 0)
}

/// A document as localStorage holds it.
fn reopen_local(name: &str) -> PersonalDoc {
    let store = DocStore::new(LocalStore::open(), name, "reader");
    let (bytes, _) = store.read_all().unwrap();
    PersonalDoc::from_stored(&bytes).unwrap()
}

/// A document as IndexedDB holds it, read by a new page load.
async fn reopen(name: &str) -> PersonalDoc {
    reload().await;
    let store = DocStore::new(DeviceStore::open(), name, "reader");
    let (bytes, _) = store.read_all().unwrap();
    PersonalDoc::from_stored(&bytes).unwrap()
}

/// Fills localStorage until it refuses; returns the filler keys.
fn fill_storage() -> Vec<String> {
    let local = LocalStore::open();
    let chunk = "x".repeat(256 * 1024);
    let mut keys = Vec::new();
    for i in 0.. {
        let key = format!("filler:{i}");
        match local.set(&key, chunk.as_bytes()) {
            Ok(()) => keys.push(key),
            Err(StoreError::QuotaExceeded) => break,
            Err(e) => panic!("unexpected storage error {e:?}"),
        }
    }
    // Top up with smaller pieces so nearly nothing is left.
    for size in [16 * 1024, 1024, 64] {
        let piece = "y".repeat(size);
        for i in 0.. {
            let key = format!("filler:{size}:{i}");
            if local.set(&key, piece.as_bytes()).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

fn unfill(keys: &[String]) {
    let local = LocalStore::open();
    for k in keys {
        local.remove(k).unwrap();
    }
}

#[wasm_bindgen_test]
async fn save_and_load_round_trip() {
    clear().await;
    let mut doc = PersonalDoc::new();
    doc.put_task(&task("a")).unwrap();
    let mut store = DocStore::new(LocalStore::open(), "roundtrip", "tab1");
    assert_eq!(store.append(&doc.save()), Saved::Stored);
    assert_eq!(reopen_local("roundtrip").tasks(), doc.tasks());
    assert!(LocalStore::open()
        .keys()
        .unwrap()
        .iter()
        .all(|k| k.starts_with(KEY_PREFIX)));
}

#[wasm_bindgen_test]
async fn incremental_saves_then_compaction() {
    clear().await;
    let mut doc = PersonalDoc::new();
    let mut store = DocStore::new(LocalStore::open(), "inc", "tab1");
    store.append(&doc.save());
    for i in 0..40 {
        doc.put_task(&task(&i.to_string())).unwrap();
        assert_eq!(store.append(&doc.save_incremental()), Saved::Stored);
    }
    let parts_before = LocalStore::open().keys().unwrap().len();
    assert_eq!(parts_before, 41);
    assert_eq!(reopen_local("inc").tasks().len(), 40);
    assert!(store.wants_compaction());
    assert_eq!(store.compact(&doc.save()), Saved::Stored);
    assert_eq!(LocalStore::open().keys().unwrap().len(), 1);
    assert_eq!(reopen_local("inc").tasks(), doc.tasks());
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_edits_in_memory_and_stores_them_later() {
    clear().await;
    let mut doc = PersonalDoc::new();
    let mut store = DocStore::new(LocalStore::open(), "full", "tab1");
    store.append(&doc.save());
    let filler = fill_storage();
    doc.put_task(&task("while-full")).unwrap();
    assert_eq!(
        store.append(&doc.save_incremental()),
        Saved::InMemoryOnly(StoreError::QuotaExceeded)
    );
    assert!(store.has_pending());
    assert_eq!(doc.tasks().len(), 1, "the edit is still in memory");
    unfill(&filler);
    doc.put_task(&task("after")).unwrap();
    assert_eq!(store.append(&doc.save_incremental()), Saved::Stored);
    assert_eq!(reopen_local("full").tasks().len(), 2);
    clear().await;
}

#[wasm_bindgen_test]
async fn the_workspace_reports_a_refusing_storage_and_loses_nothing() {
    clear().await;
    reload().await;
    let owner = Owner::new();
    let ws = owner.with(Workspace::open);
    settled().await;
    assert_eq!(ws.health.get_untracked(), StorageHealth::Saved);
    set_refused(true);
    let id = owner.with(|| ws.add_task("Typed while the disk was full").unwrap());
    settled().await;
    assert!(is_memory_only(&ws));
    assert!(ws
        .state
        .with_untracked(|s| s.tasks.iter().any(|t| t.id == id)));
    set_refused(false);
    owner.with(|| ws.retry_storage());
    settled().await;
    assert_eq!(ws.health.get_untracked(), StorageHealth::Saved);
    let stored = reopen("personal").await;
    assert!(stored.tasks().iter().any(|t| t.id == id));
    drop(owner);
    clear().await;
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_is_set_aside_and_reported() {
    clear().await;
    let local = LocalStore::open();
    local
        .set("unhurried:doc:personal:zz:0000000000", b"not automerge")
        .unwrap();
    with_workspace(|ws| {
        assert!(ws.aside_message.get_untracked().is_some());
        assert_eq!(
            ws.aside_bytes().as_deref(),
            Some(b"not automerge".as_slice())
        );
        let keys = DeviceStore::open().keys().unwrap();
        assert!(keys
            .iter()
            .any(|k| k.starts_with("unhurried:aside:personal:")));
        assert!(!keys
            .iter()
            .any(|k| k == "unhurried:doc:personal:zz:0000000000"));
    })
    .await;
    clear().await;
}

#[wasm_bindgen_test]
async fn storage_full_from_the_start_then_freed_keeps_everything() {
    clear().await;
    reload().await;
    set_refused(true);
    let owner = Owner::new();
    let ws = owner.with(Workspace::open);
    settled().await;
    assert!(is_memory_only(&ws));
    owner.with(|| ws.add_task("First, while full").unwrap());
    settled().await;
    assert!(is_memory_only(&ws));
    set_refused(false);
    owner.with(|| ws.add_task("Second, after space was freed").unwrap());
    settled().await;
    assert_eq!(ws.health.get_untracked(), StorageHealth::Saved);
    // What is stored loads on its own: a full save lies under the parts.
    let mut titles: Vec<String> = reopen("personal")
        .await
        .tasks()
        .into_iter()
        .map(|t| t.title)
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        ["First, while full", "Second, after space was freed"]
    );
    drop(owner);
    clear().await;
}

#[wasm_bindgen_test]
async fn a_damaged_part_goes_aside_alone_and_the_rest_loads() {
    clear().await;
    with_workspace(|ws| {
        ws.add_task("Survives").unwrap();
    })
    .await;
    // Text that is not base64: damaged in localStorage itself.
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("unhurried:doc:personal:zz:0000000000", "%%% not base64 %%%")
        .unwrap();
    with_workspace(|ws| {
        assert!(ws.aside_message.get_untracked().is_some());
        assert_eq!(
            ws.aside_bytes().as_deref(),
            Some(b"%%% not base64 %%%".as_slice())
        );
        let titles: Vec<String> = ws
            .state
            .with_untracked(|s| s.tasks.iter().map(|t| t.title.clone()).collect());
        assert_eq!(titles, ["Survives"]);
        assert_eq!(ws.health.get_untracked(), StorageHealth::Saved);
    })
    .await;
    clear().await;
}

#[wasm_bindgen_test]
async fn a_shared_document_is_stored_and_a_reply_link_merges_into_it() {
    clear().await;
    let id = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "UTC".into(),
            actor_id: hex(&[1; 16]),
        });
        let id = ws.create_collab("Plan").unwrap();
        ws.show_shared(id).unwrap();
        ws.shared_edit(SharedEdit::AddComment {
            reply_to: None,
            text: "first".into(),
        })
        .unwrap();
        id
    })
    .await;
    // Ben's reply, made from the document as stored in localStorage.
    reload().await;
    let store = DocStore::new(DeviceStore::open(), &format!("c-{id}"), "reader");
    let (bytes, _) = store.read_all().unwrap();
    let mut ben = SharedDoc::from_stored(&bytes).unwrap();
    assert_eq!(ben.state().comments.len(), 1);
    let base = ben.heads();
    ben.add_comment(&hex(&[2; 16]), "Ben", 5, None, "reply")
        .unwrap();
    let reply = reply_link(&mut ben, [2; 16], &[base])
        .unwrap()
        .to_fragment();
    with_workspace(|ws| {
        // A new page load lists the document and loads it from storage.
        assert_eq!(ws.state.get_untracked().held.len(), 1);
        let (got, message) = ws.receive_fragment(&reply).unwrap();
        assert_eq!(got, id);
        assert!(message.contains("Ben"), "{message}");
        ws.show_shared(id).unwrap();
        let view = ws.shared.get_untracked().unwrap();
        assert_eq!(view.state.comments.len(), 2);
        assert_eq!(view.news.comments.len(), 1);
        // Ben is now a known teammate: a reply link can be made for him.
        assert!(ws.held(id).unwrap().peers.contains_key(&hex(&[2; 16])));
        assert!(ws.share_offer().unwrap().full.contains("/#u1."));
        // A bad link changes nothing.
        assert!(ws.receive_fragment("u1.AAAA").is_err());
        assert_eq!(ws.shared.get_untracked().unwrap().state.comments.len(), 2);
    })
    .await;
    // And the merged comment is in storage.
    reload().await;
    let (bytes, _) = DocStore::new(DeviceStore::open(), &format!("c-{id}"), "reader2")
        .read_all()
        .unwrap();
    assert_eq!(
        SharedDoc::from_stored(&bytes)
            .unwrap()
            .state()
            .comments
            .len(),
        2
    );
}

#[wasm_bindgen_test]
async fn a_published_page_and_the_week_are_stored_and_a_forged_page_link_is_refused() {
    clear().await;
    let (id, link) = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "Europe/London".into(),
            actor_id: hex(&[1; 16]),
        });
        assert!(ws.put_week(WeekValue::Block(Block {
            id: "b1".into(),
            day: 0,
            start: 9 * 60,
            minutes: 120,
            kind: BlockKind::Manager,
            label: "Calls".into(),
        })));
        let mut b = ws.state.get_untracked().boundaries;
        b.urgent = "The site is down".into();
        ws.set_boundaries(b);
        let published = ws.publish_page().unwrap();
        (ws.my_page_id().unwrap(), published.link)
    })
    .await;
    // A new page load finds the week, the boundaries and the page in storage.
    let fragment = link.split_once('#').unwrap().1.to_owned();
    let forged = with_workspace(|ws| {
        let state = ws.state.get_untracked();
        assert_eq!(state.schedule.blocks.len(), 1);
        assert_eq!(state.boundaries.urgent, "The site is down");
        let page = ws.page_state(id).unwrap();
        assert_eq!(page.urgent, "The site is down");
        assert_eq!(page.blocks[0].label, "Calls");
        // The same link again changes nothing.
        let (got, message) = ws.receive_fragment(&fragment).unwrap();
        assert_eq!(got, id);
        assert!(message.contains("already up to date"), "{message}");
        // Someone else's copy with their edit, sent back without Ana's signature.
        let share = Share::from_fragment(&fragment).unwrap();
        let theirs = PageDoc::from_stored(&share.bytes).unwrap();
        let mut edited = theirs.state();
        edited.urgent = "Anything".into();
        edited.published += 1;
        let mut theirs = PageDoc::snapshot(&edited, &theirs.author_key());
        Share {
            payload: PayloadKind::Document,
            signature: None,
            bytes: theirs.save_for_link(),
            ..share
        }
        .to_fragment()
    })
    .await;
    with_workspace(|ws| {
        let err = ws.receive_fragment(&forged).unwrap_err();
        assert!(err.contains("only Ana can change it"), "{err}");
        assert_eq!(ws.page_state(id).unwrap().urgent, "The site is down");
        // Publishing again from a new page load replaces the stored snapshot: one part
        // stays, and it is the new one.
        let mut b = ws.state.get_untracked().boundaries;
        b.urgent = "Only outages".into();
        ws.set_boundaries(b);
        assert!(ws.publish_page().unwrap().changed);
    })
    .await;
    reload().await;
    let parts: Vec<String> = DeviceStore::open()
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.contains(&format!("p-{id}")))
        .collect();
    assert_eq!(parts.len(), 1, "{parts:?}");
    with_workspace(|ws| assert_eq!(ws.page_state(id).unwrap().urgent, "Only outages")).await;
}

#[wasm_bindgen_test]
async fn a_board_move_is_stored_and_reminders_survive_a_new_page_load() {
    use unhurried::model::kind::DocKind;
    use unhurried::model::shared::board::Column;
    clear().await;
    let (id, card) = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "Europe/London".into(),
            actor_id: hex(&[1; 16]),
        });
        let id = ws.create_shared(DocKind::Board, "Team").unwrap();
        ws.show_shared(id).unwrap();
        ws.shared_edit(BoardEdit::AddCard {
            title: "Specs".into(),
            column: Column::Todo,
            rank: 1.0,
        })
        .unwrap();
        let card = ws.shared.get_untracked().unwrap().state.board().cards[0]
            .id
            .clone();
        // The fast path re-reads only the card, and the view follows.
        ws.board_move(&card, Column::Done, 2.0);
        let view = ws.shared.get_untracked().unwrap();
        assert_eq!(view.state.board().card(&card).unwrap().column, Column::Done);
        let r = ws
            .add_reminder("Card: Specs", &format!("/shared/{id}"), "Team", 1_000)
            .unwrap();
        ws.mark_notified(std::slice::from_ref(&r));
        (id, card)
    })
    .await;
    with_workspace(|ws| {
        let held = ws.held(id).unwrap();
        assert_eq!(held.kind, DocKind::Board);
        ws.show_shared(id).unwrap();
        let view = ws.shared.get_untracked().unwrap();
        assert_eq!(view.state.board().card(&card).unwrap().column, Column::Done);
        let reminders = ws.state.get_untracked().reminders;
        assert_eq!(reminders.len(), 1);
        assert!(reminders[0].notified && !reminders[0].done);
        assert_eq!(reminders[0].link, format!("/shared/{id}"));
        ws.reminder_done(&reminders[0].id);
    })
    .await;
    with_workspace(|ws| {
        assert!(ws.state.get_untracked().reminders[0].done);
    })
    .await;
    clear().await;
}

#[wasm_bindgen_test]
async fn an_sop_written_from_a_task_keeps_its_runs_and_a_tick_takes_the_fast_path() {
    use unhurried::model::inventory::Decision;
    use unhurried::model::shared::sop::{SopSchedule, Step};
    clear().await;
    let now = unhurried::web::now_ms();
    let (id, run, task_id) = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "Europe/London".into(),
            actor_id: hex(&[1; 16]),
        });
        let task_id = ws.add_task("Invoices").unwrap();
        let mut t = ws
            .state
            .with_untracked(|s| s.tasks.iter().find(|t| t.id == task_id).cloned())
            .unwrap();
        t.set_decision(Decision::Delegate { to: "Ben".into() });
        ws.update_task(t.clone());
        let id = ws.create_sop_from_task(&t.id).unwrap();
        assert_eq!(ws.sop_of_task(&t.id), Some(id));
        ws.shared_edit(SopEdit::AddStep(Step {
            text: "Export the hours".into(),
            minutes: 10,
            ..Step::default()
        }))
        .unwrap();
        // Every working day a minute ago: a run is waiting, for the owner too while
        // every step is the owner's.
        let minute = ((now / 60_000) % (24 * 60) - 1).rem_euclid(24 * 60) as u32;
        ws.shared_edit(SopEdit::SetSchedule(SopSchedule::parse(&format!(
            "workdays 0 {minute} UTC"
        ))))
        .unwrap();
        let weekday = js_sys::Date::new_0().get_utc_day();
        let working_day = (1..=5).contains(&weekday) && minute != 24 * 60 - 1;
        assert_eq!(ws.sops_waiting(now).len(), usize::from(working_day));
        ws.shared_edit(SopEdit::StartRun { by_itself: false })
            .unwrap();
        assert!(ws.sops_waiting(now + 1).is_empty());
        let view = ws.shared.get_untracked().unwrap();
        let run = view.state.sop().runs[0].id.clone();
        let step = view.state.sop().steps[0].id.clone();
        ws.shared_edit(SopEdit::TickStep {
            run: run.clone(),
            step: step.clone(),
            done: true,
        })
        .unwrap();
        let view = ws.shared.get_untracked().unwrap();
        assert!(
            view.state.sop().runs[0].step(&step).unwrap().done,
            "the view follows the tick"
        );
        ws.shared_edit(SopEdit::FinishRun(run.clone())).unwrap();
        // The owner's own run frees nothing.
        let evidence = ws.run_evidence(unhurried::web::now_ms() + 1);
        assert_eq!(evidence.len(), 1);
        assert_eq!(evidence[0].task, task_id.as_str());
        assert_eq!((evidence[0].by_others, evidence[0].by_owner), (0, 1));
        (id, run, task_id)
    })
    .await;
    with_workspace(|ws| {
        ws.show_shared(id).unwrap();
        let view = ws.shared.get_untracked().unwrap();
        let sop = view.state.sop();
        assert_eq!(sop.task, task_id.as_str());
        let r = sop.run(&run).unwrap();
        assert!(r.ended.is_some() && r.steps.iter().all(|s| s.done));
        assert_eq!(ws.sops().len(), 1);
    })
    .await;
    clear().await;
}

#[wasm_bindgen_test]
async fn a_backup_carries_every_document_and_restores_them_on_a_new_device() {
    clear().await;
    let (collab, board, page, file) = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "Asia/Kolkata".into(),
            actor_id: hex(&[1; 16]),
        });
        let collab = ws.create_collab("Plan").unwrap();
        ws.show_shared(collab).unwrap();
        ws.shared_edit(SharedEdit::AddComment {
            reply_to: None,
            text: "kept".into(),
        })
        .unwrap();
        let board = ws
            .create_shared(unhurried::model::kind::DocKind::Board, "Stand-up")
            .unwrap();
        let mut b = ws.state.get_untracked().boundaries;
        b.urgent = "Outages".into();
        ws.set_boundaries(b);
        ws.publish_page().unwrap();
        let page = ws.my_page_id().unwrap();
        (collab, board, page, ws.export_file(&[]))
    })
    .await;
    // A new device: empty storage, the backup restored from the welcome.
    clear().await;
    with_workspace(|ws| {
        let message = ws.import_file(&file).unwrap();
        assert!(message.contains("3 shared documents restored"), "{message}");
        assert_eq!(ws.state.get_untracked().held.len(), 3);
        ws.show_shared(collab).unwrap();
        assert_eq!(
            ws.shared.get_untracked().unwrap().state.comments[0].text,
            "kept"
        );
        ws.show_shared(board).unwrap();
        assert_eq!(ws.page_state(page).unwrap().urgent, "Outages");
        // Again: nothing new, nothing doubled.
        let again = ws.import_file(&file).unwrap();
        assert!(again.contains("already here"), "{again}");
        ws.show_shared(collab).unwrap();
        assert_eq!(ws.shared.get_untracked().unwrap().state.comments.len(), 1);
    })
    .await;
}

#[wasm_bindgen_test]
async fn data_set_aside_by_earlier_loads_is_listed_for_every_document() {
    clear().await;
    let local = LocalStore::open();
    local
        .set(&format!("{KEY_PREFIX}aside:personal:100"), b"old")
        .unwrap();
    local
        .set(&format!("{KEY_PREFIX}aside:c-0123:200"), b"shared")
        .unwrap();
    with_workspace(|ws| {
        let asides = ws.asides();
        let seen: Vec<(&str, i64, &[u8])> = asides
            .iter()
            .map(|a| (a.doc.as_str(), a.when_ms, a.bytes.as_slice()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("c-0123", 200, b"shared".as_slice()),
                ("personal", 100, b"old".as_slice())
            ]
        );
    })
    .await;
}

#[wasm_bindgen_test]
async fn someone_new_reads_a_link_without_a_name_and_names_themselves_when_they_write() {
    clear().await;
    let mut doc = SharedDoc::create(&hex(&[1; 16]), "Ana", "Offsite", 1);
    let fragment = unhurried::share::exchange::full_link(&mut doc, [1; 16]).to_fragment();
    with_workspace(|ws| {
        ws.ensure_identity();
        let (id, _) = ws.receive_fragment(&fragment).unwrap();
        let profile = ws.state.get_untracked().profile;
        assert!(!profile.is_set_up());
        assert_eq!(profile.actor_id.len(), 32);
        assert!(!profile.time_zone.is_empty());
        ws.show_shared(id).unwrap();
        // Writing without a name writes nothing and asks for one.
        let posted = ws.shared_edit(SharedEdit::AddComment {
            reply_to: None,
            text: "hello".into(),
        });
        assert!(posted.is_none());
        assert!(ws.name_wanted.get_untracked());
        assert!(ws.shared.get_untracked().unwrap().state.comments.is_empty());
        assert!(ws.name_myself("Cy".into()));
        assert!(!ws.name_wanted.get_untracked());
        ws.shared_edit(SharedEdit::AddComment {
            reply_to: None,
            text: "hello".into(),
        })
        .unwrap();
        let state = ws.shared.get_untracked().unwrap().state;
        assert_eq!(state.people.get(&profile.actor_id).unwrap(), "Cy");
    })
    .await;
    // The link was stored when it was opened.
    with_workspace(|ws| assert_eq!(ws.state.get_untracked().held.len(), 1)).await;
}

/// Text that does not compress: printable characters from a simple generator.
fn noise(seed: u64, len: usize) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b' ' + (x % 95) as u8)
        })
        .collect()
}

/// Far beyond localStorage's 5 MB: 20 discussions of 65 comments of 20,000 characters
/// each, over 20 MB stored, are all there after a new page load.
#[wasm_bindgen_test]
async fn twenty_megabytes_beyond_what_local_storage_holds_are_kept_and_read_back() {
    clear().await;
    let ids = with_workspace(|ws| {
        ws.set_profile(Profile {
            display_name: "Ana".into(),
            time_zone: "UTC".into(),
            actor_id: hex(&[1; 16]),
        });
        let mut ids = Vec::new();
        for d in 0..20u64 {
            let id = ws.create_collab(&format!("Archive {d}")).unwrap();
            ws.show_shared(id).unwrap();
            for c in 0..65u64 {
                ws.shared_edit(SharedEdit::AddComment {
                    reply_to: None,
                    text: noise(d * 1000 + c, 20_000),
                })
                .unwrap();
            }
            ids.push(id);
        }
        assert_eq!(ws.health.get_untracked(), StorageHealth::Saved);
        ids
    })
    .await;
    settled().await;
    let stored: usize = DeviceStore::sizes().iter().map(|(_, n)| n).sum();
    // A new page load reads it all back from IndexedDB.
    with_workspace(|ws| {
        for (d, id) in ids.iter().enumerate() {
            ws.show_shared(*id).unwrap();
            let view = ws.shared.get_untracked().unwrap();
            assert_eq!(view.state.comments.len(), 65, "discussion {d}");
            assert_eq!(
                view.state.comments[64].text,
                noise(d as u64 * 1000 + 64, 20_000)
            );
        }
    })
    .await;
    assert!(stored > 20_000_000, "{stored} bytes stored");
    clear().await;
}
