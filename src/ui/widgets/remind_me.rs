//! 'Remind me' on a comment, an action item or a card: in an hour, at the start of the
//! next office hours, on the item's due date (at the start of the working day), or at a
//! chosen time. The reminder is private to this person.

use chrono::{TimeZone, Utc};
use leptos::prelude::*;

use crate::model::profile::parse_time_zone;
use crate::model::reminder::{next_office_hours, on_due_date, parse_local};
use crate::ui::fmt::local_moment;
use crate::ui::shared::shown_state;
use crate::workspace::use_workspace;

const HOUR: i64 = 3_600_000;

/// The zone reminders are set in: the profile's, else the browser's, else UTC, so a
/// reminder is never refused for want of one.
pub fn reminder_zone(profile_zone: String) -> String {
    if parse_time_zone(&profile_zone).is_some() {
        profile_zone
    } else if parse_time_zone(&crate::web::browser_time_zone()).is_some() {
        crate::web::browser_time_zone()
    } else {
        "UTC".to_owned()
    }
}

/// A disclosure with the reminder choices. `what` is the item's text, `kind` names it
/// in the button's accessible name ("Remind me about this action"). `due` is the item's
/// date (`YYYY-MM-DD`), if it has one: then 'on the due date' is offered, and the time
/// field starts on that date. `source` names where the item lives when it is not in the
/// shared document on screen (a deadline of one's week); the reminder then has no link.
#[component]
pub fn RemindMe(
    #[prop(into)] what: String,
    kind: &'static str,
    #[prop(optional, into)] due: String,
    #[prop(optional)] source: Option<&'static str>,
) -> impl IntoView {
    let ws = use_workspace();
    let state = source.is_none().then(shown_state);
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let zone = move || reminder_zone(ws.state.with(|s| s.profile.time_zone.clone()));
    let due_date = chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").ok();
    // On the due date at the start of the working day, if that is still to come.
    let on_due = move || {
        let tz = parse_time_zone(&zone())?;
        let date = due_date?;
        let at = ws
            .state
            .with(|s| on_due_date(tz, date, &s.boundaries.hours));
        (at > crate::web::now_ms()).then_some(at)
    };
    let at_text = RwSignal::new(
        due_date
            .map(|d| {
                let start = ws.state.with_untracked(|s| s.boundaries.hours.start);
                format!("{d}T{:02}:{:02}", start / 60, start % 60)
            })
            .unwrap_or_default(),
    );
    let what = StoredValue::new(what);
    let set = move |at: i64| {
        let (link, source) = match state {
            Some(state) => state.with_untracked(|s| (format!("/shared/{}", s.id), s.title.clone())),
            None => (String::new(), source.unwrap_or_default().to_owned()),
        };
        let text = what.get_value();
        if ws.add_reminder(&text, &link, &source, at).is_some() {
            open.set(false);
            error.set(None);
            ws.say(
                format!(
                    "I will remind you {}. See Reminders.",
                    local_moment(at, &zone())
                ),
                None,
            );
        }
    };
    let office = move || {
        let tz = parse_time_zone(&zone())?;
        let now = Utc.timestamp_millis_opt(crate::web::now_ms()).single()?;
        ws.state.with(|s| next_office_hours(&s.schedule, tz, now))
    };
    let label = format!("Remind me about this {kind}");
    view! {
        <div class="remind-me">
            <button type="button" class="quiet small" aria-expanded=move || open.get().to_string()
                aria-label=label on:click=move |_| open.update(|o| *o = !*o)>"Remind me"</button>
            <Show when=move || open.get()>
                <div class="remind-menu" role="group" aria-label="When to remind you">
                    <button type="button" class="secondary small" on:click=move |_| set(crate::web::now_ms() + HOUR)>"In an hour"</button>
                    {move || match office() {
                        Some((at, tomorrow)) => {
                            let when = local_moment(at, &zone());
                            let text = if tomorrow {
                                format!("Tomorrow at the start of my office hours ({when})")
                            } else {
                                format!("At the start of my next office hours ({when})")
                            };
                            view! { <button type="button" class="secondary small" on:click=move |_| set(at)>{text}</button> }.into_any()
                        }
                        None => view! { <p class="hint">"Add office hours to "<a href="/week">"your week"</a>" to be reminded at their start."</p> }.into_any(),
                    }}
                    {move || on_due().map(|at| {
                        let text = format!("On the due date, at the start of my working day ({})", local_moment(at, &zone()));
                        view! { <button type="button" class="secondary small" on:click=move |_| set(at)>{text}</button> }
                    })}
                    <form class="remind-at" on:submit=move |ev| {
                        ev.prevent_default();
                        let Some(tz) = parse_time_zone(&zone()) else { return };
                        match parse_local(tz, &at_text.get_untracked()) {
                            Some(at) => set(at),
                            None => error.set(Some("Choose a date and time.")),
                        }
                    }>
                        <label>
                            <span>"At"</span>
                            <input type="datetime-local" prop:value=move || at_text.get()
                                on:input=move |ev| at_text.set(event_target_value(&ev))/>
                        </label>
                        <button type="submit" class="secondary small">"Set"</button>
                    </form>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </div>
            </Show>
        </div>
    }
}
