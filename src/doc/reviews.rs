//! Monthly reviews and the freed-time log inside the personal document, private to the
//! person:
//! ```text
//! { "review/<YYYY-MM>/work", ".../complaints", ".../others", ".../change": Text,
//!   "review/<YYYY-MM>/figures": Text, "review/<YYYY-MM>/kept_at": Int,
//!   "freed/<id>": "2026-11-03 90 growth Read the Rust book" }
//! ```
//! Flat root values, keyed by the month and the field: a month is begun on two devices
//! offline without either creating a map the other's would hide, and the answers merge
//! field by field. `figures` (see `MonthFigures::key`) and `kept_at` (UTC ms) are
//! written once, when the month is reviewed, and never again: later edits to tasks,
//! the week or deadlines leave a reviewed month as it was. A log entry is one value,
//! written whole and removed whole.

use automerge::transaction::Transactable;
use automerge::{ReadDoc, ROOT};

use super::access::{get_i64, get_str, set_i64, set_str};
use super::{DocError, PersonalDoc};
use crate::model::review::{FreedEntry, Month, MonthFigures, Review, QUESTIONS};

const REVIEW: &str = "review/";
const FREED: &str = "freed/";
/// The longest answer kept.
const MAX_ANSWER: usize = 5_000;

fn key(month: Month, field: &str) -> String {
    format!("{REVIEW}{}/{field}", month.key())
}

impl PersonalDoc {
    /// Every month with a review begun, oldest first.
    pub fn reviews(&self) -> Vec<Review> {
        let doc = self.raw();
        // Keys sort as strings: the reviews' keys end before "review0".
        let mut months: Vec<Month> = doc
            .map_range(&ROOT, REVIEW.to_owned().."review0".to_owned())
            .filter_map(|item| Month::parse(item.key.get(REVIEW.len()..)?.split('/').next()?))
            .collect();
        months.dedup();
        months
            .into_iter()
            .map(|month| {
                let text =
                    |field: &str| get_str(doc, &ROOT, &key(month, field)).unwrap_or_default();
                let kept_at = get_i64(doc, &ROOT, &key(month, "kept_at")).filter(|t| *t > 0);
                Review {
                    month,
                    work: text("work"),
                    complaints: text("complaints"),
                    others: text("others"),
                    change: text("change"),
                    kept: kept_at.map(|t| (t, MonthFigures::parse(&text("figures")))),
                }
            })
            .collect()
    }

    /// Sets the answer to one of the review's questions (`QUESTIONS`).
    pub fn put_review_answer(
        &mut self,
        month: Month,
        field: &str,
        text: &str,
    ) -> Result<(), DocError> {
        if !QUESTIONS.iter().any(|(f, _)| *f == field) {
            return Ok(());
        }
        let text: String = text.trim().chars().take(MAX_ANSWER).collect();
        let doc = self.writable()?;
        if set_str(doc, &ROOT, &key(month, field), &text)? {
            self.commit("review");
        }
        Ok(())
    }

    /// Keeps the month's figures as they are at `now`; a month already reviewed keeps
    /// the figures it had. Answers `false` when it was.
    pub fn keep_review(
        &mut self,
        month: Month,
        now: i64,
        figures: &MonthFigures,
    ) -> Result<bool, DocError> {
        let doc = self.writable()?;
        if get_i64(doc, &ROOT, &key(month, "kept_at")).is_some_and(|t| t > 0) {
            return Ok(false);
        }
        set_str(doc, &ROOT, &key(month, "figures"), &figures.key())?;
        set_i64(doc, &ROOT, &key(month, "kept_at"), now.max(1))?;
        self.commit("review");
        Ok(true)
    }
}

impl PersonalDoc {
    /// The freed-time log, oldest first (ties by id, so every copy lists it alike).
    pub fn freed_log(&self) -> Vec<FreedEntry> {
        let doc = self.raw();
        let mut out: Vec<FreedEntry> = doc
            .map_range(&ROOT, FREED.to_owned().."freed0".to_owned())
            .filter_map(|item| {
                let id = item.key.get(FREED.len()..)?;
                FreedEntry::parse(id, &get_str(doc, &ROOT, &item.key)?)
            })
            .collect();
        crate::model::order::sort_by(&mut out, |a, b| {
            a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
        });
        out
    }

    /// Logs freed time; returns the entry's id.
    pub fn add_freed(&mut self, entry: &FreedEntry) -> Result<String, DocError> {
        let id = super::random_id()[..12].to_owned();
        let entry = FreedEntry {
            minutes: entry.minutes.min(FreedEntry::MAX_MINUTES),
            note: entry.note.trim().chars().take(200).collect(),
            ..entry.clone()
        };
        let doc = self.writable()?;
        set_str(doc, &ROOT, &format!("{FREED}{id}"), &entry.key())?;
        self.commit("freed");
        Ok(id)
    }

    pub fn remove_freed(&mut self, id: &str) -> Result<(), DocError> {
        let doc = self.writable()?;
        let key = format!("{FREED}{id}");
        if doc.get(&ROOT, &key)?.is_some() {
            doc.delete(&ROOT, key.as_str())?;
            self.commit("freed");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::chunks::check_stored;
    use crate::model::review::DeadlineFigures;

    #[test]
    fn a_reviewed_month_keeps_its_figures_and_answers_merge() {
        let march = Month {
            year: 2026,
            month: 3,
        };
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        a.put_review_answer(march, "work", " Yes, on time. ")
            .unwrap();
        b.put_review_answer(march, "complaints", "One, about the invoice.")
            .unwrap();
        b.put_review_answer(march, "made-up", "ignored").unwrap();
        let figures = MonthFigures {
            async_percent: Some(70),
            deadlines: DeadlineFigures {
                met_on_time: 4,
                ..DeadlineFigures::default()
            },
            ..MonthFigures::default()
        };
        assert!(a.keep_review(march, 1_775_000_000_000, &figures).unwrap());
        // Kept once: figures worked out later do not replace them.
        let later = MonthFigures {
            async_percent: Some(10),
            ..MonthFigures::default()
        };
        assert!(!a.keep_review(march, 1_776_000_000_000, &later).unwrap());
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let reviews = PersonalDoc::from_stored(&a.save()).unwrap().reviews();
        assert_eq!(reviews.len(), 1);
        let r = &reviews[0];
        assert_eq!((r.month, r.work.as_str()), (march, "Yes, on time."));
        assert_eq!(r.answer("complaints"), "One, about the invoice.");
        assert_eq!(r.kept, Some((1_775_000_000_000, figures)));
    }

    #[test]
    fn freed_time_logged_on_two_devices_merges_and_removes() {
        use crate::model::review::FreedUse;
        let entry = |d: u32, minutes, to, note: &str| FreedEntry {
            id: String::new(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            minutes,
            to,
            note: note.into(),
        };
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let first = a
            .add_freed(&entry(9, 90, FreedUse::Growth, " Course "))
            .unwrap();
        b.add_freed(&entry(3, 5_000, FreedUse::Rest, "")).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let log = PersonalDoc::from_stored(&a.save()).unwrap().freed_log();
        assert_eq!(log.len(), 2);
        assert_eq!(
            (log[0].minutes, log[0].to),
            (FreedEntry::MAX_MINUTES, FreedUse::Rest)
        );
        assert_eq!(
            (log[1].id.as_str(), log[1].note.as_str()),
            (first.as_str(), "Course")
        );
        a.remove_freed(&first).unwrap();
        a.remove_freed("not-there").unwrap();
        assert_eq!(a.state().freed.len(), 1);
    }
}
