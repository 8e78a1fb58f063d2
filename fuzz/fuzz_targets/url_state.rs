//! The URL state decoder: arbitrary query values never panic, and what it accepts
//! re-encodes to a value that reads back the same.
#![no_main]

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
});
