//! Sharing a document: the full link, a short reply link once teammates have sent
//! theirs, a QR code for a phone, and a file (or the system share sheet) when the
//! link is too long for chat.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::ui::shared::shown_state;
use crate::ui::widgets::made_link::copy_text as copy;
use crate::ui::widgets::shared::qr_code::{QrCodeView, QR_MAX_CHARS};
use crate::workspace::use_workspace;
use crate::workspace::{LinkFit, LINK_BUDGET, LINK_FITS_ANY_CHAT};

#[derive(Clone, PartialEq)]
struct Made {
    url: String,
    fit: LinkFit,
    reply: bool,
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let made = RwSignal::new(None::<Made>);
    let nothing_new = RwSignal::new(false);
    // A link made before the latest edit would leave that edit out.
    Effect::new(move |_| {
        state.track();
        made.set(None);
        nothing_new.set(false);
    });
    let has_peers = move || {
        let me = ws.state.with(|s| s.profile.actor_id.clone());
        ws.shared
            .with(|v| v.as_ref().map(|v| v.id))
            .and_then(|id| ws.held(id))
            .is_some_and(|h| h.peers.keys().any(|p| *p != me))
    };
    let make = move |reply: bool| {
        let Some(offer) = ws.share_offer() else {
            return;
        };
        if reply {
            match offer.reply {
                Some((url, fit)) => {
                    if fit != LinkFit::TooLong {
                        copy(ws, url.clone(), "Reply link");
                    }
                    made.set(Some(Made {
                        url,
                        fit,
                        reply: true,
                    }));
                }
                None => {
                    // Nothing they lack, or the full link is as short: say so and offer the full one.
                    nothing_new.set(true);
                    made.set(Some(Made {
                        url: offer.full,
                        fit: offer.full_fit,
                        reply: false,
                    }));
                }
            }
        } else {
            if offer.full_fit != LinkFit::TooLong {
                copy(ws, offer.full.clone(), "Link");
            }
            made.set(Some(Made {
                url: offer.full,
                fit: offer.full_fit,
                reply: false,
            }));
        }
    };
    let download = move || {
        if let Some((bytes, name)) = ws.share_file_bytes() {
            crate::web::download_bytes(&bytes, &name, "application/octet-stream");
        }
    };
    let share_sheet = move || {
        if let Some((bytes, name)) = ws.share_file_bytes() {
            let title = state.with_untracked(|s| s.title.clone());
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(crate::web::share_file(&bytes, &name, &title)).await;
            });
        }
    };
    let markdown = move || state.with_untracked(|s| s.to_markdown());
    let can_share = crate::web::can_share_file();

    view! {
        <section class="card share" aria-labelledby="share-head">
            <h2 id="share-head">"Share"</h2>
            <p class="hint">{move || {
                match ws.shared.with(|v| v.as_ref().map(|v| v.id)).and_then(|id| ws.sync_host(id)) {
                    Some(host) => format!("The document travels inside the link, which also offers {host}, where it is kept in sync. Anyone who holds the link can read all of it, so send it only to the people it is for."),
                    None => "The document travels inside the link; nothing passes through a server. Anyone who holds the link can read all of it, so send it only to the people it is for.".to_owned(),
                }
            }}</p>
            <div class="actions">
                <button type="button" on:click=move |_| make(false)>"Copy link"</button>
                <Show when=has_peers>
                    <button type="button" on:click=move |_| make(true)>"Copy reply link"</button>
                </Show>
            </div>
            <Show when=has_peers>
                <p class="hint">"A reply link carries only what your teammates lack since their last link, so it stays short."</p>
            </Show>
            {move || nothing_new.get().then(|| view! {
                <p class="hint" role="status">"Your teammates already have everything in your copy, or a reply would be no shorter: here is the full link."</p>
            })}
            {move || made.get().map(|m| {
                let len = m.url.len();
                let what = if m.reply { "Reply link" } else { "Link" };
                match m.fit {
                    LinkFit::TooLong => view! {
                        <div class="banner warn" role="status">
                            <p>{format!("This document is too large for a link ({} characters; chat apps cut messages near {}). Send it as a file instead: the other person opens it from their Shared page or drops it there, and it merges the same way.", thousands(len), thousands(LINK_BUDGET))}</p>
                            <div class="banner-actions">
                                <button type="button" on:click=move |_| download()>"Download file"</button>
                                {can_share.then(|| view! { <button type="button" on:click=move |_| share_sheet()>"Share file…"</button> })}
                            </div>
                        </div>
                    }.into_any(),
                    fit => view! {
                        <div class="made-link">
                            <label for="share-url">{format!("{what} ({} characters)", thousands(len))}</label>
                            <textarea id="share-url" readonly rows="3" prop:value=m.url.clone() on:focus=|ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); }
                            }></textarea>
                            <p class="hint">{if fit == LinkFit::AnyChat {
                                "Short enough for any chat or email.".to_owned()
                            } else {
                                format!("Longer than WhatsApp and SMS accept ({} characters); fine in Slack, Teams and email. Or send a file.", thousands(LINK_FITS_ANY_CHAT))
                            }}</p>
                            {(len <= QR_MAX_CHARS).then(|| view! {
                                <details class="qr-box">
                                    <summary>"Show a QR code for a phone"</summary>
                                    <QrCodeView text=m.url.clone() label=format!("QR code of the {}", what.to_lowercase())/>
                                </details>
                            })}
                        </div>
                    }.into_any(),
                }
            })}
            <div class="actions secondary">
                <button type="button" class="quiet" on:click=move |_| download()>"Download as file"</button>
                <button type="button" class="quiet" on:click=move |_| copy(ws, markdown(), "Markdown")>"Copy as Markdown"</button>
                <button type="button" class="quiet" on:click=move |_| {
                    let md = markdown();
                    let name = crate::workspace::file_name(&state.with_untracked(|s| s.title.clone())).replace(".unhurried", ".md");
                    crate::web::download_bytes(md.as_bytes(), &name, "text/markdown");
                }>"Download Markdown"</button>
            </div>
        </section>
    }
}
