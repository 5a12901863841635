//! Reusable pieces shared by pages.

pub mod checked_input;
pub mod file_import;
pub mod focus_on_navigate;
pub mod nav;
pub mod notice_toast;
pub mod storage_banner;
pub mod task_editor;
pub mod task_row;
pub mod time_zone_field;
pub mod update_banner;
