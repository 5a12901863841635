//! The user interface: Leptos components that read the workspace's signals and call
//! its methods. One component per file.

pub mod app;
pub mod fmt;
pub mod focus;
pub mod pages;
pub mod shared;
pub mod widgets;
