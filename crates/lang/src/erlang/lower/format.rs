//! `io:format(Format, Args)`: the format is split at compile time into literal text and
//! values. Each complete line is a `Print`; text after the last `~n` is written with
//! `Output` and the next print continues that line, as on a terminal.
//!
//! Field widths (`~5w`, `~-10s`), bases (`~.16b`) and widths of `~b` go through the
//! library's `$field` and `$digits` helpers at run time, since the text's length is known
//! only then. Following `erl` (OTP 25): a value too wide for a `~w` or `~b` field is
//! written as stars, and `~p` takes a width (its line length) but does not pad.

use super::*;

/// One `~` directive: `~[-][Width][.Precision]Control`.
struct Directive {
    left: bool,
    width: Option<usize>,
    precision: Option<usize>,
    control: char,
}

const HINT: &str = "use ~p or ~w for a value, ~s for a string, ~b for an integer, ~c for a \
                    character, ~i to skip a value, ~n for a new line, with an optional width \
                    like ~5w or ~-10s";

impl FnLower<'_> {
    /// Lowers `io:format(Format)` or `io:format(Format, Args)`.
    pub(super) fn format(&mut self, fmt: &Expr, args: Option<&Expr>, span: Span) -> Res<()> {
        let ExprKind::Str(text) = &fmt.kind else {
            return Err(Diagnostic::new(
                fmt.span,
                "the format of `io:format` must be a string written out",
                "write `io:format(\"~p~n\", [X])`",
            ));
        };
        let values: Vec<&Expr> = match args.map(|a| &a.kind) {
            None => Vec::new(),
            Some(ExprKind::List(items, None)) => items.iter().collect(),
            Some(_) => {
                return Err(Diagnostic::new(
                    args.map_or(span, |a| a.span),
                    "the arguments of `io:format` must be a list written out",
                    "write `io:format(\"~p and ~p~n\", [A, B])`",
                ))
            }
        };
        let mut lines: Vec<Vec<FmtPart>> = vec![Vec::new()];
        let mut lit = String::new();
        let mut next = values.iter();
        let mut used = 0usize;
        let mut chars = text.chars().peekable();
        let flush = |lit: &mut String, lines: &mut Vec<Vec<FmtPart>>| {
            if !lit.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push(FmtPart::Lit(std::mem::take(lit)));
                }
            }
        };
        while let Some(c) = chars.next() {
            if c == '\n' {
                flush(&mut lit, &mut lines);
                lines.push(Vec::new());
                continue;
            }
            if c != '~' {
                lit.push(c);
                continue;
            }
            let d = directive(&mut chars).ok_or_else(|| {
                Diagnostic::new(
                    fmt.span,
                    "this `~` directive is not part of the Erlang lesson dialect's io:format",
                    HINT,
                )
            })?;
            match d.control {
                'n' => {
                    flush(&mut lit, &mut lines);
                    lines.push(Vec::new());
                    continue;
                }
                '~' => {
                    lit.push('~');
                    continue;
                }
                'p' | 'w' | 's' | 'b' | 'B' | 'c' | 'i' => {}
                other => {
                    return Err(Diagnostic::new(
                        fmt.span,
                        format!("`~{other}` is not part of the Erlang lesson dialect's io:format"),
                        HINT,
                    ))
                }
            }
            let Some(v) = next.next() else {
                return Err(Diagnostic::new(
                    fmt.span,
                    format!(
                        "the format has more `~` directives than the {} argument{} given",
                        values.len(),
                        if values.len() == 1 { "" } else { "s" }
                    ),
                    "give one value in the list for each ~p, ~w or ~s",
                ));
            };
            used += 1;
            if d.control == 'i' {
                // `~i` skips its argument.
                self.expr(v)?;
                continue;
            }
            if d.control == 'c' {
                lit.push_str(&character(v, &d)?);
                continue;
            }
            flush(&mut lit, &mut lines);
            let part = self.directive_part(v, &d, span)?;
            if let Some(line) = lines.last_mut() {
                line.push(part);
            }
        }
        flush(&mut lit, &mut lines);
        if used < values.len() {
            return Err(Diagnostic::new(
                args.map_or(span, |a| a.span),
                format!(
                    "{} argument{} given but the format uses only {used}",
                    values.len(),
                    if values.len() == 1 { " is" } else { "s are" }
                ),
                "give one value in the list for each ~p, ~w or ~s",
            ));
        }
        // The last piece has no line break after it: it is written without ending the line.
        let open = lines.pop().unwrap_or_default();
        for line in lines {
            self.cx.emit(
                span,
                Op::Print {
                    text: IrExpr::Format(line),
                },
            );
        }
        if !open.is_empty() {
            self.cx.emit(
                span,
                Op::Output {
                    text: IrExpr::Format(open),
                },
            );
        }
        Ok(())
    }

    /// The part a value directive prints; widths and bases call the library's helpers.
    fn directive_part(&mut self, v: &Expr, d: &Directive, span: Span) -> Res<FmtPart> {
        let value = self.expr(v)?;
        let base = match d.control {
            'b' | 'B' => d.precision.unwrap_or(10),
            _ => 10,
        };
        if !(2..=36).contains(&base) {
            return Err(Diagnostic::new(
                v.span,
                format!("base {base} is not between 2 and 36"),
                "write a base like `~.16b` for hexadecimal",
            ));
        }
        let plain = match d.control {
            'p' => FmtPart::ErlPrint(value.clone()),
            'w' => FmtPart::ErlWrite(value.clone()),
            // `~s` takes a string, an atom, or a list of codes and strings.
            's' => FmtPart::Show(IrExpr::Call(Builtin::CharData, vec![value.clone()])),
            _ => FmtPart::Show(value.clone()),
        };
        let width = match d.control {
            'p' => None,
            _ => d.width,
        };
        if width.is_none() && base == 10 {
            return Ok(plain);
        }
        let mut text = IrExpr::Format(vec![plain]);
        if base != 10 {
            let upper = d.control == 'B';
            text = self.library_call(
                "$digits",
                vec![
                    value,
                    IrExpr::int(base as i64),
                    IrExpr::Const(Value::Bool(upper)),
                ],
                span,
            )?;
        }
        if let Some(w) = width {
            // erl cuts a string to its field (`~3s`) and stars a number that overflows.
            let over = if d.control == 's' { "cut" } else { "stars" };
            text = self.library_call(
                "$field",
                vec![
                    text,
                    IrExpr::int(w as i64),
                    IrExpr::Const(Value::Bool(d.left)),
                    IrExpr::atom(over),
                ],
                span,
            )?;
        }
        Ok(FmtPart::Show(text))
    }

    /// Calls a library helper, its value in a temporary.
    pub(super) fn library_call(
        &mut self,
        name: &str,
        args: Vec<IrExpr>,
        span: Span,
    ) -> Res<IrExpr> {
        let Some(id) = self.ctx.library(name, args.len(), true) else {
            return Err(Diagnostic::new(
                span,
                "the format helpers are missing",
                "this is a fault of the Erlang dialect, not of the program",
            ));
        };
        let dst = self.cx.temp("text");
        self.cx.emit(
            span,
            Op::Call {
                dst: Some(dst),
                callee: Callee::Func(id),
                args,
            },
        );
        Ok(IrExpr::Local(dst))
    }
}

/// Reads a directive after its `~`; `None` when it is malformed.
fn directive(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<Directive> {
    let mut d = Directive {
        left: false,
        width: None,
        precision: None,
        control: ' ',
    };
    if chars.peek() == Some(&'-') {
        chars.next();
        d.left = true;
    }
    d.width = number(chars);
    if chars.peek() == Some(&'.') {
        chars.next();
        d.precision = number(chars);
    }
    // `~ts` and `~lp`: the Unicode and list modifiers change nothing for these values.
    let mut control = chars.next()?;
    if matches!(control, 't' | 'l') && chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
        control = chars.next()?;
    }
    d.control = control;
    if d.left && d.width.is_none() {
        return None;
    }
    Some(d)
}

fn number(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<usize> {
    let mut n: Option<usize> = None;
    while let Some(c) = chars.peek().and_then(|c| c.to_digit(10)) {
        chars.next();
        n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(c as usize));
    }
    n
}

/// `~c` of a character written out (`$a`): the character, repeated to fill the width.
fn character(v: &Expr, d: &Directive) -> Res<String> {
    let ch = match &v.kind {
        ExprKind::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
        _ => None,
    };
    let Some(ch) = ch else {
        return Err(Diagnostic::new(
            v.span,
            "`~c` prints a character written out, like `$a`",
            "write the character as `$a`, or print a string with ~s",
        ));
    };
    Ok(std::iter::repeat_n(ch, d.width.unwrap_or(1)).collect())
}
