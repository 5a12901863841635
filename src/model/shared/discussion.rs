//! A discussion: the problem, ideas with votes, polls and what was decided, built on
//! the envelope's comments and action plan; the arithmetic people read off it
//! (rankings, vote budgets, poll results) and its Markdown export.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::envelope::{one_line, plural, Envelope, PersonId};
use super::news::News;
use crate::model::order;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteBlock {
    BudgetSpent(u32),
}

/// A discussion's own part.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DiscussionPart {
    pub problem: String,
    pub summary: String,
    /// Votes each person may give in all; 0 means one per idea with no total.
    pub budget: u32,
    pub hide_votes: bool,
    pub ideas: Vec<Idea>,
    pub polls: Vec<Poll>,
}

impl DiscussionPart {
    /// Nothing yet: what a screen of another kind reads.
    pub const EMPTY: DiscussionPart = DiscussionPart {
        problem: String::new(),
        summary: String::new(),
        budget: 0,
        hide_votes: false,
        ideas: Vec::new(),
        polls: Vec::new(),
    };

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

    pub fn has_voted(&self, person: &str) -> bool {
        self.ideas.iter().any(|i| i.votes.contains_key(person))
    }

    pub fn has_answered(&self, person: &str) -> bool {
        self.polls.iter().any(|p| p.answers.contains_key(person))
    }

    /// The ideas, votes and poll answers in `self` that were not in `old`, leaving out
    /// `me`'s, counted into `news`.
    pub fn news_since(&self, old: &DiscussionPart, me: &str, news: &mut News) {
        for idea in &self.ideas {
            let before = old.idea(&idea.id);
            if before.is_none() && idea.by != me {
                news.ideas.insert(idea.id.clone());
                news.count(&idea.by, |n| &mut n.ideas);
            }
            for voter in idea.votes.keys() {
                let had = before.is_some_and(|b| b.votes.contains_key(voter));
                if !had && voter != me {
                    news.votes.insert((idea.id.clone(), voter.clone()));
                    news.count(voter, |n| &mut n.votes);
                }
            }
        }
        for poll in &self.polls {
            let before = old.polls.iter().find(|p| p.id == poll.id);
            for (person, answer) in &poll.answers {
                let had = before.and_then(|b| b.answers.get(person));
                if had != Some(answer) && person != me {
                    news.answers.insert((poll.id.clone(), person.clone()));
                    news.count(person, |n| &mut n.answers);
                }
            }
        }
    }
}

/// Each option with the number of people who chose it and their names.
pub fn poll_results<'a>(env: &Envelope, poll: &'a Poll) -> Vec<(&'a PollOption, Vec<String>)> {
    poll.options
        .iter()
        .map(|option| {
            let names = poll
                .answers
                .iter()
                .filter(|(_, chosen)| chosen.contains(&option.id))
                .map(|(person, _)| env.name_of(person))
                .collect();
            (option, names)
        })
        .collect()
}

/// The discussion as Markdown, for a wiki page or an email. Vote totals follow the
/// owner's choice to hide them.
pub fn markdown(env: &Envelope, part: &DiscussionPart) -> String {
    let mut md = String::new();
    let _ = write!(
        md,
        "# {}\n\n",
        one_line(env.title_or("Untitled discussion"))
    );
    if !env.due.is_empty() {
        let _ = write!(md, "Input wanted by {}.\n\n", env.due);
    }
    if !part.problem.trim().is_empty() {
        let _ = write!(md, "## Problem\n\n{}\n\n", part.problem.trim());
    }
    if !env.links.is_empty() {
        md.push_str("## Context\n\n");
        for link in &env.links {
            let label = if link.label.trim().is_empty() {
                &link.url
            } else {
                &link.label
            };
            // A recording not uploaded yet has no address to link to.
            let line = if link.url.is_empty() {
                one_line(label).to_string()
            } else {
                format!("[{}](<{}>)", one_line(label), link.url)
            };
            let note = link.recording.as_ref().map_or_else(String::new, |r| {
                let upload = if r.url.is_empty() {
                    "; not uploaded yet"
                } else {
                    ""
                };
                let length = crate::model::recording::length(r.ms);
                format!(" (recorded explanation, {length}{upload})")
            });
            let _ = writeln!(md, "- {line}{note}");
        }
        md.push('\n');
    }
    if !part.ideas.is_empty() {
        md.push_str("## Ideas\n\n");
        for idea in part.ranked_ideas() {
            let votes = if part.hide_votes {
                String::new()
            } else {
                format!(" ({})", plural(idea.votes.len(), "vote", "votes"))
            };
            let star = if idea.shortlisted {
                " ★ shortlisted"
            } else {
                ""
            };
            let _ = writeln!(
                md,
                "- {}{votes}{star}, from {}",
                one_line(&idea.text),
                env.name_of(&idea.by)
            );
            for c in env.comments_on(Some(&idea.id)) {
                let _ = writeln!(md, "  - {}: {}", env.name_of(&c.by), one_line(&c.text));
            }
        }
        md.push('\n');
    }
    for poll in &part.polls {
        let _ = write!(md, "## Poll: {}\n\n", one_line(&poll.question));
        for (option, names) in poll_results(env, poll) {
            let _ = writeln!(
                md,
                "- {}: {}{}",
                one_line(&option.text),
                names.len(),
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names.join(", "))
                }
            );
        }
        md.push('\n');
    }
    let general: Vec<_> = env.comments_on(None).collect();
    if !general.is_empty() {
        md.push_str("## Comments\n\n");
        for c in general {
            let _ = writeln!(md, "- {}: {}", env.name_of(&c.by), one_line(&c.text));
        }
        md.push('\n');
    }
    if !env.actions.is_empty() {
        md.push_str("## Action plan\n\n");
        for a in &env.actions {
            let mut line = format!(
                "- [{}] {}",
                if a.done { "x" } else { " " },
                one_line(&a.text)
            );
            if !a.owner.trim().is_empty() {
                let _ = write!(line, " ({})", one_line(&a.owner));
            }
            if !a.due.is_empty() {
                let _ = write!(line, ", due {}", a.due);
            }
            md.push_str(&line);
            md.push('\n');
        }
        md.push('\n');
    }
    if !part.summary.trim().is_empty() {
        let _ = writeln!(md, "## Summary\n\n{}", part.summary.trim());
    }
    md
}
