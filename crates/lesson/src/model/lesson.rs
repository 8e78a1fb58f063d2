//! A lesson: its metadata and its body, split into sections of blocks.

use std::ops::Range;

use serde::Serialize;

use super::glossary::{Glossary, GlossaryEntry};
use super::program::Program;
use super::quiz::{Question, Quiz};

/// One lesson file, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Lesson {
    /// The file name the lesson was parsed under (used in diagnostics).
    pub file: String,
    /// The front matter.
    pub meta: LessonMeta,
    /// The body, in file order. Text before the first `##` heading is a section without one.
    pub sections: Vec<Section>,
}

/// The TOML front matter between the `+++` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LessonMeta {
    /// Stable id used in URLs and saved progress, such as `shared-memory`.
    pub id: String,
    /// Title shown on the course path and the lesson page.
    pub title: String,
    /// Position in the course; lessons are listed by ascending order.
    pub order: u32,
    /// Who the lesson is for.
    pub level: Level,
    /// One or two sentences for the course path.
    pub summary: String,
    /// Estimated minutes to work through the lesson.
    pub minutes: u32,
}

/// The level a lesson is written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// New to concurrency; the bundled course is written at this level.
    #[default]
    Junior,
    /// Knows threads and locks; ready for trade-offs.
    Middle,
    /// Designs systems; cares about failure and distribution.
    Senior,
}

impl Level {
    /// Every level with its front-matter spelling.
    pub const ALL: [(&'static str, Level); 3] = [
        ("junior", Level::Junior),
        ("middle", Level::Middle),
        ("senior", Level::Senior),
    ];

    /// The front-matter spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Middle => "middle",
            Level::Senior => "senior",
        }
    }
}

/// A part of the lesson under one `##` heading.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Section {
    /// The heading text, or `None` for the part before the first heading.
    pub heading: Option<String>,
    /// A URL fragment for links back to this section ("the-lock-fix"); unique in the lesson.
    pub anchor: String,
    /// The blocks in file order.
    pub blocks: Vec<Block>,
    /// Bytes of the lesson file this section covers.
    pub span: Range<usize>,
}

/// One piece of a section.
// A lesson holds a few dozen blocks, parsed once: boxing programs would save nothing worth
// the indirection at every use.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Markdown text for the app to render.
    Prose(Prose),
    /// A runnable program panel.
    Program(Program),
    /// Several programs side by side under one control bar.
    Compare(Compare),
    /// Questions answered in place.
    Quiz(Quiz),
    /// Terms and definitions (also used as tooltips across the course).
    Glossary(Glossary),
}

/// Markdown prose, kept as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Prose {
    /// The Markdown source, trimmed of surrounding blank lines.
    pub markdown: String,
    /// Where it is in the lesson file.
    pub span: Range<usize>,
}

/// A `compare` block: two to four programs driven together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Compare {
    /// Caption above the panels.
    pub title: Option<String>,
    /// The programs, left to right.
    pub programs: Vec<ProgramRef>,
    /// Where the block is in the lesson file.
    pub span: Range<usize>,
}

/// A program id named by a compare block or a question, with where it was named.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ProgramRef {
    /// The program's `id`.
    pub id: String,
    /// Where the id is written.
    pub span: Range<usize>,
}

impl Lesson {
    /// Every block in file order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|s| s.blocks.iter())
    }

    /// Every program block in file order.
    pub fn programs(&self) -> impl Iterator<Item = &Program> {
        self.blocks().filter_map(|b| match b {
            Block::Program(p) => Some(p),
            _ => None,
        })
    }

    /// The program with this id.
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs().find(|p| p.id == id)
    }

    /// Every compare block in file order.
    pub fn compares(&self) -> impl Iterator<Item = &Compare> {
        self.blocks().filter_map(|b| match b {
            Block::Compare(c) => Some(c),
            _ => None,
        })
    }

    /// Every quiz block in file order.
    pub fn quizzes(&self) -> impl Iterator<Item = &Quiz> {
        self.blocks().filter_map(|b| match b {
            Block::Quiz(q) => Some(q),
            _ => None,
        })
    }

    /// Every question with the anchor of the section it sits in (for "back to the lesson").
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections.iter().flat_map(|section| {
            section
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Quiz(q) => Some(q),
                    _ => None,
                })
                .flat_map(move |q| q.questions.iter().map(move |question| (section, question)))
        })
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// Every glossary entry this lesson defines.
    pub fn glossary(&self) -> impl Iterator<Item = &GlossaryEntry> {
        self.blocks().flat_map(|b| match b {
            Block::Glossary(g) => g.entries.iter(),
            _ => [].iter(),
        })
    }
}
