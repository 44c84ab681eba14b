// Benchmark client: the Go SDK client. Usage:
//
//	go-sdk ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C | block-waits N
//
// block-waits: as bench/c/bench_ffi.c — starts N `Block` workflows (100 starts in flight), parks
// N result waits at once (N goroutines, each blocked in run.Get, which is how a Go SDK user waits
// on many workflows from one process), sleeps 5 s, samples memory, sends "unblock" "go" to each
// (100 signals in flight) and times until every run.Get returned.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"log/slog"
)

var seq atomic.Int64

func one(c client.Client, wait bool) {
	o := client.StartWorkflowOptions{ID: fmt.Sprintf("bench-go-%d-%d", os.Getpid(), seq.Add(1)), TaskQueue: "temporal-ffi-test"}
	run, err := c.ExecuteWorkflow(context.Background(), o, "Echo", "hi")
	if err != nil {
		fmt.Fprintln(os.Stderr, "start:", err)
		os.Exit(1)
	}
	if wait {
		var s string
		if err := run.Get(context.Background(), &s); err != nil {
			fmt.Fprintln(os.Stderr, "get:", err)
			os.Exit(1)
		}
	}
}

// errCode names an error in the style of temporal_error_code_name: the workflow outcome for
// a *temporal.WorkflowExecutionError, otherwise the gRPC code in UPPER_SNAKE (NOT_FOUND, ...).
func errCode(err error) string {
	var we *temporal.WorkflowExecutionError
	if errors.As(err, &we) {
		var ce *temporal.CanceledError
		var te *temporal.TerminatedError
		var toe *temporal.TimeoutError
		switch {
		case errors.As(err, &ce):
			return "WORKFLOW_CANCELED"
		case errors.As(err, &te):
			return "WORKFLOW_TERMINATED"
		case errors.As(err, &toe):
			return "WORKFLOW_TIMED_OUT"
		}
		return "WORKFLOW_FAILED"
	}
	var b strings.Builder
	for i, r := range serviceerror.ToStatus(err).Code().String() {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// errCounts counts errors by "what CODE"; the first of each kind is printed to stderr.
type errCounts struct {
	mu sync.Mutex
	m  map[string]int64
	n  int64
}

func (e *errCounts) add(what string, err error) {
	k := what + " " + errCode(err)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.m == nil {
		e.m = map[string]int64{}
	}
	if e.m[k] == 0 {
		fmt.Fprintf(os.Stderr, "%s: %s: %v\n", what, errCode(err), err)
	}
	e.m[k]++
	e.n++
}

func (e *errCounts) json() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	keys := make([]string, 0, len(e.m))
	for k := range e.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q:%d", k, e.m[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// rssNowKB is VmRSS from /proc/self/status: the resident size at this moment.
func rssNowKB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return -1
}

// heapNowKB is the Go counterpart of the C client's mallinfo2 live-heap figure:
// runtime.MemStats HeapInuse + StackInuse (in-use heap spans plus goroutine stacks, which
// is where N parked goroutines live), in kB.
func heapNowKB() int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64((ms.HeapInuse + ms.StackInuse) / 1024)
}

// forEach runs f(i) for i in [0, n) with `inFlight` calls at a time.
func forEach(n, inFlight int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < inFlight && w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

type blockResult struct {
	signalToAllResults    float64
	rssParked, heapParked int64
	delivered             int64
	errs                  errCounts
}

func blockWaits(c client.Client, n int) *blockResult {
	ctx := context.Background()
	res := &blockResult{}
	// phase 1: start n Block workflows, 100 in flight
	runs := make([]client.WorkflowRun, n)
	forEach(n, 100, func(i int) {
		o := client.StartWorkflowOptions{ID: fmt.Sprintf("bench-go-blk-%d-%d", os.Getpid(), seq.Add(1)), TaskQueue: "temporal-ffi-test"}
		run, err := c.ExecuteWorkflow(ctx, o, "Block")
		if err != nil {
			fmt.Fprintln(os.Stderr, "start Block:", err)
			os.Exit(1)
		}
		runs[i] = run
	})
	// phase 2: n goroutines, each blocked in run.Get
	var delivered atomic.Int64
	var wg sync.WaitGroup
	for _, run := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s string
			if err := run.Get(ctx, &s); err != nil {
				res.errs.add("get_result", err)
			} else if s == "unblocked: go" {
				delivered.Add(1)
			}
		}()
	}
	time.Sleep(5 * time.Second) // every wait is now a long poll parked on the server
	res.rssParked = rssNowKB()
	res.heapParked = heapNowKB()
	ts := time.Now()
	forEach(n, 100, func(i int) {
		if err := c.SignalWorkflow(ctx, runs[i].GetID(), "", "unblock", "go"); err != nil {
			res.errs.add("signal", err)
		}
	})
	wg.Wait()
	res.signalToAllResults = time.Since(ts).Seconds()
	res.delivered = delivered.Load()
	return res
}

func main() {
	addr, mode := os.Args[1], os.Args[2]
	n, _ := strconv.Atoi(os.Args[3])
	conc := 1
	if mode == "start-concurrent" {
		conc, _ = strconv.Atoi(os.Args[4])
	}
	opts := client.Options{HostPort: addr, Logger: log.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))}
	// BENCH_NO_GZIP=1: no request compression (temporal-ffi's default; label go-sdk-nogzip)
	label := "go-sdk"
	if os.Getenv("BENCH_NO_GZIP") == "1" {
		opts.ConnectionOptions.GrpcCompression = &client.GrpcCompressionNone{}
		label = "go-sdk-nogzip"
	}
	c, err := client.Dial(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dial:", err)
		os.Exit(1)
	}
	var lat []string
	var bw *blockResult
	t0 := time.Now()
	switch mode {
	case "start-seq", "start-and-wait-seq":
		for i := 0; i < n; i++ {
			t := time.Now()
			one(c, mode == "start-and-wait-seq")
			lat = append(lat, fmt.Sprintf("%.3f", float64(time.Since(t).Nanoseconds())/1e6))
		}
	case "start-concurrent":
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < conc; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for next.Add(1) <= int64(n) {
					one(c, false)
				}
			}()
		}
		wg.Wait()
	case "block-waits":
		bw = blockWaits(c, n)
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", mode)
		os.Exit(2)
	}
	wall := time.Since(t0).Seconds()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	fmt.Printf(`{"client":"%s","mode":"%s","n":%d,"concurrency":%d,"wall_s":%.6f,"latencies_ms":[%s],"user_cpu_s":%.6f,"sys_cpu_s":%.6f,"max_rss_kb":%d`, label,
		mode, n, conc, wall, strings.Join(lat, ","), tv(ru.Utime), tv(ru.Stime), ru.Maxrss)
	if bw != nil {
		fmt.Printf(`,"errors":%d,"signal_to_all_results_s":%.6f,"rss_parked_kb":%d,"heap_parked_kb":%d,"delivered":%d,"errors_by_code":%s`,
			bw.errs.n, bw.signalToAllResults, bw.rssParked, bw.heapParked, bw.delivered, bw.errs.json())
	}
	fmt.Println("}")
	c.Close()
}
