//! Short messages at the bottom of the screen, with undo after a delete.

use leptos::prelude::*;

use crate::workspace::use_workspace;

const SHOW_FOR_MS: u64 = 8000;

/// Shows the workspace's current notice for a few seconds; polite for screen readers.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let ws = use_workspace();
    Effect::new(move |_| {
        if let Some(notice) = ws.notice.get() {
            let serial = notice.serial;
            set_timeout(
                move || {
                    if ws
                        .notice
                        .get_untracked()
                        .is_some_and(|n| n.serial == serial)
                    {
                        ws.notice.set(None);
                    }
                },
                std::time::Duration::from_millis(SHOW_FOR_MS),
            );
        }
    });
    view! {
        <div class="toast-region" aria-live="polite">
            {move || ws.notice.get().map(|notice| {
                let undo = notice.undo.clone();
                view! {
                    <div class="toast">
                        <span>{notice.text.clone()}</span>
                        {undo.map(|task| view! {
                            <button type="button" on:click=move |_| ws.undo_delete(task.clone())>"Undo"</button>
                        })}
                        <button type="button" class="quiet" aria-label="Dismiss" on:click=move |_| ws.notice.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}
