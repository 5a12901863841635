//! How async-friendly the role is, what live work costs, and what the decisions free.

use leptos::prelude::*;

use crate::model::inventory::{
    advice_for, format_hours, live_tasks_by_size, minutes_per_year_to_hours_per_month,
    AfterDecisions, Friendliness, InventoryTotals,
};
use crate::ui::widgets::framework_steps::FrameworkSteps;
use crate::workspace::{display_title, use_workspace};

fn percent(share: Option<f64>) -> String {
    share
        .map(crate::ui::fmt::percent)
        .unwrap_or_else(|| "–".into())
}

/// The share of the work left that is async once decided and once done, in plain
/// words: (label, test id, the figure, what it means).
fn after_rows(t: &InventoryTotals) -> [(&'static str, &'static str, String, String); 2] {
    let words = |a: &AfterDecisions, when: String| {
        let what = if a.remaining_minutes_per_year == 0 {
            "no recurring work left"
        } else {
            "async"
        };
        format!(" {what} {when}")
    };
    [
        (
            "Decided",
            "share-decided",
            percent(t.decided.async_share()),
            words(&t.decided, "once every decision is carried out".into()),
        ),
        (
            "Done",
            "share-done",
            percent(t.done.async_share()),
            words(
                &t.done,
                format!(
                    "with what is carried out so far ({} of {})",
                    t.done.decisions, t.decided.decisions
                ),
            ),
        ),
    ]
}

/// Where to go once tasks exist: (path, page, what it is for).
const ONWARD: [(&str, &str, &str); 4] = [
    (
        "/week",
        "Week",
        "Protect long deep-work blocks and set office hours.",
    ),
    (
        "/team",
        "Team",
        "See when teammates and clients in other time zones overlap with you.",
    ),
    (
        "/boundaries",
        "Boundaries",
        "Say how quickly you answer on each channel, and share your page.",
    ),
    (
        "/review",
        "Monthly review",
        "Is going async working? Deadlines, time freed and what to change, month by month.",
    ),
];

/// The overview page.
#[component]
pub fn Overview() -> impl IntoView {
    crate::web::set_title("Overview");
    let ws = use_workspace();
    // Handed-over tasks count what their SOP runs show (see `InventoryTotals::measured`).
    let totals = Memo::new(move |_| {
        ws.state.track();
        let evidence = ws.run_evidence(crate::web::now_ms());
        ws.state
            .with(|s| InventoryTotals::measured(&s.tasks, &evidence))
    });
    let friendliness = move || Friendliness::of(&totals.get());
    let hours = |m: u64| format_hours(minutes_per_year_to_hours_per_month(m));
    let money = move |m: u64| {
        ws.state.with(|s| {
            s.rate
                .is_set()
                .then(|| crate::ui::fmt::money(s.rate.monthly_cost_cents(m), &s.rate.currency))
        })
    };
    let name = move || ws.state.with(|s| s.profile.display_name.clone());

    view! {
        <section class="page overview">
            <header class="page-head">
                <h1>{move || format!("Hello, {}", name())}</h1>
                <p class="lede">"How much of your work can happen on your own time, and what the rest costs."</p>
            </header>
            <FrameworkSteps/>
            <div class="score card">
                <div class="score-figure">
                    <span class="big" data-testid="async-share">{move || percent(totals.get().async_share())}</span>
                    <span class="score-label">"of your recurring work needs no live contact"</span>
                </div>
                <div class="score-words">
                    <h2>{move || friendliness().headline()}</h2>
                    <p>{move || friendliness().advice()}</p>
                    {move || {
                        let t = totals.get();
                        (t.decided.decisions > 0).then(|| view! {
                            <ul class="after">
                                {after_rows(&t).into_iter().map(|(label, id, figure, words)| view! {
                                    <li>
                                        <span class="after-label">{label}</span>
                                        <span><strong data-testid=id>{figure}</strong>{words}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })
                    }}
                </div>
            </div>
            <div class="stats">
                <div class="stat card">
                    <span class="stat-label">"Recurring work a month"</span>
                    <span class="stat-value" data-testid="total-hours">{move || hours(totals.get().total_minutes_per_year)}</span>
                    <span class="stat-sub" data-testid="total-cost">{move || money(totals.get().total_minutes_per_year).map(|m| format!("{m} a month"))}</span>
                </div>
                <div class="stat card">
                    <span class="stat-label">"Needs live contact"</span>
                    <span class="stat-value" data-testid="live-hours">{move || hours(totals.get().live_minutes_per_year)}</span>
                    <span class="stat-sub" data-testid="live-cost">{move || money(totals.get().live_minutes_per_year).map(|m| format!("{m} a month"))}</span>
                </div>
                <div class="stat card">
                    <span class="stat-label">"Freed, planned: to automate, delegate or drop"</span>
                    <span class="stat-value" data-testid="freed-hours">{move || hours(totals.get().decided.freed_minutes_per_year)}</span>
                    <span class="stat-sub" data-testid="freed-cost">{move || money(totals.get().decided.freed_minutes_per_year).map(|m| format!("{m} a month"))}</span>
                    <span class="stat-sub" data-testid="freed-done">{move || {
                        let m = totals.get().done.freed_minutes_per_year;
                        format!("Done so far: {}{}", hours(m), money(m).map(|c| format!(", {c} a month")).unwrap_or_default())
                    }}</span>
                </div>
            </div>
            {move || {
                let live = ws.state.with(|s| {
                    live_tasks_by_size(&s.tasks)
                        .into_iter()
                        .map(|t| {
                            let cost = s.rate.is_set().then(|| crate::ui::fmt::money(s.rate.monthly_cost_cents(t.minutes_per_year()), &s.rate.currency));
                            (display_title(&t.title), t.hours_per_month(), cost,
                             t.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join("; "), t.decision_status())
                        })
                        .collect::<Vec<_>>()
                });
                (!live.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"What needs live contact"</h2>
                        <ul class="live-list">
                            {live.into_iter().map(|(title, h, cost, reasons, decision)| view! {
                                <li>
                                    <div class="live-head">
                                        <strong>{title}</strong>
                                        <span>{format!("{} a month{}", format_hours(h), cost.map(|c| format!(" · {c}")).unwrap_or_default())}</span>
                                    </div>
                                    <div class="live-why">{format!("Because it: {}", reasons.to_lowercase())}</div>
                                    <div class="live-decision">{format!("Decision: {decision}")}</div>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            {move || {
                let advice = ws.state.with(|s| advice_for(&s.tasks));
                (!advice.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"How to move it out of meetings"</h2>
                        <ul class="advice-list">
                            {advice.into_iter().map(|(r, n, text)| view! {
                                <li><strong>{format!("{} ({n})", r.label())}</strong>" "{text}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <Show when=move || ws.state.with(|s| !s.tasks.is_empty())>
                <nav class="card onward" aria-labelledby="onward-head">
                    <h2 id="onward-head">"From here"</h2>
                    <ul class="onward-list">
                        {ONWARD.into_iter().map(|(href, name, what)| view! {
                            <li><a href=href>{name}</a><span>{what}</span></li>
                        }).collect_view()}
                    </ul>
                </nav>
            </Show>
        </section>
    }
}
