//! Turns `seed` and `schedule` (written on a program or a question) into one schedule.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};
use crate::model::ScheduleSpec;

/// Combines an optional seed and an optional schedule. Returns `None` (after reporting) when
/// they contradict each other, and `Some(None)` when neither is given.
pub(crate) fn resolve_schedule(
    sink: &mut Sink<'_>,
    seed: Option<(u64, Range<usize>)>,
    schedule: Option<(String, Range<usize>)>,
) -> Option<Option<ScheduleSpec>> {
    match (schedule, seed) {
        (None, None) => Some(None),
        (None, Some((seed, _))) => Some(Some(ScheduleSpec::Random { seed })),
        (Some((name, span)), seed) => {
            match (name.as_str(), seed) {
                ("random", Some((seed, _))) => Some(Some(ScheduleSpec::Random { seed })),
                ("random", None) => {
                    sink.push(
                    Problem::error("missing-seed", span, "a random schedule needs a seed")
                        .expected("`seed=N` beside `schedule=random`")
                        .hint("the same seed always gives the same run, which is what students see"),
                );
                    None
                }
                (_, Some((_, seed_span))) => {
                    sink.push(
                    Problem::error("seed-without-random", seed_span, format!("`seed` does not apply to `schedule={name}`"))
                        .expected("`seed` only with `schedule=random` (or alone, which means random)")
                        .hint("remove `seed`, or remove `schedule` to use the seeded random scheduler"),
                );
                    None
                }
                ("round-robin", None) => Some(Some(ScheduleSpec::RoundRobin)),
                ("", None) => {
                    sink.push(
                        Problem::error("empty-value", span, "`schedule` is empty")
                            .expected("`round-robin`, `random`, or a recorded schedule string"),
                    );
                    None
                }
                (recorded, None) => Some(Some(ScheduleSpec::Replay {
                    schedule: recorded.to_string(),
                })),
            }
        }
    }
}
