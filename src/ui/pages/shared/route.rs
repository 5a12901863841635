//! `/shared/:id`: a discussion (or another kind everyone writes), a 'how to work with
//! me' page, or a client dashboard or form: the owner's editor, or a reader's copy.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::frame::SharedFrame;
use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::ui::app::Reader;
use crate::ui::pages::dashboard_editor::DashboardEditor;
use crate::ui::pages::dashboard_reader::DashboardReader;
use crate::ui::pages::form_editor::FormEditor;
use crate::ui::pages::form_fill::FormFill;
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
    // What the id is among one's own dashboards and forms, or a reader's held copies.
    let client_kind = Memo::new(move |_| {
        let id = id.get()?;
        if let Some(kind) = ws.owned_kind(id) {
            return Some((kind, true));
        }
        ws.state.with(|s| {
            s.held
                .iter()
                .find(|h| h.id == id && matches!(h.kind, DocKind::Dashboard | DocKind::Form))
                .map(|h| (h.kind, false))
        })
    });
    let invite = Signal::derive(move || {
        if is_page() {
            "Make your own page"
        } else {
            "Start using Unhurried"
        }
    });
    view! {
        {move || {
            let Some(id) = id.get() else {
                return view! { <SharedFrame/> }.into_any();
            };
            match client_kind.get() {
                Some((DocKind::Dashboard, true)) => view! { <DashboardEditor id/> }.into_any(),
                Some((DocKind::Form, true)) => view! { <FormEditor id/> }.into_any(),
                Some((DocKind::Dashboard, false)) => view! { <DashboardReader id/> }.into_any(),
                Some(_) => view! { <FormFill id/> }.into_any(),
                None if is_page() => view! { <WorkWithMe id/> }.into_any(),
                None => view! { <SharedFrame/> }.into_any(),
            }
        }}
        <Show when=move || reader.get()>
            <ReaderFooter invite/>
        </Show>
    }
}
