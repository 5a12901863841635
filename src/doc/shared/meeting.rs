//! A meeting in the document layer: a shared document of kind `meeting`, its parts, its
//! edits through a `MeetingDoc` handle, and `MeetingEdit`, the edits its screens send.
//! Besides the envelope it holds (schema 1):
//! ```text
//! { when, when_zone, data: Text, dates: Text, questions: Text, recording, notes: Text,
//!   agenda: { <id>: { title, minutes, order, by, at, gone } },
//!   run: "<ms>,<ms>,…", ended, moved_to,
//!   booked }                          minutes it would have been booked for; added
//!                                     later, so absent from older meetings
//! ```
//! `run` is one value, the start of each item reached so far: the facilitator moves on
//! by hand, so there is one writer at a time and a list would only add weight.

use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ROOT};

use super::core::{clip, hydrate_root, Result, SharedDoc, SharedError};
use crate::doc::access::{field_bool, field_i64, field_map, field_str, set_i64, set_str};
use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::model::shared::meeting::{standard_agenda, AgendaItem, MeetingPart, MAX_ITEM_MINUTES};
use crate::model::shared::{checked_link, MAX_LINE};

/// The longest booking a meeting records, in minutes: a working day.
const MAX_BOOKED: i64 = 8 * 60;

/// The newest layout of a meeting this build writes.
pub const MEETING_SCHEMA: u64 = 1;

/// Sets up a new meeting: its texts and the 15-minute agenda.
pub(super) fn init(doc: &mut AutoCommit, now: i64) -> std::result::Result<(), AutomergeError> {
    for key in ["data", "dates", "questions", "notes"] {
        doc.put_object(ROOT, key, ObjType::Text)?;
    }
    let agenda = doc.put_object(ROOT, "agenda", ObjType::Map)?;
    for (n, item) in standard_agenda().into_iter().enumerate() {
        let obj = doc.put_object(&agenda, item.id.as_str(), ObjType::Map)?;
        doc.put(&obj, "title", item.title)?;
        doc.put(&obj, "minutes", i64::from(item.minutes))?;
        doc.put(&obj, "order", n as i64)?;
        doc.put(&obj, "at", now)?;
    }
    doc.put(ROOT, "run", "")?;
    Ok(())
}

/// Reads the meeting part from a hydrated root (empty for other kinds).
pub(super) fn read(root: &hydrate::Map) -> MeetingPart {
    let s = |k: &str| field_str(root, k).unwrap_or_default();
    let mut agenda: Vec<(i64, i64, AgendaItem)> = field_map(root, "agenda")
        .map(|m| {
            m.iter()
                .filter_map(|(id, v)| match &v.value {
                    hydrate::Value::Map(item) if !field_bool(item, "gone") => Some((
                        field_i64(item, "order").unwrap_or(0),
                        field_i64(item, "at").unwrap_or(0),
                        AgendaItem {
                            id: id.clone(),
                            title: field_str(item, "title").unwrap_or_default(),
                            minutes: field_i64(item, "minutes")
                                .and_then(|n| u32::try_from(n).ok())
                                .unwrap_or(0)
                                .min(MAX_ITEM_MINUTES),
                        },
                    )),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    order::sort_by(&mut agenda, |a, b| {
        (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id))
    });
    MeetingPart {
        when: s("when"),
        when_zone: s("when_zone"),
        data: s("data"),
        dates: s("dates"),
        questions: s("questions"),
        // Re-checked on read: a teammate's copy of the app may not have checked it.
        recording: checked_link(&s("recording")).unwrap_or_default(),
        agenda: agenda.into_iter().map(|(_, _, item)| item).collect(),
        // Only plausible instants, and never more than the agenda could use.
        started: s("run")
            .split(',')
            .filter_map(|t| t.parse::<i64>().ok())
            .filter(|t| *t > 0)
            .take(1_000)
            .collect(),
        ended: field_i64(root, "ended").filter(|&e| e > 0),
        notes: s("notes"),
        // It becomes a link in the app: only a document id is kept.
        moved_to: DocId::parse(&s("moved_to")),
        booked: field_i64(root, "booked")
            .filter(|m| (1..=MAX_BOOKED).contains(m))
            .map(|m| m as u32),
    }
}

/// A meeting's own edits; made only through `SharedDoc::as_meeting`.
pub struct MeetingDoc<'a>(&'a mut SharedDoc);

impl SharedDoc {
    /// This document as a meeting, if it is one.
    pub fn as_meeting(&mut self) -> Option<MeetingDoc<'_>> {
        (self.kind() == DocKind::Meeting).then_some(MeetingDoc(self))
    }
}

impl MeetingDoc<'_> {
    /// Sets when the meeting is, on the clock of `zone` (the organiser's).
    pub fn set_when(&mut self, when: &str, zone: &str) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "when", &clip(when, 16))?;
        set_str(doc, &ROOT, "when_zone", &clip(zone, 64))?;
        self.0.commit();
        Ok(())
    }

    pub fn set_booked(&mut self, minutes: u32) -> Result<()> {
        let doc = self.0.writable()?;
        set_i64(
            doc,
            &ROOT,
            "booked",
            i64::from(minutes).clamp(1, MAX_BOOKED),
        )?;
        self.0.commit();
        Ok(())
    }

    /// Sets the recording link: http(s) only, or empty to remove it.
    pub fn set_recording(&mut self, url: &str) -> Result<()> {
        let url = if url.trim().is_empty() {
            String::new()
        } else {
            checked_link(url).map_err(SharedError::BadLink)?
        };
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "recording", &url)?;
        self.0.commit();
        Ok(())
    }

    pub fn add_agenda_item(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        title: &str,
        minutes: u32,
    ) -> Result<String> {
        let next = self.max_order().map_or(0, |m| m + 1);
        let title = clip(title, MAX_LINE);
        self.0.add_item("agenda", me, name, now, |doc, obj| {
            doc.put(obj, "title", title)?;
            doc.put(obj, "minutes", i64::from(minutes.min(MAX_ITEM_MINUTES)))?;
            doc.put(obj, "order", next)?;
            Ok(())
        })
    }

    fn max_order(&self) -> Option<i64> {
        let agenda = crate::doc::access::get_map(&self.0.doc, &ROOT, "agenda")?;
        automerge::ReadDoc::map_range(&self.0.doc, &agenda, ..)
            .filter_map(|item| {
                let obj = crate::doc::access::get_map(&self.0.doc, &agenda, &item.key)?;
                crate::doc::access::get_i64(&self.0.doc, &obj, "order")
            })
            .max()
    }

    pub fn update_agenda_item(&mut self, id: &str, title: &str, minutes: u32) -> Result<()> {
        let obj = self.0.item("agenda", id)?;
        let doc = self.0.writable()?;
        set_str(doc, &obj, "title", &clip(title, MAX_LINE))?;
        set_i64(
            doc,
            &obj,
            "minutes",
            i64::from(minutes.min(MAX_ITEM_MINUTES)),
        )?;
        self.0.commit();
        Ok(())
    }

    /// Swaps an agenda item with its neighbour above (`up`) or below.
    pub fn move_agenda_item(&mut self, id: &str, up: bool) -> Result<()> {
        let agenda = read(&hydrate_root(&self.0.doc)).agenda;
        let Some(pos) = agenda.iter().position(|i| i.id == id) else {
            return Err(SharedError::Missing);
        };
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1)
        };
        let Some(other) = other.filter(|&o| o < agenda.len()) else {
            return Ok(());
        };
        // Orders are rewritten for every item so that equal orders (two people adding
        // items offline) become distinct.
        let mut ids: Vec<&str> = agenda.iter().map(|i| i.id.as_str()).collect();
        ids.swap(pos, other);
        let objs = ids
            .iter()
            .map(|id| self.0.item("agenda", id))
            .collect::<Result<Vec<_>>>()?;
        let doc = self.0.writable()?;
        for (n, obj) in objs.iter().enumerate() {
            set_i64(doc, obj, "order", n as i64)?;
        }
        self.0.commit();
        Ok(())
    }

    /// Starts the meeting, or moves on to the next item; after the last item, ends it.
    pub fn timer_next(&mut self, now: i64) -> Result<()> {
        let m = read(&hydrate_root(&self.0.doc));
        if m.ended.is_some() {
            return Ok(());
        }
        let doc = self.0.writable()?;
        if m.started.len() >= m.agenda.len() && !m.started.is_empty() {
            set_i64(doc, &ROOT, "ended", now)?;
        } else {
            let mut run: Vec<String> = m.started.iter().map(i64::to_string).collect();
            run.push(now.to_string());
            set_str(doc, &ROOT, "run", &run.join(","))?;
        }
        self.0.commit();
        Ok(())
    }

    pub fn timer_end(&mut self, now: i64) -> Result<()> {
        let m = read(&hydrate_root(&self.0.doc));
        if m.started.is_empty() || m.ended.is_some() {
            return Ok(());
        }
        let doc = self.0.writable()?;
        set_i64(doc, &ROOT, "ended", now)?;
        self.0.commit();
        Ok(())
    }

    /// Clears the timer, to run the meeting again.
    pub fn timer_reset(&mut self) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "run", "")?;
        set_i64(doc, &ROOT, "ended", 0)?;
        self.0.commit();
        Ok(())
    }

    /// Records the discussion this meeting became (a document id).
    pub fn set_moved_to(&mut self, id: DocId) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "moved_to", &id.to_string())?;
        self.0.commit();
        Ok(())
    }
}

/// The edits a meeting's screens make.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetingEdit {
    /// The meeting's time on the owner's wall clock, and that clock's zone.
    SetWhen {
        when: String,
        zone: String,
    },
    SetRecording(String),
    /// The minutes it would have been booked for.
    SetBooked(u32),
    AddAgendaItem {
        title: String,
        minutes: u32,
    },
    UpdateAgendaItem {
        id: String,
        title: String,
        minutes: u32,
    },
    MoveAgendaItem {
        id: String,
        up: bool,
    },
    TimerNext(i64),
    TimerEnd(i64),
    TimerReset,
    /// Records the discussion this meeting became (a document id).
    SetMovedTo(DocId),
}

impl MeetingEdit {
    /// Whether others see it under the writer's name.
    pub fn is_authored(&self) -> bool {
        use MeetingEdit::*;
        match self {
            AddAgendaItem { .. } => true,
            SetWhen { .. }
            | SetRecording(_)
            | SetBooked(_)
            | UpdateAgendaItem { .. }
            | MoveAgendaItem { .. }
            | TimerNext(_)
            | TimerEnd(_)
            | TimerReset
            | SetMovedTo(_) => false,
        }
    }

    pub(super) fn apply(
        &self,
        mut doc: MeetingDoc<'_>,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<()> {
        use MeetingEdit::*;
        match self {
            SetWhen { when, zone } => doc.set_when(when, zone),
            SetRecording(url) => doc.set_recording(url),
            SetBooked(minutes) => doc.set_booked(*minutes),
            AddAgendaItem { title, minutes } => doc
                .add_agenda_item(me, name, now, title.trim(), *minutes)
                .map(drop),
            UpdateAgendaItem { id, title, minutes } => doc.update_agenda_item(id, title, *minutes),
            MoveAgendaItem { id, up } => doc.move_agenda_item(id, *up),
            TimerNext(at) => doc.timer_next(*at),
            TimerEnd(at) => doc.timer_end(*at),
            TimerReset => doc.timer_reset(),
            SetMovedTo(id) => doc.set_moved_to(*id),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::kind::DocKind;

    #[test]
    fn a_meeting_starts_with_the_fifteen_minute_agenda_and_runs_its_timer() {
        let mut m = SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Weekly", 1);
        let s = m.state();
        assert_eq!(s.kind(), DocKind::Meeting);
        assert_eq!(s.meeting().planned_minutes(), 15);
        let ids: Vec<String> = s.meeting().agenda.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, ["intro", "points", "actions", "summary"]);
        m.as_meeting()
            .unwrap()
            .move_agenda_item("summary", true)
            .unwrap();
        m.as_meeting()
            .unwrap()
            .update_agenda_item("points", "Two points", 4)
            .unwrap();
        let extra = m
            .as_meeting()
            .unwrap()
            .add_agenda_item("ana", "Ana", 2, "Demo", 3)
            .unwrap();
        let s = m.state().meeting().clone();
        let ids: Vec<&str> = s.agenda.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["intro", "points", "summary", "actions", extra.as_str()]
        );
        assert_eq!(s.planned_minutes(), 1 + 4 + 2 + 7 + 3);
        for t in [100, 200, 300, 400, 500] {
            m.as_meeting().unwrap().timer_next(t).unwrap();
        }
        assert_eq!(
            m.state().meeting().clone().started,
            [100, 200, 300, 400, 500]
        );
        m.as_meeting().unwrap().timer_next(600).unwrap();
        assert_eq!(m.state().meeting().clone().ended, Some(600));
        m.as_meeting().unwrap().timer_reset().unwrap();
        assert!(m.state().meeting().clone().started.is_empty());
        assert_eq!(m.state().meeting().clone().ended, None);
    }

    #[test]
    fn a_recording_link_must_be_http_and_a_meeting_becomes_a_discussion() {
        let mut m = SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Launch", 1);
        assert!(m
            .as_meeting()
            .unwrap()
            .set_recording("javascript:alert(1)")
            .is_err());
        m.as_meeting()
            .unwrap()
            .set_recording("https://rec.example/1")
            .unwrap();
        m.set_text(
            crate::model::shared::TextField::Data,
            "ana",
            "Ana",
            "Numbers",
        )
        .unwrap();
        m.set_text(
            crate::model::shared::TextField::Questions,
            "ana",
            "Ana",
            "Ship?",
        )
        .unwrap();
        m.set_invited(&["Ben".into()]).unwrap();
        m.add_action("ana", "Ana", 2, "Tell support", "Ben", "2026-12-02")
            .unwrap();
        let mut d = m.meeting_to_discussion("ana", "Ana", 3).unwrap();
        let s = d.state();
        assert_eq!(s.kind(), DocKind::Discussion);
        assert_eq!(s.title, "Launch");
        assert_eq!(
            s.discussion().problem,
            "Numbers\n\nQuestions to answer:\nShip?"
        );
        assert_eq!(s.links[0].url, "https://rec.example/1");
        assert_eq!(s.actions[0].owner, "Ben");
        assert_eq!(s.invited[0].1, "Ben");
        assert_ne!(d.id(), m.id());
        // Both kinds load back as what they are.
        let bytes = m.save();
        assert_eq!(
            SharedDoc::from_stored(&bytes).unwrap().kind(),
            DocKind::Meeting
        );
        assert_eq!(
            SharedDoc::from_stored(&d.save()).unwrap().kind(),
            DocKind::Discussion
        );
    }
}
