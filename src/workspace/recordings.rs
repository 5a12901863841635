//! Recorded explanations kept on this device (issue 17): the list the screens show,
//! keeping a new one, deleting one with an undo, and carrying them in a backup file.
//! The documents list a recording (`SharedEdit::AddRecording`, a dashboard's
//! `recordings`); the video stays here.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
// Not Leptos's spawner: the workspace also runs in browser tests, with no Leptos executor.
use wasm_bindgen_futures::spawn_local;

use super::{plural, Undo, Workspace};
use crate::model::ids::RecordingId;
use crate::model::recording::RecordingInfo;
use crate::web::recorder;

/// A recorder's or the video store's failure in plain words.
pub fn media_message(name: &str) -> &'static str {
    match name {
        "NotAllowedError" | "SecurityError" => {
            "Recording needs your permission for the screen, camera and microphone. Allow them for this site in the browser's settings, then try again."
        }
        "NotFoundError" | "OverconstrainedError" => {
            "No camera or microphone was found. Connect one, or record your screen with a microphone."
        }
        "NotReadableError" | "AbortError" => {
            "The camera or microphone is in use by another app, or the browser could not start it. Close the other app and try again."
        }
        "QuotaExceededError" => {
            "This browser's storage is full, so the recording could not be kept here. Download it now, then free some space (Settings shows what is kept)."
        }
        "NotSupportedError" | "TypeError" => "This browser cannot record here.",
        _ => "The recording could not be made or kept. Try again.",
    }
}

impl Workspace {
    /// Reads which videos this device keeps, now and after every change in any tab.
    pub(super) fn watch_videos(self) {
        recorder::watch(move || self.reload_videos());
        self.reload_videos();
    }

    /// Reads again which videos this device keeps.
    fn reload_videos(self) {
        spawn_local(async move {
            if let Ok(list) = recorder::list().await {
                if self.inner.try_update_value(|i| i.videos = list).is_some() {
                    self.stored.notify();
                }
            }
        });
    }

    /// The videos this device keeps, with their sizes; tracked.
    pub fn videos(self) -> Vec<(RecordingInfo, u64)> {
        self.stored.track();
        self.inner.with_value(|i| i.videos.clone())
    }

    /// Whether this device keeps the video, and its size; tracked.
    pub fn video_size(self, id: RecordingId) -> Option<u64> {
        self.stored.track();
        self.inner.with_value(|i| {
            i.videos
                .iter()
                .find(|(v, _)| v.id == id)
                .map(|(_, size)| *size)
        })
    }

    /// Keeps a finished recording on this device.
    pub async fn keep_video(self, info: RecordingInfo, blob: &JsValue) -> Result<(), String> {
        recorder::keep(&info, blob)
            .await
            .map_err(|e| media_message(&e).to_owned())
    }

    /// A new title, kept with the video too so Settings and backups say it.
    pub fn retitle_video(self, id: RecordingId, title: String) {
        let _ = recorder::retitle(id, &title);
    }

    /// Deletes a video from this device, with an undo that puts it back whole.
    pub fn delete_video(self, id: RecordingId) {
        let title = self.inner.with_value(|i| {
            i.videos
                .iter()
                .find(|(v, _)| v.id == id)
                .map(|(v, _)| format!("“{}”", v.title))
        });
        spawn_local(async move {
            match recorder::take(id).await {
                Ok(Some(record)) => self.say(
                    format!(
                        "Deleted {} from this browser.",
                        title.unwrap_or_else(|| "the recording".into())
                    ),
                    Some(Undo::Video(record)),
                ),
                Ok(None) => {}
                Err(e) => self.say(media_message(&e).into(), None),
            }
        });
    }

    pub(super) fn restore_video(self, record: JsValue) {
        spawn_local(async move {
            let said = match recorder::restore(&record).await {
                Ok(()) => "Restored.",
                Err(e) => media_message(&e),
            };
            self.say(said.into(), None);
        });
    }

    /// Every video this device keeps, with its bytes, for a backup.
    pub(super) async fn video_bytes(self) -> Vec<(RecordingInfo, Vec<u8>)> {
        let list = recorder::list().await.unwrap_or_default();
        let mut out = Vec::with_capacity(list.len());
        for (info, _) in list {
            if let Some(bytes) = recorder::bytes(info.id).await {
                out.push((info, bytes));
            }
        }
        out
    }

    /// Keeps the recordings a backup carries (those not here already) and says how
    /// many there are; a failure to keep them is said when it happens.
    pub(super) fn import_videos(self, videos: &[(RecordingInfo, &[u8])]) -> String {
        let new: Vec<(RecordingInfo, Vec<u8>)> = videos
            .iter()
            .filter(|(info, _)| self.video_size(info.id).is_none())
            .map(|(info, bytes)| (info.clone(), bytes.to_vec()))
            .collect();
        if new.is_empty() {
            return String::new();
        }
        let n = new.len();
        spawn_local(async move {
            for (info, bytes) in &new {
                if let Err(e) = recorder::keep_bytes(info, bytes).await {
                    self.say(media_message(&e).into(), None);
                    break;
                }
            }
        });
        format!(
            " {n} {} kept on this device.",
            plural(n, "recording", "recordings")
        )
    }
}
