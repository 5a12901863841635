//! A standard operating procedure as plain values: its purpose, when it runs, what
//! 'done' means (the output and the quality checks ticked at the end of every run), its
//! steps and who does each, what an automation covers, and its runs; and the arithmetic
//! read off it: when it is next due on the owner's wall clock, which runs were on time,
//! late or missed, the median duration against the expected minutes, and how often the
//! quality checks failed.
//!
//! Decisions where the framework is silent:
//! - A scheduled run is due at its time on the owner's wall clock (09:00 in London is
//!   09:00 GMT in winter and BST in summer); a time inside a clock-change gap is the
//!   moment the clocks jump to, and a monthly day a month lacks (the 31st in April) is
//!   that month's last day.
//! - A run answers the occurrence it was started for. It is on time when it finishes
//!   within the expected minutes after that occurrence (or, started late, within the
//!   expected minutes after it started, as long as it started within the grace period),
//!   late when it finishes after that, and an occurrence no run was started for within
//!   the grace period (a day) is missed.
//! - A run's duration is the time from its start to its end less the time it was paused,
//!   so a run paused overnight and resumed on another device counts only the work.

use crate::model::zone::Zone;
use chrono::{Datelike, Duration, TimeZone, Utc};
use std::fmt::Write as _;

use super::envelope::{one_line, Envelope, PersonId};
use super::news::News;
use crate::model::order;
use crate::model::reminder::month_length;
use crate::model::zones::{local_clock, local_instant};

/// How long after its time an occurrence may still be started before it counts as
/// missed.
pub const GRACE_MS: i64 = 24 * 60 * 60 * 1000;

/// How often an SOP runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Cadence {
    /// Only when someone starts it.
    #[default]
    OnDemand,
    /// Monday to Friday.
    Workdays,
    /// On the weekdays set in the mask: bit 0 is Monday … bit 6 Sunday.
    Weekly(u8),
    /// On a day of the month, 1–31; a month without that day uses its last day.
    Monthly(u8),
}

/// When an SOP runs: a cadence at a time on the wall clock of the owner's zone.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SopSchedule {
    pub cadence: Cadence,
    /// Minutes after local midnight.
    pub minute: u32,
    /// The IANA zone the schedule keeps to.
    pub zone: String,
}

impl SopSchedule {
    /// Reads the stored form, "weekly 21 540 Europe/London" (cadence, its number, the
    /// minute, the zone) or "demand". Anything unreadable runs on demand.
    pub fn parse(value: &str) -> SopSchedule {
        let mut parts = value.split(' ');
        let read = || -> Option<SopSchedule> {
            let mut parts = value.split(' ');
            let kind = parts.next()?;
            let n: u8 = parts.next()?.parse().ok()?;
            let minute: u32 = parts.next()?.parse().ok().filter(|m| *m < 24 * 60)?;
            let zone = parts.next()?;
            zone.parse::<Zone>().ok()?;
            let cadence = match kind {
                "workdays" => Cadence::Workdays,
                "weekly" if n > 0 && n < 0x80 => Cadence::Weekly(n),
                "monthly" if (1..=31).contains(&n) => Cadence::Monthly(n),
                _ => return None,
            };
            parts.next().is_none().then(|| SopSchedule {
                cadence,
                minute,
                zone: zone.to_owned(),
            })
        };
        match parts.next() {
            Some("demand") | None => SopSchedule::default(),
            Some(_) => read().unwrap_or_default(),
        }
    }

    /// The stored form (see `parse`).
    pub fn key(&self) -> String {
        let (kind, n) = match self.cadence {
            Cadence::OnDemand => return "demand".to_owned(),
            Cadence::Workdays => ("workdays", 0),
            Cadence::Weekly(mask) => ("weekly", mask),
            Cadence::Monthly(day) => ("monthly", day),
        };
        format!("{kind} {n} {} {}", self.minute, self.zone)
    }

    /// When it runs, in words, without the time: "Every working day", "Mondays and
    /// Thursdays", "Monthly on day 31", "When needed".
    pub fn days_in_words(&self) -> String {
        const DAYS: [&str; 7] = [
            "Mondays",
            "Tuesdays",
            "Wednesdays",
            "Thursdays",
            "Fridays",
            "Saturdays",
            "Sundays",
        ];
        match self.cadence {
            Cadence::OnDemand => "When needed".to_owned(),
            Cadence::Workdays => "Every working day".to_owned(),
            Cadence::Weekly(mask) => {
                let days: Vec<String> = (0..7)
                    .filter(|d| mask & (1 << d) != 0)
                    .map(|d| DAYS[d].to_owned())
                    .collect();
                super::envelope::join_and(&days)
            }
            Cadence::Monthly(day) => format!("Monthly on day {day}"),
        }
    }

    /// In words, on the owner's clock, for exports: "Every working day at 09:00" (the
    /// screens format the time in the reader's locale).
    pub fn describe(&self) -> String {
        match self.cadence {
            Cadence::OnDemand => self.days_in_words(),
            _ => format!(
                "{} at {:02}:{:02}",
                self.days_in_words(),
                self.minute / 60,
                self.minute % 60
            ),
        }
    }

    /// Whether the schedule falls on `date` (a date on the owner's wall clock).
    pub fn falls_on(&self, date: chrono::NaiveDate) -> bool {
        let weekday = date.weekday().num_days_from_monday();
        match self.cadence {
            Cadence::OnDemand => false,
            Cadence::Workdays => weekday < 5,
            Cadence::Weekly(mask) => mask & (1 << weekday) != 0,
            Cadence::Monthly(day) => date.day() == u32::from(day).min(month_length(date)),
        }
    }

    /// The occurrences in `[from, to)` (UTC ms), oldest first; at most `limit`.
    pub fn occurrences(&self, from: i64, to: i64, limit: usize) -> Vec<i64> {
        let (Ok(tz), Some(start)) = (
            self.zone.parse::<Zone>(),
            Utc.timestamp_millis_opt(from).single(),
        ) else {
            return Vec::new();
        };
        if self.cadence == Cadence::OnDemand || to <= from {
            return Vec::new();
        }
        // A day earlier than `from`'s date: the zone's date may lag UTC's.
        let (first, _) = local_clock(tz, start - Duration::days(1));
        let mut out = Vec::new();
        let mut date = first;
        while out.len() < limit {
            let at = local_instant(tz, date, self.minute).timestamp_millis();
            if at >= to {
                break;
            }
            if at >= from && self.falls_on(date) {
                out.push(at);
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        out
    }

    /// The first occurrence strictly after `after` (UTC ms), if it runs on a schedule.
    pub fn next_after(&self, after: i64) -> Option<i64> {
        // Two months covers every cadence, a 31st after a short month included.
        let horizon = after.saturating_add(63 * 24 * 60 * 60 * 1000);
        self.occurrences(after.saturating_add(1), horizon, 1)
            .first()
            .copied()
    }
}

/// Who does a step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Performer {
    #[default]
    Owner,
    Delegate,
    /// A role by name ("Bookkeeper").
    Role(String),
}

impl Performer {
    /// The stored form: "owner", "delegate" or "role:<name>".
    pub fn key(&self) -> String {
        match self {
            Performer::Owner => "owner".into(),
            Performer::Delegate => "delegate".into(),
            Performer::Role(name) => format!("role:{name}"),
        }
    }

    /// Reads the stored form; anything unknown is the owner's.
    pub fn parse(value: &str) -> Performer {
        match value {
            "delegate" => Performer::Delegate,
            other => match other.strip_prefix("role:") {
                Some(name) if !name.trim().is_empty() => Performer::Role(name.trim().to_owned()),
                _ => Performer::Owner,
            },
        }
    }

    pub fn label(&self) -> String {
        match self {
            Performer::Owner => "Owner".into(),
            Performer::Delegate => "Delegate".into(),
            Performer::Role(name) => name.clone(),
        }
    }
}

/// What a step asks the runner to capture.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Capture {
    #[default]
    Nothing,
    Text,
    Number,
    YesNo,
    Date,
    /// One of these answers.
    Choice(Vec<String>),
}

impl Capture {
    /// The stored form: "", "text", "number", "yesno", "date", or "choice:a|b|c".
    pub fn key(&self) -> String {
        match self {
            Capture::Nothing => String::new(),
            Capture::Text => "text".into(),
            Capture::Number => "number".into(),
            Capture::YesNo => "yesno".into(),
            Capture::Date => "date".into(),
            Capture::Choice(options) => format!("choice:{}", options.join("|")),
        }
    }

    /// Reads the stored form; anything unknown captures nothing.
    pub fn parse(value: &str) -> Capture {
        match value {
            "text" => Capture::Text,
            "number" => Capture::Number,
            "yesno" => Capture::YesNo,
            "date" => Capture::Date,
            other => match other.strip_prefix("choice:") {
                Some(list) => {
                    let options: Vec<String> = list
                        .split('|')
                        .map(|o| o.trim().to_owned())
                        .filter(|o| !o.is_empty())
                        .collect();
                    if options.is_empty() {
                        Capture::Nothing
                    } else {
                        Capture::Choice(options)
                    }
                }
                None => Capture::Nothing,
            },
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Capture::Nothing => "Nothing",
            Capture::Text => "Short text",
            Capture::Number => "A number",
            Capture::YesNo => "Yes or no",
            Capture::Date => "A date",
            Capture::Choice(_) => "A choice",
        }
    }
}

/// One step of an SOP.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Step {
    pub id: String,
    pub text: String,
    /// An http(s) link, or empty.
    pub link: String,
    pub capture: Capture,
    /// Minutes it is expected to take.
    pub minutes: u32,
    pub who: Performer,
    /// Where it sits: smaller first, ties by id.
    pub rank: f64,
    /// Who last changed it and when (UTC ms), for 'changed since you last looked'.
    pub edited_by: PersonId,
    pub edited: i64,
}

/// A quality check ticked at the end of every run.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Check {
    pub id: String,
    pub text: String,
}

/// What an automation does for the SOP, when its decision is to automate.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Automation {
    pub tool: String,
    /// An http(s) link to the automation, or empty.
    pub link: String,
    /// The ids of the steps it covers.
    pub covers: Vec<String>,
}

/// One step as a run went through it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RunStep {
    /// The SOP's step id.
    pub id: String,
    /// The step's text as it was when the run reached it: editing the SOP later never
    /// rewrites an old run.
    pub text: String,
    pub done: bool,
    /// What was captured, as typed.
    pub value: String,
    /// Minutes the step timer measured, when the runner used it.
    pub minutes: Option<u32>,
    /// Since when the step timer runs (UTC ms), while it runs.
    pub timing: Option<i64>,
}

/// One run of an SOP.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Run {
    pub id: String,
    pub by: PersonId,
    pub started: i64,
    pub ended: Option<i64>,
    /// The occurrence it answers (UTC ms); `None` for a run started on demand.
    pub due: Option<i64>,
    /// Milliseconds spent paused, and since when it is paused now.
    pub paused_ms: i64,
    pub paused_at: Option<i64>,
    /// Done by the automation on its own.
    pub by_itself: bool,
    /// The steps in the order the SOP had when the run started. (Lists, not maps by
    /// id: a run holds a few dozen, and a map type of its own costs kilobytes of wasm.)
    pub steps: Vec<RunStep>,
    /// The quality checks as they were when the run started, and whether each passed.
    pub checks: Vec<RunCheck>,
    pub note: String,
}

/// A quality check as a run saw it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RunCheck {
    pub id: String,
    pub text: String,
    pub ok: bool,
}

impl Run {
    /// Minutes of work: start to end, less the time paused. `None` while running.
    pub fn minutes(&self) -> Option<u32> {
        let ended = self.ended?;
        let ms = ended
            .saturating_sub(self.started)
            .saturating_sub(self.paused_ms.max(0))
            .max(0);
        u32::try_from(ms / 60_000).ok()
    }

    /// Whether any quality check the run copied was left unticked.
    pub fn failed_checks(&self) -> bool {
        self.checks.iter().any(|c| !c.ok)
    }

    pub fn step(&self, id: &str) -> Option<&RunStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The run's steps in order, as it saw them, with their ids.
    pub fn steps_in_order(&self) -> impl Iterator<Item = (&String, &RunStep)> {
        self.steps.iter().map(|s| (&s.id, s))
    }

    /// The run in lines of words, for its details: each step as it saw it (done or
    /// not, what was recorded, minutes timed), each quality check, who ran it, its note.
    pub fn details(&self) -> Vec<String> {
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        let mut out: Vec<String> = self
            .steps_in_order()
            .map(|(_, st)| {
                let mut line = format!("{} {}", mark(st.done), st.text);
                if !st.value.is_empty() {
                    let _ = write!(line, ": {}", st.value);
                }
                if let Some(m) = st.minutes {
                    let _ = write!(line, " ({m} min)");
                }
                line
            })
            .collect();
        for c in &self.checks {
            out.push(format!("{} Check: {}", mark(c.ok), c.text));
        }
        if self.by_itself {
            out.push("Ran by itself (the automation).".into());
        }
        if !self.note.trim().is_empty() {
            out.push(format!("Note: {}", self.note.trim()));
        }
        out
    }

    /// Whether it is paused now.
    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some() && self.ended.is_none()
    }
}

/// How a run, or an occurrence no run answered, went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Started on demand and finished.
    Done,
    OnTime,
    Late,
    /// No run was started within the grace period.
    Missed,
    /// Started and not finished yet.
    Running,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Done => "Done",
            Outcome::OnTime => "On time",
            Outcome::Late => "Late",
            Outcome::Missed => "Missed",
            Outcome::Running => "In progress",
        }
    }
}

/// A line of an SOP's history: a run, or an occurrence that was missed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryLine {
    /// The run's id; `None` for a missed occurrence.
    pub run: Option<String>,
    /// When it started, or when the missed occurrence was due.
    pub at: i64,
    pub by: Option<PersonId>,
    pub minutes: Option<u32>,
    pub outcome: Outcome,
}

/// An SOP's own part.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SopPart {
    /// Why it exists.
    pub purpose: String,
    /// What 'done' means: the output of a run.
    pub output: String,
    pub schedule: SopSchedule,
    /// In order.
    pub steps: Vec<Step>,
    pub checks: Vec<Check>,
    pub automation: Option<Automation>,
    /// The task it came from, if any (a task id in the owner's personal document).
    pub task: String,
    /// Oldest first.
    pub runs: Vec<Run>,
    /// The document's owner, copied from the envelope when read, so runs by others can
    /// be told apart.
    pub owner: PersonId,
}

impl SopPart {
    /// Nothing yet: what a screen of another kind reads.
    pub const EMPTY: SopPart = SopPart {
        purpose: String::new(),
        output: String::new(),
        schedule: SopSchedule {
            cadence: Cadence::OnDemand,
            minute: 0,
            zone: String::new(),
        },
        steps: Vec::new(),
        checks: Vec::new(),
        automation: None,
        task: String::new(),
        runs: Vec::new(),
        owner: String::new(),
    };

    /// The minutes the steps are expected to take in all.
    pub fn expected_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }

    pub fn run(&self, id: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.id == id)
    }

    /// How a run went, at `now`.
    pub fn outcome(&self, run: &Run) -> Outcome {
        let Some(ended) = run.ended else {
            return Outcome::Running;
        };
        let Some(due) = run.due else {
            return Outcome::Done;
        };
        let expected = i64::from(self.expected_minutes()) * 60_000;
        // Started within the grace period: it has the expected minutes from its start.
        let from = if run.started <= due.saturating_add(GRACE_MS) {
            run.started.max(due)
        } else {
            due
        };
        let allowed = from
            .saturating_add(expected)
            .saturating_add(run.paused_ms.max(0));
        if ended <= allowed {
            Outcome::OnTime
        } else {
            Outcome::Late
        }
    }

    /// The occurrence a run started at `at` answers: the latest one at or before `at`
    /// (within the grace period) that no other run answers yet, else `None` (on demand).
    pub fn due_for(&self, at: i64) -> Option<i64> {
        let answered: Vec<i64> = self.runs.iter().filter_map(|r| r.due).collect();
        self.schedule
            .occurrences(at.saturating_sub(GRACE_MS), at.saturating_add(1), 64)
            .into_iter()
            .rev()
            .find(|due| !answered.contains(due))
    }

    /// Every run and every missed occurrence since the SOP's first run or `since`,
    /// newest first.
    pub fn history(&self, since: i64, now: i64) -> Vec<HistoryLine> {
        let mut lines: Vec<HistoryLine> = self
            .runs
            .iter()
            .map(|r| HistoryLine {
                run: Some(r.id.clone()),
                at: r.started,
                by: Some(r.by.clone()),
                minutes: r.minutes(),
                outcome: self.outcome(r),
            })
            .collect();
        let answered: Vec<i64> = self.runs.iter().filter_map(|r| r.due).collect();
        let until = now.saturating_sub(GRACE_MS);
        for due in self.schedule.occurrences(since, until, 400) {
            if !answered.contains(&due) {
                lines.push(HistoryLine {
                    run: None,
                    at: due,
                    by: None,
                    minutes: None,
                    outcome: Outcome::Missed,
                });
            }
        }
        order::sort_by(&mut lines, |a, b| b.at.cmp(&a.at).then(a.run.cmp(&b.run)));
        lines
    }

    /// The median minutes of the last `n` finished runs, newest first by end.
    pub fn median_minutes(&self, n: usize) -> Option<u32> {
        let mut finished: Vec<&Run> = self.runs.iter().filter(|r| r.ended.is_some()).collect();
        order::sort_by(&mut finished, |a, b| b.ended.cmp(&a.ended));
        let mut minutes: Vec<u32> = finished
            .iter()
            .take(n)
            .filter_map(|r| r.minutes())
            .collect();
        if minutes.is_empty() {
            return None;
        }
        order::sort(&mut minutes);
        let mid = minutes.len() / 2;
        Some(if minutes.len() % 2 == 1 {
            minutes[mid]
        } else {
            (minutes[mid - 1] + minutes[mid]).div_ceil(2)
        })
    }

    /// The SOP without its runs: what its editor, reader and printed checklist show, so
    /// a screen keyed on it is not drawn again at each tick of a run.
    pub fn procedure(&self) -> SopPart {
        SopPart {
            purpose: self.purpose.clone(),
            output: self.output.clone(),
            schedule: self.schedule.clone(),
            steps: self.steps.clone(),
            checks: self.checks.clone(),
            automation: self.automation.clone(),
            task: self.task.clone(),
            runs: Vec::new(),
            owner: self.owner.clone(),
        }
    }

    /// The SOP without what happens inside runs (their steps, values, notes), each run's
    /// checks folded into one that passed or failed: what the history and its
    /// figures are read from. Ticking a step changes nothing in it, so a screen keyed
    /// on it does not work the history out again at each tick.
    pub fn outline(&self) -> SopPart {
        SopPart {
            runs: self
                .runs
                .iter()
                .map(|r| Run {
                    id: r.id.clone(),
                    by: r.by.clone(),
                    started: r.started,
                    ended: r.ended,
                    due: r.due,
                    paused_ms: r.paused_ms,
                    paused_at: r.paused_at,
                    by_itself: r.by_itself,
                    checks: vec![RunCheck {
                        ok: r.ended.is_none() || !r.failed_checks(),
                        ..RunCheck::default()
                    }],
                    ..Run::default()
                })
                .collect(),
            checks: Vec::new(),
            steps: self
                .steps
                .iter()
                .map(|st| Step {
                    id: st.id.clone(),
                    minutes: st.minutes,
                    ..Step::default()
                })
                .collect(),
            purpose: String::new(),
            output: String::new(),
            schedule: self.schedule.clone(),
            automation: None,
            task: String::new(),
            owner: self.owner.clone(),
        }
    }

    /// The ranks that put step `id` at `to` (0-based) in the list: every step numbered
    /// afresh, so steps of equal rank (added on two devices at once) come apart. Empty
    /// when nothing moves.
    pub fn moved_to(&self, id: &str, to: usize) -> Vec<(String, f64)> {
        let mut ids: Vec<&str> = self.steps.iter().map(|s| s.id.as_str()).collect();
        let Some(from) = ids.iter().position(|s| *s == id) else {
            return Vec::new();
        };
        let to = to.min(ids.len() - 1);
        if from == to {
            return Vec::new();
        }
        let moved = ids.remove(from);
        ids.insert(to, moved);
        ids.into_iter()
            .enumerate()
            .map(|(n, id)| (id.to_owned(), n as f64 + 1.0))
            .collect()
    }

    /// The rank for a step added at the end.
    pub fn rank_at_end(&self) -> f64 {
        self.steps.iter().map(|s| s.rank).fold(0.0, f64::max) + 1.0
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The occurrence waiting for a run now: due, within its grace period, and not
    /// answered by any run.
    pub fn waiting(&self, now: i64) -> Option<i64> {
        self.due_for(now)
    }

    /// Finished runs in `[from, to)` that took the work off the owner: run by someone
    /// else, or by the automation on its own.
    pub fn runs_by_others(&self, from: i64, to: i64) -> usize {
        self.runs
            .iter()
            .filter(|r| r.ended.is_some_and(|e| e >= from && e < to))
            .filter(|r| r.by_itself || (!r.by.is_empty() && r.by != self.owner))
            .count()
    }

    /// What arrived in `self` since `old`: runs others finished, steps others changed.
    pub fn news_since(&self, old: &SopPart, me: &str, news: &mut News) {
        for run in &self.runs {
            let was_finished = old.run(&run.id).is_some_and(|r| r.ended.is_some());
            if run.by != me && run.ended.is_some() && !was_finished {
                news.runs.insert(run.id.clone());
                news.count(&run.by, |n| &mut n.runs);
            }
        }
        for step in &self.steps {
            let changed = match old.step(&step.id) {
                None => true,
                Some(was) => {
                    (&was.text, &was.link, was.minutes, &was.capture, &was.who)
                        != (
                            &step.text,
                            &step.link,
                            step.minutes,
                            &step.capture,
                            &step.who,
                        )
                }
            };
            if changed && !step.edited_by.is_empty() && step.edited_by != me {
                news.steps.insert(step.id.clone());
                news.count(&step.edited_by, |n| &mut n.step_changes);
            }
        }
    }

    /// Of the finished runs, how many left a quality check unticked, and how many there
    /// were.
    pub fn failed_checks(&self) -> (usize, usize) {
        let finished: Vec<&Run> = self.runs.iter().filter(|r| r.ended.is_some()).collect();
        let failed = finished.iter().filter(|r| r.failed_checks()).count();
        (failed, finished.len())
    }
}

/// The SOP as Markdown: a checklist to print or paste into a wiki.
pub fn markdown(state: &Envelope, sop: &SopPart) -> String {
    let mut md = format!("# {}\n\n", one_line(state.title_or("SOP")));
    if !sop.purpose.trim().is_empty() {
        let _ = write!(md, "{}\n\n", sop.purpose.trim());
    }
    let mut when = sop.schedule.describe();
    if sop.schedule.cadence != Cadence::OnDemand {
        let _ = write!(when, " ({})", sop.schedule.zone);
    }
    let _ = writeln!(md, "- Runs: {when}");
    let _ = writeln!(md, "- Expected time: {} minutes", sop.expected_minutes());
    if !sop.output.trim().is_empty() {
        let _ = writeln!(md, "- Done means: {}", one_line(&sop.output));
    }
    md.push_str("\n## Steps\n\n");
    for (n, step) in sop.steps.iter().enumerate() {
        let _ = writeln!(
            md,
            "{}. [ ] {} ({} min, {})",
            n + 1,
            one_line(&step.text),
            step.minutes,
            step.who.label()
        );
        if !step.link.is_empty() {
            let _ = writeln!(md, "   - Link: <{}>", step.link);
        }
        if step.capture != Capture::Nothing {
            let _ = writeln!(md, "   - Record: {}", step.capture.label());
        }
    }
    if !sop.checks.is_empty() {
        md.push_str("\n## Quality checks\n\n");
        for check in &sop.checks {
            let _ = writeln!(md, "- [ ] {}", one_line(&check.text));
        }
    }
    if let Some(a) = &sop.automation {
        let _ = writeln!(md, "\n## Automation\n\n- Tool: {}", one_line(&a.tool));
        if !a.link.is_empty() {
            let _ = writeln!(md, "- Link: <{}>", a.link);
        }
        let covered: Vec<String> = sop
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| a.covers.contains(&s.id))
            .map(|(n, _)| (n + 1).to_string())
            .collect();
        if !covered.is_empty() {
            let _ = writeln!(md, "- Covers steps {}", covered.join(", "));
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn schedule(cadence: Cadence, minute: u32, zone: &str) -> SopSchedule {
        SopSchedule {
            cadence,
            minute,
            zone: zone.into(),
        }
    }

    #[test]
    fn the_stored_form_reads_back_and_anything_else_runs_on_demand() {
        for s in [
            schedule(Cadence::Workdays, 540, "Europe/London"),
            schedule(Cadence::Weekly(0b0010101), 600, "Asia/Manila"),
            schedule(Cadence::Monthly(31), 1020, "America/New_York"),
            SopSchedule::default(),
        ] {
            assert_eq!(SopSchedule::parse(&s.key()), s, "{}", s.key());
        }
        for bad in [
            "",
            "weekly 0 540 Europe/London",
            "weekly 128 540 Europe/London",
            "monthly 32 540 Europe/London",
            "workdays 0 1440 Europe/London",
            "workdays 0 540 Mars/Olympus",
            "workdays 0 540 Europe/London extra",
        ] {
            assert_eq!(SopSchedule::parse(bad), SopSchedule::default(), "{bad}");
        }
    }

    #[test]
    fn working_days_keep_the_wall_clock_across_the_clock_change() {
        let s = schedule(Cadence::Workdays, 9 * 60, "Europe/London");
        // Friday 27 March 2026 09:00 GMT; the clocks go forward on Sunday 29 March, so
        // Monday's 09:00 is 08:00 UTC.
        let friday = at(2026, 3, 27, 9, 0);
        assert_eq!(s.next_after(friday - 1), Some(friday));
        assert_eq!(s.next_after(friday), Some(at(2026, 3, 30, 8, 0)));
        let week = s.occurrences(at(2026, 3, 28, 0, 0), at(2026, 4, 4, 0, 0), 10);
        assert_eq!(week.len(), 5);
        assert!(week
            .iter()
            .all(|t| (t - at(2026, 3, 30, 8, 0)) % (24 * HOUR) == 0));
    }

    #[test]
    fn a_time_inside_the_spring_gap_is_when_the_clocks_jump_to() {
        // Every Sunday at 02:30 in New York; 8 March 2026 has no 02:30 (02:00 → 03:00 EDT).
        let s = schedule(Cadence::Weekly(1 << 6), 150, "America/New_York");
        let next = s.next_after(at(2026, 3, 7, 12, 0)).unwrap();
        assert_eq!(next, at(2026, 3, 8, 7, 0), "03:00 EDT");
        // A week later it is 02:30 EDT again.
        assert_eq!(s.next_after(next), Some(at(2026, 3, 15, 6, 30)));
    }

    #[test]
    fn the_31st_falls_on_the_last_day_of_shorter_months() {
        let s = schedule(Cadence::Monthly(31), 17 * 60, "Asia/Manila");
        let dates: Vec<i64> = s.occurrences(at(2026, 1, 1, 0, 0), at(2026, 5, 1, 0, 0), 10);
        // 17:00 in Manila (UTC+8) is 09:00 UTC.
        assert_eq!(
            dates,
            [
                at(2026, 1, 31, 9, 0),
                at(2026, 2, 28, 9, 0),
                at(2026, 3, 31, 9, 0),
                at(2026, 4, 30, 9, 0)
            ]
        );
        assert_eq!(
            schedule(Cadence::Monthly(29), 0, "UTC").next_after(at(2028, 2, 1, 0, 0)),
            Some(at(2028, 2, 29, 0, 0)),
            "a leap year keeps the 29th"
        );
        assert_eq!(SopSchedule::default().next_after(0), None);
    }

    fn sop() -> SopPart {
        SopPart {
            schedule: schedule(Cadence::Workdays, 9 * 60, "Europe/London"),
            steps: vec![
                Step {
                    id: "s1".into(),
                    minutes: 10,
                    ..Step::default()
                },
                Step {
                    id: "s2".into(),
                    minutes: 20,
                    ..Step::default()
                },
            ],
            checks: vec![Check {
                id: "c1".into(),
                text: "Invoice attached".into(),
            }],
            ..SopPart::default()
        }
    }

    fn run(id: &str, due: Option<i64>, started: i64, minutes: i64) -> Run {
        Run {
            id: id.into(),
            by: "ben".into(),
            due,
            started,
            ended: Some(started + minutes * MIN),
            ..Run::default()
        }
    }

    #[test]
    fn on_time_late_and_missed() {
        let mut s = sop();
        assert_eq!(s.expected_minutes(), 30);
        let mon = at(2026, 11, 30, 9, 0);
        let tue = mon + 24 * HOUR;
        let wed = tue + 24 * HOUR;
        // Monday: started 10 minutes late, 25 minutes of work: on time (30 from its start).
        s.runs.push(run("r1", Some(mon), mon + 10 * MIN, 25));
        // Tuesday: 45 minutes of work: late.
        s.runs.push(run("r2", Some(tue), tue, 45));
        // Tuesday's run paused for an hour, 30 minutes of work: on time.
        let mut r3 = run("r3", Some(wed), wed, 90);
        r3.paused_ms = HOUR;
        s.runs.push(r3);
        // On demand.
        s.runs.push(run("r4", None, wed + 3 * HOUR, 5));
        let out: Vec<Outcome> = s.runs.iter().map(|r| s.outcome(r)).collect();
        assert_eq!(
            out,
            [
                Outcome::OnTime,
                Outcome::Late,
                Outcome::OnTime,
                Outcome::Done
            ]
        );
        assert_eq!(s.runs[2].minutes(), Some(30));
        let mut detailed = s.runs[0].clone();
        detailed.steps = vec![
            RunStep {
                id: "s1".into(),
                text: "Export".into(),
                done: true,
                value: "42".into(),
                minutes: Some(7),
                timing: None,
            },
            RunStep {
                id: "s2".into(),
                text: "Send".into(),
                ..RunStep::default()
            },
        ];
        detailed.checks.push(RunCheck {
            id: "c1".into(),
            text: "Invoice attached".into(),
            ok: false,
        });
        detailed.note = " Two clients. ".into();
        assert_eq!(
            detailed.details(),
            [
                "✓ Export: 42 (7 min)",
                "✗ Send",
                "✗ Check: Invoice attached",
                "Note: Two clients."
            ]
        );
        // Thursday and Friday had no run; at Monday noon both are past their grace day.
        let history = s.history(mon, at(2026, 12, 7, 12, 0));
        let missed: Vec<i64> = history
            .iter()
            .filter(|l| l.outcome == Outcome::Missed)
            .map(|l| l.at)
            .collect();
        assert_eq!(missed, [wed + 48 * HOUR, wed + 24 * HOUR]);
        assert_eq!(history.len(), 6);
        assert_eq!(history[0].at, wed + 48 * HOUR, "newest first");
        // A run still open is in progress.
        let mut open = run("r5", Some(mon), mon, 0);
        open.ended = None;
        assert_eq!(s.outcome(&open), Outcome::Running);
    }

    #[test]
    fn a_new_run_answers_the_latest_unanswered_occurrence_within_a_day() {
        let mut s = sop();
        let mon = at(2026, 11, 30, 9, 0);
        assert_eq!(s.due_for(mon + 3 * HOUR), Some(mon));
        s.runs.push(run("r1", Some(mon), mon, 10));
        // Monday is answered; before Tuesday's time a new run is on demand.
        assert_eq!(s.due_for(mon + 3 * HOUR), None);
        assert_eq!(s.due_for(mon + 24 * HOUR + MIN), Some(mon + 24 * HOUR));
        // Saturday morning: Friday's is the latest, unanswered, within a day.
        let sat = at(2026, 12, 5, 8, 0);
        assert_eq!(s.due_for(sat), Some(at(2026, 12, 4, 9, 0)));
    }

    #[test]
    fn the_median_of_the_last_ten_and_the_failed_checks() {
        let mut s = sop();
        assert_eq!(s.median_minutes(10), None);
        for (n, minutes) in [50, 10, 20, 30, 40, 25, 35, 15, 45, 5, 60]
            .iter()
            .enumerate()
        {
            let mut r = run(&format!("r{n}"), None, n as i64 * HOUR, *minutes);
            r.checks.push(RunCheck {
                id: "c1".into(),
                text: "Invoice attached".into(),
                ok: n % 3 != 0,
            });
            s.runs.push(r);
        }
        // The oldest (50) is left out: the last ten are 10…60 without it.
        assert_eq!(s.median_minutes(10), Some(28), "(25 + 30) / 2, rounded up");
        assert_eq!(s.median_minutes(3), Some(45), "60, 5 and 45");
        // Runs 0, 3, 6 and 9 left the check unticked.
        assert_eq!(s.failed_checks(), (4, 11));
        let outline = s.outline();
        assert_eq!(outline.failed_checks(), (4, 11));
        assert_eq!(outline.median_minutes(10), Some(28));
        assert_eq!(outline.history(0, 20 * HOUR), s.history(0, 20 * HOUR));
        let mut open = run("open", None, 0, 0);
        open.ended = None;
        s.runs.push(open);
        assert_eq!(
            s.failed_checks(),
            (4, 11),
            "a run in progress is not counted"
        );
    }

    #[test]
    fn a_step_moves_to_a_place_and_every_step_is_numbered_afresh() {
        let mut s = sop();
        s.steps.push(Step {
            id: "s3".into(),
            ..Step::default()
        });
        let order =
            |ranks: Vec<(String, f64)>| -> Vec<String> { ranks.into_iter().map(|r| r.0).collect() };
        assert_eq!(order(s.moved_to("s3", 0)), ["s3", "s1", "s2"]);
        assert_eq!(order(s.moved_to("s1", 9)), ["s2", "s3", "s1"]);
        assert_eq!(s.moved_to("s1", 0), Vec::new());
        assert_eq!(s.moved_to("nope", 0), Vec::new());
        assert_eq!(s.moved_to("s2", 2)[2], ("s2".to_string(), 3.0));
        assert_eq!(s.rank_at_end(), 1.0);
    }

    #[test]
    fn news_markdown_and_the_schedule_in_words() {
        let mut old = sop();
        old.steps[0].text = "Export".into();
        old.steps[1].text = "Send".into();
        let mut new = old.clone();
        new.steps[0].text = "Export last week".into();
        new.steps[0].edited_by = "ana".into();
        new.runs.push(run("r1", None, HOUR, 10));
        new.runs.push(Run {
            ended: None,
            ..run("r2", None, HOUR, 0)
        });
        let mut news = News::default();
        new.news_since(&old, "ben", &mut news);
        assert_eq!(news.steps.len(), 1, "Ana's change, not an unchanged step");
        assert!(news.runs.is_empty(), "Ben's own runs are not news to him");
        let mut news = News::default();
        new.news_since(&old, "ana", &mut news);
        assert_eq!(news.runs.len(), 1, "only the finished run");
        assert!(news.steps.is_empty());
        let env = Envelope {
            title: "Invoices".into(),
            people: [("ben".to_string(), "Ben".to_string())].into(),
            ..Envelope::default()
        };
        assert_eq!(news.sentence(&env), "Ben finished a run.");
        new.automation = Some(Automation {
            tool: "Zapier".into(),
            link: "https://zapier.com/z".into(),
            covers: vec!["s2".into()],
        });
        let md = markdown(&env, &new);
        assert!(md.starts_with("# Invoices\n"), "{md}");
        assert!(md.contains("- Runs: Every working day at 09:00 (Europe/London)"));
        assert!(md.contains("1. [ ] Export last week (10 min, Owner)"));
        assert!(md.contains("- [ ] Invoice attached"));
        assert!(md.contains("- Covers steps 2"));
        assert_eq!(
            schedule(Cadence::Weekly(0b1001), 17 * 60 + 30, "UTC").describe(),
            "Mondays and Thursdays at 17:30"
        );
        assert_eq!(
            Performer::parse(&Performer::Role("Bookkeeper".into()).key()),
            Performer::Role("Bookkeeper".into())
        );
        let choice = Capture::Choice(vec!["Paid".into(), "Unpaid".into()]);
        assert_eq!(Capture::parse(&choice.key()), choice);
        assert_eq!(Capture::parse("choice:"), Capture::Nothing);
    }
}
