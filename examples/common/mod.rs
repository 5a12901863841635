//! What the timing-data examples share.

/// The folder the example writes to: its first argument, or `target/perf`; made if
/// missing.
pub fn out_dir() -> String {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/perf".into());
    std::fs::create_dir_all(&out).expect("create the output folder");
    out
}
