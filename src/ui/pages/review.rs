//! The monthly review (framework step 5): a month's figures beside 1, 3 and 6 months
//! back, two charts, the three re-examination questions and what to change, and
//! 'Keep these figures', after which later edits never rewrite the month.

use leptos::prelude::*;

use crate::model::inventory::{format_hours, InventoryTotals};
use crate::model::rate::Rate;
use crate::model::review::{markdown, DeadlineFigures, Month, MonthFigures, QUESTIONS};
use crate::model::zones::date_at;
use crate::ui::fmt;
use crate::ui::widgets::bar_chart::{Bar, BarChart};
use crate::workspace::use_workspace;

/// How far back the comparison looks, in months.
const BACK: [i32; 3] = [1, 3, 6];

/// A month's figures as shown: kept ones, or worked out now (only the deadlines, for an
/// earlier month never reviewed: the rest was not kept).
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    month: Month,
    figures: Option<MonthFigures>,
    deadlines: DeadlineFigures,
    kept: bool,
}

fn hours(minutes: u64) -> String {
    format_hours(minutes as f64 / 60.0)
}

/// The review's measures for one month, as (name, value in words); "–" where the month
/// holds no such figure.
fn measures(m: &Shown, rate: &Rate) -> [(&'static str, String); 6] {
    let f = m.figures.as_ref();
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".into());
    let d = &m.deadlines;
    let settled = d.met_on_time + d.met_late + d.missed;
    let deadlines = match d.on_time_percent() {
        Some(p) => format!("{} of {settled} ({p}%)", d.met_on_time),
        None => "none settled".into(),
    };
    [
        (
            "Recurring work that is async",
            or_dash(f.and_then(|f| f.async_percent).map(|p| format!("{p}%"))),
        ),
        (
            "Live work per month",
            or_dash(f.map(|f| hours(f.live_minutes))),
        ),
        (
            "What live work costs per month",
            or_dash(
                f.filter(|_| rate.is_set())
                    .map(|f| fmt::money(f.live_cost_cents, &rate.currency)),
            ),
        ),
        (
            "Hours freed per month",
            or_dash(f.map(|f| hours(f.freed_minutes))),
        ),
        (
            "Deep work planned per week",
            or_dash(f.map(|f| hours(u64::from(f.deep_work_minutes)))),
        ),
        ("Deadlines met on time", deadlines),
    ]
}

/// The comparison as (column headings, each measure's name and values): the month
/// shown, then 1, 3 and 6 months back. `all` runs from six back to the month shown.
fn comparison(all: &[Shown], rate: &Rate) -> (Vec<String>, Vec<(&'static str, Vec<String>)>) {
    let last = all.len() - 1;
    let picked: Vec<(usize, &Shown)> = [0]
        .into_iter()
        .chain(BACK.map(|n| n as usize))
        .map(|n| (n, &all[last - n]))
        .collect();
    let columns = picked
        .iter()
        .map(|(n, m)| match n {
            0 => fmt::month(m.month, true),
            n => format!("{} ({n} back)", fmt::month(m.month, true)),
        })
        .collect();
    let values: Vec<[(&str, String); 6]> = picked.iter().map(|(_, m)| measures(m, rate)).collect();
    let rows = (0..6)
        .map(|row| {
            (
                values[0][row].0,
                values.iter().map(|v| v[row].1.clone()).collect(),
            )
        })
        .collect();
    (columns, rows)
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    crate::web::set_title("Monthly review");
    let ws = use_workspace();
    let now = expect_context::<crate::ui::app::Now>();
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    let this_month = Memo::new(move |_| {
        now.1.with(|_| ());
        Month::at(now.0.get_untracked(), &zone())
    });
    // The month just ended, unless a month was chosen.
    let chosen = RwSignal::new(None::<Month>);
    let month = Memo::new(move |_| chosen.get().unwrap_or_else(|| this_month.get().back(1)));
    // Every month from six back to the one shown, oldest first.
    let shown = Memo::new(move |_| {
        now.1.with(|_| ());
        let at = now.0.get_untracked();
        let evidence = ws.run_evidence(at);
        let month = month.get();
        ws.state.with(|s| {
            let today = date_at(&s.profile.time_zone, at);
            let live = MonthFigures::of(
                &InventoryTotals::measured(&s.tasks, &evidence),
                &s.rate,
                &s.schedule.blocks,
                &s.schedule.deadlines,
                month,
                today,
            );
            (0..=6)
                .rev()
                .map(|n| {
                    let m = month.back(n);
                    let kept = s.reviews.iter().find(|r| r.month == m).and_then(|r| r.kept);
                    let figures = kept.map(|k| k.1).or((n == 0).then_some(live));
                    Shown {
                        month: m,
                        figures,
                        deadlines: figures.map_or_else(
                            || DeadlineFigures::of(&s.schedule.deadlines, m, today),
                            |f| f.deadlines,
                        ),
                        kept: kept.is_some(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let review = Memo::new(move |_| {
        let month = month.get();
        ws.state.with(|s| {
            s.reviews
                .iter()
                .find(|r| r.month == month)
                .cloned()
                .unwrap_or_default()
        })
    });
    let rate = move || ws.state.with(|s| s.rate.clone());
    let step = move |by: i32| chosen.set(Some(month.get_untracked().back(-by)));
    let keep = move |_| {
        let figures = shown.with_untracked(|s| s.last().and_then(|m| m.figures));
        if let Some(figures) = figures {
            if ws.keep_review(month.get_untracked(), now.0.get_untracked(), figures) {
                ws.say(
                    "This month's figures are kept as they are now.".into(),
                    None,
                );
            }
        }
    };
    let download = move |_| {
        let month = month.get_untracked();
        let md = shown.with_untracked(|all| {
            let (columns, rows) = comparison(all, &rate());
            review.with_untracked(|r| markdown(&fmt::month(month, true), &columns, &rows, r))
        });
        crate::web::download_bytes(
            md.as_bytes(),
            &format!("unhurried-review-{}.md", month.key()),
            "text/markdown",
        );
    };
    let charts = move || {
        shown.with(|all| {
            let label = |m: &Shown| fmt::month(m.month, false);
            let on_time: Vec<Bar> = all
                .iter()
                .map(|m| {
                    let p = m.deadlines.on_time_percent();
                    (
                        label(m),
                        p.map(f64::from),
                        p.map(|p| format!("{p}%")).unwrap_or_else(|| "–".into()),
                    )
                })
                .collect();
            let freed: Vec<Bar> = all
                .iter()
                .map(|m| {
                    let f = m.figures.map(|f| f.freed_minutes);
                    (
                        label(m),
                        f.map(|f| f as f64 / 60.0),
                        f.map(hours).unwrap_or_else(|| "–".into()),
                    )
                })
                .collect();
            view! {
                <BarChart title="Deadlines met on time" bars=on_time full=100.0/>
                <BarChart title="Hours freed per month" bars=freed/>
            }
        })
    };
    view! {
        <section class="page review-page">
            <h1>"Monthly review"</h1>
            <p class="lede">"Is going async working? Look back at the month: what the figures say, and what you see."</p>
            <div class="month-nav">
                <button type="button" class="secondary" on:click=move |_| step(-1)>"Previous month"</button>
                <h2 data-testid="review-month">{move || fmt::month(month.get(), true)}</h2>
                <button type="button" class="secondary" disabled=move || { month.get() >= this_month.get() } on:click=move |_| step(1)>"Next month"</button>
            </div>
            <div class="card">
                <h2>"The figures"</h2>
                <p class="hint" data-testid="review-kept">{move || match review.with(|r| r.kept) {
                    Some((at, _)) => format!("Reviewed {}: these figures are kept as they were then.", fmt::local_moment(at, &zone())),
                    None if month.get() >= this_month.get() => "This month so far, from your tasks, week and deadlines as they are now.".to_owned(),
                    None => "Worked out from your tasks, week and deadlines as they are now. Keep them when you have reviewed the month.".to_owned(),
                }}</p>
                {move || shown.with(|all| {
                    let (columns, rows) = comparison(all, &rate());
                    view! {
                        <table class="review-table">
                            <thead><tr>
                                <th scope="col">"Measure"</th>
                                {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(name, values)| view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
                <p class="hint">"Earlier months show what was kept when they were reviewed; a month never reviewed shows only its deadlines."</p>
                {move || review.with(|r| r.kept.is_none()).then(|| view! {
                    <button type="button" on:click=keep>"Keep these figures"</button>
                })}
            </div>
            <div class="card charts">{charts}</div>
            <div class="card">
                <h2>"Re-examine"</h2>
                {QUESTIONS.iter().map(|(field, question)| {
                    let id = format!("review-{field}");
                    view! {
                        <label for=id.clone()>{*question}</label>
                        <textarea id=id rows="3" maxlength="5000"
                            prop:value=move || review.with(|r| r.answer(field).to_owned())
                            on:change=move |ev| { ws.put_review_answer(month.get_untracked(), field, &event_target_value(&ev)); }></textarea>
                    }
                }).collect_view()}
            </div>
            <div class="actions review-export">
                <button type="button" class="secondary" on:click=move |_| crate::web::print()>"Print"</button>
                <button type="button" class="secondary" on:click=download>"Download Markdown"</button>
            </div>
        </section>
    }
}
