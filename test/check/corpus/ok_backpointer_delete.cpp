// ok_backpointer_delete.cpp
// What: a Window on the stack owns a heap Impl (pimpl) that points back at
//   the Window; the Window's destructor deletes the Impl, so the
//   back-pointer dies first. Also a heap helper deleted before scope end.
// Written from: "a back-pointer stored into a heap state that is freed
//   (delete) before the owner dies".
// Shape: real-project code (pimpl with back-pointer, Qt's d-pointer/q-ptr).
// Correct: no heap object refers to the Window after it is gone.
#include <cstdio>

class Window;

struct Impl {
  Window *q;
  int repaints = 0;
};

class Window {
public:
  explicit Window(int id) : id_(id), d_(new Impl{this}) {}
  ~Window() { delete d_; }
  Window(const Window &) = delete;
  Window &operator=(const Window &) = delete;
  void repaint() { d_->repaints += d_->q->id_; }
  int repaints() const { return d_->repaints; }

private:
  int id_;
  Impl *d_;
};

struct Helper {
  Window *target;
};

int main() {
  Window w(3);
  w.repaint();
  Helper *h = new Helper{&w};
  h->target->repaint();
  delete h;
  std::printf("repaints %d\n", w.repaints());
  return 0;
}
