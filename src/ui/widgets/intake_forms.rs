//! The owner's intake forms on the Team page: each with how many replies it has, and a
//! new one started.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::workspace::use_workspace;

#[component]
pub fn IntakeForms() -> impl IntoView {
    let ws = use_workspace();
    let navigate = leptos_router::hooks::use_navigate();
    let forms = move || {
        ws.forms()
            .into_iter()
            .map(|(id, f)| (id, f.title, ws.responses(id).len()))
            .collect::<Vec<_>>()
    };
    let start = move |_| {
        if let Some(id) = ws.new_form() {
            navigate(&format!("/shared/{id}"), Default::default());
        }
    };
    view! {
        <div class="card">
            <h2>"Intake forms"</h2>
            <p class="hint">"Questions a new client answers in their own time instead of a discovery call, with a slot in your office hours when a call is needed."</p>
            <ul class="plain-list">
                {move || forms().into_iter().map(|(id, title, n)| view! {
                    <li><A href=format!("/shared/{id}")>{if title.is_empty() { "Untitled form".to_owned() } else { title }}</A>
                        <span class="hint">{format!(" · {n} {}", if n == 1 { "reply" } else { "replies" })}</span></li>
                }).collect_view()}
            </ul>
            <button type="button" class="secondary" on:click=start>"New intake form"</button>
        </div>
    }
}
