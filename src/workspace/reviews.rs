//! Monthly reviews as the review page writes them: each answer stored at once, and a
//! month's figures kept when it is reviewed.

use leptos::prelude::*;

use super::Workspace;
use crate::model::review::{review_waiting, Month, MonthFigures, Review};

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
