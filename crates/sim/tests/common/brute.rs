//! The reference explorer for tests: depth-first over every schedule, one by one, with no
//! state merging. Exponential, so only for programs small enough to enumerate; the state
//! explorer's counts must agree with it exactly.

use std::collections::BTreeMap;

use sim::explore::{Ending, ExploreConfig, Outcome};
use sim::{Schedule, World};

/// Per outcome: how many schedules end that way, and the first one found.
pub struct Enumeration {
    pub classes: BTreeMap<Outcome, (u64, Schedule)>,
    pub schedules: u64,
    /// Every schedule ended within the bound.
    pub complete: bool,
}

/// Enumerates every schedule of `world` up to `max_schedules` complete ones (and at most
/// `max_depth` steps each).
pub fn enumerate(world: &World, config: &ExploreConfig, max_schedules: u64) -> Enumeration {
    let mut root = world.clone();
    root.set_record_trace(false);
    let mut out = Enumeration {
        classes: BTreeMap::new(),
        schedules: 0,
        complete: true,
    };
    let mut path = Vec::new();
    go(&root, config, max_schedules, &mut path, &mut out);
    out
}

fn go(world: &World, config: &ExploreConfig, max: u64, path: &mut Vec<u32>, out: &mut Enumeration) {
    if out.schedules >= max {
        out.complete = false;
        return;
    }
    if world.is_over() {
        let outcome = Outcome::of(world, Ending::from_status(world.status()), config);
        let entry = out
            .classes
            .entry(outcome)
            .or_insert((0, Schedule::from_picks(path.clone())));
        entry.0 += 1;
        out.schedules += 1;
        return;
    }
    if path.len() >= config.max_depth {
        out.complete = false;
        return;
    }
    for (i, choice) in world.enabled_choices().into_iter().enumerate() {
        let mut child = world.clone();
        if child.step(choice).is_err() {
            continue;
        }
        path.push(i as u32);
        go(&child, config, max, path, out);
        path.pop();
    }
}
