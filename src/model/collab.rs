//! A collaboration document as plain values: the problem, its context, comments,
//! ideas with votes, polls and an action plan, and the arithmetic people read off it
//! (rankings, who has answered, what is new, the Markdown export).

use crate::model::kind::DocKind;
use crate::model::order;
use std::collections::{BTreeMap, BTreeSet};

/// A person, by the random id kept in their personal document.
pub type PersonId = String;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ContextLink {
    pub id: String,
    pub url: String,
    pub label: String,
    pub by: PersonId,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Comment {
    pub id: String,
    /// The idea it is about; `None` for the document as a whole.
    pub on: Option<String>,
    pub by: PersonId,
    pub at: i64,
    pub text: String,
    /// When the author last edited it; 0 when never.
    pub edited: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Idea {
    pub id: String,
    pub text: String,
    pub by: PersonId,
    pub at: i64,
    pub shortlisted: bool,
    /// Voter to when they voted. One entry per person, so a vote can be taken back
    /// but never doubled.
    pub votes: BTreeMap<PersonId, i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PollOption {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Poll {
    pub id: String,
    pub question: String,
    pub multiple: bool,
    pub by: PersonId,
    pub at: i64,
    pub options: Vec<PollOption>,
    /// Each person's current answer: the option ids they chose.
    pub answers: BTreeMap<PersonId, Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub due: String,
    pub done: bool,
    pub by: PersonId,
    pub at: i64,
}

/// Limits on what one person can type, so one field cannot swamp a link.
pub const MAX_TEXT: usize = 20_000;
pub const MAX_LINE: usize = 500;

/// The shared documents' texts that everyone edits together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Problem,
    Summary,
    /// A meeting's brief: what everyone must know.
    Data,
    /// A meeting's important dates.
    Dates,
    /// The questions a meeting must answer.
    Questions,
    /// A meeting's notes.
    Notes,
}

/// The id-keyed lists whose items can be deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemList {
    Links,
    Comments,
    Ideas,
    Polls,
    Actions,
    /// A meeting's agenda items.
    Agenda,
    /// A board's work cards.
    Cards,
}

/// Everything a shared document holds. Lists are oldest first; deleted items are left
/// out. A meeting uses the comments and the action plan too; a board uses the comments.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CollabState {
    pub kind: DocKind,
    pub id: String,
    pub owner: PersonId,
    pub created: i64,
    pub title: String,
    pub problem: String,
    /// `YYYY-MM-DD` by which input is wanted, or empty.
    pub due: String,
    pub summary: String,
    /// Votes each person may give in all; 0 means one per idea with no total.
    pub budget: u32,
    pub hide_votes: bool,
    /// Display names, each written by its own person.
    pub people: BTreeMap<PersonId, String>,
    /// Names whose input the owner wants.
    pub invited: Vec<(String, String)>,
    pub links: Vec<ContextLink>,
    pub comments: Vec<Comment>,
    pub ideas: Vec<Idea>,
    pub polls: Vec<Poll>,
    pub actions: Vec<Action>,
    pub meeting: super::meeting::MeetingPart,
    pub board: super::board::BoardPart,
}

/// Why a vote cannot be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteBlock {
    BudgetSpent(u32),
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

impl CollabState {
    pub fn name_of(&self, person: &str) -> String {
        match self.people.get(person) {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => "Someone".to_owned(),
        }
    }

    pub fn idea(&self, id: &str) -> Option<&Idea> {
        self.ideas.iter().find(|i| i.id == id)
    }

    /// Ideas by votes, most first; ties by age, oldest first.
    pub fn ranked_ideas(&self) -> Vec<&Idea> {
        let mut ideas: Vec<&Idea> = self.ideas.iter().collect();
        order::sort_by(&mut ideas, |a, b| {
            b.votes
                .len()
                .cmp(&a.votes.len())
                .then(a.at.cmp(&b.at))
                .then(a.id.cmp(&b.id))
        });
        ideas
    }

    pub fn votes_given_by(&self, person: &str) -> u32 {
        self.ideas
            .iter()
            .filter(|i| i.votes.contains_key(person))
            .count() as u32
    }

    /// Whether `person` may add a vote now (taking one back is always allowed).
    pub fn can_vote(&self, person: &str) -> Result<(), VoteBlock> {
        if self.budget > 0 && self.votes_given_by(person) >= self.budget {
            return Err(VoteBlock::BudgetSpent(self.budget));
        }
        Ok(())
    }

    /// Votes left for `person`, or `None` when there is no budget.
    pub fn votes_left(&self, person: &str) -> Option<u32> {
        (self.budget > 0).then(|| self.budget.saturating_sub(self.votes_given_by(person)))
    }

    pub fn comments_on<'a>(
        &'a self,
        idea: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Comment> + 'a {
        self.comments
            .iter()
            .filter(move |c| c.on.as_deref() == idea)
    }

    /// Each option with the number of people who chose it and their names.
    pub fn poll_results<'a>(&self, poll: &'a Poll) -> Vec<(&'a PollOption, Vec<String>)> {
        poll.options
            .iter()
            .map(|option| {
                let names = poll
                    .answers
                    .iter()
                    .filter(|(_, chosen)| chosen.contains(&option.id))
                    .map(|(person, _)| self.name_of(person))
                    .collect();
                (option, names)
            })
            .collect()
    }

    /// Everyone invited or taking part, with what they have done. Invited names are
    /// matched to people by name, ignoring case, since the owner types names.
    pub fn responses(&self) -> Vec<Response> {
        let mut out: Vec<Response> = Vec::new();
        let mut seen: BTreeSet<PersonId> = BTreeSet::new();
        let of_person = |person: &PersonId| Response {
            name: self.name_of(person),
            person: Some(person.clone()),
            invited: false,
            commented: self.comments.iter().any(|c| &c.by == person),
            voted: self.ideas.iter().any(|i| i.votes.contains_key(person)),
            answered: self.polls.iter().any(|p| p.answers.contains_key(person)),
        };
        for (_, entry) in &self.invited {
            // A meeting's attendee may carry an address: "Ana <ana@example.org>".
            let name = super::meeting::attendee(entry).0.to_owned();
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

    /// The document as Markdown, for a wiki page or an email. Vote totals follow the
    /// owner's choice to hide them.
    pub fn to_markdown(&self) -> String {
        match self.kind {
            DocKind::Meeting => return super::meeting::markdown(self),
            DocKind::Board => return super::board::markdown(self),
            // A shared state is never a personal document or a page.
            DocKind::Discussion | DocKind::Personal | DocKind::Page => {}
        }
        let mut md = String::new();
        let title = if self.title.trim().is_empty() {
            "Untitled discussion"
        } else {
            self.title.trim()
        };
        md.push_str(&format!("# {}\n\n", one_line(title)));
        if !self.due.is_empty() {
            md.push_str(&format!("Input wanted by {}.\n\n", self.due));
        }
        if !self.problem.trim().is_empty() {
            md.push_str(&format!("## Problem\n\n{}\n\n", self.problem.trim()));
        }
        if !self.links.is_empty() {
            md.push_str("## Context\n\n");
            for link in &self.links {
                let label = if link.label.trim().is_empty() {
                    &link.url
                } else {
                    &link.label
                };
                md.push_str(&format!("- [{}](<{}>)\n", one_line(label), link.url));
            }
            md.push('\n');
        }
        if !self.ideas.is_empty() {
            md.push_str("## Ideas\n\n");
            for idea in self.ranked_ideas() {
                let votes = if self.hide_votes {
                    String::new()
                } else {
                    format!(" ({})", plural(idea.votes.len(), "vote", "votes"))
                };
                let star = if idea.shortlisted {
                    " ★ shortlisted"
                } else {
                    ""
                };
                md.push_str(&format!(
                    "- {}{votes}{star}, from {}\n",
                    one_line(&idea.text),
                    self.name_of(&idea.by)
                ));
                for c in self.comments_on(Some(&idea.id)) {
                    md.push_str(&format!(
                        "  - {}: {}\n",
                        self.name_of(&c.by),
                        one_line(&c.text)
                    ));
                }
            }
            md.push('\n');
        }
        for poll in &self.polls {
            md.push_str(&format!("## Poll: {}\n\n", one_line(&poll.question)));
            for (option, names) in self.poll_results(poll) {
                md.push_str(&format!(
                    "- {}: {}{}\n",
                    one_line(&option.text),
                    names.len(),
                    if names.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", names.join(", "))
                    }
                ));
            }
            md.push('\n');
        }
        let general: Vec<&Comment> = self.comments_on(None).collect();
        if !general.is_empty() {
            md.push_str("## Comments\n\n");
            for c in general {
                md.push_str(&format!(
                    "- {}: {}\n",
                    self.name_of(&c.by),
                    one_line(&c.text)
                ));
            }
            md.push('\n');
        }
        if !self.actions.is_empty() {
            md.push_str("## Action plan\n\n");
            for a in &self.actions {
                let mut line = format!(
                    "- [{}] {}",
                    if a.done { "x" } else { " " },
                    one_line(&a.text)
                );
                if !a.owner.trim().is_empty() {
                    line.push_str(&format!(" ({})", one_line(&a.owner)));
                }
                if !a.due.is_empty() {
                    line.push_str(&format!(", due {}", a.due));
                }
                md.push_str(&line);
                md.push('\n');
            }
            md.push('\n');
        }
        if !self.summary.trim().is_empty() {
            md.push_str(&format!("## Summary\n\n{}\n", self.summary.trim()));
        }
        md
    }
}

/// What arrived between two states of a document, counted per author.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct News {
    pub comments: BTreeSet<String>,
    pub ideas: BTreeSet<String>,
    /// (idea id, voter)
    pub votes: BTreeSet<(String, PersonId)>,
    /// (poll id, person)
    pub answers: BTreeSet<(String, PersonId)>,
    pub actions: BTreeSet<String>,
    /// Cards added or moved by others (a board).
    pub cards: BTreeSet<String>,
    /// Status cards others posted or changed: (date, person).
    pub statuses: BTreeSet<(String, PersonId)>,
    /// What each author did.
    pub by_author: BTreeMap<PersonId, AuthorNews>,
}

/// How many of each thing one person added or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct AuthorNews {
    pub comments: usize,
    pub ideas: usize,
    pub votes: usize,
    pub answers: usize,
    pub actions: usize,
    pub cards: usize,
    pub card_moves: usize,
    pub statuses: usize,
}

impl AuthorNews {
    pub fn total(&self) -> usize {
        self.comments
            + self.ideas
            + self.votes
            + self.answers
            + self.actions
            + self.cards
            + self.card_moves
            + self.statuses
    }

    /// What was added, with the noun for one and for many.
    fn added(&self) -> [(usize, &'static str, &'static str); 6] {
        [
            (self.comments, "comment", "comments"),
            (self.ideas, "idea", "ideas"),
            (self.votes, "vote", "votes"),
            (self.answers, "poll answer", "poll answers"),
            (self.actions, "action", "actions"),
            (self.cards, "card", "cards"),
        ]
    }
}

impl News {
    /// What is in `new` and was not in `old`, leaving out what `me` did.
    pub fn between(old: &CollabState, new: &CollabState, me: &str) -> News {
        let mut news = News::default();
        let count = |news: &mut News, who: &PersonId, field: fn(&mut AuthorNews) -> &mut usize| {
            *field(news.by_author.entry(who.clone()).or_default()) += 1;
        };
        let old_comments: BTreeSet<&str> = old.comments.iter().map(|c| c.id.as_str()).collect();
        for c in &new.comments {
            if c.by != me && !old_comments.contains(c.id.as_str()) {
                news.comments.insert(c.id.clone());
                count(&mut news, &c.by, |n| &mut n.comments);
            }
        }
        for idea in &new.ideas {
            let before = old.idea(&idea.id);
            if before.is_none() && idea.by != me {
                news.ideas.insert(idea.id.clone());
                count(&mut news, &idea.by, |n| &mut n.ideas);
            }
            for voter in idea.votes.keys() {
                let had = before.is_some_and(|b| b.votes.contains_key(voter));
                if !had && voter != me {
                    news.votes.insert((idea.id.clone(), voter.clone()));
                    count(&mut news, voter, |n| &mut n.votes);
                }
            }
        }
        for poll in &new.polls {
            let before = old.polls.iter().find(|p| p.id == poll.id);
            for (person, answer) in &poll.answers {
                let had = before.and_then(|b| b.answers.get(person));
                if had != Some(answer) && person != me {
                    news.answers.insert((poll.id.clone(), person.clone()));
                    count(&mut news, person, |n| &mut n.answers);
                }
            }
        }
        let old_actions: BTreeSet<&str> = old.actions.iter().map(|a| a.id.as_str()).collect();
        for a in &new.actions {
            if a.by != me && !old_actions.contains(a.id.as_str()) {
                news.actions.insert(a.id.clone());
                count(&mut news, &a.by, |n| &mut n.actions);
            }
        }
        for card in &new.board.cards {
            match old.board.card(&card.id) {
                None if card.by != me => {
                    news.cards.insert(card.id.clone());
                    count(&mut news, &card.by, |n| &mut n.cards);
                }
                Some(was)
                    if card.moved_by != me
                        && !card.moved_by.is_empty()
                        && (was.moved_at, &was.moved_by) != (card.moved_at, &card.moved_by) =>
                {
                    news.cards.insert(card.id.clone());
                    count(&mut news, &card.moved_by, |n| &mut n.card_moves);
                }
                _ => {}
            }
        }
        for status in &new.board.statuses {
            let was = old.board.status(&status.person, &status.date);
            if status.person != me && was.map(|w| w.at) != Some(status.at) {
                news.statuses
                    .insert((status.date.clone(), status.person.clone()));
                count(&mut news, &status.person, |n| &mut n.statuses);
            }
        }
        news
    }

    pub fn is_empty(&self) -> bool {
        self.by_author.is_empty()
    }

    pub fn total(&self) -> usize {
        self.by_author.values().map(AuthorNews::total).sum()
    }

    /// "Ben added 3 comments and 2 votes. Ana answered the poll."
    pub fn sentence(&self, state: &CollabState) -> String {
        let mut out = Vec::new();
        for (who, counts) in &self.by_author {
            let mut parts = Vec::new();
            for (n, one, many) in counts.added() {
                if n > 0 {
                    parts.push(if n == 1 {
                        format!(
                            "a{} {one}",
                            if one.starts_with(['a', 'i']) { "n" } else { "" }
                        )
                    } else {
                        format!("{n} {many}")
                    });
                }
            }
            let mut phrases = Vec::new();
            if !parts.is_empty() {
                phrases.push(format!("added {}", join_and(&parts)));
            }
            match counts.card_moves {
                0 => {}
                1 => phrases.push("moved a card".into()),
                n => phrases.push(format!("moved {n} cards")),
            }
            match counts.statuses {
                0 => {}
                1 => phrases.push("posted a status card".into()),
                n => phrases.push(format!("posted {n} status cards")),
            }
            out.push(format!("{} {}.", state.name_of(who), join_and(&phrases)));
        }
        out.join(" ")
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Ana and Ben have voted".
pub fn names_sentence(names: &[String], verb_plural: &str, verb_one: &str) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("{} {verb_one}", names[0]),
        _ => format!("{} {verb_plural}", join_and(names)),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a typed link cannot be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    Empty,
    NotWeb,
    Spaces,
    NoHost,
    TooLong,
}

impl LinkProblem {
    /// The sentence shown beside the field.
    pub fn message(self) -> &'static str {
        match self {
            LinkProblem::Empty => "Enter a link.",
            LinkProblem::NotWeb => "Only links that start with https:// or http:// can be added.",
            LinkProblem::Spaces => "A link cannot contain spaces.",
            LinkProblem::NoHost => "This link has no website in it.",
            LinkProblem::TooLong => "This link is too long (over 2,000 characters).",
        }
    }
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for LinkProblem {}

/// A link a person typed, if it is safe to open: only http and https, with a host,
/// and no spaces or control characters. Returned trimmed.
pub fn checked_link(input: &str) -> Result<String, LinkProblem> {
    let url = input.trim();
    if url.is_empty() {
        return Err(LinkProblem::Empty);
    }
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        return Err(LinkProblem::NotWeb);
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkProblem::Spaces);
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('@') || host.starts_with(':') {
        return Err(LinkProblem::NoHost);
    }
    if url.len() > 2000 {
        return Err(LinkProblem::TooLong);
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod tests {
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

    fn state() -> CollabState {
        CollabState {
            owner: "ana".into(),
            people: [("ana", "Ana"), ("ben", "Ben"), ("cy", "Cy")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ideas: vec![
                idea("a", 1, &["ben"]),
                idea("b", 2, &["ben", "cy"]),
                idea("c", 0, &["cy"]),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn ranking_by_votes_then_age() {
        let s = state();
        let order: Vec<&str> = s.ranked_ideas().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
    }

    #[test]
    fn budget() {
        let mut s = state();
        assert_eq!(s.can_vote("ben"), Ok(()));
        assert_eq!(s.votes_left("ben"), None);
        s.budget = 2;
        assert_eq!(s.can_vote("ben"), Err(VoteBlock::BudgetSpent(2)));
        assert_eq!(s.votes_left("cy"), Some(0));
        assert_eq!(s.votes_left("ana"), Some(2));
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
        new.ideas[0].votes.insert("cy".into(), 5);
        new.ideas[0].votes.insert("ana".into(), 5);
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
        use crate::model::board::{Card, Column, StatusCard};
        let mut old = state();
        old.board.cards.push(Card {
            id: "c1".into(),
            by: "ana".into(),
            ..Card::default()
        });
        let mut new = old.clone();
        new.board.cards[0].column = Column::Done;
        new.board.cards[0].moved_by = "ben".into();
        new.board.cards[0].moved_at = 9;
        new.board.cards.push(Card {
            id: "c2".into(),
            by: "ben".into(),
            ..Card::default()
        });
        new.board.statuses.push(StatusCard {
            person: "ben".into(),
            date: "2026-11-25".into(),
            at: 9,
            ..StatusCard::default()
        });
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
        s.hide_votes = true;
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
