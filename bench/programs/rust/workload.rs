// A mixed Rust workload for BorrowScope's benchmarks: each iteration writes
// the source of a small program in a toy language (string building), splits
// it into a Vec<Token>, parses it into an AST of Box/Vec nodes (a Parser<'a>
// borrowing the tokens), interprets it with a &mut Env passed down the
// recursion (variables in a HashMap<String, i64>), then turns the program's
// output into records that are sorted with closures, grouped in a HashMap
// of String keys and folded into a checksum. Safe, std-only Rust, as a Rust
// programmer would write it; deterministic.
//   Usage: workload [ITERATIONS]   (default 12000)   Prints a checksum.
use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Num(i64),
    Ident(String),
    Let,
    While,
    If,
    Else,
    Emit,
    Op(char),
    Lt,
    EqEq,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Semi,
    Assign,
}

#[derive(Debug, Clone, Copy)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Lt,
    Eq,
}

#[derive(Debug)]
enum Expr {
    Num(i64),
    Var(String),
    Neg(Box<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

#[derive(Debug)]
enum Stmt {
    Let(String, Expr),
    Assign(String, Expr),
    While(Expr, Vec<Stmt>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    Emit(Expr),
}

fn tokenize(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            tokens.push(Token::Num(src[start..i].parse().unwrap()));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &src[start..i];
            tokens.push(match word {
                "let" => Token::Let,
                "while" => Token::While,
                "if" => Token::If,
                "else" => Token::Else,
                "emit" => Token::Emit,
                _ => Token::Ident(word.to_string()),
            });
        } else {
            let next = bytes.get(i + 1).copied().unwrap_or(0) as char;
            let tok = match (c, next) {
                ('=', '=') => {
                    i += 1;
                    Token::EqEq
                }
                ('=', _) => Token::Assign,
                ('<', _) => Token::Lt,
                ('{', _) => Token::LBrace,
                ('}', _) => Token::RBrace,
                ('(', _) => Token::LParen,
                (')', _) => Token::RParen,
                (',', _) => Token::Comma,
                (';', _) => Token::Semi,
                ('+' | '-' | '*' | '/' | '%', _) => Token::Op(c),
                _ => panic!("unexpected character {:?}", c),
            };
            tokens.push(tok);
            i += 1;
        }
    }
    tokens
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }
    fn next(&mut self) -> &'a Token {
        let t = &self.tokens[self.pos];
        self.pos += 1;
        t
    }
    fn expect(&mut self, want: &Token) {
        let got = self.next();
        assert_eq!(got, want, "at token {}", self.pos);
    }
    fn ident(&mut self) -> String {
        match self.next() {
            Token::Ident(name) => name.clone(),
            other => panic!("expected a name, got {:?}", other),
        }
    }
    fn block(&mut self) -> Vec<Stmt> {
        self.expect(&Token::LBrace);
        let mut body = Vec::new();
        while self.peek() != Some(&Token::RBrace) {
            body.push(self.stmt());
        }
        self.expect(&Token::RBrace);
        body
    }
    fn stmt(&mut self) -> Stmt {
        match self.next() {
            Token::Let => {
                let name = self.ident();
                self.expect(&Token::Assign);
                let e = self.expr();
                self.expect(&Token::Semi);
                Stmt::Let(name, e)
            }
            Token::While => {
                let cond = self.expr();
                Stmt::While(cond, self.block())
            }
            Token::If => {
                let cond = self.expr();
                let then = self.block();
                let otherwise = if self.peek() == Some(&Token::Else) {
                    self.pos += 1;
                    self.block()
                } else {
                    Vec::new()
                };
                Stmt::If(cond, then, otherwise)
            }
            Token::Emit => {
                let e = self.expr();
                self.expect(&Token::Semi);
                Stmt::Emit(e)
            }
            Token::Ident(name) => {
                self.expect(&Token::Assign);
                let e = self.expr();
                self.expect(&Token::Semi);
                Stmt::Assign(name.clone(), e)
            }
            other => panic!("unexpected {:?}", other),
        }
    }
    fn expr(&mut self) -> Expr {
        let lhs = self.sum();
        let op = match self.peek() {
            Some(Token::Lt) => BinOp::Lt,
            Some(Token::EqEq) => BinOp::Eq,
            _ => return lhs,
        };
        self.pos += 1;
        Expr::Bin(op, Box::new(lhs), Box::new(self.sum()))
    }
    fn sum(&mut self) -> Expr {
        let mut lhs = self.product();
        while let Some(Token::Op(c @ ('+' | '-'))) = self.peek() {
            self.pos += 1;
            let op = if *c == '+' { BinOp::Add } else { BinOp::Sub };
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.product()));
        }
        lhs
    }
    fn product(&mut self) -> Expr {
        let mut lhs = self.unary();
        while let Some(Token::Op(c @ ('*' | '/' | '%'))) = self.peek() {
            self.pos += 1;
            let op = match c {
                '*' => BinOp::Mul,
                '/' => BinOp::Div,
                _ => BinOp::Rem,
            };
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.unary()));
        }
        lhs
    }
    fn unary(&mut self) -> Expr {
        match self.next() {
            Token::Op('-') => Expr::Neg(Box::new(self.unary())),
            Token::Num(n) => Expr::Num(*n),
            Token::LParen => {
                let e = self.expr();
                self.expect(&Token::RParen);
                e
            }
            Token::Ident(name) if self.peek() == Some(&Token::LParen) => {
                self.pos += 1;
                let mut args = Vec::new();
                while self.peek() != Some(&Token::RParen) {
                    args.push(self.expr());
                    if self.peek() == Some(&Token::Comma) {
                        self.pos += 1;
                    }
                }
                self.expect(&Token::RParen);
                Expr::Call(name.clone(), args)
            }
            Token::Ident(name) => Expr::Var(name.clone()),
            other => panic!("unexpected {:?} in an expression", other),
        }
    }
}

struct Env {
    vars: HashMap<String, i64>,
    out: Vec<i64>,
    steps: u64,
}

fn eval(e: &Expr, env: &mut Env) -> i64 {
    env.steps += 1;
    match e {
        Expr::Num(n) => *n,
        Expr::Var(name) => *env.vars.get(name).unwrap_or(&0),
        Expr::Neg(inner) => eval(inner, env).wrapping_neg(),
        Expr::Bin(op, l, r) => {
            let a = eval(l, env);
            let b = eval(r, env);
            match op {
                BinOp::Add => a.wrapping_add(b),
                BinOp::Sub => a.wrapping_sub(b),
                BinOp::Mul => a.wrapping_mul(b),
                BinOp::Div => if b == 0 { 0 } else { a.wrapping_div(b) },
                BinOp::Rem => if b == 0 { 0 } else { a.wrapping_rem(b) },
                BinOp::Lt => (a < b) as i64,
                BinOp::Eq => (a == b) as i64,
            }
        }
        Expr::Call(name, args) => {
            let values: Vec<i64> = args.iter().map(|a| eval(a, env)).collect();
            match name.as_str() {
                "min" => values.iter().copied().min().unwrap_or(0),
                "max" => values.iter().copied().max().unwrap_or(0),
                "abs" => values.first().map_or(0, |v| v.wrapping_abs()),
                _ => values.iter().sum(),
            }
        }
    }
}

fn exec(body: &[Stmt], env: &mut Env) {
    for stmt in body {
        match stmt {
            Stmt::Let(name, e) | Stmt::Assign(name, e) => {
                let v = eval(e, env);
                env.vars.insert(name.clone(), v);
            }
            Stmt::While(cond, inner) => {
                while eval(cond, env) != 0 {
                    exec(inner, env);
                }
            }
            Stmt::If(cond, then, otherwise) => {
                if eval(cond, env) != 0 {
                    exec(then, env);
                } else {
                    exec(otherwise, env);
                }
            }
            Stmt::Emit(e) => {
                let v = eval(e, env);
                env.out.push(v);
            }
        }
    }
}

/// The source of one toy program: a Collatz walk, a gcd loop and a
/// bounded sum of squares, with constants that depend on the iteration.
fn write_program(seed: u64) -> String {
    let mut src = String::new();
    let start = 27 + (seed % 50) as i64;
    let _ = writeln!(src, "let n = {}; let steps = 0;", start);
    src.push_str("while 1 < n { if n % 2 == 0 { n = n / 2; } else { n = 3 * n + 1; }\n");
    src.push_str("  steps = steps + 1; }\nemit steps;\n");
    let _ = writeln!(src, "let a = {}; let b = {};", 1071 + seed % 97, 462 + seed % 31);
    src.push_str("while 0 < b { let t = b; b = a % b; a = t; }\nemit a;\n");
    let _ = writeln!(src, "let i = 0; let acc = 0; let lim = {};", 20 + seed % 13);
    src.push_str("while i < lim { acc = acc + max(i * i - 3 * i, -(i)) % 97; i = i + 1; }\n");
    src.push_str("emit acc; emit min(acc, steps * a); emit abs(-(acc - 500));\n");
    src
}

#[derive(Debug, Clone)]
struct Record {
    name: String,
    group: String,
    score: i64,
}

#[derive(Default, Debug)]
struct Group {
    count: usize,
    total: i64,
    best: Option<String>,
}

fn summarize(records: &[Record], groups: &mut HashMap<String, Group>) {
    for r in records {
        let g = groups.entry(r.group.clone()).or_default();
        g.count += 1;
        g.total += r.score;
        let better = match &g.best {
            Some(b) => r.name.len() > b.len(),
            None => true,
        };
        if better {
            g.best = Some(r.name.clone());
        }
    }
}

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= b as u64;
        *hash = hash.wrapping_mul(0x100000001b3);
    }
}

fn main() {
    let iterations: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(12000);
    let mut hash: u64 = 0xcbf29ce484222325;
    let mut records: Vec<Record> = Vec::new();
    let mut groups: HashMap<String, Group> = HashMap::new();
    let mut total_steps = 0u64;
    for it in 0..iterations {
        let src = write_program(it);
        let tokens: Vec<Token> = tokenize(&src);
        let mut parser = Parser { tokens: &tokens, pos: 0 };
        let mut program: Vec<Stmt> = Vec::new();
        while parser.peek().is_some() {
            program.push(parser.stmt());
        }
        let mut env = Env { vars: HashMap::new(), out: Vec::new(), steps: 0 };
        exec(&program, &mut env);
        total_steps += env.steps;
        for (k, v) in env.out.iter().enumerate() {
            records.push(Record {
                name: format!("r{}-{}", it, k),
                group: format!("g{}", (v.unsigned_abs() + k as u64) % 7),
                score: *v,
            });
        }
        if records.len() >= 256 {
            records.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
            summarize(&records, &mut groups);
            let top: Vec<&str> = records.iter().take(8).map(|r| r.name.as_str()).collect();
            let line = top.join(",");
            fnv(&mut hash, line.as_bytes());
            records.clear();
        }
        let mut names: Vec<&String> = env.vars.keys().collect();
        names.sort();
        for name in names {
            fnv(&mut hash, name.as_bytes());
            fnv(&mut hash, &env.vars[name].to_le_bytes());
        }
    }
    summarize(&records, &mut groups);
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_by(|a, b| groups[*b].count.cmp(&groups[*a].count).then(a.cmp(b)));
    let mut report = String::new();
    for k in keys {
        let g = &groups[k];
        let _ = write!(report, "{}:{}:{}:{};", k, g.count, g.total, g.best.as_deref().unwrap_or("-"));
    }
    fnv(&mut hash, report.as_bytes());
    println!("iterations {} steps {} groups {} checksum {:016x}",
             iterations, total_steps, groups.len(), hash);
}
