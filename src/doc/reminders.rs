//! Reminders inside the personal document, private to the person:
//! ```text
//! { "reminder/<id>": { text, link, source, at, created, done, notified, repeat, series } }
//! ```
//! Root entries of their own, like the week's items, so reminders set on two devices
//! offline are both kept. `repeat` ("week 0 540 Europe/London", see `Repeat::parse`) and
//! `series` were added later: a reminder without them fires once, and an older version
//! reads a repeating one as a one-off at its next time and leaves the two fields alone.

use crate::model::order;
use automerge::ROOT;

use super::access::{field_i64, field_str};
use super::week::{items, put_item};
use super::{DocError, PersonalDoc};
use crate::model::reminder::{Reminder, Repeat};

const REMINDER: &str = "reminder/";

impl PersonalDoc {
    /// Every reminder, soonest first.
    pub fn reminders(&self) -> Vec<Reminder> {
        let mut out: Vec<Reminder> = items(self.raw(), REMINDER)
            .into_iter()
            .map(|(id, f)| Reminder {
                id,
                text: field_str(&f, "text").unwrap_or_default(),
                link: field_str(&f, "link")
                    .filter(|l| l.starts_with("/shared/"))
                    .unwrap_or_default(),
                source: field_str(&f, "source").unwrap_or_default(),
                at: field_i64(&f, "at").unwrap_or(0),
                created: field_i64(&f, "created").unwrap_or(0),
                done: field_i64(&f, "done").unwrap_or(0) != 0,
                notified: field_i64(&f, "notified").unwrap_or(0) != 0,
                repeat: field_str(&f, "repeat").and_then(|r| Repeat::parse(&r)),
                series: field_str(&f, "series")
                    .filter(|s| s.len() <= 64)
                    .unwrap_or_default(),
            })
            .collect();
        order::sort_by_key(&mut out, |r| (r.at, r.id.clone()));
        out
    }

    /// Adds or updates a reminder, writing only the fields that changed.
    pub fn put_reminder(&mut self, r: &Reminder) -> Result<(), DocError> {
        let text: String = r.text.chars().take(500).collect();
        let source: String = r.source.chars().take(200).collect();
        let repeat = r.repeat.as_ref().map(Repeat::key).unwrap_or_default();
        let doc = self.writable()?;
        put_item(
            doc,
            REMINDER,
            &r.id,
            &[
                ("text", &text),
                ("link", &r.link),
                ("source", &source),
                ("repeat", &repeat),
                ("series", &r.series),
            ],
            &[
                ("at", r.at),
                ("created", r.created),
                ("done", i64::from(r.done)),
                ("notified", i64::from(r.notified)),
            ],
        )?;
        self.commit("reminder");
        Ok(())
    }

    pub fn delete_reminder(&mut self, id: &str) -> Result<(), DocError> {
        let key = format!("{REMINDER}{id}");
        let doc = self.writable()?;
        if automerge::ReadDoc::get(doc, &ROOT, key.as_str())?.is_some() {
            automerge::transaction::Transactable::delete(doc, &ROOT, key.as_str())?;
            self.commit("delete");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::chunks::check_stored;

    #[test]
    fn reminders_round_trip_and_merge_from_two_devices() {
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let r = Reminder {
            id: "r1".into(),
            text: "Answer Ben".into(),
            link: "/shared/abc".into(),
            at: 500,
            ..Reminder::default()
        };
        a.put_reminder(&r).unwrap();
        b.put_reminder(&Reminder {
            id: "r2".into(),
            link: "javascript:alert(1)".into(),
            at: 100,
            ..Reminder::default()
        })
        .unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let list = a.reminders();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].id, "r2");
        // Only links into the app are kept.
        assert_eq!(list[0].link, "");
        assert_eq!(list[1], r);
        a.put_reminder(&Reminder { done: true, ..r }).unwrap();
        assert!(a.reminders()[1].done);
        a.delete_reminder("r2").unwrap();
        assert_eq!(a.reminders().len(), 1);
        assert_eq!(a.state().reminders.len(), 1);
    }

    #[test]
    fn a_repeating_reminder_keeps_its_rule_and_old_ones_still_load() {
        use crate::model::reminder::Every;
        let mut a = PersonalDoc::new();
        let weekly = Reminder {
            id: "w".into(),
            text: "Weekly numbers".into(),
            at: 1_000,
            repeat: Some(Repeat {
                every: Every::Week(0),
                minute: 540,
                zone: "Europe/London".into(),
            }),
            ..Reminder::default()
        };
        a.put_reminder(&weekly).unwrap();
        // A reminder written before rules existed: none of the new fields.
        let doc = a.writable().unwrap();
        super::put_item(doc, REMINDER, "old", &[("text", "Old one")], &[("at", 5)]).unwrap();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let list = b.reminders();
        assert_eq!(
            list[0],
            Reminder {
                id: "old".into(),
                text: "Old one".into(),
                at: 5,
                ..Reminder::default()
            }
        );
        assert_eq!(list[1], weekly);
        // When it fires, this time and the next are both kept, the rule on the next.
        let (this, next) = weekly.fire(2_000).unwrap();
        let next = next.unwrap();
        let mut c = PersonalDoc::from_stored(&b.save()).unwrap();
        c.put_reminder(&Reminder {
            notified: true,
            ..this
        })
        .unwrap();
        c.put_reminder(&next).unwrap();
        let list = c.reminders();
        assert_eq!(list.len(), 3);
        let fired = list.iter().find(|r| r.id == "w").unwrap();
        assert!(fired.notified && fired.repeat.is_none() && fired.series == "w");
        assert_eq!(list.iter().find(|r| r.id == next.id), Some(&next));
    }
}
