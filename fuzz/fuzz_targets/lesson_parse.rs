//! The lesson parser on arbitrary text: no panic, and every diagnostic inside the file.
#![no_main]

mod lesson_diagnostics;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = lesson::parse_lesson("fuzz.md", text);
    lesson_diagnostics::check("fuzz.md", text, &parsed.diagnostics);
});
