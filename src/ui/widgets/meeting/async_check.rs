//! 'Could this be async?': four questions, and a one-step way to turn the meeting into
//! a discussion when the answers say it could be.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::model::shared::meeting::{async_verdict, ASYNC_CHECK};
use crate::workspace::use_workspace;

#[component]
pub fn AsyncCheck() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let yes = RwSignal::new([false; ASYNC_CHECK.len()]);
    let count = move || yes.with(|y| y.iter().filter(|b| **b).count());
    let convert = move |_| {
        if let Some(id) = ws.meeting_to_discussion() {
            ws.say(
                "Turned into a discussion. Share its link instead of meeting; the meeting stays in your list, pointing here.".into(),
                None,
            );
            navigate(&format!("/shared/{id}"), NavigateOptions::default());
        }
    };
    view! {
        <section class="card async-check" aria-labelledby="async-head">
            <h2 id="async-head">"Could this be async?"</h2>
            <ul class="checklist">
                {ASYNC_CHECK.iter().enumerate().map(|(i, q)| {
                    let id = format!("async-q{i}");
                    view! {
                        <li>
                            <input id=id.clone() type="checkbox" prop:checked=move || yes.with(|y| y[i])
                                on:change=move |ev| { let on = event_target_checked(&ev); yes.update(|y| y[i] = on); }/>
                            <label for=id>{*q}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="async-verdict" aria-live="polite">{move || async_verdict(count()).unwrap_or("")}</p>
            <button type="button" class=move || { if count() >= 2 { "" } else { "secondary" } } on:click=convert>"Turn into a discussion"</button>
        </section>
    }
}
