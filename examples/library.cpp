// The bundled example: a small library catalogue that borrows, shares and
// moves its data the way everyday C++ does. Build, trace and check it with
//   BORROWSCOPE_VARIABLES=all build/bin/borrowscope-clang++ -O1 -pthread examples/library.cpp -o library
//   build/bin/borrowscope run -o library.trace ./library
//   build/bin/borrowscope check library.trace
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Book {
  std::string title;
  int year;
};

// Reads the shelf: a shared borrow.
static int count_older_than(const std::vector<Book> &shelf, int year) {
  int count = 0;
  for (const Book &book : shelf)
    if (book.year < year)
      ++count;
  return count;
}

// Changes the shelf: a mutable borrow.
static void add(std::vector<Book> &shelf, const char *title, int year) {
  Book book{title, year};
  shelf.push_back(book);
}

static void tally(const std::vector<Book> *shelf, int *total) {
  int sum = 0;
  for (const Book &book : *shelf)
    sum += book.year;
  *total = sum;
}

int main() {
  std::vector<Book> shelf;
  shelf.reserve(4);
  add(shelf, "The C Programming Language", 1978);
  add(shelf, "Structure and Interpretation of Computer Programs", 1985);
  add(shelf, "The Rust Programming Language", 2018);

  const Book &first = shelf.front();
  int old = count_older_than(shelf, 2000);

  int total = 0;
  std::thread worker(tally, &shelf, &total); // another thread borrows too
  worker.join();

  // `borrowscope check` reports the next line: `first` refers into `shelf`
  // and is read below, while add() changes shelf. It runs correctly only
  // because of the reserve(4) above: one book more and push_back would move
  // the books, leaving `first` dangling. Rust's borrow checker rejects it.
  add(shelf, "Programming Rust", 2017);

  std::string last = std::move(shelf.back().title);
  std::printf("%d of %zu books are older than 2000; the first is \"%s\"; "
              "years add up to %d; moved out \"%s\"\n",
              old, shelf.size(), first.title.c_str(), total, last.c_str());
  return 0;
}
