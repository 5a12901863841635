//! A feedback request in the document layer: a shared document of kind `feedback`, its
//! edits through a `FeedbackDoc` handle, and `FeedbackEdit`, the edits its screens send.
//! Besides the envelope it holds (schema 1):
//! ```text
//! { month,                            "YYYY-MM", the month asked about
//!   own:     { <id>: { text, by, at, gone } },   the owner's questions
//!   answers: { "<person>|score": 1-5, "<person>|at": ms,
//!              "<person>|help", "<person>|problems", "<person>|<question id>": text } }
//! ```
//! Answers are flat keys in one map made when the request is, so two people answering
//! offline never create the same map twice (one would hide the other), and each person
//! writes only keys that start with their own id: a reply link carries their answers
//! and nothing else.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, AutomergeError, ObjType, ROOT};

use super::core::{clip, hydrate_root, items, text_of, value_str, Result, SharedDoc, SharedError};
use crate::doc::access::{field_i64, field_map, field_str, get_map, set_i64, set_str};
use crate::model::kind::DocKind;
use crate::model::review::Month;
use crate::model::shared::feedback::{Answer, FeedbackPart, Question, WRITTEN};
use crate::model::shared::{ItemList, MAX_LINE};

/// The newest layout of a feedback request this build writes.
pub const FEEDBACK_SCHEMA: u64 = 1;

/// The longest written answer.
pub const MAX_ANSWER: usize = 5_000;

/// The most questions of the owner's one request holds.
pub const MAX_QUESTIONS: usize = 20;

pub(super) fn init(doc: &mut AutoCommit, _now: i64) -> std::result::Result<(), AutomergeError> {
    doc.put(ROOT, "month", "")?;
    doc.put_object(ROOT, "own", ObjType::Map)?;
    doc.put_object(ROOT, "answers", ObjType::Map)?;
    Ok(())
}

/// Reads the request's part from a hydrated root. Answers to questions that are gone, or
/// under fields no question has, are left out.
pub(super) fn read(root: &hydrate::Map) -> FeedbackPart {
    let questions: Vec<Question> = items(root, "own")
        .into_iter()
        .map(|(id, m)| Question {
            id,
            text: text_of(m, "text"),
            at: field_i64(m, "at").unwrap_or(0),
        })
        .collect();
    let known = |field: &str| {
        WRITTEN.iter().any(|(f, _)| *f == field) || questions.iter().any(|q| q.id == field)
    };
    let mut answers: BTreeMap<&str, Answer> = BTreeMap::new();
    let map = field_map(root, "answers");
    for (key, value) in map.into_iter().flat_map(|m| m.iter()) {
        let Some((person, field)) = key.split_once('|') else {
            continue;
        };
        let answer = answers.entry(person).or_insert_with(|| Answer {
            person: person.to_owned(),
            ..Answer::default()
        });
        let int = || map.and_then(|m| field_i64(m, key));
        match field {
            "score" => answer.score = int().filter(|n| (1..=5).contains(n)).map(|n| n as u8),
            "at" => answer.at = int().unwrap_or(0),
            field if known(field) => {
                if let Some(text) = value_str(&value.value) {
                    answer.written.insert(field.to_owned(), text);
                }
            }
            _ => {}
        }
    }
    // First answered first; ties by person, so every copy lists them alike.
    let mut answers: Vec<Answer> = answers.into_values().collect();
    crate::model::order::sort_by(&mut answers, |a, b| {
        a.at.cmp(&b.at).then_with(|| a.person.cmp(&b.person))
    });
    FeedbackPart {
        month: field_str(root, "month")
            .filter(|m| Month::parse(m).is_some())
            .unwrap_or_default(),
        questions,
        answers,
    }
}

/// A feedback request's own edits; made only through `SharedDoc::as_feedback`.
pub struct FeedbackDoc<'a>(&'a mut SharedDoc);

impl SharedDoc {
    /// This document as a feedback request, if it is one.
    pub fn as_feedback(&mut self) -> Option<FeedbackDoc<'_>> {
        (self.kind() == DocKind::Feedback).then_some(FeedbackDoc(self))
    }
}

impl FeedbackDoc<'_> {
    pub fn set_month(&mut self, month: Month) -> Result<()> {
        let doc = self.0.writable()?;
        set_str(doc, &ROOT, "month", &month.key())?;
        self.0.commit();
        Ok(())
    }

    pub fn add_question(&mut self, me: &str, name: &str, now: i64, text: &str) -> Result<String> {
        let count = items(&hydrate_root(&self.0.doc), "own").len();
        if count >= MAX_QUESTIONS {
            return Err(SharedError::TooMany(MAX_QUESTIONS));
        }
        let text = clip(text.trim(), MAX_LINE);
        self.0.add_item("own", me, name, now, |doc, obj| {
            doc.put(obj, "text", text)?;
            Ok(())
        })
    }

    /// `me`'s score, 1 to 5.
    pub fn set_score(&mut self, me: &str, name: &str, now: i64, score: u8) -> Result<()> {
        self.0.introduce(me, name)?;
        let doc = self.0.writable()?;
        let answers = answers(doc)?;
        set_i64(
            doc,
            &answers,
            &format!("{me}|score"),
            i64::from(score.clamp(1, 5)),
        )?;
        set_i64(doc, &answers, &format!("{me}|at"), now)?;
        self.0.commit();
        Ok(())
    }

    /// `me`'s answer to a written question: `help`, `problems` or a question's id.
    pub fn set_written(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        field: &str,
        text: &str,
    ) -> Result<()> {
        let ok = WRITTEN.iter().any(|(f, _)| *f == field)
            || self.0.item(ItemList::Own.key(), field).is_ok();
        if !ok || field.contains('|') {
            return Err(SharedError::Missing);
        }
        self.0.introduce(me, name)?;
        let doc = self.0.writable()?;
        let answers = answers(doc)?;
        set_str(
            doc,
            &answers,
            &format!("{me}|{field}"),
            &clip(text, MAX_ANSWER),
        )?;
        set_i64(doc, &answers, &format!("{me}|at"), now)?;
        self.0.commit();
        Ok(())
    }
}

fn answers(doc: &mut AutoCommit) -> std::result::Result<automerge::ObjId, crate::doc::DocError> {
    // Made with the request; a copy without it (written by hand) gets one.
    Ok(match get_map(doc, &ROOT, "answers") {
        Some(map) => map,
        None => doc.put_object(ROOT, "answers", ObjType::Map)?,
    })
}

/// The edits a feedback request's screens make.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedbackEdit {
    SetMonth(Month),
    AddQuestion(String),
    SetScore(u8),
    SetWritten { field: String, text: String },
}

impl FeedbackEdit {
    pub fn is_authored(&self) -> bool {
        use FeedbackEdit::*;
        match self {
            SetScore(_) | SetWritten { .. } | AddQuestion(_) => true,
            SetMonth(_) => false,
        }
    }

    pub(super) fn apply(
        &self,
        mut doc: FeedbackDoc<'_>,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<()> {
        use FeedbackEdit::*;
        match self {
            SetMonth(month) => doc.set_month(*month),
            AddQuestion(text) => doc.add_question(me, name, now, text).map(drop),
            SetScore(score) => doc.set_score(me, name, now, *score),
            SetWritten { field, text } => doc.set_written(me, name, now, field, text),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::doc::shared::SharedError;

    fn request() -> SharedDoc {
        let mut d = SharedDoc::create_kind(DocKind::Feedback, "ana", "Ana", "November", 1);
        d.as_feedback()
            .unwrap()
            .set_month(Month::parse("2026-11").unwrap())
            .unwrap();
        d
    }

    fn copy(doc: &mut SharedDoc) -> SharedDoc {
        SharedDoc::from_stored(&doc.save()).unwrap()
    }

    #[test]
    fn two_people_answer_offline_and_both_answers_survive_the_merge() {
        let mut ana = request();
        let q = ana
            .as_feedback()
            .unwrap()
            .add_question("ana", "Ana", 2, " Is the weekly report useful? ")
            .unwrap();
        let mut ben = copy(&mut ana);
        let mut cy = copy(&mut ana);
        let mut f = ben.as_feedback().unwrap();
        f.set_score("ben", "Ben", 3, 4).unwrap();
        f.set_written("ben", "Ben", 3, "help", "Shorter updates")
            .unwrap();
        f.set_written("ben", "Ben", 4, &q, "Yes").unwrap();
        let mut f = cy.as_feedback().unwrap();
        f.set_score("cy", "Cy", 5, 9).unwrap();
        f.set_written("cy", "Cy", 5, "problems", "Replies come late")
            .unwrap();
        assert_eq!(
            f.set_written("cy", "Cy", 5, "nope", "x"),
            Err(SharedError::Missing)
        );
        ana.merge_document(&mut ben).unwrap();
        ana.merge_document(&mut cy).unwrap();
        let s = ana.state();
        let part = s.feedback();
        assert_eq!(part.month, "2026-11");
        assert_eq!(part.questions[0].text, "Is the weekly report useful?");
        assert_eq!(part.answers.len(), 2);
        let ben_answer = part.answer_of("ben").unwrap();
        assert_eq!(ben_answer.score, Some(4));
        assert_eq!(ben_answer.text(&q), "Yes");
        assert_eq!(ben_answer.at, 4);
        assert_eq!(part.answer_of("cy").unwrap().score, Some(5));
        assert_eq!(part.scores("ana").mean_tenths(), Some(45));
        assert_eq!(s.name_of("cy"), "Cy");
        let answered: Vec<bool> = s.responses().iter().map(|r| r.answered).collect();
        assert_eq!(answered, [true, true]);
        // A removed question's answers are no longer shown.
        ana.as_feedback()
            .unwrap()
            .add_question("ana", "Ana", 6, "Another")
            .unwrap();
        ana.set_gone(ItemList::Own, &q, true).unwrap();
        let s = ana.state();
        assert_eq!(s.feedback().questions.len(), 1);
        assert_eq!(s.feedback().answer_of("ben").unwrap().text(&q), "");
        assert_eq!(copy(&mut ana).state(), s);
    }

    #[test]
    fn other_kinds_have_no_feedback_handle_and_questions_are_bounded() {
        let mut discussion = SharedDoc::create("ana", "Ana", "x", 1);
        assert!(discussion.as_feedback().is_none());
        let mut d = request();
        for n in 0..MAX_QUESTIONS {
            d.as_feedback()
                .unwrap()
                .add_question("ana", "Ana", n as i64, "q")
                .unwrap();
        }
        assert_eq!(
            d.as_feedback().unwrap().add_question("ana", "Ana", 99, "q"),
            Err(SharedError::TooMany(MAX_QUESTIONS))
        );
    }
}
