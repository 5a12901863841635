//! The framework as five steps, and where a person stands in each, worked out from
//! their own data: the welcome and the overview show it, so a newcomer always knows
//! the next thing to do.

use super::inventory::{format_hours, minutes_per_year_to_hours_per_month, Decision};
use super::schedule::week_totals;
use super::PersonalState;

/// How many tasks a first inventory needs before the rest of the framework says much.
pub const FIRST_TASKS: usize = 3;

/// One step of the framework, in the order the app takes a person through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Inventory the tasks and what makes each synchronous.
    ListWork,
    /// Per task: keep live, make async, automate, delegate, drop or write an SOP.
    Decide,
    /// A maker/manager week: deep work and office hours, across time zones.
    PlanWeek,
    /// The hourly rate, so meetings and live work have a cost.
    SetRate,
    /// Response times per channel, and the page that tells people.
    Boundaries,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::ListWork,
        Step::Decide,
        Step::PlanWeek,
        Step::SetRate,
        Step::Boundaries,
    ];

    /// 1 to 5.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::ListWork => "List your work",
            Step::Decide => "Decide per task",
            Step::PlanWeek => "Plan your week",
            Step::SetRate => "Set your rate",
            Step::Boundaries => "Set boundaries and share your page",
        }
    }

    /// What the step is about, for someone who has not started.
    pub fn about(self) -> &'static str {
        match self {
            Step::ListWork => {
                "What you do each day, week and month, and what makes it need live contact."
            }
            Step::Decide => {
                "Keep it live, make it async, automate, delegate, drop it or write an SOP."
            }
            Step::PlanWeek => {
                "Long deep-work blocks and office hours, across your team's time zones."
            }
            Step::SetRate => "Your hourly rate, so you see what meetings and live work cost.",
            Step::Boundaries => {
                "Response times per channel, and a page that tells people how to reach you."
            }
        }
    }

    /// The app's page where the step is done.
    pub fn path(self) -> &'static str {
        match self {
            Step::ListWork | Step::Decide => "/tasks",
            Step::PlanWeek => "/week",
            Step::SetRate => "/rate",
            Step::Boundaries => "/boundaries",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Started,
    Done,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::Started => "Under way",
            Status::Done => "Done",
        }
    }

    /// A class name for styling.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::Started => "started",
            Status::Done => "done",
        }
    }
}

/// Where a person stands in one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepProgress {
    pub step: Step,
    pub status: Status,
    /// Where they stand, in plain words: "2 of 5 tasks decided."
    pub standing: String,
    /// The next thing to do there, as the words of a link: "Add office hours".
    pub action: String,
}

/// Where a person stands in each of the five steps, in order. `page_shared` says
/// whether they have shared their 'how to work with me' page.
pub fn progress(s: &PersonalState, page_shared: bool) -> [StepProgress; 5] {
    Step::ALL.map(|step| {
        let (status, standing, action) = match step {
            Step::ListWork => list_work(s),
            Step::Decide => decide(s),
            Step::PlanWeek => plan_week(s),
            Step::SetRate => set_rate(s),
            Step::Boundaries => boundaries(s, page_shared),
        };
        StepProgress {
            step,
            status,
            standing,
            action,
        }
    })
}

/// The step to take next: the first one not done yet.
pub fn next_step(steps: &[StepProgress]) -> Option<Step> {
    steps
        .iter()
        .find(|p| p.status != Status::Done)
        .map(|p| p.step)
}

type Standing = (Status, String, String);

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn hours_a_week(minutes: u32) -> String {
    format_hours(f64::from(minutes) / 60.0)
}

fn list_work(s: &PersonalState) -> Standing {
    // Every task has a frequency and minutes; one that adds up to no time does not count.
    let timed: Vec<_> = s
        .tasks
        .iter()
        .filter(|t| t.minutes_per_year() > 0)
        .collect();
    let n = timed.len();
    if n == 0 {
        return (
            Status::NotStarted,
            "No tasks yet.".into(),
            "Add your first task".into(),
        );
    }
    if n < FIRST_TASKS {
        let more = FIRST_TASKS - n;
        return (
            Status::Started,
            format!(
                "{} listed; a first list needs {FIRST_TASKS}.",
                plural(n, "task", "tasks")
            ),
            format!("Add {}", plural(more, "more task", "more tasks")),
        );
    }
    let minutes: u64 = timed.iter().map(|t| t.minutes_per_year()).sum();
    (
        Status::Done,
        format!(
            "{}, {} a month.",
            plural(n, "task", "tasks"),
            format_hours(minutes_per_year_to_hours_per_month(minutes))
        ),
        "See your tasks".into(),
    )
}

fn decide(s: &PersonalState) -> Standing {
    let n = s.tasks.len();
    if n == 0 {
        return (
            Status::NotStarted,
            "Once your tasks are listed, decide what to do with each.".into(),
            "Go to your tasks".into(),
        );
    }
    let undecided: Vec<_> = s
        .tasks
        .iter()
        .filter(|t| t.decision == Decision::Undecided)
        .collect();
    let decided = n - undecided.len();
    match undecided.first() {
        None => (
            Status::Done,
            format!("All {} decided.", plural(n, "task", "tasks")),
            "See your decisions".into(),
        ),
        Some(first) => {
            let title = first.title.trim();
            let next = if title.is_empty() {
                "an untitled task".to_owned()
            } else {
                format!("“{title}”")
            };
            (
                if decided == 0 {
                    Status::NotStarted
                } else {
                    Status::Started
                },
                format!("{decided} of {n} decided. Next: {next}."),
                "Decide the next task".into(),
            )
        }
    }
}

fn plan_week(s: &PersonalState) -> Standing {
    let t = week_totals(&s.schedule.blocks);
    match (t.maker > 0, t.manager > 0) {
        (true, true) => (
            Status::Done,
            format!(
                "{} of deep work and {} of office hours a week.",
                hours_a_week(t.maker),
                hours_a_week(t.manager)
            ),
            "See your week".into(),
        ),
        (true, false) => (
            Status::Started,
            format!(
                "{} of deep work a week; no office hours yet.",
                hours_a_week(t.maker)
            ),
            "Add office hours".into(),
        ),
        (false, true) => (
            Status::Started,
            format!(
                "{} of office hours a week; no deep-work block yet.",
                hours_a_week(t.manager)
            ),
            "Add a deep-work block".into(),
        ),
        (false, false) => (
            Status::NotStarted,
            "No deep work or office hours planned yet.".into(),
            "Plan your week".into(),
        ),
    }
}

fn set_rate(s: &PersonalState) -> Standing {
    if s.rate.is_set() {
        (
            Status::Done,
            format!("{} an hour.", s.rate.format(s.rate.cents_per_hour())),
            "Change your rate".into(),
        )
    } else {
        (
            Status::NotStarted,
            "Not set, so costs stay hidden.".into(),
            "Set your rate".into(),
        )
    }
}

fn boundaries(s: &PersonalState, page_shared: bool) -> Standing {
    let channels = s
        .boundaries
        .channels
        .iter()
        .filter(|c| !c.name.trim().is_empty())
        .count();
    let times = plural(channels, "channel", "channels");
    match (channels > 0, page_shared) {
        (true, true) => (
            Status::Done,
            format!("Response times for {times}; your page is shared."),
            "See your boundaries".into(),
        ),
        (true, false) => (
            Status::Started,
            format!("Response times for {times}; your page is not shared yet."),
            "Share your page".into(),
        ),
        (false, true) => (
            Status::Started,
            "Your page is shared but gives no response times.".into(),
            "Add response times".into(),
        ),
        (false, false) => (
            Status::NotStarted,
            "No response times yet.".into(),
            "Set your boundaries".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundaries::Channel;
    use crate::model::inventory::{Task, TaskId};
    use crate::model::schedule::{Block, BlockKind};

    fn task(title: &str) -> Task {
        Task::new(TaskId::new(title), title, 0)
    }

    fn block(kind: BlockKind, minutes: u32) -> Block {
        Block {
            id: format!("{kind:?}"),
            day: 0,
            start: 9 * 60,
            minutes,
            kind,
            label: String::new(),
        }
    }

    fn statuses(s: &PersonalState, shared: bool) -> Vec<Status> {
        progress(s, shared).iter().map(|p| p.status).collect()
    }

    #[test]
    fn a_newcomer_has_started_nothing_and_begins_with_the_list() {
        let s = PersonalState::default();
        let p = progress(&s, false);
        assert!(p.iter().all(|p| p.status == Status::NotStarted));
        assert_eq!(next_step(&p), Some(Step::ListWork));
        assert_eq!(p[0].action, "Add your first task");
        assert_eq!(
            p.iter().map(|p| p.step.number()).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn the_list_is_done_at_three_tasks_that_take_time() {
        let mut s = PersonalState {
            tasks: vec![task("Stand-up"), task("Report")],
            ..PersonalState::default()
        };
        let p = progress(&s, false);
        assert_eq!(p[0].status, Status::Started);
        assert_eq!(p[0].standing, "2 tasks listed; a first list needs 3.");
        assert_eq!(p[0].action, "Add 1 more task");
        // A task that takes no time does not count.
        let mut empty = task("Nothing");
        empty.minutes = 0;
        s.tasks.push(empty);
        assert_eq!(progress(&s, false)[0].status, Status::Started);
        s.tasks.push(task("Invoices"));
        let p = progress(&s, false);
        assert_eq!(p[0].status, Status::Done);
        // Three weekly tasks of 30 minutes: 4,680 min a year, 6 h 30 min a month.
        assert_eq!(p[0].standing, "3 tasks, 6 h 30 min a month.");
        assert_eq!(next_step(&p), Some(Step::Decide));
    }

    #[test]
    fn deciding_is_done_when_every_task_has_a_decision() {
        let mut s = PersonalState::default();
        assert_eq!(progress(&s, false)[1].status, Status::NotStarted);
        s.tasks = vec![task("Stand-up"), task("  Report "), task("Invoices")];
        s.tasks[0].decision = Decision::MakeAsync;
        let p = progress(&s, false);
        assert_eq!(p[1].status, Status::Started);
        assert_eq!(p[1].standing, "1 of 3 decided. Next: “Report”.");
        s.tasks[1].decision = Decision::KeepLive;
        s.tasks[2].decision = Decision::Delegate { to: "Ben".into() };
        let p = progress(&s, false);
        assert_eq!(p[1].status, Status::Done);
        assert_eq!(p[1].standing, "All 3 tasks decided.");
        // Keeping a task live is a decision too; no decision at all is not.
        s.tasks[1].decision = Decision::Undecided;
        assert_eq!(progress(&s, false)[1].status, Status::Started);
    }

    #[test]
    fn the_week_needs_deep_work_and_office_hours() {
        let mut s = PersonalState::default();
        s.schedule.blocks.push(block(BlockKind::Leisure, 60));
        assert_eq!(progress(&s, false)[2].status, Status::NotStarted);
        s.schedule.blocks.push(block(BlockKind::Maker, 180));
        let p = progress(&s, false);
        assert_eq!(p[2].status, Status::Started);
        assert_eq!(p[2].action, "Add office hours");
        s.schedule.blocks.push(block(BlockKind::Manager, 90));
        let p = progress(&s, false);
        assert_eq!(p[2].status, Status::Done);
        assert_eq!(
            p[2].standing,
            "3 h of deep work and 1 h 30 min of office hours a week."
        );
        s.schedule.blocks.retain(|b| b.kind != BlockKind::Maker);
        assert_eq!(progress(&s, false)[2].action, "Add a deep-work block");
    }

    #[test]
    fn the_rate_is_done_once_it_works_out_above_zero() {
        let mut s = PersonalState::default();
        assert_eq!(progress(&s, false)[3].status, Status::NotStarted);
        s.rate.currency = "EUR".into();
        s.rate.direct_cents_per_hour = 5_500;
        let p = progress(&s, false);
        assert_eq!(p[3].status, Status::Done);
        assert_eq!(p[3].standing, "€55.00 an hour.");
    }

    #[test]
    fn boundaries_need_a_channel_and_a_shared_page() {
        let mut s = PersonalState::default();
        assert_eq!(progress(&s, false)[4].status, Status::NotStarted);
        assert_eq!(progress(&s, true)[4].status, Status::Started);
        // A channel without a name says nothing to a reader.
        s.boundaries.channels = vec![Channel::default()];
        assert_eq!(progress(&s, false)[4].status, Status::NotStarted);
        s.boundaries.channels[0].name = "Email".into();
        let p = progress(&s, false);
        assert_eq!(p[4].status, Status::Started);
        assert_eq!(p[4].action, "Share your page");
        let p = progress(&s, true);
        assert_eq!(p[4].status, Status::Done);
        assert_eq!(
            p[4].standing,
            "Response times for 1 channel; your page is shared."
        );
    }

    #[test]
    fn the_next_step_is_the_first_not_done_whatever_comes_later() {
        let mut s = PersonalState {
            tasks: ["a", "b", "c"].map(task).to_vec(),
            ..PersonalState::default()
        };
        s.rate.direct_cents_per_hour = 100;
        assert_eq!(
            statuses(&s, false),
            [
                Status::Done,
                Status::NotStarted,
                Status::NotStarted,
                Status::Done,
                Status::NotStarted
            ]
        );
        assert_eq!(next_step(&progress(&s, false)), Some(Step::Decide));
        for t in &mut s.tasks {
            t.decision = Decision::Drop;
        }
        s.schedule.blocks = vec![block(BlockKind::Maker, 90), block(BlockKind::Manager, 60)];
        s.boundaries.channels = vec![Channel {
            name: "Chat".into(),
            ..Channel::default()
        }];
        assert_eq!(next_step(&progress(&s, false)), Some(Step::Boundaries));
        assert_eq!(next_step(&progress(&s, true)), None);
    }
}
