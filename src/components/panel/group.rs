//! Several programs under one control bar and one scheduler policy.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::session::Policy;

use super::controls::Controls;
use super::driver::Driver;
use super::{PanelProgram, PanelView, StartError};

/// Panels side by side, all driven by one [`Driver`].
#[component]
pub fn PanelGroup(
    /// The programs, in display order.
    programs: Vec<PanelProgram>,
    /// The policy every panel starts with.
    policy: Policy,
    /// A label for the group.
    label: String,
) -> impl IntoView {
    let mut sessions = Vec::new();
    let mut panels = Vec::new();
    for program in programs {
        match program.session_from_url(&group_key(&program.id), policy) {
            Ok(session) => {
                sessions.push(session);
                panels.push((program, Some(session), None));
            }
            Err(e) => panels.push((program, None, Some(e))),
        }
    }
    let driver = Driver::new(sessions);
    on_cleanup(move || driver.stop());
    let on_key = move |ev: KeyboardEvent| {
        if driver.key(&ev.key()) {
            ev.prevent_default();
        }
    };
    view! {
        <div class="panel-group" tabindex="0" on:keydown=on_key
            aria-label=format!("{label}: space plays, arrow keys step")>
            <Controls driver=driver/>
            <div class="panel-grid">
                {panels
                    .into_iter()
                    .map(|(program, session, error)| match session {
                        Some(session) => {
                            let key = group_key(&program.id);
                            view! { <PanelView program=program session=session driver=driver url_key=key/> }.into_any()
                        }
                        None => view! { <StartError title=program.title error=error.unwrap_or_default()/> }.into_any(),
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// A group's panels keep their URL state apart from single panels of the same program.
fn group_key(id: &str) -> String {
    format!("cmp.{id}")
}
