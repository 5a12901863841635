//! The shared document on screen, for every widget of its page: its state, what is new
//! in it, and who is looking. The frame (`pages::shared::frame`) provides it.

use leptos::prelude::*;

use crate::model::shared::{News, SharedState};
use crate::workspace::use_workspace;

/// The document on screen and what is new in it, computed once per change for all the
/// widgets of the page (a derived signal would copy the whole document at every read).
#[derive(Clone, Copy)]
pub struct Shown {
    pub state: Memo<SharedState>,
    pub news: Memo<News>,
}

/// The state of the document on screen, for the widgets of its page.
pub fn shown_state() -> Signal<SharedState> {
    expect_context::<Shown>().state.into()
}

/// What is new since the person last looked, for marking items.
pub fn shown_news() -> Memo<News> {
    expect_context::<Shown>().news
}

/// This person's id.
pub fn me() -> String {
    use_workspace()
        .state
        .with_untracked(|s| s.profile.actor_id.clone())
}
