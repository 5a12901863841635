//! What the meeting costs: attendees × minutes × the organiser's own rate. The rate is
//! read from the personal document here and never written to the shared meeting.

use leptos::prelude::*;

use crate::model::shared::meeting::meeting_cost_cents;
use crate::ui::fmt;
use crate::ui::shared::shown_state;
use crate::workspace::{plural, use_workspace};

#[component]
pub fn MeetingCost() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    // Everyone listed, plus the organiser.
    let listed = move || state.with(|s| s.invited.len() as u32 + 1);
    // What the person typed; empty means "everyone listed".
    let typed = RwSignal::new(String::new());
    let count = move || {
        typed
            .with(|t| t.trim().parse::<u32>().ok())
            .filter(|n| *n > 0)
            .unwrap_or_else(listed)
    };
    let minutes = move || state.with(|s| s.meeting().planned_minutes());
    view! {
        <section class="card meeting-cost" aria-labelledby="cost-head">
            <h2 id="cost-head">"What it costs"</h2>
            {move || {
                let rate = ws.state.with(|s| s.rate.clone());
                if !rate.is_set() {
                    return view! { <p class="hint">"Set "<a href="/rate">"your hourly rate"</a>" to see what this meeting costs."</p> }.into_any();
                }
                let n = count();
                let cost = meeting_cost_cents(&rate, n, minutes());
                view! {
                    <p class="cost-figure">{fmt::money(cost, &rate.currency)}</p>
                    <p class="hint">{format!("{n} {} × {} minutes at your rate of {} an hour.", plural(n as usize, "person", "people"), minutes(), fmt::money(rate.cents_per_hour(), &rate.currency))}</p>
                }.into_any()
            }}
            <label for="cost-people">"People attending"</label>
            <input id="cost-people" type="number" min="1" max="500" inputmode="numeric"
                placeholder=move || listed().to_string() aria-describedby="cost-people-hint"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <p class="hint" id="cost-people-hint">{move || format!("Empty counts everyone listed as attending, and you: {}.", listed())}</p>
            <p class="hint">"Only you see this: your rate stays on this device and is never put in the shared meeting."</p>
        </section>
    }
}
