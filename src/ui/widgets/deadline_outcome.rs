//! What became of one deadline: met (on which date), missed, or moved (to which date,
//! and why). A deadline whose date has passed unmarked asks, open; the others keep the
//! choice folded away. Today is a signal, so the row stays as it is (open, with what
//! was typed) when midnight passes, and only starts asking.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::schedule::{Deadline, Outcome};
use crate::ui::fmt;
use crate::workspace::{use_workspace, WeekValue};

#[component]
pub fn DeadlineOutcome(deadline: Deadline, today: Memo<NaiveDate>) -> impl IntoView {
    let ws = use_workspace();
    let id = deadline.id.clone();
    let words = deadline.outcome_words(&fmt::date_with_weekday);
    let marked = deadline.outcome != Outcome::Open;
    let stored = StoredValue::new(deadline);
    let overdue = move || stored.with_value(|d| d.is_overdue(today.get()));
    let on = RwSignal::new(today.get_untracked().format("%Y-%m-%d").to_string());
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let parse = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    let save = move |change: &dyn Fn(&mut Deadline)| {
        let mut d = stored.get_value();
        change(&mut d);
        ws.put_week(WeekValue::Deadline(d));
    };
    let met = move |_| {
        if let Some(day) = parse(on.get_untracked()) {
            save(&|d| d.outcome = Outcome::Met(day));
        }
    };
    let move_it = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(day) = parse(to.get_untracked()) {
            let why = reason.get_untracked();
            save(&|d| d.move_to(day, &why));
        }
    };
    let field = move |name: &str| format!("deadline-{id}-{name}");
    view! {
        {(!words.is_empty()).then(|| view! {
            <div class="deadline-said">
                <span class="task-meta deadline-outcome">{words}</span>
                {marked.then(|| view! {
                    <button type="button" class="quiet small" on:click=move |_| save(&|d| d.outcome = Outcome::Open)>"Reopen"</button>
                })}
            </div>
        })}
        {(!marked).then(|| {
            view! {
                <details class="deadline-ask" open=overdue>
                    <summary>{move || if overdue() { "Its date has passed: was it met?" } else { "Met, missed or moved?" }}</summary>
                    <div class="field-row">
                        <div>
                            <label for=field("on")>"Met on"</label>
                            <input id=field("on") type="date" prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev))/>
                        </div>
                        <button type="button" on:click=met>"Met"</button>
                        <button type="button" class="secondary" on:click=move |_| save(&|d| d.outcome = Outcome::Missed)>"Missed"</button>
                    </div>
                    <form class="field-row" on:submit=move_it>
                        <div>
                            <label for=field("to")>"Move to"</label>
                            <input id=field("to") type="date" required prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                        </div>
                        <div class="grow">
                            <label for=field("why")>"Why"</label>
                            <input id=field("why") type="text" maxlength="500" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit" class="secondary">"Move"</button>
                    </form>
                </details>
            }
        })}
    }
}
