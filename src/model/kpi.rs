//! A client dashboard's KPIs as plain values (issue 16): values by date, the views a
//! reader switches between (all time, 6, 3 and 1 months), the change over the view in
//! words, and values pasted from a spreadsheet as two columns. Numbers are shown by a
//! formatter the caller passes (the browser's `Intl` in the reader's locale), so the
//! words here stay locale-free for tests and exports.

use chrono::{Months, NaiveDate};

/// The views a reader switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    AllTime,
    Months(u8),
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::AllTime,
        Period::Months(6),
        Period::Months(3),
        Period::Months(1),
    ];

    pub fn label(self) -> String {
        match self {
            Period::AllTime => "All time".into(),
            Period::Months(1) => "1 month".into(),
            Period::Months(n) => format!("{n} months"),
        }
    }

    /// The first day the view shows, when it does not show everything: the same day
    /// `n` months before `today` (the month's last day when it has no such day).
    pub fn since(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::AllTime => None,
            Period::Months(n) => today.checked_sub_months(Months::new(u32::from(n))),
        }
    }
}

/// A KPI's values in the view, in date order (one per date: the last one given).
pub fn series(
    values: &[(NaiveDate, f64)],
    period: Period,
    today: NaiveDate,
) -> Vec<(NaiveDate, f64)> {
    let since = period.since(today);
    let mut out: Vec<(NaiveDate, f64)> = values
        .iter()
        .copied()
        .filter(|(d, v)| v.is_finite() && *d <= today && since.is_none_or(|s| *d >= s))
        .collect();
    // Stable, so of two values on one date the later given stays last.
    crate::model::order::sort_by_key(&mut out, |(d, _)| *d);
    let mut one_per_date: Vec<(NaiveDate, f64)> = Vec::with_capacity(out.len());
    for (d, v) in out {
        match one_per_date.last_mut() {
            Some(last) if last.0 == d => last.1 = v,
            _ => one_per_date.push((d, v)),
        }
    }
    one_per_date
}

/// Whether a rise is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// The change over a view, in words: "Up from 120 to 150 (+25%) over the last 3 months.
/// The target is 140: met." `number` formats a value with its unit.
pub fn change_words(
    series: &[(NaiveDate, f64)],
    period: Period,
    target: Option<(f64, Better)>,
    number: &dyn Fn(f64) -> String,
) -> String {
    let over = match period {
        Period::AllTime => "since the first value".to_owned(),
        Period::Months(1) => "over the last month".to_owned(),
        Period::Months(n) => format!("over the last {n} months"),
    };
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return "No values in this period yet.".into();
    };
    let mut words = if series.len() == 1 {
        format!("One value in this period: {}.", number(last.1))
    } else if last.1 == first.1 {
        format!("Unchanged at {} {over}.", number(last.1))
    } else {
        let dir = if last.1 > first.1 { "Up" } else { "Down" };
        let percent = if first.1 == 0.0 {
            String::new()
        } else {
            format!(" ({:+.0}%)", (last.1 - first.1) / first.1.abs() * 100.0)
        };
        format!(
            "{dir} from {} to {}{percent} {over}.",
            number(first.1),
            number(last.1)
        )
    };
    if let Some((goal, better)) = target {
        let met = match better {
            Better::Higher => last.1 >= goal,
            Better::Lower => last.1 <= goal,
        };
        words.push_str(&format!(
            " The target is {}: {}.",
            number(goal),
            if met { "met" } else { "not met yet" }
        ));
    }
    words
}

/// Why a pasted line could not be read, with its number (from 1).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("Line {0} needs a date and a value, such as 2026-11-30 and 42.")]
    Columns(usize),
    #[error("Line {0}: the date is not one this app reads (use 2026-11-30 or 2026-11).")]
    Date(usize),
    #[error("Line {0}: the value is not a number.")]
    Number(usize),
}

/// Reads two columns pasted from a spreadsheet: a date (`2026-11-30`, or `2026-11` for
/// a month, taken as its first day) and a number, separated by a tab, a semicolon or a
/// comma. A first line that is a header, and empty lines, are skipped.
pub fn parse_pasted(text: &str) -> Result<Vec<(NaiveDate, f64)>, PasteError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (date, value) = split_columns(line).ok_or(PasteError::Columns(n + 1))?;
        let Some(date) = parse_date(date) else {
            // A header ("Date, Visitors") is not a value.
            if n == 0 && parse_number(value).is_none() {
                continue;
            }
            return Err(PasteError::Date(n + 1));
        };
        out.push((date, parse_number(value).ok_or(PasteError::Number(n + 1))?));
    }
    Ok(out)
}

fn split_columns(line: &str) -> Option<(&str, &str)> {
    for sep in ['\t', ';'] {
        if let Some((a, b)) = line.split_once(sep) {
            return Some((a.trim(), b.trim()));
        }
    }
    // A comma splits the columns only after the date: "1,5" may be a decimal comma.
    let (a, b) = line.split_once(',')?;
    Some((a.trim(), b.trim()))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim_matches('"');
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok())
}

/// A number as spreadsheets copy it: "1,234.5", "1.234,5", "1 234,5", "12%", "-3".
/// When both a comma and a point appear, the last one is the decimal mark; a lone comma
/// followed by exactly three digits is a thousands separator, any other a decimal one.
fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim_matches('"')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '%' | '\''))
        .collect();
    let normal = match (cleaned.rfind(','), cleaned.rfind('.')) {
        (Some(c), Some(p)) if c > p => cleaned.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => cleaned.replace(',', ""),
        (Some(c), None) => {
            let after = &cleaned[c + 1..];
            if cleaned.matches(',').count() > 1
                || (after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit()))
            {
                cleaned.replace(',', "")
            } else {
                cleaned.replace(',', ".")
            }
        }
        _ => cleaned,
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn plain(v: f64) -> String {
        format!("{v}")
    }

    #[test]
    fn views_cut_the_series_at_the_same_day_months_back() {
        let values: Vec<(NaiveDate, f64)> = (1..=7)
            .map(|m| (d(&format!("2026-{m:02}-28")), f64::from(m) * 10.0))
            .chain([(d("2026-08-31"), 99.0), (d("2026-12-31"), 1.0)])
            .collect();
        let today = d("2026-08-31");
        assert_eq!(series(&values, Period::AllTime, today).len(), 8);
        // 31 August back 6 months is 28 February (no 31st): February's value is in.
        let six = series(&values, Period::Months(6), today);
        assert_eq!(six.first(), Some(&(d("2026-02-28"), 20.0)));
        assert_eq!(six.len(), 7);
        // 31 May onwards: June, July and August.
        assert_eq!(series(&values, Period::Months(3), today).len(), 3);
        assert_eq!(
            series(&values, Period::Months(1), today),
            [(d("2026-08-31"), 99.0)]
        );
        assert_eq!(Period::Months(3).label(), "3 months");
        assert_eq!(Period::Months(1).label(), "1 month");
    }

    #[test]
    fn one_value_per_date_the_last_given_and_never_a_nan() {
        let values = [
            (d("2026-01-01"), 1.0),
            (d("2026-01-01"), 2.0),
            (d("2026-01-02"), f64::NAN),
        ];
        assert_eq!(
            series(&values, Period::AllTime, d("2026-02-01")),
            [(d("2026-01-01"), 2.0)]
        );
    }

    #[test]
    fn the_change_in_words() {
        let s = [(d("2026-06-01"), 120.0), (d("2026-08-01"), 150.0)];
        assert_eq!(
            change_words(&s, Period::Months(3), Some((140.0, Better::Higher)), &plain),
            "Up from 120 to 150 (+25%) over the last 3 months. The target is 140: met."
        );
        let down = [(d("2026-06-01"), 4.0), (d("2026-08-01"), 3.0)];
        assert_eq!(
            change_words(&down, Period::AllTime, Some((2.0, Better::Lower)), &plain),
            "Down from 4 to 3 (-25%) since the first value. The target is 2: not met yet."
        );
        let from_zero = [(d("2026-06-01"), 0.0), (d("2026-08-01"), 5.0)];
        assert_eq!(
            change_words(&from_zero, Period::Months(1), None, &plain),
            "Up from 0 to 5 over the last month."
        );
        assert_eq!(
            change_words(&s[..1], Period::Months(6), None, &plain),
            "One value in this period: 120."
        );
        assert_eq!(
            change_words(&[], Period::Months(6), None, &plain),
            "No values in this period yet."
        );
        let flat = [(d("2026-06-01"), 7.0), (d("2026-08-01"), 7.0)];
        assert_eq!(
            change_words(&flat, Period::Months(6), None, &plain),
            "Unchanged at 7 over the last 6 months."
        );
    }

    #[test]
    fn two_columns_pasted_from_a_spreadsheet() {
        let text = "Date\tVisitors\n2026-09-30\t1,234\n2026-10\t1.234,5\n\n2026-11-30;12%\n2026-12-01, 1 234,5\n2026-12-02,\"3.5\"";
        assert_eq!(
            parse_pasted(text).unwrap(),
            [
                (d("2026-09-30"), 1234.0),
                (d("2026-10-01"), 1234.5),
                (d("2026-11-30"), 12.0),
                (d("2026-12-01"), 1234.5),
                (d("2026-12-02"), 3.5),
            ]
        );
        assert_eq!(
            parse_pasted("2026-01-01\t1,5").unwrap(),
            [(d("2026-01-01"), 1.5)]
        );
        assert_eq!(
            parse_pasted("2026-01-01\t1,234,567").unwrap(),
            [(d("2026-01-01"), 1_234_567.0)]
        );
        assert_eq!(parse_pasted("2026-01-01"), Err(PasteError::Columns(1)));
        assert_eq!(
            parse_pasted("2026-01-01\t5\n30/01/2026\t4"),
            Err(PasteError::Date(2))
        );
        assert_eq!(parse_pasted("2026-01-01\tmany"), Err(PasteError::Number(1)));
        assert_eq!(parse_pasted("2026-01-01\tinf"), Err(PasteError::Number(1)));
        assert!(parse_pasted("").unwrap().is_empty());
    }
}
