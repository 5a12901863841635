//! Polls: a question with options, single or multiple choice. Each person has one
//! answer and can change it; results show as bars with who chose what.

use leptos::prelude::*;

use crate::model::shared::discussion::poll_results;
use crate::model::shared::ItemList;
use crate::ui::shared::{me, shown_state};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::workspace::{use_workspace, DiscussionEdit};

#[component]
pub fn PollSection() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    let question = RwSignal::new(String::new());
    let options = RwSignal::new(String::new());
    let multiple = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = question.get_untracked();
        let opts: Vec<String> = options
            .get_untracked()
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if q.trim().is_empty() || opts.len() < 2 {
            error.set(Some(
                "A poll needs a question and at least two options, one per line.",
            ));
            return;
        }
        error.set(None);
        if ws
            .shared_edit(DiscussionEdit::AddPoll {
                question: q.clone(),
                multiple: multiple.get_untracked(),
                options: opts.clone(),
            })
            .is_some()
        {
            question.set(String::new());
            options.set(String::new());
            multiple.set(false);
        }
    };
    // Keyed by id alone, so answering keeps the focus on the option just chosen.
    let ids = move || {
        state.with(|s| {
            s.discussion()
                .polls
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="polls-head">
            <h2 id="polls-head">"Polls"</h2>
            <KeyedList ids=Signal::derive(ids) row={Callback::new(move |poll_id: String| {
                    let poll = Memo::new({
                        let poll_id = poll_id.clone();
                        move |_| state.with(|s| s.discussion().polls.iter().find(|p| p.id == poll_id).map(|p| {
                            let results: Vec<(String, String, Vec<String>)> = poll_results(s, p).into_iter().map(|(o, names)| (o.id.clone(), o.text.clone(), names)).collect();
                            (p.clone(), results)
                        }))
                    });
                    let initial = poll.get_untracked().map(|p| p.0).unwrap_or_default();
                    let multiple = initial.multiple;
                    let name = format!("poll-{}", poll_id);
                    let my_answer = { let me = me.clone(); move || poll.with(|p| p.as_ref().and_then(|p| p.0.answers.get(&me).cloned()).unwrap_or_default()) };
                    let total = move || poll.with(|p| p.as_ref().map(|p| p.0.answers.len()).unwrap_or(0));
                    let clear_id = poll_id.clone();
                    let remove_id = poll_id.clone();
                    let can_remove = initial.by == me;
                    let answered = my_answer.clone();
                    view! {
                        <fieldset class="poll">
                            <legend>{initial.question.clone()}</legend>
                            <p class="hint">{move || { let t = total(); format!("{} · {t} {} so far", if multiple { "Choose any" } else { "Choose one" }, if t == 1 { "answer" } else { "answers" }) }}</p>
                            {initial.options.iter().enumerate().map(|(index, option)| {
                                let oid = option.id.clone();
                                let input_id = format!("{name}-{oid}");
                                let checked = { let my_answer = my_answer.clone(); let oid = oid.clone(); move || my_answer().contains(&oid) };
                                let names = move || poll.with(|p| p.as_ref().and_then(|p| p.1.get(index).map(|r| r.2.clone())).unwrap_or_default());
                                let pct = move || (names().len() * 100).checked_div(total()).unwrap_or(0);
                                let poll_id = poll_id.clone();
                                let my_answer = my_answer.clone();
                                view! {
                                    <div class="poll-option">
                                        <div class="check">
                                            <input id=input_id.clone() type=if multiple { "checkbox" } else { "radio" } name=name.clone() prop:checked=checked
                                                on:change=move |_| {
                                                    let mut chosen = my_answer();
                                                    if !multiple {
                                                        chosen = vec![oid.clone()];
                                                    } else if chosen.contains(&oid) {
                                                        chosen.retain(|x| *x != oid);
                                                    } else {
                                                        chosen.push(oid.clone());
                                                    }
                                                    ws.shared_edit(DiscussionEdit::AnswerPoll { poll: poll_id.clone(), chosen });
                                                }/>
                                            <label for=input_id>{option.text.clone()}</label>
                                        </div>
                                        <div class="bar" role="img" aria-label=move || format!("{} of {}", names().len(), total())>
                                            <span style:width=move || format!("{}%", pct())></span>
                                        </div>
                                        <p class="task-meta">{move || { let n = names(); if n.is_empty() { "No one yet".to_owned() } else { n.join(", ") } }}</p>
                                    </div>
                                }
                            }).collect_view()}
                            <div class="actions">
                                {move || (!answered().is_empty()).then(|| { let clear_id = clear_id.clone(); view! {
                                    <button type="button" class="quiet small" on:click=move |_| { ws.shared_edit(DiscussionEdit::AnswerPoll { poll: clear_id.clone(), chosen: Vec::new() }); }>"Take back my answer"</button>
                                }})}
                                {can_remove.then(|| view! {
                                    <button type="button" class="quiet small" on:click=move |_| ws.delete_shared_item(ItemList::Polls, &remove_id, "Poll")>"Remove poll"</button>
                                })}
                            </div>
                        </fieldset>
                    }
                }.into_any())}/>
            <details class="new-poll">
                <summary>"Ask a poll question"</summary>
                <form on:submit=add>
                    <label for="poll-question">"Question"</label>
                    <input id="poll-question" type="text" maxlength="500" prop:value=move || question.get() on:input=move |ev| question.set(event_target_value(&ev))/>
                    <label for="poll-options">"Options, one per line"</label>
                    <textarea id="poll-options" rows="4" prop:value=move || options.get() on:input=move |ev| options.set(event_target_value(&ev))></textarea>
                    <div class="check">
                        <input id="poll-multi" type="checkbox" prop:checked=move || multiple.get() on:change=move |ev| multiple.set(event_target_checked(&ev))/>
                        <label for="poll-multi">"People may choose more than one"</label>
                    </div>
                    <span class="field-error" role="alert">{move || error.get()}</span>
                    <div class="form-foot"><button type="submit">"Add poll"</button></div>
                </form>
            </details>
        </section>
    }
}
