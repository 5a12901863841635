//! One task in the inventory list.

use leptos::prelude::*;

use crate::model::inventory::{format_hours, DecisionKind, Task, TaskId};
use crate::model::rate::Rate;
use crate::ui::widgets::task_editor::row_button_id;
use crate::workspace::display_title;

fn meta(task: &Task, rate: Option<&Rate>) -> String {
    let cost = rate.map(|r| {
        format!(
            " · {} a month",
            crate::ui::fmt::money(r.monthly_cost_cents(task.minutes_per_year()), &r.currency)
        )
    });
    format!(
        "{} · {} min each · {} a month{}",
        task.frequency.label(),
        task.minutes,
        format_hours(task.hours_per_month()),
        cost.unwrap_or_default()
    )
}

fn short_note(note: &str) -> String {
    let n = note.trim();
    if n.chars().count() > 140 {
        format!("{}…", n.chars().take(139).collect::<String>())
    } else {
        n.to_owned()
    }
}

/// A task's title, how often and how long, its monthly time and cost, and whether it
/// needs live contact. Activating it opens the editor. The row is keyed by id and
/// reads its task from a signal, so an edit updates this row's text and nothing else.
#[component]
pub fn TaskRow(
    /// The task's id.
    id: TaskId,
    /// The task shown, kept current by the list.
    task: RwSignal<Task>,
    /// The rate for costs (`None` when not set).
    rate: Memo<Option<Rate>>,
    /// Which task is open in the editor.
    selected: RwSignal<Option<TaskId>>,
    /// Set when opening from the list, so the editor takes the focus.
    focus_editor: RwSignal<bool>,
) -> impl IntoView {
    let button_id = row_button_id(&id);
    let id_for_class = id.clone();
    let live = move || task.with(Task::is_live);
    let reasons = move || {
        task.with(|t| {
            t.reasons
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let note = move || task.with(|t| short_note(&t.note));
    view! {
        <li class="task-row" class:selected=move || selected.with(|s| s.as_ref() == Some(&id_for_class))>
            // The button holds only the title, so its name is "Edit <title>"; its ::after
            // covers the whole row so the row is one click target.
            <button type="button" class="task-open" id=button_id on:click=move |_| {
                focus_editor.set(true);
                selected.set(Some(id.clone()));
            }>
                <span class="visually-hidden">"Edit "</span>
                <span class="task-title">{move || task.with(|t| display_title(&t.title))}</span>
            </button>
            <span class="task-meta">{move || task.with(|t| rate.with(|r| meta(t, r.as_ref())))}</span>
            <span class="task-tags">
                <span class="tag" class:live=live class:async=move || !live()>
                    {move || if live() { "Live" } else { "Async" }}
                </span>
                <span class="tag decision" class:undecided=move || task.with(|t| t.decision.kind() == DecisionKind::Undecided)>
                    {move || task.with(|t| t.decision.describe())}
                </span>
                <Show when=move || task.with(Task::is_carried_out)>
                    <span class="tag done">"Carried out"</span>
                </Show>
            </span>
            <Show when=live>
                <span class="task-reasons">{reasons}</span>
            </Show>
            <Show when=move || !note().is_empty()>
                <span class="task-note">{note}</span>
            </Show>
        </li>
    }
}
