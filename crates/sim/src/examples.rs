//! Small programs built with the IR builder, for tests, benchmarks and documentation.
//!
//! Each is a program a lesson teaches with, written once here so that every test and
//! benchmark measures the same model.
//!
//! ```
//! use sim::{examples, Options, World};
//!
//! let world = World::new(examples::racy_counter(2, 1), Options::default()).unwrap();
//! assert_eq!(world.processes().len(), 2);
//! ```

use crate::ir::{Program, ProgramBuilder, Style};

/// The racy counter: `threads` threads each doing `increments` × (read `count` into `tmp`;
/// `tmp + 1`; write `count`), started directly as initial processes.
///
/// The add is local (not a step), so each increment is one load and one store, as loom
/// models it. The instructions point at lines 3, 4 and 5, as in the lesson's Python.
pub fn racy_counter(threads: usize, increments: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Python);
    let count = p.global("count", 0);
    let worker = p.function("worker", &[], |f| {
        let tmp = f.local("tmp");
        f.repeat(increments, |f| {
            f.line(3);
            f.read(tmp, count);
            f.line(4);
            f.eval(tmp, tmp + 1);
            f.line(5);
            f.write(count, tmp);
        });
    });
    for i in 0..threads {
        p.thread(&format!("T{}", i + 1), worker, vec![]);
    }
    p.build()
}
