//! `/shared/:id`: a discussion, or a 'how to work with me' page, by what the id holds.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::frame::SharedFrame;
use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::ui::app::Reader;
use crate::ui::pages::work_with_me::WorkWithMe;
use crate::ui::widgets::shared::reader_footer::ReaderFooter;
use crate::workspace::use_workspace;

#[component]
pub fn SharedDoc() -> impl IntoView {
    let ws = use_workspace();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| DocId::parse(&s))));
    // A page's heads: when a newer publication arrives while the page is on screen,
    // it is drawn again from storage.
    let page_version = Memo::new(move |_| {
        let id = id.get();
        ws.state.with(|s| {
            s.held
                .iter()
                .find(|h| Some(h.id) == id && h.kind == DocKind::Page)
                .map(|h| h.seen.clone())
        })
    });
    let reader = expect_context::<Reader>().0;
    let is_page = move || page_version.with(|v| v.is_some());
    let invite = Signal::derive(move || {
        if is_page() {
            "Make your own page"
        } else {
            "Start using Unhurried"
        }
    });
    view! {
        {move || {
            if let Some(id) = id.get().filter(|_| is_page()) {
                view! { <WorkWithMe id/> }.into_any()
            } else {
                view! { <SharedFrame/> }.into_any()
            }
        }}
        <Show when=move || reader.get()>
            <ReaderFooter invite/>
        </Show>
    }
}
