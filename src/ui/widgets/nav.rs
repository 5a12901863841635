//! The top bar with the app's name and the page links: always one row; on a narrow
//! screen the links scroll sideways, with the current page's link kept in view.

use leptos::prelude::*;
use leptos_router::components::A;

/// Top navigation; the current page is marked with `aria-current`.
#[component]
pub fn Nav() -> impl IntoView {
    let ws = crate::workspace::use_workspace();
    let now = expect_context::<crate::ui::app::Now>().0;
    let waiting = expect_context::<crate::ui::app::SopsWaiting>().0;
    let due_count = Memo::new(move |_| {
        ws.state
            .with(|s| crate::model::reminder::due(&s.reminders, now.get()).len())
            + waiting.with(Vec::len)
            + usize::from(ws.review_waiting(now.get()).is_some())
    });
    let nav = NodeRef::<leptos::html::Nav>::new();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(nav) = nav.get() {
            crate::web::reveal_link(&nav, None);
        }
    });
    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <img src="/icons/icon.svg" alt="" width="28" height="28"/>
                <span>"Unhurried"</span>
            </a>
            <nav aria-label="Main" node_ref=nav on:focusin=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(nav) = nav.get_untracked() {
                    crate::web::reveal_link(&nav, ev.target().and_then(|t| t.dyn_into().ok()));
                }
            }>
                <A href="/" exact=true>"Overview"</A>
                <A href="/tasks">"Tasks"</A>
                <A href="/week">"Week"</A>
                <A href="/team">"Team"</A>
                <A href="/boundaries">"Boundaries"</A>
                <A href="/rate">"Rate"</A>
                <A href="/shared">"Shared"</A>
                <A href="/reminders">
                    "Reminders"
                    {move || {
                        let n = due_count.get();
                        (n > 0).then(|| view! {
                            <span class="badge" aria-label=format!("{n} due")>{n}</span>
                        })
                    }}
                </A>
                <A href="/settings">"Settings"</A>
            </nav>
        </header>
    }
}
