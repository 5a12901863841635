//! The meeting document: a shared document of kind `meeting`, written by everyone and
//! shared through the same links as a discussion. Besides the discussion's `people`,
//! `invited`, `comments` and `actions`, it holds (schema 1):
//! ```text
//! { when, when_zone, data: Text, dates: Text, questions: Text, recording, notes: Text,
//!   agenda: { <id>: { title, minutes, order, by, at, gone } },
//!   run: "<ms>,<ms>,…", ended, moved_to }
//! ```
//! `run` is one value, the start of each item reached so far: the facilitator moves on
//! by hand, so there is one writer at a time and a list would only add weight.

use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ROOT};

use super::access::{field_bool, field_i64, field_map, field_str, set_i64, set_str};
use super::collab::{clip, CollabDoc, CollabError};
use crate::model::collab::checked_link;
use crate::model::collab::MAX_LINE;
use crate::model::meeting::{standard_agenda, AgendaItem, MeetingPart, MAX_ITEM_MINUTES};

/// The newest layout of a meeting this build writes.
pub const MEETING_SCHEMA: u64 = 1;

type Result<T> = std::result::Result<T, CollabError>;

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
        // It becomes a link in the app: only a document id (32 hex characters) is kept.
        moved_to: Some(s("moved_to"))
            .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .unwrap_or_default(),
    }
}

impl CollabDoc {
    /// Sets when the meeting is, on the clock of `zone` (the organiser's).
    pub fn set_when(&mut self, when: &str, zone: &str) -> Result<()> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "when", &clip(when, 16))?;
        set_str(doc, &ROOT, "when_zone", &clip(zone, 64))?;
        self.commit();
        Ok(())
    }

    /// Sets the recording link: http(s) only, or empty to remove it.
    pub fn set_recording(&mut self, url: &str) -> Result<()> {
        let url = if url.trim().is_empty() {
            String::new()
        } else {
            checked_link(url).map_err(CollabError::BadLink)?
        };
        let doc = self.writable()?;
        set_str(doc, &ROOT, "recording", &url)?;
        self.commit();
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
        self.add_item("agenda", me, name, now, |doc, obj| {
            doc.put(obj, "title", title)?;
            doc.put(obj, "minutes", i64::from(minutes.min(MAX_ITEM_MINUTES)))?;
            doc.put(obj, "order", next)?;
            Ok(())
        })
    }

    fn max_order(&self) -> Option<i64> {
        let agenda = super::access::get_map(&self.doc, &ROOT, "agenda")?;
        automerge::ReadDoc::map_range(&self.doc, &agenda, ..)
            .filter_map(|item| {
                let obj = super::access::get_map(&self.doc, &agenda, &item.key)?;
                super::access::get_i64(&self.doc, &obj, "order")
            })
            .max()
    }

    pub fn update_agenda_item(&mut self, id: &str, title: &str, minutes: u32) -> Result<()> {
        let obj = self.item("agenda", id)?;
        let doc = self.writable()?;
        set_str(doc, &obj, "title", &clip(title, MAX_LINE))?;
        set_i64(
            doc,
            &obj,
            "minutes",
            i64::from(minutes.min(MAX_ITEM_MINUTES)),
        )?;
        self.commit();
        Ok(())
    }

    /// Swaps an agenda item with its neighbour above (`up`) or below.
    pub fn move_agenda_item(&mut self, id: &str, up: bool) -> Result<()> {
        let agenda = self.state().meeting.agenda;
        let Some(pos) = agenda.iter().position(|i| i.id == id) else {
            return Err(CollabError::Missing);
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
            .map(|id| self.item("agenda", id))
            .collect::<Result<Vec<_>>>()?;
        let doc = self.writable()?;
        for (n, obj) in objs.iter().enumerate() {
            set_i64(doc, obj, "order", n as i64)?;
        }
        self.commit();
        Ok(())
    }

    /// Starts the meeting, or moves on to the next item; after the last item, ends it.
    pub fn timer_next(&mut self, now: i64) -> Result<()> {
        let m = self.state().meeting;
        if m.ended.is_some() {
            return Ok(());
        }
        let doc = self.writable()?;
        if m.started.len() >= m.agenda.len() && !m.started.is_empty() {
            set_i64(doc, &ROOT, "ended", now)?;
        } else {
            let mut run: Vec<String> = m.started.iter().map(i64::to_string).collect();
            run.push(now.to_string());
            set_str(doc, &ROOT, "run", &run.join(","))?;
        }
        self.commit();
        Ok(())
    }

    pub fn timer_end(&mut self, now: i64) -> Result<()> {
        let m = self.state().meeting;
        if m.started.is_empty() || m.ended.is_some() {
            return Ok(());
        }
        let doc = self.writable()?;
        set_i64(doc, &ROOT, "ended", now)?;
        self.commit();
        Ok(())
    }

    /// Clears the timer, to run the meeting again.
    pub fn timer_reset(&mut self) -> Result<()> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "run", "")?;
        set_i64(doc, &ROOT, "ended", 0)?;
        self.commit();
        Ok(())
    }

    /// Records the discussion this meeting became (a document id).
    pub fn set_moved_to(&mut self, id: &str) -> Result<()> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "moved_to", id)?;
        self.commit();
        Ok(())
    }

    /// A new discussion carrying this meeting's brief, people, recording and actions:
    /// 'could this be async?' answered yes, in one step.
    pub fn to_discussion(&self, me: &str, name: &str, now: i64) -> Result<CollabDoc> {
        let state = self.state();
        let m = &state.meeting;
        let mut problem = m.data.trim().to_owned();
        let section = |problem: &mut String, head: &str, body: &str| {
            if !body.trim().is_empty() {
                if !problem.is_empty() {
                    problem.push_str("\n\n");
                }
                problem.push_str(&format!("{head}\n{}", body.trim()));
            }
        };
        section(&mut problem, "Questions to answer:", &m.questions);
        section(&mut problem, "Important dates:", &m.dates);
        let mut doc = CollabDoc::create(me, name, &state.title, now);
        doc.set_text(crate::model::collab::TextField::Problem, me, name, &problem)?;
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::kind::DocKind;

    #[test]
    fn a_meeting_starts_with_the_fifteen_minute_agenda_and_runs_its_timer() {
        let mut m = CollabDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Weekly", 1);
        let s = m.state();
        assert_eq!(s.kind, DocKind::Meeting);
        assert_eq!(s.meeting.planned_minutes(), 15);
        let ids: Vec<String> = s.meeting.agenda.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, ["intro", "points", "actions", "summary"]);
        m.move_agenda_item("summary", true).unwrap();
        m.update_agenda_item("points", "Two points", 4).unwrap();
        let extra = m.add_agenda_item("ana", "Ana", 2, "Demo", 3).unwrap();
        let s = m.state().meeting;
        let ids: Vec<&str> = s.agenda.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["intro", "points", "summary", "actions", extra.as_str()]
        );
        assert_eq!(s.planned_minutes(), 1 + 4 + 2 + 7 + 3);
        for t in [100, 200, 300, 400, 500] {
            m.timer_next(t).unwrap();
        }
        assert_eq!(m.state().meeting.started, [100, 200, 300, 400, 500]);
        m.timer_next(600).unwrap();
        assert_eq!(m.state().meeting.ended, Some(600));
        m.timer_reset().unwrap();
        assert!(m.state().meeting.started.is_empty());
        assert_eq!(m.state().meeting.ended, None);
    }

    #[test]
    fn a_recording_link_must_be_http_and_a_meeting_becomes_a_discussion() {
        let mut m = CollabDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Launch", 1);
        assert!(m.set_recording("javascript:alert(1)").is_err());
        m.set_recording("https://rec.example/1").unwrap();
        m.set_text(
            crate::model::collab::TextField::Data,
            "ana",
            "Ana",
            "Numbers",
        )
        .unwrap();
        m.set_text(
            crate::model::collab::TextField::Questions,
            "ana",
            "Ana",
            "Ship?",
        )
        .unwrap();
        m.set_invited(&["Ben".into()]).unwrap();
        m.add_action("ana", "Ana", 2, "Tell support", "Ben", "2026-12-02")
            .unwrap();
        let mut d = m.to_discussion("ana", "Ana", 3).unwrap();
        let s = d.state();
        assert_eq!(s.kind, DocKind::Discussion);
        assert_eq!(s.title, "Launch");
        assert_eq!(s.problem, "Numbers\n\nQuestions to answer:\nShip?");
        assert_eq!(s.links[0].url, "https://rec.example/1");
        assert_eq!(s.actions[0].owner, "Ben");
        assert_eq!(s.invited[0].1, "Ben");
        assert_ne!(d.id(), m.id());
        // Both kinds load back as what they are.
        let bytes = m.save();
        assert_eq!(
            CollabDoc::from_stored(&bytes).unwrap().kind(),
            DocKind::Meeting
        );
        assert_eq!(
            CollabDoc::from_stored(&d.save()).unwrap().kind(),
            DocKind::Discussion
        );
    }
}
