//! An SOP's runs over time: the median of the last ten against the expected minutes,
//! how often the quality checks failed, and each run (or missed occurrence) with who,
//! when, how long and how it went; a run opens to show its steps, what was recorded
//! and its note.

use leptos::prelude::*;

use crate::model::shared::sop::Outcome;
use crate::ui::fmt;
use crate::ui::shared::{shown_news, shown_state};

/// Lines shown at first; the rest on request.
const FIRST: usize = 20;

#[component]
pub fn RunHistory() -> impl IntoView {
    let state = shown_state();
    let news = shown_news();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = super::reader_zone();
    let minute = super::minute();
    // What the history is read from: ticking a step of a run in progress changes none
    // of it, so neither the history nor the figures are worked out again (the missed
    // occurrences walk every day since the SOP began).
    let outline = Memo::new(move |_| state.with(|s| s.sop().outline()));
    let created = state.with_untracked(|s| s.created);
    let lines = Memo::new(move |_| {
        // Read, not only tracked: a memo nobody has read yet never subscribes to its own sources.
        minute.with(|_| ());
        outline.with(|sop| sop.history(created, now.get_untracked()))
    });
    let figures = move || {
        outline.with(|sop| {
            (
                sop.expected_minutes(),
                sop.median_minutes(10),
                sop.failed_checks(),
                sop.runs.len(),
            )
        })
    };
    let shown = RwSignal::new(FIRST);
    let open = RwSignal::new(None::<String>);
    view! {
        <section class="card" aria-labelledby="history-head">
            <h2 id="history-head">"Runs"</h2>
            <div class="stats sop-figures">
                {move || {
                    let (expected, median, (failed, finished), runs) = figures();
                    [
                        ("Expected", "sop-expected", format!("{expected} min")),
                        ("Median of the last 10", "sop-median", median.map(|m| format!("{m} min")).unwrap_or_else(|| "–".into())),
                        ("Quality checks failed", "sop-failed", if finished == 0 { "–".into() } else { format!("{failed} of {finished} runs") }),
                        ("Runs", "sop-runs", runs.to_string()),
                    ].into_iter().map(|(label, id, value)| view! {
                        <div class="stat"><span class="stat-label">{label}</span><span class="stat-value" data-testid=id>{value}</span></div>
                    }).collect_view()
                }}
            </div>
            {move || lines.with(|l| l.is_empty()).then(|| view! { <p class="hint">"No runs yet."</p> })}
            // Rows are plain, drawn again together when the list, the number shown or the
            // open run changes: a reactive closure in each of two hundred rows costs more
            // to compile and to run than drawing twenty rows again.
            <ul class="plain-list run-history">
                {move || {
                    let expected = figures().0;
                    let open_now = open.get();
                    let zone = zone.get_untracked();
                    lines.with(|all| all.iter().take(shown.get()).map(|line| {
                        let who = line.by.as_ref().map(|b| state.with_untracked(|s| s.name_of(b))).unwrap_or_else(|| "nobody".into());
                        let duration = line.minutes.map(|m| format!("{m} of {expected} min")).unwrap_or_default();
                        let tag = match line.outcome {
                            Outcome::Late | Outcome::Missed => "tag live",
                            Outcome::Running => "tag",
                            Outcome::Done | Outcome::OnTime => "tag done",
                        };
                        let id = line.run.clone().unwrap_or_default();
                        let is_open = line.run.is_some() && open_now.as_deref() == Some(id.as_str());
                        let details = if is_open {
                            state.with_untracked(|s| s.sop().run(&id).map(|r| r.details())).unwrap_or_default()
                        } else {
                            Vec::new()
                        };
                        let is_new = news.with_untracked(|n| n.runs.contains(&id));
                        view! {
                            <li class="run-line" data-outcome=line.outcome.label()>
                                <span>{format!("{} · {who}", fmt::local_moment(line.at, &zone))}</span>
                                <span class="task-meta">{duration}</span>
                                <span class=tag>{line.outcome.label()}</span>
                                {is_new.then(|| view! { <span class="tag new">"New"</span> })}
                                {line.run.is_some().then(|| {
                                    let button = format!("details-{id}");
                                    view! {
                                        <button type="button" id=button.clone() class="quiet small" aria-expanded=is_open.to_string()
                                            on:click=move |_| {
                                                open.update(|o| *o = if is_open { None } else { Some(id.clone()) });
                                                crate::ui::focus::focus_after_render(&button);
                                            }>"Details"</button>
                                    }
                                })}
                                {is_open.then(|| view! {
                                    <ul class="run-details">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }
                    }).collect_view())
                }}
            </ul>
            {move || {
                let total = lines.with(Vec::len);
                (total > shown.get()).then(|| view! {
                    <button type="button" class="quiet" on:click=move |_| shown.set(usize::MAX)>{format!("Show all {total}")}</button>
                })
            }}
        </section>
    }
}
