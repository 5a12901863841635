//! A text area over an Automerge text field: each keystroke is spliced into the text,
//! so two people typing in the same field offline both keep their words.

use leptos::prelude::*;

use crate::doc::collab::{TextField, MAX_TEXT};
use crate::ui::pages::collab::shown_state;
use crate::workspace::use_workspace;

#[component]
pub fn CollabText(field: TextField, label: &'static str, hint: &'static str) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let value = move || {
        state.with(|s| match field {
            TextField::Problem => s.problem.clone(),
            TextField::Summary => s.summary.clone(),
        })
    };
    let id = match field {
        TextField::Problem => "text-problem",
        TextField::Summary => "text-summary",
    };
    let hint_id = format!("{id}-hint");
    view! {
        <label for=id class="visually-hidden">{label}</label>
        <textarea id=id rows="6" maxlength=MAX_TEXT aria-describedby=hint_id.clone()
            prop:value=value
            on:input=move |ev| {
                let text = event_target_value(&ev);
                ws.collab_set_text(field, &text);
            }></textarea>
        <p class="hint" id=hint_id>{hint}</p>
    }
}
