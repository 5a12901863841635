//! A whole-number input that says when what is typed is out of range, instead of
//! silently ignoring it.

use leptos::prelude::*;

/// A labelled number input; `on_value` receives only values within `min..=max`.
#[component]
pub fn NumberField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label.
    #[prop(into)]
    label: String,
    /// The stored value when the field appears.
    initial: u32,
    /// Smallest accepted value.
    min: u32,
    /// Largest accepted value.
    max: u32,
    /// Called with each valid value.
    on_value: impl Fn(u32) + 'static,
) -> impl IntoView {
    let text = RwSignal::new(initial.to_string());
    let error = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let message = format!(
        "Enter a whole number from {min} to {max}. Until then the last valid value is kept."
    );
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id type="number" min=min max=max step="1" inputmode="numeric"
            aria-describedby=error_id.clone()
            aria-invalid=move || error.get().to_string()
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                text.set(v.clone());
                match v.trim().parse::<u32>() {
                    Ok(n) if (min..=max).contains(&n) => { error.set(false); on_value(n) }
                    _ => error.set(true),
                }
            }/>
        <span id=error_id class="field-error" aria-live="polite">{move || error.get().then(|| message.clone())}</span>
    }
}
