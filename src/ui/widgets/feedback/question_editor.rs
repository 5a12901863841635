//! What a feedback request asks, as its owner sets it: the month it is about and the
//! questions of their own beside the three every request asks.

use leptos::prelude::*;

use crate::model::review::Month;
use crate::model::shared::feedback::{SCORE_QUESTION, WRITTEN};
use crate::model::shared::ItemList;
use crate::ui::shared::shown_state;
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::workspace::{use_workspace, FeedbackEdit};

const NEW_QUESTION: [AddInput; 1] = [AddInput {
    placeholder: "e.g. Is the weekly report useful to you?",
    grow: true,
    ..AddInput::text("question-new", "A question of your own")
}];

#[component]
pub fn QuestionEditor() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let add = Callback::new(move |typed: Vec<String>| {
        ws.shared_edit(FeedbackEdit::AddQuestion(typed[0].trim().to_owned()))
            .is_some()
    });
    view! {
        <section class="card" aria-labelledby="asks-head">
            <h2 id="asks-head">"What it asks"</h2>
            <label for="feedback-month">"The month it is about"</label>
            <input id="feedback-month" type="month" prop:value=move || state.with(|s| s.feedback().month.clone())
                on:change=move |ev| { if let Some(m) = Month::parse(&event_target_value(&ev)) { ws.shared_edit(FeedbackEdit::SetMonth(m)); } }/>
            <ol class="plain-list feedback-questions">
                <li>{format!("{SCORE_QUESTION} (1 to 5)")}</li>
                {WRITTEN.iter().map(|(_, q)| view! { <li>{*q}</li> }).collect_view()}
                {move || state.with(|s| s.feedback().questions.iter().map(|q| {
                    let (id, text) = (q.id.clone(), q.text.clone());
                    view! {
                        <li class="field-row">
                            <span class="grow">{text.clone()}</span>
                            <button type="button" class="quiet small" aria-label=format!("Remove {text}")
                                on:click=move |_| ws.delete_shared_item(ItemList::Own, &id, "Question")>"Remove"</button>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <AddForm inputs=&NEW_QUESTION submit="Add question" on_add=add/>
            <p class="hint">"Send the link (below) to each client, manager or co-worker you want to hear from; each answers on their own copy, with no account, and sends their answers back by reply link."</p>
        </section>
    }
}
