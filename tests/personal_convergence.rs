#![cfg(not(target_arch = "wasm32"))]
//! Property: two replicas of a personal document that edit independently converge
//! to the same tasks whichever way round they merge.

use chrono::NaiveDate;
use proptest::prelude::*;
use unhurried::doc::PersonalDoc;
use unhurried::model::inventory::{DecisionKind, Frequency, SyncReason, Task, TaskId};

#[derive(Clone, Debug)]
enum Edit {
    Add {
        id: u8,
        title: String,
    },
    Retitle {
        id: u8,
        title: String,
    },
    Minutes {
        id: u8,
        minutes: u32,
    },
    ToggleReason {
        id: u8,
        reason: usize,
    },
    PerMonth {
        id: u8,
        n: u32,
    },
    Decide {
        id: u8,
        kind: usize,
    },
    /// Marks the decision carried out on day `d` of December 2026, or clears it (`None`).
    CarryOut {
        id: u8,
        day: Option<u32>,
    },
    Delete {
        id: u8,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let id = 0u8..6;
    prop_oneof![
        (id.clone(), "[a-z ]{0,8}").prop_map(|(id, title)| Edit::Add { id, title }),
        (id.clone(), "[a-z]{0,8}").prop_map(|(id, title)| Edit::Retitle { id, title }),
        (id.clone(), 0u32..500).prop_map(|(id, minutes)| Edit::Minutes { id, minutes }),
        (id.clone(), 0usize..7).prop_map(|(id, reason)| Edit::ToggleReason { id, reason }),
        (id.clone(), 1u32..9).prop_map(|(id, n)| Edit::PerMonth { id, n }),
        (id.clone(), 0usize..7).prop_map(|(id, kind)| Edit::Decide { id, kind }),
        (id.clone(), prop::option::of(1u32..29)).prop_map(|(id, day)| Edit::CarryOut { id, day }),
        id.prop_map(|id| Edit::Delete { id }),
    ]
}

fn apply(doc: &mut PersonalDoc, edit: &Edit) {
    let tid = |id: &u8| TaskId::new(format!("t{id}"));
    let existing = |doc: &PersonalDoc, id: &u8| doc.task(&tid(id));
    match edit {
        Edit::Add { id, title } => {
            if existing(doc, id).is_none() {
                doc.put_task(&Task::new(tid(id), title.clone(), i64::from(*id)))
                    .unwrap();
            }
        }
        Edit::Retitle { id, title } => {
            if let Some(mut t) = existing(doc, id) {
                t.title = title.clone();
                doc.put_task(&t).unwrap();
            }
        }
        Edit::Minutes { id, minutes } => {
            if let Some(mut t) = existing(doc, id) {
                t.minutes = *minutes;
                doc.put_task(&t).unwrap();
            }
        }
        Edit::ToggleReason { id, reason } => {
            if let Some(mut t) = existing(doc, id) {
                let r = SyncReason::ALL[*reason];
                if !t.reasons.remove(&r) {
                    t.reasons.insert(r);
                }
                doc.put_task(&t).unwrap();
            }
        }
        Edit::PerMonth { id, n } => {
            if let Some(mut t) = existing(doc, id) {
                t.frequency = Frequency::TimesPerMonth(*n);
                doc.put_task(&t).unwrap();
            }
        }
        Edit::Decide { id, kind } => {
            if let Some(mut t) = existing(doc, id) {
                t.set_decision(DecisionKind::ALL[*kind].with_detail("tool"));
                doc.put_task(&t).unwrap();
            }
        }
        Edit::CarryOut { id, day } => {
            if let Some(mut t) = existing(doc, id) {
                t.carried_out = day.and_then(|d| NaiveDate::from_ymd_opt(2026, 12, d));
                doc.put_task(&t).unwrap();
            }
        }
        Edit::Delete { id } => {
            doc.delete_task(&tid(id)).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn replicas_converge_in_either_merge_order(
        common in prop::collection::vec(edit(), 0..10),
        left in prop::collection::vec(edit(), 0..15),
        right in prop::collection::vec(edit(), 0..15),
    ) {
        let mut origin = PersonalDoc::new();
        for e in &common {
            apply(&mut origin, e);
        }
        let base = origin.save();
        let mut a = PersonalDoc::from_stored(&base).unwrap();
        let mut b = PersonalDoc::from_stored(&base).unwrap();
        for e in &left {
            apply(&mut a, e);
        }
        for e in &right {
            apply(&mut b, e);
        }
        let (a_bytes, b_bytes) = (a.save(), b.save());
        a.merge_bytes(unhurried::codec::chunks::check_stored(&b_bytes).unwrap()).unwrap();
        b.merge_bytes(unhurried::codec::chunks::check_stored(&a_bytes).unwrap()).unwrap();
        prop_assert_eq!(a.tasks(), b.tasks());
        // Task ids are never duplicated.
        let mut ids: Vec<TaskId> = a.tasks().into_iter().map(|t| t.id).collect();
        let n = ids.len();
        ids.dedup();
        prop_assert_eq!(ids.len(), n);
    }

    #[test]
    fn separately_started_replicas_converge(
        left in prop::collection::vec(edit(), 0..12),
        right in prop::collection::vec(edit(), 0..12),
    ) {
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::new();
        for e in &left {
            apply(&mut a, e);
        }
        for e in &right {
            apply(&mut b, e);
        }
        let (a_bytes, b_bytes) = (a.save(), b.save());
        b.merge_bytes(unhurried::codec::chunks::check_stored(&a_bytes).unwrap()).unwrap();
        a.merge_bytes(unhurried::codec::chunks::check_stored(&b_bytes).unwrap()).unwrap();
        prop_assert_eq!(a.state(), b.state());
    }
}
