//! One recorded explanation in a document: its title and length, the video played in
//! the page and downloaded where this device keeps it, its address once uploaded.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{file_name, RecordingChange};
use crate::model::ids::RecordingId;
use crate::model::recording::{length, Recording};
use crate::model::shared::checked_link;
use crate::web::{form_field, recorder};
use crate::workspace::use_workspace;
use wasm_bindgen::JsValue;

#[component]
pub fn RecordingItem(
    id: RecordingId,
    list: Signal<Vec<Recording>>,
    on_change: Callback<RecordingChange, bool>,
) -> impl IntoView {
    let ws = use_workspace();
    // Plain closures, not memos: a list of recordings is short, and a memo of a new
    // type costs wasm.
    let rec = move || {
        list.with(|l| l.iter().find(|r| r.id == id).cloned())
            .unwrap_or_default()
    };
    let here = move || ws.video_size(id).is_some();
    let error = RwSignal::new(None::<&'static str>);
    let playing = RwSignal::new(None::<String>);
    let play = move |_| match playing.get_untracked() {
        Some(address) => {
            recorder::revoke(&address);
            playing.set(None);
        }
        None => spawn_local(async move {
            if let Some(r) = recorder::record(id).await {
                playing.try_set(Some(recorder::url_of_blob(&recorder::blob_of(&r))));
            }
        }),
    };
    on_cleanup(move || {
        if let Some(Some(address)) = playing.try_get_untracked() {
            recorder::revoke(&address);
        }
    });
    let download = move |_| recorder::download_kept(id, &file_name(&untrack(rec).title));
    // The fields are read when the form is sent. They start from the document's values
    // and are not redrawn from it, so another edit arriving never overwrites typing.
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ev.target().map(JsValue::from).unwrap_or_default();
        let (t, u) = (form_field(&form, "title"), form_field(&form, "url"));
        if let (false, Err(e)) = (u.trim().is_empty(), checked_link(&u)) {
            error.set(Some(e.message()));
            return;
        }
        error.set(None);
        let t = if t.trim().is_empty() {
            untrack(rec).title
        } else {
            t.trim().to_owned()
        };
        if on_change.run(RecordingChange::Edit {
            id,
            title: t.clone(),
            url: u.trim().to_owned(),
        }) {
            ws.retitle_video(id, t);
        }
    };
    let field = move |what: &str| format!("rec-{what}-{id}");
    // One tree whose parts are hidden or shown: far less code than a view per branch.
    let not_here = move || !here();
    let open = move || playing.with(Option::is_some);
    view! {
        <li class="recording" data-testid="recording">
            <p class="recording-head">
                <strong>{move || rec().title}</strong>
                <span class="task-meta">{move || format!(" · {}", length(rec().ms))}</span>
            </p>
            <video class="recording-player" controls=true playsinline=true hidden=move || !open()
                src=move || playing.get() aria-label="The recording"></video>
            <div class="actions">
                <button type="button" class="secondary" hidden=not_here aria-expanded=move || open().to_string()
                    on:click=play>{move || if open() { "Close the video" } else { "Play" }}</button>
                <button type="button" class="secondary" hidden=not_here on:click=download>"Download"</button>
                <a hidden=move || rec().url.is_empty() href=move || rec().url
                    target="_blank" rel="noopener noreferrer nofollow">"Watch where it was uploaded"</a>
                <button type="button" class="quiet small" on:click=move |_| { on_change.run(RecordingChange::Remove(id)); }>"Remove"</button>
            </div>
            <p class="hint" hidden=move || here() || !rec().url.is_empty()>
                "The video is on the device it was recorded on and has not been uploaded yet."
            </p>
            <form class="inline-form" hidden=not_here on:submit=save>
                <div>
                    <label for=field("title")>"Title"</label>
                    <input id=field("title") name="title" type="text" maxlength="500" value=untrack(rec).title/>
                </div>
                <div>
                    <label for=field("url")>"Where you uploaded it (optional)"</label>
                    <input id=field("url") type="text" inputmode="url" placeholder="https://…"
                        name="url" aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=field("error")
                        value=untrack(rec).url/>
                </div>
                <button type="submit" class="secondary">"Save"</button>
            </form>
            <span class="field-error" id=field("error") role="alert">{move || error.get()}</span>
        </li>
    }
}
