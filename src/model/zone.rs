//! A time zone by its IANA name: a `chrono::TimeZone` whose rules come from chrono-tz in
//! native builds and from the browser's `Intl` in the wasm.
//!
//! The browser already carries the tz database (ICU's, updated with the browser), and
//! chrono-tz's tables, every transition spelled out to 2037, were a tenth of the wasm
//! (about 150 KB gzipped). Natively, where the model is tested, chrono-tz stays; the
//! browser tests check the `Intl` rules against the same cases.

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
};

pub mod from_offsets;

#[cfg(target_arch = "wasm32")]
#[path = "zone/browser.rs"]
mod rules;
#[cfg(not(target_arch = "wasm32"))]
#[path = "zone/tzdb.rs"]
mod rules;

#[cfg(target_arch = "wasm32")]
pub use rules::{install, ZoneOracle};

/// An IANA time zone such as `Asia/Kolkata`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Zone(rules::Id);

/// A name that is no time zone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a time zone")]
pub struct UnknownZone(pub String);

impl Zone {
    pub const UTC: Zone = Zone(rules::UTC);

    /// The zone's name as it was accepted (`Asia/Kolkata`).
    pub fn name(&self) -> &'static str {
        rules::name(self.0)
    }

    /// The daylight-saving part of the offset at `at`, in seconds.
    pub fn dst_seconds(&self, at: DateTime<chrono::Utc>) -> i32 {
        rules::dst_at(self.0, at.timestamp())
    }

    /// The zone's abbreviation at `at` ("EST", "IST"), when it has a lettered one.
    pub fn abbreviation(&self, at: DateTime<chrono::Utc>) -> Option<String> {
        rules::abbreviation_at(self.0, at.timestamp())
    }

    fn offset(&self, seconds: i32) -> ZoneOffset {
        ZoneOffset {
            zone: *self,
            // Offsets the rules give are within a day; UTC is the safe reading otherwise.
            fix: FixedOffset::east_opt(seconds).unwrap_or(chrono::Utc.fix()),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl From<chrono_tz::Tz> for Zone {
    fn from(tz: chrono_tz::Tz) -> Zone {
        Zone(tz)
    }
}

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(name: &str) -> Result<Zone, UnknownZone> {
        rules::parse(name)
            .map(Zone)
            .ok_or_else(|| UnknownZone(name.chars().take(80).collect()))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A zone's offset at one instant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ZoneOffset {
    zone: Zone,
    fix: FixedOffset,
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fix
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.fix, f)
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<ZoneOffset> {
        rules::local_offsets(self.0, local.and_utc().timestamp()).map(|s| self.offset(s))
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset(rules::offset_at(self.0, utc.and_utc().timestamp()))
    }
}

/// A zone known to exist, for tests.
#[cfg(test)]
pub fn named(name: &str) -> Zone {
    name.parse().unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        assert_eq!(named("Asia/Kolkata").name(), "Asia/Kolkata");
        assert_eq!(named("Asia/Kolkata").to_string(), "Asia/Kolkata");
        assert_eq!(Zone::UTC.name(), "UTC");
        assert_eq!(
            "Mars/Olympus".parse::<Zone>(),
            Err(UnknownZone("Mars/Olympus".into()))
        );
    }
}
