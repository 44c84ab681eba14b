// Command testworker is the Temporal worker used by the temporal-ffi test
// suite. It registers a fixed set of workflows and activities on one or more
// task queues and prints "worker ready" on stdout once every worker has
// started, so a test harness can wait for that line. Before it, "recorder HOST:PORT" names a
// fake frontend that reports the gRPC metadata of each call (recorder.go), and "traces
// HOST:PORT" the spans of its OpenTelemetry tracing interceptor and the Temporal headers its
// workflows received (tracing.go).
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/interceptor"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
)

const defaultTaskQueues = "temporal-ffi-test,GREETING_TASK_QUEUE,TRANSFER_MONEY_TASK_QUEUE"

func defaultAddress() string {
	if a := os.Getenv("TEMPORAL_ADDRESS"); a != "" {
		return a
	}
	return "localhost:7233"
}

// register adds every test workflow and activity to w, by function name (the activities that
// need a client get c).
func register(w worker.Worker, c client.Client) {
	w.RegisterWorkflow(GreetingWorkflow)
	w.RegisterWorkflow(TransferMoney)
	w.RegisterWorkflow(Echo)
	w.RegisterWorkflow(Concat)
	w.RegisterWorkflow(Fail)
	w.RegisterWorkflow(Sleep)
	w.RegisterWorkflow(Block)
	w.RegisterWorkflow(ContinueAsNew)
	w.RegisterWorkflow(FailFirstAttempt)
	w.RegisterWorkflow(NoResult)
	w.RegisterWorkflow(ReturnBytes)
	w.RegisterWorkflow(CustomEncoding)
	w.RegisterWorkflow(GetMemoAndSearchInfo)
	w.RegisterWorkflow(Counter)
	w.RegisterWorkflow(AsyncActivity)
	w.RegisterWorkflow(EchoBytes)
	w.RegisterWorkflow(CodecProbe)

	w.RegisterActivity(ComposeGreeting)
	w.RegisterActivity(Withdraw)
	w.RegisterActivity(Deposit)
	w.RegisterActivity(&AsyncActivities{Client: c})
}

func main() {
	address := flag.String("address", defaultAddress(), "Temporal frontend host:port (env TEMPORAL_ADDRESS overrides the built-in default)")
	namespace := flag.String("namespace", "default", "Temporal namespace")
	taskQueues := flag.String("task-queues", defaultTaskQueues, "comma-separated task queues to poll")
	codecTaskQueue := flag.String("codec-task-queue", defaultCodecTaskQueue, "task queue of the worker whose payloads go through the AES-GCM codec (codec.go); empty for none")
	dialTimeout := flag.Duration("dial-timeout", 30*time.Second, "keep retrying the first connection for this long (lets the server still be starting)")
	flag.Parse()

	logger := tlog.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))

	tracing, err := newTracingInterceptor()
	if err != nil {
		fmt.Fprintf(os.Stderr, "testworker: unable to set up tracing: %v\n", err)
		os.Exit(1)
	}
	var c client.Client
	deadline := time.Now().Add(*dialTimeout)
	for {
		c, err = client.Dial(client.Options{
			HostPort:     *address,
			Namespace:    *namespace,
			Logger:       logger,
			Interceptors: []interceptor.ClientInterceptor{tracing},
		})
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "testworker: unable to connect to %s: %v\n", *address, err)
		os.Exit(1)
	}
	defer c.Close()

	var workers []worker.Worker
	for _, q := range strings.Split(*taskQueues, ",") {
		q = strings.TrimSpace(q)
		if q == "" {
			continue
		}
		w := worker.New(c, q, worker.Options{Interceptors: []interceptor.WorkerInterceptor{&headerRecorder{}}})
		register(w, c)
		if err := w.Start(); err != nil {
			fmt.Fprintf(os.Stderr, "testworker: unable to start worker on task queue %q: %v\n", q, err)
			for _, started := range workers {
				started.Stop()
			}
			c.Close()
			os.Exit(1)
		}
		workers = append(workers, w)
	}
	if len(workers) == 0 {
		fmt.Fprintln(os.Stderr, "testworker: no task queues given")
		c.Close()
		os.Exit(2)
	}
	if *codecTaskQueue != "" {
		w, err := startCodecWorker(c, *namespace, *codecTaskQueue, logger)
		if err != nil {
			fmt.Fprintf(os.Stderr, "testworker: codec worker: %v\n", err)
			os.Exit(1)
		}
		workers = append(workers, w)
	}

	recorderAddress, err := startRecorder()
	if err != nil {
		fmt.Fprintf(os.Stderr, "testworker: unable to start the metadata recorder: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stdout, "recorder", recorderAddress)
	tracesAddress, err := startTraceServer()
	if err != nil {
		fmt.Fprintf(os.Stderr, "testworker: unable to serve its traces: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stdout, "traces", tracesAddress)
	otlpAddress, err := startOTLPReceiver()
	if err != nil {
		fmt.Fprintf(os.Stderr, "testworker: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stdout, "otlp", otlpAddress)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)

	fmt.Fprintln(os.Stdout, "worker ready")
	_ = os.Stdout.Sync()

	sig := <-sigs
	fmt.Fprintf(os.Stderr, "testworker: received %v, stopping\n", sig)
	for _, w := range workers {
		w.Stop()
	}
}
