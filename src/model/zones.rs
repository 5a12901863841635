//! Time-zone arithmetic: local days and instants, people's working windows seen from
//! another zone, the hours everyone shares, and blocks of the week moved between zones.
//!
//! Everything is computed on real instants (`DateTime<Utc>`) and only turned into wall
//! clocks at the edges, so days of 23 or 25 hours (or 23½ on Lord Howe Island) come out
//! right. Minutes "from the viewer's midnight" are real elapsed minutes; the wall clock
//! at any of them comes from [`local_clock`].
//!
//! Pure functions: callers pass dates and instants, nothing here reads a clock.

use crate::model::order;
use crate::model::zone::Zone;
use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Timelike, Utc,
};

use super::schedule::{Block, BlockKind, WorkingHours, DAY};

/// A half-open span of real time.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// The instant a wall-clock time in `tz` names. `minute` counts from the local
/// midnight of `date`; 1440 is the next midnight (larger values run on into later days).
///
/// Wall times that do not exist (a spring-forward gap) take the instant the clocks jump
/// to: 02:30 on a US spring-forward day in New York is 03:00 EDT. Wall times that happen
/// twice (a fall-back fold) take the earlier instant. Both rules keep the result
/// non-decreasing in `minute`, so spans built from it never turn inside out.
pub fn local_instant(tz: Zone, date: NaiveDate, minute: u32) -> DateTime<Utc> {
    let wall = date.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(minute));
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => end_of_gap(tz, wall),
    }
}

/// The instant the clocks jump over `wall`, a wall time inside a gap.
///
/// chrono reports a gap without saying where it ends, so this searches for the first
/// second whose wall clock is past `wall`. Within 26 hours either side of `wall`-as-UTC
/// the wall clock starts below `wall` and ends above it (no offset reaches ±26 h), and
/// since `wall` itself never appears, the only place the wall clock passes it is the
/// jump itself: bisection finds that jump even if another change falls in the window.
fn end_of_gap(tz: Zone, wall: NaiveDateTime) -> DateTime<Utc> {
    let wall_at = |secs: i64| {
        DateTime::from_timestamp(secs, 0)
            .map(|t| t.with_timezone(&tz).naive_local())
            .unwrap_or(wall)
    };
    let guess = wall.and_utc().timestamp();
    let mut lo = guess - 26 * 3600; // wall_at(lo) < wall
    let mut hi = guess + 26 * 3600; // wall_at(hi) > wall
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if wall_at(mid) > wall {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).unwrap_or_else(|| wall.and_utc())
}

/// The date on the wall clock of the zone named `zone` at `at_ms` (UTC ms); UTC's date
/// when the zone is unknown.
pub fn date_at(zone: &str, at_ms: i64) -> NaiveDate {
    let at = DateTime::from_timestamp_millis(at_ms).unwrap_or_default();
    match super::profile::parse_time_zone(zone) {
        Some(tz) => at.with_timezone(&tz).date_naive(),
        None => at.date_naive(),
    }
}

/// The Monday of the week holding `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The date and minutes from midnight on the wall clock in `tz` at `at`.
pub fn local_clock(tz: Zone, at: DateTime<Utc>) -> (NaiveDate, u32) {
    let local = at.with_timezone(&tz);
    (local.date_naive(), local.hour() * 60 + local.minute())
}

/// One local day as real time: from its midnight to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayFrame {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Real length: 1440, or 1380/1500 on DST days, 1410/1470 on Lord Howe Island.
    pub minutes: u32,
}

/// The local day of `date` in `tz`. Where midnight itself falls in a gap (Havana, and
/// others historically) the day starts at the first instant that exists.
pub fn day_frame(tz: Zone, date: NaiveDate) -> DayFrame {
    let start = local_instant(tz, date, 0);
    let end = local_instant(tz, date, DAY);
    DayFrame {
        start,
        end,
        minutes: minutes_between(start, end),
    }
}

/// Whole real minutes from `a` to `b`, 0 if `b` comes first.
fn minutes_between(a: DateTime<Utc>, b: DateTime<Utc>) -> u32 {
    u32::try_from((b - a).num_minutes().max(0)).unwrap_or(u32::MAX)
}

fn weekday(date: NaiveDate) -> u8 {
    date.weekday().num_days_from_monday() as u8
}

/// A person's working windows that fall in `[from, to)`, sorted, with overlapping and
/// touching windows merged.
///
/// Each window is the person's wall-clock `hours` on one of their working weekdays in
/// their own zone. A window that crosses midnight (`end <= start`) belongs to the day it
/// starts on, so someone working 22:00–06:00 Monday to Friday works Friday night into
/// Saturday morning but not Sunday night. On the person's DST days a window is its wall
/// times, so it can be an hour shorter or longer in real time.
pub fn working_spans(
    person_tz: Zone,
    hours: &WorkingHours,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Span> {
    if from >= to || hours.days & 0x7f == 0 {
        return Vec::new();
    }
    let start = hours.start.min(DAY);
    let end = hours.end.min(DAY);
    let end = if end > start { end } else { end + DAY };
    // A window is at most a day long, so one starting two local days before `from`'s
    // date has ended before `from`.
    let first = local_clock(person_tz, from).0 - TimeDelta::days(2);
    let last = local_clock(person_tz, to).0;
    let mut spans = Vec::new();
    for date in first.iter_days().take_while(|d| *d <= last) {
        if !hours.works_on(weekday(date)) {
            continue;
        }
        let a = local_instant(person_tz, date, start).max(from);
        let b = local_instant(person_tz, date, end).min(to);
        if a < b {
            spans.push((a, b));
        }
    }
    merge(spans)
}

/// Sorts spans and merges those that overlap or touch.
fn merge<T: Ord + Copy>(mut spans: Vec<(T, T)>) -> Vec<(T, T)> {
    order::sort(&mut spans);
    let mut merged: Vec<(T, T)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The parts of `xs` outside `ys`, both sorted and non-overlapping.
fn subtract<T: Ord + Copy>(xs: &[(T, T)], ys: &[(T, T)]) -> Vec<(T, T)> {
    let mut out = Vec::new();
    for &(a, b) in xs {
        let mut from = a;
        for &(c, d) in ys.iter().filter(|(c, d)| *c < b && a < *d) {
            if from < c {
                out.push((from, c));
            }
            from = from.max(d);
        }
        if from < b {
            out.push((from, b));
        }
    }
    out
}

/// Someone in the overlap: their zone and working hours and, for the viewer, their own
/// week (everyone else's week is theirs to keep).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub tz: Zone,
    pub hours: WorkingHours,
    /// Weekly blocks on this member's wall clock: office hours add to the working
    /// hours (an evening call slot counts even after the working day), leisure and
    /// commitments are taken out of them, deep work is working time and changes
    /// nothing.
    pub week: Vec<Block>,
}

impl Member {
    /// Someone known only by their working hours.
    pub fn new(id: impl Into<String>, tz: Zone, hours: WorkingHours) -> Member {
        Member {
            id: id.into(),
            tz,
            hours,
            week: Vec::new(),
        }
    }

    /// When this member is available in `[from, to)`: sorted, merged spans.
    pub fn spans(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Span> {
        let work = working_spans(self.tz, &self.hours, from, to);
        if self.week.is_empty() {
            return work;
        }
        let of = |kinds: &[BlockKind]| {
            block_spans(
                self.tz,
                self.week.iter().filter(|b| kinds.contains(&b.kind)),
                from,
                to,
            )
        };
        let mut open = work;
        open.extend(of(&[BlockKind::Manager]));
        subtract(&merge(open), &of(&[BlockKind::Leisure, BlockKind::Fixed]))
    }
}

/// Weekly blocks on `tz`'s wall clock as real spans in `[from, to)`, merged.
fn block_spans<'a>(
    tz: Zone,
    blocks: impl Iterator<Item = &'a Block> + Clone,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Span> {
    if from >= to {
        return Vec::new();
    }
    // A block is at most a day long, so one starting two local days before `from`'s
    // date has ended before `from`.
    let first = local_clock(tz, from).0 - TimeDelta::days(2);
    let last = local_clock(tz, to).0;
    let mut spans = Vec::new();
    for date in first.iter_days().take_while(|d| *d <= last) {
        for b in blocks.clone().filter(|b| b.day == weekday(date)) {
            let a = local_instant(tz, date, b.start).max(from);
            let e = local_instant(tz, date, b.start + b.minutes).min(to);
            if a < e {
                spans.push((a, e));
            }
        }
    }
    merge(spans)
}

/// The parts common to two sorted, non-overlapping span lists.
fn intersect<T: Ord + Copy>(xs: &[(T, T)], ys: &[(T, T)]) -> Vec<(T, T)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < xs.len() && j < ys.len() {
        let a = xs[i].0.max(ys[j].0);
        let b = xs[i].1.min(ys[j].1);
        if a < b {
            out.push((a, b));
        }
        if xs[i].1 < ys[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// One person's working time across the viewer's day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strip {
    /// The person's id.
    pub person: String,
    /// Real minutes from the viewer's local midnight, within `0..frame_minutes`.
    pub spans: Vec<(u32, u32)>,
    /// "+5:30 from you", "same time as you", "−4 h from you": the person's UTC offset
    /// minus the viewer's, at the middle of the viewer's day.
    pub offset_note: String,
}

/// Everyone's working time across one of the viewer's days.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OverlapDay {
    /// Real length of the viewer's day.
    pub frame_minutes: u32,
    pub strips: Vec<Strip>,
    /// Real minutes from the viewer's midnight when every strip is working; empty if
    /// there are no people.
    pub common: Vec<(u32, u32)>,
}

/// Each person's working time on the viewer's local `date`, and the time they share.
/// `people` are (id, zone, hours). Minutes are real elapsed minutes from the viewer's
/// midnight, so on a 23-hour day the strips are 1380 long; label ticks with
/// [`local_clock`].
pub fn overlap_day(viewer_tz: Zone, date: NaiveDate, people: &[Member]) -> OverlapDay {
    let frame = day_frame(viewer_tz, date);
    let midday = frame.start + TimeDelta::minutes(i64::from(frame.minutes / 2));
    let viewer_offset = offset_minutes(viewer_tz, midday);
    let strips: Vec<Strip> = people
        .iter()
        .map(|m| {
            let spans = m
                .spans(frame.start, frame.end)
                .into_iter()
                .map(|(a, b)| {
                    (
                        minutes_between(frame.start, a),
                        minutes_between(frame.start, b),
                    )
                })
                .filter(|(a, b)| a < b)
                .collect();
            Strip {
                person: m.id.clone(),
                spans,
                offset_note: offset_note(offset_minutes(m.tz, midday) - viewer_offset),
            }
        })
        .collect();
    let common = match strips.split_first() {
        None => Vec::new(),
        Some((first, rest)) => rest
            .iter()
            .fold(first.spans.clone(), |acc, s| intersect(&acc, &s.spans)),
    };
    OverlapDay {
        frame_minutes: frame.minutes,
        strips,
        common,
    }
}

/// Two people's shared time on one of the viewer's days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Their ids, in the order the people were given.
    pub first: String,
    pub second: String,
    /// Real minutes from the viewer's midnight, as in [`OverlapDay::common`].
    pub spans: Vec<(u32, u32)>,
    /// The shared minutes in all.
    pub minutes: u32,
}

/// For a day when no window fits everyone: each pair of people who share some working
/// time, the most shared first (ties in the order the people were given).
pub fn best_pairs(day: &OverlapDay) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (i, x) in day.strips.iter().enumerate() {
        for y in &day.strips[i + 1..] {
            let spans = intersect(&x.spans, &y.spans);
            let minutes = spans.iter().map(|(a, b)| b - a).sum();
            if minutes > 0 {
                pairs.push(Pair {
                    first: x.person.clone(),
                    second: y.person.clone(),
                    spans,
                    minutes,
                });
            }
        }
    }
    // Stable: equal pairs keep the people's order.
    order::sort_by_key(&mut pairs, |p| std::cmp::Reverse(p.minutes));
    pairs
}

/// "+5:30 from you", "−4 h from you", "same time as you".
fn offset_note(difference: i32) -> String {
    if difference == 0 {
        return "same time as you".into();
    }
    let sign = if difference > 0 { '+' } else { '\u{2212}' };
    let (h, m) = (
        difference.unsigned_abs() / 60,
        difference.unsigned_abs() % 60,
    );
    if m == 0 {
        format!("{sign}{h} h from you")
    } else {
        format!("{sign}{h}:{m:02} from you")
    }
}

/// A stretch of one weekday on someone's wall clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    /// 0 = Monday … 6 = Sunday, in the zone the slot is shown in.
    pub day: u8,
    /// Wall-clock minutes from midnight where the slot starts.
    pub start: u32,
    /// Real length in minutes.
    pub minutes: u32,
    /// Wall-clock minutes from midnight where the slot ends (1440 for midnight): on a
    /// day the clocks change, `start + minutes` is not the time the clock shows.
    pub end: u32,
}

/// The wall clock at `at` as minutes, with the next midnight as 1440 when `at` is a
/// slot's end on the following date.
fn wall_end(tz: Zone, at: DateTime<Utc>, day_of_start: NaiveDate) -> u32 {
    let (day, wall) = local_clock(tz, at);
    if day > day_of_start && wall == 0 {
        DAY
    } else {
        wall
    }
}

/// Windows at least `min_minutes` long when everyone in `people` works, on each of
/// the seven viewer-local dates from `week_monday`, sorted by day then start.
///
/// A window crossing the viewer's midnight is cut there and each part must be long
/// enough on its own: office hours are offered per day. `start` is the viewer's wall
/// clock at the window's start (which, after a DST change earlier that day, differs from
/// the real minutes since midnight); `minutes` is the real length.
pub fn suggest_office_hours(
    viewer_tz: Zone,
    week_monday: NaiveDate,
    people: &[Member],
    min_minutes: u32,
) -> Vec<Slot> {
    let mut slots = Vec::new();
    for date in week_monday.iter_days().take(7) {
        let frame = day_frame(viewer_tz, date);
        for (a, b) in overlap_day(viewer_tz, date, people).common {
            if b - a < min_minutes.max(1) {
                continue;
            }
            let at = frame.start + TimeDelta::minutes(i64::from(a));
            let (day, start) = local_clock(viewer_tz, at);
            let until = frame.start + TimeDelta::minutes(i64::from(b));
            slots.push(Slot {
                day: weekday(day),
                start,
                minutes: b - a,
                end: wall_end(viewer_tz, until, day),
            });
        }
    }
    order::sort_by_key(&mut slots, |s| (s.day, s.start));
    slots
}

/// The owner's weekly `block`, in the week starting on the owner's Monday
/// `week_monday`, as it falls on the wall clock of `target_tz`: one slot per target
/// day it touches, split at the target's midnights (a block can land on two days, or
/// move to the next or previous day entirely). Slot days are target weekdays; a Sunday
/// night block can land on the following Monday (day 0).
///
/// The block runs from its start to its end on the owner's wall clock, as the owner's
/// schedule shows it ("01:00 to 03:00"), so on the owner's DST night its real length,
/// and so the slots' total `minutes`, can be an hour shorter or longer.
pub fn block_in_zone(
    block: &Block,
    owner_tz: Zone,
    target_tz: Zone,
    week_monday: NaiveDate,
) -> Vec<Slot> {
    let date = week_monday + TimeDelta::days(i64::from(block.day.min(6)));
    let start = local_instant(owner_tz, date, block.start);
    let end = local_instant(owner_tz, date, block.start + block.minutes);
    let mut slots = Vec::new();
    let mut at = start;
    while at < end {
        let (day, wall) = local_clock(target_tz, at);
        let next_midnight = local_instant(target_tz, day + TimeDelta::days(1), 0);
        if next_midnight <= at {
            break; // cannot happen with real zone data; guards the loop
        }
        let stop = next_midnight.min(end);
        let minutes = minutes_between(at, stop);
        if minutes > 0 {
            slots.push(Slot {
                day: weekday(day),
                start: wall,
                minutes,
                end: wall_end(target_tz, stop, day),
            });
        }
        at = stop;
    }
    slots
}

/// The UTC offset of `tz` at `at`, in minutes (east positive).
pub fn offset_minutes(tz: Zone, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

/// "UTC+5:30", "UTC−4", "UTC", with a real minus sign (U+2212), as screen readers and
/// typography want.
pub fn describe_offset(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".into();
    }
    let sign = if minutes > 0 { '+' } else { '\u{2212}' };
    let (h, m) = (minutes.unsigned_abs() / 60, minutes.unsigned_abs() % 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::BlockKind;
    use crate::model::zone::named;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn the_week_and_the_day_depend_on_the_zone_and_the_moment_given() {
        // 20:00 UTC on Sunday 29 November 2026 is already Monday in Kolkata.
        let now = utc(2026, 11, 29, 20, 0).timestamp_millis();
        assert_eq!(date_at("Asia/Kolkata", now), date(2026, 11, 30));
        assert_eq!(date_at("America/Los_Angeles", now), date(2026, 11, 29));
        assert_eq!(monday_of(date_at("Asia/Kolkata", now)), date(2026, 11, 30));
        assert_eq!(
            monday_of(date_at("America/Los_Angeles", now)),
            date(2026, 11, 23)
        );
        assert_eq!(date_at("Not/AZone", now), date(2026, 11, 29));
    }

    fn hours(days: u8, start: &str, end: &str) -> WorkingHours {
        use crate::model::schedule::parse_clock;
        WorkingHours {
            days,
            start: parse_clock(start).unwrap(),
            end: parse_clock(end).unwrap(),
        }
    }

    const WEEKDAYS: u8 = 0b001_1111;
    const EVERY_DAY: u8 = 0b111_1111;

    fn person(id: &str, zone: &str, h: WorkingHours) -> Member {
        Member::new(id, named(zone), h)
    }

    /// A strip as (person, spans, offset note), for comparing whole days at once.
    type StripView<'a> = (&'a str, Vec<(u32, u32)>, &'a str);

    fn spans_of(day: &OverlapDay) -> Vec<StripView<'_>> {
        day.strips
            .iter()
            .map(|s| (s.person.as_str(), s.spans.clone(), s.offset_note.as_str()))
            .collect()
    }

    #[test]
    fn local_instant_gaps_folds_and_midnight() {
        let ny = named("America/New_York");
        // 2026-03-08, New York: at 02:00 EST (07:00 UTC) clocks jump to 03:00 EDT.
        // 01:59 EST = 01:59 + 5 h = 06:59 UTC.
        assert_eq!(
            local_instant(ny, date(2026, 3, 8), 119),
            utc(2026, 3, 8, 6, 59)
        );
        // 02:00 and 02:30 do not exist: both become the jump, 03:00 EDT = 07:00 UTC.
        assert_eq!(
            local_instant(ny, date(2026, 3, 8), 120),
            utc(2026, 3, 8, 7, 0)
        );
        assert_eq!(
            local_instant(ny, date(2026, 3, 8), 150),
            utc(2026, 3, 8, 7, 0)
        );
        // 03:00 EDT exists: 03:00 + 4 h = 07:00 UTC.
        assert_eq!(
            local_instant(ny, date(2026, 3, 8), 180),
            utc(2026, 3, 8, 7, 0)
        );
        // 2026-11-01: 01:30 happens at 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC).
        assert_eq!(
            local_instant(ny, date(2026, 11, 1), 90),
            utc(2026, 11, 1, 5, 30)
        );
        // 1440 is the next midnight: 2026-03-08 00:00 EST = 05:00 UTC.
        assert_eq!(
            local_instant(ny, date(2026, 3, 7), DAY),
            utc(2026, 3, 8, 5, 0)
        );

        let london = named("Europe/London");
        // 2026-03-29: 01:00 GMT -> 02:00 BST, so 01:30 becomes 01:00 UTC.
        assert_eq!(
            local_instant(london, date(2026, 3, 29), 90),
            utc(2026, 3, 29, 1, 0)
        );
        // 2026-10-25: 01:30 BST (00:30 UTC) comes before 01:30 GMT (01:30 UTC).
        assert_eq!(
            local_instant(london, date(2026, 10, 25), 90),
            utc(2026, 10, 25, 0, 30)
        );

        // Lord Howe moves by 30 minutes. 2026-10-04 02:00 +10:30 -> 02:30 +11:
        // 02:15 becomes 02:30 +11 = 2026-10-03 15:30 UTC.
        let lh = named("Australia/Lord_Howe");
        assert_eq!(
            local_instant(lh, date(2026, 10, 4), 135),
            utc(2026, 10, 3, 15, 30)
        );
        // 2026-04-05 02:00 +11 -> 01:30 +10:30: 01:45 first at +11 = 04-04 14:45 UTC.
        assert_eq!(
            local_instant(lh, date(2026, 4, 5), 105),
            utc(2026, 4, 4, 14, 45)
        );

        // Non-decreasing in the minute across every kind of day, so spans never invert.
        for (tz, d) in [
            (ny, date(2026, 3, 8)),
            (ny, date(2026, 11, 1)),
            (london, date(2026, 3, 29)),
            (lh, date(2026, 4, 5)),
            (named("America/Havana"), date(2026, 3, 8)),
        ] {
            let times: Vec<_> = (0..=DAY).map(|m| local_instant(tz, d, m)).collect();
            assert!(times.windows(2).all(|w| w[0] <= w[1]), "{tz} {d}");
        }
    }

    #[test]
    fn day_frames_on_dst_days() {
        let ny = named("America/New_York");
        // 00:00 EST = 05:00 UTC to 03-09 00:00 EDT = 04:00 UTC: 23 h.
        let f = day_frame(ny, date(2026, 3, 8));
        assert_eq!(
            (f.start, f.end),
            (utc(2026, 3, 8, 5, 0), utc(2026, 3, 9, 4, 0))
        );
        assert_eq!(f.minutes, 1380);
        // 00:00 EDT = 04:00 UTC to 11-02 00:00 EST = 05:00 UTC: 25 h.
        assert_eq!(day_frame(ny, date(2026, 11, 1)).minutes, 1500);
        assert_eq!(day_frame(ny, date(2026, 3, 7)).minutes, 1440);
        assert_eq!(day_frame(ny, date(2026, 3, 9)).minutes, 1440);
        assert_eq!(day_frame(ny, date(2026, 7, 15)).minutes, 1440);
        assert_eq!(
            day_frame(named("Europe/London"), date(2026, 3, 29)).minutes,
            1380
        );
        assert_eq!(
            day_frame(named("Europe/London"), date(2026, 10, 25)).minutes,
            1500
        );
        assert_eq!(
            day_frame(named("Asia/Kolkata"), date(2026, 3, 29)).minutes,
            1440
        );
        // Lord Howe: half an hour each way, 24 h ± 30 min.
        assert_eq!(
            day_frame(named("Australia/Lord_Howe"), date(2026, 4, 5)).minutes,
            1470
        );
        assert_eq!(
            day_frame(named("Australia/Lord_Howe"), date(2026, 10, 4)).minutes,
            1410
        );
        // Havana springs forward at midnight (2026-03-08 00:00 CST -> 01:00 CDT): the
        // day starts at 01:00 CDT = 05:00 UTC and ends 03-09 00:00 CDT = 04:00 UTC.
        let f = day_frame(named("America/Havana"), date(2026, 3, 8));
        assert_eq!((f.start, f.minutes), (utc(2026, 3, 8, 5, 0), 1380));
        assert_eq!(
            local_clock(named("America/Havana"), f.start),
            (date(2026, 3, 8), 60)
        );
    }

    /// New York 07:00–15:00, London 09:00–17:00, Kolkata 13:00–21:00 and Sydney
    /// 18:00–02:00 (an evening shift crossing midnight), all Monday to Friday in their
    /// own zones: with everyone at 09:00–17:00 New York and Sydney never meet.
    ///
    /// In UTC (Kolkata is always +5:30: 07:30–15:30):
    ///
    /// | period                  | NY        | London    | Sydney        |
    /// |-------------------------|-----------|-----------|---------------|
    /// | P1 EST, GMT, AEDT(+11)  | 12–20     | 09–17     | 07–15         |
    /// | P2 EDT, GMT, AEDT       | 11–19     | 09–17     | 07–15         |
    /// | P3 EDT, BST, AEDT       | 11–19     | 08–16     | 07–15         |
    /// | P4 EDT, BST, AEST(+10)  | 11–19     | 08–16     | 08–16         |
    ///
    /// Common, UTC: P1 max(12,9,7.5,7)–min(20,17,15.5,15) = 12–15; P2 11–15; P3 11–15;
    /// P4 11–15:30. London minutes = UTC minutes under GMT, + 60 under BST.
    fn four_cities() -> Vec<Member> {
        vec![
            person("ny", "America/New_York", hours(WEEKDAYS, "07:00", "15:00")),
            person("ldn", "Europe/London", hours(WEEKDAYS, "09:00", "17:00")),
            person("kol", "Asia/Kolkata", hours(WEEKDAYS, "13:00", "21:00")),
            person("syd", "Australia/Sydney", hours(WEEKDAYS, "18:00", "02:00")),
        ]
    }

    #[test]
    fn four_cities_from_london_across_the_spring_changes() {
        let people = four_cities();
        let london = named("Europe/London");

        // P1: NY 12–20 UTC = 720..1200; London 540..1020; Kolkata 07:30–15:30 =
        // 450..930; Sydney Fri 18:00 AEDT = 07:00 UTC .. Sat 02:00 AEDT = 15:00 UTC =
        // 420..900. Common 720..900.
        let p1 = vec![
            ("ny", vec![(720, 1200)], "−5 h from you"),
            ("ldn", vec![(540, 1020)], "same time as you"),
            ("kol", vec![(450, 930)], "+5:30 from you"),
            ("syd", vec![(420, 900)], "+11 h from you"),
        ];
        // Friday before the US change (Sun 2026-03-08).
        let d = overlap_day(london, date(2026, 3, 6), &people);
        assert_eq!(d.frame_minutes, 1440);
        assert_eq!(spans_of(&d), p1);
        assert_eq!(d.common, vec![(720, 900)]);

        // P2: NY now EDT, 07:00 = 11:00 UTC: 660..1140. Common max(660,540,450,420) =
        // 660 .. min(1140,1020,930,900) = 900.
        let mut p2 = p1.clone();
        p2[0] = ("ny", vec![(660, 1140)], "−4 h from you");
        for d in [date(2026, 3, 9), date(2026, 3, 27)] {
            let day = overlap_day(london, d, &people);
            assert_eq!(spans_of(&day), p2, "{d}");
            assert_eq!(day.common, vec![(660, 900)], "{d}");
        }

        // Sunday 2026-03-29, the EU change: a 23-hour day and nobody at work (Sydney's
        // Monday shift starts Mon 18:00 AEDT = Mon 07:00 UTC). Offsets at midday,
        // 11:30 UTC, London on BST: NY −4−1 = −5, Kolkata 5:30−1 = 4:30, Sydney 11−1.
        let sunday = overlap_day(london, date(2026, 3, 29), &people);
        assert_eq!(sunday.frame_minutes, 1380);
        assert!(sunday.strips.iter().all(|s| s.spans.is_empty()));
        assert!(sunday.common.is_empty());
        let notes: Vec<_> = sunday
            .strips
            .iter()
            .map(|s| s.offset_note.as_str())
            .collect();
        assert_eq!(
            notes,
            [
                "−5 h from you",
                "same time as you",
                "+4:30 from you",
                "+10 h from you"
            ]
        );

        // P3: London midnight is 23:00 UTC the day before, so minutes = UTC + 60.
        // NY 11–19 -> 720..1200; London 540..1020; Kolkata 07:30–15:30 -> 510..990;
        // Sydney 07–15 -> 480..960. Common max(720,540,510,480) = 720 ..
        // min(1200,1020,990,960) = 960.
        let p3 = vec![
            ("ny", vec![(720, 1200)], "−5 h from you"),
            ("ldn", vec![(540, 1020)], "same time as you"),
            ("kol", vec![(510, 990)], "+4:30 from you"),
            ("syd", vec![(480, 960)], "+10 h from you"),
        ];
        // Monday after the EU change; Friday before Sydney's (Sun 2026-04-05).
        for d in [date(2026, 3, 30), date(2026, 4, 3)] {
            let day = overlap_day(london, d, &people);
            assert_eq!(spans_of(&day), p3, "{d}");
            assert_eq!(day.common, vec![(720, 960)], "{d}");
        }

        // P4: Sydney on AEST (+10): 18:00 = 08:00 UTC -> 540 .. 02:00 = 16:00 UTC ->
        // 1020. Common max(720,540,510,540) = 720 .. min(1200,1020,990,1020) = 990.
        let mut p4 = p3.clone();
        p4[3] = ("syd", vec![(540, 1020)], "+9 h from you");
        let day = overlap_day(london, date(2026, 4, 6), &people);
        assert_eq!(spans_of(&day), p4);
        assert_eq!(day.common, vec![(720, 990)]);
    }

    #[test]
    fn four_cities_from_london_across_the_autumn_changes() {
        let people = four_cities();
        let london = named("Europe/London");
        let cases = [
            // Friday before Sydney's change (Sun 2026-10-04): P4, common 720..990.
            (date(2026, 10, 2), vec![(540, 1020)], (720, 990)),
            // Monday after it: Sydney back on AEDT, P3, common 720..960.
            (date(2026, 10, 5), vec![(480, 960)], (720, 960)),
            // Friday before the EU change (Sun 2026-10-25): still P3.
            (date(2026, 10, 23), vec![(480, 960)], (720, 960)),
            // Monday after: London on GMT, NY still EDT: P2, 660..900.
            (date(2026, 10, 26), vec![(420, 900)], (660, 900)),
            // Friday before the US change (Sun 2026-11-01): P2.
            (date(2026, 10, 30), vec![(420, 900)], (660, 900)),
            // Monday after: NY on EST: P1, 720..900.
            (date(2026, 11, 2), vec![(420, 900)], (720, 900)),
        ];
        for (d, sydney, common) in cases {
            let day = overlap_day(london, d, &people);
            assert_eq!(day.frame_minutes, 1440, "{d}");
            assert_eq!(day.strips[3].spans, sydney, "{d}");
            assert_eq!(day.common, vec![common], "{d}");
        }
        // The whole picture once per period, spans worked out as in the spring test.
        let p4 = overlap_day(london, date(2026, 10, 2), &people);
        assert_eq!(
            spans_of(&p4),
            vec![
                ("ny", vec![(720, 1200)], "−5 h from you"),
                ("ldn", vec![(540, 1020)], "same time as you"),
                ("kol", vec![(510, 990)], "+4:30 from you"),
                ("syd", vec![(540, 1020)], "+9 h from you"),
            ]
        );
        let p2 = overlap_day(london, date(2026, 10, 26), &people);
        assert_eq!(
            spans_of(&p2),
            vec![
                ("ny", vec![(660, 1140)], "−4 h from you"),
                ("ldn", vec![(540, 1020)], "same time as you"),
                ("kol", vec![(450, 930)], "+5:30 from you"),
                ("syd", vec![(420, 900)], "+11 h from you"),
            ]
        );
        let p1 = overlap_day(london, date(2026, 11, 2), &people);
        assert_eq!(p1.strips[0].spans, vec![(720, 1200)]);
        assert_eq!(p1.strips[0].offset_note, "−5 h from you");
        // Sunday 2026-10-25 in London is 25 hours long.
        assert_eq!(
            overlap_day(london, date(2026, 10, 25), &people).frame_minutes,
            1500
        );
    }

    #[test]
    fn quarter_hour_zones() {
        // Viewer in Kathmandu (+5:45, no DST): midnight is 18:15 UTC the day before.
        // Kolkata 09:00–17:00 = 03:30–11:30 UTC -> 9:15 after midnight: 555..1035.
        // Kathmandu itself 540..1020.
        // January: Adelaide +10:30, 09:00–17:00 = 22:30 UTC (prev) – 06:30 UTC -> 4:15:
        // 255..735. Chatham +13:45, working 12:00–20:00 = 22:15 (prev) – 06:15 UTC
        // -> 4:00: 240..720. Common max(540,555,255,240) = 555 ..
        // min(1020,1035,735,720) = 720, i.e. 09:15–12:00.
        let people = vec![
            person("ktm", "Asia/Kathmandu", hours(WEEKDAYS, "09:00", "17:00")),
            person("kol", "Asia/Kolkata", hours(WEEKDAYS, "09:00", "17:00")),
            person(
                "adl",
                "Australia/Adelaide",
                hours(WEEKDAYS, "09:00", "17:00"),
            ),
            person("cht", "Pacific/Chatham", hours(WEEKDAYS, "12:00", "20:00")),
        ];
        let jan = overlap_day(named("Asia/Kathmandu"), date(2026, 1, 14), &people);
        assert_eq!(
            spans_of(&jan),
            vec![
                ("ktm", vec![(540, 1020)], "same time as you"),
                ("kol", vec![(555, 1035)], "−0:15 from you"),
                ("adl", vec![(255, 735)], "+4:45 from you"),
                ("cht", vec![(240, 720)], "+8 h from you"),
            ]
        );
        assert_eq!(jan.common, vec![(555, 720)]);
        // July: Adelaide +9:30: 23:30 (prev) – 07:30 UTC -> 315..795. Chatham +12:45:
        // 23:15 (prev) – 07:15 UTC -> 300..780. Common 555 .. min(1020,1035,795,780) =
        // 780, i.e. 09:15–13:00.
        let jul = overlap_day(named("Asia/Kathmandu"), date(2026, 7, 15), &people);
        assert_eq!(
            spans_of(&jul),
            vec![
                ("ktm", vec![(540, 1020)], "same time as you"),
                ("kol", vec![(555, 1035)], "−0:15 from you"),
                ("adl", vec![(315, 795)], "+3:45 from you"),
                ("cht", vec![(300, 780)], "+7 h from you"),
            ]
        );
        assert_eq!(jul.common, vec![(555, 780)]);
        for strip in jan.strips.iter().chain(&jul.strips) {
            assert!(strip.spans.iter().all(|(a, b)| a % 15 == 0 && b % 15 == 0));
        }
    }

    #[test]
    fn offsets_and_their_descriptions() {
        let jan = utc(2026, 1, 14, 12, 0);
        let jul = utc(2026, 7, 15, 12, 0);
        assert_eq!(offset_minutes(named("Asia/Kolkata"), jan), 330);
        assert_eq!(offset_minutes(named("Asia/Kathmandu"), jan), 345);
        assert_eq!(offset_minutes(named("Pacific/Chatham"), jan), 825);
        assert_eq!(offset_minutes(named("Pacific/Chatham"), jul), 765);
        assert_eq!(offset_minutes(named("America/New_York"), jan), -300);
        assert_eq!(offset_minutes(named("America/New_York"), jul), -240);
        assert_eq!(offset_minutes(named("Europe/London"), jan), 0);
        assert_eq!(describe_offset(330), "UTC+5:30");
        assert_eq!(describe_offset(345), "UTC+5:45");
        assert_eq!(describe_offset(825), "UTC+13:45");
        assert_eq!(describe_offset(-240), "UTC\u{2212}4");
        assert_eq!(describe_offset(-210), "UTC\u{2212}3:30");
        assert_eq!(describe_offset(0), "UTC");
        assert_eq!(offset_note(-570), "\u{2212}9:30 from you");
    }

    #[test]
    fn working_windows_crossing_midnight() {
        // London (GMT in January), 22:00–06:00 Monday to Friday. Fri 2026-01-09 00:00 UTC
        // to Mon 2026-01-12 12:00 UTC holds: the tail of Thursday's window (Fri
        // 00:00–06:00) and Friday's window (Fri 22:00 – Sat 06:00). Not Sunday night, and
        // Monday's starts at 22:00, after the range.
        let night = hours(WEEKDAYS, "22:00", "06:00");
        assert_eq!(
            working_spans(
                named("Europe/London"),
                &night,
                utc(2026, 1, 9, 0, 0),
                utc(2026, 1, 12, 12, 0)
            ),
            vec![
                (utc(2026, 1, 9, 0, 0), utc(2026, 1, 9, 6, 0)),
                (utc(2026, 1, 9, 22, 0), utc(2026, 1, 10, 6, 0)),
            ]
        );
        // Seen as a strip: Friday has both ends, Saturday the tail, Monday only the start.
        let people = vec![person("owl", "Europe/London", night)];
        let strip = |d| {
            overlap_day(named("Europe/London"), d, &people).strips[0]
                .spans
                .clone()
        };
        assert_eq!(strip(date(2026, 1, 9)), vec![(0, 360), (1320, 1440)]);
        assert_eq!(strip(date(2026, 1, 10)), vec![(0, 360)]);
        assert_eq!(strip(date(2026, 1, 11)), vec![]);
        assert_eq!(strip(date(2026, 1, 12)), vec![(1320, 1440)]);

        // Every night in New York across the spring change: Sat 2026-03-07 22:00 EST =
        // 03-08 03:00 UTC to Sun 06:00 EDT = 10:00 UTC, 7 real hours.
        let ny_night = hours(EVERY_DAY, "22:00", "06:00");
        assert_eq!(
            working_spans(
                named("America/New_York"),
                &ny_night,
                utc(2026, 3, 8, 0, 0),
                utc(2026, 3, 8, 12, 0)
            ),
            vec![(utc(2026, 3, 8, 3, 0), utc(2026, 3, 8, 10, 0))]
        );
        // Round the clock: touching windows merge into one span.
        let always = hours(EVERY_DAY, "00:00", "24:00");
        assert_eq!(
            working_spans(
                named("Asia/Tokyo"),
                &always,
                utc(2026, 1, 1, 0, 0),
                utc(2026, 1, 4, 0, 0)
            ),
            vec![(utc(2026, 1, 1, 0, 0), utc(2026, 1, 4, 0, 0))]
        );
        let empty = working_spans(
            named("Asia/Tokyo"),
            &always,
            utc(2026, 1, 4, 0, 0),
            utc(2026, 1, 1, 0, 0),
        );
        assert!(empty.is_empty());
    }

    fn block(day: u8, start: &str, minutes: u32) -> Block {
        Block {
            id: "b".into(),
            day,
            start: crate::model::schedule::parse_clock(start).unwrap(),
            minutes,
            kind: BlockKind::Manager,
            label: String::new(),
        }
    }

    /// A slot on a day without a clock change: it ends `minutes` after it starts.
    fn slot(day: u8, start: &str, minutes: u32) -> Slot {
        let start = crate::model::schedule::parse_clock(start).unwrap();
        Slot {
            day,
            start,
            minutes,
            end: start + minutes,
        }
    }

    #[test]
    fn blocks_moved_between_zones() {
        let jan = date(2026, 1, 12); // a Monday
        let jul = date(2026, 7, 13); // a Monday
        let la = named("America/Los_Angeles");
        let tokyo = named("Asia/Tokyo");

        // Monday 16:00–18:00 PST (−8) = Tue 00:00–02:00 UTC = Tue 09:00–11:00 JST (+9).
        let oh = block(0, "16:00", 120);
        assert_eq!(
            block_in_zone(&oh, la, tokyo, jan),
            vec![slot(1, "09:00", 120)]
        );
        // In July on PDT (−7): Mon 23:00 UTC = Tue 08:00 JST.
        assert_eq!(
            block_in_zone(&oh, la, tokyo, jul),
            vec![slot(1, "08:00", 120)]
        );
        // Sunday 20:00 PST = Mon 04:00 UTC = Mon 13:00 JST: the next week's Monday.
        let sun = block(6, "20:00", 60);
        assert_eq!(
            block_in_zone(&sun, la, tokyo, jan),
            vec![slot(0, "13:00", 60)]
        );

        // London Friday 22:00 – Sat 01:00 (GMT = UTC, Fri 2026-01-16).
        let late = block(4, "22:00", 180);
        // New York (−5): Fri 17:00–20:00, one slot.
        assert_eq!(
            block_in_zone(
                &late,
                named("Europe/London"),
                named("America/New_York"),
                jan
            ),
            vec![slot(4, "17:00", 180)]
        );
        // Kolkata (+5:30): Sat 03:30–06:30, also one slot, wholly on Saturday: Kolkata's
        // midnight (18:30 UTC) comes before the block starts.
        assert_eq!(
            block_in_zone(&late, named("Europe/London"), named("Asia/Kolkata"), jan),
            vec![slot(5, "03:30", 180)]
        );
        // London Friday 17:00–20:00 UTC is Kolkata 22:30 – 01:30: split at Kolkata
        // midnight into Fri 22:30 (90 min) and Sat 00:00 (90 min).
        let evening = block(4, "17:00", 180);
        assert_eq!(
            block_in_zone(&evening, named("Europe/London"), named("Asia/Kolkata"), jan),
            vec![slot(4, "22:30", 90), slot(5, "00:00", 90)]
        );
        // The same in summer: BST, 16:00–19:00 UTC = Kolkata 21:30–00:30.
        assert_eq!(
            block_in_zone(&evening, named("Europe/London"), named("Asia/Kolkata"), jul),
            vec![slot(4, "21:30", 150), slot(5, "00:00", 30)]
        );

        // Owner's DST night: New York Sun 2026-03-08 01:00–03:00 on the wall clock is
        // 06:00 UTC (EST) to 07:00 UTC (EDT), one real hour.
        let dst = block(6, "01:00", 120);
        assert_eq!(
            block_in_zone(&dst, named("America/New_York"), Zone::UTC, date(2026, 3, 2)),
            vec![slot(6, "06:00", 60)]
        );
        // Target's DST night: a UTC block Sun 2026-03-29 00:00–03:00 is London 00:00 GMT
        // to 04:00 BST (clocks jump at 01:00 UTC): one slot, 180 real minutes.
        let utc_block = block(6, "00:00", 180);
        assert_eq!(
            block_in_zone(
                &utc_block,
                Zone::UTC,
                named("Europe/London"),
                date(2026, 3, 23)
            ),
            vec![Slot {
                day: 6,
                start: 0,
                minutes: 180,
                // The clock shows 04:00 at the end: the reader sees 00:00–04:00.
                end: 240,
            }]
        );
    }

    /// A writer in Kolkata (09:00–17:00), a client in New York and one in London, an
    /// editor in Los Angeles, all 09:00–17:00 Monday to Friday, seen from Kolkata on
    /// Wednesday 2026-11-25 (midnight = Tue 18:30 UTC; US on standard time, London on
    /// GMT). New York 14–22 UTC = 19:30–03:30 IST: 0..210 and 1170..1440. London
    /// 09–17 UTC = 14:30–22:30: 870..1350. Los Angeles 17–01 UTC = 22:30–06:30:
    /// 0..390 and 1350..1440.
    fn kolkata_writer() -> Vec<Member> {
        let mut me = person("me", "Asia/Kolkata", hours(WEEKDAYS, "09:00", "17:00"));
        let mut b = |day, start: &str, minutes, kind| {
            let mut x = block(day, start, minutes);
            x.kind = kind;
            me.week.push(x);
        };
        // Evening office hours on Wednesdays, a school run at 13:00, deep work in the
        // morning (working time either way), and a Thursday evening slot (not today).
        b(2, "19:00", 120, BlockKind::Manager);
        b(2, "13:00", 60, BlockKind::Fixed);
        b(2, "09:00", 120, BlockKind::Maker);
        b(3, "19:00", 120, BlockKind::Manager);
        vec![
            me,
            person("ny", "America/New_York", hours(WEEKDAYS, "09:00", "17:00")),
            person("ldn", "Europe/London", hours(WEEKDAYS, "09:00", "17:00")),
            person(
                "la",
                "America/Los_Angeles",
                hours(WEEKDAYS, "09:00", "17:00"),
            ),
        ]
    }

    #[test]
    fn my_own_row_follows_my_week() {
        let people = kolkata_writer();
        let kol = named("Asia/Kolkata");
        let day = overlap_day(kol, date(2026, 11, 25), &people);
        // Working hours less the school run, plus the evening office hours.
        assert_eq!(
            day.strips[0].spans,
            vec![(540, 780), (840, 1020), (1140, 1260)]
        );
        assert_eq!(day.strips[1].spans, vec![(0, 210), (1170, 1440)]);
        assert_eq!(day.strips[3].spans, vec![(0, 390), (1350, 1440)]);
        // Tuesday has neither the office hours nor the school run.
        let tue = overlap_day(kol, date(2026, 11, 24), &people);
        assert_eq!(tue.strips[0].spans, vec![(540, 1020)]);
        // Without the week, only the working hours count.
        let plain = Member::new("me", kol, people[0].hours);
        assert_eq!(
            overlap_day(kol, date(2026, 11, 25), &[plain]).strips[0].spans,
            vec![(540, 1020)]
        );
        // Office hours crossing midnight carry into the next morning, on the wall clock.
        let mut owl = Member::new("owl", kol, hours(0, "09:00", "17:00"));
        owl.week.push(block(2, "23:00", 120));
        let thu = overlap_day(kol, date(2026, 11, 26), &[owl.clone()]);
        assert_eq!(thu.strips[0].spans, vec![(0, 60)]);
        // Leisure takes a whole working day out.
        let mut off = Member::new("off", kol, hours(WEEKDAYS, "09:00", "17:00"));
        let mut rest = block(2, "00:00", DAY);
        rest.kind = BlockKind::Leisure;
        off.week.push(rest);
        assert!(overlap_day(kol, date(2026, 11, 25), &[off]).strips[0]
            .spans
            .is_empty());
    }

    #[test]
    fn best_pairs_when_nobody_shares_a_window() {
        let people = kolkata_writer();
        let day = overlap_day(named("Asia/Kolkata"), date(2026, 11, 25), &people);
        assert!(day.common.is_empty());
        let pairs: Vec<_> = best_pairs(&day)
            .into_iter()
            .map(|p| (p.first, p.second, p.spans, p.minutes))
            .collect();
        let pair =
            |a: &str, b: &str, spans: Vec<(u32, u32)>, m| (a.to_owned(), b.to_owned(), spans, m);
        assert_eq!(
            pairs,
            vec![
                // New York's Tuesday night and Los Angeles's Tuesday, then their Wednesday.
                pair("ny", "la", vec![(0, 210), (1350, 1440)], 300),
                pair("me", "ldn", vec![(870, 1020), (1140, 1260)], 270),
                pair("ny", "ldn", vec![(1170, 1350)], 180),
                pair("me", "ny", vec![(1170, 1260)], 90),
            ]
        );
        // Ties keep the people's order; nobody at all gives no pairs.
        let same = vec![
            person("a", "Asia/Kolkata", hours(WEEKDAYS, "09:00", "17:00")),
            person("b", "Asia/Kolkata", hours(WEEKDAYS, "09:00", "17:00")),
            person("c", "Asia/Kolkata", hours(WEEKDAYS, "09:00", "17:00")),
        ];
        let d = overlap_day(named("Asia/Kolkata"), date(2026, 11, 25), &same);
        let order: Vec<_> = best_pairs(&d)
            .into_iter()
            .map(|p| format!("{}{}", p.first, p.second))
            .collect();
        assert_eq!(order, ["ab", "ac", "bc"]);
        let sunday = overlap_day(named("Asia/Kolkata"), date(2026, 11, 29), &same);
        assert!(best_pairs(&sunday).is_empty());
    }

    #[test]
    fn suggested_office_hours() {
        let london = named("Europe/London");
        let jan = date(2026, 1, 12); // a Monday
                                     // London 09–17 UTC and New York 09–17 EST = 14–22 UTC share 14:00–17:00 each
                                     // weekday: 840..1020, 180 minutes.
        let mut people = vec![
            person("ldn", "Europe/London", hours(WEEKDAYS, "09:00", "17:00")),
            person("ny", "America/New_York", hours(WEEKDAYS, "09:00", "17:00")),
        ];
        let week: Vec<Slot> = (0..5).map(|d| slot(d, "14:00", 180)).collect();
        assert_eq!(suggest_office_hours(london, jan, &people, 180), week);
        assert!(suggest_office_hours(london, jan, &people, 181).is_empty());
        // New York off on Fridays: four slots.
        people[1].hours.days = 0b000_1111;
        assert_eq!(suggest_office_hours(london, jan, &people, 60), week[..4]);
        // Add Kolkata working late, 13:00–21:00 = 07:30–15:30 UTC: 14:00–15:30 left.
        people.push(person(
            "kol",
            "Asia/Kolkata",
            hours(WEEKDAYS, "13:00", "21:00"),
        ));
        let short: Vec<Slot> = (0..4).map(|d| slot(d, "14:00", 90)).collect();
        assert_eq!(suggest_office_hours(london, jan, &people, 90), short);
        assert!(suggest_office_hours(london, jan, &people, 120).is_empty());
        assert!(suggest_office_hours(london, jan, &[], 30).is_empty());

        // Cut at the viewer's midnight: Tokyo 07:00–17:00 every day = 22:00 (prev) –
        // 08:00 UTC, so each London day has 00:00–08:00 and 22:00–24:00.
        let tokyo = vec![person(
            "tyo",
            "Asia/Tokyo",
            hours(EVERY_DAY, "07:00", "17:00"),
        )];
        let both = suggest_office_hours(london, jan, &tokyo, 120);
        assert_eq!(both.len(), 14);
        assert_eq!(&both[..2], &[slot(0, "00:00", 480), slot(0, "22:00", 120)]);
        let long = suggest_office_hours(london, jan, &tokyo, 121);
        assert_eq!(
            long,
            (0..7).map(|d| slot(d, "00:00", 480)).collect::<Vec<_>>()
        );

        // Viewer in New York the week the US falls back (Mon 2026-10-26), London 09–17
        // every day (GMT by then). Mon–Sat: 09 UTC = 05:00 EDT, 8 h. Sunday 11-01: clocks
        // went back at 06:00 UTC, so 09 UTC = 04:00 EST on the wall, though it is 300
        // real minutes after midnight (00:00 EDT = 04:00 UTC).
        let ldn = vec![person(
            "ldn",
            "Europe/London",
            hours(EVERY_DAY, "09:00", "17:00"),
        )];
        let ny = named("America/New_York");
        let mut expected: Vec<Slot> = (0..6).map(|d| slot(d, "05:00", 480)).collect();
        expected.push(slot(6, "04:00", 480));
        assert_eq!(
            suggest_office_hours(ny, date(2026, 10, 26), &ldn, 60),
            expected
        );
        let sunday = overlap_day(ny, date(2026, 11, 1), &ldn);
        assert_eq!(
            (sunday.frame_minutes, sunday.common.clone()),
            (1500, vec![(300, 780)])
        );
        let frame = day_frame(ny, date(2026, 11, 1));
        assert_eq!(
            local_clock(ny, frame.start + TimeDelta::minutes(300)),
            (date(2026, 11, 1), 240)
        );
    }
}
