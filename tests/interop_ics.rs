#![cfg(not(target_arch = "wasm32"))]
//! Writes the same week exported in eight zones, and again in each week of 2026 in which
//! New York's or London's clocks change, with what a calendar must read from each file,
//! for `tests/interop/read_ics.mjs` to check with ical.js (Mozilla's parser).
//!
//! Files, in `$CARGO_TARGET_DIR/interop` (default `target/interop`): `week-<key>.ics`
//! and `ics-expected.json`.
//!
//! The expected instants are computed here from chrono-tz alone (not from the export's
//! VTIMEZONE): every occurrence runs from the block's wall-clock start to its wall-clock
//! end in the owner's zone, whichever week the file was exported in, as the app's week
//! shows it. On a night the clocks change that is an hour more or less of real time; a
//! wall time in a DST gap names the instant the clocks jump (02:30 on New York's
//! spring-forward night is 03:00 EDT), one in a fold the earlier of its two instants
//! (`model::zones::local_instant`). Occurrences whose real length differs from the
//! block's are marked `change`: the file must give them an instance of their own. A
//! wall time in a fold also lists its second instant, which ical.js takes (the same
//! wall clock). A few instants are hand-checked below.
//!
//! `every_occurrence_keeps_its_wall_clock_in_rfc_5545` reads the same files as a strict
//! RFC 5545 reader would (the exact duration of DTSTART to DTEND for every instance, the
//! offset before a gap, the earlier instant of a fold), so the files are right for readers
//! other than ical.js too, which keeps the wall-clock length instead.

mod common;

use common::{js, out_dir};

use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use unhurried::model::ics::week_ics;
use unhurried::model::schedule::{Block, BlockKind, Deadline};
use unhurried::model::zone::Zone;

/// Occurrences of each block the reader expands and compares: more than a year, so
/// every export meets both of its zone's changes and the next year's first again.
const WEEKS: i64 = 60;

/// (file key, zone, the exported week's Monday).
const EXPORTS: [(&str, &str, (i32, u32, u32)); 11] = [
    ("london", "Europe/London", (2026, 3, 2)),
    // New York's spring-forward week: the clocks change on Sunday 8 March.
    ("newyork", "America/New_York", (2026, 3, 2)),
    ("kolkata", "Asia/Kolkata", (2026, 3, 2)),
    ("sydney", "Australia/Sydney", (2026, 3, 2)),
    ("kathmandu", "Asia/Kathmandu", (2026, 3, 2)),
    ("adelaide", "Australia/Adelaide", (2026, 3, 2)),
    ("lordhowe", "Australia/Lord_Howe", (2026, 3, 2)),
    // Ramadan changes on dates no yearly rule gives: the VTIMEZONE lists them (RDATE).
    ("casablanca", "Africa/Casablanca", (2026, 3, 2)),
    // The other three weeks with a change: New York falls back on Sunday 1 November,
    // London springs forward on 29 March and falls back on 25 October.
    ("newyork-autumn", "America/New_York", (2026, 10, 26)),
    ("london-spring", "Europe/London", (2026, 3, 23)),
    ("london-autumn", "Europe/London", (2026, 10, 19)),
];

const OWNER: &str = "Zoë";

const LONG: &str = "Standing call with the Lisbon, Kraków & São Paulo teams; agenda: roadmap, \
hiring, “async-first” rituals — and a tail long enough to fold 🚀🚀🚀 more than once, \
to be sure that no line is cut inside a character";

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

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

fn week() -> (Vec<Block>, Vec<Deadline>) {
    let blocks = vec![
        block("deep", 0, 9 * 60, 120, BlockKind::Maker, ""),
        block(
            "office",
            1,
            14 * 60,
            90,
            BlockKind::Manager,
            "Client calls, reviews; Q&A",
        ),
        block(
            "lunch",
            2,
            12 * 60 + 30,
            60,
            BlockKind::Leisure,
            "  Déjeuner au café 🥐 — ünïcödé, 日本語 \\ back\\slash  ",
        ),
        block("standup", 3, 10 * 60, 45, BlockKind::Fixed, LONG),
        // Saturday 23:00 to Sunday 01:30: crosses midnight, and London's changes.
        block(
            "night",
            5,
            23 * 60,
            150,
            BlockKind::Fixed,
            "Night train ✈; bring passport, tickets",
        ),
        // Sunday 02:30: inside New York's gap on 8 March 2026, the first occurrence.
        block("swim", 6, 2 * 60 + 30, 60, BlockKind::Leisure, ""),
        // Saturday 23:00 for 4 h: runs through the change hour of New York, London and
        // Sydney, so the night of a change is 3 or 5 real hours to the same 03:00.
        block("ferry", 5, 23 * 60, 240, BlockKind::Fixed, "Night ferry"),
    ];
    let deadlines = vec![
        Deadline {
            id: "launch".into(),
            title: "Launch v2, “final”; ship it 🎉".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 27),
            ..Deadline::default()
        },
        Deadline {
            id: "someday".into(),
            title: "Undated: left out".into(),
            date: None,
            ..Deadline::default()
        },
    ];
    (blocks, deadlines)
}

/// What the calendar should show as the title: as the app describes blocks.
fn summary(b: &Block) -> String {
    let label = b.label.trim();
    if label.is_empty() {
        b.kind.label().to_owned()
    } else {
        format!("{}: {label}", b.kind.label())
    }
}

/// The instant a strict RFC 5545 reader takes for a wall time in `tz`: the offset before
/// a gap, the earlier instant of a fold.
fn rfc_instant(tz: Zone, wall: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => {
            let before = tz
                .offset_from_utc_datetime(&(wall - Duration::hours(24)))
                .fix()
                .local_minus_utc();
            (wall - Duration::seconds(before.into())).and_utc()
        }
    }
}

/// The instant the app gives a wall time in `tz`: in a gap, the instant the clocks jump
/// (the first minute whose wall clock is past it); in a fold, the earlier instant.
fn wall_instant(tz: Zone, wall: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&wall) {
        LocalResult::None => {
            let after = tz
                .offset_from_utc_datetime(&(wall + Duration::hours(24)))
                .fix()
                .local_minus_utc();
            // On the clock before the jump, so earlier than the jump itself.
            let mut t = (wall - Duration::seconds(after.into())).and_utc();
            while t.with_timezone(&tz).naive_local() <= wall {
                t += Duration::minutes(1);
            }
            t
        }
        _ => rfc_instant(tz, wall),
    }
}

/// The later instant of a wall time that happens twice: ical.js's reading, where RFC 5545
/// and the app take the first. Both show the same wall clock.
fn fold_second(tz: Zone, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Ambiguous(a, b) => Some(a.max(b).with_timezone(&Utc)),
        _ => None,
    }
}

/// A start and an end.
type Span = (DateTime<Utc>, DateTime<Utc>);

struct Occurrence {
    n: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// For an end whose wall time happens twice, its second instant.
    start_fold: Option<DateTime<Utc>>,
    end_fold: Option<DateTime<Utc>>,
    /// A night the clocks change under the block: its wall-clock span is not its plain
    /// length, so the file must give this night an instance of its own.
    change: bool,
}

/// The block's first `WEEKS` occurrences from the week of `monday`, wall clock to wall
/// clock.
fn occurrences(tz: Zone, monday: NaiveDate, b: &Block) -> Vec<Occurrence> {
    let week_start = monday.and_time(NaiveTime::MIN);
    let first = week_start + Duration::minutes(i64::from(u32::from(b.day) * 1440 + b.start));
    let length = Duration::minutes(i64::from(b.minutes));
    (0..WEEKS)
        .map(|n| {
            let wall = first + Duration::weeks(n);
            let (start, end) = (wall_instant(tz, wall), wall_instant(tz, wall + length));
            Occurrence {
                n,
                start,
                end,
                start_fold: fold_second(tz, wall),
                end_fold: fold_second(tz, wall + length),
                change: end - start != length,
            }
        })
        .collect()
}

/// Instants (UTC) a calendar must find, checked by hand: (zone, block, occurrence,
/// start, end).
const HAND_CHECKED: [(&str, &str, i64, &str, &str); 34] = [
    // London: BST from 29 March to 25 October 2026.
    (
        "london",
        "deep",
        3,
        "2026-03-23T09:00:00Z",
        "2026-03-23T11:00:00Z",
    ),
    (
        "london",
        "deep",
        4,
        "2026-03-30T08:00:00Z",
        "2026-03-30T10:00:00Z",
    ),
    (
        "london",
        "deep",
        33,
        "2026-10-19T08:00:00Z",
        "2026-10-19T10:00:00Z",
    ),
    (
        "london",
        "deep",
        34,
        "2026-10-26T09:00:00Z",
        "2026-10-26T11:00:00Z",
    ),
    // Saturday 28 March 23:00 GMT to 01:30, which does not exist that night: the block
    // ends when the clocks jump from 01:00 GMT to 02:00 BST, after 2 real hours.
    (
        "london",
        "night",
        3,
        "2026-03-28T23:00:00Z",
        "2026-03-29T01:00:00Z",
    ),
    // Saturday 24 October 23:00 BST to 01:30, which happens twice: the first, in BST.
    (
        "london-autumn",
        "night",
        0,
        "2026-10-24T22:00:00Z",
        "2026-10-25T00:30:00Z",
    ),
    // Saturday 23:00 to 03:00 on London's change nights, exported in those weeks: 3 real
    // hours in spring, 5 in autumn; 4 the week after.
    (
        "london-spring",
        "ferry",
        0,
        "2026-03-28T23:00:00Z",
        "2026-03-29T02:00:00Z",
    ),
    (
        "london-autumn",
        "ferry",
        0,
        "2026-10-24T22:00:00Z",
        "2026-10-25T03:00:00Z",
    ),
    (
        "london-autumn",
        "ferry",
        1,
        "2026-10-31T23:00:00Z",
        "2026-11-01T03:00:00Z",
    ),
    // New York: EDT from 8 March to 1 November 2026.
    (
        "newyork",
        "deep",
        0,
        "2026-03-02T14:00:00Z",
        "2026-03-02T16:00:00Z",
    ),
    (
        "newyork",
        "deep",
        1,
        "2026-03-09T13:00:00Z",
        "2026-03-09T15:00:00Z",
    ),
    (
        "newyork",
        "deep",
        34,
        "2026-10-26T13:00:00Z",
        "2026-10-26T15:00:00Z",
    ),
    (
        "newyork",
        "deep",
        35,
        "2026-11-02T14:00:00Z",
        "2026-11-02T16:00:00Z",
    ),
    (
        "newyork",
        "night",
        0,
        "2026-03-08T04:00:00Z",
        "2026-03-08T06:30:00Z",
    ),
    (
        "newyork",
        "night",
        1,
        "2026-03-15T03:00:00Z",
        "2026-03-15T05:30:00Z",
    ),
    // Saturday 23:00 to 03:00: 23:00 EST to 03:00 EDT on 7–8 March (3 h), 4 h the week
    // after, and 23:00 EDT to 03:00 EST on 31 October–1 November (5 h), whether the file
    // was exported in the spring week or the autumn one.
    (
        "newyork",
        "ferry",
        0,
        "2026-03-08T04:00:00Z",
        "2026-03-08T07:00:00Z",
    ),
    (
        "newyork",
        "ferry",
        1,
        "2026-03-15T03:00:00Z",
        "2026-03-15T07:00:00Z",
    ),
    (
        "newyork",
        "ferry",
        34,
        "2026-11-01T03:00:00Z",
        "2026-11-01T08:00:00Z",
    ),
    (
        "newyork-autumn",
        "ferry",
        0,
        "2026-11-01T03:00:00Z",
        "2026-11-01T08:00:00Z",
    ),
    (
        "newyork-autumn",
        "ferry",
        1,
        "2026-11-08T04:00:00Z",
        "2026-11-08T08:00:00Z",
    ),
    // Sunday 02:30 does not exist on 8 March: the swim starts when the clocks reach
    // 03:00 EDT and ends at 03:30, half an hour.
    (
        "newyork",
        "swim",
        0,
        "2026-03-08T07:00:00Z",
        "2026-03-08T07:30:00Z",
    ),
    // Kolkata +05:30, Kathmandu +05:45, all year.
    (
        "kolkata",
        "deep",
        0,
        "2026-03-02T03:30:00Z",
        "2026-03-02T05:30:00Z",
    ),
    (
        "kolkata",
        "deep",
        40,
        "2026-12-07T03:30:00Z",
        "2026-12-07T05:30:00Z",
    ),
    (
        "kathmandu",
        "deep",
        0,
        "2026-03-02T03:15:00Z",
        "2026-03-02T05:15:00Z",
    ),
    // Sydney: AEDT (+11) until 5 April 2026, AEST (+10) until 4 October.
    (
        "sydney",
        "deep",
        4,
        "2026-03-29T22:00:00Z",
        "2026-03-30T00:00:00Z",
    ),
    (
        "sydney",
        "deep",
        5,
        "2026-04-05T23:00:00Z",
        "2026-04-06T01:00:00Z",
    ),
    (
        "sydney",
        "deep",
        30,
        "2026-09-27T23:00:00Z",
        "2026-09-28T01:00:00Z",
    ),
    (
        "sydney",
        "deep",
        31,
        "2026-10-04T22:00:00Z",
        "2026-10-05T00:00:00Z",
    ),
    // Adelaide +10:30 / +09:30; Lord Howe +11 / +10:30 (half an hour of DST).
    (
        "adelaide",
        "deep",
        4,
        "2026-03-29T22:30:00Z",
        "2026-03-30T00:30:00Z",
    ),
    (
        "adelaide",
        "deep",
        5,
        "2026-04-05T23:30:00Z",
        "2026-04-06T01:30:00Z",
    ),
    (
        "lordhowe",
        "deep",
        4,
        "2026-03-29T22:00:00Z",
        "2026-03-30T00:00:00Z",
    ),
    (
        "lordhowe",
        "deep",
        5,
        "2026-04-05T22:30:00Z",
        "2026-04-06T00:30:00Z",
    ),
    // Casablanca: +00 for Ramadan (15 February to 22 March 2026), else +01.
    (
        "casablanca",
        "deep",
        0,
        "2026-03-02T09:00:00Z",
        "2026-03-02T11:00:00Z",
    ),
    (
        "casablanca",
        "deep",
        3,
        "2026-03-23T08:00:00Z",
        "2026-03-23T10:00:00Z",
    ),
];

/// Wall times either side of each offset change in 2026 and 2027 that name exactly one
/// instant, with that instant, plus a January and a July noon: for checking the
/// VTIMEZONE on its own.
fn offset_samples(tz: Zone) -> Vec<(NaiveDateTime, DateTime<Utc>)> {
    let offset = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc()).fix();
    let mut walls = Vec::new();
    for y in [2026, 2027] {
        for m in [1, 7] {
            walls.push(
                NaiveDate::from_ymd_opt(y, m, 15)
                    .unwrap()
                    .and_hms_opt(12, 0, 0)
                    .unwrap(),
            );
        }
    }
    // Hour by hour, then minute by minute inside the hour that changed.
    let mut t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap();
    while t < end {
        let next = t + Duration::hours(1);
        if offset(next) != offset(t) {
            let mut at = t;
            while offset(at) == offset(t) {
                at += Duration::minutes(1);
            }
            for (instant, off) in [
                (at - Duration::minutes(1), offset(t)),
                (at - Duration::minutes(61), offset(t)),
                (at + Duration::minutes(1), offset(at)),
                (at + Duration::minutes(61), offset(at)),
            ] {
                walls.push(instant.naive_utc() + Duration::seconds(off.local_minus_utc().into()));
            }
        }
        t = next;
    }
    walls
        .into_iter()
        .filter_map(|w| match tz.from_local_datetime(&w) {
            LocalResult::Single(t) => Some((w, t.with_timezone(&Utc))),
            _ => None,
        })
        .collect()
}

fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[test]
fn writes_calendars_for_the_javascript_reader() {
    let (blocks, deadlines) = week();
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();

    let mut files = Vec::new();
    let mut hand_found = 0;
    for (key, name, monday) in EXPORTS {
        let tz: Zone = name.parse().unwrap();
        let monday = date(monday);
        let ics = week_ics(&blocks, &deadlines, tz, monday, stamp(), OWNER);

        // What the reader checks again, checked here first.
        assert!(ics.ends_with("\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{key}: {} octets: {line:?}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(ics.contains("\r\n "), "{key}: the long label is folded");
        assert!(!ics.contains("Undated"));

        let file = format!("week-{key}.ics");
        std::fs::write(dir.join(&file), &ics).unwrap();

        let mut events = Vec::new();
        for b in &blocks {
            let mut occ = Vec::new();
            for o in occurrences(tz, monday, b) {
                let hand = HAND_CHECKED
                    .iter()
                    .find(|h| h.0 == key && h.1 == b.id && h.2 == o.n);
                if let Some(&(_, _, n, start, end)) = hand {
                    hand_found += 1;
                    assert_eq!(
                        (iso(o.start), iso(o.end)),
                        (start.to_owned(), end.to_owned()),
                        "{key} {} occurrence {n}",
                        b.id
                    );
                }
                let mut fields = vec![
                    format!("\"n\": {}", o.n),
                    format!("\"start\": {}", js(&iso(o.start))),
                    format!("\"end\": {}", js(&iso(o.end))),
                ];
                if o.change {
                    fields.push("\"change\": true".to_owned());
                }
                if let Some(t) = o.start_fold {
                    fields.push(format!("\"start_fold\": {}", js(&iso(t))));
                }
                if let Some(t) = o.end_fold {
                    fields.push(format!("\"end_fold\": {}", js(&iso(t))));
                }
                if hand.is_some() {
                    fields.push("\"hand\": true".to_owned());
                }
                occ.push(format!("{{ {} }}", fields.join(", ")));
            }
            let leisure = b.kind == BlockKind::Leisure;
            events.push(format!(
                "{{ \"uid\": {}, \"summary\": {}, \"category\": {}, \"transp\": {},\n        \"occurrences\": [\n          {}\n        ] }}",
                js(&format!("{}@unhurried", b.id)),
                js(&summary(b)),
                js(b.kind.label()),
                js(if leisure { "TRANSPARENT" } else { "OPAQUE" }),
                occ.join(",\n          ")
            ));
        }
        let dated: Vec<String> = deadlines
            .iter()
            .filter_map(|d| {
                let date = d.date?;
                Some(format!(
                    "{{ \"uid\": {}, \"summary\": {}, \"date\": {}, \"end\": {} }}",
                    js(&format!("deadline-{}@unhurried", d.id)),
                    js(&format!("Deadline: {}", d.title.trim())),
                    js(&date.format("%Y-%m-%d").to_string()),
                    js(&date.succ_opt().unwrap().format("%Y-%m-%d").to_string()),
                ))
            })
            .collect();
        let offsets: Vec<String> = offset_samples(tz)
            .into_iter()
            .map(|(wall, utc)| {
                format!(
                    "{{ \"local\": {}, \"utc\": {} }}",
                    js(&wall.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    js(&iso(utc))
                )
            })
            .collect();
        files.push(format!(
            "{{\n    \"file\": {}, \"tzid\": {}, \"monday\": {}, \"calname\": {},\n    \"offsets\": [\n      {}\n    ],\n    \"deadlines\": [\n      {}\n    ],\n    \"events\": [\n      {}\n    ]\n  }}",
            js(&file),
            js(name),
            js(&monday.format("%Y-%m-%d").to_string()),
            js(&format!("{OWNER}'s week")),
            offsets.join(",\n      "),
            dated.join(",\n      "),
            events.join(",\n      ")
        ));
    }
    assert_eq!(
        hand_found,
        HAND_CHECKED.len(),
        "every hand-checked instant was compared"
    );

    let expected = format!(
        "{{\n  \"weeks\": {WEEKS},\n  \"prodid\": {},\n  \"dtstamp\": {},\n  \"files\": [\n  {}\n  ]\n}}\n",
        js("-//Unhurried//Weekly schedule//EN"),
        js(&iso(stamp())),
        files.join(",\n  ")
    );
    std::fs::write(dir.join("ics-expected.json"), expected).unwrap();
    eprintln!(
        "interop: wrote {} calendars to {}",
        EXPORTS.len(),
        dir.display()
    );
}

/// A block's VEVENTs read as RFC 5545 says, without ical.js: the master's weekly rule
/// from DTSTART, each instance lasting the exact duration of DTSTART to DTEND, minus
/// EXDATEs, with overriding instances (RECURRENCE-ID) in place of the ones they name.
/// Returns the first `count` instances as (start, end).
fn rfc_instances(ics: &str, tz: Zone, uid: &str, count: usize) -> Vec<Span> {
    let unfolded = ics.replace("\r\n ", "");
    let events: Vec<Vec<&str>> = unfolded
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|e| e.split("\r\n").take_while(|l| *l != "END:VEVENT").collect())
        .filter(|e: &Vec<&str>| e.contains(&format!("UID:{uid}").as_str()))
        .collect();
    let prefix = format!(";TZID={}:", tz.name());
    // (the value as written, the instant it names)
    let value = |event: &[&str], name: &str| -> Vec<(String, DateTime<Utc>)> {
        event
            .iter()
            .filter_map(|l| l.strip_prefix(name))
            .map(|rest| {
                if let Some(utc) = rest.strip_prefix(':') {
                    let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%SZ").unwrap();
                    (utc.to_owned(), t.and_utc())
                } else {
                    let wall = rest
                        .strip_prefix(&prefix)
                        .unwrap_or_else(|| panic!("{name}{rest}"));
                    let t = NaiveDateTime::parse_from_str(wall, "%Y%m%dT%H%M%S").unwrap();
                    (wall.to_owned(), rfc_instant(tz, t))
                }
            })
            .collect()
    };
    let one = |event: &[&str], name: &str| {
        let mut v = value(event, name);
        assert_eq!(v.len(), 1, "{uid}: one {name} in {event:?}");
        v.remove(0)
    };
    let (masters, overrides): (Vec<_>, Vec<_>) = events
        .iter()
        .partition(|e| value(e, "RECURRENCE-ID").is_empty());
    assert_eq!(masters.len(), 1, "{uid}: one master");
    let master = masters[0];
    assert!(master.contains(&"RRULE:FREQ=WEEKLY"));
    let (start_wall, start) = one(master, "DTSTART");
    let length = one(master, "DTEND").1 - start;
    let excluded: Vec<String> = value(master, "EXDATE").into_iter().map(|v| v.0).collect();
    let replaced: Vec<(String, Span)> = overrides
        .iter()
        .map(|e| {
            (
                one(e, "RECURRENCE-ID").0,
                (one(e, "DTSTART").1, one(e, "DTEND").1),
            )
        })
        .collect();
    let first = NaiveDateTime::parse_from_str(&start_wall, "%Y%m%dT%H%M%S").unwrap();
    let mut out = Vec::new();
    for n in 0.. {
        if out.len() == count {
            break;
        }
        let wall = first + Duration::weeks(n);
        let id = wall.format("%Y%m%dT%H%M%S").to_string();
        if excluded.contains(&id) {
            continue;
        }
        match replaced.iter().find(|r| r.0 == id) {
            Some((_, span)) => out.push(*span),
            None => {
                let s = rfc_instant(tz, wall);
                out.push((s, s + length));
            }
        }
    }
    out
}

/// However a block meets a change of the clocks, and in whichever week the file is
/// exported, a strict RFC 5545 reader finds every occurrence for over a year at the
/// block's wall-clock start and end (a change night an hour shorter or longer).
#[test]
fn every_occurrence_keeps_its_wall_clock_in_rfc_5545() {
    let (blocks, deadlines) = week();
    let mut wrong = Vec::new();
    for (key, name, monday) in EXPORTS {
        let tz: Zone = name.parse().unwrap();
        let monday = date(monday);
        let ics = week_ics(&blocks, &deadlines, tz, monday, stamp(), OWNER);
        for b in &blocks {
            let want = occurrences(tz, monday, b);
            let got = rfc_instances(&ics, tz, &format!("{}@unhurried", b.id), want.len());
            for (o, g) in want.iter().zip(got) {
                if (o.start, o.end) != g {
                    wrong.push(format!(
                        "{key} {} #{}: expected {} to {}, read {} to {}",
                        b.id,
                        o.n,
                        iso(o.start),
                        iso(o.end),
                        iso(g.0),
                        iso(g.1)
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} occurrences off:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Reminders with alarms, and what a calendar must read from them: each event at its
/// instant in UTC with a display alarm at its start.
#[test]
fn writes_reminders_for_the_javascript_reader() {
    use unhurried::model::ics::reminders_ics;
    use unhurried::model::reminder::Reminder;
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let at = |d: u32, h: u32, m: u32| Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
    let list = vec![
        Reminder {
            id: "r1".into(),
            text: "Answer Ben; about the launch, today \\ now".into(),
            link: "/shared/0123456789abcdef0123456789abcdef".into(),
            source: "Launch review".into(),
            at: at(30, 9, 0).timestamp_millis(),
            ..Reminder::default()
        },
        Reminder {
            id: "r2".into(),
            text: LONG.into(),
            at: at(30, 11, 30).timestamp_millis(),
            ..Reminder::default()
        },
        Reminder {
            id: "r3".into(),
            text: "Done already".into(),
            at: at(29, 8, 0).timestamp_millis(),
            done: true,
            ..Reminder::default()
        },
    ];
    let ics = reminders_ics(&list, stamp(), "https://unhurried.example");
    std::fs::write(dir.join("reminders.ics"), &ics).unwrap();
    let events: Vec<String> = list
        .iter()
        .map(|r| {
            format!(
                "{{ \"uid\": {}, \"start\": {}, \"summary\": {}, \"cancelled\": {} }}",
                js(&format!("reminder-{}@unhurried", r.id)),
                js(&iso(DateTime::<Utc>::from_timestamp_millis(r.at).unwrap())),
                js(&format!("Reminder: {}", r.text)),
                r.done
            )
        })
        .collect();
    std::fs::write(
        dir.join("reminders-expected.json"),
        format!(
            "{{ \"file\": \"reminders.ics\", \"events\": [\n  {}\n] }}\n",
            events.join(",\n  ")
        ),
    )
    .unwrap();
}

/// A call booked in an owner's office hours (issue 16): the owner works in Kolkata, the
/// reader in New York, and the slot falls the morning after New York's clocks went back.
/// `read_ics.mjs` checks the invitation with ical.js: METHOD:REQUEST, both people, the
/// instants, and the reader's wall clock as Node's own zone data gives it.
#[test]
fn writes_an_invitation_for_the_javascript_reader() {
    use unhurried::model::booking::{slots, SlotRules};
    use unhurried::model::ics::{invitation_ics, Invitee};
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    // Monday office hours 19:00-21:00 in Kolkata: 08:30-10:30 in New York once its
    // clocks are back on EST (and 09:30-11:30 the week before).
    let office = Block {
        id: "office".into(),
        day: 0,
        start: 19 * 60,
        minutes: 120,
        kind: BlockKind::Manager,
        label: String::new(),
    };
    let rules = SlotRules {
        minutes: 30,
        before: 0,
        after: 15,
        notice_minutes: 24 * 60,
        weeks: 1,
    };
    let now = Utc.with_ymd_and_hms(2026, 10, 30, 12, 0, 0).unwrap();
    let offered = slots(&[office], named("Asia/Kolkata"), &rules, now, &[]);
    let slot = offered[0];
    assert_eq!(iso(slot.start), "2026-11-02T13:30:00Z");
    let ana = Invitee::new("Ana Rao", "ana@example.com").unwrap();
    let ben = Invitee::new("Ben Cole, Acme", "ben@example.org").unwrap();
    let ics = invitation_ics(
        "b1",
        (slot.start, slot.end),
        "Call with Ana Rao",
        "Booked from the intake form",
        &ana,
        &ben,
        stamp(),
    );
    std::fs::write(dir.join("invitation.ics"), &ics).unwrap();
    let ny = slot.start.with_timezone(&named("America/New_York"));
    std::fs::write(
        dir.join("invitation-expected.json"),
        format!(
            "{{ \"file\": \"invitation.ics\", \"uid\": {}, \"start\": {}, \"end\": {}, \"reader_zone\": \"America/New_York\", \"reader_wall\": {}, \"organizer\": \"mailto:ana@example.com\", \"organizer_cn\": \"Ana Rao\", \"attendee\": \"mailto:ben@example.org\", \"attendee_cn\": \"Ben Cole, Acme\" }}\n",
            js("booking-b1@unhurried"),
            js(&iso(slot.start)),
            js(&iso(slot.end)),
            js(&ny.format("%Y-%m-%d %H:%M").to_string()),
        ),
    )
    .unwrap();
}

fn named(name: &str) -> Zone {
    name.parse().unwrap()
}
