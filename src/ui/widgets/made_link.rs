//! A link just made (a published dashboard or form, a reply to one), shown to copy: its
//! length, a copy button, an e-mail with it, and a file instead when it is too long for
//! chat.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::workspace::{LINK_BUDGET, LINK_FITS_ANY_CHAT};

/// What a made link is and where it can go.
#[derive(Clone, PartialEq)]
pub struct Made {
    pub link: String,
    /// A `mailto:` carrying the link, when it goes to someone by e-mail.
    pub mailto: Option<String>,
    /// The same as a `.unhurried` file, and its name, for a link too long for chat.
    pub file: Option<(Vec<u8>, String)>,
}

/// Copies `text` to the clipboard and says whether the browser allowed it ("Link copied.").
pub fn copy_text(ws: crate::workspace::Workspace, text: String, what: &'static str) {
    leptos::task::spawn_local(async move {
        let ok = JsFuture::from(crate::web::copy_text(&text))
            .await
            .is_ok_and(|v| v.as_bool() == Some(true));
        ws.say(
            if ok {
                format!("{what} copied.")
            } else {
                format!(
                    "The browser did not allow copying. Select the {} below and copy it.",
                    what.to_lowercase()
                )
            },
            None,
        );
    });
}

#[component]
pub fn MadeLink(#[prop(into)] id: String, label: &'static str, made: Made) -> impl IntoView {
    let Made { link, mailto, file } = made;
    let len = link.len();
    if len > LINK_BUDGET {
        return view! {
            <div class="banner warn" role="status">
                <p>{format!("This is too long for a link ({} characters). Send it as a file instead: the other person drops it on their Shared page.", crate::ui::fmt::decimal(len as f64, 0))}</p>
                {file.map(|(bytes, name)| view! {
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| crate::web::download_bytes(&bytes, &name, "application/octet-stream")>"Download file"</button>
                    </div>
                })}
            </div>
        }
        .into_any();
    }
    let ws = crate::workspace::use_workspace();
    let copied = link.clone();
    let copy = move |_| copy_text(ws, copied.clone(), "Link");
    view! {
        <div class="made-link">
            <label for=id.clone()>{format!("{label} ({} characters)", crate::ui::fmt::decimal(len as f64, 0))}</label>
            <textarea id=id readonly rows="3" prop:value=link on:focus=|ev| {
                use wasm_bindgen::JsCast;
                if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); }
            }></textarea>
            <p class="hint">{if len <= LINK_FITS_ANY_CHAT {
                "Short enough for any chat or e-mail."
            } else {
                "Longer than WhatsApp and SMS accept; fine in Slack, Teams and e-mail."
            }}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>"Copy link"</button>
                {mailto.map(|href| view! { <a class="button secondary" href=href>"Send by e-mail"</a> })}
            </div>
        </div>
    }
    .into_any()
}
