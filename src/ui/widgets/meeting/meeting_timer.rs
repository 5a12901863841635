//! The meeting timer: runs through the agenda item by item; the facilitator moves on by
//! hand, and an item that runs over says so calmly instead of ringing.

use leptos::prelude::*;

use crate::model::shared::meeting::{clock_span, timer};
use crate::ui::app::Now;
use crate::ui::shared::shown_state;
use crate::workspace::{use_workspace, MeetingEdit};

#[component]
pub fn MeetingTimer() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let now = expect_context::<Now>().0;
    let meeting = Memo::new(move |_| state.with(|s| s.meeting().clone()));
    let timer_state =
        Memo::new(move |_| meeting.with(|m| timer(&m.agenda, &m.started, m.ended, now.get())));
    let running = move || meeting.with(|m| !m.started.is_empty() && m.ended.is_none());
    // The item being discussed changes a few times a meeting; the clock every second.
    // Only the clock's texts follow the second.
    let current = Memo::new(move |_| {
        let index = timer_state.with(|t| t.current).filter(|_| running());
        index.and_then(|i| meeting.with(|m| m.agenda.get(i).cloned()))
    });
    let over = Memo::new(move |_| timer_state.with(|t| t.item_over()));
    let current_index = Memo::new(move |_| timer_state.with(|t| t.current));
    // A memo: the live region is written only when what it says changes.
    let announcement = Memo::new(move |_| match current.get() {
        Some(item) if over.get() => format!("{} is over its time.", item.title),
        Some(item) => format!("Now: {}.", item.title),
        None => meeting.with(|m| {
            if m.started.is_empty() {
                String::new()
            } else {
                "The meeting has ended.".to_owned()
            }
        }),
    });
    let ended = move || meeting.with(|m| m.ended.is_some());
    let next_label = move || {
        meeting.with(|m| {
            if m.started.is_empty() {
                "Start the meeting".to_owned()
            } else if m.started.len() >= m.agenda.len() {
                "End the meeting".to_owned()
            } else {
                format!("Next: {}", m.agenda[m.started.len()].title)
            }
        })
    };
    let status = move || {
        let t = timer_state.get();
        meeting.with(|m| {
            if m.started.is_empty() {
                return format!(
                    "Not started. The agenda plans {} minutes.",
                    m.planned_minutes()
                );
            }
            if m.ended.is_some() {
                let over = if t.overrun > 0 {
                    format!(", {} over the plan", clock_span(t.overrun))
                } else {
                    ", within the plan".to_owned()
                };
                return format!("Ended after {}{over}.", clock_span(t.elapsed));
            }
            String::new()
        })
    };
    view! {
        <section class="card meeting-timer" class:running=running aria-labelledby="timer-head">
            <h2 id="timer-head">"Timer"</h2>
            {move || {
                match current.get() {
                    Some(item) => view! {
                        <div class="timer-now" class:over=move || over.get()>
                            <p class="timer-item">{item.title.clone()}</p>
                            <p class="timer-clock" aria-hidden="true">{move || clock_span(timer_state.get().item_elapsed)}<span class="of">{format!(" of {}:00", item.minutes)}</span></p>
                            <p class="timer-note">{move || {
                                let t = timer_state.get();
                                if t.item_over() {
                                    format!("{} over. Wrap this item up when you can.", clock_span(-t.item_left))
                                } else {
                                    format!("{} left on this item.", clock_span(t.item_left))
                                }
                            }}</p>
                            <p class="hint">{move || {
                                let total = meeting.with(|m| m.planned_minutes());
                                format!("{} into a {total}-minute meeting.", clock_span(timer_state.get().elapsed))
                            }}</p>
                        </div>
                    }.into_any(),
                    _ => view! { <p class="timer-status">{status}</p> }.into_any(),
                }
            }}
            // Said once per change of item, not every second.
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
            <ol class="timer-steps">
                {move || meeting.with(|m| {
                    let current = current_index.get();
                    m.agenda.iter().enumerate().map(|(i, item)| {
                        let done = i < m.started.len() && (current != Some(i));
                        let step = if current == Some(i) { "current" } else if done { "done" } else { "" };
                        view! {
                            <li class=step aria-current=(current == Some(i)).then_some("step")>
                                <span>{item.title.clone()}</span>
                                <span class="task-meta">{format!("{} min", item.minutes)}</span>
                            </li>
                        }
                    }).collect_view()
                })}
            </ol>
            <div class="actions">
                <Show when=move || !ended()>
                    <button type="button" on:click=move |_| {
                        let at = crate::web::now_ms();
                        ws.shared_edit(MeetingEdit::TimerNext(at));
                    }>{next_label}</button>
                </Show>
                <Show when=running>
                    <button type="button" class="secondary" on:click=move |_| {
                        let at = crate::web::now_ms();
                        ws.shared_edit(MeetingEdit::TimerEnd(at));
                    }>"End now"</button>
                </Show>
                <Show when=move || meeting.with(|m| !m.started.is_empty())>
                    <button type="button" class="quiet" on:click=move |_| { ws.shared_edit(MeetingEdit::TimerReset); }>"Reset timer"</button>
                </Show>
            </div>
        </section>
    }
}
