//! What this browser keeps, for Settings: by kind of document, with data kept aside
//! and the total.

use leptos::prelude::*;

use crate::model::kind::DocKind;
use crate::ui::fmt::{decimal, size};
use crate::workspace::{use_workspace, Stored};

/// The table of what is kept, with its total row.
#[component]
pub fn StorageUse() -> impl IntoView {
    let ws = use_workspace();
    let rows = Memo::new(move |_| {
        ws.stored.track();
        ws.state.track();
        ws.stored_use()
    });
    // Recordings live in a store of their own; their row is always shown.
    let videos = move || {
        let v = ws.videos();
        (v.len(), v.iter().map(|(_, n)| *n as usize).sum::<usize>())
    };
    let label = |what: Stored| match what {
        Stored::Kind(DocKind::Personal) => "Your own data".to_owned(),
        Stored::Kind(kind) => {
            let noun = kind.noun();
            let mut chars = noun.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        }
        Stored::Unlisted => "Documents no longer listed".to_owned(),
        Stored::Aside => "Kept aside, could not be read".to_owned(),
    };
    view! {
        <table class="storage-use" data-testid="storage-use">
            <caption>"What this browser keeps"</caption>
            <thead><tr><th scope="col">"What"</th><th scope="col">"How many"</th><th scope="col">"Size"</th></tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|u| view! {
                    <tr><th scope="row">{label(u.what)}</th><td>{decimal(u.count as f64, 0)}</td><td>{size(u.bytes as f64)}</td></tr>
                }).collect_view()}
                <tr><th scope="row">"Recordings"</th><td>{move || decimal(videos().0 as f64, 0)}</td><td>{move || size(videos().1 as f64)}</td></tr>
            </tbody>
            <tfoot>{move || {
                let rows = rows.get();
                let (videos, video_bytes) = videos();
                let count: usize = rows.iter().map(|u| u.count).sum::<usize>() + videos;
                let bytes: usize = rows.iter().map(|u| u.bytes).sum::<usize>() + video_bytes;
                view! { <tr><th scope="row">"In all"</th><td>{decimal(count as f64, 0)}</td><td>{size(bytes as f64)}</td></tr> }
            }}</tfoot>
        </table>
    }
}
