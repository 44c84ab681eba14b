// Command keyproxy is a gRPC reverse proxy for the fault tests (tests/faults/rotation.sh): it
// forwards every call to one upstream Temporal frontend unchanged (raw bytes, streams in both
// directions, headers, trailers and status), and lets a call through only if its
// `authorization` metadata is `Bearer <key>` for a key of the accepted set. Anything else ends
// with UNAUTHENTICATED, whose message names the key's id, never the key.
//
// The accepted set is replaced at run time over a small HTTP control endpoint:
//
//	POST /keys   body: one key per line, each "id=key" or just "key" (then its id is
//	             "sha256:" + 8 hex digits of the key's hash). Replaces the whole set. Ids stay
//	             known after their key leaves the set, so a rejected old key is counted under
//	             its id. The answer says how many calls of each id are in flight right now
//	             (calls already let through are never cut when their key leaves the set).
//	POST /hold?method=M&id=I&count=N&ms=D
//	             The next N calls of method M (its last path element, e.g.
//	             StartWorkflowExecution) let through with key id I are held D ms and then
//	             answered UNAVAILABLE without reaching the server: a transient failure, which the
//	             client retries, possibly after its key changed.
//	GET  /stats  JSON counts: accepted / rejected / in flight / held per key id, accepted per
//	             id and method, and the wall-clock ms of each id's first and last accepted call.
//
// Keys are never printed, logged or answered back: only their ids.
package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	_ "google.golang.org/grpc/encoding/gzip" // a client that compresses its requests is still understood
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// frame is one gRPC message, kept as the bytes on the wire: the proxy never decodes protobuf.
type frame struct{ payload []byte }

// rawCodec passes messages through as bytes. It is named "proto" so that the content-type the
// client and server expect ("application/grpc" / "+proto") is kept.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) {
	f, ok := v.(*frame)
	if !ok {
		return nil, fmt.Errorf("keyproxy: cannot marshal %T", v)
	}
	return f.payload, nil
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	f, ok := v.(*frame)
	if !ok {
		return fmt.Errorf("keyproxy: cannot unmarshal into %T", v)
	}
	// The transport may reuse data's buffer after this returns.
	f.payload = append(f.payload[:0], data...)
	return nil
}

func (rawCodec) Name() string { return "proto" }

// Ids of calls that carry no usable key (never a key's own id).
const (
	idNone      = "none"      // no authorization metadata
	idMalformed = "malformed" // not "Bearer <key>"
	idUnknown   = "unknown"   // a key never posted to /keys
)

type idStats struct {
	Accepted      int64   `json:"accepted"`
	Rejected      int64   `json:"rejected"`
	InFlight      int64   `json:"in_flight"`
	FirstAccepted int64   `json:"first_accepted_ms,omitempty"`
	LastAccepted  int64   `json:"last_accepted_ms,omitempty"`
	Held          int64   `json:"held"`
	HeldFailedAt  []int64 `json:"held_failed_ms"` // when each held call was failed

	Methods map[string]int64 `json:"accepted_by_method"`
}

// holdRule makes the next count calls of method with key id wait ms and fail UNAVAILABLE.
type holdRule struct {
	method, id string
	count      int
	delay      time.Duration
}

type keyring struct {
	mu       sync.Mutex
	accepted map[string]string // key -> id, the current set
	known    map[string]string // key -> id, every key ever posted
	stats    map[string]*idStats
	changes  int
	holds    []*holdRule
}

func newKeyring() *keyring {
	return &keyring{accepted: map[string]string{}, known: map[string]string{}, stats: map[string]*idStats{}}
}

func (k *keyring) statsFor(id string) *idStats {
	s := k.stats[id]
	if s == nil {
		s = &idStats{Methods: map[string]int64{}}
		k.stats[id] = s
	}
	return s
}

func hashID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:4])
}

// replace makes keys (lines "id=key" or "key") the accepted set; returns the ids, in order.
func (k *keyring) replace(body string) ([]string, error) {
	next := map[string]string{}
	var ids []string
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		id, key, found := strings.Cut(line, "=")
		if !found {
			id, key = hashID(line), line
		}
		if id == "" || key == "" || id == idNone || id == idMalformed || id == idUnknown {
			return nil, fmt.Errorf("bad line (expected id=key or key)")
		}
		next[key] = id
		ids = append(ids, id)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.accepted = next
	for key, id := range next {
		k.known[key] = id
		k.statsFor(id)
	}
	k.changes++
	return ids, nil
}

// admit checks a call's metadata: the key id, and whether the call may go on. It counts the
// call under that id (in flight until release is called, when accepted).
func (k *keyring) admit(md metadata.MD, method string) (id string, ok bool) {
	values := md.Get("authorization")
	k.mu.Lock()
	defer k.mu.Unlock()
	switch {
	case len(values) == 0:
		id = idNone
	case len(values) > 1 || !strings.HasPrefix(values[0], "Bearer ") || len(values[0]) == len("Bearer "):
		id = idMalformed
	default:
		given := strings.TrimPrefix(values[0], "Bearer ")
		id = idUnknown
		for key, kid := range k.known {
			if subtle.ConstantTimeCompare([]byte(key), []byte(given)) == 1 {
				id = kid
				break
			}
		}
		if _, in := k.accepted[given]; in {
			ok = true
		}
	}
	s := k.statsFor(id)
	if !ok {
		s.Rejected++
		return id, false
	}
	now := time.Now().UnixMilli()
	s.Accepted++
	s.InFlight++
	if s.FirstAccepted == 0 {
		s.FirstAccepted = now
	}
	s.LastAccepted = now
	s.Methods[method[strings.LastIndexByte(method, '/')+1:]]++
	return id, true
}

// addHold arms a hold rule.
func (k *keyring) addHold(r *holdRule) {
	k.mu.Lock()
	k.holds = append(k.holds, r)
	k.mu.Unlock()
}

// takeHold returns how long to hold an accepted call and fail it, or 0 to forward it.
func (k *keyring) takeHold(method, id string) time.Duration {
	short := method[strings.LastIndexByte(method, '/')+1:]
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, r := range k.holds {
		if r.count > 0 && r.method == short && r.id == id {
			r.count--
			k.statsFor(id).Held++
			return r.delay
		}
	}
	return 0
}

func (k *keyring) heldFailed(id string) {
	k.mu.Lock()
	s := k.statsFor(id)
	s.HeldFailedAt = append(s.HeldFailedAt, time.Now().UnixMilli())
	k.mu.Unlock()
}

func (k *keyring) release(id string) {
	k.mu.Lock()
	k.statsFor(id).InFlight--
	k.mu.Unlock()
}

func (k *keyring) snapshot() ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := struct {
		Changes int                 `json:"key_set_changes"`
		IDs     map[string]*idStats `json:"ids"`
	}{k.changes, k.stats}
	return json.MarshalIndent(out, "", "  ")
}

func (k *keyring) inFlightText() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var parts []string
	for id, s := range k.stats {
		parts = append(parts, fmt.Sprintf("%s=%d", id, s.InFlight))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// forwardedMetadata is the incoming metadata minus what the transport itself sets: pseudo
// headers and the gRPC framing headers (grpc-go refuses or rewrites those).
func forwardedMetadata(in metadata.MD) metadata.MD {
	out := metadata.MD{}
	for k, v := range in {
		if strings.HasPrefix(k, ":") {
			continue
		}
		switch k {
		case "content-type", "user-agent", "te", "grpc-timeout", "grpc-encoding", "grpc-accept-encoding":
			continue
		}
		out[k] = append([]string(nil), v...)
	}
	return out
}

type proxy struct {
	upstream *grpc.ClientConn
	keys     *keyring
	verbose  bool
}

// handle forwards one call of any method. The deadline and cancellation of the caller carry
// over: the upstream call's context is the incoming one's.
func (p *proxy) handle(_ any, ss grpc.ServerStream) error {
	method, ok := grpc.MethodFromServerStream(ss)
	if !ok {
		return status.Error(codes.Internal, "keyproxy: no method name")
	}
	in, _ := metadata.FromIncomingContext(ss.Context())
	id, admitted := p.keys.admit(in, method)
	if !admitted {
		if p.verbose {
			log.Printf("keyproxy: rejected %s (key id %s)", method, id)
		}
		// The message names the id only: a test checks that no key text comes back.
		return status.Errorf(codes.Unauthenticated, "keyproxy: API key not accepted (key id %s)", id)
	}
	defer p.keys.release(id)
	if hold := p.keys.takeHold(method, id); hold > 0 {
		select {
		case <-time.After(hold):
		case <-ss.Context().Done():
		}
		p.keys.heldFailed(id)
		return status.Error(codes.Unavailable, "keyproxy: held and failed on purpose (transient)")
	}

	ctx, cancel := context.WithCancel(ss.Context())
	defer cancel()
	ctx = metadata.NewOutgoingContext(ctx, forwardedMetadata(in))
	cs, err := p.upstream.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, method,
		grpc.ForceCodec(rawCodec{}))
	if err != nil {
		return err
	}

	// Client to upstream, until the client half-closes.
	upErr := make(chan error, 1)
	go func() {
		for {
			f := &frame{}
			if err := ss.RecvMsg(f); err != nil {
				if err == io.EOF {
					upErr <- cs.CloseSend()
				} else {
					upErr <- err
				}
				return
			}
			if err := cs.SendMsg(f); err != nil {
				// The upstream ended the call: its status comes from RecvMsg below.
				upErr <- nil
				return
			}
		}
	}()

	// Upstream to client, until the upstream ends the call; its status is the call's.
	headerSent := false
	for {
		f := &frame{}
		err := cs.RecvMsg(f)
		if !headerSent {
			// Headers come before the first message, or with a trailers-only answer.
			if h, herr := cs.Header(); herr == nil && len(h) > 0 {
				if serr := ss.SendHeader(h); serr != nil {
					return serr
				}
			}
			headerSent = true
		}
		if err == io.EOF {
			ss.SetTrailer(cs.Trailer())
			return nil
		}
		if err != nil {
			ss.SetTrailer(cs.Trailer())
			if _, isStatus := status.FromError(err); isStatus {
				return err
			}
			return status.Error(codes.Unavailable, "keyproxy: upstream: "+err.Error())
		}
		if err := ss.SendMsg(f); err != nil {
			return err
		}
		select {
		case e := <-upErr:
			if e != nil {
				return e
			}
			upErr = nil // half-closed; keep relaying the answers
		default:
		}
	}
}

// server is the gRPC server that serves every method through handle.
func (p *proxy) server() *grpc.Server {
	return grpc.NewServer(
		grpc.UnknownServiceHandler(p.handle),
		grpc.ForceServerCodec(rawCodec{}),
		grpc.MaxRecvMsgSize(1<<30), grpc.MaxSendMsgSize(1<<30))
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "gRPC address to serve")
	control := flag.String("control", "127.0.0.1:0", "HTTP control address (POST /keys, GET /stats)")
	upstream := flag.String("upstream", "127.0.0.1:7233", "Temporal frontend host:port")
	verbose := flag.Bool("v", false, "log each rejected call (method and key id)")
	flag.Parse()

	conn, err := grpc.NewClient("passthrough:///"+*upstream,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(1<<30), grpc.MaxCallSendMsgSize(1<<30)))
	if err != nil {
		log.Fatalf("keyproxy: upstream %s: %v", *upstream, err)
	}
	p := &proxy{upstream: conn, keys: newKeyring(), verbose: *verbose}

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("keyproxy: listen %s: %v", *listen, err)
	}
	ctl, err := net.Listen("tcp", *control)
	if err != nil {
		log.Fatalf("keyproxy: control %s: %v", *control, err)
	}
	srv := p.server()

	mux := http.NewServeMux()
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		inFlightBefore := p.keys.inFlightText()
		ids, err := p.keys.replace(string(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		log.Printf("keyproxy: accepted key ids now [%s]; calls in flight: %s", strings.Join(ids, " "), inFlightBefore)
		fmt.Fprintf(w, "ok keys=[%s] in_flight: %s\n", strings.Join(ids, " "), inFlightBefore)
	})
	mux.HandleFunc("/hold", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		q := r.URL.Query()
		var count, ms int
		if _, err := fmt.Sscan(q.Get("count"), &count); err != nil || count < 1 {
			http.Error(w, "count: a number >= 1", http.StatusBadRequest)
			return
		}
		if _, err := fmt.Sscan(q.Get("ms"), &ms); err != nil || ms < 1 {
			http.Error(w, "ms: a number >= 1", http.StatusBadRequest)
			return
		}
		if q.Get("method") == "" || q.Get("id") == "" {
			http.Error(w, "method and id are required", http.StatusBadRequest)
			return
		}
		p.keys.addHold(&holdRule{method: q.Get("method"), id: q.Get("id"), count: count, delay: time.Duration(ms) * time.Millisecond})
		log.Printf("keyproxy: holding the next %d %s calls of key id %s for %d ms, then UNAVAILABLE", count, q.Get("method"), q.Get("id"), ms)
		fmt.Fprintf(w, "ok holding %d %s calls of key id %s for %d ms\n", count, q.Get("method"), q.Get("id"), ms)
	})
	mux.HandleFunc("/stats", func(w http.ResponseWriter, _ *http.Request) {
		b, err := p.keys.snapshot()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(append(b, '\n'))
	})
	go func() {
		if err := http.Serve(ctl, mux); err != nil {
			log.Fatalf("keyproxy: control: %v", err)
		}
	}()
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
		<-sig
		srv.Stop()
	}()
	fmt.Printf("keyproxy ready grpc=%s control=%s upstream=%s\n", lis.Addr(), ctl.Addr(), *upstream)
	if err := srv.Serve(lis); err != nil {
		log.Fatalf("keyproxy: serve: %v", err)
	}
}
