package client_test

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
)

// The payload codec, as a Go SDK user writes it: Temporal's Go samples' encryption codec
// (samples-go encryption/data_converter.go and crypt.go: AES-256-GCM, data = 12-byte nonce ||
// seal of the marshalled Payload) in client.Options.DataConverter, against the test worker's
// queue temporal-ffi-codec, whose Go SDK client has the same codec and key.
//
// Bounds: TEMPORAL_TEST_CODEC_TIMEOUT (each test's calls, default 30s) and
// TEMPORAL_TEST_CODEC_RELEASE_TIMEOUT (how long a released codec's handle may take to be
// deleted, default 10s). TEMPORAL_TEST_CODEC_KEY overrides the samples' key (the worker reads it
// too); TEMPORAL_TEST_CODEC_TASK_QUEUE the worker's queue.

const (
	// MetadataEncodingEncrypted is the samples' encoding of an encrypted payload.
	MetadataEncodingEncrypted = "binary/encrypted"
	// MetadataEncryptionKeyID is the samples' metadata key of the key ID.
	MetadataEncryptionKeyID = "encryption-key-id"
	codecTestKeyID          = "test-key"
)

// Codec is the samples' encryption codec, with counters for the tests.
type Codec struct {
	// KeyID is the key ID written to the metadata of each payload.
	KeyID string

	encoded          atomic.Int64 // payloads encrypted
	decodedEncrypted atomic.Int64 // encrypted payloads decrypted
}

func getKey(keyID string) []byte {
	// The samples' key is hard-coded (and their getKey ignores the key ID too).
	if k := os.Getenv("TEMPORAL_TEST_CODEC_KEY"); k != "" {
		return []byte(k)
	}
	return []byte("test-key-test-key-test-key-test!")
}

func encrypt(plainData []byte, key []byte) ([]byte, error) {
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err = io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plainData, nil), nil
}

func decrypt(encryptedData []byte, key []byte) ([]byte, error) {
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}
	nonceSize := gcm.NonceSize()
	if len(encryptedData) < nonceSize {
		return nil, fmt.Errorf("ciphertext too short: %v", encryptedData)
	}
	nonce, encryptedData := encryptedData[:nonceSize], encryptedData[nonceSize:]
	return gcm.Open(nil, nonce, encryptedData, nil)
}

// Encode implements converter.PayloadCodec.Encode.
func (e *Codec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		origBytes, err := p.Marshal()
		if err != nil {
			return payloads, err
		}
		key := getKey(e.KeyID)
		b, err := encrypt(origBytes, key)
		if err != nil {
			return payloads, err
		}
		result[i] = &commonpb.Payload{
			Metadata: map[string][]byte{
				converter.MetadataEncoding: []byte(MetadataEncodingEncrypted),
				MetadataEncryptionKeyID:    []byte(e.KeyID),
			},
			Data: b,
		}
	}
	e.encoded.Add(int64(len(payloads)))
	return result, nil
}

// Decode implements converter.PayloadCodec.Decode.
func (e *Codec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		// Only if it's encrypted
		if string(p.Metadata[converter.MetadataEncoding]) != MetadataEncodingEncrypted {
			result[i] = p
			continue
		}
		keyID, ok := p.Metadata[MetadataEncryptionKeyID]
		if !ok {
			return payloads, fmt.Errorf("no encryption key id")
		}
		key := getKey(string(keyID))
		b, err := decrypt(p.Data, key)
		if err != nil {
			return payloads, err
		}
		result[i] = &commonpb.Payload{}
		err = result[i].Unmarshal(b)
		if err != nil {
			return payloads, err
		}
		e.decodedEncrypted.Add(1)
	}
	return result, nil
}

func codecTaskQueue() string {
	if q := os.Getenv("TEMPORAL_TEST_CODEC_TASK_QUEUE"); q != "" {
		return q
	}
	return "temporal-ffi-codec"
}

func envDuration(t *testing.T, name string, def time.Duration) time.Duration {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, v, err)
	}
	return d
}

func codecCtx(t *testing.T) context.Context {
	return ctxTimeout(t, envDuration(t, "TEMPORAL_TEST_CODEC_TIMEOUT", 30*time.Second))
}

// dialWithCodecs is a client whose payloads go through codecs, as a Go SDK program sets it.
func dialWithCodecs(t *testing.T, codecs ...converter.PayloadCodec) client.Client {
	t.Helper()
	c, err := client.Dial(client.Options{
		HostPort:      serverAddress(t),
		DataConverter: converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), codecs...),
	})
	if err != nil {
		t.Fatalf("Dial with the codec: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

func codecOpts(t *testing.T) client.StartWorkflowOptions {
	return client.StartWorkflowOptions{ID: uniqueID(t), TaskQueue: codecTaskQueue()}
}

func TestCodecEchoRoundTrip(t *testing.T) {
	codec := &Codec{KeyID: codecTestKeyID}
	c := dialWithCodecs(t, codec)
	ctx := codecCtx(t)
	o := codecOpts(t)
	o.Memo = map[string]interface{}{"note": "memo through the codec"}
	in := map[string]interface{}{"greeting": "hello", "n": 42.0, "list": []interface{}{"a", true, nil}}
	run, err := c.ExecuteWorkflow(ctx, o, "Echo", in)
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	var out map[string]interface{}
	if err := run.Get(ctx, &out); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("Echo = %#v, want %#v", out, in)
	}
	// The argument and the memo field went out encrypted; the result came back encrypted.
	if n := codec.encoded.Load(); n < 2 {
		t.Errorf("the codec encoded %d payloads, want the argument and the memo (2)", n)
	}
	if n := codec.decodedEncrypted.Load(); n != 1 {
		t.Errorf("the codec decrypted %d payloads, want the result (1)", n)
	}
	// A client on the same connection shares the codec.
	shared, err := client.NewClientFromExisting(c, client.Options{})
	if err != nil {
		t.Fatalf("NewClientFromExisting: %v", err)
	}
	defer shared.Close()
	var echoed string
	if run, err := shared.ExecuteWorkflow(ctx, codecOpts(t), "Echo", "shared"); err != nil {
		t.Errorf("ExecuteWorkflow through the shared client: %v", err)
	} else if err := run.Get(ctx, &echoed); err != nil || echoed != "shared" {
		t.Errorf("Get through the shared client = %q, %v", echoed, err)
	}
	if n := codec.decodedEncrypted.Load(); n != 2 {
		t.Errorf("the codec decrypted %d payloads, want the two results", n)
	}
	// Without the codec, the result is the worker's ciphertext, which JSON cannot read.
	plain := newTestClient(t)
	if err := plain.GetWorkflow(ctx, o.ID, run.GetRunID()).Get(ctx, &out); !errors.Is(err, client.ErrPayload) ||
		!strings.Contains(err.Error(), MetadataEncodingEncrypted) {
		t.Errorf("Get without the codec: %v, want a PAYLOAD error naming %s", err, MetadataEncodingEncrypted)
	}
	// DescribeWorkflow's memo comes decoded by the codec, as the Go SDK's GetMemoValue reads it.
	d, err := c.DescribeWorkflow(ctx, o.ID, "")
	if err != nil {
		t.Fatalf("DescribeWorkflow: %v", err)
	}
	var note string
	if err := d.GetMemoValue("note", &note); err != nil || note != "memo through the codec" {
		t.Errorf("GetMemoValue(note) through the codec = %q, %v", note, err)
	}
}

// The library calls the codec on its threads, several at once: under -race, calls in
// parallel through one codec (TEMPORAL_TEST_CODEC_CONCURRENCY, default 16).
func TestCodecConcurrentCalls(t *testing.T) {
	n := 16
	if v := os.Getenv("TEMPORAL_TEST_CODEC_CONCURRENCY"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
			t.Fatalf("TEMPORAL_TEST_CODEC_CONCURRENCY=%q: want a positive number", v)
		}
	}
	codec := &Codec{KeyID: codecTestKeyID}
	c := dialWithCodecs(t, codec)
	ctx := codecCtx(t)
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			want := fmt.Sprintf("parallel-%d", i)
			run, err := c.ExecuteWorkflow(ctx, codecOpts(t), "Echo", want)
			var got string
			if err == nil {
				err = run.Get(ctx, &got)
			}
			if err == nil && got != want {
				err = fmt.Errorf("Echo = %q, want %q", got, want)
			}
			errs <- err
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if e, d := codec.encoded.Load(), codec.decodedEncrypted.Load(); e != int64(n) || d != int64(n) {
		t.Errorf("the codec encoded %d and decrypted %d payloads, want %d each", e, d, n)
	}
}

// tagCodec marks what it encodes with metadata "codec-tag" and unmarks it on decode; it
// records a decode that sees an encrypted payload (the chain's order is then wrong).
type tagCodec struct {
	sawEncrypted atomic.Bool
}

func (c *tagCodec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		q := &commonpb.Payload{Metadata: map[string][]byte{"codec-tag": []byte("inner")}, Data: p.Data}
		for k, v := range p.Metadata {
			q.Metadata[k] = v
		}
		result[i] = q
	}
	return result, nil
}

func (c *tagCodec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if string(p.Metadata[converter.MetadataEncoding]) == MetadataEncodingEncrypted {
			c.sawEncrypted.Store(true)
		}
		q := &commonpb.Payload{Metadata: map[string][]byte{}, Data: p.Data}
		for k, v := range p.Metadata {
			if k != "codec-tag" {
				q.Metadata[k] = v
			}
		}
		result[i] = q
	}
	return result, nil
}

// historyPayloads are the payloads of a history's JSON (objects with a "metadata" object),
// outside Temporal headers and search attributes, which codecs never see.
// historyJSON is a run's whole history as the events' protobuf JSON, {"events": [...]}, read
// with the Go SDK's GetWorkflowHistory iterator.
func historyJSON(t *testing.T, c client.Client, ctx context.Context, workflowID string) []byte {
	t.Helper()
	var events []json.RawMessage
	it := c.GetWorkflowHistory(ctx, workflowID, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		event, err := it.Next()
		if err != nil {
			t.Fatalf("GetWorkflowHistory: %v", err)
		}
		b, err := protojson.Marshal(event)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, b)
	}
	b, err := json.Marshal(map[string]interface{}{"events": events})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func historyPayloads(v interface{}, out *[]map[string]interface{}) {
	switch v := v.(type) {
	case map[string]interface{}:
		if md, ok := v["metadata"].(map[string]interface{}); ok {
			if _, ok := md["encoding"]; ok {
				*out = append(*out, v)
				return
			}
		}
		for k, child := range v {
			if k == "header" || k == "searchAttributes" || k == "search_attributes" {
				continue
			}
			historyPayloads(child, out)
		}
	case []interface{}:
		for _, child := range v {
			historyPayloads(child, out)
		}
	}
}

func b64(t *testing.T, v interface{}) []byte {
	t.Helper()
	s, _ := v.(string)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("not base64: %v (%v)", v, err)
	}
	return b
}

func TestCodecHistoryHoldsOnlyEncryptedPayloads(t *testing.T) {
	codec := &Codec{KeyID: codecTestKeyID}
	tag := &tagCodec{}
	// Encode runs the tag first, then encrypts what it tagged; decode decrypts first.
	c := dialWithCodecs(t, codec, tag)
	ctx := codecCtx(t)
	o := codecOpts(t)
	terminateAtEnd(t, o.ID)
	run, err := c.ExecuteWorkflow(ctx, o, "CodecProbe", "a")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	if err := c.SignalWorkflow(ctx, o.ID, "", "note", "b"); err != nil {
		t.Fatalf("SignalWorkflow: %v", err)
	}
	// An update in the same workflow task as the signal would run first: wait for the signal.
	query := func() string {
		v, err := c.QueryWorkflow(ctx, o.ID, "", "seen", "q")
		var answer string
		if err == nil {
			err = v.Get(&answer)
		}
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		return answer
	}
	for answer := query(); answer != "q,start:a,signal:b"; answer = query() {
		if answer != "q,start:a" {
			t.Fatalf("query = %q, want the start and the signal", answer)
		}
		time.Sleep(20 * time.Millisecond)
	}
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: o.ID, UpdateName: "note", Args: []interface{}{"c"},
		WaitForStage: client.WorkflowUpdateStageCompleted})
	if err != nil {
		t.Fatalf("UpdateWorkflow: %v", err)
	}
	var seen []string
	if err := h.Get(ctx, &seen); err != nil || !reflect.DeepEqual(seen, []string{"start:a", "signal:b", "update:c"}) {
		t.Fatalf("update result = %q, %v", seen, err)
	}
	if answer := query(); answer != "q,start:a,signal:b,update:c" {
		t.Fatalf("query = %q", answer)
	}
	if err := c.SignalWorkflow(ctx, o.ID, "", "done", nil); err != nil {
		t.Fatalf("SignalWorkflow done: %v", err)
	}
	if err := run.Get(ctx, &seen); err != nil || !reflect.DeepEqual(seen, []string{"start:a", "signal:b", "update:c"}) {
		t.Fatalf("result = %q, %v", seen, err)
	}
	if tag.sawEncrypted.Load() {
		t.Error("the second codec decoded a payload before the first decrypted it: decode must apply the codecs first to last")
	}

	history := historyJSON(t, c, ctx, o.ID)
	var doc interface{}
	if err := json.Unmarshal(history, &doc); err != nil {
		t.Fatalf("history JSON: %v", err)
	}
	var payloads []map[string]interface{}
	historyPayloads(doc, &payloads)
	// Start argument, signal "b", update argument and result, workflow result.
	if len(payloads) < 5 {
		t.Fatalf("the history holds %d payloads, want at least 5:\n%s", len(payloads), history)
	}
	var inputs []string
	for _, p := range payloads {
		md := p["metadata"].(map[string]interface{})
		if enc := string(b64(t, md["encoding"])); enc != MetadataEncodingEncrypted {
			t.Errorf("a payload in the history is %q, not %s: %v", enc, MetadataEncodingEncrypted, p)
			continue
		}
		if id := string(b64(t, md[MetadataEncryptionKeyID])); id != codecTestKeyID || len(md) != 2 {
			t.Errorf("payload metadata = %v, want only encoding and %s %q (the tag is inside the ciphertext)", md, MetadataEncryptionKeyID, codecTestKeyID)
		}
		// The samples' format: what the library sent decrypts with the samples' code.
		inner, err := (&Codec{}).Decode([]*commonpb.Payload{{
			Metadata: map[string][]byte{converter.MetadataEncoding: []byte(MetadataEncodingEncrypted), MetadataEncryptionKeyID: []byte(codecTestKeyID)},
			Data:     b64(t, p["data"]),
		}})
		if err != nil {
			t.Errorf("decrypting a history payload: %v", err)
			continue
		}
		if string(inner[0].Metadata["codec-tag"]) == "inner" {
			inputs = append(inputs, string(inner[0].Data))
		}
	}
	// What this client sent went through the tag and then the encryption (encode: last to first).
	for _, want := range []string{`"a"`, `"b"`, `"c"`} {
		found := false
		for _, in := range inputs {
			found = found || in == want
		}
		if !found {
			t.Errorf("no tagged, encrypted payload %s in the history (tagged ones: %q)", want, inputs)
		}
	}
}

// failingCodec fails every Encode: with an error, or a panic.
type failingCodec struct{ panics bool }

const failingCodecMessage = "codec-test: the key service is unreachable"

func (c failingCodec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	if c.panics {
		panic(failingCodecMessage)
	}
	return nil, errors.New(failingCodecMessage)
}

func (c failingCodec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	return payloads, nil
}

func TestCodecErrorFailsExecuteWorkflow(t *testing.T) {
	plain := newTestClient(t)
	for _, tc := range []struct {
		name  string
		codec failingCodec
	}{{"error", failingCodec{}}, {"panic", failingCodec{panics: true}}} {
		t.Run(tc.name, func(t *testing.T) {
			c := dialWithCodecs(t, &Codec{KeyID: codecTestKeyID}, tc.codec)
			ctx := codecCtx(t)
			o := codecOpts(t)
			_, err := c.ExecuteWorkflow(ctx, o, "Echo", "never sent")
			if err == nil || !strings.Contains(err.Error(), failingCodecMessage) || !errors.Is(err, client.ErrPayload) {
				t.Fatalf("ExecuteWorkflow with a failing codec: %v, want a PAYLOAD error with %q", err, failingCodecMessage)
			}
			t.Logf("ExecuteWorkflow: %v", err)
			if _, err := plain.DescribeWorkflowExecution(ctx, o.ID, ""); !errors.Is(err, client.ErrNotFound) {
				t.Fatalf("Describe after the failed start: %v, want NOT_FOUND (nothing started)", err)
			}
			// The client stays usable.
			if err := c.SignalWorkflow(ctx, o.ID, "", "x", "y"); !errors.Is(err, client.ErrPayload) {
				t.Fatalf("SignalWorkflow with a failing codec: %v, want PAYLOAD", err)
			}
		})
	}
}

// customConverter is a DataConverter of the user's: the library cannot run it.
type customConverter struct{ converter.DataConverter }

// waitLiveCodecHandles collects garbage until no codec handle is live, or fails the test.
func waitLiveCodecHandles(t *testing.T, want int64, why string) {
	t.Helper()
	deadline := time.Now().Add(envDuration(t, "TEMPORAL_TEST_CODEC_RELEASE_TIMEOUT", 10*time.Second))
	for client.LiveCodecHandles() != want {
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d live codec handles, want %d", why, client.LiveCodecHandles(), want)
		}
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCodecHandleDeletedAfterClose(t *testing.T) {
	address := serverAddress(t)
	// What earlier tests made is released once their clients and runs are gone.
	waitLiveCodecHandles(t, 0, "before the test")
	codec := &Codec{KeyID: codecTestKeyID}
	withCodec := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), codec)

	for _, dc := range []converter.DataConverter{
		customConverter{converter.GetDefaultDataConverter()},
		converter.NewCodecDataConverter(customConverter{converter.GetDefaultDataConverter()}, codec),
		converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), nil),
	} {
		_, err := client.Dial(client.Options{HostPort: address, DataConverter: dc})
		if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "DataConverter") {
			t.Errorf("Dial with %T: %v, want ErrInvalidArgument naming the DataConverter", dc, err)
		}
		t.Logf("Dial: %v", err)
	}
	// Refused before the library took the codec: the binding deletes the handle itself.
	if _, err := client.Dial(client.Options{HostPort: address, DataConverter: withCodec, GrpcCompression: 9}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("Dial with a bad option: %v, want ErrInvalidArgument", err)
	}
	if n := client.LiveCodecHandles(); n != 0 {
		t.Errorf("after refused Dials: %d live codec handles, want 0", n)
	}
	// A connect that fails: the library releases the codec.
	if _, err := client.Dial(client.Options{HostPort: "127.0.0.1:1", DataConverter: withCodec, ConnectTimeout: 500 * time.Millisecond}); err == nil {
		t.Error("Dial to a closed port succeeded")
	}
	waitLiveCodecHandles(t, 0, "after a failed connect")

	c, err := client.Dial(client.Options{HostPort: address, DataConverter: withCodec})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	if n := client.LiveCodecHandles(); n != 1 {
		t.Errorf("with a connected client: %d live codec handles, want 1", n)
	}
	ctx := codecCtx(t)
	func() {
		// The run keeps the codec (its Get decodes) after Close, until it is collected.
		run, err := c.ExecuteWorkflow(ctx, codecOpts(t), "Echo", "release")
		if err != nil {
			t.Fatalf("ExecuteWorkflow: %v", err)
		}
		c.Close()
		var out string
		if err := run.Get(ctx, &out); err != nil || out != "release" {
			t.Fatalf("Get after Close = %q, %v", out, err)
		}
		if n := client.LiveCodecHandles(); n != 1 {
			t.Errorf("with a live run: %d live codec handles, want 1", n)
		}
	}()
	waitLiveCodecHandles(t, 0, "after Close and the run collected")
}

// The cost of the codec on a whole workflow round trip (start, encrypted argument and memo,
// the worker's encrypted result): go test -run '^$' -bench Echo, under with-dev-server.sh.
func BenchmarkEchoWithCodec(b *testing.B) { benchmarkEcho(b, &Codec{KeyID: codecTestKeyID}) }

func BenchmarkEchoPlain(b *testing.B) { benchmarkEcho(b, nil) }

func benchmarkEcho(b *testing.B, codec converter.PayloadCodec) {
	options := client.Options{HostPort: os.Getenv("TEMPORAL_ADDRESS")}
	queue := taskQueue()
	if codec != nil {
		options.DataConverter = converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), codec)
		queue = codecTaskQueue()
	}
	if options.HostPort == "" {
		b.Skip("TEMPORAL_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
	}
	c, err := client.Dial(options)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	in := map[string]interface{}{"greeting": "hello", "n": 42.0}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("bench-echo-%d-%d", time.Now().UnixNano(), i), TaskQueue: queue,
			Memo: map[string]interface{}{"note": "memo"}}, "Echo", in)
		if err != nil {
			b.Fatal(err)
		}
		var out map[string]interface{}
		if err := run.Get(ctx, &out); err != nil {
			b.Fatal(err)
		}
	}
}
