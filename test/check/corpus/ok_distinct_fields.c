// ok_distinct_fields.c
// What: pointers to two different fields of one struct and to two
//   different elements of one array, written through and read back, then
//   a function that updates two fields through separate pointers.
// Written from: "two references to different elements/fields of one array
//   or struct", C flavour.
// Shape: everyday C.
// Correct: the pointers are to disjoint objects inside the aggregate.
#include <stdio.h>

struct vec3 {
  float x, y, z;
};

struct particle {
  struct vec3 pos;
  struct vec3 vel;
};

static void step(struct vec3 *pos, const struct vec3 *vel, float dt) {
  pos->x += vel->x * dt;
  pos->y += vel->y * dt;
  pos->z += vel->z * dt;
}

int main(void) {
  struct particle p = {{0, 0, 0}, {1, 2, 3}};
  for (int i = 0; i < 4; ++i)
    step(&p.pos, &p.vel, 0.5f);
  int hist[4] = {0};
  int *lo = &hist[0], *hi = &hist[3];
  *lo += 2;
  *hi += 5;
  printf("%.1f %.1f %.1f %d %d\n", p.pos.x, p.pos.y, p.pos.z, hist[0], hist[3]);
  return 0;
}
