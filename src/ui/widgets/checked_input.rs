//! A text input that keeps what is typed, applies it only when it is valid, and says
//! so in words when it is not, instead of silently ignoring it.

use leptos::prelude::*;

/// A labelled input; `apply` receives each typed value and returns whether it was valid
/// (and so applied). While it is not, `message` shows and the last valid value is kept.
#[component]
pub fn CheckedInput(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label.
    #[prop(into)]
    label: String,
    /// The text shown when the field appears.
    #[prop(into)]
    initial: String,
    /// The on-screen keyboard to offer ("numeric", "decimal").
    inputmode: &'static str,
    /// What to say while the typed value is not valid.
    #[prop(into)]
    message: String,
    /// Applies a typed value; returns false when it is not valid.
    apply: impl Fn(&str) -> bool + 'static,
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let error = RwSignal::new(false);
    let error_id = format!("{id}-error");
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id type="text" inputmode=inputmode autocomplete="off"
            aria-describedby=error_id.clone()
            aria-invalid=move || error.get().to_string()
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                error.set(!apply(&v));
                text.set(v);
            }/>
        <span id=error_id class="field-error" aria-live="polite">{move || error.get().then(|| message.clone())}</span>
    }
}

/// Parses a whole number within `min..=max`.
pub fn whole_number_in(text: &str, min: u32, max: u32) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

/// The message for a whole number out of range.
pub fn whole_number_message(min: u32, max: u32) -> String {
    format!("Enter a whole number from {min} to {max}. Until then the last valid value is kept.")
}
