//! The task inventory (framework steps 1 and 2): what a person does, how often,
//! what makes each task synchronous, and what they decided to do about it.
//!
//! All durations are kept as whole minutes per year so that totals are exact
//! integers; months are a twelfth of a year.

use crate::model::order;
use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

/// A task's id: random, stable across devices, never reused.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaskId(String);

impl TaskId {
    /// Wraps an id read from a document. Ids are opaque; any non-empty string will do.
    pub fn new(id: impl Into<String>) -> Self {
        TaskId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Working days in a year: five a week for 52 weeks. 'Daily' means each working day.
pub const WORKING_DAYS_PER_YEAR: u64 = 260;
pub const WEEKS_PER_YEAR: u64 = 52;
pub const MONTHS_PER_YEAR: u64 = 12;

/// How often a task recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Each working day (five days a week).
    Daily,
    Weekly,
    Monthly,
    /// N times a month (N of at least 1).
    TimesPerMonth(u32),
}

impl Frequency {
    pub fn times_per_year(self) -> u64 {
        match self {
            Frequency::Daily => WORKING_DAYS_PER_YEAR,
            Frequency::Weekly => WEEKS_PER_YEAR,
            Frequency::Monthly => MONTHS_PER_YEAR,
            Frequency::TimesPerMonth(n) => u64::from(n.max(1)) * MONTHS_PER_YEAR,
        }
    }

    /// The filter bucket this frequency falls in.
    pub fn kind(self) -> FrequencyKind {
        match self {
            Frequency::Daily => FrequencyKind::Daily,
            Frequency::Weekly => FrequencyKind::Weekly,
            Frequency::Monthly => FrequencyKind::Monthly,
            Frequency::TimesPerMonth(_) => FrequencyKind::TimesPerMonth,
        }
    }

    pub fn label(self) -> String {
        match self {
            Frequency::Daily => "Daily".into(),
            Frequency::Weekly => "Weekly".into(),
            Frequency::Monthly => "Monthly".into(),
            Frequency::TimesPerMonth(1) => "Once a month".into(),
            Frequency::TimesPerMonth(n) => format!("{n}× a month"),
        }
    }
}

/// The frequency without its count: what the inventory filters by and what documents store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrequencyKind {
    Daily,
    Weekly,
    Monthly,
    TimesPerMonth,
}

impl FrequencyKind {
    pub const ALL: [FrequencyKind; 4] = [
        FrequencyKind::Daily,
        FrequencyKind::Weekly,
        FrequencyKind::Monthly,
        FrequencyKind::TimesPerMonth,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FrequencyKind::Daily => "daily",
            FrequencyKind::Weekly => "weekly",
            FrequencyKind::Monthly => "monthly",
            FrequencyKind::TimesPerMonth => "per_month",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FrequencyKind::Daily => "Daily",
            FrequencyKind::Weekly => "Weekly",
            FrequencyKind::Monthly => "Monthly",
            FrequencyKind::TimesPerMonth => "Several times a month",
        }
    }

    pub fn with_count(self, n: u32) -> Frequency {
        match self {
            FrequencyKind::Daily => Frequency::Daily,
            FrequencyKind::Weekly => Frequency::Weekly,
            FrequencyKind::Monthly => Frequency::Monthly,
            FrequencyKind::TimesPerMonth => Frequency::TimesPerMonth(n.max(1)),
        }
    }
}

/// The seven things that make a task need live, synchronous contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SyncReason {
    Reporting,
    GatheringInformation,
    Collaborating,
    DependsOnInput,
    OthersDependOnOutput,
    SensitiveInformation,
    HiringOnboardingSelling,
}

impl SyncReason {
    pub const ALL: [SyncReason; 7] = [
        SyncReason::Reporting,
        SyncReason::GatheringInformation,
        SyncReason::Collaborating,
        SyncReason::DependsOnInput,
        SyncReason::OthersDependOnOutput,
        SyncReason::SensitiveInformation,
        SyncReason::HiringOnboardingSelling,
    ];

    /// The stable key stored in documents.
    pub fn key(self) -> &'static str {
        match self {
            SyncReason::Reporting => "reporting",
            SyncReason::GatheringInformation => "gathering",
            SyncReason::Collaborating => "collaborating",
            SyncReason::DependsOnInput => "waiting_on_input",
            SyncReason::OthersDependOnOutput => "others_waiting",
            SyncReason::SensitiveInformation => "sensitive",
            SyncReason::HiringOnboardingSelling => "people",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A short label for checkboxes and chips.
    pub fn label(self) -> &'static str {
        match self {
            SyncReason::Reporting => "Reports to a manager or client",
            SyncReason::GatheringInformation => "Gathers information from people",
            SyncReason::Collaborating => "Collaborates live with co-workers",
            SyncReason::DependsOnInput => "Waits on input from others",
            SyncReason::OthersDependOnOutput => "Someone is waiting for its output",
            SyncReason::SensitiveInformation => "Handles sensitive information",
            SyncReason::HiringOnboardingSelling => "Hires, onboards, teaches or sells",
        }
    }

    /// The framework's advice for moving this kind of work out of live contact:
    /// write it down, record it, agree response times, share with the right access.
    pub fn advice(self) -> &'static str {
        match self {
            SyncReason::Reporting => {
                "Replace the status meeting with a written update on a fixed day: what is done, \
                 what is next, what is blocked. Keep a shared document or dashboard current so \
                 anyone can check progress without asking."
            }
            SyncReason::GatheringInformation => {
                "Ask in writing, with the context, the exact questions and a date you need answers by. \
                 Collect the replies in one shared document or form instead of a call with each person."
            }
            SyncReason::Collaborating => {
                "Write the problem and the options in a shared document and ask for comments by a set \
                 date; record a short video where showing is quicker than writing. Meet only to settle \
                 what the comments could not."
            }
            SyncReason::DependsOnInput => {
                "Agree how quickly each channel gets an answer (say, within a working day for chat), \
                 send all your questions in one message, and work on something else while you wait."
            }
            SyncReason::OthersDependOnOutput => {
                "Tell people when it will be ready and what they will get, then post it where they \
                 already look. Share progress in writing as you go, so nobody needs a meeting or a \
                 chase to find out."
            }
            SyncReason::SensitiveInformation => {
                "Share it in a document or tool that only the people who need it can open, never in \
                 open chat or a forwarded email. Keep live only the talks that need care, such as \
                 feedback or bad news, and write down what was agreed afterwards."
            }
            SyncReason::HiringOnboardingSelling => {
                "Record what you repeat (demos, onboarding, training) as videos and write SOPs and an \
                 FAQ to read first. Keep the live part short, for questions and for building trust."
            }
        }
    }
}

/// What the person decided to do with a task.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Decision {
    #[default]
    Undecided,
    KeepLive,
    MakeAsync,
    /// Automate, with the tool that will do it.
    Automate {
        tool: String,
    },
    /// Delegate, to whom.
    Delegate {
        to: String,
    },
    Drop,
    WriteSop,
}

/// The decision without its detail: what documents store and forms pick from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    Undecided,
    KeepLive,
    MakeAsync,
    Automate,
    Delegate,
    Drop,
    WriteSop,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 7] = [
        DecisionKind::Undecided,
        DecisionKind::KeepLive,
        DecisionKind::MakeAsync,
        DecisionKind::Automate,
        DecisionKind::Delegate,
        DecisionKind::Drop,
        DecisionKind::WriteSop,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Undecided => "undecided",
            DecisionKind::KeepLive => "keep_live",
            DecisionKind::MakeAsync => "make_async",
            DecisionKind::Automate => "automate",
            DecisionKind::Delegate => "delegate",
            DecisionKind::Drop => "drop",
            DecisionKind::WriteSop => "write_sop",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Undecided => "Not decided yet",
            DecisionKind::KeepLive => "Keep live",
            DecisionKind::MakeAsync => "Make async",
            DecisionKind::Automate => "Automate",
            DecisionKind::Delegate => "Delegate",
            DecisionKind::Drop => "Drop",
            DecisionKind::WriteSop => "Write an SOP",
        }
    }

    /// Whether this is something to carry out: anything but 'not decided yet' and 'keep live'.
    pub fn is_action(self) -> bool {
        !matches!(self, DecisionKind::Undecided | DecisionKind::KeepLive)
    }

    pub fn with_detail(self, detail: &str) -> Decision {
        match self {
            DecisionKind::Undecided => Decision::Undecided,
            DecisionKind::KeepLive => Decision::KeepLive,
            DecisionKind::MakeAsync => Decision::MakeAsync,
            DecisionKind::Automate => Decision::Automate {
                tool: detail.to_owned(),
            },
            DecisionKind::Delegate => Decision::Delegate {
                to: detail.to_owned(),
            },
            DecisionKind::Drop => Decision::Drop,
            DecisionKind::WriteSop => Decision::WriteSop,
        }
    }
}

impl Decision {
    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::Undecided => DecisionKind::Undecided,
            Decision::KeepLive => DecisionKind::KeepLive,
            Decision::MakeAsync => DecisionKind::MakeAsync,
            Decision::Automate { .. } => DecisionKind::Automate,
            Decision::Delegate { .. } => DecisionKind::Delegate,
            Decision::Drop => DecisionKind::Drop,
            Decision::WriteSop => DecisionKind::WriteSop,
        }
    }

    /// The free-text detail (tool or person), empty when the decision has none.
    pub fn detail(&self) -> &str {
        match self {
            Decision::Automate { tool } => tool,
            Decision::Delegate { to } => to,
            _ => "",
        }
    }

    /// Whether the decision takes the task off the person's plate entirely.
    pub fn frees_time(&self) -> bool {
        matches!(
            self,
            Decision::Automate { .. } | Decision::Delegate { .. } | Decision::Drop
        )
    }

    /// Whether, once carried out, the task no longer needs the person in live contact.
    pub fn removes_live_contact(&self) -> bool {
        self.kind().is_action()
    }

    /// Plain words for lists: "Automate with Zapier", "Delegate to Ana".
    pub fn describe(&self) -> String {
        match self {
            Decision::Automate { tool } if !tool.trim().is_empty() => {
                format!("Automate with {}", tool.trim())
            }
            Decision::Delegate { to } if !to.trim().is_empty() => {
                format!("Delegate to {}", to.trim())
            }
            other => other.kind().label().to_owned(),
        }
    }
}

/// One recurring task.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    pub frequency: Frequency,
    /// Minutes each time it is done.
    pub minutes: u32,
    pub reasons: BTreeSet<SyncReason>,
    pub decision: Decision,
    /// The day the decision was carried out; `None` while it is only decided.
    pub carried_out: Option<NaiveDate>,
    pub note: String,
    /// What 'done' means: the output that exists when it is done.
    pub done_output: String,
    /// The quality checks of a done task, one a line.
    pub done_checks: String,
    /// Milliseconds since the Unix epoch when it was added; orders the list.
    pub created_ms: i64,
}

impl Task {
    pub fn new(id: TaskId, title: impl Into<String>, created_ms: i64) -> Self {
        Task {
            id,
            title: title.into(),
            frequency: Frequency::Weekly,
            minutes: 30,
            reasons: BTreeSet::new(),
            decision: Decision::Undecided,
            carried_out: None,
            note: String::new(),
            done_output: String::new(),
            done_checks: String::new(),
            created_ms,
        }
    }

    /// Changes the decision. A decision of another kind has not been carried out yet,
    /// so changing the kind clears the date; changing only the tool or person keeps it.
    pub fn set_decision(&mut self, decision: Decision) {
        if decision.kind() != self.decision.kind() {
            self.carried_out = None;
        }
        self.decision = decision;
    }

    /// Whether the decision has been carried out. Only a decision to change something
    /// can be: 'not decided yet' and 'keep live' never count.
    pub fn is_carried_out(&self) -> bool {
        self.carried_out.is_some() && self.decision.kind().is_action()
    }

    /// The quality checks, one per non-blank line, trimmed.
    pub fn checks(&self) -> impl Iterator<Item = &str> {
        self.done_checks
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }

    /// A task needs live contact as it is done today when anything makes it synchronous.
    pub fn is_live(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// The decision in plain words, with whether it has been carried out:
    /// "Automate with Zapier, carried out on 1 Dec 2026", "Drop, not carried out yet", "Keep live".
    pub fn decision_status(&self) -> String {
        let decision = self.decision.describe();
        match (self.decision.kind().is_action(), self.carried_out) {
            (false, _) => decision,
            (true, Some(day)) => format!("{decision}, carried out on {}", format_day(day)),
            (true, None) => format!("{decision}, not carried out yet"),
        }
    }

    pub fn minutes_per_year(&self) -> u64 {
        self.frequency.times_per_year() * u64::from(self.minutes)
    }

    pub fn hours_per_month(&self) -> f64 {
        minutes_per_year_to_hours_per_month(self.minutes_per_year())
    }
}

pub fn minutes_per_year_to_hours_per_month(minutes_per_year: u64) -> f64 {
    minutes_per_year as f64 / 60.0 / MONTHS_PER_YEAR as f64
}

/// Which tasks the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TaskFilter {
    pub frequency: Option<FrequencyKind>,
    /// `Some(true)`: only tasks that need live contact; `Some(false)`: only async ones.
    pub live: Option<bool>,
}

impl TaskFilter {
    pub fn matches(&self, task: &Task) -> bool {
        self.frequency.is_none_or(|k| task.frequency.kind() == k)
            && self.live.is_none_or(|live| task.is_live() == live)
    }
}

/// What the work comes to once some decisions have taken effect, in minutes per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct AfterDecisions {
    /// How many decisions to change something (anything but undecided and keep live) count.
    pub decisions: usize,
    /// Work that automate, delegate and drop take off the person's plate.
    pub freed_minutes_per_year: u64,
    /// Live work still left.
    pub live_minutes_per_year: u64,
    /// Work left once the freed work is gone.
    pub remaining_minutes_per_year: u64,
}

impl AfterDecisions {
    /// Adds a task, with its decision taking effect or not.
    fn add(&mut self, task: &Task, takes_effect: bool) {
        let minutes = task.minutes_per_year();
        let decision = if takes_effect {
            &task.decision
        } else {
            &Decision::Undecided
        };
        if takes_effect && decision.kind().is_action() {
            self.decisions += 1;
        }
        if decision.frees_time() {
            self.freed_minutes_per_year += minutes;
        } else {
            self.remaining_minutes_per_year += minutes;
            if task.is_live() && !decision.removes_live_contact() {
                self.live_minutes_per_year += minutes;
            }
        }
    }

    /// Share of the remaining work that needs no live contact, 0..=1; `None` when none remains.
    pub fn async_share(&self) -> Option<f64> {
        share(
            self.remaining_minutes_per_year - self.live_minutes_per_year,
            self.remaining_minutes_per_year,
        )
    }
}

/// What an SOP's runs show about a task handed over: over the last `window_days`, how
/// many runs others (or the automation) finished and how many the owner did.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RunEvidence {
    /// The task's id.
    pub task: String,
    pub by_others: u32,
    pub by_owner: u32,
    pub window_days: u32,
}

impl RunEvidence {
    /// The days runs are counted over: long enough to hold a monthly run or two.
    pub const WINDOW_DAYS: u32 = 90;

    /// Minutes a year the runs by others take off the owner: each run by someone else
    /// is one time the owner did not do the task, at the task's minutes, scaled from the
    /// window to a year and never more than the task takes.
    pub fn freed_minutes_per_year(&self, task: &Task) -> u64 {
        if self.window_days == 0 {
            return 0;
        }
        let per_window = u64::from(self.by_others) * u64::from(task.minutes);
        (per_window * 365 / u64::from(self.window_days)).min(task.minutes_per_year())
    }
}

/// Totals over an inventory, in minutes per year (exact).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct InventoryTotals {
    pub total_minutes_per_year: u64,
    /// Work that needs live contact as things are today.
    pub live_minutes_per_year: u64,
    /// Once every decision is carried out.
    pub decided: AfterDecisions,
    /// With only the decisions marked carried out.
    pub done: AfterDecisions,
}

impl InventoryTotals {
    /// The totals with what SOP runs show: a delegated or automated task whose SOP has
    /// runs counts, as done, the minutes the runs by others freed, instead of the whole
    /// task once it is marked carried out.
    pub fn measured<'a>(
        tasks: impl IntoIterator<Item = &'a Task>,
        evidence: &[RunEvidence],
    ) -> Self {
        let mut totals = InventoryTotals::default();
        for task in tasks {
            let minutes = task.minutes_per_year();
            totals.total_minutes_per_year += minutes;
            if task.is_live() {
                totals.live_minutes_per_year += minutes;
            }
            totals.decided.add(task, true);
            let runs = evidence
                .iter()
                .find(|e| e.task == task.id.as_str())
                .filter(|_| task.decision.frees_time());
            match runs {
                Some(runs) => {
                    let freed = runs.freed_minutes_per_year(task);
                    totals.done.decisions += usize::from(runs.by_others > 0);
                    totals.done.freed_minutes_per_year += freed;
                    totals.done.remaining_minutes_per_year += minutes - freed;
                    if task.is_live() {
                        totals.done.live_minutes_per_year += minutes - freed;
                    }
                }
                None => totals.done.add(task, task.is_carried_out()),
            }
        }
        totals
    }

    /// The totals as the decisions say, with no SOP runs to go by.
    pub fn of<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> Self {
        Self::measured(tasks, &[])
    }

    /// Share of recurring work that needs no live contact today, 0..=1; `None` when there is no work.
    pub fn async_share(&self) -> Option<f64> {
        share(
            self.total_minutes_per_year - self.live_minutes_per_year,
            self.total_minutes_per_year,
        )
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// How async-friendly a role is, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Friendliness {
    /// No recurring work listed yet.
    Unknown,
    /// Under half of the work can be done without live contact.
    MostlyLive,
    /// Half to three quarters.
    Mixed,
    /// Three quarters or more.
    MostlyAsync,
}

impl Friendliness {
    pub fn of(totals: &InventoryTotals) -> Self {
        match totals.async_share() {
            None => Friendliness::Unknown,
            Some(s) if s < 0.5 => Friendliness::MostlyLive,
            Some(s) if s < 0.75 => Friendliness::Mixed,
            Some(_) => Friendliness::MostlyAsync,
        }
    }

    pub fn headline(self) -> &'static str {
        match self {
            Friendliness::Unknown => "Add the work you do to see how async-friendly your role is.",
            Friendliness::MostlyLive => "Most of your work needs live contact today.",
            Friendliness::Mixed => "Your role is partly async.",
            Friendliness::MostlyAsync => "Your role is async-friendly.",
        }
    }

    /// The framework's advice for this situation.
    pub fn advice(self) -> &'static str {
        match self {
            Friendliness::Unknown => {
                "List your daily, weekly and monthly tasks, then mark what makes each one synchronous."
            }
            Friendliness::MostlyLive => {
                "When most work needs syncing, start with the biggest live tasks: ask whether each could be a written update, \
                 an SOP someone else runs, or automated. Agree office hours for what must stay live, and talk with your manager \
                 or clients about response times. If little can move, the role may not suit async work, and that is worth knowing."
            }
            Friendliness::Mixed => {
                "Protect deep-work blocks for the async part, and batch the live work into office hours. \
                 Decide on the largest live tasks first."
            }
            Friendliness::MostlyAsync => {
                "Keep it that way: set clear response times and boundaries so the few live tasks stay inside office hours."
            }
        }
    }
}

/// A title as compared for sameness: case and spacing do not count, so "Weekly report",
/// "weekly  report " and "WEEKLY REPORT" are the same task.
pub fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The task already called `title`, compared by `title_key`; none for a blank title.
pub fn task_titled<'a>(tasks: impl IntoIterator<Item = &'a Task>, title: &str) -> Option<&'a Task> {
    let key = title_key(title);
    if key.is_empty() {
        return None;
    }
    tasks.into_iter().find(|t| title_key(&t.title) == key)
}

/// Tasks that need live contact, largest first (by time per month), for the 'what keeps you live' list.
pub fn live_tasks_by_size<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> Vec<&'a Task> {
    let mut live: Vec<&Task> = tasks.into_iter().filter(|t| t.is_live()).collect();
    order::sort_by(&mut live, |a, b| {
        b.minutes_per_year()
            .cmp(&a.minutes_per_year())
            .then_with(|| a.title.cmp(&b.title))
    });
    live
}

/// How many live tasks name each reason, most common first.
pub fn reason_counts<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> Vec<(SyncReason, usize)> {
    let mut counts: Vec<(SyncReason, usize)> = SyncReason::ALL.iter().map(|r| (*r, 0)).collect();
    for task in tasks {
        for reason in &task.reasons {
            if let Some(entry) = counts.iter_mut().find(|(r, _)| r == reason) {
                entry.1 += 1;
            }
        }
    }
    counts.retain(|(_, n)| *n > 0);
    order::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// The framework's advice for every reason the tasks give, most common first, with
/// how many tasks give it: what the overview lists under 'how to move it out of meetings'.
pub fn advice_for<'a>(
    tasks: impl IntoIterator<Item = &'a Task>,
) -> Vec<(SyncReason, usize, &'static str)> {
    reason_counts(tasks)
        .into_iter()
        .map(|(r, n)| (r, n, r.advice()))
        .collect()
}

/// A day for people: "1 Dec 2026".
pub fn format_day(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// Formats hours for people: "2 h 30 min", "45 min", "0 min".
pub fn format_hours(hours: f64) -> String {
    let total_minutes = (hours * 60.0).round().max(0.0) as u64;
    let (h, m) = (total_minutes / 60, total_minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(title: &str, frequency: Frequency, minutes: u32, reasons: &[SyncReason]) -> Task {
        let mut t = Task::new(TaskId::new(title), title, 0);
        t.frequency = frequency;
        t.minutes = minutes;
        t.reasons = reasons.iter().copied().collect();
        t
    }

    #[test]
    fn minutes_per_year_by_frequency() {
        // Hand-computed: 15 min × 260 working days = 3,900; 60 × 52 = 3,120; 90 × 12 = 1,080; 30 × 3 × 12 = 1,080.
        assert_eq!(
            task("a", Frequency::Daily, 15, &[]).minutes_per_year(),
            3_900
        );
        assert_eq!(
            task("b", Frequency::Weekly, 60, &[]).minutes_per_year(),
            3_120
        );
        assert_eq!(
            task("c", Frequency::Monthly, 90, &[]).minutes_per_year(),
            1_080
        );
        assert_eq!(
            task("d", Frequency::TimesPerMonth(3), 30, &[]).minutes_per_year(),
            1_080
        );
        // Daily standup, 15 min: 3,900 min/yr = 325 min/month = 5 h 25 min.
        assert_eq!(
            format_hours(task("a", Frequency::Daily, 15, &[]).hours_per_month()),
            "5 h 25 min"
        );
    }

    #[test]
    fn a_title_is_the_same_whatever_its_case_and_spacing() {
        let tasks = [
            task("Weekly report", Frequency::Weekly, 60, &[]),
            task("Stand-up", Frequency::Daily, 15, &[]),
        ];
        for same in [
            "Weekly report",
            "weekly report",
            "  WEEKLY\treport ",
            "Weekly  Report",
        ] {
            assert_eq!(
                task_titled(&tasks, same).map(|t| t.title.as_str()),
                Some("Weekly report"),
                "{same:?}"
            );
        }
        assert_eq!(
            task_titled(&tasks, "stand-UP").map(|t| t.title.as_str()),
            Some("Stand-up")
        );
        // Close is not the same: another word, a missing hyphen, or nothing at all.
        for other in ["Weekly reports", "Standup", "Weekly", "", "   "] {
            assert!(task_titled(&tasks, other).is_none(), "{other:?}");
        }
        // Letters beyond ASCII fold too.
        let tasks = [task("Überblick ÉCRIRE", Frequency::Weekly, 10, &[])];
        assert!(task_titled(&tasks, "überblick écrire").is_some());
    }

    #[test]
    fn a_task_is_live_when_any_reason_applies() {
        assert!(!task("x", Frequency::Daily, 10, &[]).is_live());
        assert!(task(
            "x",
            Frequency::Daily,
            10,
            &[SyncReason::SensitiveInformation]
        )
        .is_live());
    }

    #[test]
    fn totals_and_async_share() {
        let mut standup = task("Stand-up", Frequency::Daily, 15, &[SyncReason::Reporting]);
        standup.decision = Decision::MakeAsync;
        let mut report = task("Report", Frequency::Weekly, 60, &[SyncReason::Reporting]);
        report.decision = Decision::Automate {
            tool: "Sheets".into(),
        };
        let coding = task("Coding", Frequency::Daily, 240, &[]);
        let mut invoices = task("Invoices", Frequency::Monthly, 120, &[]);
        invoices.decision = Decision::Delegate { to: "Ana".into() };
        let tasks = [standup, report, coding, invoices];
        let totals = InventoryTotals::of(&tasks);
        // 3,900 + 3,120 + 62,400 + 1,440 = 70,860
        assert_eq!(totals.total_minutes_per_year, 70_860);
        assert_eq!(totals.live_minutes_per_year, 7_020);
        assert_eq!(totals.decided.freed_minutes_per_year, 3_120 + 1_440);
        assert_eq!(totals.decided.live_minutes_per_year, 0);
        assert_eq!(totals.decided.remaining_minutes_per_year, 3_900 + 62_400);
        assert_eq!(totals.decided.decisions, 3);
        let share = totals.async_share().unwrap();
        assert!((share - 63_840.0 / 70_860.0).abs() < 1e-12);
        assert_eq!(totals.decided.async_share(), Some(1.0));
        assert_eq!(Friendliness::of(&totals), Friendliness::MostlyAsync);
    }

    #[test]
    fn only_carried_out_decisions_count_as_done() {
        let mut report = task("Report", Frequency::Weekly, 60, &[SyncReason::Reporting]);
        report.decision = Decision::Automate {
            tool: "Sheets".into(),
        };
        let coding = task("Coding", Frequency::Weekly, 180, &[]);
        let tasks = [report.clone(), coding.clone()];
        let totals = InventoryTotals::of(&tasks);
        // Today: 3,120 live of 12,480 minutes, 75% async.
        assert_eq!(totals.async_share(), Some(0.75));
        // Decided: the report is automated away, all that is left is async.
        assert_eq!(totals.decided.async_share(), Some(1.0));
        assert_eq!(totals.decided.freed_minutes_per_year, 3_120);
        assert_eq!(totals.decided.decisions, 1);
        // Done: nobody has carried it out, so nothing has changed yet.
        assert_eq!(totals.done.async_share(), Some(0.75));
        assert_eq!(totals.done.freed_minutes_per_year, 0);
        assert_eq!(totals.done.live_minutes_per_year, 3_120);
        assert_eq!(totals.done.decisions, 0);

        report.carried_out = NaiveDate::from_ymd_opt(2026, 12, 1);
        let totals = InventoryTotals::of(&[report.clone(), coding]);
        assert_eq!(totals.done, totals.decided);
        assert_eq!(totals.done.async_share(), Some(1.0));

        // A 'keep live' marked carried out (say, by an older copy) changes nothing.
        let mut kept = report;
        kept.decision = Decision::KeepLive;
        assert!(!kept.is_carried_out());
        let totals = InventoryTotals::of(&[kept]);
        assert_eq!(totals.done.async_share(), Some(0.0));
    }

    #[test]
    fn a_new_kind_of_decision_is_not_carried_out_yet() {
        let mut t = task("Report", Frequency::Weekly, 60, &[SyncReason::Reporting]);
        t.set_decision(Decision::Automate { tool: "".into() });
        t.carried_out = NaiveDate::from_ymd_opt(2026, 12, 1);
        t.set_decision(Decision::Automate {
            tool: "Zapier".into(),
        });
        assert!(t.is_carried_out(), "naming the tool keeps the date");
        t.set_decision(Decision::Drop);
        assert_eq!(t.carried_out, None);
        assert!(!t.is_carried_out());
        assert_eq!(t.decision_status(), "Drop, not carried out yet");
        t.carried_out = NaiveDate::from_ymd_opt(2026, 3, 9);
        assert_eq!(t.decision_status(), "Drop, carried out on 9 Mar 2026");
        t.set_decision(Decision::KeepLive);
        assert_eq!(t.decision_status(), "Keep live");
    }

    #[test]
    fn every_reason_gets_its_own_advice() {
        let tasks: Vec<Task> = SyncReason::ALL
            .iter()
            .map(|r| task(r.key(), Frequency::Weekly, 30, &[*r]))
            .collect();
        let advice = advice_for(&tasks);
        let reasons: BTreeSet<SyncReason> = advice.iter().map(|(r, _, _)| *r).collect();
        assert_eq!(reasons, SyncReason::ALL.into_iter().collect());
        let texts: BTreeSet<&str> = advice.iter().map(|(_, _, a)| *a).collect();
        assert_eq!(
            texts.len(),
            SyncReason::ALL.len(),
            "no two reasons share advice"
        );
        for (r, n, text) in &advice {
            assert_eq!(*n, 1);
            assert_eq!(*text, r.advice());
            assert!(text.len() > 40, "{r:?} needs real advice, not {text:?}");
        }
    }

    #[test]
    fn friendliness_thresholds() {
        let live = task("Calls", Frequency::Daily, 60, &[SyncReason::Collaborating]);
        let solo = task("Writing", Frequency::Daily, 60, &[]);
        let only_live = [live.clone()];
        assert_eq!(
            Friendliness::of(&InventoryTotals::of(&only_live)),
            Friendliness::MostlyLive
        );
        let half = [live.clone(), solo.clone()];
        assert_eq!(
            Friendliness::of(&InventoryTotals::of(&half)),
            Friendliness::Mixed
        );
        assert_eq!(
            Friendliness::of(&InventoryTotals::of(&[])),
            Friendliness::Unknown
        );
        assert_eq!(InventoryTotals::of(&[]).async_share(), None);
    }

    #[test]
    fn filter_by_frequency_and_liveness() {
        let a = task("a", Frequency::Daily, 10, &[SyncReason::Reporting]);
        let b = task("b", Frequency::TimesPerMonth(2), 10, &[]);
        let live_daily = TaskFilter {
            frequency: Some(FrequencyKind::Daily),
            live: Some(true),
        };
        assert!(live_daily.matches(&a));
        assert!(!live_daily.matches(&b));
        let async_n = TaskFilter {
            frequency: Some(FrequencyKind::TimesPerMonth),
            live: Some(false),
        };
        assert!(async_n.matches(&b));
        assert!(TaskFilter::default().matches(&a) && TaskFilter::default().matches(&b));
    }

    #[test]
    fn live_tasks_largest_first_and_reason_counts() {
        let a = task("a", Frequency::Weekly, 30, &[SyncReason::Reporting]);
        let b = task(
            "b",
            Frequency::Daily,
            30,
            &[SyncReason::Reporting, SyncReason::Collaborating],
        );
        let c = task("c", Frequency::Daily, 300, &[]);
        let tasks = [a, b, c];
        let titles: Vec<&str> = live_tasks_by_size(&tasks)
            .iter()
            .map(|t| t.title.as_str())
            .collect();
        assert_eq!(titles, ["b", "a"]);
        assert_eq!(
            reason_counts(&tasks),
            vec![(SyncReason::Reporting, 2), (SyncReason::Collaborating, 1)]
        );
    }

    #[test]
    fn keys_round_trip() {
        for r in SyncReason::ALL {
            assert_eq!(SyncReason::from_key(r.key()), Some(r));
        }
        for d in DecisionKind::ALL {
            assert_eq!(DecisionKind::from_key(d.key()), Some(d));
            assert_eq!(d.with_detail("x").kind(), d);
        }
        for k in FrequencyKind::ALL {
            assert_eq!(FrequencyKind::from_key(k.key()), Some(k));
            assert_eq!(k.with_count(3).kind(), k);
        }
        assert_eq!(Frequency::TimesPerMonth(0).times_per_year(), 12);
    }

    #[test]
    fn decisions_in_words() {
        assert_eq!(
            Decision::Automate {
                tool: " Zapier ".into()
            }
            .describe(),
            "Automate with Zapier"
        );
        assert_eq!(Decision::Delegate { to: "".into() }.describe(), "Delegate");
        assert_eq!(format_hours(0.0), "0 min");
        assert_eq!(format_hours(2.0), "2 h");
    }

    #[test]
    fn runs_by_others_replace_the_estimate_of_a_handed_over_task() {
        // Weekly, 60 minutes: 52 × 60 = 3,120 minutes a year.
        let mut invoices = Task::new(TaskId::new("t1"), "Invoices", 0);
        invoices.minutes = 60;
        invoices.set_decision(Decision::Delegate { to: "Ben".into() });
        invoices.carried_out = NaiveDate::from_ymd_opt(2026, 11, 1);
        let mut report = Task::new(TaskId::new("t2"), "Report", 0);
        report.minutes = 30;
        report.set_decision(Decision::Drop);
        report.carried_out = NaiveDate::from_ymd_opt(2026, 11, 1);
        let tasks = [invoices.clone(), report];
        assert_eq!(
            InventoryTotals::measured(&tasks, &[]),
            InventoryTotals::of(&tasks)
        );
        // Ben ran it 6 times in 90 days (the owner twice): 6 × 60 × 365 / 90 = 1,460.
        let runs = RunEvidence {
            task: "t1".into(),
            by_others: 6,
            by_owner: 2,
            window_days: RunEvidence::WINDOW_DAYS,
        };
        let t = InventoryTotals::measured(&tasks, std::slice::from_ref(&runs));
        assert_eq!(t.decided.freed_minutes_per_year, 3_120 + 1_560);
        assert_eq!(t.done.freed_minutes_per_year, 1_460 + 1_560);
        assert_eq!(t.done.remaining_minutes_per_year, 3_120 - 1_460);
        // Run more often than planned: never more than the task takes.
        let many = RunEvidence {
            by_others: 40,
            ..runs
        };
        assert_eq!(many.freed_minutes_per_year(&invoices), 3_120);
    }
}
