fn main() {
    yew::Renderer::<manyi::App>::new().render();
}
