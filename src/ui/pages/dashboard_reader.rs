//! A client dashboard as the client holds it: the latest publication they opened, to
//! read, print, and ask a question about by reply link (their name asked only then).

use leptos::prelude::*;

use crate::model::dashboard::Dashboard;
use crate::model::ids::DocId;
use crate::model::intake::ReplyBody;
use crate::model::kind::DocKind;
use crate::ui::widgets::dashboard_view::DashboardView;
use crate::ui::widgets::field::Field;
use crate::ui::widgets::made_link::{Made, MadeLink};
use crate::workspace::use_workspace;

#[component]
pub fn DashboardReader(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let version = Memo::new(move |_| ws.held_version(id));
    // Read again only when a newer publication arrives (the version changes).
    let read = move || {
        version.track();
        ws.published::<Dashboard>(id, DocKind::Dashboard, "dashboard")
            .map(|(meta, dash)| (meta, dash.bounded()))
    };
    let question = RwSignal::new(String::new());
    let made = RwSignal::new(None::<Made>);
    let ask = move |_| {
        let text = question.get_untracked();
        if text.trim().is_empty() {
            ws.say("Type your question first.".into(), None);
            return;
        }
        if !ws.state.with_untracked(|s| s.profile.is_set_up()) {
            crate::web::remember_writer();
            ws.name_wanted.set(true);
            return;
        }
        let (link, bytes) = ws.reply_link(id, &ReplyBody::Question(text.trim().to_owned()));
        made.set(Some(Made {
            link,
            mailto: None,
            file: Some((bytes, "question.unhurried".into())),
        }));
    };
    view! {
        <section class="page dashboard-reader">
            {move || match read() {
                Err(e) => view! { <p class="banner warn" role="alert">{e}</p> }.into_any(),
                Ok((meta, dash)) => {
                    crate::web::set_title(if dash.project.is_empty() { "Dashboard" } else { &dash.project });
                    view! {
                        <DashboardView dashboard=Signal::stored(dash) author=meta.author_name.clone() published=meta.published/>
                        <div class="card no-print">
                            <h2>"Ask a question"</h2>
                            <p class="hint">{format!("Your question goes to {} by a reply link you send them, and arrives on their copy of this dashboard.", meta.author_name)}</p>
                            <Field id="dash-question" label="Your question" rows=3 maxlength=5000 live=true
                                value=question on_change=Callback::new(move |v| question.set(v))/>
                            <div class="actions">
                                <button type="button" on:click=ask>"Make the reply link"</button>
                                <button type="button" class="secondary" on:click=|_| crate::web::print()>"Print"</button>
                            </div>
                            {move || made.get().map(|m| view! { <MadeLink id="question-link" label="Reply link with your question" made=m/> })}
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
