//! The monthly review's arithmetic: months on the person's own calendar, and what the
//! deadlines of a month came to.
//!
//! A month is the person's: an instant belongs to the month its date has on the wall
//! clock of their zone, so a deadline met at 23:30 on 31 March in Kolkata (18:00 UTC)
//! counts for March, and one met at 00:30 on 1 April there (19:00 UTC on 31 March)
//! counts for April.

use chrono::{Datelike, NaiveDate};

use super::inventory::InventoryTotals;
use super::profile::{parse_time_zone, zone_or_utc};
use super::rate::Rate;
use super::reminder::parse_local;
use super::schedule::{week_totals, Block, BlockKind, Deadline, Outcome, WorkingHours};
use super::shared::feedback::Scores;
use super::shared::meeting::{meeting_cost_cents, MeetingPart, BOOKED_MINUTES};
use super::zones::date_at;
use super::zones::local_instant;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
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

    /// The instant the month begins: midnight on its 1st on the wall clock of `zone`
    /// (UTC if unknown).
    pub fn start_ms(self, zone: &str) -> i64 {
        let tz = zone_or_utc(zone);
        local_instant(tz, self.first_day(), 0).timestamp_millis()
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

/// What the freed time went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FreedUse {
    Growth,
    Rest,
    Client,
}

impl FreedUse {
    pub const ALL: [FreedUse; 3] = [FreedUse::Growth, FreedUse::Rest, FreedUse::Client];

    pub fn key(self) -> &'static str {
        match self {
            FreedUse::Growth => "growth",
            FreedUse::Rest => "rest",
            FreedUse::Client => "client",
        }
    }

    pub fn parse(s: &str) -> Option<FreedUse> {
        FreedUse::ALL.into_iter().find(|u| u.key() == s)
    }

    pub fn words(self) -> &'static str {
        match self {
            FreedUse::Growth => "Growth",
            FreedUse::Rest => "Rest",
            FreedUse::Client => "Client work",
        }
    }
}

/// An entry of the freed-time log: on a date, so many minutes went to something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FreedEntry {
    pub id: String,
    pub date: NaiveDate,
    pub minutes: u32,
    pub to: FreedUse,
    pub note: String,
}

impl FreedEntry {
    /// The most minutes one entry holds: a day.
    pub const MAX_MINUTES: u32 = 24 * 60;

    /// Hours as a person types them, "1.5", "1,5", "2" or "1:30", in minutes (rounded
    /// to the minute); `None` for anything else, for none, or for more than a day.
    pub fn parse_hours(s: &str) -> Option<u32> {
        let s = s.trim();
        let minutes = if let Some((h, m)) = s.split_once(':') {
            let m: u32 = m.parse().ok().filter(|m| *m < 60 && !h.is_empty())?;
            h.parse::<u32>().ok()?.checked_mul(60)? + m
        } else {
            let (whole, part) = s.split_once(['.', ',']).unwrap_or((s, ""));
            let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
            if !digits(whole) || !digits(part) || (whole.is_empty() && part.is_empty()) {
                return None;
            }
            let whole: u32 = if whole.is_empty() {
                0
            } else {
                whole.parse().ok()?
            };
            // Four places are plenty: a minute is 0.0167 hours.
            let part4: u32 = format!("{part:0<4}").get(..4)?.parse().ok()?;
            whole.checked_mul(60)? + (part4 * 60 + 5_000) / 10_000
        };
        (1..=Self::MAX_MINUTES)
            .contains(&minutes)
            .then_some(minutes)
    }

    /// The stored form: "2026-11-03 90 growth Read the Rust book".
    pub fn key(&self) -> String {
        format!(
            "{} {} {} {}",
            self.date,
            self.minutes,
            self.to.key(),
            self.note.trim()
        )
    }

    pub fn parse(id: &str, s: &str) -> Option<FreedEntry> {
        let mut parts = s.splitn(4, ' ');
        let date = NaiveDate::parse_from_str(parts.next()?, "%Y-%m-%d").ok()?;
        let minutes = parts.next()?.parse::<u32>().ok()?.min(Self::MAX_MINUTES);
        let to = FreedUse::parse(parts.next()?)?;
        Some(FreedEntry {
            id: id.to_owned(),
            date,
            minutes,
            to,
            note: parts.next().unwrap_or("").trim().to_owned(),
        })
    }
}

/// A meeting as the review counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingFacts {
    /// The month it was held (or is planned) in, on the person's calendar; `None` when
    /// it has no date and was never started.
    pub month: Option<Month>,
    /// How long it ran: from its start to its end when it was timed to the end, its
    /// agenda's length otherwise.
    pub minutes: u32,
    /// Everyone listed, and the organiser.
    pub people: u32,
    /// What it would have been booked for.
    pub booked: u32,
    /// Turned into a discussion: nobody met.
    pub turned_async: bool,
}

impl MeetingFacts {
    /// The facts of a meeting with `invited` people listed, on the calendar of `zone`.
    pub fn of(m: &MeetingPart, invited: usize, zone: &str) -> MeetingFacts {
        let planned_at = || {
            let tz = parse_time_zone(&m.when_zone)?;
            parse_local(tz, &m.when)
        };
        let at = m.started.first().copied().or_else(planned_at);
        let timed = match (m.started.first(), m.ended) {
            (Some(start), Some(end)) if end > *start => {
                Some(((end - start + 30_000) / 60_000) as u32)
            }
            _ => None,
        };
        MeetingFacts {
            month: at.map(|at| Month::at(at, zone)),
            minutes: timed.unwrap_or_else(|| m.planned_minutes()),
            people: u32::try_from(invited).unwrap_or(u32::MAX).saturating_add(1),
            booked: m.booked.unwrap_or(BOOKED_MINUTES),
            turned_async: m.moved_to.is_some(),
        }
    }
}

/// What a month's meetings came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MeetingFigures {
    /// Held live (or planned to be, in a month not over).
    pub held: u32,
    pub minutes: u32,
    /// What they cost: people × minutes at the person's rate, in minor units.
    pub cost_cents: i64,
    pub turned_async: u32,
    /// Held shorter than they would have been booked for.
    pub shortened: u32,
    /// Minutes saved: the whole booking of those turned async, and what the shortened
    /// ones saved against theirs (the person's own minutes, not everyone's).
    pub freed_minutes: u32,
}

impl MeetingFigures {
    pub fn of(meetings: &[MeetingFacts], month: Month, rate: &Rate) -> MeetingFigures {
        let mut f = MeetingFigures::default();
        for m in meetings.iter().filter(|m| m.month == Some(month)) {
            if m.turned_async {
                f.turned_async += 1;
                f.freed_minutes += m.booked;
                continue;
            }
            f.held += 1;
            f.minutes += m.minutes;
            f.cost_cents += meeting_cost_cents(rate, m.people, m.minutes);
            if m.booked > m.minutes {
                f.shortened += 1;
                f.freed_minutes += m.booked - m.minutes;
            }
        }
        f
    }
}

/// Where a person's data for the review comes from.
pub struct Sources<'a> {
    /// The inventory's totals (`InventoryTotals::measured`).
    pub totals: &'a InventoryTotals,
    pub rate: &'a Rate,
    pub blocks: &'a [Block],
    pub deadlines: &'a [Deadline],
    pub meetings: &'a [MeetingFacts],
    /// Each feedback request's month and its scores.
    pub feedback: &'a [(Month, Scores)],
    pub log: &'a [FreedEntry],
}

impl<'a> Sources<'a> {
    /// The sources in a person's document, with the inventory's totals and the meetings
    /// and feedback requests they hold (documents of their own).
    pub fn of(
        state: &'a super::PersonalState,
        totals: &'a InventoryTotals,
        meetings: &'a [MeetingFacts],
        feedback: &'a [(Month, Scores)],
    ) -> Sources<'a> {
        Sources {
            totals,
            rate: &state.rate,
            blocks: &state.schedule.blocks,
            deadlines: &state.schedule.deadlines,
            meetings,
            feedback,
            log: &state.freed,
        }
    }
}

/// A month's figures: worked out from the person's data while the month is open, and
/// kept as they were once it is reviewed (later edits never rewrite a reviewed month).
/// The first five are the inventory and the week as they are (they have no dates); the
/// rest are counted from dated things, so any month can be counted again. Figures kept
/// by a version that did not count meetings, feedback or the log leave those `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MonthFigures {
    /// Recurring work that needs no live contact, with the decisions carried out so far,
    /// in whole percent; `None` with no recurring work.
    pub async_percent: Option<u32>,
    /// Live work, minutes per month.
    pub live_minutes: u64,
    /// What that live work costs per month at the person's rate, in minor units (0
    /// without a rate).
    pub live_cost_cents: i64,
    /// Minutes per month that decisions carried out (and SOP runs by others) free.
    pub freed_minutes: u64,
    /// Deep work planned in the week, minutes.
    pub deep_work_minutes: u32,
    pub deadlines: DeadlineFigures,
    pub meetings: Option<MeetingFigures>,
    pub feedback: Option<Scores>,
    /// Minutes logged as freed, by `FreedUse` in order.
    pub logged: Option<[u32; 3]>,
}

impl MonthFigures {
    /// The figures of `month`, with `today` on the person's calendar.
    pub fn of(src: &Sources<'_>, month: Month, today: NaiveDate) -> MonthFigures {
        let done = &src.totals.done;
        let mut feedback = Scores::default();
        for (_, scores) in src.feedback.iter().filter(|(m, _)| *m == month) {
            for (n, count) in scores.of_each.iter().enumerate() {
                feedback.of_each[n] += count;
            }
        }
        let mut logged = [0u32; 3];
        for e in src.log.iter().filter(|e| month.contains(e.date)) {
            logged[e.to as usize] += e.minutes;
        }
        MonthFigures {
            async_percent: done
                .async_share()
                .map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u32),
            live_minutes: done.live_minutes_per_year / 12,
            live_cost_cents: src.rate.monthly_cost_cents(done.live_minutes_per_year),
            freed_minutes: done.freed_minutes_per_year / 12,
            deep_work_minutes: week_totals(src.blocks).maker,
            deadlines: DeadlineFigures::of(src.deadlines, month, today),
            meetings: Some(MeetingFigures::of(src.meetings, month, src.rate)),
            feedback: Some(feedback),
            logged: Some(logged),
        }
    }

    /// These figures with the groups they lack (kept by an earlier version) taken from
    /// `now`.
    pub fn or_from(self, now: &MonthFigures) -> MonthFigures {
        MonthFigures {
            meetings: self.meetings.or(now.meetings),
            feedback: self.feedback.or(now.feedback),
            logged: self.logged.or(now.logged),
            ..self
        }
    }

    /// The stored form: "async=62 live=840 cost=70000 freed=300 deep=600 met=3 late=1
    /// missed=0 moved=1 unmarked=0 meetings=2,45,9000,1,1,75 scores=0,0,1,2,0
    /// logged=120,60,0" ("async=-" with no recurring work). Fields it does not know are
    /// skipped, so a later version can add some.
    pub fn key(&self) -> String {
        let d = &self.deadlines;
        let mut out = format!(
            "async={} live={} cost={} freed={} deep={} met={} late={} missed={} moved={} unmarked={}",
            self.async_percent
                .map_or_else(|| "-".to_owned(), |p| p.to_string()),
            self.live_minutes,
            self.live_cost_cents,
            self.freed_minutes,
            self.deep_work_minutes,
            d.met_on_time,
            d.met_late,
            d.missed,
            d.moved,
            d.unmarked
        );
        if let Some(m) = self.meetings {
            out.push_str(&format!(
                " meetings={},{},{},{},{},{}",
                m.held, m.minutes, m.cost_cents, m.turned_async, m.shortened, m.freed_minutes
            ));
        }
        let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        if let Some(s) = self.feedback {
            out.push_str(&format!(" scores={}", list(&s.of_each)));
        }
        if let Some(l) = self.logged {
            out.push_str(&format!(" logged={}", list(&l)));
        }
        out
    }

    pub fn parse(s: &str) -> MonthFigures {
        let mut f = MonthFigures::default();
        for (k, v) in s.split_whitespace().filter_map(|kv| kv.split_once('=')) {
            let n = || v.parse::<u32>().unwrap_or(0).min(1_000_000);
            let cents = |v: &str| v.parse::<i64>().unwrap_or(0).clamp(0, i64::MAX / 4);
            // A list of counts, when it has exactly `N` of them.
            fn counts<const N: usize>(v: &str) -> Option<[u32; N]> {
                let parts: Vec<u32> = v
                    .split(',')
                    .map(|p| p.parse::<u32>().map(|n| n.min(1_000_000)))
                    .collect::<Result<_, _>>()
                    .ok()?;
                parts.try_into().ok()
            }
            let d = &mut f.deadlines;
            match k {
                "async" => f.async_percent = v.parse::<u32>().ok().map(|p| p.min(100)),
                "live" => f.live_minutes = u64::from(n()),
                "cost" => f.live_cost_cents = cents(v),
                "freed" => f.freed_minutes = u64::from(n()),
                "deep" => f.deep_work_minutes = n(),
                "met" => d.met_on_time = n(),
                "late" => d.met_late = n(),
                "missed" => d.missed = n(),
                "moved" => d.moved = n(),
                "unmarked" => d.unmarked = n(),
                "meetings" => {
                    let parts: Vec<&str> = v.split(',').collect();
                    if let (
                        Some([held, minutes]),
                        Some(cost),
                        Some([turned_async, shortened, freed_minutes]),
                    ) = (
                        parts.get(..2).and_then(|p| counts::<2>(&p.join(","))),
                        parts.get(2).map(|c| cents(c)),
                        parts.get(3..).and_then(|p| counts::<3>(&p.join(","))),
                    ) {
                        f.meetings = Some(MeetingFigures {
                            held,
                            minutes,
                            cost_cents: cost,
                            turned_async,
                            shortened,
                            freed_minutes,
                        });
                    }
                }
                "scores" => f.feedback = counts::<5>(v).map(|of_each| Scores { of_each }),
                "logged" => f.logged = counts::<3>(v),
                _ => {}
            }
        }
        f
    }
}

/// The re-examination a month gets, in the person's words.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Review {
    pub month: Month,
    /// Is the work getting done?
    pub work: String,
    /// Are client complaints rising?
    pub complaints: String,
    /// Is working with the rest of the organisation creating a problem?
    pub others: String,
    /// What to change next month.
    pub change: String,
    /// When the month was reviewed, with its figures as they were then.
    pub kept: Option<(i64, MonthFigures)>,
}

/// The questions a review answers, as (field, question): the framework's three, and what
/// to change.
pub const QUESTIONS: [(&str, &str); 4] = [
    ("work", "Is the work getting done?"),
    ("complaints", "Are client complaints rising?"),
    (
        "others",
        "Is working with the rest of the organisation creating a problem?",
    ),
    ("change", "What will you change next month?"),
];

impl Review {
    /// The answer to the question stored under `field` (see `QUESTIONS`).
    pub fn answer(&self, field: &str) -> &str {
        match field {
            "work" => &self.work,
            "complaints" => &self.complaints,
            "others" => &self.others,
            "change" => &self.change,
            _ => "",
        }
    }

    pub fn answer_mut(&mut self, field: &str) -> Option<&mut String> {
        match field {
            "work" => Some(&mut self.work),
            "complaints" => Some(&mut self.complaints),
            "others" => Some(&mut self.others),
            "change" => Some(&mut self.change),
            _ => None,
        }
    }
}

/// When the review of the month before `month` comes due: on the first working day of
/// `month` (by the person's working days; the 1st when none are set), at the start of
/// their first office-hours block that day, or of their working day when that day has
/// none; on the wall clock of `zone` (UTC if unknown).
pub fn review_due(month: Month, hours: &WorkingHours, blocks: &[Block], zone: &str) -> i64 {
    let first = month.first_day();
    let day = (0..7)
        .map(|n| first + chrono::Duration::days(n))
        .find(|d| hours.works_on(d.weekday().num_days_from_monday() as u8))
        .unwrap_or(first);
    let weekday = day.weekday().num_days_from_monday() as u8;
    let start = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Manager && b.day == weekday)
        .map(|b| b.start)
        .min()
        .unwrap_or(hours.start);
    let tz = zone_or_utc(zone);
    local_instant(tz, day, start).timestamp_millis()
}

/// The review waiting at `now`: the month just ended, once its review has come due and
/// until its figures are kept. `(month to review, when it came due)`.
pub fn review_waiting(
    now: i64,
    zone: &str,
    hours: &WorkingHours,
    blocks: &[Block],
    reviews: &[Review],
) -> Option<(Month, i64)> {
    let this = Month::at(now, zone);
    let due = review_due(this, hours, blocks, zone);
    let last = this.back(1);
    let kept = reviews.iter().any(|r| r.month == last && r.kept.is_some());
    (now >= due && !kept).then_some((last, due))
}

/// The review as Markdown: a heading for `title` (the month in words), the figures as a
/// table (`columns` are the months compared, `rows` each measure's name and values, in
/// the reader's words), and the answers under their questions.
pub fn markdown(
    title: &str,
    columns: &[String],
    rows: &[(&str, Vec<String>)],
    review: &Review,
) -> String {
    // A pipe or a line break in a cell would end it.
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut md = format!("# Monthly review: {}\n\n", cell(title));
    md.push_str("| Measure |");
    for c in columns {
        md.push_str(&format!(" {} |", cell(c)));
    }
    md.push_str("\n|---|");
    md.push_str(&"---|".repeat(columns.len()));
    md.push('\n');
    for (name, values) in rows {
        md.push_str(&format!("| {} |", cell(name)));
        for v in values {
            md.push_str(&format!(" {} |", cell(v)));
        }
        md.push('\n');
    }
    for (field, question) in QUESTIONS {
        let answer = review.answer(field).trim();
        md.push_str(&format!(
            "\n## {question}\n\n{}\n",
            if answer.is_empty() {
                "(not answered)"
            } else {
                answer
            }
        ));
    }
    md
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
        // Midnight on 1 January in Kolkata is 18:30 UTC on New Year's Eve.
        assert_eq!(jan.start_ms("Asia/Kolkata"), ms(2026, 12, 31, 18, 30));
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

    #[test]
    fn figures_are_kept_in_words_and_read_back() {
        let f = MonthFigures {
            async_percent: Some(62),
            live_minutes: 840,
            live_cost_cents: 70_000,
            freed_minutes: 300,
            deep_work_minutes: 600,
            deadlines: DeadlineFigures {
                met_on_time: 3,
                met_late: 1,
                missed: 0,
                moved: 1,
                unmarked: 2,
            },
            ..MonthFigures::default()
        };
        assert_eq!(
            f.key(),
            "async=62 live=840 cost=70000 freed=300 deep=600 met=3 late=1 missed=0 moved=1 unmarked=2"
        );
        assert_eq!(MonthFigures::parse(&f.key()), f);
        let full = MonthFigures {
            meetings: Some(MeetingFigures {
                held: 2,
                minutes: 45,
                cost_cents: 9_000,
                turned_async: 1,
                shortened: 1,
                freed_minutes: 75,
            }),
            feedback: Some(Scores {
                of_each: [0, 0, 1, 2, 0],
            }),
            logged: Some([120, 60, 0]),
            ..f
        };
        assert!(full
            .key()
            .ends_with(" meetings=2,45,9000,1,1,75 scores=0,0,1,2,0 logged=120,60,0"));
        assert_eq!(MonthFigures::parse(&full.key()), full);
        // Figures kept before meetings, feedback and the log were counted take those
        // from the data as it is now; the rest stay as kept.
        let now = MonthFigures {
            live_minutes: 1,
            ..full
        };
        assert_eq!(
            f.or_from(&now),
            MonthFigures {
                live_minutes: 840,
                ..full
            }
        );
        // A damaged group is left out, not half read.
        assert_eq!(
            MonthFigures::parse("scores=1,2 logged=1,x,3").feedback,
            None
        );
        assert_eq!(MonthFigures::parse("logged=1,x,3").logged, None);
        let none = MonthFigures::default();
        assert_eq!(MonthFigures::parse(&none.key()), none);
        // Unknown fields (a later version's) and junk are skipped.
        assert_eq!(
            MonthFigures::parse("async=140 feedback=4.5 live=x deep=90"),
            MonthFigures {
                async_percent: Some(100),
                deep_work_minutes: 90,
                ..MonthFigures::default()
            }
        );
    }

    #[test]
    fn a_months_figures_from_the_inventory_the_week_and_the_deadlines() {
        use crate::model::inventory::{Decision, Frequency, SyncReason, Task, TaskId};
        use crate::model::schedule::BlockKind;
        // A weekly 60-minute live call kept live, and a daily 30-minute report dropped
        // and carried out.
        let mut call = Task::new(TaskId::new("t1"), "Client call", 0);
        call.frequency = Frequency::Weekly;
        call.minutes = 60;
        call.reasons.insert(SyncReason::Collaborating);
        let mut report = Task::new(TaskId::new("t2"), "Report", 0);
        report.frequency = Frequency::Daily;
        report.minutes = 30;
        report.set_decision(Decision::Drop);
        report.carried_out = Some(date(2026, 3, 2));
        let tasks = [call, report];
        let totals = InventoryTotals::measured(&tasks, &[]);
        let rate = Rate {
            direct_cents_per_hour: 6_000,
            ..Rate::default()
        };
        let blocks = [Block {
            id: "b".into(),
            day: 0,
            start: 9 * 60,
            minutes: 180,
            kind: BlockKind::Maker,
            label: "Writing".into(),
        }];
        let src = Sources {
            totals: &totals,
            rate: &rate,
            blocks: &blocks,
            deadlines: &[],
            meetings: &[],
            feedback: &[],
            log: &[],
        };
        let f = MonthFigures::of(&src, Month::of(date(2026, 3, 1)), date(2026, 4, 1));
        // The call: 52 × 60 = 3,120 min a year, 260 a month, all of the work left live.
        assert_eq!(f.async_percent, Some(0));
        assert_eq!(f.live_minutes, 260);
        // 260 minutes at 60.00 an hour.
        assert_eq!(f.live_cost_cents, 26_000);
        // The report freed 30 × the working days of a year, a twelfth of it a month.
        assert_eq!(f.freed_minutes, tasks[1].minutes_per_year() / 12);
        assert_eq!(f.deep_work_minutes, 180);
    }

    #[test]
    fn meetings_feedback_and_the_log_count_in_the_persons_own_month() {
        use crate::model::shared::meeting::standard_agenda;
        let rate = Rate {
            direct_cents_per_hour: 6_000,
            ..Rate::default()
        };
        let zone = "Asia/Kolkata";
        // Timed from 23:50 on 31 October in Kolkata (18:20 UTC) for 20 minutes, booked
        // for 45: October there, though November's date in UTC is hours away.
        let timed = MeetingPart {
            started: vec![ms(2026, 10, 31, 18, 20)],
            ended: Some(ms(2026, 10, 31, 18, 40)),
            booked: Some(45),
            ..MeetingPart::default()
        };
        // Planned for 09:00 on 1 November in New York, the morning the clocks go back
        // (EST, 14:00 UTC, 19:30 in Kolkata), never timed: its 15-minute agenda counts.
        let planned = MeetingPart {
            when: "2026-11-01T09:00".into(),
            when_zone: "America/New_York".into(),
            agenda: standard_agenda(),
            ..MeetingPart::default()
        };
        // Turned into a discussion: its whole default booking is freed.
        let moved = MeetingPart {
            when: "2026-10-05T10:00".into(),
            when_zone: "Europe/London".into(),
            moved_to: Some(crate::model::ids::DocId::from_bytes([7; 16])),
            ..MeetingPart::default()
        };
        // No date and never started: in no month.
        let undated = MeetingPart::default();
        let facts: Vec<MeetingFacts> = [(&timed, 2), (&planned, 3), (&moved, 1), (&undated, 0)]
            .into_iter()
            .map(|(m, invited)| MeetingFacts::of(m, invited, zone))
            .collect();
        assert_eq!(facts[3].month, None);
        let oct = Month::parse("2026-10").unwrap();
        let nov = Month::parse("2026-11").unwrap();
        // 3 people × 20 minutes = 60 person-minutes at 60.00 an hour.
        assert_eq!(
            MeetingFigures::of(&facts, oct, &rate),
            MeetingFigures {
                held: 1,
                minutes: 20,
                cost_cents: 6_000,
                turned_async: 1,
                shortened: 1,
                freed_minutes: 25 + 60,
            }
        );
        // 4 people × 15 minutes; 60 − 15 saved.
        assert_eq!(
            MeetingFigures::of(&facts, nov, &rate),
            MeetingFigures {
                held: 1,
                minutes: 15,
                cost_cents: 6_000,
                turned_async: 0,
                shortened: 1,
                freed_minutes: 45,
            }
        );

        let scores = |of_each| Scores { of_each };
        let feedback = [
            (nov, scores([0, 0, 0, 1, 1])),
            (nov, scores([0, 1, 0, 0, 0])),
            (oct, scores([0, 0, 0, 0, 3])),
        ];
        let entry = |id: &str, d: NaiveDate, minutes, to| FreedEntry {
            id: id.into(),
            date: d,
            minutes,
            to,
            note: String::new(),
        };
        let log = [
            entry("a", date(2026, 10, 31), 90, FreedUse::Growth),
            entry("b", date(2026, 11, 1), 60, FreedUse::Rest),
            entry("c", date(2026, 11, 30), 30, FreedUse::Rest),
            entry("d", date(2026, 11, 2), 120, FreedUse::Client),
        ];
        let totals = InventoryTotals::measured(&[], &[]);
        let src = Sources {
            totals: &totals,
            rate: &rate,
            blocks: &[],
            deadlines: &[],
            meetings: &facts,
            feedback: &feedback,
            log: &log,
        };
        let f = MonthFigures::of(&src, nov, date(2026, 12, 1));
        let s = f.feedback.unwrap();
        assert_eq!(s.of_each, [0, 1, 0, 1, 1]);
        // (2 + 4 + 5) / 3 = 3.67.
        assert_eq!(s.mean_tenths(), Some(37));
        assert_eq!(f.logged, Some([0, 90, 120]));
        assert_eq!(f.meetings.unwrap().freed_minutes, 45);
        let f = MonthFigures::of(&src, oct, date(2026, 12, 1));
        assert_eq!(f.logged, Some([90, 0, 0]));
        assert_eq!(f.feedback.unwrap().mean_tenths(), Some(50));
    }

    #[test]
    fn freed_entries_read_back_and_refuse_junk() {
        let e = FreedEntry {
            id: "x".into(),
            date: date(2026, 11, 3),
            minutes: 90,
            to: FreedUse::Growth,
            note: " Read the Rust book ".into(),
        };
        assert_eq!(e.key(), "2026-11-03 90 growth Read the Rust book");
        let back = FreedEntry::parse("x", &e.key()).unwrap();
        assert_eq!(back.note, "Read the Rust book");
        assert_eq!(
            FreedEntry::parse("x", "2026-11-03 90 rest").unwrap().note,
            ""
        );
        assert_eq!(
            FreedEntry::parse("x", "2026-11-03 99999 rest")
                .unwrap()
                .minutes,
            FreedEntry::MAX_MINUTES
        );
        for bad in [
            "",
            "2026-13-01 5 rest",
            "2026-11-03 -5 rest",
            "2026-11-03 5 nap",
        ] {
            assert_eq!(FreedEntry::parse("x", bad), None, "{bad}");
        }
    }

    #[test]
    fn the_review_as_markdown() {
        let review = Review {
            work: "Yes | mostly.".into(),
            change: "Send the invoice\nfrom the SOP.".into(),
            ..Review::default()
        };
        let md = markdown(
            "March 2026",
            &["March 2026".into(), "February 2026 (1 back)".into()],
            &[(
                "Deadlines met on time",
                vec!["1 of 2 (50%)".into(), "–".into()],
            )],
            &review,
        );
        assert_eq!(
            md,
            "# Monthly review: March 2026\n\n\
             | Measure | March 2026 | February 2026 (1 back) |\n\
             |---|---|---|\n\
             | Deadlines met on time | 1 of 2 (50%) | – |\n\
             \n## Is the work getting done?\n\nYes | mostly.\n\
             \n## Are client complaints rising?\n\n(not answered)\n\
             \n## Is working with the rest of the organisation creating a problem?\n\n(not answered)\n\
             \n## What will you change next month?\n\nSend the invoice\nfrom the SOP.\n"
        );
    }

    #[test]
    fn the_review_comes_due_on_the_first_working_day_at_office_hours() {
        use crate::model::schedule::BlockKind;
        let weekdays = WorkingHours::default();
        let office = |day: u8, start: u32| Block {
            id: format!("o{day}"),
            day,
            start,
            minutes: 60,
            kind: BlockKind::Manager,
            label: String::new(),
        };
        // 1 August 2026 is a Saturday: the first working day is Monday the 3rd, whose
        // office hours begin at 14:00 in London (13:00 UTC, summer time).
        let august = Month {
            year: 2026,
            month: 8,
        };
        let blocks = [office(0, 14 * 60), office(0, 16 * 60), office(2, 10 * 60)];
        assert_eq!(
            review_due(august, &weekdays, &blocks, "Europe/London"),
            ms(2026, 8, 3, 13, 0)
        );
        // 1 April 2026, a Wednesday, has no office hours (they are on Thursdays): the
        // start of the working day, 09:00 in Kolkata.
        let april = Month {
            year: 2026,
            month: 4,
        };
        assert_eq!(
            review_due(april, &weekdays, &[office(3, 600)], "Asia/Kolkata"),
            ms(2026, 4, 1, 3, 30)
        );
        // Waiting from then until March's figures are kept.
        let due = ms(2026, 4, 1, 3, 30);
        assert_eq!(
            review_waiting(due - 60_000, "Asia/Kolkata", &weekdays, &[], &[]),
            None
        );
        assert_eq!(
            review_waiting(due, "Asia/Kolkata", &weekdays, &[], &[]),
            Some((april.back(1), due))
        );
        let mut kept = Review {
            month: april.back(1),
            ..Review::default()
        };
        assert_eq!(
            review_waiting(
                due,
                "Asia/Kolkata",
                &weekdays,
                &[],
                std::slice::from_ref(&kept)
            ),
            Some((april.back(1), due)),
            "answers alone do not close it"
        );
        kept.kept = Some((due, MonthFigures::default()));
        assert_eq!(
            review_waiting(due, "Asia/Kolkata", &weekdays, &[], &[kept]),
            None
        );
    }
}
