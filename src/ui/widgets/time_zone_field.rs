//! A time zone input with suggestions from the IANA database, each with its friendly name.

use leptos::prelude::*;

use crate::model::profile::{parse_time_zone, time_zone_names};
use crate::ui::fmt;

/// A text input suggesting canonical IANA zone ids, searchable by their friendly names
/// ("India (Kolkata)"); `value` holds what is typed. The friendly name of a recognised
/// zone is shown below it.
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
    let name_id = format!("{id}-name");
    let described_by = Some(match described_by {
        Some(other) => format!("{name_id} {other}"),
        None => name_id.clone(),
    });
    let friendly = move || {
        value
            .with(|v| parse_time_zone(v).map(|tz| fmt::zone_name(tz.name())))
            .filter(|name| !name.contains('/') && name != "UTC")
            .unwrap_or_default()
    };
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
        <span class="zone-name" id=name_id>{friendly}</span>
        <datalist id=list_id>
            <Show when=move || wanted.get()>
                {time_zone_names().map(|name| view! { <option value=name label=fmt::zone_name(name)></option> }).collect_view()}
            </Show>
        </datalist>
    }
}
