//! An SOP's runs over time: the median of the last ten against the expected minutes,
//! how often the quality checks failed, and each run (or missed occurrence) with who,
//! when, how long and how it went; a run opens to show its steps, what was recorded
//! and its note.

use leptos::prelude::*;

use crate::model::shared::sop::{HistoryLine, Outcome};
use crate::ui::fmt;
use crate::ui::shared::{shown_news, shown_state};

/// Lines shown at first; the rest on request.
const FIRST: usize = 20;

#[component]
pub fn RunHistory() -> impl IntoView {
    let ws = crate::workspace::use_workspace();
    let state = shown_state();
    let news = shown_news();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let minute = Memo::new(move |_| now.get() / 60_000);
    // What the history is read from: ticking a step of a run in progress changes none
    // of it, so neither the history nor the figures are worked out again (the missed
    // occurrences walk every day since the SOP began).
    let outline = Memo::new(move |_| state.with(|s| s.sop().outline()));
    let created = state.with_untracked(|s| s.created);
    let lines = Memo::new(move |_| {
        minute.track();
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
            <ul class="plain-list run-history">
                {move || {
                    let expected = figures().0;
                    lines.with(|all| all.iter().take(shown.get()).cloned().collect::<Vec<HistoryLine>>())
                        .into_iter().map(|line| {
                            let who = line.by.as_ref().map(|b| state.with_untracked(|s| s.name_of(b))).unwrap_or_default();
                            let duration = match line.minutes { Some(m) => format!("{m} of {expected} min"), None => String::new() };
                            let tag = match line.outcome {
                                Outcome::Late | Outcome::Missed => "tag live",
                                Outcome::Running => "tag",
                                Outcome::Done | Outcome::OnTime => "tag done",
                            };
                            let run = line.run.clone();
                            let is_new = run.as_ref().is_some_and(|r| news.with_untracked(|n| n.runs.contains(r)));
                            let head = format!("{} · {}", fmt::local_moment(line.at, &zone.get_untracked()), if who.is_empty() { "nobody".to_owned() } else { who });
                            view! {
                                <li class="run-line" data-outcome=line.outcome.label()>
                                    <span>{head}</span>
                                    <span class="task-meta">{duration}</span>
                                    <span class=tag>{line.outcome.label()}</span>
                                    {is_new.then(|| view! { <span class="tag new">"New"</span> })}
                                    {run.map(|id| {
                                        let key = id.clone();
                                        view! {
                                            <button type="button" class="quiet small" aria-expanded=move || (open.get().as_ref() == Some(&key)).to_string()
                                                on:click={ let id = id.clone(); move |_| open.update(|o| *o = if o.as_ref() == Some(&id) { None } else { Some(id.clone()) }) }>"Details"</button>
                                            <Show when={ let id = id.clone(); move || open.get().as_ref() == Some(&id) }>
                                                <RunDetails id=id.clone()/>
                                            </Show>
                                        }
                                    })}
                                </li>
                            }
                        }).collect_view()
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

/// One run's steps as it saw them, what it recorded, its checks and note.
#[component]
fn RunDetails(id: String) -> impl IntoView {
    let state = shown_state();
    view! {
        <div class="run-details">
            {move || state.with(|s| s.sop().run(&id).cloned()).map(|r| view! {
                <ol>
                    {r.steps_in_order().map(|(_, st)| {
                        let mut line = format!("{} {}", if st.done { "✓" } else { "✗" }, st.text);
                        if !st.value.is_empty() { line.push_str(&format!(": {}", st.value)); }
                        if let Some(m) = st.minutes { line.push_str(&format!(" ({m} min)")); }
                        view! { <li>{line}</li> }
                    }).collect_view()}
                </ol>
                {(!r.check_text.is_empty()).then(|| view! {
                    <ul class="plain-list">
                        {r.check_text.iter().map(|(cid, text)| {
                            let ok = r.checks.get(cid).copied().unwrap_or(false);
                            view! { <li>{format!("{} {text}", if ok { "✓" } else { "✗ Not met:" })}</li> }
                        }).collect_view()}
                    </ul>
                })}
                {r.by_itself.then(|| view! { <p class="hint">"Ran by itself (the automation)."</p> })}
                {(!r.note.trim().is_empty()).then(|| view! { <p class="words">{r.note.clone()}</p> })}
            })}
        </div>
    }
}
