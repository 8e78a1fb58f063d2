//! Struct types: the table of declared structs and methods, zero values, literals, field
//! reads and writes, and Go's value semantics for copies.
//!
//! A struct value is a record on the heap that one variable (or field, or element) owns; a
//! pointer to it is the same record shared. Copying a struct (`b := a`, passing it, a value
//! receiver) is a `CopyRecord`, so changing the copy leaves the original alone. Every field
//! access is a visible step: a struct two goroutines can reach is shared memory.

use super::*;
use crate::go::ast::{Receiver, TypeDecl};

/// A declared struct type.
#[derive(Clone, Debug)]
pub(crate) struct StructDef {
    /// Its fields in declaration order.
    pub fields: Vec<FieldDef>,
}

/// One field of a struct type.
#[derive(Clone, Debug)]
pub(crate) struct FieldDef {
    /// The field's name (an embedded field is named after its type).
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Embedded: its methods and fields are promoted to the outer struct.
    pub embedded: bool,
}

/// A method of a struct type.
#[derive(Clone, Debug)]
pub(crate) struct Method {
    /// The function; its first parameter is the receiver.
    pub id: FuncId,
    /// Declared on `*T`: the method sees the caller's struct, not a copy.
    pub pointer: bool,
    /// Its type without the receiver.
    pub ty: Ty,
}

/// Builds the table of struct types, checking field types and refusing a struct that
/// contains itself by value.
pub(super) fn struct_table(types: &[TypeDecl]) -> Res<HashMap<String, StructDef>> {
    let mut table = HashMap::new();
    for t in types {
        let mut fields = Vec::new();
        for f in &t.fields {
            fields.push(FieldDef {
                name: f.name.name.clone(),
                ty: type_of(&f.ty, f.name.span)?,
                embedded: f.embedded,
            });
        }
        table.insert(t.name.name.clone(), StructDef { fields });
    }
    for t in types {
        for f in &t.fields {
            let ty = type_of(&f.ty, f.name.span)?;
            check_declared(&ty, &table, f.name.span)?;
        }
        if contains_by_value(&table, &t.name.name, &t.name.name, 0) {
            return Err(Diagnostic::new(
                t.name.span,
                format!("invalid recursive type {}", t.name.name),
                "a struct cannot hold itself; hold a pointer (`next *Node`) instead",
            ));
        }
    }
    Ok(table)
}

fn contains_by_value(table: &HashMap<String, StructDef>, name: &str, of: &str, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    table.get(of).is_some_and(|def| {
        def.fields.iter().any(|f| match &f.ty {
            Ty::Struct(n) => n == name || contains_by_value(table, name, n, depth + 1),
            _ => false,
        })
    })
}

/// Records a method declaration.
pub(super) fn add_method(
    methods: &mut HashMap<(String, String), Method>,
    structs: &HashMap<String, StructDef>,
    r: &Receiver,
    name: &Ident,
    id: FuncId,
    ty: Ty,
) -> Res<()> {
    let Some(def) = structs.get(&r.ty.name) else {
        return Err(Diagnostic::new(
            r.ty.span,
            format!("undefined: {}", r.ty.name),
            "methods belong to a struct type declared with `type Name struct { … }`",
        ));
    };
    if def.fields.iter().any(|f| f.name == name.name) {
        return Err(Diagnostic::new(
            name.span,
            format!("field and method with the same name {}", name.name),
            "give the method another name",
        ));
    }
    let key = (r.ty.name.clone(), name.name.clone());
    if methods.contains_key(&key) {
        return Err(Diagnostic::new(
            name.span,
            format!("method {}.{} already declared", r.ty.name, name.name),
            "give each method its own name",
        ));
    }
    methods.insert(
        key,
        Method {
            id,
            pointer: r.pointer,
            ty,
        },
    );
    Ok(())
}

/// The struct a value of type `ty` reaches through `.`: a struct, or a pointer to one.
pub(super) fn struct_name(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Struct(n) => Some(n),
        Ty::Pointer(inner) => match &**inner {
            Ty::Struct(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the expression names storage that already holds a value (a variable, a field, an
/// element, `*p`), so using its struct value makes a copy.
pub(super) fn is_place(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Ident(_)
            | ExprKind::Selector(..)
            | ExprKind::Index(..)
            | ExprKind::Unary(UnOp::Deref, _)
    )
}

impl FnLower<'_> {
    /// A struct's definition, which the type table guarantees exists.
    pub(super) fn struct_def(&self, name: &str) -> StructDef {
        self.pkg
            .structs
            .get(name)
            .cloned()
            .unwrap_or(StructDef { fields: Vec::new() })
    }

    /// The zero value of `ty`, made when it is a resource: a struct's record (its struct
    /// fields and locks made too), a lock, a WaitGroup. `name` names what is made.
    pub(super) fn zero_of(&mut self, ty: &Ty, name: &str, span: Span) -> IrExpr {
        match ty {
            Ty::Struct(n) => {
                let def = self.struct_def(n);
                let mut fields = Vec::new();
                for f in &def.fields {
                    let v = self.zero_of(&f.ty, &format!("{name}.{}", f.name), span);
                    fields.push((f.name.clone(), v));
                }
                let dst = self.cx.temp(name);
                self.cx.emit(
                    span,
                    Op::MakeRecord {
                        dst,
                        type_name: n.clone(),
                        fields,
                    },
                );
                IrExpr::Local(dst)
            }
            Ty::RwMutex => self.zero_rwmutex(name, span),
            Ty::Once => {
                let lock = self.cx.temp(name);
                self.cx.emit(span, Op::MakeLock { dst: lock });
                let dst = self.cx.temp(name);
                self.cx.emit(
                    span,
                    Op::MakeRecord {
                        dst,
                        type_name: "sync.Once".into(),
                        fields: vec![
                            ("m".into(), IrExpr::Local(lock)),
                            ("done".into(), IrExpr::bool(false)),
                        ],
                    },
                );
                IrExpr::Local(dst)
            }
            Ty::Atomic(inner) => {
                // The value is a shared cell, so copies of it (closures) share it.
                let dst = self.cx.temp(name);
                let init = IrExpr::Const(inner.zero());
                self.cx.emit(span, Op::MakeCell { dst, init });
                IrExpr::Local(dst)
            }
            Ty::Mutex => {
                let dst = self.cx.temp(name);
                self.cx.emit(span, Op::MakeLock { dst });
                IrExpr::Local(dst)
            }
            Ty::WaitGroup => {
                let dst = self.cx.temp(name);
                self.cx.emit(span, Op::MakeWaitGroup { dst });
                IrExpr::Local(dst)
            }
            other => IrExpr::Const(other.zero()),
        }
    }

    /// `T{A: 1}`, `T{1, 2}`, `T{}`: a new record; fields left out hold their zero values.
    pub(super) fn struct_lit(
        &mut self,
        name: &str,
        elems: &[(Option<Expr>, Expr)],
        dest: &Dest,
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let def = self.struct_def(name);
        let keyed = elems.first().is_some_and(|(k, _)| k.is_some());
        let mut given: Vec<Option<(IrExpr, Span)>> = vec![None; def.fields.len()];
        for (i, (k, v)) in elems.iter().enumerate() {
            let idx = match (k, keyed) {
                (Some(k), true) => {
                    let ExprKind::Ident(fname) = &k.kind else {
                        return Err(Diagnostic::new(
                            k.span,
                            "a struct literal's key must be a field name",
                            format!("write `{name}{{Field: value}}`"),
                        ));
                    };
                    let Some(idx) = def.fields.iter().position(|f| &f.name == fname) else {
                        return Err(Diagnostic::new(
                            k.span,
                            format!("unknown field {fname} in struct literal of type {name}"),
                            field_list(&def),
                        ));
                    };
                    if given.get(idx).is_some_and(Option::is_some) {
                        return Err(Diagnostic::new(
                            k.span,
                            format!("duplicate field name {fname} in struct literal"),
                            "give each field once",
                        ));
                    }
                    idx
                }
                (None, false) => i,
                _ => {
                    return Err(Diagnostic::new(
                        v.span,
                        "mixture of field:value and value elements in struct literal",
                        "name every field, or give every field in order",
                    ))
                }
            };
            let Some(field) = def.fields.get(idx) else {
                return Err(Diagnostic::new(
                    v.span,
                    format!("too many values in struct literal of type {name}"),
                    field_list(&def),
                ));
            };
            let (fv, fty) = self.value(v, &format!("{}.{}", dest.name_or("$lit"), field.name))?;
            if Self::clash(&fv, &fty, &field.ty)
                && !matches!(v.kind, ExprKind::Ident(ref n) if n == "nil")
            {
                return Err(Diagnostic::new(
                    v.span,
                    format!(
                        "cannot use {} as {} value in struct literal",
                        an(&fty),
                        field.ty.name()
                    ),
                    format!("give field {} {} value", field.name, an(&field.ty)),
                ));
            }
            let fv = self.coerce(fv, &fty, &field.ty);
            let fv = self.cx.stable(fv, "field", v.span);
            given[idx] = Some((fv, v.span));
        }
        if !keyed && !elems.is_empty() && elems.len() < def.fields.len() {
            return Err(Diagnostic::new(
                span,
                format!("too few values in struct literal of type {name}"),
                "give every field in order, or name the fields you give",
            ));
        }
        let base = dest.name_or(&name.to_lowercase()).to_string();
        let mut fields = Vec::new();
        for (f, g) in def.fields.iter().zip(given) {
            let v = match g {
                Some((v, _)) => v,
                None => self.zero_of(&f.ty, &format!("{base}.{}", f.name), span),
            };
            fields.push((f.name.clone(), v));
        }
        let dst = self.cx.temp(&base);
        self.cx.emit(
            span,
            Op::MakeRecord {
                dst,
                type_name: name.to_string(),
                fields,
            },
        );
        Ok((IrExpr::Local(dst), Ty::Struct(name.to_string())))
    }

    /// The value of `e` for storing elsewhere: a struct read from a place is copied, as Go
    /// copies struct values. `name` names the copy.
    pub(super) fn value(&mut self, e: &Expr, name: &str) -> Res<(IrExpr, Ty)> {
        let (v, ty) = self.expr(e)?;
        Ok((self.copied(e, v, &ty, name), ty))
    }

    /// `v` (the value of `e`), copied when it is a struct read from a place.
    pub(super) fn copied(&mut self, e: &Expr, v: IrExpr, ty: &Ty, name: &str) -> IrExpr {
        match ty {
            Ty::Struct(n) if is_place(e) => self.copy_struct(v, n, name, e.span),
            _ => v,
        }
    }

    /// A copy of the struct `v`: one step reading every field, then the struct fields inside
    /// copied the same way (they are values too).
    pub(super) fn copy_struct(&mut self, v: IrExpr, ty: &str, name: &str, span: Span) -> IrExpr {
        let dst = self.cx.temp(name.trim_start_matches('$'));
        self.cx.emit(span, Op::CopyRecord { dst, record: v });
        let def = self.struct_def(ty);
        for (i, f) in def.fields.iter().enumerate() {
            if let Ty::Struct(inner) = &f.ty {
                let t = self.cx.temp("inner");
                self.cx.emit(
                    span,
                    Op::FieldRead {
                        dst: t,
                        record: IrExpr::Local(dst),
                        field: i as u32,
                    },
                );
                let c =
                    self.copy_struct(IrExpr::Local(t), inner, &format!("{name}.{}", f.name), span);
                self.cx.emit(
                    span,
                    Op::FieldWrite {
                        record: IrExpr::Local(dst),
                        field: i as u32,
                        value: c,
                    },
                );
            }
        }
        IrExpr::Local(dst)
    }

    /// Finds field `name` of the struct `ty` reaches, through embedded structs too: the path
    /// of field indexes and the field's type.
    pub(super) fn field_path(&self, ty: &Ty, name: &str) -> Option<(Vec<u32>, Ty)> {
        let sname = struct_name(ty)?;
        let def = self.pkg.structs.get(sname)?;
        if let Some(i) = def.fields.iter().position(|f| f.name == name) {
            return Some((vec![i as u32], def.fields[i].ty.clone()));
        }
        for (i, f) in def.fields.iter().enumerate() {
            if f.embedded {
                if let Some((mut path, t)) = self.field_path(&f.ty, name) {
                    path.insert(0, i as u32);
                    return Some((path, t));
                }
            }
        }
        None
    }

    /// The record holding field `name` of `base`, the field's index and type: the base's
    /// record, or an embedded struct's (read on the way).
    pub(super) fn field_target(&mut self, base: &Expr, name: &Ident) -> Res<(IrExpr, u32, Ty)> {
        let (b, bty) = self.expr(base)?;
        let Some((path, fty)) = self.field_path(&bty, &name.name) else {
            return Err(self.no_field(base, &bty, name));
        };
        let mut rec = b;
        let (last, inner) = path.split_last().map_or((0, &[][..]), |(l, i)| (*l, i));
        for idx in inner {
            let t = self.cx.scratch();
            self.cx.emit(
                name.span,
                Op::FieldRead {
                    dst: t,
                    record: rec,
                    field: *idx,
                },
            );
            rec = IrExpr::Local(t);
        }
        Ok((rec, last, fty))
    }

    /// `x.f`: a visible read of the field.
    pub(super) fn field_read(
        &mut self,
        base: &Expr,
        name: &Ident,
        into: Option<Local>,
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let (rec, field, fty) = self.field_target(base, name)?;
        let dst = self.cx.read_dst(into);
        self.cx.emit(
            span,
            Op::FieldRead {
                dst,
                record: rec,
                field,
            },
        );
        Ok((IrExpr::Local(dst), fty))
    }

    /// `x.f = v`: a visible write of the field.
    pub(super) fn field_write(
        &mut self,
        base: &Expr,
        name: &Ident,
        value: IrExpr,
        vty: &Ty,
        span: Span,
    ) -> Res<()> {
        let (rec, field, fty) = self.field_target(base, name)?;
        if Self::clash(&value, vty, &fty) {
            return Err(Diagnostic::new(
                span,
                format!(
                    "cannot use {} as {} value in assignment",
                    an(vty),
                    fty.name()
                ),
                format!("give {} {} value", name.name, an(&fty)),
            ));
        }
        let value = self.coerce(value, vty, &fty);
        let rec = self.cx.stable(rec, "rec", span);
        let value = self.cx.staged(value, &[&rec], span);
        self.cx.emit(
            span,
            Op::FieldWrite {
                record: rec,
                field,
                value,
            },
        );
        Ok(())
    }

    /// `x.f += v`, `x.f++`: read the field, compute, write it back (three steps on shared
    /// memory, as for a shared variable).
    pub(super) fn field_update(
        &mut self,
        base: &Expr,
        name: &Ident,
        op: BinOp,
        value: Option<&Expr>,
        op_span: Span,
        span: Span,
    ) -> Res<()> {
        let (rec, field, fty) = self.field_target(base, name)?;
        let rec = self.cx.stable(rec, "rec", span);
        let tmp = self.cx.scratch();
        self.cx.emit(
            name.span,
            Op::FieldRead {
                dst: tmp,
                record: rec.clone(),
                field,
            },
        );
        let (r, rty) = match value {
            Some(v) => self.expr(v)?,
            None => (IrExpr::int(1), Ty::Int),
        };
        let r = self.coerce(r, &rty, &fty);
        let e = arith(op, IrExpr::Local(tmp), r);
        self.cx.assign_local(op_span, tmp, e);
        self.cx.emit(
            span,
            Op::FieldWrite {
                record: rec,
                field,
                value: IrExpr::Local(tmp),
            },
        );
        Ok(())
    }

    /// `a == b` on structs: every field of both read (each a step), compared in order.
    pub(super) fn struct_eq(&mut self, a: IrExpr, b: IrExpr, ty: &str, span: Span) -> Res<IrExpr> {
        let def = self.struct_def(ty);
        let a = self.cx.stable(a, "a", span);
        let b = self.cx.stable(b, "b", span);
        let mut all = IrExpr::bool(true);
        for (i, f) in def.fields.iter().enumerate() {
            if !matches!(
                f.ty,
                Ty::Int
                    | Ty::Float
                    | Ty::Str
                    | Ty::Bool
                    | Ty::Unit
                    | Ty::Chan(..)
                    | Ty::Pointer(_)
                    | Ty::Struct(_)
            ) {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "invalid operation: struct containing {} cannot be compared",
                        f.ty.name()
                    ),
                    "compare the fields you care about one by one",
                ));
            }
            let read = |me: &mut Self, rec: &IrExpr| {
                let t = me.cx.temp(&f.name);
                me.cx.emit(
                    span,
                    Op::FieldRead {
                        dst: t,
                        record: rec.clone(),
                        field: i as u32,
                    },
                );
                IrExpr::Local(t)
            };
            let x = read(self, &a);
            let y = read(self, &b);
            let same = match &f.ty {
                Ty::Struct(inner) => self.struct_eq(x, y, inner, span)?,
                _ => x.eq(y),
            };
            let t = self.cx.temp("same");
            self.cx.emit(
                span,
                Op::Set {
                    dst: t,
                    expr: all.bin(ir::BinOp::And, same),
                },
            );
            all = IrExpr::Local(t);
        }
        Ok(all)
    }

    fn no_field(&self, base: &Expr, ty: &Ty, name: &Ident) -> Diagnostic {
        match struct_name(ty).map(|n| self.struct_def(n)) {
            Some(def) => Diagnostic::new(
                name.span,
                format!(
                    "{}.{} undefined (type {} has no field or method {})",
                    describe_expr(base),
                    name.name,
                    ty.name(),
                    name.name
                ),
                field_list(&def),
            ),
            None => Diagnostic::new(
                name.span,
                format!(
                    "`{}.{}` is not a value in the Go lesson dialect",
                    describe_expr(base),
                    name.name
                ),
                "fields belong to structs; call methods with brackets, like `wg.Wait()`",
            ),
        }
    }
}

fn field_list(def: &StructDef) -> String {
    if def.fields.is_empty() {
        return "this struct has no fields".into();
    }
    let names: Vec<&str> = def.fields.iter().map(|f| f.name.as_str()).collect();
    format!("its fields are {}", names.join(", "))
}
