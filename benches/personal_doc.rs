//! Benchmarks for the personal document at a large size: an edit with its incremental
//! save, loading, and merging two replicas that diverged. Figures go in the README.

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use criterion::{criterion_group, BatchSize, Criterion};
    use unhurried::doc::PersonalDoc;
    use unhurried::model::inventory::{Frequency, SyncReason, Task, TaskId};

    fn with_tasks(n: usize) -> PersonalDoc {
        let mut doc = PersonalDoc::new();
        for i in 0..n {
            let mut t = Task::new(
                TaskId::new(format!("task-{i:05}")),
                format!("Recurring task number {i}"),
                i as i64,
            );
            t.frequency = Frequency::TimesPerMonth((i % 8) as u32 + 1);
            t.minutes = (i % 120) as u32 + 5;
            if i % 3 == 0 {
                t.reasons.insert(SyncReason::Reporting);
            }
            doc.put_task(&t).unwrap();
        }
        doc.save_incremental();
        doc
    }

    fn edit_and_save(c: &mut Criterion) {
        let mut doc = with_tasks(1_000);
        let mut n = 0u64;
        c.bench_function("edit one title + incremental save (1,000 tasks)", |b| {
            b.iter(|| {
                n += 1;
                let mut t = doc.task(&TaskId::new("task-00500")).unwrap();
                t.title = format!("Renamed {n}");
                doc.put_task(&t).unwrap();
                doc.save_incremental()
            })
        });
    }

    fn load(c: &mut Criterion) {
        let bytes = with_tasks(1_000).save();
        println!("full save of 1,000 tasks: {} bytes", bytes.len());
        c.bench_function("load (1,000 tasks)", |b| {
            b.iter(|| PersonalDoc::from_stored(&bytes).unwrap())
        });
        let doc = PersonalDoc::from_stored(&bytes).unwrap();
        c.bench_function("read all tasks (1,000 tasks)", |b| b.iter(|| doc.tasks()));
    }

    fn merge(c: &mut Criterion) {
        let base = with_tasks(1_000).save();
        let diverge = |offset: usize| {
            let mut doc = PersonalDoc::from_stored(&base).unwrap();
            for i in 0..500 {
                let id = TaskId::new(format!("task-{:05}", (i * 2 + offset) % 1_000));
                let mut t = doc.task(&id).unwrap();
                t.minutes += 1;
                t.note = format!("edit {i}");
                doc.put_task(&t).unwrap();
            }
            doc.save()
        };
        let (a, b) = (diverge(0), diverge(1));
        c.bench_function("merge two replicas, 500 divergent edits each", |bench| {
            bench.iter_batched(
                || PersonalDoc::from_stored(&a).unwrap(),
                |mut doc| {
                    doc.merge_bytes(unhurried::codec::chunks::check_stored(&b).unwrap())
                        .unwrap()
                },
                BatchSize::LargeInput,
            )
        });
    }

    criterion_group! {
        name = all;
        config = Criterion::default().sample_size(20);
        targets = edit_and_save, load, merge
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches::all);

#[cfg(target_arch = "wasm32")]
fn main() {}
