//! One file a page.

pub mod overview;
pub mod rate;
pub mod settings;
pub mod tasks;
pub mod welcome;
