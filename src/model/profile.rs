//! Who the person is: display name, time zone, and the random actor id that
//! marks what they write in shared documents.

use crate::model::zone::Zone;

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

/// Every canonical zone that belongs to a country, as "Asia/Kolkata IN" lines, from the
/// tz database's `zone.tab` (2025b, the release chrono-tz is built from).
const ZONE_COUNTRIES: &str = include_str!("zone_countries.txt");

/// Legacy names and their canonical zone, as "Asia/Calcutta Asia/Kolkata" lines: the
/// tz database's `backward` links whose name has a slash, is not itself in `zone.tab`,
/// and leads to a zone that is. (A link such as `Europe/Amsterdam` that `zone.tab` still
/// lists keeps its own name: it is a country's zone, not a legacy spelling.)
const ZONE_LINKS: &str = include_str!("zone_links.txt");

/// Names of UTC itself.
const UTC_NAMES: [&str; 12] = [
    "UTC",
    "Etc/UTC",
    "Etc/UCT",
    "Etc/Universal",
    "Etc/Zulu",
    "Etc/GMT",
    "Etc/GMT+0",
    "Etc/GMT-0",
    "Etc/GMT0",
    "Etc/Greenwich",
    "GMT",
    "Universal",
];

fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|line| line.split_once(' '))
}

/// The canonical IANA id for a zone name: `Asia/Calcutta` as `Asia/Kolkata`, `Etc/UTC`
/// as `UTC`; None when the name is no zone at all.
pub fn canonical_zone_name(input: &str) -> Option<String> {
    parse_time_zone(input).map(|tz| tz.name().to_owned())
}

/// Parses an IANA time zone name, accepting it case-insensitively, and gives the zone by
/// its canonical name, so a legacy spelling is never stored or shown.
pub fn parse_time_zone(input: &str) -> Option<Zone> {
    let input = input.trim();
    let tz = spelled(input).unwrap_or(input).parse::<Zone>().ok()?;
    let name = tz.name();
    if UTC_NAMES.contains(&name) {
        return Some(Zone::UTC);
    }
    Some(
        pairs(ZONE_LINKS)
            .find(|(legacy, _)| *legacy == name)
            .and_then(|(_, canonical)| canonical.parse().ok())
            .unwrap_or(tz),
    )
}

/// The zone a stored or typed name stands for, UTC when it names none: what every reading
/// of someone's times falls back to.
pub fn zone_or_utc(input: &str) -> Zone {
    parse_time_zone(input).unwrap_or(Zone::UTC)
}

/// The tables' spelling of a zone or legacy name typed in any case.
fn spelled(input: &str) -> Option<&'static str> {
    UTC_NAMES
        .into_iter()
        .chain(pairs(ZONE_COUNTRIES).map(|(zone, _)| zone))
        .chain(pairs(ZONE_LINKS).map(|(legacy, _)| legacy))
        .find(|name| name.eq_ignore_ascii_case(input))
}

/// The ISO 3166 code of the country a canonical zone belongs to: "IN" for `Asia/Kolkata`.
pub fn zone_country(name: &str) -> Option<&'static str> {
    pairs(ZONE_COUNTRIES)
        .find(|(zone, _)| *zone == name)
        .map(|(_, country)| country)
}

/// The city part of a zone id for people: "Buenos Aires" for `America/Argentina/Buenos_Aires`.
pub fn zone_city(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).replace('_', " ")
}

/// The zones for the picker: every country's canonical zones, then UTC (no legacy or
/// "EST5EDT"-style names).
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    pairs(ZONE_COUNTRIES)
        .map(|(zone, _)| zone)
        .chain(std::iter::once("UTC"))
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

    #[test]
    fn legacy_zone_names_become_canonical() {
        for (legacy, canonical) in [
            ("Asia/Calcutta", "Asia/Kolkata"),
            ("asia/calcutta", "Asia/Kolkata"),
            ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
            ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
            ("Europe/Kiev", "Europe/Kyiv"),
            ("Asia/Katmandu", "Asia/Kathmandu"),
            ("US/Eastern", "America/New_York"),
            ("Etc/UTC", "UTC"),
            ("Etc/GMT", "UTC"),
            // Still a country's own zone in zone.tab, though a link in the data.
            ("Europe/Amsterdam", "Europe/Amsterdam"),
            ("Asia/Kolkata", "Asia/Kolkata"),
        ] {
            assert_eq!(
                canonical_zone_name(legacy).as_deref(),
                Some(canonical),
                "{legacy}"
            );
        }
        assert_eq!(canonical_zone_name("Mars/Olympus"), None);
    }

    #[test]
    fn every_link_leads_from_a_zone_to_a_listed_canonical_zone() {
        for (legacy, canonical) in pairs(ZONE_LINKS) {
            assert!(legacy.parse::<Zone>().is_ok(), "{legacy} is not a zone");
            assert!(
                zone_country(canonical).is_some(),
                "{canonical} is not listed"
            );
            assert!(zone_country(legacy).is_none(), "{legacy} is listed");
        }
    }

    #[test]
    fn the_country_table_holds_only_canonical_zones() {
        let mut count = 0;
        for (zone, country) in pairs(ZONE_COUNTRIES) {
            count += 1;
            let tz: Zone = zone
                .parse()
                .unwrap_or_else(|_| panic!("{zone} does not parse"));
            assert_eq!(tz.name(), zone);
            assert_eq!(
                canonical_zone_name(zone).as_deref(),
                Some(zone),
                "{zone} is legacy"
            );
            assert!(pairs(ZONE_LINKS).all(|(legacy, _)| legacy != zone));
            assert!(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()));
        }
        assert!(count > 400);
        assert_eq!(zone_country("Asia/Kolkata"), Some("IN"));
        assert_eq!(zone_country("America/New_York"), Some("US"));
        assert_eq!(zone_country("Asia/Calcutta"), None);
        assert_eq!(zone_city("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert!(!time_zone_names().any(|n| n == "Asia/Calcutta"));
        assert_eq!(
            time_zone_names().filter(|n| *n == "Asia/Kolkata").count(),
            1
        );
    }
}
