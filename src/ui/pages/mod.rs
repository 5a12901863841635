//! One file a page.

pub mod collab;
pub mod overview;
pub mod rate;
pub mod settings;
pub mod shared_list;
pub mod tasks;
pub mod welcome;
