//! Reminders as the UI sets and clears them: each edit is stored at once and patched
//! into the state in place.

use crate::model::order;
use leptos::prelude::*;

use super::{Undo, Workspace};
use crate::model::reminder::{Reminder, Repeat};
use crate::web::now_ms;

impl Workspace {
    /// Sets a reminder about `text` at `at` (ms), pointing back to `link` in the app.
    pub fn add_reminder(self, text: &str, link: &str, source: &str, at: i64) -> Option<String> {
        self.add_repeating_reminder(text, link, source, at, None)
    }

    /// Sets a reminder that fires at `at` and then as `repeat` says, if it repeats.
    pub fn add_repeating_reminder(
        self,
        text: &str,
        link: &str,
        source: &str,
        at: i64,
        repeat: Option<Repeat>,
    ) -> Option<String> {
        let r = Reminder {
            repeat,
            id: crate::doc::random_id()[..12].to_owned(),
            text: text.trim().to_owned(),
            link: link.to_owned(),
            source: source.trim().to_owned(),
            at,
            created: now_ms(),
            ..Reminder::default()
        };
        self.put_reminder(r.clone()).then_some(r.id)
    }

    /// Stores a reminder as given and patches it into the state.
    fn put_reminder(self, r: Reminder) -> bool {
        if self.edit(|doc| doc.put_reminder(&r)).is_none() {
            return false;
        }
        self.state.update(|s| {
            match s.reminders.iter_mut().find(|x| x.id == r.id) {
                Some(slot) => *slot = r,
                None => s.reminders.push(r),
            }
            order::sort_by_key(&mut s.reminders, |r| (r.at, r.id.clone()));
        });
        true
    }

    fn reminder(self, id: &str) -> Option<Reminder> {
        self.state
            .with_untracked(|s| s.reminders.iter().find(|r| r.id == id).cloned())
    }

    /// A reminder about to be marked shown, done or snoozed: when it repeats and its time
    /// has come, its next time is stored as a reminder of its own and this time is
    /// returned as a one-off to be changed (see `Reminder::fire`).
    fn settle(self, r: Reminder) -> Reminder {
        let now = now_ms();
        if !r.is_due(now) {
            return r;
        }
        match r.fire(now) {
            Some((this, next)) => {
                if let Some(next) = next {
                    self.put_reminder(next);
                }
                this
            }
            None => r,
        }
    }

    /// Marks a reminder dealt with, with Undo. A repeating one moves on to its next time.
    pub fn reminder_done(self, id: &str) {
        let Some(r) = self.reminder(id) else { return };
        let before = r.clone();
        let r = self.settle(r);
        if self.put_reminder(Reminder { done: true, ..r }) {
            self.say("Reminder done.".into(), Some(Undo::Reminder(before)));
        }
    }

    /// Moves a reminder to a new time; it fires again then.
    pub fn snooze_reminder(self, id: &str, at: i64) {
        let Some(r) = self.reminder(id) else { return };
        let r = self.settle(r);
        self.put_reminder(Reminder {
            at,
            done: false,
            notified: false,
            ..r
        });
    }

    /// Deletes a reminder, with Undo.
    pub fn delete_reminder(self, id: &str) {
        let Some(r) = self.reminder(id) else { return };
        if self.edit(|doc| doc.delete_reminder(id)).is_some() {
            self.state.update(|s| s.reminders.retain(|x| x.id != id));
            self.say("Reminder deleted.".into(), Some(Undo::Reminder(r)));
        }
    }

    /// Puts a reminder back as it was (Undo).
    pub(super) fn restore_reminder(self, r: Reminder) {
        if self.put_reminder(r) {
            self.say("Restored.".into(), None);
        }
    }

    /// Records that these reminders were shown (as a system notification, or as missed
    /// on opening), so no other tab or later load shows them again.
    pub fn mark_notified(self, ids: &[String]) {
        for id in ids {
            if let Some(r) = self.reminder(id).filter(|r| !r.notified) {
                let r = self.settle(r);
                self.put_reminder(Reminder {
                    notified: true,
                    ..r
                });
            }
        }
    }
}
