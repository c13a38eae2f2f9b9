//! Component tests in headless Chromium (wasm-bindgen-test): the signature pad turns pointer
//! strokes into normalised vectors and redraws them exactly after a resize; the first step of
//! the form writes what is typed into the record and shows the core's findings.
#![cfg(target_arch = "wasm32")]

use keukentafel_app::components::formulier::gesprek::Gesprek;
use keukentafel_app::components::widgets::handtekening::{Handtekening, Strokes};
use keukentafel_app::editor::{Editor, Form};
use keukentafel_app::storage::Stored;
use keukentafel_core::{ConsentRecord, Profile, RecordId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement, HtmlInputElement, PointerEvent, PointerEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The app's real stylesheet (pad size, aspect ratio, touch-action), once per page.
fn styles() {
    let doc = document();
    if doc.get_element_by_id("kt-css").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("kt-css");
        style.set_text_content(Some(include_str!("../style/main.css")));
        doc.head().unwrap().append_child(&style).unwrap();
    }
}

/// A fresh container of the given CSS width in the page.
fn container(width_px: u32) -> HtmlElement {
    styles();
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.style()
        .set_property("width", &format!("{width_px}px"))
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn frames(n: u32) {
    for _ in 0..n {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
    leptos::task::tick().await;
}

fn pointer(kind: &str, canvas: &HtmlCanvasElement, fx: f64, fy: f64) {
    let r = canvas.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_pointer_id(7);
    init.set_is_primary(true);
    init.set_pointer_type("touch");
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x((r.left() + fx * r.width()).round() as i32);
    init.set_client_y((r.top() + fy * r.height()).round() as i32);
    let ev = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    canvas.dispatch_event(&ev).unwrap();
}

fn mount_pad(width: u32) -> (HtmlElement, RwSignal<Strokes>) {
    let host = container(width);
    let strokes = RwSignal::new(Strokes::new());
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <Handtekening id="pad" label="test" strokes=strokes.into() set=move |s| strokes.set(s) /> }
    });
    handle.forget();
    (host, strokes)
}

fn canvas_in(host: &HtmlElement) -> HtmlCanvasElement {
    host.query_selector("canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// Whether the pixel at fractional position (fx, fy) of the backing store has ink.
fn ink_at(c: &HtmlCanvasElement, fx: f64, fy: f64) -> bool {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (f64::from(c.width()), f64::from(c.height()));
    let data = ctx
        .get_image_data((fx * w).round() - 2.0, (fy * h).round() - 2.0, 5.0, 5.0)
        .unwrap()
        .data();
    data.chunks(4).any(|px| px[3] > 0)
}

#[wasm_bindgen_test]
async fn pointer_strokes_become_normalised_vectors() {
    let (host, strokes) = mount_pad(600);
    frames(2).await;
    let c = canvas_in(&host);
    pointer("pointerdown", &c, 0.25, 0.5);
    pointer("pointermove", &c, 0.5, 0.25);
    pointer("pointermove", &c, 0.75, 0.75);
    pointer("pointerup", &c, 0.75, 0.75);
    leptos::task::tick().await;
    let s = strokes.get_untracked();
    assert_eq!(s.len(), 1, "one stroke");
    let pts = &s[0];
    assert_eq!(pts.len(), 3);
    // Integer pixel positions: allow the rounding of one CSS pixel (10000/600 ≈ 17).
    let near = |p: [u16; 2], x: u16, y: u16| p[0].abs_diff(x) <= 40 && p[1].abs_diff(y) <= 60;
    assert!(near(pts[0], 2500, 5000), "{:?}", pts[0]);
    assert!(near(pts[1], 5000, 2500), "{:?}", pts[1]);
    assert!(near(pts[2], 7500, 7500), "{:?}", pts[2]);
    assert_eq!(c.get_attribute("data-strokes").as_deref(), Some("1"));
    let touch_action = web_sys::window()
        .unwrap()
        .get_computed_style(&c)
        .unwrap()
        .unwrap()
        .get_property_value("touch-action")
        .unwrap();
    assert_eq!(touch_action, "none", "a stroke must never scroll the page");

    // A second stroke, then undo and clear through the buttons.
    pointer("pointerdown", &c, 0.1, 0.1);
    pointer("pointermove", &c, 0.2, 0.2);
    pointer("pointerup", &c, 0.2, 0.2);
    leptos::task::tick().await;
    assert_eq!(strokes.get_untracked().len(), 2);
    let buttons = host.query_selector_all("button").unwrap();
    let undo: HtmlElement = buttons.get(0).unwrap().dyn_into().unwrap();
    undo.click();
    leptos::task::tick().await;
    assert_eq!(strokes.get_untracked().len(), 1);
    let clear: HtmlElement = buttons.get(1).unwrap().dyn_into().unwrap();
    clear.click();
    leptos::task::tick().await;
    assert!(strokes.get_untracked().is_empty());
    host.remove();
}

#[wasm_bindgen_test]
async fn strokes_redraw_exactly_after_a_resize() {
    let (host, strokes) = mount_pad(600);
    frames(2).await;
    // A horizontal line through the middle, from 20 % to 80 %.
    strokes.set(vec![vec![[2000, 5000], [8000, 5000]]]);
    frames(2).await;
    let c = canvas_in(&host);
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let backing = |c: &HtmlCanvasElement| {
        (
            (f64::from(c.client_width()) * dpr).round() as u32,
            (f64::from(c.client_height()) * dpr).round() as u32,
        )
    };
    let wide = c.client_width();
    assert!(wide > 550, "pad fills its container ({wide}px)");
    assert_eq!(
        (c.width(), c.height()),
        backing(&c),
        "backing store scaled for devicePixelRatio"
    );
    assert!(ink_at(&c, 0.5, 0.5));
    assert!(!ink_at(&c, 0.5, 0.2));

    // Rotate the tablet: the pad becomes narrower; the line must be redrawn at the same
    // relative place, at the new backing-store size.
    host.style().set_property("width", "300px").unwrap();
    frames(4).await;
    assert!(
        c.client_width() < wide / 2 + 10,
        "narrower now ({}px)",
        c.client_width()
    );
    assert_eq!(
        (c.width(), c.height()),
        backing(&c),
        "backing store follows the new size"
    );
    assert!(
        (c.client_width() - 3 * c.client_height()).abs() <= 8,
        "aspect ratio 3:1 kept"
    );
    assert!(ink_at(&c, 0.5, 0.5), "redrawn after resize");
    assert!(ink_at(&c, 0.25, 0.5));
    assert!(!ink_at(&c, 0.1, 0.5), "nothing outside the stroke");
    assert_eq!(
        strokes.get_untracked(),
        vec![vec![[2000, 5000], [8000, 5000]]],
        "vectors unchanged"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn step_gesprek_writes_the_record_and_shows_findings() {
    let host = container(1000);
    let form = StoredValue::new(None::<Form>);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let mut r = ConsentRecord::new(RecordId::from_random_bytes([5; 16]));
        r.conversation_date = keukentafel_core::Date::new(2026, 11, 20);
        let f: Form = Editor::open(Stored::new(r), false, Profile::landsmeer());
        f.provide();
        form.set_value(Some(f));
        view! { <Gesprek /> }
    });
    handle.forget();
    leptos::task::tick().await;
    let f = form.get_value().unwrap();

    // The core asks for a birth date and a support domain.
    let text = host.text_content().unwrap_or_default();
    assert!(
        text.contains("Vul de geboortedatum van de cliënt in"),
        "{text}"
    );
    assert!(text.contains("art. 5"));

    let name: HtmlInputElement = host
        .query_selector("#veld-client-name")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    name.set_value("Noor Bakker");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let birth: HtmlInputElement = host
        .query_selector("#veld-client-birthDate")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    birth.set_value("2016-05-01");
    birth
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let youth: HtmlElement = host
        .query_selector("label[for=domein-jeugd]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    youth.click();
    leptos::task::tick().await;

    let r = f.record.get_untracked();
    assert_eq!(r.client.name, "Noor Bakker");
    assert_eq!(r.client.birth_date, keukentafel_core::Date::new(2016, 5, 1));
    assert_eq!(
        r.help_question.domains,
        vec![keukentafel_core::SupportDomain::Youth]
    );
    assert_eq!(
        r.representation.age_band,
        Some(keukentafel_core::AgeBand::Under12),
        "derived by the core"
    );
    let text = host.text_content().unwrap_or_default();
    assert!(!text.contains("Vul de geboortedatum van de cliënt in"));
    assert!(!text.contains("Kies ten minste één ondersteuningsdomein"));
    assert_eq!(
        birth.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    host.remove();
}

/// The browser bundle reads records with the core's own reader: a refused record names the
/// field, in Dutch, as natively.
#[wasm_bindgen_test]
fn refused_records_name_the_field_in_the_browser_build() {
    let text = include_str!("../examples/records/malformed-impossible-date.json");
    let e = keukentafel_core::parse::parse_document(text).unwrap_err();
    assert_eq!(e.path, "client.birthDate", "{e}");
    assert!(e.message.contains("februari"), "{e}");
    let text = include_str!("../examples/records/valid-under-12.json").replacen(
        "\"relationship\": \"parentWithAuthority\"",
        "\"relationship\": \"oom\"",
        1,
    );
    let e = keukentafel_core::parse::parse_document(&text).unwrap_err();
    assert_eq!(e.path, "assent.givenBy[0].relationship", "{e}");
    assert!(e.message.contains("onbekende waarde ‘oom’"), "{e}");
}

/// JSON numbers as the bundle reads them, without Rust's float parser (the core's `floats`
/// feature is off here, as in the app): a number a double holds is read, one beyond it is
/// refused in Dutch, and a fraction comes out within rounding of what the browser makes of it.
#[wasm_bindgen_test]
fn numbers_without_the_float_parser() {
    use keukentafel_core::json::{self, Value};
    assert!(json::parse("1.7976931348623157e308").is_ok());
    let refused = json::parse("[1, 1.8e308]").unwrap_err().to_string();
    assert!(refused.contains("te groot"), "{refused}");
    let Value::Array(items) = json::parse("[-0.0250e3, 12, 1.5, 6.02214076e23]").unwrap() else {
        panic!("an array")
    };
    let read: Vec<f64> = items
        .iter()
        .map(|v| match v {
            Value::Number(n) => n.as_f64(),
            other => panic!("a number, not {other:?}"),
        })
        .collect();
    let browser = [
        -25.0,
        12.0,
        1.5,
        js_sys::Number::parse_float("6.02214076e23"),
    ];
    for (r, b) in read.iter().zip(browser) {
        assert!((r - b).abs() <= b.abs() * 1e-15, "{r} vs {b}");
    }
}
