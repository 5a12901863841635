//! The week and boundaries as the UI edits them: each edit is stored at once and
//! patched into the state in place, so moving one of a hundred blocks re-reads nothing.

use crate::model::order;
use leptos::prelude::*;

use super::{display_title, Undo, Workspace};
use crate::model::boundaries::{Boundaries, Channel, EscalationStep};
use crate::model::schedule::WeekItem;
use crate::model::schedule::{sort_blocks, Block, Deadline, Person};
use crate::model::PersonalState;

/// One item of the week or the boundaries, as a value (also what Undo puts back).
#[derive(Clone, Debug, PartialEq)]
pub enum WeekValue {
    Block(Block),
    Deadline(Deadline),
    Person(Person),
    Channel(Channel),
    Step(EscalationStep),
}

impl WeekValue {
    pub fn item(&self) -> WeekItem {
        match self {
            WeekValue::Block(_) => WeekItem::Block,
            WeekValue::Deadline(_) => WeekItem::Deadline,
            WeekValue::Person(_) => WeekItem::Person,
            WeekValue::Channel(_) => WeekItem::Channel,
            WeekValue::Step(_) => WeekItem::Step,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            WeekValue::Block(b) => &b.id,
            WeekValue::Deadline(d) => &d.id,
            WeekValue::Person(p) => &p.id,
            WeekValue::Channel(c) => &c.id,
            WeekValue::Step(s) => &s.id,
        }
    }

    /// How a notice names it.
    fn name(&self) -> String {
        match self {
            WeekValue::Block(b) => b.describe(),
            WeekValue::Deadline(d) => format!("the deadline “{}”", display_title(&d.title)),
            WeekValue::Person(p) => display_title(&p.name),
            WeekValue::Channel(c) => format!("the channel “{}”", display_title(&c.name)),
            WeekValue::Step(s) => format!("the escalation step “{}”", display_title(&s.who)),
        }
    }

    /// Puts the value into the state, replacing the item with its id.
    fn patch(self, s: &mut PersonalState) {
        fn upsert<T>(list: &mut Vec<T>, value: T, same: impl Fn(&T) -> bool) {
            match list.iter_mut().find(|x| same(x)) {
                Some(slot) => *slot = value,
                None => list.push(value),
            }
        }
        match self {
            WeekValue::Block(b) => {
                let id = b.id.clone();
                upsert(&mut s.schedule.blocks, b, |x| x.id == id);
                sort_blocks(&mut s.schedule.blocks);
            }
            WeekValue::Deadline(d) => {
                let id = d.id.clone();
                upsert(&mut s.schedule.deadlines, d, |x| x.id == id);
                order::sort_by(&mut s.schedule.deadlines, |a, b| {
                    (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id))
                });
            }
            WeekValue::Person(p) => {
                let id = p.id.clone();
                upsert(&mut s.schedule.people, p, |x| x.id == id);
                order::sort_by_key(&mut s.schedule.people, |p| {
                    (p.name.to_lowercase(), p.id.clone())
                });
            }
            WeekValue::Channel(c) => {
                let id = c.id.clone();
                upsert(&mut s.boundaries.channels, c, |x| x.id == id);
                order::sort_by(&mut s.boundaries.channels, |a, b| {
                    (a.order, &a.id).cmp(&(b.order, &b.id))
                });
            }
            WeekValue::Step(st) => {
                let id = st.id.clone();
                upsert(&mut s.boundaries.escalation, st, |x| x.id == id);
                order::sort_by(&mut s.boundaries.escalation, |a, b| {
                    (a.order, &a.id).cmp(&(b.order, &b.id))
                });
            }
        }
    }
}

/// Removes an item from the state and returns it (for the notice and its Undo).
fn take(s: &mut PersonalState, item: WeekItem, id: &str) -> Option<WeekValue> {
    fn take_from<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) -> Option<T> {
        let at = list.iter().position(is)?;
        Some(list.remove(at))
    }
    match item {
        WeekItem::Block => take_from(&mut s.schedule.blocks, |x| x.id == id).map(WeekValue::Block),
        WeekItem::Deadline => {
            take_from(&mut s.schedule.deadlines, |x| x.id == id).map(WeekValue::Deadline)
        }
        WeekItem::Person => {
            take_from(&mut s.schedule.people, |x| x.id == id).map(WeekValue::Person)
        }
        WeekItem::Channel => {
            take_from(&mut s.boundaries.channels, |x| x.id == id).map(WeekValue::Channel)
        }
        WeekItem::Step => {
            take_from(&mut s.boundaries.escalation, |x| x.id == id).map(WeekValue::Step)
        }
    }
}

impl Workspace {
    /// Adds or updates a block, deadline, person, channel or escalation step.
    pub fn put_week(self, value: WeekValue) -> bool {
        let stored = self.edit(|doc| match &value {
            WeekValue::Block(b) => doc.put_block(b),
            WeekValue::Deadline(d) => doc.put_deadline(d),
            WeekValue::Person(p) => doc.put_person(p),
            WeekValue::Channel(c) => doc.put_channel(c),
            WeekValue::Step(s) => doc.put_step(s),
        });
        if stored.is_some() {
            self.state.update(|s| value.patch(s));
        }
        stored.is_some()
    }

    /// Adds several blocks in one stored change (a block repeated on other days).
    pub fn put_blocks(self, blocks: Vec<Block>) -> bool {
        let stored = self.edit(|doc| blocks.iter().try_for_each(|b| doc.put_block(b)));
        if stored.is_some() {
            self.state.update(|s| {
                for b in blocks {
                    WeekValue::Block(b).patch(s);
                }
            });
        }
        stored.is_some()
    }

    /// Deletes an item and offers Undo.
    pub fn delete_week(self, item: WeekItem, id: &str) {
        if self.edit(|doc| doc.delete_item(item, id)).is_none() {
            return;
        }
        if let Some(value) = self.state.try_update(|s| take(s, item, id)).flatten() {
            let text = format!("Deleted {}.", value.name());
            self.say(text, Some(Undo::Week(value)));
        }
    }

    /// Puts back a deleted item.
    pub(super) fn undo_week(self, value: WeekValue) {
        let name = value.name();
        if self.put_week(value) {
            self.say(format!("Restored {name}."), None);
        }
    }

    /// Writes the boundaries' own fields (hours, texts, do-not-disturb).
    pub fn set_boundaries(self, b: Boundaries) {
        if self.edit(|doc| doc.set_boundaries(&b)).is_some() {
            self.state.update(|s| {
                s.boundaries.hours = b.hours;
                s.boundaries.availability = b.availability;
                s.boundaries.urgent = b.urgent;
                s.boundaries.tools = b.tools;
                s.boundaries.dnd_until = b.dnd_until;
            });
        }
    }
}
