//! Offers a new build of the app once it has downloaded, instead of swapping it under the person.

use leptos::prelude::*;

use crate::ui::app::UpdateReady;

/// "A new version is ready" with a reload button.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    view! {
        <Show when=move || ready.get()>
            <div class="banner info" role="status">
                <p>"A new version of Unhurried is ready. Your data stays as it is."</p>
                <div class="banner-actions">
                    <button type="button" on:click=move |_| crate::web::apply_update()>"Reload now"</button>
                    <button type="button" class="quiet" on:click=move |_| ready.set(false)>"Later"</button>
                </div>
            </div>
        </Show>
    }
}
