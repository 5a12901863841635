//! Boundaries: when a person is available, how fast they answer on each channel,
//! what counts as urgent, whom to reach in an emergency, and do-not-disturb.

use super::schedule::WorkingHours;

/// A unit for an expected response time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ResponseUnit {
    Minutes,
    #[default]
    Hours,
    WorkingDays,
}

impl ResponseUnit {
    pub const ALL: [ResponseUnit; 3] = [
        ResponseUnit::Minutes,
        ResponseUnit::Hours,
        ResponseUnit::WorkingDays,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ResponseUnit::Minutes => "minutes",
            ResponseUnit::Hours => "hours",
            ResponseUnit::WorkingDays => "days",
        }
    }

    pub fn from_key(key: &str) -> Option<ResponseUnit> {
        ResponseUnit::ALL.into_iter().find(|u| u.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            ResponseUnit::Minutes => "minutes",
            ResponseUnit::Hours => "hours",
            ResponseUnit::WorkingDays => "working days",
        }
    }
}

/// How quickly someone can expect an answer on one channel.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Channel {
    pub id: String,
    /// "Email", "Slack", "Phone", "Comments in docs".
    pub name: String,
    pub within: u32,
    pub unit: ResponseUnit,
    /// Added in the person's words: "only for outages".
    pub note: String,
    /// Order on the page.
    pub order: i64,
}

impl Channel {
    /// "within 4 hours", "within 1 working day", "when I can".
    pub fn expectation(&self) -> String {
        if self.within == 0 {
            return "when I can".into();
        }
        let unit = match (self.unit, self.within) {
            (ResponseUnit::Minutes, 1) => "minute",
            (ResponseUnit::Hours, 1) => "hour",
            (ResponseUnit::WorkingDays, 1) => "working day",
            (unit, _) => unit.label(),
        };
        format!("within {} {unit}", self.within)
    }
}

/// One step of the escalation path: who to reach, and how.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EscalationStep {
    pub id: String,
    pub who: String,
    pub how: String,
    pub order: i64,
}

/// Everything a person states about how to reach them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Boundaries {
    pub hours: WorkingHours,
    /// Availability in the person's words: "Fridays are for deep work".
    pub availability: String,
    /// In page order.
    pub channels: Vec<Channel>,
    /// What counts as urgent, in the person's words.
    pub urgent: String,
    /// In order.
    pub escalation: Vec<EscalationStep>,
    /// The tools the team uses, one per line.
    pub tools: String,
    /// Do-not-disturb until this instant (ms since the epoch); 0 when off.
    pub dnd_until: i64,
}

impl Boundaries {
    /// Whether do-not-disturb is on at `now` (ms).
    pub fn dnd_on(&self, now: i64) -> bool {
        self.dnd_until > now
    }

    /// The tools, one per non-empty line.
    pub fn tool_list(&self) -> Vec<String> {
        split_lines(&self.tools)
    }
}

/// Non-empty trimmed lines.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The channels most people start from, with common expectations.
pub fn starter_channels() -> Vec<(&'static str, u32, ResponseUnit)> {
    vec![
        ("Email", 1, ResponseUnit::WorkingDays),
        ("Chat", 4, ResponseUnit::Hours),
        ("Comments in shared documents", 1, ResponseUnit::WorkingDays),
        ("Phone", 0, ResponseUnit::Hours),
    ]
}

/// When do-not-disturb should end if the person switches it on at `now_minute` (their
/// wall clock, minutes from midnight) on weekday `day`: the start of their next working
/// window, as (days ahead, minute). Falls back to tomorrow at the usual start.
pub fn next_back_at(hours: &WorkingHours, day: u8, now_minute: u32) -> (u32, u32) {
    if hours.days == 0 {
        return (1, hours.start);
    }
    for ahead in 0..=7u32 {
        let d = ((u32::from(day) + ahead) % 7) as u8;
        if hours.works_on(d) && (ahead > 0 || now_minute < hours.start) {
            return (ahead, hours.start);
        }
    }
    (1, hours.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_read_naturally() {
        let mut c = Channel {
            within: 4,
            unit: ResponseUnit::Hours,
            ..Channel::default()
        };
        assert_eq!(c.expectation(), "within 4 hours");
        c.within = 1;
        c.unit = ResponseUnit::WorkingDays;
        assert_eq!(c.expectation(), "within 1 working day");
        c.within = 0;
        assert_eq!(c.expectation(), "when I can");
        assert_eq!(
            ResponseUnit::from_key("days"),
            Some(ResponseUnit::WorkingDays)
        );
        assert_eq!(ResponseUnit::from_key("weeks"), None);
    }

    #[test]
    fn do_not_disturb_and_back_at() {
        let b = Boundaries {
            dnd_until: 1_000,
            tools: " Slack\n\nLinear \n".into(),
            ..Boundaries::default()
        };
        assert!(b.dnd_on(999));
        assert!(!b.dnd_on(1_000));
        assert_eq!(b.tool_list(), vec!["Slack", "Linear"]);
        let hours = WorkingHours::default(); // Mon–Fri 09:00–17:00
                                             // Tuesday 08:00: back at 09:00 today.
        assert_eq!(next_back_at(&hours, 1, 8 * 60), (0, 540));
        // Tuesday 10:00: back tomorrow at 09:00.
        assert_eq!(next_back_at(&hours, 1, 10 * 60), (1, 540));
        // Friday evening: back on Monday.
        assert_eq!(next_back_at(&hours, 4, 18 * 60), (3, 540));
    }
}
