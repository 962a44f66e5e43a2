# Sourced by .ci/run: install and start a throwaway PostgreSQL on 127.0.0.1, export its URL.
#
# - installs the server from the distribution's packages when it is missing
#   (apt-get update; apt-get install -y postgresql), as root or through sudo;
# - creates a cluster in a temporary folder (initdb, trust auth on loopback only), owned by
#   the 'postgres' user when run as root (the server refuses to run as root);
# - starts it on a free port of 127.0.0.1 (no Unix socket outside the temporary folder),
#   creates the database 'sahel_test' and exports
#   SAHEL_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:<port>/sahel_test;
# - stops the server and removes the folder when the calling script exits.
# Returns non-zero (and exports nothing) when any step fails; the store tests then fail
# loudly under CI=true and are skipped elsewhere.

_sahel_pg_setup() {
    local sudo="" bindir tmp port run=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
    fi
    if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "ci: installing PostgreSQL from the distribution's packages" >&2
        $sudo apt-get update -qq || return 1
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null || return 1
    fi
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [ -x "$bindir/initdb" ] || return 1

    tmp=$(mktemp -d "${TMPDIR:-/tmp}/sahel-pg.XXXXXX") || return 1
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$tmp" || return 1
        run=(runuser -u postgres --)
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || return 1

    "${run[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 \
        >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; return 1; }
    "${run[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $tmp -c fsync=off" start >/dev/null || { cat "$tmp/server.log" >&2; return 1; }
    # shellcheck disable=SC2064  # expand now: the values are fixed for this run
    trap "${run[*]} '$bindir/pg_ctl' -D '$tmp/data' -m fast -w stop >/dev/null 2>&1; rm -rf '$tmp'" EXIT
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres sahel_test || return 1

    export SAHEL_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/sahel_test"
    echo "ci: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $SAHEL_TEST_POSTGRES_URL" >&2
}

_sahel_pg_setup
