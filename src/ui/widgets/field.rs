//! One labelled field, drawn the same way wherever a form needs it: an input of a given
//! type, or a chooser of fixed options, over a value and a callback that receives what
//! was committed (on `change`). Compiled once, instead of a near-copy per field.

use leptos::prelude::*;

/// A labelled input whose value is committed when it changes.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    label: &'static str,
    /// The input's type: "text", "number", "url", "time", "date".
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    /// Takes the room left in a row of fields.
    #[prop(optional)]
    grow: bool,
) -> impl IntoView {
    view! {
        <div class:grow=grow>
            <label for=id.clone()>{label}</label>
            <input id=id type=kind maxlength="500" placeholder=placeholder prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled chooser of fixed options, as (value, label).
#[component]
pub fn Choice(
    #[prop(into)] id: String,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div>
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options.iter().map(|(k, text)| view! {
                    <option value=*k selected=move || value.with(|v| v == k)>{*text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
