#![cfg(not(target_arch = "wasm32"))]
//! Documents, backups and links written by landed versions must always open and merge.
//! Each file in `tests/fixtures/` was written once by the version its name dates and is
//! never rewritten: when a format changes, a new file is added beside the old ones.
//! `cargo test --test fixtures_corpus -- --ignored` writes the files that are missing
//! (only ever for the current version).

use std::path::PathBuf;

use unhurried::doc::collab::CollabDoc;
use unhurried::doc::{DocKind, PersonalDoc};
use unhurried::model::board::{Column, StatusCard, StatusTag};
use unhurried::model::inventory::{Task, TaskId};
use unhurried::model::HeldDoc;
use unhurried::share::exchange::{full_link, hex, receive, Received};
use unhurried::share::link::Share;
use unhurried::share::{encode_backup, encode_file, read_any_file, FileContent};

const ANA: [u8; 16] = [0xa1; 16];
const BEN: [u8; 16] = [0xb2; 16];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn discussion() -> CollabDoc {
    let mut doc = CollabDoc::create(&hex(&ANA), "Ana", "Team offsite", 1_764_000_000_000);
    let idea = doc
        .add_idea(&hex(&ANA), "Ana", 1_764_000_001_000, "Lisbon in May")
        .unwrap();
    doc.set_vote(&hex(&BEN), "Ben", 1_764_000_002_000, &idea, true)
        .unwrap();
    doc.add_comment(
        &hex(&BEN),
        "Ben",
        1_764_000_003_000,
        None,
        "Can we do Tuesday?",
    )
    .unwrap();
    doc
}

fn board() -> CollabDoc {
    let mut doc = CollabDoc::create_kind(
        DocKind::Board,
        &hex(&ANA),
        "Ana",
        "Book stand-up",
        1_764_000_000_000,
    );
    doc.add_card(
        &hex(&ANA),
        "Ana",
        1_764_000_001_000,
        "Draft chapter 3",
        Column::Doing,
        1.0,
    )
    .unwrap();
    let card = StatusCard {
        person: hex(&BEN),
        date: "2026-11-30".into(),
        done: "Edited chapter 2".into(),
        doing: "Fact-checking".into(),
        tag: StatusTag::default(),
        at: 1_764_500_000_000,
        ..StatusCard::default()
    };
    doc.post_status(&hex(&BEN), "Ben", 1_764_500_000_000, &card)
        .unwrap();
    doc
}

fn personal() -> PersonalDoc {
    let mut doc = PersonalDoc::new();
    doc.put_task(&Task::new(
        TaskId::new("t1"),
        "Weekly client report",
        1_764_000_000_000,
    ))
    .unwrap();
    doc.put_held(&HeldDoc {
        id: discussion().id(),
        kind: "collab".into(),
        title: "Team offsite".into(),
        added: 1_764_000_000_000,
        ..HeldDoc::default()
    })
    .unwrap();
    doc
}

/// Writes the current version's files that are missing; never touches existing ones.
#[test]
#[ignore = "writes fixtures; run by hand when a format changes"]
fn write_missing_fixtures() {
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        (
            "2026-12-01-personal-backup-format1.unhurried",
            encode_file(DocKind::Personal, &personal().save()),
        ),
        (
            "2026-12-01-discussion-link.txt",
            full_link(&mut discussion(), BEN).to_fragment().into_bytes(),
        ),
        (
            "2026-12-01-board-link.txt",
            full_link(&mut board(), BEN).to_fragment().into_bytes(),
        ),
    ];
    let shares = vec![
        full_link(&mut discussion(), ANA),
        full_link(&mut board(), ANA),
    ];
    files.push((
        "2026-12-01-backup-format2.unhurried",
        encode_backup(&personal().save(), &shares),
    ));
    for (name, bytes) in files {
        let path = dir().join(name);
        if !path.exists() {
            std::fs::write(path, bytes).unwrap();
        }
    }
}

fn check_personal(bytes: &[u8]) {
    unhurried::share::chunks::check(bytes, unhurried::share::chunks::Limits::SHARED).unwrap();
    let doc = PersonalDoc::load(bytes).unwrap();
    let state = doc.state();
    assert_eq!(state.tasks.len(), 1);
    assert_eq!(state.tasks[0].title, "Weekly client report");
    assert_eq!(state.held.len(), 1);
    // It merges into a document started on another device, task by task.
    let mut other = PersonalDoc::new();
    other
        .put_task(&Task::new(TaskId::new("t2"), "Invoices", 1_764_000_000_001))
        .unwrap();
    assert!(other.merge_bytes(bytes).unwrap());
    assert_eq!(other.state().tasks.len(), 2);
}

fn open_link(share: &Share) -> CollabDoc {
    let Received::New(doc) = receive(share, None).unwrap() else {
        panic!("a new document")
    };
    *doc
}

fn check_discussion(doc: &CollabDoc) {
    let state = doc.state();
    assert_eq!(state.title, "Team offsite");
    assert_eq!(state.ideas.len(), 1);
    assert_eq!(state.ideas[0].text, "Lisbon in May");
    assert_eq!(state.ideas[0].votes.len(), 1);
    assert_eq!(state.comments[0].text, "Can we do Tuesday?");
}

fn check_board(doc: &CollabDoc) {
    let state = doc.state();
    assert_eq!(state.board.cards[0].title, "Draft chapter 3");
    let status = &state.board.statuses[0];
    assert_eq!(status.date, "2026-11-30");
    assert_eq!(status.doing, "Fact-checking");
    assert_eq!(status.done, "Edited chapter 2");
}

#[test]
fn a_format_1_personal_backup_still_opens_and_merges() {
    let file = read("2026-12-01-personal-backup-format1.unhurried");
    let Ok(FileContent::Personal(bytes)) = read_any_file(&file) else {
        panic!("a personal backup")
    };
    check_personal(bytes);
}

#[test]
fn links_still_open_and_merge_with_a_newer_copy() {
    let text = read("2026-12-01-discussion-link.txt");
    let share = Share::from_fragment(std::str::from_utf8(&text).unwrap()).unwrap();
    let mut doc = open_link(&share);
    check_discussion(&doc);
    // A teammate's copy made today merges into it.
    let mut ours = open_link(&share);
    ours.add_comment(&hex(&ANA), "Ana", 1_765_000_000_000, None, "Yes")
        .unwrap();
    let Received::Merged(changed) = receive(&full_link(&mut ours, ANA), Some(&mut doc)).unwrap()
    else {
        panic!("merged")
    };
    assert!(changed);
    assert_eq!(doc.state().comments.len(), 2);

    let text = read("2026-12-01-board-link.txt");
    let share = Share::from_fragment(std::str::from_utf8(&text).unwrap()).unwrap();
    check_board(&open_link(&share));
}

#[test]
fn a_format_2_backup_carries_every_document() {
    let file = read("2026-12-01-backup-format2.unhurried");
    let Ok(FileContent::Backup(backup)) = read_any_file(&file) else {
        panic!("a whole backup")
    };
    check_personal(backup.personal);
    assert_eq!(backup.shared.len(), 2);
    let docs: Vec<CollabDoc> = backup
        .shared
        .iter()
        .map(|s| open_link(s.as_ref().unwrap()))
        .collect();
    check_discussion(&docs[0]);
    check_board(&docs[1]);
}
