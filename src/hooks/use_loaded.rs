//! `use_loaded`: what an async load gives, in a signal — `None` while loading. Loads again
//! whenever what `source` reads changes (a version counter, say). Lighter than a resource: the
//! screens only need the value once it is there.

use leptos::prelude::*;
use std::future::Future;

pub fn use_loaded<T, F>(source: impl Fn() -> F + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    F: Future<Output = T> + 'static,
{
    let (value, set) = signal(None::<T>);
    Effect::new(move |_| {
        let load = source();
        leptos::task::spawn_local(async move {
            let v = load.await;
            set.try_set(Some(v));
        });
    });
    value
}
