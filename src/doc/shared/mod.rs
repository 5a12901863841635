//! Shared documents everyone writes, in the document layer: the `SharedDoc` core
//! (`core`), one module per kind (`discussion`, `meeting`, `board`, `sop`, `feedback`) with its layout,
//! schema number, typed handle and edits, and this registry above them, the only place
//! that knows every kind: it creates and loads a document of any of them, reads its
//! state, and turns a meeting into a discussion. Kinds build on the core, never on each
//! other or on this module.

pub mod board;
pub mod core;
pub mod discussion;
pub mod edit;
pub mod feedback;
pub mod meeting;
pub mod sop;
pub mod sync;

pub use self::core::{SharedDoc, SharedError};
pub use edit::SharedEdit;

use self::core::{hydrate_root, read_envelope, Result};
use crate::codec::chunks::Checked;
use crate::doc::DocError;
use crate::model::ids::Heads;
use crate::model::kind::DocKind;
use crate::model::shared::{Body, SharedState, TextField};
use std::fmt::Write as _;

/// The newest layout this build writes for a kind everyone writes. Each kind has its
/// own number, so a change to boards alone leaves older copies of discussions and
/// meetings writable.
pub fn schema_of(kind: DocKind) -> u64 {
    match kind {
        DocKind::Discussion => discussion::DISCUSSION_SCHEMA,
        DocKind::Meeting => meeting::MEETING_SCHEMA,
        DocKind::Board => board::BOARD_SCHEMA,
        DocKind::Sop => sop::SOP_SCHEMA,
        DocKind::Feedback => feedback::FEEDBACK_SCHEMA,
        // Never asked: pages and the personal document have their own loaders. A number
        // no copy has written keeps such a document read-only if one ever came here.
        DocKind::Page | DocKind::Personal | DocKind::Dashboard | DocKind::Form | DocKind::Reply => {
            0
        }
    }
}

impl SharedDoc {
    /// A new discussion owned by `owner`.
    pub fn create(owner: &str, owner_name: &str, title: &str, now: i64) -> Self {
        Self::create_kind(DocKind::Discussion, owner, owner_name, title, now)
    }

    /// A new shared document of `kind` (a discussion, meeting, board or SOP) owned by `owner`.
    pub fn create_kind(
        kind: DocKind,
        owner: &str,
        owner_name: &str,
        title: &str,
        now: i64,
    ) -> Self {
        debug_assert!(DocKind::WRITTEN_BY_ALL.contains(&kind));
        let init = match kind {
            DocKind::Meeting => meeting::init,
            DocKind::Board => board::init,
            DocKind::Sop => sop::init,
            DocKind::Feedback => feedback::init,
            DocKind::Discussion
            | DocKind::Page
            | DocKind::Personal
            | DocKind::Dashboard
            | DocKind::Form
            | DocKind::Reply => discussion::init,
        };
        SharedDoc::create_with(kind, schema_of(kind), owner, owner_name, title, now, init)
    }

    /// Loads bytes read back from this device's storage (or a test), checked first.
    pub fn from_stored(bytes: &[u8]) -> std::result::Result<Self, DocError> {
        SharedDoc::load(crate::codec::chunks::check_stored(bytes)?)
    }

    /// Loads checked bytes from storage or a link.
    pub fn load(checked: Checked<'_>) -> std::result::Result<Self, DocError> {
        SharedDoc::open(checked, schema_of)
    }

    pub fn state(&self) -> SharedState {
        read_state(self.kind(), &self.doc)
    }

    /// The document as it was at `heads` (for "what is new").
    pub fn state_at(&mut self, heads: &Heads) -> Option<SharedState> {
        let old = self.fork_at(heads)?;
        Some(read_state(self.kind(), &old))
    }

    /// A new discussion carrying this meeting's brief, people, recording and actions:
    /// 'could this be async?' answered yes, in one step.
    pub fn meeting_to_discussion(&self, me: &str, name: &str, now: i64) -> Result<SharedDoc> {
        let state = self.state();
        let m = state.meeting();
        let mut problem = m.data.trim().to_owned();
        let section = |problem: &mut String, head: &str, body: &str| {
            if !body.trim().is_empty() {
                if !problem.is_empty() {
                    problem.push_str("\n\n");
                }
                let _ = write!(problem, "{head}\n{}", body.trim());
            }
        };
        section(&mut problem, "Questions to answer:", &m.questions);
        section(&mut problem, "Important dates:", &m.dates);
        let mut doc = SharedDoc::create(me, name, &state.title, now);
        doc.set_text(TextField::Problem, me, name, &problem)?;
        let invited: Vec<String> = state.invited.iter().map(|(_, n)| n.clone()).collect();
        doc.set_invited(&invited)?;
        if !m.recording.is_empty() {
            doc.add_link(me, name, now, &m.recording, "Recording")?;
        }
        for a in &state.actions {
            let id = doc.add_action(me, name, now, &a.text, &a.owner, &a.due)?;
            if a.done {
                let mut copy = a.clone();
                copy.id = id;
                doc.update_action(&copy)?;
            }
        }
        Ok(doc)
    }
}

/// The state of a document of `kind`: its envelope and its kind's part. The kind is the
/// copy's own, fixed when it was created or first loaded, which no change can rewrite.
fn read_state(kind: DocKind, doc: &automerge::AutoCommit) -> SharedState {
    let root = hydrate_root(doc);
    let body = match kind {
        DocKind::Meeting => Body::Meeting(meeting::read(&root)),
        DocKind::Board => Body::Board(board::read(&root)),
        DocKind::Sop => Body::Sop(sop::read(&root)),
        DocKind::Feedback => Body::Feedback(feedback::read(&root)),
        DocKind::Discussion
        | DocKind::Page
        | DocKind::Personal
        | DocKind::Dashboard
        | DocKind::Form
        | DocKind::Reply => Body::Discussion(discussion::read(&root)),
    };
    SharedState {
        envelope: read_envelope(&root),
        body,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::discussion::DISCUSSION_SCHEMA;
    use super::*;
    use crate::codec::chunks::{check, Limits};
    use crate::doc::access::get_map;
    use crate::doc::Access;
    use crate::model::shared::ItemList;
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ROOT};

    fn copy_bytes(mut doc: SharedDoc) -> Vec<u8> {
        doc.save()
    }

    fn fresh() -> SharedDoc {
        SharedDoc::create("ana", "Ana", "Launch date", 1)
    }

    fn copy(doc: &mut SharedDoc) -> SharedDoc {
        SharedDoc::from_stored(&doc.save()).unwrap()
    }

    #[test]
    fn create_and_read_back() {
        let mut d = fresh();
        d.set_text(TextField::Problem, "ana", "Ana", "We need a date.")
            .unwrap();
        let idea = d
            .as_discussion()
            .unwrap()
            .add_idea("ana", "Ana", 2, "March")
            .unwrap();
        d.add_comment("ana", "Ana", 3, Some(&idea), "Before Easter")
            .unwrap();
        d.add_link("ana", "Ana", 4, "https://example.com/video", "Video")
            .unwrap();
        assert!(d
            .add_link("ana", "Ana", 4, "javascript:alert(1)", "x")
            .is_err());
        let poll = d
            .as_discussion()
            .unwrap()
            .add_poll(
                "ana",
                "Ana",
                5,
                "Which day?",
                false,
                &["Mon".into(), "Tue".into()],
            )
            .unwrap();
        d.as_discussion()
            .unwrap()
            .answer_poll("ana", "Ana", &poll, &["o1".into()])
            .unwrap();
        d.add_action("ana", "Ana", 6, "Book venue", "Ben", "2026-12-01")
            .unwrap();
        let s = d.state();
        assert_eq!(s.title, "Launch date");
        assert_eq!(s.owner, "ana");
        assert_eq!(s.discussion().problem, "We need a date.");
        assert_eq!(s.discussion().ideas[0].text, "March");
        assert_eq!(s.comments[0].on.as_deref(), Some(idea.as_str()));
        assert_eq!(s.links[0].url, "https://example.com/video");
        assert_eq!(s.discussion().polls[0].options.len(), 2);
        assert_eq!(
            s.discussion().polls[0].answers["ana"],
            vec!["o1".to_string()]
        );
        assert_eq!(s.actions[0].owner, "Ben");
        let loaded = copy(&mut d);
        assert_eq!(loaded.state(), s);
    }

    #[test]
    fn a_recording_is_listed_with_its_title_and_length_and_gets_its_address_later() {
        use crate::model::ids::RecordingId;
        use crate::model::recording::{Recording, MAX_MS};
        let mut d = fresh();
        let rec = Recording {
            id: RecordingId::from_bytes([7; 16]),
            title: "Why the launch moved".into(),
            ms: 61_000,
            url: String::new(),
        };
        let link = d.add_recording("ana", "Ana", 2, &rec).unwrap();
        d.add_link("ana", "Ana", 3, "https://example.com/spec", "Spec")
            .unwrap();
        let s = d.state();
        assert_eq!(s.links.len(), 2);
        assert_eq!(s.links[0].recording.as_ref(), Some(&rec));
        assert_eq!(s.links[1].recording, None);
        // Only http(s) addresses; a bad one changes nothing.
        assert!(d.edit_link(&link, "Why", "javascript:alert(1)").is_err());
        d.edit_link(&link, "Why it moved", "https://videos.example/v/1")
            .unwrap();
        let mut copy = copy(&mut d);
        let got = copy.state().links[0].recording.clone().unwrap();
        assert_eq!(got.title, "Why it moved");
        assert_eq!(got.url, "https://videos.example/v/1");
        // A plain link keeps needing an address.
        let spec = copy.state().links[1].id.clone();
        assert!(copy.edit_link(&spec, "Spec", "").is_err());
        // A length past five minutes (a hostile copy) is read as five.
        let long = Recording {
            ms: u32::MAX,
            ..rec
        };
        copy.add_recording("ana", "Ana", 4, &long).unwrap();
        assert_eq!(copy.state().links[2].recording.as_ref().unwrap().ms, MAX_MS);
    }

    #[test]
    fn versions_before_recordings_see_one_only_once_it_has_an_address() {
        use crate::model::ids::RecordingId;
        use crate::model::recording::Recording;
        let mut d = fresh();
        let rec = Recording {
            id: RecordingId::from_bytes([1; 16]),
            title: "Walkthrough".into(),
            ms: 1_000,
            url: String::new(),
        };
        let link = d.add_recording("ana", "Ana", 2, &rec).unwrap();
        // What an earlier version reads: links with an address, the extra fields unseen.
        let shown = |d: &mut SharedDoc| {
            let root = core::hydrate_root(&d.doc);
            core::items(&root, "links")
                .iter()
                .filter(|(_, m)| {
                    crate::model::shared::checked_link(&core::text_of(m, "url")).is_ok()
                })
                .map(|(_, m)| core::text_of(m, "label"))
                .collect::<Vec<_>>()
        };
        assert!(shown(&mut d).is_empty());
        d.edit_link(&link, "Walkthrough", "https://videos.example/w")
            .unwrap();
        assert_eq!(shown(&mut d), vec!["Walkthrough".to_string()]);
    }

    #[test]
    fn votes_are_one_per_person_and_respect_the_budget() {
        let mut d = fresh();
        let a = d
            .as_discussion()
            .unwrap()
            .add_idea("ana", "Ana", 1, "A")
            .unwrap();
        let b = d
            .as_discussion()
            .unwrap()
            .add_idea("ana", "Ana", 2, "B")
            .unwrap();
        d.as_discussion()
            .unwrap()
            .set_vote("ben", "Ben", 3, &a, true)
            .unwrap();
        d.as_discussion()
            .unwrap()
            .set_vote("ben", "Ben", 4, &a, true)
            .unwrap();
        assert_eq!(d.state().discussion().ideas[0].votes.len(), 1);
        d.as_discussion().unwrap().set_budget(1).unwrap();
        assert_eq!(
            d.as_discussion()
                .unwrap()
                .set_vote("ben", "Ben", 5, &b, true),
            Err(SharedError::BudgetSpent(1))
        );
        d.as_discussion()
            .unwrap()
            .set_vote("ben", "Ben", 6, &a, false)
            .unwrap();
        d.as_discussion()
            .unwrap()
            .set_vote("ben", "Ben", 7, &b, true)
            .unwrap();
        let s = d.state();
        assert!(s.discussion().ideas[0].votes.is_empty());
        assert_eq!(s.discussion().ideas[1].votes.len(), 1);
    }

    #[test]
    fn concurrent_votes_and_comments_on_one_idea_all_survive() {
        let mut a = fresh();
        let idea = a
            .as_discussion()
            .unwrap()
            .add_idea("ana", "Ana", 1, "A")
            .unwrap();
        let mut b = copy(&mut a);
        a.as_discussion()
            .unwrap()
            .set_vote("ana", "Ana", 2, &idea, true)
            .unwrap();
        a.add_comment("ana", "Ana", 2, Some(&idea), "mine").unwrap();
        b.as_discussion()
            .unwrap()
            .set_vote("ben", "Ben", 2, &idea, true)
            .unwrap();
        b.add_comment("ben", "Ben", 2, Some(&idea), "his").unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        let s = a.state();
        assert_eq!(s.discussion().ideas[0].votes.len(), 2);
        assert_eq!(s.comments.len(), 2);
        assert_eq!(s.people.len(), 2);
    }

    #[test]
    fn concurrent_typing_in_the_problem_keeps_both() {
        let mut a = fresh();
        a.set_text(TextField::Problem, "ana", "Ana", "We ship late.")
            .unwrap();
        let mut b = copy(&mut a);
        a.set_text(TextField::Problem, "ana", "Ana", "We often ship late.")
            .unwrap();
        b.set_text(TextField::Problem, "ben", "Ben", "We ship late. Why?")
            .unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        assert_eq!(a.state().discussion().problem, "We often ship late. Why?");
    }

    #[test]
    fn an_edit_concurrent_with_a_delete_survives_undo() {
        let mut a = fresh();
        let c = a.add_comment("ana", "Ana", 1, None, "first").unwrap();
        let mut b = copy(&mut a);
        a.set_gone(ItemList::Comments, &c, true).unwrap();
        b.edit_comment(&c, 2, "first, edited").unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        assert!(a.state().comments.is_empty());
        a.set_gone(ItemList::Comments, &c, false).unwrap();
        assert_eq!(a.state().comments[0].text, "first, edited");
    }

    #[test]
    fn reply_changes_apply_and_missing_history_is_refused() {
        let mut a = fresh();
        let mut b = SharedDoc::from_stored(&a.save_for_link()).unwrap();
        let base = b.heads();
        b.add_comment("ben", "Ben", 2, None, "one").unwrap();
        let reply = b.changes_for(std::slice::from_ref(&base));
        assert!(a
            .apply_changes(check(&reply, Limits::SHARED).unwrap())
            .unwrap());
        assert_eq!(a.state().comments.len(), 1);
        // A reply built on changes the receiver never saw is refused whole.
        let mid = b.heads();
        b.add_comment("ben", "Ben", 3, None, "two").unwrap();
        let mut c = fresh();
        let c_before = c.state();
        assert!(matches!(
            c.apply_changes(check(&b.changes_for(&[mid]), Limits::SHARED).unwrap()),
            Err(SharedError::MissingHistory) | Err(SharedError::IdMismatch)
        ));
        assert_eq!(c.state(), c_before);
        let other = SharedDoc::from_stored(&a.save_for_link()).unwrap();
        let before = other.state();
        let b_heads = b.heads();
        let after_mid = b.changes_for(&[b_heads]);
        assert!(after_mid.is_empty());
        assert_eq!(other.state(), before);
    }

    /// Two dependent changes sent in reverse order: Automerge applies them in dependency
    /// order, as a JavaScript reader's `loadIncremental` does (share-format §3, §6).
    #[test]
    fn a_reply_in_any_order_applies_and_a_truly_missing_change_is_still_refused() {
        let mut a = fresh();
        let original = a.save_for_link();
        let mut b = SharedDoc::from_stored(&original).unwrap();
        let base = b.heads();
        b.add_comment("ben", "Ben", 2, None, "one").unwrap();
        b.add_comment("ben", "Ben", 3, None, "two").unwrap();
        let reply = b.changes_for(std::slice::from_ref(&base));
        let chunks = check(&reply, Limits::SHARED).unwrap().chunks();
        assert_eq!(chunks.len(), 2);
        let reversed: Vec<u8> = chunks
            .iter()
            .rev()
            .flat_map(|c| c.iter().copied())
            .collect();
        assert!(a
            .apply_changes(check(&reversed, Limits::SHARED).unwrap())
            .unwrap());
        let texts: Vec<String> = a.state().comments.iter().map(|c| c.text.clone()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert!(a.is_complete());
        // Only the second change: it needs the first, which is nowhere.
        let mut c = SharedDoc::from_stored(&original).unwrap();
        let second = chunks[1];
        let before = c.state();
        assert_eq!(
            c.apply_changes(check(second, Limits::SHARED).unwrap()),
            Err(SharedError::MissingHistory)
        );
        assert_eq!(c.state(), before);
    }

    /// Another app writing a display name as Text (JavaScript Automerge's default for a
    /// plain string) still shows that name (share-format §10).
    #[test]
    fn a_name_written_as_text_shows_as_written() {
        let mut a = fresh();
        let people = get_map(&a.doc, &ROOT, "people").unwrap();
        let name = a.doc.put_object(&people, "zoe", ObjType::Text).unwrap();
        a.doc.splice_text(&name, 0, 0, "Zoë").unwrap();
        a.doc.commit();
        assert_eq!(a.state().people.get("zoe").map(String::as_str), Some("Zoë"));
    }

    #[test]
    fn changes_for_several_peers_cover_what_any_lacks() {
        let mut a = fresh();
        let h0 = a.heads();
        a.add_comment("ana", "Ana", 1, None, "x").unwrap();
        let h1 = a.heads();
        a.add_comment("ana", "Ana", 2, None, "y").unwrap();
        let only_new = a.changes_for(std::slice::from_ref(&h1));
        let both = a.changes_for(&[h1, h0]);
        assert!(both.len() > only_new.len());
        let mut fresh_copy = SharedDoc::from_stored(&a.save_for_link()).unwrap();
        fresh_copy
            .apply_changes(check(&both, Limits::SHARED).unwrap())
            .unwrap();
    }

    #[test]
    fn state_at_old_heads() {
        let mut a = fresh();
        let h = a.heads();
        a.add_comment("ben", "Ben", 1, None, "x").unwrap();
        assert!(a.state_at(&h).unwrap().comments.is_empty());
        assert_eq!(a.state().comments.len(), 1);
    }

    #[test]
    fn a_newer_schema_opens_read_only() {
        let mut a = fresh();
        a.doc.put(ROOT, "schema", DISCUSSION_SCHEMA + 1).unwrap();
        a.doc.commit();
        let mut b = SharedDoc::from_stored(&a.save()).unwrap();
        assert!(matches!(b.access(), Access::ReadOnly { .. }));
        assert!(b.add_comment("ben", "Ben", 1, None, "x").is_err());
        // Each kind counts its own layouts: a board at the next board schema is
        // read-only, a discussion at that number is not the board's concern.
        let mut board = SharedDoc::create_kind(DocKind::Board, "ana", "Ana", "Stand-up", 1);
        board
            .doc
            .put(ROOT, "schema", schema_of(DocKind::Board) + 1)
            .unwrap();
        board.doc.commit();
        let board = SharedDoc::from_stored(&board.save()).unwrap();
        assert!(matches!(board.access(), Access::ReadOnly { .. }));
        let meeting = SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Review", 1);
        let meeting = SharedDoc::from_stored(&copy_bytes(meeting)).unwrap();
        assert!(matches!(meeting.access(), Access::ReadWrite));
    }

    #[test]
    fn edits_of_different_parts_of_a_text_both_survive_a_merge() {
        let mut a = fresh();
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet? Lisbon or Porto.",
        )
        .unwrap();
        let mut b = copy(&mut a);
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet in May? Lisbon or Porto.",
        )
        .unwrap();
        b.set_text(
            TextField::Problem,
            "ben",
            "Ben",
            "Where do we meet? Lisbon, Porto or Faro.",
        )
        .unwrap();
        a.merge_document(&mut b).unwrap();
        assert_eq!(
            a.state().discussion().problem,
            "Where do we meet in May? Lisbon, Porto or Faro."
        );
        // Setting the same text again writes nothing.
        let heads = a.heads();
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet in May? Lisbon, Porto or Faro.",
        )
        .unwrap();
        assert_eq!(a.heads(), heads);
    }
}
