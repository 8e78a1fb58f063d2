//! The Erlang front end: `lang::compile` and `lang::highlight` on arbitrary text.
#![no_main]

mod front_end;

libfuzzer_sys::fuzz_target!(|data: &[u8]| front_end::check(lang::Dialect::Erlang, data));
