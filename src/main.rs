//! The browser entry point: a panic hook and the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    unhurried::web::zones::install();
    wasm_bindgen_futures::spawn_local(async {
        unhurried::workspace::open_storage().await;
        leptos::mount::mount_to_body(unhurried::ui::app::App);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Unhurried runs in the browser: use scripts/run to build and serve it.");
}
