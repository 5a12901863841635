//! One file a page.

pub mod board;
pub mod boundaries;
pub mod discussion;
pub mod meeting;
pub mod overview;
pub mod rate;
pub mod reminders;
pub mod settings;
pub mod shared_doc;
pub mod shared_frame;
pub mod shared_list;
pub mod tasks;
pub mod team;
pub mod week;
pub mod welcome;
pub mod work_with_me;
