//! A calm banner when what the person sees is not safely stored, with a way out.

use leptos::prelude::*;

use crate::workspace::{use_workspace, StorageHealth};

/// Says plainly when edits are only in memory, when the data is read-only, or when
/// stored data could not be read; offers an export each time.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let ws = use_workspace();
    let export = move |_| ws.download_backup(false);
    let export_aside = move |_| {
        if let Some(bytes) = ws.aside_bytes() {
            crate::web::download_bytes(
                &bytes,
                "unhurried-unreadable-data.bin",
                "application/octet-stream",
            );
        }
    };
    view! {
        {move || match ws.health.get() {
            StorageHealth::Saved => None,
            StorageHealth::MemoryOnly(reason) => Some(view! {
                <div class="banner warn" role="alert">
                    <p>
                        <strong>"Your changes are not being saved in this browser. "</strong>
                        {format!("The browser said: {reason}. ")}
                        "Everything you type stays in this tab while it is open. Export a backup to keep it."
                    </p>
                    <div class="banner-actions">
                        <button type="button" on:click=export>"Export backup"</button>
                        <button type="button" class="quiet" on:click=move |_| ws.retry_storage()>"Try saving again"</button>
                    </div>
                </div>
            }.into_any()),
            StorageHealth::ReadOnly { found_schema } => Some(view! {
                <div class="banner info" role="status">
                    <p>
                        <strong>"Read-only. "</strong>
                        {format!("Your data was saved by a newer version of Unhurried (format {found_schema}). \
                                  You can read it here, but changes are off so nothing gets damaged. Reload to get the newest version.")}
                    </p>
                    <div class="banner-actions">
                        <button type="button" on:click=export>"Export backup"</button>
                    </div>
                </div>
            }.into_any()),
        }}
        {move || ws.aside_message.get().map(|message| view! {
            <div class="banner warn" role="alert">
                <p>
                    <strong>{message}</strong>
                    " It has been kept aside, untouched, and a fresh start was made. Export it to keep it or to send it for help."
                </p>
                <div class="banner-actions">
                    <button type="button" on:click=export_aside>"Export the unreadable data"</button>
                    <button type="button" class="quiet" on:click=move |_| ws.aside_message.set(None)>"Dismiss"</button>
                </div>
            </div>
        })}
    }
}
