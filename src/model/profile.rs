//! Who the person is: display name, time zone, and the random actor id that
//! marks what they write in shared documents.

use chrono_tz::Tz;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Profile {
    pub display_name: String,
    /// An IANA zone name such as "Europe/Lisbon".
    pub time_zone: String,
    /// Random hex id naming this person in shared documents (not Automerge's per-device actor).
    pub actor_id: String,
}

impl Profile {
    /// Whether the welcome has been completed.
    pub fn is_set_up(&self) -> bool {
        !self.display_name.trim().is_empty()
    }
}

/// Checks a display name: trimmed, 1 to 60 characters.
pub fn clean_display_name(input: &str) -> Result<String, &'static str> {
    let name = input.trim();
    if name.is_empty() {
        Err("Please enter a name your teammates will recognise.")
    } else if name.chars().count() > 60 {
        Err("Please keep the name under 60 characters.")
    } else {
        Ok(name.to_owned())
    }
}

/// Parses an IANA time zone name, accepting it case-insensitively.
pub fn parse_time_zone(input: &str) -> Option<Tz> {
    let input = input.trim();
    input.parse::<Tz>().ok().or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|tz| tz.name().eq_ignore_ascii_case(input))
    })
}

/// All zone names for the picker, canonical ones with a slash (no "EST5EDT"-style legacy names).
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/") || *name == "UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_zones() {
        assert_eq!(clean_display_name("  Ana  "), Ok("Ana".into()));
        assert!(clean_display_name("   ").is_err());
        assert!(clean_display_name(&"x".repeat(61)).is_err());
        assert_eq!(
            parse_time_zone("europe/lisbon").map(|t| t.name()),
            Some("Europe/Lisbon")
        );
        assert_eq!(parse_time_zone("Mars/Olympus"), None);
        assert!(time_zone_names().any(|n| n == "Asia/Kolkata"));
        assert!(time_zone_names().any(|n| n == "UTC"));
        assert!(!Profile::default().is_set_up());
    }
}
