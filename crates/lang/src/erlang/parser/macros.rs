//! The preprocessor's macros: `-define(NAME, Body).`, `-define(NAME(A, B), Body).`, their
//! uses `?NAME` and `?NAME(X, Y)`, and the predefined `?MODULE` and `?LINE`.
//!
//! Macros work on tokens, before parsing, as Erlang's preprocessor does. An expansion's
//! tokens carry the span of the `?` use, so errors inside it point at the use.

use std::collections::{HashMap, HashSet};

use super::lexer::{Lexeme, Tok};
use crate::diagnostic::{Diagnostic, Res};
use crate::source::join;

/// How many times expansions may expand again (a macro using another macro).
const MAX_ROUNDS: usize = 16;

/// Most tokens a module may have once its macros are expanded: macros that each use another
/// twice, sixteen deep, would otherwise build millions of tokens from a few lines.
const MAX_TOKENS: usize = 1_000_000;

/// A macro: its parameters (`None` for a constant) and its body tokens.
struct Macro {
    params: Option<Vec<String>>,
    body: Vec<Tok>,
}

/// Takes the `-define` forms out of `tokens` and expands every use of a macro.
pub(super) fn expand(tokens: Vec<Lexeme>) -> Res<Vec<Lexeme>> {
    let (mut tokens, macros, module) = collect(tokens)?;
    let circular = circular(&macros);
    for _ in 0..MAX_ROUNDS {
        if !tokens.iter().any(|l| l.tok == Tok::Op("?")) {
            return Ok(tokens);
        }
        tokens = expand_once(tokens, &macros, &circular, module.as_deref())?;
    }
    match tokens.iter().find(|l| l.tok == Tok::Op("?")) {
        Some(l) => Err(Diagnostic::new(
            l.span,
            format!("macros nest more than {MAX_ROUNDS} deep here"),
            "write the innermost macros out by hand, or use a function",
        )),
        None => Ok(tokens),
    }
}

/// Splits off the `-define` forms; also notes the module's name for `?MODULE`.
#[allow(clippy::type_complexity)]
fn collect(tokens: Vec<Lexeme>) -> Res<(Vec<Lexeme>, HashMap<String, Macro>, Option<String>)> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut macros = HashMap::new();
    let mut module = None;
    let mut i = 0;
    while let Some(lx) = tokens.get(i) {
        let at_form_start = out.last().is_none_or(|l: &Lexeme| l.tok == Tok::Dot);
        let attr = match tokens.get(i + 1).map(|l| &l.tok) {
            Some(Tok::Atom(a)) if at_form_start && lx.tok == Tok::Op("-") => Some(a.as_str()),
            _ => None,
        };
        if attr == Some("module") {
            if let Some(Tok::Atom(m)) = tokens.get(i + 3).map(|l| &l.tok) {
                module = Some(m.clone());
            }
        }
        if attr != Some("define") {
            out.push(lx.clone());
            i += 1;
            continue;
        }
        let end = (i..tokens.len())
            .find(|&j| matches!(tokens.get(j).map(|l| &l.tok), Some(Tok::Dot | Tok::Eof)))
            .unwrap_or(tokens.len());
        let form = tokens.get(i..end).unwrap_or_default();
        let (name, mac) = define(form)?;
        macros.insert(name, mac);
        i = end + 1;
    }
    Ok((out, macros, module))
}

/// Reads `- define ( NAME [ ( Params ) ] , Body )` (without the final `.`).
fn define(form: &[Lexeme]) -> Res<(String, Macro)> {
    let span = match (form.first(), form.last()) {
        (Some(a), Some(b)) => join(a.span, b.span),
        _ => sim::ir::Span::default(),
    };
    let bad = || {
        Diagnostic::new(
            span,
            "this `-define` is not of the form `-define(NAME, Value).`",
            "write `-define(LIMIT, 10).` or `-define(DOUBLE(X), (X) * 2).`",
        )
    };
    let toks: Vec<&Tok> = form.iter().map(|l| &l.tok).collect();
    let (name, mut rest) = match toks.as_slice() {
        [Tok::Op("-"), Tok::Atom(_), Tok::Op("("), Tok::Atom(n) | Tok::Var(n), rest @ ..] => {
            (n.clone(), rest)
        }
        _ => return Err(bad()),
    };
    let mut params = None;
    if let [Tok::Op("("), tail @ ..] = rest {
        let mut names = Vec::new();
        let mut tail = tail;
        loop {
            match tail {
                [Tok::Op(")"), more @ ..] => {
                    tail = more;
                    break;
                }
                [Tok::Var(v), Tok::Op(","), more @ ..] => {
                    names.push(v.clone());
                    tail = more;
                }
                [Tok::Var(v), Tok::Op(")"), more @ ..] => {
                    names.push(v.clone());
                    tail = more;
                    break;
                }
                _ => return Err(bad()),
            }
        }
        params = Some(names);
        rest = tail;
    }
    let body = match rest {
        [Tok::Op(","), body @ .., Tok::Op(")")] => body.iter().map(|t| (*t).clone()).collect(),
        _ => return Err(bad()),
    };
    Ok((name, Macro { params, body }))
}

/// Replaces each `?NAME` and `?NAME(Args)` once.
fn expand_once(
    tokens: Vec<Lexeme>,
    macros: &HashMap<String, Macro>,
    circular: &HashSet<String>,
    module: Option<&str>,
) -> Res<Vec<Lexeme>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(lx) = tokens.get(i) {
        if out.len() > MAX_TOKENS {
            return Err(Diagnostic::new(
                lx.span,
                format!("the macros expand this module past {MAX_TOKENS} tokens"),
                "a macro that uses another several times multiplies its size: use a function instead",
            ));
        }
        if lx.tok != Tok::Op("?") {
            out.push(lx.clone());
            i += 1;
            continue;
        }
        let Some(name_lx) = tokens.get(i + 1) else {
            return Err(undefined(lx.span, "?"));
        };
        let name = match &name_lx.tok {
            Tok::Atom(n) | Tok::Var(n) => n.clone(),
            _ => {
                return Err(Diagnostic::new(
                    lx.span,
                    "`?` must be followed by a macro name",
                    "write `?NAME`, with NAME defined by `-define(NAME, Value).`",
                ))
            }
        };
        let span = join(lx.span, name_lx.span);
        i += 2;
        let at = |tok: Tok| Lexeme { tok, span };
        if circular.contains(&name) {
            return Err(Diagnostic::new(
                span,
                format!("circular macro '{name}'"),
                "a macro must not use itself, directly or through another macro",
            ));
        }
        match (name.as_str(), macros.get(&name)) {
            (_, Some(mac)) => match &mac.params {
                None => out.extend(mac.body.iter().cloned().map(at)),
                Some(params) => {
                    let (args, next) = arguments(&tokens, i, span, &name)?;
                    if args.len() != params.len() {
                        return Err(Diagnostic::new(
                            span,
                            format!(
                                "macro `{name}` takes {} argument{}, given {}",
                                params.len(),
                                if params.len() == 1 { "" } else { "s" },
                                args.len()
                            ),
                            "give the macro as many arguments as its `-define` names",
                        ));
                    }
                    i = next;
                    for tok in &mac.body {
                        match tok {
                            Tok::Var(v) => match params.iter().position(|p| p == v) {
                                Some(k) => out.extend(args.get(k).into_iter().flatten().cloned()),
                                None => out.push(at(tok.clone())),
                            },
                            _ => out.push(at(tok.clone())),
                        }
                    }
                }
            },
            ("MODULE", None) => match module {
                Some(m) => out.push(at(Tok::Atom(m.to_string()))),
                None => {
                    return Err(Diagnostic::new(
                        span,
                        "`?MODULE` needs a `-module(Name).` before it",
                        "start the file with `-module(name).`",
                    ))
                }
            },
            ("LINE", None) => out.push(at(Tok::Int(i64::from(span.line)))),
            (_, None) => return Err(undefined(span, &name)),
        }
    }
    Ok(out)
}

/// The arguments of `?NAME(A, B)`, starting at the `(`: token lists split at top-level
/// commas, and the index after the `)`.
fn arguments(
    tokens: &[Lexeme],
    start: usize,
    span: sim::ir::Span,
    name: &str,
) -> Res<(Vec<Vec<Lexeme>>, usize)> {
    if tokens.get(start).map(|l| &l.tok) != Some(&Tok::Op("(")) {
        return Err(Diagnostic::new(
            span,
            format!("macro `{name}` takes arguments"),
            format!("write `?{name}(…)`"),
        ));
    }
    let mut args: Vec<Vec<Lexeme>> = Vec::new();
    let mut cur = Vec::new();
    let mut depth = 0usize;
    let mut i = start + 1;
    while let Some(lx) = tokens.get(i) {
        match &lx.tok {
            Tok::Op("(" | "[" | "{") => depth += 1,
            // `fun() -> … end` closes with `end`; `fun name/1` does not.
            Tok::Kw("fun") if tokens.get(i + 1).map(|l| &l.tok) == Some(&Tok::Op("(")) => {
                depth += 1
            }
            Tok::Kw("case" | "receive" | "if" | "try" | "begin") => depth += 1,
            Tok::Kw("end") => depth = depth.saturating_sub(1),
            Tok::Op(")") if depth == 0 => {
                if !cur.is_empty() || !args.is_empty() {
                    args.push(cur);
                }
                return Ok((args, i + 1));
            }
            Tok::Op(")" | "]" | "}") => depth = depth.saturating_sub(1),
            Tok::Op(",") if depth == 0 => {
                args.push(std::mem::take(&mut cur));
                i += 1;
                continue;
            }
            Tok::Dot | Tok::Eof => break,
            _ => {}
        }
        cur.push(lx.clone());
        i += 1;
    }
    Err(Diagnostic::new(
        span,
        format!("the arguments of macro `{name}` are not closed"),
        "close the macro's arguments with `)`",
    ))
}

fn undefined(span: sim::ir::Span, name: &str) -> Diagnostic {
    Diagnostic::new(
        span,
        format!("macro `{name}` is undefined"),
        format!("define it before use with `-define({name}, Value).`"),
    )
}

/// The macros whose expansion never ends (a use of one is reported as Erlang's preprocessor
/// does, "circular macro 'B'"). Each macro is searched once, so a long
/// chain of macros that each use the next twice costs linear time, not exponential.
fn circular(macros: &HashMap<String, Macro>) -> HashSet<String> {
    /// Where the search is for one macro: on the current path, or finished with its answer.
    enum Mark {
        OnPath,
        Done(Option<String>),
    }
    fn visit<'a>(
        name: &'a str,
        macros: &'a HashMap<String, Macro>,
        marks: &mut HashMap<&'a str, Mark>,
    ) -> Option<String> {
        match marks.get(name) {
            Some(Mark::OnPath) => return Some(name.to_string()),
            Some(Mark::Done(found)) => return found.clone(),
            None => {}
        }
        let mac = macros.get(name)?;
        marks.insert(name, Mark::OnPath);
        let mut found = None;
        for pair in mac.body.windows(2) {
            if let [Tok::Op("?"), Tok::Atom(used) | Tok::Var(used)] = pair {
                found = visit(used, macros, marks);
                if found.is_some() {
                    break;
                }
            }
        }
        marks.insert(name, Mark::Done(found.clone()));
        found
    }
    let mut marks = HashMap::new();
    macros
        .keys()
        .filter(|name| visit(name, macros, &mut marks).is_some())
        .cloned()
        .collect()
}
