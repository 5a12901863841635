//! The monthly review (framework step 5): a month's figures beside 1, 3 and 6 months
//! back, charts of them, where the freed time went, feedback asked for, the three
//! re-examination questions and what to change, and 'Keep these figures', after which
//! later edits never rewrite the month. Every figure is one entry of `MEASURES`: the
//! table, the charts and the Markdown all read it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::model::inventory::{format_hours, InventoryTotals};
use crate::model::rate::Rate;
use crate::model::review::{markdown, Month, MonthFigures, Sources, QUESTIONS};
use crate::model::zones::date_at;
use crate::ui::fmt;
use crate::ui::widgets::bar_chart::{Bar, BarChart};
use crate::ui::widgets::freed_log::FreedLog;
use crate::workspace::use_workspace;

/// How far back the comparison looks, in months.
const BACK: [i32; 3] = [1, 3, 6];

/// A month's figures as shown: kept ones, or worked out now. `undated` says whether
/// the figures without dates (the inventory, the week) are the month's own: only for
/// the month open now and for kept months; an earlier month never reviewed shows only
/// what has dates (deadlines, meetings, feedback, the log).
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    month: Month,
    figures: MonthFigures,
    undated: bool,
}

fn hours(minutes: u64) -> String {
    format_hours(minutes as f64 / 60.0)
}

/// One figure of the review.
struct Measure {
    name: &'static str,
    /// Worked out from the inventory or the week, which have no dates.
    undated: bool,
    /// The value as a number (for a chart; not a number when there is nothing to
    /// chart) and in words; `None` where the month has none.
    value: fn(&MonthFigures, &Rate) -> Option<(f64, String)>,
    /// For the measures charted: the chart's title, the value of a full bar, and the
    /// unit written after the value above each bar.
    chart: Option<(&'static str, Option<f64>, &'static str)>,
}

fn money(cents: i64, rate: &Rate) -> Option<(f64, String)> {
    rate.is_set()
        .then(|| (cents as f64 / 100.0, fmt::money(cents, &rate.currency)))
}

const MEASURES: [Measure; 11] = [
    Measure {
        name: "Recurring work that is async",
        undated: true,
        value: |f, _| {
            f.async_percent
                .map(|p| (f64::from(p), fmt::percent(f64::from(p) / 100.0)))
        },
        chart: Some(("Recurring work that is async (%)", Some(100.0), "%")),
    },
    Measure {
        name: "Live work per month",
        undated: true,
        value: |f, _| Some((f.live_minutes as f64 / 60.0, hours(f.live_minutes))),
        chart: None,
    },
    Measure {
        name: "What live work costs per month",
        undated: true,
        value: |f, r| money(f.live_cost_cents, r),
        chart: None,
    },
    Measure {
        name: "Live meetings held",
        undated: false,
        value: |f, _| {
            f.meetings.map(|m| {
                let n = m.held;
                let what = if n == 1 { "meeting" } else { "meetings" };
                (
                    f64::from(m.minutes) / 60.0,
                    format!("{n} {what}, {}", hours(u64::from(m.minutes))),
                )
            })
        },
        chart: Some(("Hours in live meetings", None, " h")),
    },
    Measure {
        name: "What live meetings cost",
        undated: false,
        value: |f, r| money(f.meetings?.cost_cents, r),
        chart: Some(("What live meetings cost", None, "")),
    },
    Measure {
        name: "Meetings turned async or shortened",
        undated: false,
        value: |f, _| {
            f.meetings.map(|m| {
                (
                    f64::from(m.freed_minutes) / 60.0,
                    format!(
                        "{} async, {} shorter: {} freed",
                        m.turned_async,
                        m.shortened,
                        hours(u64::from(m.freed_minutes))
                    ),
                )
            })
        },
        chart: None,
    },
    Measure {
        name: "Hours freed by decisions carried out",
        undated: true,
        value: |f, _| Some((f.freed_minutes as f64 / 60.0, hours(f.freed_minutes))),
        chart: Some(("Hours freed per month by decisions", None, " h")),
    },
    Measure {
        name: "Where freed time went",
        undated: false,
        value: |f, _| {
            let logged = f.logged?;
            let total: u32 = logged.iter().sum();
            let words: Vec<String> = crate::model::review::FreedUse::ALL
                .iter()
                .zip(logged)
                .filter(|(_, m)| *m > 0)
                .map(|(u, m)| format!("{} {}", u.words(), hours(u64::from(m))))
                .collect();
            let words = if words.is_empty() {
                "nothing logged".to_owned()
            } else {
                words.join(", ")
            };
            Some((f64::from(total) / 60.0, words))
        },
        chart: None,
    },
    Measure {
        name: "Deep work planned per week",
        undated: true,
        value: |f, _| {
            let m = u64::from(f.deep_work_minutes);
            Some((m as f64 / 60.0, hours(m)))
        },
        chart: Some(("Deep work planned per week (hours)", None, " h")),
    },
    Measure {
        name: "Deadlines met on time",
        undated: false,
        value: |f, _| {
            let d = &f.deadlines;
            let settled = d.met_on_time + d.met_late + d.missed;
            // Not a number with none settled: a line in the table, no bar.
            Some(
                d.on_time_percent()
                    .map_or((f64::NAN, "none settled".into()), |p| {
                        (
                            f64::from(p),
                            format!("{} of {settled} ({p}%)", d.met_on_time),
                        )
                    }),
            )
        },
        chart: Some(("Deadlines met on time (%)", Some(100.0), "%")),
    },
    Measure {
        name: "Satisfaction from feedback (1 to 5)",
        undated: false,
        value: |f, _| {
            let s = f.feedback?;
            let mean = s.mean_tenths()?;
            let n = s.count();
            let what = if n == 1 { "answer" } else { "answers" };
            let mean = f64::from(mean) / 10.0;
            Some((mean, format!("{} from {n} {what}", fmt::decimal(mean, 1))))
        },
        chart: Some(("Satisfaction from feedback (1 to 5)", Some(5.0), "")),
    },
];

/// A measure's value for a shown month, or `None` where it has none.
fn value_of(measure: &Measure, m: &Shown, rate: &Rate) -> Option<(f64, String)> {
    if measure.undated && !m.undated {
        return None;
    }
    (measure.value)(&m.figures, rate)
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
    let rows = MEASURES
        .iter()
        .map(|measure| {
            let values = picked
                .iter()
                .map(|(_, m)| value_of(measure, m, rate).map_or_else(|| "–".to_owned(), |v| v.1))
                .collect();
            (measure.name, values)
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
        let meetings = ws.meeting_facts();
        let feedback = ws.feedback_scores();
        let month = month.get();
        let this = this_month.get();
        ws.state.with(|s| {
            let today = date_at(&s.profile.time_zone, at);
            let totals = InventoryTotals::measured(&s.tasks, &evidence);
            let src = Sources::of(s, &totals, &meetings, &feedback);
            (0..=6)
                .rev()
                .map(|n| {
                    let m = month.back(n);
                    let now = MonthFigures::of(&src, m, today);
                    let kept = s.reviews.iter().find(|r| r.month == m).and_then(|r| r.kept);
                    Shown {
                        month: m,
                        figures: kept.map_or(now, |k| k.1.or_from(&now)),
                        // The month being reviewed counts the inventory as it is now
                        // until it is kept; so does the month in progress.
                        undated: kept.is_some() || n == 0 || m >= this,
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
        let figures = shown.with_untracked(|s| s.last().map(|m| m.figures));
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
        let rate = rate();
        shown.with(|all| {
            MEASURES
                .iter()
                .filter_map(|measure| {
                    let (title, full, unit) = measure.chart?;
                    let bars: Vec<Bar> = all
                        .iter()
                        .map(|m| {
                            let v = value_of(measure, m, &rate);
                            (
                                fmt::month(m.month, false),
                                v.as_ref().map(|v| v.0).filter(|n| n.is_finite()),
                                v.map_or_else(|| "–".to_owned(), |v| v.1),
                            )
                        })
                        .collect();
                    // A chart of money without a rate would be empty.
                    bars.iter().any(|b| b.1.is_some()).then(|| match full {
                        Some(full) => view! { <BarChart title bars full unit/> }.into_any(),
                        None => view! { <BarChart title bars unit/> }.into_any(),
                    })
                })
                .collect_view()
        })
    };
    let navigate = use_navigate();
    let ask = move |_| {
        let month = month.get_untracked();
        let title = format!("How is my work going? {}", fmt::month(month, true));
        if let Some(id) = ws.create_feedback(month, &title) {
            navigate(&format!("/shared/{id}"), Default::default());
        }
    };
    let requests = move || {
        let month = month.get().key();
        ws.state.with(|_| ());
        ws.feedback_requests()
            .into_iter()
            .filter(move |r| r.month == month)
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
                <p class="hint">"Earlier months show what was kept when they were reviewed; a month never reviewed shows only what has a date: deadlines, meetings, feedback and the time logged."</p>
                {move || review.with(|r| r.kept.is_none()).then(|| view! {
                    <button type="button" on:click=keep>"Keep these figures"</button>
                })}
            </div>
            <div class="card charts">{charts}</div>
            <div class="card review-feedback">
                <h2>"Feedback"</h2>
                <p class="hint">"Ask clients, your manager or co-workers how your work is going, without a meeting: a score from 1 to 5, what would help, whether your way of working causes them problems, and questions of your own."</p>
                <ul class="plain-list">
                    {move || requests().map(|r| view! {
                        <li><a href=format!("/shared/{}", r.id)>{r.title}</a>
                            <span class="task-meta">{format!(" · {}", r.answered)}</span></li>
                    }).collect_view()}
                </ul>
                <button type="button" class="secondary" on:click=ask>{move || format!("Ask for feedback on {}", fmt::month(month.get(), true))}</button>
            </div>
            <FreedLog month/>
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
