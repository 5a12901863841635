//! The quiet foot of a document opened by someone who has not started using the app:
//! what Unhurried is, and how to make their own.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::ui::app::Reader;

/// What a reader sees below a document that was sent to them.
#[component]
pub fn ReaderFooter(#[prop(into)] invite: Signal<&'static str>) -> impl IntoView {
    let reader = expect_context::<Reader>().0;
    let navigate = use_navigate();
    let start = move |_| {
        reader.set(false);
        navigate("/", NavigateOptions::default());
    };
    view! {
        <footer class="reader-footer">
            <details>
                <summary>"What is Unhurried?"</summary>
                <p>"A free app for working on your own time: meetings turned into written \
                    discussions, boundaries others can read, a week planned around deep work. \
                    It runs in your browser; nothing is sent to a server, and no account is needed."</p>
            </details>
            <button type="button" class="quiet" on:click=start>{invite}</button>
        </footer>
    }
}
