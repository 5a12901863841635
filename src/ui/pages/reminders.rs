//! `/reminders`: setting one's own (once or repeating), what is due (and what came due
//! while the app was closed), what is to come, notifications, and the calendar export
//! that fires reminders when the app is closed.

use chrono::{TimeZone, Utc};
use leptos::prelude::*;

use crate::model::profile::{parse_time_zone, zone_or_utc};
use crate::model::reminder::{
    choose_repeat, due, next_office_hours, parse_local, repeat_choices, upcoming, Reminder,
};
use crate::ui::app::{Missed, Now};
use crate::ui::fmt::local_moment;
use crate::ui::widgets::remind_me::reminder_zone;
use crate::workspace::use_workspace;

const HOUR: i64 = 3_600_000;

#[component]
pub fn RemindersPage() -> impl IntoView {
    crate::web::set_title("Reminders");
    let ws = use_workspace();
    let now = expect_context::<Now>().0;
    let minute = expect_context::<Now>().1;
    let missed_ids = StoredValue::new(expect_context::<Missed>().0);
    let waiting = expect_context::<crate::ui::app::SopsWaiting>().0;
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
    // A reminder of one's own: what, when, and whether it repeats.
    let new_text = RwSignal::new(String::new());
    let new_at = RwSignal::new(String::new());
    let new_repeat = RwSignal::new(String::new());
    let new_error = RwSignal::new(None::<&'static str>);
    let set_zone = move || reminder_zone(zone());
    // The date typed (or today), for the repetition choices: 'every Monday' follows it.
    let chosen_date = move || {
        let typed = new_at.get();
        chrono::NaiveDate::parse_from_str(typed.get(..10).unwrap_or(""), "%Y-%m-%d")
            .ok()
            .unwrap_or_else(|| {
                let tz = zone_or_utc(&set_zone());
                Utc.timestamp_millis_opt(crate::web::now_ms())
                    .single()
                    .unwrap_or_default()
                    .with_timezone(&tz)
                    .date_naive()
            })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_text.get_untracked();
        if text.trim().is_empty() {
            new_error.set(Some("Say what to remind you of."));
            return;
        }
        let zone = set_zone();
        let typed = new_at.get_untracked();
        let Some(at) = parse_time_zone(&zone).and_then(|tz| parse_local(tz, &typed)) else {
            new_error.set(Some("Choose a date and time."));
            return;
        };
        let date = chosen_date();
        let minute = typed
            .get(11..16)
            .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
            .map_or(0, |t| {
                chrono::Timelike::hour(&t) * 60 + chrono::Timelike::minute(&t)
            });
        let rule = choose_repeat(&new_repeat.get_untracked(), date, minute, &zone);
        // The first time is the one typed, or the rule's first after it ('the last day
        // of each month' from the 10th).
        let first = rule
            .as_ref()
            .and_then(|r| r.next_after(at - 1))
            .unwrap_or(at);
        if ws
            .add_repeating_reminder(&text, "", "", first, rule.clone())
            .is_some()
        {
            new_error.set(None);
            new_text.set(String::new());
            new_at.set(String::new());
            new_repeat.set(String::new());
            let how = rule.map(|r| format!(", then {}", lower_first(&r.label())));
            ws.say(
                format!(
                    "I will remind you {}{}.",
                    local_moment(first, &zone),
                    how.unwrap_or_default()
                ),
                None,
            );
        }
    };
    let row = move |r: Reminder, is_due: bool| {
        let id = r.id.clone();
        let (done_id, snooze_id, hour_id, delete_id) =
            (id.clone(), id.clone(), id.clone(), id.clone());
        let missed = is_due && missed_ids.with_value(|m| m.contains(&r.id));
        let when = local_moment(r.at, &zone());
        // "Every Monday at 09:00", with the rule's zone when it is not the person's.
        let repeats = r.repeat.as_ref().map(|rule| {
            if rule.zone == zone() {
                format!("{}.", rule.label())
            } else {
                format!("{} ({} time).", rule.label(), rule.zone)
            }
        });
        view! {
            <li class="reminder" class:due=is_due>
                <div class="reminder-text">
                    <p>{r.text.clone()}</p>
                    <p class="task-meta">
                        {when}
                        {(!r.source.is_empty()).then(|| format!(" · {}", r.source))}
                        {missed.then(|| view! { " · " <span class="tag">"Missed while the app was closed"</span> })}
                    </p>
                    {repeats.map(|text| view! { <p class="task-meta repeats">{text}</p> })}
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
                <p class="lede">"Set one here, or with “Remind me” on a comment, an action item or a card. They are private: they stay in your own data and never travel in a shared link."</p>
            </div>
            <section class="card" aria-labelledby="new-reminder-head">
                <h2 id="new-reminder-head">"Set a reminder"</h2>
                <form class="inline-form reminder-form" on:submit=add>
                    <div class="grow">
                        <label for="reminder-text">"Remind me to"</label>
                        <input id="reminder-text" type="text" maxlength="500" placeholder="Send the weekly numbers"
                            prop:value=move || new_text.get() on:input=move |ev| new_text.set(event_target_value(&ev))/>
                    </div>
                    <div>
                        <label for="reminder-at">"When"</label>
                        <input id="reminder-at" type="datetime-local" prop:value=move || new_at.get()
                            on:input=move |ev| new_at.set(event_target_value(&ev))/>
                    </div>
                    <div>
                        <label for="reminder-repeat">"Repeat"</label>
                        <select id="reminder-repeat" on:change=move |ev| new_repeat.set(event_target_value(&ev))>
                            {move || repeat_choices(chosen_date()).into_iter().map(|(value, label)| view! {
                                <option value=value selected=move || new_repeat.get() == value>{label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">"Set reminder"</button>
                </form>
                <p class="hint">{move || format!("On your clock ({}). A repeating reminder keeps its local time when the clocks change; on the 29th to 31st, a shorter month uses its last day.", set_zone())}</p>
                {move || new_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
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
            {move || {
                let runs = waiting.get();
                (!runs.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="runs-head">
                        <h2 id="runs-head">"SOP runs due"</h2>
                        <ul class="reminder-list">
                            {runs.into_iter().map(|r| view! {
                                <li class="reminder">
                                    <p class="reminder-text"><a href=format!("/shared/{}", r.id)>{if r.title.trim().is_empty() { "Untitled SOP".to_owned() } else { r.title.clone() }}</a></p>
                                    <p class="task-meta">{format!("Due {} · about {} min. Not started within a day, it counts as missed.", local_moment(r.due, &zone()), r.expected_minutes)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            {move || {
                // By the minute: drawn again each second, the link would lose the focus.
                minute.with(|_| ());
                let (month, due) = ws.review_waiting(now.get_untracked())?;
                Some(view! {
                    <section class="card" aria-labelledby="review-due-head">
                        <h2 id="review-due-head">"Monthly review due"</h2>
                        <p><a href="/review">{format!("Review {}", crate::ui::fmt::month(month, true))}</a></p>
                        <p class="task-meta">{format!("Due {}: how the month went, and what to change.", local_moment(due, &zone()))}</p>
                    </section>
                })
            }}
            <section class="card" aria-labelledby="upcoming-head">
                <h2 id="upcoming-head">"Coming up"</h2>
                {move || {
                    let list = upcoming_list.get();
                    if list.is_empty() {
                        return view! { <p class="hint">"No reminders to come."</p> }.into_any();
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

/// "Every Monday" as it reads mid-sentence: "every Monday".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
