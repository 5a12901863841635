//! A stand-up board in the document layer: a shared document of kind `board`, its
//! parts, its edits through a `BoardDoc` handle, and `BoardEdit`, the edits its screens
//! send. Besides the envelope it holds (schema 1):
//! ```text
//! { cards:  { <id>: { title, note, owner, column, rank, by, at, moved_by, moved_at, gone } },
//!   status: { "<date>|<person>|<field>": value } }
//! ```
//! A card is a map created once by whoever adds it, under a random id, and never
//! removed (deletion sets `gone`), so merging can neither drop nor double it. Its column
//! and rank are plain values: concurrent moves settle on one column, and an edit of the
//! title next to a move keeps both.
//!
//! A status card is flat: one value per field under "date|person|field". One person
//! posting from two devices offline then merges field by field; nested maps made on
//! both devices would hide one another. Its fields are `done`, `doing`, `blocked`,
//! `note`, `tag`, `at` (the instant it was posted or last updated, UTC ms) and, since
//! issue 11, `zone` (the poster's IANA zone). The date in the key is the date on the
//! poster's clock. `zone` needs no new schema: older versions skip fields they do not
//! know, and a card without it (or even without `at`) still reads and shows; see
//! `BoardPart::standup` for which cards are today's.

use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ROOT};

use super::core::{clip, Result, SharedDoc, SharedError};
use crate::doc::access::{
    ensure_map, field_bool, field_f64, field_i64, field_map, field_str, set_i64, set_str,
};
use crate::model::kind::DocKind;
use crate::model::shared::board::{BoardPart, Card, Column, StatusCard, StatusTag};
use crate::model::shared::{MAX_LINE, MAX_TEXT};

/// The newest layout of a stand-up board this build writes.
pub const BOARD_SCHEMA: u64 = 1;

/// The longest text in one status field.
const MAX_STATUS: usize = 2_000;

pub(super) fn init(doc: &mut AutoCommit, _now: i64) -> std::result::Result<(), AutomergeError> {
    doc.put_object(ROOT, "cards", ObjType::Map)?;
    doc.put_object(ROOT, "status", ObjType::Map)?;
    Ok(())
}

/// Reads the board part from a hydrated root (empty for other kinds).
pub(super) fn read(root: &hydrate::Map) -> BoardPart {
    let mut cards: Vec<Card> = field_map(root, "cards")
        .map(|m| {
            m.iter()
                .filter_map(|(id, v)| match &v.value {
                    hydrate::Value::Map(c) => read_card(id, c),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    // Hydrated maps iterate in no fixed order; every copy must list cards alike.
    order::sort_by(&mut cards, |a, b| a.id.cmp(&b.id));
    let mut statuses: std::collections::BTreeMap<(String, String), StatusCard> = Default::default();
    if let Some(m) = field_map(root, "status") {
        for (key, v) in m.iter() {
            let mut parts = key.splitn(3, '|');
            let (Some(date), Some(person), Some(field)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let card = statuses
                .entry((date.to_owned(), person.to_owned()))
                .or_insert_with(|| StatusCard {
                    person: person.to_owned(),
                    date: date.to_owned(),
                    ..StatusCard::default()
                });
            let text = || match &v.value {
                hydrate::Value::Scalar(automerge::ScalarValue::Str(t)) => t.to_string(),
                _ => String::new(),
            };
            match field {
                "done" => card.done = text(),
                "doing" => card.doing = text(),
                "blocked" => card.blocked = text(),
                "note" => card.note = text(),
                "tag" => card.tag = StatusTag::from_key(&text()),
                "zone" => card.zone = text(),
                "at" => {
                    if let hydrate::Value::Scalar(automerge::ScalarValue::Int(n)) = &v.value {
                        card.at = *n;
                    }
                }
                _ => {}
            }
        }
    }
    let mut statuses: Vec<StatusCard> = statuses.into_values().collect();
    order::sort_by(&mut statuses, |a, b| {
        b.date.cmp(&a.date).then_with(|| a.person.cmp(&b.person))
    });
    BoardPart { cards, statuses }
}

/// A card from its fields; `None` when deleted.
fn read_card(id: &str, c: &hydrate::Map) -> Option<Card> {
    if field_bool(c, "gone") {
        return None;
    }
    let s = |k: &str| field_str(c, k).unwrap_or_default();
    Some(Card {
        id: id.to_owned(),
        title: s("title"),
        note: s("note"),
        owner: s("owner"),
        column: Column::from_key(&s("column")),
        rank: field_f64(c, "rank").unwrap_or(0.0),
        by: s("by"),
        at: field_i64(c, "at").unwrap_or(0),
        moved_by: s("moved_by"),
        moved_at: field_i64(c, "moved_at").unwrap_or(0),
    })
}

/// A board's own edits; made only through `SharedDoc::as_board`.
pub struct BoardDoc<'a>(&'a mut SharedDoc);

impl SharedDoc {
    /// This document as a stand-up board, if it is one.
    pub fn as_board(&mut self) -> Option<BoardDoc<'_>> {
        (self.kind() == DocKind::Board).then_some(BoardDoc(self))
    }
}

impl BoardDoc<'_> {
    /// One card, read without reading the whole board: moving a card on a board of
    /// hundreds re-reads only that card.
    pub fn card(&self, id: &str) -> Option<Card> {
        let obj = self.0.item("cards", id).ok()?;
        match automerge::ReadDoc::hydrate(&self.0.doc, &obj, None).ok()? {
            hydrate::Value::Map(c) => read_card(id, &c),
            _ => None,
        }
    }

    pub fn add_card(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        title: &str,
        column: Column,
        rank: f64,
    ) -> Result<String> {
        let title = clip(title, MAX_LINE);
        self.0.add_item("cards", me, name, now, |doc, obj| {
            doc.put(obj, "title", title)?;
            doc.put(obj, "note", "")?;
            doc.put(obj, "owner", "")?;
            doc.put(obj, "column", column.key())?;
            doc.put(obj, "rank", rank)?;
            Ok(())
        })
    }

    /// Edits a card's words; only the fields that changed are written.
    pub fn update_card(&mut self, id: &str, title: &str, note: &str, owner: &str) -> Result<()> {
        let obj = self.0.item("cards", id)?;
        let doc = self.0.writable()?;
        set_str(doc, &obj, "title", &clip(title, MAX_LINE))?;
        set_str(doc, &obj, "note", &clip(note, MAX_TEXT))?;
        set_str(doc, &obj, "owner", &clip(owner, 80))?;
        self.0.commit();
        Ok(())
    }

    /// Moves a card to `column` at `rank`.
    pub fn move_card(
        &mut self,
        me: &str,
        now: i64,
        id: &str,
        column: Column,
        rank: f64,
    ) -> Result<()> {
        let obj = self.0.item("cards", id)?;
        let doc = self.0.writable()?;
        set_str(doc, &obj, "column", column.key())?;
        doc.put(&obj, "rank", if rank.is_finite() { rank } else { 0.0 })?;
        set_str(doc, &obj, "moved_by", me)?;
        set_i64(doc, &obj, "moved_at", now)?;
        self.0.commit();
        Ok(())
    }

    /// Writes new ranks for cards of one column (a step up or down, see
    /// `BoardPart::step_ranks`), in one change; `moved` is the card the person moved.
    pub fn rank_cards(
        &mut self,
        me: &str,
        now: i64,
        moved: &str,
        ranks: &[(String, f64)],
    ) -> Result<()> {
        let objs = ranks
            .iter()
            .map(|(id, _)| self.0.item("cards", id))
            .collect::<Result<Vec<_>>>()?;
        let moved_obj = self.0.item("cards", moved)?;
        let doc = self.0.writable()?;
        for (obj, (_, rank)) in objs.iter().zip(ranks) {
            doc.put(obj, "rank", if rank.is_finite() { *rank } else { 0.0 })?;
        }
        set_str(doc, &moved_obj, "moved_by", me)?;
        set_i64(doc, &moved_obj, "moved_at", now)?;
        self.0.commit();
        Ok(())
    }

    /// Writes `me`'s status card for `status.date`; only the fields that changed.
    pub fn post_status(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        status: &StatusCard,
    ) -> Result<()> {
        let date: String = status
            .date
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .take(10)
            .collect();
        if date.len() != 10 {
            return Err(SharedError::NoDate);
        }
        self.0.introduce(me, name)?;
        let doc = self.0.writable()?;
        let map = ensure_map(doc, &ROOT, "status")?;
        let key = |field: &str| format!("{date}|{me}|{field}");
        // A field this device has never seen written is left unwritten while empty: the
        // same person posting from two devices offline then keeps both devices' fields.
        let tag = if status.tag == StatusTag::default() {
            ""
        } else {
            status.tag.key()
        };
        for (field, value) in [
            ("done", status.done.as_str()),
            ("doing", status.doing.as_str()),
            ("blocked", status.blocked.as_str()),
            ("note", status.note.as_str()),
            ("tag", tag),
            ("zone", status.zone.as_str()),
        ] {
            let k = key(field);
            let exists = automerge::ReadDoc::get(doc, &map, k.as_str())?.is_some();
            let value = if field == "tag" && exists && value.is_empty() {
                StatusTag::default().key()
            } else {
                value
            };
            if exists || !value.is_empty() {
                set_str(doc, &map, &k, &clip(value, MAX_STATUS))?;
            }
        }
        set_i64(doc, &map, &key("at"), now)?;
        self.0.commit();
        Ok(())
    }
}

/// The edits a board's screens make.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardEdit {
    AddCard {
        title: String,
        column: Column,
        rank: f64,
    },
    PostStatus(StatusCard),
    /// Moves a card to `column` at `rank`.
    MoveCard {
        id: String,
        column: Column,
        rank: f64,
    },
    /// New ranks for cards of one column; `moved` is the card the person moved.
    RankCards {
        moved: String,
        ranks: Vec<(String, f64)>,
    },
    UpdateCard {
        id: String,
        title: String,
        note: String,
        owner: String,
    },
}

impl BoardEdit {
    /// Whether others see it under the writer's name: a new card or status card.
    pub fn is_authored(&self) -> bool {
        use BoardEdit::*;
        match self {
            AddCard { .. } | PostStatus(_) => true,
            MoveCard { .. } | RankCards { .. } | UpdateCard { .. } => false,
        }
    }

    pub(super) fn apply(
        &self,
        mut doc: BoardDoc<'_>,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<()> {
        match self {
            BoardEdit::AddCard {
                title,
                column,
                rank,
            } => doc
                .add_card(me, name, now, title.trim(), *column, *rank)
                .map(drop),
            BoardEdit::PostStatus(card) => doc.post_status(me, name, now, card),
            BoardEdit::MoveCard { id, column, rank } => doc.move_card(me, now, id, *column, *rank),
            BoardEdit::RankCards { moved, ranks } => doc.rank_cards(me, now, moved, ranks),
            BoardEdit::UpdateCard {
                id,
                title,
                note,
                owner,
            } => doc.update_card(id, title, note, owner),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::codec::chunks::{check, Limits};

    #[test]
    fn no_link_can_change_what_kind_of_document_a_copy_is() {
        use automerge::transaction::Transactable;
        let mut meeting = SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Weekly", 1);
        // A reply whose change rewrites the root kind is refused whole.
        let mut forged = SharedDoc::from_stored(&meeting.save()).unwrap();
        let heads = meeting.heads();
        forged.doc.put(ROOT, "kind", "board").unwrap();
        forged.doc.commit();
        let reply = forged.changes_for(&[heads]);
        assert_eq!(
            meeting.apply_changes(check(&reply, Limits::SHARED).unwrap()),
            Err(SharedError::IdMismatch)
        );
        assert_eq!(meeting.state().kind(), crate::model::kind::DocKind::Meeting);
        assert!(SharedDoc::from_stored(&meeting.save()).is_ok());
        // A whole board carrying the meeting's id is not merged into it.
        let mut board = SharedDoc::create_kind(DocKind::Board, "ben", "Ben", "Team", 1);
        board
            .doc
            .put(ROOT, "id", meeting.id().unwrap().to_string())
            .unwrap();
        board.doc.commit();
        let mut board = SharedDoc::from_stored(&board.save()).unwrap();
        assert_eq!(
            meeting.merge_document(&mut board),
            Err(SharedError::IdMismatch)
        );
        // A teammate's ordinary reply still applies.
        let mut copy = SharedDoc::from_stored(&meeting.save()).unwrap();
        let heads = meeting.heads();
        copy.set_title("Weekly sync").unwrap();
        assert_eq!(
            meeting.apply_changes(check(&copy.changes_for(&[heads]), Limits::SHARED).unwrap()),
            Ok(true)
        );
    }
    use crate::model::kind::DocKind;
    use crate::model::shared::ItemList;
    use crate::model::zones::date_at;

    /// Issue 11: at 20:00 UTC on Wednesday 25 Nov 2026 it is 01:30 on Thursday in
    /// Kolkata and noon on Wednesday in Los Angeles. Two people posting in that minute
    /// both see both cards as today's, and neither is shown a date in their future.
    #[test]
    fn a_stand_up_day_holds_across_time_zones() {
        const HOUR: i64 = 3_600_000;
        let now = 1_795_636_800_000; // 2026-11-25T20:00:00Z
        let (kolkata, la) = ("Asia/Kolkata", "America/Los_Angeles");
        assert_eq!(date_at(kolkata, now).to_string(), "2026-11-26");
        assert_eq!(date_at(la, now).to_string(), "2026-11-25");
        let mut anu = SharedDoc::create_kind(DocKind::Board, "anu", "Anu", "Team", now - HOUR);
        let mut bo = SharedDoc::from_stored(&anu.save()).unwrap();
        for (doc, me, zone, at) in [
            (&mut anu, "anu", kolkata, now),
            (&mut bo, "bo", la, now + 30_000),
        ] {
            let card = StatusCard {
                date: date_at(zone, at).to_string(),
                zone: zone.into(),
                done: format!("{me}'s work"),
                ..StatusCard::default()
            };
            doc.as_board()
                .unwrap()
                .post_status(me, me, at, &card)
                .unwrap();
        }
        anu.merge_document(&mut bo).unwrap();
        bo.merge_document(&mut anu).unwrap();
        assert_eq!(anu.state(), bo.state());
        let board = anu.state().board().clone();
        assert_eq!(board.statuses[0].zone, kolkata);
        for zone in [kolkata, la] {
            // Within the minute, later that day, and the next morning in both places.
            for t in [now + 60_000, now + 12 * HOUR, now + 23 * HOUR] {
                let view = board.standup(t, zone);
                let mut people: Vec<&str> = view.today.iter().map(|c| c.person.as_str()).collect();
                order::sort(&mut people);
                assert_eq!(
                    people,
                    ["anu", "bo"],
                    "today in {zone} at +{}h",
                    (t - now) / HOUR
                );
                assert!(
                    view.history.is_empty(),
                    "history in {zone}: {:?}",
                    view.history
                );
            }
            // A day after posting both cards are history, under dates no later than the
            // viewer's own.
            for t in [now + 24 * HOUR + 60_000, now + 30 * HOUR, now + 48 * HOUR] {
                let view = board.standup(t, zone);
                assert!(
                    view.today.is_empty(),
                    "today in {zone} at +{}h",
                    (t - now) / HOUR
                );
                let mine = date_at(zone, t).to_string();
                assert_eq!(view.history.iter().map(|(_, c)| c.len()).sum::<usize>(), 2);
                for (date, _) in &view.history {
                    assert!(*date <= mine, "{date} is in the future for {zone} ({mine})");
                }
            }
        }
    }

    #[test]
    fn cards_move_and_edit_and_status_cards_are_one_per_person_per_day() {
        let mut a = SharedDoc::create_kind(DocKind::Board, "ana", "Ana", "Team", 1);
        let id = a
            .as_board()
            .unwrap()
            .add_card("ana", "Ana", 2, "Write docs", Column::Todo, 1.0)
            .unwrap();
        let mut b = SharedDoc::from_stored(&a.save()).unwrap();
        // Offline: Ana moves it to doing, Ben moves it to blocked and edits its note.
        a.as_board()
            .unwrap()
            .move_card("ana", 3, &id, Column::Doing, 1.0)
            .unwrap();
        b.as_board()
            .unwrap()
            .move_card("ben", 4, &id, Column::Blocked, 1.0)
            .unwrap();
        b.as_board()
            .unwrap()
            .update_card(&id, "Write docs", "Waiting on API", "Ben")
            .unwrap();
        a.as_board()
            .unwrap()
            .update_card(&id, "Write the docs", "", "")
            .unwrap();
        a.merge_document(&mut b).unwrap();
        b.merge_document(&mut a).unwrap();
        let (sa, sb) = (a.state(), b.state());
        assert_eq!(sa, sb);
        let card = sa.board().card(&id).unwrap();
        assert_eq!(sa.board().cards.len(), 1);
        assert!(matches!(card.column, Column::Doing | Column::Blocked));
        assert_eq!(card.title, "Write the docs");
        assert_eq!(card.note, "Waiting on API");
        assert_eq!(card.owner, "Ben");

        let mut status = StatusCard {
            date: "2026-11-25".into(),
            done: "Docs".into(),
            tag: StatusTag::AtRisk,
            ..StatusCard::default()
        };
        a.as_board()
            .unwrap()
            .post_status("ana", "Ana", 10, &status)
            .unwrap();
        // The same person from another device, offline, posting other fields: one card,
        // both devices' fields kept.
        b.as_board()
            .unwrap()
            .post_status(
                "ana",
                "Ana",
                11,
                &StatusCard {
                    date: "2026-11-25".into(),
                    doing: "Review".into(),
                    ..StatusCard::default()
                },
            )
            .unwrap();
        status.blocked = "Keys".into();
        a.as_board()
            .unwrap()
            .post_status("ana", "Ana", 12, &status)
            .unwrap();
        a.merge_document(&mut b).unwrap();
        let s = a.state().board().clone();
        assert_eq!(s.statuses.len(), 1);
        assert_eq!(s.statuses[0].blocked, "Keys");
        assert_eq!(s.statuses[0].done, "Docs");
        assert_eq!(s.statuses[0].doing, "Review");
        assert_eq!(s.statuses[0].tag, StatusTag::AtRisk);
        // Posted without a zone, as older versions did: none is written or read.
        assert_eq!(s.statuses[0].zone, "");
        assert_eq!(s.statuses[0].at, 12);
        assert!(s.statuses[0].is_blocked());
        assert_eq!(
            a.as_board().unwrap().card(&id).as_ref(),
            a.state().board().card(&id)
        );
        a.set_gone(ItemList::Cards, &id, true).unwrap();
        assert_eq!(a.as_board().unwrap().card(&id), None);
        assert!(a.state().board().clone().cards.is_empty());
        assert!(a
            .as_board()
            .unwrap()
            .post_status("ana", "Ana", 1, &StatusCard::default())
            .is_err());
    }
}
