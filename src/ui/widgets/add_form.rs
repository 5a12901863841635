//! The form that adds an item to a list (a step, a check, an agenda item, an action, an
//! idea): labelled inputs described as data and one button, compiled once instead of a
//! near-copy per list.

use leptos::prelude::*;

use crate::ui::focus::focus_after_render;

/// One input of an add form.
pub struct AddInput {
    pub id: &'static str,
    pub label: &'static str,
    /// "text", "number" (from 0 to `max`), "date", or "textarea".
    pub kind: &'static str,
    /// For text, the most characters; for a number, the largest.
    pub max: &'static str,
    pub placeholder: &'static str,
    /// Takes the room left in the row.
    pub grow: bool,
    /// What it holds at first. An input with a starting value keeps what was typed after
    /// an add (the next step likely takes the same minutes); the others are emptied.
    pub start: &'static str,
}

impl AddInput {
    /// A text input.
    pub const fn text(id: &'static str, label: &'static str) -> Self {
        AddInput {
            id,
            label,
            kind: "text",
            max: "500",
            placeholder: "",
            grow: false,
            start: "",
        }
    }
}

/// Calls `on_add` with what was typed, in the order of `inputs`, when the first input is
/// not blank; when it answers true (the item was added), empties the inputs and puts the
/// focus back in the first, ready for the next item.
#[component]
pub fn AddForm(
    inputs: &'static [AddInput],
    submit: &'static str,
    on_add: Callback<Vec<String>, bool>,
) -> impl IntoView {
    let values: Vec<RwSignal<String>> = inputs
        .iter()
        .map(|i| RwSignal::new(i.start.to_owned()))
        .collect();
    let fields = values.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed: Vec<String> = values.iter().map(|v| v.get_untracked()).collect();
        if typed.first().is_none_or(|t| t.trim().is_empty()) {
            return;
        }
        if on_add.run(typed) {
            for (value, input) in values.iter().zip(inputs) {
                if input.start.is_empty() {
                    value.set(String::new());
                }
            }
            focus_after_render(inputs[0].id);
        }
    };
    view! {
        <form class="inline-form" on:submit=add>
            {inputs.iter().zip(fields).map(|(i, value)| {
                let (number, text) = (i.kind == "number", i.kind == "text");
                let set = move |ev| value.set(event_target_value(&ev));
                view! {
                    <div class:grow=i.grow>
                        <label for=i.id>{i.label}</label>
                        {if i.kind == "textarea" {
                            view! {
                                <textarea id=i.id rows="2" maxlength=i.max placeholder=i.placeholder
                                    prop:value=move || value.get() on:input=set></textarea>
                            }.into_any()
                        } else {
                            view! {
                                <input id=i.id type=i.kind placeholder=i.placeholder
                                    maxlength=text.then_some(i.max) max=number.then_some(i.max)
                                    min=number.then_some("0") inputmode=number.then_some("numeric")
                                    prop:value=move || value.get() on:input=set/>
                            }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
            <button type="submit">{submit}</button>
        </form>
    }
}
