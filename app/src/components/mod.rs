//! Building blocks shared by pages, one per file.

pub mod ack;
pub mod celebrations;
pub mod comments;
pub mod composer;
pub mod csv_file;
pub mod error_text;
pub mod follow_button;
pub mod group_badges;
pub mod lazy_page;
pub mod nav;
pub mod offline_banner;
pub mod photo_picker;
pub mod post_card;
pub mod post_list;
pub mod post_photos;
pub mod post_states;
pub mod refused_writes;
pub mod report_button;
pub mod require_login;
pub mod save_filter;
pub mod search_box;
pub mod tel;
pub mod time_ago;
pub mod typing_suggestions;
