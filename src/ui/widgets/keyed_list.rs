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
