//! The work cards in four columns: anyone adds, edits and moves them; cards in
//! "Blocked" stand out.

use leptos::prelude::*;

use crate::model::shared::board::Column;
use crate::ui::shared::shown_state;
use crate::ui::widgets::board::work_card::{move_card, CardSignals, OpenCard, WorkCard};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::workspace::{use_workspace, BoardEdit};

#[component]
pub fn Kanban() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    provide_context(OpenCard(RwSignal::new(None)));
    let signals = CardSignals::default();
    provide_context(signals);
    Effect::new(move |_| state.with(|s| signals.sync(&s.board().cards)));
    let title = RwSignal::new(String::new());
    let column = RwSignal::new(Column::Todo);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        let c = column.get_untracked();
        let rank = state.with_untracked(|s| s.board().rank_at_end(c));
        if ws
            .shared_edit(BoardEdit::AddCard {
                title: t.clone(),
                column: c,
                rank,
            })
            .is_some()
        {
            title.set(String::new());
        }
    };
    view! {
        <section class="card kanban-card" aria-labelledby="kanban-head">
            <h2 id="kanban-head">"Work"</h2>
            <form class="inline-form" on:submit=add>
                <div class="grow">
                    <label for="card-new">"New card"</label>
                    <input id="card-new" type="text" maxlength="500" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for="card-new-column">"Column"</label>
                    <select id="card-new-column" on:change=move |ev| column.set(Column::from_key(&event_target_value(&ev)))>
                        {Column::ALL.into_iter().map(|c| view! { <option value=c.key() selected=move || column.get() == c>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add card"</button>
            </form>
            <div class="kanban">
                {Column::ALL.into_iter().map(|c| {
                    let head = format!("column-head-{}", c.key());
                    let head_id = head.clone();
                    // Each column follows only its own cards.
                    let column = Memo::new(move |_| state.with(|s| s.board().column(c).into_iter().map(|card| card.id.clone()).collect::<Vec<_>>()));
                    let cards = move || column.get();
                    let count = move || column.with(Vec::len);
                    view! {
                        <section class="kanban-column" class:blocked=c == Column::Blocked aria-labelledby=head.clone()
                            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                            on:drop=move |ev: leptos::ev::DragEvent| {
                                ev.prevent_default();
                                if let Some(id) = ev.data_transfer().and_then(|d| d.get_data("text/plain").ok()) {
                                    move_card(&id, c);
                                }
                            }>
                            <h3 id=head_id>{c.label()}<span class="count">{count}</span></h3>
                            <ul class="card-list">
                                // Keyed by id alone: a card's words follow the board inside it, so a
                                // merge never rebuilds a card that is being edited.
                                <KeyedList ids=Signal::derive(cards) row={Callback::new(move |id: String| view! { <WorkCard id/> }.into_any())}/>
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
