//! Takes in a share link opened in this tab (at start or pasted later), and shows
//! plainly what happened: the document opens, or a message says why not.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;

use crate::workspace::use_workspace;

/// The last link or file that could not be opened: a heading and the reason, shown
/// until dismissed.
#[derive(Clone, Copy)]
pub struct LinkError(pub RwSignal<Option<(&'static str, String)>>);

/// A link's fragment waiting to be taken in: the one the page opened with, or one
/// pasted into the address bar since.
#[derive(Clone, Copy)]
pub struct PendingLink(pub RwSignal<Option<String>>);

pub const LINK_FAILED: &str = "That link could not be opened.";
pub const FILE_FAILED: &str = "That file could not be opened.";

/// Watches the address for a share link; must sit inside the router.
#[component]
pub fn LinkReceiver() -> impl IntoView {
    let ws = use_workspace();
    let pending = expect_context::<PendingLink>().0;
    let error = expect_context::<LinkError>().0;
    let on_hash = Closure::<dyn FnMut()>::new(move || {
        let fragment = crate::web::take_fragment();
        if !fragment.is_empty() {
            pending.set(Some(fragment));
        }
    });
    crate::web::on_fragment(&on_hash);
    // Listens for the page's whole life.
    on_hash.forget();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(fragment) = pending.get() else {
            return;
        };
        // Someone new reads at once and is asked their name only when they first write;
        // what the link carries is stored now, so closing the tab loses nothing.
        ws.ensure_identity();
        crate::web::perf_mark("unhurried:receive:start");
        let received = ws.receive_fragment(&fragment);
        crate::web::perf_mark("unhurried:receive:end");
        crate::web::perf_measure(
            "unhurried:receive",
            "unhurried:receive:start",
            "unhurried:receive:end",
        );
        match received {
            Ok((id, message)) => {
                // Cleared only once the route shows the document, so the welcome never
                // flashes in between for someone new.
                error.set(None);
                ws.say(message, None);
                // The page may already be showing this document: then it will not load
                // it again by itself, so refresh it here.
                let showing = ws
                    .shared
                    .with_untracked(|v| v.as_ref().is_some_and(|v| v.id == id));
                navigate(&format!("/shared/{id}"), NavigateOptions::default());
                if showing {
                    let _ = ws.show_shared(id);
                }
                pending.set(None);
            }
            Err(message) => {
                pending.set(None);
                error.set(Some((LINK_FAILED, message)));
            }
        }
    });
    view! {
        {move || error.get().map(|(heading, message)| view! {
            <div class="banner warn link-error" role="alert">
                <p><strong>{heading}</strong>" "{message}</p>
                <div class="banner-actions">
                    <button type="button" class="quiet" on:click=move |_| error.set(None)>"Dismiss"</button>
                </div>
            </div>
        })}
    }
}
