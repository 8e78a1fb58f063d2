//! One module per route.

pub mod compare;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod playground;
pub mod quiz;
pub mod studio;
