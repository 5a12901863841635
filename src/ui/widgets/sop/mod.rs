//! An SOP's pieces: its settings, its steps and checks, the run checklist and the
//! history of runs.

pub mod check_editor;
pub mod run_checklist;
pub mod run_history;
pub mod sop_settings;
pub mod step_editor;
pub mod step_row;

use leptos::prelude::*;

use crate::model::shared::sop::SopPart;

/// The SOP on screen without its runs (`SopPart::procedure`), provided by its page: the
/// settings, steps, checks and printed checklist read it, and ticking a run's steps
/// leaves it, and them, alone.
#[derive(Clone, Copy)]
pub struct Procedure(pub Memo<SopPart>);

/// The procedure of the SOP on screen.
pub fn procedure() -> Memo<SopPart> {
    expect_context::<Procedure>().0
}

/// The minute now, from the app (one memo for every screen that follows the minute).
pub fn minute() -> Memo<i64> {
    expect_context::<crate::ui::app::Now>().1
}

/// The reader's time zone, as a memo: one function, so one compiled memo for each
/// screen that asks.
pub fn reader_zone() -> Memo<String> {
    let ws = crate::workspace::use_workspace();
    Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()))
}
