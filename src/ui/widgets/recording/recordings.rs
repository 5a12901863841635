//! A document's recorded explanations: each one, and the recorder below them.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::recorder::Recorder;
use super::recording_item::RecordingItem;
use super::RecordingChange;
use crate::model::ids::{DocId, RecordingId};
use crate::model::recording::Recording;
use crate::workspace::use_workspace;

#[component]
pub fn Recordings(
    doc: DocId,
    #[prop(into)] list: Signal<Vec<Recording>>,
    on_change: Callback<RecordingChange, bool>,
) -> impl IntoView {
    let ws = use_workspace();
    // A recording another tab of this browser just made: read the device's list again,
    // once for each such id.
    let asked = StoredValue::new(BTreeSet::<RecordingId>::new());
    Effect::new(move |_| {
        let unknown: Vec<RecordingId> = list.with(|l| {
            l.iter()
                .map(|r| r.id)
                .filter(|id| ws.video_size(*id).is_none())
                .collect()
        });
        let fresh = unknown
            .into_iter()
            .any(|id| asked.try_update_value(|a| a.insert(id)).unwrap_or(false));
        if fresh {
            ws.reload_videos();
        }
    });
    view! {
        <section class="recordings" aria-labelledby="recordings-title">
            <h3 id="recordings-title">"Recorded explanations"</h3>
            <p class="hint">"Explain it in a short video instead of a meeting: your screen, your camera or both, up to 5 minutes. Videos stay on this device; download one to share it, then paste where you put it."</p>
            <ul class="recording-list" data-testid="recording-list">
                <For each=move || list.get() key=|r| r.id let:r>
                    <RecordingItem id=r.id list on_change/>
                </For>
            </ul>
            <Recorder doc on_change/>
        </section>
    }
}
