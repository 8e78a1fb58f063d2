//! Declarations beyond plain functions: `type T struct { … }`, method receivers and named
//! results.

use std::collections::HashSet;

use super::*;
use crate::go::ast::{Field, Receiver, TypeDecl};

/// The names declared with `type Name …` anywhere in the file, found before parsing so that
/// `Name{…}` reads as a composite literal even before the declaration.
pub(super) fn declared_type_names(toks: &[lexer::Lexeme]) -> HashSet<String> {
    toks.windows(2)
        .filter_map(|w| match (&w[0].tok, &w[1].tok) {
            (Tok::Kw("type"), Tok::Ident(n)) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

impl Parser {
    /// `type Name struct { A, B int; sync.Mutex }` at the top level.
    pub(super) fn type_decl(&mut self) -> Res<TypeDecl> {
        self.pos += 1;
        if self.is_op("(") {
            return self.err(
                "grouped type declarations are not part of the Go lesson dialect",
                "write each type as `type Name struct { … }`",
            );
        }
        let name = self.ident("a type name after `type`", "write `type Counter struct {`")?;
        if self.is_op("[") {
            return self.err(
                "generics are not part of the Go lesson dialect",
                "write the type for one concrete element type",
            );
        }
        if !self.is_kw("struct") {
            return self.err(
                "only struct types can be declared in the Go lesson dialect",
                "write `type Name struct { … }` with the fields inside",
            );
        }
        self.pos += 1;
        let fields = self.struct_fields()?;
        Ok(TypeDecl { name, fields })
    }

    /// The `{ … }` of a struct type, the `{` not yet read.
    pub(super) fn struct_fields(&mut self) -> Res<Vec<Field>> {
        self.expect_op("{", "after `struct`", "write `struct { count int }`")?;
        let mut fields: Vec<Field> = Vec::new();
        loop {
            self.semis();
            if self.eat_op("}") {
                break;
            }
            if matches!(self.peek(), Tok::Eof) {
                return self.expected("`}` to close the struct", "close the fields with `}`");
            }
            let start = self.span();
            // An embedded field: `sync.Mutex`, `Base` or `*Base` alone on its line.
            let embedded = matches!(
                (self.peek(), self.peek_at(1)),
                (Tok::Ident(_), Tok::Op(";" | "}" | ".")) | (Tok::Op("*"), _)
            );
            if embedded {
                let ty = self.ty()?;
                let field_name = match &ty {
                    Type::Named(n) | Type::Qualified(_, n) => n.clone(),
                    Type::Pointer(inner) => match &**inner {
                        Type::Named(n) | Type::Qualified(_, n) => n.clone(),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                fields.push(Field {
                    name: Ident {
                        name: field_name,
                        span: join(start, self.prev_span()),
                    },
                    ty,
                    embedded: true,
                });
            } else {
                let mut names = vec![self.ident("a field name", "write `count int`")?];
                while self.eat_op(",") {
                    names.push(self.ident("a field name after `,`", "write `x, y int`")?);
                }
                let ty = self.ty()?;
                if let Tok::Str(_) = self.peek() {
                    // A struct tag (`json:"name"`) means nothing to the simulator.
                    self.pos += 1;
                }
                for name in names {
                    fields.push(Field {
                        name,
                        ty: ty.clone(),
                        embedded: false,
                    });
                }
            }
            if let Some(dup) = fields.iter().enumerate().find_map(|(i, f)| {
                fields[..i]
                    .iter()
                    .any(|g| g.name.name == f.name.name)
                    .then_some(f)
            }) {
                return Err(Diagnostic::new(
                    dup.name.span,
                    format!("duplicate field {}", dup.name.name),
                    "give each field its own name",
                ));
            }
            if !self.is_op("}") {
                self.end_of_statement()?;
            }
        }
        Ok(fields)
    }

    /// `(c *Counter)` before a method's name.
    pub(super) fn receiver(&mut self) -> Res<Receiver> {
        self.expect_op("(", "", "")?;
        let first = self.ident(
            "the receiver, like `(c *Counter)`",
            "write `func (c *Counter) Inc() {`",
        )?;
        let (name, pointer, ty) = if self.is_op(")") {
            // `func (Counter) M()`: the receiver has no name.
            let blank = Ident {
                name: "_".into(),
                span: first.span,
            };
            (blank, false, first)
        } else {
            let pointer = self.eat_op("*");
            let ty = self.ident(
                "the receiver's type name",
                "write `func (c *Counter) Inc() {`",
            )?;
            (first, pointer, ty)
        };
        if self.is_op(",") {
            return self.err("a method has exactly one receiver", "write `(c *Counter)`");
        }
        self.expect_op(")", "to close the receiver", "write `(c *Counter)`")?;
        Ok(Receiver { name, ty, pointer })
    }

    /// A function's results: types, and their names when the function names them.
    pub(super) fn result_list(&mut self) -> Res<(Vec<Type>, Vec<Ident>)> {
        let named = self.is_op("(")
            && matches!(self.peek_at(1), Tok::Ident(_))
            && !matches!(self.peek_at(2), Tok::Op(")" | "."));
        let named = named && !self.unnamed_type_list();
        if !named {
            return Ok((self.results()?, Vec::new()));
        }
        let params = self.params()?;
        if params.iter().any(|p| p.name.name == "_" && p.variadic) {
            return self.err("results cannot be variadic", "list the result types");
        }
        let names = params.iter().map(|p| p.name.clone()).collect();
        Ok((params.into_iter().map(|p| p.ty).collect(), names))
    }

    /// Whether the `(` ahead opens a list of types only (`(int, bool)`), not names.
    fn unnamed_type_list(&self) -> bool {
        // In `(a, b int)` some entry is `name Type`; in `(int, string)` every entry is one
        // word followed by `,` or `)`.
        let mut i = 1;
        loop {
            match (self.peek_at(i), self.peek_at(i + 1)) {
                (Tok::Ident(_), Tok::Op(",")) => i += 2,
                (Tok::Ident(_), Tok::Op(")")) => return true,
                _ => return false,
            }
        }
    }
}
