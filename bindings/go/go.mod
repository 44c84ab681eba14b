module github.com/temporal-ffi/temporal-ffi/bindings/go

go 1.24

require github.com/google/uuid v1.6.0
