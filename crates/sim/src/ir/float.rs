//! A 64-bit float value with a total order, and how each dialect prints one.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use super::value::Style;

/// An IEEE 754 double. Equality, hashing and ordering go by [`f64::total_cmp`] so a world
/// holding floats still has a total fingerprint (NaN equals itself, `-0.0` differs from
/// `0.0`); the language's own `==` and `<` are IEEE comparisons, done by the evaluator.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Float(pub f64);

impl PartialEq for Float {
    fn eq(&self, other: &Float) -> bool {
        self.0.total_cmp(&other.0) == Ordering::Equal
    }
}

impl Eq for Float {}

impl PartialOrd for Float {
    fn partial_cmp(&self, other: &Float) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Float {
    fn cmp(&self, other: &Float) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Hash for Float {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state)
    }
}

impl Float {
    /// The float as the dialect prints it: Go's `%v` (shortest digits, exponent from 1e6
    /// and below 1e-4, as `go run` prints: `3.14`, `2`, `1e+06`, `+Inf`), Python's `str`
    /// (`2.0`, `1e+16`).
    pub fn show(self, style: Style) -> String {
        let x = self.0;
        if x.is_nan() {
            return match style {
                Style::Go => "NaN".into(),
                _ => "nan".into(),
            };
        }
        if x.is_infinite() {
            let neg = x < 0.0;
            return match (style, neg) {
                (Style::Go, false) => "+Inf".into(),
                (Style::Go, true) => "-Inf".into(),
                (_, false) => "inf".into(),
                (_, true) => "-inf".into(),
            };
        }
        let limit = if style == Style::Go { 6 } else { 16 };
        // `{:e}` gives the shortest round-trip digits with the decimal exponent.
        let sci = format!("{x:e}");
        let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        if x != 0.0 && (exp < -4 || exp >= limit) {
            let sign = if exp < 0 { '-' } else { '+' };
            return format!("{mantissa}e{sign}{:02}", exp.unsigned_abs());
        }
        let plain = format!("{x}");
        if style != Style::Go && !plain.contains('.') {
            format!("{plain}.0")
        } else {
            plain
        }
    }
}
