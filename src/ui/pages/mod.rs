//! One file a page.

pub mod boundaries;
pub mod dashboard_editor;
pub mod dashboard_reader;
pub mod form_editor;
pub mod form_fill;
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
