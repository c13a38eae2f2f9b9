//! Handtekening: a signature pad on a canvas with pointer events.
//!
//! `touch-action: none` (in CSS) keeps a stroke from scrolling the page. The backing store is
//! scaled for devicePixelRatio. Strokes are kept as vectors in normalised integer coordinates
//! (0..=10000 of the pad's width and height; the pad has a fixed aspect ratio), so a rotation or
//! resize redraws them exactly. Clear and undo; an empty pad is not a signature (the core says so).

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

pub type Strokes = Vec<Vec<[u16; 2]>>;

thread_local! {
    /// A stroke is being drawn on some pad: the app does not lock mid-stroke.
    static DRAWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether someone is drawing a signature right now.
pub fn stroke_in_progress() -> bool {
    DRAWING.with(|d| d.get())
}

/// Full scale of a normalised coordinate.
pub const SCALE: f64 = 10_000.0;

/// A pointer position as normalised pad coordinates.
pub fn normalise(x: f64, y: f64, width: f64, height: f64) -> [u16; 2] {
    let n = |v: f64, size: f64| {
        if size <= 0.0 || !v.is_finite() {
            0
        } else {
            (v / size * SCALE).round().clamp(0.0, SCALE) as u16
        }
    };
    [n(x, width), n(y, height)]
}

fn context(c: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    c.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Sizes the backing store to the element × devicePixelRatio and draws all strokes.
pub fn redraw(c: &HtmlCanvasElement, strokes: &[Vec<[u16; 2]>]) {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let (w, h) = (f64::from(c.client_width()), f64::from(c.client_height()));
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if c.width() != pw {
        c.set_width(pw);
    }
    if c.height() != ph {
        c.set_height(ph);
    }
    let Some(ctx) = context(c) else { return };
    let (pw, ph) = (f64::from(pw), f64::from(ph));
    ctx.clear_rect(0.0, 0.0, pw, ph);
    ctx.set_line_width(2.5 * dpr);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.set_stroke_style_str("#111");
    ctx.set_fill_style_str("#111");
    let at = |p: &[u16; 2]| (f64::from(p[0]) / SCALE * pw, f64::from(p[1]) / SCALE * ph);
    for stroke in strokes {
        match stroke.as_slice() {
            [] => {}
            [one] => {
                let (x, y) = at(one);
                ctx.begin_path();
                let _ = ctx.arc(x, y, 1.5 * dpr, 0.0, std::f64::consts::TAU);
                ctx.fill();
            }
            [first, rest @ ..] => {
                ctx.begin_path();
                let (x, y) = at(first);
                ctx.move_to(x, y);
                for p in rest {
                    let (x, y) = at(p);
                    ctx.line_to(x, y);
                }
                ctx.stroke();
            }
        }
    }
}

/// The pad. `strokes` is the stored signature; `set` receives every finished change.
#[component]
pub fn Handtekening(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    strokes: Signal<Strokes>,
    #[prop(into)] set: Callback<Strokes>,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    // The stroke being drawn, and the pointer drawing it.
    let current = StoredValue::new(Vec::<[u16; 2]>::new());
    let pointer = StoredValue::new(None::<i32>);

    let draw_all = move || {
        if let Some(c) = canvas.get_untracked() {
            let mut all = strokes.get_untracked();
            let cur = current.get_value();
            if !cur.is_empty() {
                all.push(cur);
            }
            redraw(&c, &all);
        }
    };

    // Redraw whenever the stored strokes change (undo, clear, a loaded draft).
    Effect::new(move |_| {
        strokes.track();
        if canvas.get().is_some() {
            draw_all();
        }
    });

    // Redraw exactly after any resize or rotation.
    Effect::new(move |_| {
        let Some(c) = canvas.get() else { return };
        let cb = Closure::<dyn FnMut()>::new(draw_all);
        if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            obs.observe(&c);
            let keep = SendWrapper::new((obs, cb));
            on_cleanup(move || {
                let (obs, _cb) = keep.take();
                obs.disconnect();
            });
        }
    });

    let point = move |ev: &PointerEvent| -> Option<[u16; 2]> {
        let c = canvas.get_untracked()?;
        let r = c.get_bounding_client_rect();
        Some(normalise(
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
            r.width(),
            r.height(),
        ))
    };

    let down = move |ev: PointerEvent| {
        if !ev.is_primary() || pointer.get_value().is_some() {
            return;
        }
        ev.prevent_default();
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
        pointer.set_value(Some(ev.pointer_id()));
        DRAWING.with(|d| d.set(true));
        current.set_value(point(&ev).into_iter().collect());
        draw_all();
    };
    let move_ = move |ev: PointerEvent| {
        if pointer.get_value() != Some(ev.pointer_id()) {
            return;
        }
        ev.prevent_default();
        if let Some(p) = point(&ev) {
            current.update_value(|s| {
                if s.last() != Some(&p) {
                    s.push(p);
                }
            });
            draw_all();
        }
    };
    let up = move |ev: PointerEvent| {
        if pointer.get_value() != Some(ev.pointer_id()) {
            return;
        }
        pointer.set_value(None);
        DRAWING.with(|d| d.set(false));
        let stroke = current.get_value();
        current.set_value(Vec::new());
        if !stroke.is_empty() {
            let mut all = strokes.get_untracked();
            all.push(stroke);
            set.run(all);
        }
    };

    let empty = move || strokes.with(|s| s.is_empty());
    view! {
        <div class="kt-pad">
            <canvas
                id=id.clone()
                class="kt-pad-canvas"
                node_ref=canvas
                role="img"
                aria-label=format!("Tekenvak: {label}")
                data-strokes=move || strokes.with(|s| s.len()).to_string()
                on:pointerdown=down
                on:pointermove=move_
                on:pointerup=up
                on:pointercancel=up
                on:lostpointercapture=up
            ></canvas>
            <div class="kt-pad-knoppen">
                <button type="button" class="kt-knop kt-knop--klein" disabled=empty
                    on:click=move |_| {
                        let mut s = strokes.get_untracked();
                        s.pop();
                        set.run(s);
                    }>"Laatste lijn ongedaan maken"</button>
                <button type="button" class="kt-knop kt-knop--klein" disabled=empty
                    on:click=move |_| set.run(Vec::new())>"Wissen"</button>
            </div>
        </div>
    }
}
