//! The saved-progress decoder: arbitrary stored text never panics, and the repaired progress
//! it yields is saved and read back unchanged, with nothing more to repair.
#![no_main]

use switchboard::model::progress::Progress;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let (progress, _repair) = Progress::from_json(text, || "fuzzstudent".to_string());
    let saved = progress.to_json();
    let (again, repair) = Progress::from_json(&saved, || "anotherstudent".to_string());
    assert_eq!(repair, None, "a saved copy needs repair: {saved}");
    assert_eq!(
        again, progress,
        "the saved copy reads back differently: {saved}"
    );
});
