//! Two years of a person's data for the monthly review, shared by its benchmark
//! (`benches/review.rs`) and the page's timing data (`examples/perf_review.rs`): 500
//! deadlines with their outcomes, 200 tasks, 24 reviewed months, 100 entries of the
//! freed-time log, and (owned by the same person) 24 feedback requests holding 100
//! answers and 48 meetings.
#![allow(dead_code)]

use chrono::NaiveDate;
use unhurried::doc::shared::SharedDoc;
use unhurried::doc::PersonalDoc;
use unhurried::model::inventory::{Frequency, SyncReason, Task, TaskId};
use unhurried::model::kind::DocKind;
use unhurried::model::profile::Profile;
use unhurried::model::review::{FreedEntry, FreedUse, Month, MonthFigures};
use unhurried::model::schedule::{Deadline, Outcome};

pub const TODAY: (i32, u32, u32) = (2026, 12, 1);

pub fn two_years(actor: &str) -> PersonalDoc {
    let mut doc = PersonalDoc::new();
    doc.set_profile(&Profile {
        display_name: "Ana".into(),
        time_zone: "Europe/London".into(),
        actor_id: actor.into(),
    })
    .unwrap();
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
pub fn shared_documents(owner: &str) -> Vec<SharedDoc> {
    let now = Month {
        year: TODAY.0,
        month: TODAY.1,
    };
    let mut out = Vec::new();
    for n in 1..=24 {
        let mut req =
            SharedDoc::create_kind(DocKind::Feedback, owner, "Ana", "How is it going?", 1);
        let mut f = req.as_feedback().unwrap();
        f.set_month(now.back(n)).unwrap();
        let q = f
            .add_question(owner, "Ana", 2, "Is the report useful?")
            .unwrap();
        for a in 0..(if n <= 4 { 5 } else { 4 }) {
            let who = format!("p{a}");
            f.set_score(&who, "Reader", 3, (a % 5) as u8 + 1).unwrap();
            f.set_written(&who, "Reader", 3, "help", "Shorter updates, please.")
                .unwrap();
            f.set_written(&who, "Reader", 3, &q, "Yes").unwrap();
        }
        out.push(req);
        for m in 0..2 {
            let mut meeting = SharedDoc::create_kind(DocKind::Meeting, owner, "Ana", "Weekly", 1);
            let when = format!("{}-1{m}T10:00", now.back(n).key());
            unhurried::doc::shared::SharedEdit::from(
                unhurried::doc::shared::meeting::MeetingEdit::SetWhen {
                    when,
                    zone: "Europe/London".into(),
                },
            )
            .apply(&mut meeting, owner, "Ana", 2)
            .unwrap();
            out.push(meeting);
        }
    }
    out
}
