//! A client dashboard as plain values (issue 16): the project, the status in words, both
//! points of contact, deliverables, KPIs with their values by date, a glossary, next
//! steps for both sides, recommendations and what more could be done. The owner keeps it
//! in the personal document and publishes it as a signed snapshot the client reads.

use chrono::NaiveDate;

use super::kpi::Better;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dashboard {
    pub project: String,
    pub status: String,
    pub our_contact: String,
    pub their_contact: String,
    pub deliverables: Vec<Deliverable>,
    pub kpis: Vec<Kpi>,
    /// One term a line: "Churn: the share of customers who leave in a month".
    pub glossary: String,
    pub next_ours: String,
    pub next_theirs: String,
    pub recommendations: String,
    /// 'More we can do': services the client may not know are on offer.
    pub more: String,
    /// Recorded explanations; the client sees those with an address.
    pub recordings: Vec<crate::model::recording::Recording>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Planned,
    InProgress,
    Delivered,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Planned, Stage::InProgress, Stage::Delivered];

    pub fn words(self) -> &'static str {
        match self {
            Stage::Planned => "Planned",
            Stage::InProgress => "In progress",
            Stage::Delivered => "Delivered",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deliverable {
    pub text: String,
    pub stage: Stage,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    /// Written after each value: "%", "visits", "€".
    pub unit: String,
    /// The target or benchmark.
    pub target: Option<f64>,
    pub lower_is_better: bool,
    /// How to read this KPI, in plain words.
    pub note: String,
    /// (days since 0001-01-01, value); dates as day numbers keep a link short.
    pub values: Vec<(i32, f64)>,
}

/// Most of each list a dashboard from outside is read with: far more than anyone
/// writes, few enough that drawing it stays quick.
const MAX_KPIS: usize = 40;
const MAX_VALUES: usize = 2_000;
const MAX_DELIVERABLES: usize = 200;

impl Kpi {
    pub fn dated(&self) -> Vec<(NaiveDate, f64)> {
        self.values
            .iter()
            .filter_map(|(d, v)| Some((NaiveDate::from_num_days_from_ce_opt(*d)?, *v)))
            .collect()
    }

    pub fn set_dated(&mut self, values: &[(NaiveDate, f64)]) {
        self.values = values
            .iter()
            .filter(|(_, v)| v.is_finite())
            .map(|(d, v)| (chrono::Datelike::num_days_from_ce(d), *v))
            .collect();
    }

    pub fn better(&self) -> Better {
        if self.lower_is_better {
            Better::Lower
        } else {
            Better::Higher
        }
    }

    pub fn goal(&self) -> Option<(f64, Better)> {
        self.target
            .filter(|t| t.is_finite())
            .map(|t| (t, self.better()))
    }
}

impl Dashboard {
    /// The glossary as (term, meaning) pairs; a line with no colon is a term alone.
    pub fn terms(&self) -> Vec<(&str, &str)> {
        self.glossary
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match l.split_once(':') {
                Some((t, m)) => (t.trim(), m.trim()),
                None => (l.trim(), ""),
            })
            .collect()
    }

    /// A dashboard read from a link, cut to what a screen can draw quickly.
    pub fn bounded(mut self) -> Self {
        self.kpis.truncate(MAX_KPIS);
        for k in &mut self.kpis {
            k.values.truncate(MAX_VALUES);
        }
        self.deliverables.truncate(MAX_DELIVERABLES);
        self
    }
}

/// A question a client sent back from the dashboard, kept on the owner's copy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClientQuestion {
    pub from: String,
    pub text: String,
    /// When it was sent (ms).
    pub sent: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_keep_their_dates_through_day_numbers() {
        let mut k = Kpi::default();
        k.set_dated(&[
            (d(2026, 5, 31), 1.5),
            (d(2024, 2, 29), -2.0),
            (d(2026, 1, 1), f64::NAN),
        ]);
        assert_eq!(
            k.dated(),
            vec![(d(2026, 5, 31), 1.5), (d(2024, 2, 29), -2.0)]
        );
        k.target = Some(f64::INFINITY);
        assert_eq!(k.goal(), None);
        k.target = Some(3.0);
        k.lower_is_better = true;
        assert_eq!(k.goal(), Some((3.0, Better::Lower)));
    }

    #[test]
    fn glossary_lines_become_terms() {
        let dash = Dashboard {
            glossary: "Churn: customers who leave: per month\n\nSessions\n".into(),
            ..Dashboard::default()
        };
        assert_eq!(
            dash.terms(),
            vec![
                ("Churn", "customers who leave: per month"),
                ("Sessions", "")
            ]
        );
    }

    #[test]
    fn a_dashboard_from_outside_is_cut_to_size() {
        let kpi = Kpi {
            values: vec![(1, 1.0); 5_000],
            ..Kpi::default()
        };
        let dash = Dashboard {
            kpis: vec![kpi; 100],
            ..Dashboard::default()
        }
        .bounded();
        assert_eq!(dash.kpis.len(), MAX_KPIS);
        assert!(dash.kpis.iter().all(|k| k.values.len() == MAX_VALUES));
    }
}
