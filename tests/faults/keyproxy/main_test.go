package main

// Checks the proxy itself, without Temporal: a raw-bytes upstream echoes each message of a
// bidirectional stream, sets a header and a trailer, reports the metadata it received and
// answers the status code asked for. `go test` in tests/faults/keyproxy.

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// echoUpstream answers every method: header x-up-header (with the x-custom and authorization
// values it received), each message echoed back as it arrives, trailer x-up-trailer, then the
// status x-want-code asks for ("" : OK). x-wait-for-deadline makes it wait for the caller's
// deadline instead (FAILED_PRECONDITION at once if the call has none).
func echoUpstream(_ any, ss grpc.ServerStream) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	first := func(k string) string {
		if v := md.Get(k); len(v) > 0 {
			return v[0]
		}
		return ""
	}
	if first("x-wait-for-deadline") != "" {
		if _, has := ss.Context().Deadline(); !has {
			return status.Error(codes.FailedPrecondition, "the call came with no deadline")
		}
		<-ss.Context().Done()
		return status.FromContextError(ss.Context().Err()).Err()
	}
	if err := ss.SendHeader(metadata.Pairs("x-up-header", "custom="+first("x-custom")+" auth="+first("authorization"))); err != nil {
		return err
	}
	ss.SetTrailer(metadata.Pairs("x-up-trailer", "done"))
	for {
		f := &frame{}
		err := ss.RecvMsg(f)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := ss.SendMsg(&frame{payload: append([]byte("echo:"), f.payload...)}); err != nil {
			return err
		}
	}
	switch first("x-want-code") {
	case "":
		return nil
	case "not-found":
		return status.Error(codes.NotFound, "upstream says not found")
	default:
		return status.Error(codes.Internal, "bad x-want-code")
	}
}

type fixture struct {
	keys   *keyring
	client *grpc.ClientConn
}

func start(t *testing.T) *fixture {
	t.Helper()
	up := grpc.NewServer(grpc.UnknownServiceHandler(echoUpstream), grpc.ForceServerCodec(rawCodec{}))
	upLis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go up.Serve(upLis)
	t.Cleanup(up.Stop)

	upConn, err := grpc.NewClient("passthrough:///"+upLis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { upConn.Close() })
	p := &proxy{upstream: upConn, keys: newKeyring()}
	srv := p.server()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)

	c, err := grpc.NewClient("passthrough:///"+lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := p.keys.replace("K1=key-one\nK2=key-two\n"); err != nil {
		t.Fatal(err)
	}
	return &fixture{keys: p.keys, client: c}
}

func (f *fixture) stream(ctx context.Context, t *testing.T, md ...string) grpc.ClientStream {
	t.Helper()
	cs, err := f.client.NewStream(metadata.AppendToOutgoingContext(ctx, md...),
		&grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, "/test.Echo/Bidi", grpc.ForceCodec(rawCodec{}))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// roundTrip sends one message and reads its echo: the stream is relayed as it goes, not
// buffered until the end.
func roundTrip(t *testing.T, cs grpc.ClientStream, msg string) error {
	t.Helper()
	if err := cs.SendMsg(&frame{payload: []byte(msg)}); err != nil {
		return err
	}
	got := &frame{}
	if err := cs.RecvMsg(got); err != nil {
		return err
	}
	if string(got.payload) != "echo:"+msg {
		t.Fatalf("echo of %q: got %q", msg, got.payload)
	}
	return nil
}

func TestBidiStreamHeadersTrailersMetadata(t *testing.T) {
	f := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cs := f.stream(ctx, t, "authorization", "Bearer key-one", "x-custom", "hello")
	for _, m := range []string{"a", "bb", strings.Repeat("c", 1<<20)} {
		if err := roundTrip(t, cs, m); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	}
	h, err := cs.Header()
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Get("x-up-header"); len(got) != 1 || got[0] != "custom=hello auth=Bearer key-one" {
		t.Fatalf("header (metadata forwarded upstream): %v", got)
	}
	if err := cs.CloseSend(); err != nil {
		t.Fatal(err)
	}
	if err := cs.RecvMsg(&frame{}); err != io.EOF {
		t.Fatalf("end of stream: %v", err)
	}
	if got := cs.Trailer().Get("x-up-trailer"); len(got) != 1 || got[0] != "done" {
		t.Fatalf("trailer: %v", cs.Trailer())
	}
}

func TestUpstreamStatusPassesThrough(t *testing.T) {
	f := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cs := f.stream(ctx, t, "authorization", "Bearer key-two", "x-want-code", "not-found")
	cs.CloseSend()
	err := cs.RecvMsg(&frame{})
	if s, _ := status.FromError(err); s.Code() != codes.NotFound || s.Message() != "upstream says not found" {
		t.Fatalf("status: %v", err)
	}
	if got := cs.Trailer().Get("x-up-trailer"); len(got) != 1 {
		t.Fatalf("trailer with an error status: %v", cs.Trailer())
	}
}

func TestDeadlineIsForwarded(t *testing.T) {
	f := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	began := time.Now()
	cs := f.stream(ctx, t, "authorization", "Bearer key-one", "x-wait-for-deadline", "1")
	cs.CloseSend()
	err := cs.RecvMsg(&frame{})
	if s, _ := status.FromError(err); s.Code() != codes.DeadlineExceeded {
		t.Fatalf("status: %v", err)
	}
	if d := time.Since(began); d > 2*time.Second {
		t.Fatalf("took %v", d)
	}
}

func TestRefusalsNameNoKey(t *testing.T) {
	f := start(t)
	for _, tc := range []struct {
		md []string
		id string
	}{
		{nil, idNone},
		{[]string{"authorization", "Basic key-one"}, idMalformed},
		{[]string{"authorization", "Bearer not-a-key-secret"}, idUnknown},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		cs := f.stream(ctx, t, tc.md...)
		err := roundTrip(t, cs, "x")
		if errors.Is(err, io.EOF) {
			err = cs.RecvMsg(&frame{})
		}
		cancel()
		s, _ := status.FromError(err)
		if s.Code() != codes.Unauthenticated || !strings.Contains(s.Message(), "key id "+tc.id) ||
			strings.Contains(s.Message(), "key-one") || strings.Contains(s.Message(), "not-a-key-secret") {
			t.Fatalf("%v: got %v", tc.md, err)
		}
	}
	b, _ := f.keys.snapshot()
	if strings.Contains(string(b), "key-one") || strings.Contains(string(b), "key-two") {
		t.Fatalf("stats show a key: %s", b)
	}
}

func TestRotationKeepsCallsInFlight(t *testing.T) {
	f := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	open := f.stream(ctx, t, "authorization", "Bearer key-one")
	if err := roundTrip(t, open, "before"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.keys.replace("K2=key-two"); err != nil {
		t.Fatal(err)
	}
	// The call let through with K1 goes on; a new one with K1 is refused, one with K2 is not.
	if err := roundTrip(t, open, "after"); err != nil {
		t.Fatalf("call in flight across the removal: %v", err)
	}
	open.CloseSend()
	if err := open.RecvMsg(&frame{}); err != io.EOF {
		t.Fatalf("end: %v", err)
	}
	refused := f.stream(ctx, t, "authorization", "Bearer key-one")
	refused.CloseSend()
	if s, _ := status.FromError(refused.RecvMsg(&frame{})); s.Code() != codes.Unauthenticated || !strings.Contains(s.Message(), "key id K1") {
		t.Fatalf("old key after the removal: %v", s)
	}
	if err := roundTrip(t, f.stream(ctx, t, "authorization", "Bearer key-two"), "new"); err != nil {
		t.Fatalf("new key: %v", err)
	}
	k1 := f.keys.stats["K1"]
	if k1.Accepted != 1 || k1.Rejected != 1 || k1.InFlight != 0 {
		t.Fatalf("K1 counts: %+v", k1)
	}
}
