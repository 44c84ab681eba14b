package converter_test

import (
	"reflect"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/internal/codecchain"
)

// appendCodec appends its name to metadata "chain" on Encode and removes it (it must be last)
// on Decode: the metadata shows the order the codecs ran in.
type appendCodec string

func (c appendCodec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		q := &commonpb.Payload{Metadata: map[string][]byte{}, Data: p.Data}
		for k, v := range p.Metadata {
			q.Metadata[k] = v
		}
		q.Metadata["chain"] = append(append([]byte(nil), p.Metadata["chain"]...), c...)
		out[i] = q
	}
	return out, nil
}

func (c appendCodec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		q := &commonpb.Payload{Metadata: map[string][]byte{}, Data: p.Data}
		for k, v := range p.Metadata {
			q.Metadata[k] = v
		}
		chain := string(p.Metadata["chain"])
		if !strings.HasSuffix(chain, string(c)) {
			return nil, &decodeOrderError{codec: string(c), chain: chain}
		}
		q.Metadata["chain"] = []byte(strings.TrimSuffix(chain, string(c)))
		out[i] = q
	}
	return out, nil
}

type decodeOrderError struct{ codec, chain string }

func (e *decodeOrderError) Error() string { return "decode " + e.codec + " of chain " + e.chain }

func TestCodecOrderAsTheSDK(t *testing.T) {
	// Encode applies the codecs last to first: "b" runs before "a". Nested converters: the
	// inner one ("c") runs before the outer ones.
	dc := converter.NewCodecDataConverter(converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), appendCodec("c")),
		appendCodec("a"), appendCodec("b"))
	p, err := dc.ToPayload(map[string]int{"x": 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(p.Metadata["chain"]); got != "cba" {
		t.Fatalf("encode order = %q, want cba", got)
	}
	if got := string(p.Metadata[converter.MetadataEncoding]); got != converter.MetadataEncodingJSON || string(p.Data) != `{"x":1}` {
		t.Fatalf("payload = %v", p)
	}
	var back map[string]int
	if err := dc.FromPayload(p, &back); err != nil || back["x"] != 1 {
		t.Fatalf("FromPayload = %v, %v", back, err)
	}

	// What the client gives the library is the same chain, flattened (encode: last to first).
	codecs, err := dc.(codecchain.Resolver).PayloadCodecs(codecchain.Token{})
	if err != nil {
		t.Fatal(err)
	}
	want := []codecchain.PayloadCodec{appendCodec("a"), appendCodec("b"), appendCodec("c")}
	if !reflect.DeepEqual(codecs, want) {
		t.Fatalf("flattened codecs = %v, want %v", codecs, want)
	}
	payloads := []*commonpb.Payload{{Metadata: map[string][]byte{converter.MetadataEncoding: []byte(converter.MetadataEncodingJSON)}}}
	for i := len(codecs) - 1; i >= 0; i-- {
		payloads, _ = codecs[i].Encode(payloads)
	}
	if got := string(payloads[0].Metadata["chain"]); got != "cba" {
		t.Fatalf("flattened encode order = %q, want cba", got)
	}
}

func TestDefaultDataConverter(t *testing.T) {
	dc := converter.GetDefaultDataConverter()
	ps, err := dc.ToPayloads("s", nil, 3)
	if err != nil || len(ps.Payloads) != 3 {
		t.Fatalf("ToPayloads = %v, %v", ps, err)
	}
	if e := string(ps.Payloads[1].Metadata[converter.MetadataEncoding]); e != converter.MetadataEncodingNil {
		t.Errorf("nil is %q, want %s", e, converter.MetadataEncodingNil)
	}
	var s string
	var n int
	var ptr *int
	if err := dc.FromPayloads(ps, &s, &ptr, &n); err != nil || s != "s" || ptr != nil || n != 3 {
		t.Fatalf("FromPayloads = %q %v %d, %v", s, ptr, n, err)
	}
	if got := dc.ToStrings(ps); !reflect.DeepEqual(got, []string{`"s"`, "nil", "3"}) {
		t.Errorf("ToStrings = %q", got)
	}
	raw := &commonpb.Payload{Metadata: map[string][]byte{converter.MetadataEncoding: []byte(converter.MetadataEncodingBinary)}, Data: []byte{0, 1}}
	var b []byte
	if err := dc.FromPayload(raw, &b); err != nil || !reflect.DeepEqual(b, []byte{0, 1}) {
		t.Errorf("binary/plain = %v, %v", b, err)
	}
	other := &commonpb.Payload{Metadata: map[string][]byte{converter.MetadataEncoding: []byte("binary/encrypted")}}
	if err := dc.FromPayload(other, &b); err == nil || !strings.Contains(err.Error(), "binary/encrypted") {
		t.Errorf("FromPayload of binary/encrypted: %v, want an error naming it", err)
	}
}
