//! A discussion in the document layer: a shared document of kind "collab" (the name
//! it was first written with), its parts, its edits through a `DiscussionDoc` handle,
//! and `DiscussionEdit`, the edits its screens send.
//!
//! Besides the envelope it holds (schema 1):
//! ```text
//! { problem: Text, summary: Text, budget, hide_votes,
//!   ideas:    { <id>: { text, by, at, short, gone, votes: { <person>: at } } },
//!   polls:    { <id>: { q, multi, by, at, gone, options: { <id>: { text, n } },
//!                       answers: { <person>: "option,option" } } } }
//! ```
//! Votes and answers are keyed by the person, so a vote can be changed but never
//! doubled. The texts several people edit (`problem`, `summary`) are Automerge text
//! written through `update_text`, so concurrent typing keeps both people's words.

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ReadDoc, ROOT};

use super::core::{clip, hydrate_root, items, text_of, value_str, Result, SharedDoc, SharedError};
use crate::doc::access::{field_bool, field_i64, field_map, field_u32, get_map, set_i64, set_str};
use crate::model::kind::DocKind;
use crate::model::order;
use crate::model::shared::discussion::{DiscussionPart, Idea, Poll, PollOption, VoteBlock};
use crate::model::shared::{ItemList, MAX_LINE, MAX_TEXT};

/// The newest layout of a discussion this build writes.
pub const DISCUSSION_SCHEMA: u64 = 1;

/// Sets up a new discussion: its two texts and its maps.
pub(super) fn init(doc: &mut AutoCommit, _now: i64) -> std::result::Result<(), AutomergeError> {
    doc.put_object(ROOT, "problem", ObjType::Text)?;
    doc.put_object(ROOT, "summary", ObjType::Text)?;
    doc.put_object(ROOT, "ideas", ObjType::Map)?;
    doc.put_object(ROOT, "polls", ObjType::Map)?;
    Ok(())
}

/// Reads the discussion's part from a hydrated root.
pub(super) fn read(root: &hydrate::Map) -> DiscussionPart {
    let s = text_of;
    let at = |m: &hydrate::Map| field_i64(m, "at").unwrap_or(0);
    DiscussionPart {
        problem: s(root, "problem"),
        summary: s(root, "summary"),
        budget: field_u32(root, "budget").unwrap_or(0).min(99),
        hide_votes: field_bool(root, "hide_votes"),
        ideas: items(root, "ideas")
            .into_iter()
            .map(|(id, m)| Idea {
                id,
                text: s(m, "text"),
                by: s(m, "by"),
                at: at(m),
                shortlisted: field_bool(m, "short"),
                votes: field_map(m, "votes")
                    .map(|v| {
                        v.iter()
                            .map(|(who, val)| (who.clone(), val.value.as_i64()))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        polls: items(root, "polls")
            .into_iter()
            .map(|(id, m)| {
                let mut options: Vec<(i64, PollOption)> = field_map(m, "options")
                    .map(|o| {
                        o.iter()
                            .filter_map(|(oid, v)| match &v.value {
                                hydrate::Value::Map(om) => Some((
                                    field_i64(om, "n").unwrap_or(0),
                                    PollOption {
                                        id: oid.clone(),
                                        text: s(om, "text"),
                                    },
                                )),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                order::sort_by(&mut options, |a, b| {
                    a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
                });
                let options: Vec<PollOption> = options.into_iter().map(|(_, o)| o).collect();
                let multiple = field_bool(m, "multi");
                let answers = field_map(m, "answers")
                    .map(|a| {
                        a.iter()
                            .filter_map(|(who, v)| match value_str(&v.value) {
                                Some(s) => {
                                    let mut chosen: Vec<String> = s
                                        .split(',')
                                        .filter(|c| options.iter().any(|o| o.id == *c))
                                        .map(str::to_owned)
                                        .collect();
                                    if !multiple {
                                        chosen.truncate(1);
                                    }
                                    (!chosen.is_empty()).then(|| (who.clone(), chosen))
                                }
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Poll {
                    id,
                    question: s(m, "q"),
                    multiple,
                    by: s(m, "by"),
                    at: at(m),
                    options,
                    answers,
                }
            })
            .collect(),
    }
}

/// A discussion's own edits; made only through `SharedDoc::as_discussion`.
pub struct DiscussionDoc<'a>(&'a mut SharedDoc);

impl SharedDoc {
    /// This document as a discussion, if it is one.
    pub fn as_discussion(&mut self) -> Option<DiscussionDoc<'_>> {
        (self.kind() == DocKind::Discussion).then_some(DiscussionDoc(self))
    }
}

impl DiscussionDoc<'_> {
    pub fn set_budget(&mut self, budget: u32) -> Result<()> {
        let doc = self.0.writable()?;
        set_i64(doc, &ROOT, "budget", i64::from(budget.min(99)))?;
        self.0.commit();
        Ok(())
    }

    pub fn set_hide_votes(&mut self, hide: bool) -> Result<()> {
        let doc = self.0.writable()?;
        doc.put(ROOT, "hide_votes", hide)?;
        self.0.commit();
        Ok(())
    }

    pub fn add_idea(&mut self, me: &str, name: &str, now: i64, text: &str) -> Result<String> {
        let text = clip(text, MAX_TEXT);
        self.0.add_item("ideas", me, name, now, |doc, obj| {
            doc.put(obj, "text", text)?;
            doc.put_object(obj, "votes", ObjType::Map)?;
            Ok(())
        })
    }

    /// Gives or takes back `me`'s vote on an idea, within the owner's budget.
    pub fn set_vote(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        idea: &str,
        vote: bool,
    ) -> Result<()> {
        let obj = self.0.item("ideas", idea)?;
        let votes = get_map(&self.0.doc, &obj, "votes").ok_or(SharedError::Missing)?;
        let has = self.0.doc.get(&votes, me)?.is_some();
        if vote == has {
            return Ok(());
        }
        if vote {
            let part = read(&hydrate_root(&self.0.doc));
            if let Err(VoteBlock::BudgetSpent(n)) = part.can_vote(me) {
                return Err(SharedError::BudgetSpent(n));
            }
        }
        self.0.introduce(me, name)?;
        let doc = self.0.writable()?;
        if vote {
            doc.put(&votes, me, now)?;
        } else {
            doc.delete(&votes, me)?;
        }
        self.0.commit();
        Ok(())
    }

    pub fn set_shortlisted(&mut self, idea: &str, short: bool) -> Result<()> {
        self.0.put_flag(ItemList::Ideas, idea, "short", short)
    }

    pub fn add_poll(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        question: &str,
        multiple: bool,
        options: &[String],
    ) -> Result<String> {
        let question = clip(question, MAX_LINE);
        let options: Vec<String> = options
            .iter()
            .map(|o| clip(o.trim(), MAX_LINE))
            .filter(|o| !o.is_empty())
            .take(20)
            .collect();
        self.0.add_item("polls", me, name, now, |doc, obj| {
            doc.put(obj, "q", question)?;
            doc.put(obj, "multi", multiple)?;
            let opts = doc.put_object(obj, "options", ObjType::Map)?;
            for (n, text) in options.into_iter().enumerate() {
                let o = doc.put_object(&opts, format!("o{n}").as_str(), ObjType::Map)?;
                doc.put(&o, "text", text)?;
                doc.put(&o, "n", n as i64)?;
            }
            doc.put_object(obj, "answers", ObjType::Map)?;
            Ok(())
        })
    }

    /// Replaces `me`'s answer to a poll (an empty choice takes the answer back).
    pub fn answer_poll(
        &mut self,
        me: &str,
        name: &str,
        poll: &str,
        chosen: &[String],
    ) -> Result<()> {
        let obj = self.0.item("polls", poll)?;
        let answers = get_map(&self.0.doc, &obj, "answers").ok_or(SharedError::Missing)?;
        self.0.introduce(me, name)?;
        let doc = self.0.writable()?;
        if chosen.is_empty() {
            if doc.get(&answers, me)?.is_some() {
                doc.delete(&answers, me)?;
            }
        } else {
            set_str(doc, &answers, me, &chosen.join(","))?;
        }
        self.0.commit();
        Ok(())
    }
}

/// The edits a discussion's screens make.
#[derive(Clone, Debug, PartialEq)]
pub enum DiscussionEdit {
    SetBudget(u32),
    SetHideVotes(bool),
    AddIdea(String),
    Vote {
        idea: String,
        on: bool,
    },
    Shortlist {
        idea: String,
        on: bool,
    },
    AddPoll {
        question: String,
        multiple: bool,
        options: Vec<String>,
    },
    /// The chosen option ids; none takes the answer back.
    AnswerPoll {
        poll: String,
        chosen: Vec<String>,
    },
}

impl DiscussionEdit {
    /// Whether others see it under the writer's name.
    pub fn is_authored(&self) -> bool {
        use DiscussionEdit::*;
        match self {
            AddIdea(_) | Vote { .. } | AddPoll { .. } | AnswerPoll { .. } => true,
            SetBudget(_) | SetHideVotes(_) | Shortlist { .. } => false,
        }
    }

    pub(super) fn apply(
        &self,
        mut doc: DiscussionDoc<'_>,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<()> {
        use DiscussionEdit::*;
        match self {
            SetBudget(n) => doc.set_budget(*n),
            SetHideVotes(hide) => doc.set_hide_votes(*hide),
            AddIdea(text) => doc.add_idea(me, name, now, text.trim()).map(drop),
            Vote { idea, on } => doc.set_vote(me, name, now, idea, *on),
            Shortlist { idea, on } => doc.set_shortlisted(idea, *on),
            AddPoll {
                question,
                multiple,
                options,
            } => doc
                .add_poll(me, name, now, question.trim(), *multiple, options)
                .map(drop),
            AnswerPoll { poll, chosen } => doc.answer_poll(me, name, poll, chosen),
        }
    }
}
