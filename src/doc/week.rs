//! The schedule and boundaries inside the personal document.
//!
//! Layout (added in schema 2 without a migration: absent keys read as defaults):
//! ```text
//! { "block/<id>":    { day, start, minutes, kind, label },
//!   "deadline/<id>": { title, date, outcome, moved_from, reason, for },
//!   "person/<id>":   { name, time_zone, days, start, end, client },
//!   "channel/<id>":  { name, within, unit, note, order },
//!   "step/<id>":     { who, how, order },
//!   work_days, work_start, work_end, availability, urgent, tools, dnd_until,
//!   my_page, my_page_key (the private key that signs the page's links) }
//! ```
//! A deadline's `date` is "YYYY-MM-DD" (its date now, after any move); `outcome` is ""
//! (open), "met YYYY-MM-DD" or "missed"; `moved_from` the date first due, once moved
//! (absent in deadlines written before outcomes existed: they read as open, never moved);
//! `for` what it belongs to (`Tie::key`), written only once it belongs to something.
//! Items are root keys of their own, like held documents: two devices adding blocks
//! never compete to create one shared map, so nothing added offline is lost.

use crate::model::ids::DocId;
use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ObjType, ReadDoc, ROOT};
use chrono::NaiveDate;

use super::access::{field_i64, field_str, field_u32, get_i64, get_str, set_i64, set_str};
use super::{DocError, PersonalDoc};
use crate::model::boundaries::{Boundaries, Channel, EscalationStep, ResponseUnit};
use crate::model::schedule::WeekItem;
use crate::model::schedule::{
    sort_blocks, Block, BlockKind, Deadline, Outcome, Person, Schedule, Tie, WorkingHours, DAY,
    MIN_BLOCK,
};

const BLOCK: &str = "block/";
const DEADLINE: &str = "deadline/";
const PERSON: &str = "person/";
const CHANNEL: &str = "channel/";
const STEP: &str = "step/";

/// Root entries whose key starts with `prefix`, as (id, fields).
pub(super) fn items(doc: &AutoCommit, prefix: &str) -> Vec<(String, hydrate::Map)> {
    // Keys sort as strings, so a prefix's keys are one contiguous range ending before
    // the prefix with its last byte ('/') bumped to '0'.
    let end = format!("{}0", &prefix[..prefix.len() - 1]);
    let keys: Vec<(String, automerge::ObjId)> = doc
        .map_range(&ROOT, prefix.to_owned()..end)
        .map(|item| (item.key.to_string(), item.id()))
        .collect();
    keys.into_iter()
        .filter_map(|(key, obj)| match doc.hydrate(&obj, None).ok()? {
            hydrate::Value::Map(fields) => Some((key[prefix.len()..].to_owned(), fields)),
            _ => None,
        })
        .collect()
}

/// Writes one item's fields, creating its map when new, and only the values that differ.
pub(super) fn put_item(
    doc: &mut AutoCommit,
    prefix: &str,
    id: &str,
    strings: &[(&str, &str)],
    numbers: &[(&str, i64)],
) -> Result<(), DocError> {
    let key = format!("{prefix}{id}");
    let obj = match doc.get(&ROOT, key.as_str())? {
        Some((automerge::Value::Object(ObjType::Map), obj)) => obj,
        _ => doc.put_object(ROOT, key.as_str(), ObjType::Map)?,
    };
    for (k, v) in strings {
        set_str(doc, &obj, k, v)?;
    }
    for (k, v) in numbers {
        set_i64(doc, &obj, k, *v)?;
    }
    Ok(())
}

pub(super) fn read_hours(days: Option<i64>, start: Option<i64>, end: Option<i64>) -> WorkingHours {
    let d = WorkingHours::default();
    WorkingHours {
        days: days.map_or(d.days, |v| (v & 0x7f) as u8),
        start: start.map_or(d.start, |v| v.clamp(0, i64::from(DAY) - 1) as u32),
        end: end.map_or(d.end, |v| v.clamp(0, i64::from(DAY)) as u32),
    }
}

/// A block from its stored fields, clamped so a crafted file cannot place it outside the week.
pub(super) fn read_block(id: String, f: &hydrate::Map) -> Block {
    Block {
        id,
        day: field_u32(f, "day").unwrap_or(0).min(6) as u8,
        start: field_u32(f, "start").unwrap_or(9 * 60),
        minutes: field_u32(f, "minutes").unwrap_or(60),
        kind: field_str(f, "kind")
            .and_then(|k| BlockKind::from_key(&k))
            .unwrap_or_default(),
        label: field_str(f, "label").unwrap_or_default(),
    }
    .clamped()
}

pub(super) fn read_channel(id: String, f: &hydrate::Map) -> Channel {
    Channel {
        id,
        name: field_str(f, "name").unwrap_or_default(),
        within: field_u32(f, "within").unwrap_or(0).min(10_000),
        unit: field_str(f, "unit")
            .and_then(|u| ResponseUnit::from_key(&u))
            .unwrap_or_default(),
        note: field_str(f, "note").unwrap_or_default(),
        order: field_i64(f, "order").unwrap_or(0),
    }
}

pub(super) fn read_step(id: String, f: &hydrate::Map) -> EscalationStep {
    EscalationStep {
        id,
        who: field_str(f, "who").unwrap_or_default(),
        how: field_str(f, "how").unwrap_or_default(),
        order: field_i64(f, "order").unwrap_or(0),
    }
}

impl PersonalDoc {
    /// The week: blocks, deadlines and people.
    pub fn schedule(&self) -> Schedule {
        let doc = self.raw();
        let mut blocks: Vec<Block> = items(doc, BLOCK)
            .into_iter()
            .map(|(id, f)| read_block(id, &f))
            .collect();
        sort_blocks(&mut blocks);
        let mut deadlines: Vec<Deadline> = items(doc, DEADLINE)
            .into_iter()
            .map(|(id, f)| {
                let date = |key: &str| {
                    field_str(&f, key).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                };
                Deadline {
                    date: date("date"),
                    outcome: Outcome::parse(&field_str(&f, "outcome").unwrap_or_default()),
                    moved_from: date("moved_from"),
                    title: field_str(&f, "title").unwrap_or_default(),
                    reason: field_str(&f, "reason").unwrap_or_default(),
                    tie: field_str(&f, "for").and_then(|t| Tie::parse(&t)),
                    id,
                }
            })
            .collect();
        order::sort_by(&mut deadlines, |a, b| {
            (a.date.is_none(), a.date, &a.title, &a.id).cmp(&(
                b.date.is_none(),
                b.date,
                &b.title,
                &b.id,
            ))
        });
        let mut people: Vec<Person> = items(doc, PERSON)
            .into_iter()
            .map(|(id, f)| Person {
                id,
                name: field_str(&f, "name").unwrap_or_default(),
                time_zone: field_str(&f, "time_zone").unwrap_or_default(),
                hours: read_hours(
                    field_i64(&f, "days"),
                    field_i64(&f, "start"),
                    field_i64(&f, "end"),
                ),
                client: field_i64(&f, "client").unwrap_or(0) != 0,
            })
            .collect();
        order::sort_by(&mut people, |a, b| {
            (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id))
        });
        Schedule {
            blocks,
            deadlines,
            people,
        }
    }

    pub fn put_block(&mut self, block: &Block) -> Result<(), DocError> {
        let b = block.clone().clamped();
        let doc = self.writable()?;
        put_item(
            doc,
            BLOCK,
            &b.id,
            &[("kind", b.kind.key()), ("label", &b.label)],
            &[
                ("day", i64::from(b.day)),
                ("start", i64::from(b.start)),
                ("minutes", i64::from(b.minutes.max(MIN_BLOCK))),
            ],
        )?;
        self.commit("block");
        Ok(())
    }

    pub fn put_deadline(&mut self, deadline: &Deadline) -> Result<(), DocError> {
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let date = day(deadline.date).unwrap_or_default();
        let outcome = deadline.outcome.key();
        let moved_from = day(deadline.moved_from).unwrap_or_default();
        let reason: String = deadline.reason.trim().chars().take(500).collect();
        let tie = deadline.tie.as_ref().map(Tie::key).unwrap_or_default();
        let doc = self.writable()?;
        let fields = [("title", deadline.title.as_str()), ("date", date.as_str())];
        put_item(doc, DEADLINE, &deadline.id, &fields, &[])?;
        // A deadline never marked nor moved keeps the two fields it always had; one that
        // was has its fields written, emptied when it is reopened.
        let key = format!("{DEADLINE}{}", deadline.id);
        if let Some((_, obj)) = doc.get(ROOT, key.as_str())? {
            for (field, value) in [
                ("outcome", outcome.as_str()),
                ("moved_from", moved_from.as_str()),
                ("reason", reason.as_str()),
                ("for", tie.as_str()),
            ] {
                if !value.is_empty() || get_str(doc, &obj, field).is_some() {
                    set_str(doc, &obj, field, value)?;
                }
            }
        }
        self.commit("deadline");
        Ok(())
    }

    pub fn put_person(&mut self, person: &Person) -> Result<(), DocError> {
        let doc = self.writable()?;
        put_item(
            doc,
            PERSON,
            &person.id,
            &[("name", &person.name), ("time_zone", &person.time_zone)],
            &[
                ("days", i64::from(person.hours.days)),
                ("start", i64::from(person.hours.start)),
                ("end", i64::from(person.hours.end)),
                ("client", i64::from(person.client)),
            ],
        )?;
        self.commit("person");
        Ok(())
    }

    pub fn boundaries(&self) -> Boundaries {
        let doc = self.raw();
        let mut channels: Vec<Channel> = items(doc, CHANNEL)
            .into_iter()
            .map(|(id, f)| read_channel(id, &f))
            .collect();
        order::sort_by(&mut channels, |a, b| {
            (a.order, &a.id).cmp(&(b.order, &b.id))
        });
        let mut escalation: Vec<EscalationStep> = items(doc, STEP)
            .into_iter()
            .map(|(id, f)| read_step(id, &f))
            .collect();
        order::sort_by(&mut escalation, |a, b| {
            (a.order, &a.id).cmp(&(b.order, &b.id))
        });
        Boundaries {
            hours: read_hours(
                get_i64(doc, &ROOT, "work_days"),
                get_i64(doc, &ROOT, "work_start"),
                get_i64(doc, &ROOT, "work_end"),
            ),
            availability: get_str(doc, &ROOT, "availability").unwrap_or_default(),
            channels,
            urgent: get_str(doc, &ROOT, "urgent").unwrap_or_default(),
            escalation,
            tools: get_str(doc, &ROOT, "tools").unwrap_or_default(),
            dnd_until: get_i64(doc, &ROOT, "dnd_until").unwrap_or(0),
        }
    }

    /// Writes the scalar boundaries (hours, texts, do-not-disturb); channels and
    /// escalation steps are items of their own.
    pub fn set_boundaries(&mut self, b: &Boundaries) -> Result<(), DocError> {
        let doc = self.writable()?;
        set_i64(doc, &ROOT, "work_days", i64::from(b.hours.days))?;
        set_i64(doc, &ROOT, "work_start", i64::from(b.hours.start))?;
        set_i64(doc, &ROOT, "work_end", i64::from(b.hours.end))?;
        set_str(doc, &ROOT, "availability", &b.availability)?;
        set_str(doc, &ROOT, "urgent", &b.urgent)?;
        set_str(doc, &ROOT, "tools", &b.tools)?;
        set_i64(doc, &ROOT, "dnd_until", b.dnd_until)?;
        self.commit("boundaries");
        Ok(())
    }

    pub fn put_channel(&mut self, c: &Channel) -> Result<(), DocError> {
        let doc = self.writable()?;
        put_item(
            doc,
            CHANNEL,
            &c.id,
            &[("name", &c.name), ("unit", c.unit.key()), ("note", &c.note)],
            &[("within", i64::from(c.within)), ("order", c.order)],
        )?;
        self.commit("channel");
        Ok(())
    }

    pub fn put_step(&mut self, s: &EscalationStep) -> Result<(), DocError> {
        let doc = self.writable()?;
        put_item(
            doc,
            STEP,
            &s.id,
            &[("who", &s.who), ("how", &s.how)],
            &[("order", s.order)],
        )?;
        self.commit("step");
        Ok(())
    }

    /// Deletes a block, deadline, person, channel or escalation step.
    pub fn delete_item(&mut self, item: WeekItem, id: &str) -> Result<(), DocError> {
        let key = format!("{}{id}", item.prefix());
        let doc = self.writable()?;
        if doc.get(&ROOT, key.as_str())?.is_some() {
            doc.delete(&ROOT, key.as_str())?;
            self.commit("delete");
        }
        Ok(())
    }

    /// The person's published 'how to work with me' page, if any: its id and the
    /// private key (hex) its links are signed with. The key never leaves this document.
    pub fn my_page(&self) -> Option<(DocId, String)> {
        let doc = self.raw();
        let id = DocId::parse(&get_str(doc, &ROOT, "my_page")?)?;
        let key = get_str(doc, &ROOT, "my_page_key").filter(|s| !s.is_empty())?;
        Some((id, key))
    }

    pub fn set_my_page(&mut self, id: DocId, secret_hex: &str) -> Result<(), DocError> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "my_page", &id.to_string())?;
        set_str(doc, &ROOT, "my_page_key", secret_hex)?;
        self.commit("page");
        Ok(())
    }
}

impl WeekItem {
    fn prefix(self) -> &'static str {
        match self {
            WeekItem::Block => BLOCK,
            WeekItem::Deadline => DEADLINE,
            WeekItem::Person => PERSON,
            WeekItem::Channel => CHANNEL,
            WeekItem::Step => STEP,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::chunks::check_stored;

    fn block(id: &str, day: u8, start: u32) -> Block {
        Block {
            id: id.into(),
            day,
            start,
            minutes: 120,
            kind: BlockKind::Maker,
            label: "Writing".into(),
        }
    }

    #[test]
    fn week_round_trips_and_merges_across_devices() {
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        a.put_block(&block("a1", 0, 540)).unwrap();
        b.put_block(&block("b1", 1, 600)).unwrap();
        b.put_person(&Person {
            id: "p".into(),
            name: "Ravi".into(),
            time_zone: "Asia/Kolkata".into(),
            hours: WorkingHours {
                days: 0b11111,
                start: 600,
                end: 1140,
            },
            client: true,
        })
        .unwrap();
        a.put_channel(&Channel {
            id: "c".into(),
            name: "Email".into(),
            within: 1,
            unit: ResponseUnit::WorkingDays,
            ..Channel::default()
        })
        .unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let week = a.schedule();
        assert_eq!(
            week.blocks
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>(),
            ["a1", "b1"]
        );
        assert_eq!(week.people[0].hours.start, 600);
        assert!(week.people[0].client);
        assert_eq!(a.boundaries().channels[0].unit, ResponseUnit::WorkingDays);

        let mut moved = week.blocks[0].clone();
        moved.day = 3;
        moved.start = 13 * 60;
        a.put_block(&moved).unwrap();
        assert_eq!(a.schedule().blocks[1].day, 3);
        a.delete_item(WeekItem::Block, "b1").unwrap();
        assert_eq!(a.schedule().blocks.len(), 1);
    }

    #[test]
    fn deadlines_keep_what_became_of_them_and_old_ones_read_as_open() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d);
        let mut a = PersonalDoc::new();
        let open = Deadline {
            id: "d1".into(),
            title: "Report".into(),
            date: day(20),
            ..Deadline::default()
        };
        a.put_deadline(&open).unwrap();
        // Written as before outcomes existed: only a title and a date.
        let stored = a.raw().get(ROOT, "deadline/d1").unwrap().unwrap().1;
        assert_eq!(a.raw().keys(&stored).count(), 2);
        assert_eq!(a.schedule().deadlines, std::slice::from_ref(&open));

        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let mut moved = open.clone();
        moved.move_to(day(27).unwrap(), "Waiting for the figures");
        a.put_deadline(&moved).unwrap();
        let mut met = moved.clone();
        met.outcome = Outcome::Met(day(26).unwrap());
        met.tie = Some(Tie::Client("p7".into()));
        a.put_deadline(&met).unwrap();
        let sop = DocId::from_bytes([9; 16]);
        b.put_deadline(&Deadline {
            id: "d2".into(),
            title: "Invoice".into(),
            date: day(5),
            outcome: Outcome::Missed,
            tie: Some(Tie::Sop(sop)),
            ..Deadline::default()
        })
        .unwrap();
        b.merge_bytes(check_stored(&a.save()).unwrap()).unwrap();
        let week = b.schedule();
        assert_eq!(week.deadlines.len(), 2);
        assert_eq!(week.deadlines[0].outcome, Outcome::Missed);
        assert_eq!(week.deadlines[0].tie, Some(Tie::Sop(sop)));
        assert_eq!(week.deadlines[1], met);
        assert_eq!(Tie::parse("task:t-1"), Some(Tie::Task("t-1".into())));
        for bad in ["", "task:", "sop:xyz", "client:a b", "thing:x", "task"] {
            assert_eq!(Tie::parse(bad), None, "{bad}");
        }
        assert_eq!(week.deadlines[1].moved_from, day(20));
        assert_eq!(week.deadlines[1].met_on_time(), Some(true));
        // Reopened, the outcome is emptied in the document, not only on screen.
        let mut reopened = week.deadlines[0].clone();
        reopened.outcome = Outcome::Open;
        b.put_deadline(&reopened).unwrap();
        let again = PersonalDoc::from_stored(&b.save()).unwrap().schedule();
        assert_eq!(again.deadlines[0].outcome, Outcome::Open);
    }

    #[test]
    fn concurrent_moves_keep_one_block_and_both_fields() {
        let mut a = PersonalDoc::new();
        a.put_block(&block("x", 0, 540)).unwrap();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let mut on_a = block("x", 2, 540);
        on_a.label = "Writing".into();
        a.put_block(&on_a).unwrap();
        let mut on_b = block("x", 0, 540);
        on_b.label = "Research".into();
        b.put_block(&on_b).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let blocks = a.schedule().blocks;
        assert_eq!(blocks.len(), 1);
        assert_eq!((blocks[0].day, blocks[0].label.as_str()), (2, "Research"));
    }

    #[test]
    fn boundaries_defaults_and_edits() {
        let mut a = PersonalDoc::new();
        let d = a.boundaries();
        assert_eq!(d.hours, WorkingHours::default());
        assert_eq!(d.dnd_until, 0);
        let mut b = d.clone();
        b.urgent = "Production is down".into();
        b.dnd_until = 1_800_000_000_000;
        b.hours.start = 8 * 60;
        a.set_boundaries(&b).unwrap();
        let back = a.boundaries();
        assert_eq!(back.urgent, "Production is down");
        assert_eq!(back.hours.start, 480);
        assert_eq!(back.dnd_until, 1_800_000_000_000);
        assert_eq!(a.my_page(), None);
        let page = DocId::from_bytes([0xab; 16]);
        a.set_my_page(page, "k").unwrap();
        assert_eq!(a.my_page(), Some((page, "k".into())));
    }
}
