//! A schedule as a short URL-safe string, and back.
//!
//! Each pick is the index of the chosen entry in [`crate::World::enabled_choices`] at that
//! step, usually 0–3. Grammar (all characters are URL-safe):
//!
//! * a digit `0-9a-zA-Z` is one pick with value 0–61;
//! * `_` then base-62 digits then `.` is one larger pick (`_100.` = 62);
//! * `-` then base-62 digits then `.` repeats the previous pick that many more times
//!   (`0-g.` is seventeen 0s), so a long forced run costs four characters.

use std::fmt;

const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Parsed schedules longer than this are refused (a URL cannot make us allocate gigabytes).
pub const MAX_PICKS: u64 = 10_000_000;

/// Why a schedule string could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleError {
    /// 0-based character position of the problem.
    pub position: usize,
    /// What was expected there.
    pub expected: &'static str,
    /// What was found (`None` at the end of the text).
    pub found: Option<char>,
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad schedule at character {}: expected {}, found ",
            self.position + 1,
            self.expected
        )?;
        match self.found {
            Some(c) => write!(f, "{c:?}"),
            None => f.write_str("the end of the text"),
        }
    }
}

impl std::error::Error for ScheduleError {}

fn digit_value(c: u8) -> Option<u64> {
    DIGITS.iter().position(|d| *d == c).map(|p| p as u64)
}

fn push_base62(out: &mut String, mut n: u64) {
    let mut buf = Vec::new();
    loop {
        buf.push(DIGITS[(n % 62) as usize]);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    buf.reverse();
    out.push_str(&String::from_utf8_lossy(&buf));
}

fn push_pick(out: &mut String, v: u32) {
    if v < 62 {
        out.push(DIGITS[v as usize] as char);
    } else {
        out.push('_');
        push_base62(out, u64::from(v));
        out.push('.');
    }
}

/// Encodes picks.
pub fn encode(picks: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < picks.len() {
        let v = picks[i];
        let mut n = 1;
        while picks.get(i + n) == Some(&v) {
            n += 1;
        }
        push_pick(&mut out, v);
        let more = n - 1;
        if more >= 3 {
            out.push('-');
            push_base62(&mut out, more as u64);
            out.push('.');
        } else {
            for _ in 0..more {
                push_pick(&mut out, v);
            }
        }
        i += n;
    }
    out
}

/// Decodes picks.
pub fn decode(text: &str) -> Result<Vec<u32>, ScheduleError> {
    let bytes = text.as_bytes();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() != bytes.len() {
        // Only ASCII is valid; report the first non-ASCII character.
        let position = chars.iter().position(|c| !c.is_ascii()).unwrap_or(0);
        return Err(ScheduleError {
            position,
            expected: "a schedule character (0-9, a-z, A-Z, '_', '-', '.')",
            found: chars.get(position).copied(),
        });
    }
    let err = |position: usize, expected: &'static str| ScheduleError {
        position,
        expected,
        found: bytes.get(position).map(|b| *b as char),
    };
    let number = |start: usize| -> Result<(u64, usize), ScheduleError> {
        let mut i = start;
        let mut n: u64 = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'.' {
                if i == start {
                    return Err(err(i, "a base-62 digit"));
                }
                return Ok((n, i + 1));
            }
            let Some(d) = digit_value(b) else {
                return Err(err(i, "a base-62 digit or '.'"));
            };
            n = n
                .checked_mul(62)
                .and_then(|n| n.checked_add(d))
                .ok_or_else(|| err(i, "a smaller number"))?;
            i += 1;
        }
        Err(err(i, "a base-62 digit or '.'"))
    };
    let mut picks: Vec<u32> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'_' => {
                let (n, next) = number(i + 1)?;
                let v = u32::try_from(n).map_err(|_| err(i + 1, "a smaller number"))?;
                picks.push(v);
                i = next;
            }
            b'-' => {
                let Some(&prev) = picks.last() else {
                    return Err(err(i, "a choice before the repeat mark '-'"));
                };
                let (n, next) = number(i + 1)?;
                if n == 0 {
                    return Err(err(i + 1, "a repeat count above zero"));
                }
                if picks.len() as u64 + n > MAX_PICKS {
                    return Err(err(i + 1, "a schedule of at most ten million steps"));
                }
                picks.extend(std::iter::repeat_n(prev, n as usize));
                i = next;
            }
            _ => match digit_value(b) {
                Some(d) => {
                    picks.push(d as u32);
                    i += 1;
                }
                None => {
                    return Err(err(
                        i,
                        "a schedule character (0-9, a-z, A-Z, '_', '-', '.')",
                    ))
                }
            },
        }
        if picks.len() as u64 > MAX_PICKS {
            return Err(err(i, "a schedule of at most ten million steps"));
        }
    }
    Ok(picks)
}
