//! An intake form's rules as plain values (issue 16): questions of eight types in
//! sections, each optionally required; a "which of these fits you" question whose
//! answer skips sections; which sections a respondent sees, and what is wrong with their
//! answers, in words. The form kind and its screens build on this.

use chrono::NaiveDate;

use super::shared::envelope::{checked_link, plausible_email};

/// What a question asks for.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Ask {
    #[default]
    ShortText,
    LongText,
    /// One of the options.
    OneChoice(Vec<String>),
    /// Any number of the options.
    SeveralChoices(Vec<String>),
    Number,
    Date,
    Email,
    /// An http(s) address.
    Link,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub ask: Ask,
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

/// When the answer to a one-choice question is `choice`, the sections `skips` are not
/// shown (and their questions are not required).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Skip {
    pub question: String,
    pub choice: String,
    pub skips: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    pub sections: Vec<Section>,
    pub skips: Vec<Skip>,
}

/// One answer as the respondent gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Text(String),
    Choices(Vec<String>),
}

impl Answer {
    fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Choices(c) => c.is_empty(),
        }
    }
}

/// What is wrong with one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("This question needs an answer.")]
    Required,
    #[error("Type a number, such as 12 or 4.5.")]
    NotANumber,
    #[error("Pick a date.")]
    NotADate,
    #[error("Type an e-mail address, such as name@example.com.")]
    NotAnEmail,
    #[error("Type a web address that starts with https://.")]
    NotALink,
    #[error("Pick one of the options.")]
    NotAnOption,
    #[error("That answer is too long.")]
    TooLong,
}

/// Longest answer kept: a long text is a few pages at most.
pub const MAX_ANSWER: usize = 10_000;

impl Form {
    /// The sections the respondent sees with the answers given so far, in order.
    pub fn shown<'a>(&'a self, answers: &dyn Fn(&str) -> Option<&'a Answer>) -> Vec<&'a Section> {
        let skipped: Vec<&str> = self
            .skips
            .iter()
            .filter(|s| {
                matches!(answers(&s.question), Some(Answer::Choices(c)) if c.len() == 1 && c[0] == s.choice)
            })
            .flat_map(|s| s.skips.iter().map(String::as_str))
            .collect();
        self.sections
            .iter()
            .filter(|s| !skipped.contains(&s.id.as_str()))
            .collect()
    }

    /// What is wrong with the answers, question by question, in the sections shown; an
    /// empty list means the form can be sent.
    pub fn problems<'a>(
        &'a self,
        answers: &dyn Fn(&str) -> Option<&'a Answer>,
    ) -> Vec<(&'a str, AnswerProblem)> {
        let mut out = Vec::new();
        for section in self.shown(answers) {
            for q in &section.questions {
                if let Some(problem) = check(q, answers(&q.id)) {
                    out.push((q.id.as_str(), problem));
                }
            }
        }
        out
    }
}

/// What is wrong with one answer to `q`, if anything.
pub fn check(q: &Question, answer: Option<&Answer>) -> Option<AnswerProblem> {
    let Some(answer) = answer.filter(|a| !a.is_empty()) else {
        return q.required.then_some(AnswerProblem::Required);
    };
    match (&q.ask, answer) {
        (_, Answer::Text(t)) if t.len() > MAX_ANSWER => Some(AnswerProblem::TooLong),
        (Ask::ShortText | Ask::LongText, Answer::Text(_)) => None,
        (Ask::Number, Answer::Text(t)) => {
            let t = t.trim().replace(',', ".");
            (!t.parse::<f64>().is_ok_and(f64::is_finite)).then_some(AnswerProblem::NotANumber)
        }
        (Ask::Date, Answer::Text(t)) => NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .is_err()
            .then_some(AnswerProblem::NotADate),
        (Ask::Email, Answer::Text(t)) => {
            (!plausible_email(t.trim())).then_some(AnswerProblem::NotAnEmail)
        }
        (Ask::Link, Answer::Text(t)) => checked_link(t).is_err().then_some(AnswerProblem::NotALink),
        (Ask::OneChoice(options), Answer::Choices(c)) => {
            (c.len() != 1 || !options.contains(&c[0])).then_some(AnswerProblem::NotAnOption)
        }
        (Ask::SeveralChoices(options), Answer::Choices(c)) => {
            (!c.iter().all(|x| options.contains(x))).then_some(AnswerProblem::NotAnOption)
        }
        // Text for a choice, or choices for a text: not what was asked.
        (Ask::OneChoice(_) | Ask::SeveralChoices(_), Answer::Text(_)) => {
            Some(AnswerProblem::NotAnOption)
        }
        (_, Answer::Choices(_)) => Some(AnswerProblem::NotAnOption),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn q(id: &str, ask: Ask, required: bool) -> Question {
        Question {
            id: id.into(),
            text: format!("Question {id}"),
            ask,
            required,
        }
    }

    fn opts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// "Which of these fits you?" A business skips the personal section; a person skips
    /// the company section.
    fn form() -> Form {
        Form {
            sections: vec![
                Section {
                    id: "who".into(),
                    title: "You".into(),
                    questions: vec![
                        q(
                            "fits",
                            Ask::OneChoice(opts(&["A business", "A person"])),
                            true,
                        ),
                        q("email", Ask::Email, true),
                    ],
                },
                Section {
                    id: "company".into(),
                    title: "Your company".into(),
                    questions: vec![q("size", Ask::Number, true), q("site", Ask::Link, false)],
                },
                Section {
                    id: "personal".into(),
                    title: "About you".into(),
                    questions: vec![q("start", Ask::Date, true), q("more", Ask::LongText, false)],
                },
                Section {
                    id: "needs".into(),
                    title: "What you need".into(),
                    questions: vec![q(
                        "services",
                        Ask::SeveralChoices(opts(&["Design", "Build", "Support"])),
                        true,
                    )],
                },
            ],
            skips: vec![
                Skip {
                    question: "fits".into(),
                    choice: "A business".into(),
                    skips: vec!["personal".into()],
                },
                Skip {
                    question: "fits".into(),
                    choice: "A person".into(),
                    skips: vec!["company".into()],
                },
            ],
        }
    }

    fn text(t: &str) -> Answer {
        Answer::Text(t.into())
    }

    fn picked(list: &[&str]) -> Answer {
        Answer::Choices(opts(list))
    }

    fn run<'a>(
        form: &'a Form,
        answers: &'a BTreeMap<&str, Answer>,
    ) -> (Vec<&'a str>, Vec<(&'a str, AnswerProblem)>) {
        let get = |id: &str| answers.get(id);
        let shown = form.shown(&get).iter().map(|s| s.id.as_str()).collect();
        (shown, form.problems(&get))
    }

    #[test]
    fn the_fitting_answer_skips_sections_and_their_required_questions() {
        let f = form();
        let mut a = BTreeMap::new();
        // Nothing answered: every section, every required question missing.
        let (shown, problems) = run(&f, &a);
        assert_eq!(shown, ["who", "company", "personal", "needs"]);
        assert_eq!(problems.len(), 5);
        assert!(problems.iter().all(|(_, p)| *p == AnswerProblem::Required));

        a.insert("fits", picked(&["A business"]));
        a.insert("email", text("ops@example.com"));
        a.insert("size", text("12"));
        a.insert("services", picked(&["Design", "Support"]));
        let (shown, problems) = run(&f, &a);
        assert_eq!(shown, ["who", "company", "needs"]);
        assert!(problems.is_empty(), "{problems:?}");

        // Changing the answer brings the personal section back and hides the company's.
        a.insert("fits", picked(&["A person"]));
        let (shown, problems) = run(&f, &a);
        assert_eq!(shown, ["who", "personal", "needs"]);
        assert_eq!(problems, [("start", AnswerProblem::Required)]);
    }

    #[test]
    fn each_type_is_checked_in_words() {
        let cases: [(Ask, Answer, Option<AnswerProblem>); 16] = [
            (Ask::Number, text(" 4,5 "), None),
            (Ask::Number, text("four"), Some(AnswerProblem::NotANumber)),
            (Ask::Number, text("NaN"), Some(AnswerProblem::NotANumber)),
            (Ask::Date, text("2026-12-24"), None),
            (Ask::Date, text("24/12/2026"), Some(AnswerProblem::NotADate)),
            (Ask::Email, text("ana@example.org"), None),
            (
                Ask::Email,
                text("ana@example"),
                Some(AnswerProblem::NotAnEmail),
            ),
            (Ask::Link, text("https://example.org/brief"), None),
            (
                Ask::Link,
                text("javascript:alert(1)"),
                Some(AnswerProblem::NotALink),
            ),
            (Ask::OneChoice(opts(&["a", "b"])), picked(&["b"]), None),
            (
                Ask::OneChoice(opts(&["a", "b"])),
                picked(&["a", "b"]),
                Some(AnswerProblem::NotAnOption),
            ),
            (
                Ask::OneChoice(opts(&["a", "b"])),
                picked(&["c"]),
                Some(AnswerProblem::NotAnOption),
            ),
            (
                Ask::SeveralChoices(opts(&["a", "b"])),
                picked(&["a", "b"]),
                None,
            ),
            (
                Ask::SeveralChoices(opts(&["a"])),
                text("a"),
                Some(AnswerProblem::NotAnOption),
            ),
            (
                Ask::ShortText,
                picked(&["a"]),
                Some(AnswerProblem::NotAnOption),
            ),
            (
                Ask::LongText,
                text(&"x".repeat(MAX_ANSWER + 1)),
                Some(AnswerProblem::TooLong),
            ),
        ];
        for (ask, answer, want) in cases {
            let question = q("q", ask.clone(), false);
            assert_eq!(check(&question, Some(&answer)), want, "{ask:?} {answer:?}");
        }
        // An empty answer is fine unless the question is required.
        assert_eq!(check(&q("q", Ask::Email, false), Some(&text("  "))), None);
        assert_eq!(
            check(&q("q", Ask::Email, true), Some(&text("  "))),
            Some(AnswerProblem::Required)
        );
        assert_eq!(
            check(
                &q("q", Ask::SeveralChoices(opts(&["a"])), true),
                Some(&picked(&[]))
            ),
            Some(AnswerProblem::Required)
        );
        assert!(AnswerProblem::NotALink.to_string().contains("https://"));
    }
}
