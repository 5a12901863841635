//! Name and time zone, storage, backups, and live sync.

use leptos::prelude::*;

use crate::model::profile::{clean_display_name, parse_time_zone};
use crate::ui::fmt::size;
use crate::ui::widgets::{
    file_import::FileImport, live_sync_settings::LiveSyncSettings,
    recording::kept_recordings::KeptRecordings, storage_use::StorageUse,
    time_zone_field::TimeZoneField,
};
use crate::workspace::use_workspace;
use crate::workspace::{storage_status, StorageStatus};

/// About 5 million characters: what Chromium and Firefox give localStorage per site.
const LOCAL_STORAGE_CHARS: f64 = 5.0 * 1024.0 * 1024.0;

/// The settings page.
#[component]
pub fn Settings() -> impl IntoView {
    crate::web::set_title("Settings");
    let ws = use_workspace();
    let profile = ws.state.with_untracked(|s| s.profile.clone());
    let name = RwSignal::new(profile.display_name.clone());
    let zone = RwSignal::new(profile.time_zone.clone());
    let name_error = RwSignal::new(None::<String>);
    let zone_error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<&'static str>);
    // Saved as soon as the field is left or Enter is pressed, like every other field in the app.
    let save_name = move || match clean_display_name(&name.get_untracked()) {
        Ok(display_name) => {
            name_error.set(None);
            let mut p = ws.state.with_untracked(|s| s.profile.clone());
            if p.display_name != display_name {
                p.display_name = display_name;
                ws.set_profile(p);
                saved.set(Some("Name saved."));
            }
        }
        Err(e) => name_error.set(Some(e.into())),
    };
    let save_zone = move || {
        match parse_time_zone(&zone.get_untracked()) {
        Some(tz) => {
            zone_error.set(None);
            zone.set(tz.name().to_owned());
            let mut p = ws.state.with_untracked(|s| s.profile.clone());
            if p.time_zone != tz.name() {
                p.time_zone = tz.name().to_owned();
                ws.set_profile(p);
                saved.set(Some("Time zone saved."));
            }
        }
        None => zone_error.set(Some("That is not a time zone this app knows. Pick one from the list, such as Europe/Berlin.".into())),
    }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_name();
        save_zone();
    };
    let storage = LocalResource::new(storage_status);
    let import_message = RwSignal::new(None::<String>);
    let on_file = move |result: Result<Vec<u8>, String>| {
        let message = result
            .and_then(|bytes| ws.import_file(&bytes))
            .unwrap_or_else(|e| e);
        import_message.set(Some(message));
    };
    let plural = crate::workspace::plural;
    let with_videos = RwSignal::new(false);
    let export = move |_| ws.download_backup(with_videos.get_untracked());
    // What the backup will hold and its size, before anyone downloads it.
    let backup = Memo::new(move |_| {
        let held = ws.state.with(|s| s.held.len());
        (held, ws.export_file(&[]).len())
    });
    // The recordings an export may include: how many and their bytes.
    let videos = move || {
        let v = ws.videos();
        (v.len(), v.iter().map(|(_, n)| *n).sum::<u64>())
    };
    let asides = Memo::new(move |_| {
        ws.stored.track();
        ws.asides()
    });

    view! {
        <section class="page settings-page">
            <header class="page-head">
                <h1>"Settings"</h1>
                <p class="lede">"Who you are to your teammates, where your data lives, and how to move it to another device."</p>
            </header>
            <section class="card">
                <h2>"You"</h2>
                <form class="narrow" on:submit=submit novalidate>
                    <label for="settings-name">"Display name"</label>
                    <input id="settings-name" type="text" maxlength="60"
                        aria-describedby="settings-name-error"
                        aria-invalid=move || name_error.with(Option::is_some).to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| { name.set(event_target_value(&ev)); saved.set(None) }
                        on:change=move |_| save_name()/>
                    <span id="settings-name-error" class="field-error" role="alert">{move || name_error.get()}</span>
                    <label for="settings-zone">"Time zone"</label>
                    <TimeZoneField value=zone id="settings-zone" on_change=Callback::new(move |_| save_zone())
                        described_by="settings-zone-error" invalid=Signal::derive(move || zone_error.with(Option::is_some))/>
                    <span id="settings-zone-error" class="field-error" role="alert">{move || zone_error.get()}</span>
                    <p class="form-message" role="status">{move || saved.get()}</p>
                </form>
            </section>
            <section class="card">
                <h2>"Backup and other devices"</h2>
                <p>"Export everything to a file, then import it in another browser or device. Importing merges: nothing on either side is lost."</p>
                <p data-testid="backup-size">{move || {
                    let (held, bytes) = backup.get();
                    let what = if held == 0 {
                        "your own data".to_owned()
                    } else {
                        format!("your own data and {held} shared {}", plural(held, "document", "documents"))
                    };
                    let (n, video_bytes) = videos();
                    if with_videos.get() && n > 0 {
                        format!("The backup holds {what} and {n} {}: {}.", plural(n, "recording", "recordings"), size((bytes as u64 + video_bytes) as f64))
                    } else {
                        format!("The backup holds {what}: {}.", size(bytes as f64))
                    }
                }}</p>
                <p class="radio" hidden=move || videos().0 == 0>
                    <input type="checkbox" id="backup-videos" prop:checked=move || with_videos.get()
                        on:change=move |ev| with_videos.set(event_target_checked(&ev))/>
                    <label for="backup-videos">{move || {
                        let (n, video_bytes) = videos();
                        format!("Include recordings ({n}, {})", size(video_bytes as f64))
                    }}</label>
                </p>
                <div class="actions">
                    <button type="button" on:click=export>"Export backup"</button>
                    <FileImport label="Import backup" id="settings-import" on_file=on_file/>
                </div>
                <p class="import-message" role="status" data-testid="import-message">{move || import_message.get()}</p>
            </section>
            <KeptRecordings/>
            <LiveSyncSettings/>
            {move || (!asides.with(Vec::is_empty)).then(|| view! {
                <section class="card">
                    <h2>"Data that could not be read"</h2>
                    <p>"When stored data could not be read, it was kept aside untouched and a fresh copy was started. Export it to keep it or to send it for help."</p>
                    <ul class="aside-list">
                        {asides.get().into_iter().map(|a| {
                            let what = if a.doc == "personal" { "Your own data" } else { "A shared document" };
                            let when = crate::web::format_time(a.when_ms as f64, "");
                            let name = format!("unreadable-{}-{}.bin", a.doc, a.when_ms);
                            let bytes = a.bytes.clone();
                            let label = format!("{what}, set aside {when} ({})", size(a.bytes.len() as f64));
                            let delete_label = format!("Delete {label}");
                            view! {
                                <li>
                                    <span>{label}</span>
                                    <button type="button" class="small" on:click=move |_| crate::web::download_bytes(&bytes, &name, "application/octet-stream")>"Export"</button>
                                    <button type="button" class="small" aria-label=delete_label on:click=move |_| ws.delete_aside(a.clone())>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="card">
                <h2>"Storage"</h2>
                <Suspense fallback=|| view! { <p>"Checking…"</p> }>
                    {move || storage.get().map(|s: StorageStatus| {
                        let persisted = match s.persisted {
                            Some(true) => "Yes: the browser will not clear this site's data to free space.",
                            Some(false) => "Not granted: the browser may clear this site's data when the disk is nearly full. Keep a backup.",
                            None => "This browser does not say.",
                        };
                        let quota = match (s.usage_bytes, s.quota_bytes) {
                            (Some(u), Some(q)) => format!("{} used of {} available to this site.", size(u), size(q)),
                            _ => "The browser does not say how much space is used.".into(),
                        };
                        view! {
                            <dl class="facts">
                                <dt>"Persistent storage"</dt><dd data-testid="persisted">{persisted}</dd>
                                <dt>"Site storage"</dt><dd>{quota}</dd>
                                <dt>"Your data"</dt><dd data-testid="local-usage">{
                                    let bytes = ws.stored_bytes() as f64;
                                    if crate::workspace::in_indexed_db() {
                                        format!("Kept in this browser's database, part of the site storage above; your own document is {}.", size(bytes))
                                    } else {
                                        // localStorage stands in: text, four characters for three bytes.
                                        let share = bytes * 4.0 / 3.0 / LOCAL_STORAGE_CHARS * 100.0;
                                        let share = if share < 0.1 { "under 0.1%".to_owned() } else { format!("{share:.1}%") };
                                        format!("{} of about 5 MB that the browser keeps for this app's data ({share}).", size(bytes))
                                    }
                                }</dd>
                            </dl>
                        }
                    })}
                </Suspense>
                <StorageUse/>
            </section>
        </section>
    }
}
