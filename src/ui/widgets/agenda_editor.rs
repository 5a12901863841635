//! The agenda: the 15-minute template to start from, each item's title and minutes
//! editable, items added, reordered and removed.

use leptos::prelude::*;

use crate::doc::collab::ItemList;
use crate::doc::meeting::MAX_ITEM_MINUTES;
use crate::ui::pages::collab::shown_state;
use crate::workspace::use_workspace;

#[component]
pub fn AgendaEditor() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let title = RwSignal::new(String::new());
    let minutes = RwSignal::new("5".to_owned());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        let m = minutes.get_untracked().trim().parse::<u32>().unwrap_or(5);
        if t.trim().is_empty() {
            return;
        }
        if ws
            .collab_edit(|d, me, name, now| d.add_agenda_item(me, name, now, t.trim(), m))
            .is_some()
        {
            title.set(String::new());
        }
    };
    let total = move || state.with(|s| s.meeting.planned_minutes());
    view! {
        <section class="card" aria-labelledby="agenda-head">
            <h2 id="agenda-head">"Agenda"</h2>
            <p class="hint">{move || format!("{} minutes in all. The framework's meeting is 15: introductions 1, three points 5, action items 7, summary 2.", total())}</p>
            <ol class="agenda-list">
                <For each=move || state.with(|s| s.meeting.agenda.clone().into_iter().enumerate().collect::<Vec<_>>())
                    key=|(i, a)| (*i, a.id.clone(), a.title.clone(), a.minutes) let:entry>
                    {
                        let (index, item) = entry;
                        let last = move || state.with(|s| s.meeting.agenda.len()) == index + 1;
                        let (id1, id2, id3, id4, id5) = (item.id.clone(), item.id.clone(), item.id.clone(), item.id.clone(), item.id.clone());
                        let minutes_now = item.minutes;
                        let title_now = item.title.clone();
                        view! {
                            <li class="agenda-item">
                                <label class="visually-hidden" for=format!("agenda-title-{}", item.id)>{format!("Item {} title", index + 1)}</label>
                                <input id=format!("agenda-title-{}", item.id) type="text" maxlength="500" value=item.title.clone()
                                    on:change=move |ev| {
                                        let t = event_target_value(&ev);
                                        ws.collab_edit(|d, _, _, _| d.update_agenda_item(&id1, t.trim(), minutes_now));
                                    }/>
                                <label class="agenda-minutes">
                                    <input type="number" min="0" max=MAX_ITEM_MINUTES inputmode="numeric" value=item.minutes
                                        aria-label=format!("Minutes for {}", item.title)
                                        on:change=move |ev| {
                                            let m = event_target_value(&ev).trim().parse::<u32>().unwrap_or(minutes_now);
                                            ws.collab_edit(|d, _, _, _| d.update_agenda_item(&id2, &title_now, m));
                                        }/>
                                    <span>"min"</span>
                                </label>
                                <span class="agenda-buttons">
                                    <button type="button" class="quiet small" disabled=index == 0 aria-label=format!("Move {} up", item.title)
                                        on:click=move |_| { ws.collab_edit(|d, _, _, _| d.move_agenda_item(&id3, true)); }>"↑"</button>
                                    <button type="button" class="quiet small" disabled=last aria-label=format!("Move {} down", item.title)
                                        on:click=move |_| { ws.collab_edit(|d, _, _, _| d.move_agenda_item(&id4, false)); }>"↓"</button>
                                    <button type="button" class="quiet small" aria-label=format!("Remove {}", item.title)
                                        on:click=move |_| ws.delete_shared_item(ItemList::Agenda, &id5, "Agenda item")>"Remove"</button>
                                </span>
                            </li>
                        }
                    }
                </For>
            </ol>
            <form class="inline-form" on:submit=add>
                <div class="grow">
                    <label for="agenda-new">"New item"</label>
                    <input id="agenda-new" type="text" maxlength="500" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for="agenda-new-minutes">"Minutes"</label>
                    <input id="agenda-new-minutes" type="number" min="0" max=MAX_ITEM_MINUTES inputmode="numeric" prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </div>
                <button type="submit">"Add item"</button>
            </form>
        </section>
    }
}
