// Runs at build time: never instrumented.
fn main() {
    let answer = 42;
    let r = &answer;
    println!("cargo:rustc-env=BUILD_ANSWER={}", r);
}
