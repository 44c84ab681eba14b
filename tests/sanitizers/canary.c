/*
 * canary: proves that each checker of tests/sanitizers/run.sh is live, so that "0 errors" means
 * something. `canary leak` leaks a block (LeakSanitizer and memcheck must report it);
 * `canary race` has two threads write one int without a lock (helgrind, and the triage of
 * helgrind_triage.py as test-code race, must report it).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_counter;
void *volatile g_sink;

static void *bump(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) g_counter++;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "leak") == 0) {
    g_sink = malloc(4096);
    g_sink = NULL; /* the only pointer is gone: a definite leak */
    return 0;
  }
  if (argc > 1 && strcmp(argv[1], "race") == 0) {
    pthread_t a, b;
    pthread_create(&a, NULL, bump, NULL);
    pthread_create(&b, NULL, bump, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", g_counter);
    return 0;
  }
  fprintf(stderr, "usage: canary leak|race\n");
  return 2;
}
