//! One recorded explanation in a document: its title and length, the video played in
//! the page and downloaded where this device keeps it, its address once uploaded.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{file_name, RecordingChange};
use crate::model::ids::RecordingId;
use crate::model::recording::{length, Recording};
use crate::model::shared::checked_link;
use crate::web::recorder;
use crate::workspace::use_workspace;

#[component]
pub fn RecordingItem(
    id: RecordingId,
    list: Signal<Vec<Recording>>,
    on_change: Callback<RecordingChange, bool>,
) -> impl IntoView {
    let ws = use_workspace();
    let rec = Memo::new(move |_| {
        list.with(|l| l.iter().find(|r| r.id == id).cloned())
            .unwrap_or_default()
    });
    let here = Memo::new(move |_| ws.video_size(id).is_some());
    let title = RwSignal::new(rec.get_untracked().title);
    let url = RwSignal::new(rec.get_untracked().url);
    // A teammate's edit arrives in the fields unless they are being typed in.
    Effect::new(move |_| {
        let r = rec.get();
        title.set(r.title);
        url.set(r.url);
    });
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
    let download = move |_| {
        let name = file_name(&rec.get_untracked().title);
        spawn_local(async move {
            if let Some(r) = recorder::record(id).await {
                recorder::download(&recorder::blob_of(&r), &name);
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, u) = (title.get_untracked(), url.get_untracked());
        if let (false, Err(e)) = (u.trim().is_empty(), checked_link(&u)) {
            error.set(Some(e.message()));
            return;
        }
        error.set(None);
        let t = if t.trim().is_empty() {
            rec.get_untracked().title
        } else {
            t
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
    let not_here = move || !here.get();
    let open = move || playing.with(Option::is_some);
    view! {
        <li class="recording" data-testid="recording">
            <p class="recording-head">
                <strong>{move || rec.with(|r| r.title.clone())}</strong>
                <span class="task-meta">{move || format!(" · {}", length(rec.with(|r| r.ms)))}</span>
            </p>
            <video class="recording-player" controls=true playsinline=true hidden=move || !open()
                src=move || playing.get() aria-label=move || format!("Recording: {}", rec.with(|r| r.title.clone()))></video>
            <div class="actions">
                <button type="button" class="secondary" hidden=not_here aria-expanded=move || open().to_string()
                    on:click=play>{move || if open() { "Close the video" } else { "Play" }}</button>
                <button type="button" class="secondary" hidden=not_here on:click=download>"Download"</button>
                <a hidden=move || rec.with(|r| r.url.is_empty()) href=move || rec.with(|r| r.url.clone())
                    target="_blank" rel="noopener noreferrer nofollow">"Watch where it was uploaded"</a>
                <button type="button" class="quiet small" on:click=move |_| { on_change.run(RecordingChange::Remove(id)); }>"Remove"</button>
            </div>
            <p class="hint" hidden=move || here.get() || rec.with(|r| !r.url.is_empty())>
                "The video is on the device it was recorded on and has not been uploaded yet."
            </p>
            <form class="inline-form" hidden=not_here on:submit=save>
                <div>
                    <label for=field("title")>"Title"</label>
                    <input id=field("title") type="text" maxlength="500" prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for=field("url")>"Where you uploaded it (optional)"</label>
                    <input id=field("url") type="text" inputmode="url" placeholder="https://…"
                        aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=field("error")
                        prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">"Save"</button>
            </form>
            <span class="field-error" id=field("error") role="alert">{move || error.get()}</span>
        </li>
    }
}
