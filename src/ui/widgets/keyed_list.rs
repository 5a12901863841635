//! One keyed list for every list drawn by id: Leptos's `<For>` is compiled once here
//! instead of once per list (each copy is about 5 KB of wasm).

use leptos::prelude::*;

/// Draws `row(id)` for each id, in order. A row stays (and keeps its state, such as focus
/// or an open editor) while its id is in the list, whatever else changes.
#[component]
pub fn KeyedList(
    #[prop(into)] ids: Signal<Vec<String>>,
    row: Callback<String, AnyView>,
) -> impl IntoView {
    view! { <For each=move || ids.get() key=|id| id.clone() let:id>{row.run(id)}</For> }
}

/// A row's key made of the item's id and the fields its row shows: the row is drawn again
/// exactly when one of them changes, as a `<For>` keyed on the same tuple would.
pub fn row_key(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

/// The item's id inside a key from `row_key`.
pub fn id_of(key: &str) -> &str {
    key.split('\u{1f}').next().unwrap_or_default()
}
