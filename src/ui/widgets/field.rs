//! One labelled field, drawn the same way wherever a form needs it: an input of a given
//! type or a text area, a chooser of fixed options, or a check box, over a value and a
//! callback that receives what was committed (on `change`, or as typed). Compiled once,
//! instead of a near-copy per field: each inline input costs its own copy of the
//! rendering code, a few kilobytes of wasm.

use leptos::prelude::*;

/// A labelled input (or text area, with `rows`) whose value is committed when it
/// changes, or as it is typed (`live`).
#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    /// The input's type: "text", "number", "url", "time", "date", "email".
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    /// Takes the room left in a row of fields.
    #[prop(optional)]
    grow: bool,
    /// A text area of this many rows instead of an input.
    #[prop(optional)]
    rows: u32,
    /// Commits on every keystroke, not only when the field is left.
    #[prop(optional)]
    live: bool,
    /// The id of the element that says what is wrong with the value.
    #[prop(optional, into)]
    described_by: Option<String>,
    #[prop(default = 500)] maxlength: u32,
    /// The `inputmode` hint for phone keyboards ("decimal", "email").
    #[prop(optional)]
    mode: &'static str,
) -> impl IntoView {
    let commit = move |ev: leptos::ev::Event| on_change.run(event_target_value(&ev));
    let input = if rows > 0 {
        view! {
            <textarea id=id.clone() rows=rows maxlength=maxlength aria-describedby=described_by
                prop:value=value on:change=commit on:input=move |ev| if live { commit(ev) }></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind maxlength=maxlength placeholder=placeholder aria-describedby=described_by
                inputmode=(!mode.is_empty()).then_some(mode)
                prop:value=value on:change=commit on:input=move |ev| if live { commit(ev) }/>
        }
        .into_any()
    };
    view! {
        <div class:grow=grow>
            <label for=id>{label}</label>
            {input}
        </div>
    }
}

/// A labelled check box.
#[component]
pub fn Check(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <span class="check">
            <input id=id.clone() type="checkbox" prop:checked=checked prop:disabled=disabled
                on:change=move |ev| on_change.run(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </span>
    }
}

/// A labelled chooser of fixed options, as (value, label).
#[component]
pub fn Choice(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
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
