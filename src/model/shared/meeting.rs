//! Meetings kept short: the pre-meeting brief, the 15-minute agenda, a timer that runs
//! through it and says calmly when an item runs over, what a meeting costs at the
//! organiser's rate, the follow-up summary, and the 'could this be async?' check.

use super::envelope::{one_line, Action, Envelope};
use crate::model::ids::DocId;
use crate::model::rate::Rate;
use std::fmt::Write as _;

/// The most minutes one agenda item can plan.
pub const MAX_ITEM_MINUTES: u32 = 240;

/// The meeting part of a shared meeting document.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MeetingPart {
    /// `YYYY-MM-DDTHH:MM` on the organiser's clock, or empty.
    pub when: String,
    /// The organiser's IANA zone when `when` was set, so others can read it on theirs.
    pub when_zone: String,
    /// What everyone must know before the meeting.
    pub data: String,
    /// Important dates, one per line.
    pub dates: String,
    /// The questions the meeting must answer, one per line.
    pub questions: String,
    /// A recording link, http(s) only; empty when none.
    pub recording: String,
    pub agenda: Vec<AgendaItem>,
    /// When each item was reached, in agenda order (see `timer`).
    pub started: Vec<i64>,
    pub ended: Option<i64>,
    pub notes: String,
    /// The discussion this meeting was turned into, if it was.
    pub moved_to: Option<DocId>,
    /// How long the meeting would have been booked for without its agenda, in minutes
    /// (`BOOKED_MINUTES` when never said): what the monthly review counts a shortened
    /// meeting, or one turned async, against.
    pub booked: Option<u32>,
}

/// The length a meeting is counted against when its organiser never said: an hour, the
/// length calendars book by default.
pub const BOOKED_MINUTES: u32 = 60;

impl MeetingPart {
    /// Nothing yet: what a screen of another kind reads.
    pub const EMPTY: MeetingPart = MeetingPart {
        when: String::new(),
        when_zone: String::new(),
        data: String::new(),
        dates: String::new(),
        questions: String::new(),
        recording: String::new(),
        agenda: Vec::new(),
        started: Vec::new(),
        ended: None,
        notes: String::new(),
        moved_to: None,
        booked: None,
    };

    pub fn planned_minutes(&self) -> u32 {
        planned_minutes(&self.agenda)
    }
}

/// The follow-up summary, as plain text for an email or a chat message: when, the
/// brief (what everyone had to know, the questions, the important dates), then what the
/// meeting produced (notes, action items) and the recording.
pub fn follow_up(state: &Envelope, m: &MeetingPart) -> String {
    let title = state.title_or("Meeting");
    let mut out = format!("Follow-up: {title}\n");
    if !m.when.is_empty() {
        let _ = writeln!(out, "{}", when_line(m));
    }
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {l}"))
            .collect()
    };
    if !m.data.trim().is_empty() {
        let _ = writeln!(out, "\nBefore the meeting\n{}", m.data.trim());
    }
    let questions = lines(&m.questions);
    if !questions.is_empty() {
        let _ = writeln!(out, "\nQuestions\n{}", questions.join("\n"));
    }
    let dates = lines(&m.dates);
    if !dates.is_empty() {
        let _ = writeln!(out, "\nImportant dates\n{}", dates.join("\n"));
    }
    if !m.notes.trim().is_empty() {
        let _ = writeln!(out, "\nNotes\n{}", m.notes.trim());
    }
    if !state.actions.is_empty() {
        out.push_str("\nAction items\n");
        for a in &state.actions {
            let _ = writeln!(out, "{}", action_line(a));
        }
    }
    if !m.recording.is_empty() {
        let _ = writeln!(out, "\nRecording: {}", m.recording);
    }
    out
}

/// The meeting as Markdown: brief, agenda, notes, action items.
pub fn markdown(state: &Envelope, m: &MeetingPart) -> String {
    let title = state.title_or("Meeting");
    let mut md = format!("# {}\n\n", one_line(title));
    if !m.when.is_empty() {
        let _ = write!(md, "When: {}\n\n", when_line(m));
    }
    let section = |md: &mut String, head: &str, body: &str| {
        if !body.trim().is_empty() {
            let _ = write!(md, "## {head}\n\n{}\n\n", body.trim());
        }
    };
    let bullets = |text: &str| -> String {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    section(&mut md, "Before the meeting", &m.data);
    section(&mut md, "Questions", &bullets(&m.questions));
    section(&mut md, "Important dates", &bullets(&m.dates));
    let agenda: Vec<String> = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}. {} ({} min)", i + 1, one_line(&a.title), a.minutes))
        .collect();
    section(&mut md, "Agenda", &agenda.join("\n"));
    section(&mut md, "Notes", &m.notes);
    let actions: Vec<String> = state.actions.iter().map(action_line).collect();
    section(&mut md, "Action items", &actions.join("\n"));
    if !m.recording.is_empty() {
        let _ = writeln!(md, "[Recording](<{}>)", m.recording);
    }
    md
}

/// "2026-12-01 10:00 (Europe/London)".
fn when_line(m: &MeetingPart) -> String {
    let when = m.when.replace('T', " ");
    if m.when_zone.is_empty() {
        when
    } else {
        format!("{when} ({})", m.when_zone)
    }
}

fn action_line(a: &Action) -> String {
    let mut line = format!("- [{}] {}", if a.done { "x" } else { " " }, a.text.trim());
    if !a.owner.trim().is_empty() {
        let _ = write!(line, " (owner: {})", a.owner.trim());
    }
    if !a.due.is_empty() {
        let _ = write!(line, ", due {}", a.due);
    }
    line
}

/// A `mailto:` address to `to` with the follow-up as subject and body, each address and
/// field percent-encoded so no character of the user's text can break out of its field.
pub fn mailto(to: &[String], subject: &str, body: &str) -> String {
    let to: Vec<String> = to.iter().map(|a| percent_encode(a)).collect();
    format!(
        "mailto:{}?subject={}&body={}",
        to.join(","),
        percent_encode(subject),
        percent_encode(&body.replace('\n', "\r\n"))
    )
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The 'could this be async?' questions. Each answered "yes" is a reason to write
/// instead of meeting.
pub const ASYNC_CHECK: [&str; 4] = [
    "Is it mainly to share information or status?",
    "Can the decision wait a day or two?",
    "Could people answer in writing, each in their own time?",
    "Is it missing a reason to talk live (a conflict, a sensitive topic, a first meeting)?",
];

/// What the check's answers suggest: with two or more reasons, a discussion document.
pub fn async_verdict(yes: usize) -> Option<&'static str> {
    match yes {
        0 => None,
        1 => Some("One reason to go async. If the others hold too, write it up instead."),
        _ => Some("This could be async. Turn it into a discussion: people read the brief, comment, vote and agree the action plan in their own time."),
    }
}

/// One agenda item and the minutes planned for it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    pub minutes: u32,
}

/// The framework's 15-minute agenda: introductions 1, three points 5, action items 7,
/// summary 2.
pub fn standard_agenda() -> Vec<AgendaItem> {
    [
        ("intro", "Introductions", 1),
        ("points", "Three points", 5),
        ("actions", "Action items", 7),
        ("summary", "Summary", 2),
    ]
    .into_iter()
    .map(|(id, title, minutes)| AgendaItem {
        id: id.into(),
        title: title.into(),
        minutes,
    })
    .collect()
}

/// Minutes the agenda plans in all.
pub fn planned_minutes(items: &[AgendaItem]) -> u32 {
    items.iter().map(|i| i.minutes).sum()
}

/// Where a running meeting stands. Times are ms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerState {
    /// The item being discussed (index into the agenda); `None` once the last item ended.
    pub current: Option<usize>,
    /// Time spent on the current item.
    pub item_elapsed: i64,
    /// Time left on the current item; negative once it runs over.
    pub item_left: i64,
    /// Time since the meeting started.
    pub elapsed: i64,
    /// How far the whole meeting is past its plan; 0 while within it.
    pub overrun: i64,
}

impl TimerState {
    pub fn item_over(&self) -> bool {
        self.current.is_some() && self.item_left < 0
    }
}

/// The timer for a meeting whose items were started at `started` (ms; one entry per item
/// reached so far, in order: the facilitator moves on by hand) and that ended at `ended`,
/// if it has. An item runs over when it takes longer than planned; the next one still
/// gets its full time.
pub fn timer(items: &[AgendaItem], started: &[i64], ended: Option<i64>, now: i64) -> TimerState {
    let plan = i64::from(planned_minutes(items)) * 60_000;
    let Some(&first) = started.first() else {
        return TimerState {
            current: None,
            item_elapsed: 0,
            item_left: 0,
            elapsed: 0,
            overrun: 0,
        };
    };
    // Saturating: the start times come from a shared document, which anyone could fill
    // with extreme numbers.
    let until = ended.unwrap_or(now).max(first);
    let elapsed = until.saturating_sub(first);
    let index = started.len().min(items.len()).saturating_sub(1);
    let current = ended
        .is_none()
        .then_some(index)
        .filter(|_| !items.is_empty());
    // The current item started when the facilitator last moved on.
    let item_start = started.last().copied().unwrap_or(first);
    let item_elapsed = until.saturating_sub(item_start).max(0);
    let item_left = items.get(index).map_or(0, |i| {
        (i64::from(i.minutes) * 60_000).saturating_sub(item_elapsed)
    });
    TimerState {
        current,
        item_elapsed,
        item_left,
        elapsed,
        overrun: elapsed.saturating_sub(plan).max(0),
    }
}

/// "2:05" for a span in ms (rounded down to the second), with a minus sign when negative.
pub fn clock_span(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "" };
    let s = ms.unsigned_abs() / 1000;
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// What a meeting costs in cents: attendees × minutes × the organiser's own hourly rate.
/// The organiser's rate stands in for everyone's, as the framework's exercise does; it
/// never leaves the personal document.
pub fn meeting_cost_cents(rate: &Rate, attendees: u32, minutes: u32) -> i64 {
    let person_minutes = i64::from(attendees) * i64::from(minutes);
    // Rounded to the nearest cent.
    (rate.cents_per_hour() * person_minutes + 30) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rate::RateMode;
    use crate::model::shared::envelope::{attendee, attendee_addresses};

    const MIN: i64 = 60_000;

    #[test]
    fn the_standard_agenda_is_fifteen_minutes() {
        let a = standard_agenda();
        assert_eq!(planned_minutes(&a), 15);
        assert_eq!(
            a.iter().map(|i| i.minutes).collect::<Vec<_>>(),
            [1, 5, 7, 2]
        );
    }

    #[test]
    fn the_timer_follows_items_and_says_when_they_run_over() {
        let a = standard_agenda();
        let t0 = 1_000_000;
        // Not started.
        assert_eq!(timer(&a, &[], None, t0).current, None);
        // 40 s into introductions.
        let s = timer(&a, &[t0], None, t0 + 40_000);
        assert_eq!((s.current, s.item_left, s.overrun), (Some(0), 20_000, 0));
        assert!(!s.item_over());
        // Introductions took 2 minutes (1 over); three points started then.
        let s = timer(&a, &[t0], None, t0 + 2 * MIN);
        assert!(s.item_over());
        assert_eq!(s.item_left, -MIN);
        let s = timer(&a, &[t0, t0 + 2 * MIN], None, t0 + 4 * MIN);
        assert_eq!(
            (s.current, s.item_elapsed, s.item_left),
            (Some(1), 2 * MIN, 3 * MIN)
        );
        // The summary ends at 17 minutes: 2 over the plan.
        let starts = [t0, t0 + 2 * MIN, t0 + 7 * MIN, t0 + 14 * MIN];
        let s = timer(&a, &starts, Some(t0 + 17 * MIN), t0 + 30 * MIN);
        assert_eq!((s.current, s.elapsed, s.overrun), (None, 17 * MIN, 2 * MIN));
        // Items removed while running: the current item is timed from the last start.
        let short = &a[..2];
        let s = timer(short, &starts[..3], None, t0 + 8 * MIN);
        assert_eq!((s.current, s.item_elapsed), (Some(1), MIN));
        // Hostile start times do not overflow.
        let s = timer(&a, &[i64::MIN, i64::MAX], None, i64::MAX);
        assert!(s.elapsed >= 0 && s.item_left <= i64::from(5 * 60_000));
        assert_eq!(clock_span(125_400), "2:05");
        assert_eq!(clock_span(-61_000), "−1:01");
    }

    #[test]
    fn the_follow_up_lists_questions_notes_and_actions_and_mails_safely() {
        let mut state = Envelope {
            title: "Launch review".into(),
            ..Envelope::default()
        };
        let meeting = MeetingPart {
            when: "2026-12-01T10:00".into(),
            questions: "Ship on Monday?\n\n  Who tells support?".into(),
            notes: "Agreed to ship.".into(),
            ..MeetingPart::default()
        };
        state.actions.push(Action {
            text: "Tell support".into(),
            owner: "Ben".into(),
            due: "2026-12-02".into(),
            ..Action::default()
        });
        let text = follow_up(&state, &meeting);
        assert_eq!(
            text,
            "Follow-up: Launch review\n2026-12-01 10:00\n\nQuestions\n- Ship on Monday?\n- Who tells support?\n\nNotes\nAgreed to ship.\n\nAction items\n- [ ] Tell support (owner: Ben), due 2026-12-02\n"
        );
        let mail = mailto(&[], "a&b=c", "line 1\nline 2 ?#");
        assert_eq!(
            mail,
            "mailto:?subject=a%26b%3Dc&body=line%201%0D%0Aline%202%20%3F%23"
        );
        let md = markdown(&state, &meeting);
        assert!(md.starts_with("# Launch review\n\nWhen: 2026-12-01 10:00\n\n## Questions\n\n- Ship on Monday?\n- Who tells support?\n\n"));
        assert!(md.contains("## Action items\n\n- [ ] Tell support (owner: Ben), due 2026-12-02\n"));
        assert_eq!(async_verdict(0), None);
        assert!(async_verdict(2).unwrap().starts_with("This could be async"));
    }

    #[test]
    fn the_follow_up_carries_the_briefs_data_and_dates() {
        let state = Envelope {
            title: "Launch review".into(),
            ..Envelope::default()
        };
        let meeting = MeetingPart {
            when: "2026-11-30T10:00".into(),
            when_zone: "Europe/London".into(),
            data: "  Sign-ups are 12% above plan.\nSupport is ready.  ".into(),
            questions: "Ship on Monday?".into(),
            dates: "2026-12-07 launch\n\n 2026-12-14 review ".into(),
            notes: "Agreed.".into(),
            ..MeetingPart::default()
        };
        assert_eq!(
            follow_up(&state, &meeting),
            "Follow-up: Launch review\n2026-11-30 10:00 (Europe/London)\n\nBefore the meeting\nSign-ups are 12% above plan.\nSupport is ready.\n\nQuestions\n- Ship on Monday?\n\nImportant dates\n- 2026-12-07 launch\n- 2026-12-14 review\n\nNotes\nAgreed.\n"
        );
    }

    #[test]
    fn the_email_goes_to_the_attendees_whose_addresses_are_known() {
        assert_eq!(attendee("Ana"), ("Ana", None));
        assert_eq!(
            attendee(" Ben Ng <ben@example.org> "),
            ("Ben Ng", Some("ben@example.org"))
        );
        assert_eq!(
            attendee("<cy@example.org>"),
            ("cy@example.org", Some("cy@example.org"))
        );
        // Not addresses: kept as names, never put in the mail's fields.
        for bad in [
            "Dee <dee>",
            "Dee <dee@localhost>",
            "Dee <a@b@c.org>",
            "Dee <dee@x.org?cc=eve@y.org>",
            "Dee <dee@x.org&body=hi>",
            "Dee <dee @x.org>",
            "Dee <@x.org>",
        ] {
            assert_eq!(attendee(bad).1, None, "{bad}");
        }
        let invited: Vec<(String, String)> = [
            "Ben <ben@example.org>",
            "Cy",
            "Dee <d+team@example.co.uk>",
            "Benjamin <BEN@example.org>",
        ]
        .iter()
        .enumerate()
        .map(|(i, e)| (i.to_string(), (*e).to_owned()))
        .collect();
        let to = attendee_addresses(&invited);
        assert_eq!(to, ["ben@example.org", "d+team@example.co.uk"]);
        assert_eq!(
            mailto(&to, "Follow-up: Launch", "Hi"),
            "mailto:ben%40example.org,d%2Bteam%40example.co.uk?subject=Follow-up%3A%20Launch&body=Hi"
        );
    }

    #[test]
    fn cost_is_attendees_times_minutes_times_rate() {
        let rate = Rate {
            mode: RateMode::Direct,
            direct_cents_per_hour: 6_000,
            ..Rate::default()
        };
        // 6 people for 30 minutes at 60.00 an hour: 180.00.
        assert_eq!(meeting_cost_cents(&rate, 6, 30), 18_000);
        // 3 people for 15 minutes at 60.00: 45.00.
        assert_eq!(meeting_cost_cents(&rate, 3, 15), 4_500);
        // 1 person for 1 minute at 0.50 an hour: 0.83 cents, rounded to 1.
        let cheap = Rate {
            direct_cents_per_hour: 50,
            ..rate.clone()
        };
        assert_eq!(meeting_cost_cents(&cheap, 1, 1), 1);
        assert_eq!(meeting_cost_cents(&rate, 0, 60), 0);
    }
}
