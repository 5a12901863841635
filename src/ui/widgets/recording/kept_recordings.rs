//! The recordings this device keeps, for Settings: each with its length, when it was
//! made and its size, to download or delete (with an undo).

use leptos::prelude::*;

use super::file_name;
use crate::model::recording::length;
use crate::ui::fmt::size;
use crate::web::recorder;
use crate::workspace::use_workspace;

#[component]
pub fn KeptRecordings() -> impl IntoView {
    let ws = use_workspace();
    move || {
        let videos = ws.videos();
        (!videos.is_empty()).then(|| view! {
            <section class="card">
                <h2>"Recordings on this device"</h2>
                <p>"Videos never travel in links or backups unless you include them when you export a backup (above). Deleting one here deletes the video from this browser; documents still list its title."</p>
                <ul class="aside-list" data-testid="kept-recordings">
                    {videos.into_iter().map(|(info, bytes)| {
                        let id = info.id;
                        let name = file_name(&info.title);
                        let label = format!("{}, {}, recorded {} ({})", info.title, length(info.ms),
                            crate::web::format_time(info.at as f64, ""), size(bytes as f64));
                        let download = move |_| recorder::download_kept(id, &name);
                        view! {
                            <li>
                                <span>{label.clone()}</span>
                                <button type="button" class="secondary small" aria-label=format!("Download {label}") on:click=download>"Download"</button>
                                <button type="button" class="quiet small" aria-label=format!("Delete {label}") on:click=move |_| ws.delete_video(id)>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
