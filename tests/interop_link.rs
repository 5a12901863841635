#![cfg(not(target_arch = "wasm32"))]
//! Writes a full share link, a reply link and what they should contain, for
//! `tests/interop/read_link.mjs` to read with the JavaScript Automerge, following only
//! `docs/share-format.md`. `scripts/test` runs that script after this test.
//!
//! Files, in `$CARGO_TARGET_DIR/interop` (default `target/interop`):
//! `full.txt` and `reply.txt` (one URL each) and `expected.json`.

mod common;

use common::{js, out_dir};

use unhurried::doc::shared::SharedDoc;
use unhurried::model::shared::{ItemList, TextField};
use unhurried::share::exchange::{self, hex, Received};
use unhurried::share::link::{PayloadKind, Share};

const APP: &str = "http://127.0.0.1:8080/";
const ANA: [u8; 16] = [0xa1; 16];
const BEN: [u8; 16] = [0xb2; 16];
const CARA: [u8; 16] = [0xc3; 16];

const PROBLEM: &str = "We need a \"launch\" date.\nTwo lines, a tab\tand a backslash \\.";
const MARCH: &str = "March";
const APRIL: &str = "April — after the audit";
const FIRST: &str = "Before Easter: ünïcödé ✓, emoji 🚀, CJK 日本語";
const DELETED: &str = "This comment was deleted and must not be shown";
const THIRD: &str = "Third comment";
const REPLY_ONE: &str = "Ben agrees with March";
const REPLY_TWO: &str = "Ben: a second comment, in the same reply";

fn comment(by: &str, on: Option<&str>, text: &str) -> String {
    let on = on.map_or("null".to_owned(), js);
    format!(
        "{{ \"by\": {}, \"on_idea\": {}, \"text\": {} }}",
        js(by),
        on,
        js(text)
    )
}

#[test]
fn writes_links_for_the_javascript_reader() {
    let (ana, ben, cara) = (hex(&ANA), hex(&BEN), hex(&CARA));

    // Ana's document: a problem, two ideas, three comments (one deleted), votes.
    let mut a = SharedDoc::create(&ana, "Ana", "Interop check", 1_000);
    a.set_text(TextField::Problem, &ana, "Ana", PROBLEM)
        .unwrap();
    let march = a
        .as_discussion()
        .unwrap()
        .add_idea(&ana, "Ana", 2_000, MARCH)
        .unwrap();
    let april = a
        .as_discussion()
        .unwrap()
        .add_idea(&ana, "Ana", 3_000, APRIL)
        .unwrap();
    a.add_comment(&ana, "Ana", 4_000, Some(&march), FIRST)
        .unwrap();
    let deleted = a.add_comment(&ana, "Ana", 5_000, None, DELETED).unwrap();
    a.set_gone(ItemList::Comments, &deleted, true).unwrap();
    a.add_comment(&ana, "Ana", 6_000, None, THIRD).unwrap();
    a.as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 7_000, &march, true)
        .unwrap();
    a.as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 8_000, &april, true)
        .unwrap();
    a.as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 9_000, &april, false)
        .unwrap();
    a.as_discussion()
        .unwrap()
        .set_vote(&cara, "Cara", 10_000, &march, true)
        .unwrap();

    let full = exchange::full_link(&mut a, ANA);
    assert_eq!(full.payload, PayloadKind::Document);
    let full_url = format!("{APP}#{}", full.to_fragment());

    // Ben opens the full link, adds two comments and sends a reply link.
    let opened = Share::from_fragment(full_url.split_once('#').unwrap().1).unwrap();
    let Received::New(mut b) = exchange::receive(&opened, None).unwrap() else {
        panic!("the full link should open as a new document");
    };
    let ana_heads = unhurried::model::ids::Heads::new(opened.heads.clone());
    b.add_comment(&ben, "Ben", 20_000, Some(&march), REPLY_ONE)
        .unwrap();
    b.add_comment(&ben, "Ben", 21_000, None, REPLY_TWO).unwrap();
    let reply = exchange::reply_link(&mut b, BEN, &[ana_heads]).expect("Ben has news");
    assert_eq!(reply.payload, PayloadKind::Changes);
    let reply_url = format!("{APP}#{}", reply.to_fragment());

    // The app itself takes the reply back in: the JavaScript side must agree.
    let back = Share::from_fragment(reply_url.split_once('#').unwrap().1).unwrap();
    assert!(matches!(
        exchange::receive(&back, Some(&mut a)),
        Ok(Received::Merged(true))
    ));
    let state = a.state();
    assert_eq!(state.comments.len(), 4);
    assert_eq!(state.discussion().ideas[0].votes.len(), 2);
    assert_eq!(state.discussion().ideas[1].votes.len(), 0);
    assert_eq!(state, b.state());

    // Hand-written: what a reader following docs/share-format.md must find.
    let expected = format!(
        r#"{{
  "app": {app},
  "kind_code": 1,
  "sender_full": {ana},
  "sender_reply": {ben},
  "full": {{
    "kind": "collab",
    "schema": 1,
    "title": "Interop check",
    "owner": {ana},
    "created": 1000,
    "problem": {problem},
    "people": {{ {ana}: "Ana", {cara}: "Cara" }},
    "comments": [
      {c1},
      {c3}
    ],
    "ideas": [
      {{ "text": {march}, "by": {ana}, "votes": 2 }},
      {{ "text": {april}, "by": {ana}, "votes": 0 }}
    ]
  }},
  "after_reply": {{
    "people": {{ {ana}: "Ana", {ben}: "Ben", {cara}: "Cara" }},
    "comments": [
      {c1},
      {c3},
      {r1},
      {r2}
    ]
  }}
}}
"#,
        app = js(APP),
        ana = js(&ana),
        ben = js(&ben),
        cara = js(&cara),
        problem = js(PROBLEM),
        march = js(MARCH),
        april = js(APRIL),
        c1 = comment(&ana, Some(MARCH), FIRST),
        c3 = comment(&ana, None, THIRD),
        r1 = comment(&ben, Some(MARCH), REPLY_ONE),
        r2 = comment(&ben, None, REPLY_TWO),
    );

    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("full.txt"), format!("{full_url}\n")).unwrap();
    std::fs::write(dir.join("reply.txt"), format!("{reply_url}\n")).unwrap();
    std::fs::write(dir.join("expected.json"), expected).unwrap();
    eprintln!(
        "interop: wrote {} (full link {} chars, reply link {} chars)",
        dir.display(),
        full_url.len(),
        reply_url.len()
    );
}
