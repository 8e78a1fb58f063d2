//! Deadlock analysis: the wait-for graph of a world where nothing can run.

use crate::ir::Pid;
use crate::world::{BlockReason, Status, World};

use super::finding::{DeadlockReport, Wait};

/// Builds the wait-for graph of the blocked processes and looks for a cycle.
///
/// An edge `P → Q` means P cannot move until Q does something: Q holds the lock P wants, P
/// joins Q, or P waits for room in Q's mailbox.
pub fn wait_for_graph(world: &World) -> DeadlockReport {
    let mut waits = Vec::new();
    for p in world.processes() {
        if let Status::Blocked(reason) = p.status() {
            let on = match reason {
                BlockReason::Lock {
                    holder: Some(h), ..
                } => vec![*h],
                BlockReason::Join { target } => vec![*target],
                BlockReason::MailboxFull { to } => vec![*to],
                _ => Vec::new(),
            };
            waits.push(Wait {
                pid: p.id(),
                reason: reason.clone(),
                on,
            });
        }
    }
    let cycle = find_cycle(&waits);
    DeadlockReport { waits, cycle }
}

fn find_cycle(waits: &[Wait]) -> Option<Vec<Pid>> {
    let next = |p: Pid| -> Option<Pid> {
        waits
            .iter()
            .find(|w| w.pid == p)
            .and_then(|w| w.on.first().copied())
    };
    for start in waits {
        let mut path = vec![start.pid];
        let mut cur = start.pid;
        while let Some(n) = next(cur) {
            if let Some(pos) = path.iter().position(|p| *p == n) {
                let mut cycle: Vec<Pid> = path.split_off(pos);
                // Start the cycle at its smallest pid so reports are stable.
                if let Some(min_at) = cycle
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, p)| **p)
                    .map(|(i, _)| i)
                {
                    cycle.rotate_left(min_at);
                }
                return Some(cycle);
            }
            if path.len() > waits.len() {
                break;
            }
            path.push(n);
            cur = n;
        }
    }
    None
}
