//! Erlang's two ways of writing a term, as `io:format` does them.
//!
//! `~w` writes a term on one line and never guesses at strings: a string is the list of its
//! character codes (`[104,105]`). `~p` writes lists of printable characters as strings and
//! breaks a term that does not fit in the line (80 columns, counted from where the term
//! starts) over several lines, following the layout rules of OTP's pretty printer: a list or
//! untagged tuple fills each line with elements and goes on under its first element; a tuple
//! whose first element is an atom keeps the tag on the opening line and lines its other
//! elements up after it.

use std::fmt::Write as _;

use super::value::{Style, Value};

/// The line length `~p` lays terms out in.
const LINE: usize = 80;

/// `~w`: the term on one line, strings as lists of character codes.
pub fn write(v: &Value) -> String {
    let mut out = String::new();
    write_into(&mut out, v, 0);
    out
}

/// `~p`: the term laid out as `erl` does when it starts at 1-based column `col`.
pub fn print(v: &Value, col: usize) -> String {
    let node = Node::build(v, 0);
    let col = col.max(1);
    if node.len < LINE.saturating_sub(col) {
        return node.flat();
    }
    let mut out = String::new();
    pp(&mut out, &node, col, &" ".repeat(col - 1), 0);
    out
}

/// Deep values are cut off here so writing can never exhaust the stack.
const MAX_DEPTH: u32 = 64;

fn write_into(out: &mut String, v: &Value, depth: u32) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match v {
        Value::Str(s) => {
            out.push('[');
            for (i, c) in s.chars().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}", c as u32);
            }
            out.push(']');
        }
        Value::List(items) | Value::Tuple(items) => {
            let (open, close) = if matches!(v, Value::List(_)) {
                ('[', ']')
            } else {
                ('{', '}')
            };
            out.push(open);
            for (i, item) in items.items().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_into(out, item, depth + 1);
            }
            out.push(close);
        }
        Value::ErlMap(pairs) => {
            out.push_str("#{");
            for (i, pair) in pairs.items().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Value::Tuple(kv) = pair {
                    if let [k, v] = kv.items() {
                        write_into(out, k, depth + 1);
                        out.push_str(" => ");
                        write_into(out, v, depth + 1);
                    }
                }
            }
            out.push('}');
        }
        other => out.push_str(&other.repr(Style::Erlang)),
    }
}

/// Whether `io_lib` counts the code as printable in a Latin-1 string.
fn printable(c: u32) -> bool {
    matches!(c, 32..=126 | 160..=255 | 8..=13 | 27)
}

/// A string literal as `erl` quotes it.
fn quote(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::from("\"");
    for c in chars {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A term ready for layout: its one-line length is known.
enum Shape {
    /// Written as it is (numbers, atoms, strings, pids, `[]`).
    Text(String),
    /// A non-empty list that is not a string.
    List(Vec<Node>),
    /// A tuple; `tagged` when it has two or more elements and the first is an atom.
    Tuple { items: Vec<Node>, tagged: bool },
    /// A non-empty map: each key written out, each value ready for layout.
    Map(Vec<(String, Node)>),
}

struct Node {
    shape: Shape,
    len: usize,
}

impl Node {
    fn build(v: &Value, depth: u32) -> Node {
        let text = |s: String| Node {
            len: s.chars().count(),
            shape: Shape::Text(s),
        };
        if depth > MAX_DEPTH {
            return text("…".into());
        }
        match v {
            // The empty string is the empty list, and erl writes it so.
            Value::Str(s) if s.is_empty() => text("[]".into()),
            Value::Str(s) if s.chars().all(|c| printable(c as u32)) => text(quote(s.chars())),
            Value::Str(_) => text(write(v)),
            Value::List(items) if items.items().is_empty() => text("[]".into()),
            Value::List(items) => {
                let codes: Option<String> = items
                    .items()
                    .iter()
                    .map(|i| match i {
                        Value::Int(n) if u32::try_from(*n).is_ok_and(printable) => {
                            char::from_u32(*n as u32)
                        }
                        _ => None,
                    })
                    .collect();
                if let Some(s) = codes {
                    return text(quote(s.chars()));
                }
                let nodes: Vec<Node> = items
                    .items()
                    .iter()
                    .map(|i| Node::build(i, depth + 1))
                    .collect();
                let len = 1 + nodes.iter().map(|n| n.len + 1).sum::<usize>();
                Node {
                    shape: Shape::List(nodes),
                    len,
                }
            }
            Value::Tuple(items) => {
                let nodes: Vec<Node> = items
                    .items()
                    .iter()
                    .map(|i| Node::build(i, depth + 1))
                    .collect();
                let len = 1 + nodes.iter().map(|n| n.len + 1).sum::<usize>().max(1);
                let tagged = nodes.len() >= 2 && matches!(items.items()[0], Value::Atom(_));
                Node {
                    shape: Shape::Tuple {
                        items: nodes,
                        tagged,
                    },
                    len,
                }
            }
            Value::ErlMap(pairs) => {
                let pairs: Vec<(String, Node)> = pairs
                    .items()
                    .iter()
                    .filter_map(|pair| match pair {
                        Value::Tuple(kv) => match kv.items() {
                            [k, v] => {
                                Some((Node::build(k, depth + 1).flat(), Node::build(v, depth + 1)))
                            }
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect();
                if pairs.is_empty() {
                    return text("#{}".into());
                }
                // `#{` and `}`, each `K => V`, and the commas between them.
                let len = 2 + pairs
                    .iter()
                    .map(|(k, v)| k.chars().count() + 4 + v.len + 1)
                    .sum::<usize>();
                Node {
                    shape: Shape::Map(pairs),
                    len,
                }
            }
            other => text(other.repr(Style::Erlang)),
        }
    }

    /// Whether the pretty printer treats it as a single piece (never broken).
    fn atomic(&self) -> bool {
        matches!(self.shape, Shape::Text(_))
    }

    fn flat(&self) -> String {
        let mut out = String::new();
        self.flat_into(&mut out);
        out
    }

    fn flat_into(&self, out: &mut String) {
        let (open, close, items) = match &self.shape {
            Shape::Text(s) => {
                out.push_str(s);
                return;
            }
            Shape::List(items) => ('[', ']', items),
            Shape::Tuple { items, .. } => ('{', '}', items),
            Shape::Map(pairs) => {
                out.push_str("#{");
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(k);
                    out.push_str(" => ");
                    v.flat_into(out);
                }
                out.push('}');
                return;
            }
        };
        out.push(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.flat_into(out);
        }
        out.push(close);
    }
}

/// Lays `node` out starting at column `col`; `ind` is the indentation of continuation lines
/// and `ld` the number of closing brackets that follow it on its last line.
fn pp(out: &mut String, node: &Node, col: usize, ind: &str, ld: usize) {
    if node.len + ld < LINE.saturating_sub(col) {
        node.flat_into(out);
        return;
    }
    match &node.shape {
        Shape::Text(s) => out.push_str(s),
        Shape::List(items) => {
            out.push('[');
            let inner = format!("{ind} ");
            seq(out, items, col + 1, &inner, ld + 1);
            out.push(']');
        }
        Shape::Tuple { items, tagged } => {
            out.push('{');
            match (tagged, items.split_first()) {
                (true, Some((tag, rest))) => {
                    // The tag stays on the opening line; the rest line up after `{tag,`.
                    tag.flat_into(out);
                    out.push(',');
                    let shift = tag.len + 2;
                    let inner = format!("{ind}{}", " ".repeat(shift));
                    seq(out, rest, col + shift, &inner, ld + 1);
                }
                _ => {
                    let inner = format!("{ind} ");
                    seq(out, items, col + 1, &inner, ld + 1);
                }
            }
            out.push('}');
        }
        Shape::Map(pairs) => {
            // As OTP lays out a map that does not fit: one `K => V` a line, lined up after
            // `#{`; a pair too long for its line has its value on the next line, 4 columns in.
            out.push_str("#{");
            let inner = format!("{ind}  ");
            let pcol = col + 2;
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                    out.push_str(&inner);
                }
                let vld = if i + 1 == pairs.len() { ld + 1 } else { 1 };
                let klen = k.chars().count();
                out.push_str(k);
                if klen + 4 + v.len + vld < LINE.saturating_sub(pcol) {
                    out.push_str(" => ");
                    v.flat_into(out);
                } else {
                    out.push_str(" =>\n");
                    let vind = format!("{inner}    ");
                    out.push_str(&vind);
                    pp(out, v, pcol + 4, &vind, vld);
                }
            }
            out.push('}');
        }
    }
}

/// The elements of a list or tuple starting at column `col0`: atomic elements fill the line;
/// a compound element that does not fit starts a line of its own and ends it.
fn seq(out: &mut String, items: &[Node], col0: usize, ind: &str, ld: usize) {
    let last_ld = |i: usize| if i + 1 == items.len() { ld } else { 0 };
    let Some(first) = items.first() else {
        return;
    };
    let mut col = col0 + element(out, first, col0, ind, last_ld(0));
    for (i, e) in items.iter().enumerate().skip(1) {
        let ld1 = last_ld(i);
        let elen = 1 + e.len;
        let room = LINE.saturating_sub(col);
        let fits = if ld1 == 0 {
            elen + 1 < room
        } else {
            elen + ld1 < room
        };
        if fits && e.atomic() {
            out.push(',');
            e.flat_into(out);
            col += elen;
        } else {
            out.push_str(",\n");
            out.push_str(ind);
            col = col0 + element(out, e, col0, ind, ld1);
        }
    }
}

/// Writes one element; returns its width, or the whole line when it forces a line break.
fn element(out: &mut String, e: &Node, col: usize, ind: &str, ld: usize) -> usize {
    if e.len + ld < LINE.saturating_sub(col) && e.atomic() {
        e.flat_into(out);
        e.len
    } else {
        pp(out, e, col, ind, ld);
        LINE
    }
}

/// An Erlang map of `{Key, Value}` tuples, in key order, a later key replacing an earlier
/// one; `None` when an item is not a pair.
pub fn map_from_pairs(items: &[Value]) -> Option<Value> {
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let Value::Tuple(t) = item else {
            return None;
        };
        let [k, v] = t.items() else {
            return None;
        };
        match pairs.iter_mut().find(|(old, _)| old == k) {
            Some(slot) => slot.1 = v.clone(),
            None => pairs.push((k.clone(), v.clone())),
        }
    }
    pairs.sort_by(|a, b| term_order(&a.0, &b.0));
    Some(Value::ErlMap(super::value::Seq::new(
        pairs
            .into_iter()
            .map(|(k, v)| Value::tuple([k, v]))
            .collect(),
    )))
}

/// The value under `key` in a map's pairs.
pub fn map_get<'a>(pairs: &'a [Value], key: &Value) -> Option<&'a Value> {
    pairs.iter().find_map(|p| match p {
        Value::Tuple(t) => match t.items() {
            [k, v] if k == key => Some(v),
            _ => None,
        },
        _ => None,
    })
}

/// Erlang's order of terms, for map keys: numbers < atoms < references < funs < pids <
/// tuples < maps < lists (strings are lists); within a kind, by value.
fn term_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Int(_) | Value::Float(_) => 0,
            Value::Atom(_) | Value::Bool(_) | Value::Unit => 1,
            Value::Ref(_) => 2,
            Value::Fun(_) => 3,
            Value::Pid(_) => 4,
            Value::Tuple(_) => 5,
            Value::ErlMap(_) => 6,
            Value::List(_) | Value::Str(_) => 7,
            _ => 8,
        }
    }
    let text = |v: &Value| match v {
        Value::Atom(t) => Some(t.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Unit => Some("ok".to_string()),
        _ => None,
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| match (text(a), text(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => a.cmp(b),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_codes_for_w_and_quoted_for_p() {
        // As erl prints `io:format("~w ~p", ["hi", [104,105]])`: [104,105] "hi".
        assert_eq!(write(&Value::str("hi")), "[104,105]");
        assert_eq!(
            print(&Value::list([Value::int(104), Value::int(105)]), 1),
            "\"hi\""
        );
        assert_eq!(print(&Value::list([]), 1), "[]");
    }
}
