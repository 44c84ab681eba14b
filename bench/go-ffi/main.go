// Benchmark client: temporal-ffi from Go through bindings/go. Usage:
//
//	go-ffi ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C | block-waits N
//
// block-waits: as bench/c/bench_ffi.c — starts N `Block` workflows (100 starts in flight), parks
// N result waits at once (N goroutines, each blocked in run.Get), sleeps 5 s, samples memory,
// sends "unblock" "go" to each (100 signals in flight) and times until every run.Get returned.
package main

/*
#include <malloc.h>
// Live malloc bytes, as the C client's heap_parked_kb: the Rust library allocates with malloc.
static size_t live_malloc_bytes(void) { struct mallinfo2 mi = mallinfo2(); return mi.uordblks + mi.hblkhd; }
*/
import "C"

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

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
)

var seq atomic.Int64

func one(c client.Client, wait bool) {
	o := client.StartWorkflowOptions{ID: fmt.Sprintf("bench-goffi-%d-%d", os.Getpid(), seq.Add(1)), TaskQueue: "temporal-ffi-test"}
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

// errCode is the name of the error's code (NOT_FOUND, WORKFLOW_FAILED, ...): ErrorCode.String is
// temporal_error_code_name. Every error of the binding matches its code with errors.Is.
func errCode(err error) string {
	for code := client.ErrInvalidArgument; code <= client.ErrShutdown; code++ {
		if errors.Is(err, code) {
			return code.String()
		}
	}
	return "UNKNOWN"
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

// heapNowKB is the live heap in kB: the Go part, runtime.MemStats HeapInuse + StackInuse
// (in-use heap spans plus goroutine stacks, which is where N parked goroutines live), plus
// the C part, live malloc bytes (mallinfo2 uordblks + hblkhd, as the C client reports), where
// the Rust library keeps its state; both parts are also printed to stderr.
func heapNowKB() int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	goKB := int64((ms.HeapInuse + ms.StackInuse) / 1024)
	cKB := int64(C.live_malloc_bytes() / 1024)
	fmt.Fprintf(os.Stderr, "heap parked: go HeapInuse+StackInuse %d kB (heap %d, stacks %d), C malloc %d kB\n",
		goKB, ms.HeapInuse/1024, ms.StackInuse/1024, cKB)
	return goKB + cKB
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
		o := client.StartWorkflowOptions{ID: fmt.Sprintf("bench-goffi-blk-%d-%d", os.Getpid(), seq.Add(1)), TaskQueue: "temporal-ffi-test"}
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
	c, err := client.Dial(client.Options{HostPort: addr})
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
	fmt.Printf(`{"client":"go-ffi","mode":"%s","n":%d,"concurrency":%d,"wall_s":%.6f,"latencies_ms":[%s],"user_cpu_s":%.6f,"sys_cpu_s":%.6f,"max_rss_kb":%d`,
		mode, n, conc, wall, strings.Join(lat, ","), tv(ru.Utime), tv(ru.Stime), ru.Maxrss)
	if bw != nil {
		fmt.Printf(`,"errors":%d,"signal_to_all_results_s":%.6f,"rss_parked_kb":%d,"heap_parked_kb":%d,"delivered":%d,"errors_by_code":%s`,
			bw.errs.n, bw.signalToAllResults, bw.rssParked, bw.heapParked, bw.delivered, bw.errs.json())
	}
	fmt.Println("}")
	c.Close()
}
