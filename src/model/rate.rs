//! The hourly rate (the framework's 'calculate your hourly rate') and what work costs at it.
//!
//! Money is kept in minor units (cents) as integers so that sums are exact; a rate
//! is private and only ever lives in the personal document.

/// How the person gives their rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RateMode {
    /// A rate per hour, typed in.
    #[default]
    Direct,
    /// Worked out from yearly income and working time.
    FromIncome,
}

impl RateMode {
    pub fn key(self) -> &'static str {
        match self {
            RateMode::Direct => "direct",
            RateMode::FromIncome => "income",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [RateMode::Direct, RateMode::FromIncome]
            .into_iter()
            .find(|m| m.key() == key)
    }
}

/// The person's rate and currency. Both ways of giving it are kept, so switching
/// between them loses nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rate {
    pub mode: RateMode,
    /// Minor units per hour, used in `RateMode::Direct`.
    pub direct_cents_per_hour: i64,
    pub yearly_income_cents: i64,
    pub hours_per_week: u32,
    pub weeks_per_year: u32,
    /// An ISO 4217 code such as "EUR".
    pub currency: String,
}

impl Default for Rate {
    fn default() -> Self {
        Rate {
            mode: RateMode::Direct,
            direct_cents_per_hour: 0,
            yearly_income_cents: 0,
            hours_per_week: 40,
            weeks_per_year: 48,
            currency: "USD".into(),
        }
    }
}

impl Rate {
    /// The effective rate per hour in minor units; 0 when it cannot be worked out.
    pub fn cents_per_hour(&self) -> i64 {
        match self.mode {
            RateMode::Direct => self.direct_cents_per_hour.max(0),
            RateMode::FromIncome => {
                let hours = i64::from(self.hours_per_week) * i64::from(self.weeks_per_year);
                if hours == 0 {
                    0
                } else {
                    div_round(self.yearly_income_cents.max(0) as i128, hours as i128) as i64
                }
            }
        }
    }

    pub fn is_set(&self) -> bool {
        self.cents_per_hour() > 0
    }

    /// What work of the given minutes per year costs each month, in minor units.
    pub fn monthly_cost_cents(&self, minutes_per_year: u64) -> i64 {
        // minutes/yr × cents/h ÷ 60 min/h ÷ 12 months
        div_round(
            minutes_per_year as i128 * self.cents_per_hour() as i128,
            60 * 12,
        ) as i64
    }

    pub fn format(&self, cents: i64) -> String {
        format_money(cents, &self.currency)
    }
}

/// Divides and rounds half away from zero.
fn div_round(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d.abs() {
        q + n.signum() * d.signum()
    } else {
        q
    }
}

/// Currencies offered in the picker; others can be typed.
pub const COMMON_CURRENCIES: [&str; 10] = [
    "USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "BRL", "MXN",
];

fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "CAD" => "CA$",
        "AUD" => "A$",
        "BRL" => "R$",
        "MXN" => "MX$",
        _ => return None,
    })
}

/// Currencies with no minor unit in everyday use.
fn has_no_cents(code: &str) -> bool {
    matches!(code, "JPY" | "KRW" | "CLP" | "ISK" | "VND")
}

/// "$1,234.50", "€12.00", "¥1,235", "CHF 40.00".
pub fn format_money(cents: i64, currency: &str) -> String {
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let body = if has_no_cents(currency) {
        group_thousands((cents + 50) / 100)
    } else {
        format!("{}.{:02}", group_thousands(cents / 100), cents % 100)
    };
    let sign = if negative { "-" } else { "" };
    match currency_symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{body}"),
        None => format!("{sign}{currency} {body}"),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads an amount a person typed ("1,234.5", "85", "€ 40.00") into minor units.
/// Commas are taken as thousands separators; returns `None` for anything else.
pub fn parse_amount(input: &str) -> Option<i64> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .skip_while(|c| !c.is_ascii_digit() && *c != '.')
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || (whole.is_empty() && frac.is_empty())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// Minor units as an editable amount: "1234.50".
pub fn amount_for_input(cents: i64) -> String {
    if cents == 0 {
        String::new()
    } else {
        format!("{}.{:02}", cents / 100, (cents % 100).abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_from_income() {
        // 96,000.00 a year over 40 h × 48 weeks = 1,920 h: 50.00 an hour.
        let rate = Rate {
            mode: RateMode::FromIncome,
            yearly_income_cents: 9_600_000,
            hours_per_week: 40,
            weeks_per_year: 48,
            currency: "EUR".into(),
            ..Rate::default()
        };
        assert_eq!(rate.cents_per_hour(), 5_000);
        // 70,000 over 37 × 46 = 1,702 h = 41.128...: 41.13.
        let rate = Rate {
            mode: RateMode::FromIncome,
            yearly_income_cents: 7_000_000,
            hours_per_week: 37,
            weeks_per_year: 46,
            direct_cents_per_hour: 999_999,
            currency: "GBP".into(),
        };
        assert_eq!(rate.cents_per_hour(), 4_113);
        let none = Rate {
            mode: RateMode::FromIncome,
            yearly_income_cents: 1,
            hours_per_week: 0,
            ..Rate::default()
        };
        assert_eq!(none.cents_per_hour(), 0);
        assert!(!none.is_set());
    }

    #[test]
    fn monthly_cost() {
        let rate = Rate {
            direct_cents_per_hour: 6_000,
            ..Rate::default()
        };
        // Daily 15 min stand-up: 3,900 min/yr = 65 h/yr → 65 × 60.00 / 12 = 325.00 a month.
        assert_eq!(rate.monthly_cost_cents(3_900), 32_500);
        // 1 min/yr at 60.00/h = 1.00/yr → 0.0833/month → rounds to 0.08.
        assert_eq!(rate.monthly_cost_cents(1), 8);
        assert_eq!(rate.format(rate.monthly_cost_cents(3_900)), "$325.00");
    }

    #[test]
    fn money_formatting() {
        assert_eq!(format_money(123_456_789, "USD"), "$1,234,567.89");
        assert_eq!(format_money(5, "EUR"), "€0.05");
        assert_eq!(format_money(123_450, "JPY"), "¥1,235");
        assert_eq!(format_money(4_000, "CHF"), "CHF 40.00");
        assert_eq!(format_money(-150, "GBP"), "-£1.50");
    }

    #[test]
    fn amount_parsing() {
        assert_eq!(parse_amount("1,234.5"), Some(123_450));
        assert_eq!(parse_amount("85"), Some(8_500));
        assert_eq!(parse_amount("€ 40.00"), Some(4_000));
        assert_eq!(parse_amount(".5"), Some(50));
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("12.345"), None);
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount("1.2.3"), None);
        assert_eq!(parse_amount("99999999999999999999"), None);
        assert_eq!(amount_for_input(123_450), "1234.50");
    }
}
