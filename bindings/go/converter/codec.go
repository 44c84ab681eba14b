package converter

import (
	"fmt"

	commonpb "go.temporal.io/api/common/v1"

	"github.com/temporal-ffi/temporal-ffi/bindings/go/internal/codecchain"
)

// CodecDataConverter is the Go SDK's converter.CodecDataConverter: a DataConverter that
// converts values with its parent and then runs the payloads through its codecs.
type CodecDataConverter struct {
	parent DataConverter
	codecs []PayloadCodec
}

// NewCodecDataConverter is the Go SDK's function of that name: it wraps parent and encodes and
// decodes its payloads with codecs. Encoding applies the codecs last to first, so the earlier
// ones wrap the later ones; decoding applies them first to last, undoing that. For the client,
// parent must be GetDefaultDataConverter() or another CodecDataConverter over it.
func NewCodecDataConverter(parent DataConverter, codecs ...PayloadCodec) DataConverter {
	return &CodecDataConverter{parent: parent, codecs: codecs}
}

// PayloadCodecs is for package client (the Token keeps it there).
func (e *CodecDataConverter) PayloadCodecs(codecchain.Token) ([]codecchain.PayloadCodec, error) {
	var chain []codecchain.PayloadCodec
	for i, c := range e.codecs {
		if c == nil {
			return nil, fmt.Errorf("NewCodecDataConverter codec %d is nil", i)
		}
		chain = append(chain, c)
	}
	switch parent := e.parent.(type) {
	case nil:
		return nil, fmt.Errorf("the parent of NewCodecDataConverter is nil; use converter.GetDefaultDataConverter()")
	case codecchain.Resolver:
		// The outer codecs encode after the parent's: last in encode order, first in the list.
		inner, err := parent.PayloadCodecs(codecchain.Token{})
		if err != nil {
			return nil, err
		}
		return append(chain, inner...), nil
	default:
		return nil, fmt.Errorf("the parent of NewCodecDataConverter is a custom data converter (%T), which temporal-ffi does not support: "+
			"the library converts values itself, as converter.GetDefaultDataConverter() does", parent)
	}
}

func (e *CodecDataConverter) encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	var err error
	for i := len(e.codecs) - 1; i >= 0; i-- {
		if payloads, err = e.codecs[i].Encode(payloads); err != nil {
			return payloads, err
		}
	}
	return payloads, nil
}

func (e *CodecDataConverter) decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	var err error
	for _, codec := range e.codecs {
		if payloads, err = codec.Decode(payloads); err != nil {
			return payloads, err
		}
	}
	return payloads, nil
}

// ToPayload converts value with the parent and encodes the payload.
func (e *CodecDataConverter) ToPayload(value interface{}) (*commonpb.Payload, error) {
	payload, err := e.parent.ToPayload(value)
	if payload == nil || err != nil {
		return payload, err
	}
	encoded, err := e.encode([]*commonpb.Payload{payload})
	if err != nil {
		return payload, err
	}
	if len(encoded) != 1 {
		return payload, fmt.Errorf("received %d payloads from codec, expected 1", len(encoded))
	}
	return encoded[0], nil
}

// ToPayloads converts values with the parent and encodes the payloads.
func (e *CodecDataConverter) ToPayloads(values ...interface{}) (*commonpb.Payloads, error) {
	payloads, err := e.parent.ToPayloads(values...)
	if payloads == nil || err != nil {
		return payloads, err
	}
	encoded, err := e.encode(payloads.Payloads)
	return &commonpb.Payloads{Payloads: encoded}, err
}

// FromPayload decodes the payload and converts it with the parent.
func (e *CodecDataConverter) FromPayload(payload *commonpb.Payload, valuePtr interface{}) error {
	if payload == nil {
		return nil
	}
	decoded, err := e.decode([]*commonpb.Payload{payload})
	if err != nil {
		return err
	}
	if len(decoded) != 1 {
		return fmt.Errorf("received %d payloads from codec, expected 1", len(decoded))
	}
	return e.parent.FromPayload(decoded[0], valuePtr)
}

// FromPayloads decodes the payloads and converts them with the parent.
func (e *CodecDataConverter) FromPayloads(payloads *commonpb.Payloads, valuePtrs ...interface{}) error {
	if payloads == nil {
		return e.parent.FromPayloads(payloads, valuePtrs...)
	}
	decoded, err := e.decode(payloads.Payloads)
	if err != nil {
		return err
	}
	return e.parent.FromPayloads(&commonpb.Payloads{Payloads: decoded}, valuePtrs...)
}

// ToString decodes the payload and gives the parent's string of it (the error's text when
// decoding fails).
func (e *CodecDataConverter) ToString(payload *commonpb.Payload) string {
	decoded, err := e.decode([]*commonpb.Payload{payload})
	if err != nil {
		return err.Error()
	}
	if len(decoded) != 1 {
		return fmt.Errorf("received %d payloads from codec, expected 1", len(decoded)).Error()
	}
	return e.parent.ToString(decoded[0])
}

// ToStrings is ToString of each payload.
func (e *CodecDataConverter) ToStrings(payloads *commonpb.Payloads) []string {
	if payloads == nil {
		return nil
	}
	strs := make([]string, len(payloads.Payloads))
	for i, payload := range payloads.Payloads {
		strs[i] = e.ToString(payload)
	}
	return strs
}
