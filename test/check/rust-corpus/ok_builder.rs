// ok_builder.rs
// What: a request builder whose setters take &mut self and return &mut Self
//   for chaining, used in one chain and in statements on a `let b = &mut
//   builder`; build(&self) borrows it shared; a second consuming builder
//   (self -> Self) is chained by value.
// Written from: "builder patterns returning &mut Self (the std::process::
//   Command style) and by-value builders".
// Shape: everyday safe Rust.
// Correct: every &mut Self returned is a reborrow that ends with the chain.
//   No EXPECT lines.
#[derive(Default)]
struct RequestBuilder {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    retries: u32,
}

impl RequestBuilder {
    fn method(&mut self, m: &str) -> &mut Self {
        self.method = m.to_string();
        self
    }
    fn path(&mut self, p: &str) -> &mut Self {
        self.path = p.to_string();
        self
    }
    fn header(&mut self, k: &str, v: &str) -> &mut Self {
        self.headers.push((k.to_string(), v.to_string()));
        self
    }
    fn retries(&mut self, n: u32) -> &mut Self {
        self.retries = n;
        self
    }
    fn build(&self) -> String {
        let mut s = format!("{} {}", self.method, self.path);
        for (k, v) in &self.headers {
            s.push_str(&format!(" [{}={}]", k, v));
        }
        s + &format!(" x{}", self.retries)
    }
}

struct Config {
    name: String,
    level: u8,
}

impl Config {
    fn new(name: &str) -> Self {
        Config { name: name.to_string(), level: 0 }
    }
    fn level(mut self, l: u8) -> Self {
        self.level = l;
        self
    }
    fn suffix(mut self, s: &str) -> Self {
        self.name.push_str(s);
        self
    }
}

fn main() {
    let mut builder = RequestBuilder::default();
    builder.method("GET").path("/index").header("accept", "text/html");
    let b = &mut builder;
    b.header("x-id", "7");
    b.retries(3).header("x-last", "1");
    let first = builder.build();
    builder.path("/other");
    let second = builder.build();
    let cfg = Config::new("svc").level(2).suffix("-a").suffix("-b");
    println!("{} | {} | {} {}", first, second, cfg.name, cfg.level);
}
