//! Live sync of the document on screen: a quiet line saying whether it is in sync (and
//! who else has it open), the
//! switch to keep it in sync on this device's server (after saying plainly what the
//! server can read), and the offer a link made to keep it in sync too.

use leptos::prelude::*;

use crate::model::ids::DocId;
use crate::model::shared::join_and;
use crate::workspace::{plural, use_workspace, Connection, DocSync};

/// The connection in words, for Settings and the indicator.
pub fn connection_words(connection: &Connection, host: &str) -> String {
    let at = |ms: i64| crate::web::format_clock_here(ms as f64);
    match connection {
        Connection::Off => "Not connected: no document is kept in sync yet.".into(),
        Connection::Connecting => format!("Connecting to {host}…"),
        Connection::Connected => format!("Connected to {host}."),
        Connection::Offline => {
            "Offline: changes are kept here and sent when the network returns.".into()
        }
        Connection::Unreachable { since } => {
            format!("Server unreachable since {}. Trying again.", at(*since))
        }
        Connection::Refused { since, why } => {
            format!("{why} (since {}). Trying again.", at(*since))
        }
    }
}

fn changes(n: Option<usize>) -> String {
    match n {
        None => "not on the server yet".into(),
        Some(0) => "nothing waiting".into(),
        Some(n) => format!("{n} {} waiting", plural(n, "change", "changes")),
    }
}

/// One document's indicator in words.
fn indicator_words(sync: &DocSync, host: &str) -> String {
    let at = |ms: i64| crate::web::format_clock_here(ms as f64);
    match sync {
        DocSync::InSync => format!("In sync on {host}"),
        DocSync::Sending(Some(n)) => {
            format!("Sending {n} {} to {host}…", plural(*n, "change", "changes"))
        }
        DocSync::Sending(None) => format!("Sending to {host}…"),
        DocSync::Waiting(n, Connection::Offline) => format!("Offline: {}", changes(*n)),
        DocSync::Waiting(n, Connection::Unreachable { since }) => {
            format!("Server unreachable since {}: {}", at(*since), changes(*n))
        }
        DocSync::Waiting(n, Connection::Refused { why, .. }) => {
            let mut c = changes(*n);
            c[..1].make_ascii_uppercase();
            format!("{why} {c}.")
        }
        DocSync::Waiting(_, _) => format!("Connecting to {host}…"),
    }
}

const WARNING: &str = "The server stores this document unencrypted, and anyone who has its id can read it: every link to it carries the id. Keep it in sync only on a server your team trusts.";

/// Live sync of the document `id`, under its title.
#[component]
pub fn LiveSync(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let asking = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let server = move || ws.live.with(|l| l.server.clone());
    let kept = move || ws.live.with(|l| l.docs.contains(&id));
    let offer = move || ws.live.with(|l| l.offers.get(&id).cloned());
    let turn = move |on: bool| {
        asking.set(false);
        message.set(ws.keep_in_sync(id, on).err());
    };
    let accept = move |_| message.set(ws.accept_sync_offer(id).err());
    view! {
        <div class="live-sync">
            {move || match (kept(), server(), offer()) {
                (true, Some(server), _) => {
                    let host = server.host().to_owned();
                    view! {
                        <p class="sync-state" data-testid="sync-state">
                            {move || {
                                let sync = ws.doc_sync(id);
                                let class = match &sync {
                                    Some(DocSync::InSync) => "dot ok",
                                    Some(DocSync::Sending(_)) => "dot busy",
                                    _ => "dot away",
                                };
                                let mut words = sync.map(|s| indicator_words(&s, &host)).unwrap_or_default();
                                let others = ws.others_here(id);
                                if !others.is_empty() {
                                    let verb = if others.len() == 1 { "has" } else { "have" };
                                    words.push_str(&format!(" · {} {verb} it open", join_and(&others)));
                                }
                                view! { <span class=class aria-hidden="true"></span>{words} }
                            }}
                            " "
                            <button type="button" class="link-button" on:click=move |_| turn(false)>"Stop syncing"</button>
                        </p>
                    }.into_any()
                }
                (false, _, Some(offered)) => view! {
                    <div class="banner info" role="region" aria-label="Keep in sync">
                        <p><strong>{format!("This document is kept in sync on {}.", offered.host())}</strong>" Keep it in sync here too, so that teammates' changes arrive by themselves? "{WARNING}</p>
                        <div class="banner-actions">
                            <button type="button" on:click=accept>{format!("Keep in sync on {}", offered.host())}</button>
                            <button type="button" class="quiet" on:click=move |_| ws.dismiss_sync_offer(id)>"Not now"</button>
                        </div>
                    </div>
                }.into_any(),
                (false, Some(server), None) => {
                    let host = server.host().to_owned();
                    let label = format!("Keep in sync on {host}");
                    view! {
                        <div class="sync-offer">
                            <Show when=move || !asking.get()
                                fallback=move || view! {
                                    <div class="banner warn" role="alertdialog" aria-labelledby="sync-warning">
                                        <p id="sync-warning">{WARNING}</p>
                                        <div class="banner-actions">
                                            <button type="button" id="sync-confirm" on:click=move |_| turn(true)>"Keep it in sync"</button>
                                            <button type="button" class="quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                                        </div>
                                    </div>
                                }>
                                <button type="button" class="quiet small" on:click=move |_| { asking.set(true); crate::ui::focus::focus_after_render("sync-confirm"); }>{label.clone()}</button>
                            </Show>
                        </div>
                    }.into_any()
                }
                (false, None, None) | (true, None, _) => ().into_any(),
            }}
            {move || message.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}
