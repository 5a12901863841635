//! The details of one block as a form: the keyboard and screen-reader way to set its
//! kind, label, day and times exactly.

use leptos::prelude::*;

use crate::doc::week::WeekItem;
use crate::model::schedule::{
    clock, parse_clock, span_length as length, Block, BlockKind, DAY, MIN_BLOCK, WEEKDAYS,
};
use crate::workspace::{use_workspace, WeekValue};

#[component]
pub fn BlockEditor(selected: RwSignal<Option<String>>) -> impl IntoView {
    let ws = use_workspace();
    let block = Memo::new(move |_| {
        let id = selected.get()?;
        ws.state
            .with(|s| s.schedule.blocks.iter().find(|b| b.id == id).cloned())
    });
    let edit = move |f: &dyn Fn(&mut Block)| {
        if let Some(mut b) = block.get_untracked() {
            f(&mut b);
            ws.put_week(WeekValue::Block(b.clamped()));
        }
    };
    let close = move || {
        let id = selected.get_untracked();
        selected.set(None);
        if let Some(id) = id {
            if let Some(el) = document().get_element_by_id(&format!("block-{id}")) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    };
    view! {
        <Show when=move || block.with(|b| b.is_some())>
            <section class="card block-editor" aria-labelledby="block-editor-title"
                on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                <h2 id="block-editor-title">{move || block.get().map(|b| b.describe()).unwrap_or_default()}</h2>
                <div class="field-row">
                    <div>
                        <label for="block-kind">"Kind"</label>
                        <select id="block-kind" prop:value=move || block.with(|b| b.as_ref().map(|b| b.kind.key()).unwrap_or_default()) on:change=move |ev| {
                            let k = BlockKind::from_key(&event_target_value(&ev)).unwrap_or_default();
                            edit(&|b| b.kind = k)
                        }>
                            {BlockKind::ALL.iter().map(|k| {
                                let k = *k;
                                view! { <option value=k.key() selected=move || block.with(|b| b.as_ref().is_some_and(|b| b.kind == k))>{k.label()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="grow">
                        <label for="block-label">"Label (optional)"</label>
                        <input id="block-label" type="text" maxlength="80"
                            prop:value=move || block.with(|b| b.as_ref().map(|b| b.label.clone()).unwrap_or_default())
                            on:change=move |ev| { let v = event_target_value(&ev); edit(&|b| b.label = v.trim().to_owned()) }/>
                    </div>
                </div>
                <div class="field-row">
                    <div>
                        <label for="block-day">"Day"</label>
                        <select id="block-day" prop:value=move || block.with(|b| b.as_ref().map(|b| b.day.to_string()).unwrap_or_default()) on:change=move |ev| {
                            let d: u8 = event_target_value(&ev).parse().unwrap_or(0);
                            edit(&|b| b.day = d)
                        }>
                            {(0..7u8).map(|d| view! {
                                <option value=d.to_string() selected=move || block.with(|b| b.as_ref().is_some_and(|b| b.day == d))>{WEEKDAYS[usize::from(d)]}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div>
                        <label for="block-start">"Starts"</label>
                        <input id="block-start" type="time" step="900"
                            prop:value=move || block.with(|b| b.as_ref().map(|b| clock(b.start)).unwrap_or_default())
                            on:change=move |ev| {
                                if let Some(start) = parse_clock(&event_target_value(&ev)).filter(|m| *m < DAY) {
                                    // A new start moves the block and keeps its length, as calendars do.
                                    edit(&|b| b.start = start)
                                }
                            }/>
                    </div>
                    <div>
                        <label for="block-end">"Ends"</label>
                        <input id="block-end" type="time" step="900" aria-describedby="block-end-hint"
                            prop:value=move || block.with(|b| b.as_ref().map(|b| clock(b.start + b.minutes)).unwrap_or_default())
                            on:change=move |ev| {
                                if let Some(end) = parse_clock(&event_target_value(&ev)) {
                                    edit(&|b| b.minutes = length(b.start, end % DAY).max(MIN_BLOCK))
                                }
                            }/>
                        <p id="block-end-hint" class="hint">"An end before the start runs past midnight."</p>
                    </div>
                </div>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| close()>"Done"</button>
                    <button type="button" class="danger" on:click=move |_| {
                        if let Some(id) = selected.get_untracked() {
                            selected.set(None);
                            ws.delete_week(WeekItem::Block, &id);
                            crate::ui::widgets::week_grid::focus_grid();
                        }
                    }>"Delete block"</button>
                </div>
            </section>
        </Show>
    }
}
