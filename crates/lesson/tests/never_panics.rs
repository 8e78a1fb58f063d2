//! The parser must survive anything: random bytes, and real lessons with random damage.

use std::path::Path;

use proptest::prelude::*;

/// The bundled lessons, read once per test case (they are small).
fn real_lessons() -> Vec<String> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons"));
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
}

/// Parses and checks that every diagnostic points inside the text.
fn parse_and_check_spans(text: &str) {
    let parsed = lesson::parse_lesson("fuzz.md", text);
    for d in &parsed.diagnostics {
        assert!(d.span.start <= d.span.end, "{d}");
        assert!(d.span.end <= text.len(), "{d}");
        assert!(d.line >= 1 && d.col >= 1, "{d}");
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d}"
        );
    }
    for program in parsed.lesson.programs() {
        assert!(program.source_offset <= text.len());
    }
}

/// One way to damage a text.
#[derive(Clone, Debug)]
enum Damage {
    Insert(usize, String),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    // Insert pieces that matter to the format, not just noise.
    let piece = prop_oneof![
        Just("+++\n".to_string()),
        Just("```".to_string()),
        Just("```sim python id=x\n".to_string()),
        Just("```quiz\n[[questions]]\n".to_string()),
        Just("\"".to_string()),
        Just("=".to_string()),
        Just("[".to_string()),
        Just("\n## ".to_string()),
        Just("- ".to_string()),
        Just("é".to_string()),
        Just("\r\n".to_string()),
        any::<String>(),
    ];
    prop_oneof![
        (any::<usize>(), piece).prop_map(|(at, s)| Damage::Insert(at, s)),
        (any::<usize>(), 0usize..200).prop_map(|(at, n)| Damage::Delete(at, n)),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), 0usize..300).prop_map(|(at, n)| Damage::Duplicate(at, n)),
    ]
}

/// Applies damage at char boundaries, so the result is still a `str`.
fn apply(text: &str, damage: &Damage) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match damage {
        Damage::Insert(at, piece) => {
            let at = boundary(*at);
            format!("{}{piece}{}", &text[..at], &text[at..])
        }
        Damage::Delete(at, n) => {
            let start = boundary(*at);
            let end = boundary(start.saturating_add(*n).min(text.len()));
            format!("{}{}", &text[..start], &text[end.max(start)..])
        }
        Damage::Truncate(at) => text[..boundary(*at)].to_string(),
        Damage::Duplicate(at, n) => {
            let start = boundary(*at);
            let end = boundary(start.saturating_add(*n).min(text.len())).max(start);
            format!("{}{}", &text[..end], &text[start..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        parse_and_check_spans(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_text_never_panics(text in "(\\+\\+\\+|```|sim|quiz|compare|glossary|python|id=|\\[\\[questions\\]\\]|\"|=|\n|[a-z ]{0,8}){0,60}") {
        parse_and_check_spans(&text);
    }

    #[test]
    fn damaged_real_lessons_never_panic(
        which in any::<usize>(),
        damages in proptest::collection::vec(damage(), 1..6),
    ) {
        let lessons = real_lessons();
        prop_assume!(!lessons.is_empty());
        let mut text = lessons[which % lessons.len()].clone();
        for d in &damages {
            text = apply(&text, d);
        }
        parse_and_check_spans(&text);
    }
}
