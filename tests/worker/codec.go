package main

// The payload codec interop worker (issue 14): a second client on the same connection whose
// DataConverter runs every payload through the AES-GCM codec of Temporal's Go samples
// (samples-go encryption/data_converter.go and crypt.go), and a worker on its own task queue
// that registers the same workflows. The C codec (bindings/c/examples/encryption_codec.h)
// must read what this worker writes and write what it reads, byte format included:
// metadata encoding "binary/encrypted" and "encryption-key-id", data = 12-byte nonce ||
// AES-GCM seal of the marshalled Payload protobuf.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
	"io"
	"os"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

const (
	defaultCodecTaskQueue = "temporal-ffi-codec"
	// The samples' metadata: encoding and the ID of the key that sealed the payload.
	metadataEncodingEncrypted = "binary/encrypted"
	metadataEncryptionKeyID   = "encryption-key-id"
	codecKeyID                = "test-key"
	// The samples' hard-coded key; TEMPORAL_TEST_CODEC_KEY overrides it (the C tests read
	// the same variable, so both sides always agree).
	defaultCodecKey = "test-key-test-key-test-key-test!"
)

// encryptionCodec is the samples' Codec: the same Encode and Decode, with the key passed in
// instead of hard-coded (the samples' getKey ignores the key ID too).
type encryptionCodec struct {
	KeyID string
	key   []byte
}

func codecKey() ([]byte, error) {
	key := defaultCodecKey
	if k := os.Getenv("TEMPORAL_TEST_CODEC_KEY"); k != "" {
		key = k
	}
	// AES-256: the C side uses EVP_aes_256_gcm, which takes exactly 32 bytes.
	if len(key) != 32 {
		return nil, fmt.Errorf("TEMPORAL_TEST_CODEC_KEY must be 32 bytes, not %d", len(key))
	}
	return []byte(key), nil
}

func codecEncrypt(plainData []byte, key []byte) ([]byte, error) {
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

func codecDecrypt(encryptedData []byte, key []byte) ([]byte, error) {
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
func (e *encryptionCodec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		origBytes, err := p.Marshal()
		if err != nil {
			return payloads, err
		}
		b, err := codecEncrypt(origBytes, e.key)
		if err != nil {
			return payloads, err
		}
		result[i] = &commonpb.Payload{
			Metadata: map[string][]byte{
				converter.MetadataEncoding: []byte(metadataEncodingEncrypted),
				metadataEncryptionKeyID:    []byte(e.KeyID),
			},
			Data: b,
		}
	}
	return result, nil
}

// Decode implements converter.PayloadCodec.Decode: payloads that are not encrypted pass
// through unchanged (so a client without the codec can still start workflows here).
func (e *encryptionCodec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	result := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if string(p.Metadata[converter.MetadataEncoding]) != metadataEncodingEncrypted {
			result[i] = p
			continue
		}
		if _, ok := p.Metadata[metadataEncryptionKeyID]; !ok {
			return payloads, fmt.Errorf("no encryption key id")
		}
		b, err := codecDecrypt(p.Data, e.key)
		if err != nil {
			return payloads, err
		}
		result[i] = &commonpb.Payload{}
		if err := result[i].Unmarshal(b); err != nil {
			return payloads, err
		}
	}
	return result, nil
}

// startCodecWorker starts a worker on queue whose client (sharing existing's connection)
// encodes and decodes every payload with the encryption codec. The failure converter gets the
// same data converter: with the default one, failure details would be written unencrypted.
func startCodecWorker(existing client.Client, namespace, queue string, logger tlog.Logger) (worker.Worker, error) {
	key, err := codecKey()
	if err != nil {
		return nil, err
	}
	dc := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), &encryptionCodec{KeyID: codecKeyID, key: key})
	c, err := client.NewClientFromExisting(existing, client.Options{
		Namespace:        namespace,
		Logger:           logger,
		DataConverter:    dc,
		FailureConverter: temporal.NewDefaultFailureConverter(temporal.DefaultFailureConverterOptions{DataConverter: dc}),
	})
	if err != nil {
		return nil, fmt.Errorf("unable to create the codec client: %w", err)
	}
	w := worker.New(c, queue, worker.Options{})
	register(w, c)
	if err := w.Start(); err != nil {
		c.Close()
		return nil, fmt.Errorf("unable to start worker on task queue %q: %w", queue, err)
	}
	return w, nil
}

// EchoBytes returns "got:" followed by its []byte argument: a binary/plain payload in, a
// binary/plain payload out, and the prefix proves the workflow read the decoded bytes.
func EchoBytes(ctx workflow.Context, b []byte) ([]byte, error) {
	return append([]byte("got:"), b...), nil
}

// CodecProbe records every value it receives, in order, as "<how>:<value>": "start:<arg>",
// "signal:<arg>" for each signal "note", "update:<arg>" for each update "note" (which returns
// the list so far). Query "seen" (tag string) returns "<tag>" followed by the list, comma
// separated; signal "done" ends the workflow with the list. A test that reads these back
// through the codec knows the workflow saw the decoded values.
func CodecProbe(ctx workflow.Context, start string) ([]string, error) {
	seen := []string{"start:" + start}
	if err := workflow.SetQueryHandler(ctx, "seen", func(tag string) (string, error) {
		out := tag
		for _, s := range seen {
			out += "," + s
		}
		return out, nil
	}); err != nil {
		return nil, err
	}
	if err := workflow.SetUpdateHandler(ctx, "note", func(ctx workflow.Context, v string) ([]string, error) {
		seen = append(seen, "update:"+v)
		return seen, nil
	}); err != nil {
		return nil, err
	}
	notes := workflow.GetSignalChannel(ctx, "note")
	done := workflow.GetSignalChannel(ctx, "done")
	finished := false
	for !finished {
		sel := workflow.NewSelector(ctx)
		sel.AddReceive(notes, func(c workflow.ReceiveChannel, more bool) {
			var v string
			c.Receive(ctx, &v)
			seen = append(seen, "signal:"+v)
		})
		sel.AddReceive(done, func(c workflow.ReceiveChannel, more bool) {
			c.Receive(ctx, nil)
			finished = true
		})
		sel.Select(ctx)
	}
	// Notes that came in the same workflow task as "done" are kept too.
	for {
		var v string
		if !notes.ReceiveAsync(&v) {
			break
		}
		seen = append(seen, "signal:"+v)
	}
	// Let updates accepted before the signal finish.
	_ = workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return seen, nil
}
