//! The inventory (framework steps 1 and 2): list tasks, filter them, add and edit.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::model::inventory::{
    format_hours, task_titled, FrequencyKind, InventoryTotals, Task, TaskFilter, TaskId,
};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::{task_editor::TaskEditor, task_row::TaskRow};
use crate::workspace::{display_title, plural, use_workspace};

/// The task list with its add form, filters and editor.
#[component]
pub fn Tasks() -> impl IntoView {
    crate::web::set_title("Tasks");
    let ws = use_workspace();
    let selected = RwSignal::new(None::<TaskId>);
    let focus_editor = RwSignal::new(false);
    let new_title = RwSignal::new(String::new());
    let filter = RwSignal::new(TaskFilter::default());
    let add_input = NodeRef::<leptos::html::Input>::new();
    // A title that is already on the list (whatever its case and spacing): the task it
    // names, shown instead of adding the same task twice.
    let duplicate = RwSignal::new(None::<(TaskId, String)>);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = new_title.get_untracked();
        if title.trim().is_empty() {
            ws.say("Type what the task is, then press Enter.".into(), None);
            return;
        }
        let same = ws.state.with_untracked(|s| {
            task_titled(&s.tasks, &title).map(|t| (t.id.clone(), display_title(&t.title)))
        });
        if same.is_some() {
            return duplicate.set(same);
        }
        if let Some(id) = ws.add_task(&title) {
            new_title.set(String::new());
            focus_editor.set(false);
            // On a wide screen the editor opens beside the list; on a phone it would cover
            // the add box, so a list can be typed in one go there and edited after.
            if crate::web::is_wide_screen() {
                selected.set(Some(id));
            }
            // Focus stays in the add box, so a whole list can be typed in one go.
            if let Some(input) = add_input.get_untracked() {
                let _ = input.focus();
            }
        }
    };
    let rate = Memo::new(move |_| ws.state.with(|s| s.rate.is_set().then(|| s.rate.clone())));
    // The list is keyed by id; each row reads its task from its own signal, which this
    // effect keeps current, so typing in a title touches one row, not a thousand.
    let visible = Memo::new(move |_| {
        let f = filter.get();
        ws.state.with(|s| {
            s.tasks
                .iter()
                .filter(|t| f.matches(t))
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rows = StoredValue::new(HashMap::<TaskId, RwSignal<Task>>::new());
    let page_owner = Owner::current().expect("the tasks page renders inside the app");
    Effect::new(move |_| {
        ws.state.with(|s| {
            rows.update_value(|rows| {
                let present: HashSet<&TaskId> = s.tasks.iter().map(|t| &t.id).collect();
                // A deleted task's signal is freed now, not when the page goes.
                rows.retain(|id, signal| {
                    let keep = present.contains(id);
                    if !keep {
                        signal.dispose();
                    }
                    keep
                });
                for t in &s.tasks {
                    if let Some(signal) = rows.get(&t.id) {
                        if signal.with_untracked(|old| old != t) {
                            signal.set(t.clone());
                        }
                    }
                }
            })
        })
    });
    let row_signal = move |id: &TaskId| -> Option<RwSignal<Task>> {
        if let Some(signal) = rows.with_value(|rows| rows.get(id).copied()) {
            return Some(signal);
        }
        let task = ws
            .state
            .with_untracked(|s| s.tasks.iter().find(|t| t.id == *id).cloned())?;
        // Owned by the page, not the row: a row that a filter hides goes, its signal stays.
        let signal = page_owner.with(|| RwSignal::new(task));
        rows.update_value(|rows| {
            rows.insert(id.clone(), signal);
        });
        Some(signal)
    };
    let summary = move || {
        ws.state.with(|s| {
            let totals = InventoryTotals::of(&s.tasks);
            let n = s.tasks.len();
            if n == 0 {
                return String::new();
            }
            let live_share = 1.0 - totals.async_share().unwrap_or(1.0);
            format!(
                "{n} {} · {} a month · {:.0}% needs live contact",
                plural(n, "task", "tasks"),
                format_hours(
                    crate::model::inventory::minutes_per_year_to_hours_per_month(
                        totals.total_minutes_per_year
                    )
                ),
                live_share * 100.0
            )
        })
    };

    view! {
        <section class="page tasks-page">
            <header class="page-head">
                <h1>"Tasks"</h1>
                <p class="lede">"List the work you do every day, week and month, then mark what makes each task need live contact."</p>
                <p class="summary" aria-live="polite">{summary}</p>
            </header>
            <form class="add-task" on:submit=add>
                <label for="new-task" class="visually-hidden">"New task"</label>
                <input id="new-task" type="text" node_ref=add_input maxlength="200"
                    placeholder="Add a task, e.g. Weekly client report"
                    aria-describedby="new-task-error"
                    aria-invalid=move || duplicate.with(Option::is_some).to_string()
                    prop:value=move || new_title.get()
                    on:input=move |ev| {
                        new_title.set(event_target_value(&ev));
                        duplicate.set(None);
                    }/>
                <button type="submit">"Add task"</button>
            </form>
            <p id="new-task-error" class="field-error add-task-error" role="alert">
                {move || duplicate.get().map(|(id, title)| view! {
                    {format!("You already have a task called “{title}”. ")}
                    <button type="button" class="link" on:click=move |_| {
                        // Opens the task that is already there, with the focus on its title.
                        focus_editor.set(true);
                        selected.set(Some(id.clone()));
                    }>"Show it"</button>
                })}
            </p>
            <div class="filters" role="group" aria-label="Filter tasks">
                <label for="filter-freq">"How often"</label>
                <select id="filter-freq" on:change=move |ev| {
                    let kind = FrequencyKind::from_key(&event_target_value(&ev));
                    filter.update(|f| f.frequency = kind);
                }>
                    <option value="all">"All"</option>
                    {FrequencyKind::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                </select>
                <label for="filter-live">"Contact"</label>
                <select id="filter-live" on:change=move |ev| {
                    let live = match event_target_value(&ev).as_str() { "live" => Some(true), "async" => Some(false), _ => None };
                    filter.update(|f| f.live = live);
                }>
                    <option value="all">"All"</option>
                    <option value="live">"Needs live contact"</option>
                    <option value="async">"Async"</option>
                </select>
            </div>
            <div class="tasks-layout">
                <div class="task-list-wrap">
                    <Show when=move || ws.state.with(|s| s.tasks.is_empty())>
                        <p class="empty">"No tasks yet. Start with what you do every day: stand-ups, email, reports, reviews."</p>
                    </Show>
                    <Show when=move || ws.state.with(|s| !s.tasks.is_empty()) && visible.with(Vec::is_empty)>
                        <p class="empty">"No tasks match these filters."</p>
                    </Show>
                    <ul class="task-list" aria-label="Tasks">
                                                <KeyedList ids=Signal::derive(move || visible.with(|v| v.iter().map(|id| id.as_str().to_owned()).collect())) row={Callback::new(move |id: String| {
                            let id = TaskId::new(id);
                            row_signal(&id).map(|task| view! {
                                <TaskRow id=id task=task rate=rate selected=selected focus_editor=focus_editor/>
                            }).into_any()
                        })}/>
                    </ul>
                </div>
                {move || selected.get().map(|id| view! { <TaskEditor id=id selected=selected focus=focus_editor.get_untracked()/> })}
            </div>
        </section>
    }
}
