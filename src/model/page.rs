//! The 'how to work with me' page: what a person chose to publish from their
//! boundaries and week. Built only from those two (never from the rate or the
//! inventory), so nothing private can reach a reader.

use super::boundaries::{Boundaries, Channel, EscalationStep};
use super::schedule::{sort_blocks, Block, BlockKind, Schedule, WorkingHours};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PageState {
    pub id: String,
    /// The author's person id.
    pub author: String,
    pub author_name: String,
    /// The author's IANA zone: every time below is on their wall clock.
    pub time_zone: String,
    pub hours: WorkingHours,
    pub availability: String,
    /// Office hours (manager blocks) and deep work (maker blocks); leisure and private
    /// commitments stay private.
    pub blocks: Vec<Block>,
    /// In order.
    pub channels: Vec<Channel>,
    pub urgent: String,
    pub escalation: Vec<EscalationStep>,
    pub tools: Vec<String>,
    /// Do-not-disturb until (ms); 0 when off.
    pub dnd_until: i64,
    /// When the author last published it (ms).
    pub published: i64,
}

impl PageState {
    /// The page as the author's current boundaries and week would publish it.
    pub fn from_sources(
        id: &str,
        author: &str,
        author_name: &str,
        time_zone: &str,
        boundaries: &Boundaries,
        schedule: &Schedule,
        now: i64,
    ) -> PageState {
        let mut blocks: Vec<Block> = schedule
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Manager | BlockKind::Maker))
            .cloned()
            .collect();
        sort_blocks(&mut blocks);
        PageState {
            id: id.to_owned(),
            author: author.to_owned(),
            author_name: author_name.to_owned(),
            time_zone: time_zone.to_owned(),
            hours: boundaries.hours,
            availability: boundaries.availability.trim().to_owned(),
            blocks,
            channels: boundaries
                .channels
                .iter()
                .filter(|c| !c.name.trim().is_empty())
                .cloned()
                .collect(),
            urgent: boundaries.urgent.trim().to_owned(),
            escalation: boundaries
                .escalation
                .iter()
                .filter(|s| !(s.who.trim().is_empty() && s.how.trim().is_empty()))
                .cloned()
                .collect(),
            tools: boundaries.tool_list(),
            dnd_until: boundaries.dnd_until,
            published: now,
        }
    }

    /// Whether publishing again would change what readers see (ignoring the time).
    pub fn differs_from(&self, other: &PageState) -> bool {
        let mut a = self.clone();
        a.published = other.published;
        a != *other
    }

    pub fn office_hours(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Manager)
    }

    pub fn deep_work(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Maker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::Block;

    #[test]
    fn publishes_only_office_hours_and_deep_work() {
        let block = |id: &str, kind| Block {
            id: id.into(),
            kind,
            minutes: 60,
            ..Block::default()
        };
        let schedule = Schedule {
            blocks: vec![
                block("m", BlockKind::Maker),
                block("o", BlockKind::Manager),
                block("l", BlockKind::Leisure),
                block("f", BlockKind::Fixed),
            ],
            ..Schedule::default()
        };
        let b = Boundaries {
            tools: "Slack\n\nNotion".into(),
            escalation: vec![EscalationStep::default()],
            ..Boundaries::default()
        };
        let page = PageState::from_sources("p", "a", "Ana", "Europe/Lisbon", &b, &schedule, 5);
        let ids: Vec<&str> = page.blocks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["m", "o"]);
        assert_eq!(page.tools, ["Slack", "Notion"]);
        assert!(page.escalation.is_empty());
        let mut later = page.clone();
        later.published = 9;
        assert!(!later.differs_from(&page));
        later.urgent = "Outage".into();
        assert!(later.differs_from(&page));
    }
}
