//! SOPs across the documents a person holds: which scheduled runs are waiting (for the
//! Reminders page and the menu's count), what the runs show about handed-over tasks
//! (for the overview and the rate page), and writing an SOP from a task.

use leptos::prelude::*;

use super::Workspace;
use crate::doc::shared::sop::SopEdit;
use crate::model::ids::DocId;
use crate::model::inventory::{DecisionKind, RunEvidence, TaskId};
use crate::model::kind::DocKind;
use crate::model::shared::sop::{Automation, Performer, SopPart};
use crate::model::shared::TextField;

/// A scheduled run waiting to be started.
#[derive(Clone, Debug, PartialEq)]
pub struct SopDue {
    pub id: DocId,
    pub title: String,
    /// The occurrence it answers (UTC ms).
    pub due: i64,
    pub expected_minutes: u32,
}

/// Whether `me` is someone a waiting run of `sop` is for: anyone it was handed to, and
/// its owner only while no step is for a delegate or a role (the owner runs it alone).
fn runs_it(sop: &SopPart, me: &str) -> bool {
    sop.owner != me || sop.steps.iter().all(|s| s.who == Performer::Owner)
}

impl Workspace {
    /// Every held SOP with its title and part.
    pub fn sops(self) -> Vec<(DocId, String, SopPart)> {
        self.held_states(DocKind::Sop)
            .into_iter()
            .map(|(id, mut s)| {
                let title = std::mem::take(&mut s.envelope.title);
                match s.body {
                    crate::model::shared::Body::Sop(sop) => (id, title, sop),
                    _ => (id, title, SopPart::default()),
                }
            })
            .collect()
    }

    /// Scheduled runs waiting at `now` for this person, soonest due first.
    pub fn sops_waiting(self, now: i64) -> Vec<SopDue> {
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        let mut out: Vec<SopDue> = self
            .sops()
            .into_iter()
            .filter(|(_, _, sop)| runs_it(sop, &me))
            .filter_map(|(id, title, sop)| {
                Some(SopDue {
                    id,
                    title,
                    due: sop.waiting(now)?,
                    expected_minutes: sop.expected_minutes(),
                })
            })
            .collect();
        crate::model::order::sort_by_key(&mut out, |d| (d.due, d.id));
        out
    }

    /// What the runs of this person's SOPs show about the tasks they came from, by task
    /// id: runs by others and by the owner over the last `RunEvidence::WINDOW_DAYS`.
    /// Only SOPs with a finished run count: before that, the decision's estimate stands.
    pub fn run_evidence(self, now: i64) -> Vec<RunEvidence> {
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        let from = now - i64::from(RunEvidence::WINDOW_DAYS) * 24 * 60 * 60 * 1000;
        let mut out: Vec<RunEvidence> = Vec::new();
        for (_, _, sop) in self.sops() {
            if sop.owner != me || sop.task.is_empty() || sop.runs.iter().all(|r| r.ended.is_none())
            {
                continue;
            }
            let by_others = sop.runs_by_others(from, now + 1);
            let finished = sop
                .runs
                .iter()
                .filter(|r| r.ended.is_some_and(|e| e >= from && e <= now))
                .count();
            let at = match out.iter().position(|e| e.task == sop.task) {
                Some(at) => at,
                None => {
                    out.push(RunEvidence {
                        task: sop.task.clone(),
                        window_days: RunEvidence::WINDOW_DAYS,
                        ..RunEvidence::default()
                    });
                    out.len() - 1
                }
            };
            let entry = &mut out[at];
            entry.by_others += u32::try_from(by_others).unwrap_or(u32::MAX);
            entry.by_owner += u32::try_from(finished - by_others).unwrap_or(u32::MAX);
        }
        out
    }

    /// The SOP written for a task, if this person holds one.
    pub fn sop_of_task(self, task: &TaskId) -> Option<DocId> {
        self.sops()
            .into_iter()
            .find(|(_, _, sop)| sop.task == task.as_str())
            .map(|(id, _, _)| id)
    }

    /// Starts an SOP for a task: its title, the task it came from, its purpose in the
    /// task's note, and for 'automate' the tool. Returns its id.
    pub fn create_sop_from_task(self, task: &TaskId) -> Option<DocId> {
        let task = self
            .state
            .with_untracked(|s| s.tasks.iter().find(|t| t.id == *task).cloned())?;
        let id = self.create_shared(DocKind::Sop, &super::display_title(&task.title))?;
        self.show_shared(id).ok()?;
        self.shared_edit(SopEdit::SetTask(task.id.as_str().to_owned()))?;
        if !task.note.trim().is_empty() {
            self.collab_set_text(TextField::Purpose, task.note.trim());
        }
        if task.decision.kind() == DecisionKind::Automate {
            self.shared_edit(SopEdit::SetAutomation(Automation {
                tool: task.decision.detail().to_owned(),
                ..Automation::default()
            }));
        }
        Some(id)
    }
}
