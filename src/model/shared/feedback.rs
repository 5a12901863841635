//! A feedback request as a plain value: the framework's three questions (a score from 1
//! to 5, what would help, whether the person's way of working causes problems), the
//! owner's own questions, everyone's answers, and what the scores come to.

use std::collections::BTreeMap;

use super::envelope::{one_line, plural, Envelope, PersonId};
use super::news::News;

/// The score question, answered from 1 to 5.
pub const SCORE_QUESTION: &str = "How satisfied are you with my work this month?";
/// The two written questions every request asks, as (field, question).
pub const WRITTEN: [(&str, &str); 2] = [
    ("help", "What would help?"),
    ("problems", "Does my way of working cause you problems?"),
];
/// The words for scores 1 to 5.
pub const SCORE_WORDS: [&str; 5] = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neither",
    "Satisfied",
    "Very satisfied",
];

/// A question the owner added.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub at: i64,
}

/// One person's answers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answer {
    pub person: PersonId,
    /// When they last answered anything.
    pub at: i64,
    /// 1-5.
    pub score: Option<u8>,
    /// The written answers: the two every request asks (`help`, `problems`) and the
    /// owner's questions (by question id).
    pub written: BTreeMap<String, String>,
}

impl Answer {
    pub fn text(&self, field: &str) -> &str {
        self.written.get(field).map_or("", String::as_str)
    }

    /// Whether anything is answered.
    pub fn is_given(&self) -> bool {
        self.score.is_some() || self.written.values().any(|t| !t.trim().is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FeedbackPart {
    /// The month asked about, "YYYY-MM".
    pub month: String,
    pub questions: Vec<Question>,
    /// First answered first.
    pub answers: Vec<Answer>,
}

/// What scores came to: how many of each, 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Scores {
    pub of_each: [u32; 5],
}

impl Scores {
    pub fn add(&mut self, score: u8) {
        if (1..=5).contains(&score) {
            self.of_each[usize::from(score - 1)] += 1;
        }
    }

    pub fn count(&self) -> u32 {
        self.of_each.iter().sum()
    }

    /// The mean in tenths (42 for 4.2), rounded half up; `None` with no score.
    pub fn mean_tenths(&self) -> Option<u32> {
        let count = self.count();
        let sum: u32 = (1..=5).zip(self.of_each).map(|(s, n)| s * n).sum();
        (count > 0).then(|| (sum * 20 + count) / (count * 2))
    }
}

impl FeedbackPart {
    /// Nothing yet: what a screen of another kind reads.
    pub const EMPTY: FeedbackPart = FeedbackPart {
        month: String::new(),
        questions: Vec::new(),
        answers: Vec::new(),
    };

    pub fn answer_of(&self, person: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.person == person)
    }

    pub fn has_answered(&self, person: &str) -> bool {
        self.answer_of(person).is_some_and(Answer::is_given)
    }

    /// The scores given, leaving out the owner's own (someone trying the form).
    pub fn scores(&self, owner: &str) -> Scores {
        let mut scores = Scores::default();
        for score in self
            .answers
            .iter()
            .filter(|a| a.person != owner)
            .filter_map(|a| a.score)
        {
            scores.add(score);
        }
        scores
    }

    /// Answers others gave or changed since `old`, counted into `news`.
    pub fn news_since(&self, old: &FeedbackPart, me: &str, news: &mut News) {
        for a in &self.answers {
            let changed = old.answer_of(&a.person) != Some(a);
            if a.person != me && a.is_given() && changed {
                news.answers.insert(("feedback".into(), a.person.clone()));
                news.count(&a.person, |n| &mut n.feedback);
            }
        }
    }
}

/// "4.2" from tenths.
pub fn mean_words(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The request and its answers as Markdown.
pub fn markdown(state: &Envelope, f: &FeedbackPart) -> String {
    let mut md = format!("# {}\n\n", one_line(state.title_or("Feedback")));
    let scores = f.scores(&state.owner);
    if let Some(mean) = scores.mean_tenths() {
        md.push_str(&format!(
            "Satisfaction: {} of 5 from {}\n",
            mean_words(mean),
            plural(scores.count() as usize, "answer", "answers")
        ));
    }
    for a in f.answers.iter().filter(|a| a.is_given()) {
        md.push_str(&format!("\n## {}\n\n", one_line(&state.name_of(&a.person))));
        if let Some(s) = a.score {
            md.push_str(&format!("- {SCORE_QUESTION} {s} of 5\n"));
        }
        let own = f.questions.iter().map(|q| (q.id.as_str(), q.text.as_str()));
        for (field, question) in WRITTEN.into_iter().chain(own) {
            let text = a.text(field).trim();
            if !text.is_empty() {
                md.push_str(&format!("- {} {}\n", one_line(question), one_line(text)));
            }
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(person: &str, score: Option<u8>, help: &str) -> Answer {
        Answer {
            person: person.into(),
            at: 1,
            score,
            written: [("help".to_string(), help.to_string())].into(),
        }
    }

    #[test]
    fn scores_leave_out_the_owner_and_round_half_up() {
        let f = FeedbackPart {
            answers: vec![
                answer("ana", Some(1), ""),
                answer("ben", Some(4), ""),
                answer("cy", Some(5), "x"),
                answer("dee", None, "More notice"),
                answer("eve", Some(4), ""),
            ],
            ..Default::default()
        };
        let s = f.scores("ana");
        assert_eq!(s.of_each, [0, 0, 0, 2, 1]);
        // (4 + 5 + 4) / 3 = 4.333…
        assert_eq!(s.mean_tenths(), Some(43));
        let mut half = Scores::default();
        half.add(4);
        half.add(5);
        half.add(9);
        assert_eq!(half.count(), 2);
        assert_eq!(half.mean_tenths(), Some(45));
        assert_eq!(Scores::default().mean_tenths(), None);
        assert!(f.has_answered("dee") && !f.has_answered("zed"));
        assert!(!answer("x", None, " ").is_given());
        assert_eq!(mean_words(43), "4.3");
    }

    #[test]
    fn news_counts_new_and_changed_answers_of_others() {
        let old = FeedbackPart {
            answers: vec![answer("ben", Some(4), "")],
            ..Default::default()
        };
        let mut new = old.clone();
        new.answers.push(answer("cy", Some(2), "Fewer calls"));
        new.answers.push(answer("ana", Some(5), ""));
        let mut news = News::default();
        new.news_since(&old, "ana", &mut news);
        assert_eq!(news.total(), 1);
        let envelope = Envelope {
            people: [("cy".to_string(), "Cy".to_string())].into(),
            ..Default::default()
        };
        assert_eq!(news.sentence(&envelope), "Cy answered the request.");
        new.answers[0].score = Some(3);
        let mut news = News::default();
        new.news_since(&old, "ana", &mut news);
        assert_eq!(news.total(), 2);
    }

    #[test]
    fn markdown_lists_each_answer_under_its_person() {
        let envelope = Envelope {
            title: "November".into(),
            owner: "ana".into(),
            people: [("ben".to_string(), "Ben".to_string())].into(),
            ..Default::default()
        };
        let f = FeedbackPart {
            questions: vec![Question {
                id: "q1".into(),
                text: "Is the report useful?".into(),
                at: 1,
            }],
            answers: vec![Answer {
                written: [
                    ("help".to_string(), "Shorter\nupdates".to_string()),
                    ("q1".to_string(), "Yes".to_string()),
                ]
                .into(),
                ..answer("ben", Some(4), "")
            }],
            ..Default::default()
        };
        let md = markdown(&envelope, &f);
        assert!(md.starts_with("# November\n\nSatisfaction: 4.0 of 5 from 1 answer\n"));
        assert!(md.contains("## Ben\n\n- How satisfied are you with my work this month? 4 of 5\n- What would help? Shorter updates\n- Is the report useful? Yes\n"));
    }
}
