//! Recorded explanations (issue 17): a document's list of them with the recorder, one
//! recording in it, and the videos this device keeps (Settings). Data-driven: a page
//! gives the list and turns each `RecordingChange` into its document's edit, so a
//! meeting, a discussion, an SOP and a dashboard share every line here.

pub mod kept_recordings;
pub mod recorder;
pub mod recording_item;
pub mod recordings;

use crate::model::ids::RecordingId;
use crate::model::recording::Recording;

/// What a list of recordings asks its document to do; the page answers whether it did.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordingChange {
    Add(Recording),
    Edit {
        id: RecordingId,
        title: String,
        url: String,
    },
    Remove(RecordingId),
}

/// A file name for a downloaded video: the title without characters file systems refuse.
pub fn file_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !r#"/\:*?"<>|"#.contains(*c) && !c.is_control())
        .take(80)
        .collect();
    let clean = clean.trim();
    format!(
        "{}.webm",
        if clean.is_empty() { "Recording" } else { clean }
    )
}
