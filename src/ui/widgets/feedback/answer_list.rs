//! The answers to a feedback request: what the scores come to, as a chart with its
//! numbers, and each person's answers under their name.

use leptos::prelude::*;

use crate::model::shared::feedback::{SCORE_QUESTION, WRITTEN};
use crate::ui::fmt;
use crate::ui::shared::shown_state;
use crate::ui::widgets::bar_chart::{Bar, BarChart};

#[component]
pub fn AnswerList() -> impl IntoView {
    let state = shown_state();
    view! {
        <section class="card" aria-labelledby="answers-head">
            <h2 id="answers-head">"Answers"</h2>
            {move || state.with(|s| {
                let f = s.feedback();
                let scores = f.scores(&s.owner);
                let given: Vec<_> = f.answers.iter().filter(|a| a.person != s.owner && a.is_given()).collect();
                if given.is_empty() {
                    return view! { <p class="hint">"No answers yet. They arrive when someone you sent the link to opens their reply link here."</p> }.into_any();
                }
                let bars: Vec<Bar> = (1..=5).zip(scores.of_each)
                    .map(|(n, count)| (n.to_string(), Some(f64::from(count)), count.to_string()))
                    .collect();
                let own: Vec<(String, String)> = f.questions.iter().map(|q| (q.id.clone(), q.text.clone())).collect();
                view! {
                    <p data-testid="feedback-mean">{match scores.mean_tenths() {
                        Some(m) => format!("Satisfaction {} of 5, from {} of {} answers.", fmt::decimal(f64::from(m) / 10.0, 1), scores.count(), given.len()),
                        None => format!("{} answers, none with a score.", given.len()),
                    }}</p>
                    <BarChart title="Scores given (1 to 5)" bars=bars label="Score"/>
                    {given.into_iter().map(|a| {
                        let written: Vec<(String, String)> = WRITTEN.iter().map(|(f, q)| (f.to_string(), q.to_string()))
                            .chain(own.iter().cloned())
                            .filter_map(|(field, q)| { let t = a.text(&field).trim(); (!t.is_empty()).then(|| (q, t.to_owned())) })
                            .collect();
                        view! {
                            <article class="feedback-answer">
                                <h3>{s.name_of(&a.person)}</h3>
                                <dl>
                                    {a.score.map(|n| view! { <dt>{SCORE_QUESTION}</dt><dd>{format!("{n} of 5")}</dd> })}
                                    {written.into_iter().map(|(q, t)| view! { <dt>{q}</dt><dd class="words">{t}</dd> }).collect_view()}
                                </dl>
                            </article>
                        }
                    }).collect_view()}
                }.into_any()
            })}
        </section>
    }
}
