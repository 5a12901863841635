//! One task in the inventory list.

use leptos::prelude::*;

use crate::model::inventory::{format_hours, Task, TaskId};
use crate::model::rate::Rate;
use crate::ui::widgets::task_editor::row_button_id;
use crate::workspace::display_title;

/// A task's title, how often and how long, its monthly time and cost, and whether it
/// needs live contact. Activating it opens the editor.
#[component]
pub fn TaskRow(
    /// The task shown.
    task: Task,
    /// The rate for costs (`None` when not set).
    rate: Option<Rate>,
    /// Which task is open in the editor.
    selected: RwSignal<Option<TaskId>>,
    /// Set when opening from the list, so the editor takes the focus.
    focus_editor: RwSignal<bool>,
) -> impl IntoView {
    let id = task.id.clone();
    let button_id = row_button_id(&id);
    let id_for_class = id.clone();
    let cost = rate.map(|r| {
        format!(
            " · {} a month",
            r.format(r.monthly_cost_cents(task.minutes_per_year()))
        )
    });
    let meta = format!(
        "{} · {} min each · {} a month{}",
        task.frequency.label(),
        task.minutes,
        format_hours(task.hours_per_month()),
        cost.unwrap_or_default()
    );
    let live = task.is_live();
    let reasons = task
        .reasons
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ");
    let decision = task.decision.describe();
    let note = {
        let n = task.note.trim();
        if n.chars().count() > 140 {
            format!("{}…", n.chars().take(139).collect::<String>())
        } else {
            n.to_owned()
        }
    };
    let undecided = task.decision.kind() == crate::model::inventory::DecisionKind::Undecided;
    view! {
        <li class="task-row" class:selected=move || selected.with(|s| s.as_ref() == Some(&id_for_class))>
            // The button holds only the title, so its name is "Edit <title>"; its ::after
            // covers the whole row so the row is one click target.
            <button type="button" class="task-open" id=button_id on:click=move |_| {
                focus_editor.set(true);
                selected.set(Some(id.clone()));
            }>
                <span class="visually-hidden">"Edit "</span>
                <span class="task-title">{display_title(&task.title)}</span>
            </button>
            <span class="task-meta">{meta}</span>
            <span class="task-tags">
                {if live {
                    view! { <span class="tag live">"Live"</span> }.into_any()
                } else {
                    view! { <span class="tag async">"Async"</span> }.into_any()
                }}
                <span class="tag decision" class:undecided=undecided>{decision}</span>
            </span>
            {live.then(|| view! { <span class="task-reasons">{reasons}</span> })}
            {(!note.is_empty()).then(|| view! { <span class="task-note">{note}</span> })}
        </li>
    }
}
