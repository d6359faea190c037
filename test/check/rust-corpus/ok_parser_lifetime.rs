// ok_parser_lifetime.rs
// What: a `struct Parser<'a> { input: &'a str, pos: usize }` that hands out
//   &'a str tokens borrowed from the input String; the tokens are stored in
//   a Vec<&str> and a `struct Pair<'a>` and used after the parser is
//   dropped, while the String is still alive.
// Written from: "a struct holding a reference with a lifetime (struct
//   Parser<'a> { input: &'a str }); returned slices outlive the parser but
//   not the input".
// Shape: everyday safe Rust (lifetime elision and explicit 'a).
// Correct: every &str points into `text`, which outlives all of them.
//   No EXPECT lines.
struct Parser<'a> {
    input: &'a str,
    pos: usize,
}

struct Pair<'a> {
    key: &'a str,
    value: &'a str,
}

impl<'a> Parser<'a> {
    fn new(input: &'a str) -> Self {
        Parser { input, pos: 0 }
    }
    fn skip_spaces(&mut self) {
        while self.input[self.pos..].starts_with(' ') {
            self.pos += 1;
        }
    }
    fn word(&mut self) -> Option<&'a str> {
        self.skip_spaces();
        let rest = &self.input[self.pos..];
        let end = rest.find(|c: char| c == ' ' || c == '=').unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        self.pos += end;
        Some(&rest[..end])
    }
    fn pair(&mut self) -> Option<Pair<'a>> {
        let key = self.word()?;
        if !self.input[self.pos..].starts_with('=') {
            return None;
        }
        self.pos += 1;
        let value = self.word()?;
        Some(Pair { key, value })
    }
}

fn main() {
    let text = String::from("name=scope  level=3 mode=check tail");
    let mut pairs: Vec<Pair> = Vec::new();
    let leftover: Option<&str>;
    {
        let mut p = Parser::new(&text);
        while let Some(pair) = p.pair() {
            pairs.push(pair);
        }
        leftover = p.word();
    }
    let keys: Vec<&str> = pairs.iter().map(|p| p.key).collect();
    let longest = pairs.iter().map(|p| p.value).max_by_key(|v| v.len()).unwrap();
    println!("{:?} {} {:?} {}", keys, longest, leftover, text.len());
}
