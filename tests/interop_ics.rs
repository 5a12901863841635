#![cfg(not(target_arch = "wasm32"))]
//! Writes the same week exported in eight zones, and what a calendar must read from each
//! file, for `tests/interop/read_ics.mjs` to check with ical.js (Mozilla's parser).
//!
//! Files, in `$CARGO_TARGET_DIR/interop` (default `target/interop`): `week-<zone>.ics`
//! and `ics-expected.json`.
//!
//! The expected instants are computed here from chrono-tz alone (not from the export's
//! VTIMEZONE), following RFC 5545: each occurrence starts at the block's wall time in the
//! zone, and lasts the exact duration of the first occurrence (DTEND minus DTSTART); a
//! wall time in a DST gap takes the offset before the gap, one in a fold the first of its
//! two instants. Where another reading is plausible (a calendar resolving a gap or fold
//! the other way, or keeping the wall-clock end across a change), it is listed too, so
//! the reader can tell a parser's choice from a wrong file. A few instants are
//! hand-checked below.

mod common;

use common::{js, out_dir};

use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;
use unhurried::model::ics::week_ics;
use unhurried::model::schedule::{Block, BlockKind, Deadline};

/// Occurrences of each block the reader expands and compares.
const WEEKS: i64 = 60;

const ZONES: [(&str, &str); 8] = [
    ("london", "Europe/London"),
    ("newyork", "America/New_York"),
    ("kolkata", "Asia/Kolkata"),
    ("sydney", "Australia/Sydney"),
    ("kathmandu", "Asia/Kathmandu"),
    ("adelaide", "Australia/Adelaide"),
    ("lordhowe", "Australia/Lord_Howe"),
    // Ramadan changes on dates no yearly rule gives: the VTIMEZONE lists them (RDATE).
    ("casablanca", "Africa/Casablanca"),
];

const OWNER: &str = "Zoë";

const LONG: &str = "Standing call with the Lisbon, Kraków & São Paulo teams; agenda: roadmap, \
hiring, “async-first” rituals — and a tail long enough to fold 🚀🚀🚀 more than once, \
to be sure that no line is cut inside a character";

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
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
    ];
    let deadlines = vec![
        Deadline {
            id: "launch".into(),
            title: "Launch v2, “final”; ship it 🎉".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 27),
        },
        Deadline {
            id: "someday".into(),
            title: "Undated: left out".into(),
            date: None,
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

/// The instants a wall time in `tz` can name, RFC 5545's reading first: the offset
/// before a gap, the earlier instant of a fold.
fn readings(tz: Tz, wall: NaiveDateTime) -> Vec<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => vec![t.with_timezone(&Utc)],
        LocalResult::Ambiguous(a, b) => vec![a.with_timezone(&Utc), b.with_timezone(&Utc)],
        LocalResult::None => {
            let offset_at = |utc: NaiveDateTime| {
                i64::from(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
            };
            let before = offset_at(wall - Duration::hours(24));
            let after = offset_at(wall + Duration::hours(24));
            [before, after]
                .into_iter()
                .map(|o| (wall - Duration::seconds(o)).and_utc())
                .collect()
        }
    }
}

fn push_unique(list: &mut Vec<DateTime<Utc>>, t: DateTime<Utc>) {
    if !list.contains(&t) {
        list.push(t);
    }
}

struct Occurrence {
    n: i64,
    /// RFC 5545's reading first, then any other plausible one.
    starts: Vec<DateTime<Utc>>,
    ends: Vec<DateTime<Utc>>,
}

fn occurrences(tz: Tz, b: &Block) -> Vec<Occurrence> {
    let week_start = monday().and_time(NaiveTime::MIN);
    let first = week_start + Duration::minutes(i64::from(u32::from(b.day) * 1440 + b.start));
    let length = Duration::minutes(i64::from(b.minutes));
    // The exact duration of the first occurrence, for every reading of its two ends.
    let (s0, e0) = (readings(tz, first), readings(tz, first + length));
    let rfc_duration = e0[0] - s0[0];
    let mut durations = vec![rfc_duration];
    for s in &s0 {
        for e in &e0 {
            if !durations.contains(&(*e - *s)) {
                durations.push(*e - *s);
            }
        }
    }
    (0..WEEKS)
        .map(|n| {
            let wall = first + Duration::weeks(n);
            let starts = readings(tz, wall);
            let mut ends = vec![starts[0] + rfc_duration];
            for s in &starts {
                for d in &durations {
                    push_unique(&mut ends, *s + *d);
                }
            }
            // Keeping the wall-clock end instead of the exact duration.
            for e in readings(tz, wall + length) {
                push_unique(&mut ends, e);
            }
            Occurrence { n, starts, ends }
        })
        .collect()
}

/// Instants (UTC) a calendar must find, checked by hand: (zone, block, occurrence,
/// start, end).
const HAND_CHECKED: [(&str, &str, i64, &str, &str); 24] = [
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
    // Saturday 28 March 23:00 GMT for the exact 2 h 30 of the first week: 01:30 GMT,
    // which is 02:30 on the BST wall clock (01:30 does not exist that night).
    (
        "london",
        "night",
        3,
        "2026-03-28T23:00:00Z",
        "2026-03-29T01:30:00Z",
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
fn offset_samples(tz: Tz) -> Vec<(NaiveDateTime, DateTime<Utc>)> {
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

fn iso_list(list: &[DateTime<Utc>]) -> String {
    let items: Vec<String> = list.iter().map(|t| js(&iso(*t))).collect();
    format!("[{}]", items.join(", "))
}

#[test]
fn writes_calendars_for_the_javascript_reader() {
    let (blocks, deadlines) = week();
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();

    let mut files = Vec::new();
    let mut hand_found = 0;
    for (key, name) in ZONES {
        let tz: Tz = name.parse().unwrap();
        let ics = week_ics(&blocks, &deadlines, tz, monday(), stamp(), OWNER);

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
            for o in occurrences(tz, b) {
                let hand = HAND_CHECKED
                    .iter()
                    .find(|h| h.0 == key && h.1 == b.id && h.2 == o.n);
                if let Some(&(_, _, n, start, end)) = hand {
                    hand_found += 1;
                    assert_eq!(
                        (iso(o.starts[0]), iso(o.ends[0])),
                        (start.to_owned(), end.to_owned()),
                        "{key} {} occurrence {n}",
                        b.id
                    );
                }
                let mut fields = vec![
                    format!("\"n\": {}", o.n),
                    format!("\"start\": {}", js(&iso(o.starts[0]))),
                    format!("\"end\": {}", js(&iso(o.ends[0]))),
                ];
                if o.starts.len() > 1 {
                    fields.push(format!("\"start_ok\": {}", iso_list(&o.starts)));
                }
                if o.ends.len() > 1 {
                    fields.push(format!("\"end_ok\": {}", iso_list(&o.ends)));
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
            "{{\n    \"file\": {}, \"tzid\": {}, \"calname\": {},\n    \"offsets\": [\n      {}\n    ],\n    \"deadlines\": [\n      {}\n    ],\n    \"events\": [\n      {}\n    ]\n  }}",
            js(&file),
            js(name),
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
        ZONES.len(),
        dir.display()
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
