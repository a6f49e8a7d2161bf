fn main() {
    // The static first view (index.html) stays until the app's first page is ready: the page's
    // heading replaces it (src/components/page.rs).
    readiness_portal::mount();
}
