//! `/reminders`: what is due (and what came due while the app was closed), what is to
//! come, notifications, and the calendar export that fires reminders when the app is
//! closed.

use chrono::{TimeZone, Utc};
use leptos::prelude::*;

use crate::model::profile::parse_time_zone;
use crate::model::reminder::{due, next_office_hours, upcoming, Reminder};
use crate::ui::app::{Missed, Now};
use crate::ui::pages::boundaries::local_moment;
use crate::workspace::use_workspace;

const HOUR: i64 = 3_600_000;

#[component]
pub fn RemindersPage() -> impl IntoView {
    crate::web::set_title("Reminders");
    let ws = use_workspace();
    let now = expect_context::<Now>().0;
    let missed_ids = StoredValue::new(expect_context::<Missed>().0);
    let permission = RwSignal::new(crate::web::notification_permission());
    // Memos: the clock ticks every second, and rebuilding the lists at each tick would
    // take the keyboard focus away from their buttons.
    let due_list = Memo::new(move |_| {
        ws.state.with(|s| {
            due(&s.reminders, now.get())
                .into_iter()
                .cloned()
                .collect::<Vec<Reminder>>()
        })
    });
    let upcoming_list = Memo::new(move |_| {
        ws.state.with(|s| {
            upcoming(&s.reminders, now.get())
                .into_iter()
                .cloned()
                .collect::<Vec<Reminder>>()
        })
    });
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    let ask = move |_| {
        let promise = crate::web::request_notifications();
        leptos::task::spawn_local(async move {
            if let Ok(p) = wasm_bindgen_futures::JsFuture::from(promise).await {
                permission.set(p.as_string().unwrap_or_default());
            }
        });
    };
    let download = move |_| {
        let list = ws.state.with_untracked(|s| s.reminders.clone());
        let stamp = Utc
            .timestamp_millis_opt(crate::web::now_ms())
            .single()
            .unwrap_or_default();
        let text = crate::model::ics::reminders_ics(&list, stamp, &crate::web::origin());
        crate::web::download_bytes(text.as_bytes(), "unhurried-reminders.ics", "text/calendar");
        ws.say("Calendar file downloaded. Import it into your calendar app; its alarms fire even when Unhurried is closed.".into(), None);
    };
    let snooze_at = move || {
        let tz = parse_time_zone(&zone())?;
        let at = Utc.timestamp_millis_opt(crate::web::now_ms()).single()?;
        ws.state
            .with_untracked(|s| next_office_hours(&s.schedule, tz, at))
            .map(|(t, _)| t)
    };
    let row = move |r: Reminder, is_due: bool| {
        let id = r.id.clone();
        let (done_id, snooze_id, hour_id, delete_id) =
            (id.clone(), id.clone(), id.clone(), id.clone());
        let missed = is_due && missed_ids.with_value(|m| m.contains(&r.id));
        let when = local_moment(r.at, &zone());
        view! {
            <li class="reminder" class:due=is_due>
                <div class="reminder-text">
                    <p>{r.text.clone()}</p>
                    <p class="task-meta">
                        {when}
                        {(!r.source.is_empty()).then(|| format!(" · {}", r.source))}
                        {missed.then(|| view! { " · " <span class="tag">"Missed while the app was closed"</span> })}
                    </p>
                </div>
                <div class="actions">
                    {(!r.link.is_empty()).then(|| view! { <a class="button quiet small" href=r.link.clone()>"Open"</a> })}
                    {is_due.then(|| view! {
                        <button type="button" class="small" on:click=move |_| ws.reminder_done(&done_id)>"Done"</button>
                        <button type="button" class="quiet small" on:click=move |_| ws.snooze_reminder(&hour_id, crate::web::now_ms() + HOUR)>"In an hour"</button>
                        {snooze_at().map(|at| view! {
                            <button type="button" class="quiet small" on:click=move |_| ws.snooze_reminder(&snooze_id, at)>{format!("At my office hours, {}", local_moment(at, &zone()))}</button>
                        })}
                    })}
                    <button type="button" class="quiet small" aria-label=format!("Delete reminder: {}", r.text) on:click=move |_| ws.delete_reminder(&delete_id)>"Delete"</button>
                </div>
            </li>
        }
    };
    view! {
        <section class="page reminders">
            <div class="page-head">
                <h1>"Reminders"</h1>
                <p class="lede">"Set one with “Remind me” on a comment, an action item or a card. They are private: they stay in your own data and never travel in a shared link."</p>
            </div>
            <section class="card" aria-labelledby="due-head">
                <h2 id="due-head">"Due"</h2>
                {move || {
                    let list = due_list.get();
                    if list.is_empty() {
                        return view! { <p class="hint">"Nothing due."</p> }.into_any();
                    }
                    view! { <ul class="reminder-list">{list.into_iter().map(|r| row(r, true)).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="upcoming-head">
                <h2 id="upcoming-head">"Coming up"</h2>
                {move || {
                    let list = upcoming_list.get();
                    if list.is_empty() {
                        return view! { <p class="hint">"No reminders set."</p> }.into_any();
                    }
                    view! { <ul class="reminder-list">{list.into_iter().map(|r| row(r, false)).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="how-head">
                <h2 id="how-head">"How reminders reach you"</h2>
                <p>"While Unhurried is open, or installed and running, a due reminder shows here, on the "<strong>"Reminders"</strong>" count in the menu, and as a system notification if you allow them."</p>
                <p>"A closed web app cannot wake itself up: there is no server to send it anything. So reminders that come due while it is closed show here the next time you open it. To be told on time anyway, put them in your calendar: its alarms fire without the app."</p>
                <div class="actions">
                    {move || match permission.get().as_str() {
                        "granted" => view! { <p class="hint">"Notifications are allowed."</p> }.into_any(),
                        "denied" => view! { <p class="hint">"Notifications are blocked for this site. Allow them in the browser's site settings to get them."</p> }.into_any(),
                        "unsupported" => view! { <p class="hint">"This browser cannot show notifications."</p> }.into_any(),
                        _ => view! { <button type="button" class="secondary" on:click=ask>"Allow notifications"</button> }.into_any(),
                    }}
                    <button type="button" class="secondary" on:click=download>"Download reminders for your calendar (.ics)"</button>
                </div>
            </section>
        </section>
    }
}
