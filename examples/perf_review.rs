//! Two years of data for the review page's timing script (`tests/perf/review_timing.mjs`):
//! the person's document and their 24 feedback requests (100 answers) and 48 meetings,
//! as one whole backup to restore on the welcome page.
//!
//! Run: `cargo run --release --example perf_review -- <out-dir>`
#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/data/review_data.rs"]
mod review_data;

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use unhurried::share::encode_backup;
    use unhurried::share::exchange::{full_link, hex};
    let out = common::out_dir();
    let ana = [1u8; 16];
    let mut personal = review_data::two_years(&hex(&ana));
    let shares: Vec<_> = review_data::shared_documents(&hex(&ana))
        .iter_mut()
        .map(|doc| full_link(doc, ana))
        .collect();
    let backup = encode_backup(&personal.save(), &shares, &[]);
    let path = std::path::Path::new(&out).join("review.unhurried");
    std::fs::write(&path, &backup).expect("write the backup");
    println!(
        "{}: {} bytes, {} shared documents",
        path.display(),
        backup.len(),
        shares.len()
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
