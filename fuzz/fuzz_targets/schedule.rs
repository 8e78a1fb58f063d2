//! The schedule-string decoder (`Schedule::parse`, the link form of a run): arbitrary text
//! never panics, an error points inside the text, accepted text re-encodes to the same picks,
//! and any picks survive a round trip: parse(encode(picks)) == picks.
#![no_main]

use arbitrary::Arbitrary;
use sim::schedule::{Schedule, MAX_PICKS};

/// Longest pick list generated; long enough for runs, repeats and multi-digit picks.
const MAX_GENERATED: usize = 4096;

#[derive(Arbitrary, Debug)]
enum Input {
    /// Text as a link would carry it.
    Text(String),
    /// Picks as a session would record them.
    Picks(Vec<u32>),
}

libfuzzer_sys::fuzz_target!(|input: Input| match input {
    Input::Text(text) => match Schedule::parse(&text) {
        Ok(schedule) => {
            assert!(schedule.len() as u64 <= MAX_PICKS);
            let again = Schedule::parse(&schedule.encode()).expect("our own encoding parses");
            assert_eq!(again, schedule, "parse(encode(parse({text:?}))) differs");
        }
        Err(e) => assert!(
            e.position <= text.chars().count(),
            "error position {} past the end of {text:?}",
            e.position
        ),
    },
    Input::Picks(mut picks) => {
        picks.truncate(MAX_GENERATED);
        let schedule = Schedule::from_picks(picks);
        let text = schedule.encode();
        assert_eq!(Schedule::parse(&text).ok(), Some(schedule), "text {text:?}");
    }
});
