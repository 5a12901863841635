//! Short messages at the bottom of the screen, with undo after a delete. A message never
//! covers the field someone is typing into: it stays above the on-screen keyboard, and
//! goes to the top of the screen while the bottom would cover the focused field.

use leptos::prelude::*;

use crate::workspace::{use_workspace, Notice};

const SHOW_FOR_MS: u64 = 8000;
const RECHECK_MS: u64 = 1500;

/// Hides notice `serial` once its time is up, but never while the pointer or the focus
/// is on it, so Undo stays reachable for as long as someone is reaching for it.
fn hide_later(notice: RwSignal<Option<Notice>>, held: Signal<bool>, serial: u64, after_ms: u64) {
    set_timeout(
        move || {
            if notice.get_untracked().is_none_or(|n| n.serial != serial) {
                return;
            }
            if held.get_untracked() {
                hide_later(notice, held, serial, RECHECK_MS);
            } else {
                notice.set(None);
            }
        },
        std::time::Duration::from_millis(after_ms),
    );
}

/// Shows the workspace's current notice for a few seconds; polite for screen readers.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let ws = use_workspace();
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let held = Signal::derive(move || hovered.get() || focused.get());
    let region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = region.get() {
            crate::web::keep_toast_clear(&el);
        }
    });
    Effect::new(move |_| {
        if let Some(notice) = ws.notice.get() {
            hide_later(ws.notice, held, notice.serial, SHOW_FOR_MS);
        }
    });
    view! {
        <div class="toast-region" aria-live="polite" node_ref=region
            on:mouseenter=move |_| hovered.set(true)
            on:mouseleave=move |_| hovered.set(false)
            on:focusin=move |_| focused.set(true)
            on:focusout=move |_| focused.set(false)>
            {move || ws.notice.get().map(|notice| {
                let undo = notice.undo.clone();
                view! {
                    <div class="toast">
                        <span>{notice.text.clone()}</span>
                        {undo.map(|undo| view! {
                            <button type="button" on:click=move |_| ws.undo(undo.clone())>"Undo"</button>
                        })}
                        <button type="button" class="quiet" aria-label="Dismiss" on:click=move |_| ws.notice.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}
