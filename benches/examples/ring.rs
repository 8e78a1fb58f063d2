//! The simulator's ring, native: `cargo run --release -p switchboard-benches --example ring
//! [actors|channels]...` runs each ring once (both by default) and prints its result line.

use std::time::Instant;

use switchboard_benches::{result_line, ring_hops, run_ring, Ring, HOPS, LAPS, NODES};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rings: Vec<Ring> = if args.is_empty() {
        Ring::ALL.to_vec()
    } else {
        args.iter()
            .map(|a| match a.as_str() {
                "actors" => Ring::Actors,
                "channels" => Ring::Channels,
                other => panic!("unknown ring {other:?}: use actors or channels"),
            })
            .collect()
    };
    for ring in rings {
        // Building the program is the front-end's job, so it stays outside the clock.
        let program = ring.program(NODES, LAPS);
        let start = Instant::now();
        let world = run_ring(&program);
        let seconds = start.elapsed().as_secs_f64();
        let hops = ring_hops(&world);
        assert_eq!(hops, HOPS, "the {} made {hops} hops", ring.name());
        let note = format!(
            "steps={} events={}",
            world.step_count(),
            world.trace().len()
        );
        println!(
            "{}",
            result_line(&format!("sim-{}", ring.name()), seconds, hops, &note)
        );
    }
}
