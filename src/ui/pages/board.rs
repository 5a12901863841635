//! A stand-up board's body: blockers first, the person's status card for the day, the
//! day's cards and history, and the work in four columns.

use leptos::prelude::*;

use crate::model::board::Column;
use crate::ui::pages::collab::shown_state;
use crate::ui::pages::week::today_in;
use crate::ui::widgets::{
    comment_thread::CommentThread, kanban::Kanban, owner_settings::OwnerSettings,
    share_panel::SharePanel, status_board::StatusBoard, status_form::StatusForm,
};
use crate::workspace::use_workspace;

#[component]
pub fn BoardBody(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let now = expect_context::<crate::ui::app::Now>().0;
    // A memo: the clock ticks every second, the day changes once a day.
    let today: Signal<String> = Memo::new(move |_| {
        now.track();
        today_in(&ws.state.with(|s| s.profile.time_zone.clone())).to_string()
    })
    .into();
    let blockers = Memo::new(move |_| {
        state.with(|s| {
            let day = today.get();
            let mut out: Vec<String> = s
                .board
                .statuses
                .iter()
                .filter(|c| c.date == day && c.is_blocked())
                .map(|c| {
                    let why = if c.blocked.trim().is_empty() {
                        "blocked".to_owned()
                    } else {
                        c.blocked.trim().to_owned()
                    };
                    format!("{}: {why}", s.name_of(&c.person))
                })
                .collect();
            out.extend(
                s.board
                    .column(Column::Blocked)
                    .iter()
                    .map(|c| format!("Card “{}” is blocked", c.title.trim())),
            );
            out
        })
    });
    view! {
        {move || {
            let list = blockers.get();
            (!list.is_empty()).then(|| view! {
                <div class="banner warn blockers" role="status">
                    <p><strong>{format!("{} blocker{} today", list.len(), if list.len() == 1 { "" } else { "s" })}</strong></p>
                    <ul>{list.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <div class="collab-layout board-layout">
            <div class="collab-main">
                <StatusBoard today/>
            </div>
            <aside class="collab-side">
                <StatusForm today/>
            </aside>
        </div>
        <Kanban/>
        <div class="collab-layout board-layout">
            <div class="collab-main">
                <section class="card" aria-labelledby="comments-head">
                    <h2 id="comments-head">"Comments"</h2>
                    <CommentThread on=None/>
                </section>
            </div>
            <aside class="collab-side">
                <SharePanel/>
                <Show when=move || is_owner.get()>
                    <OwnerSettings/>
                </Show>
            </aside>
        </div>
    }
}
