//! The URL state decoders: arbitrary query values never panic, and what they accept
//! re-encodes to a value that reads back the same (a panel's state, and a
//! playground program link).
#![no_main]

use switchboard::model::program_link::ProgramLink;
use switchboard::model::url_state::PanelState;

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Some(state) = PanelState::parse(text) {
        let encoded = state.encode();
        assert_eq!(
            PanelState::parse(&encoded),
            Some(state),
            "from {text:?} via {encoded:?}"
        );
    }
    if let Ok(link) = ProgramLink::decode(text) {
        // A decoded link is under the size bound, and its program re-encodes
        // (the compressor may pick other bytes) to a value that decodes the same.
        if let Ok(encoded) = link.encode() {
            assert_eq!(ProgramLink::decode(&encoded).as_ref(), Ok(&link), "from {text:?}");
        }
    }
});
