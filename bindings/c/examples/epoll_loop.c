/*
 * epoll_loop: starts a few GreetingWorkflows and drives their starts and result waits from one
 * epoll loop, the way a program with its own event loop uses temporal-ffi: every call posts its
 * completion to a temporal_completion_queue, whose file descriptor the loop watches. Nothing
 * blocks but epoll_wait, and no program code runs on a library thread.
 *
 *   epoll_loop [NAME...]     one GreetingWorkflow(NAME) each; default: Alice Bob Carol
 *
 * Task queue GREETING_TASK_QUEUE, Workflow IDs "epoll-greeting-NAME". A worker for that task
 * queue must be running (tests/worker does it). The server address comes from the environment
 * configuration ($TEMPORAL_ADDRESS...), else localhost:7233.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "temporal.h"

/* One greeting. Its calls carry it as user_data: first the start, then the result wait. */
struct greeting {
  const char *name;
  char workflow_id[128];
  temporal_workflow_run *run; /* NULL until the start completed */
};

/* Prints what went wrong and exits 1 (the error may be one a call lends: it is not freed). */
static void fail(const char *what, const temporal_error *err) {
  fprintf(stderr, "%s: %s: %s\n", what, temporal_error_code_name(temporal_error_get_code(err)),
          temporal_error_get_message(err));
  exit(1);
}

/* Call options that post the completed call to `queue`, carrying `g`. */
static temporal_call_options on_queue(temporal_completion_queue *queue, struct greeting *g) {
  temporal_call_options options;
  temporal_call_options_default(&options, sizeof options);
  options.completion_queue = queue;
  options.user_data = g;
  return options;
}

int main(int argc, char **argv) {
  static const char *const default_names[] = {"Alice", "Bob", "Carol"};
  int count = argc > 1 ? argc - 1 : 3;

  temporal_client_options client_options;
  temporal_client_options_default(&client_options, sizeof client_options); /* address: from the environment */
  temporal_client *client = NULL;
  temporal_error *err = temporal_client_connect(&client_options, &client);
  if (err) fail("unable to create Temporal client", err);

  temporal_completion_queue *queue = NULL;
  err = temporal_completion_queue_new(&queue);
  if (err) fail("unable to create a completion queue", err);
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event watch = {0};
  watch.events = EPOLLIN; /* level-triggered: readable while the queue holds a completed call */
  if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, temporal_completion_queue_fd(queue), &watch) != 0) {
    perror("epoll");
    return 1;
  }

  /* Start every workflow; none of these calls waits for the server. */
  struct greeting *greetings = calloc((size_t)count, sizeof *greetings);
  if (!greetings) return 1;
  for (int i = 0; i < count; i++) {
    struct greeting *g = &greetings[i];
    g->name = argc > 1 ? argv[i + 1] : default_names[i];
    snprintf(g->workflow_id, sizeof g->workflow_id, "epoll-greeting-%s", g->name);

    temporal_start_workflow_options options;
    temporal_start_workflow_options_default(&options, sizeof options);
    options.id = g->workflow_id;
    options.task_queue = "GREETING_TASK_QUEUE";
    char args_json[160]; /* GreetingWorkflow(name string); NAME is plain text, no quotes */
    snprintf(args_json, sizeof args_json, "[\"%s\"]", g->name);

    temporal_call_options call_options = on_queue(queue, g);
    temporal_call *start = NULL; /* comes back out of the queue */
    err = temporal_execute_workflow_async(client, "GreetingWorkflow", args_json, &options,
                                          &call_options, &start);
    if (err) fail("unable to start GreetingWorkflow", err);
  }

  /* The loop: wait for the queue's descriptor, then take every completed call off the queue. */
  int waiting = count;
  while (waiting > 0) {
    struct epoll_event event;
    if (epoll_wait(epfd, &event, 1, -1) < 0) {
      if (errno == EINTR) continue;
      perror("epoll_wait");
      return 1;
    }
    temporal_call *call;
    while ((call = temporal_completion_queue_next(queue)) != NULL) {
      struct greeting *g = temporal_call_get_user_data(call);
      const temporal_error *call_err = temporal_call_get_error(call);
      if (call_err) fail(g->workflow_id, call_err);

      if (!g->run) {
        /* A start completed: take its run and wait for the result on the same queue. */
        g->run = temporal_call_take_run(call);
        printf("Started WorkflowID: %s RunID: %s\n", temporal_workflow_run_get_id(g->run),
               temporal_workflow_run_get_run_id(g->run));
        temporal_call_options call_options = on_queue(queue, g); /* timeout 0: as long as it takes */
        temporal_call *result = NULL;
        err = temporal_get_result_async(g->run, &call_options, &result);
        if (err) fail("unable to wait for the Workflow result", err);
      } else {
        /* A result wait completed: the JSON is borrowed from the call. */
        printf("Result of %s: %s\n", g->workflow_id, temporal_call_get_json(call));
        waiting--;
      }
      temporal_call_free(call);
    }
  }

  for (int i = 0; i < count; i++) temporal_workflow_run_free(greetings[i].run);
  free(greetings);
  close(epfd);
  temporal_completion_queue_free(queue);
  temporal_client_free(client);
  return 0;
}
