//! The recorded explanations of the shared document on screen: kept in its links, so a
//! teammate sees each title and length, and the video once it has an address.

use leptos::prelude::*;

use crate::model::shared::ItemList;
use crate::ui::shared::shown_state;
use crate::ui::widgets::recording::{recordings::Recordings, RecordingChange};
use crate::workspace::{use_workspace, SharedEdit};

#[component]
pub fn SharedRecordings() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let doc = state.with_untracked(|s| s.id);
    let list = Signal::derive(move || {
        state.with(|s| {
            s.links
                .iter()
                .filter_map(|l| l.recording.clone())
                .collect::<Vec<_>>()
        })
    });
    let link_of = move |id| {
        state.with_untracked(|s| {
            s.links
                .iter()
                .find(|l| l.recording.as_ref().is_some_and(|r| r.id == id))
                .map(|l| l.id.clone())
        })
    };
    let on_change = Callback::new(move |change: RecordingChange| match change {
        RecordingChange::Add(rec) => ws.shared_edit(SharedEdit::AddRecording(rec)).is_some(),
        RecordingChange::Edit { id, title, url } => link_of(id)
            .and_then(|link| {
                ws.shared_edit(SharedEdit::EditLink {
                    id: link,
                    label: title,
                    url,
                })
            })
            .is_some(),
        RecordingChange::Remove(id) => link_of(id)
            .map(|link| ws.delete_shared_item(ItemList::Links, &link, "Recording"))
            .is_some(),
    });
    view! { <Recordings doc list on_change/> }
}
