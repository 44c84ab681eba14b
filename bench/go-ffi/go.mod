module bench/goffi

go 1.24

require github.com/temporal-ffi/temporal-ffi/bindings/go v0.0.0

require github.com/google/uuid v1.6.0 // indirect

replace github.com/temporal-ffi/temporal-ffi/bindings/go => ../../bindings/go
