//! Erlang built-ins on tuples and atoms that build a new value: `setelement/3` and
//! `list_to_atom/1`, where a wrong argument is the real `badarg` error, which `try` can
//! catch; and strings seen as the lists of character codes they are in Erlang.

use crate::ir::{Builtin, Seq, Style, Value};

use super::eval::{crash, error, Eval};

/// Evaluates one of the Erlang built-ins of this file.
pub(crate) fn builtin(b: Builtin, args: &[Value], style: Style) -> Eval<Value> {
    match (b, args) {
        (Builtin::SetElement, [Value::Int(i), Value::Tuple(t), v]) => {
            let mut items = t.items().to_vec();
            // Erlang counts tuple positions from 1.
            match usize::try_from(*i - 1).ok().and_then(|k| items.get_mut(k)) {
                Some(slot) => *slot = v.clone(),
                None => return badarg("setelement", args, style),
            }
            Ok(Value::Tuple(Seq::new(items)))
        }
        (Builtin::ListToAtom, [text]) => match chars(text) {
            // `true` and `false` are the booleans, as every atom literal of those names is.
            Some(name) if name == "true" => Ok(Value::Bool(true)),
            Some(name) if name == "false" => Ok(Value::Bool(false)),
            Some(name) => Ok(Value::atom(&name)),
            None => badarg("list_to_atom", args, style),
        },
        (Builtin::CharData, [v]) => {
            let mut out = String::new();
            if char_data(v, &mut out, 0) {
                Ok(Value::str(&out))
            } else {
                badarg("io:format ~s", args, style)
            }
        }
        (Builtin::SetElement | Builtin::ListToAtom | Builtin::CharData, _) => {
            let name = match b {
                Builtin::SetElement => "setelement",
                Builtin::ListToAtom => "list_to_atom",
                _ => "io:format ~s",
            };
            badarg(name, args, style)
        }
        _ => crash(format!("{b:?} is not an Erlang built-in")),
    }
}

/// Deep lists are cut off here so a hostile term cannot exhaust the stack.
const MAX_DEPTH: u32 = 64;

/// Appends the characters of `v` as `~s` reads it; false when it is not character data.
fn char_data(v: &Value, out: &mut String, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match v {
        Value::Str(s) | Value::Atom(s) if depth == 0 || matches!(v, Value::Str(_)) => {
            out.push_str(s.as_str());
            true
        }
        // `ok` may be the unit value.
        Value::Unit if depth == 0 => {
            out.push_str("ok");
            true
        }
        Value::Bool(b) if depth == 0 => {
            out.push_str(if *b { "true" } else { "false" });
            true
        }
        Value::Int(n) if depth > 0 => match u32::try_from(*n).ok().and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                true
            }
            None => false,
        },
        Value::List(items) => items.items().iter().all(|i| char_data(i, out, depth + 1)),
        _ => false,
    }
}

/// The characters of a string, or of a list of character codes.
fn chars(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::List(items) => items
            .items()
            .iter()
            .map(|c| match c {
                Value::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// Erlang's `badarg`, naming the call as `erl` reports it.
fn badarg(name: &str, args: &[Value], style: Style) -> Eval<Value> {
    let shown: Vec<String> = args.iter().map(|a| a.repr(style)).collect();
    error(
        Value::atom("badarg"),
        format!("bad argument in {name}({})", shown.join(", ")),
    )
}

/// A string as the list of its character codes; any other value unchanged.
pub(crate) fn codes(v: &Value) -> Value {
    match v {
        Value::Str(s) => Value::List(Seq::new(
            s.chars()
                .map(|c| Value::Int(i64::from(u32::from(c))))
                .collect(),
        )),
        other => other.clone(),
    }
}

/// `hd` (the first character code) or `tl` (the rest of the string) of a string; the empty
/// string is `[]`, whose `hd` and `tl` are `badarg`.
pub(crate) fn string_hd_tl(b: Builtin, v: &Value) -> Eval<Value> {
    let Value::Str(s) = v else {
        return crash(format!("{b:?} of a non-string"));
    };
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        let name = if b == Builtin::Hd { "hd" } else { "tl" };
        return error(Value::atom("badarg"), format!("bad argument in {name}([])"));
    };
    Ok(if b == Builtin::Hd {
        Value::Int(i64::from(u32::from(first)))
    } else {
        Value::str(chars.as_str())
    })
}
