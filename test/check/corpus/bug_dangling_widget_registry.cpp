// bug_dangling_widget_registry.cpp
// What: build_ui() creates a Widget on its stack and registers its address
//   in a global std::vector<Widget*>; main later walks the registry.
// Written from: "a `Widget*` of a local pushed into a global std::vector".
// Shape: CWE-562/CWE-416-like (a registry of raw pointers to objects that
//   died); Rust E0597.
// Seeded bug: one dangling_borrow, at the push_back.
#include <cstdio>
#include <vector>

struct Widget {
  int id;
  int width;
};

static std::vector<Widget *> g_widgets;
static volatile int sink;

static void build_ui() {
  Widget button{7, 120};
  g_widgets.push_back(&button); // EXPECT: dangling_borrow
}

int main() {
  build_ui();
  for (Widget *w : g_widgets)
    sink = w->width; // USE: dangling_borrow
  std::printf("%zu widgets\n", g_widgets.size());
  return 0;
}
