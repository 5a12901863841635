//! Publishing one's 'how to work with me' page: what it holds, and its link.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::workspace::{use_workspace, Published};

#[component]
pub fn PagePublisher() -> impl IntoView {
    let ws = use_workspace();
    let published = RwSignal::new(None::<Published>);
    let page_id = RwSignal::new(ws.my_page_id());
    let share = move |_| match ws.publish_page() {
        Ok(p) => {
            ws.say(
                if p.changed {
                    "Page updated. Send the new link to the people who read it.".into()
                } else {
                    "Nothing changed since you last shared it; here is its link.".into()
                },
                None,
            );
            published.set(Some(p));
            page_id.set(ws.my_page_id());
        }
        Err(e) => ws.say(e, None),
    };
    let copy = move |_| {
        if let Some(p) = published.get_untracked() {
            crate::ui::widgets::made_link::copy_text(ws, p.link, "Link");
        }
    };
    view! {
        <div class="card publisher">
            <h2>"Your “How to work with me” page"</h2>
            <p>"A read-only page built from your boundaries and your week: working hours, office hours and deep-work blocks (with their labels), response times, what is urgent, whom to reach in an emergency, your tools and do-not-disturb. Never your rate, your tasks, leisure or other commitments. Readers see every time in their own time zone."</p>
            <p class="hint">"Anyone holding the link can read the page. Only you can change it: links are signed by this app, and changes made by anyone else are refused. Readers see updates when you share it again."</p>
            <div class="actions">
                <button type="button" id="share-page" on:click=share>{move || if page_id.with(|p| p.is_some()) { "Update and share page" } else { "Share page" }}</button>
                {move || page_id.get().map(|id| view! { <A href=format!("/shared/{id}")>"See your page"</A> })}
            </div>
            {move || published.get().map(|p| view! {
                <div class="made-link">
                    <label for="page-link">"Link to your page"</label>
                    <input id="page-link" type="text" readonly prop:value=p.link.clone() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select() }
                    }/>
                    <button type="button" class="secondary" on:click=copy>"Copy link"</button>
                </div>
            })}
        </div>
    }
}
