// Benchmark client: the Go SDK client. Usage: go-sdk ADDRESS start-seq N | start-and-wait-seq N | start-concurrent N C
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
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

func main() {
	addr, mode := os.Args[1], os.Args[2]
	n, _ := strconv.Atoi(os.Args[3])
	conc := 1
	if mode == "start-concurrent" {
		conc, _ = strconv.Atoi(os.Args[4])
	}
	c, err := client.Dial(client.Options{HostPort: addr, Logger: log.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))})
	if err != nil {
		fmt.Fprintln(os.Stderr, "dial:", err)
		os.Exit(1)
	}
	var lat []string
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
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", mode)
		os.Exit(2)
	}
	wall := time.Since(t0).Seconds()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	fmt.Printf(`{"client":"go-sdk","mode":"%s","n":%d,"concurrency":%d,"wall_s":%.6f,"latencies_ms":[%s],"user_cpu_s":%.6f,"sys_cpu_s":%.6f,"max_rss_kb":%d}`+"\n",
		mode, n, conc, wall, strings.Join(lat, ","), tv(ru.Utime), tv(ru.Stime), ru.Maxrss)
	c.Close()
}
