//! A discussion's own pieces: ideas with votes, and polls.

pub mod idea_board;
pub mod poll_section;
