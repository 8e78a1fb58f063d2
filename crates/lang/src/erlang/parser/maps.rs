//! Map expressions: `#{K => V, …}`, and updates `M#{K => V, K := V}`. In a pattern the same
//! syntax with `:=` matches maps holding those keys.

use super::*;

impl Parser {
    /// `#{…}` at the cursor (the `#`), updating `base` when given.
    pub(super) fn map_expr(&mut self, base: Option<Expr>) -> Res<Expr> {
        let start = base.as_ref().map_or_else(|| self.span(), |b| b.span);
        let hint = "write `#{key => Value}`, or `M#{key := New}` to change a key M has";
        self.pos += 1;
        self.expect_op("{", "after `#`", hint)?;
        let mut entries = Vec::new();
        while !self.is_op("}") {
            let key = self.expr()?;
            let exact = if self.eat_op(":=") {
                true
            } else if self.eat_op("=>") {
                false
            } else {
                return self.expected("`=>` or `:=` after the map key", hint);
            };
            let value = self.expr()?;
            entries.push(MapEntry { key, value, exact });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}", "to close the map", hint)?;
        Ok(Expr {
            kind: ExprKind::Map {
                base: base.map(Box::new),
                entries,
            },
            span: join(start, self.prev_span()),
        })
    }
}
