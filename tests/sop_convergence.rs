#![cfg(not(target_arch = "wasm32"))]
//! Property (issue 13): three replicas of an SOP, the owner editing and reordering its
//! steps while two delegates start, tick and finish runs offline, passing reply links
//! in any order, converge to one SOP in which every run ever started appears exactly
//! once and still shows the step text it was started with.

use std::collections::{BTreeMap, BTreeSet};

mod replicas;

use proptest::prelude::*;
use replicas::sync;
use unhurried::doc::shared::SharedDoc;
use unhurried::model::kind::DocKind;
use unhurried::model::shared::sop::Step;

#[derive(Clone, Debug)]
enum Op {
    /// The owner adds a step.
    AddStep(String),
    /// The owner rewrites a step's text.
    EditStep { step: usize, text: String },
    /// The owner moves a step to another rank.
    Rank { step: usize, rank: i8 },
    /// A delegate starts a run.
    Start,
    /// A delegate ticks a step of one of their runs.
    Tick { run: usize, step: usize },
    /// A delegate finishes one of their runs.
    Finish { run: usize },
    /// Replica `from` sends a reply link to `to`: the changes `to` lacks.
    Sync { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = (usize, Op)> {
    prop_oneof![
        "[a-z]{1,6}".prop_map(|t| (0, Op::AddStep(t))),
        (0usize..6, "[a-z]{1,6}").prop_map(|(step, text)| (0, Op::EditStep { step, text })),
        (0usize..6, any::<i8>()).prop_map(|(step, rank)| (0, Op::Rank { step, rank })),
        (1usize..3).prop_map(|who| (who, Op::Start)),
        (1usize..3, 0usize..4, 0usize..6)
            .prop_map(|(who, run, step)| (who, Op::Tick { run, step })),
        (1usize..3, 0usize..4).prop_map(|(who, run)| (who, Op::Finish { run })),
        (0usize..3, 0usize..3).prop_map(|(from, to)| (from, Op::Sync { from, to })),
    ]
}

const PEOPLE: [&str; 3] = ["ana", "ben", "cy"];

fn step(text: &str, rank: f64) -> Step {
    Step {
        text: text.into(),
        minutes: 5,
        rank,
        ..Step::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn runs_are_kept_once_with_the_text_they_ran(
        ops in prop::collection::vec(op(), 1..40),
        order in prop::sample::subsequence(vec![0usize, 1, 2], 3).prop_shuffle(),
    ) {
        let mut first = SharedDoc::create_kind(DocKind::Sop, "ana", "Ana", "Invoices", 0);
        for (n, t) in ["open", "check", "send"].iter().enumerate() {
            first.as_sop().unwrap().add_step("ana", "Ana", 0, &step(t, n as f64)).unwrap();
        }
        let bytes = first.save();
        let mut replicas: Vec<SharedDoc> =
            (0..3).map(|_| SharedDoc::from_stored(&bytes).unwrap()).collect();
        // Each run, with the step texts it was started with.
        let mut started: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut mine: [Vec<String>; 3] = Default::default();
        for (t, (who, op)) in ops.iter().enumerate() {
            let now = t as i64 + 1;
            let me = PEOPLE[*who];
            let steps = |r: &mut SharedDoc| r.as_sop().unwrap().part().steps;
            match op {
                Op::AddStep(text) => {
                    replicas[0].as_sop().unwrap().add_step(me, me, now, &step(text, now as f64)).unwrap();
                }
                Op::EditStep { step, text } => {
                    let list = steps(&mut replicas[0]);
                    let mut s = list[step % list.len()].clone();
                    s.text = text.clone();
                    replicas[0].as_sop().unwrap().update_step(me, now, &s).unwrap();
                }
                Op::Rank { step, rank } => {
                    let list = steps(&mut replicas[0]);
                    let id = list[step % list.len()].id.clone();
                    replicas[0].as_sop().unwrap().rank_steps(&[(id, f64::from(*rank))]).unwrap();
                }
                Op::Start => {
                    let texts: BTreeMap<String, String> = steps(&mut replicas[*who])
                        .into_iter().map(|s| (s.id, s.text)).collect();
                    let id = replicas[*who].as_sop().unwrap().start_run(me, me, now, false).unwrap();
                    started.insert(id.clone(), texts);
                    mine[*who].push(id);
                }
                Op::Tick { run, step } => {
                    if let Some(id) = mine[*who].get(run % mine[*who].len().max(1)).cloned() {
                        let list = steps(&mut replicas[*who]);
                        let s = list[step % list.len()].id.clone();
                        replicas[*who].as_sop().unwrap().tick_step(&id, &s, true).unwrap();
                    }
                }
                Op::Finish { run } => {
                    if let Some(id) = mine[*who].get(run % mine[*who].len().max(1)).cloned() {
                        replicas[*who].as_sop().unwrap().finish_run(&id, now).unwrap();
                    }
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
        let runs = &state.sop().runs;
        let ids: Vec<&String> = runs.iter().map(|r| &r.id).collect();
        let unique: BTreeSet<&String> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len(), "no run doubled");
        prop_assert_eq!(
            unique.into_iter().cloned().collect::<BTreeSet<String>>(),
            started.keys().cloned().collect::<BTreeSet<String>>(),
            "every run kept"
        );
        for run in runs {
            let texts: BTreeMap<String, String> = run
                .steps_in_order()
                .map(|(id, s)| (id.clone(), s.text.clone()))
                .collect();
            prop_assert_eq!(&texts, &started[&run.id], "run {} keeps its text", run.id);
        }
    }
}
