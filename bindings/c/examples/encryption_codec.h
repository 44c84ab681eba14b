/*
 * encryption_codec.h: the AES-GCM payload codec of Temporal's Go samples (samples-go
 * encryption/data_converter.go and crypt.go), in C with OpenSSL, as a temporal_payload_codec.
 * Header-only (static functions): the example encryption_codec.c and tests/c/test_codec.c
 * both include it. Link with -lcrypto.
 *
 * The format, byte for byte what the Go codec writes and reads, so that a Go SDK worker with
 * that codec and a C client with this one understand each other:
 *   encode: each payload's protobuf encoding (temporal.api.common.v1.Payload) is sealed with
 *           AES-256-GCM under a fresh random 12-byte nonce, no additional data; the new
 *           payload's data is nonce || ciphertext || 16-byte tag (Go's gcm.Seal(nonce, nonce,
 *           plain, nil)), its metadata "encoding" = "binary/encrypted" and
 *           "encryption-key-id" = the key ID.
 *   decode: a payload whose encoding is "binary/encrypted" is opened and the payload inside
 *           replaces it; any other payload passes through unchanged (as in Go). A missing or
 *           unknown key ID, a short or forged ciphertext fail the decode
 *           (temporal_payloads_set_error, return 1).
 *
 * Usage:
 *   static encryption_codec codec;            // must outlive every client that uses it
 *   encryption_codec_init(&codec, "test-key", key, 32);
 *   temporal_payload_codec pc;
 *   encryption_codec_table(&codec, &pc);      // encode, decode, user_data = &codec
 *   client_options.payload_codec = &pc;       // copied at connect
 */
#ifndef TEMPORAL_FFI_EXAMPLES_ENCRYPTION_CODEC_H
#define TEMPORAL_FFI_EXAMPLES_ENCRYPTION_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "temporal.h"

#define ENCRYPTION_CODEC_ENCODING "binary/encrypted"
#define ENCRYPTION_CODEC_KEY_ID_KEY "encryption-key-id"
#define ENCRYPTION_CODEC_KEY_LEN 32 /* AES-256 */
#define ENCRYPTION_CODEC_NONCE_LEN 12 /* Go's gcm.NonceSize() */
#define ENCRYPTION_CODEC_TAG_LEN 16 /* Go's gcm.Overhead() */
#define ENCRYPTION_CODEC_MAX_KEY_ID 128

/* One key and its ID. Read-only once initialised: the library calls encode and decode on
   several threads at once, and each call keeps its own OpenSSL context. */
typedef struct encryption_codec {
  char key_id[ENCRYPTION_CODEC_MAX_KEY_ID];
  unsigned char key[ENCRYPTION_CODEC_KEY_LEN];
} encryption_codec;

/* false for a key that is not 32 bytes or a key ID that does not fit. */
static inline bool encryption_codec_init(encryption_codec *codec, const char *key_id, const void *key,
                                         size_t key_len) {
  if (!codec || !key_id || !key || key_len != ENCRYPTION_CODEC_KEY_LEN) return false;
  size_t id_len = strlen(key_id);
  if (id_len == 0 || id_len >= sizeof codec->key_id) return false;
  memcpy(codec->key_id, key_id, id_len + 1);
  memcpy(codec->key, key, ENCRYPTION_CODEC_KEY_LEN);
  return true;
}

/* Reports `message` as the reason of this encode or decode and returns 1 (failure). */
static inline int32_t encryption_codec_fail(temporal_payloads *output, const char *message) {
  temporal_error_free(temporal_payloads_set_error(output, message));
  return 1;
}

/* nonce || AES-256-GCM(plain) || tag into out (plain_len + 28 bytes). false on an OpenSSL
   failure (which a correct key and a working RNG never give). */
static inline bool encryption_codec_seal(const encryption_codec *codec, const uint8_t *plain, size_t plain_len,
                                         uint8_t *out) {
  if (plain_len > INT32_MAX) return false;
  if (RAND_bytes(out, ENCRYPTION_CODEC_NONCE_LEN) != 1) return false;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  if (!ctx) return false;
  int n = 0, fin = 0;
  bool ok = EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, ENCRYPTION_CODEC_NONCE_LEN, NULL) == 1 &&
            EVP_EncryptInit_ex(ctx, NULL, NULL, codec->key, out) == 1 &&
            EVP_EncryptUpdate(ctx, out + ENCRYPTION_CODEC_NONCE_LEN, &n, plain, (int)plain_len) == 1 &&
            EVP_EncryptFinal_ex(ctx, out + ENCRYPTION_CODEC_NONCE_LEN + n, &fin) == 1 &&
            (size_t)n + (size_t)fin == plain_len &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, ENCRYPTION_CODEC_TAG_LEN,
                                out + ENCRYPTION_CODEC_NONCE_LEN + plain_len) == 1;
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

/* The inverse of seal: the plaintext (sealed_len - 28 bytes) into out. false if the tag does
   not match (wrong key, or the data was changed). */
static inline bool encryption_codec_open(const encryption_codec *codec, const uint8_t *sealed, size_t sealed_len,
                                         uint8_t *out) {
  size_t cipher_len = sealed_len - ENCRYPTION_CODEC_NONCE_LEN - ENCRYPTION_CODEC_TAG_LEN;
  if (cipher_len > INT32_MAX) return false;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  if (!ctx) return false;
  int n = 0, fin = 0;
  /* OpenSSL wants a non-const tag pointer; it only reads it. */
  uint8_t tag[ENCRYPTION_CODEC_TAG_LEN];
  memcpy(tag, sealed + sealed_len - ENCRYPTION_CODEC_TAG_LEN, sizeof tag);
  bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, ENCRYPTION_CODEC_NONCE_LEN, NULL) == 1 &&
            EVP_DecryptInit_ex(ctx, NULL, NULL, codec->key, sealed) == 1 &&
            EVP_DecryptUpdate(ctx, out, &n, sealed + ENCRYPTION_CODEC_NONCE_LEN, (int)cipher_len) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, ENCRYPTION_CODEC_TAG_LEN, tag) == 1 &&
            EVP_DecryptFinal_ex(ctx, out + n, &fin) == 1 && (size_t)n + (size_t)fin == cipher_len;
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

/* temporal_payload_codec_fn: every payload of input, encrypted, in order. */
static inline int32_t encryption_codec_encode(void *user_data, const temporal_payloads *input,
                                              temporal_payloads *output) {
  const encryption_codec *codec = (const encryption_codec *)user_data;
  size_t count = temporal_payloads_len(input);
  for (size_t i = 0; i < count; i++) {
    uint8_t *proto = NULL;
    size_t proto_len = 0;
    temporal_error *e = temporal_payloads_get_proto(input, i, &proto, &proto_len);
    if (e) {
      temporal_error_free(e);
      return encryption_codec_fail(output, "cannot marshal the payload");
    }
    size_t sealed_len = ENCRYPTION_CODEC_NONCE_LEN + proto_len + ENCRYPTION_CODEC_TAG_LEN;
    uint8_t *sealed = (uint8_t *)malloc(sealed_len);
    bool ok = sealed && encryption_codec_seal(codec, proto, proto_len, sealed);
    temporal_bytes_free(proto, proto_len);
    if (!ok) {
      free(sealed);
      return encryption_codec_fail(output, "AES-GCM encryption failed");
    }
    e = temporal_payloads_push(output, sealed, sealed_len);
    free(sealed);
    /* The payload just pushed is the last one of output. */
    size_t at = temporal_payloads_len(output) - 1;
    if (!e)
      e = temporal_payloads_set_metadata(output, at, "encoding", (const uint8_t *)ENCRYPTION_CODEC_ENCODING,
                                         strlen(ENCRYPTION_CODEC_ENCODING));
    if (!e)
      e = temporal_payloads_set_metadata(output, at, ENCRYPTION_CODEC_KEY_ID_KEY, (const uint8_t *)codec->key_id,
                                         strlen(codec->key_id));
    if (e) {
      temporal_error_free(e);
      return encryption_codec_fail(output, "cannot build the encrypted payload");
    }
  }
  return 0;
}

/* Whether payload i's metadata `key` is exactly `value`. */
static inline bool encryption_codec_metadata_is(const temporal_payloads *payloads, size_t i, const char *key,
                                                const char *value) {
  const uint8_t *v = NULL;
  size_t len = 0;
  temporal_error *e = temporal_payloads_get_metadata(payloads, i, key, &v, &len);
  if (e) {
    temporal_error_free(e);
    return false;
  }
  return len == strlen(value) && memcmp(v, value, len) == 0;
}

/* temporal_payload_codec_fn: the encrypted payloads of input opened, the others as they are. */
static inline int32_t encryption_codec_decode(void *user_data, const temporal_payloads *input,
                                              temporal_payloads *output) {
  const encryption_codec *codec = (const encryption_codec *)user_data;
  size_t count = temporal_payloads_len(input);
  for (size_t i = 0; i < count; i++) {
    temporal_error *e = NULL;
    if (!encryption_codec_metadata_is(input, i, "encoding", ENCRYPTION_CODEC_ENCODING)) {
      /* Not ours: copied through whole, metadata included. */
      uint8_t *proto = NULL;
      size_t proto_len = 0;
      e = temporal_payloads_get_proto(input, i, &proto, &proto_len);
      if (!e) {
        e = temporal_payloads_push_proto(output, proto, proto_len);
        temporal_bytes_free(proto, proto_len);
      }
      if (e) {
        temporal_error_free(e);
        return encryption_codec_fail(output, "cannot copy a payload that is not encrypted");
      }
      continue;
    }
    const uint8_t *key_id = NULL;
    size_t key_id_len = 0;
    e = temporal_payloads_get_metadata(input, i, ENCRYPTION_CODEC_KEY_ID_KEY, &key_id, &key_id_len);
    if (e) {
      temporal_error_free(e);
      return encryption_codec_fail(output, "no encryption key id");
    }
    if (key_id_len != strlen(codec->key_id) || memcmp(key_id, codec->key_id, key_id_len) != 0) {
      char message[64 + ENCRYPTION_CODEC_MAX_KEY_ID];
      int shown = key_id_len > ENCRYPTION_CODEC_MAX_KEY_ID ? ENCRYPTION_CODEC_MAX_KEY_ID : (int)key_id_len;
      snprintf(message, sizeof message, "unknown encryption key ID '%.*s'", shown, (const char *)key_id);
      return encryption_codec_fail(output, message);
    }
    const uint8_t *sealed = NULL;
    size_t sealed_len = 0;
    e = temporal_payloads_get_data(input, i, &sealed, &sealed_len);
    if (e) {
      temporal_error_free(e);
      return encryption_codec_fail(output, "cannot read the encrypted payload");
    }
    if (sealed_len < ENCRYPTION_CODEC_NONCE_LEN + ENCRYPTION_CODEC_TAG_LEN)
      return encryption_codec_fail(output, "ciphertext too short");
    size_t plain_len = sealed_len - ENCRYPTION_CODEC_NONCE_LEN - ENCRYPTION_CODEC_TAG_LEN;
    /* +1: malloc(0) may return NULL for an empty payload. */
    uint8_t *plain = (uint8_t *)malloc(plain_len + 1);
    if (!plain) return encryption_codec_fail(output, "out of memory");
    if (!encryption_codec_open(codec, sealed, sealed_len, plain)) {
      free(plain);
      return encryption_codec_fail(output, "message authentication failed (wrong key or changed data)");
    }
    e = temporal_payloads_push_proto(output, plain, plain_len);
    free(plain);
    if (e) {
      temporal_error_free(e);
      return encryption_codec_fail(output, "the decrypted data is not a Payload");
    }
  }
  return 0;
}

/* Fills `table` with this codec's callbacks and `codec` as their user_data (no release: the
   caller keeps `codec` alive as long as any client that uses it). false if the library refuses
   the table's size. */
static inline bool encryption_codec_table(encryption_codec *codec, temporal_payload_codec *table) {
  if (!temporal_payload_codec_default(table, sizeof *table)) return false;
  table->encode = encryption_codec_encode;
  table->decode = encryption_codec_decode;
  table->user_data = codec;
  return true;
}

#endif /* TEMPORAL_FFI_EXAMPLES_ENCRYPTION_CODEC_H */
