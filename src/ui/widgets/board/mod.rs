//! A stand-up board's pieces: the status form and board, the kanban and its cards.

pub mod kanban;
pub mod status_board;
pub mod status_form;
pub mod work_card;
