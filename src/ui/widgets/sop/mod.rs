//! An SOP's pieces: its settings, its steps and checks, the run checklist and the
//! history of runs.

pub mod check_editor;
pub mod run_checklist;
pub mod run_history;
pub mod sop_settings;
pub mod step_editor;
pub mod step_row;
