//! How a screen reads and changes the record it edits: `Edits`, and from it the (getter,
//! setter) pairs the field components take (`bind!` for a field, `bind_part` for a field of a
//! part that may be absent).

use leptos::prelude::*;

/// A record being edited on a screen — read reactively, changed only through the core's
/// normalisation, and never once signed.
pub trait Edits<R: 'static>: Copy + Send + Sync + 'static {
    /// Reads the record (tracked).
    fn read<T: Default>(&self, f: impl FnOnce(&R) -> T) -> T;

    /// Applies a change and then the core's derived-field transitions. Nothing happens once
    /// the record is signed.
    fn edit(&self, f: impl FnOnce(&mut R));

    /// A (getter, setter) pair for one field of a part of the record that may be absent — a
    /// list element by index, a category by its key. Reading an absent part gives the default;
    /// writing to it does nothing (the part was removed meanwhile).
    fn bind_part<K, P, V>(
        &self,
        key: K,
        find: fn(&R, K) -> Option<&P>,
        find_mut: fn(&mut R, K) -> Option<&mut P>,
        get: fn(&P) -> V,
        set: fn(&mut P, V),
    ) -> (Signal<V>, Callback<V>)
    where
        K: Copy + Send + Sync + 'static,
        P: 'static,
        V: Clone + Default + Send + Sync + 'static,
    {
        let this = *self;
        (
            Signal::derive(move || this.read(|r| find(r, key).map(get).unwrap_or_default())),
            Callback::new(move |v: V| {
                this.edit(|r| {
                    if let Some(p) = find_mut(r, key) {
                        set(p, v);
                    }
                })
            }),
        )
    }
}

/// A field of a record being edited (`Edits`) as a (getter signal, setter callback) pair for
/// the field components: `let (get, set) = bind!(form, |r| r.client.name);`.
#[macro_export]
macro_rules! bind {
    ($ed:ident, |$r:ident| $($field:tt)+) => {
        (
            ::leptos::prelude::Signal::derive(move || $crate::editor::Edits::read(&$ed, |$r| $($field)+.clone())),
            ::leptos::prelude::Callback::new(move |v| $crate::editor::Edits::edit(&$ed, |$r| $($field)+ = v)),
        )
    };
}

/// A field of a part of a record that may be absent (`Edits::bind_part`), as a (getter, setter)
/// pair: `let (get, set) = bind_part!(form, i, signer, signer_mut, |s| s.name);`.
#[macro_export]
macro_rules! bind_part {
    ($ed:ident, $key:expr, $find:expr, $find_mut:expr, |$p:ident| $($field:tt)+) => {
        $crate::editor::Edits::bind_part(
            &$ed,
            $key,
            $find,
            $find_mut,
            |$p| $($field)+.clone(),
            |$p, v| $($field)+ = v,
        )
    };
}
