/*
 * test_metrics.c: client metrics with the Go SDK's names, against the dev server.
 *
 * The runtime serves Prometheus on 127.0.0.1:<free port>; client A records there. Client B
 * gives its own host meter (a C table of callbacks that counts what it receives). The test
 * makes a known number of calls through each (starts, and describes of a workflow that does
 * not exist, which fail with NOT_FOUND), then scrapes the endpoint with a real HTTP GET and
 * reads the host meter: every count must equal the calls made, failures included, tagged with
 * namespace, operation, status_code and the global tag. Bad metrics options are refused with
 * INVALID_ARGUMENT. Run under tests/harness/with-dev-server.sh.
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"
#include "temporal.h"

static const char *g_address;
static const char *g_task_queue;
static char g_prefix_run[32]; /* makes workflow IDs unique per run */

/* ---- the host meter: counts what it is given ------------------------------------------ */

#define MAX_METRICS 64
#define MAX_SERIES 256

typedef struct {
  char name[96];
  char unit[16];
  int kind;
} host_metric;

typedef struct host_attrs {
  char text[512]; /* "key=value," for every tag, in the order given */
} host_attrs;

typedef struct {
  const host_metric *metric;
  char tags[512];
  uint64_t total; /* sum of the integers, or of the nanoseconds */
  uint64_t records;
} series;

typedef struct {
  pthread_mutex_t lock;
  host_metric metrics[MAX_METRICS];
  int metric_count;
  series series[MAX_SERIES];
  int series_count;
  int attrs_alive;
  int metrics_alive;
  int meter_freed;
} host_meter_state;

static host_meter_state g_host = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void *metric_new(void *ud, const char *name, const char *description, const char *unit, int32_t kind) {
  host_meter_state *s = ud;
  (void)description;
  pthread_mutex_lock(&s->lock);
  host_metric *m = NULL;
  if (s->metric_count < MAX_METRICS) {
    m = &s->metrics[s->metric_count++];
    snprintf(m->name, sizeof m->name, "%s", name);
    snprintf(m->unit, sizeof m->unit, "%s", unit);
    m->kind = kind;
    s->metrics_alive++;
  }
  pthread_mutex_unlock(&s->lock);
  return m;
}

static void metric_free(void *ud, void *metric) {
  host_meter_state *s = ud;
  (void)metric;
  pthread_mutex_lock(&s->lock);
  s->metrics_alive--;
  pthread_mutex_unlock(&s->lock);
}

static void *attributes_new(void *ud, void *append_from, const temporal_metric_attribute *a, size_t n) {
  host_meter_state *s = ud;
  host_attrs *attrs = calloc(1, sizeof *attrs);
  if (!attrs) return NULL;
  if (append_from) memcpy(attrs->text, ((host_attrs *)append_from)->text, sizeof attrs->text);
  for (size_t i = 0; i < n; i++) {
    size_t used = strlen(attrs->text);
    if (a[i].value_type == TEMPORAL_METRIC_VALUE_TYPE_STRING)
      snprintf(attrs->text + used, sizeof attrs->text - used, "%s=%s,", a[i].key, a[i].string_value);
    else if (a[i].value_type == TEMPORAL_METRIC_VALUE_TYPE_INT)
      snprintf(attrs->text + used, sizeof attrs->text - used, "%s=%lld,", a[i].key, (long long)a[i].int_value);
    else
      snprintf(attrs->text + used, sizeof attrs->text - used, "%s=?,", a[i].key);
  }
  pthread_mutex_lock(&s->lock);
  s->attrs_alive++;
  pthread_mutex_unlock(&s->lock);
  return attrs;
}

static void attributes_free(void *ud, void *attrs) {
  host_meter_state *s = ud;
  free(attrs);
  pthread_mutex_lock(&s->lock);
  s->attrs_alive--;
  pthread_mutex_unlock(&s->lock);
}

static void record(host_meter_state *s, void *metric, uint64_t value, void *attrs) {
  const char *tags = attrs ? ((host_attrs *)attrs)->text : "";
  pthread_mutex_lock(&s->lock);
  series *found = NULL;
  for (int i = 0; i < s->series_count && !found; i++)
    if (s->series[i].metric == metric && strcmp(s->series[i].tags, tags) == 0) found = &s->series[i];
  if (!found && s->series_count < MAX_SERIES) {
    found = &s->series[s->series_count++];
    found->metric = metric;
    snprintf(found->tags, sizeof found->tags, "%s", tags);
  }
  if (found) {
    found->total += value;
    found->records++;
  }
  pthread_mutex_unlock(&s->lock);
}

static void record_integer(void *ud, void *metric, uint64_t value, void *attrs) { record(ud, metric, value, attrs); }
static void record_float(void *ud, void *metric, double value, void *attrs) {
  record(ud, metric, (uint64_t)value, attrs);
}
static void record_duration(void *ud, void *metric, uint64_t nanos, void *attrs) { record(ud, metric, nanos, attrs); }

static void meter_free(void *ud) {
  host_meter_state *s = ud;
  pthread_mutex_lock(&s->lock);
  s->meter_freed++;
  pthread_mutex_unlock(&s->lock);
}

static void host_meter_table(temporal_host_meter *m) {
  temporal_host_meter_default(m, sizeof *m);
  m->user_data = &g_host;
  m->metric_new = metric_new;
  m->metric_free = metric_free;
  m->attributes_new = attributes_new;
  m->attributes_free = attributes_free;
  m->record_integer = record_integer;
  m->record_float = record_float;
  m->record_duration = record_duration;
  m->meter_free = meter_free;
}

/* The host meter's series of `name` whose tags contain every "k=v," of `want`: records and total
 * summed over them. */
static void host_sum(const char *name, const char *want1, const char *want2, uint64_t *records, uint64_t *total) {
  *records = *total = 0;
  pthread_mutex_lock(&g_host.lock);
  for (int i = 0; i < g_host.series_count; i++) {
    const series *s = &g_host.series[i];
    if (strcmp(s->metric->name, name) != 0) continue;
    if (want1 && !strstr(s->tags, want1)) continue;
    if (want2 && !strstr(s->tags, want2)) continue;
    *records += s->records;
    *total += s->total;
  }
  pthread_mutex_unlock(&g_host.lock);
}

/* ---- Prometheus: a real HTTP GET ------------------------------------------------------ */

static char g_scrape[1 << 20];

static bool scrape(const char *hostport) {
  char host[64];
  snprintf(host, sizeof host, "%s", hostport);
  char *colon = strrchr(host, ':');
  CHECK(colon != NULL, "metrics address %s has no port", hostport);
  *colon = 0;
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(colon + 1))};
  CHECK(inet_pton(AF_INET, host, &sa.sin_addr) == 1, "metrics address %s is not IPv4", hostport);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(fd >= 0, "socket failed");
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
    close(fd);
    CHECK(false, "cannot connect to the metrics endpoint %s", hostport);
  }
  char req[256];
  int n = snprintf(req, sizeof req, "GET /metrics HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", hostport);
  CHECK(write(fd, req, (size_t)n) == n, "short write");
  size_t used = 0;
  ssize_t got;
  while ((got = read(fd, g_scrape + used, sizeof g_scrape - 1 - used)) > 0) used += (size_t)got;
  close(fd);
  g_scrape[used] = 0;
  CHECK(strncmp(g_scrape, "HTTP/1.1 200", 12) == 0, "the endpoint answered: %.80s", g_scrape);
  return true;
}

/* The sum of the samples of `name` (exactly: `name{`) whose labels contain every given
 * `k="v"`. Returns -1 when there is none. */
static double prom_value(const char *name, const char *l1, const char *l2, const char *l3) {
  double sum = -1;
  size_t len = strlen(name);
  for (const char *line = g_scrape; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (strncmp(line, name, len) != 0 || line[len] != '{') continue;
    const char *end = strchr(line, '}');
    const char *eol = strchr(line, '\n');
    if (!end || (eol && end > eol)) continue;
    char labels[1024];
    snprintf(labels, sizeof labels, "%.*s", (int)(end - line), line);
    if ((l1 && !strstr(labels, l1)) || (l2 && !strstr(labels, l2)) || (l3 && !strstr(labels, l3))) continue;
    sum = (sum < 0 ? 0 : sum) + strtod(end + 1, NULL);
  }
  return sum;
}

/* ---- calls ---------------------------------------------------------------------------- */

static bool connect_client(const temporal_host_meter *meter, temporal_client **out) {
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  co.metrics_host_meter = meter;
  CHECK_OK(temporal_client_connect(&co, out));
  return true;
}

static bool start_echo(temporal_client *client, const char *id) {
  temporal_start_workflow_options o;
  temporal_start_workflow_options_default(&o, sizeof o);
  o.task_queue = g_task_queue;
  char full[128];
  snprintf(full, sizeof full, "metrics-%s-%s", g_prefix_run, id);
  o.id = full;
  temporal_workflow_run *run = NULL;
  CHECK_OK(temporal_execute_workflow(client, "Echo", "[\"m\"]", &o, &run));
  char *result = NULL;
  temporal_error *e = temporal_get_result(run, 30000, &result);
  temporal_workflow_run_free(run);
  CHECK_OK(e);
  temporal_string_free(result);
  return true;
}

static bool describe_missing(temporal_client *client) {
  temporal_call *call = NULL;
  CHECK_OK(temporal_describe_workflow_execution_async(client, "metrics-no-such-workflow", NULL, NULL, &call));
  CHECK_OK(temporal_call_wait(call, TEMPORAL_TIMEOUT_DEFAULT));
  const temporal_error *e = temporal_call_get_error(call);
  bool not_found = e && temporal_error_get_code(e) == TEMPORAL_ERROR_CODE_NOT_FOUND;
  temporal_call_free(call);
  CHECK(not_found, "describing a workflow that does not exist did not fail with NOT_FOUND");
  return true;
}

/* ---- tests ---------------------------------------------------------------------------- */

static bool test_bad_options_are_refused(void) {
  temporal_runtime_options ro;
  temporal_runtime_options_default(&ro, sizeof ro);
  ro.metrics_prometheus_address = "localhost";
  temporal_error *e = temporal_runtime_init(&ro);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(strstr(temporal_error_get_message(e), "metrics_prometheus_address") != NULL, "message: %s",
        temporal_error_get_message(e));
  temporal_error_free(e);

  temporal_runtime_options_default(&ro, sizeof ro);
  ro.metrics_global_tags_json = "{\"n\": 1}";
  e = temporal_runtime_init(&ro);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  temporal_error_free(e);

  temporal_runtime_options_default(&ro, sizeof ro);
  ro.metrics_prefix = "bad-prefix";
  e = temporal_runtime_init(&ro);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  temporal_error_free(e);

  /* An address already in use: init fails, names the address, and starts nothing. */
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
  inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
  socklen_t len = sizeof sa;
  CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(fd, 1) == 0 &&
            getsockname(fd, (struct sockaddr *)&sa, &len) == 0,
        "cannot hold a port");
  char busy[64];
  snprintf(busy, sizeof busy, "127.0.0.1:%d", ntohs(sa.sin_port));
  temporal_runtime_options_default(&ro, sizeof ro);
  ro.metrics_prometheus_address = busy;
  e = temporal_runtime_init(&ro);
  close(fd);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(strstr(temporal_error_get_message(e), busy) != NULL, "message: %s", temporal_error_get_message(e));
  temporal_error_free(e);
  CHECK(temporal_runtime_metrics_address(NULL, 0) == 0, "an endpoint runs after a failed init");
  return true;
}

static bool test_host_meter_without_required_callback(void) {
  temporal_host_meter m;
  host_meter_table(&m);
  m.record_duration = NULL;
  temporal_client *client = NULL;
  temporal_client_options co;
  temporal_client_options_default(&co, sizeof co);
  co.address = g_address;
  co.metrics_host_meter = &m;
  temporal_error *e = temporal_client_connect(&co, &client);
  CHECK_CODE(e, TEMPORAL_ERROR_CODE_INVALID_ARGUMENT);
  CHECK(strstr(temporal_error_get_message(e), "record_duration") != NULL, "message: %s",
        temporal_error_get_message(e));
  temporal_error_free(e);
  CHECK(client == NULL, "a client was made");
  return true;
}

static char g_endpoint[64];

static bool test_prometheus_counts_every_call(void) {
  temporal_runtime_options ro;
  temporal_runtime_options_default(&ro, sizeof ro);
  ro.metrics_prometheus_address = "127.0.0.1:0";
  ro.metrics_global_tags_json = "{\"suite\": \"c\"}";
  CHECK_OK(temporal_runtime_init(&ro));
  size_t n = temporal_runtime_metrics_address(g_endpoint, sizeof g_endpoint);
  CHECK(n > 0 && n < sizeof g_endpoint, "no endpoint address (%zu)", n);
  char tiny[4];
  CHECK(temporal_runtime_metrics_address(tiny, sizeof tiny) == n && strlen(tiny) == 3, "cut address wrong");

  temporal_client *a = NULL;
  if (!connect_client(NULL, &a)) return false;
  for (int i = 0; i < 3; i++) {
    char id[16];
    snprintf(id, sizeof id, "a%d", i);
    if (!start_echo(a, id)) return false;
  }
  for (int i = 0; i < 2; i++)
    if (!describe_missing(a)) return false;

  if (!scrape(g_endpoint)) return false;
  const char *op_start = "operation=\"StartWorkflowExecution\"";
  const char *op_describe = "operation=\"DescribeWorkflowExecution\"";
  double v = prom_value("temporal_request", op_start, "namespace=\"default\"", "suite=\"c\"");
  CHECK(v == 3, "temporal_request{StartWorkflowExecution} = %g, want 3\n%s", v, g_scrape);
  v = prom_value("temporal_request", op_describe, NULL, NULL);
  CHECK(v == 2, "temporal_request{DescribeWorkflowExecution} = %g, want 2", v);
  v = prom_value("temporal_request_failure", op_describe, "status_code=\"NOT_FOUND\"", "suite=\"c\"");
  CHECK(v == 2, "temporal_request_failure{DescribeWorkflowExecution,NOT_FOUND} = %g, want 2", v);
  v = prom_value("temporal_request_failure", op_start, NULL, NULL);
  CHECK(v <= 0, "temporal_request_failure{StartWorkflowExecution} = %g, want none", v);
  v = prom_value("temporal_request_latency_count", op_start, NULL, NULL);
  CHECK(v == 3, "temporal_request_latency_count{StartWorkflowExecution} = %g, want 3", v);
  v = prom_value("temporal_request_latency_sum", op_start, NULL, NULL);
  CHECK(v > 0, "temporal_request_latency_sum{StartWorkflowExecution} = %g", v);
  /* The result waits are long polls. */
  v = prom_value("temporal_long_request", "operation=\"GetWorkflowExecutionHistory\"", NULL, NULL);
  CHECK(v >= 3, "temporal_long_request{GetWorkflowExecutionHistory} = %g, want at least 3", v);
  v = prom_value("temporal_request_resource_exhausted", NULL, NULL, NULL);
  CHECK(v <= 0, "temporal_request_resource_exhausted = %g with no such failure", v);
  temporal_client_free(a);
  return true;
}

static bool test_host_meter_gets_its_clients_metrics(void) {
  temporal_host_meter m;
  host_meter_table(&m);
  temporal_client *b = NULL;
  if (!connect_client(&m, &b)) return false;
  if (!start_echo(b, "b0") || !start_echo(b, "b1") || !describe_missing(b)) return false;

  uint64_t records, total;
  host_sum("temporal_request", "operation=StartWorkflowExecution,", "namespace=default,", &records, &total);
  CHECK(total == 2, "host temporal_request{StartWorkflowExecution} = %llu, want 2", (unsigned long long)total);
  host_sum("temporal_request_failure", "operation=DescribeWorkflowExecution,", "status_code=NOT_FOUND,", &records,
           &total);
  CHECK(total == 1, "host temporal_request_failure{Describe,NOT_FOUND} = %llu, want 1", (unsigned long long)total);
  host_sum("temporal_request", "suite=c,", NULL, &records, &total);
  CHECK(total > 0, "the global tag suite=c is missing from the host meter's tags");
  host_sum("temporal_request_latency", "operation=StartWorkflowExecution,", NULL, &records, &total);
  CHECK(records == 2 && total > 0, "host latency: %llu records, %llu ns", (unsigned long long)records,
        (unsigned long long)total);
  bool duration_kind = false;
  pthread_mutex_lock(&g_host.lock);
  for (int i = 0; i < g_host.metric_count; i++)
    if (strcmp(g_host.metrics[i].name, "temporal_request_latency") == 0)
      duration_kind = g_host.metrics[i].kind == TEMPORAL_METRIC_KIND_HISTOGRAM_DURATION &&
                      strcmp(g_host.metrics[i].unit, "ns") == 0;
  pthread_mutex_unlock(&g_host.lock);
  CHECK(duration_kind, "temporal_request_latency is not a duration histogram in ns");

  /* Client B's calls went to its meter only. */
  if (!scrape(g_endpoint)) return false;
  double v = prom_value("temporal_request", "operation=\"StartWorkflowExecution\"", NULL, NULL);
  CHECK(v == 3, "Prometheus counted client B's starts too: %g", v);

  /* Freed once the client is gone: every instrument and attribute set, then the meter. */
  temporal_client_free(b);
  for (int i = 0; i < 200; i++) {
    pthread_mutex_lock(&g_host.lock);
    int freed = g_host.meter_freed;
    pthread_mutex_unlock(&g_host.lock);
    if (freed) break;
    usleep(10000);
  }
  pthread_mutex_lock(&g_host.lock);
  int freed = g_host.meter_freed, attrs = g_host.attrs_alive, metrics = g_host.metrics_alive;
  pthread_mutex_unlock(&g_host.lock);
  CHECK(freed == 1 && attrs == 0 && metrics == 0,
        "after the client was freed: meter_free called %d times, %d attribute sets and %d instruments alive",
        freed, attrs, metrics);
  return true;
}

int main(void) {
  g_address = getenv("TEMPORAL_ADDRESS");
  g_task_queue = getenv("TEMPORAL_TEST_TASK_QUEUE");
  if (!g_address || !*g_address || !g_task_queue || !*g_task_queue) {
    fprintf(stderr, "test_metrics: TEMPORAL_ADDRESS and TEMPORAL_TEST_TASK_QUEUE must be set; "
                    "run it with tests/harness/with-dev-server.sh\n");
    return 2;
  }
  snprintf(g_prefix_run, sizeof g_prefix_run, "%ld-%d", (long)time(NULL), (int)getpid());
  struct {
    const char *name;
    bool (*fn)(void);
  } tests[] = {
      {"bad_options_are_refused", test_bad_options_are_refused},
      {"prometheus_counts_every_call", test_prometheus_counts_every_call},
      {"host_meter_without_required_callback", test_host_meter_without_required_callback},
      {"host_meter_gets_its_clients_metrics", test_host_meter_gets_its_clients_metrics},
  };
  int failed = 0;
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
    g_msg[0] = 0;
    bool ok = tests[i].fn();
    printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", tests[i].name, ok ? "" : ": ", ok ? "" : g_msg);
    if (!ok) failed++;
  }
  printf("test_metrics: %d failed\n", failed);
  return failed ? 1 : 0;
}
