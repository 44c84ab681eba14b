// Package converter is the part of go.temporal.io/sdk/converter that the temporal-ffi Go
// binding supports: the default data converter and payload codecs over it
// (NewCodecDataConverter), with the Go SDK's names and signatures, so a program written for
// the Go SDK builds with only its import path changed.
//
// Set client.Options.DataConverter to GetDefaultDataConverter() (the same as leaving it nil),
// or to NewCodecDataConverter(GetDefaultDataConverter(), codecs...). The library converts the
// client's values to payloads itself, as the Go SDK's default converter does (json/plain, nil
// as binary/null), and runs every payload it sends through the codecs' Encode and every
// payload it reads back through their Decode (temporal_client_options.payload_codec). A custom
// payload converter, or a DataConverter of another package, cannot replace that conversion:
// client.Dial refuses it with an ErrInvalidArgument error.
//
// The converters' own methods (ToPayload, FromPayload...) work as the Go SDK's, for code that
// calls them directly (a codec server, a test); the binding's calls do not use them.
package converter

import (
	"encoding/json"
	"fmt"
	"reflect"

	commonpb "go.temporal.io/api/common/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/internal/codecchain"
)

// The metadata keys and encodings of the Go SDK's converter package.
const (
	// MetadataEncoding is "encoding"
	MetadataEncoding = "encoding"
	// MetadataMessageType is "messageType"
	MetadataMessageType = "messageType"
	// MetadataEncodingBinary is "binary/plain"
	MetadataEncodingBinary = "binary/plain"
	// MetadataEncodingJSON is "json/plain"
	MetadataEncodingJSON = "json/plain"
	// MetadataEncodingNil is "binary/null"
	MetadataEncodingNil = "binary/null"
	// MetadataEncodingProtoJSON is "json/protobuf"
	MetadataEncodingProtoJSON = "json/protobuf"
	// MetadataEncodingProto is "binary/protobuf"
	MetadataEncodingProto = "binary/protobuf"
)

// PayloadCodec is the Go SDK's converter.PayloadCodec: it encodes or decodes payloads, for
// example encrypting or compressing them. Encode must return one payload for each payload it
// is given, in order, and so must Decode; Decode must pass through a payload it did not encode
// (one written without the codec). The binding calls both on library threads, possibly several
// at once, so they must be safe for concurrent use. An error (or a panic, which the binding
// recovers) fails the operation that needed the payloads with the error's text.
type PayloadCodec interface {
	// Encode encodes payloads without mutating them.
	Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error)
	// Decode decodes payloads without mutating them.
	Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error)
}

// EncodedValue is the Go SDK's converter.EncodedValue: a value decoded on demand (the result
// of client.QueryWorkflow and QueryWorkflowWithOptionsResponse.QueryResult).
type EncodedValue interface {
	// HasValue reports whether there is a value (JSON null is none).
	HasValue() bool
	// Get decodes the value into valuePtr with encoding/json.
	Get(valuePtr interface{}) error
}

// DataConverter is the Go SDK's converter.DataConverter. Only the converters of this package
// can be given to client.Options.DataConverter (see the package documentation).
type DataConverter interface {
	// ToPayload converts a single value to a payload.
	ToPayload(value interface{}) (*commonpb.Payload, error)
	// FromPayload converts a single value from a payload.
	FromPayload(payload *commonpb.Payload, valuePtr interface{}) error
	// ToPayloads converts a list of values.
	ToPayloads(value ...interface{}) (*commonpb.Payloads, error)
	// FromPayloads converts to a list of values of different types.
	FromPayloads(payloads *commonpb.Payloads, valuePtrs ...interface{}) error
	// ToString converts a payload into a human-readable string.
	ToString(input *commonpb.Payload) string
	// ToStrings converts payloads into human-readable strings.
	ToStrings(input *commonpb.Payloads) []string
}

// defaultDataConverter converts values as the library does for the binding's calls: nil is
// binary/null, anything else its encoding/json text as json/plain. It also reads binary/plain
// into a *[]byte, as the Go SDK's default converter does.
type defaultDataConverter struct{}

var defaultConverter DataConverter = defaultDataConverter{}

// GetDefaultDataConverter is the Go SDK's function of that name: the converter the library
// applies when Options.DataConverter is nil.
func GetDefaultDataConverter() DataConverter { return defaultConverter }

func (defaultDataConverter) PayloadCodecs(codecchain.Token) ([]codecchain.PayloadCodec, error) {
	return nil, nil
}

func (defaultDataConverter) ToPayload(value interface{}) (*commonpb.Payload, error) {
	if isNil(value) {
		return &commonpb.Payload{Metadata: map[string][]byte{MetadataEncoding: []byte(MetadataEncodingNil)}}, nil
	}
	data, err := json.Marshal(value)
	if err != nil {
		return nil, fmt.Errorf("unable to encode to JSON: %w", err)
	}
	return &commonpb.Payload{Metadata: map[string][]byte{MetadataEncoding: []byte(MetadataEncodingJSON)}, Data: data}, nil
}

func (defaultDataConverter) FromPayload(payload *commonpb.Payload, valuePtr interface{}) error {
	if payload == nil {
		return nil
	}
	target := reflect.ValueOf(valuePtr)
	if target.Kind() != reflect.Pointer || target.IsNil() {
		return fmt.Errorf("type: %T: not a non-nil pointer", valuePtr)
	}
	switch encoding := string(payload.GetMetadata()[MetadataEncoding]); encoding {
	case MetadataEncodingNil:
		target.Elem().Set(reflect.Zero(target.Elem().Type()))
		return nil
	case MetadataEncodingJSON:
		if err := json.Unmarshal(payload.GetData(), valuePtr); err != nil {
			return fmt.Errorf("unable to decode JSON: %w", err)
		}
		return nil
	case MetadataEncodingBinary:
		b, ok := valuePtr.(*[]byte)
		if !ok {
			return fmt.Errorf("type %T: binary/plain payloads decode only into *[]byte", valuePtr)
		}
		*b = append([]byte(nil), payload.GetData()...)
		return nil
	default:
		return fmt.Errorf("payload encoding %q is not supported by the default data converter", encoding)
	}
}

func (c defaultDataConverter) ToPayloads(values ...interface{}) (*commonpb.Payloads, error) {
	if len(values) == 0 {
		return nil, nil
	}
	result := &commonpb.Payloads{}
	for i, v := range values {
		p, err := c.ToPayload(v)
		if err != nil {
			return nil, fmt.Errorf("values[%d]: %w", i, err)
		}
		result.Payloads = append(result.Payloads, p)
	}
	return result, nil
}

func (c defaultDataConverter) FromPayloads(payloads *commonpb.Payloads, valuePtrs ...interface{}) error {
	for i, p := range payloads.GetPayloads() {
		if i >= len(valuePtrs) {
			break
		}
		if err := c.FromPayload(p, valuePtrs[i]); err != nil {
			return fmt.Errorf("payload item %d: %w", i, err)
		}
	}
	return nil
}

func (defaultDataConverter) ToString(payload *commonpb.Payload) string {
	switch encoding := string(payload.GetMetadata()[MetadataEncoding]); encoding {
	case MetadataEncodingNil:
		return "nil"
	case MetadataEncodingJSON:
		return string(payload.GetData())
	case MetadataEncodingBinary:
		return fmt.Sprintf("%v", payload.GetData())
	default:
		return fmt.Sprintf("payload encoding %q is not supported by the default data converter", encoding)
	}
}

func (c defaultDataConverter) ToStrings(payloads *commonpb.Payloads) []string {
	if payloads == nil {
		return nil
	}
	result := make([]string, len(payloads.GetPayloads()))
	for i, p := range payloads.GetPayloads() {
		result[i] = c.ToString(p)
	}
	return result
}

// isNil is true for nil and for a nil pointer, map, slice... in an interface (what
// encoding/json writes as null).
func isNil(v interface{}) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return rv.IsNil()
	}
	return false
}

// NexusSerializationContext is the Go SDK's converter.NexusSerializationContext: the Nexus
// operation a payload belongs to, for a context-aware converter. This binding takes no
// context-aware converter, so the library never reads it; it exists so that the Go SDK's
// *WithOptions activity calls build unchanged.
type NexusSerializationContext struct {
	// Endpoint is the Nexus endpoint name.
	Endpoint string
	// Service is the Nexus service name.
	Service string
	// Operation is the Nexus operation name.
	Operation string
}
