package client

/*
#include <stdint.h>
#include "temporal.h"

extern int32_t goTemporalCodecEncode(void *user_data, temporal_payloads *input, temporal_payloads *output);
extern int32_t goTemporalCodecDecode(void *user_data, temporal_payloads *input, temporal_payloads *output);
extern void goTemporalCodecRelease(void *user_data);

// cgo cannot write the callbacks' const input: these adapt the exported functions to
// temporal_payload_codec_fn.
static inline int32_t temporal_go_codec_encode(void *user_data, const temporal_payloads *input, temporal_payloads *output) {
	return goTemporalCodecEncode(user_data, (temporal_payloads *)input, output);
}
static inline int32_t temporal_go_codec_decode(void *user_data, const temporal_payloads *input, temporal_payloads *output) {
	return goTemporalCodecDecode(user_data, (temporal_payloads *)input, output);
}
static inline void temporal_go_codec_fill(temporal_payload_codec *codec, uintptr_t handle) {
	codec->encode = temporal_go_codec_encode;
	codec->decode = temporal_go_codec_decode;
	codec->release = goTemporalCodecRelease;
	codec->user_data = (void *)handle;
}
*/
import "C"

import (
	"fmt"
	"runtime/cgo"
	"sync/atomic"
	"unsafe"

	commonpb "go.temporal.io/api/common/v1"
	"google.golang.org/protobuf/proto"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/converter"
	"github.com/temporal-ffi/temporal-ffi/bindings/go/internal/codecchain"
)

// The payload codec bridge: Options.DataConverter's codecs become the client's
// temporal_payload_codec, whose user_data is a cgo.Handle of a codecBridge. The library calls
// encode and decode on its own threads and release once, when nothing uses the codec any
// more (after Close, and after every run and update handle of the client is collected).

// codecBridge is what one connect gives the library.
type codecBridge struct {
	codecs []codecchain.PayloadCodec
	handle cgo.Handle
	// released is set by the library's release; a connect the library refused (it never
	// took the table, so never releases it) deletes the handle itself.
	released atomic.Bool
}

// liveCodecHandles counts the handles not yet deleted: a test's proof that release runs.
var liveCodecHandles atomic.Int64

// payloadCodecs are the codecs of dc, in NewCodecDataConverter's order; an ErrInvalidArgument
// error for a converter whose value conversion is not the library's.
func payloadCodecs(dc converter.DataConverter) ([]codecchain.PayloadCodec, error) {
	if dc == nil {
		return nil, nil
	}
	r, ok := dc.(codecchain.Resolver)
	var codecs []codecchain.PayloadCodec
	var err error
	if !ok {
		err = fmt.Errorf("a custom data converter (%T) is not supported: the library converts values itself, as converter.GetDefaultDataConverter() does; "+
			"to transform payloads, give converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), codecs...) itself, not a type that wraps it", dc)
	} else {
		codecs, err = r.PayloadCodecs(codecchain.Token{})
	}
	if err != nil {
		return nil, &Error{Code: ErrInvalidArgument, Message: "temporal-ffi: Options.DataConverter: " + err.Error()}
	}
	return codecs, nil
}

// newCodecBridge makes the bridge and its handle, and fills table (C memory) for the connect.
func newCodecBridge(codecs []codecchain.PayloadCodec, table *C.temporal_payload_codec) *codecBridge {
	b := &codecBridge{codecs: codecs}
	b.handle = cgo.NewHandle(b)
	liveCodecHandles.Add(1)
	C.temporal_payload_codec_default(table, C.size_t(unsafe.Sizeof(*table)))
	C.temporal_go_codec_fill(table, C.uintptr_t(b.handle))
	return b
}

// connectRefused is called when the connect function returned an error: if the library took
// the table, it has released it already; otherwise it never will, and the handle goes here.
func (b *codecBridge) connectRefused() {
	if b.released.CompareAndSwap(false, true) {
		b.delete()
	}
}

func (b *codecBridge) delete() {
	b.handle.Delete()
	liveCodecHandles.Add(-1)
}

//export goTemporalCodecEncode
func goTemporalCodecEncode(userData unsafe.Pointer, input, output *C.temporal_payloads) C.int32_t {
	return runCodec(userData, input, output, true)
}

//export goTemporalCodecDecode
func goTemporalCodecDecode(userData unsafe.Pointer, input, output *C.temporal_payloads) C.int32_t {
	return runCodec(userData, input, output, false)
}

//export goTemporalCodecRelease
func goTemporalCodecRelease(userData unsafe.Pointer) {
	// Nothing may unwind into the library; a handle already deleted would panic in Value.
	defer func() { _ = recover() }()
	b := cgo.Handle(uintptr(userData)).Value().(*codecBridge)
	if b.released.CompareAndSwap(false, true) {
		b.delete()
	}
}

// runCodec is one encode or decode: the library's payloads in, through the codecs (encode:
// last to first; decode: first to last, as the Go SDK's CodecDataConverter), out to output.
// An error or a panic of a codec becomes output's error and status 1.
func runCodec(userData unsafe.Pointer, input, output *C.temporal_payloads, encode bool) (status C.int32_t) {
	defer func() {
		if r := recover(); r != nil {
			status = codecFailed(output, fmt.Sprintf("panic: %v", r))
		}
	}()
	b := cgo.Handle(uintptr(userData)).Value().(*codecBridge)
	payloads, err := readPayloads(input)
	if err != nil {
		return codecFailed(output, err.Error())
	}
	n := len(payloads)
	if encode {
		for i := len(b.codecs) - 1; i >= 0 && err == nil; i-- {
			payloads, err = b.codecs[i].Encode(payloads)
		}
	} else {
		for i := 0; i < len(b.codecs) && err == nil; i++ {
			payloads, err = b.codecs[i].Decode(payloads)
		}
	}
	if err != nil {
		return codecFailed(output, err.Error())
	}
	if len(payloads) != n {
		return codecFailed(output, fmt.Sprintf("the codec returned %d payloads for %d", len(payloads), n))
	}
	if err := writePayloads(output, payloads); err != nil {
		return codecFailed(output, err.Error())
	}
	return 0
}

// codecFailed gives the library the reason of a failed encode or decode.
func codecFailed(output *C.temporal_payloads, message string) C.int32_t {
	var cs cstrings
	defer cs.free()
	if message == "" {
		message = "the codec failed without a message"
	}
	_ = takeError(C.temporal_payloads_set_error(output, cs.str(message)))
	return 1
}

// readPayloads copies the library's payloads into Go (through their protobuf encoding).
func readPayloads(list *C.temporal_payloads) ([]*commonpb.Payload, error) {
	n := int(C.temporal_payloads_len(list))
	payloads := make([]*commonpb.Payload, n)
	for i := range payloads {
		var bytes *C.uint8_t
		var size C.size_t
		if err := takeError(C.temporal_payloads_get_proto(list, C.size_t(i), &bytes, &size)); err != nil {
			return nil, fmt.Errorf("reading payload %d: %w", i, err)
		}
		data := C.GoBytes(unsafe.Pointer(bytes), C.int(size))
		C.temporal_bytes_free(bytes, size)
		p := &commonpb.Payload{}
		if err := proto.Unmarshal(data, p); err != nil {
			return nil, fmt.Errorf("reading payload %d: %w", i, err)
		}
		payloads[i] = p
	}
	return payloads, nil
}

// writePayloads appends payloads to the library's list (through their protobuf encoding).
func writePayloads(list *C.temporal_payloads, payloads []*commonpb.Payload) error {
	for i, p := range payloads {
		if p == nil {
			return fmt.Errorf("the codec returned a nil payload at index %d", i)
		}
		data, err := proto.Marshal(p)
		if err != nil {
			return fmt.Errorf("encoding payload %d: %w", i, err)
		}
		var ptr *C.uint8_t
		if len(data) > 0 {
			// A Go pointer for the call only, to memory without Go pointers: what cgo allows.
			ptr = (*C.uint8_t)(unsafe.Pointer(&data[0]))
		}
		if err := takeError(C.temporal_payloads_push_proto(list, ptr, C.size_t(len(data)))); err != nil {
			return fmt.Errorf("payload %d: %w", i, err)
		}
	}
	return nil
}
