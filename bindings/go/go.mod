module github.com/temporal-ffi/temporal-ffi/bindings/go

go 1.24

require (
	github.com/google/uuid v1.6.0
	go.opentelemetry.io/otel v1.37.0
)

require go.opentelemetry.io/otel/trace v1.37.0
