//! Putting keyboard focus back where the person was after the view changed under it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the DOM has caught up with the change (a row or
/// card that moved was taken out of the page and put back, which drops the focus).
pub fn focus_after_render(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
