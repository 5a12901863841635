//! The follow-up summary: the brief (data, questions, dates), notes and action items as
//! plain text, to copy into a message or open as an email to the attendees whose
//! addresses the organiser listed.

use leptos::prelude::*;

use crate::model::shared::envelope::attendee_addresses;
use crate::model::shared::meeting::{follow_up, mailto};
use crate::ui::shared::shown_state;
use crate::workspace::use_workspace;

#[component]
pub fn FollowUp() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let text = Memo::new(move |_| state.with(|s| follow_up(s, s.meeting())));
    let subject = move || {
        state.with(|s| {
            let t = s.title.trim();
            format!("Follow-up: {}", if t.is_empty() { "meeting" } else { t })
        })
    };
    let to = Memo::new(move |_| state.with(|s| attendee_addresses(&s.invited)));
    let copy = move |_| {
        let promise = crate::web::copy_text(&text.get_untracked());
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            ws.say(
                if ok {
                    "Follow-up copied.".into()
                } else {
                    "The browser did not allow copying. Select the text and copy it.".into()
                },
                None,
            );
        });
    };
    view! {
        <section class="card follow-up" aria-labelledby="follow-head">
            <h2 id="follow-head">"Follow-up"</h2>
            <pre class="follow-text" tabindex="0" aria-label="Follow-up summary">{move || text.get()}</pre>
            <div class="actions">
                <button type="button" on:click=copy>"Copy follow-up"</button>
                <a class="button secondary" href=move || mailto(&to.get(), &subject(), &text.get())>"Open as email"</a>
            </div>
            <p class="hint">{move || match to.with(Vec::len) {
                0 => "No attendee has an address yet: the organiser can list them as Ana <ana@example.org> under Who attends.".to_owned(),
                1 => "The email goes to the one attendee with an address.".to_owned(),
                n => format!("The email goes to the {n} attendees with an address."),
            }}</p>
        </section>
    }
}
