// Payloads and payload codecs from C++ (temporal::Payload, temporal::PayloadCodec,
// ClientOptions::payload_codec, CallOptions::args_payloads / workflow_args_payloads /
// result_as_payloads, Call::payloads()), against a real Temporal dev server and the Go test
// worker, as tests/c/test_codec.c does from C.
//
// The worker's task queue temporal-ffi-codec (tests/worker/codec.go) runs a Go SDK client whose
// DataConverter is the AES-GCM encryption codec of Temporal's Go samples. The codec here is the
// same format in C++ (OpenSSL EVP): encoding "binary/encrypted", metadata "encryption-key-id",
// data = 12-byte nonce || AES-256-GCM(marshalled Payload) || 16-byte tag. So a value that
// comes back right has been encrypted here, decrypted by Go, encrypted by Go and decrypted
// here. Without TEMPORAL_ADDRESS the server tests are skipped.
//
// Bounds and settings (environment, with defaults):
//   TEMPORAL_TEST_CODEC_TASK_QUEUE   the codec worker's task queue (temporal-ffi-codec)
//   TEMPORAL_TEST_CODEC_KEY          the 32-byte AES key, as the worker reads it
//                                    (test-key-test-key-test-key-test!)
//   TEMPORAL_TEST_CODEC_WAIT_MS      how long one workflow result or query may take (30000)
//   TEMPORAL_TEST_CODEC_RELEASE_MS   how long the library may take to drop its copy of the
//                                    codec after the last user is gone (2000)
#include "temporal.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using temporal::Payload;

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && v[0] != '\0' ? v : fallback;
}

std::chrono::milliseconds env_ms(const char* name, long fallback) {
  const std::string v = env_or(name, "");
  if (v.empty()) return std::chrono::milliseconds(fallback);
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (*end != '\0' || n <= 0) {
    throw std::invalid_argument(std::string(name) + " must be a positive number of ms: " + v);
  }
  return std::chrono::milliseconds(n);
}

std::chrono::milliseconds wait_bound() { return env_ms("TEMPORAL_TEST_CODEC_WAIT_MS", 30000); }
std::chrono::milliseconds release_bound() {
  return env_ms("TEMPORAL_TEST_CODEC_RELEASE_MS", 2000);
}
std::string codec_queue() { return env_or("TEMPORAL_TEST_CODEC_TASK_QUEUE", "temporal-ffi-codec"); }

std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }
std::string text(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

std::string metadata_of(const Payload& p, const std::string& key) {
  const auto it = p.metadata.find(key);
  return it != p.metadata.end() ? text(it->second) : "<none>";
}

std::string base64(const std::string& in) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += digits[(n >> shift) & 63];
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += i + 1 < in.size() ? digits[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Waits until `done()` or `bound` passed; returns done().
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

// ----------------------------------------------------------------------------------------------
// The codecs

constexpr std::size_t kNonce = 12;  // Go's gcm.NonceSize()
constexpr std::size_t kTag = 16;    // Go's gcm.Overhead()

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// The Go samples' encryption codec (samples-go encryption): each payload, marshalled, sealed
// with AES-256-GCM under a fresh nonce. Thread-safe: the key is read-only, each call has its
// own OpenSSL context, the counters are atomic.
class AesGcmCodec : public temporal::PayloadCodec {
 public:
  AesGcmCodec(std::string key_id, std::string key) : key_id_(std::move(key_id)), key_(std::move(key)) {
    if (key_.size() != 32) throw std::invalid_argument("the AES-256 key must be 32 bytes");
  }

  std::vector<Payload> encode(const std::vector<Payload>& payloads) override {
    encodes.fetch_add(1);
    std::vector<Payload> out;
    for (const Payload& p : payloads) {
      Payload sealed;
      sealed.metadata["encoding"] = bytes("binary/encrypted");
      sealed.metadata["encryption-key-id"] = bytes(key_id_);
      sealed.data = seal(p.to_proto());
      out.push_back(std::move(sealed));
    }
    return out;
  }

  std::vector<Payload> decode(const std::vector<Payload>& payloads) override {
    decodes.fetch_add(1);
    std::vector<Payload> out;
    for (const Payload& p : payloads) {
      if (metadata_of(p, "encoding") != "binary/encrypted") {
        out.push_back(p);  // not ours: passes through, as in Go
        continue;
      }
      const std::string key_id = metadata_of(p, "encryption-key-id");
      if (key_id != key_id_) throw std::runtime_error("no key for key ID " + key_id);
      out.push_back(Payload::from_proto(open(p.data)));
    }
    return out;
  }

  std::atomic<int> encodes{0};
  std::atomic<int> decodes{0};

 private:
  const unsigned char* key() const { return reinterpret_cast<const unsigned char*>(key_.data()); }

  std::vector<std::uint8_t> seal(const std::vector<std::uint8_t>& plain) const {
    std::vector<std::uint8_t> out(kNonce + plain.size() + kTag);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int n = 0, fin = 0;
    const bool ok =
        ctx && RAND_bytes(out.data(), kNonce) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key(), out.data()) == 1 &&
        EVP_EncryptUpdate(ctx.get(), out.data() + kNonce, &n, plain.data(),
                          static_cast<int>(plain.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonce + n, &fin) == 1 &&
        static_cast<std::size_t>(n + fin) == plain.size() &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag,
                            out.data() + kNonce + plain.size()) == 1;
    if (!ok) throw std::runtime_error("AES-GCM encryption failed");
    return out;
  }

  std::vector<std::uint8_t> open(const std::vector<std::uint8_t>& sealed) const {
    if (sealed.size() < kNonce + kTag) throw std::runtime_error("ciphertext too short");
    const std::size_t cipher_len = sealed.size() - kNonce - kTag;
    std::vector<std::uint8_t> out(cipher_len);
    // OpenSSL takes the tag through a non-const pointer; it only reads it.
    std::vector<std::uint8_t> tag(sealed.end() - kTag, sealed.end());
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int n = 0, fin = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonce, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key(), sealed.data()) == 1 &&
        EVP_DecryptUpdate(ctx.get(), out.data(), &n, sealed.data() + kNonce,
                          static_cast<int>(cipher_len)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), out.data() + n, &fin) == 1 &&
        static_cast<std::size_t>(n + fin) == cipher_len;
    if (!ok) throw std::runtime_error("AES-GCM authentication failed");
    return out;
  }

  const std::string key_id_;
  const std::string key_;
};

std::shared_ptr<AesGcmCodec> test_codec() {
  return std::make_shared<AesGcmCodec>("test-key",
                                       env_or("TEMPORAL_TEST_CODEC_KEY",
                                              "test-key-test-key-test-key-test!"));
}

// A codec that misbehaves in one way; otherwise it passes payloads through (which the Go
// codec's decode accepts: not encrypted).
class BrokenCodec : public temporal::PayloadCodec {
 public:
  enum class Fault { EncodeThrows, EncodeThrowsNonStd, EncodeDropsOne, DecodeThrows };
  explicit BrokenCodec(Fault fault) : fault_(fault) {}

  std::vector<Payload> encode(const std::vector<Payload>& payloads) override {
    switch (fault_) {
      case Fault::EncodeThrows:
        throw std::runtime_error("no key for this payload");
      case Fault::EncodeThrowsNonStd:
        throw 42;
      case Fault::EncodeDropsOne:
        return std::vector<Payload>(payloads.begin(),
                                    payloads.end() - (payloads.empty() ? 0 : 1));
      case Fault::DecodeThrows:
        break;
    }
    return payloads;
  }

  std::vector<Payload> decode(const std::vector<Payload>& payloads) override {
    if (fault_ == Fault::DecodeThrows) throw std::runtime_error("cannot decrypt the result");
    return payloads;
  }

 private:
  const Fault fault_;
};

// Expects `f()` to throw exactly E with a message containing `part`.
template <class E, class F>
void expect_throw(F&& f, const std::string& part) {
  try {
    f();
  } catch (const E& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    return;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw another error: " << e.what();
    return;
  }
  ADD_FAILURE() << "did not throw (expected an error containing \"" << part << "\")";
}

// ----------------------------------------------------------------------------------------------
// No server needed: the Payload conversions are the library's.

TEST(PayloadBasics, JsonAndProtoConversions) {
  const Payload s = Payload::from_json(R"( "hi" )");
  EXPECT_EQ(metadata_of(s, "encoding"), "json/plain");
  EXPECT_EQ(text(s.data), R"("hi")");  // compact, as the Go SDK writes it
  EXPECT_EQ(s.to_json(), R"("hi")");

  const Payload null = Payload::from_json("null");
  EXPECT_EQ(metadata_of(null, "encoding"), "binary/null");
  EXPECT_TRUE(null.data.empty());
  EXPECT_EQ(null.to_json(), "null");

  // binary/plain reads as a base64 JSON string, as the default converter reads []byte.
  Payload raw;
  raw.metadata["encoding"] = bytes("binary/plain");
  raw.data = {0x00, 0xff, 'r', 'a', 'w', 0x80};
  EXPECT_EQ(raw.to_json(), "\"AP9yYXeA\"");

  // The protobuf encoding round-trips, metadata (with a NUL byte in a value) and data.
  Payload rich = raw;
  rich.metadata["with-nul"] = {'a', 0x00, 'b'};
  rich.metadata["empty"] = {};
  const std::vector<std::uint8_t> proto = rich.to_proto();
  EXPECT_FALSE(proto.empty());
  EXPECT_EQ(Payload::from_proto(proto), rich);
  EXPECT_EQ(Payload::from_proto(Payload{}.to_proto()), Payload{});

  expect_throw<temporal::InvalidArgumentError>([] { Payload::from_json("not json"); }, "");
  expect_throw<temporal::PayloadError>(
      [] { Payload::from_proto(std::vector<std::uint8_t>{0x0a, 0x7f, 0x01}); }, "");
  Payload encrypted;
  encrypted.metadata["encoding"] = bytes("binary/encrypted");
  expect_throw<temporal::PayloadError>([&] { (void)encrypted.to_json(); }, "binary/encrypted");
  Payload bad_key;
  bad_key.metadata[std::string("a\0b", 3)] = bytes("v");
  expect_throw<temporal::InvalidArgumentError>([&] { (void)bad_key.to_proto(); }, "NUL");
}

// The codec runs in the test process: the AES-GCM codec round-trips without a server.
TEST(PayloadBasics, AesGcmCodecRoundTrip) {
  const auto codec = test_codec();
  const std::vector<Payload> in = {Payload::from_json(R"({"secret":"value"})"),
                                   Payload::from_json("null")};
  const std::vector<Payload> sealed = codec->encode(in);
  ASSERT_EQ(sealed.size(), 2u);
  EXPECT_EQ(metadata_of(sealed[0], "encoding"), "binary/encrypted");
  EXPECT_EQ(metadata_of(sealed[0], "encryption-key-id"), "test-key");
  EXPECT_EQ(sealed[0].data.size(), kNonce + in[0].to_proto().size() + kTag);
  EXPECT_EQ(codec->decode(sealed), in);
  std::vector<Payload> forged = sealed;
  forged[0].data[kNonce] ^= 1;
  expect_throw<std::runtime_error>([&] { codec->decode(forged); }, "authentication failed");
}

// ----------------------------------------------------------------------------------------------
// Against the server and the Go codec worker

class Codec : public ::testing::Test {
 protected:
  void SetUp() override {
    if (env_or("TEMPORAL_ADDRESS", "").empty()) GTEST_SKIP() << "TEMPORAL_ADDRESS is not set";
    codec_ = test_codec();
    client_.emplace(connect(codec_));
    plain_.emplace(connect(nullptr));
  }

  // Ends the workflows a test started (errors ignored: most completed).
  void TearDown() override {
    if (!plain_) return;
    for (const std::string& id : started_) {
      try {
        plain_->terminate_workflow(id, "", "test_codec done");
      } catch (const temporal::Error&) {
      }
    }
  }

  static temporal::Client connect(std::shared_ptr<temporal::PayloadCodec> codec) {
    temporal::ClientOptions options;
    options.address = env_or("TEMPORAL_ADDRESS", "");
    options.payload_codec = std::move(codec);
    return temporal::Client::connect(options);
  }

  // Start options for a new Workflow ID on the codec queue (remembered for TearDown).
  temporal::StartWorkflowOptions options(const std::string& what) {
    static const auto seed = std::random_device{}();
    temporal::StartWorkflowOptions o;
    o.id = "cpp-codec-" + what + "-" + std::to_string(seed) + "-" +
           std::to_string(started_.size());
    o.task_queue = codec_queue();
    o.execution_timeout = 5min;
    started_.push_back(o.id);
    return o;
  }

  // Every payload object ({"metadata": {...}, "data": ...}) of a history, by its encoding.
  static void collect_encodings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_object()) {
      const auto metadata = j.find("metadata");
      if (metadata != j.end() && metadata->is_object() && metadata->contains("encoding")) {
        out.push_back((*metadata)["encoding"].get<std::string>());
      }
      for (const auto& item : j.items()) collect_encodings(item.value(), out);
    } else if (j.is_array()) {
      for (const auto& item : j) collect_encodings(item, out);
    }
  }

  const temporal::Client& client() const { return *client_; }
  const temporal::Client& plain() const { return *plain_; }

  std::shared_ptr<AesGcmCodec> codec_;
  std::vector<std::string> started_;

 private:
  std::optional<temporal::Client> client_;
  std::optional<temporal::Client> plain_;
};

// Echo through the codec: the Go worker decrypted our argument and encrypted its result, and
// the server stored only ciphertext.
TEST_F(Codec, EchoRoundTripThroughTheCodec) {
  const std::string value = R"({"n":7,"secret":"s3cret-value"})";
  const int encodes = codec_->encodes.load(), decodes = codec_->decodes.load();
  const temporal::StartWorkflowOptions o = options("echo");
  const temporal::WorkflowRun run = client().execute_workflow("Echo", o, "[" + value + "]");
  EXPECT_EQ(run.get(wait_bound()), value);
  EXPECT_GT(codec_->encodes.load(), encodes) << "encode was not called";
  EXPECT_GT(codec_->decodes.load(), decodes) << "decode was not called";

  // History is returned as stored: encrypted.
  const std::string history = plain().get_workflow_history(o.id);
  std::vector<std::string> encodings;
  collect_encodings(nlohmann::json::parse(history), encodings);
  const std::string encrypted = base64("binary/encrypted");
  std::size_t sealed = 0;
  for (const std::string& e : encodings) {
    if (e == encrypted) {
      ++sealed;
    } else {
      ADD_FAILURE() << "a payload encoded as " << e << " in the history";
    }
  }
  EXPECT_GE(sealed, 2u) << "the input and the result: " << history.substr(0, 600);
  EXPECT_EQ(history.find("s3cret-value"), std::string::npos);
  EXPECT_EQ(history.find(base64(value)), std::string::npos);

  // Without the codec the worker's encrypted result cannot be read.
  expect_throw<temporal::PayloadError>(
      [&] { plain().get_workflow(o.id).get(wait_bound()); }, "binary/encrypted");
}

// A codec's exception is the operation's PayloadError, with its message; nothing starts.
TEST_F(Codec, ThrowingCodecIsPayloadErrorAndNothingStarts) {
  struct Case {
    BrokenCodec::Fault fault;
    std::string message;
  };
  for (const Case& c : {Case{BrokenCodec::Fault::EncodeThrows,
                             "payload codec encode failed: no key for this payload"},
                        Case{BrokenCodec::Fault::EncodeThrowsNonStd,
                             "payload codec encode failed: the payload codec threw a "
                             "non-std::exception"},
                        Case{BrokenCodec::Fault::EncodeDropsOne,
                             "payload codec encode returned 0 payloads for 1"}}) {
    SCOPED_TRACE(c.message);
    const temporal::Client broken = connect(std::make_shared<BrokenCodec>(c.fault));
    const temporal::StartWorkflowOptions o = options("throws");
    expect_throw<temporal::PayloadError>(
        [&] { broken.execute_workflow("Echo", o, R"(["x"])"); }, c.message);
    expect_throw<temporal::NotFoundError>([&] { plain().describe_workflow_execution(o.id); },
                                          "");
  }

  // decode: the workflow ran, its result cannot be read.
  const temporal::Client broken = connect(std::make_shared<BrokenCodec>(BrokenCodec::Fault::DecodeThrows));
  const temporal::WorkflowRun run = broken.execute_workflow("Echo", options("decode"), R"(["y"])");
  expect_throw<temporal::PayloadError>([&] { run.get(wait_bound()); },
                                       "payload codec decode failed: cannot decrypt the result");
}

// The library holds its copy of the shared_ptr until the last client, run and call that uses
// the codec is gone, and drops it then; a connect that fails or is refused drops it too.
TEST_F(Codec, ReleasedAfterTheLastUser) {
  const auto codec = test_codec();
  std::optional<temporal::Client> c(connect(codec));
  EXPECT_GT(codec.use_count(), 1);
  std::optional<temporal::Client> derived(c->new_from_existing());
  const temporal::StartWorkflowOptions o = options("release");
  std::optional<temporal::WorkflowRun> run(derived->execute_workflow("Block", o, "[]"));
  std::optional<temporal::Call<std::string>> pending(run->get_call());
  c.reset();
  derived.reset();
  EXPECT_GT(codec.use_count(), 1) << "released with a run and a call left";
  run.reset();
  EXPECT_GT(codec.use_count(), 1) << "released with a call in flight";
  // The call decodes the result through the codec: Go encrypted "unblocked: go".
  plain().signal_workflow(o.id, "", "unblock", R"(["go"])");
  ASSERT_TRUE(pending->wait_for(wait_bound()));
  EXPECT_EQ(pending->get(), R"("unblocked: go")");
  pending.reset();
  EXPECT_TRUE(eventually([&] { return codec.use_count() == 1; }, release_bound()))
      << "use_count " << codec.use_count() << " " << release_bound().count()
      << " ms after the last user";

  // The options hold a copy too: each connect below gets its options in a scope of its own.
  const auto options_with = [&](const std::string& address) {
    temporal::ClientOptions o;
    o.address = address;
    o.payload_codec = codec;
    return o;
  };
  {
    // Refused before the library took the table (basic auth password without a user).
    temporal::ClientOptions refused = options_with(env_or("TEMPORAL_ADDRESS", ""));
    refused.proxy_basic_auth_password = "pw";
    EXPECT_THROW(temporal::Client::connect(refused), temporal::InvalidArgumentError);
  }
  EXPECT_EQ(codec.use_count(), 1) << "a connect refused before taking the table kept the codec";
  {
    // Refused after it took the table (connect takes no arguments).
    temporal::CallOptions with_args;
    with_args.args_payloads = std::vector<Payload>{};
    EXPECT_THROW(temporal::Client::connect_async(options_with(env_or("TEMPORAL_ADDRESS", "")),
                                                 with_args)
                     .get(),
                 temporal::InvalidArgumentError);
  }
  EXPECT_TRUE(eventually([&] { return codec.use_count() == 1; }, release_bound()))
      << "use_count " << codec.use_count() << " after a connect refused with the table taken";
  {
    // A connect that fails later (nothing listens there).
    temporal::ClientOptions dead = options_with("127.0.0.1:1");
    dead.connect_timeout = 2s;
    EXPECT_THROW(temporal::Client::connect(dead), temporal::Error);
  }
  EXPECT_TRUE(eventually([&] { return codec.use_count() == 1; }, release_bound()))
      << "use_count " << codec.use_count() << " after a failed connect";
}

// Arguments as payloads (binary/plain bytes to a []byte workflow) and the result as payloads;
// the codec still encrypts them on the wire.
TEST_F(Codec, ArgsPayloadsAndResultAsPayloads) {
  const std::vector<std::uint8_t> raw = {0x00, 0xff, 'r', 'a', 'w', 0x80};
  Payload arg;
  arg.metadata["encoding"] = bytes("binary/plain");
  arg.data = raw;
  temporal::CallOptions with_args;
  with_args.args_payloads = std::vector<Payload>{arg};

  // JSON arguments and payloads together are refused.
  expect_throw<temporal::InvalidArgumentError>(
      [&] {
        client().execute_workflow_async("EchoBytes", options("mixed"), R"(["x"])", with_args).get();
      },
      "");
  const temporal::StartWorkflowOptions o = options("bytes");
  const temporal::WorkflowRun run =
      client().execute_workflow_async("EchoBytes", o, "[]", with_args).get();

  std::vector<std::uint8_t> want = bytes("got:");
  want.insert(want.end(), raw.begin(), raw.end());
  const std::vector<Payload> result = run.get_payloads(wait_bound());
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0].data, want);
  EXPECT_EQ(result[0].metadata.size(), 1u) << "decoded: only the encoding is left";
  EXPECT_EQ(metadata_of(result[0], "encoding"), "binary/plain");
  // The same result read as JSON: the default converter's base64 string.
  EXPECT_EQ(run.get(wait_bound()), "\"Z290OgD/cmF3gA==\"");

  // payloads() takes them once, and only from a call made for them.
  temporal::CallOptions as_payloads(wait_bound());
  as_payloads.result_as_payloads = true;
  temporal::Call<std::string> get = run.get_call(as_payloads);
  EXPECT_EQ(get.payloads().size(), 1u);
  expect_throw<temporal::InvalidArgumentError>([&] { get.payloads(); }, "already taken");
  temporal::Call<std::string> json_get = run.get_call(wait_bound());
  expect_throw<temporal::InvalidArgumentError>([&] { json_get.payloads(); },
                                               "without result_as_payloads");

  // On the wire: encrypted, neither the bytes nor binary/plain in the history.
  const std::string history = plain().get_workflow_history(o.id);
  EXPECT_EQ(history.find(base64(text(raw))), std::string::npos);
  EXPECT_EQ(history.find(base64("binary/plain")), std::string::npos);
  EXPECT_NE(history.find(base64("binary/encrypted")), std::string::npos);
}

// Signal-with-start with both argument lists as payloads; the query's, the update's and the
// update handle's results as payloads.
TEST_F(Codec, PayloadsForSignalWithStartQueryAndUpdate) {
  temporal::CallOptions sws;
  sws.args_payloads = std::vector<Payload>{Payload::from_json(R"("sp")")};
  sws.workflow_args_payloads = std::vector<Payload>{Payload::from_json(R"("wp")")};
  const temporal::StartWorkflowOptions o = options("probe");
  const temporal::WorkflowRun run =
      client().signal_with_start_workflow_async("note", "[]", "CodecProbe", o, "[]", sws).get();

  temporal::CallOptions query(wait_bound());
  query.args_payloads = std::vector<Payload>{Payload::from_json(R"("q")")};
  query.result_as_payloads = true;
  // A query before the first workflow task completed may see less: ask until it has both.
  std::string seen;
  EXPECT_TRUE(eventually(
      [&] {
        const std::vector<Payload> answer =
            client().query_workflow_async(o.id, "", "seen", "", query).payloads();
        seen = answer.size() == 1 ? answer[0].to_json() : "";
        return seen == R"("q,start:wp,signal:sp")";
      },
      wait_bound()))
      << seen;

  temporal::CallOptions update;
  update.args_payloads = std::vector<Payload>{Payload::from_json(R"("up")")};
  update.result_as_payloads = true;
  const temporal::UpdateResult u =
      client().update_workflow_async(o.id, "", "note", "[]", "u-1", update).get();
  EXPECT_EQ(u.update_id, "u-1");
  EXPECT_EQ(u.result_json, "");
  ASSERT_TRUE(u.result_payloads.has_value());
  ASSERT_EQ(u.result_payloads->size(), 1u);
  EXPECT_EQ((*u.result_payloads)[0].to_json(), R"(["start:wp","signal:sp","update:up"])");

  const temporal::UpdateHandle h = client().get_workflow_update_handle(o.id, "", "u-1");
  const std::vector<Payload> again = h.get_payloads(wait_bound());
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0], (*u.result_payloads)[0]);

  client().signal_workflow(o.id, "", "done", "[]");
  EXPECT_EQ(run.get(wait_bound()), R"(["start:wp","signal:sp","update:up"])");
}

}  // namespace
