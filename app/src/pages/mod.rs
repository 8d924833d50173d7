//! One file per route.

pub mod accept;
pub mod feed;
pub mod group;
pub mod groups;
pub mod ideas;
pub mod login;
pub mod map;
pub mod moderation;
pub mod not_found;
pub mod notifications;
pub mod password;
pub mod people;
pub mod post;
pub mod round_tables;
pub mod search;
pub mod settings;
pub mod tag;
