//! The lexers colour code for the UI: every dialect, every class, and broken code too.

use lang::{highlight, Dialect, TokenClass};
use TokenClass::*;

fn classes(dialect: Dialect, src: &str) -> Vec<(std::string::String, TokenClass)> {
    highlight(dialect, src)
        .into_iter()
        .map(|t| {
            (
                src[t.span.start as usize..t.span.end as usize].to_string(),
                t.class,
            )
        })
        .collect()
}

fn pairs(list: &[(&str, TokenClass)]) -> Vec<(std::string::String, TokenClass)> {
    list.iter().map(|(s, c)| (s.to_string(), *c)).collect()
}

#[test]
fn python_classes() {
    assert_eq!(
        classes(
            Dialect::Python,
            "def bump(n):\n    count += 1  # one more\n    print(f\"{n}\", 'x')\n"
        ),
        pairs(&[
            ("def", Keyword),
            ("bump", Identifier),
            ("(", Punctuation),
            ("n", Identifier),
            (")", Punctuation),
            (":", Punctuation),
            ("count", Identifier),
            ("+=", Operator),
            ("1", Number),
            ("# one more", Comment),
            ("print", Identifier),
            ("(", Punctuation),
            ("f\"{n}\"", String),
            (",", Punctuation),
            ("'x'", String),
            (")", Punctuation),
        ])
    );
}

#[test]
fn erlang_classes() {
    assert_eq!(
        classes(
            Dialect::Erlang,
            "loop(N) -> Pid ! {get, \"s\"}, % ask\n  loop(N + 1)."
        ),
        pairs(&[
            ("loop", Atom),
            ("(", Punctuation),
            ("N", Identifier),
            (")", Punctuation),
            ("->", Operator),
            ("Pid", Identifier),
            ("!", Operator),
            ("{", Punctuation),
            ("get", Atom),
            (",", Punctuation),
            ("\"s\"", String),
            ("}", Punctuation),
            (",", Punctuation),
            ("% ask", Comment),
            ("loop", Atom),
            ("(", Punctuation),
            ("N", Identifier),
            ("+", Operator),
            ("1", Number),
            (")", Punctuation),
            (".", Punctuation),
        ])
    );
    assert_eq!(classes(Dialect::Erlang, "receive end")[0].1, Keyword);
}

#[test]
fn go_classes() {
    assert_eq!(
        classes(Dialect::Go, "go func() { ch <- 1 }() // start\nx := `raw`"),
        pairs(&[
            ("go", Keyword),
            ("func", Keyword),
            ("(", Punctuation),
            (")", Punctuation),
            ("{", Punctuation),
            ("ch", Identifier),
            ("<-", Operator),
            ("1", Number),
            ("}", Punctuation),
            ("(", Punctuation),
            (")", Punctuation),
            ("// start", Comment),
            ("x", Identifier),
            (":=", Operator),
            ("`raw`", String),
        ])
    );
}

#[test]
fn broken_code_still_highlights() {
    let got = classes(Dialect::Python, "x = \"open\ny = 2 $\n");
    assert!(got.contains(&("\"open".to_string(), Invalid)));
    assert!(got.contains(&("$".to_string(), Invalid)));
    assert!(got.contains(&("2".to_string(), Number)));
    let got = classes(Dialect::Go, "x := 1 /* never closed");
    assert_eq!(got.last().map(|t| t.1), Some(Invalid));
    assert!(classes(Dialect::Erlang, "").is_empty());
}
