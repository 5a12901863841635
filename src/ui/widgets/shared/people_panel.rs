//! Who is in: whose input the owner wants, and who has commented, voted or answered,
//! so people can nudge the ones still missing.

use leptos::prelude::*;

use crate::model::shared::names_sentence;
use crate::ui::shared::shown_state;

#[component]
pub fn PeoplePanel(is_owner: Signal<bool>) -> impl IntoView {
    let state = shown_state();
    let lines = move || {
        state.with(|s| {
            let r = s.responses();
            let names = |pick: fn(&crate::model::shared::Response) -> bool| -> Vec<String> {
                r.iter()
                    .filter(|p| pick(p))
                    .map(|p| p.name.clone())
                    .collect()
            };
            let voted = names(|p| p.voted);
            let commented = names(|p| p.commented);
            let answered = names(|p| p.answered);
            let waiting = names(|p| p.invited && !p.voted && !p.commented && !p.answered);
            let mut out = Vec::new();
            if !voted.is_empty() {
                out.push(names_sentence(&voted, "have voted", "has voted") + ".");
            }
            if !commented.is_empty() {
                out.push(names_sentence(&commented, "have commented", "has commented") + ".");
            }
            if !answered.is_empty() {
                // A discussion's answers are to its polls; a feedback request's, to it.
                let (many, one) = if s.discussion().polls.is_empty() {
                    ("have answered", "has answered")
                } else {
                    ("have answered the poll", "has answered the poll")
                };
                out.push(names_sentence(&answered, many, one) + ".");
            }
            if !waiting.is_empty() {
                out.push(format!(
                    "Still waiting for {}.",
                    crate::model::shared::join_and(&waiting)
                ));
            }
            (r, out)
        })
    };
    view! {
        <section class="card people" aria-labelledby="people-head">
            <h2 id="people-head">"Who is in"</h2>
            {move || {
                let (responses, sentences) = lines();
                if responses.is_empty() {
                    return view! {
                        <p class="hint">{move || if is_owner.get() { "No one else yet. List whose input you want under Settings below, then share the link." } else { "No one else has joined yet." }}</p>
                    }.into_any();
                }
                view! {
                    <div>
                        {sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                        <ul class="people-list">
                            {responses.into_iter().map(|p| {
                                let mut done = Vec::new();
                                if p.commented { done.push("commented"); }
                                if p.voted { done.push("voted"); }
                                if p.answered { done.push("answered"); }
                                let status = if done.is_empty() { "nothing yet".to_owned() } else { done.join(", ") };
                                view! {
                                    <li class:waiting=done.is_empty()>
                                        <strong>{p.name}</strong>
                                        <span class="task-meta">{format!(" · {status}")}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
