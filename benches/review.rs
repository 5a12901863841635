//! Benchmarks for the monthly review with two years of data: 500 deadlines with their
//! outcomes, 200 tasks, 24 reviewed months, 100 entries of the freed-time log, 48
//! meetings, and 24 feedback requests holding 100 answers. Figures go in the README.

#[cfg(not(target_arch = "wasm32"))]
#[path = "data/review_data.rs"]
mod review_data;

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use chrono::NaiveDate;
    use criterion::{criterion_group, Criterion};
    use unhurried::doc::shared::SharedDoc;
    use unhurried::doc::PersonalDoc;
    use unhurried::model::inventory::InventoryTotals;
    use unhurried::model::kind::DocKind;
    use unhurried::model::review::{DeadlineFigures, MeetingFacts, Month, MonthFigures, Sources};

    use super::review_data::{shared_documents, two_years, TODAY};

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
        let src = Sources::of(&s, &totals, &meetings, &feedback);
        (0..=6)
            .map(|n| MonthFigures::of(&src, month.back(n), today))
            .collect()
    }

    fn review(c: &mut Criterion) {
        let doc = two_years("ana");
        let shared: Vec<Vec<u8>> = shared_documents("ana")
            .iter_mut()
            .map(SharedDoc::save)
            .collect();
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
