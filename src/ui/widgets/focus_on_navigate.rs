//! Focus management for client-side navigation.

use leptos::prelude::*;

/// Moves the focus to the page after a client-side navigation, so keyboard and
/// screen-reader users start at the new page rather than on the link they left.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
        path
    });
}
