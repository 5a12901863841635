//! Writes share links of a 1,000-comment discussion for the browser timing script
//! (`tests/perf/timing.mjs`): an older full link (900 comments), the full link
//! (1,000 comments) and the reply carrying the last 100.
//!
//! Run: `cargo run --example perf_link -- <out-dir>`

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use unhurried::doc::shared::SharedDoc;
    use unhurried::share::exchange::{full_link, hex, reply_link};

    let out = common::out_dir();
    let people: Vec<([u8; 16], String)> = (0..6u8)
        .map(|i| {
            (
                [i + 1; 16],
                ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"][i as usize].to_owned(),
            )
        })
        .collect();
    let words = [
        "the",
        "release",
        "staging",
        "review",
        "support",
        "customers",
        "should",
        "we",
        "could",
        "faster",
        "checklist",
        "this",
        "quarter",
        "owner",
        "measure",
        "lead",
        "time",
        "agree",
    ];
    let mut doc = SharedDoc::create(&hex(&people[0].0), "Ana", "Cut release lead time", 0);
    let mut older = None;
    let mut heads_at_900 = unhurried::model::ids::Heads::default();
    for i in 0..1000usize {
        if i % 10 == 0 && i > 0 {
            // Each round of ten comments is a teammate's session, as links would bring them.
            doc = SharedDoc::from_stored(&doc.save()).expect("reload");
        }
        let (id, name) = &people[i % people.len()];
        let text: Vec<&str> = (0..14)
            .map(|k| words[(i * 7 + k * 3) % words.len()])
            .collect();
        doc.add_comment(&hex(id), name, i as i64 * 60_000, None, &text.join(" "))
            .expect("comment");
        if i == 899 {
            older = Some(full_link(&mut doc, people[0].0).to_fragment());
            heads_at_900 = doc.heads();
        }
    }
    let full = full_link(&mut doc, people[1].0).to_fragment();
    let reply = reply_link(&mut doc, people[1].0, &[heads_at_900])
        .expect("a reply")
        .to_fragment();
    for (name, text) in [
        ("older.txt", older.expect("older link")),
        ("full.txt", full),
        ("reply.txt", reply),
    ] {
        std::fs::write(format!("{out}/{name}"), &text).expect("write a link");
        println!("{name}: {} characters", text.len());
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
