module bench/goffi

go 1.24

require temporalffi/client v0.0.0

require github.com/google/uuid v1.6.0 // indirect

replace temporalffi/client => ../../bindings/go
