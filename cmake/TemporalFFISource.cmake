# What the top-level CMakeLists.txt reads from the source tree at configure time.

# temporal_ffi_read_version(<root> <version-var> <soname-var>)
#
# The version is [package] version in Cargo.toml, the one source of truth: build.rs writes it,
# and the SONAME derived from it, into include/temporal.h. The SONAME is read from the header
# rather than derived here a second time. A header of another version is refused (it means
# Cargo.toml was bumped and the header not yet regenerated): the imported targets would name a
# SONAME the library does not have.
function(temporal_ffi_read_version root version_var soname_var)
  set(cargo_toml "${root}/Cargo.toml")
  set(header "${root}/include/temporal.h")
  foreach(file IN ITEMS "${cargo_toml}" "${header}")
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "temporal-ffi: ${file} is missing: is ${root} a temporal-ffi source tree?")
    endif()
  endforeach()

  # Only section headers and version keys: other lines may hold ';', which would split the list.
  file(STRINGS "${cargo_toml}" lines REGEX "^[ \t]*(\\[|version[ \t]*=)")
  set(in_package FALSE)
  set(version "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*\\[")
      if(line MATCHES "^[ \t]*\\[package\\][ \t]*(#.*)?$")
        set(in_package TRUE)
      else()
        set(in_package FALSE)
      endif()
    elseif(in_package AND line MATCHES "^[ \t]*version[ \t]*=[ \t]*\"([^\"]*)\"")
      set(version "${CMAKE_MATCH_1}")
      break()
    endif()
  endforeach()
  if(NOT version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
    message(FATAL_ERROR "temporal-ffi: cannot read [package] version from ${cargo_toml} (got '${version}')")
  endif()

  file(STRINGS "${header}" defines REGEX "^#define TEMPORAL_FFI_(VERSION|SONAME) \"")
  set(header_version "")
  set(soname "")
  foreach(line IN LISTS defines)
    if(line MATCHES "^#define TEMPORAL_FFI_VERSION \"([^\"]*)\"")
      set(header_version "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^#define TEMPORAL_FFI_SONAME \"([^\"]*)\"")
      set(soname "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  if(NOT soname MATCHES "^libtemporal_ffi\\.so\\.[0-9.]+$")
    message(FATAL_ERROR "temporal-ffi: ${header} has no valid TEMPORAL_FFI_SONAME (got '${soname}')")
  endif()
  if(NOT header_version STREQUAL version)
    message(FATAL_ERROR "temporal-ffi: ${header} is version '${header_version}' but ${cargo_toml} "
      "says ${version}: regenerate the header (cargo build) and commit it")
  endif()

  set(${version_var} "${version}" PARENT_SCOPE)
  set(${soname_var} "${soname}" PARENT_SCOPE)
endfunction()

# temporal_ffi_cargo_profile_dir(<profile> <dir-var>)
#
# The directory under the cargo target dir that a profile's artifacts go to: dev and test build
# into debug/, release and bench into release/, a custom profile into a directory of its name.
function(temporal_ffi_cargo_profile_dir profile dir_var)
  if(profile STREQUAL "dev" OR profile STREQUAL "test")
    set(${dir_var} "debug" PARENT_SCOPE)
  elseif(profile STREQUAL "release" OR profile STREQUAL "bench")
    set(${dir_var} "release" PARENT_SCOPE)
  elseif(profile MATCHES "^[A-Za-z][A-Za-z0-9_-]*$")
    set(${dir_var} "${profile}" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "temporal-ffi: TEMPORAL_FFI_CARGO_PROFILE='${profile}' is not a cargo profile name")
  endif()
endfunction()
