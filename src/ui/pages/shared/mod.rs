//! The pages of shared documents: the list of them, the route that picks a page or a
//! document, the frame every written-by-all document shares, and one body per kind
//! (`discussion`, `meeting`, `board`, `sop`, `feedback`), which never import each other.

pub mod board;
pub mod discussion;
pub mod feedback;
pub mod frame;
pub mod list;
pub mod meeting;
pub mod route;
pub mod sop;
