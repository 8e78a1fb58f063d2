//! Go's strings: a string is a sequence of UTF-8 bytes, `len` and indexing count bytes, a
//! rune is a code point. The simulator keeps text as Rust strings (always valid UTF-8), so
//! bytes that do not form valid UTF-8 become U+FFFD when made into a string, as Go prints
//! them.

use crate::ir::{Builtin, Seq, Style, Value};

use super::eval::{crash, Eval};

/// Evaluates one of the Go text built-ins.
pub(crate) fn builtin(b: Builtin, args: &[Value], style: Style) -> Eval<Value> {
    let bad = || crash(format!("{b:?} cannot take {}", show_args(args, style)));
    match (b, args) {
        (Builtin::ByteLen, [Value::Str(s)]) => Ok(Value::Int(s.len() as i64)),
        (Builtin::ByteAt, [Value::Str(s), Value::Int(i)]) => {
            match usize::try_from(*i).ok().and_then(|k| s.as_bytes().get(k)) {
                Some(byte) => Ok(Value::Int(i64::from(*byte))),
                None => crash(format!(
                    "runtime error: index out of range [{i}] with length {}",
                    s.len()
                )),
            }
        }
        (Builtin::ByteSlice, [Value::Str(s), Value::Int(lo), Value::Int(hi)]) => {
            let n = s.len() as i64;
            if *hi < 0 || *hi > n {
                return crash(format!(
                    "runtime error: slice bounds out of range [:{hi}] with length {n}"
                ));
            }
            if *lo < 0 || lo > hi {
                return crash(format!(
                    "runtime error: slice bounds out of range [{lo}:{hi}]"
                ));
            }
            let bytes = &s.as_bytes()[*lo as usize..*hi as usize];
            Ok(Value::str(&String::from_utf8_lossy(bytes)))
        }
        (Builtin::RuneToStr, [Value::Int(r)]) => Ok(Value::str(&rune_char(*r).to_string())),
        (Builtin::StrRunes, [Value::Str(s)]) => Ok(ints(s.chars().map(|c| c as i64))),
        (Builtin::StrBytes, [Value::Str(s)]) => Ok(ints(s.bytes().map(i64::from))),
        (Builtin::RuneOffsets, [Value::Str(s)]) => Ok(Value::List(Seq::new(
            s.char_indices()
                .map(|(i, c)| Value::tuple([Value::Int(i as i64), Value::Int(c as i64)]))
                .collect(),
        ))),
        (Builtin::RunesToStr, [Value::List(items)]) => {
            let mut out = String::new();
            for v in items.items() {
                match v {
                    Value::Int(r) => out.push(rune_char(*r)),
                    _ => return bad(),
                }
            }
            Ok(Value::str(&out))
        }
        (Builtin::BytesToStr, [Value::List(items)]) => {
            let mut bytes = Vec::new();
            for v in items.items() {
                match v {
                    // A byte holds its value modulo 256, as Go's uint8 does.
                    Value::Int(n) => bytes.push(n.rem_euclid(256) as u8),
                    _ => return bad(),
                }
            }
            Ok(Value::str(&String::from_utf8_lossy(&bytes)))
        }
        (Builtin::RuneQuote, [Value::Int(r)]) => Ok(Value::str(&quote_rune(rune_char(*r)))),
        (Builtin::RuneUnicode, [Value::Int(r)]) => Ok(Value::str(&format!("U+{r:04X}"))),
        _ => bad(),
    }
}

fn show_args(args: &[Value], style: Style) -> String {
    args.iter()
        .map(|a| a.repr(style))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ints(items: impl Iterator<Item = i64>) -> Value {
    Value::List(Seq::new(items.map(Value::Int).collect()))
}

/// The character of a code point; Go turns an invalid one into U+FFFD.
fn rune_char(r: i64) -> char {
    u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
}

/// A rune as Go's `%q` (strconv.QuoteRune) writes it.
fn quote_rune(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(b: Builtin, args: &[Value]) -> Value {
        builtin(b, args, Style::Go).expect("no crash")
    }

    #[test]
    fn strings_count_bytes_as_go_does() {
        // Worked out by hand from the UTF-8 encoding: "né" is 6E C3 A9.
        let s = Value::str("né");
        assert_eq!(
            call(Builtin::ByteLen, std::slice::from_ref(&s)),
            Value::Int(3)
        );
        assert_eq!(
            call(Builtin::ByteAt, &[s.clone(), Value::Int(1)]),
            Value::Int(0xC3)
        );
        assert_eq!(
            call(Builtin::RuneOffsets, std::slice::from_ref(&s)),
            Value::list([
                Value::tuple([Value::Int(0), Value::Int('n' as i64)]),
                Value::tuple([Value::Int(1), Value::Int('é' as i64)]),
            ])
        );
        assert_eq!(
            call(
                Builtin::BytesToStr,
                &[Value::list([Value::Int(104), Value::Int(105)])]
            ),
            Value::str("hi")
        );
        assert_eq!(
            call(Builtin::RuneQuote, &[Value::Int('x' as i64)]),
            Value::str("'x'")
        );
        assert_eq!(
            call(Builtin::RuneUnicode, &[Value::Int(0x1F600)]),
            Value::str("U+1F600")
        );
        // Go: "runtime error: index out of range [3] with length 3".
        assert!(builtin(Builtin::ByteAt, &[s, Value::Int(3)], Style::Go).is_err());
    }
}
