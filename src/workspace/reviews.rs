//! Monthly reviews as the review page writes them: each answer stored at once, a
//! month's figures kept when it is reviewed, the freed-time log, and the meetings and
//! feedback requests the person holds, as the review counts them.

use leptos::prelude::*;

use super::Workspace;
use crate::model::kind::DocKind;
use crate::model::review::{review_waiting, FreedEntry, MeetingFacts, Month, MonthFigures, Review};
use crate::model::shared::feedback::Scores;

impl Workspace {
    /// Stores the answer to one of a month's questions and patches it into the state.
    pub fn put_review_answer(self, month: Month, field: &str, text: &str) -> bool {
        if self
            .edit(|doc| doc.put_review_answer(month, field, text))
            .is_none()
        {
            return false;
        }
        self.state.update(|s| {
            let review = review_of(&mut s.reviews, month);
            if let Some(answer) = review.answer_mut(field) {
                *answer = text.trim().to_owned();
            }
        });
        true
    }

    /// The monthly review waiting at `now` (see `review_waiting`), when there is anything
    /// to review: a task listed before the month ended, or a deadline in the month. A
    /// newcomer is not asked to review a month they were not here for.
    pub fn review_waiting(self, now: i64) -> Option<(Month, i64)> {
        self.state.with(|s| {
            let (month, due) = review_waiting(
                now,
                &s.profile.time_zone,
                &s.boundaries.hours,
                &s.schedule.blocks,
                &s.reviews,
            )?;
            let ended = month.back(-1).start_ms(&s.profile.time_zone);
            let here = s.tasks.iter().any(|t| t.created_ms < ended)
                || s.schedule
                    .deadlines
                    .iter()
                    .any(|d| d.date.is_some_and(|d| month.contains(d)));
            here.then_some((month, due))
        })
    }

    /// Keeps the month's figures as they are now (once: a reviewed month keeps its own).
    pub fn keep_review(self, month: Month, now: i64, figures: MonthFigures) -> bool {
        let Some(kept) = self.edit(|doc| doc.keep_review(month, now, &figures)) else {
            return false;
        };
        if kept {
            self.state
                .update(|s| review_of(&mut s.reviews, month).kept = Some((now, figures)));
        }
        kept
    }
}

impl Workspace {
    /// Logs freed time.
    pub fn add_freed(self, entry: FreedEntry) -> bool {
        let Some(id) = self.edit(|doc| doc.add_freed(&entry)) else {
            return false;
        };
        self.state.update(|s| {
            let at = s
                .freed
                .partition_point(|e| (e.date, e.id.as_str()) <= (entry.date, id.as_str()));
            s.freed.insert(at, FreedEntry { id, ..entry });
        });
        true
    }

    pub fn remove_freed(self, id: &str) {
        if self.edit(|doc| doc.remove_freed(id)).is_some() {
            self.state.update(|s| s.freed.retain(|e| e.id != id));
        }
    }

    /// Every meeting held here, as the review counts it on the person's calendar.
    pub fn meeting_facts(self) -> Vec<MeetingFacts> {
        let zone = self.state.with_untracked(|s| s.profile.time_zone.clone());
        self.held_states(DocKind::Meeting)
            .iter()
            .map(|(_, s)| MeetingFacts::of(s.meeting(), s.invited.len(), &zone))
            .collect()
    }

    /// The scores of each feedback request this person sent, with the month it asks
    /// about.
    pub fn feedback_scores(self) -> Vec<(Month, Scores)> {
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        self.held_states(DocKind::Feedback)
            .iter()
            .filter(|(_, s)| s.owner == me)
            .filter_map(|(_, s)| {
                let f = s.feedback();
                Some((Month::parse(&f.month)?, f.scores(&s.owner)))
            })
            .collect()
    }
}

/// A feedback request this person sent, as the review lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestLine {
    pub id: crate::model::ids::DocId,
    pub title: String,
    /// "YYYY-MM".
    pub month: String,
    /// Who has answered, in words.
    pub answered: String,
}

impl Workspace {
    /// The feedback requests this person sent.
    pub fn feedback_requests(self) -> Vec<RequestLine> {
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        self.held_states(DocKind::Feedback)
            .into_iter()
            .filter(|(_, s)| s.owner == me)
            .map(|(id, s)| {
                let names: Vec<String> = s
                    .responses()
                    .into_iter()
                    .filter(|r| r.answered)
                    .map(|r| r.name)
                    .collect();
                RequestLine {
                    id,
                    title: s.title_or("Feedback request").to_owned(),
                    month: s.feedback().month.clone(),
                    answered: if names.is_empty() {
                        "no answers yet".to_owned()
                    } else {
                        crate::model::shared::names_sentence(
                            &names,
                            "have answered",
                            "has answered",
                        )
                    },
                }
            })
            .collect()
    }
}

/// The review of `month` in the list, added in its place if there is none yet.
fn review_of(reviews: &mut Vec<Review>, month: Month) -> &mut Review {
    let at = match reviews.binary_search_by_key(&month, |r| r.month) {
        Ok(at) => at,
        Err(at) => {
            reviews.insert(
                at,
                Review {
                    month,
                    ..Review::default()
                },
            );
            at
        }
    };
    &mut reviews[at]
}
