//! A meeting's pieces: the agenda, the timer, what it costs, whether it could be async, and the follow-up.

pub mod agenda_editor;
pub mod async_check;
pub mod follow_up;
pub mod meeting_cost;
pub mod meeting_timer;
