//! Writes a personal backup with a busy week for the browser timing script
//! (`tests/perf/week_timing.mjs`): 100 blocks over seven days and 10 people in
//! zones from Honolulu to Auckland.
//!
//! Run: `cargo run --example perf_week -- <out-dir>`

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use unhurried::doc::PersonalDoc;
    use unhurried::model::kind::DocKind;
    use unhurried::model::profile::Profile;
    use unhurried::model::schedule::{Block, BlockKind, Person, WorkingHours};
    use unhurried::share::encode_file;

    let out = common::out_dir();
    let mut doc = PersonalDoc::new();
    doc.set_profile(&Profile {
        display_name: "Ana".into(),
        time_zone: "Europe/London".into(),
        actor_id: "0123456789abcdef0123456789abcdef".into(),
    })
    .expect("profile");
    // 100 blocks: about 14 a day, back to back from 06:00, each kind in turn.
    for i in 0..100u32 {
        let day = (i % 7) as u8;
        let slot = i / 7;
        doc.put_block(&Block {
            id: format!("block{i:03}"),
            day,
            start: 6 * 60 + slot * 60,
            minutes: 45,
            kind: BlockKind::ALL[(i % 4) as usize],
            label: format!("Block {i}"),
        })
        .expect("block");
    }
    let zones = [
        "Pacific/Honolulu",
        "America/Los_Angeles",
        "America/New_York",
        "America/Sao_Paulo",
        "Europe/Berlin",
        "Africa/Nairobi",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Australia/Adelaide",
        "Pacific/Auckland",
    ];
    for (i, zone) in zones.iter().enumerate() {
        doc.put_person(&Person {
            id: format!("person{i}"),
            name: format!("Teammate {i}"),
            time_zone: (*zone).into(),
            hours: WorkingHours::default(),
            client: i % 3 == 0,
        })
        .expect("person");
    }
    let path = format!("{out}/week.unhurried");
    std::fs::write(&path, encode_file(DocKind::Personal, &doc.save())).expect("write");
    println!("{path}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
