/* Native reference of the Monte Carlo model v1 (src/core/analysis/simulate.ts), single thread, same generators
   (splitmix32 stream seeds, xoshiro128**), same draw structure (one geometric withdrawal-year draw per partner, its
   year counted without branches as the WebAssembly kernel does), same block structure. Reads the model from a text
   file written by bench/simulate.ts; prints per-year sums and the elapsed seconds of the simulation loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t splitmix32(uint32_t *st) {
  uint32_t z = (*st += 0x9e3779b9u);
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline double next_unit(uint32_t s[4]) {
  uint32_t r = rotl(s[1] * 5u, 7) * 9u;
  uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return r / 4294967296.0;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: simulate-ref MODEL_FILE\n"); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror("model file"); return 2; }
  int P, Y, B; long trials, bs; uint32_t seed; double s, m;
  if (fscanf(f, "%d %d %d %ld %ld %u %lf %lf", &P, &Y, &B, &trials, &bs, &seed, &s, &m) != 8) return 2;
  double *planned = malloc(sizeof(double) * P * Y), *cont = malloc(sizeof(double) * P), *lo = malloc(sizeof(double) * P), *hi = malloc(sizeof(double) * P), *needs = malloc(sizeof(double) * Y);
  for (int i = 0; i < P * Y; i++) if (fscanf(f, "%lf", &planned[i]) != 1) return 2;
  for (int i = 0; i < P; i++) if (fscanf(f, "%lf %lf %lf", &cont[i], &lo[i], &hi[i]) != 3) return 2;
  for (int i = 0; i < Y; i++) if (fscanf(f, "%lf", &needs[i]) != 1) return 2;
  fclose(f);
  double *maxv = calloc(Y, sizeof(double)), *scale = calloc(Y, sizeof(double));
  double up = m > 1 ? m : 1;
  for (int p = 0; p < P; p++) for (int y = 0; y < Y; y++) maxv[y] += planned[p * Y + y] * hi[p] * up;
  for (int y = 0; y < Y; y++) scale[y] = maxv[y] > 0 ? B / maxv[y] : 0;
  /* Per-partner constants, as in the JS kernel: survival thresholds c^(y+1), amount = a + b * u. */
  double *surv = malloc(sizeof(double) * P * Y), *A = malloc(sizeof(double) * P * Y), *Bw = malloc(sizeof(double) * P * Y);
  for (int p = 0; p < P; p++) {
    double c = 1;
    for (int y = 0; y < Y; y++) {
      c *= cont[p];
      surv[p * Y + y] = c;
      A[p * Y + y] = planned[p * Y + y] * lo[p];
      Bw[p * Y + y] = planned[p * Y + y] * (hi[p] - lo[p]);
    }
  }
  int monotone = 1;
  for (int p = 0; p < P; p++) for (int y = 0; y < Y; y++) if (!(surv[p * Y + y] <= (y ? surv[p * Y + y - 1] : 1))) monotone = 0;
  double *sum = calloc(Y, sizeof(double)), *sumSq = calloc(Y, sizeof(double)), *below = calloc(Y, sizeof(double));
  uint32_t *hist = calloc((size_t)Y * B, sizeof(uint32_t));
  double *psum = calloc(P, sizeof(double)), *shock = calloc(Y, sizeof(double)), *tot = calloc(Y, sizeof(double));
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  long blocks = (trials + bs - 1) / bs;
  for (long b = 0; b < blocks; b++) {
    uint32_t st = seed ^ (uint32_t)((uint32_t)(b + 1) * 0x632be5abu), rs[4];
    for (int i = 0; i < 4; i++) rs[i] = splitmix32(&st);
    if ((rs[0] | rs[1] | rs[2] | rs[3]) == 0) rs[0] = 1;
    long n = trials - b * bs < bs ? trials - b * bs : bs;
    for (long t = 0; t < n; t++) {
      for (int y = 0; y < Y; y++) { shock[y] = next_unit(rs) < s ? m : 1; tot[y] = 0; }
      for (int p = 0; p < P; p++) {
        const double *row = planned + (size_t)p * Y, *sv = surv + (size_t)p * Y, *ra = A + (size_t)p * Y, *rb = Bw + (size_t)p * Y;
        double u = next_unit(rs), acc = 0;
        int k = 0;
        /* years delivered before the withdrawal; with non-increasing thresholds the years with u < sv form a prefix, so
           the branch-free count (as the WebAssembly kernel does it) equals the loop */
        if (monotone) for (int y = 0; y < Y; y++) k += u < sv[y];
        else while (k < Y && u < sv[k]) k++;
        for (int y = 0; y < k; y++) {
          if (row[y] == 0) continue;
          double v = (ra[y] + rb[y] * next_unit(rs)) * shock[y];
          tot[y] += v;
          acc += v;
        }
        psum[p] += acc;
      }
      for (int y = 0; y < Y; y++) {
        double v = tot[y];
        sum[y] += v; sumSq[y] += v * v;
        if (v < needs[y]) below[y] += 1;
        long bi = (long)(v * scale[y]);
        if (bi >= B) bi = B - 1;
        else if (bi < 0) bi = 0;
        hist[(size_t)y * B + bi]++;
      }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("seconds %.6f\n", secs);
  for (int y = 0; y < Y; y++) printf("sum %d %.17g %.0f\n", y, sum[y], below[y]);
  return 0;
}
