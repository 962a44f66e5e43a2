# Sourced by .ci/run: install and start a throwaway PostgreSQL on 127.0.0.1, export its URL.
# (Filled in by the stores issue.)
return 0 2>/dev/null || true
