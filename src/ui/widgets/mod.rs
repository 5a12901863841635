//! Reusable pieces shared by pages.

pub mod action_plan;
pub mod block_editor;
pub mod checked_input;
pub mod collab_text;
pub mod comment_thread;
pub mod context_links;
pub mod file_import;
pub mod focus_on_navigate;
pub mod idea_board;
pub mod link_receiver;
pub mod nav;
pub mod notice_toast;
pub mod owner_settings;
pub mod page_publisher;
pub mod people_panel;
pub mod poll_section;
pub mod qr_code;
pub mod share_panel;
pub mod storage_banner;
pub mod task_editor;
pub mod task_row;
pub mod time_zone_field;
pub mod update_banner;
pub mod week_grid;
