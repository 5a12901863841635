//! The week as a grid of seven day columns with blocks placed by time. Blocks move and
//! resize by mouse or touch (pointer events) and by keyboard (arrows, Shift+arrows),
//! and every change is announced for screen readers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::schedule::WeekItem;
use crate::model::schedule::{lanes, Block, BlockKind, DAY, MIN_BLOCK, STEP, WEEKDAYS_SHORT};
use crate::ui::fmt;
use crate::ui::focus::focus_after_render;
use crate::ui::widgets::keyed_list::KeyedList;
use crate::workspace::{use_workspace, WeekValue};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Move,
    Resize,
}

struct Drag {
    mode: Mode,
    x: f64,
    y: f64,
    original: Block,
    column_px: f64,
    minute_px: f64,
    moved: bool,
}

fn snap(minutes: f64) -> i64 {
    ((minutes / f64::from(STEP)).round() as i64) * i64::from(STEP)
}

/// A block moved by `days` and `minutes`, kept inside the week.
pub fn moved(b: &Block, days: i64, minutes: i64) -> Block {
    let mut n = b.clone();
    n.day = (i64::from(b.day) + days).clamp(0, 6) as u8;
    n.start = (i64::from(b.start) + minutes).clamp(0, i64::from(DAY - MIN_BLOCK)) as u32;
    n
}

/// A block made longer or shorter by `minutes`.
pub fn resized(b: &Block, minutes: i64) -> Block {
    let mut n = b.clone();
    n.minutes = (i64::from(b.minutes) + minutes).clamp(i64::from(MIN_BLOCK), i64::from(DAY)) as u32;
    n
}

fn pct(minutes: u32) -> String {
    format!("{:.4}%", f64::from(minutes) * 100.0 / f64::from(DAY))
}

/// Puts focus on a block's button once the DOM has caught up.
pub fn focus_block(id: &str) {
    focus_after_render(&format!("block-{id}"));
}

/// Puts focus on the grid itself, after the focused block was deleted.
pub fn focus_grid() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector(".week-body")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The grid. `selected` is the block whose details are open; `new_kind` is what a
/// click on an empty slot adds.
#[component]
pub fn WeekGrid(
    selected: RwSignal<Option<String>>,
    created: RwSignal<Option<String>>,
    new_kind: RwSignal<BlockKind>,
) -> impl IntoView {
    let ws = use_workspace();
    let ids = Memo::new(move |_| {
        ws.state.with(|s| {
            s.schedule
                .blocks
                .iter()
                .map(|b| b.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Computed from the stored week, so a block being dragged keeps its place.
    let lane_of = Memo::new(move |_| {
        ws.state.with(|s| {
            lanes(&s.schedule.blocks)
                .into_iter()
                .map(|(id, lane, n)| (id, (lane, n)))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let body = NodeRef::<leptos::html::Div>::new();
    let scroller = NodeRef::<leptos::html::Div>::new();
    let announce = RwSignal::new(String::new());
    let drag = StoredValue::new(None::<Drag>);
    let preview = RwSignal::new(None::<Block>);

    // Open an hour before the person's working day rather than at midnight.
    Effect::new(move |_| {
        if let (Some(s), Some(b)) = (scroller.get(), body.get()) {
            let start = ws
                .state
                .with_untracked(|s| s.boundaries.hours.start)
                .saturating_sub(60);
            let h = b.get_bounding_client_rect().height();
            s.set_scroll_top((h * f64::from(start) / f64::from(DAY)) as i32);
        }
    });

    let commit = move |b: Block, what: &str| {
        if ws.put_week(WeekValue::Block(b.clone())) {
            announce.set(format!("{what}: {}", b.describe_with(&fmt::time_of_day)));
        }
    };

    let add_at = move |ev: web_sys::MouseEvent| {
        let Some(el) = body.get() else { return };
        // Only clicks on the empty grid, not on a block.
        let on_grid = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.class_list().contains("day-col"));
        if !on_grid {
            return;
        }
        let r = el.get_bounding_client_rect();
        let day = ((f64::from(ev.client_x()) - r.left()) / (r.width() / 7.0)).floor() as i64;
        let minute = (f64::from(ev.client_y()) - r.top()) * f64::from(DAY) / r.height();
        let start = ((minute / 30.0).floor() as i64 * 30).clamp(0, i64::from(DAY) - 60) as u32;
        let kind = new_kind.get_untracked();
        let block = Block {
            id: crate::workspace::new_id(),
            day: day.clamp(0, 6) as u8,
            start,
            minutes: if kind == BlockKind::Maker { 120 } else { 60 },
            kind,
            label: String::new(),
        };
        let id = block.id.clone();
        commit(block, "Added");
        created.set(Some(id.clone()));
        selected.set(Some(id.clone()));
        focus_block(&id);
    };

    let block_view = move |id: String| {
        let stored = {
            let id = id.clone();
            Memo::new(move |_| {
                preview
                    .with(|p| p.as_ref().filter(|p| p.id == id).cloned())
                    .or_else(|| {
                        ws.state
                            .with(|s| s.schedule.blocks.iter().find(|b| b.id == id).cloned())
                    })
            })
        };
        let b = move || stored.get().unwrap_or_default();
        let down = {
            move |ev: web_sys::PointerEvent| {
                if ev.button() != 0 {
                    return;
                }
                let (Some(el), Some(block)) = (body.get(), stored.get_untracked()) else {
                    return;
                };
                let mode = match ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    Some(t) if t.class_list().contains("resize") => Mode::Resize,
                    _ => Mode::Move,
                };
                if let Some(t) = ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = t.set_pointer_capture(ev.pointer_id());
                }
                let r = el.get_bounding_client_rect();
                drag.set_value(Some(Drag {
                    mode,
                    x: f64::from(ev.client_x()),
                    y: f64::from(ev.client_y()),
                    original: block,
                    column_px: r.width() / 7.0,
                    minute_px: r.height() / f64::from(DAY),
                    moved: false,
                }));
            }
        };
        let motion = move |ev: web_sys::PointerEvent| {
            let next = drag.try_update_value(|d| {
                let d = d.as_mut()?;
                let dx = f64::from(ev.client_x()) - d.x;
                let dy = f64::from(ev.client_y()) - d.y;
                if dx.abs() + dy.abs() > 4.0 {
                    d.moved = true;
                }
                if !d.moved {
                    return None;
                }
                let minutes = snap(dy / d.minute_px);
                Some(match d.mode {
                    Mode::Move => moved(&d.original, (dx / d.column_px).round() as i64, minutes),
                    Mode::Resize => resized(&d.original, minutes),
                })
            });
            if let Some(Some(b)) = next {
                if preview.with_untracked(|p| p.as_ref() != Some(&b)) {
                    preview.set(Some(b));
                }
            }
        };
        let up = {
            let id = id.clone();
            move |_ev: web_sys::PointerEvent| {
                let Some(d) = drag.try_update_value(|d| d.take()).flatten() else {
                    return;
                };
                let dropped = preview.get_untracked();
                if d.moved {
                    if let Some(b) = dropped.filter(|b| *b != d.original) {
                        commit(
                            b,
                            if d.mode == Mode::Move {
                                "Moved"
                            } else {
                                "Resized"
                            },
                        );
                    }
                } else {
                    selected.set(Some(id.clone()));
                }
                preview.set(None);
            }
        };
        let cancel = move |_ev: web_sys::PointerEvent| {
            drag.set_value(None);
            preview.set(None);
        };
        let key = {
            let id = id.clone();
            move |ev: web_sys::KeyboardEvent| {
                let Some(block) = stored.get_untracked() else {
                    return;
                };
                if ev.key() == "Escape" && drag.with_value(|d| d.is_some()) {
                    // Escape during a drag puts the block back where it was.
                    ev.prevent_default();
                    drag.set_value(None);
                    preview.set(None);
                    return;
                }
                let shift = ev.shift_key();
                let step = i64::from(STEP);
                let (next, what) = match ev.key().as_str() {
                    "ArrowUp" if shift => (resized(&block, -step), "Shorter"),
                    "ArrowDown" if shift => (resized(&block, step), "Longer"),
                    "ArrowUp" => (moved(&block, 0, -step), "Moved"),
                    "ArrowDown" => (moved(&block, 0, step), "Moved"),
                    "ArrowLeft" => (moved(&block, -1, 0), "Moved"),
                    "ArrowRight" => (moved(&block, 1, 0), "Moved"),
                    "Delete" | "Backspace" => {
                        ev.prevent_default();
                        if selected.get_untracked().as_deref() == Some(id.as_str()) {
                            selected.set(None);
                        }
                        ws.delete_week(WeekItem::Block, &id);
                        focus_grid();
                        return;
                    }
                    _ => return,
                };
                ev.prevent_default();
                if next != block {
                    commit(next, what);
                    // Moving to another day keeps the block under the keyboard.
                    focus_block(&id);
                }
            }
        };
        let lane_now = {
            let id = id.clone();
            Memo::new(move |_| {
                // A dragged block spans its column, so where it lands is plain to see.
                if preview.with(|p| p.as_ref().is_some_and(|p| p.id == id)) {
                    return (0, 1);
                }
                lane_of.with(|l| l.get(&id).copied().unwrap_or((0, 1)))
            })
        };
        let id_for_class = id.clone();
        let id_for_select = id.clone();
        let late = move || {
            let b = b();
            (b.start + b.minutes > DAY).then(|| (b.start + b.minutes - DAY, b.day, b.kind))
        };
        view! {
            // The button carries the name; the text drawn on the block sits beside it,
            // hidden from assistive technology, so the name can read as a sentence
            // ("Deep work: Writing, Tuesday 10:00 to 12:30 (2 h 30 min)").
            <div
                class=move || {
                    let b = b();
                    let mut c = format!("block kind-{}", b.kind.key());
                    if selected.with(|s| s.as_deref() == Some(id_for_class.as_str())) {
                        c.push_str(" selected");
                    }
                    if preview.with(|p| p.as_ref().is_some_and(|p| p.id == id_for_class)) {
                        c.push_str(" dragging");
                    }
                    c
                }
                style:left=move || {
                    let (lane, n) = lane_now.get();
                    format!("calc({} * 100% / 7 + 2px + {lane} * (100% / 7 - 4px) / {n})", b().day)
                }
                style:width=move || { let (_, n) = lane_now.get(); format!("calc((100% / 7 - 4px) / {n})") }
                style:top=move || pct(b().start)
                style:height=move || pct(b().minutes.min(DAY - b().start))
            >
                <span class="block-face" aria-hidden="true">
                    <span class="block-time">{move || format!("{}–{}", fmt::time_of_day(b().start), fmt::time_of_day(b().start + b().minutes))}</span>
                    <span class="block-label">{move || {
                        let b = b();
                        if b.label.trim().is_empty() { b.kind.label().to_owned() } else { b.label }
                    }}</span>
                </span>
                <button
                    type="button"
                    id=format!("block-{id}")
                    class="block-hit"
                    aria-label=move || b().describe_with(&fmt::time_of_day)
                    aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Shift+ArrowUp Shift+ArrowDown Delete"
                    on:pointerdown=down
                    on:pointermove=motion
                    on:pointerup=up
                    on:pointercancel=cancel
                    on:keydown=key
                    on:click=move |ev| {
                        // Pointer clicks are handled on pointerup; this is Enter or Space.
                        if ev.detail() == 0 {
                            selected.set(Some(id_for_select.clone()));
                        }
                    }
                >
                    <span class="resize"></span>
                </button>
            </div>
            {move || late().map(|(rest, day, kind)| {
                // The part after midnight, drawn on the next day; the block itself is
                // the one to focus and describe.
                let next = (day + 1) % 7;
                view! {
                    <div class=format!("block continued kind-{}", kind.key()) aria-hidden="true"
                        style:left=format!("calc({next} * 100% / 7 + 2px)")
                        style:top="0%"
                        style:height=pct(rest)></div>
                }
            })}
        }
    };

    view! {
        <div class="week">
            // One scroller for both directions: on a phone the days scroll sideways under
            // a sticky head and hour column, wide enough to read the labels.
            <div class="week-scroll" node_ref=scroller>
                <div class="week-head" aria-hidden="true">
                    <span></span>
                    {WEEKDAYS_SHORT.iter().map(|d| view! { <span>{*d}</span> }).collect_view()}
                </div>
                <div class="week-inner">
                    <div class="hours" aria-hidden="true">
                        {(0..24u32).map(|h| view! { <span>{fmt::hour(h)}</span> }).collect_view()}
                    </div>
                    <div class="week-body" node_ref=body on:click=add_at tabindex="-1" role="group" aria-label="Week grid. Use Tab to reach each block; arrows move it, Shift with Up or Down resizes, Delete removes it.">
                        {(0..7).map(|d| view! { <div class="day-col" data-day=d></div> }).collect_view()}
                        <KeyedList ids=ids row={Callback::new(move |id: String| block_view(id).into_any())}/>
                    </div>
                </div>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
}
