//! Slots in office hours that someone who needs a call can pick (issue 16): the owner's
//! office-hours blocks from the week become slots of a chosen length, with buffers, a
//! minimum notice and a horizon, on the owner's wall clock across clock changes (no slot
//! starts in a spring-forward gap, none is offered twice in a fall-back fold), and two
//! picks of overlapping slots are found as clashes. Pure functions, tested natively.

use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};

use super::schedule::{Block, BlockKind, DAY};
use super::zones::{local_instant, Span};

/// How office hours become slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotRules {
    /// The call's length.
    pub minutes: u32,
    /// Free time kept before and after each call, inside the office hours.
    pub before: u32,
    pub after: u32,
    /// No slot starts sooner than this after now.
    pub notice_minutes: u32,
    /// How many weeks ahead slots are offered, counting this one.
    pub weeks: u8,
}

impl SlotRules {
    /// The rules within the ranges the editor offers: a call of 5 to 240 minutes, at most
    /// two hours free before and after, 30 days' notice and 8 weeks ahead. Rules from a
    /// link are read through this, so no link can make the slot loop run for ever.
    pub fn clamped(self) -> SlotRules {
        SlotRules {
            minutes: self.minutes.clamp(5, 240),
            before: self.before.min(120),
            after: self.after.min(120),
            notice_minutes: self.notice_minutes.min(30 * DAY),
            weeks: self.weeks.clamp(1, 8),
        }
    }
}

impl Default for SlotRules {
    fn default() -> Self {
        SlotRules {
            minutes: 30,
            before: 0,
            after: 15,
            notice_minutes: 24 * 60,
            weeks: 2,
        }
    }
}

/// One slot offered, as real time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OfferedSlot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The slots the owner's office hours offer from `now`, in time order: in each
/// office-hours block of each day from the owner's today for `rules.weeks` weeks, calls
/// of `rules.minutes` with their buffers kept inside the block, starting no sooner than
/// the notice, and overlapping nothing in `taken` (calls already held, with their
/// buffers).
pub fn slots(
    blocks: &[Block],
    tz: Zone,
    rules: &SlotRules,
    now: DateTime<Utc>,
    taken: &[Span],
) -> Vec<OfferedSlot> {
    // A call of no length offers nothing; any other rules are kept within the editor's.
    if rules.minutes == 0 {
        return Vec::new();
    }
    let rules = &rules.clamped();
    let step = rules.before + rules.minutes + rules.after;
    if step > DAY {
        return Vec::new();
    }
    let earliest = now + TimeDelta::minutes(i64::from(rules.notice_minutes));
    let today = now.with_timezone(&tz).date_naive();
    // A block that began yesterday may run past midnight into today.
    let first = today.pred_opt().unwrap_or(today);
    let days = u32::from(rules.weeks.max(1)) * 7 + 1;
    let mut out = Vec::new();
    for date in first.iter_days().take(days as usize) {
        let weekday = date.weekday().num_days_from_monday() as u8;
        for block in blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Manager && b.day == weekday)
            .map(|b| b.clone().clamped())
        {
            let block_end = local_instant(tz, date, block.start + block.minutes);
            let mut wall = block.start + rules.before;
            while wall + rules.minutes + rules.after <= block.start + block.minutes {
                if let Some(start) = existing_instant(tz, date, wall) {
                    let end = start + TimeDelta::minutes(i64::from(rules.minutes));
                    let held = (
                        start - TimeDelta::minutes(i64::from(rules.before)),
                        end + TimeDelta::minutes(i64::from(rules.after)),
                    );
                    let fits =
                        held.0 >= local_instant(tz, date, block.start) && held.1 <= block_end;
                    let free = !taken.iter().any(|t| overlaps(*t, held));
                    if fits && free && start >= earliest {
                        out.push(OfferedSlot { start, end });
                    }
                }
                wall += step;
            }
        }
    }
    crate::model::order::sort(&mut out);
    out.dedup();
    out
}

/// The instant a wall time names, if it names one: `None` inside a spring-forward gap
/// (such a slot would start at a time the owner's clock never shows), the earlier
/// instant in a fall-back fold (the later one is never offered, so no slot is offered
/// twice).
fn existing_instant(tz: Zone, date: NaiveDate, minute: u32) -> Option<DateTime<Utc>> {
    let wall = date.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(minute));
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Two picks that cannot both be confirmed: their slots overlap. Returns the pairs of
/// indices into `picks`, each pair once, in order.
pub fn clashes(picks: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, a) in picks.iter().enumerate() {
        for (j, b) in picks.iter().enumerate().skip(i + 1) {
            if overlaps(*a, *b) {
                out.push((i, j));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::zone::named;

    fn office(day: u8, start_h: u32, hours: u32) -> Block {
        Block {
            id: format!("b{day}-{start_h}"),
            day,
            start: start_h * 60,
            minutes: hours * 60,
            kind: BlockKind::Manager,
            label: String::new(),
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// The slots as "YYYY-MM-DD HH:MM" on the owner's wall clock, with the offset.
    fn shown(slots: &[OfferedSlot], tz: Zone) -> Vec<String> {
        slots
            .iter()
            .map(|s| {
                s.start
                    .with_timezone(&tz)
                    .format("%Y-%m-%d %H:%M %z")
                    .to_string()
            })
            .collect()
    }

    const RULES: SlotRules = SlotRules {
        minutes: 30,
        before: 0,
        after: 0,
        notice_minutes: 0,
        weeks: 1,
    };

    #[test]
    fn office_hours_become_slots_with_buffers_notice_and_what_is_taken() {
        // Tuesday 10:00-12:00 in named("Asia/Kolkata"); now is Monday 2 Nov 2026, 09:00 there.
        let blocks = [
            office(1, 10, 2),
            Block {
                kind: BlockKind::Maker,
                ..office(1, 14, 2)
            },
        ];
        let now = utc("2026-11-02T03:30:00Z");
        let rules = SlotRules {
            minutes: 30,
            before: 5,
            after: 10,
            notice_minutes: 25 * 60,
            weeks: 1,
        };
        let got = slots(&blocks, named("Asia/Kolkata"), &rules, now, &[]);
        // 10:05, 10:50 (step 45 min); 11:35 would end its buffer at 12:15, past the block.
        assert_eq!(
            shown(&got, named("Asia/Kolkata")),
            ["2026-11-03 10:05 +0530", "2026-11-03 10:50 +0530"]
        );
        assert_eq!(got[0].end - got[0].start, TimeDelta::minutes(30));
        // With 26 hours' notice neither Tuesday slot is far enough ahead.
        let later = SlotRules {
            notice_minutes: 26 * 60,
            ..rules
        };
        assert!(slots(&blocks, named("Asia/Kolkata"), &later, now, &[]).is_empty());
        // A call held 10:00-10:40 takes the first slot (its buffer starts at 10:00).
        let held = (utc("2026-11-03T04:30:00Z"), utc("2026-11-03T05:10:00Z"));
        let got = slots(&blocks, named("Asia/Kolkata"), &rules, now, &[held]);
        assert_eq!(
            shown(&got, named("Asia/Kolkata")),
            ["2026-11-03 10:50 +0530"]
        );
        // Two weeks ahead: the next Tuesday too.
        let two = SlotRules { weeks: 2, ..rules };
        assert_eq!(
            slots(&blocks, named("Asia/Kolkata"), &two, now, &[]).len(),
            4
        );
        // A call longer than the block offers nothing; a zero-length one neither.
        let long = SlotRules {
            minutes: 180,
            ..rules
        };
        assert!(slots(&blocks, named("Asia/Kolkata"), &long, now, &[]).is_empty());
        let zero = SlotRules {
            minutes: 0,
            ..rules
        };
        assert!(slots(&blocks, named("Asia/Kolkata"), &zero, now, &[]).is_empty());
    }

    #[test]
    fn new_york_no_slot_in_the_spring_gap_and_none_twice_in_the_fold() {
        // Sunday office hours 01:00-04:00. On 14 March 2027 the clocks jump 02:00 -> 03:00.
        let blocks = [office(6, 1, 3)];
        let got = slots(
            &blocks,
            named("America/New_York"),
            &RULES,
            utc("2027-03-13T12:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("America/New_York")),
            [
                "2027-03-14 01:00 -0500",
                "2027-03-14 01:30 -0500",
                "2027-03-14 03:00 -0400",
                "2027-03-14 03:30 -0400",
            ]
        );
        // On 1 November 2026 01:00-02:00 happens twice: offered once, at the first.
        let got = slots(
            &blocks,
            named("America/New_York"),
            &RULES,
            utc("2026-10-31T12:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("America/New_York")),
            [
                "2026-11-01 01:00 -0400",
                "2026-11-01 01:30 -0400",
                "2026-11-01 02:00 -0500",
                "2026-11-01 02:30 -0500",
                "2026-11-01 03:00 -0500",
                "2026-11-01 03:30 -0500",
            ]
        );
        // No two offered slots overlap.
        assert!(clashes(&got.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>()).is_empty());
    }

    #[test]
    fn london_clock_changes() {
        // Sunday 00:00-03:00. 28 March 2027: 01:00 -> 02:00.
        let blocks = [office(6, 0, 3)];
        let got = slots(
            &blocks,
            named("Europe/London"),
            &RULES,
            utc("2027-03-27T12:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("Europe/London")),
            [
                "2027-03-28 00:00 +0000",
                "2027-03-28 00:30 +0000",
                "2027-03-28 02:00 +0100",
                "2027-03-28 02:30 +0100",
            ]
        );
        // 25 October 2026: 01:00-02:00 twice.
        let got = slots(
            &blocks,
            named("Europe/London"),
            &RULES,
            utc("2026-10-24T12:00:00Z"),
            &[],
        );
        assert_eq!(got.len(), 6);
        assert_eq!(
            shown(&got, named("Europe/London"))[2],
            "2026-10-25 01:00 +0100"
        );
        assert_eq!(
            shown(&got, named("Europe/London"))[4],
            "2026-10-25 02:00 +0000"
        );
    }

    #[test]
    fn lord_howe_half_hour_changes() {
        // Sunday 01:00-03:00. 4 October 2026: 02:00 -> 02:30 (+10:30 -> +11:00).
        let blocks = [office(6, 1, 2)];
        let got = slots(
            &blocks,
            named("Australia/Lord_Howe"),
            &RULES,
            utc("2026-10-03T00:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("Australia/Lord_Howe")),
            [
                "2026-10-04 01:00 +1030",
                "2026-10-04 01:30 +1030",
                "2026-10-04 02:30 +1100"
            ]
        );
        // 4 April 2027: 02:00 -> 01:30; 01:30-02:00 happens twice, offered once.
        let got = slots(
            &blocks,
            named("Australia/Lord_Howe"),
            &RULES,
            utc("2027-04-03T00:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("Australia/Lord_Howe")),
            [
                "2027-04-04 01:00 +1100",
                "2027-04-04 01:30 +1100",
                "2027-04-04 02:00 +1030",
                "2027-04-04 02:30 +1030",
            ]
        );
    }

    #[test]
    fn a_block_past_midnight_and_clashing_picks() {
        // Friday 23:00 for two hours in named("Asia/Kolkata"): slots run into Saturday.
        let blocks = [office(4, 23, 2)];
        let got = slots(
            &blocks,
            named("Asia/Kolkata"),
            &RULES,
            utc("2026-11-05T00:00:00Z"),
            &[],
        );
        assert_eq!(
            shown(&got, named("Asia/Kolkata")),
            [
                "2026-11-06 23:00 +0530",
                "2026-11-06 23:30 +0530",
                "2026-11-07 00:00 +0530",
                "2026-11-07 00:30 +0530",
            ]
        );
        let a = (utc("2026-11-06T10:00:00Z"), utc("2026-11-06T10:30:00Z"));
        let b = (utc("2026-11-06T10:15:00Z"), utc("2026-11-06T10:45:00Z"));
        let c = (utc("2026-11-06T10:30:00Z"), utc("2026-11-06T11:00:00Z"));
        assert_eq!(clashes(&[a, b, c]), [(0, 1), (1, 2)]);
    }
}
