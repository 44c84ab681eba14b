// Package codecchain is how package client learns which payload codecs a DataConverter of
// package converter applies, without giving users a method they could call: the library does
// the value conversion itself, so the binding needs the codecs, and to refuse every converter
// that converts values some other way.
package codecchain

import commonpb "go.temporal.io/api/common/v1"

// PayloadCodec has the method set of converter.PayloadCodec (so each is assignable to the
// other), without importing package converter, which imports this one.
type PayloadCodec interface {
	Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error)
	Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error)
}

// Token is the argument of Resolver.PayloadCodecs: only this module can name it, so only this
// module calls the method.
type Token struct{}

// Resolver is implemented by package converter's data converters.
type Resolver interface {
	// PayloadCodecs returns the codecs in NewCodecDataConverter's order (encode applies them
	// last to first, decode first to last), nested codec converters flattened as the Go SDK's
	// CodecDataConverter.Codec does; or an error when the conversion below the codecs is not
	// the default converter's (the library's).
	PayloadCodecs(Token) ([]PayloadCodec, error)
}
