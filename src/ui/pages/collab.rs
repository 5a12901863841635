//! One collaboration document: the problem, its context, ideas and votes, polls,
//! comments, the action plan, who has answered, and sharing.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::model::collab::TextField;
use crate::model::collab::{CollabState, News};
use crate::model::kind::DocKind;
use crate::ui::pages::board::BoardBody;
use crate::ui::pages::meeting::MeetingBody;
use crate::ui::widgets::remind_me::RemindMe;
use crate::ui::widgets::{
    action_plan::ActionPlan, collab_text::CollabText, comment_thread::CommentThread,
    context_links::ContextLinks, idea_board::IdeaBoard, owner_settings::OwnerSettings,
    people_panel::PeoplePanel, poll_section::PollSection, share_panel::SharePanel,
};
use crate::workspace::use_workspace;

/// The document on screen and what is new in it, computed once per change for all the
/// widgets of the page (a derived signal would copy the whole document at every read).
#[derive(Clone, Copy)]
struct Shown {
    state: Memo<CollabState>,
    news: Memo<News>,
}

/// The state of the document on screen, for the widgets of this page.
pub fn shown_state() -> Signal<CollabState> {
    expect_context::<Shown>().state.into()
}

/// What is new since the person last looked, for marking items.
pub fn shown_news() -> Memo<News> {
    expect_context::<Shown>().news
}

/// This person's id.
pub fn me() -> String {
    use_workspace()
        .state
        .with_untracked(|s| s.profile.actor_id.clone())
}

/// The page for `/shared/:id`.
#[component]
pub fn CollabPage() -> impl IntoView {
    let ws = use_workspace();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let error = RwSignal::new(None::<String>);
    Effect::new(move |previous: Option<String>| {
        let id = id.get();
        if let Some(previous) = previous.filter(|p| *p != id) {
            ws.mark_seen(&previous);
        }
        error.set(ws.show_shared(&id).err());
        id
    });
    // Leaving the page, closing the tab or switching away from it counts as having looked.
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| {
        ws.mark_seen(&id.get_untracked());
    });
    on_cleanup(move || {
        hidden.remove();
        ws.mark_seen(&id.get_untracked());
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
            .with(|v| v.as_ref().is_some_and(|v| v.id == id.get()))
    };
    let is_owner = Signal::derive(move || state.with(|s| s.owner == me()));
    let due_line = Memo::new(move |_| {
        state.with(|s| (!s.due.is_empty()).then(|| (s.due.clone(), s.title.trim().to_owned())))
    });
    // A memo, so the body is built again only when the kind changes, not at every edit.
    let kind = Memo::new(move |_| state.with(|s| s.kind));
    let read_only = move || ws.shared.with(|v| v.as_ref().is_some_and(|v| v.read_only));
    Effect::new(move |_| {
        let title = state.with(|s| s.title.clone());
        let noun = state.with(|s| s.kind.noun());
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
                    <h1>{move || { let t = state.with(|s| s.title.clone()); if t.trim().is_empty() { format!("Untitled {}", state.with(|s| s.kind.noun())) } else { t } }}</h1>
                    <p class="summary">{move || state.with(|s| {
                        let noun = s.kind.noun();
                        let mut line = format!("{}{} started by {}", noun[..1].to_uppercase(), &noun[1..], s.name_of(&s.owner));
                        if !s.due.is_empty() { line.push_str(&format!(" · input wanted by {}", s.due)); }
                        line
                    })}</p>
                    // 'Remind me' on the date input is wanted by; a memo, so edits
                    // elsewhere in the document do not close its menu.
                    {move || due_line.get().map(|(due, title)| view! {
                        <RemindMe what=format!("Input wanted by {due}: {title}") kind="discussion" due=due/>
                    })}
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
                                <div class="banner-actions"><button type="button" class="quiet" on:click=move |_| ws.mark_seen(&current)>"Mark as read"</button></div>
                            </div>
                        }
                    })
                }}
                {move || match kind.get() {
                    DocKind::Meeting => view! { <MeetingBody is_owner/> }.into_any(),
                    DocKind::Board => view! { <BoardBody is_owner/> }.into_any(),
                    // Pages and the personal document have screens of their own.
                    DocKind::Discussion | DocKind::Page | DocKind::Personal => view! { <DiscussionBody is_owner/> }.into_any(),
                }}
            </Show>
        </section>
    }
}

/// A discussion's body: the problem, ideas, polls, comments, the action plan.
#[component]
fn DiscussionBody(is_owner: Signal<bool>) -> impl IntoView {
    view! {
                <div class="collab-layout">
                    <div class="collab-main">
                        <section class="card" aria-labelledby="problem-head">
                            <h2 id="problem-head">"The problem"</h2>
                            <CollabText field=TextField::Problem label="Problem statement" hint="Set the context: what is the problem, why now, what is known. Anyone can edit; typing at the same time merges."/>
                            <ContextLinks/>
                        </section>
                        <IdeaBoard is_owner=is_owner/>
                        <PollSection/>
                        <section class="card" aria-labelledby="comments-head">
                            <h2 id="comments-head">"Comments"</h2>
                            <CommentThread on=None/>
                        </section>
                        <ActionPlan/>
                        <section class="card" aria-labelledby="summary-head">
                            <h2 id="summary-head">"Closing summary"</h2>
                            <CollabText field=TextField::Summary label="What was decided" hint="Write it once the discussion settles; it closes the Markdown export."/>
                        </section>
                    </div>
                    <aside class="collab-side">
                        <SharePanel/>
                        <PeoplePanel is_owner=is_owner/>
                        <Show when=move || is_owner.get()>
                            <OwnerSettings/>
                        </Show>
                    </aside>
                </div>
    }
}
