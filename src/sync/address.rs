//! A sync server's address as a person types it: `wss://` anywhere, `ws://` (no TLS)
//! only on this machine or a private network, where nobody between can read the
//! documents going by.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Longer than any real address; keeps a pasted page of text out of storage and links.
const MAX_ADDRESS: usize = 300;

/// A checked sync server address, kept in a normal form (`wss://host:port/path`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerAddress(String);

/// Why an address was refused, in words for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("Type the server's address, such as wss://sync.example.com.")]
    Empty,
    #[error("That address is too long.")]
    TooLong,
    #[error("A sync server's address starts with wss:// (or ws:// on this computer or a private network).")]
    Scheme,
    #[error("That address has no server name after wss://.")]
    NoHost,
    #[error("That address has characters a server name cannot have.")]
    BadHost,
    #[error("The port must be a number from 1 to 65535.")]
    BadPort,
    #[error("ws:// sends documents unencrypted, so it is only for this computer (localhost) or a private network (such as 192.168.x.x). Use wss:// for a server on the internet.")]
    PlainOnPublicHost,
}

impl ServerAddress {
    /// Checks what a person typed or a link carried.
    pub fn parse(text: &str) -> Result<ServerAddress, AddressError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AddressError::Empty);
        }
        if text.len() > MAX_ADDRESS {
            return Err(AddressError::TooLong);
        }
        let lower = text.to_ascii_lowercase();
        let (secure, rest) = if lower.starts_with("wss://") {
            (true, &text[6..])
        } else if lower.starts_with("ws://") {
            (false, &text[5..])
        } else {
            return Err(AddressError::Scheme);
        };
        let (authority, path) = match rest.find(['/', '?', '#']) {
            Some(at) => (&rest[..at], &rest[at..]),
            None => (rest, ""),
        };
        if path.contains('#') || authority.contains('@') {
            return Err(AddressError::BadHost);
        }
        if path.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        }) {
            return Err(AddressError::BadHost);
        }
        let (host, port) = split_port(authority)?;
        if host.is_empty() {
            return Err(AddressError::NoHost);
        }
        let host = host.to_ascii_lowercase();
        let bracketed = host.starts_with('[');
        let valid = if bracketed {
            host.ends_with(']') && host[1..host.len() - 1].parse::<Ipv6Addr>().is_ok()
        } else {
            host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
        };
        if !valid {
            return Err(AddressError::BadHost);
        }
        if !secure && !is_local_or_private(&host) {
            return Err(AddressError::PlainOnPublicHost);
        }
        let scheme = if secure { "wss" } else { "ws" };
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        Ok(ServerAddress(format!("{scheme}://{host}{port}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address without its scheme, as a person names the server: "sync.example.com".
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, r)| r);
        rest.split(['/', '?']).next().unwrap_or(rest)
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `host[:port]`, with IPv6 hosts in brackets.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), AddressError> {
    let colon = if authority.starts_with('[') {
        authority
            .find(']')
            .and_then(|end| authority[end + 1..].starts_with(':').then_some(end + 1))
    } else {
        authority.rfind(':')
    };
    let Some(at) = colon else {
        return Ok((authority, None));
    };
    let port = &authority[at + 1..];
    if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AddressError::BadPort);
    }
    match port.parse::<u16>() {
        Ok(p) if p > 0 => Ok((&authority[..at], Some(p))),
        _ => Err(AddressError::BadPort),
    }
}

/// This machine, or an address only a private network reaches.
fn is_local_or_private(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") || host.ends_with(".local") {
        return true;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().is_ok_and(|ip| {
            ip.is_loopback()
                // fc00::/7, unique local addresses.
                || (ip.segments()[0] & 0xfe00) == 0xfc00
                // fe80::/10, link-local.
                || (ip.segments()[0] & 0xffc0) == 0xfe80
        });
    }
    host.parse::<Ipv4Addr>()
        .is_ok_and(|ip| ip.is_loopback() || ip.is_private() || ip.is_link_local())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        ServerAddress::parse(text).unwrap().to_string()
    }

    fn err(text: &str) -> AddressError {
        ServerAddress::parse(text).unwrap_err()
    }

    #[test]
    fn wss_anywhere_in_a_normal_form() {
        assert_eq!(ok(" WSS://Sync.Example.com "), "wss://sync.example.com");
        assert_eq!(
            ok("wss://sync.example.com:8443/repo"),
            "wss://sync.example.com:8443/repo"
        );
        assert_eq!(ok("wss://[2001:db8::1]:443"), "wss://[2001:db8::1]:443");
        assert_eq!(
            ServerAddress::parse("wss://a.example:8443/x")
                .unwrap()
                .host(),
            "a.example:8443"
        );
    }

    #[test]
    fn plain_ws_only_on_this_machine_or_a_private_network() {
        for local in [
            "ws://localhost:3030",
            "ws://127.0.0.1:3030",
            "ws://[::1]:3030",
            "ws://10.1.2.3",
            "ws://172.16.0.9:80",
            "ws://172.31.255.1",
            "ws://192.168.1.20:3030",
            "ws://169.254.3.4",
            "ws://nas.local:3030",
            "ws://[fd12:3456::1]",
            "ws://[fe80::1]",
        ] {
            assert!(ServerAddress::parse(local).is_ok(), "{local}");
        }
        for public in [
            "ws://sync.example.com",
            "ws://8.8.8.8",
            "ws://172.32.0.1",
            "ws://192.169.0.1",
            "ws://[2001:db8::1]",
            "ws://localhost.example.com",
        ] {
            assert_eq!(err(public), AddressError::PlainOnPublicHost, "{public}");
        }
    }

    #[test]
    fn everything_else_is_refused_in_words() {
        assert_eq!(err(""), AddressError::Empty);
        assert_eq!(err("https://sync.example.com"), AddressError::Scheme);
        assert_eq!(err("javascript:alert(1)"), AddressError::Scheme);
        assert_eq!(err("sync.example.com"), AddressError::Scheme);
        assert_eq!(err("wss://"), AddressError::NoHost);
        assert_eq!(err("wss://:443"), AddressError::NoHost);
        assert_eq!(err("wss://user:pw@example.com"), AddressError::BadHost);
        assert_eq!(err("wss://exa mple.com"), AddressError::BadHost);
        assert_eq!(err("wss://example.com/a b"), AddressError::BadHost);
        assert_eq!(err("wss://example.com/#x"), AddressError::BadHost);
        assert_eq!(err("wss://ex_ample.com"), AddressError::BadHost);
        assert_eq!(err("wss://[nonsense]"), AddressError::BadHost);
        assert_eq!(err("wss://example.com:0"), AddressError::BadPort);
        assert_eq!(err("wss://example.com:70000"), AddressError::BadPort);
        assert_eq!(err("wss://example.com:"), AddressError::BadPort);
        assert_eq!(
            err(&format!("wss://{}.com", "a".repeat(400))),
            AddressError::TooLong
        );
        assert!(err("ws://example.com").to_string().contains("wss://"));
    }
}
