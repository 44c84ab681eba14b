package client

// LiveCodecHandles is the number of payload codec handles (codec.go) the library has not
// released yet, for the tests of package client_test.
func LiveCodecHandles() int64 { return liveCodecHandles.Load() }
