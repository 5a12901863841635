//! The frame of a shared document everyone writes (a discussion, a meeting, a stand-up
//! board, an SOP, a feedback request): its title, what is new, a newer version's notice, and the body of its kind.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::fmt::Write as _;

use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::ui::pages::shared::board::BoardBody;
use crate::ui::pages::shared::discussion::DiscussionBody;
use crate::ui::pages::shared::feedback::FeedbackBody;
use crate::ui::pages::shared::meeting::MeetingBody;
use crate::ui::pages::shared::sop::SopBody;
use crate::ui::shared::{me, Shown};
use crate::ui::widgets::remind_me::RemindMe;
use crate::ui::widgets::shared::live_sync::LiveSync;
use crate::workspace::use_workspace;

/// The page for `/shared/:id`.
#[component]
pub fn SharedFrame() -> impl IntoView {
    let ws = use_workspace();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| DocId::parse(&s))));
    let error = RwSignal::new(None::<String>);
    let seen = move |id: Option<DocId>| {
        if let Some(id) = id {
            ws.mark_seen(id);
        }
    };
    // Leaving a document (or the page) tells those who have it open in sync.
    let leave = move |id: Option<DocId>| {
        if let Some(id) = id {
            ws.announce_presence(id, false);
        }
    };
    Effect::new(move |previous: Option<Option<DocId>>| {
        let id = id.get();
        if let Some(previous) = previous.filter(|p| *p != id) {
            seen(previous);
            leave(previous);
        }
        error.set(match id {
            Some(id) => ws.show_shared(id).err(),
            None => {
                Some("This address does not name a document. Check the link you were sent.".into())
            }
        });
        id
    });
    // Leaving the page, closing the tab or switching away from it counts as having looked.
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| {
        seen(id.get_untracked());
        leave(id.get_untracked());
    });
    on_cleanup(move || {
        hidden.remove();
        seen(id.get_untracked());
        leave(id.get_untracked());
        ws.shared.set(None);
    });
    let state = Memo::new(move |_| {
        ws.shared
            .with(|v| v.as_ref().map(|v| v.state.clone()).unwrap_or_default())
    });
    let news = Memo::new(move |_| {
        ws.shared
            .with(|v| v.as_ref().map(|v| v.news.clone()).unwrap_or_default())
    });
    provide_context(Shown { state, news });
    let loaded = move || {
        ws.shared
            .with(|v| v.as_ref().is_some_and(|v| Some(v.id) == id.get()))
    };
    let is_owner = Signal::derive(move || state.with(|s| s.owner == me()));
    let due_line = Memo::new(move |_| {
        state.with(|s| (!s.due.is_empty()).then(|| (s.due.clone(), s.title.trim().to_owned())))
    });
    // A memo, so the body is built again only when the kind changes, not at every edit.
    let kind = Memo::new(move |_| state.with(|s| s.kind()));
    let read_only = move || ws.shared.with(|v| v.as_ref().is_some_and(|v| v.read_only));
    Effect::new(move |_| {
        let title = state.with(|s| s.title.clone());
        let noun = state.with(|s| s.kind().noun());
        let fallback = format!("{}{}", noun[..1].to_uppercase(), &noun[1..]);
        crate::web::set_title(if title.trim().is_empty() {
            &fallback
        } else {
            title.trim()
        });
    });

    view! {
        <section class="page collab">
            {move || error.get().map(|e| view! {
                <div class="banner warn" role="alert"><p>{e}</p><p><a href="/shared">"Back to your shared documents"</a></p></div>
            })}
            <Show when=loaded>
                <div class="page-head">
                    <p class="crumb"><a href="/shared">"Shared"</a></p>
                    <h1>{move || { let t = state.with(|s| s.title.clone()); if t.trim().is_empty() { format!("Untitled {}", state.with(|s| s.kind().noun())) } else { t } }}</h1>
                    <p class="summary">{move || state.with(|s| {
                        let noun = s.kind().noun();
                        let mut line = format!("{}{} started by {}", noun[..1].to_uppercase(), &noun[1..], s.name_of(&s.owner));
                        if !s.due.is_empty() { let _ = write!(line, " · input wanted by {}", s.due); }
                        line
                    })}</p>
                    // 'Remind me' on the date input is wanted by; a memo, so edits
                    // elsewhere in the document do not close its menu.
                    {move || due_line.get().map(|(due, title)| view! {
                        <RemindMe what=format!("Input wanted by {due}: {title}") kind="discussion" due=due/>
                    })}
                    {move || id.get().map(|id| view! { <LiveSync id/> })}
                </div>
                {move || read_only().then(|| view! {
                    <div class="banner warn" role="status"><p>"This document was changed by a newer version of Unhurried, so it is open read-only here. Reload the app to update it."</p></div>
                })}
                {move || {
                    let (news, sentence) = ws.shared.with(|v| v.as_ref().map(|v| (v.news.clone(), v.news.sentence(&v.state))).unwrap_or_default());
                    (!news.is_empty()).then(|| {
                        let current = id.get_untracked();
                        view! {
                            <div class="banner info news" role="status">
                                <p><strong>"New since you last looked: "</strong>{sentence}</p>
                                <div class="banner-actions"><button type="button" class="quiet" on:click=move |_| seen(current)>"Mark as read"</button></div>
                            </div>
                        }
                    })
                }}
                {move || match kind.get() {
                    DocKind::Meeting => view! { <MeetingBody is_owner/> }.into_any(),
                    DocKind::Board => view! { <BoardBody is_owner/> }.into_any(),
                    DocKind::Sop => view! { <SopBody is_owner/> }.into_any(),
                    DocKind::Feedback => view! { <FeedbackBody is_owner/> }.into_any(),
                    // Pages and the personal document have screens of their own.
                    DocKind::Discussion | DocKind::Page | DocKind::Personal | DocKind::Dashboard | DocKind::Form | DocKind::Reply => view! { <DiscussionBody is_owner/> }.into_any(),
                }}
            </Show>
        </section>
    }
}
