//! One file a page.

pub mod boundaries;
pub mod overview;
pub mod rate;
pub mod reminders;
pub mod review;
pub mod settings;
pub mod shared;
pub mod tasks;
pub mod team;
pub mod week;
pub mod welcome;
pub mod work_with_me;
