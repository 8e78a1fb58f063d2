//! Records: `-record(Name, {Field, Field = Default}).`, then `#name{f = V}`,
//! `Base#name{f = V}` (an update) and `Expr#name.f` (a field).

use super::*;

impl Parser {
    /// After `-record`: `(Name, {Fields}).`
    pub(super) fn record_def(&mut self, start: Span) -> Res<()> {
        let hint = "write `-record(point, {x, y = 0}).`";
        self.expect_op("(", "after `-record`", hint)?;
        let Tok::Atom(name) = self.peek().clone() else {
            return self.expected("the record's name", hint);
        };
        self.pos += 1;
        self.expect_op(",", "after the record's name", hint)?;
        self.expect_op("{", "to start the record's fields", hint)?;
        let mut fields: Vec<(String, Option<Expr>)> = Vec::new();
        while !self.is_op("}") {
            let Tok::Atom(field) = self.peek().clone() else {
                return self.expected("a field name", hint);
            };
            if fields.iter().any(|(f, _)| *f == field) {
                return self.err(format!("field `{field}` is defined twice"), hint);
            }
            self.pos += 1;
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            if self.is_op("::") {
                return self.err(
                    "field types are not part of the Erlang lesson dialect",
                    "leave the type out: `-record(point, {x = 0}).`",
                );
            }
            fields.push((field, default));
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}", "to close the record's fields", hint)?;
        self.expect_op(")", "to close `-record(`", hint)?;
        if !matches!(self.peek(), Tok::Dot) {
            return self.expected("`.` to end the attribute", hint);
        }
        self.pos += 1;
        if self.records.iter().any(|r| r.name == name) {
            return Err(Diagnostic::new(
                join(start, self.prev_span()),
                format!("record `{name}` is already defined"),
                "give each record its own name",
            ));
        }
        self.records.push(RecordDef {
            name,
            fields,
            span: join(start, self.prev_span()),
        });
        Ok(())
    }

    /// The record named at the cursor (after `#`), which must be defined above.
    fn record_name(&mut self) -> Res<(String, Span)> {
        let span = self.span();
        if self.is_op("{") {
            return self.err(
                format!("maps are not part of the Erlang lesson dialect; {SUPPORTED}"),
                "use tuples and lists",
            );
        }
        let Tok::Atom(name) = self.peek().clone() else {
            return self.expected("a record name after `#`", "write `#point{x = 1}`");
        };
        if !self.records.iter().any(|r| r.name == name) {
            return self.err(
                format!("record `{name}` is undefined"),
                format!("define it above its use with `-record({name}, {{…}}).`"),
            );
        }
        self.pos += 1;
        Ok((name, span))
    }

    /// `#name{f = V, …}` at the cursor (the `#`), updating `base` when given.
    pub(super) fn record_expr(&mut self, base: Option<Expr>) -> Res<Expr> {
        let start = base.as_ref().map_or_else(|| self.span(), |b| b.span);
        self.pos += 1;
        let (name, _) = self.record_name()?;
        self.record_fields(start, name, base)
    }

    fn record_fields(&mut self, start: Span, name: String, base: Option<Expr>) -> Res<Expr> {
        let hint = "write `#point{x = 1, y = 2}`";
        self.expect_op("{", "after the record name", hint)?;
        let mut fields = Vec::new();
        while !self.is_op("}") {
            let fspan = self.span();
            let Tok::Atom(field) = self.peek().clone() else {
                return self.expected("a field name", hint);
            };
            self.check_field(&name, &field)?;
            self.pos += 1;
            self.expect_op("=", "after the field name", hint)?;
            let value = self.expr()?;
            fields.push((field, value, fspan));
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}", "to close the record", hint)?;
        Ok(Expr {
            kind: ExprKind::Record {
                name,
                base: base.map(Box::new),
                fields,
            },
            span: join(start, self.prev_span()),
        })
    }

    fn check_field(&self, record: &str, field: &str) -> Res<()> {
        let known = self
            .records
            .iter()
            .find(|r| r.name == record)
            .is_some_and(|r| r.fields.iter().any(|(f, _)| f == field));
        if known {
            return Ok(());
        }
        self.err(
            format!("record `{record}` has no field `{field}`"),
            "use a field named in the record's `-record`",
        )
    }

    /// After an expression, at `#`: `E#name{…}` or `E#name.field`.
    pub(super) fn record_suffix(&mut self, e: Expr) -> Res<Expr> {
        let start = e.span;
        self.pos += 1;
        let (name, _) = self.record_name()?;
        if self.eat_op(".") {
            let Tok::Atom(field) = self.peek().clone() else {
                return self.expected("a field name after `.`", "write `P#point.x`");
            };
            self.check_field(&name, &field)?;
            self.pos += 1;
            return Ok(Expr {
                kind: ExprKind::RecordField(Box::new(e), name, field),
                span: join(start, self.prev_span()),
            });
        }
        self.record_fields(start, name, Some(e))
    }
}
