#![cfg(not(target_arch = "wasm32"))]
//! Property (issue 14): four replicas of a feedback request, its owner adding questions
//! while three people answer and change their answers offline, passing reply links in
//! any order, converge once everyone has everything: each person's answers are the last
//! they gave, nobody's answer is lost or mixed with another's, and the scores add up.

use std::collections::BTreeMap;

mod replicas;

use proptest::prelude::*;
use replicas::sync;
use unhurried::doc::shared::SharedDoc;
use unhurried::model::kind::DocKind;

#[derive(Clone, Debug)]
enum Op {
    /// The owner adds a question.
    Ask(String),
    /// Someone gives a score.
    Score(u8),
    /// Someone answers a written question: one of the two every request asks, or one of
    /// the owner's that their copy has.
    Write { question: usize, text: String },
    /// Replica `from` sends a reply link to `to`: the changes `to` lacks.
    Sync { from: usize, to: usize },
}

const PEOPLE: [&str; 4] = ["ana", "ben", "cy", "dee"];

fn op() -> impl Strategy<Value = (usize, Op)> {
    prop_oneof![
        1 => "[a-z]{1,6}".prop_map(|t| (0, Op::Ask(t))),
        2 => (1usize..4, 1u8..6).prop_map(|(who, s)| (who, Op::Score(s))),
        3 => (1usize..4, 0usize..5, "[a-z ]{0,8}")
            .prop_map(|(who, question, text)| (who, Op::Write { question, text })),
        2 => (0usize..4, 0usize..4).prop_map(|(from, to)| (from, Op::Sync { from, to })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_answer_is_kept_under_its_writer(
        ops in prop::collection::vec(op(), 1..40),
        order in prop::sample::subsequence(vec![0usize, 1, 2, 3], 4).prop_shuffle(),
    ) {
        let bytes = SharedDoc::create_kind(DocKind::Feedback, "ana", "Ana", "November", 0).save();
        let mut replicas: Vec<SharedDoc> =
            (0..4).map(|_| SharedDoc::from_stored(&bytes).unwrap()).collect();
        // What each person last gave: their score, and each written answer by field.
        let mut scores: BTreeMap<&str, u8> = BTreeMap::new();
        let mut written: BTreeMap<(&str, String), String> = BTreeMap::new();
        for (t, (who, op)) in ops.iter().enumerate() {
            let now = t as i64 + 1;
            let me = PEOPLE[*who];
            match op {
                Op::Ask(text) => {
                    replicas[0].as_feedback().unwrap().add_question(me, me, now, text).unwrap();
                }
                Op::Score(s) => {
                    replicas[*who].as_feedback().unwrap().set_score(me, me, now, *s).unwrap();
                    scores.insert(me, *s);
                }
                Op::Write { question, text } => {
                    let fields: Vec<String> = ["help", "problems"]
                        .into_iter()
                        .map(str::to_owned)
                        .chain(replicas[*who].state().feedback().questions.iter().map(|q| q.id.clone()))
                        .collect();
                    let field = fields[question % fields.len()].clone();
                    replicas[*who].as_feedback().unwrap().set_written(me, me, now, &field, text).unwrap();
                    written.insert((me, field), text.clone());
                }
                Op::Sync { from, to } => sync(&mut replicas, *from, *to),
            }
        }
        // Everyone sends to everyone, in the drawn order, twice round.
        replicas::exchange_all(&mut replicas, &order);
        let state = replicas[0].state();
        for r in &replicas[1..] {
            prop_assert_eq!(&r.state(), &state);
        }
        let part = state.feedback();
        for (who, score) in &scores {
            prop_assert_eq!(part.answer_of(who).and_then(|a| a.score), Some(*score));
        }
        for ((who, field), text) in &written {
            let answer = part.answer_of(who).expect("an answer for each writer");
            prop_assert_eq!(answer.text(field), text.as_str());
        }
        // Nobody has answers they never gave.
        for a in &part.answers {
            prop_assert!(
                scores.contains_key(a.person.as_str())
                    || written.keys().any(|(w, _)| *w == a.person.as_str())
            );
        }
        prop_assert_eq!(part.scores("ana").count() as usize, scores.len());
    }
}
