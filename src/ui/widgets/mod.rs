//! Reusable pieces shared by pages.

pub mod add_form;
pub mod bar_chart;
pub mod booked_calls;
pub mod checked_input;
pub mod dashboard_view;
pub mod deadline_outcome;
pub mod field;
pub mod file_import;
pub mod focus_on_navigate;
pub mod form_responses;
pub mod framework_steps;
pub mod freed_log;
pub mod intake_forms;
pub mod keyed_list;
pub mod link_receiver;
pub mod live_sync_settings;
pub mod made_link;
pub mod nav;
pub mod notice_toast;
pub mod page_publisher;
pub mod publish_card;
pub mod remind_me;
pub mod storage_banner;
pub mod storage_use;
pub mod task_editor;
pub mod task_row;
pub mod time_zone_field;
pub mod update_banner;

pub mod board;
pub mod discussion;
pub mod feedback;
pub mod meeting;
pub mod shared;
pub mod sop;
pub mod week;
