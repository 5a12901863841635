//! A document's recorded explanations: each one, and the recorder below them.

use leptos::prelude::*;

use super::recorder::Recorder;
use super::recording_item::RecordingItem;
use super::RecordingChange;
use crate::model::ids::{DocId, RecordingId};
use crate::model::recording::Recording;
use crate::ui::widgets::keyed_list::KeyedList;

#[component]
pub fn Recordings(
    doc: DocId,
    #[prop(into)] list: Signal<Vec<Recording>>,
    on_change: Callback<RecordingChange, bool>,
) -> impl IntoView {
    let ids = Signal::derive(move || list.with(|l| l.iter().map(|r| r.id.to_string()).collect()));
    let row = Callback::new(move |id: String| {
        let id = RecordingId::parse(&id).unwrap_or_default();
        view! { <RecordingItem id list on_change/> }.into_any()
    });
    view! {
        <section class="recordings" aria-labelledby="recordings-title">
            <h3 id="recordings-title">"Recorded explanations"</h3>
            <p class="hint">"Explain it in a short video instead of a meeting: your screen, your camera or both, up to 5 minutes. Videos stay on this device; download one to share it, then paste where you put it."</p>
            <ul class="recording-list" data-testid="recording-list">
                <KeyedList ids row/>
            </ul>
            <Recorder doc on_change/>
        </section>
    }
}
