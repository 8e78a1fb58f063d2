//! Switchboard's deterministic simulator.
//!
//! * [`ir`]: the program form the Python, Erlang and Go front-ends compile to, and a builder.
//! * [`world`]: the model — processes, shared memory, locks, mailboxes, channels, messages in
//!   flight — and its one-atomic-action [`World::step`].
//! * [`schedule`]: the [`Scheduler`] trait (round-robin, seeded random, manual, replay), the
//!   URL-safe [`Schedule`] string and [`run`].
//! * [`trace`]: typed [`Event`]s and their narration.
//! * [`detect`]: race (vector clocks), lost-update and deadlock checkers, kept apart from the
//!   model.
//! * [`timeline`]: stepping back and replaying from any step.
//! * [`mod@explore`]: breadth-first search of distinct states: outcome classes with exact
//!   schedule counts, livelocks, and goal search.
//!
//! A [`World`] holds processes (threads, actors, goroutines), shared memory, locks, mailboxes,
//! channels, messages in flight and the trace. [`World::step`] performs exactly one atomic
//! visible action for a [`Choice`] from [`World::enabled_choices`]; the same program and the
//! same choices always give the same trace. Programs come from the front-ends as [`ir`], or
//! from the builder.
//!
//! ```
//! use sim::ir::{ProgramBuilder, Style};
//! use sim::schedule::{run, RoundRobin};
//! use sim::{Options, World, WorldStatus};
//!
//! // Two threads each do `count += 1` as read, add, write.
//! let mut p = ProgramBuilder::new(Style::Python);
//! let count = p.global("count", 0);
//! let worker = p.function("worker", &[], |f| {
//!     let tmp = f.local("tmp");
//!     f.read(tmp, count);
//!     f.eval(tmp, tmp + 1);
//!     f.write(count, tmp);
//! });
//! p.thread("T1", worker, vec![]);
//! p.thread("T2", worker, vec![]);
//!
//! let mut world = World::new(p.build(), Options::default()).unwrap();
//! let outcome = run(&mut world, &mut RoundRobin::new(), 100);
//! assert_eq!(outcome.status, WorldStatus::Finished);
//! // Round-robin interleaves the reads, so one update is lost.
//! assert_eq!(world.global("count"), Some(&sim::ir::Value::Int(1)));
//! let story: Vec<String> = world.trace().iter().map(|e| e.narrate(&world)).collect();
//! assert_eq!(story[0], "T1 reads count = 0 into tmp");
//! assert!(story.iter().any(|s| s == "T2 writes count = 1 (T1's write of 1 is lost)"));
//! ```

#![warn(missing_docs)]

pub mod choice;
pub mod detect;
pub mod examples;
pub mod explore;
pub mod ir;
pub mod options;
pub mod schedule;
pub mod timeline;
pub mod trace;
pub mod world;

pub use choice::Choice;
pub use explore::{explore, Count, ExploreConfig, Explorer, Outcome, OutcomeClass, Report};
pub use options::{Budgets, Options, Overflow};
pub use schedule::{run, Schedule, Scheduler};
pub use timeline::Timeline;
pub use trace::{Event, EventKind};
pub use world::{StepError, World, WorldStatus};
