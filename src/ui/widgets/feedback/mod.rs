//! A feedback request's pieces: the owner's questions, the form a reader answers, and
//! the answers with what the scores come to.

pub mod answer_form;
pub mod answer_list;
pub mod question_editor;
