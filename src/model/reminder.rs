//! Reminders: 'remind me' on a comment, an action item or a card, at a time or at the
//! start of tomorrow's office hours. They live in the personal document (private), show
//! in the app when due, and export as calendar alarms, since nothing can wake a closed
//! web app without a server.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::schedule::{BlockKind, Schedule};
use super::zones::{local_clock, local_instant};

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
}

impl Reminder {
    pub fn is_due(&self, now: i64) -> bool {
        !self.done && self.at <= now
    }
}

/// Due reminders, oldest first.
pub fn due(reminders: &[Reminder], now: i64) -> Vec<&Reminder> {
    let mut out: Vec<&Reminder> = reminders.iter().filter(|r| r.is_due(now)).collect();
    out.sort_by_key(|r| (r.at, r.id.clone()));
    out
}

/// Reminders still to come, soonest first.
pub fn upcoming(reminders: &[Reminder], now: i64) -> Vec<&Reminder> {
    let mut out: Vec<&Reminder> = reminders.iter().filter(|r| !r.done && r.at > now).collect();
    out.sort_by_key(|r| (r.at, r.id.clone()));
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
pub fn next_office_hours(schedule: &Schedule, tz: Tz, now: DateTime<Utc>) -> Option<(i64, bool)> {
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
pub fn parse_local(tz: Tz, value: &str) -> Option<i64> {
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
        let london: Tz = "Europe/London".parse().unwrap();
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
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
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
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        assert_eq!(
            parse_local(kolkata, "2026-11-26T09:00"),
            Some(
                Utc.with_ymd_and_hms(2026, 11, 26, 3, 30, 0)
                    .unwrap()
                    .timestamp_millis()
            )
        );
        // 01:30 on 29 Mar 2026 does not exist in London: it is 02:00 BST, 01:00 UTC.
        let london: Tz = "Europe/London".parse().unwrap();
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
}
