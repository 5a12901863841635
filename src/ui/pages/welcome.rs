//! The first visit: a name and a time zone, or a backup to restore, beside the five
//! steps the app takes a person through.

use leptos::prelude::*;

use crate::model::profile::{clean_display_name, parse_time_zone, Profile};
use crate::ui::widgets::{
    file_import::FileImport, framework_steps::FrameworkSteps, time_zone_field::TimeZoneField,
};
use crate::workspace::use_workspace;

/// Asks for a display name and confirms the browser's time zone.
#[component]
pub fn Welcome() -> impl IntoView {
    crate::web::set_title("Welcome");
    let ws = use_workspace();
    let name = RwSignal::new(String::new());
    let zone = RwSignal::new({
        let tz = crate::web::browser_time_zone();
        if parse_time_zone(&tz).is_some() {
            tz
        } else {
            "UTC".into()
        }
    });
    let error = RwSignal::new(None::<String>);
    let import_message = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let display_name = match clean_display_name(&name.get_untracked()) {
            Ok(n) => n,
            Err(e) => return error.set(Some(e.into())),
        };
        let Some(tz) = parse_time_zone(&zone.get_untracked()) else {
            return error.set(Some(
                "Pick a time zone from the list, such as Europe/Berlin.".into(),
            ));
        };
        error.set(None);
        // Someone who first came to read has now chosen to use the app.
        expect_context::<crate::ui::app::Reader>().0.set(false);
        let actor_id = ws.state.with_untracked(|s| s.profile.actor_id.clone());
        ws.set_profile(Profile {
            display_name,
            time_zone: tz.name().to_owned(),
            actor_id: if actor_id.is_empty() {
                crate::workspace::new_id()
            } else {
                actor_id
            },
        });
    };
    let on_file = move |result: Result<Vec<u8>, String>| {
        let message = result
            .and_then(|bytes| ws.import_file(&bytes))
            .unwrap_or_else(|e| e);
        import_message.set(Some(message));
    };

    view! {
        <div class="welcome">
            <div class="card welcome-card">
                <img src="/icons/icon.svg" alt="" width="56" height="56"/>
                <h1>"Welcome to Unhurried"</h1>
                <p class="lede">"Find out how much of your work can happen on your own time, and what the rest costs. \
                    Everything stays in this browser; nothing is sent anywhere."</p>
                <form on:submit=start novalidate>
                    <label for="welcome-name">"Your name, as teammates will see it"</label>
                    <input id="welcome-name" type="text" maxlength="60" autocomplete="name" required
                        aria-describedby="welcome-error"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    <label for="welcome-zone">"Your time zone"</label>
                    <TimeZoneField value=zone id="welcome-zone" described_by="welcome-error"/>
                    <p class="hint">"Taken from this device. Change it if it is wrong."</p>
                    <p id="welcome-error" class="field-error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="primary">"Start"</button>
                </form>
                <div class="restore">
                    <p>"Used Unhurried on another device? Restore its backup instead."</p>
                    <FileImport label="Restore a backup" id="welcome-import" on_file=on_file/>
                    <p class="import-message" role="status">{move || import_message.get()}</p>
                </div>
            </div>
            <FrameworkSteps preview=true/>
        </div>
    }
}
