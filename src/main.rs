fn main() {
    readiness_portal::mount();
}
