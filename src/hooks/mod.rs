//! Hooks, one per file (the shape of leptos-use: `use_x(...)` returns a `UseXReturn` and
//! installs its own effects and listeners).

pub mod use_autosave;
pub mod use_idle;
pub mod use_loaded;
pub mod use_outbox;
pub mod use_profile;
pub mod use_signing;
pub mod use_vault;
