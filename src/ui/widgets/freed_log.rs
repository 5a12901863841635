//! The freed-time log of a month: what the hours freed went to (growth, rest, client
//! work), entered as they are spent, and listed with a way to take one back.

use leptos::prelude::*;

use crate::model::inventory::format_hours;
use crate::model::review::{FreedEntry, FreedUse, Month};
use crate::model::zones::date_at;
use crate::ui::fmt;
use crate::workspace::use_workspace;

#[component]
pub fn FreedLog(month: Memo<Month>) -> impl IntoView {
    let ws = use_workspace();
    let now = expect_context::<crate::ui::app::Now>();
    let today = move || {
        ws.state
            .with_untracked(|s| date_at(&s.profile.time_zone, now.0.get_untracked()))
    };
    let error = RwSignal::new(None::<&'static str>);
    // The fields are read when the form is sent, not mirrored in signals as typed.
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ev
            .target()
            .map(wasm_bindgen::JsValue::from)
            .unwrap_or_default();
        let field = |name: &str| crate::web::form_field(&form, name);
        let minutes = FreedEntry::parse_hours(&field("hours"));
        let day = chrono::NaiveDate::parse_from_str(&field("date"), "%Y-%m-%d").ok();
        let (Some(minutes), Some(day), Some(to)) = (minutes, day, FreedUse::parse(&field("to")))
        else {
            error.set(Some(
                "Give a date, and the hours: more than 0 and at most 24 (such as 1.5 or 1:30).",
            ));
            return;
        };
        error.set(None);
        let entry = FreedEntry {
            id: String::new(),
            date: day,
            minutes,
            to,
            note: field("note"),
        };
        if ws.add_freed(entry) {
            crate::web::form_reset(&form);
        }
    };
    let entries = Memo::new(move |_| {
        let month = month.get();
        ws.state.with(|s| {
            s.freed
                .iter()
                .filter(|e| month.contains(e.date))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="card freed-log">
            <h2 id="freed-head">"Where the freed time went"</h2>
            <p class="hint">"Log the hours going async gave back, and what they went to."</p>
            <ul class="plain-list" aria-labelledby="freed-head">
                {move || entries.get().into_iter().map(|e| {
                    let id = e.id.clone();
                    let what = format!("{} {}, {}", fmt::date_with_weekday(e.date), format_hours(f64::from(e.minutes) / 60.0), e.to.words());
                    let label = format!("Remove {what}");
                    view! {
                        <li class="field-row">
                            <span class="grow">{what}{(!e.note.is_empty()).then(|| format!(": {}", e.note))}</span>
                            <button type="button" class="quiet small" aria-label=label on:click=move |_| ws.remove_freed(&id)>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form wrap" on:submit=add novalidate>
                <span class="field"><label for="freed-date">"Date"</label>
                    <input id="freed-date" name="date" type="date" value=today().to_string()/></span>
                <span class="field"><label for="freed-hours">"Hours"</label>
                    <input id="freed-hours" name="hours" type="text" inputmode="decimal" size="5" placeholder="1.5"/></span>
                <span class="field"><label for="freed-to">"Went to"</label>
                    <select id="freed-to" name="to">
                        {FreedUse::ALL.map(|u| view! { <option value=u.key()>{u.words()}</option> }).into_iter().collect_view()}
                    </select></span>
                <span class="field grow"><label for="freed-note">"Note (optional)"</label>
                    <input id="freed-note" name="note" type="text" maxlength="200"/></span>
                <button type="submit" class="secondary">"Log it"</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
