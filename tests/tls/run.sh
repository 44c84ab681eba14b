#!/usr/bin/env bash
# TLS and secrets suite: the library against a real TLS-terminating gRPC proxy (nginx) in front
# of the dev server.
#
#   tests/harness/with-dev-server.sh tests/tls/run.sh
#
# Needs nginx (Debian: nginx-light or nginx; the gRPC proxy and HTTP/2 modules are built in),
# openssl and a C compiler, and the library built (make build). It:
#  - makes certificates with openssl in a temporary directory: a CA, a server certificate for
#    localhost (SAN DNS:localhost, IP:127.0.0.1) signed by it, an unrelated second CA, a client
#    CA with a client certificate, and a second client key that matches no certificate;
#  - runs nginx in the foreground (its own config, pid, logs and temp paths in that directory,
#    as an unprivileged user when started as root) with four loopback server blocks, all
#    `grpc_pass grpc://$TEMPORAL_ADDRESS`: TLS only; TLS requiring a client certificate; TLS
#    checking `authorization: Bearer good-key-123` (HTTP 401 otherwise); the same check answering
#    a gRPC UNAUTHENTICATED status (as a real server would) instead of HTTP 401; the 401 check in
#    plaintext (h2c);
#  - builds tests/tls/test_tls.c and runs it with RUST_LOG=trace, stdout and stderr captured;
#  - checks the captured output: nothing on stderr, only the program's own lines on stdout, and
#    neither API key text nor any line of a private key's PEM body anywhere.
# nginx is always stopped, also on failure or Ctrl-C. Exits non-zero when anything failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${TEMPORAL_ADDRESS:?run this under tests/harness/with-dev-server.sh}"
: "${TEMPORAL_TEST_TASK_QUEUE:?run this under tests/harness/with-dev-server.sh}"
for tool in nginx openssl "${CC:-cc}"; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "tls: '$tool' is missing (Debian: apt-get install -y nginx-light openssl gcc)" >&2
    exit 2
  }
done
lib="$root/target/release"
[ -e "$lib/libtemporal_ffi.so" ] || { echo "tls: $lib/libtemporal_ffi.so is missing: run make build" >&2; exit 2; }
# The program looks for the library by the SONAME the header names (as `make build` links it).
soname="$(sed -n 's/^#define TEMPORAL_FFI_SONAME "\(.*\)"/\1/p' "$root/include/temporal.h")"
[ -n "$soname" ] || { echo "tls: no TEMPORAL_FFI_SONAME in include/temporal.h" >&2; exit 2; }
[ -e "$lib/$soname" ] || ln -sf libtemporal_ffi.so "$lib/$soname"

work="$(mktemp -d "${TMPDIR:-/tmp}/temporal-ffi-tls.XXXXXX")"
nginx_pid=""
cleanup() {
  local status=$?
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true   # fast shutdown of the master and its worker
    for _ in $(seq 1 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null || true
  if [ "$status" -ne 0 ] && [ -s "$work/nginx/error.log" ]; then
    echo "--- last lines of the nginx error log ---" >&2; tail -n 20 "$work/nginx/error.log" >&2 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ certificates
certs="$work/certs"
mkdir -p "$certs"
ssl() { openssl "$@" >>"$work/openssl.log" 2>&1 || { cat "$work/openssl.log" >&2; exit 1; }; }
cat >"$certs/ca.cnf" <<'EOF'
[req]
distinguished_name = dn
x509_extensions = v3_ca
prompt = no
[dn]
CN = placeholder
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
new_ca() { # NAME CN
  ssl req -x509 -config "$certs/ca.cnf" -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -keyout "$certs/$1.key" -out "$certs/$1.crt" -days 2 -subj "/CN=$2"
}
new_leaf() { # NAME CA CN EXTENSIONS KEYSPEC...
  local name="$1" ca="$2" cn="$3" ext="$4"; shift 4
  printf '%s\n' "basicConstraints = critical, CA:FALSE" "subjectKeyIdentifier = hash" \
    "authorityKeyIdentifier = keyid" "$ext" | tr ';' '\n' >"$certs/$name.ext"
  ssl req -new -newkey "$@" -nodes -keyout "$certs/$name.key" -out "$certs/$name.csr" -subj "/CN=$cn"
  ssl x509 -req -in "$certs/$name.csr" -CA "$certs/$ca.crt" -CAkey "$certs/$ca.key" \
    -CAcreateserial -days 2 -out "$certs/$name.crt" -extfile "$certs/$name.ext"
}
new_ca ca "temporal-ffi test CA"
new_ca other-ca "temporal-ffi unrelated CA"
new_ca client-ca "temporal-ffi client CA"
new_leaf server ca localhost \
  "keyUsage = critical, digitalSignature;extendedKeyUsage = serverAuth;subjectAltName = DNS:localhost, IP:127.0.0.1" \
  ec -pkeyopt ec_paramgen_curve:P-256
new_leaf client client-ca temporal-ffi-client \
  "keyUsage = critical, digitalSignature;extendedKeyUsage = clientAuth" \
  rsa:2048
ssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$certs/other-client.key"

# ------------------------------------------------------------------ nginx
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tls_port="$(free_port)"; mtls_port="$(free_port)"; key_port="$(free_port)"; plain_key_port="$(free_port)"
grpc_key_port="$(free_port)"
ngx="$work/nginx"
mkdir -p "$ngx/tmp"
cp "$certs/server.crt" "$certs/server.key" "$certs/client-ca.crt" "$ngx/"
api_key_check='if ($http_authorization != "Bearer good-key-123") { return 401; }'
cat >"$ngx/nginx.conf" <<EOF
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log info;
events { worker_connections 256; }
http {
  access_log $ngx/access.log;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  grpc_read_timeout 300s;
  grpc_send_timeout 300s;
  ssl_certificate $ngx/server.crt;
  ssl_certificate_key $ngx/server.key;
  ssl_protocols TLSv1.2 TLSv1.3;

  server {  # TLS only
    listen 127.0.0.1:$tls_port ssl http2;
    location / { grpc_pass grpc://$TEMPORAL_ADDRESS; }
  }
  server {  # TLS with a required client certificate (mTLS)
    listen 127.0.0.1:$mtls_port ssl http2;
    ssl_client_certificate $ngx/client-ca.crt;
    ssl_verify_client on;
    location / { grpc_pass grpc://$TEMPORAL_ADDRESS; }
  }
  server {  # TLS with an API key check
    listen 127.0.0.1:$key_port ssl http2;
    location / {
      $api_key_check
      grpc_pass grpc://$TEMPORAL_ADDRESS;
    }
  }
  server {  # TLS with an API key check answering as a gRPC server would (UNAUTHENTICATED)
    listen 127.0.0.1:$grpc_key_port ssl http2;
    error_page 418 = @unauthenticated;
    location / {
      if (\$http_authorization != "Bearer good-key-123") { return 418; }
      grpc_pass grpc://$TEMPORAL_ADDRESS;
    }
    location @unauthenticated {  # a trailers-only gRPC response: grpc-status 16
      default_type application/grpc;
      add_header grpc-status 16 always;
      add_header grpc-message "API key refused by the proxy" always;
      return 204;
    }
  }
  server {  # plaintext HTTP/2 (h2c) with an API key check
    listen 127.0.0.1:$plain_key_port http2;
    location / {
      $api_key_check
      grpc_pass grpc://$TEMPORAL_ADDRESS;
    }
  }
}
EOF
nginx_cmd=(nginx -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" -g 'daemon off;')
if [ "$(id -u)" -eq 0 ]; then
  # Never run the proxy as root: the whole nginx (master included) runs as nobody.
  chown -R nobody "$ngx"
  chmod 711 "$work"   # nobody may pass through (not list) the work directory to reach its own
  nginx_cmd=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "${nginx_cmd[@]}")
fi
"${nginx_cmd[@]}" -t >"$work/nginx-t.log" 2>&1 || { cat "$work/nginx-t.log" >&2; exit 1; }
"${nginx_cmd[@]}" >"$work/nginx.out" 2>&1 &
nginx_pid=$!
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 100); do
  port_open "$tls_port" && port_open "$mtls_port" && port_open "$key_port" && port_open "$plain_key_port" \
    && port_open "$grpc_key_port" && break
  kill -0 "$nginx_pid" 2>/dev/null || { echo "tls: nginx exited" >&2; cat "$work/nginx.out" "$ngx/error.log" >&2; exit 1; }
  sleep 0.1
done
port_open "$tls_port" || { echo "tls: nginx does not listen" >&2; exit 1; }
echo "tls: nginx $(nginx -v 2>&1 | sed 's/.*\///') (pid $nginx_pid) in front of $TEMPORAL_ADDRESS:" \
  "TLS :$tls_port, mTLS :$mtls_port, API key :$key_port (401), API key :$grpc_key_port (gRPC status)," \
  "plaintext API key :$plain_key_port" >&2

# ------------------------------------------------------------------ the test program
prog="$work/test_tls"
"${CC:-cc}" -std=c11 -Wall -Wextra -Werror -I"$root/include" -o "$prog" "$root/tests/tls/test_tls.c" \
  -L"$lib" -ltemporal_ffi -Wl,-rpath,"$lib" -lpthread -ldl -lm

set +e
env RUST_LOG=trace RUST_BACKTRACE=1 \
  TLS_TLS_PORT="$tls_port" TLS_MTLS_PORT="$mtls_port" TLS_APIKEY_PORT="$key_port" \
  TLS_PLAIN_APIKEY_PORT="$plain_key_port" TLS_GRPC_APIKEY_PORT="$grpc_key_port" \
  TLS_CA_PEM="$certs/ca.crt" TLS_OTHER_CA_PEM="$certs/other-ca.crt" \
  TLS_CLIENT_CERT_PEM="$certs/client.crt" TLS_CLIENT_KEY_PEM="$certs/client.key" \
  TLS_OTHER_CLIENT_KEY_PEM="$certs/other-client.key" \
  "$prog" >"$work/out.txt" 2>"$work/err.txt"
prog_status=$?
set -e

# The program's lines, without its own summary line (the combined one is printed below).
grep -v -E '^tls: [0-9]+ passed, [0-9]+ failed$' "$work/out.txt" || true
passed="$(sed -n -E 's/^tls: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$work/out.txt" | tail -n 1)"
failed="$(sed -n -E 's/^tls: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$work/out.txt" | tail -n 1)"
if [ -z "$passed" ]; then
  echo "FAIL program: exited with status $prog_status without its summary line"
  passed=0; failed=1
elif [ "$prog_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL program: exited with status $prog_status"
  failed=1
fi

check() { # NAME COMMAND... : one more case line from a check of the captured output
  local name="$1"; shift
  local why
  if why="$("$@")"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name: $why"; failed=$((failed + 1))
  fi
}
no_stderr() {
  [ ! -s "$work/err.txt" ] && return 0
  echo "the program wrote to stderr (RUST_LOG=trace):"; head -c 2000 "$work/err.txt"; return 1
}
only_own_lines() {
  local other
  other="$(grep -v -E '^(ok   |FAIL |     |tls: )' "$work/out.txt" | head -n 5)"
  [ -z "$other" ] && return 0
  echo "unexpected lines on stdout (RUST_LOG=trace): $other"; return 1
}
no_secret_in() { # FILE...: no API key text and no line of a private key's PEM body in them
  local secret line key
  for secret in good-key-123 wrong-key-456; do
    if grep -q -F -- "$secret" "$@"; then echo "API key text '$secret' in the output"; return 1; fi
  done
  for key in "$certs/client.key" "$certs/other-client.key"; do
    while IFS= read -r line; do
      case "$line" in ''|-----*) continue ;; esac
      if grep -q -F -- "$line" "$@"; then
        echo "a line of the private key $(basename "$key") is in the output"; return 1
      fi
    done <"$key"
  done
  return 0
}
no_secret_in_output() { no_secret_in "$work/out.txt" "$work/err.txt"; }
leak_check_works() { # the check must catch a key line and an API key, and pass clean text
  sed -n 5p "$certs/client.key" >"$work/leak1.txt"
  echo "Bearer good-key-123" >"$work/leak2.txt"
  if no_secret_in "$work/leak1.txt" >/dev/null || no_secret_in "$work/leak2.txt" >/dev/null; then
    echo "a planted secret was not found"; return 1
  fi
  no_secret_in "$certs/ca.crt" "$certs/client.crt"
}
check "7b RUST_LOG=trace: nothing on stderr" no_stderr
check "7c RUST_LOG=trace: only the program's own lines on stdout" only_own_lines
check "7d the output leak check finds planted secrets" leak_check_works
check "7e captured stdout+stderr hold no API key and no private key text" no_secret_in_output

echo "tls: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
