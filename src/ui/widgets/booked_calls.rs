//! Calls confirmed through intake forms, on the Week page: the time each holds, with
//! whom and from which form. Held times are also taken out of the slots a form offers
//! the next time it is published.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::fmt::local_moment;
use crate::workspace::use_workspace;

#[component]
pub fn BookedCalls() -> impl IntoView {
    let ws = use_workspace();
    let calls = move || {
        // From an hour ago, so a call under way still shows.
        let since = crate::web::now_ms() - 3_600_000;
        let mut out: Vec<(i64, String, String, String)> = ws
            .forms()
            .into_iter()
            .flat_map(|(id, f)| {
                ws.responses(id).into_iter().filter_map(move |(_, r)| {
                    let at = r.confirmed.filter(|at| *at >= since)?;
                    Some((at, r.from, f.title.clone(), format!("/shared/{id}")))
                })
            })
            .collect();
        crate::model::order::sort_by_key(&mut out, |c| c.0);
        out
    };
    view! {
        {move || {
            let list = calls();
            (!list.is_empty()).then(|| {
                let zone = ws.state.with_untracked(|s| s.profile.time_zone.clone());
                view! {
                    <div class="card">
                        <h2>"Calls booked"</h2>
                        <ul class="plain-list">
                            {list.into_iter().map(|(at, from, form, href)| view! {
                                <li>{local_moment(at, &zone)}" · "{format!("Call with {from}")}" · "<A href=href>{form}</A></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        }}
    }
}
