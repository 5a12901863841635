//! The 'Publish' card of a dashboard's or a form's editor: what publishing does, the
//! button, and the signed link it made.

use leptos::prelude::*;

use crate::ui::widgets::made_link::{Made, MadeLink};
use crate::workspace::{use_workspace, Published};

#[component]
pub fn PublishCard(
    /// What a publication holds and how readers get updates.
    hint: &'static str,
    /// Said when a publication changed something.
    done: &'static str,
    /// The id of the link's field (tests and labels find it by it).
    link_id: &'static str,
    link_label: &'static str,
    publish: Callback<(), Result<Published, String>>,
) -> impl IntoView {
    let ws = use_workspace();
    let made = RwSignal::new(None::<Made>);
    let click = move |_| match publish.run(()) {
        Ok(p) => {
            ws.say(
                if p.changed {
                    done.into()
                } else {
                    "Nothing changed since you last published; here is its link.".into()
                },
                None,
            );
            made.set(Some(Made {
                link: p.link,
                mailto: None,
                file: None,
            }));
        }
        Err(e) => ws.say(e, None),
    };
    view! {
        <div class="card">
            <h2>"Publish"</h2>
            <p class="hint">{hint}</p>
            <button type="button" on:click=click>"Publish and get the link"</button>
            {move || made.get().map(|m| view! { <MadeLink id=link_id label=link_label made=m/> })}
        </div>
    }
}
