//! Calendar export: the week as an iCalendar file (RFC 5545) that Google Calendar,
//! Outlook and Apple Calendar import.
//!
//! Every block becomes a weekly recurring event in the owner's zone, every dated deadline
//! an all-day event. Events carry stable UIDs (`<block id>@unhurried`), so importing a
//! later export again updates them where the calendar matches on UID.
//!
//! The zone travels with the file as a VTIMEZONE built from chrono-tz: its UTC-offset
//! changes are found by scanning (6-hour steps, then bisection to the second) from the
//! year before the exported week to five years after it. When each kind of change falls
//! once a year on the same "nth or last weekday of a month at the same wall time" over
//! all those seven years, the zone is written as yearly rules (DTSTART + RRULE, as
//! libical and tzurl do), which calendars extend to any year; seven years rather than two
//! so that rules such as "first Sunday on or after the 2nd" (Chile) or EU changes seen
//! from Greenland, which match a weekday rule by chance in some years, fall back to
//! explicit dates. Otherwise each change is listed (DTSTART + RDATE) over those years.
//! A zone without changes gets one STANDARD with its fixed offset. Every DTSTART lies
//! before the exported week, so no event falls before the zone's first observance (where
//! some readers, ical.js among them, assume UTC).
//!
//! Every occurrence of a block runs from its wall-clock start to its wall-clock end, as
//! the week shows it (`zones::local_instant`: a time the clocks skip is the instant they
//! jump, a time they repeat the first of the two), whichever week is exported. RFC 5545
//! gives every instance of a rule the exact duration of the first (ical.js adds it to
//! each wall-clock start instead), so the event's DTSTART and DTEND come from a week
//! without a change for that block: the exported week, or else the week before it,
//! excluded with EXDATE. A night the clocks change under a block (Saturday 23:00–03:00
//! is 3 real hours the night they go forward, 5 the night they go back) gets an
//! overriding instance (RECURRENCE-ID) with its wall-clock start and end, up to the end
//! of the years the VTIMEZONE lists; after those, a strict reader gives such a night the
//! plain length. Times are always the zone's wall clock (TZID), never UTC: a time in a
//! fold that ends a block is read as its first instant by RFC 5545 and as its second by
//! ical.js, on the same wall clock.
//!
//! Pure functions: the caller passes the instant of the export.

use crate::model::order;
use crate::model::zone::Zone;
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc, Weekday,
};
use std::fmt::Write as _;

use super::reminder::{Every, Reminder, Repeat};
use super::schedule::{duration, Block, BlockKind, Deadline};
use super::zones::local_instant;

/// The product identifier of every export.
pub const PRODID: &str = "-//Unhurried//Weekly schedule//EN";

/// The domain part of every UID.
pub const UID_DOMAIN: &str = "unhurried";

/// The longest physical line, in octets, not counting the CRLF (RFC 5545 3.1).
const MAX_LINE: usize = 75;

/// Years scanned for offset changes before and after the exported week's year.
const YEARS_BEFORE: i32 = 1;
const YEARS_AFTER: i32 = 5;

/// The scanning step; two changes closer than this that cancel out are not seen.
const SCAN_STEP: i64 = 6 * 3600;

/// The week of `week_monday` as an iCalendar file: one weekly event per block, one
/// all-day event per dated deadline (undated ones are left out), in `tz`.
///
/// `week_monday` is the week's Monday (another day counts as its week's Monday); the
/// first occurrence of each block falls in that week (an earlier DTSTART is excluded).
/// `stamp` is the instant of the export (DTSTAMP); `owner` names the calendar ("Ana's
/// week"). Blocks are clamped as [`Block::clamped`] does. Lines end in CRLF and are
/// folded at 75 octets.
pub fn week_ics(
    blocks: &[Block],
    deadlines: &[Deadline],
    tz: Zone,
    week_monday: NaiveDate,
    stamp: DateTime<Utc>,
    owner: &str,
) -> String {
    let monday =
        week_monday - Duration::days(i64::from(week_monday.weekday().num_days_from_monday()));
    let owner = owner.trim();
    let stamp = utc_stamp(stamp);
    let mut out = Ics::default();

    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:{PRODID}"));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    let name = if owner.is_empty() {
        "Weekly schedule".to_owned()
    } else {
        format!("{owner}'s week")
    };
    out.text("X-WR-CALNAME", &name);
    out.text("X-WR-TIMEZONE", tz.name());
    write_vtimezone(&mut out, tz, &observances(tz, monday.year()));

    let from = if owner.is_empty() {
        "From the weekly schedule in Unhurried.".to_owned()
    } else {
        format!("From {owner}'s weekly schedule in Unhurried.")
    };
    let week_start = monday.and_time(NaiveTime::MIN);
    // Change nights are written out up to the end of the years the VTIMEZONE covers.
    let horizon = NaiveDate::from_ymd_opt(monday.year() + YEARS_AFTER + 1, 1, 1)
        .unwrap_or(monday)
        .and_time(NaiveTime::MIN);
    for block in blocks {
        let block = block.clone().clamped();
        let (start, _) = block.week_span();
        let first = week_start + Duration::minutes(i64::from(start));
        let length = Duration::minutes(i64::from(block.minutes));
        let week = |n: i64| Night::of(tz, first + Duration::weeks(n), length);
        let plan = Plan::new(week, horizon);
        let anchor = week(plan.anchor);

        out.line("BEGIN:VEVENT");
        out.text("UID", &format!("{}@{UID_DOMAIN}", block.id));
        out.line(&format!("DTSTAMP:{stamp}"));
        out.line(&format!(
            "DTSTART;TZID={}:{}",
            tz.name(),
            local(anchor.wall)
        ));
        out.line(&format!(
            "DTEND;TZID={}:{}",
            tz.name(),
            local(anchor.wall + length)
        ));
        out.line("RRULE:FREQ=WEEKLY");
        for wall in &plan.skipped {
            out.line(&format!("EXDATE;TZID={}:{}", tz.name(), local(*wall)));
        }
        let description = format!("{}, {} time.", block.describe(), tz.name());
        block_details(&mut out, &block, &format!("{description}\n{from}"));
        out.line("END:VEVENT");

        // Each change night as an instance of its own, from the wall-clock start to the
        // wall-clock end: the rule alone would give it the plain length.
        for night in &plan.changed {
            out.line("BEGIN:VEVENT");
            out.text("UID", &format!("{}@{UID_DOMAIN}", block.id));
            out.line(&format!("DTSTAMP:{stamp}"));
            out.line(&format!(
                "RECURRENCE-ID;TZID={}:{}",
                tz.name(),
                local(night.wall)
            ));
            out.line(&zoned("DTSTART", tz, night.start));
            out.line(&zoned("DTEND", tz, night.end));
            let real = u32::try_from((night.end - night.start).num_minutes()).unwrap_or(0);
            block_details(
                &mut out,
                &block,
                &format!(
                    "{description} The clocks change that night, so it lasts {} of real time.\n{from}",
                    duration(real)
                ),
            );
            out.line("END:VEVENT");
        }
    }

    for deadline in deadlines {
        let Some(date) = deadline.date else { continue };
        let title = deadline.title.trim();
        out.line("BEGIN:VEVENT");
        out.text("UID", &format!("deadline-{}@{UID_DOMAIN}", deadline.id));
        out.line(&format!("DTSTAMP:{stamp}"));
        out.line(&format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")));
        let next = date.succ_opt().unwrap_or(date);
        out.line(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        out.text(
            "SUMMARY",
            &if title.is_empty() {
                "Deadline".to_owned()
            } else {
                format!("Deadline: {title}")
            },
        );
        out.text("CATEGORIES", "Deadline");
        out.line("TRANSP:TRANSPARENT");
        out.line("X-MICROSOFT-CDO-BUSYSTATUS:FREE");
        out.text("DESCRIPTION", &from);
        out.line("END:VEVENT");
    }

    out.line("END:VCALENDAR");
    out.0
}

/// How many weeks before the exported one the export looks for a week in which a block
/// runs its plain length (changes fall months apart, so one week back is always enough
/// in the zones of today).
const ANCHOR_WEEKS: i64 = 8;

/// One week's occurrence of a block, from its wall-clock start to its wall-clock end.
#[derive(Clone, Copy, Debug)]
struct Night {
    /// The start on the owner's wall clock, as the weekly rule names it.
    wall: NaiveDateTime,
    /// The instants of the wall-clock start and end, as the app reads them
    /// ([`local_instant`]: a time in a gap is the instant the clocks jump, one in a fold
    /// the earlier of its two instants).
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// The ends lie the block's length apart: the weekly rule, which gives every
    /// instance the length of the first, gives this one right.
    plain: bool,
    /// Plain, and each end names one instant (neither in a gap nor in a fold): a week
    /// every reader derives the block's length from alike.
    clean: bool,
}

impl Night {
    fn of(tz: Zone, wall: NaiveDateTime, length: Duration) -> Night {
        let instant = |w: NaiveDateTime| {
            let minute = w.hour() * 60 + w.minute();
            local_instant(tz, w.date(), minute)
        };
        let (start, end) = (instant(wall), instant(wall + length));
        let plain = end - start == length;
        Night {
            wall,
            start,
            end,
            plain,
            clean: plain && single(tz, wall) && single(tz, wall + length),
        }
    }
}

/// How a block's weekly event is written.
///
/// RFC 5545 gives every instance of a rule the exact duration of DTSTART to DTEND (and
/// ical.js adds that duration to each instance's wall-clock start), and readers resolve
/// a wall time in a gap or fold their own ways, so the master's DTSTART and DTEND come
/// from a clean week: then every week without a change is right in every reader,
/// whichever week was exported. When the exported week is not clean, that is the nearest
/// week before it, excluded again with EXDATE so the calendar still starts in the
/// exported week. A night on which the block's wall-clock span is an hour (or half an
/// hour) longer or shorter is written as an overriding instance (RECURRENCE-ID) with its
/// wall-clock start and end; a block whose whole span is skipped by the clocks (15
/// minutes inside a spring-forward hour) does not happen that night and is excluded.
struct Plan {
    /// Weeks from the exported one to the master's DTSTART (0 or negative).
    anchor: i64,
    /// Wall-clock starts to exclude, in order.
    skipped: Vec<NaiveDateTime>,
    /// Change nights from the exported week to `horizon`, in order.
    changed: Vec<Night>,
}

impl Plan {
    fn new(week: impl Fn(i64) -> Night, horizon: NaiveDateTime) -> Plan {
        let anchor = (0..=ANCHOR_WEEKS)
            .map(|n| -n)
            .find(|&n| week(n).clean)
            .unwrap_or(0);
        let mut skipped: Vec<NaiveDateTime> = (anchor..0).map(|n| week(n).wall).collect();
        let mut changed = Vec::new();
        for night in (0..).map(&week).take_while(|n| n.wall < horizon) {
            if night.plain {
                continue;
            }
            if night.end > night.start {
                changed.push(night);
            } else {
                skipped.push(night.wall);
            }
        }
        Plan {
            anchor,
            skipped,
            changed,
        }
    }
}

/// Whether `wall` names exactly one instant in `tz` (not in a gap, not in a fold).
fn single(tz: Zone, wall: NaiveDateTime) -> bool {
    matches!(tz.from_local_datetime(&wall), LocalResult::Single(_))
}

/// `name` (DTSTART, DTEND) at `at`, on the zone's wall clock. Never in UTC: ical.js
/// shows a UTC time near a change an hour off (kewisch/ical.js#847), and a wall time
/// is what the owner's week says. A wall time in a fold (`at` is its first instant) is
/// read as the first by RFC 5545, as the second by ical.js; both show the same clock.
fn zoned(name: &str, tz: Zone, at: DateTime<Utc>) -> String {
    let wall = at.with_timezone(&tz).naive_local();
    format!("{name};TZID={}:{}", tz.name(), local(wall))
}

/// What a block's event and its change nights share: title, category, busy or free,
/// and the description.
fn block_details(out: &mut Ics, block: &Block, description: &str) {
    out.text("SUMMARY", &summary(block));
    out.text("CATEGORIES", block.kind.label());
    let busy = block.kind != BlockKind::Leisure;
    out.line(if busy {
        "TRANSP:OPAQUE"
    } else {
        "TRANSP:TRANSPARENT"
    });
    // Older Outlook versions read busy/free from here rather than TRANSP.
    out.line(if busy {
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY"
    } else {
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE"
    });
    out.text("DESCRIPTION", description);
}

/// Reminders as a calendar file: one short event each, with an alarm (VALARM, DISPLAY)
/// at its start, so the person's calendar fires it even when the app is closed. Times are
/// UTC. A reminder marked done is written as cancelled (same UID, a higher SEQUENCE, no
/// alarm), so importing a later file takes it out of calendars that update by UID. `app`
/// is the app's address, for each event's link back.
///
/// A repeating reminder is one event with an RRULE on its zone's wall clock (DTSTART
/// with a TZID, and that zone's VTIMEZONE), so the calendar keeps it at 09:00 local
/// across clock changes. A time that fired from a series is written under its own UID,
/// which the series had until then, with a higher SEQUENCE: a calendar that imported the
/// series under that UID replaces it with this one time, and takes the series under the
/// next UID.
pub fn reminders_ics(reminders: &[Reminder], stamp: DateTime<Utc>, app: &str) -> String {
    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Unhurried//Reminders//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    let rule_zone = |r: &Reminder| {
        let rule = r.repeat.as_ref().filter(|_| !r.done)?;
        Some((rule.clone(), rule.zone.parse::<Zone>().ok()?))
    };
    let mut zones: Vec<Zone> = reminders
        .iter()
        .filter_map(&rule_zone)
        .map(|z| z.1)
        .collect();
    order::sort_by_key(&mut zones, |z| z.name());
    zones.dedup();
    for tz in zones {
        write_vtimezone(&mut out, tz, &observances(tz, stamp.year()));
    }
    for r in reminders {
        let Some(at) = DateTime::<Utc>::from_timestamp_millis(r.at) else {
            continue;
        };
        let text = if r.text.trim().is_empty() {
            "Reminder"
        } else {
            r.text.trim()
        };
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:reminder-{}@{UID_DOMAIN}", r.id));
        let fired = r.repeat.is_none() && !r.series.is_empty();
        out.line(&format!("SEQUENCE:{}", u8::from(r.done) + u8::from(fired)));
        out.line(&format!("DTSTAMP:{}", utc_stamp(stamp)));
        match rule_zone(r) {
            Some((rule, tz)) => {
                let date = at.with_timezone(&tz).date_naive();
                let wall =
                    date.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(rule.minute));
                out.line(&format!("DTSTART;TZID={}:{}", tz.name(), local(wall)));
                out.line(&rrule(&rule));
            }
            None => out.line(&format!("DTSTART:{}", utc_stamp(at))),
        }
        out.line("DURATION:PT15M");
        out.text("SUMMARY", &format!("Reminder: {text}"));
        let mut description = String::new();
        if !r.source.trim().is_empty() {
            let _ = write!(description, "From “{}”. ", r.source.trim());
        }
        if !r.link.is_empty() {
            let _ = write!(description, "Open it in Unhurried: {app}{}", r.link);
        }
        if !description.is_empty() {
            out.text("DESCRIPTION", description.trim());
        }
        out.line("TRANSP:TRANSPARENT");
        if r.done {
            out.line("STATUS:CANCELLED");
        } else {
            out.line("BEGIN:VALARM");
            out.line("ACTION:DISPLAY");
            out.line("TRIGGER:PT0M");
            out.text("DESCRIPTION", &format!("Reminder: {text}"));
            out.line("END:VALARM");
        }
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

/// Someone taking part in a booked call, as an invitation names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitee<'a> {
    name: &'a str,
    email: &'a str,
}

impl<'a> Invitee<'a> {
    /// `None` unless `email` is a plausible address: it ends up in a `mailto:` value,
    /// which a `:`, `;` or line break would break out of.
    pub fn new(name: &'a str, email: &'a str) -> Option<Invitee<'a>> {
        let email = email.trim();
        super::shared::envelope::plausible_email(email).then_some(Invitee { name, email })
    }
}

/// A confirmed call in office hours as an invitation both sides import (issue 16):
/// METHOD:REQUEST with the owner as ORGANIZER and the reader as ATTENDEE, the instants
/// in UTC, so that each calendar shows them on its own clock whatever zones and clock
/// changes lie between.
pub fn invitation_ics(
    uid: &str,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    summary: &str,
    description: &str,
    organizer: &Invitee<'_>,
    attendee: &Invitee<'_>,
    stamp: DateTime<Utc>,
) -> String {
    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Unhurried//Booking//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:REQUEST");
    out.line("BEGIN:VEVENT");
    out.text("UID", &format!("booking-{uid}@{UID_DOMAIN}"));
    out.line("SEQUENCE:0");
    out.line(&format!("DTSTAMP:{}", utc_stamp(stamp)));
    out.line(&format!("DTSTART:{}", utc_stamp(start)));
    out.line(&format!("DTEND:{}", utc_stamp(end)));
    out.text("SUMMARY", summary.trim());
    if !description.trim().is_empty() {
        out.text("DESCRIPTION", description.trim());
    }
    out.line(&format!(
        "ORGANIZER;CN={}:mailto:{}",
        param(organizer.name),
        organizer.email
    ));
    out.line(&format!(
        "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
        param(attendee.name),
        attendee.email
    ));
    out.line("STATUS:CONFIRMED");
    out.line("TRANSP:OPAQUE");
    out.line("END:VEVENT");
    out.line("END:VCALENDAR");
    out.0
}

/// A parameter value (RFC 5545 3.2): quoted, since a name may hold `:`, `;` or `,`;
/// a quoted value cannot hold a double quote or a control character, so those go.
fn param(value: &str) -> String {
    let clean: String = value
        .trim()
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// A reminder's rule as an RRULE. A month without the chosen day uses its last day:
/// BYSETPOS=-1 picks the last of the days from the 28th to the chosen one that exist.
fn rrule(rule: &Repeat) -> String {
    const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    match rule.every {
        Every::Day => "RRULE:FREQ=DAILY".to_owned(),
        Every::Week(d) => format!("RRULE:FREQ=WEEKLY;BYDAY={}", DAYS[usize::from(d.min(6))]),
        Every::Month(31) => "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1".to_owned(),
        Every::Month(d) if d > 28 => {
            let days: Vec<String> = (28..=d).map(|n| n.to_string()).collect();
            format!(
                "RRULE:FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1",
                days.join(",")
            )
        }
        Every::Month(d) => format!("RRULE:FREQ=MONTHLY;BYMONTHDAY={d}"),
    }
}

/// "Deep work", or "Office hours: Client calls" for a labelled block.
fn summary(block: &Block) -> String {
    let label = block.label.trim();
    if label.is_empty() {
        block.kind.label().to_owned()
    } else {
        format!("{}: {label}", block.kind.label())
    }
}

/// The file being written: content lines, folded, each ending in CRLF.
#[derive(Default)]
struct Ics(String);

impl Ics {
    /// Appends a content line, folded at 75 octets on character boundaries: each
    /// continuation line starts with a space and holds at most 74 octets more.
    fn line(&mut self, line: &str) {
        let mut used = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if used + len > MAX_LINE {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += len;
        }
        self.0.push_str("\r\n");
    }

    /// A property with a TEXT value, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
/// (CRLF, CR or LF become `\n`). Other control characters, which TEXT cannot hold, are
/// dropped; tabs stay.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A UTC DATE-TIME: `20260301T120000Z`.
fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A local (floating) DATE-TIME: `20260301T120000`.
fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// A UTC offset as TZOFFSETFROM/TZOFFSETTO write it: `+0530`, `-0330`, `+0000`, with
/// seconds only when there are some.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

// ---- The VTIMEZONE ----

/// The zone's state at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ZoneState {
    /// Seconds east of UTC.
    offset: i32,
    /// The daylight-saving part of `offset`, in seconds (negative in Europe/Dublin's
    /// winter, as the tz database has it).
    dst: i32,
    /// The abbreviation, when the tz database has one (not for "+0545" and the like).
    name: Option<String>,
}

fn state_at(tz: Zone, secs: i64) -> ZoneState {
    let at = DateTime::from_timestamp(secs, 0).unwrap_or_default();
    ZoneState {
        offset: tz
            .offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc(),
        dst: tz.dst_seconds(at),
        name: tz.abbreviation(at),
    }
}

/// A change of UTC offset.
#[derive(Clone, Debug)]
struct Transition {
    /// The first second of the new offset, as a Unix time.
    at: i64,
    from: ZoneState,
    to: ZoneState,
}

impl Transition {
    /// The wall time of the change on the clocks before it, as DTSTART wants it.
    fn onset(&self) -> NaiveDateTime {
        let wall = self.at + i64::from(self.from.offset);
        DateTime::from_timestamp(wall, 0)
            .unwrap_or_default()
            .naive_utc()
    }
}

/// The offset changes in `[from, to)` (Unix times).
fn transitions(tz: Zone, from: i64, to: i64) -> Vec<Transition> {
    let mut found = Vec::new();
    let mut t = from;
    let mut offset = state_at(tz, t).offset;
    while t < to {
        let next = (t + SCAN_STEP).min(to);
        if state_at(tz, next).offset == offset {
            t = next;
            continue;
        }
        // The offset is `offset` at `lo` and differs at `hi`.
        let (mut lo, mut hi) = (t, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if state_at(tz, mid).offset == offset {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let change = Transition {
            at: hi,
            from: state_at(tz, lo),
            to: state_at(tz, hi),
        };
        offset = change.to.offset;
        t = hi;
        found.push(change);
    }
    found
}

/// "The `week`th (or, for -1, the last) `weekday` of `month` at `time`", every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearlyRule {
    month: u32,
    weekday: Weekday,
    /// 1 to 4, or -1 for the last.
    week: i8,
    time: NaiveTime,
}

impl YearlyRule {
    fn rrule(&self) -> String {
        let day = match self.weekday {
            Weekday::Mon => "MO",
            Weekday::Tue => "TU",
            Weekday::Wed => "WE",
            Weekday::Thu => "TH",
            Weekday::Fri => "FR",
            Weekday::Sat => "SA",
            Weekday::Sun => "SU",
        };
        format!(
            "RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}{day}",
            self.month, self.week
        )
    }

    /// The rule's wall time in `year`.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    fn in_year(&self, year: i32) -> Option<NaiveDateTime> {
        let date = if self.week > 0 {
            let n = u8::try_from(self.week).ok()?;
            NaiveDate::from_weekday_of_month_opt(year, self.month, self.weekday, n)?
        } else {
            let mut d = last_of_month(year, self.month)?;
            while d.weekday() != self.weekday {
                d = d.pred_opt()?;
            }
            d
        };
        Some(date.and_time(self.time))
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The yearly rule that gives exactly `onsets`, one in each of `years`, if there is one.
/// "Last" is preferred where both a "last" and an "nth" rule fit.
fn yearly_rule(
    onsets: &[NaiveDateTime],
    years: std::ops::RangeInclusive<i32>,
) -> Option<YearlyRule> {
    let first = onsets.first()?;
    let in_order = onsets.len() == years.clone().count()
        && onsets.iter().zip(years).all(|(o, y)| o.year() == y);
    let same = onsets.iter().all(|o| {
        o.month() == first.month() && o.weekday() == first.weekday() && o.time() == first.time()
    });
    if !in_order || !same {
        return None;
    }
    let rule = |week| YearlyRule {
        month: first.month(),
        weekday: first.weekday(),
        week,
        time: first.time(),
    };
    let is_last = |o: &NaiveDateTime| {
        last_of_month(o.year(), o.month()).is_some_and(|l| o.day() + 7 > l.day())
    };
    if onsets.iter().all(is_last) {
        return Some(rule(-1));
    }
    let nth = |o: &NaiveDateTime| (o.day() - 1) / 7 + 1;
    let n = nth(first);
    (n <= 4 && onsets.iter().all(|o| nth(o) == n)).then(|| rule(n as i8))
}

/// One STANDARD or DAYLIGHT component.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Observance {
    daylight: bool,
    from: i32,
    to: i32,
    name: Option<String>,
    /// The first onset, on the wall clock before it.
    start: NaiveDateTime,
    rule: Option<YearlyRule>,
    /// Later onsets, when there is no rule.
    rdates: Vec<NaiveDateTime>,
}

/// The zone's observances for an export in `year`.
fn observances(tz: Zone, year: i32) -> Vec<Observance> {
    let first_year = year - YEARS_BEFORE;
    let last_year = year + YEARS_AFTER;
    let secs = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .unwrap_or_default()
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp()
    };
    let (from, to) = (secs(first_year), secs(last_year + 1));
    let initial = state_at(tz, from);
    let changes = transitions(tz, from, to);

    if changes.is_empty() {
        return vec![Observance {
            daylight: false,
            from: initial.offset,
            to: initial.offset,
            name: initial.name,
            start: NaiveDate::from_ymd_opt(1970, 1, 1)
                .unwrap_or_default()
                .and_time(NaiveTime::MIN),
            rule: None,
            rdates: Vec::new(),
        }];
    }

    // Daylight is whatever runs ahead of the zone's least daylight-saving state: positive
    // DST as usual, and Dublin's summer, where the tz database has negative DST in winter.
    let least_dst = changes
        .iter()
        .map(|c| c.to.dst)
        .chain([initial.dst])
        .min()
        .unwrap_or(0);

    // Changes of one kind: same offsets before and after, same state after.
    let mut groups: Vec<Vec<&Transition>> = Vec::new();
    for change in &changes {
        let key = |c: &Transition| (c.from.offset, c.to.clone());
        match groups.iter_mut().find(|g| key(g[0]) == key(change)) {
            Some(group) => group.push(change),
            None => groups.push(vec![change]),
        }
    }
    let rules: Option<Vec<YearlyRule>> = groups
        .iter()
        .map(|g| {
            let onsets: Vec<NaiveDateTime> = g.iter().map(|c| c.onset()).collect();
            yearly_rule(&onsets, first_year..=last_year)
        })
        .collect();

    let observance = |g: &[&Transition], rule: Option<YearlyRule>| {
        let first = g[0];
        Observance {
            daylight: first.to.dst > least_dst,
            from: first.from.offset,
            to: first.to.offset,
            name: first.to.name.clone(),
            start: first.onset(),
            rule,
            rdates: if rule.is_some() {
                Vec::new()
            } else {
                g[1..].iter().map(|c| c.onset()).collect()
            },
        }
    };
    let mut out: Vec<Observance> = match rules {
        Some(rules) => groups
            .iter()
            .zip(rules)
            .map(|(g, rule)| observance(g, Some(rule)))
            .collect(),
        None => {
            // Explicit dates only cover the scanned years: the state at their start
            // comes first, so that nothing before the first listed change is left open.
            let start = DateTime::from_timestamp(from + i64::from(initial.offset), 0)
                .unwrap_or_default()
                .naive_utc();
            let mut list = vec![Observance {
                daylight: initial.dst > least_dst,
                from: initial.offset,
                to: initial.offset,
                name: initial.name.clone(),
                start,
                rule: None,
                rdates: Vec::new(),
            }];
            list.extend(groups.iter().map(|g| observance(g, None)));
            list
        }
    };
    order::sort_by_key(&mut out, |o| o.start);
    out
}

fn write_vtimezone(out: &mut Ics, tz: Zone, observances: &[Observance]) {
    out.line("BEGIN:VTIMEZONE");
    out.text("TZID", tz.name());
    out.text("X-LIC-LOCATION", tz.name());
    for o in observances {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        out.line(&format!("BEGIN:{kind}"));
        out.line(&format!("TZOFFSETFROM:{}", utc_offset(o.from)));
        out.line(&format!("TZOFFSETTO:{}", utc_offset(o.to)));
        if let Some(name) = &o.name {
            out.text("TZNAME", name);
        }
        out.line(&format!("DTSTART:{}", local(o.start)));
        if let Some(rule) = &o.rule {
            out.line(&rule.rrule());
        }
        for date in &o.rdates {
            out.line(&format!("RDATE:{}", local(*date)));
        }
        out.line(&format!("END:{kind}"));
    }
    out.line("END:VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(id: &str, day: u8, start: u32, minutes: u32, kind: BlockKind, label: &str) -> Block {
        Block {
            id: id.into(),
            day,
            start,
            minutes,
            kind,
            label: label.into(),
        }
    }

    fn tz(name: &str) -> Zone {
        name.parse().unwrap()
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
    }

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    /// Physical lines, checking that each ends in CRLF.
    fn physical_lines(ics: &str) -> Vec<&str> {
        assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
        let lines: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
        for line in &lines {
            assert!(
                !line.contains('\r') && !line.contains('\n'),
                "bare CR or LF in {line:?}"
            );
        }
        lines
    }

    /// Content lines, unfolded.
    fn unfolded(ics: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for line in physical_lines(ics) {
            match line.strip_prefix(' ') {
                Some(rest) => out.last_mut().unwrap().push_str(rest),
                None => out.push(line.to_owned()),
            }
        }
        out
    }

    fn vtimezone(name: &str) -> Vec<String> {
        let mut out = Ics::default();
        write_vtimezone(&mut out, tz(name), &observances(tz(name), 2026));
        unfolded(&out.0)
    }

    /// The lines of each STANDARD/DAYLIGHT component, in order, as "KIND|line|line…".
    fn components(lines: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        for line in lines {
            if line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT" {
                current = Some(line[6..].to_owned());
            } else if line.starts_with("END:STANDARD") || line.starts_with("END:DAYLIGHT") {
                out.push(current.take().unwrap());
            } else if let Some(c) = current.as_mut() {
                c.push('|');
                c.push_str(line);
            }
        }
        out
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        // 74 ASCII octets, then "é" (2 octets) would make 76: it starts the next line.
        let mut out = Ics::default();
        let line = format!("{}é{}", "a".repeat(74), "ü€🚀".repeat(40));
        out.line(&line);
        let physical = physical_lines(&out.0);
        assert_eq!(physical[0], "a".repeat(74));
        assert!(physical[1].starts_with(" é"));
        for p in &physical {
            assert!(p.len() <= MAX_LINE, "{} octets: {p:?}", p.len());
        }
        for p in &physical[1..] {
            assert!(p.starts_with(' '));
            // A continuation is only folded early when the next character would not fit.
            assert!(p.len() > MAX_LINE - 4 || p == physical.last().unwrap());
        }
        assert_eq!(unfolded(&out.0), vec![line]);

        // Exactly 75 octets stays one line; 76 folds.
        let mut out = Ics::default();
        out.line(&"x".repeat(75));
        out.line(&"y".repeat(76));
        assert_eq!(
            out.0,
            format!("{}\r\n{}\r\n y\r\n", "x".repeat(75), "y".repeat(75))
        );
    }

    #[test]
    fn an_invitation_names_both_sides_and_the_instants_in_utc() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let ana = Invitee::new("Ana \"Bea\": Studio", "ana@example.com").unwrap();
        let ben = Invitee::new("Ben", " ben@example.org ").unwrap();
        assert!(Invitee::new("Eve", "eve@example.org\r\nATTENDEE:x").is_none());
        assert!(Invitee::new("Eve", "mailto:eve@example.org").is_none());
        let ics = invitation_ics(
            "b1",
            (at("2026-11-01T05:30:00Z"), at("2026-11-01T06:00:00Z")),
            "Call with Ana",
            "Booked from the intake form; the agenda, line two",
            &ana,
            &ben,
            at("2026-10-30T12:00:00Z"),
        );
        let unfolded = ics.replace("\r\n ", "");
        for line in [
            "METHOD:REQUEST",
            "UID:booking-b1@unhurried",
            "DTSTART:20261101T053000Z",
            "DTEND:20261101T060000Z",
            "ORGANIZER;CN=\"Ana Bea: Studio\":mailto:ana@example.com",
            "ATTENDEE;CN=\"Ben\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ben@example.org",
            "DESCRIPTION:Booked from the intake form\\; the agenda\\, line two",
            "STATUS:CONFIRMED",
        ] {
            assert!(unfolded.contains(&format!("{line}\r\n")), "{line} in\n{ics}");
        }
        assert!(ics.lines().all(|l| l.len() <= MAX_LINE + 1));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i: \"j\""),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\thi: \"j\""
        );
        assert_eq!(escape_text("Café ☕, 日本"), "Café ☕\\, 日本");
        let mut out = Ics::default();
        out.text("SUMMARY", "Office hours: calls, reviews; Q&A");
        assert_eq!(out.0, "SUMMARY:Office hours: calls\\, reviews\\; Q&A\r\n");
    }

    #[test]
    fn offsets_are_written_with_sign_and_minutes() {
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(19_800), "+0530");
        assert_eq!(utc_offset(20_700), "+0545");
        assert_eq!(utc_offset(-12_600), "-0330");
        assert_eq!(utc_offset(-75), "-000115");
    }

    fn sample_week() -> (Vec<Block>, Vec<Deadline>) {
        let blocks = vec![
            block("deep", 0, 9 * 60, 120, BlockKind::Maker, ""),
            block(
                "oh",
                1,
                14 * 60,
                90,
                BlockKind::Manager,
                "Client calls, reviews; Q&A",
            ),
            block("late", 4, 23 * 60, 180, BlockKind::Fixed, "Night shift"),
            block("fun", 5, 10 * 60, 60, BlockKind::Leisure, "Café ☕"),
        ];
        let deadlines = vec![
            Deadline {
                id: "d1".into(),
                title: "Launch".into(),
                date: NaiveDate::from_ymd_opt(2026, 3, 31),
                ..Deadline::default()
            },
            Deadline {
                id: "d2".into(),
                title: "Someday".into(),
                date: None,
                ..Deadline::default()
            },
        ];
        (blocks, deadlines)
    }

    fn event<'a>(lines: &'a [String], uid: &str) -> Vec<&'a str> {
        let at = lines
            .iter()
            .position(|l| *l == format!("UID:{uid}"))
            .unwrap_or_else(|| panic!("no event {uid}"));
        let begin = lines[..at]
            .iter()
            .rposition(|l| l == "BEGIN:VEVENT")
            .unwrap();
        let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
        lines[begin..=end].iter().map(String::as_str).collect()
    }

    #[test]
    fn the_calendar_is_well_formed() {
        let (blocks, deadlines) = sample_week();
        let ics = week_ics(
            &blocks,
            &deadlines,
            tz("Europe/London"),
            monday(),
            stamp(),
            "Ana",
        );
        for p in physical_lines(&ics) {
            assert!(p.len() <= MAX_LINE);
        }
        let lines = unfolded(&ics);
        // BEGIN/END nest and balance.
        let mut stack: Vec<&str> = Vec::new();
        for line in &lines {
            if let Some(name) = line.strip_prefix("BEGIN:") {
                stack.push(name);
            } else if let Some(name) = line.strip_prefix("END:") {
                assert_eq!(
                    stack.pop(),
                    Some(name),
                    "END:{name} closes the wrong component"
                );
            }
        }
        assert!(stack.is_empty());
        assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
        assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
        for want in [
            "VERSION:2.0",
            "PRODID:-//Unhurried//Weekly schedule//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Ana's week",
            "X-WR-TIMEZONE:Europe/London",
            "TZID:Europe/London",
        ] {
            assert!(lines.iter().any(|l| l == want), "missing {want}");
        }
        // Four blocks and one dated deadline; the undated one is left out.
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 5);
        assert!(!ics.contains("Someday"));

        let deep = event(&lines, "deep@unhurried");
        for want in [
            "DTSTAMP:20260301T120000Z",
            "DTSTART;TZID=Europe/London:20260302T090000",
            "DTEND;TZID=Europe/London:20260302T110000",
            "RRULE:FREQ=WEEKLY",
            "SUMMARY:Deep work",
            "CATEGORIES:Deep work",
            "TRANSP:OPAQUE",
        ] {
            assert!(deep.contains(&want), "deep work lacks {want}: {deep:?}");
        }
        assert!(deep.iter().any(|l| l.starts_with("DESCRIPTION:")
            && l.contains("Unhurried")
            && l.contains("Monday 09:00 to 11:00")));

        let oh = event(&lines, "oh@unhurried");
        assert!(oh.contains(&"SUMMARY:Office hours: Client calls\\, reviews\\; Q&A"));
        assert!(oh.contains(&"CATEGORIES:Office hours"));
        assert!(oh.contains(&"DTSTART;TZID=Europe/London:20260303T140000"));

        // Friday 23:00 for three hours ends on Saturday.
        let late = event(&lines, "late@unhurried");
        assert!(late.contains(&"DTSTART;TZID=Europe/London:20260306T230000"));
        assert!(late.contains(&"DTEND;TZID=Europe/London:20260307T020000"));
        assert!(late.contains(&"TRANSP:OPAQUE"));

        let fun = event(&lines, "fun@unhurried");
        assert!(fun.contains(&"TRANSP:TRANSPARENT"));
        assert!(fun.contains(&"SUMMARY:Leisure: Café ☕"));

        let launch = event(&lines, "deadline-d1@unhurried");
        for want in [
            "DTSTART;VALUE=DATE:20260331",
            "DTEND;VALUE=DATE:20260401",
            "SUMMARY:Deadline: Launch",
            "TRANSP:TRANSPARENT",
        ] {
            assert!(launch.contains(&want), "deadline lacks {want}");
        }
    }

    #[test]
    fn another_day_counts_as_its_weeks_monday_and_blocks_are_clamped() {
        let blocks = [block("x", 9, 1439, 0, BlockKind::Maker, "")];
        let thursday = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let lines = unfolded(&week_ics(&blocks, &[], Zone::UTC, thursday, stamp(), " "));
        assert!(lines.contains(&"X-WR-CALNAME:Weekly schedule".to_owned()));
        // Sunday 8 March, 23:45 for 15 minutes.
        assert!(lines.contains(&"DTSTART;TZID=UTC:20260308T234500".to_owned()));
        assert!(lines.contains(&"DTEND;TZID=UTC:20260309T000000".to_owned()));
    }

    #[test]
    fn london_has_yearly_rules() {
        let tz = vtimezone("Europe/London");
        assert_eq!(tz[0], "BEGIN:VTIMEZONE");
        assert_eq!(tz[1], "TZID:Europe/London");
        assert_eq!(
            components(&tz),
            [
                "DAYLIGHT|TZOFFSETFROM:+0000|TZOFFSETTO:+0100|TZNAME:BST|DTSTART:20250330T010000|RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "STANDARD|TZOFFSETFROM:+0100|TZOFFSETTO:+0000|TZNAME:GMT|DTSTART:20251026T020000|RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            ]
        );
    }

    #[test]
    fn new_york_has_second_and_first_sundays() {
        assert_eq!(
            components(&vtimezone("America/New_York")),
            [
                "DAYLIGHT|TZOFFSETFROM:-0500|TZOFFSETTO:-0400|TZNAME:EDT|DTSTART:20250309T020000|RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "STANDARD|TZOFFSETFROM:-0400|TZOFFSETTO:-0500|TZNAME:EST|DTSTART:20251102T020000|RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            ]
        );
    }

    #[test]
    fn kolkata_and_kathmandu_have_one_fixed_offset() {
        assert_eq!(
            components(&vtimezone("Asia/Kolkata")),
            ["STANDARD|TZOFFSETFROM:+0530|TZOFFSETTO:+0530|TZNAME:IST|DTSTART:19700101T000000"]
        );
        // chrono-tz has no abbreviation for Nepal: no TZNAME.
        assert_eq!(
            components(&vtimezone("Asia/Kathmandu")),
            ["STANDARD|TZOFFSETFROM:+0545|TZOFFSETTO:+0545|DTSTART:19700101T000000"]
        );
    }

    #[test]
    fn sydney_adelaide_and_lord_howe_are_southern() {
        assert_eq!(
            components(&vtimezone("Australia/Sydney")),
            [
                "STANDARD|TZOFFSETFROM:+1100|TZOFFSETTO:+1000|TZNAME:AEST|DTSTART:20250406T030000|RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
                "DAYLIGHT|TZOFFSETFROM:+1000|TZOFFSETTO:+1100|TZNAME:AEDT|DTSTART:20251005T020000|RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
            ]
        );
        assert_eq!(
            components(&vtimezone("Australia/Adelaide")),
            [
                "STANDARD|TZOFFSETFROM:+1030|TZOFFSETTO:+0930|TZNAME:ACST|DTSTART:20250406T030000|RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
                "DAYLIGHT|TZOFFSETFROM:+0930|TZOFFSETTO:+1030|TZNAME:ACDT|DTSTART:20251005T020000|RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
            ]
        );
        // Half an hour of daylight saving.
        assert_eq!(
            components(&vtimezone("Australia/Lord_Howe")),
            [
                "STANDARD|TZOFFSETFROM:+1100|TZOFFSETTO:+1030|DTSTART:20250406T020000|RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
                "DAYLIGHT|TZOFFSETFROM:+1030|TZOFFSETTO:+1100|DTSTART:20251005T020000|RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
            ]
        );
    }

    #[test]
    fn dublin_summer_is_daylight_despite_negative_dst() {
        let c = components(&vtimezone("Europe/Dublin"));
        assert_eq!(c.len(), 2);
        assert!(c[0].starts_with("DAYLIGHT|TZOFFSETFROM:+0000|TZOFFSETTO:+0100|TZNAME:IST|"));
        assert!(c[1].starts_with("STANDARD|TZOFFSETFROM:+0100|TZOFFSETTO:+0000|TZNAME:GMT|"));
    }

    #[test]
    fn irregular_zones_list_their_changes() {
        // Morocco leaves +01 for Ramadan, on dates no weekday rule gives.
        let tz = vtimezone("Africa/Casablanca");
        assert!(!tz.iter().any(|l| l.starts_with("RRULE")));
        assert!(tz.iter().filter(|l| l.starts_with("RDATE:")).count() >= 8);
        let c = components(&tz);
        // The state at the start of 2025 comes first, opening the span.
        assert!(c[0].contains("TZOFFSETFROM:+0100|TZOFFSETTO:+0100|DTSTART:20250101T010000"));
    }

    /// The onsets of the observances up to `until_year` as (Unix time, new offset), in
    /// order, as a reader computes them: each wall time is on the clock before it.
    #[cfg(not(target_arch = "wasm32"))]
    fn onsets(observances: &[Observance], until_year: i32) -> Vec<(i64, i32)> {
        let mut onsets: Vec<(i64, i32)> = Vec::new();
        for o in observances {
            let mut walls = vec![o.start];
            walls.extend(&o.rdates);
            if let Some(rule) = o.rule {
                for y in o.start.year() + 1..=until_year {
                    walls.push(rule.in_year(y).unwrap());
                }
            }
            for wall in walls {
                onsets.push((wall.and_utc().timestamp() - i64::from(o.from), o.to));
            }
        }
        order::sort(&mut onsets);
        onsets
    }

    /// The offset in effect at `secs`: that of the latest onset at or before it.
    #[cfg(not(target_arch = "wasm32"))]
    fn offset_at(onsets: &[(i64, i32)], secs: i64) -> Option<i32> {
        let n = onsets.partition_point(|(at, _)| *at <= secs);
        n.checked_sub(1).map(|i| onsets[i].1)
    }

    /// For every zone chrono-tz knows, the VTIMEZONE gives the offset chrono-tz gives,
    /// every 6 hours and either side of every change from the export year to the end of
    /// the scanned years.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_zone_matches_chrono_tz() {
        let year = 2026;
        let last = year + YEARS_AFTER;
        let from = Utc
            .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
            .unwrap()
            .timestamp();
        let to = Utc
            .with_ymd_and_hms(last + 1, 1, 1, 0, 0, 0)
            .unwrap()
            .timestamp();
        let (mut ruled, mut listed, mut fixed) = (0, 0, 0);
        for tz in chrono_tz::TZ_VARIANTS.map(Zone::from) {
            let obs = observances(tz, year);
            let onsets = onsets(&obs, last + 1);
            if obs.iter().any(|o| o.rule.is_some()) {
                ruled += 1;
                assert!(obs.iter().all(|o| o.rule.is_some()), "{tz}: mixed");
            } else if obs.len() == 1 {
                fixed += 1;
            } else {
                listed += 1;
            }
            let mut samples: Vec<i64> = (from..to).step_by(SCAN_STEP as usize).collect();
            for change in transitions(tz, from, to) {
                samples.extend([change.at - 1, change.at]);
            }
            for secs in samples {
                assert_eq!(
                    offset_at(&onsets, secs),
                    Some(state_at(tz, secs).offset),
                    "{tz} at {secs}: {obs:?}"
                );
            }
        }
        // Most zones with DST follow yearly rules (187 ruled, 14 listed, 396 fixed with
        // chrono-tz 0.10.4 for 2026).
        assert!(
            ruled > 100 && fixed > 100 && listed < 30,
            "{ruled} ruled, {listed} listed, {fixed} fixed"
        );
    }

    #[test]
    fn rules_are_found_only_when_every_year_fits() {
        let at = |y, m, d, h| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        // Last Sundays of March: the 4th in some years, the 5th in others.
        let last = [at(2025, 3, 30, 1), at(2026, 3, 29, 1), at(2027, 3, 28, 1)];
        assert_eq!(
            yearly_rule(&last, 2025..=2027).map(|r| r.rrule()),
            Some("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".to_owned())
        );
        // A year missing, or a different hour, is no rule.
        assert_eq!(yearly_rule(&last, 2025..=2028), None);
        let hours = [at(2025, 3, 30, 1), at(2026, 3, 29, 2), at(2027, 3, 28, 1)];
        assert_eq!(yearly_rule(&hours, 2025..=2027), None);
        // Sunday on or after the 2nd: 1st Sunday, then the 8th (a 2nd Sunday).
        let chile = [at(2027, 4, 4, 0), at(2028, 4, 2, 0), at(2029, 4, 8, 0)];
        assert_eq!(yearly_rule(&chile, 2027..=2029), None);
        assert!(yearly_rule(&chile[..2], 2027..=2028).is_some());
    }

    /// Saturday 23:00 for 4 h in New York, exported in the week the clocks go forward:
    /// the rule starts from the week before (excluded again), so it gives every week 4 h,
    /// and each change night up to the end of the VTIMEZONE's years is an instance of its
    /// own, 23:00 to 03:00.
    #[test]
    fn a_block_across_the_change_keeps_its_wall_clock_from_a_change_week() {
        let ny = tz("America/New_York");
        let blocks = [block("ferry", 5, 23 * 60, 240, BlockKind::Fixed, "")];
        let ics = week_ics(&blocks, &[], ny, monday(), stamp(), "Ana");
        let lines = unfolded(&ics);
        let master = event(&lines, "ferry@unhurried");
        for want in [
            "DTSTART;TZID=America/New_York:20260228T230000",
            "DTEND;TZID=America/New_York:20260301T030000",
            "RRULE:FREQ=WEEKLY",
            "EXDATE;TZID=America/New_York:20260228T230000",
        ] {
            assert!(master.contains(&want), "the event lacks {want}: {master:?}");
        }
        let nights: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("RECURRENCE-ID;TZID=America/New_York:"))
            .collect();
        // Two a year, 2026 to 2031.
        assert_eq!(nights.len(), 12, "{nights:?}");
        assert_eq!(
            (nights[0], nights[1], nights[11]),
            ("20260307T230000", "20261031T230000", "20311101T230000")
        );
        let text = ics.replace("\r\n ", "");
        for (night, end, real) in [
            ("20260307T230000", "20260308T030000", "3 h"),
            ("20261031T230000", "20261101T030000", "5 h"),
        ] {
            assert!(text.contains(&format!(
                "RECURRENCE-ID;TZID=America/New_York:{night}\r\n\
                 DTSTART;TZID=America/New_York:{night}\r\n\
                 DTEND;TZID=America/New_York:{end}\r\n\
                 SUMMARY:Commitment\r\n"
            )));
            assert!(text.contains(&format!("so it lasts {real} of real time")));
        }

        // Exported the week after, the rule starts there: nothing to exclude.
        let next = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        let lines = unfolded(&week_ics(&blocks, &[], ny, next, stamp(), "Ana"));
        let master = event(&lines, "ferry@unhurried");
        assert!(master.contains(&"DTSTART;TZID=America/New_York:20260314T230000"));
        assert!(!master.iter().any(|l| l.starts_with("EXDATE")));
    }

    /// A block inside the hour the clocks skip: 15 minutes from 02:00 do not happen on
    /// 8 March 2026 in New York (excluded), and an hour from 02:30 runs from the jump to
    /// 03:30.
    #[test]
    fn a_block_the_clocks_skip_is_left_out_or_shortened_that_night() {
        let ny = tz("America/New_York");
        let blocks = [
            block("gone", 6, 2 * 60, 15, BlockKind::Maker, ""),
            block("swim", 6, 2 * 60 + 30, 60, BlockKind::Leisure, ""),
        ];
        let lines = unfolded(&week_ics(&blocks, &[], ny, monday(), stamp(), ""));
        let gone = event(&lines, "gone@unhurried");
        for want in [
            "DTSTART;TZID=America/New_York:20260301T020000",
            "EXDATE;TZID=America/New_York:20260301T020000",
            "EXDATE;TZID=America/New_York:20260308T020000",
        ] {
            assert!(gone.contains(&want), "{want}: {gone:?}");
        }
        assert!(!lines.contains(&"RECURRENCE-ID;TZID=America/New_York:20260308T020000".into()));
        let at = lines
            .iter()
            .position(|l| l == "RECURRENCE-ID;TZID=America/New_York:20260308T023000")
            .unwrap();
        assert_eq!(
            lines[at + 1..at + 3],
            [
                "DTSTART;TZID=America/New_York:20260308T030000",
                "DTEND;TZID=America/New_York:20260308T033000"
            ]
        );
    }

    #[test]
    fn reminders_carry_an_alarm_at_their_time() {
        let stamp = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let list = vec![
            Reminder {
                id: "r1".into(),
                text: "Answer Ben; about the launch, today".into(),
                link: "/shared/abc".into(),
                source: "Launch".into(),
                at: at.timestamp_millis(),
                ..Reminder::default()
            },
            Reminder {
                id: "r2".into(),
                done: true,
                ..Reminder::default()
            },
        ];
        let ics = reminders_ics(&list, stamp, "https://app.example");
        assert!(ics.contains("BEGIN:VEVENT\r\nUID:reminder-r1@unhurried\r\nSEQUENCE:0\r\nDTSTAMP:20261125T120000Z\r\nDTSTART:20261126T090000Z\r\nDURATION:PT15M\r\n"));
        assert!(ics.contains("SUMMARY:Reminder: Answer Ben\\; about the launch\\, today\r\n"));
        assert!(ics.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0M\r\n"));
        assert!(ics
            .replace("\r\n ", "")
            .contains("https://app.example/shared/abc"));
        // The done one is cancelled, without an alarm.
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 1);
        assert!(ics.contains("UID:reminder-r2@unhurried\r\nSEQUENCE:1\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\nEND:VEVENT"));
        assert!(ics.lines().all(|l| l.len() <= 75));
    }

    #[test]
    fn repeating_reminders_carry_a_rule_on_their_zones_clock() {
        let stamp = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let weekly = Reminder {
            id: "w".into(),
            text: "Weekly numbers".into(),
            // Monday 30 November 2026, 09:00 in London.
            at: Utc
                .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
                .unwrap()
                .timestamp_millis(),
            repeat: Some(Repeat {
                every: Every::Week(0),
                minute: 540,
                zone: "Europe/London".into(),
            }),
            ..Reminder::default()
        };
        let (fired, next) = weekly.fire(weekly.at).unwrap();
        let monthly = |day: u8| Reminder {
            id: format!("m{day}"),
            repeat: Some(Repeat {
                every: Every::Month(day),
                minute: 600,
                zone: "Asia/Kolkata".into(),
            }),
            ..weekly.clone()
        };
        let list = vec![weekly.clone(), monthly(1), monthly(30), monthly(31)];
        let ics = reminders_ics(&list, stamp, "https://app.example");
        let lines = unfolded(&ics);
        let ev = event(&lines, "reminder-w@unhurried");
        assert!(ev.contains(&"DTSTART;TZID=Europe/London:20261130T090000"));
        assert!(ev.contains(&"RRULE:FREQ=WEEKLY;BYDAY=MO"));
        assert!(ev.contains(&"BEGIN:VALARM"));
        // 10:00 in Kolkata on the same instant's date.
        let m1 = event(&lines, "reminder-m1@unhurried");
        assert!(m1.contains(&"DTSTART;TZID=Asia/Kolkata:20261130T100000"));
        assert!(m1.contains(&"RRULE:FREQ=MONTHLY;BYMONTHDAY=1"));
        assert!(event(&lines, "reminder-m30@unhurried")
            .contains(&"RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"));
        assert!(
            event(&lines, "reminder-m31@unhurried").contains(&"RRULE:FREQ=MONTHLY;BYMONTHDAY=-1")
        );
        // One VTIMEZONE per zone used.
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 2);
        assert!(lines.contains(&"TZID:Europe/London".to_owned()));
        // Once fired: that time alone under the old UID (a higher SEQUENCE replaces the
        // series in calendars), the series under the new one.
        let next = next.unwrap();
        let ics = reminders_ics(&[fired, next.clone()], stamp, "https://app.example");
        let lines = unfolded(&ics);
        let ev = event(&lines, "reminder-w@unhurried");
        assert!(ev.contains(&"SEQUENCE:1") && ev.contains(&"DTSTART:20261130T090000Z"));
        assert!(!ev.iter().any(|l| l.starts_with("RRULE")));
        let ev = event(&lines, &format!("reminder-{}@unhurried", next.id));
        assert!(
            ev.contains(&"SEQUENCE:0")
                && ev.contains(&"DTSTART;TZID=Europe/London:20261207T090000")
        );
    }
}
