fn main() {
    keukentafel_app::start();
}
