//! The monthly review's arithmetic: months on the person's own calendar, and what the
//! deadlines of a month came to.
//!
//! A month is the person's: an instant belongs to the month its date has on the wall
//! clock of their zone, so a deadline met at 23:30 on 31 March in Kolkata (18:00 UTC)
//! counts for March, and one met at 00:30 on 1 April there (19:00 UTC on 31 March)
//! counts for April.

use chrono::{Datelike, NaiveDate};

use super::schedule::{Deadline, Outcome};
use super::zones::date_at;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1-12.
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month of `ms` (UTC) on the wall clock of `zone` (an IANA name; UTC if
    /// unknown).
    pub fn at(ms: i64, zone: &str) -> Month {
        Month::of(date_at(zone, ms))
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The month `n` months before (`n` may be negative, for after).
    pub fn back(self, n: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 - n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The stored form, "2026-03".
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&month).then_some(Month { year, month })
    }
}

/// What a month's deadlines came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DeadlineFigures {
    /// Met in the month (by the date they were met), on or before their date.
    pub met_on_time: u32,
    /// Met in the month, after their date.
    pub met_late: u32,
    /// Missed, due in the month.
    pub missed: u32,
    /// Moved away from a date in the month (by the date first due).
    pub moved: u32,
    /// Due in the month, past, and not yet marked.
    pub unmarked: u32,
}

impl DeadlineFigures {
    /// The month's deadlines, with `today` on the person's calendar deciding which
    /// open ones are past.
    pub fn of(deadlines: &[Deadline], month: Month, today: NaiveDate) -> DeadlineFigures {
        let mut f = DeadlineFigures::default();
        for d in deadlines {
            let due_here = d.date.is_some_and(|date| month.contains(date));
            match d.outcome {
                Outcome::Met(on) if month.contains(on) => {
                    if d.met_on_time() == Some(true) {
                        f.met_on_time += 1;
                    } else {
                        f.met_late += 1;
                    }
                }
                Outcome::Missed if due_here => f.missed += 1,
                Outcome::Open if due_here && d.is_overdue(today) => f.unmarked += 1,
                _ => {}
            }
            if d.moved_from.is_some_and(|from| month.contains(from)) {
                f.moved += 1;
            }
        }
        f
    }

    /// Of the deadlines settled in the month (met or missed), the share met on time, in
    /// whole percent; `None` when none were settled.
    pub fn on_time_percent(&self) -> Option<u32> {
        let settled = self.met_on_time + self.met_late + self.missed;
        (settled > 0).then(|| (self.met_on_time * 100 + settled / 2) / settled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::{TimeZone, Utc};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ms(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .timestamp_millis()
    }

    #[test]
    fn a_month_is_the_persons_own() {
        // 23:30 on 31 March in Kolkata (UTC+5:30) is 18:00 UTC: March there.
        assert_eq!(
            Month::at(ms(2026, 3, 31, 18, 0), "Asia/Kolkata"),
            Month {
                year: 2026,
                month: 3
            }
        );
        // 00:30 on 1 April in Kolkata is 19:00 UTC on 31 March: April there, March in
        // London (20:00 BST).
        let instant = ms(2026, 3, 31, 19, 0);
        assert_eq!(Month::at(instant, "Asia/Kolkata").key(), "2026-04");
        assert_eq!(Month::at(instant, "Europe/London").key(), "2026-03");
        // Los Angeles on New Year's Eve, 16:00 there is midnight UTC.
        assert_eq!(
            Month::at(ms(2027, 1, 1, 0, 0), "America/Los_Angeles").key(),
            "2026-12"
        );
        assert_eq!(
            Month::at(ms(2027, 1, 1, 0, 0), "Not/AZone").key(),
            "2027-01"
        );
        // The night the clocks go forward in London still belongs to its own date.
        assert_eq!(
            date_at("Europe/London", ms(2026, 3, 29, 0, 30)),
            date(2026, 3, 29)
        );
    }

    #[test]
    fn months_count_back_across_years_and_read_back() {
        let jan = Month {
            year: 2027,
            month: 1,
        };
        assert_eq!(jan.back(1).key(), "2026-12");
        assert_eq!(jan.back(3).key(), "2026-10");
        assert_eq!(jan.back(6).key(), "2026-07");
        assert_eq!(jan.back(13).key(), "2025-12");
        assert_eq!(jan.back(-12).key(), "2028-01");
        assert_eq!(jan.first_day(), date(2027, 1, 1));
        assert_eq!(Month::parse("2026-03"), Some(jan.back(10)));
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("March"), None);
    }

    #[test]
    fn outcomes_read_back_and_anything_else_is_open() {
        for o in [
            Outcome::Open,
            Outcome::Met(date(2026, 3, 31)),
            Outcome::Missed,
        ] {
            assert_eq!(Outcome::parse(&o.key()), o);
        }
        assert_eq!(Outcome::parse("met yesterday"), Outcome::Open);
        assert_eq!(Outcome::parse("done"), Outcome::Open);
    }

    #[test]
    fn a_months_deadlines_by_what_became_of_them() {
        let d = |id: &str, due: NaiveDate, outcome: Outcome| Deadline {
            id: id.into(),
            title: id.into(),
            date: Some(due),
            outcome,
            ..Deadline::default()
        };
        let mut moved = d("moved", date(2026, 3, 20), Outcome::Open);
        moved.move_to(date(2026, 4, 3), " The client was away ");
        moved.move_to(date(2026, 4, 10), "Again");
        let mut moved_then_met = d("moved-met", date(2026, 3, 25), Outcome::Open);
        moved_then_met.move_to(date(2026, 4, 2), "");
        moved_then_met.outcome = Outcome::Met(date(2026, 4, 2));
        let deadlines = [
            // Met on its day, the last of March.
            d("a", date(2026, 3, 31), Outcome::Met(date(2026, 3, 31))),
            // Due in February, met late in March: counts where it was met.
            d("b", date(2026, 2, 27), Outcome::Met(date(2026, 3, 2))),
            d("c", date(2026, 3, 10), Outcome::Missed),
            // Past, unmarked.
            d("d", date(2026, 3, 12), Outcome::Open),
            // Due in April.
            d("e", date(2026, 4, 1), Outcome::Open),
            moved.clone(),
            moved_then_met.clone(),
        ];
        let march = Month {
            year: 2026,
            month: 3,
        };
        let today = date(2026, 4, 5);
        let f = DeadlineFigures::of(&deadlines, march, today);
        assert_eq!(
            f,
            DeadlineFigures {
                met_on_time: 1,
                met_late: 1,
                missed: 1,
                moved: 2,
                unmarked: 1,
            }
        );
        // 1 on time of 3 settled.
        assert_eq!(f.on_time_percent(), Some(33));
        let april = DeadlineFigures::of(&deadlines, march.back(-1), today);
        assert_eq!(
            april,
            DeadlineFigures {
                met_on_time: 1,
                unmarked: 1,
                ..DeadlineFigures::default()
            },
            "e is past on the 5th; the twice-moved one is due on the 10th"
        );
        assert_eq!(april.on_time_percent(), Some(100));
        assert_eq!(
            DeadlineFigures::default().on_time_percent(),
            None,
            "nothing settled"
        );
        // A second move keeps the first date.
        assert_eq!(moved.moved_from, Some(date(2026, 3, 20)));
        assert_eq!(moved.date, Some(date(2026, 4, 10)));
        assert_eq!(moved.reason, "Again");
        let words = |d: &Deadline| d.outcome_words(&|n: NaiveDate| n.format("%-d %b").to_string());
        assert_eq!(words(&moved), "Moved from 20 Mar: Again");
        assert_eq!(words(&moved_then_met), "Met on 2 Apr · Moved from 25 Mar");
        assert_eq!(words(&deadlines[1]), "Met 3 days late, on 2 Mar");
        assert_eq!(words(&deadlines[2]), "Missed");
        assert_eq!(words(&deadlines[3]), "");
        assert!(deadlines[3].is_overdue(today) && !deadlines[0].is_overdue(today));
    }
}
