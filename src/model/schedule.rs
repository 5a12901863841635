//! The maker/manager week: blocks of deep work, office hours, leisure and fixed
//! commitments on each weekday, deadlines with dates, and what the week adds up to.
//!
//! Times are minutes from the owner's local midnight in the owner's time zone (the
//! profile's). A block may run past midnight into the next day. Converting to other
//! zones lives in `zones`.

use super::ids::DocId;
use crate::model::order;
use chrono::NaiveDate;

/// Minutes in a day.
pub const DAY: u32 = 24 * 60;
/// Below this, a deep-work block rarely gets deep: the week warns about it.
pub const USEFUL_DEEP_WORK: u32 = 90;
/// The grid's step for moving and resizing by keyboard.
pub const STEP: u32 = 15;
/// The shortest block.
pub const MIN_BLOCK: u32 = 15;

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const WEEKDAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum BlockKind {
    /// Deep work: no meetings, no messages.
    #[default]
    Maker,
    /// Office hours for meetings and messages.
    Manager,
    Leisure,
    /// Fixed commitments: school run, gym class, a standing client call.
    Fixed,
}

impl BlockKind {
    pub const ALL: [BlockKind; 4] = [
        BlockKind::Maker,
        BlockKind::Manager,
        BlockKind::Leisure,
        BlockKind::Fixed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            BlockKind::Maker => "maker",
            BlockKind::Manager => "manager",
            BlockKind::Leisure => "leisure",
            BlockKind::Fixed => "fixed",
        }
    }

    pub fn from_key(key: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Maker => "Deep work",
            BlockKind::Manager => "Office hours",
            BlockKind::Leisure => "Leisure",
            BlockKind::Fixed => "Commitment",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Block {
    pub id: String,
    /// 0 = Monday … 6 = Sunday.
    pub day: u8,
    /// Minutes from the owner's local midnight, 0..1440.
    pub start: u32,
    /// Length in minutes, `MIN_BLOCK..=DAY`; may run past midnight.
    pub minutes: u32,
    pub kind: BlockKind,
    pub label: String,
}

impl Block {
    /// Start and end as minutes from Monday 00:00; the end may pass Sunday midnight.
    pub fn week_span(&self) -> (u32, u32) {
        let start = u32::from(self.day) * DAY + self.start;
        (start, start + self.minutes)
    }

    /// The block clamped to valid values: a day of the week, a start inside the day,
    /// a length from `MIN_BLOCK` to a whole day.
    pub fn clamped(mut self) -> Block {
        self.day = self.day.min(6);
        self.start = self.start.min(DAY - MIN_BLOCK);
        self.minutes = self.minutes.clamp(MIN_BLOCK, DAY);
        self
    }

    /// What a screen reader hears: "Deep work, Monday 09:00 to 11:00 (2 h)".
    pub fn describe(&self) -> String {
        self.describe_with(&clock)
    }

    /// The same with times of day written by `clock` (the app passes the locale's).
    pub fn describe_with(&self, clock: &dyn Fn(u32) -> String) -> String {
        let end = self.start + self.minutes;
        let next_day = if end > DAY { " the next day" } else { "" };
        let label = if self.label.trim().is_empty() {
            self.kind.label().to_owned()
        } else {
            format!("{}: {}", self.kind.label(), self.label.trim())
        };
        format!(
            "{label}, {} {} to {}{next_day} ({})",
            WEEKDAYS[usize::from(self.day.min(6))],
            clock(self.start),
            clock(end % DAY),
            duration(self.minutes)
        )
    }
}

/// A deadline on a date, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Deadline {
    pub id: String,
    pub title: String,
    /// The date it is due now (after any move).
    pub date: Option<NaiveDate>,
    pub outcome: Outcome,
    /// The date it was first due, once it has been moved.
    pub moved_from: Option<NaiveDate>,
    /// Why it was moved, in the person's words.
    pub reason: String,
    /// What it belongs to, if anything.
    pub tie: Option<Tie>,
}

/// What a deadline belongs to: a task of the inventory, an SOP, or a client.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Tie {
    Task(String),
    Sop(DocId),
    /// A person of the week marked as a client, by id.
    Client(String),
}

impl Tie {
    /// The stored form: "task:<id>", "sop:<document id>" or "client:<id>".
    pub fn key(&self) -> String {
        match self {
            Tie::Task(id) => format!("task:{id}"),
            Tie::Sop(id) => format!("sop:{id}"),
            Tie::Client(id) => format!("client:{id}"),
        }
    }

    pub fn parse(s: &str) -> Option<Tie> {
        let (kind, id) = s.split_once(':')?;
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        match kind {
            _ if !ok => None,
            "task" => Some(Tie::Task(id.to_owned())),
            "sop" => DocId::parse(id).map(Tie::Sop),
            "client" => Some(Tie::Client(id.to_owned())),
            _ => None,
        }
    }
}

/// What became of a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Outcome {
    /// Not yet marked (a moved deadline is open again, at its new date).
    #[default]
    Open,
    /// Met, on the date given (the person's own calendar date).
    Met(NaiveDate),
    Missed,
}

impl Outcome {
    /// The stored form: "", "met <date>" or "missed".
    pub fn key(&self) -> String {
        match self {
            Outcome::Open => String::new(),
            Outcome::Met(d) => format!("met {}", d.format("%Y-%m-%d")),
            Outcome::Missed => "missed".into(),
        }
    }

    /// Reads the stored form; anything unreadable is open.
    pub fn parse(s: &str) -> Outcome {
        match s.split_once(' ') {
            Some(("met", d)) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(Outcome::Met)
                .unwrap_or_default(),
            _ if s == "missed" => Outcome::Missed,
            _ => Outcome::Open,
        }
    }
}

impl Deadline {
    /// Past its date and not marked: the week asks what became of it.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.outcome == Outcome::Open && self.date.is_some_and(|d| d < today)
    }

    /// Moves it to `to` for `reason`: it is open again, and remembers the date it was
    /// first due (a second move keeps the first date).
    pub fn move_to(&mut self, to: NaiveDate, reason: &str) {
        if self.moved_from.is_none() {
            self.moved_from = self.date;
        }
        self.date = Some(to);
        self.reason = reason.trim().to_owned();
        self.outcome = Outcome::Open;
    }

    /// Met on or before its date (after any move); `None` unless met.
    pub fn met_on_time(&self) -> Option<bool> {
        match self.outcome {
            Outcome::Met(on) => Some(self.date.is_none_or(|d| on <= d)),
            _ => None,
        }
    }

    /// What became of it, in words, with `date` writing a date in the reader's locale:
    /// "Met on 3 Dec", "Met 2 days late, on 5 Dec", "Missed", and "Moved from 1 Dec:
    /// <reason>" for a moved one; "" while open and never moved.
    pub fn outcome_words(&self, date: &dyn Fn(NaiveDate) -> String) -> String {
        let mut parts = Vec::new();
        match (self.outcome, self.date) {
            (Outcome::Met(on), Some(due)) if on > due => {
                let late = (on - due).num_days();
                let days = if late == 1 { "day" } else { "days" };
                parts.push(format!("Met {late} {days} late, on {}", date(on)));
            }
            (Outcome::Met(on), _) => parts.push(format!("Met on {}", date(on))),
            (Outcome::Missed, _) => parts.push("Missed".into()),
            (Outcome::Open, _) => {}
        }
        if let Some(from) = self.moved_from {
            let mut moved = format!("Moved from {}", date(from));
            if !self.reason.is_empty() {
                moved = format!("{moved}: {}", self.reason);
            }
            parts.push(moved);
        }
        parts.join(" · ")
    }
}

/// The hours a person works, in their own zone: the same window on each chosen weekday.
/// `end <= start` means the window runs past midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkingHours {
    /// Bit 0 = Monday … bit 6 = Sunday.
    pub days: u8,
    pub start: u32,
    pub end: u32,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            days: 0b001_1111,
            start: 9 * 60,
            end: 17 * 60,
        }
    }
}

impl WorkingHours {
    pub fn works_on(&self, day: u8) -> bool {
        day < 7 && self.days & (1 << day) != 0
    }

    /// Length of the daily window in minutes.
    pub fn minutes(&self) -> u32 {
        span_length(self.start, self.end)
    }

    /// "Mon–Fri, 09:00–17:00".
    pub fn describe(&self) -> String {
        self.describe_with(&clock)
    }

    /// The same with times of day written by `clock`.
    pub fn describe_with(&self, clock: &dyn Fn(u32) -> String) -> String {
        format!(
            "{}, {}–{}",
            describe_days(self.days),
            clock(self.start),
            clock(self.end % DAY)
        )
    }
}

/// A teammate or client the person works with.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// An IANA zone name.
    pub time_zone: String,
    pub hours: WorkingHours,
    pub client: bool,
}

/// Everything the week holds.
/// The kinds of item the week and boundaries keep, each one by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekItem {
    Block,
    Deadline,
    Person,
    Channel,
    Step,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Schedule {
    /// By day, then start.
    pub blocks: Vec<Block>,
    /// By date; undated last.
    pub deadlines: Vec<Deadline>,
    /// By name.
    pub people: Vec<Person>,
}

/// Minutes of each kind in the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WeekTotals {
    pub maker: u32,
    pub manager: u32,
    pub leisure: u32,
    pub fixed: u32,
}

impl WeekTotals {
    pub fn of(kind: BlockKind, totals: &WeekTotals) -> u32 {
        match kind {
            BlockKind::Maker => totals.maker,
            BlockKind::Manager => totals.manager,
            BlockKind::Leisure => totals.leisure,
            BlockKind::Fixed => totals.fixed,
        }
    }
}

/// Adds up the week. Overlapping blocks of one kind are counted once.
pub fn week_totals(blocks: &[Block]) -> WeekTotals {
    let mut totals = WeekTotals::default();
    for kind in BlockKind::ALL {
        let spans = merged_spans(blocks.iter().filter(|b| b.kind == kind));
        let sum = spans.iter().map(|(a, b)| b - a).sum();
        match kind {
            BlockKind::Maker => totals.maker = sum,
            BlockKind::Manager => totals.manager = sum,
            BlockKind::Leisure => totals.leisure = sum,
            BlockKind::Fixed => totals.fixed = sum,
        }
    }
    totals
}

/// The union of blocks' week spans, sorted and non-overlapping.
fn merged_spans<'a>(blocks: impl Iterator<Item = &'a Block>) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = blocks.map(Block::week_span).collect();
    order::sort(&mut spans);
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Something about the week worth changing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A deep-work block shorter than `USEFUL_DEEP_WORK`.
    ShortDeepWork { block: String, minutes: u32 },
    /// A meeting, office hours or commitment falls inside a deep-work block.
    DeepWorkCut { block: String, by: String },
}

/// Deep-work blocks that are too short or cut by manager time or commitments.
pub fn warnings(blocks: &[Block]) -> Vec<Warning> {
    let mut found = Vec::new();
    for deep in blocks.iter().filter(|b| b.kind == BlockKind::Maker) {
        if deep.minutes < USEFUL_DEEP_WORK {
            found.push(Warning::ShortDeepWork {
                block: deep.id.clone(),
                minutes: deep.minutes,
            });
        }
        for other in blocks
            .iter()
            .filter(|o| matches!(o.kind, BlockKind::Manager | BlockKind::Fixed))
        {
            if overlaps(deep, other) {
                found.push(Warning::DeepWorkCut {
                    block: deep.id.clone(),
                    by: other.id.clone(),
                });
            }
        }
    }
    found
}

impl Warning {
    /// The warning in plain words, naming the blocks by day and time.
    pub fn describe(&self, blocks: &[Block]) -> String {
        self.describe_with(blocks, &clock)
    }

    /// The same with times of day written by `clock`.
    pub fn describe_with(&self, blocks: &[Block], clock: &dyn Fn(u32) -> String) -> String {
        let find = |id: &str| blocks.iter().find(|b| b.id == id);
        let when = |b: &Block| {
            format!(
                "{} {}–{}",
                WEEKDAYS[usize::from(b.day.min(6))],
                clock(b.start),
                clock(b.start + b.minutes)
            )
        };
        match self {
            Warning::ShortDeepWork { block, minutes } => match find(block) {
                Some(b) => format!(
                    "Deep work on {} is only {}: blocks under {} rarely get deep.",
                    when(b),
                    duration(*minutes),
                    duration(USEFUL_DEEP_WORK)
                ),
                None => String::new(),
            },
            Warning::DeepWorkCut { block, by } => match (find(block), find(by)) {
                (Some(b), Some(o)) => format!(
                    "Deep work on {} is cut by {} ({}).",
                    when(b),
                    o.kind.label().to_lowercase(),
                    when(o)
                ),
                _ => String::new(),
            },
        }
    }
}

/// Whether two blocks share any minute of the week. A block running past Sunday
/// midnight continues on Monday. Touching is not overlapping.
pub fn overlaps(x: &Block, y: &Block) -> bool {
    let (a, b) = x.week_span();
    let (c, d) = y.week_span();
    // Also compare one block shifted a week, for spans past Sunday midnight.
    let week = 7 * DAY;
    let hits = |c: u32, d: u32| c < b && a < d;
    hits(c, d) || hits(c + week, d + week) || (c >= week && hits(c - week, d - week))
}

/// The blocks of the week that `candidate` would overlap (never itself, by id).
pub fn overlapping<'a>(blocks: &'a [Block], candidate: &Block) -> Vec<&'a Block> {
    blocks
        .iter()
        .filter(|b| b.id != candidate.id && overlaps(b, candidate))
        .collect()
}

/// Monday to Friday, as a set of days (bit 0 = Monday).
pub const WORK_WEEK: u8 = 0b001_1111;

/// Copies of `block` at the same time on each day of `days` (bit 0 = Monday) other
/// than its own, each named by `id`. A day that already holds the same block (kind,
/// time and label) gets no copy, so repeating twice adds nothing.
pub fn repeat_on(
    block: &Block,
    days: u8,
    existing: &[Block],
    mut id: impl FnMut() -> String,
) -> Vec<Block> {
    (0..7u8)
        .filter(|d| *d != block.day && days & (1 << d) != 0)
        .filter(|d| {
            !existing.iter().any(|b| {
                b.day == *d
                    && b.start == block.start
                    && b.minutes == block.minutes
                    && b.kind == block.kind
                    && b.label == block.label
            })
        })
        .map(|day| Block {
            id: id(),
            day,
            ..block.clone()
        })
        .collect()
}

/// A copy of `block` right after it on the same day, or at the same time on the next
/// day (Sunday's on Monday) when it would run past midnight.
pub fn duplicate(block: &Block, id: String) -> Block {
    let end = block.start + block.minutes;
    let (day, start) = if end + block.minutes <= DAY {
        (block.day, end)
    } else {
        ((block.day + 1) % 7, block.start)
    };
    Block {
        id,
        day,
        start,
        ..block.clone()
    }
}

/// Where each block sits across its day's column when blocks overlap: (id, lane,
/// lanes), so overlapping blocks are drawn side by side instead of on top of each other.
/// Blocks that overlap directly or through a chain share a lane count.
pub fn lanes(blocks: &[Block]) -> Vec<(String, u32, u32)> {
    let mut out = Vec::with_capacity(blocks.len());
    for day in 0..7u8 {
        let mut today: Vec<&Block> = blocks.iter().filter(|b| b.day == day).collect();
        order::sort_by_key(&mut today, |b| {
            (b.start, std::cmp::Reverse(b.minutes), b.id.clone())
        });
        let mut cluster: Vec<(String, u32)> = Vec::new();
        let mut lane_ends: Vec<u32> = Vec::new();
        let mut cluster_end = 0;
        let mut flush = |cluster: &mut Vec<(String, u32)>, lane_ends: &mut Vec<u32>| {
            let n = lane_ends.len() as u32;
            out.extend(cluster.drain(..).map(|(id, lane)| (id, lane, n)));
            lane_ends.clear();
        };
        for b in today {
            let end = b.start + b.minutes;
            if b.start >= cluster_end {
                flush(&mut cluster, &mut lane_ends);
            }
            let lane = match lane_ends.iter().position(|e| *e <= b.start) {
                Some(i) => {
                    lane_ends[i] = end;
                    i
                }
                None => {
                    lane_ends.push(end);
                    lane_ends.len() - 1
                }
            };
            cluster.push((b.id.clone(), lane as u32));
            cluster_end = cluster_end.max(end);
        }
        flush(&mut cluster, &mut lane_ends);
    }
    out
}

/// Sorts blocks by day, then start, then kind.
pub fn sort_blocks(blocks: &mut [Block]) {
    order::sort_by(blocks, |a, b| {
        (a.day, a.start, a.kind, &a.id).cmp(&(b.day, b.start, b.kind, &b.id))
    });
}

/// "09:05" for minutes from midnight (24-hour clock, as calendars across zones read best).
pub fn clock(minutes: u32) -> String {
    let m = minutes % DAY;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Parses "9:05", "09:05" or "905"-free forms: only `H:MM` and `HH:MM`, 00:00 to 24:00.
pub fn parse_clock(input: &str) -> Option<u32> {
    let (h, m) = input.trim().split_once(':')?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    if m >= 60 || h > 24 || (h == 24 && m > 0) {
        return None;
    }
    Some(h * 60 + m)
}

/// Minutes from `start` to `end` on the clock; an end at or before the start runs
/// past midnight.
pub fn span_length(start: u32, end: u32) -> u32 {
    if end > start {
        end - start
    } else {
        DAY - start + end
    }
}

/// "2 h", "1 h 30 min", "45 min".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "Mon–Fri", "Mon, Wed, Fri", "Every day", "No days".
pub fn describe_days(days: u8) -> String {
    let on: Vec<usize> = (0..7).filter(|d| days & (1 << d) != 0).collect();
    match on.len() {
        0 => "No days".into(),
        7 => "Every day".into(),
        n if n >= 3 && on[n - 1] - on[0] == n - 1 => {
            format!("{}–{}", WEEKDAYS_SHORT[on[0]], WEEKDAYS_SHORT[on[n - 1]])
        }
        _ => on
            .iter()
            .map(|&d| WEEKDAYS_SHORT[d])
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(id: &str, day: u8, start: u32, minutes: u32, kind: BlockKind) -> Block {
        Block {
            id: id.into(),
            day,
            start,
            minutes,
            kind,
            label: String::new(),
        }
    }

    #[test]
    fn totals_count_overlaps_once() {
        let blocks = [
            block("a", 0, 9 * 60, 180, BlockKind::Maker),
            block("b", 0, 11 * 60, 120, BlockKind::Maker),
            block("c", 0, 14 * 60, 60, BlockKind::Manager),
            block("d", 6, 23 * 60, 120, BlockKind::Leisure),
        ];
        let t = week_totals(&blocks);
        assert_eq!(t.maker, 240);
        assert_eq!(t.manager, 60);
        assert_eq!(t.leisure, 120);
        assert_eq!(t.fixed, 0);
    }

    #[test]
    fn warns_about_short_and_cut_deep_work() {
        let blocks = [
            block("deep", 1, 9 * 60, 180, BlockKind::Maker),
            block("call", 1, 10 * 60, 30, BlockKind::Fixed),
            block("short", 2, 9 * 60, 60, BlockKind::Maker),
            block("ok", 3, 9 * 60, 120, BlockKind::Maker),
            block("oh", 3, 11 * 60, 60, BlockKind::Manager),
            // Sunday night deep work running into Monday's office hours.
            block("late", 6, 22 * 60, 180, BlockKind::Maker),
            block("mon", 0, 0, 60, BlockKind::Manager),
        ];
        let w = warnings(&blocks);
        assert!(w.contains(&Warning::DeepWorkCut {
            block: "deep".into(),
            by: "call".into()
        }));
        assert!(w.contains(&Warning::ShortDeepWork {
            block: "short".into(),
            minutes: 60
        }));
        assert!(w.contains(&Warning::DeepWorkCut {
            block: "late".into(),
            by: "mon".into()
        }));
        // Touching is not cutting.
        assert!(!w
            .iter()
            .any(|x| matches!(x, Warning::DeepWorkCut { block, .. } if block == "ok")));
        assert_eq!(w.len(), 3);
        assert_eq!(
            w[0].describe(&blocks),
            "Deep work on Tuesday 09:00–12:00 is cut by commitment (Tuesday 10:00–10:30)."
        );
        assert_eq!(
            w[1].describe(&blocks),
            "Deep work on Wednesday 09:00–10:00 is only 1 h: blocks under 1 h 30 min rarely get deep."
        );
    }

    #[test]
    fn blocks_repeat_on_days_and_duplicate() {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("c{n}")
        };
        let mut deep = block("deep", 1, 9 * 60, 120, BlockKind::Maker);
        deep.label = "Writing".into();
        // Mon–Fri in one step: four copies, Tuesday's own day skipped.
        let copies = repeat_on(&deep, WORK_WEEK, std::slice::from_ref(&deep), &mut ids);
        assert_eq!(
            copies.iter().map(|b| b.day).collect::<Vec<_>>(),
            vec![0, 2, 3, 4]
        );
        assert!(copies.iter().all(|b| b.start == 540
            && b.minutes == 120
            && b.kind == BlockKind::Maker
            && b.label == "Writing"));
        assert_eq!(copies[0].id, "c1");
        assert_eq!(copies[3].id, "c4");
        // Repeating again adds nothing; a different block on a day does not count.
        let mut week = vec![deep.clone()];
        week.extend(copies);
        assert!(repeat_on(&deep, WORK_WEEK, &week, &mut ids).is_empty());
        week.push(block("sat", 5, 9 * 60, 60, BlockKind::Maker));
        let weekend = repeat_on(&deep, 0b110_0000, &week, &mut ids);
        assert_eq!(
            weekend.iter().map(|b| b.day).collect::<Vec<_>>(),
            vec![5, 6]
        );
        assert!(repeat_on(&deep, 0, &week, &mut ids).is_empty());
        assert!(repeat_on(&deep, 1 << 1, &week, &mut ids).is_empty());

        // A copy follows the block; one that would pass midnight goes to the next day.
        let d = duplicate(&deep, "d".into());
        assert_eq!(
            (d.id.as_str(), d.day, d.start, d.minutes),
            ("d", 1, 660, 120)
        );
        assert_eq!(d.label, "Writing");
        let late = block("late", 6, 22 * 60, 120, BlockKind::Leisure);
        let d = duplicate(&late, "e".into());
        assert_eq!((d.day, d.start, d.minutes), (0, 22 * 60, 120));
        let exact = block("x", 2, 20 * 60, 120, BlockKind::Fixed);
        assert_eq!(duplicate(&exact, "f".into()).start, 22 * 60);
    }

    #[test]
    fn overlap_with_existing_blocks() {
        let week = [
            block("deep", 0, 9 * 60, 120, BlockKind::Maker),
            block("oh", 0, 14 * 60, 60, BlockKind::Manager),
            // Sunday 23:00 to Monday 01:00.
            block("night", 6, 23 * 60, 120, BlockKind::Leisure),
        ];
        let new = block("new", 0, 10 * 60, 120, BlockKind::Manager);
        let ids = |c: &Block| {
            overlapping(&week, c)
                .iter()
                .map(|b| b.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&new), vec!["deep"]);
        // Touching is not overlapping.
        assert!(ids(&block("t", 0, 11 * 60, 180, BlockKind::Manager)).is_empty());
        assert_eq!(
            ids(&block("w", 0, 10 * 60, 300, BlockKind::Manager)),
            vec!["deep", "oh"]
        );
        // Monday 00:30 meets the Sunday-night block across the week's end.
        assert_eq!(
            ids(&block("early", 0, 30, 60, BlockKind::Manager)),
            vec!["night"]
        );
        // A block never overlaps itself.
        assert!(overlapping(&week, &week[0]).is_empty());
        assert!(!overlaps(&week[0], &week[1]));
    }

    #[test]
    fn overlapping_blocks_get_lanes() {
        let blocks = [
            block("a", 1, 600, 150, BlockKind::Maker),
            block("b", 1, 660, 60, BlockKind::Manager),
            block("c", 1, 720, 60, BlockKind::Fixed),
            block("d", 1, 900, 60, BlockKind::Maker),
            block("e", 2, 600, 60, BlockKind::Maker),
        ];
        let mut got = lanes(&blocks);
        got.sort();
        assert_eq!(
            got,
            vec![
                ("a".into(), 0, 2),
                ("b".into(), 1, 2),
                // Starts when b ends: b's lane is free again.
                ("c".into(), 1, 2),
                ("d".into(), 0, 1),
                ("e".into(), 0, 1),
            ]
        );
    }

    #[test]
    fn clocks_durations_and_days() {
        assert_eq!(clock(9 * 60 + 5), "09:05");
        assert_eq!(clock(DAY), "00:00");
        assert_eq!(parse_clock("9:30"), Some(570));
        assert_eq!(parse_clock("24:00"), Some(DAY));
        assert_eq!(parse_clock("24:01"), None);
        assert_eq!(parse_clock("12:60"), None);
        assert_eq!(parse_clock("noon"), None);
        assert_eq!(span_length(540, 660), 120);
        assert_eq!(span_length(1380, 60), 120);
        assert_eq!(span_length(600, 600), DAY);
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(45), "45 min");
        assert_eq!(describe_days(0b001_1111), "Mon–Fri");
        assert_eq!(describe_days(0b111_1111), "Every day");
        assert_eq!(describe_days(0b001_0101), "Mon, Wed, Fri");
        assert_eq!(describe_days(0), "No days");
        let b = block("x", 4, 23 * 60, 120, BlockKind::Maker);
        assert_eq!(
            b.describe(),
            "Deep work, Friday 23:00 to 01:00 the next day (2 h)"
        );
        assert_eq!(
            block("y", 9, 2000, 0, BlockKind::Leisure)
                .clamped()
                .week_span(),
            (6 * DAY + DAY - MIN_BLOCK, 6 * DAY + DAY)
        );
    }
}
