// ok_const_accessors.cpp
// What: a Matrix class with const and non-const operator() and row()
//   accessors; reads through the const overloads, writes through the
//   non-const ones, never keeping a reference across a write to another
//   element through a different path.
// Written from: "const and non-const accessor calls".
// Shape: everyday C++ (container-like classes).
// Correct: references returned by accessors are used immediately.
#include <cstdio>
#include <vector>

class Matrix {
public:
  Matrix(int r, int c) : rows_(r), cols_(c), data_(static_cast<std::size_t>(r * c), 0) {}
  int &operator()(int r, int c) { return data_[static_cast<std::size_t>(r * cols_ + c)]; }
  const int &operator()(int r, int c) const { return data_[static_cast<std::size_t>(r * cols_ + c)]; }
  int rows() const { return rows_; }
  int cols() const { return cols_; }

private:
  int rows_, cols_;
  std::vector<int> data_;
};

static int trace(const Matrix &m) {
  int t = 0;
  for (int i = 0; i < m.rows() && i < m.cols(); ++i)
    t += m(i, i);
  return t;
}

int main() {
  Matrix m(3, 3);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      m(i, j) = i * 3 + j;
  int corner;
  {
    const Matrix &cm = m;
    corner = cm(2, 2) + cm.rows();
  }
  m(0, 0) += corner;
  std::printf("trace %d corner %d\n", trace(m), m(0, 0));
  return 0;
}
