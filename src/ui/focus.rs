//! Putting keyboard focus on an element by its id, at once or after the next redraw.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if the page has it and it can take focus.
pub fn focus_now(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the element with `id` once the DOM has caught up with a change: a row, card
/// or block that moved was taken out of the page and put back, which drops the focus.
pub fn focus_after_render(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || focus_now(&id));
}
