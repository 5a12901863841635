//! Asks someone who came by a link for their name at the moment they first write,
//! then makes the write they started: reading needs no name, writing needs one.

use leptos::html::Input;
use leptos::prelude::*;

use crate::model::profile::clean_display_name;
use crate::workspace::use_workspace;

/// Shown under the document while a write waits for a name.
#[component]
pub fn NamePrompt() -> impl IntoView {
    let ws = use_workspace();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if ws.name_wanted.get() {
            // The control they used still has the focus: remember it before moving on.
            crate::web::remember_writer();
            // A notice at the foot of the screen would cover the prompt's buttons.
            ws.notice.set(None);
            request_animation_frame(move || {
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match clean_display_name(&name.get_untracked()) {
            Err(e) => error.set(Some(e)),
            Ok(n) => {
                error.set(None);
                if ws.name_myself(n) {
                    request_animation_frame(crate::web::retry_writer);
                }
            }
        }
    };
    view! {
        <Show when=move || ws.name_wanted.get()>
            <form class="card name-prompt" on:submit=save novalidate aria-labelledby="name-prompt-title">
                <p id="name-prompt-title"><strong>"Before this is posted, who are you?"</strong></p>
                <p class="hint">"Others in this document see your name beside what you write. No account, nothing else is asked."</p>
                <label for="name-prompt-input">"Your name, as others will see it"</label>
                <input id="name-prompt-input" type="text" maxlength="60" autocomplete="name" node_ref=input
                    aria-describedby="name-prompt-error"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <p id="name-prompt-error" class="field-error" role="alert">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary">"Post"</button>
                    <button type="button" class="quiet" on:click=move |_| ws.name_wanted.set(false)>"Not now"</button>
                </div>
            </form>
        </Show>
    }
}
