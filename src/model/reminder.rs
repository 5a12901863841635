//! Reminders: 'remind me' on a comment, an action item or a card, at a time, at the
//! start of tomorrow's office hours or on an item's due date; or one of the person's own,
//! once or repeating (every day, every Monday, the 1st of each month). They live in the
//! personal document (private), show in the app when due, and export as calendar alarms,
//! since nothing can wake a closed web app without a server.

use crate::model::order;
use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

use super::schedule::{BlockKind, Schedule, WorkingHours, WEEKDAYS};
use super::zones::{local_clock, local_instant};

/// How often a repeating reminder comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    Day,
    /// 0 = Monday … 6 = Sunday.
    Week(u8),
    /// A day of the month, 1–31. A month without that day uses its last day, so 31 is
    /// 'the last day of each month' and the 30th falls on 28 or 29 February.
    Month(u8),
}

/// A repetition rule, on a wall clock: the same local time in `zone` whatever the
/// clocks do (every Monday 09:00 in London is 09:00 GMT in winter, 09:00 BST in summer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub every: Every,
    /// Minutes after local midnight.
    pub minute: u32,
    /// The IANA zone the rule was set in.
    pub zone: String,
}

impl Repeat {
    /// Reads the stored form, "week 0 540 Europe/London" (kind, its number, the minute,
    /// the zone). Anything unreadable is no rule: the reminder then fires once.
    pub fn parse(value: &str) -> Option<Repeat> {
        let mut parts = value.split(' ');
        let kind = parts.next()?;
        let n: u8 = parts.next()?.parse().ok()?;
        let minute: u32 = parts.next()?.parse().ok().filter(|m| *m < 24 * 60)?;
        let zone = parts.next()?;
        zone.parse::<Zone>().ok()?;
        let every = match kind {
            "day" => Every::Day,
            "week" if n < 7 => Every::Week(n),
            "month" if (1..=31).contains(&n) => Every::Month(n),
            _ => return None,
        };
        (parts.next().is_none()).then(|| Repeat {
            every,
            minute,
            zone: zone.to_owned(),
        })
    }

    /// The stored form (see `parse`).
    pub fn key(&self) -> String {
        let (kind, n) = match self.every {
            Every::Day => ("day", 0),
            Every::Week(d) => ("week", d),
            Every::Month(d) => ("month", d),
        };
        format!("{kind} {n} {} {}", self.minute, self.zone)
    }

    /// Whether the rule falls on `date`.
    pub fn falls_on(&self, date: NaiveDate) -> bool {
        match self.every {
            Every::Day => true,
            Every::Week(d) => date.weekday().num_days_from_monday() == u32::from(d),
            Every::Month(d) => date.day() == u32::from(d).min(month_length(date)),
        }
    }

    /// The first time the rule falls strictly after `after` (ms).
    pub fn next_after(&self, after: i64) -> Option<i64> {
        let tz: Zone = self.zone.parse().ok()?;
        let (today, _) = local_clock(tz, Utc.timestamp_millis_opt(after).single()?);
        // Two months covers every rule, a 31st after a short month included.
        (0..=62)
            .map(|ahead| today + Duration::days(ahead))
            .filter(|d| self.falls_on(*d))
            .map(|d| local_instant(tz, d, self.minute).timestamp_millis())
            .find(|&at| at > after)
    }

    /// "Every Monday at 09:00", "On the last day of each month at 17:30".
    pub fn label(&self) -> String {
        let time = format!("{:02}:{:02}", self.minute / 60, self.minute % 60);
        match self.every {
            Every::Day => format!("Every day at {time}"),
            Every::Week(d) => format!("Every {} at {time}", WEEKDAYS[usize::from(d.min(6))]),
            Every::Month(31) => format!("On the last day of each month at {time}"),
            Every::Month(d) if d > 28 => format!(
                "On the {} of each month (or its last day) at {time}",
                ordinal(d)
            ),
            Every::Month(d) => format!("On the {} of each month at {time}", ordinal(d)),
        }
    }
}

/// Days in the month of `date`.
pub fn month_length(date: NaiveDate) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(date.year(), date.month(), d).is_some())
        .unwrap_or(28)
}

/// "1st", "22nd", "13th".
pub fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The choices of repetition for a first time on `date`: none, every day, every that
/// weekday, that day of each month, and the last day of each month (when `date` is not
/// already the 31st). Each is `(value, label)`; `value` is what `choose_repeat` reads.
pub fn repeat_choices(date: NaiveDate) -> Vec<(&'static str, String)> {
    let day = date.day();
    let mut out = vec![
        ("", "Does not repeat".to_owned()),
        ("day", "Every day".to_owned()),
        (
            "week",
            format!(
                "Every {}",
                WEEKDAYS[date.weekday().num_days_from_monday() as usize]
            ),
        ),
    ];
    if day < 29 {
        out.push((
            "month",
            format!("On the {} of each month", ordinal(day as u8)),
        ));
    } else if day < 31 {
        out.push((
            "month",
            format!(
                "On the {} of each month (or its last day)",
                ordinal(day as u8)
            ),
        ));
    }
    out.push(("last", "On the last day of each month".to_owned()));
    out
}

/// The rule for a choice from `repeat_choices`, starting from the local `date` and
/// `minute` in `zone`.
pub fn choose_repeat(choice: &str, date: NaiveDate, minute: u32, zone: &str) -> Option<Repeat> {
    let every = match choice {
        "day" => Every::Day,
        "week" => Every::Week(date.weekday().num_days_from_monday() as u8),
        "month" => Every::Month(date.day() as u8),
        "last" => Every::Month(31),
        _ => return None,
    };
    Some(Repeat {
        every,
        minute,
        zone: zone.to_owned(),
    })
}

/// 'On the due date': the start of the person's working day on `date`, in `tz`.
pub fn on_due_date(tz: Zone, date: NaiveDate, hours: &WorkingHours) -> i64 {
    local_instant(tz, date, hours.start).timestamp_millis()
}

/// One reminder. Times are ms since the epoch.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Reminder {
    pub id: String,
    /// What to be reminded of, in the person's words or the item's.
    pub text: String,
    /// Where the item lives in the app (`/shared/<id>`), or empty.
    pub link: String,
    /// The shared document's title, for the list.
    pub source: String,
    pub at: i64,
    pub created: i64,
    /// Dealt with: no longer listed as due.
    pub done: bool,
    /// A system notification was shown for it (so other tabs and reloads do not repeat it).
    pub notified: bool,
    /// How it repeats; `None` for a reminder that fires once.
    pub repeat: Option<Repeat>,
    /// For a repeating reminder and each time it fired: the id of the first of them.
    pub series: String,
}

impl Reminder {
    pub fn is_due(&self, now: i64) -> bool {
        !self.done && self.at <= now
    }

    /// A repeating reminder that fired (was shown, or dealt with) at or after `now`:
    /// this time becomes a reminder of its own, kept under this id so it stays listed as
    /// due until done, and the rule moves on to a new reminder at its next time after
    /// both this time and `now` (times missed while the app was closed are not repeated).
    /// The new id follows from the series and the time, so two devices or tabs that both
    /// see it fire make the same one. `None` for a reminder that does not repeat.
    pub fn fire(&self, now: i64) -> Option<(Reminder, Option<Reminder>)> {
        let rule = self.repeat.clone()?;
        let series = if self.series.is_empty() {
            self.id.clone()
        } else {
            self.series.clone()
        };
        let next = rule.next_after(self.at.max(now)).map(|at| Reminder {
            id: format!("{series}.{:x}", at / 60_000),
            at,
            done: false,
            notified: false,
            repeat: Some(rule),
            series: series.clone(),
            ..self.clone()
        });
        let this = Reminder {
            repeat: None,
            series,
            ..self.clone()
        };
        Some((this, next))
    }
}

/// Due reminders, oldest first.
pub fn due(reminders: &[Reminder], now: i64) -> Vec<&Reminder> {
    let mut out: Vec<&Reminder> = reminders.iter().filter(|r| r.is_due(now)).collect();
    order::sort_by_key(&mut out, |r| (r.at, r.id.clone()));
    out
}

/// Reminders still to come, soonest first.
pub fn upcoming(reminders: &[Reminder], now: i64) -> Vec<&Reminder> {
    let mut out: Vec<&Reminder> = reminders.iter().filter(|r| !r.done && r.at > now).collect();
    order::sort_by_key(&mut out, |r| (r.at, r.id.clone()));
    out
}

/// Reminders that came due while the app was closed: due before it opened, and never
/// shown as a notification.
pub fn missed(reminders: &[Reminder], opened: i64) -> Vec<&Reminder> {
    due(reminders, opened)
        .into_iter()
        .filter(|r| !r.notified)
        .collect()
}

/// When 'tomorrow at the start of my office hours' falls: the first office-hours block
/// of the next day that has one (tomorrow when it has), on the person's clock in `tz`.
/// `None` when the week has no office hours. The `bool` is true when the day found is
/// tomorrow.
pub fn next_office_hours(schedule: &Schedule, tz: Zone, now: DateTime<Utc>) -> Option<(i64, bool)> {
    let (today, _) = local_clock(tz, now);
    for ahead in 1..=7 {
        let date = today + Duration::days(ahead);
        let weekday = chrono::Datelike::weekday(&date).num_days_from_monday() as u8;
        let start = schedule
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Manager && b.day == weekday)
            .map(|b| b.start)
            .min();
        if let Some(start) = start {
            let at = local_instant(tz, date, start);
            return Some((at.timestamp_millis(), ahead == 1));
        }
    }
    None
}

/// A `datetime-local` value ("2026-11-26T09:00") on the person's clock in `tz`, as ms.
/// A time in a DST gap becomes the instant the clocks jump to.
pub fn parse_local(tz: Zone, value: &str) -> Option<i64> {
    let at = chrono::NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    let minute = chrono::Timelike::hour(&at) * 60 + chrono::Timelike::minute(&at);
    Some(local_instant(tz, at.date(), minute).timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::Block;
    use chrono::TimeZone;

    fn office(day: u8, start: u32) -> Block {
        Block {
            id: format!("b{day}{start}"),
            day,
            start,
            minutes: 60,
            kind: BlockKind::Manager,
            label: String::new(),
        }
    }

    #[test]
    fn tomorrow_at_office_hours_follows_the_schedule_and_the_zone() {
        let london: Zone = "Europe/London".parse().unwrap();
        let mut s = Schedule::default();
        // Thursday 14:00 and 09:00 office hours, a deep-work block at 08:00, Monday 10:00.
        s.blocks.push(office(3, 14 * 60));
        s.blocks.push(office(3, 9 * 60));
        s.blocks.push(Block {
            kind: BlockKind::Maker,
            ..office(3, 8 * 60)
        });
        s.blocks.push(office(0, 10 * 60));
        // Wednesday 25 Nov 2026, 22:30 in London: tomorrow is Thursday, 09:00 GMT.
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 22, 30, 0).unwrap();
        let (at, tomorrow) = next_office_hours(&s, london, now).unwrap();
        assert!(tomorrow);
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
                .unwrap()
                .timestamp_millis()
        );
        // The same instant seen from Tokyo is Thursday 07:30 there, so "tomorrow" is
        // Friday, which has none: the next is Monday 10:00 Tokyo (01:00 UTC).
        let tokyo: Zone = "Asia/Tokyo".parse().unwrap();
        let (at, tomorrow) = next_office_hours(&s, tokyo, now).unwrap();
        assert!(!tomorrow);
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
                .unwrap()
                .timestamp_millis()
        );
        // Across the spring change: Saturday 28 Mar 2026 in London, office hours Sunday
        // 09:00, which is BST (08:00 UTC).
        let mut sunday = Schedule::default();
        sunday.blocks.push(office(6, 9 * 60));
        let sat = Utc.with_ymd_and_hms(2026, 3, 28, 12, 0, 0).unwrap();
        let (at, _) = next_office_hours(&sunday, london, sat).unwrap();
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 3, 29, 8, 0, 0)
                .unwrap()
                .timestamp_millis()
        );
        assert_eq!(next_office_hours(&Schedule::default(), london, now), None);
    }

    #[test]
    fn a_typed_time_is_read_on_the_persons_clock() {
        let kolkata: Zone = "Asia/Kolkata".parse().unwrap();
        assert_eq!(
            parse_local(kolkata, "2026-11-26T09:00"),
            Some(
                Utc.with_ymd_and_hms(2026, 11, 26, 3, 30, 0)
                    .unwrap()
                    .timestamp_millis()
            )
        );
        // 01:30 on 29 Mar 2026 does not exist in London: it is 02:00 BST, 01:00 UTC.
        let london: Zone = "Europe/London".parse().unwrap();
        assert_eq!(
            parse_local(london, "2026-03-29T01:30"),
            Some(
                Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0)
                    .unwrap()
                    .timestamp_millis()
            )
        );
        assert_eq!(parse_local(london, "tomorrow"), None);
    }

    #[test]
    fn due_upcoming_and_missed() {
        let r = |id: &str, at: i64, done: bool, notified: bool| Reminder {
            id: id.into(),
            at,
            done,
            notified,
            ..Reminder::default()
        };
        let list = vec![
            r("a", 300, false, false),
            r("b", 100, false, true),
            r("c", 200, true, false),
            r("d", 900, false, false),
        ];
        let ids = |v: Vec<&Reminder>| v.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(due(&list, 500)), ["b", "a"]);
        assert_eq!(ids(upcoming(&list, 500)), ["d"]);
        // Opened at 400: "a" came due while closed and was never notified.
        assert_eq!(ids(missed(&list, 400)), ["a"]);
    }

    fn ms(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn rule(every: Every, minute: u32, zone: &str) -> Repeat {
        Repeat {
            every,
            minute,
            zone: zone.into(),
        }
    }

    /// The next `n` times of `r` after `from`.
    fn times(r: &Repeat, from: i64, n: usize) -> Vec<i64> {
        let mut out = Vec::new();
        let mut at = from;
        while out.len() < n {
            at = r.next_after(at).unwrap();
            out.push(at);
        }
        out
    }

    #[test]
    fn every_monday_at_nine_stays_nine_local_across_both_clock_changes() {
        let monday = rule(Every::Week(0), 9 * 60, "Europe/London");
        // From Monday 19 Oct 2026 09:00 BST: the clocks go back on Sunday 25 October.
        assert_eq!(
            times(&monday, ms(2026, 10, 19, 8, 0), 2),
            [ms(2026, 10, 26, 9, 0), ms(2026, 11, 2, 9, 0)]
        );
        // And forward on Sunday 29 March 2026: 09:00 BST is 08:00 UTC.
        assert_eq!(
            times(&monday, ms(2026, 3, 23, 9, 0), 2),
            [ms(2026, 3, 30, 8, 0), ms(2026, 4, 6, 8, 0)]
        );
        // Strictly after: at 09:00 itself the next is a week on; a minute before, today.
        assert_eq!(
            monday.next_after(ms(2026, 11, 30, 8, 59)),
            Some(ms(2026, 11, 30, 9, 0))
        );
        // In New York, whose clocks change on other Sundays (8 March, 1 November 2026).
        let ny = rule(Every::Week(0), 9 * 60, "America/New_York");
        assert_eq!(
            times(&ny, ms(2026, 10, 26, 13, 0), 2),
            [ms(2026, 11, 2, 14, 0), ms(2026, 11, 9, 14, 0)]
        );
        // A daily 01:30 in London on the night the clocks skip it fires at 02:00 BST.
        let daily = rule(Every::Day, 90, "Europe/London");
        assert_eq!(
            times(&daily, ms(2026, 3, 28, 12, 0), 2),
            [ms(2026, 3, 29, 1, 0), ms(2026, 3, 30, 0, 30)]
        );
    }

    #[test]
    fn monthly_rules_fall_on_the_last_day_of_shorter_months() {
        let first = rule(Every::Month(1), 9 * 60, "Europe/London");
        assert_eq!(
            times(&first, ms(2026, 12, 1, 9, 0), 3),
            [
                ms(2027, 1, 1, 9, 0),
                ms(2027, 2, 1, 9, 0),
                ms(2027, 3, 1, 9, 0)
            ]
        );
        // The last day of each month: 31, 28 (or 29 in a leap year), 31, 30.
        let last = rule(Every::Month(31), 17 * 60, "UTC");
        assert_eq!(
            times(&last, ms(2027, 1, 1, 0, 0), 4),
            [
                ms(2027, 1, 31, 17, 0),
                ms(2027, 2, 28, 17, 0),
                ms(2027, 3, 31, 17, 0),
                ms(2027, 4, 30, 17, 0)
            ]
        );
        assert_eq!(
            last.next_after(ms(2028, 2, 1, 0, 0)),
            Some(ms(2028, 2, 29, 17, 0))
        );
        // The 30th: February's last day, then the 30th again (not the 28th for ever).
        let thirtieth = rule(Every::Month(30), 12 * 60, "UTC");
        assert_eq!(
            times(&thirtieth, ms(2027, 1, 30, 12, 0), 2),
            [ms(2027, 2, 28, 12, 0), ms(2027, 3, 30, 12, 0)]
        );
        assert_eq!(last.label(), "On the last day of each month at 17:00");
        assert_eq!(
            thirtieth.label(),
            "On the 30th of each month (or its last day) at 12:00"
        );
        assert_eq!(first.label(), "On the 1st of each month at 09:00");
        assert_eq!(
            rule(Every::Week(0), 9 * 60, "UTC").label(),
            "Every Monday at 09:00"
        );
    }

    #[test]
    fn rules_are_stored_as_one_value_and_bad_ones_read_as_none() {
        for r in [
            rule(Every::Day, 0, "UTC"),
            rule(Every::Week(6), 1439, "Asia/Kolkata"),
            rule(Every::Month(31), 540, "Europe/London"),
        ] {
            assert_eq!(Repeat::parse(&r.key()), Some(r));
        }
        assert_eq!(
            rule(Every::Week(0), 540, "Europe/London").key(),
            "week 0 540 Europe/London"
        );
        for bad in [
            "",
            "week 7 540 UTC",
            "month 0 540 UTC",
            "month 32 540 UTC",
            "day 0 1440 UTC",
            "week 0 540 Mars/Base",
            "hour 0 540 UTC",
            "week 0 540 UTC extra",
        ] {
            assert_eq!(Repeat::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_repeating_reminder_fires_once_and_moves_on_to_its_next_time() {
        let r = Reminder {
            id: "abc".into(),
            text: "Send the weekly numbers".into(),
            at: ms(2026, 11, 30, 9, 0),
            repeat: Some(rule(Every::Week(0), 9 * 60, "Europe/London")),
            ..Reminder::default()
        };
        let now = ms(2026, 11, 30, 9, 0) + 5_000;
        let (this, next) = r.fire(now).unwrap();
        // This time stays, under its id, as a one-off; the series goes on.
        assert_eq!((this.id.as_str(), this.repeat.clone()), ("abc", None));
        assert_eq!(this.series, "abc");
        let next = next.unwrap();
        assert_eq!(next.at, ms(2026, 12, 7, 9, 0));
        assert_eq!(next.repeat, r.repeat);
        assert_eq!(next.series, "abc");
        assert!(!next.done && !next.notified);
        assert_eq!(next.text, r.text);
        // Two tabs that see it fire make the same next reminder.
        assert_eq!(r.fire(now + 1_000).unwrap().1.unwrap(), next);
        // The next one fires in its turn and keeps the series.
        let (_, third) = next.fire(next.at).unwrap();
        let third = third.unwrap();
        assert_eq!(
            (third.at, third.series.as_str()),
            (ms(2026, 12, 14, 9, 0), "abc")
        );
        assert_ne!(third.id, next.id);
        // Closed for three weeks: one missed time, and the next is after today.
        let (_, later) = r.fire(ms(2026, 12, 22, 12, 0)).unwrap();
        assert_eq!(later.unwrap().at, ms(2026, 12, 28, 9, 0));
        // One that does not repeat does not fire this way.
        assert_eq!(Reminder::default().fire(now), None);
    }

    #[test]
    fn choices_follow_the_first_date_and_due_dates_use_the_working_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let labels = |date| {
            repeat_choices(date)
                .into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(d(2026, 12, 7)),
            [
                "Does not repeat",
                "Every day",
                "Every Monday",
                "On the 7th of each month",
                "On the last day of each month"
            ]
        );
        assert_eq!(labels(d(2026, 12, 31)).len(), 4);
        assert_eq!(
            choose_repeat("month", d(2026, 12, 22), 600, "UTC").map(|r| r.label()),
            Some("On the 22nd of each month at 10:00".to_owned())
        );
        assert_eq!(
            choose_repeat("last", d(2026, 12, 1), 600, "UTC").map(|r| r.every),
            Some(Every::Month(31))
        );
        assert_eq!(choose_repeat("", d(2026, 12, 1), 600, "UTC"), None);
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(23), "23rd");
        // Due on Wednesday 2 December 2026, working from 08:30 in Kolkata (03:00 UTC).
        let kolkata: Zone = "Asia/Kolkata".parse().unwrap();
        let hours = WorkingHours {
            start: 8 * 60 + 30,
            ..WorkingHours::default()
        };
        assert_eq!(
            on_due_date(kolkata, d(2026, 12, 2), &hours),
            ms(2026, 12, 2, 3, 0)
        );
    }
}
