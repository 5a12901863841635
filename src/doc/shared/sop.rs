//! An SOP in the document layer: a shared document of kind `sop`, its parts, its edits
//! through a `SopDoc` handle, and `SopEdit`, the edits its screens send. Besides the
//! envelope it holds (schema 1):
//! ```text
//! { purpose: Text, output: Text,
//!   schedule,                          "demand", or "<cadence> <n> <minute> <zone>"
//!   task,                              the owner's task id it came from, or ""
//!   automation: { tool, link, covers },  covers: step ids, space-separated
//!   steps:  { <id>: { text, link, capture, minutes, who, rank, by, at, edited_by, edited, gone } },
//!   checks: { <id>: { text, rank, by, at, gone } },
//!   runs:   { <id>: { by, at, started, ended, due, paused_ms, paused_at, by_itself, note,
//!                     order, check_order,   step and check ids, space-separated
//!                     "s|<step>|text", "s|<step>|done", "s|<step>|value",
//!                     "s|<step>|minutes", "s|<step>|timing", "c|<check>|text", "c|<check>|ok" } } }
//! ```
//! A step, a check and a run are maps created once, by whoever adds them, under a
//! random id, and never removed (deletion sets `gone`), so a merge can neither lose nor
//! double one. A run copies the steps' text and order and the checks' text when it
//! starts (and their order), so editing the SOP later never rewrites it; inside a run every field is flat
//! ("s|<step>|done"), so the same run ticked on two devices offline merges field by
//! field (nested maps made on both would hide one another). `ended`, `due` and
//! `paused_at` are 0 when unset.

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ROOT};

use super::core::{clip, hydrate_root, items, text_of, Result, SharedDoc, SharedError};
use crate::doc::access::{
    field_bool, field_f64, field_i64, field_map, field_str, get_i64, get_map, set_i64, set_str,
};
use crate::model::kind::DocKind;
use crate::model::order;
use crate::model::shared::envelope::checked_link;
use crate::model::shared::sop::{
    Automation, Capture, Check, Performer, Run, RunCheck, RunStep, SopPart, SopSchedule, Step,
};
use crate::model::shared::{MAX_LINE, MAX_TEXT};

/// The newest layout of an SOP this build writes.
pub const SOP_SCHEMA: u64 = 1;

/// The most steps and checks one SOP holds; a run copies them all.
pub const MAX_STEPS: usize = 100;

/// The longest captured value.
const MAX_VALUE: usize = 2_000;

pub(super) fn init(doc: &mut AutoCommit, _now: i64) -> std::result::Result<(), AutomergeError> {
    doc.put_object(ROOT, "purpose", ObjType::Text)?;
    doc.put_object(ROOT, "output", ObjType::Text)?;
    doc.put(ROOT, "schedule", "demand")?;
    doc.put(ROOT, "task", "")?;
    let automation = doc.put_object(ROOT, "automation", ObjType::Map)?;
    doc.put(&automation, "tool", "")?;
    doc.put(&automation, "link", "")?;
    doc.put(&automation, "covers", "")?;
    doc.put_object(ROOT, "steps", ObjType::Map)?;
    doc.put_object(ROOT, "checks", ObjType::Map)?;
    doc.put_object(ROOT, "runs", ObjType::Map)?;
    Ok(())
}

/// Reads the SOP part from a hydrated root.
pub(super) fn read(root: &hydrate::Map) -> SopPart {
    let mut steps: Vec<Step> = items(root, "steps")
        .into_iter()
        .map(|(id, m)| read_step(id, m))
        .collect();
    order::sort_by(&mut steps, |a, b| {
        a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
    });
    let mut checks: Vec<(f64, Check)> = items(root, "checks")
        .into_iter()
        .map(|(id, m)| {
            (
                field_f64(m, "rank").unwrap_or(0.0),
                Check {
                    id,
                    text: text_of(m, "text"),
                },
            )
        })
        .collect();
    order::sort_by(&mut checks, |a, b| {
        a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
    });
    let automation = field_map(root, "automation").and_then(|m| {
        let tool = text_of(m, "tool");
        (!tool.trim().is_empty()).then(|| Automation {
            tool,
            link: checked_link(&text_of(m, "link")).unwrap_or_default(),
            covers: words(&text_of(m, "covers")),
        })
    });
    let mut runs: Vec<Run> = items(root, "runs")
        .into_iter()
        .map(|(id, m)| read_run(id, m))
        .collect();
    order::sort_by(&mut runs, |a, b| {
        a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id))
    });
    SopPart {
        purpose: text_of(root, "purpose"),
        output: text_of(root, "output"),
        schedule: SopSchedule::parse(&text_of(root, "schedule")),
        steps,
        checks: checks.into_iter().map(|(_, c)| c).collect(),
        automation,
        task: text_of(root, "task"),
        runs,
        owner: text_of(root, "owner"),
    }
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

fn read_step(id: String, m: &hydrate::Map) -> Step {
    Step {
        id,
        text: text_of(m, "text"),
        // Re-checked on read: a teammate's copy of the app may not have checked it.
        link: checked_link(&text_of(m, "link")).unwrap_or_default(),
        capture: Capture::parse(&text_of(m, "capture")),
        minutes: field_i64(m, "minutes")
            .and_then(|n| u32::try_from(n.clamp(0, 24 * 60)).ok())
            .unwrap_or(0),
        who: Performer::parse(&text_of(m, "who")),
        rank: field_f64(m, "rank")
            .filter(|r| r.is_finite())
            .unwrap_or(0.0),
        edited_by: text_of(m, "edited_by"),
        edited: field_i64(m, "edited").unwrap_or(0),
    }
}

fn read_run(id: String, m: &hydrate::Map) -> Run {
    let positive = |key: &str| field_i64(m, key).filter(|n| *n > 0);
    // The steps and checks the run copied, in their order; fields of any others are
    // ignored.
    let mut steps: Vec<RunStep> = words(&text_of(m, "order"))
        .into_iter()
        .map(|id| RunStep {
            id,
            ..RunStep::default()
        })
        .collect();
    let mut checks: Vec<RunCheck> = words(&text_of(m, "check_order"))
        .into_iter()
        .map(|id| RunCheck {
            id,
            ..RunCheck::default()
        })
        .collect();
    for (key, v) in m.iter() {
        let mut parts = key.splitn(3, '|');
        let (Some(part), Some(item), Some(field)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let text = || super::core::value_str(&v.value).unwrap_or_default();
        let int = || match &v.value {
            hydrate::Value::Scalar(automerge::ScalarValue::Int(n)) => Some(*n),
            _ => None,
        };
        let flag = matches!(
            &v.value,
            hydrate::Value::Scalar(automerge::ScalarValue::Boolean(true))
        );
        match part {
            "s" => {
                let Some(step) = steps.iter_mut().find(|s| s.id == item) else {
                    continue;
                };
                match field {
                    "text" => step.text = text(),
                    "done" => step.done = flag,
                    "value" => step.value = text(),
                    "minutes" => {
                        step.minutes = int().and_then(|n| u32::try_from(n.clamp(0, 10_000)).ok())
                    }
                    "timing" => step.timing = int().filter(|n| *n > 0),
                    _ => {}
                }
            }
            "c" => {
                let Some(check) = checks.iter_mut().find(|c| c.id == item) else {
                    continue;
                };
                match field {
                    "text" => check.text = text(),
                    "ok" => check.ok = flag,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Run {
        id,
        by: text_of(m, "by"),
        started: field_i64(m, "started")
            .or_else(|| field_i64(m, "at"))
            .unwrap_or(0),
        ended: positive("ended"),
        due: positive("due"),
        paused_ms: field_i64(m, "paused_ms").unwrap_or(0).max(0),
        paused_at: positive("paused_at"),
        by_itself: field_bool(m, "by_itself"),
        steps,
        checks,
        note: field_str(m, "note").unwrap_or_default(),
    }
}

/// An SOP's own edits; made only through `SharedDoc::as_sop`.
pub struct SopDoc<'a>(&'a mut SharedDoc);

impl SharedDoc {
    /// This document as an SOP, if it is one.
    pub fn as_sop(&mut self) -> Option<SopDoc<'_>> {
        (self.kind() == DocKind::Sop).then_some(SopDoc(self))
    }
}

impl SopDoc<'_> {
    /// The SOP as it is now.
    pub fn part(&self) -> SopPart {
        read(&hydrate_root(&self.0.doc))
    }

    /// One run, read without reading the whole SOP: ticking a step of an SOP with
    /// hundreds of runs re-reads only that run.
    pub fn run(&self, id: &str) -> Option<Run> {
        let obj = self.0.item("runs", id).ok()?;
        match automerge::ReadDoc::hydrate(&self.0.doc, &obj, None).ok()? {
            hydrate::Value::Map(m) => Some(read_run(id.to_owned(), &m)),
            _ => None,
        }
    }

    pub fn set_schedule(&mut self, schedule: &SopSchedule) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "schedule", &schedule.key())?;
        self.0.commit();
        Ok(())
    }

    pub fn set_task(&mut self, task: &str) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "task", &clip(task, 80))?;
        self.0.commit();
        Ok(())
    }

    /// Which tool runs it, its link and the steps it covers; an empty tool means none.
    pub fn set_automation(&mut self, a: &Automation) -> Result<()> {
        let link = if a.link.trim().is_empty() {
            String::new()
        } else {
            checked_link(&a.link).map_err(SharedError::BadLink)?
        };
        let doc = self.0.writable()?;
        let obj = match get_map(doc, &ROOT, "automation") {
            Some(obj) => obj,
            None => doc.put_object(ROOT, "automation", ObjType::Map)?,
        };
        set_str(doc, &obj, "tool", &clip(a.tool.trim(), 80))?;
        set_str(doc, &obj, "link", &link)?;
        set_str(doc, &obj, "covers", &a.covers.join(" "))?;
        self.0.commit();
        Ok(())
    }

    fn count(&self, list: &str) -> usize {
        items(&hydrate_root(&self.0.doc), list).len()
    }

    pub fn add_step(&mut self, me: &str, name: &str, now: i64, step: &Step) -> Result<String> {
        if self.count("steps") >= MAX_STEPS {
            return Err(SharedError::TooMany(MAX_STEPS));
        }
        let link = if step.link.trim().is_empty() {
            String::new()
        } else {
            checked_link(&step.link).map_err(SharedError::BadLink)?
        };
        let me_owned = me.to_owned();
        self.0.add_item("steps", me, name, now, |doc, obj| {
            doc.put(obj, "text", clip(step.text.trim(), MAX_LINE))?;
            doc.put(obj, "link", link)?;
            doc.put(obj, "capture", clip(&step.capture.key(), MAX_LINE))?;
            doc.put(obj, "minutes", i64::from(step.minutes.min(24 * 60)))?;
            doc.put(obj, "who", clip(&step.who.key(), 85))?;
            doc.put(obj, "rank", finite(step.rank))?;
            doc.put(obj, "edited_by", me_owned)?;
            doc.put(obj, "edited", now)?;
            Ok(())
        })
    }

    /// Writes a step's fields; only those that changed, so a teammate's edit of another
    /// field is kept.
    pub fn update_step(&mut self, me: &str, now: i64, step: &Step) -> Result<()> {
        let link = if step.link.trim().is_empty() {
            String::new()
        } else {
            checked_link(&step.link).map_err(SharedError::BadLink)?
        };
        let obj = self.0.item("steps", &step.id)?;
        let doc = self.0.writable()?;
        let mut changed = set_str(doc, &obj, "text", &clip(step.text.trim(), MAX_LINE))?;
        changed |= set_str(doc, &obj, "link", &link)?;
        changed |= set_str(doc, &obj, "capture", &clip(&step.capture.key(), MAX_LINE))?;
        changed |= set_i64(doc, &obj, "minutes", i64::from(step.minutes.min(24 * 60)))?;
        changed |= set_str(doc, &obj, "who", &clip(&step.who.key(), 85))?;
        if changed {
            set_str(doc, &obj, "edited_by", me)?;
            set_i64(doc, &obj, "edited", now)?;
        }
        self.0.commit();
        Ok(())
    }

    /// New ranks for steps (a move up or down, or a drag), in one change.
    pub fn rank_steps(&mut self, ranks: &[(String, f64)]) -> Result<()> {
        let objs = ranks
            .iter()
            .map(|(id, _)| self.0.item("steps", id))
            .collect::<Result<Vec<_>>>()?;
        let doc = self.0.writable()?;
        for (obj, (_, rank)) in objs.iter().zip(ranks) {
            doc.put(obj, "rank", finite(*rank))?;
        }
        self.0.commit();
        Ok(())
    }

    pub fn add_check(&mut self, me: &str, name: &str, now: i64, text: &str) -> Result<String> {
        if self.count("checks") >= MAX_STEPS {
            return Err(SharedError::TooMany(MAX_STEPS));
        }
        let text = clip(text.trim(), MAX_LINE);
        self.0.add_item("checks", me, name, now, |doc, obj| {
            doc.put(obj, "text", text)?;
            doc.put(obj, "rank", now as f64)?;
            Ok(())
        })
    }

    pub fn update_check(&mut self, id: &str, text: &str) -> Result<()> {
        let obj = self.0.item("checks", id)?;
        let doc = self.0.writable()?;
        set_str(doc, &obj, "text", &clip(text.trim(), MAX_LINE))?;
        self.0.commit();
        Ok(())
    }

    /// Starts a run as `me`, copying the steps and checks as they are now. It answers
    /// the occurrence waiting at `now`, if any. `by_itself`: the automation ran it, and
    /// it is finished at once.
    pub fn start_run(&mut self, me: &str, name: &str, now: i64, by_itself: bool) -> Result<String> {
        let part = self.part();
        let due = part.due_for(now).unwrap_or(0);
        let order: Vec<&str> = part.steps.iter().map(|s| s.id.as_str()).collect();
        let check_order: Vec<&str> = part.checks.iter().map(|c| c.id.as_str()).collect();
        self.0.add_item("runs", me, name, now, |doc, obj| {
            doc.put(obj, "started", now)?;
            doc.put(obj, "ended", if by_itself { now } else { 0 })?;
            doc.put(obj, "due", due)?;
            doc.put(obj, "paused_ms", 0)?;
            doc.put(obj, "paused_at", 0)?;
            doc.put(obj, "by_itself", by_itself)?;
            doc.put(obj, "note", "")?;
            doc.put(obj, "order", order.join(" "))?;
            doc.put(obj, "check_order", check_order.join(" "))?;
            // An unticked step or check is simply absent: a reply carrying a run
            // then carries only what was done.
            for step in &part.steps {
                doc.put(
                    obj,
                    format!("s|{}|text", step.id).as_str(),
                    step.text.as_str(),
                )?;
                if by_itself {
                    doc.put(obj, format!("s|{}|done", step.id).as_str(), true)?;
                }
            }
            for check in &part.checks {
                doc.put(
                    obj,
                    format!("c|{}|text", check.id).as_str(),
                    check.text.as_str(),
                )?;
                if by_itself {
                    doc.put(obj, format!("c|{}|ok", check.id).as_str(), true)?;
                }
            }
            Ok(())
        })
    }

    fn run_obj(&self, run: &str) -> Result<automerge::ObjId> {
        self.0.item("runs", run)
    }

    pub fn tick_step(&mut self, run: &str, step: &str, done: bool) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        doc.put(&obj, format!("s|{step}|done").as_str(), done)?;
        self.0.commit();
        Ok(())
    }

    pub fn set_step_value(&mut self, run: &str, step: &str, value: &str) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        set_str(
            doc,
            &obj,
            &format!("s|{step}|value"),
            &clip(value, MAX_VALUE),
        )?;
        self.0.commit();
        Ok(())
    }

    /// Starts or stops a step's timer; stopping adds the minutes since it started.
    pub fn time_step(&mut self, run: &str, step: &str, now: i64, on: bool) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        let timing_key = format!("s|{step}|timing");
        let since = get_i64(doc, &obj, &timing_key).filter(|n| *n > 0);
        match (on, since) {
            (true, None) => {
                doc.put(&obj, timing_key.as_str(), now)?;
            }
            (false, Some(since)) => {
                let minutes_key = format!("s|{step}|minutes");
                let before = get_i64(doc, &obj, &minutes_key).unwrap_or(0).max(0);
                let add = (now.saturating_sub(since).max(0) + 30_000) / 60_000;
                doc.put(
                    &obj,
                    minutes_key.as_str(),
                    before.saturating_add(add).min(10_000),
                )?;
                doc.put(&obj, timing_key.as_str(), 0)?;
            }
            _ => {}
        }
        self.0.commit();
        Ok(())
    }

    pub fn tick_check(&mut self, run: &str, check: &str, ok: bool) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        doc.put(&obj, format!("c|{check}|ok").as_str(), ok)?;
        self.0.commit();
        Ok(())
    }

    pub fn set_run_note(&mut self, run: &str, note: &str) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        set_str(doc, &obj, "note", &clip(note, MAX_TEXT))?;
        self.0.commit();
        Ok(())
    }

    /// Pauses a running run, or resumes a paused one.
    pub fn pause_run(&mut self, run: &str, now: i64, pause: bool) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        let paused_at = get_i64(doc, &obj, "paused_at").filter(|n| *n > 0);
        let ended = get_i64(doc, &obj, "ended").filter(|n| *n > 0);
        match (pause, paused_at, ended) {
            (true, None, None) => {
                doc.put(&obj, "paused_at", now)?;
            }
            (false, Some(since), _) => resume(doc, &obj, since, now)?,
            _ => {}
        }
        self.0.commit();
        Ok(())
    }

    /// Finishes a run (resuming it first if paused).
    pub fn finish_run(&mut self, run: &str, now: i64) -> Result<()> {
        let obj = self.run_obj(run)?;
        let doc = self.0.writable()?;
        if let Some(since) = get_i64(doc, &obj, "paused_at").filter(|n| *n > 0) {
            resume(doc, &obj, since, now)?;
        }
        if get_i64(doc, &obj, "ended").unwrap_or(0) <= 0 {
            doc.put(&obj, "ended", now)?;
        }
        self.0.commit();
        Ok(())
    }
}

fn resume(
    doc: &mut AutoCommit,
    obj: &automerge::ObjId,
    since: i64,
    now: i64,
) -> std::result::Result<(), AutomergeError> {
    let before = get_i64(doc, obj, "paused_ms").unwrap_or(0).max(0);
    doc.put(
        obj,
        "paused_ms",
        before.saturating_add(now.saturating_sub(since).max(0)),
    )?;
    doc.put(obj, "paused_at", 0)?;
    Ok(())
}

fn finite(rank: f64) -> f64 {
    if rank.is_finite() {
        rank
    } else {
        0.0
    }
}

/// The edits an SOP's screens make.
#[derive(Clone, Debug, PartialEq)]
pub enum SopEdit {
    SetSchedule(SopSchedule),
    SetTask(String),
    SetAutomation(Automation),
    /// A new step (its id is given by the document).
    AddStep(Step),
    UpdateStep(Step),
    RankSteps(Vec<(String, f64)>),
    AddCheck(String),
    UpdateCheck {
        id: String,
        text: String,
    },
    /// Starts a run as the writer; `by_itself` records a run the automation did alone.
    StartRun {
        by_itself: bool,
    },
    TickStep {
        run: String,
        step: String,
        done: bool,
    },
    SetStepValue {
        run: String,
        step: String,
        value: String,
    },
    TimeStep {
        run: String,
        step: String,
        on: bool,
    },
    TickCheck {
        run: String,
        check: String,
        ok: bool,
    },
    SetRunNote {
        run: String,
        note: String,
    },
    PauseRun {
        run: String,
        pause: bool,
    },
    FinishRun(String),
}

impl SopEdit {
    /// The run an edit changes, for edits inside one run (the hot path of running an
    /// SOP: only that run needs reading back).
    pub fn run(&self) -> Option<&str> {
        use SopEdit::*;
        match self {
            TickStep { run, .. }
            | SetStepValue { run, .. }
            | TimeStep { run, .. }
            | TickCheck { run, .. }
            | SetRunNote { run, .. }
            | PauseRun { run, .. }
            | FinishRun(run) => Some(run),
            SetSchedule(_)
            | SetTask(_)
            | SetAutomation(_)
            | AddStep(_)
            | UpdateStep(_)
            | RankSteps(_)
            | AddCheck(_)
            | UpdateCheck { .. }
            | StartRun { .. } => None,
        }
    }

    /// Whether others see it under the writer's name: a step, a check or a run.
    pub fn is_authored(&self) -> bool {
        use SopEdit::*;
        match self {
            AddStep(_) | AddCheck(_) | StartRun { .. } => true,
            SetSchedule(_)
            | SetTask(_)
            | SetAutomation(_)
            | UpdateStep(_)
            | RankSteps(_)
            | UpdateCheck { .. }
            | TickStep { .. }
            | SetStepValue { .. }
            | TimeStep { .. }
            | TickCheck { .. }
            | SetRunNote { .. }
            | PauseRun { .. }
            | FinishRun(_) => false,
        }
    }

    pub(super) fn apply(&self, mut doc: SopDoc<'_>, me: &str, name: &str, now: i64) -> Result<()> {
        use SopEdit::*;
        match self {
            SetSchedule(s) => doc.set_schedule(s),
            SetTask(t) => doc.set_task(t),
            SetAutomation(a) => doc.set_automation(a),
            AddStep(step) => doc.add_step(me, name, now, step).map(drop),
            UpdateStep(step) => doc.update_step(me, now, step),
            RankSteps(ranks) => doc.rank_steps(ranks),
            AddCheck(text) => doc.add_check(me, name, now, text).map(drop),
            UpdateCheck { id, text } => doc.update_check(id, text),
            StartRun { by_itself } => doc.start_run(me, name, now, *by_itself).map(drop),
            TickStep { run, step, done } => doc.tick_step(run, step, *done),
            SetStepValue { run, step, value } => doc.set_step_value(run, step, value),
            TimeStep { run, step, on } => doc.time_step(run, step, now, *on),
            TickCheck { run, check, ok } => doc.tick_check(run, check, *ok),
            SetRunNote { run, note } => doc.set_run_note(run, note),
            PauseRun { run, pause } => doc.pause_run(run, now, *pause),
            FinishRun(run) => doc.finish_run(run, now),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::codec::chunks::{check, Limits};
    use crate::model::shared::sop::{Cadence, Outcome};
    use crate::model::shared::ItemList;

    const MIN: i64 = 60_000;
    // Monday 30 November 2026, 09:00 UTC (09:00 in London).
    const MON: i64 = 1_796_029_200_000;

    fn step(text: &str, minutes: u32, rank: f64) -> Step {
        Step {
            text: text.into(),
            minutes,
            rank,
            ..Step::default()
        }
    }

    fn sop() -> SharedDoc {
        let mut d = SharedDoc::create_kind(DocKind::Sop, "ana", "Ana", "Invoices", MON - 60 * MIN);
        let mut s = d.as_sop().unwrap();
        s.set_schedule(&SopSchedule {
            cadence: Cadence::Workdays,
            minute: 9 * 60,
            zone: "Europe/London".into(),
        })
        .unwrap();
        s.add_step("ana", "Ana", 1, &step("Export the hours", 10, 1.0))
            .unwrap();
        s.add_step("ana", "Ana", 2, &step("Send the invoice", 5, 2.0))
            .unwrap();
        s.add_check("ana", "Ana", 3, "Invoice attached").unwrap();
        d
    }

    #[test]
    fn a_run_keeps_its_text_pauses_on_one_device_and_resumes_on_another() {
        let mut owner = sop();
        let mut ben = SharedDoc::from_stored(&owner.save()).unwrap();
        let run = ben
            .as_sop()
            .unwrap()
            .start_run("ben", "Ben", MON + 5 * MIN, false)
            .unwrap();
        let steps = ben.as_sop().unwrap().part().steps;
        let mut sop = ben.as_sop().unwrap();
        sop.tick_step(&run, &steps[0].id, true).unwrap();
        sop.time_step(&run, &steps[1].id, MON + 6 * MIN, true)
            .unwrap();
        sop.time_step(&run, &steps[1].id, MON + 9 * MIN, false)
            .unwrap();
        sop.set_step_value(&run, &steps[1].id, "INV-042").unwrap();
        sop.pause_run(&run, MON + 10 * MIN, true).unwrap();
        // Ben's laptop carries the run to his phone, which resumes and finishes it.
        let mut phone = SharedDoc::from_stored(&ben.save()).unwrap();
        let mut sop = phone.as_sop().unwrap();
        sop.pause_run(&run, MON + 70 * MIN, false).unwrap();
        let check_id = sop.part().checks[0].id.clone();
        sop.tick_check(&run, &check_id, true).unwrap();
        sop.finish_run(&run, MON + 80 * MIN).unwrap();
        // Meanwhile the owner rewrites step one.
        let mut edited = steps[0].clone();
        edited.text = "Export last week's hours".into();
        owner
            .as_sop()
            .unwrap()
            .update_step("ana", MON + 30 * MIN, &edited)
            .unwrap();
        let heads = owner.heads();
        let reply = phone.changes_for(&[heads]);
        assert!(owner
            .apply_changes(check(&reply, Limits::SHARED).unwrap())
            .unwrap());
        let state = owner.state();
        let part = state.sop();
        assert_eq!(part.steps[0].text, "Export last week's hours");
        assert_eq!(part.steps[0].edited_by, "ana");
        let r = part.run(&run).unwrap();
        assert_eq!(r.by, "ben");
        let texts: Vec<&str> = r.steps_in_order().map(|(_, s)| s.text.as_str()).collect();
        assert_eq!(texts, ["Export the hours", "Send the invoice"], "as it ran");
        assert_eq!(r.step(&steps[1].id).unwrap().minutes, Some(3));
        assert_eq!(r.step(&steps[1].id).unwrap().value, "INV-042");
        assert_eq!(r.paused_ms, 60 * MIN);
        assert_eq!(r.minutes(), Some(15), "80 minutes less an hour paused");
        assert_eq!(r.due, Some(MON));
        assert!(!r.failed_checks());
        assert_eq!(part.outcome(r), Outcome::OnTime, "15 minutes expected");
        assert_eq!(part.runs_by_others(MON, MON + 100 * MIN), 1);
        assert_eq!(state.name_of("ben"), "Ben");
        assert_eq!(owner.as_sop().unwrap().run(&run).as_ref(), Some(r));
        assert_eq!(owner.as_sop().unwrap().run("nope"), None);
    }

    #[test]
    fn a_run_the_automation_did_is_finished_at_once_and_counts_as_freed() {
        let mut d = sop();
        d.as_sop()
            .unwrap()
            .set_automation(&Automation {
                tool: "Zapier".into(),
                link: "https://zapier.com/app/zaps/1".into(),
                covers: vec![],
            })
            .unwrap();
        assert!(d
            .as_sop()
            .unwrap()
            .set_automation(&Automation {
                tool: "Zapier".into(),
                link: "javascript:alert(1)".into(),
                covers: vec![],
            })
            .is_err());
        d.as_sop()
            .unwrap()
            .start_run("ana", "Ana", MON + MIN, true)
            .unwrap();
        let part = d.state().sop().clone();
        assert_eq!(part.automation.as_ref().unwrap().tool, "Zapier");
        let r = &part.runs[0];
        assert!(r.by_itself && r.ended == Some(MON + MIN));
        assert!(r.steps.iter().all(|s| s.done));
        assert_eq!(part.runs_by_others(MON, MON + 2 * MIN), 1);
        assert_eq!(part.outcome(r), Outcome::OnTime);
    }

    #[test]
    fn steps_reorder_delete_and_refuse_bad_links_and_other_kinds() {
        let mut d = sop();
        let steps = d.as_sop().unwrap().part().steps;
        d.as_sop()
            .unwrap()
            .rank_steps(&[(steps[0].id.clone(), 3.0)])
            .unwrap();
        let order: Vec<String> = d
            .state()
            .sop()
            .steps
            .iter()
            .map(|s| s.text.clone())
            .collect();
        assert_eq!(order, ["Send the invoice", "Export the hours"]);
        d.set_gone(ItemList::Steps, &steps[1].id, true).unwrap();
        assert_eq!(d.state().sop().steps.len(), 1);
        let mut bad = step("Open", 1, 0.0);
        bad.link = "data:text/html,x".into();
        assert!(d.as_sop().unwrap().add_step("ana", "Ana", 1, &bad).is_err());
        let mut board = SharedDoc::create_kind(DocKind::Board, "ana", "Ana", "Team", 1);
        let before = board.save();
        assert!(matches!(
            crate::doc::shared::SharedEdit::from(SopEdit::StartRun { by_itself: false })
                .apply(&mut board, "ana", "Ana", 2),
            Err(SharedError::OtherKind { .. })
        ));
        assert_eq!(board.save(), before);
        assert!(d.as_sop().is_some() && board.as_sop().is_none());
    }
}
