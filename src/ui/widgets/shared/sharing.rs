//! The foot of a shared document's side column: sharing, who is in (where the kind
//! counts answers), and the owner's settings, drawn by one component for every kind.

use leptos::prelude::*;

use super::{owner_settings::OwnerSettings, people_panel::PeoplePanel, share_panel::SharePanel};

#[component]
pub fn Sharing(
    is_owner: Signal<bool>,
    /// Whether to list who has answered and who is still awaited.
    #[prop(optional)]
    people: bool,
) -> impl IntoView {
    view! {
        <SharePanel/>
        {people.then(|| view! { <PeoplePanel is_owner/> })}
        <Show when=move || is_owner.get()>
            <OwnerSettings/>
        </Show>
    }
}
