//! Meetings kept short: the 15-minute agenda, a timer that runs through it and says
//! calmly when an item runs over, and what a meeting costs at the organiser's rate.
//! (The first part of issue 5: the arithmetic, without the shared document or the UI.)

use super::rate::Rate;

/// One agenda item and the minutes planned for it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    pub minutes: u32,
}

/// The framework's 15-minute agenda: introductions 1, three points 5, action items 7,
/// summary 2.
pub fn standard_agenda() -> Vec<AgendaItem> {
    [
        ("intro", "Introductions", 1),
        ("points", "Three points", 5),
        ("actions", "Action items", 7),
        ("summary", "Summary", 2),
    ]
    .into_iter()
    .map(|(id, title, minutes)| AgendaItem {
        id: id.into(),
        title: title.into(),
        minutes,
    })
    .collect()
}

/// Minutes the agenda plans in all.
pub fn planned_minutes(items: &[AgendaItem]) -> u32 {
    items.iter().map(|i| i.minutes).sum()
}

/// Where a running meeting stands. Times are ms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerState {
    /// The item being discussed (index into the agenda); `None` once the last item ended.
    pub current: Option<usize>,
    /// Time spent on the current item.
    pub item_elapsed: i64,
    /// Time left on the current item; negative once it runs over.
    pub item_left: i64,
    /// Time since the meeting started.
    pub elapsed: i64,
    /// How far the whole meeting is past its plan; 0 while within it.
    pub overrun: i64,
}

impl TimerState {
    pub fn item_over(&self) -> bool {
        self.current.is_some() && self.item_left < 0
    }
}

/// The timer for a meeting whose items were started at `started` (ms; one entry per item
/// reached so far, in order: the facilitator moves on by hand) and that ended at `ended`,
/// if it has. An item runs over when it takes longer than planned; the next one still
/// gets its full time.
pub fn timer(items: &[AgendaItem], started: &[i64], ended: Option<i64>, now: i64) -> TimerState {
    let plan = i64::from(planned_minutes(items)) * 60_000;
    let Some(&first) = started.first() else {
        return TimerState {
            current: None,
            item_elapsed: 0,
            item_left: 0,
            elapsed: 0,
            overrun: 0,
        };
    };
    let until = ended.unwrap_or(now).max(first);
    let elapsed = until - first;
    let index = started.len().min(items.len()).saturating_sub(1);
    let current = ended
        .is_none()
        .then_some(index)
        .filter(|_| !items.is_empty());
    let item_start = started[index.min(started.len() - 1)];
    let item_elapsed = (until - item_start).max(0);
    let item_left = items
        .get(index)
        .map_or(0, |i| i64::from(i.minutes) * 60_000 - item_elapsed);
    TimerState {
        current,
        item_elapsed,
        item_left,
        elapsed,
        overrun: (elapsed - plan).max(0),
    }
}

/// "2:05" for a span in ms (rounded down to the second), with a minus sign when negative.
pub fn clock_span(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "" };
    let s = ms.unsigned_abs() / 1000;
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// What a meeting costs in cents: attendees × minutes × the organiser's own hourly rate.
/// The organiser's rate stands in for everyone's, as the framework's exercise does; it
/// never leaves the personal document.
pub fn meeting_cost_cents(rate: &Rate, attendees: u32, minutes: u32) -> i64 {
    let person_minutes = i64::from(attendees) * i64::from(minutes);
    // Rounded to the nearest cent.
    (rate.cents_per_hour() * person_minutes + 30) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rate::RateMode;

    const MIN: i64 = 60_000;

    #[test]
    fn the_standard_agenda_is_fifteen_minutes() {
        let a = standard_agenda();
        assert_eq!(planned_minutes(&a), 15);
        assert_eq!(
            a.iter().map(|i| i.minutes).collect::<Vec<_>>(),
            [1, 5, 7, 2]
        );
    }

    #[test]
    fn the_timer_follows_items_and_says_when_they_run_over() {
        let a = standard_agenda();
        let t0 = 1_000_000;
        // Not started.
        assert_eq!(timer(&a, &[], None, t0).current, None);
        // 40 s into introductions.
        let s = timer(&a, &[t0], None, t0 + 40_000);
        assert_eq!((s.current, s.item_left, s.overrun), (Some(0), 20_000, 0));
        assert!(!s.item_over());
        // Introductions took 2 minutes (1 over); three points started then.
        let s = timer(&a, &[t0], None, t0 + 2 * MIN);
        assert!(s.item_over());
        assert_eq!(s.item_left, -MIN);
        let s = timer(&a, &[t0, t0 + 2 * MIN], None, t0 + 4 * MIN);
        assert_eq!(
            (s.current, s.item_elapsed, s.item_left),
            (Some(1), 2 * MIN, 3 * MIN)
        );
        // The summary ends at 17 minutes: 2 over the plan.
        let starts = [t0, t0 + 2 * MIN, t0 + 7 * MIN, t0 + 14 * MIN];
        let s = timer(&a, &starts, Some(t0 + 17 * MIN), t0 + 30 * MIN);
        assert_eq!((s.current, s.elapsed, s.overrun), (None, 17 * MIN, 2 * MIN));
        assert_eq!(clock_span(125_400), "2:05");
        assert_eq!(clock_span(-61_000), "−1:01");
    }

    #[test]
    fn cost_is_attendees_times_minutes_times_rate() {
        let rate = Rate {
            mode: RateMode::Direct,
            direct_cents_per_hour: 6_000,
            ..Rate::default()
        };
        // 6 people for 30 minutes at 60.00 an hour: 180.00.
        assert_eq!(meeting_cost_cents(&rate, 6, 30), 18_000);
        // 3 people for 15 minutes at 60.00: 45.00.
        assert_eq!(meeting_cost_cents(&rate, 3, 15), 4_500);
        // 1 person for 1 minute at 0.50 an hour: 0.83 cents, rounded to 1.
        let cheap = Rate {
            direct_cents_per_hour: 50,
            ..rate.clone()
        };
        assert_eq!(meeting_cost_cents(&cheap, 1, 1), 1);
        assert_eq!(meeting_cost_cents(&rate, 0, 60), 0);
    }
}
