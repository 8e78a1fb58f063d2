//! How a typed answer is compared with the right one: the student should be marked on what
//! they meant, not on spacing, capitals, or whether they copied the words around a number.

use super::normalize_answer;

/// True when `typed` says the same as the one-line answer `expected`: compared trimmed,
/// with runs of whitespace collapsed and case ignored; and a bare number is enough when
/// `expected` holds exactly one number (`3` answers `pages: 3`).
pub fn answer_matches(expected: &str, typed: &str) -> bool {
    let expected = normalize_answer(expected).to_lowercase();
    let typed = normalize_answer(typed).to_lowercase();
    if expected == typed {
        return true;
    }
    match numbers_in(&expected).as_slice() {
        [only] => is_number(&typed) && same_number(only, &typed),
        _ => false,
    }
}

/// True when `typed` answers a (possibly several-line) `expected` line by line, each line
/// as [`answer_matches`] compares it; blank lines are ignored.
pub fn lines_match(expected: &str, typed: &str) -> bool {
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(normalize_answer)
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (expected, typed) = (lines(expected), lines(typed));
    expected.len() == typed.len()
        && expected
            .iter()
            .zip(&typed)
            .all(|(e, t)| answer_matches(e, t))
}

/// The numbers written in `text`: digit runs (with a leading `-` and one decimal point)
/// that are not part of a word, so the `1` of `T1` is not one.
fn numbers_in(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphabetic() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (word(bytes[i - 1]) || bytes[i - 1].is_ascii_digit()))
        {
            i += 1;
            continue;
        }
        let mut start = i;
        if i > 0 && bytes[i - 1] == b'-' && (i < 2 || !bytes[i - 2].is_ascii_alphanumeric()) {
            start = i - 1;
        }
        let mut end = i;
        let mut seen_point = false;
        while end < bytes.len() {
            let b = bytes[end];
            let point =
                b == b'.' && !seen_point && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if b.is_ascii_digit() || point {
                seen_point |= point;
                end += 1;
            } else {
                break;
            }
        }
        if !bytes.get(end).copied().is_some_and(word) {
            out.push(&text[start..end]);
        }
        i = end;
    }
    out
}

/// True when `text` is one number and nothing else.
fn is_number(text: &str) -> bool {
    numbers_in(text).as_slice() == [text]
}

/// Two spellings of a number: equal as text, or as values (`3.0` and `3`).
fn same_number(a: &str, b: &str) -> bool {
    a == b || matches!((a.parse::<f64>(), b.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_and_case_do_not_matter() {
        assert!(answer_matches("count = 4", "  COUNT   =  4 "));
        assert!(answer_matches("Receiver", "receiver"));
        assert!(!answer_matches("count = 4", "count = 5"));
        assert!(!answer_matches("count = 4", ""));
    }

    #[test]
    fn a_bare_number_answers_a_line_with_one_number() {
        assert!(answer_matches("pages: 3", "3"));
        assert!(answer_matches("balance: -20", " -20 "));
        assert!(answer_matches("total 2.5 kg", "2.5"));
        assert!(!answer_matches("pages: 3", "4"));
        // Two numbers: which one was meant is not clear, so the whole line is needed.
        assert!(!answer_matches("3 of 4 pages", "3"));
        assert!(answer_matches("3 of 4 pages", "3 OF 4 pages"));
        // A digit inside a word is not a number: `T1 got 5` holds one number, 5.
        assert!(answer_matches("T1 got 5", "5"));
        assert!(!answer_matches("T1 got 5", "1"));
        // Only a bare number gets the shortcut; other partial answers do not.
        assert!(!answer_matches("pages: 3", "pages"));
        assert!(!answer_matches("pages: 3", "3 pages"));
    }

    #[test]
    fn several_lines_compare_line_by_line() {
        assert!(lines_match("a: 1\nb: 2", "A: 1\n\n  b:  2"));
        assert!(lines_match("a: 1\nb: 2", "1\n2"));
        assert!(!lines_match("a: 1\nb: 2", "a: 1"));
        assert!(!lines_match("a: 1\nb: 2", "b: 2\na: 1"));
    }
}
