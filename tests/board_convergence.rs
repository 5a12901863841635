#![cfg(not(target_arch = "wasm32"))]
//! Property: three replicas of a stand-up board that add, move and edit cards offline,
//! and pass reply links between them in any order, converge to one board on which
//! every card ever added appears exactly once, in one column, and every status card
//! exactly once in the stand-up view (today's or history) wherever it is seen from.

use std::collections::{BTreeMap, BTreeSet};

mod replicas;

use proptest::prelude::*;
use replicas::sync;
use unhurried::doc::shared::SharedDoc;
use unhurried::model::kind::DocKind;
use unhurried::model::shared::board::{Column, StatusCard, StatusTag};

#[derive(Clone, Debug)]
enum Op {
    Add {
        title: String,
        column: usize,
    },
    Move {
        card: usize,
        column: usize,
        rank: i8,
    },
    Edit {
        card: usize,
        field: usize,
        text: String,
    },
    Status {
        day: u8,
        tag: usize,
        text: String,
    },
    /// Replica `from` sends a reply link to `to`: the changes `to` lacks.
    Sync {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = (usize, Op)> {
    let who = 0usize..3;
    let op = prop_oneof![
        ("[a-z]{1,6}", 0usize..4).prop_map(|(title, column)| Op::Add { title, column }),
        (0usize..8, 0usize..4, any::<i8>()).prop_map(|(card, column, rank)| Op::Move {
            card,
            column,
            rank
        }),
        (0usize..8, 0usize..3, "[a-z]{0,5}").prop_map(|(card, field, text)| Op::Edit {
            card,
            field,
            text
        }),
        (0u8..3, 0usize..3, "[a-z]{0,5}").prop_map(|(day, tag, text)| Op::Status {
            day,
            tag,
            text
        }),
        (0usize..3, 0usize..3).prop_map(|(from, to)| Op::Sync { from, to }),
    ];
    (who, op)
}

const PEOPLE: [&str; 3] = ["ana", "ben", "cy"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn three_replicas_converge_without_losing_or_doubling_cards(
        ops in prop::collection::vec(op(), 1..40),
        order in prop::sample::subsequence(vec![0usize, 1, 2], 3).prop_shuffle(),
    ) {
        let mut first = SharedDoc::create_kind(DocKind::Board, "ana", "Ana", "Team", 0);
        first.as_board().unwrap().add_card("ana", "Ana", 0, "seed", Column::Todo, 1.0).unwrap();
        let bytes = first.save();
        let mut replicas: Vec<SharedDoc> =
            (0..3).map(|_| SharedDoc::from_stored(&bytes).unwrap()).collect();
        let mut added: BTreeSet<String> = replicas[0]
            .state()
            .board()
            .cards
            .iter()
            .map(|c| c.id.clone())
            .collect();
        // Every column each card was ever put in, by anyone.
        let mut columns: BTreeMap<String, BTreeSet<Column>> = added
            .iter()
            .map(|id| (id.clone(), BTreeSet::from([Column::Todo])))
            .collect();
        for (t, (who, op)) in ops.iter().enumerate() {
            let now = t as i64 + 1;
            let me = PEOPLE[*who];
            let cards = |r: &SharedDoc| -> Vec<String> {
                let mut ids: Vec<String> =
                    r.state().board().clone().cards.iter().map(|c| c.id.clone()).collect();
                ids.sort();
                ids
            };
            match op {
                Op::Add { title, column } => {
                    let column = Column::ALL[*column];
                    let id = replicas[*who]
                        .as_board()
                        .unwrap()
                        .add_card(me, me, now, title, column, now as f64)
                        .unwrap();
                    columns.entry(id.clone()).or_default().insert(column);
                    added.insert(id);
                }
                Op::Move { card, column, rank } => {
                    let ids = cards(&replicas[*who]);
                    if let Some(id) = ids.get(card % ids.len().max(1)) {
                        let column = Column::ALL[*column];
                        replicas[*who]
                            .as_board()
                            .unwrap()
                            .move_card(me, now, id, column, f64::from(*rank))
                            .unwrap();
                        columns.entry(id.clone()).or_default().insert(column);
                    }
                }
                Op::Edit { card, field, text } => {
                    let ids = cards(&replicas[*who]);
                    if let Some(id) = ids.get(card % ids.len().max(1)) {
                        let c = replicas[*who].state().board().card(id).cloned().unwrap();
                        let (mut title, mut note, mut owner) = (c.title, c.note, c.owner);
                        match field {
                            0 => title = text.clone(),
                            1 => note = text.clone(),
                            _ => owner = text.clone(),
                        }
                        replicas[*who].as_board().unwrap().update_card(id, &title, &note, &owner).unwrap();
                    }
                }
                Op::Status { day, tag, text } => {
                    let status = StatusCard {
                        date: format!("2026-11-2{day}"),
                        zone: ["Asia/Kolkata", "America/Los_Angeles", ""][*who].into(),
                        doing: text.clone(),
                        tag: StatusTag::ALL[*tag],
                        ..StatusCard::default()
                    };
                    replicas[*who].as_board().unwrap().post_status(me, me, now, &status).unwrap();
                }
                Op::Sync { from, to } => sync(&mut replicas, *from, *to),
            }
        }
        // Everyone passes their last link around, in a random order, twice.
        for _ in 0..2 {
            for w in order.windows(2) {
                sync(&mut replicas, w[0], w[1]);
            }
            sync(&mut replicas, order[2], order[0]);
        }
        let states: Vec<_> = replicas.iter().map(|r| r.state()).collect();
        prop_assert_eq!(&states[0], &states[1]);
        prop_assert_eq!(&states[1], &states[2]);
        let board = states[0].board();
        let ids: Vec<&str> = board.cards.iter().map(|c| c.id.as_str()).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(ids.len(), unique.len(), "a card is doubled");
        prop_assert_eq!(
            unique,
            added.iter().map(String::as_str).collect::<BTreeSet<_>>(),
            "a card is lost"
        );
        let in_columns: usize = Column::ALL.iter().map(|&c| board.column(c).len()).sum();
        prop_assert_eq!(in_columns, board.cards.len());
        for card in &board.cards {
            prop_assert!(columns[&card.id].contains(&card.column));
        }
        // One status card per person per day.
        let keys: BTreeSet<(&str, &str)> = board
            .statuses
            .iter()
            .map(|s| (s.person.as_str(), s.date.as_str()))
            .collect();
        prop_assert_eq!(keys.len(), board.statuses.len());
        // Seen from any zone at any moment, each card is either today's or history, and
        // today holds at most one card per person.
        for (now, zone) in [(20, "Asia/Kolkata"), (1, "America/Los_Angeles"), (86_400_050, "UTC")] {
            let view = board.standup(now, zone);
            let people: BTreeSet<&str> = view.today.iter().map(|c| c.person.as_str()).collect();
            prop_assert_eq!(people.len(), view.today.len());
            let shown = view.today.len() + view.history.iter().map(|(_, c)| c.len()).sum::<usize>();
            prop_assert_eq!(shown, board.statuses.len());
        }
    }
}
