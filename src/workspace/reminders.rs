//! Reminders as the UI sets and clears them: each edit is stored at once and patched
//! into the state in place.

use leptos::prelude::*;

use super::{Undo, Workspace};
use crate::model::reminder::Reminder;
use crate::web::now_ms;

impl Workspace {
    /// Sets a reminder about `text` at `at` (ms), pointing back to `link` in the app.
    pub fn add_reminder(self, text: &str, link: &str, source: &str, at: i64) -> Option<String> {
        let r = Reminder {
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
            s.reminders.sort_by_key(|r| (r.at, r.id.clone()));
        });
        true
    }

    fn reminder(self, id: &str) -> Option<Reminder> {
        self.state
            .with_untracked(|s| s.reminders.iter().find(|r| r.id == id).cloned())
    }

    /// Marks a reminder dealt with, with Undo.
    pub fn reminder_done(self, id: &str) {
        let Some(r) = self.reminder(id) else { return };
        let before = r.clone();
        if self.put_reminder(Reminder { done: true, ..r }) {
            self.say("Reminder done.".into(), Some(Undo::Reminder(before)));
        }
    }

    /// Moves a reminder to a new time; it fires again then.
    pub fn snooze_reminder(self, id: &str, at: i64) {
        let Some(r) = self.reminder(id) else { return };
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
                self.put_reminder(Reminder {
                    notified: true,
                    ..r
                });
            }
        }
    }
}
