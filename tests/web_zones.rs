//! Browser tests (wasm-bindgen-test in headless Chromium) of zone rules from `Intl`: the
//! offsets, gaps, folds and names the model gets in the wasm are the tz database's,
//! for the zones the clients and schedule tests use (New York, London, Kolkata, Lord
//! Howe, Kathmandu), and a name the browser does not know is refused.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, LocalResult, NaiveDate, Offset, TimeZone, Timelike, Utc};
use unhurried::model::profile::{canonical_zone_name, parse_time_zone};
use unhurried::model::zone::Zone;
use unhurried::model::zones::{day_frame, local_instant};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn zone(name: &str) -> Zone {
    unhurried::web::zones::install();
    name.parse().unwrap()
}

fn offset_minutes(tz: Zone, utc: &str) -> i32 {
    let at: DateTime<Utc> = utc.parse().unwrap();
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

#[wasm_bindgen_test]
fn offsets_are_the_tz_databases() {
    let cases = [
        ("America/New_York", "2026-01-15T12:00:00Z", -300),
        ("America/New_York", "2026-07-15T12:00:00Z", -240),
        // The spring change: 2026-03-08 07:00 UTC.
        ("America/New_York", "2026-03-08T06:59:59Z", -300),
        ("America/New_York", "2026-03-08T07:00:00Z", -240),
        ("Europe/London", "2026-03-29T00:59:59Z", 0),
        ("Europe/London", "2026-03-29T01:00:00Z", 60),
        ("Asia/Kolkata", "2026-06-01T00:00:00Z", 330),
        ("Asia/Kathmandu", "2026-06-01T00:00:00Z", 345),
        // Lord Howe moves half an hour: +10:30 in winter, +11 in summer.
        ("Australia/Lord_Howe", "2026-07-01T00:00:00Z", 630),
        ("Australia/Lord_Howe", "2026-12-01T00:00:00Z", 660),
        ("UTC", "2026-07-01T00:00:00Z", 0),
    ];
    for (name, at, want) in cases {
        assert_eq!(offset_minutes(zone(name), at), want, "{name} at {at}");
    }
}

#[wasm_bindgen_test]
fn a_gap_has_no_wall_time_and_a_fold_two() {
    let ny = zone("America/New_York");
    let gap = NaiveDate::from_ymd_opt(2026, 3, 8)
        .unwrap()
        .and_hms_opt(2, 30, 0)
        .unwrap();
    assert_eq!(ny.from_local_datetime(&gap), LocalResult::None);
    let fold = NaiveDate::from_ymd_opt(2026, 11, 1)
        .unwrap()
        .and_hms_opt(1, 30, 0)
        .unwrap();
    let LocalResult::Ambiguous(first, second) = ny.from_local_datetime(&fold) else {
        panic!("no fold");
    };
    assert_eq!(first.with_timezone(&Utc).hour(), 5);
    assert_eq!(second.with_timezone(&Utc).hour(), 6);
    // Lord Howe's half-hour gap on 2026-10-04: 02:00 to 02:30 does not exist.
    let lh = zone("Australia/Lord_Howe");
    let gap = NaiveDate::from_ymd_opt(2026, 10, 4)
        .unwrap()
        .and_hms_opt(2, 15, 0)
        .unwrap();
    assert_eq!(lh.from_local_datetime(&gap), LocalResult::None);
    // A day with the spring change is 23 hours long; the model's frame says so.
    let day = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
    assert_eq!(day_frame(ny, day).minutes, 23 * 60);
    assert_eq!(
        local_instant(ny, day, 9 * 60).to_rfc3339(),
        "2026-03-08T13:00:00+00:00"
    );
}

#[wasm_bindgen_test]
fn names_daylight_and_abbreviations() {
    let ny = zone("America/New_York");
    let summer: DateTime<Utc> = "2026-07-01T00:00:00Z".parse().unwrap();
    let winter: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    assert_eq!(ny.dst_seconds(summer), 3600);
    assert_eq!(ny.dst_seconds(winter), 0);
    assert_eq!(ny.abbreviation(summer).as_deref(), Some("EDT"));
    // en-US has no letters for Kolkata's offset: no abbreviation rather than "GMT+5:30".
    assert_eq!(zone("Asia/Kolkata").abbreviation(summer), None);
    assert_eq!(ny.name(), "America/New_York");
    assert_eq!(
        canonical_zone_name("asia/calcutta").as_deref(),
        Some("Asia/Kolkata")
    );
    assert_eq!(
        canonical_zone_name("europe/london").as_deref(),
        Some("Europe/London")
    );
    assert_eq!(parse_time_zone("Etc/UTC"), Some(Zone::UTC));
    for hostile in [
        "Mars/Olympus",
        "",
        "<script>",
        "America/New_York\0",
        &"A/".repeat(100),
    ] {
        assert!(hostile.parse::<Zone>().is_err(), "{hostile:?}");
    }
}
