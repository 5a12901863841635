//! Benchmarks for the monthly review with two years of data: 500 deadlines with their
//! outcomes, 200 tasks, 24 reviewed months, 100 entries of the freed-time log, 48
//! meetings, and 24 feedback requests holding 100 answers. Figures go in the README.

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use chrono::NaiveDate;
    use criterion::{criterion_group, Criterion};
    use unhurried::doc::shared::SharedDoc;
    use unhurried::doc::PersonalDoc;
    use unhurried::model::inventory::{Frequency, InventoryTotals, SyncReason, Task, TaskId};
    use unhurried::model::kind::DocKind;
    use unhurried::model::review::{
        DeadlineFigures, FreedEntry, FreedUse, MeetingFacts, Month, MonthFigures, Sources,
    };
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
        for i in 0..100 {
            doc.add_freed(&FreedEntry {
                id: String::new(),
                date: start + chrono::Duration::days(i * 7),
                minutes: 30 + (i as u32 % 4) * 30,
                to: FreedUse::ALL[i as usize % 3],
                note: "Course".into(),
            })
            .unwrap();
        }
        doc
    }

    /// 24 feedback requests, one a month, with 100 answers between them, and 48
    /// meetings, two a month, as the bytes storage holds.
    fn shared_documents() -> Vec<Vec<u8>> {
        let now = Month {
            year: TODAY.0,
            month: TODAY.1,
        };
        let mut out = Vec::new();
        for n in 1..=24 {
            let mut req =
                SharedDoc::create_kind(DocKind::Feedback, "ana", "Ana", "How is it going?", 1);
            let mut f = req.as_feedback().unwrap();
            f.set_month(now.back(n)).unwrap();
            let q = f
                .add_question("ana", "Ana", 2, "Is the report useful?")
                .unwrap();
            for a in 0..(if n <= 4 { 5 } else { 4 }) {
                let who = format!("p{a}");
                f.set_score(&who, "Reader", 3, (a % 5) as u8 + 1).unwrap();
                f.set_written(&who, "Reader", 3, "help", "Shorter updates, please.")
                    .unwrap();
                f.set_written(&who, "Reader", 3, &q, "Yes").unwrap();
            }
            out.push(req.save());
            for m in 0..2 {
                let mut meeting =
                    SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Weekly", 1);
                let when = format!("{}-1{m}T10:00", now.back(n).key());
                unhurried::doc::shared::SharedEdit::from(
                    unhurried::doc::shared::meeting::MeetingEdit::SetWhen {
                        when,
                        zone: "Europe/London".into(),
                    },
                )
                .apply(&mut meeting, "ana", "Ana", 2)
                .unwrap();
                out.push(meeting.save());
            }
        }
        out
    }

    /// What the review page works out: reading the personal document and every
    /// feedback request and meeting, then the figures of the seven months it shows.
    fn review_of(doc: &PersonalDoc, shared: &[Vec<u8>]) -> Vec<MonthFigures> {
        let s = doc.state();
        let zone = "Europe/London";
        let mut meetings = Vec::new();
        let mut feedback = Vec::new();
        for bytes in shared {
            let state = SharedDoc::from_stored(bytes).unwrap().state();
            match state.kind() {
                DocKind::Meeting => {
                    meetings.push(MeetingFacts::of(state.meeting(), state.invited.len(), zone))
                }
                _ => {
                    let f = state.feedback();
                    feedback.push((Month::parse(&f.month).unwrap(), f.scores(&state.owner)));
                }
            }
        }
        let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
        let month = Month::of(today).back(1);
        let totals = InventoryTotals::measured(&s.tasks, &[]);
        let src = Sources {
            totals: &totals,
            rate: &s.rate,
            blocks: &s.schedule.blocks,
            deadlines: &s.schedule.deadlines,
            meetings: &meetings,
            feedback: &feedback,
            log: &s.freed,
        };
        (0..=6)
            .map(|n| MonthFigures::of(&src, month.back(n), today))
            .collect()
    }

    fn review(c: &mut Criterion) {
        let doc = two_years();
        let shared = shared_documents();
        let state = doc.state();
        assert_eq!(state.schedule.deadlines.len(), 500);
        assert_eq!(state.reviews.len(), 24);
        assert_eq!(state.freed.len(), 100);
        let figures = review_of(&doc, &shared);
        let answers: u32 = figures.iter().map(|f| f.feedback.unwrap().count()).sum();
        // The seven months shown hold 4 × 5 + 3 × 4 answers; all 24 requests hold 100.
        assert_eq!(answers, 4 * 5 + 3 * 4);
        assert_eq!(figures[0].meetings.unwrap().held, 2);
        c.bench_function(
            "review: read the documents and work out 7 months (2 years of data, 100 feedback answers)",
            |b| b.iter(|| review_of(&doc, &shared)),
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
