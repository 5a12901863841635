//! The shell: opens the workspace, routes pages by path, and shows the banners that
//! concern every page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::closure::Closure;

use super::pages::{
    boundaries::BoundariesPage, overview::Overview, rate::RatePage, settings::Settings,
    shared_doc::SharedDoc, shared_list::SharedList, tasks::Tasks, team::TeamPage, week::WeekPage,
    welcome::Welcome,
};
use super::widgets::{
    focus_on_navigate::FocusOnNavigate,
    link_receiver::{LinkError, LinkReceiver},
    nav::Nav,
    notice_toast::NoticeToast,
    storage_banner::StorageBanner,
    update_banner::UpdateBanner,
};
use crate::workspace::Workspace;

/// Whether a new build of the app is waiting to take over.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::open();
    provide_context(ws);
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    provide_context(LinkError(RwSignal::new(None)));
    let on_update = Closure::<dyn FnMut()>::new(move || update_ready.set(true));
    crate::web::register_service_worker(&on_update);
    // The service worker holds the callback for the page's whole life.
    on_update.forget();
    leptos::task::spawn_local(async {
        crate::store::persist::request_persistence().await;
    });
    let set_up = move || ws.state.with(|s| s.profile.is_set_up());

    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Show when=set_up fallback=|| view! { <Welcome/> }>
                <Nav/>
                <FocusOnNavigate/>
            </Show>
            <StorageBanner/>
            <LinkReceiver/>
            <UpdateBanner/>
            <Show when=set_up>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <section class="page"><h1>"Page not found"</h1><p><a href="/">"Back to the overview"</a></p></section> }>
                        <Route path=path!("/") view=Overview/>
                        <Route path=path!("/tasks") view=Tasks/>
                        <Route path=path!("/rate") view=RatePage/>
                        <Route path=path!("/shared") view=SharedList/>
                        <Route path=path!("/week") view=WeekPage/>
                        <Route path=path!("/team") view=TeamPage/>
                        <Route path=path!("/boundaries") view=BoundariesPage/>
                        <Route path=path!("/shared/:id") view=SharedDoc/>
                        <Route path=path!("/settings") view=Settings/>
                    </Routes>
                </main>
            </Show>
            <NoticeToast/>
        </Router>
    }
}
