//! Shared documents as plain values: the envelope every kind has, one module per kind
//! (`discussion`, `meeting`, `board`, `sop`, `feedback`), and this registry above them, which is the only
//! place that knows them all: a document's state is its envelope plus its kind's part.
//! Kinds build on the envelope and `news`, never on each other or on this module.

pub mod board;
pub mod discussion;
pub mod envelope;
pub mod feedback;
pub mod meeting;
pub mod news;
pub mod sop;

use std::collections::BTreeSet;

pub use envelope::{
    checked_link, join_and, names_sentence, Action, Comment, ContextLink, Envelope, ItemList,
    LinkProblem, PersonId, TextField, MAX_LINE, MAX_TEXT,
};
pub use news::{AuthorNews, News};

use crate::model::kind::DocKind;
use board::BoardPart;
use discussion::DiscussionPart;
use feedback::FeedbackPart;
use meeting::MeetingPart;
use sop::SopPart;

// What `discussion()`, `meeting()` and `board()` lend for a document of another kind.
static NO_DISCUSSION: DiscussionPart = DiscussionPart::EMPTY;
static NO_MEETING: MeetingPart = MeetingPart::EMPTY;
static NO_BOARD: BoardPart = BoardPart::EMPTY;
static NO_SOP: SopPart = SopPart::EMPTY;
static NO_FEEDBACK: FeedbackPart = FeedbackPart::EMPTY;

/// A kind's own part of a shared document.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Discussion(DiscussionPart),
    Meeting(MeetingPart),
    Board(BoardPart),
    Sop(SopPart),
    Feedback(FeedbackPart),
}

impl Default for Body {
    fn default() -> Self {
        Body::Discussion(DiscussionPart::default())
    }
}

/// Everything a shared document holds: the envelope every kind has (read through
/// `Deref`, so `state.title` reads as it always did) and its kind's part.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SharedState {
    pub envelope: Envelope,
    pub body: Body,
}

impl std::ops::Deref for SharedState {
    type Target = Envelope;
    fn deref(&self) -> &Envelope {
        &self.envelope
    }
}

impl std::ops::DerefMut for SharedState {
    fn deref_mut(&mut self) -> &mut Envelope {
        &mut self.envelope
    }
}

/// One person's part so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub name: String,
    pub person: Option<PersonId>,
    pub invited: bool,
    pub commented: bool,
    pub voted: bool,
    pub answered: bool,
}

impl SharedState {
    pub fn kind(&self) -> DocKind {
        match self.body {
            Body::Discussion(_) => DocKind::Discussion,
            Body::Meeting(_) => DocKind::Meeting,
            Body::Board(_) => DocKind::Board,
            Body::Sop(_) => DocKind::Sop,
            Body::Feedback(_) => DocKind::Feedback,
        }
    }

    /// The discussion's part; empty for another kind (a screen of one kind is only
    /// drawn for a document of that kind, so it never has to ask).
    pub fn discussion(&self) -> &DiscussionPart {
        match &self.body {
            Body::Discussion(d) => d,
            _ => &NO_DISCUSSION,
        }
    }

    pub fn meeting(&self) -> &MeetingPart {
        match &self.body {
            Body::Meeting(m) => m,
            _ => &NO_MEETING,
        }
    }

    pub fn board(&self) -> &BoardPart {
        match &self.body {
            Body::Board(b) => b,
            _ => &NO_BOARD,
        }
    }

    pub fn sop(&self) -> &SopPart {
        match &self.body {
            Body::Sop(s) => s,
            _ => &NO_SOP,
        }
    }

    pub fn feedback(&self) -> &FeedbackPart {
        match &self.body {
            Body::Feedback(f) => f,
            _ => &NO_FEEDBACK,
        }
    }

    /// The shared text `field` names; empty where this kind has no such text.
    pub fn text(&self, field: TextField) -> &str {
        match (&self.body, field) {
            (Body::Discussion(d), TextField::Problem) => &d.problem,
            (Body::Discussion(d), TextField::Summary) => &d.summary,
            (Body::Meeting(m), TextField::Data) => &m.data,
            (Body::Meeting(m), TextField::Dates) => &m.dates,
            (Body::Meeting(m), TextField::Questions) => &m.questions,
            (Body::Meeting(m), TextField::Notes) => &m.notes,
            (Body::Sop(s), TextField::Purpose) => &s.purpose,
            (Body::Sop(s), TextField::Output) => &s.output,
            _ => "",
        }
    }

    /// The shared text `field` names, to patch in place after typing; `None` where this
    /// kind has no such text.
    pub fn text_mut(&mut self, field: TextField) -> Option<&mut String> {
        match (&mut self.body, field) {
            (Body::Discussion(d), TextField::Problem) => Some(&mut d.problem),
            (Body::Discussion(d), TextField::Summary) => Some(&mut d.summary),
            (Body::Meeting(m), TextField::Data) => Some(&mut m.data),
            (Body::Meeting(m), TextField::Dates) => Some(&mut m.dates),
            (Body::Meeting(m), TextField::Questions) => Some(&mut m.questions),
            (Body::Meeting(m), TextField::Notes) => Some(&mut m.notes),
            (Body::Sop(s), TextField::Purpose) => Some(&mut s.purpose),
            (Body::Sop(s), TextField::Output) => Some(&mut s.output),
            _ => None,
        }
    }

    /// Everyone invited or taking part, with what they have done. Invited names are
    /// matched to people by name, ignoring case, since the owner types names.
    pub fn responses(&self) -> Vec<Response> {
        let discussion = self.discussion();
        let mut out: Vec<Response> = Vec::new();
        let mut seen: BTreeSet<PersonId> = BTreeSet::new();
        let of_person = |person: &PersonId| Response {
            name: self.name_of(person),
            person: Some(person.clone()),
            invited: false,
            commented: self.comments.iter().any(|c| &c.by == person),
            voted: discussion.has_voted(person),
            answered: discussion.has_answered(person) || self.feedback().has_answered(person),
        };
        for (_, entry) in &self.invited {
            // A meeting's attendee may carry an address: "Ana <ana@example.org>".
            let name = envelope::attendee(entry).0.to_owned();
            let person = self
                .people
                .iter()
                .find(|(_, n)| n.trim().eq_ignore_ascii_case(name.trim()))
                .map(|(p, _)| p.clone());
            let mut response = match &person {
                Some(p) => {
                    seen.insert(p.clone());
                    of_person(p)
                }
                None => Response {
                    name: name.clone(),
                    person: None,
                    invited: true,
                    commented: false,
                    voted: false,
                    answered: false,
                },
            };
            response.invited = true;
            response.name = name.clone();
            out.push(response);
        }
        for person in self.people.keys() {
            if !seen.contains(person) && person != &self.owner {
                out.push(of_person(person));
            }
        }
        out
    }

    /// The document as Markdown, for a wiki page or an email.
    pub fn to_markdown(&self) -> String {
        match &self.body {
            Body::Discussion(d) => discussion::markdown(&self.envelope, d),
            Body::Meeting(m) => meeting::markdown(&self.envelope, m),
            Body::Board(b) => board::markdown(&self.envelope, b),
            Body::Sop(s) => sop::markdown(&self.envelope, s),
            Body::Feedback(f) => feedback::markdown(&self.envelope, f),
        }
    }
}

impl News {
    /// What is in `new` and was not in `old`, leaving out what `me` did.
    pub fn between(old: &SharedState, new: &SharedState, me: &str) -> News {
        let mut news = News::of_envelope(&old.envelope, &new.envelope, me);
        match &new.body {
            Body::Discussion(d) => d.news_since(old.discussion(), me, &mut news),
            Body::Meeting(_) => {}
            Body::Board(b) => b.news_since(old.board(), me, &mut news),
            Body::Sop(s) => s.news_since(old.sop(), me, &mut news),
            Body::Feedback(f) => f.news_since(old.feedback(), me, &mut news),
        }
        news
    }
}

#[cfg(test)]
mod tests {
    use super::discussion::{Idea, VoteBlock};
    use super::*;

    fn idea(id: &str, at: i64, voters: &[&str]) -> Idea {
        Idea {
            id: id.into(),
            text: format!("idea {id}"),
            by: "ana".into(),
            at,
            shortlisted: false,
            votes: voters.iter().map(|v| (v.to_string(), 1)).collect(),
        }
    }

    fn envelope() -> Envelope {
        Envelope {
            owner: "ana".into(),
            people: [("ana", "Ana"), ("ben", "Ben"), ("cy", "Cy")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn state() -> SharedState {
        SharedState {
            envelope: envelope(),
            body: Body::Discussion(DiscussionPart {
                ideas: vec![
                    idea("a", 1, &["ben"]),
                    idea("b", 2, &["ben", "cy"]),
                    idea("c", 0, &["cy"]),
                ],
                ..Default::default()
            }),
        }
    }

    fn discussion(s: &mut SharedState) -> &mut DiscussionPart {
        match &mut s.body {
            Body::Discussion(d) => d,
            _ => unreachable!("a discussion"),
        }
    }

    #[test]
    fn ranking_by_votes_then_age() {
        let s = state();
        let order: Vec<&str> = s
            .discussion()
            .ranked_ideas()
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(order, ["b", "c", "a"]);
    }

    #[test]
    fn budget() {
        let mut s = state();
        let d = discussion(&mut s);
        assert_eq!(d.can_vote("ben"), Ok(()));
        assert_eq!(d.votes_left("ben"), None);
        d.budget = 2;
        assert_eq!(d.can_vote("ben"), Err(VoteBlock::BudgetSpent(2)));
        assert_eq!(d.votes_left("cy"), Some(0));
        assert_eq!(d.votes_left("ana"), Some(2));
    }

    #[test]
    fn responses_match_invited_names() {
        let mut s = state();
        s.invited = vec![("1".into(), "ben".into()), ("2".into(), "Dee".into())];
        s.comments.push(Comment {
            id: "c1".into(),
            by: "cy".into(),
            text: "hi".into(),
            ..Default::default()
        });
        let r = s.responses();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].name, "ben");
        assert!(r[0].voted && !r[0].commented && r[0].invited);
        assert_eq!(r[1].name, "Dee");
        assert!(r[1].person.is_none() && !r[1].voted);
        assert_eq!(r[2].name, "Cy");
        assert!(r[2].commented && r[2].voted && !r[2].invited);
    }

    #[test]
    fn news_between_states() {
        let old = state();
        let mut new = old.clone();
        discussion(&mut new).ideas[0].votes.insert("cy".into(), 5);
        discussion(&mut new).ideas[0].votes.insert("ana".into(), 5);
        for i in 0..3 {
            new.comments.push(Comment {
                id: format!("n{i}"),
                by: "ben".into(),
                text: "x".into(),
                ..Default::default()
            });
        }
        let news = News::between(&old, &new, "ana");
        assert_eq!(news.comments.len(), 3);
        assert_eq!(news.votes.len(), 1);
        assert_eq!(news.total(), 4);
        assert_eq!(
            news.sentence(&new),
            "Ben added 3 comments. Cy added a vote."
        );
        assert!(News::between(&new, &new, "ana").is_empty());
    }

    #[test]
    fn board_news_counts_new_and_moved_cards_and_status_cards() {
        use super::board::{Card, Column, StatusCard};
        let mut board = BoardPart::default();
        board.cards.push(Card {
            id: "c1".into(),
            by: "ana".into(),
            ..Card::default()
        });
        let old = SharedState {
            envelope: envelope(),
            body: Body::Board(board.clone()),
        };
        board.cards[0].column = Column::Done;
        board.cards[0].moved_by = "ben".into();
        board.cards[0].moved_at = 9;
        board.cards.push(Card {
            id: "c2".into(),
            by: "ben".into(),
            ..Card::default()
        });
        board.statuses.push(StatusCard {
            person: "ben".into(),
            date: "2026-11-25".into(),
            at: 9,
            ..StatusCard::default()
        });
        let new = SharedState {
            envelope: envelope(),
            body: Body::Board(board),
        };
        let news = News::between(&old, &new, "ana");
        assert_eq!(news.total(), 3);
        assert_eq!(news.cards.len(), 2);
        assert_eq!(
            news.sentence(&new),
            "Ben added a card, moved a card and posted a status card."
        );
        // Ben's own changes are not news to him.
        assert!(News::between(&old, &new, "ben").is_empty());
    }

    #[test]
    fn sentences() {
        assert_eq!(
            names_sentence(&["Ana".into(), "Ben".into()], "have voted", "has voted"),
            "Ana and Ben have voted"
        );
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }

    #[test]
    fn markdown_keeps_text_as_text_and_respects_hidden_votes() {
        let mut s = state();
        s.title = "Pick a\nlaunch date".into();
        s.actions.push(Action {
            id: "x".into(),
            text: "Book venue".into(),
            owner: "Ben".into(),
            due: "2026-12-01".into(),
            done: true,
            ..Default::default()
        });
        let md = s.to_markdown();
        assert!(md.starts_with("# Pick a launch date\n"));
        assert!(md.contains("- idea b (2 votes), from Ana"));
        assert!(md.contains("- [x] Book venue (Ben), due 2026-12-01"));
        discussion(&mut s).hide_votes = true;
        assert!(!s.to_markdown().contains("votes)"));
    }

    #[test]
    fn only_web_links_are_accepted() {
        assert_eq!(
            checked_link("  https://example.com/v?id=1 "),
            Ok("https://example.com/v?id=1".into())
        );
        assert!(checked_link("HTTP://Example.com").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>",
            "ftp://x.org",
            "https://",
            "https:// example.com",
            "example.com",
            "",
            "https://@evil",
        ] {
            assert!(checked_link(bad).is_err(), "{bad}");
        }
    }
}
