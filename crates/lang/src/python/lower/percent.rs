//! `"…" % values`: printf-style string formatting with a format string written out.
//!
//! The format string is known when the program is read, so it becomes a format expression:
//! `%s` shows a value as `str()` does, `%r` as `repr()` does, `%d` and `%i` show it as an
//! integer, and `%%` is a percent sign. Widths, precisions and other conversions are refused
//! with a hint, as is a count of values that does not match (CPython's `TypeError`).

use super::*;

impl FnLower<'_> {
    /// Lowers `fmt % values`: a format when `fmt` is a string literal, else the arithmetic
    /// `%` (whose strings the runtime refuses with CPython's `TypeError`).
    pub(super) fn percent_format(&mut self, fmt: &Expr, values: &Expr) -> Res<IrExpr> {
        let ExprKind::Str(text) = &fmt.kind else {
            let (a, b) = (self.expr(fmt)?, self.expr(values)?);
            return Ok(arith(BinOp::Mod, a, b));
        };
        self.percent_parts(fmt, text, values)
    }

    fn percent_parts(&mut self, fmt: &Expr, text: &str, values: &Expr) -> Res<IrExpr> {
        let items: Vec<&Expr> = match &values.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![values],
        };
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut next = 0;
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                lit.push(c);
                continue;
            }
            let conv = chars.next();
            if conv == Some('%') {
                lit.push('%');
                continue;
            }
            let Some(conv @ ('s' | 'r' | 'd' | 'i')) = conv else {
                return Err(Diagnostic::new(
                    fmt.span,
                    match conv {
                        Some(c) => format!("the `%` conversion starting `%{c}` is not part of the Python lesson dialect"),
                        None => "this format string ends with a lone `%`".to_string(),
                    },
                    "write `%s`, `%d` or `%r`, or use an f-string like f\"{x:.2f}\"",
                ));
            };
            let Some(item) = items.get(next) else {
                return Err(Diagnostic::new(
                    values.span,
                    "not enough arguments for format string",
                    "give one value for each `%s`, `%d` or `%r`, in a tuple like `(a, b)`",
                ));
            };
            next += 1;
            if !lit.is_empty() {
                parts.push(FmtPart::Lit(std::mem::take(&mut lit)));
            }
            let v = self.expr(item)?;
            parts.push(match conv {
                'r' => FmtPart::Repr(v),
                's' => FmtPart::Show(v),
                _ => FmtPart::Show(IrExpr::Call(Builtin::ToInt, vec![v])),
            });
        }
        if next < items.len() {
            return Err(Diagnostic::new(
                values.span,
                "not all arguments converted during string formatting",
                "write one `%s` (or `%d`, `%r`) for each value",
            ));
        }
        if !lit.is_empty() {
            parts.push(FmtPart::Lit(lit));
        }
        Ok(IrExpr::Format(parts))
    }
}
