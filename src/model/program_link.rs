//! A playground program as one URL query value, so any program is one link
//! away: its dialect, its network mode and its source, deflated and written in
//! base64url. The panel's own key (see `url_state`) carries the schedule and
//! step beside it.
//!
//! Format: `1` (the format version) followed by base64url without padding of
//! the raw-deflated text `DIALECT\nNETWORK\nSOURCE`, where NETWORK is `0` or `1`.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use lang::Dialect;

/// The query key the playground keeps its program under.
pub const LINK_KEY: &str = "p";

/// The longest encoded value a link may carry. Browsers and chat tools keep
/// URLs of this length intact; a program past it is too big to share this way.
pub const MAX_LINK_CHARS: usize = 8_000;

/// The longest source a link unpacks to, so a crafted link cannot make the
/// page inflate megabytes.
pub const MAX_SOURCE_BYTES: usize = 64 * 1024;

/// The version prefix of the current format.
const VERSION: char = '1';

/// Everything a link says about a playground program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramLink {
    /// The dialect the source is written in.
    pub dialect: Dialect,
    /// Whether messages travel as a network (late or lost).
    pub network: bool,
    /// The program text.
    pub source: String,
    /// The shell expression that starts an Erlang module, as typed (blank for none).
    pub entry: String,
}

/// Why a link could not be read or written. Its `Display` is the message the
/// student sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The value does not start with a format version this app knows.
    UnknownVersion,
    /// The value is not base64url, or does not inflate, or is not UTF-8 text.
    Damaged,
    /// The unpacked text has no dialect/network header, or names an unknown dialect.
    BadHeader(String),
    /// The encoded link would be longer than [`MAX_LINK_CHARS`].
    TooLong(usize),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownVersion => write!(
                f,
                "This link's program is in a format this version of Switchboard does not know; the starter program is shown instead."
            ),
            LinkError::Damaged => write!(
                f,
                "This link's program is damaged (the link may have been cut short when it was copied); the starter program is shown instead."
            ),
            LinkError::BadHeader(what) => write!(
                f,
                "This link's program could not be read ({what}); the starter program is shown instead."
            ),
            LinkError::TooLong(chars) => write!(
                f,
                "This program is too long to share as a link ({chars} characters encoded, at most {MAX_LINK_CHARS}); download or copy the source instead."
            ),
        }
    }
}

impl ProgramLink {
    /// The query value for this program, or [`LinkError::TooLong`] past the bound.
    pub fn encode(&self) -> Result<String, LinkError> {
        // The entry rides on the mode line after a tab, so older links still read.
        // A text field cannot hold a line break, but a struct can.
        let entry = self.entry.replace('\n', " ");
        let mode = match entry.as_str() {
            "" => u8::from(self.network).to_string(),
            entry => format!("{}\t{entry}", u8::from(self.network)),
        };
        let text = format!("{}\n{mode}\n{}", self.dialect.name(), self.source);
        // Level 9: links are written rarely and read often, so spend the time.
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
        let mut value = String::with_capacity(1 + packed.len() * 4 / 3 + 4);
        value.push(VERSION);
        URL_SAFE_NO_PAD.encode_string(packed, &mut value);
        if value.len() > MAX_LINK_CHARS {
            return Err(LinkError::TooLong(value.len()));
        }
        Ok(value)
    }

    /// Reads a query value. Never panics, whatever the text.
    pub fn decode(value: &str) -> Result<ProgramLink, LinkError> {
        // Length first: an enormous value is refused for its size, whatever it starts with.
        if value.len() > MAX_LINK_CHARS {
            return Err(LinkError::TooLong(value.len()));
        }
        let body = value
            .strip_prefix(VERSION)
            .ok_or(LinkError::UnknownVersion)?;
        let packed = URL_SAFE_NO_PAD
            .decode(body.trim_end_matches('='))
            .map_err(|_| LinkError::Damaged)?;
        let bytes =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_SOURCE_BYTES + 64)
                .map_err(|_| LinkError::Damaged)?;
        let text = String::from_utf8(bytes).map_err(|_| LinkError::Damaged)?;
        let mut parts = text.splitn(3, '\n');
        let (Some(name), Some(network), Some(source)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(LinkError::BadHeader(
                "expected a dialect and a network mode before the source".into(),
            ));
        };
        let dialect = Dialect::from_name(name).ok_or_else(|| {
            LinkError::BadHeader(format!(
                "unknown dialect `{}`",
                name.chars().take(20).collect::<String>()
            ))
        })?;
        let (network, entry) = network.split_once('\t').unwrap_or((network, ""));
        let network = match network {
            "0" => false,
            "1" => true,
            _ => {
                return Err(LinkError::BadHeader(
                    "the network mode is neither 0 nor 1".into(),
                ))
            }
        };
        Ok(ProgramLink {
            dialect,
            network,
            source: source.to_string(),
            entry: entry.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProgramLink {
        ProgramLink {
            dialect: Dialect::Go,
            network: true,
            source: "package main\n\nfunc main() {\n\tprintln(\"héllo ✓\")\n}\n".to_string(),
            entry: String::new(),
        }
    }

    #[test]
    fn a_module_link_carries_its_entry_and_a_link_without_one_still_reads() {
        let link = ProgramLink {
            dialect: Dialect::Erlang,
            network: false,
            source: "-module(m).\n-export([go/1]).\ngo(N) -> N.\n".to_string(),
            entry: "m:go(3), m:go(4)".to_string(),
        };
        assert_eq!(
            ProgramLink::decode(&link.encode().unwrap()),
            Ok(link.clone())
        );
        let bare = ProgramLink {
            entry: String::new(),
            ..link
        };
        let read = ProgramLink::decode(&bare.encode().unwrap()).unwrap();
        assert_eq!(read.entry, "");
        assert!(!read.network);
    }

    #[test]
    fn every_dialect_and_mode_round_trips() {
        for dialect in Dialect::ALL {
            for network in [false, true] {
                let link = ProgramLink {
                    dialect,
                    network,
                    ..sample()
                };
                let value = link.encode().expect("a short program fits");
                assert!(value.starts_with('1'));
                // Only base64url characters follow, so the value needs no escaping in a query.
                assert!(value[1..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
                assert_eq!(ProgramLink::decode(&value), Ok(link));
            }
        }
    }

    #[test]
    fn an_empty_source_round_trips() {
        let link = ProgramLink {
            source: String::new(),
            ..sample()
        };
        assert_eq!(ProgramLink::decode(&link.encode().unwrap()), Ok(link));
    }

    #[test]
    fn repetitive_source_is_compressed() {
        // 100 copies of one 30-byte line: deflate must beat the 4/3 growth of plain base64.
        let source = "count = count + 1  # bump it\n".repeat(100);
        let link = ProgramLink { source, ..sample() };
        let value = link.encode().unwrap();
        assert!(value.len() < 300, "{} chars", value.len());
    }

    #[test]
    fn a_program_past_the_bound_is_refused_with_its_size() {
        // Pseudo-random letters do not compress below 6 bits each, so 20 000 of them
        // encode to well over 8 000 characters.
        let mut x: u32 = 12345;
        let source: String = (0..20_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + ((x >> 16) % 26) as u8)
            })
            .collect();
        let link = ProgramLink { source, ..sample() };
        match link.encode() {
            Err(LinkError::TooLong(n)) => {
                assert!(n > MAX_LINK_CHARS);
                assert!(LinkError::TooLong(n).to_string().contains("too long"));
            }
            other => panic!("expected TooLong, got {other:?}"),
        }
    }

    #[test]
    fn corrupt_values_are_errors_not_panics() {
        let good = sample().encode().unwrap();
        let cut = &good[..good.len() / 2];
        let cases: Vec<(String, LinkError)> = vec![
            (String::new(), LinkError::UnknownVersion),
            ("2abc".into(), LinkError::UnknownVersion),
            ("1".into(), LinkError::Damaged),
            ("1!!!".into(), LinkError::Damaged),
            (cut.to_string(), LinkError::Damaged),
            ("1AAAA".into(), LinkError::Damaged),
        ];
        for (value, want) in cases {
            assert_eq!(ProgramLink::decode(&value), Err(want), "{value:?}");
        }
        // Well-formed deflate of text without a header.
        let headerless = format!(
            "1{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"just source", 6))
        );
        assert!(matches!(
            ProgramLink::decode(&headerless),
            Err(LinkError::BadHeader(_))
        ));
        let unknown = format!(
            "1{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"cobol\n0\nx", 6))
        );
        assert_eq!(
            ProgramLink::decode(&unknown),
            Err(LinkError::BadHeader("unknown dialect `cobol`".into()))
        );
        let too_long = format!("1{}", "A".repeat(MAX_LINK_CHARS));
        assert!(matches!(
            ProgramLink::decode(&too_long),
            Err(LinkError::TooLong(_))
        ));
        // A megabyte of garbage is refused for its size, not misread as a newer format.
        let megabyte = "x".repeat(1 << 20);
        assert_eq!(
            ProgramLink::decode(&megabyte),
            Err(LinkError::TooLong(1 << 20))
        );
    }

    #[test]
    fn a_deflate_bomb_is_stopped_at_the_limit() {
        let huge = vec![b'a'; MAX_SOURCE_BYTES * 4];
        let mut text = b"python\n0\n".to_vec();
        text.extend(huge);
        let value = format!(
            "1{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&text, 9))
        );
        assert!(value.len() < MAX_LINK_CHARS, "the bomb itself is small");
        assert_eq!(ProgramLink::decode(&value), Err(LinkError::Damaged));
    }
}
