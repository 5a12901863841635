//! The top bar with the app's name and the page links.

use leptos::prelude::*;
use leptos_router::components::A;

/// Top navigation; the current page is marked with `aria-current`.
#[component]
pub fn Nav() -> impl IntoView {
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
                <A href="/settings">"Settings"</A>
            </nav>
        </header>
    }
}
