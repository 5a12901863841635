//! The details of one block as a form: the keyboard and screen-reader way to set its
//! kind, label, day and times exactly.

use leptos::prelude::*;
use std::fmt::Write as _;

use crate::model::schedule::WeekItem;
use crate::model::schedule::{
    clock, duplicate, overlapping, parse_clock, repeat_on, span_length as length, Block, BlockKind,
    DAY, MIN_BLOCK, WEEKDAYS, WEEKDAYS_SHORT, WORK_WEEK,
};
use crate::ui::fmt;
use crate::ui::widgets::week::week_grid::{focus_block, focus_grid};
use crate::workspace::{use_workspace, WeekValue};

/// `created` is the block just added (by the button or a click on the grid): Escape
/// takes it away again. For a block that was there before, Escape puts back what the
/// editor changed.
#[component]
pub fn BlockEditor(
    selected: RwSignal<Option<String>>,
    created: RwSignal<Option<String>>,
) -> impl IntoView {
    let ws = use_workspace();
    let block = Memo::new(move |_| {
        let id = selected.get()?;
        ws.state
            .with(|s| s.schedule.blocks.iter().find(|b| b.id == id).cloned())
    });
    // The block as it was before this editor's first change, for Escape.
    let before = StoredValue::new(None::<Block>);
    Effect::new(move |_| {
        let id = selected.get();
        before.set_value(None);
        if created.get_untracked() != id {
            created.set(None);
        }
    });
    let edit = move |f: &dyn Fn(&mut Block)| {
        if let Some(mut b) = block.get_untracked() {
            if before.with_value(|v| v.is_none()) {
                before.set_value(Some(b.clone()));
            }
            f(&mut b);
            ws.put_week(WeekValue::Block(b.clamped()));
        }
    };
    let close = move || {
        let id = selected.get_untracked();
        selected.set(None);
        created.set(None);
        if let Some(id) = id {
            focus_block(&id);
        }
    };
    let cancel = move || {
        let Some(id) = selected.get_untracked() else {
            return;
        };
        if created.get_untracked().as_deref() == Some(id.as_str()) {
            // A block added a moment ago: cancelling takes it away (Undo brings it back).
            selected.set(None);
            created.set(None);
            ws.delete_week(WeekItem::Block, &id);
            focus_grid();
            return;
        }
        if let Some(old) = before.with_value(|v| v.clone()) {
            if block.get_untracked().as_ref() != Some(&old) {
                let name = old.describe_with(&fmt::time_of_day);
                if ws.put_week(WeekValue::Block(old)) {
                    ws.say(format!("Changes undone: {name}."), None);
                }
            }
        }
        close();
    };
    // Copies of the block: on other days, or right after it.
    let repeat_days = RwSignal::new(0u8);
    let copy = move |days: u8| {
        let Some(b) = block.get_untracked() else {
            return;
        };
        let copies = ws
            .state
            .with_untracked(|s| repeat_on(&b, days, &s.schedule.blocks, crate::workspace::new_id));
        if copies.is_empty() {
            ws.say("Those days already have this block.".into(), None);
            return;
        }
        let names: Vec<&str> = copies
            .iter()
            .map(|c| WEEKDAYS[usize::from(c.day)])
            .collect();
        let mut text = format!("Copied to {}.", names.join(", "));
        let clashes = ws.state.with_untracked(|s| {
            copies
                .iter()
                .flat_map(|c| overlapping(&s.schedule.blocks, c))
                .map(|o| o.describe_with(&fmt::time_of_day))
                .collect::<Vec<_>>()
        });
        if !clashes.is_empty() {
            let _ = write!(text, " They overlap {}.", clashes.join("; "));
        }
        if ws.put_blocks(copies) {
            repeat_days.set(0);
            ws.say(text, None);
        }
    };
    let duplicate_block = move || {
        let Some(b) = block.get_untracked() else {
            return;
        };
        let copy = duplicate(&b, crate::workspace::new_id());
        let id = copy.id.clone();
        let text = format!("Copied: {}.", copy.describe_with(&fmt::time_of_day));
        if ws.put_week(WeekValue::Block(copy)) {
            ws.say(text, None);
            selected.set(Some(id.clone()));
            focus_block(&id);
        }
    };
    view! {
        <Show when=move || block.with(|b| b.is_some())>
            <section class="card block-editor" aria-labelledby="block-editor-title"
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); cancel() }>
                <h2 id="block-editor-title">{move || block.get().map(|b| b.describe_with(&fmt::time_of_day)).unwrap_or_default()}</h2>
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
                            // Stored as typed, so changing the day or time before leaving the
                            // field keeps it; trimmed when the field is left.
                            on:input=move |ev| { let v = event_target_value(&ev); edit(&|b| b.label = v.clone()) }
                            on:change=move |ev| { let v = event_target_value(&ev); edit(&|b| b.label = v.trim().to_owned()) }
                            on:keydown=move |ev| if ev.key() == "Enter" {
                                // Enter keeps the label and closes, as Done does.
                                ev.prevent_default();
                                let v = event_target_value(&ev);
                                edit(&|b| b.label = v.trim().to_owned());
                                close();
                            }/>
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
                <fieldset class="repeat">
                    <legend>"Copy to other days"</legend>
                    <div class="repeat-days">
                        {(0..7u8).map(|d| {
                            let id = format!("repeat-day-{d}");
                            let own = move || block.with(|b| b.as_ref().is_some_and(|b| b.day == d));
                            view! {
                                <span class="check">
                                    <input type="checkbox" id=id.clone() disabled=own
                                        prop:checked=move || own() || repeat_days.get() & (1 << d) != 0
                                        on:change=move |ev| { let on = event_target_checked(&ev); repeat_days.update(|m| if on { *m |= 1 << d } else { *m &= !(1 << d) }) }/>
                                    <label for=id title=WEEKDAYS[usize::from(d)]>{WEEKDAYS_SHORT[usize::from(d)]}</label>
                                </span>
                            }
                        }).collect_view()}
                    </div>
                    <div class="actions">
                        <button type="button" class="secondary" disabled=move || repeat_days.get() == 0
                            on:click=move |_| copy(repeat_days.get_untracked())>"Copy to ticked days"</button>
                        <button type="button" class="secondary" on:click=move |_| copy(WORK_WEEK)>"Repeat Mon–Fri"</button>
                        <button type="button" class="secondary" on:click=move |_| duplicate_block()>"Duplicate"</button>
                    </div>
                </fieldset>
                <div class="actions">
                    <button type="button" on:click=move |_| close()>"Done"</button>
                    <button type="button" class="secondary" on:click=move |_| cancel()>"Cancel"</button>
                    <button type="button" class="danger" on:click=move |_| {
                        if let Some(id) = selected.get_untracked() {
                            selected.set(None);
                            ws.delete_week(WeekItem::Block, &id);
                            focus_grid();
                        }
                    }>"Delete block"</button>
                </div>
            </section>
        </Show>
    }
}
