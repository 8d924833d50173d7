//! One file per route.

pub mod accept;
pub mod feed;
pub mod group;
pub mod groups;
pub mod login;
pub mod not_found;
pub mod people;
pub mod post;
pub mod settings;
