//! Records are tagged tuples: `#point{x = 1}` is `{point, 1, Default}`, a field is an
//! element, and a pattern leaves the fields it does not name as `_`.

use super::*;
use crate::erlang::ast::RecordDef;

impl FnLower<'_> {
    fn record_def(&self, name: &str, span: Span) -> Res<RecordDef> {
        self.ctx.records.get(name).cloned().ok_or_else(|| {
            Diagnostic::new(
                span,
                format!("record `{name}` is undefined"),
                format!("define it with `-record({name}, {{…}}).`"),
            )
        })
    }

    /// The 0-based element of `field` in a `name` tuple (the tag is element 0).
    pub(super) fn field_index(&self, name: &str, field: &str, span: Span) -> Res<i64> {
        let def = self.record_def(name, span)?;
        def.fields
            .iter()
            .position(|(f, _)| f == field)
            .map(|i| i as i64 + 1)
            .ok_or_else(|| {
                Diagnostic::new(
                    span,
                    format!("record `{name}` has no field `{field}`"),
                    "use a field named in the record's `-record`",
                )
            })
    }

    /// `#name{…}` or `Base#name{…}` as a value.
    pub(super) fn record_value(
        &mut self,
        e: &Expr,
        name: &str,
        base: Option<&Expr>,
        fields: &[(String, Expr, Span)],
    ) -> Res<IrExpr> {
        let def = self.record_def(name, e.span)?;
        let base = match base {
            Some(b) => {
                let v = self.expr(b)?;
                let tmp = self.cx.temp("record");
                self.cx.emit(b.span, Op::Set { dst: tmp, expr: v });
                Some(tmp)
            }
            None => None,
        };
        let mut items = vec![IrExpr::atom(name)];
        for (i, (field, default)) in def.fields.iter().enumerate() {
            let given = fields.iter().find(|(f, _, _)| f == field);
            items.push(match (given, base, default) {
                (Some((_, v, _)), _, _) => self.expr(v)?,
                (None, Some(b), _) => IrExpr::Local(b).index(IrExpr::int(i as i64 + 1)),
                (None, None, Some(d)) => self.expr(d)?,
                (None, None, None) => IrExpr::atom("undefined"),
            });
        }
        Ok(IrExpr::Tuple(items))
    }

    /// `#name{f = P}` as a pattern.
    pub(super) fn record_pattern(
        &mut self,
        e: &Expr,
        name: &str,
        fields: &[(String, Expr, Span)],
        fresh: &mut Vec<String>,
    ) -> Res<Pattern> {
        let def = self.record_def(name, e.span)?;
        let mut items = vec![Pattern::atom(name)];
        for (field, _) in &def.fields {
            items.push(match fields.iter().find(|(f, _, _)| f == field) {
                Some((_, p, _)) => self.pattern(p, fresh)?,
                None => Pattern::Wildcard,
            });
        }
        Ok(Pattern::Tuple(items))
    }

    /// `is_record(X, name)`: a tuple of the record's size tagged with its name.
    pub(super) fn is_record(&self, value: IrExpr, name: &IrExpr, span: Span) -> Res<IrExpr> {
        let IrExpr::Const(Value::Atom(n)) = name else {
            return Err(Diagnostic::new(
                span,
                "the record name in `is_record` must be an atom written out",
                "write `is_record(X, point)`",
            ));
        };
        let def = self.record_def(n, span)?;
        let size = IrExpr::int(def.fields.len() as i64 + 1);
        let is_tuple = IrExpr::Call(Builtin::IsTuple, vec![value.clone()]);
        let sized = IrExpr::Call(Builtin::Len, vec![value.clone()]).bin(ir::BinOp::Eq, size);
        let tagged = value
            .index(IrExpr::int(0))
            .bin(ir::BinOp::Eq, IrExpr::atom(n));
        Ok(is_tuple
            .bin(ir::BinOp::And, sized)
            .bin(ir::BinOp::And, tagged))
    }
}
