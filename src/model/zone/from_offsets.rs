//! What a zone's offsets alone tell: the offsets a wall time exists under, the daylight
//! part of an offset, and whether a zone's short name is an abbreviation. The browser
//! tells only an instant's offset; these give the rest, and are tested natively against
//! chrono-tz's own answers for every zone.

use std::collections::HashMap;

use chrono::LocalResult;

const DAY: i64 = 86_400;

/// Offsets already asked for, by zone and UTC day: a day whose first and last second
/// have the same offset has it throughout (no zone changes twice within a day), so one
/// answer serves every instant of it. Days with a change are asked each time.
#[derive(Default)]
pub struct DayOffsets {
    days: HashMap<(usize, i64), i32>,
}

impl DayOffsets {
    /// Beyond this many days kept (a few years of every zone a team uses), start again.
    const MOST: usize = 20_000;

    /// The offset of `zone` at `utc`, from `ask` unless the day is known.
    pub fn get(&mut self, zone: usize, utc: i64, ask: impl Fn(i64) -> i32) -> i32 {
        let day = utc.div_euclid(DAY);
        if let Some(offset) = self.days.get(&(zone, day)) {
            return *offset;
        }
        let first = ask(day * DAY);
        if ask(day * DAY + DAY - 1) != first {
            return ask(utc);
        }
        if self.days.len() >= Self::MOST {
            self.days.clear();
        }
        self.days.insert((zone, day), first);
        first
    }
}

/// The offsets (seconds east) under which the wall time `local` (seconds, as if it were
/// UTC) exists, given the zone's offset at any instant. The offsets a day either side are
/// the only candidates, since no zone changes twice within two days; a candidate fits when
/// the instant it gives has that offset. In a fold the earlier instant comes first.
pub fn local_offsets(offset_at: impl Fn(i64) -> i32, local: i64) -> LocalResult<i32> {
    let before = offset_at(local - DAY);
    let after = offset_at(local + DAY);
    let fits = |offset: i32| offset_at(local - i64::from(offset)) == offset;
    match (fits(before), before != after && fits(after)) {
        (true, true) if before > after => LocalResult::Ambiguous(before, after),
        (true, true) => LocalResult::Ambiguous(after, before),
        (true, false) => LocalResult::Single(before),
        (false, true) => LocalResult::Single(after),
        (false, false) => LocalResult::None,
    }
}

/// The daylight part of the offset at `utc`: how far it is above the lowest offset a
/// quarter and half a year either side. Standard time lasts four months at least where
/// clocks change, so one of those instants falls in it.
pub fn daylight(offset_at: impl Fn(i64) -> i32, utc: i64) -> i32 {
    const QUARTER: i64 = 91 * DAY;
    let standard = [-2, -1, 1, 2]
        .map(|q| offset_at(utc + q * QUARTER))
        .into_iter()
        .min()
        .unwrap_or(0);
    (offset_at(utc) - standard).max(0)
}

/// A short zone name as the browser gives it ("EST", "GMT+5:30"), kept when it is an
/// abbreviation: letters only.
pub fn abbreviation(short: &str) -> Option<String> {
    (2..=6)
        .contains(&short.len())
        .then_some(short)
        .filter(|s| s.bytes().all(|b| b.is_ascii_uppercase()))
        .map(str::to_owned)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use chrono::{DateTime, Offset, TimeZone};
    use chrono_tz::{OffsetComponents, Tz, TZ_VARIANTS};

    fn offset(tz: Tz, utc: i64) -> i32 {
        let at = DateTime::from_timestamp(utc, 0).unwrap().naive_utc();
        tz.offset_from_utc_datetime(&at).fix().local_minus_utc()
    }

    /// Every zone, every 90 minutes of wall time for 2025 to 2028 and either side of each
    /// change: the offsets found from instants alone are chrono-tz's, gaps and folds too.
    #[test]
    fn wall_times_match_chrono_tz_in_every_zone() {
        let from = 1_735_689_600; // 2025-01-01
        let to = 1_861_920_000; // 2029-01-01
        let (mut gaps, mut folds) = (0, 0);
        for tz in TZ_VARIANTS {
            let mut walls: Vec<i64> = (from..to).step_by(5400).collect();
            let mut t = from;
            while t < to {
                let next = t + 3600;
                if offset(tz, t) != offset(tz, next) {
                    let change = (t..=next)
                        .find(|s| offset(tz, *s) == offset(tz, next))
                        .unwrap();
                    let (a, b) = (offset(tz, change - 1), offset(tz, change));
                    for wall in [change + i64::from(a.min(b)), change + i64::from(a.max(b))] {
                        walls.extend([wall - 1, wall, wall + 1, wall + 900]);
                    }
                }
                t = next;
            }
            for wall in walls {
                let naive = DateTime::from_timestamp(wall, 0).unwrap().naive_utc();
                let want = tz
                    .offset_from_local_datetime(&naive)
                    .map(|o| o.fix().local_minus_utc());
                let got = local_offsets(|s| offset(tz, s), wall);
                assert_eq!(got, want, "{tz} at wall {naive}");
                match got {
                    LocalResult::None => gaps += 1,
                    LocalResult::Ambiguous(..) => folds += 1,
                    LocalResult::Single(_) => {}
                }
            }
        }
        assert!(gaps > 100 && folds > 100, "{gaps} gaps, {folds} folds");
    }

    /// The daylight part is chrono-tz's wherever chrono-tz calls it positive.
    #[test]
    fn daylight_matches_chrono_tz_where_it_is_summer_time() {
        for tz in [
            Tz::America__New_York,
            Tz::Europe__London,
            Tz::Australia__Lord_Howe,
            Tz::Asia__Kolkata,
        ] {
            for day in 0..(4 * 365) {
                let utc = 1_735_689_600 + day * DAY + 43_200;
                let at = DateTime::from_timestamp(utc, 0).unwrap().naive_utc();
                let want = tz.offset_from_utc_datetime(&at).dst_offset().num_seconds();
                assert_eq!(
                    i64::from(daylight(|s| offset(tz, s), utc)),
                    want,
                    "{tz} {at}"
                );
            }
        }
    }

    /// Offsets through the day cache are chrono-tz's, every 37 minutes for four years in
    /// every zone, change days included.
    #[test]
    fn the_day_cache_answers_as_the_zone_does() {
        let mut cache = DayOffsets::default();
        for (n, tz) in TZ_VARIANTS.iter().enumerate() {
            for utc in (1_735_689_600..1_861_920_000).step_by(2220) {
                assert_eq!(
                    cache.get(n, utc, |s| offset(*tz, s)),
                    offset(*tz, utc),
                    "{tz} {utc}"
                );
            }
        }
    }

    #[test]
    fn abbreviations_are_letters() {
        assert_eq!(abbreviation("EST").as_deref(), Some("EST"));
        assert_eq!(abbreviation("GMT+5:30"), None);
        assert_eq!(abbreviation("+0545"), None);
        assert_eq!(abbreviation("Z"), None);
    }
}
