//! How Go's `time.Duration.String` writes a duration: `0s`, `90ms`, `1.5s`, `3m20s`,
//! `1h0m0.25s`. The simulator's logical clock ticks in milliseconds.

/// Nanoseconds in one logical tick.
const NANOS_PER_TICK: i128 = 1_000_000;

/// A duration of `ticks` logical ticks as Go prints it.
pub(crate) fn show_ticks(ticks: i64) -> String {
    show_nanos(i128::from(ticks) * NANOS_PER_TICK)
}

/// A duration of `ns` nanoseconds as Go prints it (the algorithm of Go's
/// `Duration.String`: below a second the largest unit that fits, with a decimal fraction;
/// from a second on hours, minutes and seconds with the seconds' fraction).
fn show_nanos(ns: i128) -> String {
    let neg = ns < 0;
    let u = ns.unsigned_abs();
    let body = if u == 0 {
        return "0s".into();
    } else if u < 1_000 {
        format!("{u}ns")
    } else if u < 1_000_000 {
        format!("{}µs", decimal(u, 3))
    } else if u < 1_000_000_000 {
        format!("{}ms", decimal(u, 6))
    } else {
        let s = decimal(u % 60_000_000_000, 9);
        let minutes = u / 60_000_000_000;
        if minutes == 0 {
            format!("{s}s")
        } else if minutes < 60 {
            format!("{minutes}m{s}s")
        } else {
            format!("{}h{}m{s}s", minutes / 60, minutes % 60)
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// `v / 10^prec` with its fraction's trailing zeros (and a bare point) left out.
fn decimal(v: u128, prec: u32) -> String {
    let scale = 10u128.pow(prec);
    let (int, frac) = (v / scale, v % scale);
    if frac == 0 {
        return int.to_string();
    }
    let digits = format!("{frac:0width$}", width = prec as usize);
    format!("{int}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_go_prints_them() {
        // Each expected text is what `fmt.Println` of the same time.Duration printed with
        // the real Go toolchain (go1.27.3).
        assert_eq!(show_ticks(0), "0s");
        assert_eq!(show_ticks(90), "90ms");
        assert_eq!(show_ticks(250), "250ms");
        assert_eq!(show_ticks(1500), "1.5s");
        assert_eq!(show_ticks(3250), "3.25s");
        assert_eq!(show_ticks(2000), "2s");
        assert_eq!(show_ticks(200_000), "3m20s");
        assert_eq!(show_ticks(3_600_250), "1h0m0.25s");
        assert_eq!(show_ticks(-1500), "-1.5s");
        assert_eq!(show_nanos(1), "1ns");
        assert_eq!(show_nanos(1_500), "1.5µs");
    }
}
