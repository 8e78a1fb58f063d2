//! The "what can I write" panel, read from the lesson format's own tables
//! (`lesson::format`), so it lists exactly what the parser accepts.

use lesson::format::{
    BLOCK_KINDS, CHALLENGE_GOALS, PROGRAM_ATTRIBUTES, QUESTION_FIELDS, QUESTION_TYPES,
};
use lesson::Level;

/// One group of the panel: a heading, a one-line note and the words it allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// What the words are.
    pub title: &'static str,
    /// Where they go.
    pub note: &'static str,
    /// The words, as the file spells them.
    pub words: Vec<&'static str>,
}

/// Every group of the panel, in the order a lesson uses them.
pub fn groups() -> Vec<Group> {
    vec![
        Group {
            title: "Front matter levels",
            note: "level = \"…\" between the +++ lines",
            words: Level::ALL.iter().map(|(name, _)| *name).collect(),
        },
        Group {
            title: "Block kinds",
            note: "the word after ``` on a fence",
            words: BLOCK_KINDS.to_vec(),
        },
        Group {
            title: "Program attributes",
            note: "```sim python|erlang|go then name=value",
            words: PROGRAM_ATTRIBUTES.to_vec(),
        },
        Group {
            title: "Question types",
            note: "type = \"…\" in a [[questions]] entry",
            words: QUESTION_TYPES.to_vec(),
        },
        Group {
            title: "Fields of every question",
            note: "keys in each [[questions]] entry",
            words: QUESTION_FIELDS.to_vec(),
        },
        Group {
            title: "Challenge goals",
            note: "goal = \"…\" in a ScheduleChallenge",
            words: CHALLENGE_GOALS.to_vec(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_lists_the_format_s_block_kinds_and_no_group_is_empty() {
        let kinds = &groups()[1];
        assert_eq!(kinds.title, "Block kinds");
        assert!(kinds.words.contains(&"sim") && kinds.words.contains(&"quiz"));
        for group in groups() {
            assert!(!group.words.is_empty(), "{} is empty", group.title);
        }
    }

    #[test]
    fn every_question_type_listed_is_accepted_and_others_are_not() {
        for ty in groups()[3].words.iter().chain(["NoSuchType"].iter()) {
            let text = format!(
                "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nlevel = \"junior\"\nsummary = \"s\"\nminutes = 1\n+++\n\n```quiz\n[[questions]]\nid = \"q\"\ntype = \"{ty}\"\nprompt = \"p\"\n```\n"
            );
            let unknown = lesson::parse_lesson("x.md", &text)
                .diagnostics
                .iter()
                .any(|d| d.code == "unknown-question-type");
            assert_eq!(unknown, *ty == "NoSuchType", "{ty}");
        }
    }
}
