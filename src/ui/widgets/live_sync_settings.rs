//! Settings' live sync section: the sync server this device uses, checked as it is
//! typed in, and how the connection is doing.

use leptos::prelude::*;

use crate::ui::widgets::shared::live_sync::connection_words;
use crate::workspace::{plural, use_workspace};

#[component]
pub fn LiveSyncSettings() -> impl IntoView {
    let ws = use_workspace();
    let typed = RwSignal::new(
        ws.live
            .with_untracked(|l| l.server.as_ref().map(|s| s.to_string()))
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ws.set_sync_server(&typed.get_untracked()) {
            Ok(address) => {
                error.set(None);
                typed.set(address.to_string());
                saved.set(Some(format!(
                    "This device now syncs through {}.",
                    address.host()
                )));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let remove = move |_| {
        ws.clear_sync_server();
        typed.set(String::new());
        error.set(None);
        saved.set(Some(
            "This device no longer uses a sync server. Documents stay here as they are.".into(),
        ));
    };
    let status = move || {
        ws.live.with(|l| {
            let server = l.server.as_ref()?;
            let n = l.docs.len();
            let kept = if n == 0 {
                "No document is kept in sync yet: turn it on under a shared document's title."
                    .to_owned()
            } else {
                format!("{n} {} kept in sync.", plural(n, "document", "documents"))
            };
            Some(format!(
                "{} {kept}",
                connection_words(&l.connection, server.host())
            ))
        })
    };
    view! {
        <section class="card">
            <h2>"Live sync"</h2>
            <p>"Links carry documents between people with no server. A team that writes to each other every day can also run an Automerge sync server (the README says how, in one command): documents kept in sync on it update within a second or two while people are online, and offline changes are sent when the connection returns. The address is kept on this device only."</p>
            <form class="narrow" on:submit=submit novalidate>
                <label for="sync-server">"Sync server address"</label>
                <input id="sync-server" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder="wss://sync.example.com"
                    aria-describedby="sync-server-hint sync-server-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || typed.get()
                    on:input=move |ev| { typed.set(event_target_value(&ev)); saved.set(None) }/>
                <span id="sync-server-hint" class="hint">"wss:// for a server on the internet; ws:// only on this computer or a private network."</span>
                <span id="sync-server-error" class="field-error" role="alert">{move || error.get()}</span>
                <div class="actions">
                    <button type="submit">"Use this server"</button>
                    {move || ws.live.with(|l| l.server.is_some()).then(|| view! {
                        <button type="button" class="quiet" on:click=remove>"Stop using a server"</button>
                    })}
                </div>
                <p class="form-message" role="status" data-testid="sync-saved">{move || saved.get()}</p>
            </form>
            <p role="status" data-testid="sync-status">{status}</p>
        </section>
    }
}
