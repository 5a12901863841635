//! Links that give the problem its context (a recorded walkthrough, a spec). Only
//! http and https links are accepted, and they open in a new tab without access back.

use leptos::prelude::*;

use crate::model::shared::checked_link;
use crate::model::shared::ItemList;
use crate::ui::shared::shown_state;
use crate::workspace::{use_workspace, SharedEdit};

#[component]
pub fn ContextLinks() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let url = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match checked_link(&url.get_untracked()) {
            Ok(u) => {
                let l = label.get_untracked();
                if ws
                    .shared_edit(SharedEdit::AddLink { url: u, label: l })
                    .is_some()
                {
                    url.set(String::new());
                    label.set(String::new());
                    error.set(None);
                }
            }
            Err(e) => error.set(Some(e.message())),
        }
    };
    view! {
        <h3>"Context"</h3>
        <ul class="link-list">
            // Recorded explanations have a list of their own.
            {move || state.with(|s| s.links.iter().filter(|l| l.recording.is_none()).map(|l| {
                let id = l.id.clone();
                let text = if l.label.trim().is_empty() { l.url.clone() } else { l.label.clone() };
                view! {
                    <li>
                        <a href=l.url.clone() target="_blank" rel="noopener noreferrer nofollow">{text}</a>
                        <span class="task-meta">{format!(" · added by {}", s.name_of(&l.by))}</span>
                        <button type="button" class="quiet small" aria-label="Remove link"
                            on:click=move |_| ws.delete_shared_item(ItemList::Links, &id, "Link")>"Remove"</button>
                    </li>
                }
            }).collect_view())}
        </ul>
        <form class="inline-form" on:submit=add>
            <div>
                <label for="link-url">"Link"</label>
                <input id="link-url" type="text" inputmode="url" placeholder="https://…" aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby="link-error" prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
            </div>
            <div>
                <label for="link-label">"Label (optional)"</label>
                <input id="link-label" type="text" maxlength="500" placeholder="e.g. Walkthrough video"
                    prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
            </div>
            <button type="submit">"Add link"</button>
        </form>
        <span class="field-error" id="link-error" role="alert">{move || error.get()}</span>
    }
}
