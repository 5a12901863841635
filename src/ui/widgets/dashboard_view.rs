//! A client dashboard as the client reads it (and the owner previews it): the project
//! and its status, both contacts, each KPI as a chart with its numbers and the change in
//! words over the view the reader picks (all time, 6, 3 or 1 months), deliverables, next
//! steps, recommendations, what more could be done, and the glossary. Dates and numbers
//! in the reader's locale, the period counted back from the reader's today.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::dashboard::{Dashboard, Kpi};
use crate::model::kpi::{change_words, series, Period};
use crate::model::review::Month;
use crate::ui::fmt;
use crate::ui::widgets::bar_chart::BarChart;

/// A value with its unit: "12.5%", "1,204 visits".
pub fn with_unit(v: f64, unit: &str) -> String {
    let near = |scale: f64| ((v * scale) - (v * scale).round()).abs() < 0.005 * scale;
    let digits = if near(1.0) {
        0
    } else if near(10.0) {
        1
    } else {
        2
    };
    let n = fmt::decimal(v, digits);
    match unit.trim() {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(&crate::web::today(), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::Utc::now().date_naive())
}

fn kpi_view(kpi: Kpi, period: Period, today: NaiveDate) -> impl IntoView {
    let shown = series(&kpi.dated(), period, today);
    let unit = kpi.unit.clone();
    let words = change_words(&shown, period, kpi.goal(), &|v| with_unit(v, &unit));
    let months: Vec<Month> = shown.iter().map(|(d, _)| Month::of(*d)).collect();
    let by_month = months.windows(2).all(|w| w[0] != w[1]);
    let bars = shown
        .iter()
        .map(|(d, v)| {
            let label = if by_month {
                fmt::month(Month::of(*d), false)
            } else {
                fmt::date_with_weekday(*d)
            };
            (
                label,
                Some(*v),
                format!("{}: {}", fmt::date_with_weekday(*d), with_unit(*v, &unit)),
            )
        })
        .collect();
    let target = kpi.goal().map(|(t, better)| {
        let way = match better {
            crate::model::kpi::Better::Higher => "or more",
            crate::model::kpi::Better::Lower => "or less",
        };
        format!("Target: {} {way}", with_unit(t, &kpi.unit))
    });
    view! {
        <article class="card kpi">
            <h3>{kpi.name.clone()}</h3>
            {(!kpi.note.trim().is_empty()).then(|| view! { <p class="hint">"How to read this: "{kpi.note.clone()}</p> })}
            <p class="kpi-change">{words}</p>
            {target.map(|t| view! { <p class="hint">{t}</p> })}
            <BarChart title=kpi.name.clone() bars label="Date"/>
        </article>
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A titled list of lines, left out when empty.
fn section(title: &'static str, text: &str) -> Option<impl IntoView> {
    let items = lines(text);
    (!items.is_empty()).then(|| {
        view! {
            <section class="card">
                <h2>{title}</h2>
                <ul>{items.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

#[component]
pub fn DashboardView(
    #[prop(into)] dashboard: Signal<Dashboard>,
    #[prop(into)] author: String,
    /// When it was published (ms); 0 for a preview of what is not published yet.
    published: i64,
) -> impl IntoView {
    let period = RwSignal::new(Period::AllTime);
    let today = today();
    // On the reader's own clock.
    let zone = crate::workspace::use_workspace()
        .state
        .with_untracked(|s| s.profile.time_zone.clone());
    let updated = (published > 0).then(|| {
        format!(
            "Updated {} by {author}",
            fmt::local_moment(published, &zone)
        )
    });
    view! {
        <div class="dashboard">
            <header class="card">
                <h1>{move || dashboard.with(|d| if d.project.trim().is_empty() { "Project dashboard".to_owned() } else { d.project.clone() })}</h1>
                <p class="dash-status">{move || dashboard.with(|d| d.status.clone())}</p>
                <p class="hint">{move || dashboard.with(|d| {
                    let mut who = Vec::new();
                    if !d.our_contact.trim().is_empty() { who.push(format!("Our contact: {}", d.our_contact.trim())); }
                    if !d.their_contact.trim().is_empty() { who.push(format!("Your contact: {}", d.their_contact.trim())); }
                    who.join(" · ")
                })}</p>
                {updated.map(|u| view! { <p class="hint">{u}</p> })}
            </header>
            <div class="period-switch" role="group" aria-label="Period">
                {Period::ALL.into_iter().map(|p| view! {
                    <button type="button" class="secondary" aria-pressed=move || (period.get() == p).to_string()
                        on:click=move |_| period.set(p)>{p.label()}</button>
                }).collect_view()}
            </div>
            <div class="kpis">
                {move || {
                    let p = period.get();
                    dashboard.with(|d| d.kpis.iter().cloned().map(|k| kpi_view(k, p, today)).collect_view())
                }}
            </div>
            {move || dashboard.with(|d| (!d.deliverables.is_empty()).then(|| view! {
                <section class="card">
                    <h2>"Deliverables"</h2>
                    <table class="deliverables">
                        <thead><tr><th scope="col">"Deliverable"</th><th scope="col">"State"</th></tr></thead>
                        <tbody>{d.deliverables.iter().map(|x| view! {
                            <tr><td>{x.text.clone()}</td><td>{x.stage.words()}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>
            }))}
            {move || dashboard.with(|d| {
                // Only those uploaded somewhere, and only http(s) addresses, whoever wrote them.
                let videos: Vec<(String, String, u32)> = d.recordings.iter()
                    .filter_map(|r| Some((crate::model::shared::checked_link(&r.url).ok()?, r.title.clone(), r.ms)))
                    .collect();
                (!videos.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Recorded explanations"</h2>
                        <ul>{videos.into_iter().map(|(url, title, ms)| view! {
                            <li><a href=url target="_blank" rel="noopener noreferrer nofollow">{title}</a>
                                <span class="task-meta">{format!(" · {}", crate::model::recording::length(ms))}</span></li>
                        }).collect_view()}</ul>
                    </section>
                })
            })}
            {move || dashboard.with(|d| view! {
                {section("Next steps for us", &d.next_ours)}
                {section("Next steps for you", &d.next_theirs)}
                {section("Recommendations", &d.recommendations)}
                {section("More we can do", &d.more)}
            })}
            {move || dashboard.with(|d| {
                let terms: Vec<(String, String)> = d.terms().into_iter().map(|(t, m)| (t.to_owned(), m.to_owned())).collect();
                (!terms.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Words used here"</h2>
                        <dl class="glossary">{terms.into_iter().map(|(t, m)| view! { <dt>{t}</dt><dd>{m}</dd> }).collect_view()}</dl>
                    </section>
                })
            })}
        </div>
    }
}
