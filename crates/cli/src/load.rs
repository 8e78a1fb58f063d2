//! Finds the program a `run` or `explore` command is about: a block in a lesson, or a bare
//! program file whose dialect comes from its extension.

use std::path::Path;

use lesson::{parse_lesson, Dialect, Program, ScheduleSpec};

/// A program ready to compile, with what is needed to report errors against its file.
pub struct Loaded {
    /// The file as given on the command line.
    pub file_name: String,
    /// The whole file.
    pub text: String,
    /// The program block (synthesised for a bare program file).
    pub program: Program,
}

/// Reads `path` and picks out the program.
pub fn load(path: &Path, id: Option<&str>) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file_name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if ext == "md" {
        let parsed = parse_lesson(&file_name, &text);
        if parsed.has_errors() {
            crate::report::emit(&file_name, &text, &parsed.diagnostics);
            return Err(format!(
                "{file_name} has errors; fix them first (see `switchboard check`)"
            ));
        }
        let ids: Vec<&str> = parsed.lesson.programs().map(|p| p.id.as_str()).collect();
        let Some(id) = id else {
            return Err(format!(
                "say which program with --program; {file_name} has: {}",
                ids.join(", ")
            ));
        };
        let program = parsed.lesson.program(id).cloned().ok_or_else(|| {
            format!(
                "{file_name} has no program `{id}`; it has: {}",
                ids.join(", ")
            )
        })?;
        return Ok(Loaded {
            file_name,
            text,
            program,
        });
    }
    let dialect = Dialect::from_extension(ext).ok_or_else(|| {
        format!("{file_name}: expected a lesson (.md) or a program (.py, .erl, .go)")
    })?;
    if id.is_some() {
        return Err("--program only applies to lesson files".to_string());
    }
    let program = Program {
        id: path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("program")
            .to_string(),
        id_span: 0..0,
        title: None,
        dialect,
        source: text.clone(),
        schedule: ScheduleSpec::RoundRobin,
        network: false,
        expand: false,
        mailbox: None,
        expect: Default::default(),
        entry: None,
        source_line: 1,
        source_offset: 0,
        source_indent: 0,
        span: 0..text.len(),
        info_span: 0..0,
    };
    Ok(Loaded {
        file_name,
        text,
        program,
    })
}

/// Compiles the loaded program, printing dialect errors against the file.
pub fn compile(loaded: &Loaded) -> Result<sim::ir::Program, String> {
    lesson::check::compile_program(&loaded.file_name, &loaded.text, &loaded.program).map_err(
        |errors| {
            crate::report::emit(&loaded.file_name, &loaded.text, &errors);
            format!("`{}` does not compile", loaded.program.id)
        },
    )
}
