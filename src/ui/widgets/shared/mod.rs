//! Pieces every shared document uses: comments, the action plan, context links, texts written together, people, the owner's settings, sharing, live sync and the name prompt.

pub mod action_plan;
pub mod collab_text;
pub mod comment_thread;
pub mod context_links;
pub mod live_sync;
pub mod name_prompt;
pub mod owner_settings;
pub mod people_panel;
pub mod qr_code;
pub mod reader_footer;
pub mod share_panel;
pub mod shared_recordings;
pub mod sharing;
