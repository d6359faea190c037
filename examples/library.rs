// The bundled example in Rust: the same library catalogue as library.cpp,
// borrowing, sharing and moving its data the way everyday Rust does. Build
// (with the plugin for rustc's LLVM, 22: BORROWSCOPE_LLVM=22
// tools/quickstart.sh), trace and check it with
//   build-llvm22/bin/borrowscope-rustc -Copt-level=0 examples/library.rs -o library
//   build-llvm22/bin/borrowscope run -o library.trace ./library
//   build-llvm22/bin/borrowscope check library.trace
// The C++ version's bug (a reference into the shelf kept across a push) does
// not compile here (E0502), so this one has no finding.
use std::thread;

struct Book {
    title: String,
    year: u32,
}

// Reads the shelf: a shared borrow.
fn count_older_than(shelf: &[Book], year: u32) -> usize {
    let mut count = 0;
    for book in shelf {
        if book.year < year {
            count += 1;
        }
    }
    count
}

// Changes the shelf: a mutable borrow; the new book moves into it.
fn add(shelf: &mut Vec<Book>, title: &str, year: u32) {
    let book = Book { title: title.to_string(), year };
    shelf.push(book);
}

fn tally(shelf: &[Book]) -> u32 {
    shelf.iter().map(|book| book.year).sum()
}

fn main() {
    let mut shelf: Vec<Book> = Vec::with_capacity(4);
    add(&mut shelf, "The C Programming Language", 1978);
    add(&mut shelf, "Structure and Interpretation of Computer Programs", 1985);
    add(&mut shelf, "The Rust Programming Language", 2018);

    let old = count_older_than(&shelf, 2000);
    // Another thread borrows the shelf too, for as long as the scope runs.
    let total = thread::scope(|s| s.spawn(|| tally(&shelf)).join().unwrap());

    add(&mut shelf, "Programming Rust", 2017);
    // `first` borrows the shelf until its last use, the line after: NLL.
    let first = &shelf[0];
    let first_year = first.year;
    let last = shelf.pop().map(|book| book.title).unwrap_or_default();
    println!(
        "{} of {} books are older than 2000; the first is from {}; years add up to {}; moved out \"{}\"",
        old,
        shelf.len() + 1,
        first_year,
        total,
        last
    );
}
