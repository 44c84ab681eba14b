package client_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/client"
)

// recorderClient connects to the test worker's recorder, a fake frontend whose QueryWorkflow
// answers with the gRPC metadata of the call (tests/worker/recorder.go).
func recorderClient(t *testing.T, options client.Options) client.Client {
	t.Helper()
	addr := os.Getenv("TEMPORAL_TEST_RECORDER_ADDRESS")
	if addr == "" {
		t.Skip("TEMPORAL_TEST_RECORDER_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
	}
	options.HostPort = "http://" + addr // plaintext even with an API key
	c, err := client.Dial(options)
	if err != nil {
		t.Fatalf("Dial the recorder: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

func seenMetadata(t *testing.T, c client.Client) map[string]string {
	t.Helper()
	v, err := c.QueryWorkflow(ctxTimeout(t, 10*time.Second), "any", "", "metadata")
	if err != nil {
		t.Fatalf("query the recorder: %v", err)
	}
	var seen map[string]string
	if err := v.Get(&seen); err != nil {
		t.Fatal(err)
	}
	return seen
}

func TestSetAPIKeyRotatesTheKeyWithoutReconnecting(t *testing.T) {
	c := recorderClient(t, client.Options{Credentials: client.NewAPIKeyStaticCredentials("key-A")})
	if got := seenMetadata(t, c)["authorization"]; got != "Bearer key-A" {
		t.Fatalf("authorization %q, want Bearer key-A", got)
	}
	if err := c.SetAPIKey("key-B"); err != nil {
		t.Fatal(err)
	}
	if got := seenMetadata(t, c)["authorization"]; got != "Bearer key-B" {
		t.Fatalf("authorization %q, want Bearer key-B", got)
	}
	err := c.SetAPIKey("sekrit\nkey")
	if !errors.Is(err, client.ErrInvalidArgument) || strings.Contains(err.Error(), "sekrit") {
		t.Fatalf("a bad key: %v", err)
	}
	if got := seenMetadata(t, c)["authorization"]; got != "Bearer key-B" {
		t.Fatalf("after a refused key: authorization %q, want Bearer key-B", got)
	}
	if err := c.SetAPIKey(""); err != nil {
		t.Fatal(err)
	}
	if got, ok := seenMetadata(t, c)["authorization"]; ok {
		t.Fatalf("no key: authorization %q sent", got)
	}
	c.Close()
	if err := c.SetAPIKey("k"); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("closed client: %v", err)
	}
}

func TestAPIKeyAndCredentialsAreNotBothSet(t *testing.T) {
	_, err := client.Dial(client.Options{HostPort: "127.0.0.1:1", APIKey: "a", Credentials: client.NewAPIKeyStaticCredentials("b")})
	if !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("APIKey and Credentials: %v", err)
	}
}

func TestSetGRPCMetadataReplacesTheMetadata(t *testing.T) {
	c := recorderClient(t, client.Options{GRPCMetadata: map[string]string{"x-first": "1"}})
	if got := seenMetadata(t, c)["x-first"]; got != "1" {
		t.Fatalf("x-first %q", got)
	}
	if err := c.SetGRPCMetadata(map[string]string{"x-second": "2"}); err != nil {
		t.Fatal(err)
	}
	seen := seenMetadata(t, c)
	if _, ok := seen["x-first"]; ok || seen["x-second"] != "2" {
		t.Fatalf("replaced metadata: %v", seen)
	}
	if err := c.SetGRPCMetadata(map[string]string{"x-bin": "v"}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("binary key: %v", err)
	}
	if err := c.SetGRPCMetadata(nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := seenMetadata(t, c)["x-second"]; ok {
		t.Fatal("nil metadata still sends x-second")
	}
}

func TestKeepAliveOptions(t *testing.T) {
	addr := serverAddress(t)
	_, err := client.Dial(client.Options{HostPort: addr, ConnectionOptions: client.ConnectionOptions{KeepAliveTime: 200 * 365 * 24 * time.Hour}})
	if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "keep_alive_interval_ms") {
		t.Fatalf("a keep-alive time over 100 years: %v", err)
	}
	for _, co := range []client.ConnectionOptions{
		{KeepAliveTime: 300 * time.Millisecond, KeepAliveTimeout: time.Second},
		{DisableKeepAliveCheck: true},
	} {
		c, err := client.Dial(client.Options{HostPort: addr, ConnectionOptions: co})
		if err != nil {
			t.Fatalf("%+v: %v", co, err)
		}
		ctx := ctxTimeout(t, 30*time.Second)
		run, err := c.ExecuteWorkflow(ctx, opts(t), "GreetingWorkflow", "keepalive")
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second) // idle: pings go out (with the short interval) and are answered
		var got string
		if err := run.Get(ctx, &got); err != nil || got != "Hello keepalive!" {
			t.Fatalf("%+v: %q %v", co, got, err)
		}
		c.Close()
	}
}

func proxyLogFor(t *testing.T, user string) []string {
	t.Helper()
	b, err := os.ReadFile(os.Getenv("TEMPORAL_TEST_PROXY_LOG"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, " user="+user+" ") {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestHTTPConnectProxy(t *testing.T) {
	addr := serverAddress(t)
	proxy := os.Getenv("TEMPORAL_TEST_PROXY_ADDRESS")
	if proxy == "" {
		t.Skip("TEMPORAL_TEST_PROXY_ADDRESS is not set: run under tests/harness/with-dev-server.sh")
	}
	user := fmt.Sprintf("go-user-%d", time.Now().UnixNano())
	c, err := client.Dial(client.Options{HostPort: addr, ConnectionOptions: client.ConnectionOptions{
		HTTPConnectProxy: &client.HTTPConnectProxy{Address: proxy, BasicAuthUser: user, BasicAuthPassword: "proxy-test-password"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := ctxTimeout(t, 30*time.Second)
	run, err := c.ExecuteWorkflow(ctx, opts(t), "GreetingWorkflow", "proxy")
	if err != nil {
		t.Fatal(err)
	}
	var got string
	if err := run.Get(ctx, &got); err != nil || got != "Hello proxy!" {
		t.Fatalf("%q %v", got, err)
	}
	want := fmt.Sprintf("CONNECT %s user=%s status=200", addr, user)
	if lines := proxyLogFor(t, user); len(lines) == 0 || lines[0] != want {
		t.Fatalf("proxy log %q, want %q", lines, want)
	}

	bad := user + "-bad"
	_, err = client.Dial(client.Options{HostPort: addr, ConnectionOptions: client.ConnectionOptions{
		HTTPConnectProxy: &client.HTTPConnectProxy{Address: proxy, BasicAuthUser: bad, BasicAuthPassword: "wrong-sekrit"},
	}})
	if !errors.Is(err, client.ErrUnavailable) || !strings.Contains(err.Error(), proxy) || !strings.Contains(err.Error(), "407") ||
		strings.Contains(err.Error(), "sekrit") {
		t.Fatalf("wrong proxy password: %v", err)
	}
	if lines := proxyLogFor(t, bad); len(lines) != 1 || !strings.HasSuffix(lines[0], "status=407") {
		t.Fatalf("proxy log %q", lines)
	}
}

func TestNewClientFromExistingSharesTheConnection(t *testing.T) {
	first := recorderClient(t, client.Options{APIKey: "key-A"})
	second, err := client.NewClientFromExisting(first, client.Options{Namespace: "other-ns", Identity: "second"})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if md := seenMetadata(t, second); md["@namespace"] != "other-ns" || md["authorization"] != "Bearer key-A" {
		t.Fatalf("second client: %v", md)
	}
	if err := first.SetAPIKey("key-B"); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if md := seenMetadata(t, second); md["authorization"] != "Bearer key-B" {
		t.Fatalf("the key set on the first client: %v", md)
	}
	if _, err := client.NewClientFromExisting(second, client.Options{HostPort: "elsewhere:7233"}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("a connection option: %v", err)
	}
	if _, err := client.NewClientFromExisting(first, client.Options{}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Fatalf("a closed client: %v", err)
	}
}
