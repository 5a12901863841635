//! A time zone input with suggestions from the IANA database.

use leptos::prelude::*;

use crate::model::profile::time_zone_names;

/// A text input suggesting IANA zone names; `value` holds what is typed.
#[component]
pub fn TimeZoneField(
    /// The typed zone name.
    value: RwSignal<String>,
    /// The id of the input, for its label.
    #[prop(into)]
    id: String,
    /// Called when the field is left or Enter is pressed.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
    /// The id of the element describing an error, if any.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Whether the value is marked invalid.
    #[prop(optional, into)]
    invalid: Signal<bool>,
) -> impl IntoView {
    let list_id = format!("{id}-zones");
    // The ~400 suggestions are only built once the field is used, to keep start-up quick.
    let wanted = RwSignal::new(false);
    view! {
        <input
            id=id
            type="text"
            list=list_id.clone()
            autocomplete="off"
            spellcheck="false"
            prop:value=move || value.get()
            aria-describedby=described_by
            aria-invalid=move || invalid.get().to_string()
            on:focus=move |_| wanted.set(true)
            on:input=move |ev| value.set(event_target_value(&ev))
            on:change=move |_| if let Some(cb) = on_change { cb.run(()) }
        />
        <datalist id=list_id>
            <Show when=move || wanted.get()>
                {time_zone_names().map(|name| view! { <option value=name></option> }).collect_view()}
            </Show>
        </datalist>
    }
}
