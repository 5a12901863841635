//! Benchmarks for the monthly review with two years of data: 500 deadlines with their
//! outcomes, 200 tasks and 24 reviewed months. Figures go in the README.

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use chrono::NaiveDate;
    use criterion::{criterion_group, Criterion};
    use unhurried::doc::PersonalDoc;
    use unhurried::model::inventory::{Frequency, InventoryTotals, SyncReason, Task, TaskId};
    use unhurried::model::review::{DeadlineFigures, Month, MonthFigures};
    use unhurried::model::schedule::{Deadline, Outcome};

    const TODAY: (i32, u32, u32) = (2026, 12, 1);

    fn two_years() -> PersonalDoc {
        let mut doc = PersonalDoc::new();
        let start = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        for i in 0..500 {
            let due = start + chrono::Duration::days(i * 730 / 500);
            let mut d = Deadline {
                id: format!("d{i:04}"),
                title: format!("Deadline {i}"),
                date: Some(due),
                ..Deadline::default()
            };
            match i % 5 {
                0 => d.move_to(due + chrono::Duration::days(7), "Waiting for input"),
                1 => d.outcome = Outcome::Missed,
                _ => d.outcome = Outcome::Met(due + chrono::Duration::days(i % 3)),
            }
            doc.put_deadline(&d).unwrap();
        }
        for i in 0..200 {
            let mut t = Task::new(TaskId::new(format!("t{i:03}")), format!("Task {i}"), i);
            t.frequency = Frequency::TimesPerMonth((i % 8) as u32 + 1);
            t.minutes = (i % 90) as u32 + 10;
            if i % 3 == 0 {
                t.reasons.insert(SyncReason::Collaborating);
            }
            doc.put_task(&t).unwrap();
        }
        let now = Month {
            year: TODAY.0,
            month: TODAY.1,
        };
        for n in 1..=24 {
            let month = now.back(n);
            doc.put_review_answer(month, "work", "Mostly, yes.")
                .unwrap();
            doc.keep_review(
                month,
                1_700_000_000_000 + i64::from(n),
                &MonthFigures::default(),
            )
            .unwrap();
        }
        doc
    }

    /// What the review page works out: the month's figures, and each of the seven
    /// months' deadlines.
    fn review_of(doc: &PersonalDoc) -> Vec<DeadlineFigures> {
        let s = doc.state();
        let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
        let month = Month::of(today).back(1);
        let live = MonthFigures::of(
            &InventoryTotals::measured(&s.tasks, &[]),
            &s.rate,
            &s.schedule.blocks,
            &s.schedule.deadlines,
            month,
            today,
        );
        let mut out = vec![live.deadlines];
        for n in 1..=6 {
            out.push(DeadlineFigures::of(
                &s.schedule.deadlines,
                month.back(n),
                today,
            ));
        }
        out
    }

    fn review(c: &mut Criterion) {
        let doc = two_years();
        let state = doc.state();
        assert_eq!(state.schedule.deadlines.len(), 500);
        assert_eq!(state.reviews.len(), 24);
        c.bench_function(
            "review: read the document and work out 7 months (2 years of data)",
            |b| b.iter(|| review_of(&doc)),
        );
        let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
        c.bench_function(
            "review: 7 months of deadline figures over 500 deadlines",
            |b| {
                b.iter(|| {
                    (0..7)
                        .map(|n| {
                            DeadlineFigures::of(
                                &state.schedule.deadlines,
                                Month::of(today).back(n),
                                today,
                            )
                        })
                        .collect::<Vec<_>>()
                })
            },
        );
    }

    criterion_group! {
        name = all;
        config = Criterion::default().sample_size(20);
        targets = review
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches::all);

#[cfg(target_arch = "wasm32")]
fn main() {}
