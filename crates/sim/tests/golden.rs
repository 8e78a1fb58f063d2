//! Golden traces (narration lines) of the four counters under round-robin.

mod common;

use common::*;
use sim::schedule::{run, RoundRobin};
use sim::WorldStatus;

fn golden(program: sim::ir::Program) -> String {
    let mut w = world(program);
    let out = run(&mut w, &mut RoundRobin::new(), 10_000);
    assert_ne!(out.status, WorldStatus::Running);
    let mut lines = story(&w);
    lines.push(format!("status: {:?}", w.status()));
    lines.push(format!("schedule: {}", out.schedule));
    lines.join("\n")
}

#[test]
fn golden_racy_counter() {
    insta::assert_snapshot!(golden(racy_counter(2, 2)));
}

#[test]
fn golden_lock_counter() {
    insta::assert_snapshot!(golden(lock_counter(2, 2)));
}

#[test]
fn golden_actor_counter() {
    insta::assert_snapshot!(golden(actor_counter(2)));
}

#[test]
fn golden_channel_counter() {
    insta::assert_snapshot!(golden(channel_counter(2)));
}
