//! The shell: opens the workspace, routes pages by path, and shows the banners that
//! concern every page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use std::fmt::Write as _;
use wasm_bindgen::closure::Closure;

use super::pages::{
    boundaries::BoundariesPage,
    overview::Overview,
    rate::RatePage,
    reminders::RemindersPage,
    review::ReviewPage,
    settings::Settings,
    shared::{list::SharedList, route::SharedDoc},
    tasks::Tasks,
    team::TeamPage,
    week::WeekPage,
    welcome::Welcome,
};
use super::widgets::{
    focus_on_navigate::FocusOnNavigate,
    link_receiver::{LinkError, LinkReceiver, PendingLink},
    nav::Nav,
    notice_toast::NoticeToast,
    shared::name_prompt::NamePrompt,
    storage_banner::StorageBanner,
    update_banner::UpdateBanner,
};
use crate::workspace::Workspace;

/// The time now (ms), ticking every second: the meeting timer and due reminders follow
/// it; and the minute (ms / 60,000), for what changes by the minute and must not be
/// drawn again every second.
#[derive(Clone, Copy)]
pub struct Now(pub RwSignal<i64>, pub Memo<i64>);

/// Scheduled SOP runs waiting to be started (see `Workspace::sops_waiting`).
#[derive(Clone, Copy)]
pub struct SopsWaiting(pub Memo<Vec<crate::workspace::SopDue>>);

/// The reminders that came due while the app was closed, found when this page opened.
#[derive(Clone)]
pub struct Missed(pub std::sync::Arc<Vec<String>>);

/// Whether a new build of the app is waiting to take over.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// Whether this person arrived by a link before using the app themselves: they see the
/// document they were sent, without the app's navigation, until they choose to start.
#[derive(Clone, Copy)]
pub struct Reader(pub RwSignal<bool>);

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::open();
    provide_context(ws);
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    provide_context(LinkError(RwSignal::new(None)));
    let opened = crate::web::now_ms();
    let now = RwSignal::new(opened);
    let minute = Memo::new(move |_| now.get() / 60_000);
    provide_context(Now(now, minute));
    // The tick lives as long as the page.
    let _ = set_interval_with_handle(
        move || now.set(crate::web::now_ms()),
        std::time::Duration::from_secs(1),
    );
    // Scheduled SOP runs waiting for this person, for the menu's count and the Reminders
    // page: read again when a document changes or the minute turns.
    // Of the SOP on screen, only what decides whether a run waits, as one key: ticking a
    // step of a run must not read every SOP again. (A string, not a tuple: a memo type of
    // its own costs wasm.)
    let shown_sop = Memo::new(move |_| {
        ws.shared.with(|v| {
            let Some(v) = v
                .as_ref()
                .filter(|v| v.state.kind() == crate::model::kind::DocKind::Sop)
            else {
                return String::new();
            };
            let sop = v.state.sop();
            let mut key = format!("{} {}", v.id, sop.schedule.key());
            for r in &sop.runs {
                let _ = write!(key, " {}", r.due.unwrap_or(0));
            }
            key
        })
    });
    let waiting = Memo::new(move |_| {
        // Read, not only tracked: a memo nobody has read yet never subscribes to its own sources.
        minute.with(|_| ());
        ws.state.track();
        shown_sop.with(|_| ());
        ws.sops_waiting(now.get_untracked())
    });
    provide_context(SopsWaiting(waiting));
    let missed = watch_reminders(ws, now, opened);
    provide_context(Missed(std::sync::Arc::new(missed)));
    let on_update = Closure::<dyn FnMut()>::new(move || update_ready.set(true));
    crate::web::register_service_worker(&on_update);
    // The service worker holds the callback for the page's whole life.
    on_update.forget();
    leptos::task::spawn_local(async {
        crate::workspace::request_persistence().await;
    });
    let first_link = Some(crate::web::take_fragment()).filter(|f| !f.is_empty());
    provide_context(PendingLink(RwSignal::new(first_link)));
    let set_up = ws.state.with_untracked(|s| s.profile.is_set_up());
    provide_context(Reader(RwSignal::new(!set_up)));

    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

/// Inside the router: the navigation for people using the app, the bare document for
/// people reading what was sent to them, the welcome for everyone else.
#[component]
fn Shell() -> impl IntoView {
    let ws = crate::workspace::use_workspace();
    let reader = expect_context::<Reader>().0;
    let pending = expect_context::<PendingLink>().0;
    let location = use_location();
    let set_up = move || ws.state.with(|s| s.profile.is_set_up());
    // A document sent to someone opens before anything is asked of them.
    let welcome = move || {
        !set_up()
            && pending.with(Option::is_none)
            && !location.pathname.with(|p| p.starts_with("/shared/"))
    };
    let navigation = move || set_up() && !reader.get();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Show when=navigation>
            <Nav/>
        </Show>
        <FocusOnNavigate/>
        <StorageBanner/>
        <LinkReceiver/>
        <UpdateBanner/>
        <main id="main" tabindex="-1">
            <Show when=move || !welcome() fallback=|| view! { <Welcome/> }>
                <Routes fallback=|| view! { <section class="page"><h1>"Page not found"</h1><p><a href="/">"Back to the overview"</a></p></section> }>
                    <Route path=path!("/") view=Overview/>
                    <Route path=path!("/tasks") view=Tasks/>
                    <Route path=path!("/rate") view=RatePage/>
                    <Route path=path!("/shared") view=SharedList/>
                    <Route path=path!("/week") view=WeekPage/>
                    <Route path=path!("/team") view=TeamPage/>
                    <Route path=path!("/boundaries") view=BoundariesPage/>
                    <Route path=path!("/shared/:id") view=SharedDoc/>
                    <Route path=path!("/reminders") view=RemindersPage/>
                    <Route path=path!("/review") view=ReviewPage/>
                    <Route path=path!("/settings") view=Settings/>
                </Routes>
            </Show>
            <NamePrompt/>
        </main>
        <NoticeToast/>
    }
}

/// Tells the person about due reminders: on opening, the ones missed while the app was
/// closed, in one notice; after that, each one as it comes due, as a system notification
/// when allowed and as a notice in the app otherwise. Each is marked as told, so other
/// tabs and later loads stay quiet, and remembered here as told even if that mark
/// cannot be stored. Returns the missed ones.
fn watch_reminders(ws: Workspace, now: RwSignal<i64>, opened: i64) -> Vec<String> {
    use crate::model::reminder::{due, missed};
    let missed_ids: Vec<String> = ws.state.with_untracked(|s| {
        missed(&s.reminders, opened)
            .into_iter()
            .map(|r| r.id.clone())
            .collect()
    });
    if !missed_ids.is_empty() {
        let n = missed_ids.len();
        ws.say(
            if n == 1 {
                "A reminder came due while the app was closed: see Reminders.".into()
            } else {
                format!("{n} reminders came due while the app was closed: see Reminders.")
            },
            None,
        );
        ws.mark_notified(&missed_ids);
    }
    let told = StoredValue::new(
        missed_ids
            .iter()
            .cloned()
            .collect::<std::collections::HashSet<String>>(),
    );
    Effect::new(move |_| {
        let fresh: Vec<(String, String, String)> = ws.state.with(|s| {
            due(&s.reminders, now.get())
                .into_iter()
                .filter(|r| !r.notified && !told.with_value(|t| t.contains(&r.id)))
                .map(|r| (r.id.clone(), r.text.clone(), r.source.clone()))
                .collect()
        });
        if fresh.is_empty() {
            return;
        }
        for (id, text, source) in &fresh {
            let body = if source.is_empty() {
                text.clone()
            } else {
                format!("{text} ({source})")
            };
            if !crate::web::notify("Reminder", &body, &format!("reminder-{id}")) {
                ws.say(format!("Reminder: {body}"), None);
            }
            told.update_value(|t| {
                t.insert(id.clone());
            });
        }
        let ids: Vec<String> = fresh.into_iter().map(|(id, _, _)| id).collect();
        ws.mark_notified(&ids);
    });
    missed_ids
}
