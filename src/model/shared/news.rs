//! What arrived between two copies of a shared document, counted per author with a
//! named field for each thing a person can add, and said as a sentence. The envelope
//! counts comments and actions; each kind counts its own parts into the same record.

use std::collections::{BTreeMap, BTreeSet};

use super::envelope::{join_and, Envelope, PersonId};

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
    /// Runs others finished (an SOP).
    pub runs: BTreeSet<String>,
    /// Steps others added or changed (an SOP).
    pub steps: BTreeSet<String>,
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
    pub runs: usize,
    pub step_changes: usize,
    /// Answers to a feedback request, given or changed.
    pub feedback: usize,
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
            + self.runs
            + self.step_changes
            + self.feedback
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
    /// Counts one thing `who` did, in the field `field` picks.
    pub fn count(&mut self, who: &PersonId, field: fn(&mut AuthorNews) -> &mut usize) {
        *field(self.by_author.entry(who.clone()).or_default()) += 1;
    }

    /// The comments and actions in `new` that were not in `old`, leaving out `me`'s.
    pub fn of_envelope(old: &Envelope, new: &Envelope, me: &str) -> News {
        let mut news = News::default();
        let old_comments: BTreeSet<&str> = old.comments.iter().map(|c| c.id.as_str()).collect();
        for c in &new.comments {
            if c.by != me && !old_comments.contains(c.id.as_str()) {
                news.comments.insert(c.id.clone());
                news.count(&c.by, |n| &mut n.comments);
            }
        }
        let old_actions: BTreeSet<&str> = old.actions.iter().map(|a| a.id.as_str()).collect();
        for a in &new.actions {
            if a.by != me && !old_actions.contains(a.id.as_str()) {
                news.actions.insert(a.id.clone());
                news.count(&a.by, |n| &mut n.actions);
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
    pub fn sentence(&self, state: &Envelope) -> String {
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
            match counts.runs {
                0 => {}
                1 => phrases.push("finished a run".into()),
                n => phrases.push(format!("finished {n} runs")),
            }
            match counts.step_changes {
                0 => {}
                1 => phrases.push("changed a step".into()),
                n => phrases.push(format!("changed {n} steps")),
            }
            if counts.feedback > 0 {
                phrases.push("answered the request".into());
            }
            out.push(format!("{} {}.", state.name_of(who), join_and(&phrases)));
        }
        out.join(" ")
    }
}
