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
) -> impl IntoView {
    let list_id = format!("{id}-zones");
    view! {
        <input
            id=id
            type="text"
            list=list_id.clone()
            autocomplete="off"
            spellcheck="false"
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
        <datalist id=list_id>
            {time_zone_names().map(|name| view! { <option value=name></option> }).collect_view()}
        </datalist>
    }
}
