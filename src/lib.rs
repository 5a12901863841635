//! Unhurried: a local-first app for working asynchronously.
//!
//! The layers, top to bottom: `ui` → `workspace` → `session` → `share` → `doc` →
//! `codec` / `model`, with `store` beside. See ARCHITECTURE.md and `tests/layers.rs`.

pub mod codec;
pub mod doc;
pub mod model;
pub mod session;
pub mod share;
pub mod store;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod workspace;
