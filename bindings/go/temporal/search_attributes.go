package temporal

import (
	"maps"
	"reflect"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
)

// The Go SDK's typed search attributes (go.temporal.io/sdk/temporal, defined in its internal
// package): the same types, constructors and methods, so a program's TypedSearchAttributes
// compile unchanged. The client sends each value with its type (temporal_search_attribute).

type (
	// SearchAttributes represents a collection of typed search attributes. Create with
	// [NewSearchAttributes].
	SearchAttributes struct {
		untypedValue map[SearchAttributeKey]any
	}

	// SearchAttributeUpdate represents a change to SearchAttributes.
	SearchAttributeUpdate func(*SearchAttributes)

	// SearchAttributeKey represents a typed search attribute key.
	SearchAttributeKey interface {
		// GetName of the search attribute.
		GetName() string
		// GetValueType of the search attribute.
		GetValueType() enumspb.IndexedValueType
		// GetReflectType of the search attribute.
		GetReflectType() reflect.Type
	}

	baseSearchAttributeKey struct {
		name        string
		valueType   enumspb.IndexedValueType
		reflectType reflect.Type
	}

	// SearchAttributeKeyString represents a search attribute key for a text attribute type.
	// Create with [NewSearchAttributeKeyString].
	SearchAttributeKeyString struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyKeyword represents a search attribute key for a keyword attribute
	// type. Create with [NewSearchAttributeKeyKeyword].
	SearchAttributeKeyKeyword struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyBool represents a search attribute key for a boolean attribute type.
	// Create with [NewSearchAttributeKeyBool].
	SearchAttributeKeyBool struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyInt64 represents a search attribute key for a integer attribute type.
	// Create with [NewSearchAttributeKeyInt64].
	SearchAttributeKeyInt64 struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyFloat64 represents a search attribute key for a double attribute type.
	// Create with [NewSearchAttributeKeyFloat64].
	SearchAttributeKeyFloat64 struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyTime represents a search attribute key for a time attribute type.
	// Create with [NewSearchAttributeKeyTime].
	SearchAttributeKeyTime struct {
		baseSearchAttributeKey
	}

	// SearchAttributeKeyKeywordList represents a search attribute key for a keyword list
	// attribute type. Create with [NewSearchAttributeKeyKeywordList].
	SearchAttributeKeyKeywordList struct {
		baseSearchAttributeKey
	}
)

// GetName of the search attribute.
func (bk baseSearchAttributeKey) GetName() string { return bk.name }

// GetValueType of the search attribute.
func (bk baseSearchAttributeKey) GetValueType() enumspb.IndexedValueType { return bk.valueType }

// GetReflectType of the search attribute.
func (bk baseSearchAttributeKey) GetReflectType() reflect.Type { return bk.reflectType }

func newKey(name string, valueType enumspb.IndexedValueType, reflectType reflect.Type) baseSearchAttributeKey {
	return baseSearchAttributeKey{name: name, valueType: valueType, reflectType: reflectType}
}

func set(k SearchAttributeKey, value any) SearchAttributeUpdate {
	return func(sa *SearchAttributes) { sa.untypedValue[k] = value }
}

func unset(k SearchAttributeKey) SearchAttributeUpdate {
	return func(sa *SearchAttributes) { sa.untypedValue[k] = nil }
}

// NewSearchAttributeKeyString creates a new string-based key.
func NewSearchAttributeKeyString(name string) SearchAttributeKeyString {
	return SearchAttributeKeyString{newKey(name, enumspb.INDEXED_VALUE_TYPE_TEXT, reflect.TypeFor[string]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyString) ValueSet(value string) SearchAttributeUpdate { return set(k, value) }

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyString) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyKeyword creates a new keyword-based key.
func NewSearchAttributeKeyKeyword(name string) SearchAttributeKeyKeyword {
	return SearchAttributeKeyKeyword{newKey(name, enumspb.INDEXED_VALUE_TYPE_KEYWORD, reflect.TypeFor[string]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyKeyword) ValueSet(value string) SearchAttributeUpdate { return set(k, value) }

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyKeyword) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyBool creates a new bool-based key.
func NewSearchAttributeKeyBool(name string) SearchAttributeKeyBool {
	return SearchAttributeKeyBool{newKey(name, enumspb.INDEXED_VALUE_TYPE_BOOL, reflect.TypeFor[bool]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyBool) ValueSet(value bool) SearchAttributeUpdate { return set(k, value) }

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyBool) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyInt64 creates a new int64-based key.
func NewSearchAttributeKeyInt64(name string) SearchAttributeKeyInt64 {
	return SearchAttributeKeyInt64{newKey(name, enumspb.INDEXED_VALUE_TYPE_INT, reflect.TypeFor[int64]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyInt64) ValueSet(value int64) SearchAttributeUpdate { return set(k, value) }

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyInt64) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyFloat64 creates a new float64-based key.
func NewSearchAttributeKeyFloat64(name string) SearchAttributeKeyFloat64 {
	return SearchAttributeKeyFloat64{newKey(name, enumspb.INDEXED_VALUE_TYPE_DOUBLE, reflect.TypeFor[float64]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyFloat64) ValueSet(value float64) SearchAttributeUpdate {
	return set(k, value)
}

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyFloat64) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyTime creates a new time-based key.
func NewSearchAttributeKeyTime(name string) SearchAttributeKeyTime {
	return SearchAttributeKeyTime{newKey(name, enumspb.INDEXED_VALUE_TYPE_DATETIME, reflect.TypeFor[time.Time]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyTime) ValueSet(value time.Time) SearchAttributeUpdate { return set(k, value) }

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyTime) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributeKeyKeywordList creates a new keyword-list-based key.
func NewSearchAttributeKeyKeywordList(name string) SearchAttributeKeyKeywordList {
	return SearchAttributeKeyKeywordList{newKey(name, enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST, reflect.TypeFor[[]string]())}
}

// ValueSet creates an update to set the value of the attribute.
func (k SearchAttributeKeyKeywordList) ValueSet(values []string) SearchAttributeUpdate {
	// A copy: the caller may change its slice after making the update.
	return set(k, append([]string(nil), values...))
}

// ValueUnset creates an update to remove the attribute.
func (k SearchAttributeKeyKeywordList) ValueUnset() SearchAttributeUpdate { return unset(k) }

// NewSearchAttributes creates a new search attribute collection for the given updates.
func NewSearchAttributes(attributes ...SearchAttributeUpdate) SearchAttributes {
	sa := SearchAttributes{untypedValue: make(map[SearchAttributeKey]any)}
	for _, attr := range attributes {
		attr(&sa)
	}
	return sa
}

// GetString gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetString(key SearchAttributeKeyString) (string, bool) {
	value, ok := sa.untypedValue[key].(string)
	return value, ok
}

// GetKeyword gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetKeyword(key SearchAttributeKeyKeyword) (string, bool) {
	value, ok := sa.untypedValue[key].(string)
	return value, ok
}

// GetBool gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetBool(key SearchAttributeKeyBool) (bool, bool) {
	value, ok := sa.untypedValue[key].(bool)
	return value, ok
}

// GetInt64 gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetInt64(key SearchAttributeKeyInt64) (int64, bool) {
	value, ok := sa.untypedValue[key].(int64)
	return value, ok
}

// GetFloat64 gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetFloat64(key SearchAttributeKeyFloat64) (float64, bool) {
	value, ok := sa.untypedValue[key].(float64)
	return value, ok
}

// GetTime gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetTime(key SearchAttributeKeyTime) (time.Time, bool) {
	value, ok := sa.untypedValue[key].(time.Time)
	return value, ok
}

// GetKeywordList gets a value for the given key and whether it was present.
func (sa SearchAttributes) GetKeywordList(key SearchAttributeKeyKeywordList) ([]string, bool) {
	value, ok := sa.untypedValue[key].([]string)
	if !ok {
		return nil, false
	}
	// A copy, so the caller cannot change the collection's value.
	return append([]string(nil), value...), true
}

// ContainsKey gets whether a key is present.
func (sa SearchAttributes) ContainsKey(key SearchAttributeKey) bool {
	val, ok := sa.untypedValue[key]
	return ok && val != nil
}

// Size gets the size of the attribute collection.
func (sa SearchAttributes) Size() int {
	return len(sa.GetUntypedValues())
}

// GetUntypedValues gets a copy of the collection with raw types (unset values left out).
func (sa SearchAttributes) GetUntypedValues() map[SearchAttributeKey]any {
	untypedValueCopy := make(map[SearchAttributeKey]any, len(sa.untypedValue))
	for key, value := range sa.untypedValue {
		if value == nil {
			continue
		}
		if list, ok := value.([]string); ok {
			value = append([]string(nil), list...)
		}
		untypedValueCopy[key] = value
	}
	return untypedValueCopy
}

// Copy creates an update that copies existing values.
func (sa SearchAttributes) Copy() SearchAttributeUpdate {
	return func(s *SearchAttributes) {
		// Without the unset values, so the copy removes none of the target's values.
		maps.Copy(s.untypedValue, sa.GetUntypedValues())
	}
}
