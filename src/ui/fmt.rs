//! Values for people, in their browser's locale through `Intl` (`web.rs`): money
//! ("₹3,02,361.00" in en-IN), times of day (12-hour in en-US), dates in one style
//! ("1 Dec 2026", "Dec 1, 2026"), and zones by a friendly name. The model keeps its plain,
//! locale-free forms for tests and exports (ICS, Markdown, mail text); each function
//! here falls back to them when the browser's `Intl` cannot help.

use chrono::{NaiveDate, TimeZone, Utc};

use crate::model::profile::{parse_time_zone, zone_city, zone_country};
use crate::model::rate::format_money;
use crate::model::schedule::clock;
use crate::web;

const MINUTE_MS: f64 = 60_000.0;

fn or_else(text: String, fallback: impl FnOnce() -> String) -> String {
    if text.is_empty() {
        fallback()
    } else {
        text
    }
}

/// An amount in minor units: "$1,234.50", "₹3,02,361.00", "¥1,235".
pub fn money(cents: i64, currency: &str) -> String {
    or_else(web::format_money(cents as f64 / 100.0, currency), || {
        format_money(cents, currency)
    })
}

/// A share as a percentage: 0.25 as "25%".
pub fn percent(share: f64) -> String {
    or_else(web::format_percent(share), || {
        format!("{:.0}%", share * 100.0)
    })
}

/// A number with `digits` decimals, in the reader's locale: "4.3", "4,3".
pub fn decimal(n: f64, digits: u32) -> String {
    or_else(web::format_number(n, digits), || {
        format!("{n:.*}", digits as usize)
    })
}

/// A number of bytes as people read it, in their locale: "3 KB", "3.8 MB", "1,2 GB".
pub fn size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes >= KB * KB * KB {
        format!("{} GB", decimal(bytes / (KB * KB * KB), 1))
    } else if bytes >= KB * KB {
        format!("{} MB", decimal(bytes / (KB * KB), 1))
    } else {
        format!("{} KB", decimal((bytes / KB).max(1.0).round(), 0))
    }
}

/// A wall-clock time of day in minutes after midnight: "14:05" or "2:05 PM".
pub fn time_of_day(minutes: u32) -> String {
    or_else(web::format_clock(f64::from(minutes) * MINUTE_MS), || {
        clock(minutes)
    })
}

/// An hour mark for a time axis: "14:00" or "2 PM".
pub fn hour(h: u32) -> String {
    or_else(web::format_hour(f64::from(h) * 60.0 * MINUTE_MS), || {
        clock(h * 60)
    })
}

fn day_ms(day: NaiveDate) -> f64 {
    day.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis() as f64)
        .unwrap_or(0.0)
}

/// A calendar date with its weekday: "Tue, 1 Dec 2026".
pub fn date_with_weekday(day: NaiveDate) -> String {
    or_else(web::format_date(day_ms(day), true), || {
        day.format("%a %-d %b %Y").to_string()
    })
}

/// A month: "March 2026" (`long`) or "Mar", in the reader's locale.
pub fn month(m: crate::model::review::Month, long: bool) -> String {
    or_else(web::format_month(day_ms(m.first_day()), long), || {
        m.first_day()
            .format(if long { "%B %Y" } else { "%b" })
            .to_string()
    })
}

/// A zone by a friendly name: "India (Kolkata)" for `Asia/Kolkata`; the id itself for
/// zones of no country (UTC).
pub fn zone_name(zone: &str) -> String {
    match zone_country(zone) {
        Some(code) => {
            let country = or_else(web::region_name(code), || code.to_owned());
            format!("{country} ({})", zone_city(zone))
        }
        None => zone.to_owned(),
    }
}

/// A zone by its friendly name and its id: "India (Kolkata), Asia/Kolkata".
pub fn zone_label(zone: &str) -> String {
    let name = zone_name(zone);
    if name == zone {
        name
    } else {
        format!("{name}, {zone}")
    }
}

/// "Tue 25 Nov, 09:00" on the person's own clock, in their locale's style ("Tue, Nov 25,
/// 9:00 AM" in en-US).
pub fn local_moment(ms: i64, zone: &str) -> String {
    let at = Utc.timestamp_millis_opt(ms).single().unwrap_or_default();
    let tz = parse_time_zone(zone);
    let shown = web::format_moment(ms as f64, tz.map_or("UTC", |tz| tz.name()));
    match (tz, shown.is_empty()) {
        (Some(_), false) => shown,
        (None, false) => format!("{shown} UTC"),
        (Some(tz), true) => at.with_timezone(&tz).format("%a %-d %b, %H:%M").to_string(),
        (None, true) => at.format("%a %-d %b, %H:%M UTC").to_string(),
    }
}
