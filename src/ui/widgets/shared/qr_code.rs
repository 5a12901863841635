//! A QR code of a link, drawn as one SVG path (no HTML from text anywhere).

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write as _;

/// The longest link a QR code holds at the lowest error correction (version 40, bytes).
pub const QR_MAX_CHARS: usize = 2_953;

/// The path of the dark modules, and the side length with a quiet zone of 4.
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = qr.size();
    let mut d = String::with_capacity((size * size) as usize * 4);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    Some((d, size + 8))
}

#[component]
pub fn QrCodeView(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    match qr_path(&text) {
        Some((d, side)) => view! {
            <svg class="qr" viewBox=format!("0 0 {side} {side}") role="img" aria-label=label shape-rendering="crispEdges">
                <rect width=side height=side fill="#fff"/>
                <path d=d fill="#000"/>
            </svg>
        }.into_any(),
        None => view! { <p class="hint">"This link is too long for a QR code."</p> }.into_any(),
    }
}
