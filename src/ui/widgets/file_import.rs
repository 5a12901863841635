//! A button that opens a backup file and hands its bytes to the caller.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A labelled file picker for `.unhurried` backups; calls `on_file` with the bytes.
#[component]
pub fn FileImport(
    /// The button's text.
    #[prop(into)]
    label: String,
    /// Receives the file's bytes, or a message when the file could not be read.
    on_file: impl Fn(Result<Vec<u8>, String>) + 'static + Clone,
    /// The id of the hidden input.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Let the same file be picked again later.
        input.set_value("");
        let on_file = on_file.clone();
        leptos::task::spawn_local(async move {
            // A backup with recordings may be this large; decode_file holds every other
            // file to the smaller limit once it sees the format.
            if file.size() > crate::workspace::MAX_RECORDINGS_FILE_BYTES as f64 {
                on_file(Err(format!(
                    "That file is too large to be an Unhurried backup ({:.1} MB).",
                    file.size() / 1_048_576.0
                )));
                return;
            }
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => on_file(Ok(js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => on_file(Err("The browser could not read that file.".into())),
            }
        });
    };
    view! {
        <label class="button file-button" for=id.clone()>{label}</label>
        <input id=id class="visually-hidden" type="file" accept=".unhurried,application/octet-stream" on:change=on_change/>
    }
}
