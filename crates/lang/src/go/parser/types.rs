//! Types, parameter lists and result lists.

use super::*;

impl Parser {
    pub(super) fn ty(&mut self) -> Res<Type> {
        self.enter()?;
        let res = self.ty_inner();
        self.leave();
        res
    }

    pub(super) fn ty_inner(&mut self) -> Res<Type> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                self.pos += 1;
                if self.eat_op(".") {
                    let sel = self.ident("a type name after `.`", "write `sync.Mutex`")?;
                    return Ok(Type::Qualified(name, sel.name));
                }
                Ok(Type::Named(name))
            }
            Tok::Kw("chan") => {
                self.pos += 1;
                let dir = if self.eat_op("<-") {
                    Dir::Send
                } else {
                    Dir::Both
                };
                Ok(Type::Chan(dir, Box::new(self.ty()?)))
            }
            Tok::Op("<-") => {
                self.pos += 1;
                if !self.is_kw("chan") {
                    return self.expected("`chan` after `<-`", "write `<-chan int`");
                }
                self.pos += 1;
                Ok(Type::Chan(Dir::Recv, Box::new(self.ty()?)))
            }
            Tok::Kw("map") => {
                self.pos += 1;
                self.expect_op("[", "after `map`", "write `map[string]int`")?;
                let k = self.ty()?;
                self.expect_op("]", "after the key type", "write `map[string]int`")?;
                let v = self.ty()?;
                Ok(Type::Map(Box::new(k), Box::new(v)))
            }
            Tok::Op("[") => {
                self.pos += 1;
                if !self.is_op("]") {
                    return self.err(
                        "arrays are not part of the Go lesson dialect",
                        "use a slice `[]int` or a map",
                    );
                }
                self.pos += 1;
                Ok(Type::Slice(Box::new(self.ty()?)))
            }
            Tok::Op("*") => {
                self.pos += 1;
                Ok(Type::Pointer(Box::new(self.ty()?)))
            }
            Tok::Kw("func") => {
                self.pos += 1;
                let params = self.params()?;
                let results = self.results()?;
                Ok(Type::Func(
                    params.into_iter().map(|p| p.ty).collect(),
                    results,
                ))
            }
            Tok::Kw("struct") => {
                self.pos += 1;
                self.expect_op("{", "after `struct`", "write `struct{}`")?;
                self.semis();
                if !self.is_op("}") {
                    return self.err(
                        format!("structs with fields are not part of the Go lesson dialect; {SUPPORTED}"),
                        "use `struct{}` as a signal, or separate variables",
                    );
                }
                self.pos += 1;
                Ok(Type::EmptyStruct)
            }
            Tok::Kw("interface") => {
                self.pos += 1;
                if self.eat_op("{") && self.eat_op("}") {
                    return Ok(Type::Named("any".into()));
                }
                self.err(
                    format!("interfaces are not part of the Go lesson dialect; {SUPPORTED}"),
                    "use concrete types",
                )
            }
            _ => self.expected(
                "a type",
                "write a type like `int`, `chan int` or `map[string]int`",
            ),
        }
    }

    /// `(a int, b, c chan int)`: Go lets names share a type.
    pub(super) fn params(&mut self) -> Res<Vec<Param>> {
        self.expect_op("(", "to start the parameters", "write `func name(x int)`")?;
        let mut params = Vec::new();
        let mut pending: Vec<Ident> = Vec::new();
        while !self.is_op(")") {
            // A parameter is `name Type`, or just `Type` in a func type.
            if let Tok::Ident(_) = self.peek() {
                let next = self.peek_at(1).clone();
                if matches!(next, Tok::Op("," | ")")) {
                    let id = self.ident("a parameter name", "")?;
                    pending.push(id);
                    if !self.eat_op(",") {
                        break;
                    }
                    continue;
                }
                if !matches!(next, Tok::Op(".")) {
                    let id = self.ident("a parameter name", "")?;
                    let variadic = self.eat_op("...");
                    let mut ty = self.ty()?;
                    if variadic {
                        if !pending.is_empty() || !self.is_op(")") {
                            return self.err(
                                "only the last parameter can be variadic (`xs ...int`)",
                                "put the `...` parameter last, on its own",
                            );
                        }
                        ty = Type::Slice(Box::new(ty));
                    }
                    for p in pending.drain(..) {
                        params.push(Param {
                            name: p,
                            ty: ty.clone(),
                            variadic: false,
                        });
                    }
                    params.push(Param {
                        name: id,
                        ty,
                        variadic,
                    });
                    if !self.eat_op(",") {
                        break;
                    }
                    continue;
                }
            }
            let span = self.span();
            let ty = self.ty()?;
            params.push(Param {
                name: Ident {
                    name: "_".into(),
                    span,
                },
                ty,
                variadic: false,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        // Names without a type were types all along (`func(int, string)`).
        for p in pending {
            params.push(Param {
                ty: Type::Named(p.name.clone()),
                name: Ident {
                    name: "_".into(),
                    span: p.span,
                },
                variadic: false,
            });
        }
        self.expect_op(
            ")",
            "to close the parameters",
            "separate parameters with `,` and close with `)`",
        )?;
        Ok(params)
    }

    pub(super) fn results(&mut self) -> Res<Vec<Type>> {
        if self.is_op("{") || self.is_op(";") || self.is_op(")") || self.is_op(",") {
            return Ok(Vec::new());
        }
        if self.eat_op("(") {
            let mut out = Vec::new();
            while !self.is_op(")") {
                if matches!(self.peek(), Tok::Ident(_))
                    && !matches!(self.peek_at(1), Tok::Op("," | ")" | "."))
                {
                    return self.err(
                        "named results are not part of the Go lesson dialect",
                        "list the result types only, like `(int, bool)`",
                    );
                }
                out.push(self.ty()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")", "to close the results", "close the results with `)`")?;
            return Ok(out);
        }
        Ok(vec![self.ty()?])
    }
}
