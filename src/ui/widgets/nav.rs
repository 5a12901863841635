//! The top bar with the app's name and the page links.

use leptos::prelude::*;
use leptos_router::components::A;

/// Top navigation; the current page is marked with `aria-current`.
#[component]
pub fn Nav() -> impl IntoView {
    let ws = crate::workspace::use_workspace();
    let now = expect_context::<crate::ui::app::Now>().0;
    let due_count = Memo::new(move |_| {
        ws.state
            .with(|s| crate::model::reminder::due(&s.reminders, now.get()).len())
    });
    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <img src="/icons/icon.svg" alt="" width="28" height="28"/>
                <span>"Unhurried"</span>
            </a>
            <nav aria-label="Main">
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
