#![cfg(not(target_arch = "wasm32"))]
//! The layers of ARCHITECTURE.md, checked: every `crate::` and `super::` path in `src/`
//! (test modules left out) may only point down, and one kind of shared document may not
//! reach into another.
//!
//! ```text
//! ui ──▶ workspace ──▶ session ──▶ share ──▶ doc ──▶ codec, model
//!   │         │             └──────▶ store (beside: storage, with model)
//!   │         └──▶ sync (live sync's protocol, beside share) ──▶ doc
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
    // Live sync's protocol with no I/O, beside links (tested natively).
    ("sync", &["doc", "codec", "model"]),
    ("store", &["codec", "model"]),
    // Opening and saving documents with recovery, in plain Rust (tested natively).
    ("session", &["share", "doc", "codec", "model", "store"]),
    ("web", &["model"]),
    (
        "workspace",
        &[
            "session", "share", "sync", "doc", "codec", "model", "store", "web",
        ],
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
    ("sync", &["leptos", "web_sys", "js_sys", "wasm_bindgen"]),
    (
        "session",
        &["automerge", "leptos", "web_sys", "js_sys", "wasm_bindgen"],
    ),
    ("store", &["automerge", "leptos"]),
    ("workspace", &["automerge"]),
    ("ui", &["automerge"]),
];

/// Module names that hold one kind of shared document, in any layer. A kind builds on
/// what every kind shares (the envelope, the core) and never on another kind; only a
/// registry above them (`model::shared`, `doc::shared`, the frame) knows them all.
const KINDS: &[&str] = &["discussion", "meeting", "board", "sop", "feedback"];

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
    // A file's own child modules (`mod board;`) are named without `crate::` or
    // `super::` (`use board::BoardPart;`): those paths are read as `self::board::…`.
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            l.strip_prefix("mod ")?.strip_suffix(';').map(str::to_owned)
        })
        .collect();
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let child = children.iter().any(|c| rest.starts_with(&format!("{c}::")))
            && (i < 2 || &code[i - 2..i] != "::");
        let starts = (rest.starts_with("crate::")
            || rest.starts_with("super::")
            || rest.starts_with("self::")
            || child)
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
        } else if path.first() == Some(&"self") || child {
            resolved = module.to_vec();
            if path.first() == Some(&"self") {
                segments.next();
            }
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
    // The kind module and the path up to it: `ui::pages::shared::board`.
    module.iter().enumerate().skip(1).find_map(|(at, part)| {
        KINDS
            .contains(&part.as_str())
            .then(|| (part.clone(), module[..=at].join("::")))
    })
}

/// The groups of modules that import each other in a circle (each with more than one
/// module), found by reachability: fine for a graph of a few hundred files.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        edges.keys().map(|m| (m, reach(m))).collect();
    let mut out: Vec<BTreeSet<String>> = Vec::new();
    for (m, from_m) in &reaches {
        if out.iter().any(|c| c.contains(*m)) {
            continue;
        }
        let circle: BTreeSet<String> = from_m
            .iter()
            .filter(|n| reaches.get(n).is_some_and(|r| r.contains(*m)))
            .cloned()
            .chain([(*m).clone()])
            .collect();
        if circle.len() > 1 {
            out.push(circle);
        }
    }
    out
}

struct Found {
    upward: BTreeSet<String>,
    crates: BTreeSet<String>,
    cross_kind: BTreeSet<(String, String)>,
    /// File module to the file modules it imports.
    edges: BTreeMap<String, BTreeSet<String>>,
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
        edges: BTreeMap::new(),
    };
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(&src, f).join("::"))
        .collect();
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
        let me = module.join("::");
        for target in references(&module, &code) {
            let Some(top) = target.first() else { continue };
            // The file the path lands in: its longest prefix that is a module of ours.
            if let Some(to) = (1..=target.len())
                .rev()
                .map(|n| target[..n].join("::"))
                .find(|m| modules.contains(m))
            {
                if to != me {
                    found.edges.entry(me.clone()).or_default().insert(to);
                }
            }
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
fn no_kind_of_shared_document_reaches_into_another() {
    let found = scan().cross_kind;
    assert!(found.is_empty(), "imports between kinds: {found:?}");
}

/// No circle of imports runs through a kind (a kind and the registry or core it builds
/// on importing each other) or across layers. Circles inside one layer's own plumbing
/// (the workspace's files calling each other) are allowed.
#[test]
fn no_import_circle_runs_through_a_kind_or_across_layers() {
    let found = scan();
    let bad: Vec<String> = circles(&found.edges)
        .into_iter()
        .filter(|circle| {
            let layers: BTreeSet<&str> = circle
                .iter()
                .map(|m| m.split("::").next().unwrap_or(""))
                .collect();
            layers.len() > 1
                || circle.iter().any(|m| {
                    kind_of(&m.split("::").map(str::to_owned).collect::<Vec<_>>()).is_some()
                })
        })
        .map(|circle| circle.into_iter().collect::<Vec<_>>().join(" ⇄ "))
        .collect();
    assert!(bad.is_empty(), "import circles:\n{}", bad.join("\n"));
}

#[test]
fn the_scanner_sees_what_it_must() {
    let module: Vec<String> = ["doc", "meeting"].iter().map(|s| s.to_string()).collect();
    let refs = references(
        &module,
        "use super::collab::{clip, CollabDoc};\nlet x = crate::model::board::Column::Todo;\n// crate::ui::app\n",
    );
    let joined: Vec<String> = refs.iter().map(|r| r.join("::")).collect();
    let registry: Vec<String> = ["model", "shared"].iter().map(|s| s.to_string()).collect();
    let own = references(
        &registry,
        "pub mod board;\nuse board::BoardPart;\nuse self::core::X;\nlet y = a::board::Z;\n",
    );
    let own: Vec<String> = own.iter().map(|r| r.join("::")).collect();
    assert!(
        own.contains(&"model::shared::board::BoardPart".to_string()),
        "{own:?}"
    );
    assert!(
        own.contains(&"model::shared::core::X".to_string()),
        "{own:?}"
    );
    assert!(!own.iter().any(|r| r.ends_with("board::Z")), "{own:?}");
    let edges: BTreeMap<String, BTreeSet<String>> = [
        (
            "doc::shared",
            &["doc::shared::board", "doc::shared::core"][..],
        ),
        ("doc::shared::board", &["doc::shared::core"]),
        ("doc::shared::core", &["doc::access"]),
        ("ui::a", &["ui::b"]),
        ("ui::b", &["ui::c"]),
        ("ui::c", &["ui::a"]),
    ]
    .iter()
    .map(|(from, to)| (from.to_string(), to.iter().map(|t| t.to_string()).collect()))
    .collect();
    let found = circles(&edges);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].len(), 3);
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
