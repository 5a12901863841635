//! Recording an explanation: what to record, a title, start and stop, the time left,
//! and what happens when the browser refuses or the disk is full (the video can still
//! be downloaded, and the title typed is kept).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::{file_name, RecordingChange};
use crate::model::ids::{DocId, RecordingId};
use crate::model::recording::{length, Recording, MAX_MS};
use crate::web::recorder;
use crate::workspace::{media_message, new_id, use_workspace, RecordingInfo, Source};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    Starting,
    Recording,
    Keeping,
}

const SOURCES: [(Source, &str); 3] = [
    (Source::Screen, "Screen"),
    (Source::Camera, "Camera"),
    (Source::Both, "Screen and camera"),
];

#[component]
pub fn Recorder(doc: DocId, on_change: Callback<RecordingChange, bool>) -> impl IntoView {
    let ws = use_workspace();
    let source = RwSignal::new(Source::Screen);
    let title = RwSignal::new(String::new());
    let phase = RwSignal::new(Phase::Idle);
    let since = RwSignal::new(0_i64);
    let now = RwSignal::new(0_i64);
    let error = RwSignal::new(None::<String>);
    // A video the disk refused, still offered as a download; a recording kept but not
    // yet listed (the document wanted the person's name first).
    let unkept = StoredValue::new_local(None::<(JsValue, String)>);
    let has_unkept = RwSignal::new(false);
    let unlisted = RwSignal::new(None::<Recording>);
    let tick = set_interval_with_handle(
        move || {
            if phase.try_get_untracked() == Some(Phase::Recording) {
                now.set(crate::web::now_ms());
            }
        },
        std::time::Duration::from_millis(500),
    );
    // The title typed, kept outside the component: leaving the page stops the recording,
    // and the video is kept under it after the component and its signals are gone.
    let typed = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let typed_on_leave = typed.clone();
    on_cleanup(move || {
        if let Ok(t) = tick {
            t.clear();
        }
        if phase.try_get_untracked() == Some(Phase::Recording) {
            if let Ok(mut kept) = typed_on_leave.lock() {
                *kept = title.get_untracked();
            }
            recorder::stop();
        }
    });
    let list = move |rec: Recording| {
        if on_change.run(RecordingChange::Add(rec.clone())) {
            unlisted.set(None);
            title.set(String::new());
        } else {
            unlisted.set(Some(rec));
        }
    };
    // Called when the recording ends, which may be after the person left this page
    // (leaving stops it): the video is still kept, hence the `try_` reads.
    let finished = move |blob: JsValue, ms: u32| {
        let typed = title
            .try_get_untracked()
            .unwrap_or_else(|| typed.lock().map(|t| t.clone()).unwrap_or_default());
        phase.try_set(Phase::Keeping);
        let info = RecordingInfo {
            id: RecordingId::parse(&new_id()).unwrap_or_default(),
            title: if typed.trim().is_empty() {
                "Recorded explanation".into()
            } else {
                typed.trim().to_owned()
            },
            doc: doc.to_string(),
            ms,
            mime: String::new(),
            at: crate::web::now_ms(),
        };
        spawn_local(async move {
            let kept = ws.keep_video(info.clone(), &blob).await;
            let here = phase.try_get_untracked().is_some();
            match kept {
                Ok(()) if here => list(Recording {
                    id: info.id,
                    title: info.title,
                    ms,
                    url: String::new(),
                }),
                // Left the page: the video is kept and Settings lists it.
                Ok(()) => {}
                Err(message) if here => {
                    unkept.set_value(Some((blob, file_name(&info.title))));
                    has_unkept.set(true);
                    error.set(Some(message));
                }
                // Left the page and the disk refused: nowhere to offer it but a download.
                Err(_) => {
                    recorder::download(&blob, &file_name(&info.title));
                    ws.say(
                        "The recording could not be kept in this browser, so it was downloaded instead.".into(),
                        None,
                    );
                }
            }
            phase.try_set(Phase::Idle);
        });
    };
    let start = move || {
        error.set(None);
        has_unkept.set(false);
        unkept.set_value(None);
        phase.set(Phase::Starting);
        // By id rather than a NodeRef: one fewer generic instance for one lookup.
        let el = document()
            .get_element_by_id("rec-preview")
            .map_or(JsValue::NULL, JsValue::from);
        let on_stop = finished.clone();
        spawn_local(async move {
            match recorder::start(source.get_untracked(), &el, on_stop).await {
                Ok(()) => {
                    since.set(crate::web::now_ms());
                    now.set(crate::web::now_ms());
                    phase.set(Phase::Recording);
                }
                Err(name) => {
                    error.set(Some(media_message(&name).into()));
                    phase.set(Phase::Idle);
                }
            }
        });
    };
    let download_unkept = move |_| {
        unkept.with_value(|u| {
            if let Some((blob, name)) = u {
                recorder::download(blob, name);
            }
        })
    };
    let busy = move || phase.get() != Phase::Idle;
    let recording = move || phase.get() == Phase::Recording;
    view! {
        <div class="recorder">
            <fieldset class="kind-choice" disabled=busy>
                <legend>"Record"</legend>
                {SOURCES.into_iter().map(|(s, label)| {
                    let id = format!("rec-source-{label}");
                    view! {
                        <span class="radio">
                            <input type="radio" name="rec-source" id=id.clone() prop:checked=move || source.get() == s on:change=move |_| source.set(s)/>
                            <label for=id>{label}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <label for="rec-title">"Title of the next recording"</label>
            <input id="rec-title" type="text" maxlength="500" placeholder="e.g. Why the launch moved"
                prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            <video id="rec-preview" class="recording-preview" muted=true playsinline=true hidden=move || !recording()
                aria-label="What is being recorded"></video>
            <div class="actions">
                // One button, so keyboard focus stays on it from start to stop.
                <button type="button" disabled=move || busy() && !recording()
                    on:click=move |_| if recording() { recorder::stop() } else { start() }>
                    {move || if recording() { "Stop recording" } else { "Start recording" }}
                </button>
                <span class="task-meta" role="timer" data-testid="rec-time">{move || match phase.get() {
                    Phase::Recording => format!("{} of {}", length((now.get() - since.get()).clamp(0, MAX_MS.into()) as u32), length(MAX_MS)),
                    Phase::Starting => "Waiting for the browser…".into(),
                    Phase::Keeping => "Keeping the video on this device…".into(),
                    Phase::Idle => String::new(),
                }}</span>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <button type="button" class="secondary" hidden=move || !has_unkept.get() on:click=download_unkept>"Download the recording"</button>
            <p class="hint" hidden=move || unlisted.with(Option::is_none)>"The video is kept on this device. Give your name, then add it to the document."</p>
            <button type="button" class="secondary" hidden=move || unlisted.with(Option::is_none)
                on:click=move |_| if let Some(rec) = unlisted.get_untracked() { list(rec) }>"Add it to the document"</button>
        </div>
    }
}
