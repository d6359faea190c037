/* Numeric kernels: an n-body simulation of the outer planets (the classic
   benchmark's physics) and a blocked dense matrix multiplication.
   Usage: nbody [SCALE_PERCENT]   Prints the energy and a matrix checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body {
  double x, y, z, vx, vy, vz, mass;
};

static void advance(struct body *bodies, int n, double dt) {
  for (int i = 0; i < n; ++i) {
    struct body *a = &bodies[i];
    for (int j = i + 1; j < n; ++j) {
      struct body *b = &bodies[j];
      double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double magnitude = dt / (d2 * sqrt(d2));
      a->vx -= dx * b->mass * magnitude;
      a->vy -= dy * b->mass * magnitude;
      a->vz -= dz * b->mass * magnitude;
      b->vx += dx * a->mass * magnitude;
      b->vy += dy * a->mass * magnitude;
      b->vz += dz * a->mass * magnitude;
    }
  }
  for (int i = 0; i < n; ++i) {
    bodies[i].x += dt * bodies[i].vx;
    bodies[i].y += dt * bodies[i].vy;
    bodies[i].z += dt * bodies[i].vz;
  }
}

static double energy(const struct body *bodies, int n) {
  double e = 0;
  for (int i = 0; i < n; ++i) {
    const struct body *a = &bodies[i];
    e += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
    for (int j = i + 1; j < n; ++j) {
      const struct body *b = &bodies[j];
      double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
      e -= a->mass * b->mass / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void offset_momentum(struct body *bodies, int n) {
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < n; ++i) {
    px += bodies[i].vx * bodies[i].mass;
    py += bodies[i].vy * bodies[i].mass;
    pz += bodies[i].vz * bodies[i].mass;
  }
  bodies[0].vx = -px / SOLAR_MASS;
  bodies[0].vy = -py / SOLAR_MASS;
  bodies[0].vz = -pz / SOLAR_MASS;
}

static void matmul(const double *a, const double *b, double *c, int n) {
  const int block = 32;
  for (int i = 0; i < n * n; ++i)
    c[i] = 0;
  for (int ii = 0; ii < n; ii += block)
    for (int kk = 0; kk < n; kk += block)
      for (int i = ii; i < ii + block && i < n; ++i)
        for (int k = kk; k < kk + block && k < n; ++k) {
          double aik = a[i * n + k];
          for (int j = 0; j < n; ++j)
            c[i * n + j] += aik * b[k * n + j];
        }
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 100;
  struct body bodies[] = {
      {0, 0, 0, 0, 0, 0, SOLAR_MASS},
      {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
       1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
       -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
      {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
       -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
       2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
      {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
       2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
       -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
      {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
       2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
       -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
  };
  const int nb = sizeof bodies / sizeof bodies[0];
  offset_momentum(bodies, nb);
  double before = energy(bodies, nb);
  int steps = 5000000 * scale / 100;
  for (int s = 0; s < steps; ++s)
    advance(bodies, nb, 0.01);
  double after = energy(bodies, nb);

  int n = 160 * scale / 100 + 8;
  double *a = malloc(sizeof(double) * (size_t)(n * n));
  double *b = malloc(sizeof(double) * (size_t)(n * n));
  double *c = malloc(sizeof(double) * (size_t)(n * n));
  for (int i = 0; i < n * n; ++i) {
    a[i] = (double)(i % 17) / 16.0;
    b[i] = (double)(i % 13) / 12.0;
  }
  double trace = 0;
  for (int r = 0; r < 10; ++r) {
    matmul(a, b, c, n);
    for (int i = 0; i < n; ++i)
      trace += c[i * n + i];
    a[r] += 1.0;
  }
  printf("energy %.9f -> %.9f matrix trace %.6f\n", before, after, trace);
  free(a);
  free(b);
  free(c);
  return 0;
}
