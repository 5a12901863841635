//! One work card on the board: its words, dragging by mouse, and behind one "Actions"
//! button the column chooser, up/down, editing in place and 'remind me', all usable from
//! the keyboard. The actions are built only when opened: a board holds hundreds of
//! cards, and each control on every card would weigh on every redraw.

use leptos::prelude::*;

use crate::model::shared::ItemList;
use std::collections::HashMap;

use crate::model::shared::board::{Card, Column};
use crate::ui::focus::focus_after_render;
use crate::ui::shared::{shown_news, shown_state};
use crate::ui::widgets::remind_me::RemindMe;
use crate::workspace::use_workspace;

/// The card whose actions are open, kept on the board so they stay open while the card
/// moves (a moved card is drawn anew in its new place).
#[derive(Clone, Copy)]
pub struct OpenCard(pub RwSignal<Option<String>>);

/// One signal per card, kept by the board and updated only for cards that changed: a
/// move then touches one card's view, not all five hundred (a memo per card would copy
/// every card at every change to find that out).
#[derive(Clone, Copy)]
pub struct CardSignals(pub StoredValue<HashMap<String, ArcRwSignal<Card>>>);

impl Default for CardSignals {
    fn default() -> Self {
        CardSignals(StoredValue::new(HashMap::new()))
    }
}

impl CardSignals {
    /// Brings every card's signal up to date with the board, and lets go of the signals
    /// of cards that are gone (each is freed once no view holds it).
    pub fn sync(self, cards: &[Card]) {
        self.0.update_value(|map| {
            let present: std::collections::HashSet<&str> =
                cards.iter().map(|c| c.id.as_str()).collect();
            map.retain(|id, _| present.contains(id.as_str()));
            for card in cards {
                match map.get(&card.id) {
                    Some(signal) => {
                        if signal.with_untracked(|old| old != card) {
                            signal.set(card.clone());
                        }
                    }
                    None => {
                        map.insert(card.id.clone(), ArcRwSignal::new(card.clone()));
                    }
                }
            }
        });
    }

    /// The signal of card `id`, brought up to date with the board: a card drawn anew in
    /// another column is drawn before `sync` has run for the move.
    fn get(self, id: &str) -> ArcRwSignal<Card> {
        let card = shown_state()
            .with_untracked(|s| s.board().card(id).cloned())
            .unwrap_or_default();
        if let Some(signal) = self.0.with_value(|m| m.get(id).cloned()) {
            if signal.with_untracked(|old| *old != card) {
                signal.set(card);
            }
            return signal;
        }
        let signal = ArcRwSignal::new(card);
        self.0
            .update_value(|m| drop(m.insert(id.to_owned(), signal.clone())));
        signal
    }
}

/// Moves a card to the end of `column`.
pub fn move_card(card: &str, to: Column) {
    let ws = use_workspace();
    let rank = shown_state().with_untracked(|s| s.board().rank_at_end(to));
    ws.board_move(card, to, rank);
}

#[component]
pub fn WorkCard(
    /// The card's id; its words are read from the board, so a teammate's edit merged
    /// while this card's form is open updates the card without closing the form.
    id: String,
) -> impl IntoView {
    let ws = use_workspace();
    let news = shown_news();
    let open = expect_context::<OpenCard>().0;
    let editing = RwSignal::new(false);
    let (title, note, owner) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let id = StoredValue::new(id);
    // A handle owned by this view onto the board's signal for the card.
    let card = RwSignal::from(expect_context::<CardSignals>().get(&id.get_value()));
    let is_new = move || news.with(|n| n.cards.contains(&id.get_value()));
    let is_open = move || open.with(|o| o.as_deref() == Some(id.get_value().as_str()));
    let step = move |dir: i32| {
        let id = id.get_value();
        ws.board_step(&id, dir);
        focus_after_render(&format!(
            "card-{id}-{}",
            if dir < 0 { "up" } else { "down" }
        ));
    };
    let start_edit = move |_| {
        card.with_untracked(|c| {
            title.set(c.title.clone());
            note.set(c.note.clone());
            owner.set(c.owner.clone());
        });
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, n, o) = (
            title.get_untracked(),
            note.get_untracked(),
            owner.get_untracked(),
        );
        if ws.board_edit_card(&id.get_value(), t.trim(), n.trim(), o.trim()) {
            editing.set(false);
            focus_after_render(&format!("card-{}-actions", id.get_value()));
        }
    };
    let name = move || card.with(|c| c.title.clone());
    let actions = move || {
        let id = id.get_value();
        let select_id = format!("card-{id}-column");
        view! {
            <div class="card-actions" role="group" aria-label=move || format!("Actions for {}", name())>
                <label class="visually-hidden" for=select_id.clone()>{move || format!("Column for {}", name())}</label>
                <select id=select_id on:change={
                    let id = id.clone();
                    move |ev| {
                        let to = Column::from_key(&event_target_value(&ev));
                        move_card(&id, to);
                        focus_after_render(&format!("card-{id}-column"));
                    }
                }>
                    {Column::ALL.into_iter().map(|c| view! {
                        <option value=c.key() selected=move || card.with(|x| x.column == c)>{c.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" id=format!("card-{id}-up") class="quiet small" aria-label=move || format!("Move {} up", name()) on:click=move |_| step(-1)>"↑"</button>
                <button type="button" id=format!("card-{id}-down") class="quiet small" aria-label=move || format!("Move {} down", name()) on:click=move |_| step(1)>"↓"</button>
                <button type="button" class="quiet small" aria-label=move || format!("Edit {}", name()) on:click=start_edit>"Edit"</button>
                <button type="button" class="quiet small" aria-label=move || format!("Remove {}", name()) on:click={
                    let id = id.clone();
                    move |_| ws.delete_shared_item(ItemList::Cards, &id, "Card")
                }>"Remove"</button>
                <RemindMe what=format!("Card: {}", card.with_untracked(|c| c.title.clone())) kind="card"/>
            </div>
        }
    };
    view! {
        <li class="work-card" class:new=is_new class:blocked=move || card.with(|c| c.column == Column::Blocked)
            id=format!("card-{}", id.get_value()) draggable="true"
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &id.get_value());
                    dt.set_effect_allowed("move");
                }
            }>
            <Show when=move || editing.get() fallback=move || view! {
                <h3 class="card-title">{name}</h3>
                {move || card.with(|c| (!c.owner.trim().is_empty()).then(|| view! { <p class="task-meta">{c.owner.clone()}</p> }))}
                {move || card.with(|c| (!c.note.trim().is_empty()).then(|| view! { <p class="card-note">{c.note.clone()}</p> }))}
            }>
                <form class="card-edit" on:submit=save>
                    <label for=format!("card-title-{}", id.get_value())>"Title"</label>
                    <input id=format!("card-title-{}", id.get_value()) type="text" maxlength="500" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    <label for=format!("card-owner-{}", id.get_value())>"Who"</label>
                    <input id=format!("card-owner-{}", id.get_value()) type="text" maxlength="80" prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
                    <label for=format!("card-note-{}", id.get_value())>"Note"</label>
                    <textarea id=format!("card-note-{}", id.get_value()) rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <div class="actions">
                        <button type="submit" class="small">"Save"</button>
                        <button type="button" class="quiet small" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <div class="card-foot">
                {move || is_new().then(|| view! { <span class="tag new">"New"</span> })}
                <button type="button" id=format!("card-{}-actions", id.get_value()) class="quiet small card-toggle"
                    aria-expanded=move || is_open().to_string() aria-label=move || format!("Actions for {}", name())
                    on:click=move |_| open.update(|o| {
                        let me = id.get_value();
                        *o = if o.as_deref() == Some(me.as_str()) { None } else { Some(me) };
                    })>"Actions"</button>
            </div>
            <Show when=is_open>{actions}</Show>
        </li>
    }
}
