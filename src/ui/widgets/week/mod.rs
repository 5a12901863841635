//! The week's pieces: the grid and the block editor.

pub mod block_editor;
pub mod week_grid;
