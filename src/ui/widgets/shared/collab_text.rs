//! A text area over an Automerge text field: each keystroke is spliced into the text,
//! so two people typing in the same field offline both keep their words.

use leptos::prelude::*;

use crate::model::shared::{TextField, MAX_TEXT};
use crate::ui::shared::shown_state;
use crate::workspace::use_workspace;

#[component]
pub fn CollabText(
    field: TextField,
    label: &'static str,
    hint: &'static str,
    /// Shows the label above the field (the discussion's texts sit under a heading that
    /// names them, so there it is for screen readers only).
    #[prop(optional)]
    visible_label: bool,
    #[prop(default = 6)] rows: u32,
) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let value = move || state.with(|s| s.text(field).to_owned());
    let id = match field {
        TextField::Problem => "text-problem",
        TextField::Summary => "text-summary",
        TextField::Data => "text-data",
        TextField::Dates => "text-dates",
        TextField::Questions => "text-questions",
        TextField::Notes => "text-notes",
        TextField::Purpose => "text-purpose",
        TextField::Output => "text-output",
    };
    let hint_id = format!("{id}-hint");
    view! {
        <label for=id class:visually-hidden=!visible_label>{label}</label>
        <textarea id=id rows=rows maxlength=MAX_TEXT aria-describedby=hint_id.clone()
            prop:value=value
            on:input=move |ev| {
                let text = event_target_value(&ev);
                ws.collab_set_text(field, &text);
            }></textarea>
        <p class="hint" id=hint_id>{hint}</p>
    }
}
