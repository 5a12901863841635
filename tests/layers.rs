#![cfg(not(target_arch = "wasm32"))]
//! The layers of ARCHITECTURE.md, checked: every `crate::` and `super::` path in `src/`
//! (test modules left out) may only point down, and one kind of shared document may not
//! reach into another.
//!
//! ```text
//! ui ──▶ workspace ──▶ share ──▶ doc ──▶ codec, model
//!   │         └──────▶ store (beside: storage, with model)
//!   └──▶ model, web (browser glue)
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each top-level module may use of ours.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("codec", &[]),
    ("doc", &["codec", "model"]),
    ("share", &["doc", "codec", "model"]),
    ("store", &["codec", "model"]),
    ("web", &["model"]),
    (
        "workspace",
        &["share", "doc", "codec", "model", "store", "web"],
    ),
    // The screens go through the workspace for documents, links and storage.
    ("ui", &["workspace", "model", "web"]),
];

/// Outside crates a layer must not name: the model is plain Rust, and only `codec`,
/// `doc` and `share` see Automerge.
const FORBIDDEN_CRATES: &[(&str, &[&str])] = &[
    (
        "model",
        &["automerge", "leptos", "web_sys", "js_sys", "wasm_bindgen"],
    ),
    (
        "codec",
        &["automerge", "leptos", "web_sys", "js_sys", "wasm_bindgen"],
    ),
    ("doc", &["leptos", "web_sys", "js_sys", "wasm_bindgen"]),
    ("share", &["leptos", "web_sys", "js_sys", "wasm_bindgen"]),
    ("store", &["automerge", "leptos"]),
    ("workspace", &["automerge"]),
    ("ui", &["automerge"]),
];

/// Module names that hold one kind of shared document, in any layer (`collab` is the
/// discussion where the model and the document layer still call it so).
const KINDS: &[(&str, &str)] = &[
    ("collab", "discussion"),
    ("discussion", "discussion"),
    ("meeting", "meeting"),
    ("board", "board"),
];

/// References from one kind to another that exist today, written down so that the
/// list can only shrink: the shared-document core (issue 12) separates discussions,
/// meetings and boards, and each one removed here must go from the list too.
const KNOWN_CROSS_KIND: &[(&str, &str)] = &[
    ("doc::board", "doc::collab"),
    ("doc::board", "model::collab"),
    ("doc::collab", "doc::board"),
    ("doc::collab", "doc::meeting"),
    ("doc::meeting", "doc::collab"),
    ("doc::meeting", "model::collab"),
    ("model::board", "model::collab"),
    ("model::collab", "model::board"),
    ("model::collab", "model::meeting"),
    ("model::meeting", "model::collab"),
    ("ui::pages::shared::meeting", "model::collab"),
    // Meetings' and boards' widgets use the shared parts (comments, item lists, texts)
    // that still live in the discussion's model module.
    ("ui::widgets::board", "model::collab"),
    ("ui::widgets::meeting", "model::collab"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/ui/pages/board.rs` → `["ui", "pages", "board"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code without comments and without test modules (which sit at the end of a file
/// here, after `#[cfg(test)]` or `#[cfg(all(test, …))]`).
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") || trimmed.starts_with("#[cfg(all(test") {
            let next = lines.peek().map(|l| l.trim_start()).unwrap_or("");
            if next.starts_with("mod ") || next.starts_with("pub mod ") {
                break;
            }
        }
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every path starting with `crate::` or `super::` (braced `use` lists are expanded
/// one level, which is how this code base writes them), resolved to a module path.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let starts = (rest.starts_with("crate::") || rest.starts_with("super::"))
            && (i == 0 || !is_ident(bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
        let mut resolved: Vec<String> = Vec::new();
        let mut segments = path.iter().peekable();
        if path.first() == Some(&"crate") {
            segments.next();
        } else {
            // A file's own module is its path; each `super` goes up one.
            resolved = module.to_vec();
            while segments.peek() == Some(&&"super") {
                segments.next();
                resolved.pop();
            }
        }
        resolved.extend(segments.map(|s| s.to_string()));
        // `use crate::doc::{a, b}`: the braces name items of the module before them.
        if rest[end..].starts_with('{') {
            if let Some(close) = rest[end..].find('}') {
                for item in rest[end + 1..end + close].split(',') {
                    let item = item.trim().split("::").next().unwrap_or("").trim();
                    if !item.is_empty() && item != "self" {
                        let mut one = resolved.clone();
                        one.push(item.to_string());
                        out.push(one);
                    }
                }
            }
        }
        out.push(resolved);
        i += end.max(1);
    }
    out
}

fn kind_of(module: &[String]) -> Option<(String, String)> {
    // The kind module and the path up to it: `ui::pages::board`.
    module.iter().enumerate().skip(1).find_map(|(at, part)| {
        KINDS
            .iter()
            .find(|(name, _)| name == part)
            .map(|(_, kind)| (kind.to_string(), module[..=at].join("::")))
    })
}

struct Found {
    upward: BTreeSet<String>,
    crates: BTreeSet<String>,
    cross_kind: BTreeSet<(String, String)>,
}

fn scan() -> Found {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let forbidden: BTreeMap<&str, &[&str]> = FORBIDDEN_CRATES.iter().copied().collect();
    let mut found = Found {
        upward: BTreeSet::new(),
        crates: BTreeSet::new(),
        cross_kind: BTreeSet::new(),
    };
    for file in files {
        let module = module_of(&src, &file);
        let layer = module[0].as_str();
        if layer == "lib" || layer == "main" {
            continue;
        }
        let Some(may_use) = allowed.get(layer) else {
            panic!(
                "{}: a top-level module the layer test does not know; add it to ALLOWED",
                file.display()
            );
        };
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for krate in forbidden.get(layer).copied().unwrap_or(&[]) {
            if code.contains(&format!("{krate}::")) {
                found
                    .crates
                    .insert(format!("{} uses {krate}", module.join("::")));
            }
        }
        let own_kind = kind_of(&module);
        for target in references(&module, &code) {
            let Some(top) = target.first() else { continue };
            // `super::` inside an inline module (`mod keys { use super::X; }`) resolves
            // above the file here; it stays in the file, so in its layer.
            let inline = !allowed.contains_key(top.as_str());
            if !inline && top != layer && !may_use.contains(&top.as_str()) {
                found
                    .upward
                    .insert(format!("{} uses {}", module.join("::"), target.join("::")));
            }
            if let (Some((mine, from)), Some((theirs, to))) = (&own_kind, kind_of(&target)) {
                if *mine != theirs {
                    found.cross_kind.insert((from.clone(), to));
                }
            }
        }
    }
    found
}

#[test]
fn arrows_point_down_and_the_screens_go_through_the_workspace() {
    let found = scan();
    assert!(
        found.upward.is_empty(),
        "imports against the layers (ARCHITECTURE.md):\n{}",
        found.upward.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert!(
        found.crates.is_empty(),
        "a layer names a crate it must not:\n{}",
        found.crates.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn no_kind_of_shared_document_reaches_into_another_beyond_the_known_list() {
    let found = scan().cross_kind;
    let known: BTreeSet<(String, String)> = KNOWN_CROSS_KIND
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    assert!(new.is_empty(), "new imports between kinds: {new:?}");
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "these imports between kinds are gone: take them off KNOWN_CROSS_KIND: {gone:?}"
    );
}

#[test]
fn the_scanner_sees_what_it_must() {
    let module: Vec<String> = ["doc", "meeting"].iter().map(|s| s.to_string()).collect();
    let refs = references(
        &module,
        "use super::collab::{clip, CollabDoc};\nlet x = crate::model::board::Column::Todo;\n// crate::ui::app\n",
    );
    let joined: Vec<String> = refs.iter().map(|r| r.join("::")).collect();
    assert!(
        joined.contains(&"doc::collab::clip".to_string()),
        "{joined:?}"
    );
    assert!(
        joined.contains(&"model::board::Column::Todo".to_string()),
        "{joined:?}"
    );
    let code = code_of(
        "use crate::ui::app; // crate::ui::x\n#[cfg(test)]\nmod tests {\n use crate::web;\n}\n",
    );
    assert!(
        code.contains("crate::ui::app")
            && !code.contains("crate::ui::x")
            && !code.contains("crate::web")
    );
}
