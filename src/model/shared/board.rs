//! A stand-up board as plain values: work cards in four columns that anyone can add,
//! edit and move, and the status card each person posts for the day.

use crate::model::order;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::envelope::{one_line, Envelope, PersonId};
use super::news::News;

/// The board's columns, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Column {
    #[default]
    Todo,
    Doing,
    Done,
    Blocked,
}

impl Column {
    pub const ALL: [Column; 4] = [Column::Todo, Column::Doing, Column::Done, Column::Blocked];

    pub fn key(self) -> &'static str {
        match self {
            Column::Todo => "todo",
            Column::Doing => "doing",
            Column::Done => "done",
            Column::Blocked => "blocked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Todo => "To do",
            Column::Doing => "Doing",
            Column::Done => "Done",
            Column::Blocked => "Blocked",
        }
    }

    /// Unknown keys (from a newer version) read as "to do", so the card stays visible.
    pub fn from_key(key: &str) -> Column {
        match key {
            "doing" => Column::Doing,
            "done" => Column::Done,
            "blocked" => Column::Blocked,
            _ => Column::Todo,
        }
    }
}

/// A work card. Each field is its own last-writer-wins value, so two people editing
/// different fields of one card offline both keep their edit, and two moving it settle
/// on one column.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub note: String,
    /// Who does it, as a name.
    pub owner: String,
    pub column: Column,
    /// Position within the column, smaller first.
    pub rank: f64,
    pub by: PersonId,
    pub at: i64,
    /// Who moved it last and when (0 when never moved).
    pub moved_by: PersonId,
    pub moved_at: i64,
}

/// How a person's day is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusTag {
    #[default]
    OnTrack,
    AtRisk,
    Blocked,
}

impl StatusTag {
    pub const ALL: [StatusTag; 3] = [StatusTag::OnTrack, StatusTag::AtRisk, StatusTag::Blocked];

    pub fn key(self) -> &'static str {
        match self {
            StatusTag::OnTrack => "on_track",
            StatusTag::AtRisk => "at_risk",
            StatusTag::Blocked => "blocked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusTag::OnTrack => "On track",
            StatusTag::AtRisk => "At risk",
            StatusTag::Blocked => "Blocked",
        }
    }

    pub fn from_key(key: &str) -> StatusTag {
        match key {
            "at_risk" => StatusTag::AtRisk,
            "blocked" => StatusTag::Blocked,
            _ => StatusTag::OnTrack,
        }
    }
}

/// One person's status card for one day: at most one per person per day, the day being
/// the date on the poster's clock (in their zone) unless they chose another.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StatusCard {
    pub person: PersonId,
    /// `YYYY-MM-DD` on the poster's clock.
    pub date: String,
    pub done: String,
    pub doing: String,
    pub blocked: String,
    pub tag: StatusTag,
    pub note: String,
    /// When it was posted (or last updated), UTC ms; 0 when unknown.
    pub at: i64,
    /// The poster's IANA time zone when they posted; "" on cards from older versions.
    pub zone: String,
}

impl StatusCard {
    /// Blockers stand out: a card is blocking when tagged so or when it names a blocker.
    pub fn is_blocked(&self) -> bool {
        self.tag == StatusTag::Blocked || !self.blocked.trim().is_empty()
    }
}

/// How long a status card stays today's after it is posted: a day of real time, in ms.
pub const STANDUP_DAY: i64 = 24 * 60 * 60 * 1000;

/// The stand-up as one viewer sees it at one instant (see [`BoardPart::standup`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Standup<'a> {
    /// Today's cards: at most one per person, by person id.
    pub today: Vec<&'a StatusCard>,
    /// Every other card, grouped by its date on its poster's clock, newest first.
    pub history: Vec<(String, Vec<&'a StatusCard>)>,
    /// The viewer's own date, `YYYY-MM-DD`: a history day after it is a poster's date
    /// that has not begun for the viewer yet.
    pub viewer_today: String,
}

/// The board part of a shared board document.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BoardPart {
    /// Every card not deleted, by id.
    pub cards: Vec<Card>,
    /// Newest day first; within a day, by person.
    pub statuses: Vec<StatusCard>,
}

impl BoardPart {
    /// Nothing yet: what a screen of another kind reads.
    pub const EMPTY: BoardPart = BoardPart {
        cards: Vec::new(),
        statuses: Vec::new(),
    };

    /// The cards others added or moved and the status cards others posted or changed
    /// since `old`, counted into `news`.
    pub fn news_since(&self, old: &BoardPart, me: &str, news: &mut News) {
        for card in &self.cards {
            match old.card(&card.id) {
                None if card.by != me => {
                    news.cards.insert(card.id.clone());
                    news.count(&card.by, |n| &mut n.cards);
                }
                Some(was)
                    if card.moved_by != me
                        && !card.moved_by.is_empty()
                        && (was.moved_at, &was.moved_by) != (card.moved_at, &card.moved_by) =>
                {
                    news.cards.insert(card.id.clone());
                    news.count(&card.moved_by, |n| &mut n.card_moves);
                }
                _ => {}
            }
        }
        for status in &self.statuses {
            let was = old.status(&status.person, &status.date);
            if status.person != me && was.map(|w| w.at) != Some(status.at) {
                news.statuses
                    .insert((status.date.clone(), status.person.clone()));
                news.count(&status.person, |n| &mut n.statuses);
            }
        }
    }

    /// The cards in one column, in rank order (ties by id, so every copy agrees).
    pub fn column(&self, column: Column) -> Vec<&Card> {
        let mut cards: Vec<&Card> = self.cards.iter().filter(|c| c.column == column).collect();
        order::sort_by(&mut cards, |a, b| {
            a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
        });
        cards
    }

    /// The card with `id`. Cards are kept sorted by id, so this is a binary search (each
    /// card on screen looks itself up at every change); an unsorted list still works.
    pub fn card(&self, id: &str) -> Option<&Card> {
        match self.cards.binary_search_by(|c| c.id.as_str().cmp(id)) {
            Ok(i) => Some(&self.cards[i]),
            Err(_) => self.cards.iter().find(|c| c.id == id),
        }
    }

    /// Status cards grouped by day, newest day first.
    pub fn history(&self) -> Vec<(String, Vec<&StatusCard>)> {
        self.history_where(|_| true)
    }

    /// The status cards that pass `keep`, grouped by day, newest day first.
    pub fn history_where(
        &self,
        keep: impl Fn(&StatusCard) -> bool,
    ) -> Vec<(String, Vec<&StatusCard>)> {
        let mut days: BTreeMap<&str, Vec<&StatusCard>> = BTreeMap::new();
        for s in self.statuses.iter().filter(|s| keep(s)) {
            days.entry(s.date.as_str()).or_default().push(s);
        }
        days.into_iter()
            .rev()
            .map(|(d, cards)| (d.to_owned(), cards))
            .collect()
    }

    /// The stand-up seen at `now` (UTC ms) by someone in `viewer_zone`.
    ///
    /// The stand-up day is a rolling day of real time, the same in every zone: today
    /// holds each person's latest card (latest date, then latest post) among those
    /// posted less than [`STANDUP_DAY`] ago, so two people looking at the same moment
    /// see the same cards wherever they are. A card filled in later for an earlier day
    /// of its poster's (its date before the poster's date when posting) is history from
    /// the start; a card with no posting instant is today's only on the viewer's date.
    /// Everything else is history, grouped by each card's date on its poster's clock.
    pub fn standup(&self, now: i64, viewer_zone: &str) -> Standup<'_> {
        let (viewer_today, today) = self.today(now, viewer_zone);
        let is_today = |c: &StatusCard| {
            today
                .iter()
                .any(|t| t.person == c.person && t.date == c.date)
        };
        Standup {
            history: self.history_where(|c| !is_today(c)),
            today,
            viewer_today,
        }
    }

    /// The viewer's date and today's cards (by person id), as in [`BoardPart::standup`]
    /// without the history: cheap enough to work out at every tick of a clock.
    pub fn today(&self, now: i64, viewer_zone: &str) -> (String, Vec<&StatusCard>) {
        let viewer_today = crate::model::zones::date_at(viewer_zone, now).to_string();
        let current = |c: &StatusCard| {
            if c.at <= 0 {
                return c.date == viewer_today;
            }
            // Posted within the day, and not filled in later for an earlier date of the
            // poster's (unknown zones, as on older versions' cards, pass).
            now.abs_diff(c.at) < STANDUP_DAY.unsigned_abs()
                && crate::model::profile::parse_time_zone(&c.zone).is_none_or(|tz| {
                    c.date >= crate::model::zones::date_at(tz.name(), c.at).to_string()
                })
        };
        let mut latest: BTreeMap<&str, &StatusCard> = BTreeMap::new();
        for c in self.statuses.iter().filter(|c| current(c)) {
            let slot = latest.entry(c.person.as_str()).or_insert(c);
            if (&c.date, c.at) > (&slot.date, slot.at) {
                *slot = c;
            }
        }
        (viewer_today, latest.into_values().collect())
    }

    pub fn status(&self, person: &str, date: &str) -> Option<&StatusCard> {
        self.statuses
            .iter()
            .find(|s| s.person == person && s.date == date)
    }

    /// The rank that puts a card at the end of `column`.
    pub fn rank_at_end(&self, column: Column) -> f64 {
        self.column(column).last().map_or(0.0, |c| c.rank.floor()) + 1.0
    }

    /// The ranks that move card `id` one place up (`-1`) or down (`1`) within its
    /// column, as (card, rank) pairs to write; `None` at the edge. Usually only the card
    /// itself gets a rank between its new neighbours; when they tie (two cards added at
    /// once on two devices) or no number fits between them, the whole column is numbered
    /// afresh.
    pub fn step_ranks(&self, id: &str, step: i32) -> Option<Vec<(String, f64)>> {
        let card = self.card(id)?;
        let mut order: Vec<&Card> = self.column(card.column);
        let pos = order.iter().position(|c| c.id == id)?;
        let to = if step < 0 {
            pos.checked_sub(1)?
        } else {
            Some(pos + 1).filter(|&t| t < order.len())?
        };
        order.swap(pos, to);
        let prev = to.checked_sub(1).map(|i| order[i].rank);
        let next = order.get(to + 1).map(|c| c.rank);
        let single = match (prev, next) {
            (None, None) => Some(card.rank),
            (Some(a), None) => Some(a + 1.0).filter(|r| *r > a),
            (None, Some(b)) => Some(b - 1.0).filter(|r| *r < b),
            (Some(a), Some(b)) => Some((a + b) / 2.0).filter(|m| a < *m && *m < b),
        };
        if let Some(rank) = single {
            return Some(vec![(id.to_owned(), rank)]);
        }
        Some(
            order
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), (i + 1) as f64))
                .filter(|(cid, r)| self.card(cid).is_some_and(|c| c.rank != *r))
                .collect(),
        )
    }
}

/// The board as Markdown: status cards by day, newest first, then the work by column.
pub fn markdown(state: &Envelope, board: &BoardPart) -> String {
    let title = state.title_or("Stand-up board");
    let mut md = format!("# {}\n\n", one_line(title));
    for (date, cards) in board.history() {
        let _ = write!(md, "## {date}\n\n");
        for c in cards {
            let _ = write!(
                md,
                "### {} ({})\n\n",
                one_line(&state.name_of(&c.person)),
                c.tag.label()
            );
            for (k, v) in [
                ("Done", &c.done),
                ("Doing next", &c.doing),
                ("Blocked by", &c.blocked),
                ("Note", &c.note),
            ] {
                if !v.trim().is_empty() {
                    let _ = writeln!(md, "- {k}: {}", one_line(v));
                }
            }
            md.push('\n');
        }
    }
    md.push_str("## Work\n\n");
    for column in Column::ALL {
        let _ = write!(md, "### {}\n\n", column.label());
        let cards = board.column(column);
        if cards.is_empty() {
            md.push_str("(none)\n");
        }
        for c in cards {
            let owner = if c.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", one_line(&c.owner))
            };
            let _ = writeln!(md, "- {}{owner}", one_line(&c.title));
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, column: Column, rank: f64) -> Card {
        Card {
            id: id.into(),
            column,
            rank,
            ..Card::default()
        }
    }

    #[test]
    fn columns_keep_rank_order_and_steps_move_one_place() {
        let board = BoardPart {
            cards: vec![
                card("c", Column::Todo, 3.0),
                card("a", Column::Todo, 1.0),
                card("b", Column::Todo, 2.0),
                card("x", Column::Done, 1.0),
            ],
            statuses: Vec::new(),
        };
        let ids = |b: &BoardPart| -> Vec<String> {
            b.column(Column::Todo)
                .iter()
                .map(|c| c.id.clone())
                .collect()
        };
        assert_eq!(ids(&board), ["a", "b", "c"]);
        assert_eq!(board.rank_at_end(Column::Todo), 4.0);
        assert_eq!(board.rank_at_end(Column::Doing), 1.0);
        let one = |v: Option<Vec<(String, f64)>>| {
            let v = v.unwrap();
            assert_eq!(v.len(), 1);
            v[0].1
        };
        // c up one place lands between a and b.
        let r = one(board.step_ranks("c", -1));
        assert!(r > 1.0 && r < 2.0);
        // a up: already first.
        assert_eq!(board.step_ranks("a", -1), None);
        assert_eq!(board.step_ranks("c", 1), None);
        let r = one(board.step_ranks("a", 1));
        assert!(r > 2.0 && r < 3.0);
        // b up to the top goes above a.
        assert!(one(board.step_ranks("b", -1)) < 1.0);
        // Two cards added at once on two devices tie; moving the card below them up
        // numbers the column afresh, and it does move.
        let mut tied = BoardPart {
            cards: vec![
                card("x", Column::Todo, 1.0),
                card("y", Column::Todo, 1.0),
                card("z", Column::Todo, 1.0),
            ],
            statuses: Vec::new(),
        };
        let ranks = tied.step_ranks("z", -1).unwrap();
        for (id, rank) in ranks {
            tied.cards.iter_mut().find(|c| c.id == id).unwrap().rank = rank;
        }
        let ids: Vec<&str> = tied
            .column(Column::Todo)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["x", "z", "y"]);
        // And halving down to the limit of floating point falls back the same way.
        let mut close = BoardPart {
            cards: vec![
                card("p", Column::Todo, 1.0),
                card("q", Column::Todo, 1.0 + f64::EPSILON),
                card("r", Column::Todo, 2.0),
            ],
            statuses: Vec::new(),
        };
        for (id, rank) in close.step_ranks("r", -1).unwrap() {
            close.cards.iter_mut().find(|c| c.id == id).unwrap().rank = rank;
        }
        let ids: Vec<&str> = close
            .column(Column::Todo)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["p", "r", "q"]);
    }

    #[test]
    fn the_stand_up_day_is_a_rolling_day_with_each_persons_latest_card() {
        const HOUR: i64 = 3_600_000;
        // 2026-11-25T09:00:00Z.
        let t0 = 1_795_597_200_000;
        let s = |person: &str, date: &str, at: i64, zone: &str| StatusCard {
            person: person.into(),
            date: date.into(),
            at,
            zone: zone.into(),
            ..StatusCard::default()
        };
        let board = BoardPart {
            cards: Vec::new(),
            statuses: vec![
                // Ana posted yesterday's card this morning, then today's.
                s("ana", "2026-11-24", t0, "Europe/London"),
                s("ana", "2026-11-25", t0, "Europe/London"),
                // Ben filled in the 23rd late, and wrote nothing for today.
                s("ben", "2026-11-23", t0 - HOUR, "Europe/London"),
                // Cy's card is from a version that did not record the zone.
                s("cy", "2026-11-25", t0 - 2 * HOUR, ""),
                // Dee's card has no posting instant: it counts on its date only.
                s("dee", "2026-11-25", 0, ""),
            ],
        };
        fn who<'a>(v: &Standup<'a>) -> Vec<(&'a str, &'a str)> {
            v.today
                .iter()
                .map(|c| (c.person.as_str(), c.date.as_str()))
                .collect()
        }
        let days = |v: &Standup| {
            v.history
                .iter()
                .map(|(d, c)| (d.clone(), c.len()))
                .collect::<Vec<_>>()
        };
        let v = board.standup(t0 + HOUR, "Europe/London");
        assert_eq!(
            who(&v),
            [
                ("ana", "2026-11-25"),
                ("cy", "2026-11-25"),
                ("dee", "2026-11-25")
            ]
        );
        assert_eq!(
            days(&v),
            [("2026-11-24".to_owned(), 1), ("2026-11-23".to_owned(), 1)]
        );
        assert_eq!(v.viewer_today, "2026-11-25");
        // Just under a day after Ana posted, her card is still today's, even though the
        // date has changed in London; at a day exactly it is history.
        let v = board.standup(t0 + 24 * HOUR - 1, "Europe/London");
        assert_eq!(who(&v), [("ana", "2026-11-25")]);
        let v = board.standup(t0 + 24 * HOUR, "Europe/London");
        assert!(v.today.is_empty());
        assert_eq!(v.viewer_today, "2026-11-26");
        assert_eq!(
            days(&v),
            [
                ("2026-11-25".to_owned(), 3),
                ("2026-11-24".to_owned(), 1),
                ("2026-11-23".to_owned(), 1)
            ]
        );
        // Every card is in exactly one place at every moment.
        for t in (0..50).map(|h| t0 - 2 * HOUR + h * HOUR) {
            let v = board.standup(t, "Pacific/Kiritimati");
            let n = v.today.len() + v.history.iter().map(|(_, c)| c.len()).sum::<usize>();
            assert_eq!(n, board.statuses.len());
        }
    }

    #[test]
    fn history_is_by_day_newest_first_and_blockers_stand_out() {
        let s = |person: &str, date: &str, tag: StatusTag, blocked: &str| StatusCard {
            person: person.into(),
            date: date.into(),
            tag,
            blocked: blocked.into(),
            ..StatusCard::default()
        };
        let board = BoardPart {
            cards: Vec::new(),
            statuses: vec![
                s("ana", "2026-11-24", StatusTag::OnTrack, ""),
                s("ben", "2026-11-25", StatusTag::OnTrack, "API keys"),
                s("ana", "2026-11-25", StatusTag::Blocked, ""),
            ],
        };
        let h = board.history();
        assert_eq!(h[0].0, "2026-11-25");
        assert_eq!(h[0].1.len(), 2);
        assert_eq!(h[1].0, "2026-11-24");
        assert!(board.status("ben", "2026-11-25").unwrap().is_blocked());
        assert!(board.status("ana", "2026-11-25").unwrap().is_blocked());
        assert!(!board.status("ana", "2026-11-24").unwrap().is_blocked());
        assert_eq!(Column::from_key("later"), Column::Todo);
        let state = Envelope {
            title: "Team".into(),
            ..Default::default()
        };
        let md = markdown(&state, &board);
        assert!(md.starts_with(
            "# Team\n\n## 2026-11-25\n\n### Someone (On track)\n\n- Blocked by: API keys\n"
        ));
        assert!(md.contains("- Blocked by: API keys\n"));
        assert!(md.ends_with("### Blocked\n\n(none)\n\n"));
        assert_eq!(StatusTag::from_key("at_risk"), StatusTag::AtRisk);
    }
}
