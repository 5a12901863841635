//! The action plan: items with an owner, a due date and done.

use leptos::prelude::*;

use crate::model::shared::ItemList;
use crate::ui::shared::{shown_news, shown_state};
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::ui::widgets::keyed_list::{id_of, row_key, KeyedList};
use crate::ui::widgets::remind_me::RemindMe;
use crate::workspace::{use_workspace, SharedEdit};

const NEW_ACTION: [AddInput; 3] = [
    AddInput {
        grow: true,
        ..AddInput::text("action-text", "Action")
    },
    AddInput {
        max: "80",
        ..AddInput::text("action-owner", "Owner")
    },
    AddInput {
        kind: "date",
        ..AddInput::text("action-due", "Due")
    },
];

#[component]
pub fn ActionPlan() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let add = Callback::new(move |typed: Vec<String>| {
        let mut typed = typed.into_iter();
        let mut next = || typed.next().unwrap_or_default();
        ws.shared_edit(SharedEdit::AddAction {
            text: next(),
            owner: next(),
            due: next(),
        })
        .is_some()
    });
    let news = shown_news();
    view! {
        <section class="card" aria-labelledby="actions-head">
            <h2 id="actions-head">"Action plan"</h2>
            <ul class="action-list">
                <KeyedList ids=Signal::derive(move || state.with(|s| s.actions.iter().map(|a| row_key(&[&a.id, if a.done { "1" } else { "0" }, &a.text, &a.owner, &a.due])).collect()))
                    row=Callback::new(move |key: String| {
                        let Some(action) = state.with_untracked(|s| s.actions.iter().find(|a| a.id == id_of(&key)).cloned()) else {
                            return ().into_any();
                        };
                        let id = action.id.clone();
                        let check_id = format!("action-{}", action.id);
                        let is_new = { let id = id.clone(); move || news.with(|n| n.actions.contains(&id)) };
                        let toggled = action.clone();
                        let remove_id = id.clone();
                        let mut meta = Vec::new();
                        if !action.owner.trim().is_empty() { meta.push(action.owner.clone()); }
                        if !action.due.is_empty() { meta.push(format!("due {}", action.due)); }
                        view! {
                            <li class="action-item" class:done=action.done class:new={let is_new = is_new.clone(); move || is_new()}>
                                <div class="check">
                                    <input id=check_id.clone() type="checkbox" prop:checked=action.done on:change=move |ev| {
                                        let mut a = toggled.clone();
                                        a.done = event_target_checked(&ev);
                                        ws.shared_edit(SharedEdit::UpdateAction(a));
                                    }/>
                                    <label for=check_id>{action.text.clone()}</label>
                                </div>
                                <span class="task-meta">{meta.join(" · ")}</span>
                                {let is_new = is_new.clone(); move || is_new().then(|| view! { <span class="tag new">"New"</span> })}
                                <RemindMe what=format!("Action: {}", action.text) kind="action" due=action.due.clone()/>
                                <button type="button" class="quiet small" aria-label=format!("Remove action: {}", action.text)
                                    on:click=move |_| ws.delete_shared_item(ItemList::Actions, &remove_id, "Action")>"Remove"</button>
                            </li>
                        }.into_any()
                    })/>
            </ul>
            <AddForm inputs=&NEW_ACTION submit="Add action" on_add=add/>
        </section>
    }
}
