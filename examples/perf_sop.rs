//! An SOP with 200 runs for the browser timing script (`tests/perf/sop_timing.mjs`), and
//! the link sizes issue 13 asks for: a 20-step SOP's full link and a delegate's reply
//! carrying one run. Writes the 200-run SOP as a `.unhurried` file, with one run left
//! open for the script to tick.
//!
//! Run: `cargo run --release --example perf_sop -- <out-dir>`

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    use unhurried::doc::shared::SharedDoc;
    use unhurried::model::ids::Heads;
    use unhurried::model::kind::DocKind;
    use unhurried::model::shared::sop::{Capture, Performer, SopSchedule, Step};
    use unhurried::model::shared::TextField;
    use unhurried::share::encode_share_file;
    use unhurried::share::exchange::{full_link, hex, reply_link};
    use unhurried::share::link::link_fit;

    let out = common::out_dir();
    let (ana, ben) = ([1u8; 16], [2u8; 16]);
    let start = 1_764_000_000_000i64;
    let day = 86_400_000i64;
    let make = |steps: usize| {
        let mut doc =
            SharedDoc::create_kind(DocKind::Sop, &hex(&ana), "Ana", "Monthly invoices", start);
        doc.set_text(
            TextField::Purpose,
            &hex(&ana),
            "Ana",
            "Clients are billed on the day the work is done, with the timesheet attached.",
        )
        .unwrap();
        let mut s = doc.as_sop().unwrap();
        s.set_schedule(&SopSchedule::parse("workdays 0 540 Europe/London"))
            .unwrap();
        for n in 0..steps {
            s.add_step(
                &hex(&ana),
                "Ana",
                start + n as i64,
                &Step {
                    text: format!(
                        "Step {}: export the hours for the client and check them",
                        n + 1
                    ),
                    minutes: 5,
                    rank: n as f64,
                    who: if n % 2 == 0 {
                        Performer::Delegate
                    } else {
                        Performer::Owner
                    },
                    capture: if n % 5 == 0 {
                        Capture::Number
                    } else {
                        Capture::Nothing
                    },
                    link: if n % 4 == 0 {
                        "https://example.com/timesheets".into()
                    } else {
                        String::new()
                    },
                    ..Step::default()
                },
            )
            .unwrap();
        }
        s.add_check(&hex(&ana), "Ana", start, "Invoice PDF attached")
            .unwrap();
        doc
    };

    // A 20-step SOP's full link, and Ben's reply carrying one finished run.
    let mut twenty = make(20);
    let link = full_link(&mut twenty, ana);
    let mut copy = SharedDoc::from_stored(&twenty.save()).unwrap();
    {
        let mut s = copy.as_sop().unwrap();
        let run = s.start_run(&hex(&ben), "Ben", start + day, false).unwrap();
        for st in s.part().steps {
            s.tick_step(&run, &st.id, true).unwrap();
        }
        let first = s.part().steps[0].id.clone();
        s.set_step_value(&run, &first, "42").unwrap();
        s.finish_run(&run, start + day + 1_800_000).unwrap();
    }
    let reply = reply_link(&mut copy, ben, &[Heads::new(link.heads.clone())]).expect("a reply");
    let (full_len, reply_len) = (
        link.to_fragment().len() + 24,
        reply.to_fragment().len() + 24,
    );
    println!(
        "a 20-step SOP: full link {full_len} characters ({:?})",
        link_fit(full_len)
    );
    println!(
        "  a reply carrying one finished run: {reply_len} characters ({:?})",
        link_fit(reply_len)
    );

    // 200 runs of an 8-step SOP, by Ben on working days, each in its own session.
    let mut doc = make(8);
    for n in 0..200i64 {
        if n % 20 == 0 {
            doc = SharedDoc::from_stored(&doc.save()).expect("reload");
        }
        let at = start + n * day + 9 * 3_600_000;
        let mut s = doc.as_sop().unwrap();
        let run = s.start_run(&hex(&ben), "Ben", at, false).unwrap();
        for st in s.part().steps {
            s.tick_step(&run, &st.id, true).unwrap();
        }
        s.finish_run(&run, at + (20 + n % 30) * 60_000).unwrap();
    }
    // One run open, for the timing script to tick.
    let open = doc
        .as_sop()
        .unwrap()
        .start_run(&hex(&ben), "Ben", start + 201 * day, false)
        .unwrap();
    let state = doc.state();
    assert_eq!(state.sop().runs.len(), 201);
    let steps: Vec<String> = state.sop().steps.iter().map(|s| s.id.clone()).collect();
    let mut times = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        doc.as_sop()
            .unwrap()
            .tick_step(&open, &steps[i % steps.len()], i % 2 == 0)
            .unwrap();
        let s = doc.state();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(s.sop().runs.len(), 201);
    }
    times.sort_by(f64::total_cmp);
    // What the app does: write the tick and re-read only that run.
    let mut fast = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        let mut s = doc.as_sop().unwrap();
        s.tick_step(&open, &steps[i % steps.len()], i % 2 == 1)
            .unwrap();
        let run = s.run(&open).expect("the run");
        fast.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(run.id, open);
    }
    fast.sort_by(f64::total_cmp);
    println!(
        "  tick a step and re-read only its run, as the app does (native): median {:.3} ms, max {:.3} ms",
        fast[25], fast[49]
    );
    println!(
        "an SOP with 200 runs ({} bytes saved): tick a step and read the SOP back (native): median {:.2} ms, max {:.2} ms",
        doc.save().len(),
        times[25],
        times[49]
    );
    let full = full_link(&mut doc, ben);
    std::fs::write(format!("{out}/sop.unhurried"), encode_share_file(&full)).expect("write");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
