//! The form someone who was sent a feedback request answers: a score from 1 to 5, the
//! two written questions every request asks, and the owner's own. Saved together with
//! one button, so a name asked for on the first save makes that same save afterwards.

use leptos::prelude::*;

use crate::model::review::Month;
use crate::model::shared::feedback::{SCORE_QUESTION, SCORE_WORDS, WRITTEN};
use crate::ui::fmt;
use crate::ui::shared::{me, shown_state};
use crate::workspace::{use_workspace, FeedbackEdit};

#[component]
pub fn AnswerForm() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    // The answers as saved, read when drawn and when sent: the fields are not mirrored
    // in signals as they are typed.
    let mine =
        move || state.with_untracked(|s| s.feedback().answer_of(&me).cloned().unwrap_or_default());
    // Every written question as (field, question): the two every request asks, then
    // the owner's. A memo, so the fields are drawn again only when the questions
    // change, not when anything else arrives while someone is typing.
    let questions = Memo::new(move |_| {
        state.with(|s| {
            WRITTEN
                .iter()
                .map(|(f, q)| (f.to_string(), q.to_string()))
                .chain(
                    s.feedback()
                        .questions
                        .iter()
                        .map(|q| (q.id.clone(), q.text.clone())),
                )
                .collect::<Vec<_>>()
        })
    });
    let saved_score = mine().score;
    let saved = mine.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ev
            .target()
            .map(wasm_bindgen::JsValue::from)
            .unwrap_or_default();
        let saved = saved();
        let mut edits: Vec<FeedbackEdit> = Vec::new();
        let score = crate::web::form_field(&form, "score").parse::<u8>().ok();
        if let Some(n) = score.filter(|n| saved.score != Some(*n)) {
            edits.push(FeedbackEdit::SetScore(n));
        }
        for (field, _) in questions.get_untracked() {
            let text = crate::web::form_field(&form, &format!("answer-{field}"));
            if text.trim() != saved.text(&field).trim() {
                edits.push(FeedbackEdit::SetWritten {
                    field,
                    text: text.trim().to_owned(),
                });
            }
        }
        if edits.is_empty() {
            ws.say(
                "Nothing has changed since your answers were saved.".into(),
                None,
            );
            return;
        }
        // The first save may wait for a name; nothing after it is written until then.
        for edit in edits {
            if ws.shared_edit(edit).is_none() {
                return;
            }
        }
        ws.say(
            "Your answers are saved. Send them back with the reply link.".into(),
            None,
        );
    };
    view! {
        <form class="card feedback-form" on:submit=save aria-labelledby="answer-head">
            <h2 id="answer-head">"Your answers"</h2>
            <p class="hint">{move || state.with(|s| match Month::parse(&s.feedback().month) {
                Some(m) => format!("About {}. Only {} and the people they send this to read it.", fmt::month(m, true), s.name_of(&s.owner)),
                None => format!("Only {} and the people they send this to read it.", s.name_of(&s.owner)),
            })}</p>
            <fieldset class="score-choice">
                <legend>{SCORE_QUESTION}</legend>
                {(1..=5u8).map(|n| {
                    let id = format!("score-{n}");
                    view! {
                        <span class="radio">
                            <input type="radio" name="score" id=id.clone() value=n.to_string()
                                checked=saved_score == Some(n)/>
                            <label for=id>{format!("{n}: {}", SCORE_WORDS[usize::from(n - 1)])}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            {move || questions.get().into_iter().map(|(field, question)| {
                let id = format!("answer-{field}");
                let start = mine().text(&field).to_owned();
                view! {
                    <label for=id.clone()>{question}</label>
                    <textarea id=id.clone() name=id rows="3" maxlength="5000">{start}</textarea>
                }
            }).collect_view()}
            <div class="form-foot">
                <button type="submit">"Save my answers"</button>
                <span class="hint">"Then send them back with “Reply link” below."</span>
            </div>
        </form>
    }
}
