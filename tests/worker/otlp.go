package main

// An OTLP/gRPC metrics receiver for the OTLP export tests: what a collector would get from the
// library. Every exported data point is kept (the latest value per metric name and attribute
// set, resource attributes included: exports are cumulative) and served as JSON on the trace
// server's GET /otlp (tracing.go). Printed as "otlp HOST:PORT" before "worker ready".

import (
	"context"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"

	collectormetrics "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	"google.golang.org/grpc"
)

type otlpPoint struct {
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes"`
	// The counter's value, or the histogram's count.
	Value float64 `json:"value"`
}

var otlpPoints = struct {
	sync.Mutex
	latest  map[string]otlpPoint
	exports int
}{latest: map[string]otlpPoint{}}

type otlpReceiver struct {
	collectormetrics.UnimplementedMetricsServiceServer
}

func attributes(into map[string]string, kvs []*commonpb.KeyValue) {
	for _, kv := range kvs {
		into[kv.GetKey()] = kv.GetValue().GetStringValue()
	}
}

func keep(name string, attrs map[string]string, value float64) {
	keys := make([]string, 0, len(attrs))
	for k, v := range attrs {
		keys = append(keys, k+"="+v)
	}
	sort.Strings(keys)
	otlpPoints.latest[name+"{"+strings.Join(keys, ",")+"}"] = otlpPoint{Name: name, Attributes: attrs, Value: value}
}

func (otlpReceiver) Export(_ context.Context, req *collectormetrics.ExportMetricsServiceRequest) (*collectormetrics.ExportMetricsServiceResponse, error) {
	otlpPoints.Lock()
	defer otlpPoints.Unlock()
	otlpPoints.exports++
	for _, rm := range req.GetResourceMetrics() {
		resource := map[string]string{}
		attributes(resource, rm.GetResource().GetAttributes())
		for _, sm := range rm.GetScopeMetrics() {
			for _, m := range sm.GetMetrics() {
				point := func(kvs []*commonpb.KeyValue, value float64) {
					attrs := map[string]string{}
					for k, v := range resource {
						attrs[k] = v
					}
					attributes(attrs, kvs)
					keep(m.GetName(), attrs, value)
				}
				for _, p := range m.GetSum().GetDataPoints() {
					point(p.GetAttributes(), float64(p.GetAsInt())+p.GetAsDouble())
				}
				for _, p := range m.GetHistogram().GetDataPoints() {
					point(p.GetAttributes(), float64(p.GetCount()))
				}
			}
		}
	}
	return &collectormetrics.ExportMetricsServiceResponse{}, nil
}

// startOTLPReceiver serves OTLP/gRPC metrics on a free port; returns its address.
func startOTLPReceiver() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("otlp receiver: %w", err)
	}
	s := grpc.NewServer()
	collectormetrics.RegisterMetricsServiceServer(s, otlpReceiver{})
	go func() { _ = s.Serve(l) }()
	return l.Addr().String(), nil
}

// otlpSnapshot is every kept data point.
func otlpSnapshot() []otlpPoint {
	otlpPoints.Lock()
	defer otlpPoints.Unlock()
	out := make([]otlpPoint, 0, len(otlpPoints.latest))
	for _, p := range otlpPoints.latest {
		out = append(out, p)
	}
	return out
}
