//! The agenda: the 15-minute template to start from, each item's title and minutes
//! editable, items added, reordered and removed.

use leptos::prelude::*;

use crate::model::shared::meeting::MAX_ITEM_MINUTES;
use crate::model::shared::ItemList;
use crate::ui::focus::focus_after_render;
use crate::ui::shared::shown_state;
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::workspace::{use_workspace, MeetingEdit};

const NEW_ITEM: [AddInput; 2] = [
    AddInput {
        grow: true,
        ..AddInput::text("agenda-new", "New item")
    },
    AddInput {
        kind: "number",
        max: "240",
        start: "5",
        ..AddInput::text("agenda-new-minutes", "Minutes")
    },
];

// The form's limit, written out as text.
const _: () = assert!(MAX_ITEM_MINUTES == 240);

#[component]
pub fn AgendaEditor() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let add = Callback::new(move |typed: Vec<String>| {
        let minutes = typed[1].trim().parse::<u32>().unwrap_or(5);
        ws.shared_edit(MeetingEdit::AddAgendaItem {
            title: typed[0].clone(),
            minutes,
        })
        .is_some()
    });
    let total = move || state.with(|s| s.meeting().planned_minutes());
    let running = Memo::new(move |_| {
        state.with(|s| !s.meeting().started.is_empty() && s.meeting().ended.is_none())
    });
    view! {
        <section class="card" aria-labelledby="agenda-head">
            <h2 id="agenda-head">"Agenda"</h2>
            <p class="hint">{move || format!("{} minutes in all. The framework's meeting is 15: introductions 1, three points 5, action items 7, summary 2.", total())}</p>
            {move || running.get().then(|| view! { <p class="hint">"The agenda is fixed while the meeting runs: titles and minutes can change, the order cannot."</p> })}
            <ol class="agenda-list">
                // Keyed by id alone, so moving an item keeps its row (and what is typed in it).
                <KeyedList ids=Signal::derive(move || state.with(|s| s.meeting().agenda.iter().map(|a| a.id.clone()).collect::<Vec<_>>())) row={Callback::new(move |id: String| {
                        let id = StoredValue::new(id);
                        let item = Memo::new(move |_| state.with(|s| {
                            let agenda = &s.meeting().agenda;
                            let index = agenda.iter().position(|a| a.id == id.get_value()).unwrap_or(0);
                            (index, agenda.len(), agenda.get(index).cloned().unwrap_or_default())
                        }));
                        let title = move || item.with(|i| i.2.title.clone());
                        let minutes = move || item.with(|i| i.2.minutes);
                        let shift = move |up: bool| {
                            ws.shared_edit(MeetingEdit::MoveAgendaItem { id: id.get_value(), up });
                            focus_after_render(&format!("agenda-{}-{}", id.get_value(), if up { "up" } else { "down" }));
                        };
                        view! {
                            <li class="agenda-item">
                                <label class="visually-hidden" for=format!("agenda-title-{}", id.get_value())>{move || format!("Item {} title", item.with(|i| i.0) + 1)}</label>
                                <input id=format!("agenda-title-{}", id.get_value()) type="text" maxlength="500" prop:value=title
                                    on:change=move |ev| {
                                        let t = event_target_value(&ev);
                                        let m = minutes();
                                        ws.shared_edit(MeetingEdit::UpdateAgendaItem { id: id.get_value(), title: t.trim().to_owned(), minutes: m });
                                    }/>
                                <label class="agenda-minutes">
                                    <input type="number" min="0" max=MAX_ITEM_MINUTES inputmode="numeric" prop:value=move || minutes().to_string()
                                        aria-label=move || format!("Minutes for {}", title())
                                        on:change=move |ev| {
                                            let m = event_target_value(&ev).trim().parse::<u32>().unwrap_or_else(|_| minutes());
                                            let t = title();
                                            ws.shared_edit(MeetingEdit::UpdateAgendaItem { id: id.get_value(), title: t, minutes: m });
                                        }/>
                                    <span>"min"</span>
                                </label>
                                <span class="agenda-buttons">
                                    <button type="button" id=format!("agenda-{}-up", id.get_value()) class="quiet small"
                                        disabled=move || running.get() || item.with(|i| i.0 == 0) aria-label=move || format!("Move {} up", title())
                                        on:click=move |_| shift(true)>"↑"</button>
                                    <button type="button" id=format!("agenda-{}-down", id.get_value()) class="quiet small"
                                        disabled=move || running.get() || item.with(|i| i.0 + 1 >= i.1) aria-label=move || format!("Move {} down", title())
                                        on:click=move |_| shift(false)>"↓"</button>
                                    <button type="button" class="quiet small" disabled=running aria-label=move || format!("Remove {}", title())
                                        on:click=move |_| ws.delete_shared_item(ItemList::Agenda, &id.get_value(), "Agenda item")>"Remove"</button>
                                </span>
                            </li>
                        }
                    }.into_any())}/>
            </ol>
            <AddForm inputs=&NEW_ITEM submit="Add item" on_add=add/>
        </section>
    }
}
