//! Zone rules from chrono-tz, for native builds (tests, benchmarks, tools).

use chrono::{DateTime, LocalResult, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

pub type Id = Tz;
pub const UTC: Id = chrono_tz::UTC;

pub fn parse(name: &str) -> Option<Id> {
    name.parse().ok()
}

pub fn name(id: Id) -> &'static str {
    id.name()
}

fn at(id: Id, utc: i64) -> <Tz as TimeZone>::Offset {
    let utc = DateTime::from_timestamp(utc, 0)
        .unwrap_or_default()
        .naive_utc();
    id.offset_from_utc_datetime(&utc)
}

pub fn offset_at(id: Id, utc: i64) -> i32 {
    at(id, utc).fix().local_minus_utc()
}

pub fn local_offsets(id: Id, local: i64) -> LocalResult<i32> {
    let Some(local) = DateTime::from_timestamp(local, 0) else {
        return LocalResult::None;
    };
    id.offset_from_local_datetime(&local.naive_utc())
        .map(|o| o.fix().local_minus_utc())
}

pub fn dst_at(id: Id, utc: i64) -> i32 {
    // Bounded by the offset itself, well inside i32.
    i32::try_from(at(id, utc).dst_offset().num_seconds()).unwrap_or(0)
}

pub fn abbreviation_at(id: Id, utc: i64) -> Option<String> {
    at(id, utc).abbreviation().map(str::to_owned)
}
