//! Unhurried: a local-first app for working asynchronously.
//!
//! The layers, top to bottom: `ui` → `workspace` → `share` → `doc` → `codec` / `model`,
//! with `store` beside. See ARCHITECTURE.md and `tests/layers.rs`.
//! See ARCHITECTURE.md.

pub mod codec;
pub mod doc;
pub mod model;
pub mod share;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod workspace;
